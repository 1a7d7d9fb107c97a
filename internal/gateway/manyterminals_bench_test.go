package gateway

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
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
// (sampled every 100 ms during the run, over the idle baseline). Before
// that run it measures the memory of idle connections (idleMemory; set
// SISHUI_BENCH_IDLE_ONLY=1 to skip the run). Not in
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
		// 19,000 first reports at once look up 19,000 points: on a loaded
		// shared machine that exceeds the default 30 s.
		s.CommitTimeout = 5 * time.Minute
	})
	for range b.N {
		perConn, perTerminal, conns := idleMemory(b, ts, n)
		b.ReportMetric(float64(conns), "idle-conns")
		b.ReportMetric(perConn, "idle-B/conn")
		b.ReportMetric(perTerminal, "idle-B/terminal")
		if os.Getenv("SISHUI_BENCH_IDLE_ONLY") != "" {
			continue
		}
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

// heapAndStacks returns HeapInuse+StackInuse after two collections (the
// second one also shrinks the stacks the first found oversized).
func heapAndStacks() (uint64, runtime.MemStats) {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse, m
}

// idleMemory connects n SL 651 terminals from a child process; each sends
// one report, waits for its confirm and then holds its connection open. With
// all n connected and idle it reads the server's heap and stacks after GC,
// then ends the child and reads them again once every connection is closed.
// perConn is (connected − after closing) / conns: what an open connection costs
// by itself; perTerminal is (connected − before connecting) / conns, which also
// counts what stays after a terminal leaves (its point in the caches, its
// series' high-water marks).
func idleMemory(b *testing.B, ts *testServer, n int) (perConn, perTerminal float64, conns int) {
	b.Helper()
	base, _ := heapAndStacks()
	js, _ := json.Marshal(loadGen{Gateway: ts.addr(sishui.ProtocolSL651), Protocol: sishui.ProtocolSL651,
		Stations: n, Start: benchStart(n, n), ConfirmTimeout: time.Minute,
		Interval: time.Hour, Burst: true, Duration: time.Hour})
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadGenerator$", "-test.count=1")
	cmd.Env = append(os.Environ(), loadGenEnv+"="+string(js))
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	reported := func() (sessions, withFrame int) {
		for _, si := range ts.Sessions() {
			sessions++
			if si.Frames > 0 {
				withFrame++
			}
		}
		return
	}
	// Wait for every terminal, or until no more connect for 30 s and all
	// connected have reported (on a loaded machine some dials or first
	// confirms time out, and a terminal whose report failed waits an hour):
	// the figures are then per terminal actually connected, all idle.
	deadline := time.Now().Add(15 * time.Minute)
	best, bestAt := 0, time.Now()
	for {
		sessions, withFrame := reported()
		if withFrame == n {
			break
		}
		if sessions > best {
			best, bestAt = sessions, time.Now()
		} else if withFrame == sessions && sessions > 0 && time.Since(bestAt) > 30*time.Second {
			// No new connection for 30 s and every connected one idle.
			b.Logf("%d of %d terminals connected and reported; measuring those", withFrame, n)
			break
		}
		select {
		case err := <-done:
			b.Fatalf("load generator ended early (%v) with %d of %d terminals connected", err, sessions, n)
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			<-done
			b.Fatalf("%d of %d terminals connected and reported after 15 minutes", withFrame, n)
		}
	}
	time.Sleep(time.Second) // the last confirms written
	connected, cm := heapAndStacks()
	m, _ := reported()
	if p := os.Getenv("SISHUI_BENCH_HEAPPROFILE"); p != "" {
		// The live heap with every terminal connected (go tool pprof -sample_index=inuse_space).
		if f, err := os.Create(p); err == nil {
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	_ = cmd.Process.Kill()
	<-done
	for deadline := time.Now().Add(time.Minute); len(ts.Sessions()) > 0 && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	closed, zm := heapAndStacks()
	b.Logf("%d idle connections: heap+stacks %d kB before, %d kB connected, %d kB after closing; per connection: heap %.0f B (%.1f objects), stacks %.0f B",
		m, base>>10, connected>>10, closed>>10, (float64(cm.HeapInuse)-float64(zm.HeapInuse))/float64(m),
		(float64(cm.HeapObjects)-float64(zm.HeapObjects))/float64(m), (float64(cm.StackInuse)-float64(zm.StackInuse))/float64(m))

	return (float64(connected) - float64(closed)) / float64(m), (float64(connected) - float64(base)) / float64(m), m
}
