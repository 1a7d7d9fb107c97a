-- Water-use accounting, alerts and 限批 overrides. Volumes are whole litres
-- (*_l) so that incremental rollups and a recompute agree exactly; days are
-- Beijing-time calendar days as 'YYYY-MM-DD'; months are integers yyyymm.
CREATE TABLE daily_use (
	point_id INTEGER NOT NULL REFERENCES points(id),
	day TEXT NOT NULL,
	region TEXT NOT NULL,
	source TEXT NOT NULL,
	sector TEXT NOT NULL,
	user_id INTEGER NOT NULL DEFAULT 0,
	litres INTEGER NOT NULL,
	basis TEXT NOT NULL,
	method TEXT NOT NULL DEFAULT '',
	flags INTEGER NOT NULL DEFAULT 0,
	received INTEGER NOT NULL DEFAULT 0,
	expected INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (point_id, day)
) WITHOUT ROWID;
CREATE TABLE use_monthly (
	region TEXT NOT NULL,
	source TEXT NOT NULL,
	sector TEXT NOT NULL,
	month INTEGER NOT NULL,
	measured_l INTEGER NOT NULL DEFAULT 0,
	estimated_l INTEGER NOT NULL DEFAULT 0,
	entered_l INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (month, region, source, sector)
) WITHOUT ROWID;
CREATE TABLE use_point_monthly (
	point_id INTEGER NOT NULL,
	month INTEGER NOT NULL,
	region TEXT NOT NULL,
	source TEXT NOT NULL,
	sector TEXT NOT NULL,
	user_id INTEGER NOT NULL DEFAULT 0,
	measured_l INTEGER NOT NULL DEFAULT 0,
	estimated_l INTEGER NOT NULL DEFAULT 0,
	received INTEGER NOT NULL DEFAULT 0,
	expected INTEGER NOT NULL DEFAULT 0,
	days INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (month, point_id, region, source, sector)
) WITHOUT ROWID;
CREATE INDEX use_point_monthly_point ON use_point_monthly(point_id, month);
CREATE TABLE entered_use (
	region TEXT NOT NULL REFERENCES regions(code),
	source TEXT NOT NULL REFERENCES sources(code),
	sector TEXT NOT NULL REFERENCES sectors(code),
	month INTEGER NOT NULL,
	volume_m3 INTEGER NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	updated_ms INTEGER NOT NULL,
	PRIMARY KEY (region, source, sector, month)
);
CREATE TABLE alert_state (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	state TEXT NOT NULL,
	updated_ms INTEGER NOT NULL
);
CREATE TABLE alerts (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE,
	rule TEXT NOT NULL,
	kind TEXT NOT NULL,
	subject TEXT NOT NULL,
	region TEXT NOT NULL DEFAULT '',
	user_id INTEGER NOT NULL DEFAULT 0,
	state TEXT NOT NULL,
	level TEXT NOT NULL,
	max_level TEXT NOT NULL,
	message TEXT NOT NULL DEFAULT '',
	values_json TEXT NOT NULL DEFAULT '',
	active_since_ms INTEGER NOT NULL,
	fired_at_ms INTEGER NOT NULL DEFAULT 0,
	resolved_at_ms INTEGER NOT NULL DEFAULT 0,
	ack_by TEXT NOT NULL DEFAULT '',
	ack_comment TEXT NOT NULL DEFAULT '',
	ack_ms INTEGER NOT NULL DEFAULT 0,
	updated_ms INTEGER NOT NULL
);
CREATE INDEX alerts_state ON alerts(state, id);
CREATE INDEX alerts_region ON alerts(region, id);
CREATE TABLE alert_events (
	seq INTEGER PRIMARY KEY,
	alert_id INTEGER NOT NULL REFERENCES alerts(id),
	type TEXT NOT NULL,
	time_ms INTEGER NOT NULL,
	level TEXT NOT NULL,
	prev_level TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL,
	message TEXT NOT NULL DEFAULT '',
	values_json TEXT NOT NULL DEFAULT '',
	username TEXT NOT NULL DEFAULT '',
	comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alert_events_alert ON alert_events(alert_id, seq);
CREATE TABLE permit_overrides (
	id INTEGER PRIMARY KEY,
	permit_id INTEGER NOT NULL DEFAULT 0,
	number TEXT NOT NULL,
	region TEXT NOT NULL,
	action TEXT NOT NULL,
	justification TEXT NOT NULL,
	reason TEXT NOT NULL,
	actor TEXT NOT NULL,
	time_ms INTEGER NOT NULL
);
