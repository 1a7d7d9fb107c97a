package accounting

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/cityfile"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/sqlite"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func bj(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02T15:04", s, sishui.BeijingTime)
	if err != nil {
		panic(err)
	}
	return t
}

// engines lists the stores the tests run on: SQLite always, PostgreSQL when
// SISHUI_TEST_POSTGRES is set.
func engines(t *testing.T) map[string]func(t *testing.T) sishui.Store {
	m := map[string]func(t *testing.T) sishui.Store{
		"sqlite": openSQLite,
	}
	if os.Getenv("SISHUI_TEST_POSTGRES") != "" {
		m["postgres"] = func(t *testing.T) sishui.Store { return pgtest.Open(t) }
	}
	return m
}

// template is a SQLite file with the Liaocheng data loaded, built once and
// copied by openSQLite (loading the city takes seconds under -race).
var template struct {
	once sync.Once
	path string
	err  error
}

func templateDB() (string, error) {
	template.once.Do(func() {
		dir, err := os.MkdirTemp("", "sishui-accounting-")
		if err != nil {
			template.err = err
			return
		}
		path := filepath.Join(dir, "city.db")
		st, err := sqlite.Open(context.Background(), path)
		if err != nil {
			template.err = err
			return
		}
		// Registered "after" every scenario clock, so that points that never
		// report do not raise terminal_offline alerts in every scenario.
		st.DB.Now = func() time.Time { return time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) }
		if _, err := cityfile.Load(context.Background(), liaocheng.FS, st); err != nil {
			template.err = err
		}
		if _, err := st.DB.DB.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil && template.err == nil {
			template.err = err
		}
		if err := st.Close(); err != nil && template.err == nil {
			template.err = err
		}
		template.path = path
	})
	return template.path, template.err
}

// openSQLite opens a fresh SQLite store holding the Liaocheng data.
func openSQLite(t *testing.T) sishui.Store {
	t.Helper()
	src, err := templateDB()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "s.db")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// city loads the Liaocheng data into st unless it holds it already (the
// SQLite stores of these tests start from a copy of a loaded template).
func city(t *testing.T, st sishui.Store) {
	t.Helper()
	if rs, err := st.ListRegions(context.Background(), sishui.RegionFilter{}); err == nil && len(rs) > 0 {
		return
	}
	if _, err := cityfile.Load(context.Background(), liaocheng.FS, st); err != nil {
		t.Fatal(err)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if template.path != "" {
		os.RemoveAll(filepath.Dir(template.path))
	}
	os.Exit(code)
}

func newService(t *testing.T, st sishui.Store, c *clock, cfg Config) *Service {
	t.Helper()
	cfg.Now = c.Now
	s, err := New(st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func pointByCode(t *testing.T, st sishui.Store, code string) *sishui.Point {
	t.Helper()
	ps, _, err := st.ListPoints(context.Background(), sishui.PointFilter{Query: code})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Code == code {
			return p
		}
	}
	t.Fatalf("no point %s", code)
	return nil
}

// hourly returns cumulative samples every hour from start, values v0 + i·step.
func hourly(point int64, m sishui.Metric, start time.Time, n int, v0, step float64) []sishui.Sample {
	out := make([]sishui.Sample, n)
	for i := range out {
		out[i] = sishui.Sample{Point: point, Metric: m, Time: start.Add(time.Duration(i) * time.Hour).UTC(), Value: v0 + float64(i)*step}
	}
	return out
}

func appendSamples(t *testing.T, st sishui.Store, xs []sishui.Sample) sishui.AppendResult {
	t.Helper()
	r, err := st.AppendSamples(context.Background(), xs)
	if err != nil {
		t.Fatal(err)
	}
	return r
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
