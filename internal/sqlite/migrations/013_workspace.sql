-- The scenario workspace (情景工作台): saved, versioned scenarios with their
-- owner, base scenario, changes and results, shared with other accounts; and
-- the monthly history of each county's live carrying-capacity grade.
CREATE TABLE scenarios (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	owner TEXT NOT NULL,
	base INTEGER REFERENCES scenarios(id),
	version INTEGER NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	created_ms INTEGER NOT NULL,
	updated_ms INTEGER NOT NULL
);
CREATE INDEX scenarios_owner ON scenarios (owner);
CREATE TABLE scenario_versions (
	scenario INTEGER NOT NULL REFERENCES scenarios(id),
	version INTEGER NOT NULL,
	changes TEXT NOT NULL,
	result TEXT,
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL,
	run_ms INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (scenario, version)
);
CREATE TABLE scenario_shares (
	scenario INTEGER NOT NULL REFERENCES scenarios(id),
	account TEXT NOT NULL,
	access TEXT NOT NULL,
	PRIMARY KEY (scenario, account)
);
CREATE INDEX scenario_shares_account ON scenario_shares (account);
CREATE TABLE capacity_history (
	region TEXT NOT NULL REFERENCES regions(code),
	month INTEGER NOT NULL,
	body TEXT NOT NULL,
	computed_ms INTEGER NOT NULL,
	PRIMARY KEY (region, month)
);
