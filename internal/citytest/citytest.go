// Package citytest gives tests a real store holding the Liaocheng registry:
// a fresh SQLite file copied from a template loaded once per test binary (the
// city takes seconds to load under -race), PostgreSQL as well when
// SISHUI_TEST_POSTGRES is set, and a settable clock.
package citytest

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

// Clock is a settable test clock.
type Clock struct {
	mu sync.Mutex
	T  time.Time
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.T
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.T = t
	c.mu.Unlock()
}

// BJ parses "2006-01-02T15:04" in Beijing time; it panics on a bad literal.
func BJ(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02T15:04", s, sishui.BeijingTime)
	if err != nil {
		panic(err)
	}
	return t
}

// Engines lists the stores the tests run on: SQLite always, PostgreSQL when
// SISHUI_TEST_POSTGRES is set.
func Engines(t *testing.T) map[string]func(t *testing.T) sishui.Store {
	m := map[string]func(t *testing.T) sishui.Store{
		"sqlite": func(t *testing.T) sishui.Store { return SQLite(t) },
	}
	if os.Getenv("SISHUI_TEST_POSTGRES") != "" {
		m["postgres"] = func(t *testing.T) sishui.Store { return pgtest.Open(t) }
	}
	return m
}

// template is a SQLite file with the Liaocheng data loaded, built once and
// copied by SQLite.
var template struct {
	once sync.Once
	path string
	err  error
}

func templateDB() (string, error) {
	template.once.Do(func() {
		dir, err := os.MkdirTemp("", "sishui-citytest-")
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

// SQLite opens a fresh SQLite store holding the Liaocheng data, closed when
// the test or benchmark ends.
func SQLite(t testing.TB) sishui.Store {
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

// Load loads the Liaocheng data into st unless it holds it already (the
// SQLite stores start from a copy of a loaded template).
func Load(t *testing.T, st sishui.Store) {
	t.Helper()
	if rs, err := st.ListRegions(context.Background(), sishui.RegionFilter{}); err == nil && len(rs) > 0 {
		return
	}
	if _, err := cityfile.Load(context.Background(), liaocheng.FS, st); err != nil {
		t.Fatal(err)
	}
}

// Main runs the tests of m and removes the template: call it from TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	if template.path != "" {
		os.RemoveAll(filepath.Dir(template.path))
	}
	return code
}

// PointByCode returns the point of the registry with code.
func PointByCode(t *testing.T, st sishui.Store, code string) *sishui.Point {
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

// AppendSamples appends xs to st.
func AppendSamples(t *testing.T, st sishui.Store, xs []sishui.Sample) sishui.AppendResult {
	t.Helper()
	r, err := st.AppendSamples(context.Background(), xs)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
