-- sishui schema for SQLite. Times are integers: *_ms are Unix milliseconds UTC.
CREATE TABLE regions (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	name_en TEXT NOT NULL DEFAULT '',
	level TEXT NOT NULL,
	parent TEXT REFERENCES regions(code),
	host TEXT REFERENCES regions(code),
	note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sources (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	name_en TEXT NOT NULL DEFAULT '',
	groundwater BOOLEAN NOT NULL DEFAULT FALSE,
	unconventional BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE sectors (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	name_en TEXT NOT NULL DEFAULT '',
	grp TEXT NOT NULL
);
CREATE TABLE water_users (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	credit_code TEXT NOT NULL UNIQUE,
	region TEXT NOT NULL REFERENCES regions(code),
	sector TEXT NOT NULL REFERENCES sectors(code),
	address TEXT NOT NULL DEFAULT '',
	lon REAL NOT NULL DEFAULT 0,
	lat REAL NOT NULL DEFAULT 0,
	contact TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	retired BOOLEAN NOT NULL DEFAULT FALSE,
	note TEXT NOT NULL DEFAULT '',
	created_ms INTEGER NOT NULL,
	updated_ms INTEGER NOT NULL
);
CREATE INDEX water_users_region ON water_users(region);
CREATE TABLE permits (
	id INTEGER PRIMARY KEY,
	number TEXT NOT NULL UNIQUE,
	user_id INTEGER NOT NULL REFERENCES water_users(id),
	region TEXT NOT NULL REFERENCES regions(code),
	source TEXT NOT NULL REFERENCES sources(code),
	sector TEXT NOT NULL REFERENCES sectors(code),
	purpose TEXT NOT NULL DEFAULT '',
	intake_name TEXT NOT NULL DEFAULT '',
	lon REAL NOT NULL DEFAULT 0,
	lat REAL NOT NULL DEFAULT 0,
	annual_m3 INTEGER NOT NULL CHECK (annual_m3 > 0),
	monthly_plan TEXT NOT NULL DEFAULT '',
	valid_from TEXT NOT NULL,
	valid_to TEXT NOT NULL,
	status TEXT NOT NULL,
	online_required BOOLEAN NOT NULL DEFAULT FALSE,
	note TEXT NOT NULL DEFAULT '',
	created_ms INTEGER NOT NULL,
	updated_ms INTEGER NOT NULL
);
CREATE INDEX permits_region ON permits(region);
CREATE INDEX permits_user ON permits(user_id);
CREATE TABLE sections (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	river TEXT NOT NULL,
	region TEXT NOT NULL REFERENCES regions(code),
	lon REAL NOT NULL DEFAULT 0,
	lat REAL NOT NULL DEFAULT 0,
	base_flow_m3s REAL NOT NULL,
	warning_flow_m3s REAL NOT NULL,
	note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE zones (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	region TEXT NOT NULL REFERENCES regions(code),
	kind TEXT NOT NULL,
	layer TEXT NOT NULL,
	annual_cap_m3 INTEGER NOT NULL,
	red_line_depth_m REAL NOT NULL,
	warn_depth_m REAL NOT NULL,
	note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE points (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL,
	name TEXT NOT NULL,
	kind TEXT NOT NULL,
	protocol TEXT NOT NULL,
	region TEXT NOT NULL REFERENCES regions(code),
	lon REAL NOT NULL DEFAULT 0,
	lat REAL NOT NULL DEFAULT 0,
	permit_id INTEGER REFERENCES permits(id),
	section_id INTEGER REFERENCES sections(id),
	zone_id INTEGER REFERENCES zones(id),
	source TEXT REFERENCES sources(code),
	multiplier REAL NOT NULL,
	rollover_m3 REAL NOT NULL DEFAULT 0,
	interval_s INTEGER NOT NULL,
	password TEXT NOT NULL DEFAULT '',
	retired BOOLEAN NOT NULL DEFAULT FALSE,
	note TEXT NOT NULL DEFAULT '',
	created_ms INTEGER NOT NULL,
	updated_ms INTEGER NOT NULL,
	UNIQUE (protocol, code)
);
CREATE INDEX points_region ON points(region);
CREATE INDEX points_permit ON points(permit_id);
CREATE INDEX points_code ON points(code);
CREATE TABLE caps (
	region TEXT NOT NULL REFERENCES regions(code),
	year INTEGER NOT NULL,
	total_m3 INTEGER NOT NULL,
	groundwater_m3 INTEGER NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (region, year)
);
CREATE TABLE indicators (
	id TEXT PRIMARY KEY,
	seq INTEGER NOT NULL,
	name TEXT NOT NULL,
	name_en TEXT NOT NULL DEFAULT '',
	unit TEXT NOT NULL DEFAULT '',
	binding BOOLEAN NOT NULL,
	direction TEXT NOT NULL,
	lead TEXT NOT NULL DEFAULT '',
	source TEXT NOT NULL DEFAULT ''
);
CREATE TABLE targets (
	indicator TEXT NOT NULL REFERENCES indicators(id),
	region TEXT NOT NULL REFERENCES regions(code),
	year INTEGER NOT NULL,
	value REAL NOT NULL,
	PRIMARY KEY (indicator, region, year)
);
CREATE TABLE statistics (
	region TEXT NOT NULL REFERENCES regions(code),
	year INTEGER NOT NULL,
	metric TEXT NOT NULL,
	value REAL NOT NULL,
	source TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (region, year, metric)
);
CREATE TABLE audit (
	seq INTEGER PRIMARY KEY,
	time_ms INTEGER NOT NULL,
	actor TEXT NOT NULL,
	role TEXT NOT NULL,
	action TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	before_json TEXT NOT NULL DEFAULT '',
	after_json TEXT NOT NULL DEFAULT '',
	reason TEXT NOT NULL DEFAULT '',
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit(entity, entity_id);
CREATE TABLE audit_head (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	seq INTEGER NOT NULL,
	hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
-- Time series: hour buckets first, then series, then time (DESIGN.md §4; sqlstore.BucketMS).
CREATE TABLE samples (
	bucket INTEGER NOT NULL,
	point_id INTEGER NOT NULL REFERENCES points(id),
	metric INTEGER NOT NULL,
	t INTEGER NOT NULL,
	value REAL NOT NULL,
	flags INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (bucket, point_id, metric, t)
) WITHOUT ROWID;
CREATE TABLE series_latest (
	point_id INTEGER NOT NULL REFERENCES points(id),
	metric INTEGER NOT NULL,
	t INTEGER NOT NULL,
	value REAL NOT NULL,
	flags INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (point_id, metric)
) WITHOUT ROWID;
CREATE TABLE frames (
	id INTEGER PRIMARY KEY,
	received_ms INTEGER NOT NULL,
	protocol TEXT NOT NULL,
	peer TEXT NOT NULL DEFAULT '',
	station TEXT NOT NULL DEFAULT '',
	function TEXT NOT NULL DEFAULT '',
	bytes BLOB NOT NULL,
	status TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT '',
	err_offset INTEGER NOT NULL DEFAULT 0,
	samples INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX frames_station ON frames(station, id);
CREATE INDEX frames_status ON frames(status, id);
