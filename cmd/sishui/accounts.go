package main

import (
	"context"

	"fmt"
	"text/tabwriter"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/auth"
)

// demoAccounts creates one account of each role and returns (username, password, scope).
func demoAccounts(ctx context.Context, a *app) ([][3]string, error) {
	users, _, err := a.store.ListWaterUsers(ctx, sishui.WaterUserFilter{Region: "371502", Sector: "industry", Page: sishui.Page{Limit: 1}})
	if err != nil {
		return nil, err
	}
	if len(users) == 0 {
		return nil, fmt.Errorf("demo: no industrial water user in 371502 for the enterprise account")
	}
	specs := []struct {
		acc   sishui.Account
		scope string
	}{
		{sishui.Account{Username: "admin", DisplayName: "系统管理员", Role: sishui.RoleAdmin}, "administrator"},
		{sishui.Account{Username: "city", DisplayName: "市水利局", Role: sishui.RoleCity}, "city water bureau (聊城市)"},
		{sishui.Account{Username: "county", DisplayName: "东昌府区水利局", Role: sishui.RoleCounty, Region: "371502"}, "county: 东昌府区 and its zones"},
		{sishui.Account{Username: "enterprise", DisplayName: users[0].Name, Role: sishui.RoleEnterprise, WaterUser: users[0].ID}, "enterprise: " + users[0].Name},
		{sishui.Account{Username: "auditor", DisplayName: "审计", Role: sishui.RoleAuditor}, "auditor (read-only)"},
		{sishui.Account{Username: "tongji", DisplayName: "市统计局", Role: sishui.RoleDepartment, Unit: "stats"}, "department: 市统计局 (its statistics, its tasks)"},
	}
	var out [][3]string
	for _, s := range specs {
		acc := s.acc
		pw := acc.Username + "-demo"
		h, err := a.auth.HashPassword(pw)
		if err != nil {
			return nil, err
		}
		acc.PasswordHash = h
		if err := a.store.CreateAccount(ctx, &acc); err != nil {
			return nil, err
		}
		out = append(out, [3]string{acc.Username, pw, s.scope})
	}
	return out, nil
}

func cmdUser(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: sishui user add|list|disable|enable|passwd|unlock|totp-off|grant-models|revoke-models …")
	}
	sub, args := args[0], args[1:]
	fs, cfg, err := e.newFlags("user "+sub, args)
	if err != nil {
		return err
	}
	var acc sishui.Account
	var password string
	if sub == "add" {
		fs.StringVar(&acc.Role, "role", "", "admin, city, county, enterprise, department or auditor")
		fs.StringVar(&acc.Unit, "unit", "", "department accounts: the unit's code (units.yaml, e.g. stats)")
		fs.StringVar(&acc.Region, "region", "", "county accounts: the county's 6-digit code")
		fs.Int64Var(&acc.WaterUser, "water-user", 0, "enterprise accounts: the water user's id")
		fs.StringVar(&acc.DisplayName, "name", "", "display name")
	}
	if sub == "add" || sub == "passwd" {
		fs.StringVar(&password, "password", "", "password (default: a random one, printed once)")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := &auth.Service{Store: st}
	switch sub {
	case "list":
		accs, err := sishui.AllPages(func(p sishui.Page) ([]*sishui.Account, int, error) {
			return st.ListAccounts(ctx, sishui.AccountFilter{Page: p})
		})
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "USERNAME\tROLE\tSCOPE\tDISABLED\tCREATED")
		for _, a := range accs {
			scope := a.Region
			if a.WaterUser != 0 {
				scope = fmt.Sprintf("water user %d", a.WaterUser)
			}
			if a.Unit != "" {
				scope = "unit " + a.Unit
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%v\t%s\n", a.Username, a.Role, scope, a.Disabled, a.CreatedAt.In(sishui.BeijingTime).Format(time.DateTime))
		}
		return tw.Flush()
	case "add", "passwd":
		if fs.NArg() != 1 {
			return fmt.Errorf("usage: sishui user %s [flags] USERNAME", sub)
		}
		generated := password == ""
		if generated {
			password = auth.RandomPassword()
		}
		role := acc.Role
		if sub == "passwd" {
			cur, err := st.AccountByUsername(ctx, fs.Arg(0))
			if err != nil {
				return err
			}
			role = cur.Role
		}
		if err := auth.CheckPassword(role, fs.Arg(0), password); err != nil {
			return err
		}
		h, err := svc.HashPassword(password)
		if err != nil {
			return err
		}
		if sub == "add" {
			acc.Username, acc.PasswordHash = fs.Arg(0), h
			if err := st.CreateAccount(ctx, &acc); err != nil {
				return err
			}
		} else if err := st.SetPassword(ctx, fs.Arg(0), h); err != nil {
			return err
		}
		if generated {
			fmt.Fprintf(e.stdout, "password for %s: %s\n", fs.Arg(0), password)
		} else {
			fmt.Fprintf(e.stdout, "password for %s set\n", fs.Arg(0))
		}
		return nil
	case "disable", "enable":
		if fs.NArg() != 1 {
			return fmt.Errorf("usage: sishui user %s USERNAME", sub)
		}
		return st.SetAccountDisabled(ctx, fs.Arg(0), sub == "disable")
	case "unlock":
		if fs.NArg() != 1 {
			return fmt.Errorf("usage: sishui user unlock USERNAME")
		}
		if err := st.UnlockAccount(ctx, fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s unlocked: failed-login counters from every address cleared\n", fs.Arg(0))
		return nil
	case "grant-models", "revoke-models":
		if fs.NArg() != 1 {
			return fmt.Errorf("usage: sishui user %s USERNAME", sub)
		}
		if err := st.SetModelsGranted(ctx, fs.Arg(0), sub == "grant-models"); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: %s\n", fs.Arg(0), sub)
		return nil
	case "totp-off":
		if fs.NArg() != 1 {
			return fmt.Errorf("usage: sishui user totp-off USERNAME")
		}
		if err := st.SetTOTP(ctx, fs.Arg(0), "", false); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "second factor of %s removed; it logs in with the password alone until it enrols again\n", fs.Arg(0))
		return nil
	}
	return fmt.Errorf("unknown user command %q", sub)
}

func cmdToken(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: sishui token create|revoke|list …")
	}
	sub, args := args[0], args[1:]
	fs, cfg, err := e.newFlags("token "+sub, args)
	if err != nil {
		return err
	}
	var user, name string
	var days int
	if sub == "create" || sub == "list" {
		fs.StringVar(&user, "user", "", "the account the token acts as")
	}
	if sub == "create" {
		fs.StringVar(&name, "name", "", "what the token is for, e.g. 'county data exchange'")
		fs.IntVar(&days, "days", 90, "days until the token expires")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "create", "list":
		acc, err := st.AccountByUsername(ctx, user)
		if err != nil {
			return fmt.Errorf("--user: %w", err)
		}
		if sub == "list" {
			creds, err := st.ListCredentials(ctx, acc.ID, sishui.CredentialToken)
			if err != nil {
				return err
			}
			for _, c := range creds {
				fmt.Fprintf(e.stdout, "%d\t%s\texpires %s\trevoked=%v\n", c.ID, c.Name, c.Expires.In(sishui.BeijingTime).Format(time.DateOnly), c.Revoked)
			}
			return nil
		}
		secret, c, err := (&auth.Service{Store: st}).CreateToken(ctx, acc, name, time.Duration(days)*24*time.Hour)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "token %d for %s, expires %s (shown once; store it safely):\n%s\n", c.ID, acc.Username, c.Expires.In(sishui.BeijingTime).Format(time.DateOnly), secret)
		return nil
	case "revoke":
		if fs.NArg() != 1 {
			return fmt.Errorf("usage: sishui token revoke ID")
		}
		var id int64
		if _, err := fmt.Sscan(fs.Arg(0), &id); err != nil {
			return fmt.Errorf("token id: %w", err)
		}
		if err := st.RevokeCredential(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "token %d revoked\n", id)
		return nil
	}
	return fmt.Errorf("unknown token command %q", sub)
}
