-- Terminal security and downlink (issue 12 terminals, issue 17 downlink).
-- Allowed source networks of a terminal (comma-separated CIDR; empty: any
-- the gateway allows).
ALTER TABLE points ADD COLUMN allowed_nets TEXT NOT NULL DEFAULT '';
-- Frames with a reason (quarantined, or accepted with a replay or
-- impersonation signal) by time, for the terminal_security warning.
CREATE INDEX frames_reason_time ON frames(received_ms) WHERE reason <> '';
-- Downlink commands to terminals (下行命令): queued durably while the
-- terminal is offline, sent when it is online, with status and reply.
CREATE TABLE terminal_commands (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	point_id BIGINT NOT NULL REFERENCES points(id),
	protocol TEXT NOT NULL,
	station TEXT NOT NULL,
	kind TEXT NOT NULL,
	params TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL,
	function TEXT NOT NULL DEFAULT '',
	frame TEXT NOT NULL DEFAULT '',
	reply TEXT NOT NULL DEFAULT '',
	error TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL DEFAULT '',
	created_ms BIGINT NOT NULL,
	sent_ms BIGINT NOT NULL DEFAULT 0,
	done_ms BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX terminal_commands_status ON terminal_commands(status, id);
CREATE INDEX terminal_commands_point ON terminal_commands(point_id, id);
