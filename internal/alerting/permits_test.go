package alerting

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/citytest"
	"github.com/sishui/sishui/internal/warning"
)

// TestPermitWarnings feeds the permit process's observations to the built-in
// rules: renewal due, use on an expired or suspended permit, a missing annual
// report, and online metering missing.
func TestPermitWarnings(t *testing.T) {
	ctx := context.Background()
	st := citytest.SQLite(t)
	now := time.Now().UTC()
	d := now.In(sishui.BeijingTime)
	today := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	users, _, err := st.ListWaterUsers(ctx, sishui.WaterUserFilter{Region: "371502", Page: sishui.Page{Limit: 1}})
	if err != nil || len(users) == 0 {
		t.Fatal(err)
	}
	u := users[0]
	permit := func(n string, from, to time.Time, status string, annual int64) *sishui.Permit {
		p := &sishui.Permit{Number: n, UserID: u.ID, Region: "371502", Source: "ground_shallow", Sector: u.Sector, AnnualM3: annual,
			ValidFrom: from, ValidTo: to, Status: status}
		if err := st.CreatePermit(ctx, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	long := today.AddDate(-3, 0, 0)
	due := permit("W-DUE", long, today.AddDate(0, 0, 30), sishui.PermitActive, 1000)
	renewing := permit("W-RENEW", long, today.AddDate(0, 0, 60), sishui.PermitActive, 1000)
	if err := st.CreateApplication(ctx, &sishui.PermitApplication{Kind: "renewal", PermitID: renewing.ID, UserID: u.ID, Project: "延续", Region: "371502",
		Source: "ground_shallow", Sector: u.Sector, AnnualM3: 1000, TermYears: 5}, ""); err != nil {
		t.Fatal(err)
	}
	expired := permit("W-EXP", long, today.AddDate(0, 0, -1), sishui.PermitActive, 1000)
	suspended := permit("W-SUS", long, today.AddDate(2, 0, 0), sishui.PermitSuspended, 1000)
	reported := permit("W-REP", long, today.AddDate(2, 0, 0), sishui.PermitActive, 1000)
	if err := st.UpsertAnnualPlan(ctx, &sishui.AnnualPlan{PermitID: reported.ID, Year: d.Year() - 1, PlannedM3: 900, ReportedM3: 800}); err != nil {
		t.Fatal(err)
	}
	online := permit("W-ONLINE", long, today.AddDate(2, 0, 0), sishui.PermitActive, 60_000)
	for i, p := range []*sishui.Permit{expired, suspended} {
		pt := &sishui.Point{Code: fmt.Sprintf("99000000%02d", i), Name: "计量点", Kind: sishui.PointWithdrawal, Protocol: sishui.ProtocolManual,
			Region: "371502", PermitID: p.ID, Multiplier: 1, IntervalSeconds: 86400}
		if err := st.CreatePoint(ctx, pt); err != nil {
			t.Fatal(err)
		}
		if err := st.ReplaceDailyUse(ctx, pt.ID, today, today.AddDate(0, 0, 1), []sishui.DailyUse{{Point: pt.ID, Day: today, Region: "371502",
			Source: "ground_shallow", Sector: u.Sector, Litres: 5_000_000, Basis: "measured"}}); err != nil {
			t.Fatal(err)
		}
	}
	s := newService(t, st, &citytest.Clock{T: now}, Config{})
	obs, _, err := s.Observations(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	// The sweep expired the permit past its term (audited), once.
	if p, err := st.GetPermit(ctx, expired.ID); err != nil || p.Status != sishui.PermitExpired {
		t.Fatalf("permit past its term: %+v %v", p, err)
	}
	if _, _, err := s.Observations(ctx, now); err != nil {
		t.Fatalf("second sweep: %v", err)
	}
	entries, _, err := st.ListAudit(ctx, sishui.AuditFilter{Entity: "permit", EntityID: fmt.Sprint(expired.ID)})
	if err != nil {
		t.Fatal(err)
	}
	expiries := 0
	for _, e := range entries {
		if e.Action == "expire" {
			expiries++
		}
	}
	if expiries != 1 {
		t.Errorf("%d audited expiries, want 1", expiries)
	}
	rules, err := BuiltinRules()
	if err != nil {
		t.Fatal(err)
	}
	level := func(kind warning.Kind, subject string) (warning.Level, bool) {
		for _, o := range obs {
			if o.Kind != kind || o.Subject != subject {
				continue
			}
			best := warning.None
			for i := range rules {
				r := &rules[i]
				if r.Kind != kind {
					continue
				}
				if err := r.Validate(); err != nil {
					t.Fatal(err)
				}
				f, err := warning.Evaluate(r, o, now)
				if err != nil {
					t.Fatal(err)
				}
				best = max(best, f.Level)
			}
			return best, true
		}
		return warning.None, false
	}
	annualDue := today.After(time.Date(d.Year()-1, 12, 31, 0, 0, 0, 0, time.UTC))
	for _, tc := range []struct {
		kind    warning.Kind
		subject string
		want    warning.Level
		present bool
	}{
		{warning.PermitExpiry, "permit-renewal:" + due.Number, warning.Red, true},
		{warning.PermitExpiry, "permit-renewal:" + renewing.Number, warning.None, true},
		{warning.PermitExpiry, "permit-renewal:" + expired.Number, warning.None, false},
		{warning.UnpermittedUse, "expired:" + expired.Number, warning.Red, true},
		{warning.UnpermittedUse, "unpermitted:" + suspended.Number, warning.Red, true},
		{warning.UnpermittedUse, "unpermitted:" + due.Number, warning.None, false},
		{warning.AnnualPlanReport, "permit-report:" + reported.Number, warning.None, true},
		{warning.MeteringCompliance, "permit-metering:" + online.Number, warning.Yellow, true},
		{warning.MeteringCompliance, "permit-metering:" + due.Number, warning.None, false},
	} {
		got, ok := level(tc.kind, tc.subject)
		if ok != tc.present || got != tc.want {
			t.Errorf("%s %s: level %s present %v, want %s %v", tc.kind, tc.subject, got, ok, tc.want, tc.present)
		}
	}
	if got, ok := level(warning.AnnualPlanReport, "permit-report:"+due.Number); !ok || (got >= warning.Yellow) != annualDue {
		t.Errorf("annual report of %s: %s %v", due.Number, got, ok)
	}
}
