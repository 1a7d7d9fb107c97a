package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/sishui/sishui"
)

// audit appends an entry to the hash-chained audit log inside tx. The head row
// is updated first so that concurrent writers serialise on it.
func (s *DB) audit(ctx context.Context, tx *sql.Tx, action, entity, id string, before, after any, reason string) error {
	a := sishui.ActorFrom(ctx)
	var seq int64
	var prev string
	if err := tx.QueryRowContext(ctx, `UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash`).Scan(&seq, &prev); err != nil {
		return fmt.Errorf("audit head: %w", err)
	}
	e := sishui.AuditEntry{
		Seq: seq, Time: s.Now().UTC(), Actor: a.Username, Role: a.Role, Action: action,
		Entity: entity, EntityID: id, Reason: reason, PrevHash: prev,
	}
	var err error
	if before != nil {
		if e.Before, err = json.Marshal(before); err != nil {
			return err
		}
	}
	if after != nil {
		if e.After, err = json.Marshal(after); err != nil {
			return err
		}
	}
	e.Time = fromMS(ms(e.Time))
	e.Hash = AuditHash(&e)
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO audit (seq, time_ms, actor, role, action, entity, entity_id, before_json, after_json, reason, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		e.Seq, ms(e.Time), e.Actor, e.Role, e.Action, e.Entity, e.EntityID, string(e.Before), string(e.After), e.Reason, e.PrevHash, e.Hash); err != nil {
		return fmt.Errorf("audit insert: %w", err)
	}
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE audit_head SET hash = ? WHERE id = 1`), e.Hash); err != nil {
		return fmt.Errorf("audit head: %w", err)
	}
	return s.checkpoint(ctx, tx, e.Seq, e.Hash)
}

// AuditHash is the SHA-256 over an entry's fields and its predecessor's hash.
func AuditHash(e *sishui.AuditEntry) string {
	h := sha256.New()
	for _, f := range []string{
		e.PrevHash, strconv.FormatInt(e.Seq, 10), strconv.FormatInt(e.Time.UnixMilli(), 10), e.Actor, e.Role,
		e.Action, e.Entity, e.EntityID, string(e.Before), string(e.After), e.Reason,
	} {
		h.Write([]byte(strconv.Itoa(len(f))))
		h.Write([]byte{':'})
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func canReadAudit(ctx context.Context) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleAuditor, sishui.RoleSystem:
		return nil
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Op: "audit", Message: "only administrators and auditors may read the audit log"}
}

const auditCols = `seq, time_ms, actor, role, action, entity, entity_id, before_json, after_json, reason, prev_hash, hash`

func scanAudit(sc interface{ Scan(...any) error }) (*sishui.AuditEntry, error) {
	var e sishui.AuditEntry
	var t int64
	var before, after string
	if err := sc.Scan(&e.Seq, &t, &e.Actor, &e.Role, &e.Action, &e.Entity, &e.EntityID, &before, &after, &e.Reason, &e.PrevHash, &e.Hash); err != nil {
		return nil, err
	}
	e.Time = fromMS(t)
	if before != "" {
		e.Before = json.RawMessage(before)
	}
	if after != "" {
		e.After = json.RawMessage(after)
	}
	return &e, nil
}

// ListAudit lists audit entries, newest first.
func (s *DB) ListAudit(ctx context.Context, f sishui.AuditFilter) ([]*sishui.AuditEntry, int, error) {
	if err := canReadAudit(ctx); err != nil {
		return nil, 0, err
	}
	var w where
	if f.Entity != "" {
		w.add("entity = ?", f.Entity)
	}
	if f.EntityID != "" {
		w.add("entity_id = ?", f.EntityID)
	}
	if f.Actor != "" {
		w.add("actor = ?", f.Actor)
	}
	w.search(f.Query, "entity_id", "actor", "reason")
	order, err := auditSort.orderBy(f.Page)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, "audit", auditCols, &w, order, f.Page, scanAudit)
}

// VerifyAudit recomputes the chain and returns the first sequence number whose
// entry was edited, deleted or inserted out of order; 0 when the chain is whole.
func (s *DB) VerifyAudit(ctx context.Context) (int64, error) {
	if err := canReadAudit(ctx); err != nil {
		return 0, err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+auditCols+` FROM audit ORDER BY seq`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	prev, want := "", int64(1)
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return 0, err
		}
		if e.Seq != want || e.PrevHash != prev || AuditHash(e) != e.Hash {
			return want, rows.Close()
		}
		prev, want = e.Hash, want+1
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	var headSeq int64
	var headHash string
	if err := s.DB.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&headSeq, &headHash); err != nil {
		return 0, err
	}
	if headSeq != want-1 || headHash != prev {
		return want, nil // entries at the end were deleted
	}
	return 0, nil
}

// list runs a paginated, counted SELECT.
func list[T any](ctx context.Context, s *DB, table, cols string, w *where, order string, p sishui.Page, scan func(interface{ Scan(...any) error }) (T, error)) ([]T, int, error) {
	p = p.Normalize()
	var total int
	if err := s.DB.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM `+table+w.String()), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("list %s: %w", table, err)
	}
	args := append(append([]any{}, w.args...), p.Limit, p.Offset)
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT `+cols+` FROM `+table+w.String()+` ORDER BY `+order+` LIMIT ? OFFSET ?`), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list %s: %w", table, err)
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("list %s: %w", table, err)
		}
		out = append(out, v)
	}
	return out, total, rows.Err()
}

// all runs an unpaginated SELECT.
func all[T any](ctx context.Context, s *DB, query string, args []any, scan func(scanner) (T, error)) ([]T, error) {
	rows, err := s.DB.QueryContext(ctx, s.q(query), args...)
	return collect(rows, err, scan)
}

// collect scans every row of a query's result (rows and err as the query
// returned them) and closes the rows.
func collect[T any](rows *sql.Rows, err error, scan func(scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
