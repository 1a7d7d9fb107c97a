// Package sqlite is the default, embedded store of sishui: one file, no server,
// on the pure-Go modernc.org/sqlite driver with WAL and foreign keys on.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/sishui/sishui/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is the SQLite store.
type DB struct {
	*sqlstore.DB
}

// Open opens (creating if needed) the database file at path and migrates it.
// path ":memory:" is not supported (each connection would see its own database);
// use a file in a temporary directory instead.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || path == ":memory:" {
		return nil, errors.New("sqlite: a file path is required")
	}
	q := url.Values{}
	// page_size takes effect only on a new, empty file (an existing file
	// keeps its page size), so it must run before the journal mode is set:
	// the driver runs the _pragma list sorted by name, and _journal_mode
	// after it. 16 KiB pages: a group commit dirties about one samples page
	// per reporting point and SQLite writes each dirty page to the WAL with
	// its own system calls, so bigger pages mean fewer writes per commit
	// (BenchmarkServerCPU/sqlite, see README). wal_autocheckpoint counts
	// pages: 4,096 × 16 KiB = 64 MiB.
	q.Set("_journal_mode", "WAL")
	for _, p := range []string{"page_size(16384)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)", "cache_size(-65536)", "temp_store(MEMORY)", "wal_autocheckpoint(4096)", "journal_size_limit(67108864)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// Writers serialise on SQLite's lock; a few connections serve concurrent
	// readers. All of them stay open: database/sql keeps only two idle by
	// default, and a connection closed and opened again under load costs
	// its PRAGMAs and a schema parse each time.
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	migs, err := Migrations()
	if err != nil {
		return nil, err
	}
	s := &DB{DB: sqlstore.New(db, Dialect(), migs)}
	if err := s.Migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return s, nil
}

// Dialect is SQLite's dialect for sqlstore.
func Dialect() sqlstore.Dialect {
	return sqlstore.Dialect{
		Name: "sqlite",
		IsConflict: func(err error) bool {
			return hasCode(err, sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
		},
		IsForeignKey: func(err error) bool { return hasCode(err, sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY) },
	}
}

func hasCode(err error, codes ...int) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	for _, c := range codes {
		if e.Code() == c {
			return true
		}
	}
	return false
}

// Migrations returns the embedded migrations in name order.
func Migrations() ([]sqlstore.Migration, error) {
	return sqlstore.LoadMigrations(migrationFS, "migrations")
}
