-- Security (issue 12): failed-login counters per (account, client address),
-- second factors, and signed checkpoints of the audit chain.
CREATE TABLE login_failures (
	account_id INTEGER NOT NULL REFERENCES accounts(id),
	client TEXT NOT NULL,
	failures INTEGER NOT NULL,
	first_ms INTEGER NOT NULL,
	last_ms INTEGER NOT NULL,
	PRIMARY KEY (account_id, client)
);
CREATE INDEX login_failures_last ON login_failures(last_ms);
ALTER TABLE accounts ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE accounts ADD COLUMN models_granted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE accounts ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
CREATE TABLE audit_checkpoints (
	seq INTEGER NOT NULL,
	key_id TEXT NOT NULL,
	hash TEXT NOT NULL,
	time_ms INTEGER NOT NULL,
	signature TEXT NOT NULL,
	PRIMARY KEY (seq, key_id)
);
