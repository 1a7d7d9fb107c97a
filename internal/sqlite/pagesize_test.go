package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/sishui/sishui/internal/sqlite"
)

func pragmaInt(t *testing.T, db *sql.DB, name string) int {
	t.Helper()
	var v int
	if err := db.QueryRow(`PRAGMA ` + name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

// TestPageSize checks that a new database gets 16 KiB pages in WAL mode, and
// that a file made earlier with SQLite's default 4 KiB pages opens, migrates
// and keeps its page size (page_size changes nothing on a non-empty file).
func TestPageSize(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	s, err := sqlite.Open(ctx, filepath.Join(dir, "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := pragmaInt(t, s.DB.DB, "page_size"); got != 16384 {
		t.Errorf("new database: page_size %d, want 16384", got)
	}
	var mode string
	if err := s.DB.DB.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("new database: journal_mode %q (%v), want wal", mode, err)
	}

	old := filepath.Join(dir, "old.db")
	db, err := sql.Open("sqlite", "file:"+old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA page_size = 4096; CREATE TABLE earlier (x INTEGER)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	o, err := sqlite.Open(ctx, old)
	if err != nil {
		t.Fatalf("open a 4 KiB-page file: %v", err)
	}
	defer o.Close()
	if got := pragmaInt(t, o.DB.DB, "page_size"); got != 4096 {
		t.Errorf("existing database: page_size %d, want 4096 kept", got)
	}
	if _, err := o.DB.DB.Exec(`INSERT INTO earlier VALUES (1)`); err != nil {
		t.Errorf("existing database after open: %v", err)
	}
}
