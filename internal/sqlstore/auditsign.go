package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"io"
	"sync"

	"github.com/sishui/sishui"
)

// signing holds the audit signer and the checkpoints of open transactions,
// which go to the append-only log once their transaction commits.
type signing struct {
	mu      sync.Mutex
	signer  sishui.AuditSigner
	log     io.Writer
	pending map[*sql.Tx][]*sishui.AuditCheckpoint
	logErr  error
}

func (g *signing) get() (sishui.AuditSigner, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.signer, g.signer != nil
}

func (g *signing) add(tx *sql.Tx, c *sishui.AuditCheckpoint) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.log == nil {
		return
	}
	if g.pending == nil {
		g.pending = map[*sql.Tx][]*sishui.AuditCheckpoint{}
	}
	g.pending[tx] = append(g.pending[tx], c)
}

func (g *signing) drop(tx *sql.Tx) {
	g.mu.Lock()
	delete(g.pending, tx)
	g.mu.Unlock()
}

// flush writes a committed transaction's checkpoints to the log, one JSON line
// each. A failed write is kept (AuditLogErr): the database copy is intact.
func (g *signing) flush(tx *sql.Tx) {
	g.mu.Lock()
	defer g.mu.Unlock()
	cs := g.pending[tx]
	delete(g.pending, tx)
	for _, c := range cs {
		b, _ := json.Marshal(c)
		if _, err := g.log.Write(append(b, '\n')); err != nil && g.logErr == nil {
			g.logErr = err
		}
	}
}

// SetAuditSigner turns checkpoint signing on (or off with nil).
func (s *DB) SetAuditSigner(signer sishui.AuditSigner, log io.Writer) {
	s.signing.mu.Lock()
	defer s.signing.mu.Unlock()
	s.signing.signer, s.signing.log = signer, log
}

// AuditLogErr returns the first failed write to the checkpoint file, if any.
func (s *DB) AuditLogErr() error {
	s.signing.mu.Lock()
	defer s.signing.mu.Unlock()
	return s.signing.logErr
}

// checkpoint signs the chain head seq/hash inside tx when signing is on.
func (s *DB) checkpoint(ctx context.Context, tx *sql.Tx, seq int64, hash string) error {
	signer, ok := s.signing.get()
	if !ok {
		return nil
	}
	c := &sishui.AuditCheckpoint{Seq: seq, Hash: hash, Time: fromMS(ms(s.Now())), KeyID: signer.KeyID()}
	c.Signature = base64.StdEncoding.EncodeToString(signer.Sign(sishui.AuditCheckpointMessage(c.Seq, c.Hash, c.KeyID, c.Time)))
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO audit_checkpoints (seq, key_id, hash, time_ms, signature) VALUES (?, ?, ?, ?, ?)`),
		c.Seq, c.KeyID, c.Hash, ms(c.Time), c.Signature); err != nil {
		return err
	}
	s.signing.add(tx, c)
	return nil
}

// ListAuditCheckpoints returns the stored checkpoints by seq.
func (s *DB) ListAuditCheckpoints(ctx context.Context) ([]*sishui.AuditCheckpoint, error) {
	if err := canReadAudit(ctx); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT seq, key_id, hash, time_ms, signature FROM audit_checkpoints ORDER BY seq, key_id`, nil,
		func(sc interface{ Scan(...any) error }) (*sishui.AuditCheckpoint, error) {
			var c sishui.AuditCheckpoint
			var t int64
			err := sc.Scan(&c.Seq, &c.KeyID, &c.Hash, &t, &c.Signature)
			c.Time = fromMS(t)
			return &c, err
		})
}

// WalkAudit streams the audit log in sequence order.
func (s *DB) WalkAudit(ctx context.Context, fn func(*sishui.AuditEntry) error) error {
	if err := canReadAudit(ctx); err != nil {
		return err
	}
	rows, err := s.DB.QueryContext(ctx, `SELECT `+auditCols+` FROM audit ORDER BY seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// RecordAudit appends an entry that changes nothing else.
func (s *DB) RecordAudit(ctx context.Context, action, entity, id string, after any, reason string) error {
	const op = "record audit entry"
	if err := canManageAccounts(ctx, op); err != nil {
		return err
	}
	return s.mapErr(op, s.inTx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, action, entity, id, nil, after, reason)
	}), "")
}
