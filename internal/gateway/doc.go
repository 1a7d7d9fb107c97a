// Package gateway is the TCP front door for telemetry terminals (RTUs): it
// accepts SL 651-2014 and SZY 206-2016 connections, frames and decodes what
// they send, archives every received frame raw together with its samples in
// one store transaction (group-committed across connections), and only then
// confirms the frame to the terminal.
//
// The layers follow VictoriaMetrics' habit: the pure codecs
// (internal/protocol/sl651, internal/protocol/szy206) parse, a per-connection
// stream reader frames and resynchronises, and the Server owns sockets,
// limits, the registry of live sessions keyed by terminal address and the
// per-terminal downlink queues.
//
// A frame is accepted when it decodes (CRC included), comes from a registered
// and not retired point of the same protocol, and carries the point's
// password when the point has one (SL 651 only: SZY 206 uplink frames carry
// no password). Frames failing the checksum, from unknown terminals or with a
// wrong password are archived with status quarantined; frames that do not
// decode otherwise are archived with status error. Neither is confirmed.
// SL 651 points must have a password (no_password) unless
// Server.AllowNoPassword, and peers must lie in the allowed networks
// (source_network). Accepted frames that look replayed or forged are marked
// (signals.go). Sample mapping lives in mapping.go (Mapping).
package gateway
