package storetest

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auditsign"
	"github.com/sishui/sishui/internal/sqlstore"
)

func testSecurity(t *testing.T, s sishui.Store, db *sql.DB) {
	t.Run("LoginGuard", func(t *testing.T) { testLoginGuard(t, s) })
	t.Run("TOTP", func(t *testing.T) { testTOTPStore(t, s) })
	t.Run("AuditSign", func(t *testing.T) { testAuditSign(t, s, db) })
}

func testLoginGuard(t *testing.T, s sishui.Store) {
	ctx := context.Background()
	Seed(t, s)
	a := &sishui.Account{Username: "guard", Role: sishui.RoleCity, PasswordHash: "$2a$x"}
	must(t, s.CreateAccount(ctx, a))
	b := &sishui.Account{Username: "other", Role: sishui.RoleAuditor, PasswordHash: "$2a$x"}
	must(t, s.CreateAccount(ctx, b))
	t0 := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 3; i++ {
		must(t, s.AddLoginFailure(ctx, a.ID, "1.1.1.1", t0.Add(time.Duration(i)*time.Second), time.Hour))
	}
	must(t, s.AddLoginFailure(ctx, a.ID, "2.2.2.2", t0.Add(5*time.Second), time.Hour))
	pair, acct, err := s.LoginFailures(ctx, a.ID, "1.1.1.1")
	must(t, err)
	if pair.Failures != 3 || !pair.First.Equal(t0) || !pair.Last.Equal(t0.Add(2*time.Second)) || acct.Failures != 4 || acct.Client != sishui.AnyClient {
		t.Fatalf("counters %+v %+v", pair, acct)
	}
	pair, _, err = s.LoginFailures(ctx, a.ID, "3.3.3.3")
	must(t, err)
	if pair.Failures != 0 || pair.Client != "3.3.3.3" {
		t.Fatalf("unknown client %+v", pair)
	}
	// A counter idle longer than reset starts afresh.
	must(t, s.AddLoginFailure(ctx, a.ID, "1.1.1.1", t0.Add(2*time.Hour), time.Hour))
	pair, acct, _ = s.LoginFailures(ctx, a.ID, "1.1.1.1")
	if pair.Failures != 1 || !pair.First.Equal(t0.Add(2*time.Hour)) || acct.Failures != 1 {
		t.Fatalf("after reset %+v %+v", pair, acct)
	}
	must(t, s.ClearLoginFailures(ctx, a.ID, "1.1.1.1"))
	if pair, _, _ = s.LoginFailures(ctx, a.ID, "1.1.1.1"); pair.Failures != 0 {
		t.Fatalf("cleared %+v", pair)
	}
	// Eviction removes the oldest first and never more than asked.
	for i := 0; i < 5; i++ {
		must(t, s.AddLoginFailure(ctx, b.ID, string(rune('a'+i)), t0.Add(time.Duration(10+i)*time.Minute), time.Hour))
	}
	// rows: a/2.2.2.2 (t0+5s), a/* (t0+2h), b/a..e (t0+10..14 min), b/* (t0+14 min) = 8
	n, err := s.EvictLoginFailures(ctx, 100)
	must(t, err)
	if n != 0 {
		t.Fatalf("evicted %d under the bound", n)
	}
	n, err = s.EvictLoginFailures(ctx, 5)
	must(t, err)
	if n != 3 {
		t.Fatalf("evicted %d, want 3", n)
	}
	if p, _, _ := s.LoginFailures(ctx, a.ID, "2.2.2.2"); p.Failures != 0 {
		t.Fatal("the oldest counter survived eviction")
	}
	if _, acc, _ := s.LoginFailures(ctx, a.ID, "x"); acc.Failures != 1 {
		t.Fatal("the newest counter was evicted")
	}
	// Unlock: administrators only, audited, every counter of the account.
	wantCode(t, s.UnlockAccount(as(sishui.RoleCity, "", 0), "guard"), sishui.EFORBIDDEN, "")
	wantCode(t, s.UnlockAccount(ctx, "nobody"), sishui.ENOTFOUND, "")
	must(t, s.UnlockAccount(ctx, "guard"))
	if _, acc, _ := s.LoginFailures(ctx, a.ID, "x"); acc.Failures != 0 {
		t.Fatal("unlock left a counter")
	}
	if p, _, _ := s.LoginFailures(ctx, b.ID, "e"); p.Failures != 1 {
		t.Fatal("unlock touched another account")
	}
	entries, _, err := s.ListAudit(ctx, sishui.AuditFilter{Entity: "account", EntityID: "guard"})
	must(t, err)
	if len(entries) == 0 || entries[0].Action != "unlock" {
		t.Fatalf("unlock not audited: %+v", entries)
	}
}

func testTOTPStore(t *testing.T, s sishui.Store) {
	ctx := context.Background()
	Seed(t, s)
	a := &sishui.Account{Username: "liwei", Role: sishui.RoleAdmin, PasswordHash: "$2a$x"}
	must(t, s.CreateAccount(ctx, a))
	self := sishui.WithActor(ctx, a.Actor())
	other := sishui.WithActor(ctx, &sishui.Actor{ID: 999, Username: "zhao", Role: sishui.RoleCity})
	wantCode(t, s.SetTOTP(other, "liwei", "JBSWY3DPEHPK3PXP", false), sishui.EFORBIDDEN, "")
	must(t, s.SetTOTP(self, "liwei", "JBSWY3DPEHPK3PXP", false))
	got, _ := s.GetAccount(ctx, a.ID)
	if got.TOTPSecret != "JBSWY3DPEHPK3PXP" || got.TOTPEnabled {
		t.Fatalf("enrolled %+v", got)
	}
	must(t, s.SetTOTP(self, "liwei", "JBSWY3DPEHPK3PXP", true))
	for _, tc := range []struct {
		step int64
		want bool
	}{{100, true}, {100, false}, {99, false}, {101, true}} {
		ok, err := s.UseTOTPStep(ctx, a.ID, tc.step)
		must(t, err)
		if ok != tc.want {
			t.Fatalf("step %d: %v, want %v", tc.step, ok, tc.want)
		}
	}
	wantCode(t, s.SetTOTP(ctx, "nobody", "", false), sishui.ENOTFOUND, "")
	must(t, s.SetTOTP(ctx, "liwei", "", false))
	if got, _ = s.GetAccount(ctx, a.ID); got.TOTPEnabled || got.TOTPSecret != "" {
		t.Fatalf("disabled %+v", got)
	}
	all, _, _ := s.ListAudit(ctx, sishui.AuditFilter{Entity: "account", EntityID: "liwei"})
	if len(all) != 4 { // create, enrol, enable, disable
		t.Fatalf("%d audit entries", len(all))
	}
	for _, e := range all {
		if strings.Contains(string(e.After)+string(e.Before), "JBSWY3DP") {
			t.Fatal("the TOTP secret reached the audit log")
		}
	}
}

type auditState struct {
	rows        [][]any
	seq         int64
	hash        string
	checkpoints []*sishui.AuditCheckpoint
}

func saveAudit(t *testing.T, s sishui.Store, db *sql.DB) auditState {
	st := auditState{rows: snapshotAudit(t, db)}
	must(t, db.QueryRow(`SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&st.seq, &st.hash))
	cs, err := s.ListAuditCheckpoints(context.Background())
	must(t, err)
	st.checkpoints = cs
	return st
}

func (st auditState) restore(t *testing.T, db *sql.DB) {
	restoreAudit(t, db, st.rows)
	_, err := db.Exec(`UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1`, st.seq, st.hash)
	must(t, err)
	_, err = db.Exec(`DELETE FROM audit_checkpoints`)
	must(t, err)
	for _, c := range st.checkpoints {
		_, err := db.Exec(`INSERT INTO audit_checkpoints (seq, key_id, hash, time_ms, signature) VALUES ($1, $2, $3, $4, $5)`, c.Seq, c.KeyID, c.Hash, c.Time.UnixMilli(), c.Signature)
		must(t, err)
	}
}

// rehash recomputes every hash from seq on and the head, as an insider who
// edited an entry would.
func rehash(t *testing.T, s sishui.Store, db *sql.DB, from int64) {
	ctx := context.Background()
	var entries []*sishui.AuditEntry
	must(t, s.WalkAudit(ctx, func(e *sishui.AuditEntry) error { entries = append(entries, e); return nil }))
	prev := ""
	for _, e := range entries {
		if e.Seq >= from {
			e.PrevHash = prev
			e.Hash = sqlstore.AuditHash(e)
			_, err := db.Exec(`UPDATE audit SET prev_hash = $1, hash = $2 WHERE seq = $3`, e.PrevHash, e.Hash, e.Seq)
			must(t, err)
		}
		prev = e.Hash
	}
	_, err := db.Exec(`UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1`, entries[len(entries)-1].Seq, prev)
	must(t, err)
}

func readCheckpoints(t *testing.T, b []byte) []*sishui.AuditCheckpoint {
	var out []*sishui.AuditCheckpoint
	for _, l := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		var c sishui.AuditCheckpoint
		must(t, json.Unmarshal(l, &c))
		out = append(out, &c)
	}
	return out
}

func testAuditSign(t *testing.T, s sishui.Store, db *sql.DB) {
	ctx := as(sishui.RoleAdmin, "", 0)
	Seed(t, s) // before signing: an unsigned prefix, as on an upgraded database
	unsignedPrefix := countAudit(t, db)
	key, err := auditsign.NewKey()
	must(t, err)
	var file bytes.Buffer
	s.SetAuditSigner(key, &file)
	defer s.SetAuditSigner(nil, nil)
	for i := 1; i <= 4; i++ {
		must(t, s.CreateWaterUser(ctx, newUser(CountyA, 100+i)))
	}
	// A failed write leaves neither an entry nor a checkpoint.
	if err := s.CreateWaterUser(ctx, newUser(CountyA, 101)); sishui.ErrorCode(err) != sishui.ECONFLICT {
		t.Fatalf("duplicate: %v", err)
	}
	ring := auditsign.Keyring{key.ID: key.Public()}
	check := func(t *testing.T, file []*sishui.AuditCheckpoint, want string) *auditsign.Report {
		t.Helper()
		r, err := auditsign.Verify(ctx, s, ring, file, false)
		must(t, err)
		got := strings.Join(r.Problems, "; ")
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Fatalf("problems %q, want %q", got, want)
		}
		return r
	}
	inFile := readCheckpoints(t, file.Bytes())
	r := check(t, inFile, "")
	total := countAudit(t, db)
	if len(inFile) != 4 || r.Checkpoints != 4 || r.FirstSigned != unsignedPrefix+1 || r.Entries != total || r.LastSigned != total {
		t.Fatalf("report %+v, %d in the file", r, len(inFile))
	}
	saved := saveAudit(t, s, db)
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T)
		file   []*sishui.AuditCheckpoint
		want   string
	}{
		{"tail deleted with its checkpoints", func(t *testing.T) {
			_, err := db.Exec(`DELETE FROM audit WHERE seq > $1`, total-2)
			must(t, err)
			_, err = db.Exec(`DELETE FROM audit_checkpoints WHERE seq > $1`, total-2)
			must(t, err)
			rehash(t, s, db, 1)
		}, inFile, "entries were deleted"},
		{"tail deleted, no file", func(t *testing.T) {
			_, err := db.Exec(`DELETE FROM audit WHERE seq > $1`, total-2)
			must(t, err)
			rehash(t, s, db, 1)
		}, nil, "entries were deleted"},
		{"entry rewritten and hashes recomputed", func(t *testing.T) {
			_, err := db.Exec(`UPDATE audit SET after_json = '{"name":"forged"}' WHERE seq = $1`, total-1)
			must(t, err)
			rehash(t, s, db, total-1)
		}, inFile, "rewritten"},
		{"rewritten, database checkpoints deleted", func(t *testing.T) {
			_, err := db.Exec(`UPDATE audit SET after_json = '{"name":"forged"}' WHERE seq = $1`, total-1)
			must(t, err)
			rehash(t, s, db, total-1)
			_, err = db.Exec(`DELETE FROM audit_checkpoints`)
			must(t, err)
		}, inFile, "rewritten"},
		{"checkpoint forged", func(t *testing.T) {
			_, err := db.Exec(`UPDATE audit_checkpoints SET hash = 'x' WHERE seq = $1`, total)
			must(t, err)
		}, nil, "bad signature"},
		{"everything signed removed", func(t *testing.T) {
			_, err := db.Exec(`DELETE FROM audit_checkpoints`)
			must(t, err)
		}, nil, "no signed checkpoints"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer saved.restore(t, db)
			tc.tamper(t)
			check(t, tc.file, tc.want)
		})
	}
	check(t, inFile, "")
	// An entry appended without the key is not covered.
	s.SetAuditSigner(nil, nil)
	must(t, s.CreateWaterUser(ctx, newUser(CountyA, 200)))
	check(t, inFile, "carry no signed checkpoint")
	// Rotation: a new key signs on; the old public key still verifies the old checkpoints.
	key2, err := auditsign.NewKey()
	must(t, err)
	ring[key2.ID] = key2.Public()
	s.SetAuditSigner(key2, &file)
	must(t, s.RecordAudit(ctx, "rotate_key", "audit_key", key2.ID, map[string]any{"previous": key.ID}, "scheduled rotation"))
	r = check(t, readCheckpoints(t, file.Bytes()), "")
	if len(r.Keys) != 2 {
		t.Fatalf("keys %v", r.Keys)
	}
	wantCode(t, s.RecordAudit(as(sishui.RoleCity, "", 0), "rotate_key", "audit_key", "x", nil, ""), sishui.EFORBIDDEN, "")
	delete(ring, key.ID)
	check(t, nil, "unknown key")
}

func countAudit(t *testing.T, db *sql.DB) int64 {
	var n int64
	must(t, db.QueryRow(`SELECT COUNT(*) FROM audit`).Scan(&n))
	return n
}
