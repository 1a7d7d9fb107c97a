package postgres_test

import (
	"context"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/sqlstore"
)

const benchPoints = 1000

var benchBase = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// timeMajorBatch is the i-th batch of the benchmarks: one reading of every
// point at minute i (time-major order, as terminals report).
func timeMajorBatch(dst []sishui.Sample, points []int64, i int) []sishui.Sample {
	dst = dst[:0]
	t := benchBase.Add(time.Duration(i) * time.Minute)
	for _, p := range points {
		dst = append(dst, sishui.Sample{Point: p, Metric: sishui.MetricFlowM3s, Time: t, Value: float64(i%97) / 10})
	}
	return dst
}

// BenchmarkAppendSamples appends batches of 1,000 samples over 1,000 points
// through the store: "copy" is the production path (COPY via a temporary
// table), "insert" the 100-row INSERT path shared with SQLite.
func BenchmarkAppendSamples(b *testing.B) {
	for _, bc := range []struct {
		name string
		copy bool
	}{{"copy", true}, {"insert", false}} {
		b.Run(bc.name, func(b *testing.B) {
			s := openStore(b)
			ctx := context.Background()
			points := seedPoints(b, s, benchPoints)
			if !bc.copy {
				s.CopySamples = nil
			}
			if err := s.EnsurePartitions(ctx, benchBase, benchBase.AddDate(0, 3, 0)); err != nil {
				b.Fatal(err)
			}
			batch := make([]sishui.Sample, 0, benchPoints)
			for i := 0; b.Loop(); i++ {
				batch = timeMajorBatch(batch, points, i)
				res, err := s.AppendSamples(ctx, batch)
				if err != nil {
					b.Fatal(err)
				}
				if res.Inserted != len(batch) {
					b.Fatalf("inserted %d of %d", res.Inserted, len(batch))
				}
			}
			b.ReportMetric(float64(b.N*benchPoints)/b.Elapsed().Seconds(), "samples/s")
		})
	}
}

// BenchmarkRawInsert COPYs the same rows, one transaction a batch, into a
// bare table without keys, indexes or partitions: the ceiling the store's
// append is measured against.
func BenchmarkRawInsert(b *testing.B) {
	s := openStore(b)
	ctx := context.Background()
	if _, err := s.DB.DB.ExecContext(ctx, `CREATE TABLE raw_samples (bucket INTEGER, metric INTEGER, point_id BIGINT,
		t BIGINT, value DOUBLE PRECISION, flags BIGINT)`); err != nil {
		b.Fatal(err)
	}
	points := make([]int64, benchPoints)
	for i := range points {
		points[i] = int64(i + 1)
	}
	conn, err := s.DB.DB.Conn(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	batch := make([]sishui.Sample, 0, benchPoints)
	err = conn.Raw(func(dc any) error {
		c := dc.(*stdlib.Conn).Conn()
		for i := 0; b.Loop(); i++ {
			batch = timeMajorBatch(batch, points, i)
			n, err := c.CopyFrom(ctx, pgx.Identifier{"raw_samples"}, []string{"bucket", "metric", "point_id", "t", "value", "flags"},
				pgx.CopyFromSlice(len(batch), func(j int) ([]any, error) {
					x := &batch[j]
					t := x.Time.UnixMilli()
					return []any{int32(t / sqlstore.BucketMS), int32(x.Metric), x.Point, t, x.Value, int64(x.Flags)}, nil
				}))
			if err != nil {
				return err
			}
			if n != int64(len(batch)) {
				b.Fatalf("copied %d of %d", n, len(batch))
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N*benchPoints)/b.Elapsed().Seconds(), "samples/s")
}

// BenchmarkIngestFrames is the store side of a terminal group commit: each
// op archives 500 SL 651 frames and appends their 1,500 samples (flow,
// volume and level of 500 points) in one IngestFrames call, as the
// gateway's committer does. Besides ns/op (wall clock, which a loaded shared
// machine inflates) it reports the CPU time per report of this process
// (getrusage) and of the PostgreSQL backends serving the store (/proc; only
// when the server runs on this machine). SISHUI_BENCH_OUTBOX=1 turns the
// national link on (all three metrics queued).
func BenchmarkIngestFrames(b *testing.B) {
	const perCommit = 500
	dsn := pgtest.WithApplicationName(pgtest.Schema(b), fmt.Sprintf("sishui-bench-%d", os.Getpid()))
	ctx := context.Background()
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	points := seedPoints(b, s, 2*perCommit)
	if err := s.EnsurePartitions(ctx, benchBase, benchBase.AddDate(1, 0, 0)); err != nil {
		b.Fatal(err)
	}
	if os.Getenv("SISHUI_BENCH_OUTBOX") != "" { // the national link on
		s.EnableOutbox(sishui.MetricFlowM3s, sishui.MetricVolumeM3, sishui.MetricLevelM)
	}
	raw := make([]byte, 90) // an SL 651 hourly report's size
	for i := range raw {
		raw[i] = byte(i * 7)
	}
	metrics := []sishui.Metric{sishui.MetricFlowM3s, sishui.MetricVolumeM3, sishui.MetricLevelM}
	frames := make([]*sishui.RawFrame, perCommit)
	samples := make([]sishui.Sample, 0, perCommit*len(metrics))
	commit := func(i int) {
		samples = samples[:0]
		t := benchBase.Add(time.Duration(i/2) * time.Minute)
		for j := range frames {
			p := points[(i%2)*perCommit+j]
			frames[j] = &sishui.RawFrame{Protocol: sishui.ProtocolSL651, Peer: "10.0.0.1:5000", Station: fmt.Sprintf("%010d", p),
				Function: "32", Bytes: raw, Status: sishui.FrameOK, Samples: len(metrics), Received: t}
			for k, m := range metrics {
				samples = append(samples, sishui.Sample{Point: p, Metric: m, Time: t, Value: float64(i + k)})
			}
		}
		res, err := s.IngestFrames(ctx, frames, samples)
		if err != nil {
			b.Fatal(err)
		}
		if res.Inserted != len(samples) {
			b.Fatalf("inserted %d of %d", res.Inserted, len(samples))
		}
		for _, f := range frames {
			if f.ID == 0 {
				b.Fatal("frame without id")
			}
		}
	}
	commit(0) // connections open, statements prepared
	pg0, pgOK := pgtest.BackendCPU(ctx, s.DB.DB)
	c0 := processCPU()
	n := 0
	for i := 1; b.Loop(); i++ {
		commit(i)
		n++
	}
	cpu := processCPU() - c0
	reports := float64(n * perCommit)
	b.ReportMetric(float64(cpu.Nanoseconds())/1e3/reports, "cpu-µs/report")
	if pg1, ok := pgtest.BackendCPU(ctx, s.DB.DB); ok && pgOK {
		b.ReportMetric(float64((pg1-pg0).Nanoseconds())/1e3/reports, "pg-cpu-µs/report")
	}
	b.ReportMetric(reports/b.Elapsed().Seconds(), "reports/s")
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
