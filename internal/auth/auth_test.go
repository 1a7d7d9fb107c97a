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
	svc := &auth.Service{Store: st, BcryptCost: bcrypt.MinCost, Now: func() time.Time { return now }, MaxFailures: 3, LockFor: 10 * time.Minute, AttemptsPerMinute: 100}
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
	// Two failures on wang so far; the third locks the account.
	if _, err := svc.Login(ctx, "wang", "wrong again", "1.2.3.4"); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatal(err)
	}
	if _, err := svc.Login(ctx, "wang", "correct horse", "1.2.3.4"); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED {
		t.Fatalf("locked account logged in: %v", err)
	}
	*now = now.Add(11 * time.Minute)
	sess, err := svc.Login(ctx, "wang", "correct horse", "1.2.3.4")
	if err != nil {
		t.Fatalf("after the lock expired: %v", err)
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
