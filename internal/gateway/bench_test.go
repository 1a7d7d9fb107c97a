package gateway

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/protocol/szy206"
	"github.com/sishui/sishui/internal/simulate"
	"github.com/sishui/sishui/internal/sqlite"
)

// fitTerminals returns n, or fewer when the open-file limit (raised to its
// hard maximum) cannot hold both ends of n connections in this process.
func fitTerminals(b *testing.B, n int) int {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		b.Skip(err)
	}
	if rl.Cur < rl.Max {
		rl.Cur = rl.Max
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
			b.Skip(err)
		}
	}
	if fit := (int(rl.Cur) - 500) / 2; fit < n {
		b.Logf("open-file limit %d: %d terminals instead of %d", rl.Cur, fit, n)
		return fit
	}
	return n
}

var (
	benchStores sync.Map // key → testStore with points registered
	benchMu     sync.Mutex
	benchClock  = time.Now() // next free simulated observation time
)

// benchStart reserves simulated time for frames reports over terminals, so
// that repeated runs on one store do not resend old observation times.
func benchStart(frames, terminals int) time.Time {
	benchMu.Lock()
	defer benchMu.Unlock()
	t := benchClock
	benchClock = benchClock.Add(time.Duration(frames/terminals+2) * time.Minute)
	return t
}

// benchSchema is the PostgreSQL schema of the gateway benchmarks' store.
const benchSchema = "gateway_bench"

// benchStore returns a store with n default simulator stations of protocol
// registered, built once per process.
func benchStore(b *testing.B, engine, protocol string, n int) testStore {
	key := fmt.Sprintf("%s/%s/%d", engine, protocol, n)
	if s, ok := benchStores.Load(key); ok {
		return s.(testStore)
	}
	t0 := time.Now()
	var s testStore
	switch engine {
	case "sqlite":
		// Lives for the whole process: a sub-benchmark runs several times.
		dir, err := os.MkdirTemp("", "gwbench")
		if err != nil {
			b.Fatal(err)
		}
		db, err := sqlite.Open(context.Background(), filepath.Join(dir, "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		s = db
		seedRegions(b, db)
	case "postgres":
		dsn := os.Getenv("SISHUI_TEST_POSTGRES")
		if dsn == "" {
			b.Skip("SISHUI_TEST_POSTGRES not set")
		}
		// A schema of its own keeps the registered points between runs (their
		// registration takes a while); what earlier runs stored goes, so that
		// every run starts from the same empty tables at the same clock.
		admin, err := sql.Open("pgx", dsn)
		if err != nil {
			b.Skip(err)
		}
		_, err = admin.Exec(`CREATE SCHEMA IF NOT EXISTS ` + benchSchema)
		admin.Close()
		if err != nil {
			b.Skip(err)
		}
		// A name of its own lets BenchmarkServerCPU find its backends.
		db, err := postgres.Open(context.Background(), pgtest.WithApplicationName(pgtest.WithSearchPath(b, dsn, benchSchema), benchAppName))
		if err != nil {
			b.Skip(err)
		}
		if _, err := db.DB.DB.Exec(`TRUNCATE frames, samples, series_latest, outbox`); err != nil {
			b.Fatal(err)
		}
		s = db
		seedRegions(b, db)
	}
	for i := range n {
		code := simulate.StationCode(protocol, i, szy206.ProfileSZY206())
		if _, err := s.PointByCode(context.Background(), protocol, code); err == nil {
			continue // a persistent database from an earlier run
		}
		addPoint(b, s, protocol, code, "", 1)
	}
	b.Logf("%s: %d points ready after %s", key, n, time.Since(t0))
	benchStores.Store(key, s)
	return s
}

// BenchmarkEndToEnd: N reports from many concurrent terminals, each waiting
// for its confirm before sending the next; reports confirmed frames/s and
// confirm latency as seen by the terminals.
func BenchmarkEndToEnd(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		for _, protocol := range []string{sishui.ProtocolSZY206, sishui.ProtocolSL651} {
			for _, terminals := range []int{1000, 10000} {
				b.Run(fmt.Sprintf("%s/%s/terminals=%d", engine, protocol, terminals), func(b *testing.B) {
					terminals := fitTerminals(b, terminals)
					store := benchStore(b, engine, protocol, terminals)
					ts := startServer(b, store, func(s *Server) {
						s.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
					})
					frames := max(b.N, terminals)
					start := benchStart(frames, terminals)
					b.ResetTimer()
					rep, err := simulate.Run(context.Background(), simulate.Config{Gateway: ts.addr(protocol), Protocol: protocol,
						Stations: terminals, Frames: frames, ConfirmTimeout: 5 * time.Second, Start: start})
					b.StopTimer()
					if err != nil {
						b.Fatal(err)
					}
					if rep.Failed != 0 {
						var sb strings.Builder
						ts.MetricsSet().WritePrometheus(&sb)
						b.Fatalf("failed reports: %s\n%s", rep, sb.String())
					}
					b.ReportMetric(rep.Rate(), "frames/s")
					b.ReportMetric(float64(rep.P50.Microseconds())/1000, "p50-ms")
					b.ReportMetric(float64(rep.P99.Microseconds())/1000, "p99-ms")
					if st := ts.ing.Stats(); st.Batches > 0 {
						b.ReportMetric(float64(st.Frames)/float64(st.Batches), "frames/commit")
					}
				})
			}
		}
	}
}

// BenchmarkIdleConnections measures the heap and stacks the gateway holds
// for 10k idle connections (each has logged in once, so it is a session).
func BenchmarkIdleConnections(b *testing.B) {
	conns := fitTerminals(b, 10000)
	store := benchStore(b, "sqlite", sishui.ProtocolSZY206, conns)
	for range b.N {
		ts := startServer(b, store, nil)
		var before runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		cs := make([]net.Conn, 0, conns)
		for i := range conns {
			nc, err := net.Dial("tcp", ts.szy)
			if err != nil {
				b.Fatal(err)
			}
			code := simulate.StationCode(sishui.ProtocolSZY206, i, szy206.ProfileSZY206())
			var a szy206.Address
			fmt.Sscanf(code, "%02X%02X%02X%02X%02X", &a[0], &a[1], &a[2], &a[3], &a[4])
			login, _ := szy206.AppendLink(nil, a, szy206.LinkLogin, 3, nil)
			if _, err := nc.Write(login); err != nil {
				b.Fatal(err)
			}
			var reply [64]byte
			nc.SetReadDeadline(time.Now().Add(time.Minute))
			if _, err := nc.Read(reply[:]); err != nil {
				b.Fatal(err)
			}
			cs = append(cs, nc)
		}
		var after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&after)
		// The clients' side lives in this process too; a client net.Conn
		// holds no buffers, so the difference is dominated by the server.
		held := float64(after.HeapInuse+after.StackInuse) - float64(before.HeapInuse+before.StackInuse)
		b.ReportMetric(held/(1<<20), "MB")
		b.ReportMetric(float64(conns), "conns")
		b.ReportMetric(held/float64(conns), "B/conn")
		if n := len(ts.Sessions()); n != conns {
			b.Fatalf("%d sessions, want %d", n, conns)
		}
		for _, nc := range cs {
			nc.Close()
		}
	}
}
