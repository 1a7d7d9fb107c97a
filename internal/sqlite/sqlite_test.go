package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

func newStore(t *testing.T) (sishui.Store, *sql.DB) {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sishui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, s.DB.DB
}

func TestConformance(t *testing.T) { storetest.Run(t, newStore) }

func TestMigrateTwice(t *testing.T) {
	s, _ := newStore(t)
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
}
