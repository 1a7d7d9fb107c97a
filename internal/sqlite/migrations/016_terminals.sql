-- Terminal security and downlink (issue 12 terminals, issue 17 downlink).
-- Allowed source networks of a terminal (comma-separated CIDR; empty: any
-- the gateway allows).
ALTER TABLE points ADD COLUMN allowed_nets TEXT NOT NULL DEFAULT '';
-- Frames with a reason (quarantined, or accepted with a replay or
-- impersonation signal) by time, for the terminal_security warning.
CREATE INDEX frames_reason_time ON frames(received_ms) WHERE reason <> '';
