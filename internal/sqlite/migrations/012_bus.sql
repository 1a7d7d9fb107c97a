-- Province scale (issue 18): the writer role runs against PostgreSQL only
-- (migration 012 there indexes the frame archive by bytes); nothing changes
-- in SQLite, whose single process confirms after its own commit.
SELECT 1;
