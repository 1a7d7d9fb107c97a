// Package citytest gives tests a store that holds the Liaocheng city data.
// Loading the city takes seconds under the race detector, and many tests
// want it; so each test binary loads it once into a template, and every test
// gets its own copy of that template: a copied file on SQLite, a database
// created from the template database on PostgreSQL. A copy is exactly what
// cityfile.Load would have written into a fresh store.
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

// load writes the city into st.
func load(ctx context.Context, st sishui.Store) error {
	_, err := cityfile.Load(ctx, liaocheng.FS, st)
	return err
}

var sqliteTemplate struct {
	once sync.Once
	file []byte // a compacted copy of a store holding the city
	err  error
}

// SQLite opens a SQLite store of the test's own that holds the city data.
func SQLite(t testing.TB) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	sqliteTemplate.once.Do(func() { sqliteTemplate.file, sqliteTemplate.err = buildSQLite(ctx) })
	if sqliteTemplate.err != nil {
		t.Fatalf("citytest: sqlite template: %v", sqliteTemplate.err)
	}
	path := filepath.Join(t.TempDir(), "city.db")
	if err := os.WriteFile(path, sqliteTemplate.file, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func buildSQLite(ctx context.Context) ([]byte, error) {
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
	if err := load(ctx, st); err != nil {
		return nil, err
	}
	copyPath := filepath.Join(dir, "template.db")
	if err := st.Backup(ctx, copyPath); err != nil {
		return nil, err
	}
	return os.ReadFile(copyPath)
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
	err = load(ctx, st)
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
