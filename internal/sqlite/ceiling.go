package sqlite

import (
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// RawAppendRate measures the machine's raw ceiling for benchmarks: it appends
// rows rows, time-major over series series, into a bare keyed table (key
// (t, series, metric), WITHOUT ROWID) of a new database file at path, with the
// store's pragmas, in 100-row INSERT statements and 5000-row transactions, and
// returns rows per second. Benchmarks report their rates beside it, measured
// in the same run, because the machine they run on is shared.
func RawAppendRate(path string, rows, series int) (float64, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(NORMAL)", "cache_size(-65536)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE raw (t INTEGER, series INTEGER, metric INTEGER, value REAL, PRIMARY KEY (t, series, metric)) WITHOUT ROWID`); err != nil {
		return 0, fmt.Errorf("raw append: %w", err)
	}
	const per, perTx = 100, 5000
	ins := "INSERT INTO raw VALUES " + strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?), ", per), ", ")
	args := make([]any, 0, 4*per)
	start := time.Now()
	for i := 0; i < rows; {
		tx, err := db.Begin()
		if err != nil {
			return 0, err
		}
		st, err := tx.Prepare(ins)
		if err != nil {
			tx.Rollback()
			return 0, err
		}
		for j := 0; j < perTx && i < rows; j += per {
			args = args[:0]
			for k := i; k < i+per; k++ {
				args = append(args, k/series, k%series, 1, float64(k))
			}
			if _, err := st.Exec(args...); err != nil {
				tx.Rollback()
				return 0, err
			}
			i += per
		}
		st.Close()
		if err := tx.Commit(); err != nil {
			return 0, err
		}
	}
	return float64(rows) / time.Since(start).Seconds(), nil
}
