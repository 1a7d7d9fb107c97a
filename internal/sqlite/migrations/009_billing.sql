-- Norms, prices, bills and the water-resource tax (issue 15).
CREATE TABLE rules (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	region TEXT NOT NULL REFERENCES regions(code),
	rkey TEXT NOT NULL DEFAULT '',
	effective_ms INTEGER NOT NULL,
	verified BOOLEAN NOT NULL DEFAULT FALSE,
	demo BOOLEAN NOT NULL DEFAULT FALSE,
	name TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL,
	body TEXT NOT NULL,
	actor TEXT NOT NULL,
	updated_ms INTEGER NOT NULL,
	UNIQUE (kind, region, rkey, effective_ms)
);
CREATE TABLE output_declarations (
	user_id INTEGER NOT NULL REFERENCES water_users(id),
	year INTEGER NOT NULL,
	sector TEXT NOT NULL,
	product TEXT NOT NULL,
	output INTEGER NOT NULL,
	PRIMARY KEY (user_id, year, sector, product)
);
CREATE TABLE customer_accounts (
	id INTEGER PRIMARY KEY,
	number TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	region TEXT NOT NULL REFERENCES regions(code),
	class TEXT NOT NULL,
	supplier TEXT NOT NULL DEFAULT '',
	meter TEXT NOT NULL,
	persons INTEGER NOT NULL DEFAULT 0,
	user_id INTEGER REFERENCES water_users(id),
	plan_m3 INTEGER NOT NULL DEFAULT 0,
	opened_ms INTEGER NOT NULL,
	closed_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customer_accounts_region ON customer_accounts(region);
CREATE TABLE meter_reads (
	account_id INTEGER NOT NULL REFERENCES customer_accounts(id),
	read_ms INTEGER NOT NULL,
	reading_m3 INTEGER NOT NULL,
	estimated BOOLEAN NOT NULL DEFAULT FALSE,
	PRIMARY KEY (account_id, read_ms)
);
CREATE INDEX meter_reads_day ON meter_reads(read_ms);
CREATE TABLE bills (
	id INTEGER PRIMARY KEY,
	subject TEXT NOT NULL,
	subject_id INTEGER NOT NULL,
	region TEXT NOT NULL,
	user_id INTEGER NOT NULL DEFAULT 0,
	period INTEGER NOT NULL,
	kind TEXT NOT NULL,
	status TEXT NOT NULL,
	volume_m3 INTEGER NOT NULL,
	total_fen INTEGER NOT NULL,
	estimated BOOLEAN NOT NULL DEFAULT FALSE,
	rules TEXT NOT NULL,
	lines TEXT NOT NULL,
	created_ms INTEGER NOT NULL,
	issued_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX bills_period ON bills(subject, period, status);
CREATE INDEX bills_subject ON bills(subject, subject_id, period);
CREATE UNIQUE INDEX bills_one_draft ON bills(subject, subject_id, period) WHERE status = 'draft';
CREATE TABLE tax_verifications (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES water_users(id),
	region TEXT NOT NULL,
	period TEXT NOT NULL,
	status TEXT NOT NULL,
	total_fen INTEGER NOT NULL,
	rule_id INTEGER NOT NULL,
	lines TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	created_ms INTEGER NOT NULL,
	sent_ms INTEGER NOT NULL DEFAULT 0,
	answered_ms INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX tax_verifications_live ON tax_verifications(user_id, period) WHERE status IN ('draft', 'sent', 'confirmed');
CREATE TABLE certifications (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES water_users(id),
	region TEXT NOT NULL,
	year INTEGER NOT NULL,
	sector TEXT NOT NULL,
	product TEXT NOT NULL,
	used_m3 INTEGER NOT NULL,
	output INTEGER NOT NULL,
	status TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	valid_from_ms INTEGER NOT NULL DEFAULT 0,
	valid_to_ms INTEGER NOT NULL DEFAULT 0,
	updated_ms INTEGER NOT NULL,
	actor TEXT NOT NULL
);
CREATE INDEX certifications_user ON certifications(user_id, year);
CREATE TABLE water_budgets (
	id INTEGER PRIMARY KEY,
	year INTEGER NOT NULL,
	subject TEXT NOT NULL,
	subject_id TEXT NOT NULL,
	region TEXT NOT NULL,
	source TEXT NOT NULL DEFAULT '',
	sector TEXT NOT NULL DEFAULT '',
	annual_m3 INTEGER NOT NULL,
	monthly TEXT NOT NULL,
	basis TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	updated_ms INTEGER NOT NULL,
	UNIQUE (year, subject, subject_id, source, sector)
);
CREATE TABLE saving_contracts (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES water_users(id),
	region TEXT NOT NULL,
	company TEXT NOT NULL,
	model TEXT NOT NULL,
	sector TEXT NOT NULL,
	product TEXT NOT NULL,
	baseline_year INTEGER NOT NULL,
	start_year INTEGER NOT NULL,
	end_year INTEGER NOT NULL,
	guaranteed INTEGER NOT NULL,
	share INTEGER NOT NULL,
	price INTEGER NOT NULL,
	fee_fen INTEGER NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	updated_ms INTEGER NOT NULL
);
