// Package warning is the pure early-warning engine of sishui: rules kept as
// reviewable YAML data (total use against caps, permit use, ecological base
// flow, groundwater level and zone caps, terminal offline, data quality,
// geothermal reinjection), their evaluation against plain observations the caller
// reads from the store, and the alert state machine
//
//	Inactive → Pending → Firing ⇄ Acknowledged → Resolved
//
// with de-duplication by (rule, subject), escalation and de-escalation events, an
// event history per alert, acknowledgement by a user, and a state that the caller
// can serialise and restore.
//
// The package does no I/O beyond reading rule files from an io.Reader or fs.FS
// and reads no clock: the caller passes "now" to Eval and Ack. Notification is
// behind the Notifier interface; internal/warning/webhook delivers events over
// HTTP.
package warning
