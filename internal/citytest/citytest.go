// Package citytest gives tests a real store holding the Liaocheng registry,
// loaded once per test binary into a template that every test copies (the
// city takes seconds to load under -race): a copied SQLite file, or on
// PostgreSQL (when SISHUI_TEST_POSTGRES is set) a database created from a
// template database; and a settable clock.
package citytest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/cityfile"
	"github.com/sishui/sishui/internal/postgres"
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
		m["postgres"] = func(t *testing.T) sishui.Store { return Postgres(t) }
	}
	return m
}

// Registered is when SQLite's city is registered: "after" every alert
// scenario's clock, so that points that never report do not raise
// terminal_offline alerts in every scenario.
var Registered = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)

// SQLite opens a fresh SQLite store holding the Liaocheng data registered at
// Registered, closed when the test or benchmark ends.
func SQLite(t testing.TB) sishui.Store { return SQLiteAt(t, Registered) }

// sqliteTemplates are compacted copies of stores holding the city, one per
// registration time, each built once per test binary.
var sqliteTemplates struct {
	mu sync.Mutex
	m  map[time.Time]*sqliteTemplate
}

type sqliteTemplate struct {
	once sync.Once
	file []byte
	err  error
}

// SQLiteAt opens a fresh SQLite store holding the Liaocheng data registered
// at registered (the zero time: when the template was built).
func SQLiteAt(t testing.TB, registered time.Time) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	sqliteTemplates.mu.Lock()
	if sqliteTemplates.m == nil {
		sqliteTemplates.m = map[time.Time]*sqliteTemplate{}
	}
	tpl := sqliteTemplates.m[registered]
	if tpl == nil {
		tpl = &sqliteTemplate{}
		sqliteTemplates.m[registered] = tpl
	}
	sqliteTemplates.mu.Unlock()
	tpl.once.Do(func() { tpl.file, tpl.err = buildSQLite(ctx, registered) })
	if tpl.err != nil {
		t.Fatalf("citytest: sqlite template: %v", tpl.err)
	}
	path := filepath.Join(t.TempDir(), "city.db")
	if err := os.WriteFile(path, tpl.file, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func buildSQLite(ctx context.Context, registered time.Time) ([]byte, error) {
	dir, err := os.MkdirTemp("", "citytest")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "load.db"))
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if !registered.IsZero() {
		st.DB.Now = func() time.Time { return registered }
	}
	if _, err := cityfile.Load(ctx, liaocheng.FS, st); err != nil {
		return nil, err
	}
	copyPath := filepath.Join(dir, "template.db")
	if err := st.Backup(ctx, copyPath); err != nil {
		return nil, err
	}
	return os.ReadFile(copyPath)
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

// Databases made here are named with this prefix, their creation time in Unix
// seconds and a random part, so that a later run can drop what a killed run left.
const (
	templatePrefix = "citytpl_"
	copyPrefix     = "citycopy_"
	staleAfter     = 6 * time.Hour
)

var pgTemplate struct {
	once sync.Once
	name string
	err  error
}

// Postgres opens a PostgreSQL store of the test's own, a database created from
// a template that holds the city data. It skips without SISHUI_TEST_POSTGRES.
func Postgres(t testing.TB) *postgres.DB {
	t.Helper()
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	pgTemplate.once.Do(func() { pgTemplate.name, pgTemplate.err = buildPostgres(ctx, admin, dsn) })
	if pgTemplate.err != nil {
		t.Fatalf("citytest: postgres template: %v", pgTemplate.err)
	}
	name := dbName(copyPrefix)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name+" TEMPLATE "+pgTemplate.name); err != nil {
		t.Fatalf("citytest: copy the template: %v", err)
	}
	t.Cleanup(func() { dropDatabase(dsn, name) })
	st, err := postgres.Open(ctx, withDatabase(dsn, name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() }) // runs before the database is dropped
	return st
}

func buildPostgres(ctx context.Context, admin *sql.DB, dsn string) (string, error) {
	dropStale(ctx, admin)
	name := dbName(templatePrefix)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	st, err := postgres.Open(ctx, withDatabase(dsn, name))
	if err != nil {
		return "", err
	}
	_, err = cityfile.Load(ctx, liaocheng.FS, st)
	st.Close() // a template may have no connections when it is copied
	return name, err
}

func dbName(prefix string) string {
	var b [6]byte
	rand.Read(b[:])
	return prefix + strconv.FormatInt(time.Now().Unix(), 10) + "_" + hex.EncodeToString(b[:])
}

// dropStale drops the databases of earlier runs older than staleAfter: a
// template is not dropped when its test binary ends, and a killed run leaves copies.
func dropStale(ctx context.Context, admin *sql.DB) {
	rows, err := admin.QueryContext(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'citytpl\_%' OR datname LIKE 'citycopy\_%'`)
	if err != nil {
		return
	}
	var stale []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) != nil {
			continue
		}
		parts := strings.Split(name, "_")
		if len(parts) != 3 {
			continue
		}
		if sec, err := strconv.ParseInt(parts[1], 10, 64); err == nil && time.Since(time.Unix(sec, 0)) > staleAfter {
			stale = append(stale, name)
		}
	}
	rows.Close()
	for _, name := range stale {
		admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	}
}

func dropDatabase(dsn, name string) {
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return
	}
	defer admin.Close()
	admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
}

// withDatabase returns dsn naming database name instead of its own.
func withDatabase(dsn, name string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err == nil {
			u.Path = "/" + name
			return u.String()
		}
	}
	return fmt.Sprintf("%s dbname=%s", dsn, name)
}
