package auditsign

import (
	"context"
	"fmt"
	"sort"

	"github.com/sishui/sishui"
)

// Chain is what Verify reads of a store.
type Chain interface {
	VerifyAudit(ctx context.Context) (int64, error)
	WalkAudit(ctx context.Context, fn func(*sishui.AuditEntry) error) error
	ListAuditCheckpoints(ctx context.Context) ([]*sishui.AuditCheckpoint, error)
}

// Report is the outcome of Verify. The log is sound when Problems is empty.
type Report struct {
	Entries     int64    // entries in the chain
	Checkpoints int      // distinct valid checkpoints (database and file together)
	FirstSigned int64    // the first entry with a checkpoint (0: none); entries before it predate signing
	LastSigned  int64    // the last entry with a checkpoint
	Keys        []string // key ids seen
	Problems    []string
}

// Verify checks the hash chain, every checkpoint's signature, that every
// checkpoint matches the entry it names (a rewritten entry does not), that no
// checkpoint names an entry beyond the end (a deleted tail), and that the
// entries after the first checkpoint all lie under a signed one (an entry
// appended without the key is not). fromFile are the checkpoints of the
// append-only file. With unsigned, the absence of any checkpoint is not a
// problem, and with unsigned and no public keys only the chain is checked.
func Verify(ctx context.Context, st Chain, ring Keyring, fromFile []*sishui.AuditCheckpoint, unsigned bool) (*Report, error) {
	r := &Report{}
	broken, err := st.VerifyAudit(ctx)
	if err != nil {
		return nil, err
	}
	if broken != 0 {
		r.Problems = append(r.Problems, fmt.Sprintf("the hash chain breaks at entry %d (edited, deleted or inserted)", broken))
	}
	fromDB, err := st.ListAuditCheckpoints(ctx)
	if err != nil {
		return nil, err
	}
	if unsigned && len(ring) == 0 { // no public keys to check against: the chain alone
		fromDB, fromFile = nil, nil
	}
	type ckKey struct {
		seq int64
		key string
	}
	seen := map[ckKey]*sishui.AuditCheckpoint{}
	keys := map[string]int64{} // key id → first seq it signed
	bySeq := map[int64][]*sishui.AuditCheckpoint{}
	for _, src := range []struct {
		name string
		cs   []*sishui.AuditCheckpoint
	}{{"database", fromDB}, {"file", fromFile}} {
		for _, c := range src.cs {
			if err := ring.Check(c); err != nil {
				r.Problems = append(r.Problems, src.name+": "+err.Error())
				continue
			}
			k := ckKey{c.Seq, c.KeyID}
			if prev, ok := seen[k]; ok {
				if prev.Hash != c.Hash {
					r.Problems = append(r.Problems, fmt.Sprintf("checkpoint %d (key %s) differs between the database and the file", c.Seq, c.KeyID))
				}
				continue
			}
			seen[k] = c
			if f, ok := keys[c.KeyID]; !ok || c.Seq < f {
				keys[c.KeyID] = c.Seq
			}
			bySeq[c.Seq] = append(bySeq[c.Seq], c)
			r.FirstSigned = minNonZero(r.FirstSigned, c.Seq)
			r.LastSigned = max(r.LastSigned, c.Seq)
		}
	}
	r.Checkpoints = len(seen)
	for k := range keys {
		r.Keys = append(r.Keys, k)
	}
	sort.Strings(r.Keys)
	retired := map[string]int64{} // key id → the entry after which it may no longer sign
	err = st.WalkAudit(ctx, func(e *sishui.AuditEntry) error {
		r.Entries = max(r.Entries, e.Seq)
		if e.Entity == "audit_key" && (e.Action == "rotate_key" || e.Action == "rekey") {
			for k, first := range keys {
				if _, done := retired[k]; !done && k != e.EntityID && first < e.Seq {
					retired[k] = e.Seq
				}
			}
		}
		for _, c := range bySeq[e.Seq] {
			if c.Hash != e.Hash {
				r.Problems = append(r.Problems, fmt.Sprintf("entry %d does not match its signed checkpoint (key %s): rewritten", e.Seq, c.KeyID))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var late []string
	for _, c := range seen {
		if at, ok := retired[c.KeyID]; ok && c.Seq > at {
			late = append(late, fmt.Sprintf("checkpoint %d is signed by key %s, retired at entry %d", c.Seq, c.KeyID, at))
		}
	}
	sort.Strings(late)
	r.Problems = append(r.Problems, late...)
	switch {
	case r.Checkpoints == 0 && !unsigned:
		r.Problems = append(r.Problems, "no signed checkpoints found (give the checkpoint file and public keys, or --unsigned)")
	case r.LastSigned > r.Entries:
		r.Problems = append(r.Problems, fmt.Sprintf("a signed checkpoint names entry %d but the log ends at %d: entries were deleted", r.LastSigned, r.Entries))
	case r.Checkpoints > 0 && r.LastSigned < r.Entries:
		r.Problems = append(r.Problems, fmt.Sprintf("entries %d–%d carry no signed checkpoint: appended without the key", r.LastSigned+1, r.Entries))
	}
	return r, nil
}

func minNonZero(a, b int64) int64 {
	if a == 0 || b < a {
		return b
	}
	return a
}
