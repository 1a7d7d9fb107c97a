package postgres_test

import (
	"database/sql"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/storetest"
)

// BenchmarkRights: go test -run XXX -bench Rights -benchtime 200x ./internal/postgres
// (needs SISHUI_TEST_POSTGRES; Verify1M: -bench Rights/Verify1M -benchtime 1x).
func BenchmarkRights(b *testing.B) {
	storetest.BenchRights(b, func(tb testing.TB) (sishui.Store, *sql.DB) {
		s := pgtest.Open(tb)
		return s, s.DB.DB
	}, true)
}
