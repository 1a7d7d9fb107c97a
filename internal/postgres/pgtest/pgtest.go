// Package pgtest gives tests a PostgreSQL store of their own: a fresh schema
// on the server named by SISHUI_TEST_POSTGRES, dropped when the test ends.
// Tests skip when the variable is unset.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

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
