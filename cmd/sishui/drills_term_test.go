//go:build drills

package main

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/demo"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/simulate"
	"github.com/sishui/sishui/internal/sqlite"
)

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// DrillGatewayKill: `sishui serve` is killed with SIGKILL three times while
// SL 651 (with passwords) and SZY 206 terminals report, and restarted each
// time. Every confirmed report is stored; reports resent after a kill (the
// terminals saw no confirm) are stored once.
func TestDrillGatewayKill(t *testing.T) {
	const perProto = 30_000
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	dbPath := filepath.Join(dir, "gw.db")
	db := "sqlite:" + dbPath
	if out, err := exec.Command(bin, "import", "--db", db, "../../data/liaocheng").CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := demoTerminalPasswords(ctx, st); err != nil {
		t.Fatal(err)
	}
	slAddr, szyAddr := freeAddr(t), freeAddr(t)
	start := func() *exec.Cmd {
		cmd := exec.Command(bin, "serve", "--db", db, "--http", "127.0.0.1:0", "--sl651", slAddr, "--szy206", szyAddr, "--log-level", "error")
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 400; i++ {
			if c, err := net.Dial("tcp", szyAddr); err == nil {
				c.Close()
				return cmd
			}
			time.Sleep(50 * time.Millisecond)
		}
		cmd.Process.Kill()
		t.Fatal("the server did not start listening")
		return nil
	}
	server := start()
	var mu sync.Mutex
	confirmed := map[string]map[int64]bool{} // protocol/code → observation times (ms)
	total := 0
	kills := []int{perProto / 2, perProto, 3 * perProto / 2}
	killCh := make(chan struct{}, len(kills))
	onConfirm := func(protocol string) func(string, time.Time) {
		return func(code string, observed time.Time) {
			mu.Lock()
			defer mu.Unlock()
			k := protocol + "/" + code
			if confirmed[k] == nil {
				confirmed[k] = map[int64]bool{}
			}
			confirmed[k][observed.UnixMilli()] = true
			total++
			for _, at := range kills {
				if total == at {
					killCh <- struct{}{}
				}
			}
		}
	}
	pointsOf := map[string][]*sishui.Point{}
	const resenders, perResender = 40, 150
	var wg sync.WaitGroup
	reps := make([]simulate.Report, 2)
	began := time.Now()
	for i, proto := range []string{sishui.ProtocolSL651, sishui.ProtocolSZY206} {
		pts, err := sishui.AllPoints(ctx, st, sishui.PointFilter{Protocol: proto})
		if err != nil || len(pts) < resenders+20 {
			t.Fatalf("%s points: %d %v", proto, len(pts), err)
		}
		pointsOf[proto] = pts
		addr := slAddr
		if proto == sishui.ProtocolSZY206 {
			addr = szyAddr
		}
		cfg := simulate.Config{Gateway: addr, Protocol: proto, Frames: perProto, ConfirmTimeout: 3 * time.Second,
			Start: time.Now().Add(-48 * time.Hour).Truncate(time.Hour), OnConfirm: onConfirm(proto)}
		for j, p := range pts {
			if proto == sishui.ProtocolSL651 && j < resenders {
				continue // these stations are the resending terminals' below
			}
			cfg.Points = append(cfg.Points, *p)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			rep, err := simulate.Run(ctx, cfg)
			if err != nil {
				t.Error(err)
			}
			reps[i] = rep
		}()
	}
	// Resending terminals: SL 651 stations that send each report until it
	// is confirmed, the same bytes every time (the simulator moves on).
	slPts := pointsOf[sishui.ProtocolSL651]
	var resends, resentOK atomic.Int64
	resent := make([][]int64, resenders) // observation times (ms) confirmed
	for i := range resenders {
		p := slPts[i]
		wg.Add(1)
		go func() {
			defer wg.Done()
			resent[i] = resendTerminal(t, slAddr, p, perResender, i, &resends, &resentOK)
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	nkills := 0
	var outage time.Duration
loop:
	for {
		select {
		case <-killCh:
			if err := server.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			server.Wait()
			k0 := time.Now()
			server = start()
			outage += time.Since(k0)
			nkills++
		case <-done:
			break loop
		}
	}
	elapsed := time.Since(began)
	defer func() { server.Process.Kill(); server.Wait() }()
	for _, r := range reps {
		t.Logf("%s", r)
	}
	if nkills != len(kills) {
		t.Fatalf("%d kills, want %d", nkills, len(kills))
	}
	// Every confirmed report is stored: a sample of its point at its time.
	have := map[string]map[int64]int{}
	rows, err := st.DB.DB.QueryContext(ctx, `SELECT p.protocol, p.code, s.t, COUNT(*) FROM samples s JOIN points p ON p.id = s.point_id GROUP BY p.protocol, p.code, s.t`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var proto, code string
		var ms int64
		var n int
		if err := rows.Scan(&proto, &code, &ms, &n); err != nil {
			t.Fatal(err)
		}
		k := proto + "/" + code
		if have[k] == nil {
			have[k] = map[int64]int{}
		}
		have[k][ms] = n
	}
	rows.Close()
	missing, reports := 0, 0
	for k, times := range confirmed {
		for ms := range times {
			reports++
			if have[k][ms] == 0 {
				if missing < 3 {
					t.Logf("%s: confirmed report at %v not stored", k, time.UnixMilli(ms).UTC())
				}
				missing++
			}
		}
	}
	storedReports := 0
	for _, m := range have {
		storedReports += len(m)
	}
	samples := countRows(t, dbPath, `SELECT COUNT(*) FROM samples`)
	distinct := countRows(t, dbPath, `SELECT COUNT(*) FROM (SELECT DISTINCT point_id, metric, t FROM samples)`)
	framesN := countRows(t, dbPath, `SELECT COUNT(*) FROM frames WHERE status = 'ok'`)
	resentFrames := countRows(t, dbPath, `SELECT COUNT(*) - COUNT(DISTINCT bytes) FROM frames WHERE status = 'ok'`)
	var sent int64
	for _, r := range reps {
		sent += r.Sent
	}
	t.Logf("FIGURES gateway kill: %d kills in %v (restart to listening %v in all); %d reports sent, %d confirmed (distinct); %d reports stored (%d stored without a confirm seen); %d samples, %d distinct keys; %d accepted frames archived, %d of them resends of an archived frame",
		nkills, elapsed.Round(time.Millisecond), outage.Round(time.Millisecond), sent, reports, storedReports, storedReports-reports, samples, distinct, framesN, resentFrames)
	if missing != 0 {
		t.Fatalf("%d confirmed reports are not stored", missing)
	}
	if samples != distinct {
		t.Fatalf("%d samples for %d keys: a resend was stored twice", samples, distinct)
	}
	// Each resending terminal's reports: all confirmed in the end, each
	// stored once (a key per point, metric and time; count them).
	for i, times := range resent {
		p := slPts[i]
		if len(times) != perResender {
			t.Fatalf("resender %d: %d reports confirmed, want %d", i, len(times), perResender)
		}
		for _, ms := range times {
			if n := have[sishui.ProtocolSL651+"/"+p.Code][ms]; n != 1 {
				t.Fatalf("resender %d: report at %v stored as %d samples, want 1", i, time.UnixMilli(ms).UTC(), n)
			}
		}
	}
	t.Logf("FIGURES gateway kill, resending terminals: %d × %d reports, %d resends after a lost confirm, every report stored once; %d accepted frames archived twice (committed before the kill, confirm lost)",
		resenders, perResender, resends.Load(), resentFrames)
	if resends.Load() == 0 {
		t.Fatalf("no report was resent: the kills were not felt")
	}
	var bad int
	if err := st.DB.DB.QueryRow(`SELECT COUNT(*) FROM frames WHERE status <> 'ok'`).Scan(&bad); err != nil || bad != 0 {
		t.Fatalf("%d frames not accepted (%v)", bad, err)
	}
}

// DrillAccountingSweepKill: `sishui account` (the accounting sweep over the
// year) is killed with SIGKILL part-way; the rerun rebuilds daily and monthly
// rollups equal, row for row, to an uninterrupted sweep.
func TestDrillAccountingSweepKill(t *testing.T) {
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	dbPath := filepath.Join(dir, "acct.db")
	db := "sqlite:" + dbPath
	if out, err := exec.Command(bin, "import", "--db", db, "../../data/liaocheng").CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	hist, err := demo.History(ctx, st, now, 2026)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	year := fmt.Sprint(now.In(sishui.BeijingTime).Year())
	sweep := func() (*exec.Cmd, error) {
		cmd := exec.Command(bin, "account", "--db", db, "--from", year+"-01-01", "--log-level", "error")
		return cmd, cmd.Start()
	}
	snapshot := func() (string, int) {
		st, err := sqlite.Open(ctx, dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		var b strings.Builder
		n := 0
		for _, q := range []string{`SELECT * FROM daily_use ORDER BY 1, 2`, `SELECT * FROM use_monthly ORDER BY 1, 2, 3, 4, 5`, `SELECT * FROM use_point_monthly ORDER BY 1, 2`} {
			rows, err := st.DB.DB.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				fmt.Fprintln(&b, vals...)
				n++
			}
			rows.Close()
		}
		return b.String(), n
	}
	t0 := time.Now()
	cmd, err := sweep()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("uninterrupted sweep: %v", err)
	}
	full := time.Since(t0)
	want, nrows := snapshot()
	if nrows == 0 {
		t.Fatal("the sweep wrote no rollups")
	}
	// Forget the metered rollups, sweep again and kill it part-way.
	wipe := func() {
		st, err := sqlite.Open(ctx, dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		// Metered use forgotten (entered volumes stay): the state before the
		// first accounting of the year.
		for _, q := range []string{`DELETE FROM daily_use`, `DELETE FROM use_point_monthly`, `UPDATE use_monthly SET measured_l = 0, estimated_l = 0`} {
			if _, err := st.DB.DB.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
	}
	wipe()
	totalDaily := countRows(t, dbPath, `SELECT COUNT(*) FROM daily_use`)
	if totalDaily != 0 {
		t.Fatal("wipe failed")
	}
	cmd, err = sweep()
	if err != nil {
		t.Fatal(err)
	}
	t1 := time.Now()
	var atKill int
	for deadline := time.Now().Add(5 * time.Minute); ; time.Sleep(5 * time.Millisecond) {
		// Kill about a third of the way through (the year's daily rows).
		if atKill = countRowsQuickTable(dbPath, "daily_use"); atKill > nrows/4 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the sweep made no progress")
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	killedAfter := time.Since(t1)
	partial, prow := snapshot()
	if partial == want {
		t.Fatal("the kill came after the sweep had finished")
	}
	t2 := time.Now()
	cmd, err = sweep()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	rerun := time.Since(t2)
	got, grows := snapshot()
	t.Logf("FIGURES accounting sweep kill: %d samples made up; uninterrupted sweep %v → %d rollup rows; killed after %v with %d rollup rows; rerun %v → %d rows, equal row for row: %v",
		hist.Samples, full.Round(time.Millisecond), nrows, killedAfter.Round(time.Millisecond), prow, rerun.Round(time.Millisecond), grows, got == want)
	if got != want {
		t.Fatalf("rollups after the rerun differ from an uninterrupted sweep (%d rows, want %d)", grows, nrows)
	}
}

// countRowsQuickTable counts a table's rows read-only (no migration).
func countRowsQuickTable(path, table string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	_ = db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n)
	return n
}

// resendTerminal is an SL 651 station that sends n reports (level Z, one
// minute apart, series k of its own), each until confirmed, the same bytes
// every time, reconnecting after a failure. It returns the observation times
// (ms) of the confirmed reports.
func resendTerminal(t *testing.T, addr string, p *sishui.Point, n, k int, resends, ok *atomic.Int64) []int64 {
	a, err := sl651.ParseAddress(p.Code)
	if err != nil {
		t.Error(err)
		return nil
	}
	var pw uint64
	fmt.Sscanf(p.Password, "%X", &pw)
	base := time.Now().Add(-72 * time.Hour).Truncate(time.Hour).Add(-time.Duration(k) * 200 * time.Minute)
	var out []int64
	var nc net.Conn
	defer func() {
		if nc != nil {
			nc.Close()
		}
	}()
	buf := make([]byte, 4096)
	for i := 0; i < n; i++ {
		obs := base.Add(time.Duration(i) * time.Minute).In(sl651.Beijing())
		f := &sl651.Frame{Format: sl651.FormatHEX, Direction: sl651.Up, Center: 1, Station: a, Password: uint16(pw),
			Function: sl651.FuncTimed, Serial: uint16(i + 1), Sent: time.Now().In(sl651.Beijing()).Truncate(time.Second), HasBodyStation: true, BodyStation: a,
			StationType: sl651.StationRiver, Observed: obs, Elements: []sl651.Element{sl651.Elem("Z", float64(k)+float64(i)/1000)}}
		frame, err := sl651.Encode(f)
		if err != nil {
			t.Error(err)
			return out
		}
		for attempt := 0; ; attempt++ {
			if attempt > 0 {
				resends.Add(1)
				time.Sleep(100 * time.Millisecond)
			}
			if attempt > 600 {
				t.Errorf("station %s: report %d never confirmed", p.Code, i)
				return out
			}
			if nc == nil {
				if nc, err = net.DialTimeout("tcp", addr, time.Second); err != nil {
					nc = nil
					continue
				}
			}
			nc.SetDeadline(time.Now().Add(3 * time.Second))
			if _, err := nc.Write(frame); err != nil {
				nc.Close()
				nc = nil
				continue
			}
			m, err := nc.Read(buf)
			if err != nil || m == 0 {
				nc.Close()
				nc = nil
				continue
			}
			c, err := sl651.Decode(buf[:m])
			if err != nil || c.Serial != f.Serial {
				nc.Close()
				nc = nil
				continue
			}
			ok.Add(1)
			out = append(out, obs.UnixMilli())
			break
		}
	}
	return out
}
