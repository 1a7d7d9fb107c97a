// Package sqlstore implements the sishui store contracts on database/sql, for
// both engines: internal/sqlite and internal/postgres supply the driver, the
// dialect and the migrations, and override the bulk paths where an engine has
// a faster one (COPY). Business rules and scoping live here once, not twice.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/permitting"
	"github.com/sishui/sishui/internal/rights"
)

// Dialect describes how an engine differs in the SQL this package writes.
type Dialect struct {
	Name string
	// Numbered placeholders ($1, $2 …) instead of ?.
	Numbered bool
	// IsConflict reports whether err is a unique-constraint violation.
	IsConflict func(err error) bool
	// IsForeignKey reports whether err is a foreign-key violation.
	IsForeignKey func(err error) bool
}

// DB is a store on an open *sql.DB.
type DB struct {
	DB      *sql.DB
	Dialect Dialect
	// Now returns the current time; tests may replace it.
	Now func() time.Time
	// Metering decides Permit.OnlineRequired.
	Metering sishui.MeteringRule
	// Rights holds the water-rights market's configurable rules.
	Rights rights.Config
	// PermitRules configures the 限批 decision (nil: permitting.DefaultRules);
	// PermitLevels which level decides (nil: permitting.DefaultLevelRule).
	PermitRules  *permitting.Rules
	PermitLevels *permitting.LevelRule
	// PermitConfig is the whole permit configuration (nil: the defaults).
	PermitConfig *permitting.Config
	// Migrations are applied in order by Migrate; each runs once.
	Migrations []Migration

	// CopySamples, when set, bulk-inserts batches of at least CopyThreshold
	// samples inside tx, which runs on conn (COPY on PostgreSQL, reaching the
	// driver connection with conn.Raw). It must skip existing keys and return
	// the number inserted.
	CopySamples func(ctx context.Context, conn *sql.Conn, tx *sql.Tx, samples []sishui.Sample) (int, error)
	// CopyMin is the batch size from which CopySamples is used
	// (CopyThreshold when 0).
	CopyMin int
	// InsertSamples, when set, inserts a batch below CopyMin in one
	// statement (PostgreSQL: arrays through unnest), skipping existing keys
	// and returning the number inserted; otherwise 100-row INSERTs.
	InsertSamples func(ctx context.Context, tx *sql.Tx, samples []sishui.Sample) (int, error)
	// UpsertLatest, when set, upserts series_latest rows (one per series,
	// in (point, metric) order) in one statement; otherwise 100-row upserts.
	UpsertLatest func(ctx context.Context, tx *sql.Tx, rows []sishui.Sample) error
	// IngestOne, when set, stores a whole append below CopyMin in one
	// statement on db, outside an explicit transaction (a single statement
	// is atomic and, committed, as durable as a transaction): frames (may
	// be none; it sets their IDs), samples in key order (skipping existing
	// keys; it returns the number inserted), latest (one row per series, in
	// (point, metric) order) and outbox (the national link's rows, may be
	// none). See IngestBatch.
	IngestOne func(ctx context.Context, db *sql.DB, b IngestBatch) (int, error)

	rebindCache syncMap
	stmts       stmtCache       // the ingest path's prepared statements
	queries     preparedQueries // point look-ups' prepared statements
	outbox      outboxMask      // metrics appends queue for the national link
	signing     signing
	authGen     atomic.Uint64 // moved by every change of an account or credential (AuthGeneration)
}

// Migration is one schema step.
type Migration struct {
	Name string
	SQL  string
}

// New returns a store on db.
func New(db *sql.DB, d Dialect, migrations []Migration) *DB {
	return &DB{DB: db, Dialect: d, Now: time.Now, Metering: sishui.DefaultMeteringRule(), Rights: rights.DefaultConfig(), Migrations: migrations}
}

// Close closes the database.
func (s *DB) Close() error {
	s.closeStmts()
	s.closeQueries()
	return s.DB.Close()
}

// Ping checks the connection.
func (s *DB) Ping(ctx context.Context) error { return s.DB.PingContext(ctx) }

// Migrate applies the migrations not yet applied, each in its own transaction.
func (s *DB) Migrate(ctx context.Context) error {
	if _, err := s.DB.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_ms BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range s.Migrations {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM schema_migrations WHERE name = ?`), m.Name).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			for _, stmt := range splitSQL(m.SQL) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("%s: %w", firstLine(stmt), err)
				}
			}
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (name, applied_ms) VALUES (?, ?)`), m.Name, s.Now().UnixMilli())
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", m.Name, err)
		}
	}
	return nil
}

func splitSQL(src string) []string {
	var out []string
	for _, part := range strings.Split(src, ";\n") {
		if p := strings.TrimSpace(part); p != "" && !onlyComments(p) {
			out = append(out, p)
		}
	}
	return out
}

func onlyComments(s string) bool {
	for _, line := range strings.Split(s, "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "--") {
			return false
		}
	}
	return true
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// q rewrites ? placeholders for the dialect. SQL written here never has ? inside literals.
func (s *DB) q(query string) string {
	if !s.Dialect.Numbered {
		return query
	}
	if v, ok := s.rebindCache.Load(query); ok {
		return v
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	out := b.String()
	s.rebindCache.Store(query, out)
	return out
}

// inTx runs fn in a transaction, committing when it returns nil.
func (s *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		s.signing.drop(tx)
		return err
	}
	if err := tx.Commit(); err != nil {
		s.signing.drop(tx)
		return fmt.Errorf("commit: %w", err)
	}
	s.signing.flush(tx)
	return nil
}

// mapErr turns engine errors into domain errors. conflictMsg is what a
// unique violation means to the user; empty, a generic text says it.
func (s *DB) mapErr(op string, err error, conflictMsg string) error {
	if err == nil {
		return nil
	}
	var de *sishui.Error
	if errors.As(err, &de) {
		if de.Op == "" {
			de.Op = op
		}
		return de
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &sishui.Error{Code: sishui.ENOTFOUND, Op: op, Message: "not found"}
	}
	if s.Dialect.IsConflict != nil && s.Dialect.IsConflict(err) {
		if conflictMsg == "" {
			conflictMsg = "conflicts with a stored record"
		}
		return &sishui.Error{Code: sishui.ECONFLICT, Op: op, Message: conflictMsg}
	}
	if s.Dialect.IsForeignKey != nil && s.Dialect.IsForeignKey(err) {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Message: "refers to something that does not exist"}
	}
	return fmt.Errorf("%s: %w", op, err)
}

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}

const dateLayout = "2006-01-02"

func dateStr(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(dateLayout)
}

func parseDate(s string) time.Time {
	t, _ := time.Parse(dateLayout, s)
	return t
}

func nullInt(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

func nullStr(v string) any {
	if v == "" {
		return nil
	}
	return v
}

func itoa64(v int64) string { return strconv.FormatInt(v, 10) }
