// Package postgres is the production store of sishui for multi-user
// deployments: PostgreSQL through pgx v5 (database/sql via pgx/v5/stdlib),
// with the time series RANGE-partitioned by month, a BRIN index on time, and
// large appends loaded with COPY. The SQL and business rules are those of
// internal/sqlstore; this package supplies the driver, dialect, migrations,
// partition management and the COPY path.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// PostgreSQL error codes the store tells apart.
const (
	codeUniqueViolation     = "23505"
	codeForeignKeyViolation = "23503"
	codeCheckViolation      = "23514" // also raised when no partition fits a row
)

// DB is the PostgreSQL store.
type DB struct {
	*sqlstore.DB
}

// Open connects to the server at dsn (a postgres:// URL or a keyword/value
// string, as pgx accepts; runtime parameters such as search_path pass
// through) and migrates the schema.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse dsn: %w", err)
	}
	db := stdlib.OpenDB(*cfg)
	// database/sql keeps only 2 idle connections by default, which makes
	// concurrent writers reconnect all the time.
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	migs, err := Migrations()
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s := &DB{DB: sqlstore.New(db, Dialect(), migs)}
	s.CopySamples, s.CopyMin = copySamples, copyMin
	s.InsertSamples, s.UpsertLatest = insertSamplesUnnest, upsertLatestUnnest
	s.IngestOne = new(ingester).one
	if err := s.Migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}

// Dialect is PostgreSQL's dialect for sqlstore.
func Dialect() sqlstore.Dialect {
	return sqlstore.Dialect{
		Name:         "postgres",
		Numbered:     true,
		IsConflict:   func(err error) bool { return hasCode(err, codeUniqueViolation) },
		IsForeignKey: func(err error) bool { return hasCode(err, codeForeignKeyViolation) },
	}
}

func hasCode(err error, code string) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == code
}

// Migrations returns the embedded migrations in name order.
func Migrations() ([]sqlstore.Migration, error) {
	return sqlstore.LoadMigrations(migrationFS, "migrations")
}

// AppendSamples stores samples in one transaction, skipping existing keys
// (sqlstore.DB.AppendSamples), creating the monthly partitions it needs.
func (s *DB) AppendSamples(ctx context.Context, samples []sishui.Sample) (sishui.AppendResult, error) {
	return withPartitions(ctx, s, samples, func() (sishui.AppendResult, error) {
		return s.DB.AppendSamples(ctx, samples)
	})
}

// IngestFrames archives frames and appends samples in one transaction
// (sqlstore.DB.IngestFrames), creating the monthly partitions it needs.
func (s *DB) IngestFrames(ctx context.Context, frames []*sishui.RawFrame, samples []sishui.Sample) (sishui.AppendResult, error) {
	return withPartitions(ctx, s, samples, func() (sishui.AppendResult, error) {
		return s.DB.IngestFrames(ctx, frames, samples)
	})
}

// withPartitions runs an append and, when it failed only because a month had
// no partition yet, creates the months the samples need and runs it again.
// The failed attempt rolled back completely, so the retry is exact. Steady
// state costs nothing: the error happens once per month for the whole
// deployment (less if EnsurePartitions pre-creates months).
func withPartitions(ctx context.Context, s *DB, samples []sishui.Sample, run func() (sishui.AppendResult, error)) (sishui.AppendResult, error) {
	res, err := run()
	for attempt := 0; attempt < 2 && isNoPartition(err); attempt++ {
		if perr := s.ensureMonths(ctx, monthsOf(samples)); perr != nil {
			return sishui.AppendResult{}, perr
		}
		res, err = run()
	}
	return res, err
}

func isNoPartition(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == codeCheckViolation && strings.HasPrefix(e.Message, "no partition of relation")
}

// month counts calendar months since year 0: year*12 + month-1.
type month int

func monthOf(t time.Time) month {
	t = t.UTC()
	return month(t.Year()*12 + int(t.Month()) - 1)
}

func (m month) start() time.Time {
	return time.Date(int(m)/12, time.Month(int(m)%12+1), 1, 0, 0, 0, 0, time.UTC)
}

// buckets returns the partition bounds [from, to) in hour buckets (sqlstore.BucketMS).
func (m month) buckets() (from, to int64) {
	return m.start().UnixMilli() / sqlstore.BucketMS, (m + 1).start().UnixMilli() / sqlstore.BucketMS
}

// name is the partition's table name, samples_pYYYYMM.
func (m month) name() string {
	return fmt.Sprintf("samples_p%04d%02d", int(m)/12, int(m)%12+1)
}

// monthsOf returns the distinct months of the samples' times, ignoring times
// outside the range the store accepts (those fail validation anyway).
func monthsOf(samples []sishui.Sample) []month {
	seen := map[month]bool{}
	var out []month
	for _, x := range samples {
		if y := x.Time.UTC().Year(); x.Time.IsZero() || y < 1970 || y > 2200 {
			continue
		}
		if m := monthOf(x.Time); !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}

// EnsurePartitions creates the monthly samples partitions covering
// [from, to) that do not exist yet. Appends create the partitions they need
// by themselves; calling this ahead (say, for next month) keeps the brief
// exclusive lock that creating a partition takes on the samples table out
// of the ingest path.
func (s *DB) EnsurePartitions(ctx context.Context, from, to time.Time) error {
	if !to.After(from) {
		return nil
	}
	var months []month
	for m := monthOf(from); m <= monthOf(to.Add(-time.Millisecond)); m++ {
		months = append(months, m)
	}
	return s.ensureMonths(ctx, months)
}

// ensureMonths creates the missing partitions in one short transaction.
// A transaction-scoped advisory lock, keyed by the schema, serialises
// concurrent creators so that IF NOT EXISTS never races.
func (s *DB) ensureMonths(ctx context.Context, months []month) error {
	if len(months) == 0 {
		return nil
	}
	tx, err := s.DB.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: create partitions: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.samples partitions'))`); err != nil {
		return fmt.Errorf("postgres: create partitions: %w", err)
	}
	for _, m := range months {
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, m.name()).Scan(&exists); err != nil {
			return fmt.Errorf("postgres: create partition %s: %w", m.name(), err)
		}
		if exists {
			continue
		}
		from, to := m.buckets()
		// Bounds are integers the store computed, never user text.
		stmt := fmt.Sprintf(`CREATE TABLE %s PARTITION OF samples FOR VALUES FROM (%d) TO (%d)`, pgx.Identifier{m.name()}.Sanitize(), from, to)
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("postgres: create partition %s: %w", m.name(), err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: create partitions: %w", err)
	}
	return nil
}

// Partitions lists the samples partitions by name, oldest first.
func (s *DB) Partitions(ctx context.Context) ([]string, error) {
	rows, err := s.DB.DB.QueryContext(ctx, `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = 'samples'::regclass ORDER BY c.relname`)
	if err != nil {
		return nil, fmt.Errorf("postgres: partitions: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("postgres: partitions: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

var copyColumns = []string{"bucket", "metric", "point_id", "t", "value", "flags"}

// copySamples is the sqlstore.DB.CopySamples hook: it COPYs the batch into a
// temporary table dropped at commit, then moves it into samples in key order
// (a stable lock order for concurrent writers), skipping existing keys.
func copySamples(ctx context.Context, conn *sql.Conn, tx *sql.Tx, samples []sishui.Sample) (int, error) {
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE samples_in (bucket INTEGER, metric INTEGER, point_id BIGINT,
		t BIGINT, value DOUBLE PRECISION, flags BIGINT) ON COMMIT DROP`); err != nil {
		return 0, fmt.Errorf("copy samples: %w", err)
	}
	err := conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("driver connection is %T, not pgx", dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{"pg_temp", "samples_in"}, copyColumns, &sampleSource{samples: samples, i: -1})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("copy samples: %w", err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO samples (bucket, metric, point_id, t, value, flags)
		SELECT bucket, metric, point_id, t, value, flags FROM pg_temp.samples_in ORDER BY bucket, point_id, metric, t
		ON CONFLICT (bucket, point_id, metric, t) DO NOTHING`)
	if err != nil {
		return 0, fmt.Errorf("copy samples: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("copy samples: %w", err)
	}
	return int(n), nil
}

// sampleSource feeds samples to COPY, reusing one row buffer.
type sampleSource struct {
	samples []sishui.Sample
	i       int
	row     [6]any
}

func (s *sampleSource) Next() bool {
	s.i++
	return s.i < len(s.samples)
}

func (s *sampleSource) Values() ([]any, error) {
	x := &s.samples[s.i]
	t := x.Time.UnixMilli()
	s.row = [6]any{int32(t / sqlstore.BucketMS), int32(x.Metric), x.Point, t, x.Value, int64(x.Flags)}
	return s.row[:], nil
}

func (s *sampleSource) Err() error { return nil }
