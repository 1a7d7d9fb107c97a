package gateway

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/simulate"
)

// BenchmarkManyTerminals: 19,000 SL 651 terminals (SISHUI_BENCH_CONNS
// changes it; the open-file limit caps it) connected at once from a child
// process, each sending 3 reports and waiting for every confirm; this
// process runs the gateway and the SQLite store (a terminal gives up on a
// confirm after a minute, so that a loaded machine shows as latency). It reports the confirm
// latency p50/p99 the terminals saw, the confirmed rate, the server's CPU
// per report, and the server's peak heap and stacks per connected terminal
// (sampled every 100 ms during the run, over the idle baseline). Not in
// make test: `make bench-terminals`.
func BenchmarkManyTerminals(b *testing.B) {
	n := 19000
	if v, err := strconv.Atoi(os.Getenv("SISHUI_BENCH_CONNS")); err == nil && v > 0 {
		n = v
	}
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		b.Skip(err)
	}
	rl.Cur = rl.Max
	_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl)
	if fit := int(rl.Cur) - 500; fit < n { // the terminals' side is another process
		b.Logf("open-file limit %d: %d terminals instead of %d", rl.Cur, fit, n)
		n = fit
	}
	store := benchStore(b, "sqlite", sishui.ProtocolSL651, n)
	ts := startServer(b, store, func(s *Server) {
		s.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	})
	for range b.N {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		base := before.HeapInuse + before.StackInuse
		var peak uint64
		var peakSessions int
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(100 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
				}
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				if m.HeapInuse+m.StackInuse > peak {
					peak = m.HeapInuse + m.StackInuse
				}
				peakSessions = max(peakSessions, len(ts.Sessions()))
			}
		}()
		frames := 3 * n
		js, _ := json.Marshal(loadGen{Gateway: ts.addr(sishui.ProtocolSL651), Protocol: sishui.ProtocolSL651,
			Stations: n, Frames: frames, Start: benchStart(frames, n), ConfirmTimeout: time.Minute})
		cmd := exec.Command(os.Args[0], "-test.run=^TestLoadGenerator$", "-test.count=1")
		cmd.Env = append(os.Environ(), loadGenEnv+"="+string(js))
		c0 := cpuTime()
		out, err := cmd.Output()
		cpu := cpuTime() - c0
		close(stop)
		wg.Wait()
		if err != nil {
			b.Fatalf("load generator: %v\n%s", err, out)
		}
		i := bytes.Index(out, []byte("LOADGEN "))
		if i < 0 {
			b.Fatalf("load generator said: %s", out)
		}
		var rep simulate.Report
		if err := json.Unmarshal(bytes.SplitN(out[i+8:], []byte("\n"), 2)[0], &rep); err != nil {
			b.Fatal(err)
		}
		if rep.Failed != 0 {
			b.Fatalf("failed reports: %s", rep)
		}
		b.ReportMetric(float64(n), "terminals")
		b.ReportMetric(float64(peakSessions), "peak-sessions")
		b.ReportMetric(float64(rep.P50.Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(rep.P99.Microseconds())/1000, "p99-ms")
		b.ReportMetric(rep.Rate(), "reports/s")
		b.ReportMetric(float64(cpu.Microseconds())/float64(rep.Confirmed), "server-cpu-µs/report")
		if peak > base {
			b.ReportMetric(float64(peak-base)/float64(n), "peak-B/terminal")
		}
	}
}
