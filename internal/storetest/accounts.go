package storetest

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

func testAccounts(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))
	a := &sishui.Account{Username: "wang", Role: sishui.RoleCounty, Region: CountyA, PasswordHash: "$2a$hash"}
	must(t, s.CreateAccount(ctx, a))
	if a.ID == 0 {
		t.Fatal("no id")
	}
	wantCode(t, s.CreateAccount(ctx, &sishui.Account{Username: "wang", Role: sishui.RoleAuditor}), sishui.ECONFLICT, "")
	for _, tc := range []struct {
		name  string
		a     sishui.Account
		field string
	}{
		{"short name", sishui.Account{Username: "w", Role: sishui.RoleCity}, "username"},
		{"upper case", sishui.Account{Username: "Wang2", Role: sishui.RoleCity}, "username"},
		{"bad role", sishui.Account{Username: "zhao", Role: "root"}, "role"},
		{"county without region", sishui.Account{Username: "zhao", Role: sishui.RoleCounty}, "region"},
		{"unknown region", sishui.Account{Username: "zhao", Role: sishui.RoleCounty, Region: "379999"}, "region"},
		{"enterprise without user", sishui.Account{Username: "zhao", Role: sishui.RoleEnterprise}, "water_user"},
		{"unknown water user", sishui.Account{Username: "zhao", Role: sishui.RoleEnterprise, WaterUser: 999}, "water_user"},
		{"city with region", sishui.Account{Username: "zhao", Role: sishui.RoleCity, Region: CountyA}, "region"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantCode(t, s.CreateAccount(ctx, &tc.a), sishui.EINVALID, tc.field)
		})
	}
	// Only administrators manage accounts.
	wantCode(t, s.CreateAccount(as(sishui.RoleCity, "", 0), &sishui.Account{Username: "li", Role: sishui.RoleCity}), sishui.EFORBIDDEN, "")
	got, err := s.AccountByUsername(ctx, "wang")
	must(t, err)
	if got.Region != CountyA || got.PasswordHash != "$2a$hash" || got.Disabled {
		t.Fatalf("account %+v", got)
	}
	_, err = s.AccountByUsername(ctx, "nobody")
	wantCode(t, err, sishui.ENOTFOUND, "")

	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	must(t, s.SetPassword(ctx, "wang", "$2a$new"))
	got, _ = s.GetAccount(ctx, a.ID)
	if got.PasswordHash != "$2a$new" {
		t.Fatalf("after password reset %+v", got)
	}

	c := &sishui.Credential{Kind: sishui.CredentialToken, AccountID: a.ID, Name: "x", Hash: "h1", Created: now, Expires: now.Add(24 * time.Hour)}
	must(t, s.CreateCredential(ctx, c))
	found, err := s.CredentialByHash(ctx, "h1", now.Add(time.Hour))
	must(t, err)
	if found.ID != c.ID || found.Username != "wang" {
		t.Fatalf("credential %+v", found)
	}
	_, err = s.CredentialByHash(ctx, "h1", now.Add(25*time.Hour))
	wantCode(t, err, sishui.ENOTFOUND, "")
	// Another account's token cannot be revoked by a non-administrator.
	wantCode(t, s.RevokeCredential(sishui.WithActor(ctx, &sishui.Actor{ID: a.ID + 100, Username: "x", Role: sishui.RoleCity}), c.ID), sishui.ENOTFOUND, "")
	must(t, s.SetAccountDisabled(ctx, "wang", true))
	_, err = s.CredentialByHash(ctx, "h1", now.Add(time.Hour))
	wantCode(t, err, sishui.ENOTFOUND, "")
	accs, total, err := s.ListAccounts(ctx, sishui.AccountFilter{})
	must(t, err)
	if len(accs) != 1 || total != 1 || !accs[0].Disabled {
		t.Fatalf("accounts %+v", accs)
	}
	entries, n, err := s.ListAudit(ctx, sishui.AuditFilter{Entity: "account"})
	must(t, err)
	if n != 3 { // create, set_password, disable
		t.Fatalf("account audit entries = %d", n)
	}
	for _, e := range entries {
		if len(e.After) > 0 && strings.Contains(string(e.After), "$2a$") {
			t.Fatalf("password hash in the audit log: %s", e.After)
		}
	}
}
