package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/sishui/sishui"
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
