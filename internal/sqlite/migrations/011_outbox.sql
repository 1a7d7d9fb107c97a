-- The national-link outbox (上报队列): samples queued for the national
-- platform in the same transaction that stores them; rows leave once the
-- upstream confirmed them. Idempotent on (point, metric, time).
CREATE TABLE outbox (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	point_id INTEGER NOT NULL REFERENCES points(id),
	metric INTEGER NOT NULL,
	t INTEGER NOT NULL,
	value REAL NOT NULL,
	UNIQUE (point_id, metric, t)
);
