package auth_test

import (
	"context"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auth"
)

func TestTOTP(t *testing.T) {
	ctx := context.Background()
	svc, st, now := setup(t)
	h, _ := svc.HashPassword("a long admin passphrase")
	if err := st.CreateAccount(ctx, &sishui.Account{Username: "root1", Role: sishui.RoleAdmin, PasswordHash: h}); err != nil {
		t.Fatal(err)
	}
	acc, _ := st.AccountByUsername(ctx, "root1")
	self := sishui.WithActor(ctx, acc.Actor())
	wang, _ := st.AccountByUsername(ctx, "wang")
	if _, err := svc.EnrolTOTP(self, wang); sishui.ErrorCode(err) != sishui.EFORBIDDEN {
		t.Fatalf("county account enrolled: %v", err)
	}
	en, err := svc.EnrolTOTP(self, acc)
	if err != nil || en.Secret == "" || en.URL == "" {
		t.Fatalf("enrol %+v %v", en, err)
	}
	// Pending: logins do not ask for a code yet.
	if _, err := svc.Login(ctx, "root1", "a long admin passphrase", "1.1.1.1"); err != nil {
		t.Fatalf("pending enrolment blocks login: %v", err)
	}
	acc, _ = st.AccountByUsername(ctx, "root1")
	if err := svc.ConfirmTOTP(self, acc, "000000"); sishui.ErrorField(err) != "code" {
		t.Fatalf("wrong confirm code: %v", err)
	}
	code := func(at time.Time) string {
		c, err := totp.GenerateCode(en.Secret, at)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if err := svc.ConfirmTOTP(self, acc, code(*now)); err != nil {
		t.Fatal(err)
	}
	*now = now.Add(time.Minute)
	if _, err := svc.Login(ctx, "root1", "a long admin passphrase", "1.1.1.1"); err != auth.ErrCodeRequired {
		t.Fatalf("no code: %v", err)
	}
	if _, err := svc.LoginWithCode(ctx, "root1", "wrong password", code(*now), "1.1.1.1"); sishui.ErrorCode(err) != sishui.EUNAUTHORIZED || sishui.ErrorField(err) != "" {
		t.Fatalf("wrong password with a right code: %v", err)
	}
	if _, err := svc.LoginWithCode(ctx, "root1", "a long admin passphrase", "123456", "1.1.1.1"); sishui.ErrorField(err) != "totp" {
		t.Fatalf("wrong code: %v", err)
	}
	c := code(now.Add(-30 * time.Second)) // the previous step: clock drift is tolerated
	if _, err := svc.LoginWithCode(ctx, "root1", "a long admin passphrase", c, "1.1.1.1"); err != nil {
		t.Fatalf("right code: %v", err)
	}
	if _, err := svc.LoginWithCode(ctx, "root1", "a long admin passphrase", c, "2.2.2.2"); sishui.ErrorField(err) != "totp" {
		t.Fatalf("a replayed code was accepted: %v", err)
	}
	*now = now.Add(5 * time.Minute)
	if _, err := svc.LoginWithCode(ctx, "root1", "a long admin passphrase", c, "2.2.2.2"); sishui.ErrorField(err) != "totp" {
		t.Fatalf("an old code was accepted: %v", err)
	}
	acc, _ = st.AccountByUsername(ctx, "root1")
	if err := svc.DisableTOTP(self, acc, "111111"); sishui.ErrorField(err) != "code" {
		t.Fatalf("disable without the code: %v", err)
	}
	if err := svc.DisableTOTP(self, acc, code(*now)); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Login(ctx, "root1", "a long admin passphrase", "3.3.3.3"); err != nil {
		t.Fatalf("after disabling: %v", err)
	}
}

func TestPasswordPolicy(t *testing.T) {
	for _, tc := range []struct {
		role, user, pw string
		ok             bool
	}{
		{sishui.RoleAdmin, "admin", "admin-demo", false},             // 10 characters
		{sishui.RoleCity, "city", "Password1234", false},             // common
		{sishui.RoleAdmin, "admin", "QWERTYUIOPAS", false},           // common, any case
		{sishui.RoleAdmin, "zhangsan", "zhangsan2026", false},        // the username and a year
		{sishui.RoleAdmin, "admin", "river-gauge-at-dawn", true},     //
		{sishui.RoleCity, "city", "黄河水资源管理一二三四五", true},              // 12 characters, not bytes
		{sishui.RoleCounty, "wang", "riverbank", true},               // 8 is enough for county staff
		{sishui.RoleCounty, "wang", "iloveyou", false},               // common
		{sishui.RoleEnterprise, "e1", "short", false},                //
		{sishui.RoleAdmin, "admin", string(make([]byte, 73)), false}, // over bcrypt's 72 bytes
		{sishui.RoleAuditor, "auditor", "a quiet ledger", true},      //
	} {
		err := auth.CheckPassword(tc.role, tc.user, tc.pw)
		if (err == nil) != tc.ok || err != nil && sishui.ErrorField(err) != "password" {
			t.Errorf("%s %s %q: %v", tc.role, tc.user, tc.pw, err)
		}
	}
}
