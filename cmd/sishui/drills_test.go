//go:build drills

// Fault drills (make drills): each kills or starves the platform part-way and
// checks that nothing acknowledged is lost and that it recovers by itself.
// They are slow and not part of make test.
package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/sqlstore"
)

func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "sishui")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func countRows(t *testing.T, path, query string) int {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	if err := st.DB.DB.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// DrillImportKill: kill -9 during `sishui import observations`; the rerun
// resumes after the last durable batch and the table ends with every row once.
func TestDrillImportKill(t *testing.T) {
	const rows = 200_000
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	dbPath := filepath.Join(dir, "drill.db")
	db := "sqlite:" + dbPath
	if out, err := exec.Command(bin, "import", "--db", db, "../../data/liaocheng").CombinedOutput(); err != nil {
		t.Fatalf("import city: %v\n%s", err, out)
	}
	csvPath := filepath.Join(dir, "obs.csv")
	f, err := os.Create(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "point,protocol,metric,time,value")
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, sishui.BeijingTime)
	for i := 0; i < rows; i++ {
		fmt.Fprintf(w, "3715020100,szy206,flow_m3s,%s,%d.5\n", t0.Add(time.Duration(i)*time.Minute).Format(time.RFC3339), i%100)
	}
	w.Flush()
	f.Close()
	start := time.Now()
	cmd := exec.Command(bin, "import", "observations", "--db", db, "--batch", "2000", csvPath)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill once a few batches are durable.
	for deadline := time.Now().Add(5 * time.Minute); ; time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(csvPath + ".progress"); err == nil && len(b) > 0 && countRowsQuick(dbPath) > 20_000 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no progress")
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	killedAt := time.Since(start)
	before := countRows(t, dbPath, `SELECT COUNT(*) FROM samples`)
	start = time.Now()
	out, err := exec.Command(bin, "import", "observations", "--db", db, "--batch", "2000", csvPath).Output() // the summary; the progress bar goes to stderr
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, out)
	}
	resumed := time.Since(start)
	after := countRows(t, dbPath, `SELECT COUNT(*) FROM samples`)
	distinct := countRows(t, dbPath, `SELECT COUNT(*) FROM (SELECT DISTINCT point_id, metric, t FROM samples)`)
	t.Logf("FIGURES import kill: %d rows; killed after %v with %d durable; resume took %v: %s", rows, killedAt.Round(time.Millisecond), before, resumed.Round(time.Millisecond), strings.TrimSpace(string(out)))
	if after != rows || distinct != rows {
		t.Fatalf("after the resume: %d samples (%d distinct), want %d", after, distinct, rows)
	}
	if !strings.Contains(string(out), "skipped (already imported)") || strings.Contains(string(out), "skipped (already imported) 0\n") {
		t.Fatalf("the rerun did not resume: %s", out)
	}
}

// countRowsQuick counts samples with a plain read-only connection (no migration).
func countRowsQuick(path string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	_ = db.QueryRow(`SELECT COUNT(*) FROM samples`).Scan(&n)
	return n
}

// DrillDiskFull: the SQLite file may not grow past max_page_count while
// samples arrive. Appends fail with an error (no panic, no partial batch);
// every acknowledged sample is there; once space is back, appends resume.
func TestDrillSQLiteDiskFull(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "full.db")
	seed, err := sqlite.Open(ctx, path) // migrate and register one point
	if err != nil {
		t.Fatal(err)
	}
	pts := make([]int64, 0, 20)
	for i := 0; i < 20; i++ {
		if err := seed.UpsertRegion(ctx, &sishui.Region{Code: "371500", Name: "聊城市", Level: sishui.LevelCity}); err != nil {
			t.Fatal(err)
		}
		p := &sishui.Point{Code: fmt.Sprintf("99%08d", i), Name: "drill", Kind: sishui.PointRain, Protocol: sishui.ProtocolHTTP, Region: "371500", Multiplier: 1, IntervalSeconds: 60}
		if err := seed.CreatePoint(ctx, p); err != nil {
			t.Fatal(err)
		}
		pts = append(pts, p.ID)
	}
	var pages int
	seed.DB.DB.QueryRow(`PRAGMA page_count`).Scan(&pages)
	seed.Close()
	limit := pages + 400 // about 1.6 MB more at 4 KiB pages
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", fmt.Sprintf("max_page_count(%d)", limit)} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	raw, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	migs, _ := sqlite.Migrations()
	st := sqlstore.New(raw, sqlite.Dialect(), migs)
	acked, failures := 0, 0
	var firstErr error
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	start := time.Now()
	for b := 0; b < 2000 && failures < 5; b++ {
		batch := make([]sishui.Sample, 0, 500)
		for i := 0; i < 500; i++ {
			k := b*500 + i
			batch = append(batch, sishui.Sample{Point: pts[k%len(pts)], Metric: sishui.MetricRainMM, Time: t0.Add(time.Duration(k/len(pts)) * time.Minute), Value: float64(k % 7)})
		}
		if _, err := st.AppendSamples(ctx, batch); err != nil {
			failures++
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		acked += len(batch)
	}
	raw.Close()
	if firstErr == nil {
		t.Fatal("the disk never filled")
	}
	if !strings.Contains(strings.ToLower(firstErr.Error()), "full") {
		t.Fatalf("disk-full error does not say so: %v", firstErr)
	}
	got := countRows(t, path, `SELECT COUNT(*) FROM samples`)
	t.Logf("FIGURES disk full: limit %d pages; %d samples acknowledged in %v before %q; %d stored", limit, acked, time.Since(start).Round(time.Millisecond), firstErr, got)
	if got != acked {
		t.Fatalf("%d samples stored, %d acknowledged: a failed batch left rows or an acknowledged one was lost", got, acked)
	}
	// Space is back (no limit): the store takes samples again by itself.
	st2, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if _, err := st2.AppendSamples(ctx, []sishui.Sample{{Point: pts[0], Metric: sishui.MetricRainMM, Time: t0.Add(-time.Hour), Value: 1}}); err != nil {
		t.Fatalf("after space is back: %v", err)
	}
}

// DrillPostgresRestart: a throwaway PostgreSQL cluster of the drill's own
// (initdb and pg_ctl as the postgres user, on a free port; never the shared
// server) crashes (immediate stop) and restarts while samples are appended.
// Every acknowledged batch is there afterwards, and appends resume by themselves.
func TestDrillPostgresRestart(t *testing.T) {
	if _, err := exec.LookPath("pg_ctl"); err != nil {
		t.Skip("pg_ctl not installed")
	}
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "sishui-pgdrill-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o777)
	data := filepath.Join(dir, "data")
	asPG := func(args ...string) {
		t.Helper()
		out, err := exec.Command("runuser", append([]string{"-u", "postgres", "--"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	asPG("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
	port := freePort(t)
	pgOpts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=on", port, dir)
	asPG("pg_ctl", "-D", data, "-o", pgOpts, "-l", filepath.Join(dir, "log"), "-w", "start")
	defer exec.Command("runuser", "-u", "postgres", "--", "pg_ctl", "-D", data, "-m", "immediate", "stop").Run()
	st, err := postgres.Open(ctx, fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.UpsertRegion(ctx, &sishui.Region{Code: "371500", Name: "聊城市", Level: sishui.LevelCity}); err != nil {
		t.Fatal(err)
	}
	p := &sishui.Point{Code: "9900000001", Name: "drill", Kind: sishui.PointRain, Protocol: sishui.ProtocolHTTP, Region: "371500", Multiplier: 1, IntervalSeconds: 60}
	if err := st.CreatePoint(ctx, p); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	done := make(chan struct{})
	type result struct{ acked, failed, afterRestart int }
	res := make(chan result)
	restarted := make(chan struct{})
	go func(restarted <-chan struct{}) {
		var r result
		back := false
		for b := 0; ; b++ {
			select {
			case <-done:
				res <- r
				return
			case <-restarted:
				back, restarted = true, nil
			default:
			}
			batch := make([]sishui.Sample, 200)
			for i := range batch {
				batch[i] = sishui.Sample{Point: p.ID, Metric: sishui.MetricRainMM, Time: t0.Add(time.Duration(b*200+i) * time.Minute), Value: 1}
			}
			if _, err := st.AppendSamples(ctx, batch); err != nil {
				r.failed++
				time.Sleep(50 * time.Millisecond)
				continue
			}
			r.acked += len(batch)
			if back {
				r.afterRestart += len(batch)
			}
		}
	}(restarted)
	time.Sleep(2 * time.Second)
	down := time.Now()
	asPG("pg_ctl", "-D", data, "-m", "immediate", "stop")
	time.Sleep(time.Second)
	asPG("pg_ctl", "-D", data, "-o", pgOpts, "-l", filepath.Join(dir, "log"), "-w", "start")
	outage := time.Since(down)
	close(restarted)
	time.Sleep(3 * time.Second)
	close(done)
	r := <-res
	var stored int
	if err := st.DB.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM samples`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	t.Logf("FIGURES postgres restart: outage %v (immediate stop + start); %d samples acknowledged (%d after the restart), %d batches failed during the outage, %d stored", outage.Round(time.Millisecond), r.acked, r.afterRestart, r.failed, stored)
	if stored < r.acked {
		t.Fatalf("%d stored < %d acknowledged: acknowledged samples were lost", stored, r.acked)
	}
	if r.afterRestart == 0 {
		t.Fatal("appends did not resume after the restart")
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
