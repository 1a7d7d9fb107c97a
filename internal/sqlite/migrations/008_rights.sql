-- Water rights: holders, an append-only double-entry ledger, the market.
-- Entries are never updated or deleted; a correction is a reversing transaction.
CREATE TABLE rights_holders (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL,
	name TEXT NOT NULL,
	region TEXT,
	water_user INTEGER,
	permit INTEGER,
	public_supplier BOOLEAN NOT NULL DEFAULT FALSE,
	ecological BOOLEAN NOT NULL DEFAULT FALSE,
	over_extraction BOOLEAN NOT NULL DEFAULT FALSE,
	lock_version INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE rights_allocable (
	source TEXT NOT NULL,
	year INTEGER NOT NULL,
	volume_m3 INTEGER NOT NULL,
	PRIMARY KEY (source, year)
);
CREATE TABLE rights_txs (
	id INTEGER PRIMARY KEY,
	reason TEXT NOT NULL,
	ref TEXT NOT NULL DEFAULT '',
	reverses INTEGER REFERENCES rights_txs(id),
	memo TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX rights_txs_reverses ON rights_txs(reverses) WHERE reverses IS NOT NULL;
CREATE TABLE rights_entries (
	id INTEGER PRIMARY KEY,
	tx_id INTEGER NOT NULL REFERENCES rights_txs(id),
	holder_id INTEGER NOT NULL REFERENCES rights_holders(id),
	source TEXT NOT NULL,
	year INTEGER NOT NULL,
	volume_m3 INTEGER NOT NULL,
	from_ms INTEGER NOT NULL DEFAULT 0,
	to_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rights_entries_account ON rights_entries(holder_id, source, year);
CREATE INDEX rights_entries_tx ON rights_entries(tx_id);
-- The entries' sums per account and window, kept in the same transaction as
-- the entries (zero sums removed): what the rules load. rights verify checks
-- them against the entries.
CREATE TABLE rights_sums (
	holder_id INTEGER NOT NULL REFERENCES rights_holders(id),
	source TEXT NOT NULL,
	year INTEGER NOT NULL,
	from_ms INTEGER NOT NULL,
	to_ms INTEGER NOT NULL,
	volume_m3 INTEGER NOT NULL,
	PRIMARY KEY (holder_id, source, year, from_ms, to_ms)
);
CREATE TABLE rights_listings (
	id INTEGER PRIMARY KEY,
	type TEXT NOT NULL,
	mode TEXT NOT NULL,
	method TEXT NOT NULL,
	seller INTEGER NOT NULL REFERENCES rights_holders(id),
	buyer INTEGER REFERENCES rights_holders(id),
	source TEXT NOT NULL,
	volume_m3 INTEGER NOT NULL,
	price_fen INTEGER NOT NULL,
	from_ms INTEGER NOT NULL,
	to_ms INTEGER NOT NULL,
	remaining_m3 INTEGER NOT NULL,
	status TEXT NOT NULL,
	hold_tx INTEGER REFERENCES rights_txs(id),
	note TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL,
	lock_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rights_listings_status ON rights_listings(status, id);
CREATE TABLE rights_bids (
	id INTEGER PRIMARY KEY,
	listing_id INTEGER NOT NULL REFERENCES rights_listings(id),
	buyer INTEGER NOT NULL REFERENCES rights_holders(id),
	volume_m3 INTEGER NOT NULL,
	price_fen INTEGER NOT NULL,
	status TEXT NOT NULL,
	awarded_m3 INTEGER NOT NULL DEFAULT 0,
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL
);
CREATE INDEX rights_bids_listing ON rights_bids(listing_id, id);
CREATE TABLE rights_trades (
	id INTEGER PRIMARY KEY,
	listing_id INTEGER NOT NULL REFERENCES rights_listings(id),
	bid_id INTEGER REFERENCES rights_bids(id),
	type TEXT NOT NULL,
	mode TEXT NOT NULL,
	seller INTEGER NOT NULL REFERENCES rights_holders(id),
	buyer INTEGER NOT NULL REFERENCES rights_holders(id),
	source TEXT NOT NULL,
	volume_m3 INTEGER NOT NULL,
	price_fen INTEGER NOT NULL,
	amount_fen INTEGER NOT NULL,
	from_ms INTEGER NOT NULL,
	to_ms INTEGER NOT NULL,
	status TEXT NOT NULL,
	route TEXT NOT NULL,
	notice_from_ms INTEGER NOT NULL,
	notice_to_ms INTEGER NOT NULL,
	settle_tx INTEGER REFERENCES rights_txs(id),
	created_ms INTEGER NOT NULL,
	lock_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX rights_trades_status ON rights_trades(status, id);
CREATE TABLE rights_objections (
	id INTEGER PRIMARY KEY,
	trade_id INTEGER NOT NULL REFERENCES rights_trades(id),
	name TEXT NOT NULL,
	text TEXT NOT NULL,
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL
);
CREATE TABLE rights_approvals (
	id INTEGER PRIMARY KEY,
	trade_id INTEGER NOT NULL REFERENCES rights_trades(id),
	decision TEXT NOT NULL,
	savings_verified BOOLEAN NOT NULL DEFAULT FALSE,
	note TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL
);
CREATE INDEX rights_approvals_trade ON rights_approvals(trade_id);
