package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/sqlstore"
	"github.com/sishui/sishui/internal/storetest"
)

const benchPoints = 1000

var benchBase = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// benchStore opens a store with benchPoints points under one permit.
func benchStore(b testing.TB) (*sqlite.DB, []int64) {
	b.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	storetest.Seed(b, s)
	code := "91" + storetest.CountyA + "000000001"
	c, _ := sishui.CreditCodeCheck(code)
	u := &sishui.WaterUser{Name: "用水户", CreditCode: code + string(c), Region: storetest.CountyA, Sector: "industry"}
	if err := s.CreateWaterUser(ctx, u); err != nil {
		b.Fatal(err)
	}
	p := &sishui.Permit{Number: "P1", UserID: u.ID, Region: storetest.CountyA, Source: sishui.SourceYellowRiver, Sector: "industry", AnnualM3: 1_000_000,
		ValidFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2028, 12, 31, 0, 0, 0, 0, time.UTC), Status: sishui.PermitActive}
	if err := s.CreatePermit(ctx, p); err != nil {
		b.Fatal(err)
	}
	ids := make([]int64, benchPoints)
	for i := range ids {
		pt := &sishui.Point{Code: fmt.Sprintf("%010d", i+1), Name: fmt.Sprintf("计量点%d", i+1), Kind: sishui.PointWithdrawal,
			Protocol: sishui.ProtocolSZY206, Region: storetest.CountyA, PermitID: p.ID, Multiplier: 1, IntervalSeconds: 3600}
		if err := s.CreatePoint(ctx, pt); err != nil {
			b.Fatal(err)
		}
		ids[i] = pt.ID
	}
	return s, ids
}

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
// through the store, one transaction a batch.
func BenchmarkAppendSamples(b *testing.B) {
	s, points := benchStore(b)
	ctx := context.Background()
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
}

// BenchmarkRawInsert inserts the same rows, one transaction a batch, with
// 100-row INSERT statements into a bare table without keys or indexes: the
// ceiling the store's append is measured against.
func BenchmarkRawInsert(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "raw.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	db := s.DB.DB
	if _, err := db.ExecContext(ctx, `CREATE TABLE raw_samples (bucket INTEGER, metric INTEGER, point_id INTEGER, t INTEGER, value REAL, flags INTEGER)`); err != nil {
		b.Fatal(err)
	}
	const rows = 100
	query := `INSERT INTO raw_samples (bucket, metric, point_id, t, value, flags) VALUES ` + strings.Repeat("(?, ?, ?, ?, ?, ?), ", rows-1) + "(?, ?, ?, ?, ?, ?)"
	points := make([]int64, benchPoints)
	for i := range points {
		points[i] = int64(i + 1)
	}
	batch := make([]sishui.Sample, 0, benchPoints)
	args := make([]any, 0, rows*6)
	for i := 0; b.Loop(); i++ {
		batch = timeMajorBatch(batch, points, i)
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		stmt, err := tx.PrepareContext(ctx, query)
		if err != nil {
			b.Fatal(err)
		}
		for j := 0; j < len(batch); j += rows {
			args = args[:0]
			for _, x := range batch[j : j+rows] {
				t := x.Time.UnixMilli()
				args = append(args, t/sqlstore.BucketMS, int64(x.Metric), x.Point, t, x.Value, int64(x.Flags))
			}
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				b.Fatal(err)
			}
		}
		stmt.Close()
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*benchPoints)/b.Elapsed().Seconds(), "samples/s")
}
