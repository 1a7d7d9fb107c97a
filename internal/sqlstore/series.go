package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sishui/sishui"
)

// BucketMS is the width of a time bucket of the samples table: one hour.
// Rows are keyed (bucket, point, metric, time): time-major between buckets so
// that appends stay local — a commit dirties the few pages of the current hour
// rather than one page per series, as a day bucket did (147k against 49k
// samples/s in BenchmarkAppendSamples) — and series-ordered within a bucket so
// that a point's query is one index seek per hour (DESIGN.md §4).
const BucketMS = 3_600_000

// rowsPerInsert is how many samples one multi-row INSERT carries.
const rowsPerInsert = 100

func checkSamples(samples []sishui.Sample) error {
	for i := range samples {
		s := &samples[i]
		switch {
		case s.Point <= 0:
			return sishui.Invalid(fmt.Sprintf("samples[%d].point", i), "must be a point id")
		case s.Metric == 0:
			return sishui.Invalid(fmt.Sprintf("samples[%d].metric", i), "is required")
		case s.Time.IsZero() || s.Time.Year() < 1970 || s.Time.Year() > 2200:
			return sishui.Invalid(fmt.Sprintf("samples[%d].time", i), "must be a time between 1970 and 2200")
		case math.IsNaN(s.Value) || math.IsInf(s.Value, 0):
			return sishui.Invalid(fmt.Sprintf("samples[%d].value", i), "must be a finite number")
		}
	}
	return nil
}

// checkPointsInScope returns EFORBIDDEN unless every point is visible to the actor
// and the actor may write data.
func (s *DB) checkPointsInScope(ctx context.Context, samples []sishui.Sample) error {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	a := sishui.ActorFrom(ctx)
	if sc.all && a.Role != sishui.RoleAuditor {
		return nil
	}
	if !a.CanWrite() {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: "append samples", Message: "this account may not write data"}
	}
	ids := map[int64]bool{}
	for _, x := range samples {
		ids[x.Point] = true
	}
	for id := range ids {
		if _, err := s.GetPoint(ctx, id); err != nil {
			if sishui.ErrorCode(err) == sishui.ENOTFOUND {
				return &sishui.Error{Code: sishui.EFORBIDDEN, Op: "append samples", Message: fmt.Sprintf("point %d is outside this account's scope", id)}
			}
			return err
		}
	}
	return nil
}

// AppendSamples stores samples in one transaction, skipping existing keys.
func (s *DB) AppendSamples(ctx context.Context, samples []sishui.Sample) (sishui.AppendResult, error) {
	if len(samples) == 0 {
		return sishui.AppendResult{}, nil
	}
	if err := checkSamples(samples); err != nil {
		return sishui.AppendResult{}, s.mapErr("append samples", err, "")
	}
	if err := s.checkPointsInScope(ctx, samples); err != nil {
		return sishui.AppendResult{}, err
	}
	if s.oneStatement(len(samples)) {
		res, err := s.ingestOne(ctx, nil, samples)
		return res, s.mapErr("append samples", err, "")
	}
	_ = s.prepareHot(ctx) // outside the transaction; without it statements are prepared per transaction
	var res sishui.AppendResult
	err := s.samplesTx(ctx, len(samples), func(conn *sql.Conn, tx *sql.Tx) error {
		var err error
		res, err = s.appendTx(ctx, conn, tx, txExec{ctx: ctx, s: s, tx: tx}, samples)
		return err
	})
	return res, s.mapErr("append samples", err, "")
}

// CopyThreshold is the batch size from which appends use the CopySamples hook.
const CopyThreshold = 1000

// samplesTx runs fn in a transaction; when n samples will go through the
// CopySamples hook, the transaction runs on a held *sql.Conn passed to fn
// (the hook reaches the driver connection beneath tx with conn.Raw);
// otherwise conn is nil.
func (s *DB) copyMin() int {
	if s.CopyMin > 0 {
		return s.CopyMin
	}
	return CopyThreshold
}

func (s *DB) samplesTx(ctx context.Context, n int, fn func(conn *sql.Conn, tx *sql.Tx) error) error {
	if s.CopySamples == nil || n < s.copyMin() {
		return s.inTx(ctx, func(tx *sql.Tx) error { return fn(nil, tx) })
	}
	return s.connTx(ctx, fn)
}

// connTx runs fn in a transaction on a held *sql.Conn, passed to fn with it.
func (s *DB) connTx(ctx context.Context, fn func(conn *sql.Conn, tx *sql.Tx) error) error {
	conn, err := s.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("conn: %w", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(conn, tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// appendTx inserts samples, keeps their series' latest values and queues
// the national link's outbox rows, each statement through e (the hooks use
// tx and conn).
func (s *DB) appendTx(ctx context.Context, conn *sql.Conn, tx *sql.Tx, e execer, samples []sishui.Sample) (sishui.AppendResult, error) {
	// Queued first: the check against stored keys must not see this append.
	if err := s.queueOutbox(e, samples); err != nil {
		return sishui.AppendResult{}, err
	}
	var inserted int
	var err error
	switch {
	case s.CopySamples != nil && conn != nil && len(samples) >= s.copyMin():
		inserted, err = s.CopySamples(ctx, conn, tx, samples)
	case s.InsertSamples != nil:
		inserted, err = s.InsertSamples(ctx, tx, samples)
	default:
		inserted, err = s.insertSamples(e, samples)
	}
	if err != nil {
		return sishui.AppendResult{}, err
	}
	if err := s.updateLatest(ctx, tx, e, samples); err != nil {
		return sishui.AppendResult{}, err
	}
	return sishui.AppendResult{Inserted: inserted, Duplicates: len(samples) - inserted}, nil
}

// insertSQLs, latestSQLs and archiveSQLs hold the multi-row statements of
// 1..100 rows, built once.
var insertSQLs, latestSQLs, archiveSQLs, archiveNoIDSQLs [rowsPerInsert + 1]string

func init() {
	for n := 1; n <= rowsPerInsert; n++ {
		insertSQLs[n], latestSQLs[n], archiveSQLs[n] = buildInsertSQL(n), buildLatestSQL(n), buildArchiveSQL(n)
		archiveNoIDSQLs[n] = strings.TrimSuffix(archiveSQLs[n], " RETURNING id")
	}
}

func insertSQL(n int) string { return insertSQLs[n] }

func latestSQL(n int) string { return latestSQLs[n] }

func archiveSQL(n int) string { return archiveSQLs[n] }

func buildInsertSQL(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO samples (bucket, point_id, metric, t, value, flags) VALUES `)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?)")
	}
	b.WriteString(` ON CONFLICT (bucket, point_id, metric, t) DO NOTHING`)
	return b.String()
}

// chunkSize is the size of the next multi-row statement for n rows left:
// full statements of per rows, then the tail in powers of two, so that the
// hot path uses at most a handful of distinct statements, each prepared once
// per connection (stmtCache).
func chunkSize(n, per int) int {
	if n >= per {
		return per
	}
	c := 1
	for c*2 <= n {
		c *= 2
	}
	return c
}

// insertSamples inserts samples in key order (bucket, point, metric, time):
// each multi-row statement then walks the index forward, its pages already
// in cache, rather than seeking back and forth.
func (s *DB) insertSamples(e execer, samples []sishui.Sample) (int, error) {
	if !slices.IsSortedFunc(samples, compareSampleKey) {
		samples = slices.Clone(samples)
		slices.SortFunc(samples, compareSampleKey)
	}
	args := make([]any, 0, rowsPerInsert*6)
	inserted := 0
	for len(samples) > 0 {
		n := chunkSize(len(samples), rowsPerInsert)
		args = args[:0]
		for i := range samples[:n] {
			x := &samples[i]
			t := x.Time.UnixMilli()
			args = append(args, t/BucketMS, x.Point, int64(x.Metric), t, x.Value, int64(x.Flags))
		}
		k, _, err := e.exec(s.q(insertSQL(n)), args)
		if err != nil {
			return 0, err
		}
		inserted += int(k)
		samples = samples[n:]
	}
	return inserted, nil
}

// CompareSampleKey orders samples as the samples table's key does:
// (hour bucket, point, metric, time).
func CompareSampleKey(a, b sishui.Sample) int { return compareSampleKey(a, b) }

func compareSampleKey(a, b sishui.Sample) int {
	ta, tb := a.Time.UnixMilli(), b.Time.UnixMilli()
	if c := cmp.Compare(ta/BucketMS, tb/BucketMS); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Point, b.Point); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Metric, b.Metric); c != 0 {
		return c
	}
	return cmp.Compare(ta, tb)
}

type seriesKey struct {
	point  int64
	metric sishui.Metric
}

// latestPerUpsert is how many series one series_latest upsert carries.
const latestPerUpsert = 100

func buildLatestSQL(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO series_latest (point_id, metric, t, value, flags) VALUES `)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?)")
	}
	b.WriteString(` ON CONFLICT (point_id, metric) DO UPDATE SET t = excluded.t, value = excluded.value, flags = excluded.flags
		WHERE excluded.t > series_latest.t`)
	return b.String()
}

// updateLatest keeps the newest sample of each series in series_latest, with
// multi-row upserts in (point, metric) order: one round trip per 100 series,
// and the same row-lock order in every writer (no deadlocks on PostgreSQL).
func (s *DB) updateLatest(ctx context.Context, tx *sql.Tx, e execer, samples []sishui.Sample) error {
	rows := latestRows(samples)
	if s.UpsertLatest != nil {
		return s.UpsertLatest(ctx, tx, rows)
	}
	args := make([]any, 0, latestPerUpsert*5)
	for len(rows) > 0 {
		n := chunkSize(len(rows), latestPerUpsert)
		args = args[:0]
		for i := range rows[:n] {
			x := &rows[i]
			args = append(args, x.Point, int64(x.Metric), x.Time.UnixMilli(), x.Value, int64(x.Flags))
		}
		if _, _, err := e.exec(s.q(latestSQL(n)), args); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// latestRows returns the newest sample of each series of samples, in
// (point, metric) order: a sorted copy, each series' newest kept (a copy
// and a sort cost less than a map of every series at each group commit).
func latestRows(samples []sishui.Sample) []sishui.Sample {
	rows := slices.Clone(samples)
	slices.SortFunc(rows, func(a, b sishui.Sample) int {
		if c := cmp.Compare(a.Point, b.Point); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Metric, b.Metric); c != 0 {
			return c
		}
		return b.Time.Compare(a.Time) // newest first
	})
	return slices.CompactFunc(rows, func(a, b sishui.Sample) bool { return a.Point == b.Point && a.Metric == b.Metric })
}

func scanSample(point int64) func(sc scanner) (sishui.Sample, error) {
	return func(sc scanner) (sishui.Sample, error) {
		var x sishui.Sample
		var t, m, f int64
		err := sc.Scan(&m, &t, &x.Value, &f)
		x.Point, x.Metric, x.Time, x.Flags = point, sishui.Metric(m), time.UnixMilli(t).UTC(), uint32(f)
		return x, err
	}
}

// QuerySamples returns one series in time order within [From, To).
func (s *DB) QuerySamples(ctx context.Context, q sishui.SeriesQuery) ([]sishui.Sample, error) {
	if _, err := s.GetPoint(ctx, q.Point); err != nil {
		return nil, err
	}
	if q.To.IsZero() {
		q.To = s.Now().Add(24 * time.Hour)
	}
	if !q.To.After(q.From) {
		return []sishui.Sample{}, nil
	}
	from, to, err := s.seriesExtent(ctx, q)
	if err != nil {
		return nil, err
	}
	out := []sishui.Sample{}
	// One seek per hour bucket: list the buckets explicitly (IN) so that the
	// index jumps to the series in each rather than scanning every series.
	const chunk = 500
	first, last := from/BucketMS, (to-1)/BucketMS
	for b := first; b <= last && from < to; b += chunk {
		end := min(b+chunk-1, last)
		var w where
		buckets := make([]any, 0, end-b+1)
		for x := b; x <= end; x++ {
			buckets = append(buckets, x)
		}
		w.add("bucket IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(buckets)), ", ")+")", buckets...)
		w.add("point_id = ?", q.Point)
		w.add("metric = ?", int64(q.Metric))
		w.add("t >= ? AND t < ?", from, to)
		query := `SELECT metric, t, value, flags FROM samples` + w.String() + ` ORDER BY bucket, t`
		args := w.args
		if q.Limit > 0 {
			query += ` LIMIT ?`
			args = append(args, q.Limit-len(out))
		}
		part, err := all(ctx, s, query, args, scanSample(q.Point))
		if err != nil {
			return nil, fmt.Errorf("query samples: %w", err)
		}
		out = append(out, part...)
		if q.Limit > 0 && len(out) >= q.Limit {
			break
		}
	}
	if q.Corrected {
		cs, err := s.ListCorrections(ctx, q.Point, q.Metric, q.From, q.To)
		if err != nil {
			return nil, err
		}
		out = overlay(out, cs, q.AsOf)
	}
	return out, nil
}

// seriesExtent narrows [q.From, q.To) to where the series can have samples:
// up to its newest sample (series_latest) and from the table's oldest bucket,
// so that an open-ended query does not walk empty hours.
func (s *DB) seriesExtent(ctx context.Context, q sishui.SeriesQuery) (from, to int64, err error) {
	from, to = q.From.UnixMilli(), q.To.UnixMilli()
	var last sql.NullInt64
	err = s.DB.QueryRowContext(ctx, s.q(`SELECT t FROM series_latest WHERE point_id = ? AND metric = ?`), q.Point, int64(q.Metric)).Scan(&last)
	if err == sql.ErrNoRows {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("query samples: %w", err)
	}
	to = min(to, last.Int64+1)
	var first sql.NullInt64
	if err := s.DB.QueryRowContext(ctx, `SELECT MIN(bucket) FROM samples`).Scan(&first); err != nil {
		return 0, 0, fmt.Errorf("query samples: %w", err)
	}
	if first.Valid {
		from = max(from, first.Int64*BucketMS)
	}
	return from, to, nil
}

// LatestSamples returns the newest sample of each metric of a point.
func (s *DB) LatestSamples(ctx context.Context, point int64) ([]sishui.Sample, error) {
	if _, err := s.GetPoint(ctx, point); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT metric, t, value, flags FROM series_latest WHERE point_id = ? ORDER BY metric`, []any{point}, scanSample(point))
}

// archiveQuery is the multi-row INSERT of n frames: on SQLite without
// RETURNING (archiveSQLite).
func (s *DB) archiveQuery(n int) string {
	if s.Dialect.Name == "sqlite" {
		return archiveNoIDSQLs[n]
	}
	return archiveSQL(n)
}

// archiveSQL is the multi-row INSERT of n frames.
func buildArchiveSQL(n int) string {
	return `INSERT INTO frames (received_ms, protocol, peer, station, function, bytes, status, reason, err_offset, samples) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?), ", n), ", ") + " RETURNING id"
}

func (s *DB) archiveTx(ctx context.Context, tx *sql.Tx, e execer, frames []*sishui.RawFrame) error {
	// Multi-row INSERTs, 100 frames each: one round trip per hundred frames
	// rather than per frame (it dominated group commits on PostgreSQL), the
	// full-size statement prepared once per transaction. Ids are assigned in
	// VALUES order, so the returned ids, sorted, map back.
	const per = rowsPerInsert
	args := make([]any, 0, min(per, len(frames))*10)
	for len(frames) > 0 {
		chunk := frames[:chunkSize(len(frames), per)]
		frames = frames[len(chunk):]
		args = args[:0]
		for _, f := range chunk {
			s.frameDefaults(f)
			raw := f.Bytes
			if raw == nil {
				raw = []byte{}
			}
			// int64, not int: the driver's converter would box each again.
			args = append(args, f.Received.UnixMilli(), f.Protocol, f.Peer, f.Station, f.Function, raw, f.Status, f.Reason, int64(f.Offset), int64(f.Samples))
		}
		if s.Dialect.Name == "sqlite" {
			if err := s.archiveSQLite(e, chunk, args); err != nil {
				return err
			}
			continue
		}
		st, err := s.txStmt(ctx, tx, s.q(archiveSQL(len(chunk))))
		if err != nil {
			return err
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		ids := make([]int64, 0, len(chunk))
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) != len(chunk) {
			return fmt.Errorf("archive frames: %d ids for %d frames", len(ids), len(chunk))
		}
		slices.Sort(ids)
		for i, f := range chunk {
			f.ID = ids[i]
		}
	}
	return nil
}

// archiveSQLite inserts one chunk of frames on SQLite without RETURNING
// (whose rows cost a scan per frame): a table with an INTEGER PRIMARY KEY
// and no AUTOINCREMENT gives each row of a multi-row INSERT the largest id
// plus one, so the chunk's ids are consecutive and end at the last insert
// rowid. The writer holds the database's write lock for the transaction.
func (s *DB) archiveSQLite(e execer, chunk []*sishui.RawFrame, args []any) error {
	n, last, err := e.exec(s.q(s.archiveQuery(len(chunk))), args)
	if err != nil {
		return err
	}
	if n != int64(len(chunk)) || last <= 0 || last == math.MaxInt64 {
		// At the largest id SQLite picks ids at random: not consecutive.
		return fmt.Errorf("archive frames: %d rows, last id %d, for %d frames", n, last, len(chunk))
	}
	for i, f := range chunk {
		f.ID = last - int64(len(chunk)-1-i)
	}
	return nil
}

// frameDefaults sets a frame's receive time (now) and status (ok) when unset.
func (s *DB) frameDefaults(f *sishui.RawFrame) {
	if f.Received.IsZero() {
		f.Received = s.Now()
	}
	if f.Status == "" {
		f.Status = sishui.FrameOK
	}
}

// ArchiveFrames stores raw frames durably and sets their IDs.
func (s *DB) ArchiveFrames(ctx context.Context, frames []*sishui.RawFrame) error {
	_ = s.prepareHot(ctx)
	return s.mapErr("archive frames", s.inTx(ctx, func(tx *sql.Tx) error { return s.archiveTx(ctx, tx, txExec{ctx: ctx, s: s, tx: tx}, frames) }), "")
}

// IngestFrames archives frames and appends samples in one transaction.
func (s *DB) IngestFrames(ctx context.Context, frames []*sishui.RawFrame, samples []sishui.Sample) (sishui.AppendResult, error) {
	if err := checkSamples(samples); err != nil {
		return sishui.AppendResult{}, s.mapErr("ingest frames", err, "")
	}
	if s.oneStatement(len(samples)) {
		res, err := s.ingestOne(ctx, frames, samples)
		return res, s.mapErr("ingest frames", err, "")
	}
	var res sishui.AppendResult
	ingest := func(conn *sql.Conn, tx *sql.Tx, e execer) error {
		if err := s.archiveTx(ctx, tx, e, frames); err != nil {
			return err
		}
		if len(samples) == 0 {
			return nil
		}
		var err error
		res, err = s.appendTx(ctx, conn, tx, e, samples)
		return err
	}
	var err error
	if s.Dialect.Name != "sqlite" || s.CopySamples != nil || s.InsertSamples != nil || s.UpsertLatest != nil {
		_ = s.prepareHot(ctx)
		err = s.samplesTx(ctx, len(samples), func(conn *sql.Conn, tx *sql.Tx) error {
			return ingest(conn, tx, txExec{ctx: ctx, s: s, tx: tx})
		})
	} else {
		// SQLite without hooks: every statement runs on the driver
		// connection beneath the transaction (withExec), none through tx.
		err = s.connTx(ctx, func(conn *sql.Conn, tx *sql.Tx) error {
			return s.withExec(ctx, conn, tx, func(e execer) error { return ingest(conn, tx, e) })
		})
	}
	return res, s.mapErr("ingest frames", err, "")
}

// ListFrames lists archived frames, newest first. Frames are visible to those
// who can see the point whose terminal sent them (quarantined frames from
// unknown terminals: to city-wide accounts only).
func (s *DB) ListFrames(ctx context.Context, f sishui.FrameFilter) ([]*sishui.RawFrame, int, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, 0, err
	}
	if !sc.all {
		var pw where
		sc.apply(&pw, "region", pointUserExpr)
		w.add("station IN (SELECT code FROM points"+pw.String()+")", pw.args...)
	}
	if f.Station != "" {
		if err := s.stationFrames(ctx, &w, strings.ToUpper(f.Station)); err != nil {
			return nil, 0, err
		}
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	if f.Protocol != "" {
		w.add("protocol = ?", f.Protocol)
	}
	if !f.Since.IsZero() {
		w.add("received_ms >= ?", f.Since.UnixMilli())
	}
	w.search(f.Query, "station", "peer", "reason")
	order, err := frameSort.orderBy(f.Page)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, "frames", `id, received_ms, protocol, peer, station, function, bytes, status, reason, err_offset, samples`, &w, order, f.Page,
		func(sc scanner) (*sishui.RawFrame, error) {
			var r sishui.RawFrame
			var t int64
			err := sc.Scan(&r.ID, &t, &r.Protocol, &r.Peer, &r.Station, &r.Function, &r.Bytes, &r.Status, &r.Reason, &r.Offset, &r.Samples)
			r.Received = time.UnixMilli(t).UTC()
			r.Hex = strings.ToUpper(hex.EncodeToString(r.Bytes))
			return &r, err
		})
}

// frameGroupShift groups frames by id for the SQLite index
// frames_station_group on ((id >> 12), station) (migration 022), which
// replaced frames(station, id): a group commit's entries then land in the
// newest group's few pages rather than one page per terminal.
const frameGroupShift = 12

// stationFrames narrows w to one station's frames. On SQLite it names the id
// groups that can hold frames (the archive's first to last), so that the
// index is searched once per group; elsewhere frames(station, id) serves
// station = ? directly.
func (s *DB) stationFrames(ctx context.Context, w *where, station string) error {
	if s.Dialect.Name != "sqlite" {
		w.add("station = ?", station)
		return nil
	}
	var lo, hi sql.NullInt64
	if err := s.DB.QueryRowContext(ctx, `SELECT (SELECT MIN(id) FROM frames), (SELECT MAX(id) FROM frames)`).Scan(&lo, &hi); err != nil {
		return fmt.Errorf("list frames: %w", err)
	}
	if !lo.Valid {
		w.add("station = ?", station)
		return nil
	}
	w.add(fmt.Sprintf(`(id >> %d) IN (WITH RECURSIVE g(x) AS (SELECT ? UNION ALL SELECT x + 1 FROM g WHERE x < ?) SELECT x FROM g) AND station = ?`, frameGroupShift),
		lo.Int64>>frameGroupShift, hi.Int64>>frameGroupShift, station)
	return nil
}
