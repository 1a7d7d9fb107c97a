-- Corrections overlay raw samples (never changed); approvals lock periods.
CREATE TABLE corrections (
	id INTEGER PRIMARY KEY,
	point_id INTEGER NOT NULL REFERENCES points(id),
	metric INTEGER NOT NULL,
	t INTEGER NOT NULL,
	value REAL NOT NULL,
	kind TEXT NOT NULL,
	version INTEGER NOT NULL,
	reason TEXT NOT NULL,
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL,
	UNIQUE (point_id, metric, t, version)
);
CREATE TABLE approvals (
	id INTEGER PRIMARY KEY,
	point_id INTEGER NOT NULL REFERENCES points(id),
	metric INTEGER NOT NULL,
	from_ms INTEGER NOT NULL,
	to_ms INTEGER NOT NULL,
	level TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	created_ms INTEGER NOT NULL
);
CREATE INDEX approvals_series ON approvals(point_id, metric, from_ms);
