-- The permit process: applications with their steps and documents,
-- certificates, annual plans, plan areas (规划水资源论证), public-mains areas
-- and holiday calendars.
CREATE TABLE permit_applications (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	permit_id INTEGER REFERENCES permits(id),
	user_id INTEGER NOT NULL REFERENCES water_users(id),
	project TEXT NOT NULL,
	region TEXT NOT NULL REFERENCES regions(code),
	source TEXT NOT NULL REFERENCES sources(code),
	sector TEXT NOT NULL REFERENCES sectors(code),
	purpose TEXT NOT NULL DEFAULT '',
	annual_m3 INTEGER NOT NULL CHECK (annual_m3 > 0),
	term_years INTEGER NOT NULL,
	intake_name TEXT NOT NULL DEFAULT '',
	lon REAL NOT NULL DEFAULT 0,
	lat REAL NOT NULL DEFAULT 0,
	zone_id INTEGER REFERENCES zones(id),
	layer TEXT NOT NULL DEFAULT '',
	return_point TEXT NOT NULL DEFAULT '',
	return_method TEXT NOT NULL DEFAULT '',
	return_m3 INTEGER NOT NULL DEFAULT 0,
	public_supplier BOOLEAN NOT NULL DEFAULT FALSE,
	domestic BOOLEAN NOT NULL DEFAULT FALSE,
	domestic_basis TEXT NOT NULL DEFAULT '',
	trade_ref TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL,
	level TEXT NOT NULL DEFAULT '',
	level_reason TEXT NOT NULL DEFAULT '',
	check_json TEXT NOT NULL DEFAULT '',
	certificate_number TEXT NOT NULL DEFAULT '',
	valid_from TEXT NOT NULL DEFAULT '',
	valid_to TEXT NOT NULL DEFAULT '',
	received_ms INTEGER NOT NULL,
	accepted_ms INTEGER NOT NULL DEFAULT 0,
	decided_ms INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL,
	created_ms INTEGER NOT NULL,
	updated_ms INTEGER NOT NULL
);
CREATE INDEX permit_applications_region ON permit_applications(region, state);
CREATE INDEX permit_applications_user ON permit_applications(user_id);
CREATE TABLE application_steps (
	id INTEGER PRIMARY KEY,
	application_id INTEGER NOT NULL REFERENCES permit_applications(id),
	action TEXT NOT NULL,
	from_state TEXT NOT NULL,
	to_state TEXT NOT NULL,
	actor TEXT NOT NULL,
	role TEXT NOT NULL,
	t_ms INTEGER NOT NULL,
	detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX application_steps_app ON application_steps(application_id, id);
CREATE TABLE application_attachments (
	id INTEGER PRIMARY KEY,
	application_id INTEGER NOT NULL REFERENCES permit_applications(id),
	name TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	sha256 TEXT NOT NULL,
	data BLOB NOT NULL,
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL
);
CREATE INDEX application_attachments_app ON application_attachments(application_id);
CREATE TABLE permit_certificates (
	permit_id INTEGER PRIMARY KEY REFERENCES permits(id),
	number TEXT NOT NULL,
	application_id INTEGER REFERENCES permit_applications(id),
	zone_id INTEGER REFERENCES zones(id),
	layer TEXT NOT NULL DEFAULT '',
	return_point TEXT NOT NULL DEFAULT '',
	return_method TEXT NOT NULL DEFAULT '',
	return_m3 INTEGER NOT NULL DEFAULT 0,
	level TEXT NOT NULL DEFAULT '',
	issuer TEXT NOT NULL DEFAULT '',
	issued_ms INTEGER NOT NULL
);
CREATE INDEX permit_certificates_zone ON permit_certificates(zone_id);
CREATE TABLE permit_annual_plans (
	permit_id INTEGER NOT NULL REFERENCES permits(id),
	year INTEGER NOT NULL,
	planned_m3 INTEGER NOT NULL CHECK (planned_m3 >= 0),
	reported_m3 INTEGER NOT NULL DEFAULT 0,
	reported_ms INTEGER NOT NULL DEFAULT 0,
	note TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (permit_id, year)
);
CREATE TABLE plans (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL,
	region TEXT NOT NULL REFERENCES regions(code),
	area TEXT NOT NULL,
	status TEXT NOT NULL,
	demand_m3 INTEGER NOT NULL DEFAULT 0,
	sources TEXT NOT NULL DEFAULT '',
	caps_allow BOOLEAN NOT NULL DEFAULT FALSE,
	conclusion TEXT NOT NULL DEFAULT '',
	assessed_on TEXT NOT NULL DEFAULT '',
	updated_ms INTEGER NOT NULL
);
CREATE TABLE mains_areas (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	region TEXT NOT NULL REFERENCES regions(code),
	supplier TEXT NOT NULL DEFAULT '',
	area TEXT NOT NULL
);
CREATE TABLE holiday_calendars (
	name TEXT PRIMARY KEY,
	verified BOOLEAN NOT NULL,
	source TEXT NOT NULL DEFAULT '',
	days TEXT NOT NULL
);
