package auth_test

import (
	"context"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auth"
	"github.com/sishui/sishui/internal/sqlite"
)

// countingStore counts credential reads; it reports the store's generation
// only when gen is set, like a store that has none.
type countingStore struct {
	sishui.Store
	reads atomic.Int64
}

func (c *countingStore) CredentialByHash(ctx context.Context, hash string, now time.Time) (*sishui.Credential, error) {
	c.reads.Add(1)
	return c.Store.CredentialByHash(ctx, hash, now)
}

type generationStore struct {
	*countingStore
	db *sqlite.DB
}

func (g generationStore) AuthGeneration() uint64 { return g.db.AuthGeneration() }

// unwrapping wraps a store as cmd/sishui's audit signer does: the
// generation is found through Unwrap.
type unwrapping struct {
	*countingStore
	inner sishui.Store
}

func (u unwrapping) Unwrap() sishui.Store { return u.inner }

// TestCredentialCache checks that a token sending many requests is read from
// the store once per CacheTTL; that a revocation, a disabled account or a
// new password made through the store is seen by the very next request; that
// a change behind the store's back (another process) is seen after CacheTTL;
// that expiry is checked on every request; and that a store without a
// generation is never cached.
func TestCredentialCache(t *testing.T) {
	ctx := context.Background()
	svc, st, now := setup(t)
	db := st.(*sqlite.DB)
	counting := &countingStore{Store: st}
	svc.Store = generationStore{countingStore: counting, db: db}
	svc.CacheTTL = 5 * time.Second

	acc, err := st.AccountByUsername(ctx, "wang")
	if err != nil {
		t.Fatal(err)
	}
	newToken := func(ttl time.Duration) (string, *sishui.Credential) {
		secret, cred, err := svc.CreateToken(ctx, acc, "meter feed", ttl)
		if err != nil {
			t.Fatal(err)
		}
		return secret, cred
	}
	bearer := func(secret string) error {
		req := httptest.NewRequest("POST", "/api/v1/observations", nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		a, err := svc.Authenticate(req)
		if err == nil && a.Username != "wang" {
			t.Fatalf("authenticated as %q", a.Username)
		}
		return err
	}
	reads := func() int64 { return counting.reads.Load() }

	secret, cred := newToken(24 * time.Hour)
	for range 100 {
		if err := bearer(secret); err != nil {
			t.Fatal(err)
		}
	}
	if got := reads(); got != 1 {
		t.Fatalf("100 requests read the credential %d times, want 1", got)
	}
	*now = now.Add(6 * time.Second)
	if err := bearer(secret); err != nil || reads() != 2 {
		t.Fatalf("after CacheTTL: err %v, reads %d, want a second read", err, reads())
	}

	// Revoked through the store: refused at once.
	if err := st.RevokeCredential(ctx, cred.ID); err != nil {
		t.Fatal(err)
	}
	if err := bearer(secret); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatalf("revoked token accepted from the cache: %v", err)
	}

	// Revoked behind the store's back (as by another process): accepted
	// until CacheTTL has passed, refused after.
	secret, cred = newToken(24 * time.Hour)
	if err := bearer(secret); err != nil {
		t.Fatal(err)
	}
	if _, err := db.DB.DB.ExecContext(ctx, `UPDATE credentials SET revoked = TRUE WHERE id = ?`, cred.ID); err != nil {
		t.Fatal(err)
	}
	if err := bearer(secret); err != nil {
		t.Fatalf("within CacheTTL the cached token should still pass: %v", err)
	}
	*now = now.Add(5 * time.Second)
	if err := bearer(secret); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatalf("a token revoked by another process still passes after CacheTTL: %v", err)
	}

	// Expiry is checked on every request, cached or not.
	secret, _ = newToken(24 * time.Hour)
	if err := bearer(secret); err != nil {
		t.Fatal(err)
	}
	*now = now.Add(24*time.Hour + time.Second)
	if err := bearer(secret); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatalf("expired token accepted from the cache: %v", err)
	}

	// A new password or a disabled account through the store: at once.
	secret, _ = newToken(24 * time.Hour)
	if err := bearer(secret); err != nil {
		t.Fatal(err)
	}
	before := reads()
	if err := st.SetModelsGranted(ctx, "wang", true); err != nil {
		t.Fatal(err)
	}
	if err := bearer(secret); err != nil || reads() != before+1 {
		t.Fatalf("after an account change: err %v, reads %d, want a fresh read", err, reads()-before)
	}
	if err := st.SetAccountDisabled(ctx, "wang", true); err != nil {
		t.Fatal(err)
	}
	if err := bearer(secret); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatalf("disabled account's token accepted from the cache: %v", err)
	}
	if err := st.SetAccountDisabled(ctx, "wang", false); err != nil {
		t.Fatal(err)
	}

	// A wrapper that unwraps to the store is cached like the store.
	secret, _ = newToken(24 * time.Hour)
	svc.Store = unwrapping{countingStore: counting, inner: db}
	before = reads()
	for range 10 {
		if err := bearer(secret); err != nil {
			t.Fatal(err)
		}
	}
	if got := reads() - before; got != 1 {
		t.Errorf("through Unwrap: 10 requests read the credential %d times, want 1", got)
	}

	// A store without a generation is read every time; so is a negative TTL.
	for _, tc := range []struct {
		name  string
		store auth.Store
		ttl   time.Duration
	}{{"no generation", counting, 5 * time.Second}, {"cache off", generationStore{countingStore: counting, db: db}, -1}} {
		svc.Store, svc.CacheTTL = tc.store, tc.ttl
		before := reads()
		for range 10 {
			if err := bearer(secret); err != nil {
				t.Fatal(err)
			}
		}
		if got := reads() - before; got != 10 {
			t.Errorf("%s: 10 requests read the credential %d times, want 10", tc.name, got)
		}
	}
}

// TestTouchOncePerMinute checks that a cached token's last use is still
// recorded, once a minute and not on every request.
func TestTouchOncePerMinute(t *testing.T) {
	ctx := context.Background()
	svc, st, now := setup(t)
	db := st.(*sqlite.DB)
	svc.Store = generationStore{countingStore: &countingStore{Store: st}, db: db}
	svc.CacheTTL = time.Hour
	acc, _ := st.AccountByUsername(ctx, "wang")
	secret, cred, err := svc.CreateToken(ctx, acc, "feed", 48*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	lastUsed := func() time.Time {
		cs, err := st.ListCredentials(ctx, acc.ID, sishui.CredentialToken)
		if err != nil || len(cs) != 1 || cs[0].ID != cred.ID {
			t.Fatalf("credentials %v %v", cs, err)
		}
		return cs[0].LastUsed
	}
	start := *now
	for i := range 150 {
		*now = start.Add(time.Duration(i) * time.Second)
		req := httptest.NewRequest("GET", "/api/v1/me", nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		if _, err := svc.Authenticate(req); err != nil {
			t.Fatal(err)
		}
		if i == 90 {
			if got := lastUsed(); !got.Equal(start.Add(61 * time.Second)) {
				t.Fatalf("last used %v at 90 s, want the touch at 61 s", got)
			}
		}
	}
	if got := lastUsed(); !got.Equal(start.Add(122 * time.Second)) {
		t.Fatalf("last used %v, want %v", got, start.Add(122*time.Second))
	}
}
