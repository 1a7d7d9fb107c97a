package ingest_test

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/sqlite"
)

// benchRows makes n samples over the points, time-major (each tick reports
// every point), as live traffic arrives.
func benchRows(pts []*sishui.Point, n int, offset time.Duration) []sishui.Sample {
	out := make([]sishui.Sample, n)
	for i := range out {
		p := pts[i%len(pts)]
		out[i] = sishui.Sample{Point: p.ID, Metric: sishui.MetricLevelM, Time: base.Add(offset + time.Duration(i/len(pts))*time.Second), Value: float64(i % 100)}
	}
	return out
}

// BenchmarkIngest compares sustained ingest through the Ingester (16
// goroutines submitting 100 samples each, group-committed: the HTTP and CSV
// path) with the store's own bulk AppendSamples of the same kind of rows in
// 5000-row batches, and with the raw ceiling measured in the same run: the
// same number of rows appended into a bare keyed SQLite table
// (sqlite.RawAppendRate). ratio = ingester / store bulk; bare_ratio =
// ingester / bare table. PostgreSQL runs when SISHUI_TEST_POSTGRES is set.
func BenchmarkIngest(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchIngest(b, newSQLite(b)) })
	b.Run("postgres", func(b *testing.B) { benchIngest(b, newPostgres(b)) })
}

func benchIngest(b *testing.B, s sishui.Store) {
	pts := newPoints(b, s, sishui.PointWell, 1000)
	const rows = 200_000
	ctx := context.Background()
	var rawRate, ingRate, bareRate float64
	var rawCPU, ingCPU, bareCPU time.Duration // process CPU time: the machine is shared
	for i := 0; i < b.N; i++ {
		// Raw: one goroutine, 5000-row AppendSamples calls.
		raw := benchRows(pts, rows, time.Duration(2*i)*time.Hour*100)
		start, c0 := time.Now(), processCPU()
		for j := 0; j < len(raw); j += 5000 {
			if _, err := s.AppendSamples(ctx, raw[j:j+5000]); err != nil {
				b.Fatal(err)
			}
		}
		rawRate += rows / time.Since(start).Seconds()
		rawCPU += processCPU() - c0
		c0 = processCPU()
		bare, err := sqlite.RawAppendRate(filepath.Join(b.TempDir(), "bare.db"), rows, len(pts))
		if err != nil {
			b.Fatal(err)
		}
		bareRate += bare
		bareCPU += processCPU() - c0

		// Ingester: the same rows 100 hours later, 16 submitters of 100 samples.
		in := benchRows(pts, rows, time.Duration(2*i+1)*time.Hour*100)
		obs := make([]ingest.Observation, len(in))
		for j, x := range in {
			obs[j] = ingest.Observation{Point: x.Point, Metric: "level_m", Time: x.Time, Value: x.Value}
		}
		ing := ingest.New(s, ingest.Config{Now: func() time.Time { return base.AddDate(0, 0, 400) }})
		// Warm the point cache and high-water marks (a running ingester has them).
		warm := make([]ingest.Observation, len(pts))
		for j, p := range pts {
			warm[j] = ingest.Observation{Point: p.ID, Metric: "level_m", Time: base.Add(-time.Duration(i+1) * time.Hour), Value: 1}
		}
		if _, err := ing.Submit(ctx, warm); err != nil {
			b.Fatal(err)
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		var failed atomic.Value
		start, c0 = time.Now(), processCPU()
		for g := 0; g < 16; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					j := int(next.Add(100)) - 100
					if j >= len(obs) {
						return
					}
					res, err := ing.Submit(ctx, obs[j:min(j+100, len(obs))])
					if err != nil {
						failed.Store(err)
						return
					}
					for _, r := range res {
						if r.Status != ingest.Accepted {
							failed.Store(r)
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		ingRate += rows / time.Since(start).Seconds()
		ingCPU += processCPU() - c0
		ing.Close()
		if f := failed.Load(); f != nil {
			b.Fatalf("%v", f)
		}
	}
	b.ReportMetric(rawRate/float64(b.N), "raw_samples/s")
	b.ReportMetric(ingRate/float64(b.N), "ingest_samples/s")
	b.ReportMetric(ingRate/rawRate, "ratio")
	b.ReportMetric(bareRate/float64(b.N), "bare_samples/s")
	b.ReportMetric(ingRate/bareRate, "bare_ratio")
	n := float64(b.N * rows)
	b.ReportMetric(float64(ingCPU.Nanoseconds())/1e3/n, "ingest-cpu-µs/sample")
	b.ReportMetric(float64(rawCPU.Nanoseconds())/1e3/n, "store-cpu-µs/sample")
	b.ReportMetric(float64(bareCPU.Nanoseconds())/1e3/n, "bare-cpu-µs/sample")
	b.ReportMetric(float64(bareCPU)/float64(ingCPU), "cpu_bare_ratio")
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
