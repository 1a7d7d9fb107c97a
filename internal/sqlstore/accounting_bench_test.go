package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/sqlite"
)

// benchPoints is the number of points of the accounting benchmark
// (SISHUI_BENCH_POINTS, default 10,000).
func benchPoints() int {
	if n, err := strconv.Atoi(os.Getenv("SISHUI_BENCH_POINTS")); err == nil && n > 0 {
		return n
	}
	return 10_000
}

var benchDB struct {
	once sync.Once
	st   *sqlite.DB
	dir  string
	rows int
	err  error
}

// yearStore generates a year of daily use for benchPoints points directly
// into the tables (as hourly data accounted into daily_use rows would leave
// them) and builds the rollups with RebuildRollups.
func yearStore(b *testing.B) *sqlite.DB {
	benchDB.once.Do(func() {
		ctx := context.Background()
		benchDB.dir, benchDB.err = os.MkdirTemp("", "sishui-acct-bench-")
		if benchDB.err != nil {
			return
		}
		st, err := sqlite.Open(ctx, filepath.Join(benchDB.dir, "b.db"))
		if err != nil {
			benchDB.err = err
			return
		}
		benchDB.st = st
		db := st.DB.DB
		n := benchPoints()
		start := time.Now()
		exec := func(q string, args ...any) {
			if benchDB.err == nil {
				_, benchDB.err = db.ExecContext(ctx, q, args...)
			}
		}
		exec(`INSERT INTO regions (code, name, level) VALUES ('371500', '聊城市', 'city'), ('371502', '东昌府区', 'county')`)
		exec(`INSERT INTO sources (code, name) VALUES ('surface', '当地地表水')`)
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			benchDB.err = err
			return
		}
		for p := 1; p <= n && benchDB.err == nil; p++ {
			_, benchDB.err = tx.ExecContext(ctx, `INSERT INTO points (id, code, name, kind, protocol, region, multiplier, interval_s, created_ms, updated_ms)
				VALUES (?, ?, ?, 'reclaimed', 'szy206', '371502', 1, 3600, 0, 0)`, p, fmt.Sprintf("%010X", p), "p")
		}
		const perStmt = 200
		var sb strings.Builder
		args := make([]any, 0, perStmt*4)
		flush := func() {
			if len(args) == 0 || benchDB.err != nil {
				return
			}
			_, benchDB.err = tx.ExecContext(ctx, `INSERT INTO daily_use (point_id, day, region, source, sector, litres, basis, received, expected) VALUES `+
				strings.TrimSuffix(sb.String(), ","), args...)
			sb.Reset()
			args = args[:0]
		}
		day0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for p := 1; p <= n; p++ {
			for d := 0; d < 365; d++ {
				sb.WriteString("(?, ?, '371502', 'surface', 'ecology', ?, 'measured', 24, 24),")
				args = append(args, p, day0.AddDate(0, 0, d).Format("2006-01-02"), int64(24*(1000+p%97)))
				if len(args) == perStmt*3 {
					flush()
				}
			}
		}
		flush()
		if benchDB.err == nil {
			benchDB.err = tx.Commit()
		} else {
			_ = tx.Rollback()
		}
		if benchDB.err == nil {
			benchDB.err = st.RebuildRollups(ctx, 2026)
		}
		benchDB.rows = n * 365
		fmt.Fprintf(os.Stderr, "generated %d daily_use rows for %d points in %v\n", benchDB.rows, n, time.Since(start).Round(time.Millisecond))
	})
	if benchDB.err != nil {
		b.Fatal(benchDB.err)
	}
	return benchDB.st
}

// BenchmarkYearOfMonthlyTotals reads a year of monthly totals of every point:
// from the maintained per-point monthly rollup, and by a raw scan of the
// daily rows grouped by month.
func BenchmarkYearOfMonthlyTotals(b *testing.B) {
	st := yearStore(b)
	ctx := context.Background()
	n := benchPoints()
	b.Run("rollup", func(b *testing.B) {
		for b.Loop() {
			pm, err := st.PointMonthlyUse(ctx, sishui.UseFilter{FromMonth: 202601, ToMonth: 202612})
			if err != nil {
				b.Fatal(err)
			}
			if len(pm) != 12*n {
				b.Fatalf("%d rows", len(pm))
			}
		}
	})
	b.Run("raw_scan", func(b *testing.B) {
		for b.Loop() {
			rows, err := st.DB.DB.QueryContext(ctx, `SELECT point_id, substr(day, 1, 7), SUM(litres) FROM daily_use
				WHERE day >= '2026-01-01' AND day < '2027-01-01' GROUP BY point_id, substr(day, 1, 7)`)
			if err != nil {
				b.Fatal(err)
			}
			k := 0
			for rows.Next() {
				var p, l int64
				var m string
				if err := rows.Scan(&p, &m, &l); err != nil {
					b.Fatal(err)
				}
				k++
			}
			rows.Close()
			if k != 12*n {
				b.Fatalf("%d rows", k)
			}
		}
	})
	b.Run("city_months_rollup", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.MonthlyUse(ctx, sishui.UseFilter{Region: "371500", FromMonth: 202601, ToMonth: 202612}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB.st != nil {
		benchDB.st.Close()
	}
	if benchDB.dir != "" {
		os.RemoveAll(benchDB.dir)
	}
	os.Exit(code)
}
