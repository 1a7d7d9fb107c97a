-- Accounts and credentials (sessions, API tokens). Secrets are stored as SHA-256 hashes.
CREATE TABLE accounts (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL,
	region TEXT REFERENCES regions(code),
	water_user INTEGER REFERENCES water_users(id),
	disabled BOOLEAN NOT NULL DEFAULT FALSE,
	password_hash TEXT NOT NULL DEFAULT '',
	failed_logins INTEGER NOT NULL DEFAULT 0,
	locked_until_ms INTEGER NOT NULL DEFAULT 0,
	created_ms INTEGER NOT NULL
);
CREATE TABLE credentials (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	account_id INTEGER NOT NULL REFERENCES accounts(id),
	name TEXT NOT NULL DEFAULT '',
	hash TEXT NOT NULL UNIQUE,
	csrf TEXT NOT NULL DEFAULT '',
	created_ms INTEGER NOT NULL,
	expires_ms INTEGER NOT NULL,
	revoked BOOLEAN NOT NULL DEFAULT FALSE,
	last_used_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX credentials_account ON credentials(account_id, kind);
