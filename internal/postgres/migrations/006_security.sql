-- Security (issue 12), as in the SQLite schema: failed-login counters per (account, client address),
-- second factors, and signed checkpoints of the audit chain.
CREATE TABLE login_failures (
	account_id BIGINT NOT NULL REFERENCES accounts(id),
	client TEXT NOT NULL,
	failures INTEGER NOT NULL,
	first_ms BIGINT NOT NULL,
	last_ms BIGINT NOT NULL,
	PRIMARY KEY (account_id, client)
);
CREATE INDEX login_failures_last ON login_failures(last_ms);
ALTER TABLE accounts ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE accounts ADD COLUMN models_granted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
CREATE TABLE audit_checkpoints (
	seq BIGINT NOT NULL,
	key_id TEXT NOT NULL,
	hash TEXT NOT NULL,
	time_ms BIGINT NOT NULL,
	signature TEXT NOT NULL,
	PRIMARY KEY (seq, key_id)
);
