package accounting

import (
	"context"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/citytest"
)

type clock = citytest.Clock

var (
	bj            = citytest.BJ
	engines       = citytest.Engines
	openSQLite    = citytest.SQLite
	pointByCode   = citytest.PointByCode
	appendSamples = citytest.AppendSamples
)

func newService(t *testing.T, st sishui.Store, c *clock, cfg Config) *Service {
	t.Helper()
	cfg.Now = c.Now
	s, err := New(st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// hourly returns cumulative samples every hour from start, values v0 + i·step.
func hourly(point int64, m sishui.Metric, start time.Time, n int, v0, step float64) []sishui.Sample {
	out := make([]sishui.Sample, n)
	for i := range out {
		out[i] = sishui.Sample{Point: point, Metric: m, Time: start.Add(time.Duration(i) * time.Hour).UTC(), Value: v0 + float64(i)*step}
	}
	return out
}

// regionLitres sums the rollup cells of region in the months [from, to].
func regionLitres(t *testing.T, st sishui.Store, region string, from, to int) (total, measured, estimated, entered int64) {
	t.Helper()
	cells, err := st.MonthlyUse(context.Background(), sishui.UseFilter{Region: region, FromMonth: from, ToMonth: to})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		total += c.Total()
		measured += c.Measured
		estimated += c.Estimated
		entered += c.Entered
	}
	return
}

// pointLitres sums a point's daily rows.
func pointLitres(t *testing.T, st sishui.Store, point int64, from, to time.Time) int64 {
	t.Helper()
	rows, err := st.ListDailyUse(context.Background(), point, from, to)
	if err != nil {
		t.Fatal(err)
	}
	var s int64
	for _, r := range rows {
		s += r.Litres
	}
	return s
}
