package postgres_test

import (
	"database/sql"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/storetest"
)

// BenchmarkWithdrawalSettle: go test -run XXX -bench WithdrawalSettle -benchtime 200x ./internal/postgres
func BenchmarkWithdrawalSettle(b *testing.B) {
	storetest.BenchWithdrawalSettle(b, func(tb testing.TB) (sishui.Store, *sql.DB) {
		s := pgtest.Open(tb)
		return s, s.DB.DB
	})
}
