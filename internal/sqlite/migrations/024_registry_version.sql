-- The point registry's version (issue 17): ingesters cache resolved points
-- and compare this one row every few seconds, dropping their caches when it
-- moved, so that a change made by another process (the CLI on the same
-- file, another node) is seen within seconds rather than when a cached
-- entry expires. Every insert, update and delete of a points row bumps it
-- (a cached point is read from the points table alone); points counts the
-- rows, so that an ingester knows whether the registry is small enough to
-- load at once without reading it. Nothing writes points per report.
CREATE TABLE registry_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version INTEGER NOT NULL,
	points INTEGER NOT NULL
);
INSERT INTO registry_version (id, version, points) SELECT 1, 1, COUNT(*) FROM points;
CREATE TRIGGER points_version_insert AFTER INSERT ON points BEGIN UPDATE registry_version SET version = version + 1, points = points + 1 WHERE id = 1; END;
CREATE TRIGGER points_version_update AFTER UPDATE ON points BEGIN UPDATE registry_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER points_version_delete AFTER DELETE ON points BEGIN UPDATE registry_version SET version = version + 1, points = points - 1 WHERE id = 1; END;
