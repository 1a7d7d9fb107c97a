-- The plan's units, tasks and progress reports; statistics departments enter for
-- review; attachments stored in the database; the works register and its links;
-- measurements on works (for computed indicators); projects and milestones.
ALTER TABLE accounts ADD COLUMN unit TEXT;
CREATE TABLE units (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	name_en TEXT NOT NULL DEFAULT '',
	metrics TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tasks (
	code TEXT PRIMARY KEY,
	part INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	body TEXT NOT NULL
);
CREATE TABLE task_units (
	task TEXT NOT NULL REFERENCES tasks(code),
	unit TEXT NOT NULL REFERENCES units(code),
	lead INTEGER NOT NULL,
	PRIMARY KEY (task, unit)
);
CREATE TABLE task_reports (
	id INTEGER PRIMARY KEY,
	task TEXT NOT NULL REFERENCES tasks(code),
	year INTEGER NOT NULL,
	quarter INTEGER NOT NULL,
	region TEXT NOT NULL REFERENCES regions(code),
	unit TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL,
	progress_pct REAL NOT NULL,
	figures TEXT NOT NULL DEFAULT '[]',
	done INTEGER NOT NULL DEFAULT 0,
	at_risk INTEGER NOT NULL DEFAULT 0,
	risk_reason TEXT NOT NULL DEFAULT '',
	invented INTEGER NOT NULL DEFAULT 0,
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL
);
CREATE INDEX task_reports_task ON task_reports(task, region, year, quarter);
CREATE TABLE attachments (
	id INTEGER PRIMARY KEY,
	owner TEXT NOT NULL,
	owner_id INTEGER NOT NULL,
	name TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	data BLOB NOT NULL,
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL
);
CREATE INDEX attachments_owner ON attachments(owner, owner_id);
CREATE TABLE statistic_entries (
	id INTEGER PRIMARY KEY,
	region TEXT NOT NULL REFERENCES regions(code),
	year INTEGER NOT NULL,
	metric TEXT NOT NULL,
	value REAL NOT NULL,
	source TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	unit TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL,
	entered_by TEXT NOT NULL,
	entered_ms INTEGER NOT NULL,
	reviewed_by TEXT NOT NULL DEFAULT '',
	reviewed_ms INTEGER NOT NULL DEFAULT 0,
	review_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX statistic_entries_status ON statistic_entries(status, id);
CREATE TABLE works (
	code TEXT PRIMARY KEY,
	kind TEXT NOT NULL,
	name TEXT NOT NULL,
	region TEXT NOT NULL REFERENCES regions(code),
	body TEXT NOT NULL
);
CREATE INDEX works_kind ON works(kind, code);
CREATE TABLE work_links (
	from_code TEXT NOT NULL REFERENCES works(code),
	to_code TEXT NOT NULL REFERENCES works(code),
	body TEXT NOT NULL,
	PRIMARY KEY (from_code, to_code)
);
CREATE TABLE work_measurements (
	id INTEGER PRIMARY KEY,
	work TEXT NOT NULL REFERENCES works(code),
	year INTEGER NOT NULL,
	metric TEXT NOT NULL,
	field TEXT NOT NULL DEFAULT '',
	season TEXT NOT NULL DEFAULT '',
	value REAL NOT NULL,
	basis TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL,
	UNIQUE (work, year, metric, field, season)
);
CREATE TABLE projects (
	code TEXT PRIMARY KEY,
	region TEXT NOT NULL REFERENCES regions(code),
	body TEXT NOT NULL
);
