package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/postgres"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/simulate"
	"github.com/sishui/sishui/internal/sqlite"
)

// loadGenEnv, when set in a child test process, makes TestLoadGenerator run
// the load generator with the JSON config it holds.
const loadGenEnv = "SISHUI_GATEWAY_LOADGEN"

// TestLoadGenerator is the load generator of BenchmarkServerCPU, run in a
// child process so that the benchmark's own CPU time is the server's alone.
// It skips unless started by the benchmark.
func TestLoadGenerator(t *testing.T) {
	js := os.Getenv(loadGenEnv)
	if js == "" {
		t.Skip("run by BenchmarkServerCPU")
	}
	var lg loadGen
	if err := json.Unmarshal([]byte(js), &lg); err != nil {
		t.Fatal(err)
	}
	if lg.ConfirmTimeout <= 0 {
		lg.ConfirmTimeout = 10 * time.Second
	}
	rep, err := simulate.Run(context.Background(), simulate.Config{Gateway: lg.Gateway, Protocol: lg.Protocol,
		Stations: lg.Stations, Frames: lg.Frames, ConfirmTimeout: lg.ConfirmTimeout, Start: lg.Start,
		Interval: lg.Interval, Burst: lg.Burst, Duration: lg.Duration})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(rep)
	fmt.Printf("LOADGEN %s\n", out)
}

// loadGen is the child's configuration.
type loadGen struct {
	Gateway, Protocol string
	Stations, Frames  int
	Start             time.Time
	ConfirmTimeout    time.Duration // 10 s when 0
	// Interval, Burst and Duration as in simulate.Config: with an interval
	// of an hour and a burst, every terminal reports once and then holds
	// its connection open.
	Interval time.Duration
	Burst    bool
	Duration time.Duration
}

// loadRun is what one run of the load generator measured: this process's
// CPU time and the wall time while it ran, and the generator's report.
type loadRun struct {
	cpu, wall time.Duration
	report    simulate.Report
}

// driveLoad runs the SL 651 load generator in a child process against addr
// (terminals terminals, reports reports in all, each waiting for its
// confirm) and fails b unless every report was confirmed.
func driveLoad(b *testing.B, addr string, terminals, reports int) loadRun {
	cfg := loadGen{Gateway: addr, Protocol: sishui.ProtocolSL651,
		Stations: terminals, Frames: reports, Start: benchStart(reports, terminals),
		ConfirmTimeout: time.Minute} // a loaded shared machine stalls for seconds
	js, _ := json.Marshal(cfg)
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadGenerator$", "-test.count=1")
	cmd.Env = append(os.Environ(), loadGenEnv+"="+string(js))
	c0, t0 := cpuTime(), time.Now()
	out, err := cmd.Output()
	run := loadRun{cpu: cpuTime() - c0, wall: time.Since(t0)}
	if err != nil {
		b.Fatalf("load generator: %v\n%s", err, out)
	}
	i := bytes.Index(out, []byte("LOADGEN "))
	if i < 0 {
		b.Fatalf("load generator said: %s", out)
	}
	if err := json.Unmarshal(bytes.SplitN(out[i+8:], []byte("\n"), 2)[0], &run.report); err != nil {
		b.Fatal(err)
	}
	if run.report.Failed != 0 || run.report.Confirmed == 0 {
		b.Fatalf("failed reports: %+v", run.report)
	}
	return run
}

// benchLoad is the load SISHUI_BENCH_TERMINALS and SISHUI_BENCH_REPORTS
// ask for (2000 terminals and 40000 reports when unset).
func benchLoad() (terminals, reports int) {
	terminals, reports = 2000, 40000
	if v, err := strconv.Atoi(os.Getenv("SISHUI_BENCH_TERMINALS")); err == nil && v > 0 {
		terminals = v
	}
	if v, err := strconv.Atoi(os.Getenv("SISHUI_BENCH_REPORTS")); err == nil && v > 0 {
		reports = v
	}
	return terminals, reports
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkServerCPU: an SL 651 load generator in a child process (on the
// same cores) drives terminals that each wait for their confirm; this
// process runs only the gateway and the store. It reports the server's CPU
// time per confirmed report, the confirmed rate, and, measured in the same
// run, the raw ceiling: appending the same number of sample rows into a bare
// keyed SQLite table (100-row INSERTs, 5000-row transactions). ratio =
// confirmed samples/s ÷ raw samples/s. With -benchtime 2x or more the last
// run alone is also reported (warm-cpu-µs/report: every terminal's point is
// cached, as in a server that has run for a while), and so are the heap
// allocations of the last run per report (allocs/report, B/report). Set SISHUI_BENCH_TERMINALS and
// SISHUI_BENCH_REPORTS to change the load (defaults 2000 and 40000).
func BenchmarkServerCPU(b *testing.B) {
	terminals, reports := benchLoad()
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			terminals := fitTerminals(b, terminals)
			store := benchStore(b, engine, sishui.ProtocolSL651, terminals)
			ts := startServer(b, store, func(s *Server) {
				s.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
			})
			var cpu time.Duration
			var confirmed, samples int64
			var wall time.Duration
			var lastCPU time.Duration // the last run: points cached, the server warm
			var lastConfirmed int64
			var lastAllocs, lastBytes uint64 // heap allocations of the last run
			var pgCPU time.Duration          // PostgreSQL backends serving the store
			pgMeasured := false
			for range b.N {
				ins0 := ts.counter("sishui_gateway_samples_inserted_total")
				pg0, pgOK0 := backendCPU(store)
				var ms0, ms1 runtime.MemStats
				runtime.ReadMemStats(&ms0)
				run := driveLoad(b, ts.addr(sishui.ProtocolSL651), terminals, reports)
				lastCPU = run.cpu
				runtime.ReadMemStats(&ms1)
				lastAllocs, lastBytes = ms1.Mallocs-ms0.Mallocs, ms1.TotalAlloc-ms0.TotalAlloc
				if pg1, pgOK1 := backendCPU(store); pgOK0 && pgOK1 {
					pgCPU += pg1 - pg0
					pgMeasured = true
				}
				cpu += lastCPU
				wall += run.wall
				rep := run.report
				confirmed += rep.Confirmed
				lastConfirmed = rep.Confirmed
				samples += int64(ts.counter("sishui_gateway_samples_inserted_total") - ins0)
			}
			rate := float64(samples) / wall.Seconds()
			raw, err := sqlite.RawAppendRate(filepath.Join(b.TempDir(), "raw.db"), int(samples/int64(b.N)), terminals)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(cpu.Microseconds())/float64(confirmed), "server-cpu-µs/report")
			if b.N > 1 {
				b.ReportMetric(float64(lastCPU.Microseconds())/float64(lastConfirmed), "warm-cpu-µs/report")
			}
			b.ReportMetric(float64(lastAllocs)/float64(lastConfirmed), "allocs/report")
			b.ReportMetric(float64(lastBytes)/float64(lastConfirmed), "B/report")
			if pgMeasured {
				b.ReportMetric(float64(pgCPU.Microseconds())/float64(confirmed), "pg-cpu-µs/report")
			}
			b.ReportMetric(float64(confirmed)/wall.Seconds(), "reports/s")
			b.ReportMetric(rate, "samples/s")
			b.ReportMetric(raw, "raw_samples/s")
			b.ReportMetric(rate/raw, "ratio")
			if st, ok := any(ts.Server.Ingest).(interface{ Stats() ingest.Stats }); ok && st.Stats().Batches > 0 {
				b.ReportMetric(float64(st.Stats().Frames)/float64(st.Stats().Batches), "frames/commit")
			}
		})
	}
}

// benchAppName is the application_name of the benchmarks' PostgreSQL store.
var benchAppName = fmt.Sprintf("sishui-bench-%d", os.Getpid())

// backendCPU is the CPU time of the PostgreSQL backends serving store (see
// pgtest.BackendCPU); ok is false for other stores.
func backendCPU(store testStore) (time.Duration, bool) {
	db, ok := store.(*postgres.DB)
	if !ok {
		return 0, false
	}
	return pgtest.BackendCPU(context.Background(), db.DB.DB)
}
