package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sync/atomic"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/sqlstore"
)

// ingestSQL stores a whole group commit in one statement: frames, samples,
// the series' latest values and the national link's outbox rows, each column
// sent as one array parameter in PostgreSQL's binary format (see ingester.one)
// and unnested; the outbox takes the samples the statement inserted (s's
// RETURNING) of the metrics the link forwards, so a resent sample is not
// forwarded again. A single statement outside a transaction block is
// its own transaction, so the append costs one round trip and one commit
// (a WAL flush: synchronous_commit is the server's, on by default) instead
// of BEGIN, an INSERT per table (per 100 frames) and COMMIT. The
// data-modifying CTEs all run to completion whether or not the final SELECT
// reads them; they touch different tables (o reads s's RETURNING rows, not
// the table), so sharing one snapshot changes nothing. Frame ids are
// assigned in array order, so the sorted ids map back to the frames.
//
// It comes in two forms (ingestVariant): the safe one skips samples whose key
// is stored already (ON CONFLICT DO NOTHING, a resent report) and outbox rows
// queued already; the fast one inserts both plainly and so fails as a whole,
// having written nothing, on any such key. ON CONFLICT costs the server a
// probe of the key before each insertion besides the insertion's own (about
// twice the cost of a plain sample row), so a commit is tried in the fast form
// and, on a unique violation, run again in the safe one (see ingester.one).
const ingestSQL = `WITH f AS (
	INSERT INTO frames (received_ms, protocol, peer, station, function, bytes, status, reason, err_offset, samples)
	SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[], $7::text[], $8::text[], $9::bigint[], $10::bigint[])
	RETURNING id
), s AS (
	INSERT INTO samples (bucket, metric, point_id, t, value, flags)
	SELECT * FROM unnest($11::integer[], $12::integer[], $13::bigint[], $14::bigint[], $15::double precision[], $16::bigint[])
	%[1]s
	%[2]s
), l AS (
	INSERT INTO series_latest (point_id, metric, t, value, flags)
	SELECT * FROM unnest($17::bigint[], $18::integer[], $19::bigint[], $20::double precision[], $21::bigint[])
	ON CONFLICT (point_id, metric) DO UPDATE SET t = excluded.t, value = excluded.value, flags = excluded.flags
	WHERE excluded.t > series_latest.t
)%[3]s
SELECT (SELECT count(*) FROM s), ARRAY(SELECT id FROM f ORDER BY id)`

// ingestOutbox is ingestSQL's outbox part when the national link is on: the
// samples s inserted, of the metrics in $22 (%s: the conflict clause).
const ingestOutbox = `, o AS (
	INSERT INTO outbox (point_id, metric, t, value)
	SELECT point_id, metric, t, value FROM s WHERE metric = ANY($22::integer[])
	%s
)`

// ingestVariant is one form of ingestSQL, prepared on each connection that
// ran a group commit under its name.
type ingestVariant struct{ name, sql string }

// ingestForms holds ingestSQL's forms by [safe][link]: fast or safe, and
// with the national link's outbox or without (no outbox CTE, and the
// samples return no rows but a count).
var ingestForms = func() (forms [2][2]ingestVariant) {
	for safe := range 2 {
		for link := range 2 {
			name, samples, outbox := "sishui_ingest_fast", "", ""
			if safe == 1 {
				name, samples, outbox = "sishui_ingest", "ON CONFLICT (bucket, point_id, metric, t) DO NOTHING", "ON CONFLICT (point_id, metric, t) DO NOTHING"
			}
			returning, cte := "RETURNING 1", ""
			if link == 1 {
				name += "_link"
				returning, cte = "RETURNING point_id, metric, t, value", fmt.Sprintf(ingestOutbox, outbox)
			}
			forms[safe][link] = ingestVariant{name, fmt.Sprintf(ingestSQL, samples, returning, cte)}
		}
	}
	return forms
}()

// PostgreSQL error codes of a prepared statement that is missing (another
// client deallocated it: DEALLOCATE, DISCARD ALL) or already there.
const (
	codeUndefinedStatement = "26000"
	codeDuplicateStatement = "42P05"
)

// ingester is the sqlstore.DB.IngestOne hook of one store (see ingestSQL).
// safe counts down the group commits still to run in the safe form after a
// resend was found: resends come in runs (terminals reconnecting after an
// outage send what was not confirmed), and a commit that fails in the fast
// form costs the server both.
type ingester struct{ safe atomic.Int32 }

// safeAfterConflict is how many group commits run in the safe form after
// one with a resend.
const safeAfterConflict = 16

// one stores a group commit (sqlstore.DB.IngestOne). It runs on the
// low-level connection (pgconn) beneath a pooled one: the 21 or 22 array parameters
// are encoded in PostgreSQL's binary array format into one reused buffer
// (arrayBuf), each form of ingestSQL is prepared once per connection under
// its name (and again when the server lost it), and the one result row (the
// count of new samples, int8, and the frame ids, int8[]) comes back in binary
// and is decoded here. Frame ids are assigned in order. A fast commit that
// meets a stored key wrote nothing and is run again in the safe form.
func (g *ingester) one(ctx context.Context, db *sql.DB, b sqlstore.IngestBatch) (int, error) {
	a := arrayBufs.Get().(*arrayBuf)
	defer arrayBufs.Put(a)
	params := a.ingestParams(b)
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("conn: %w", err)
	}
	defer conn.Close()
	var inserted int64
	ids := a.ids[:0]
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("driver connection is %T, not pgx", dc)
		}
		pc := c.Conn().PgConn()
		safe, link := 0, 0
		if len(b.Forward) > 0 {
			link = 1
		}
		if g.safe.Load() > 0 { // concurrent commits may take it below 0: the same as 0
			safe = 1
			g.safe.Add(-1)
		}
		var xerr error
		inserted, ids, xerr = execIngest(ctx, pc, ingestForms[safe][link], params, ids[:0])
		if safe == 0 && hasCode(xerr, codeUniqueViolation) { // a resend: nothing was written
			g.safe.Store(safeAfterConflict)
			inserted, ids, xerr = execIngest(ctx, pc, ingestForms[1][link], params, ids[:0])
		}
		return xerr
	})
	a.ids = ids
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

// ingestStatement returns v prepared on pc, preparing it the first time (the
// parameter types are ingestSQL's casts). Whether it is prepared is kept with
// the connection (CustomData), so a new connection starts without it.
func ingestStatement(ctx context.Context, pc *pgconn.PgConn, v ingestVariant) (*pgconn.StatementDescription, error) {
	if sd, ok := pc.CustomData()[v.name].(*pgconn.StatementDescription); ok {
		return sd, nil
	}
	sd, err := pc.Prepare(ctx, v.name, v.sql, nil)
	if hasCode(err, codeDuplicateStatement) { // prepared before, but not recorded
		if err = pc.Deallocate(ctx, v.name); err == nil {
			sd, err = pc.Prepare(ctx, v.name, v.sql, nil)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("prepare ingest: %w", err)
	}
	pc.CustomData()[v.name] = sd
	return sd, nil
}

// execIngest runs v with params (binary) on pc and decodes its one row: the
// count of new samples, and the frame ids appended to ids. A statement the
// server no longer has (DEALLOCATE, DISCARD ALL) is prepared again.
func execIngest(ctx context.Context, pc *pgconn.PgConn, v ingestVariant, params [][]byte, ids []int64) (int64, []int64, error) {
	n, ids, err := execIngestOnce(ctx, pc, v, params, ids)
	if hasCode(err, codeUndefinedStatement) {
		delete(pc.CustomData(), v.name)
		n, ids, err = execIngestOnce(ctx, pc, v, params, ids[:0])
	}
	return n, ids, err
}

func execIngestOnce(ctx context.Context, pc *pgconn.PgConn, v ingestVariant, params [][]byte, ids []int64) (int64, []int64, error) {
	sd, err := ingestStatement(ctx, pc, v)
	if err != nil {
		return 0, ids, err
	}
	n := 128 // Bind: names, format codes, counts; Execute, Sync
	for _, p := range params {
		n += 4 + len(p)
	}
	pc.Frontend().Send(growBuf(n))
	rr := pc.ExecStatement(ctx, sd, params, binaryFormat, binaryFormat)
	var inserted int64
	var rows int
	var derr error
	for rr.NextRow() {
		rows++
		v := rr.Values()
		if rows > 1 || len(v) != 2 {
			derr = fmt.Errorf("ingest: %d rows of %d columns", rows, len(v))
			continue
		}
		if inserted, derr = decodeInt8(v[0]); derr == nil {
			ids, derr = decodeInt8Array(ids, v[1])
		}
	}
	if _, err := rr.Close(); err != nil {
		return 0, ids, err
	}
	if derr == nil && rows != 1 {
		derr = fmt.Errorf("ingest: %d rows", rows)
	}
	return inserted, ids, derr
}

// ingestParams encodes the batch as the 21 or 22 array parameters of ingestSQL.
func (a *arrayBuf) ingestParams(b sqlstore.IngestBatch) [][]byte {
	a.reset()
	fr := b.Frames
	nf := len(fr)
	a.int8Array(nf, func(i int) int64 { return fr[i].Received.UnixMilli() })
	a.textArray(nf, func(i int) string { return fr[i].Protocol })
	a.textArray(nf, func(i int) string { return fr[i].Peer })
	a.textArray(nf, func(i int) string { return fr[i].Station })
	a.textArray(nf, func(i int) string { return fr[i].Function })
	a.byteaArray(nf, func(i int) []byte { return fr[i].Bytes }) // nil goes as empty: NOT NULL
	a.textArray(nf, func(i int) string { return fr[i].Status })
	a.textArray(nf, func(i int) string { return fr[i].Reason })
	a.int8Array(nf, func(i int) int64 { return int64(fr[i].Offset) })
	a.int8Array(nf, func(i int) int64 { return int64(fr[i].Samples) })
	a.seriesParams(b.Samples, true)
	a.seriesParams(b.Latest, false)
	if len(b.Forward) > 0 {
		a.int4Array(len(b.Forward), func(i int) int32 { return int32(b.Forward[i]) })
	}
	return a.values()
}

// seriesParams encodes samples as the columns bucket, metric, point, t,
// value, flags for samples, or point, metric, t, value, flags for
// series_latest.
func (a *arrayBuf) seriesParams(xs []sishui.Sample, bucket bool) {
	n := len(xs)
	ms := func(i int) int64 { return xs[i].Time.UnixMilli() }
	metric := func(i int) int32 { return int32(xs[i].Metric) }
	point := func(i int) int64 { return xs[i].Point }
	if bucket {
		a.int4Array(n, func(i int) int32 { return int32(ms(i) / sqlstore.BucketMS) })
		a.int4Array(n, metric)
		a.int8Array(n, point)
	} else {
		a.int8Array(n, point)
		a.int4Array(n, metric)
	}
	a.int8Array(n, ms)
	a.float8Array(n, func(i int) float64 { return xs[i].Value })
	a.int8Array(n, func(i int) int64 { return int64(xs[i].Flags) })
}

// growBuf is an empty message that makes room for n bytes in the
// connection's send buffer, which pgx shrinks after each flush: the Bind
// message of a commit (hundreds of KiB) then goes in with one allocation
// instead of growing by doubling. It writes nothing to the stream.
type growBuf int

func (growBuf) Frontend()           {}
func (growBuf) Decode([]byte) error { return nil }
func (n growBuf) Encode(dst []byte) ([]byte, error) {
	return slices.Grow(dst, int(n)), nil
}
