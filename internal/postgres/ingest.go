package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5/stdlib"

	"github.com/sishui/sishui/internal/sqlstore"
)

// ingestSQL stores a whole group commit in one statement: frames, samples,
// the series' latest values and the national link's outbox rows, each sent
// as arrays and unnested. A single statement outside a transaction block is
// its own transaction, so the append costs one round trip and one commit
// (a WAL flush: synchronous_commit is the server's, on by default) instead
// of BEGIN, an INSERT per table (per 100 frames) and COMMIT. The
// data-modifying CTEs all run to completion whether or not the final SELECT
// reads them; they touch different tables, so sharing one snapshot changes
// nothing. Frame ids are assigned in array order, so the sorted ids map back
// to the frames.
const ingestSQL = `WITH f AS (
	INSERT INTO frames (received_ms, protocol, peer, station, function, bytes, status, reason, err_offset, samples)
	SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[], $7::text[], $8::text[], $9::bigint[], $10::bigint[])
	RETURNING id
), s AS (
	INSERT INTO samples (bucket, metric, point_id, t, value, flags)
	SELECT * FROM unnest($11::integer[], $12::integer[], $13::bigint[], $14::bigint[], $15::double precision[], $16::bigint[])
	ON CONFLICT (bucket, point_id, metric, t) DO NOTHING
	RETURNING 1
), l AS (
	INSERT INTO series_latest (point_id, metric, t, value, flags)
	SELECT * FROM unnest($17::bigint[], $18::integer[], $19::bigint[], $20::double precision[], $21::bigint[])
	ON CONFLICT (point_id, metric) DO UPDATE SET t = excluded.t, value = excluded.value, flags = excluded.flags
	WHERE excluded.t > series_latest.t
), o AS (
	INSERT INTO outbox (point_id, metric, t, value)
	SELECT * FROM unnest($22::bigint[], $23::integer[], $24::bigint[], $25::double precision[])
	ON CONFLICT (point_id, metric, t) DO NOTHING
)
SELECT (SELECT count(*) FROM s), ARRAY(SELECT id FROM f ORDER BY id)`

// ingestOne is the sqlstore.DB.IngestOne hook (see ingestSQL). It runs on
// the pgx connection beneath a pooled one, whose statement cache prepares
// ingestSQL once per connection and sends the arrays in binary.
func ingestOne(ctx context.Context, db *sql.DB, b sqlstore.IngestBatch) (int, error) {
	args := ingestArgs(b)
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("conn: %w", err)
	}
	defer conn.Close()
	var inserted int64
	var ids []int64
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("driver connection is %T, not pgx", dc)
		}
		return c.Conn().QueryRow(ctx, ingestSQL, args...).Scan(&inserted, &ids)
	})
	if err != nil {
		return 0, err
	}
	if len(ids) != len(b.Frames) {
		return 0, fmt.Errorf("archive frames: %d ids for %d frames", len(ids), len(b.Frames))
	}
	for i, f := range b.Frames {
		f.ID = ids[i]
	}
	return int(inserted), nil
}

// ingestArgs lays the batch out as the 25 column arrays of ingestSQL.
func ingestArgs(b sqlstore.IngestBatch) []any {
	nf := len(b.Frames)
	received, offset, nsamples := make([]int64, nf), make([]int64, nf), make([]int64, nf)
	protocol, peer, station, function := make([]string, nf), make([]string, nf), make([]string, nf), make([]string, nf)
	status, reason := make([]string, nf), make([]string, nf)
	raw := make([][]byte, nf)
	for i, f := range b.Frames {
		received[i], offset[i], nsamples[i] = f.Received.UnixMilli(), int64(f.Offset), int64(f.Samples)
		protocol[i], peer[i], station[i], function[i] = f.Protocol, f.Peer, f.Station, f.Function
		status[i], reason[i] = f.Status, f.Reason
		raw[i] = f.Bytes
		if raw[i] == nil {
			raw[i] = []byte{} // NOT NULL
		}
	}
	ns := len(b.Samples)
	bucket, metric := make([]int32, ns), make([]int32, ns)
	point, t, flags := make([]int64, ns), make([]int64, ns), make([]int64, ns)
	value := make([]float64, ns)
	for i := range b.Samples {
		x := &b.Samples[i]
		ms := x.Time.UnixMilli()
		bucket[i], metric[i], point[i], t[i], value[i], flags[i] = int32(ms/sqlstore.BucketMS), int32(x.Metric), x.Point, ms, x.Value, int64(x.Flags)
	}
	nl := len(b.Latest)
	lpoint, lt, lflags := make([]int64, nl), make([]int64, nl), make([]int64, nl)
	lmetric, lvalue := make([]int32, nl), make([]float64, nl)
	for i := range b.Latest {
		x := &b.Latest[i]
		lpoint[i], lmetric[i], lt[i], lvalue[i], lflags[i] = x.Point, int32(x.Metric), x.Time.UnixMilli(), x.Value, int64(x.Flags)
	}
	no := len(b.Outbox)
	opoint, ot := make([]int64, no), make([]int64, no)
	ometric, ovalue := make([]int32, no), make([]float64, no)
	for i := range b.Outbox {
		x := &b.Outbox[i]
		opoint[i], ometric[i], ot[i], ovalue[i] = x.Point, int32(x.Metric), x.Time.UnixMilli(), x.Value
	}
	return []any{received, protocol, peer, station, function, raw, status, reason, offset, nsamples,
		bucket, metric, point, t, value, flags,
		lpoint, lmetric, lt, lvalue, lflags,
		opoint, ometric, ot, ovalue}
}
