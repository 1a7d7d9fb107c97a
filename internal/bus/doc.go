// Package bus is the province-scale data path between terminal gateways and
// writers: a NATS JetStream stream of accepted frames (file storage,
// replicated, explicit limits, de-duplicated by a deterministic frame id),
// the gateway's publisher that confirms only after the stream's
// acknowledgement, the writers' durable pull consumer that commits through
// the one ingest pipeline and acknowledges after the commit, and a helper
// that runs a nats-server node from the Go module (with sync_interval:
// always, which Debian's 2.9.10 lacks).
package bus
