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

// BenchmarkWithdrawalSettle: go test -run XXX -bench WithdrawalSettle -benchtime 200x ./internal/sqlite
func BenchmarkWithdrawalSettle(b *testing.B) {
	storetest.BenchWithdrawalSettle(b, func(tb testing.TB) (sishui.Store, *sql.DB) {
		s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "settle.db"))
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { s.Close() })
		return s, s.DB.DB
	})
}
