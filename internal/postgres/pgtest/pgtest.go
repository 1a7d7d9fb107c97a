// Package pgtest gives tests a PostgreSQL store of their own: a fresh schema
// on the server named by SISHUI_TEST_POSTGRES, dropped when the test ends.
// Tests skip when the variable is unset.
package pgtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/sishui/sishui/internal/postgres"
	"github.com/sishui/sishui/internal/testenv"
)

// DSN returns the test server's DSN, skipping the test when it is unset.
func DSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("SISHUI_TEST_POSTGRES")
	if dsn == "" {
		testenv.Skip(t, "SISHUI_TEST_POSTGRES is not set (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)")
	}
	return dsn
}

// WithSearchPath adds a search_path runtime parameter to dsn.
func WithSearchPath(t testing.TB, dsn, schema string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatalf("parse SISHUI_TEST_POSTGRES: %v", err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return dsn + " search_path=" + schema
}

// Schema creates a fresh schema and returns a DSN that uses it; the schema is
// dropped at cleanup (after stores opened on it are closed, if they register
// their Close with t.Cleanup after this call).
func Schema(t testing.TB) string {
	t.Helper()
	dsn := DSN(t)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	schema := "s_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	return WithSearchPath(t, dsn, schema)
}

// Open opens a migrated store in a fresh schema of its own.
func Open(t testing.TB) *postgres.DB {
	t.Helper()
	dsn := Schema(t)
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() }) // runs before the schema is dropped
	return s
}

// BackendCPU returns the CPU time (user + system) the server processes
// serving db's connections have used so far, read from /proc: the server
// must run on this machine. Connections are those of db's pool now open
// (pg_stat_activity, by backend pid); a backend that exited between two
// readings loses its time, so keep the pool's connections idle, not closed,
// while measuring. ok is false when /proc or the server is out of reach.
func BackendCPU(ctx context.Context, db *sql.DB) (cpu time.Duration, ok bool) {
	rows, err := db.QueryContext(ctx, `SELECT pid FROM pg_stat_activity
		WHERE datname = current_database() AND application_name = current_setting('application_name')`)
	if err != nil {
		return 0, false
	}
	defer rows.Close()
	var ticks int64
	for rows.Next() {
		var pid int
		if err := rows.Scan(&pid); err != nil {
			return 0, false
		}
		b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return 0, false
		}
		// Fields after the command name (which may hold spaces): state is
		// field 3, utime 14 and stime 15.
		f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(f) < 13 {
			return 0, false
		}
		u, err1 := strconv.ParseInt(f[11], 10, 64)
		s, err2 := strconv.ParseInt(f[12], 10, 64)
		if err1 != nil || err2 != nil {
			return 0, false
		}
		ticks += u + s
	}
	if rows.Err() != nil {
		return 0, false
	}
	return time.Duration(ticks) * time.Second / clockTicks, true
}

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat times (100 on Linux).
const clockTicks = 100

// WithApplicationName adds an application_name runtime parameter to dsn, so
// that BackendCPU finds a pool's connections among others on the server.
func WithApplicationName(dsn, name string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		if u, err := url.Parse(dsn); err == nil {
			q := u.Query()
			q.Set("application_name", name)
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " application_name=" + name
}
