-- Frames by station within groups of 4096 consecutive ids (issue 17).
-- frames(station, id) took about a third of a group commit's store cost: a
-- commit of 800 reports from 800 terminals dirtied one index page per
-- terminal, however large the archive. Keyed (id >> 12, station), a commit's
-- entries fall in the newest group's few pages. A station's frames are
-- listed group by group, newest first (sqlstore.frameGroupShift).
DROP INDEX IF EXISTS frames_station;
CREATE INDEX frames_station_group ON frames((id >> 12), station);
