package sishui

import (
	"context"
	"io"
	"strconv"
	"time"
)

// AuditCheckpoint is a signature over the audit chain's head at Seq: whoever
// rewrites or truncates the chain in the database cannot forge it without the
// key, which lives outside the database.
type AuditCheckpoint struct {
	Seq       int64     `json:"seq"`
	Hash      string    `json:"hash"` // the chain hash of entry Seq
	Time      time.Time `json:"time"`
	KeyID     string    `json:"key_id"`
	Signature string    `json:"signature"` // base64 Ed25519 over AuditCheckpointMessage
}

// AuditCheckpointMessage is the exact byte string a checkpoint signs.
func AuditCheckpointMessage(seq int64, hash, keyID string, t time.Time) []byte {
	return []byte("sishui audit checkpoint v1\n" + strconv.FormatInt(seq, 10) + "\n" + hash + "\n" + keyID + "\n" + strconv.FormatInt(t.UnixMilli(), 10))
}

// AuditSigner signs checkpoints.
type AuditSigner interface {
	KeyID() string
	Sign(msg []byte) []byte
}

// AuditSignStore signs the audit chain as it grows.
type AuditSignStore interface {
	// SetAuditSigner makes every later audit append add, in the same
	// transaction, a checkpoint signed by signer, and write it after the commit
	// as one JSON line to log (an append-only file; nil for none). A nil signer
	// turns signing off.
	SetAuditSigner(signer AuditSigner, log io.Writer)
	// ListAuditCheckpoints returns the checkpoints stored in the database, by seq.
	ListAuditCheckpoints(ctx context.Context) ([]*AuditCheckpoint, error)
	// WalkAudit calls fn for every audit entry in sequence order (administrators,
	// auditors and the system).
	WalkAudit(ctx context.Context, fn func(*AuditEntry) error) error
	// RecordAudit appends an entry that is not a change of other data (a key
	// rotation, an unlock); administrators and the system only.
	RecordAudit(ctx context.Context, action, entity, id string, after any, reason string) error
}
