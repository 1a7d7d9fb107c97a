// BenchmarkSegment asks a design question for the SQLite store: would a
// time-major "recent segment" for samples be cheaper to write than today's
// keyed samples table (migration 001: WITHOUT ROWID, key (bucket, point_id,
// metric, t), bucket = t_ms / sqlstore.BucketMS), and what does a later fold
// of the recent rows into the keyed table cost?
//
// Conditions. Each sub-benchmark works on its own bare database file (not the
// sishui store) opened with modernc.org/sqlite through database/sql and the
// store's pragmas: 16 KiB pages (set before the first table), WAL,
// synchronous=NORMAL, a 64 MiB page cache, temp_store=MEMORY, one connection.
// The workload is group commits of 5,000 sample rows: the next reports of
// 1,100 points round-robin, two metrics a report, times strictly increasing
// per series, written with prepared 100-row INSERT statements in one
// transaction a commit, in key order (the append layout takes them in arrival
// order, which is its key order). Before the measured commits the table is
// filled, unmeasured and in the same time-major way, with F samples per
// series of the current hour (F=20 and F=360); every sample of the run lies
// in that one hour bucket, so the keyed layout inserts inside every point's
// key range on every commit. A round is 30 measured commits (150,000
// samples); -benchtime 1x runs one round per sub-benchmark.
//
// Variants:
//
//	a_keyed       today's samples table.
//	b_append      seg(rowid INTEGER PRIMARY KEY, point_id, metric, t, value,
//	              flags) and no other index: rows land at the right edge. It
//	              cannot see duplicates.
//	e_head_K=k    a small keyed table "head" of the samples layout takes the
//	              commits, each row inserted only if the same key is not in
//	              samples (INSERT … SELECT FROM (VALUES …) WHERE NOT EXISTS
//	              (SELECT 1 FROM samples WHERE key = …)) nor in head (ON
//	              CONFLICT DO NOTHING); every k commits head is folded into
//	              samples in one transaction (INSERT OR IGNORE … SELECT … FROM
//	              head ORDER BY key, then DELETE FROM head). k = 10 and 30.
//	f_nocheck_K=k as e, without the check against samples (head's own key
//	              only); the fold's OR IGNORE then drops duplicates silently.
//
// Metrics:
//
//	cpu-µs/sample       process CPU time (getrusage, all threads: the machine
//	                    is shared, so CPU rather than wall time) of the
//	                    measured commits, folds included, per sample.
//	wal-KiB/commit      WAL bytes written per commit, folds included (spread
//	                    over their k commits).
//	ckpt-cpu-µs/sample  CPU time of the checkpoints that copy that WAL back
//	                    into the database file, per sample; not in
//	                    cpu-µs/sample. Automatic checkpoints are off and the
//	                    benchmark runs PRAGMA wal_checkpoint(TRUNCATE) between
//	                    commits whenever the WAL passes 64 MiB (the store's
//	                    wal_autocheckpoint of 4,096 pages), and once at the end.
//	read-cpu-µs         CPU time to read the last hour of one point, both
//	                    metrics, after the round: through the primary key, one
//	                    query a metric, as QuerySamples does (a); one full scan
//	                    of seg (b); head UNION ALL samples, one query a metric
//	                    (e, f; read just before the round's last fold, with the
//	                    most rows in head).
//	head-wal-KiB/commit WAL per commit without the folds (e, f).
//	fold-wal-MiB        WAL per fold (e, f).
//	fold-ms             wall time per fold (e, f).
//	fold-cpu-ms         CPU time per fold (e, f).
//
// WAL bytes are measured with SQLite itself as the growth of the -wal file
// over each commit or fold: with automatic checkpoints off, SQLite only
// appends frames (24-byte header + one 16 KiB page) to the file until the
// benchmark's TRUNCATE checkpoint empties it, outside the measured span. (The
// first commit after a checkpoint also writes the WAL's 32-byte header; a
// page written twice in one transaction, after a cache spill, would reuse its
// frame, but these transactions fit in the 64 MiB cache.)
// ns/op is the wall time of one round of commits and folds, without
// checkpoints and reads.
//
// Run (all of it; expected to take one to two minutes on two cores, about
// ten times the smoke run, whose tables are a tenth the size):
//
//	go test ./internal/sqlite -run '^$' -bench Segment -benchtime 1x
//
// A smoke run with 110 points and 500-row commits (seconds):
//
//	SISHUI_SEGMENT_SMALL=1 go test ./internal/sqlite -run '^$' -bench Segment -benchtime 1x
//
// With -v the run also logs the size of each filled table.

package sqlite_test

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/sqlstore"
)

const (
	segCommits  = 30           // measured commits a round: a multiple of every fold interval
	segPerStmt  = 100          // rows per multi-row INSERT
	segStepMS   = 100          // time between two reports of a point
	segWALLimit = 4096 * 16384 // checkpoint when the WAL passes this (the store's wal_autocheckpoint)
	segFillTx   = 200_000      // rows per transaction while filling (unmeasured)
	segReadCPU  = 300 * time.Millisecond
	segMaxReads = 200
)

// segBase is the start of the hour every sample of the run lies in.
var segBase = benchBase.UnixMilli()

type segLayout int

const (
	segKeyed segLayout = iota
	segAppend
	segHead
)

type segVariant struct {
	name   string
	layout segLayout
	check  bool // segHead: check each row against samples before inserting it
	k      int  // segHead: fold every k commits
}

// BenchmarkSegment compares the keyed samples table with a time-major
// segment and with a keyed head folded into it; see the comment at the top
// of this file.
func BenchmarkSegment(b *testing.B) {
	points, perCommit := 1100, 5000
	if os.Getenv("SISHUI_SEGMENT_SMALL") != "" {
		points, perCommit = 110, 500
	}
	if segBase%sqlstore.BucketMS != 0 {
		b.Fatalf("segBase %d does not start an hour bucket", segBase)
	}
	variants := []segVariant{
		{name: "a_keyed", layout: segKeyed},
		{name: "b_append", layout: segAppend},
		{name: "e_head_K=10", layout: segHead, check: true, k: 10},
		{name: "e_head_K=30", layout: segHead, check: true, k: 30},
		{name: "f_nocheck_K=10", layout: segHead, k: 10},
		{name: "f_nocheck_K=30", layout: segHead, k: 30},
	}
	for _, f := range []int{20, 360} {
		b.Run(fmt.Sprintf("F=%d", f), func(b *testing.B) {
			// Fill once per F, then give every variant its own copy.
			dir := b.TempDir()
			keyed, appended := filepath.Join(dir, "keyed.db"), filepath.Join(dir, "append.db")
			segTemplate(b, keyed, segKeyed, points, perCommit, f)
			segTemplate(b, appended, segAppend, points, perCommit, f)
			for _, v := range variants {
				tpl := keyed
				if v.layout == segAppend {
					tpl = appended
				}
				b.Run(v.name, func(b *testing.B) { segRun(b, v, tpl, points, perCommit, f) })
			}
		})
	}
}

const segSamplesCols = `(bucket INTEGER NOT NULL, point_id INTEGER NOT NULL, metric INTEGER NOT NULL, t INTEGER NOT NULL, value REAL NOT NULL, flags INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (bucket, point_id, metric, t)) WITHOUT ROWID`

// segDB is one bare database on one pinned connection.
type segDB struct {
	b     *testing.B
	ctx   context.Context
	db    *sql.DB
	conn  *sql.Conn
	wal   string
	stmts map[string]*sql.Stmt
}

func segOpen(b *testing.B, path string) *segDB {
	b.Helper()
	q := url.Values{}
	// The driver runs the _pragma list before _journal_mode, so page_size
	// applies to a new file. wal_autocheckpoint(0): the benchmark
	// checkpoints itself, so that the -wal file's growth is the WAL written.
	q.Set("_journal_mode", "WAL")
	for _, p := range []string{"page_size(16384)", "synchronous(NORMAL)", "cache_size(-65536)", "temp_store(MEMORY)", "wal_autocheckpoint(0)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	d := &segDB{b: b, ctx: context.Background(), db: db, wal: path + "-wal", stmts: map[string]*sql.Stmt{}}
	if d.conn, err = db.Conn(d.ctx); err != nil {
		db.Close()
		b.Fatal(err)
	}
	return d
}

func (d *segDB) close() {
	for _, s := range d.stmts {
		s.Close()
	}
	d.conn.Close()
	if err := d.db.Close(); err != nil {
		d.b.Error(err)
	}
}

func (d *segDB) exec(query string, args ...any) {
	if _, err := d.conn.ExecContext(d.ctx, query, args...); err != nil {
		d.b.Fatalf("%.80s: %v", query, err)
	}
}

func (d *segDB) int(query string) int64 {
	var n int64
	if err := d.conn.QueryRowContext(d.ctx, query).Scan(&n); err != nil {
		d.b.Fatalf("%s: %v", query, err)
	}
	return n
}

// stmt prepares query once for the connection.
func (d *segDB) stmt(query string) *sql.Stmt {
	s, ok := d.stmts[query]
	if !ok {
		var err error
		if s, err = d.conn.PrepareContext(d.ctx, query); err != nil {
			d.b.Fatalf("%.80s: %v", query, err)
		}
		d.stmts[query] = s
	}
	return s
}

func (d *segDB) walSize() int64 {
	fi, err := os.Stat(d.wal)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		d.b.Fatal(err)
	}
	return fi.Size()
}

func (d *segDB) checkpoint() {
	var busy, frames, done int
	if err := d.conn.QueryRowContext(d.ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done); err != nil {
		d.b.Fatal(err)
	}
	if busy != 0 || d.walSize() != 0 {
		d.b.Fatalf("checkpoint incomplete: busy %d, %d of %d frames, wal %d bytes", busy, done, frames, d.walSize())
	}
}

func (d *segDB) tx(f func()) {
	d.exec(`BEGIN IMMEDIATE`)
	f()
	d.exec(`COMMIT`)
}

// measure runs f and returns its process CPU time, WAL growth and wall time.
func (d *segDB) measure(f func()) (cpu time.Duration, wal int64, wall time.Duration) {
	w0, t0, c0 := d.walSize(), time.Now(), processCPU()
	f()
	cpu, wall = processCPU()-c0, time.Since(t0)
	return cpu, d.walSize() - w0, wall
}

// segRow is one sample; flags are always 0.
type segRow struct {
	point, metric, t int64
	value            float64
}

func segCompareKey(a, b segRow) int {
	if c := cmp.Compare(a.t/sqlstore.BucketMS, b.t/sqlstore.BucketMS); c != 0 {
		return c
	}
	if c := cmp.Compare(a.point, b.point); c != 0 {
		return c
	}
	if c := cmp.Compare(a.metric, b.metric); c != 0 {
		return c
	}
	return cmp.Compare(a.t, b.t)
}

// segWork generates the reports: report i is point i%points+1 at
// segBase + (i/points)*segStepMS, with a level and a rain sample.
type segWork struct {
	b      *testing.B
	points int
	next   int // the next report
}

// take appends the next n reports' samples to dst, in arrival order.
func (w *segWork) take(dst []segRow, n int) []segRow {
	for i := w.next; i < w.next+n; i++ {
		p, t := int64(i%w.points+1), segBase+int64(i/w.points)*segStepMS
		if t/sqlstore.BucketMS != segBase/sqlstore.BucketMS {
			w.b.Fatalf("report %d leaves the hour bucket: run with -benchtime 1x", i)
		}
		v := float64(i%1000)/8 + 0.1 // not integral: stored as an 8-byte REAL
		dst = append(dst,
			segRow{point: p, metric: int64(sishui.MetricLevelM), t: t, value: v},
			segRow{point: p, metric: int64(sishui.MetricRainMM), t: t, value: v / 10})
	}
	w.next += n
	return dst
}

// reportsOf is how many reports of point p have been taken.
func (w *segWork) reportsOf(p int64) int {
	if w.next <= int(p-1) {
		return 0
	}
	return (w.next-int(p-1)-1)/w.points + 1
}

func segValues(n, cols int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// segInsertSQL is the statement that writes n rows in a variant.
func segInsertSQL(layout segLayout, check bool, n int) string {
	switch {
	case layout == segAppend:
		return `INSERT INTO seg (point_id, metric, t, value, flags) VALUES ` + segValues(n, 5)
	case layout == segKeyed:
		return `INSERT INTO samples (bucket, point_id, metric, t, value, flags) VALUES ` + segValues(n, 6) +
			` ON CONFLICT (bucket, point_id, metric, t) DO NOTHING`
	case check:
		return `INSERT INTO head (bucket, point_id, metric, t, value, flags) ` +
			`SELECT column1, column2, column3, column4, column5, column6 FROM (VALUES ` + segValues(n, 6) + `) AS v ` +
			`WHERE NOT EXISTS (SELECT 1 FROM samples s WHERE s.bucket = v.column1 AND s.point_id = v.column2 AND s.metric = v.column3 AND s.t = v.column4) ` +
			`ON CONFLICT (bucket, point_id, metric, t) DO NOTHING`
	default:
		return `INSERT INTO head (bucket, point_id, metric, t, value, flags) VALUES ` + segValues(n, 6) +
			` ON CONFLICT (bucket, point_id, metric, t) DO NOTHING`
	}
}

// insert writes rows, in the given order, with statements of up to
// segPerStmt rows, inside the caller's transaction.
func (d *segDB) insert(layout segLayout, check bool, rows []segRow) {
	args := make([]any, 0, 6*segPerStmt)
	for len(rows) > 0 {
		n := min(len(rows), segPerStmt)
		args = args[:0]
		for _, r := range rows[:n] {
			if layout != segAppend {
				args = append(args, r.t/sqlstore.BucketMS)
			}
			args = append(args, r.point, r.metric, r.t, r.value, 0)
		}
		if _, err := d.stmt(segInsertSQL(layout, check, n)).ExecContext(d.ctx, args...); err != nil {
			d.b.Fatal(err)
		}
		rows = rows[n:]
	}
}

// segTemplate writes a database of layout (segKeyed: samples, segAppend: seg)
// holding f samples per series, written time-major in groups of perCommit
// rows like the measured commits (so that the keyed table's pages are split
// as in service) but many groups a transaction, then checkpointed and closed.
func segTemplate(b *testing.B, path string, layout segLayout, points, perCommit, f int) {
	d := segOpen(b, path)
	defer d.close()
	if layout == segAppend {
		d.exec(`CREATE TABLE seg (rowid INTEGER PRIMARY KEY, point_id INTEGER NOT NULL, metric INTEGER NOT NULL, t INTEGER NOT NULL, value REAL NOT NULL, flags INTEGER NOT NULL DEFAULT 0)`)
	} else {
		d.exec(`CREATE TABLE samples ` + segSamplesCols)
	}
	var mode string
	if err := d.conn.QueryRowContext(d.ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		b.Fatalf("journal_mode %q (%v), want wal", mode, err)
	}
	if ps := d.int(`PRAGMA page_size`); ps != 16384 {
		b.Fatalf("page_size %d, want 16384", ps)
	}
	w := &segWork{b: b, points: points}
	rows := make([]segRow, 0, perCommit)
	total := f * points
	for w.next < total {
		d.tx(func() {
			for done := 0; done < segFillTx && w.next < total; done += len(rows) {
				rows = w.take(rows[:0], min(perCommit/2, total-w.next))
				if layout != segAppend {
					slices.SortFunc(rows, segCompareKey)
				}
				d.insert(layout, false, rows)
			}
		})
		if d.walSize() >= segWALLimit {
			d.checkpoint()
		}
	}
	d.checkpoint()
	table := map[segLayout]string{segKeyed: "samples", segAppend: "seg"}[layout]
	b.Logf("%s: %d rows, %.1f MiB", table, d.int(`SELECT count(*) FROM `+table),
		float64(d.int(`PRAGMA page_count`)*d.int(`PRAGMA page_size`))/(1<<20))
}

func segCopy(b *testing.B, src, dst string) {
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

// segStats adds up a sub-benchmark's measurements.
type segStats struct {
	samples, commits, folds, reads int
	cpu, ckptCPU, readCPU          time.Duration
	foldCPU, foldWall              time.Duration
	commitWAL, foldWAL             int64
}

const segReadCols = `t, value, flags`

// read reads the last hour of point p, both metrics, and returns the rows.
func (d *segDB) read(layout segLayout, p int64, now int64) int {
	from := now - sqlstore.BucketMS
	var queries []*sql.Stmt
	var args [][]any
	switch layout {
	case segAppend:
		// No index on point_id: a scan of the segment, one for both metrics.
		queries = append(queries, d.stmt(`SELECT metric, `+segReadCols+` FROM seg WHERE point_id = ?1 AND t >= ?2 AND t < ?3 ORDER BY metric, t`))
		args = append(args, []any{p, from, now})
	default:
		// One seek per hour bucket and series, as sqlstore.QuerySamples.
		where := ` WHERE bucket IN (?1, ?2) AND point_id = ?3 AND metric = ?4 AND t >= ?5 AND t < ?6`
		q := `SELECT bucket, ` + segReadCols + ` FROM samples` + where + ` ORDER BY bucket, t`
		if layout == segHead {
			q = `SELECT bucket, ` + segReadCols + ` FROM head` + where +
				` UNION ALL SELECT bucket, ` + segReadCols + ` FROM samples` + where + ` ORDER BY bucket, t`
		}
		for _, m := range []sishui.Metric{sishui.MetricLevelM, sishui.MetricRainMM} {
			queries = append(queries, d.stmt(q))
			args = append(args, []any{from / sqlstore.BucketMS, (now - 1) / sqlstore.BucketMS, p, int64(m), from, now})
		}
	}
	n := 0
	for i, q := range queries {
		rs, err := q.QueryContext(d.ctx, args[i]...)
		if err != nil {
			d.b.Fatal(err)
		}
		var a, t, flags int64
		var v float64
		for rs.Next() {
			if err := rs.Scan(&a, &t, &v, &flags); err != nil {
				d.b.Fatal(err)
			}
			n++
		}
		if err := rs.Err(); err != nil {
			d.b.Fatal(err)
		}
		rs.Close()
	}
	return n
}

// reads reads the last hour of points in turn, for up to segReadCPU of CPU
// time, and checks each answer against the reports taken.
func (d *segDB) reads(layout segLayout, w *segWork, st *segStats) {
	now := segBase + int64((w.next-1)/w.points+1)*segStepMS
	c0 := processCPU()
	for n := 0; n < segMaxReads && (n < 3 || processCPU()-c0 < segReadCPU); n++ {
		p := int64((n*37)%w.points + 1)
		if got, want := d.read(layout, p, now), 2*w.reportsOf(p); got != want {
			d.b.Fatalf("point %d: read %d rows, want %d", p, got, want)
		}
		st.reads++
	}
	st.readCPU += processCPU() - c0
}

func segRun(b *testing.B, v segVariant, tpl string, points, perCommit, f int) {
	path := filepath.Join(b.TempDir(), "seg.db")
	segCopy(b, tpl, path)
	d := segOpen(b, path)
	defer d.close()
	table := "samples"
	if v.layout == segAppend {
		table = "seg"
	}
	d.int(`SELECT count(*) FROM ` + table) // read every page into the cache
	if v.layout == segHead {
		d.exec(`CREATE TABLE head ` + segSamplesCols)
	}
	d.checkpoint()

	w := &segWork{b: b, points: points, next: f * points}
	rows := make([]segRow, 0, perCommit)
	var st segStats
	fold := func() {
		d.tx(func() {
			d.exec(`INSERT OR IGNORE INTO samples (bucket, point_id, metric, t, value, flags) ` +
				`SELECT bucket, point_id, metric, t, value, flags FROM head ORDER BY bucket, point_id, metric, t`)
			d.exec(`DELETE FROM head`)
		})
	}
	for b.Loop() {
		for c := 1; c <= segCommits; c++ {
			rows = w.take(rows[:0], perCommit/2)
			if v.layout != segAppend {
				slices.SortFunc(rows, segCompareKey)
			}
			cpu, wal, _ := d.measure(func() { d.tx(func() { d.insert(v.layout, v.check, rows) }) })
			st.cpu += cpu
			st.commitWAL += wal
			st.commits++
			st.samples += len(rows)
			if v.layout == segHead && c%v.k == 0 {
				if c == segCommits {
					b.StopTimer()
					d.reads(v.layout, w, &st)
					b.StartTimer()
				}
				cpu, wal, wall := d.measure(fold)
				st.cpu += cpu
				st.foldCPU += cpu
				st.foldWAL += wal
				st.foldWall += wall
				st.folds++
			}
			if d.walSize() >= segWALLimit {
				b.StopTimer()
				c0 := processCPU()
				d.checkpoint()
				st.ckptCPU += processCPU() - c0
				b.StartTimer()
			}
		}
		if v.layout != segHead {
			b.StopTimer()
			d.reads(v.layout, w, &st)
			b.StartTimer()
		}
	}
	b.StopTimer()
	c0 := processCPU()
	d.checkpoint()
	st.ckptCPU += processCPU() - c0

	stored := d.int(`SELECT count(*) FROM ` + table)
	if v.layout == segHead {
		stored += d.int(`SELECT count(*) FROM head`)
	}
	if want := int64(2 * w.next); stored != want {
		b.Fatalf("%d rows stored, want %d", stored, want)
	}

	us := func(t time.Duration) float64 { return float64(t.Nanoseconds()) / 1e3 }
	b.ReportMetric(us(st.cpu)/float64(st.samples), "cpu-µs/sample")
	b.ReportMetric(float64(st.commitWAL+st.foldWAL)/1024/float64(st.commits), "wal-KiB/commit")
	b.ReportMetric(us(st.ckptCPU)/float64(st.samples), "ckpt-cpu-µs/sample")
	b.ReportMetric(us(st.readCPU)/float64(st.reads), "read-cpu-µs")
	if st.folds > 0 {
		b.ReportMetric(float64(st.commitWAL)/1024/float64(st.commits), "head-wal-KiB/commit")
		b.ReportMetric(float64(st.foldWAL)/(1<<20)/float64(st.folds), "fold-wal-MiB")
		b.ReportMetric(us(st.foldWall)/1e3/float64(st.folds), "fold-ms")
		b.ReportMetric(us(st.foldCPU)/1e3/float64(st.folds), "fold-cpu-ms")
	}
}
