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

// BenchmarkRights: go test -run XXX -bench Rights -benchtime 200x ./internal/sqlite
// (Verify1M writes a million entries first: -bench Rights/Verify1M -benchtime 1x).
func BenchmarkRights(b *testing.B) {
	storetest.BenchRights(b, func(tb testing.TB) (sishui.Store, *sql.DB) {
		s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "rights.db"))
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { s.Close() })
		return s, s.DB.DB
	}, true)
}
