package auth_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auth"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

func setup(t *testing.T) (*auth.Service, sishui.Store, *time.Time) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	storetest.Seed(t, st)
	now := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	svc := &auth.Service{Store: st, BcryptCost: bcrypt.MinCost, Now: func() time.Time { return now }, MaxFailures: 3, LockFor: 10 * time.Minute, AttemptsPerMinute: 100,
		Sleep: func(context.Context, time.Duration) {}}
	h, err := svc.HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateAccount(context.Background(), &sishui.Account{Username: "wang", Role: sishui.RoleCounty, Region: storetest.CountyA, PasswordHash: h}); err != nil {
		t.Fatal(err)
	}
	return svc, st, &now
}

func TestLoginAndLockout(t *testing.T) {
	ctx := context.Background()
	svc, st, now := setup(t)
	for _, tc := range []struct{ user, pw string }{{"wang", "wrong"}, {"nobody", "correct horse"}, {"wang", ""}} {
		_, err := svc.Login(ctx, tc.user, tc.pw, "1.2.3.4")
		if sishui.ErrorCode(err) != sishui.EUNAUTHORIZED || !strings.Contains(err.Error(), "invalid username or password") {
			t.Fatalf("%s/%q: %v", tc.user, tc.pw, err)
		}
	}
	// Two failures on wang from 1.2.3.4 so far; the third blocks that address.
	if _, err := svc.Login(ctx, "wang", "wrong again", "1.2.3.4"); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatal(err)
	}
	if _, err := svc.Login(ctx, "wang", "correct horse", "1.2.3.4"); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatalf("blocked address logged in: %v", err)
	}
	*now = now.Add(11 * time.Minute)
	sess, err := svc.Login(ctx, "wang", "correct horse", "1.2.3.4")
	if err != nil {
		t.Fatalf("after the block expired: %v", err)
	}
	if sess.Account.Role != sishui.RoleCounty || !strings.HasPrefix(sess.Token, "sss_") {
		t.Fatalf("session %+v", sess)
	}
	// Disabled accounts cannot log in, and their sessions die.
	req := httptest.NewRequest("GET", "/api/v1/me", nil)
	req.AddCookie(&http.Cookie{Name: auth.SessionCookie, Value: sess.Token})
	if a, err := svc.Authenticate(req); err != nil || a.Username != "wang" {
		t.Fatalf("cookie auth: %v %v", a, err)
	}
	if err := st.SetAccountDisabled(ctx, "wang", true); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Authenticate(req); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatalf("disabled account's session still works: %v", err)
	}
	if _, err := svc.Login(ctx, "wang", "correct horse", "1.2.3.4"); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatal("disabled account logged in")
	}
}

// Someone hammering an account from one address (or many) must not lock its
// owner out: the right password from another address still works, only slowed.
func TestHammeringDoesNotLockOut(t *testing.T) {
	ctx := context.Background()
	svc, st, now := setup(t)
	var slept []time.Duration
	svc.Sleep = func(_ context.Context, d time.Duration) { slept = append(slept, d) }
	svc.SlowAfter, svc.SlowDelay = 10, time.Second
	for i := 0; i < 40; i++ {
		client := "6.6.6." + string(rune('0'+i%10)) // ten attacking addresses
		if _, err := svc.Login(ctx, "wang", "guess", client); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
			t.Fatalf("attempt %d: %v", i, err)
		}
		*now = now.Add(time.Second)
	}
	acc, _ := st.AccountByUsername(ctx, "wang")
	pair, all, err := st.LoginFailures(ctx, acc.ID, "6.6.6.0")
	if err != nil || all.Failures != 30 || pair.Failures != 3 { // the fourth try of each address came while it was blocked
		t.Fatalf("counters %+v %+v %v", pair, all, err)
	}
	slept = nil
	if _, err := svc.Login(ctx, "wang", "correct horse", "10.0.0.7"); err != nil {
		t.Fatalf("the owner from another address was locked out: %v", err)
	}
	if len(slept) != 1 || slept[0] != time.Second {
		t.Fatalf("an account under attack must be slowed, slept %v", slept)
	}
	// The attacking address stays blocked, with back-off: each failure after the
	// block doubles it (3 failures: 10 min; 4: 20 min …, at most MaxLock).
	if got := svc.BlockedUntil(pair); !got.After(*now) {
		t.Fatalf("attacker not blocked: until %v, now %v", got, *now)
	}
	for _, tc := range []struct {
		failures int
		want     time.Duration
	}{{2, 0}, {3, 10 * time.Minute}, {4, 20 * time.Minute}, {5, 40 * time.Minute}, {6, time.Hour}, {60, time.Hour}} {
		last := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		got := svc.BlockedUntil(sishui.LoginFailures{Failures: tc.failures, Last: last})
		if tc.want == 0 && !got.IsZero() || tc.want != 0 && got.Sub(last) != tc.want {
			t.Errorf("%d failures: blocked %v, want %v", tc.failures, got.Sub(last), tc.want)
		}
	}
	// An administrator's unlock clears the block at once.
	if _, err := svc.Login(ctx, "wang", "correct horse", "6.6.6.0"); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatalf("blocked address: %v", err)
	}
	if err := st.UnlockAccount(ctx, "wang"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Login(ctx, "wang", "correct horse", "6.6.6.0"); err != nil {
		t.Fatalf("after unlock: %v", err)
	}
}

func TestLoginCountersEvictOldest(t *testing.T) {
	ctx := context.Background()
	svc, st, now := setup(t)
	svc.MaxCounters = 50
	svc.AttemptsPerMinute = 1000
	for i := 0; i < 300; i++ {
		*now = now.Add(time.Second)
		svc.Login(ctx, "wang", "guess", "7.7."+string(rune('a'+i/26%26))+string(rune('a'+i%26)))
	}
	// 256 failures triggered one eviction down to 50 counters; 44 more since.
	acc, _ := st.AccountByUsername(ctx, "wang")
	_, all, _ := st.LoginFailures(ctx, acc.ID, "x")
	if all.Failures != 300 {
		t.Fatalf("the account-wide counter was evicted or reset: %+v", all)
	}
	first, _, _ := st.LoginFailures(ctx, acc.ID, "7.7.aa")
	last, _, _ := st.LoginFailures(ctx, acc.ID, "7.7.kn")
	if first.Failures != 0 || last.Failures != 1 {
		t.Fatalf("oldest %+v newest %+v", first, last)
	}
}

func TestRateLimit(t *testing.T) {
	svc, _, _ := setup(t)
	svc.AttemptsPerMinute = 3
	for i := 0; i < 3; i++ {
		svc.Login(context.Background(), "nobody", "x", "9.9.9.9")
	}
	if _, err := svc.Login(context.Background(), "wang", "correct horse", "9.9.9.9"); sishui.ErrorCode(err) != sishui.ETOOMANY {
		t.Fatalf("fourth attempt in a minute: %v", err)
	}
	if _, err := svc.Login(context.Background(), "wang", "correct horse", "8.8.8.8"); err != nil {
		t.Fatalf("another client is not limited: %v", err)
	}
}

func TestCSRFAndTokens(t *testing.T) {
	ctx := context.Background()
	svc, st, now := setup(t)
	sess, err := svc.Login(ctx, "wang", "correct horse", "1.1.1.1")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, method, csrf string
		code               string
	}{
		{"GET needs no CSRF", "GET", "", ""},
		{"POST without CSRF", "POST", "", sishui.EFORBIDDEN},
		{"POST with wrong CSRF", "POST", "nope", sishui.EFORBIDDEN},
		{"POST with CSRF", "POST", sess.CSRF, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, "/api/v1/water-users", nil)
			req.AddCookie(&http.Cookie{Name: auth.SessionCookie, Value: sess.Token})
			if tc.csrf != "" {
				req.Header.Set(auth.CSRFHeader, tc.csrf)
			}
			_, err := svc.Authenticate(req)
			if sishui.ErrorCode(err) != tc.code {
				t.Fatalf("got %v, want %q", err, tc.code)
			}
		})
	}
	acc, err := st.AccountByUsername(ctx, "wang")
	if err != nil {
		t.Fatal(err)
	}
	secret, cred, err := svc.CreateToken(ctx, acc, "data exchange", 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	creds, _ := st.ListCredentials(ctx, acc.ID, sishui.CredentialToken)
	if len(creds) != 1 || creds[0].Hash == secret || strings.Contains(creds[0].Hash, secret) {
		t.Fatal("the token secret must be stored hashed")
	}
	bearer := func() error {
		req := httptest.NewRequest("POST", "/api/v1/observations", nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		_, err := svc.Authenticate(req) // bearer requests need no CSRF token
		return err
	}
	if err := bearer(); err != nil {
		t.Fatal(err)
	}
	*now = now.Add(25 * time.Hour)
	if err := bearer(); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatalf("expired token accepted: %v", err)
	}
	*now = now.Add(-25 * time.Hour)
	if err := st.RevokeCredential(ctx, cred.ID); err != nil {
		t.Fatal(err)
	}
	if err := bearer(); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatalf("revoked token accepted: %v", err)
	}
	// The token's creation and revocation are in the audit log; no secret is.
	entries, _, err := st.ListAudit(ctx, sishui.AuditFilter{Entity: "token"})
	if err != nil || len(entries) != 2 {
		t.Fatalf("token audit entries %d %v", len(entries), err)
	}
	all, _, _ := st.ListAudit(ctx, sishui.AuditFilter{Page: sishui.Page{Limit: 1000}})
	for _, e := range all {
		if strings.Contains(string(e.After), "$2a$") || strings.Contains(string(e.After), secret) {
			t.Fatalf("a secret reached the audit log: %s", e.After)
		}
	}
	if _, _, err := svc.CreateToken(ctx, acc, "", time.Hour); sishui.ErrorField(err) != "name" {
		t.Fatalf("unnamed token: %v", err)
	}
	if _, err := svc.HashPassword("short"); sishui.ErrorField(err) != "password" {
		t.Fatal("short password accepted")
	}
}
