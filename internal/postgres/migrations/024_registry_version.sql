-- The point registry's version (issue 17): ingesters cache resolved points
-- and compare this one row every few seconds, dropping their caches when it
-- moved, so that a change made by another process (the CLI, another node)
-- is seen within seconds rather than when a cached entry expires. Every
-- insert, update and delete of a points row bumps it (a cached point is
-- read from the points table alone); points counts the rows, so that an
-- ingester knows whether the registry is small enough to load at once
-- without reading it. Nothing writes points per report.
CREATE TABLE registry_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version BIGINT NOT NULL,
	points BIGINT NOT NULL
);
INSERT INTO registry_version (id, version, points) SELECT 1, 1, COUNT(*) FROM points;
CREATE FUNCTION bump_registry_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE registry_version SET version = version + 1, points = points + CASE TG_OP WHEN 'INSERT' THEN 1 WHEN 'DELETE' THEN -1 ELSE 0 END WHERE id = 1; RETURN NULL; END $$;
CREATE TRIGGER points_version AFTER INSERT OR UPDATE OR DELETE ON points FOR EACH ROW EXECUTE FUNCTION bump_registry_version();
