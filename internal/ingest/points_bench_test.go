package ingest_test

import (
	"context"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
)

// BenchmarkColdTerminal: terminals connecting to an ingester whose point
// cache was just emptied (a restart, an invalidation), each resolving its
// point for the first time, which also primes the quality checker from
// the point's stored history. It reports process CPU time per terminal:
// preloaded (the default: one bulk read for them all) and lazy (every
// point looked up on its own).
func BenchmarkColdTerminal(b *testing.B) {
	for _, mode := range []struct {
		name    string
		preload int
	}{{"preloaded", 0}, {"lazy", -1}} {
		b.Run(mode.name, func(b *testing.B) {
			benchColdTerminal(b, newSQLite(b), ingest.Config{PreloadPoints: mode.preload})
		})
	}
}

func benchColdTerminal(b *testing.B, s sishui.Store, cfg ingest.Config) {
	const n = 2000
	pts := newPoints(b, s, sishui.PointWell, n)
	if _, err := s.AppendSamples(context.Background(), benchRows(pts, 2*n, 0)); err != nil {
		b.Fatal(err)
	}
	ing := newIngester(b, s, cfg)
	b.ResetTimer()
	c0 := processCPU()
	for i := range b.N {
		if i%n == 0 {
			ing.InvalidatePoints()
		}
		p := pts[i%n]
		if _, err := ing.Terminal(p.Protocol, p.Code); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((processCPU()-c0).Microseconds())/float64(b.N), "cpu-µs/terminal")
}
