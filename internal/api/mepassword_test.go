package api_test

import (
	"testing"

	"github.com/sishui/sishui/internal/api"
)

// TestOwnPassword: an account changes its own password: the current one
// must be right, the new one passes the policy (errors name their field),
// the old one stops working and the new one logs in; the change is audited.
func TestOwnPassword(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		in    api.OwnPasswordInput
		field string
	}{
		{api.OwnPasswordInput{Password: "another-river-2026"}, "current"},
		{api.OwnPasswordInput{Current: "wrong-password", Password: "another-river-2026"}, "current"},
		{api.OwnPasswordInput{Current: "county-password", Password: "short"}, "password"},
		{api.OwnPasswordInput{Current: "county-password", Password: "password1234"}, "password"},
		{api.OwnPasswordInput{Current: "county-password", Password: "county-password"}, "password"},
	} {
		if code, field := errField(t, f, "county", "POST", "/api/v1/me/password", tc.in); code != 400 || field != tc.field {
			t.Errorf("%+v: %d %q, want 400 naming %q", tc.in, code, field, tc.field)
		}
	}
	if code := f.do(t, "", "POST", "/api/v1/me/password", api.OwnPasswordInput{Current: "x", Password: "another-river-2026"}, nil); code != 401 {
		t.Errorf("anonymous change: %d, want 401", code)
	}
	if code := f.do(t, "county", "POST", "/api/v1/me/password", api.OwnPasswordInput{Current: "county-password", Password: "another-river-2026"}, nil); code != 204 {
		t.Fatalf("change: %d", code)
	}
	if code := f.do(t, "", "POST", "/api/v1/login", api.LoginInput{Username: "county", Password: "county-password"}, nil); code != 401 {
		t.Errorf("the old password still logs in: %d", code)
	}
	if code := f.do(t, "", "POST", "/api/v1/login", api.LoginInput{Username: "county", Password: "another-river-2026"}, nil); code != 200 {
		t.Errorf("the new password does not log in: %d", code)
	}
	// A read-only role changes its own password too, but not another's.
	if code := f.do(t, "auditor", "POST", "/api/v1/me/password", api.OwnPasswordInput{Current: "auditor-password", Password: "auditor-river-2026"}, nil); code != 204 {
		t.Errorf("auditor change: %d", code)
	}
	if code := f.do(t, "auditor", "PUT", "/api/v1/accounts/city/password", api.PasswordInput{Password: "another-river-2026x"}, nil); code != 403 {
		t.Errorf("auditor set another's password: %d", code)
	}
}
