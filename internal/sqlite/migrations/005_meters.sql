-- Meter replacements and resets, and 以电折水 coefficients of farm wells.
CREATE TABLE meter_events (
	id INTEGER PRIMARY KEY,
	point_id INTEGER NOT NULL REFERENCES points(id),
	t INTEGER NOT NULL,
	kind TEXT NOT NULL,
	final_reading REAL,
	start_reading REAL NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL
);
CREATE INDEX meter_events_point ON meter_events(point_id, t);
CREATE TABLE energy_coefficients (
	id INTEGER PRIMARY KEY,
	point_id INTEGER NOT NULL REFERENCES points(id),
	valid_from_ms INTEGER NOT NULL,
	valid_to_ms INTEGER NOT NULL DEFAULT 0,
	m3_per_kwh REAL NOT NULL,
	source TEXT NOT NULL,
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL
);
CREATE INDEX energy_coefficients_point ON energy_coefficients(point_id, valid_from_ms);
