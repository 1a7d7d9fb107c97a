package permitview_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/permitting"
	"github.com/sishui/sishui/internal/permitview"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

func open(t *testing.T) *sqlite.DB {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sishui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	storetest.Seed(t, s)
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestComplianceHandCounted checks the register against a hand-counted city:
//
//	county A (371502): P1 compliant, P2 no terminal, P3 only a manual point
//	(missing), P4 surface 100,000 m³ (not required), P7 in the zone A hosts, compliant
//	→ 4 required, 2 compliant, 50 %
//	county B (371522): P5 silent for 5 days, P6 10 of 24 reports (incomplete)
//	→ 2 required, 0 compliant, 0 %
func TestComplianceHandCounted(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	now := time.Now().UTC()
	users := map[string]int64{}
	for i, r := range []string{storetest.CountyA, storetest.CountyB, storetest.ZoneA} {
		u := &sishui.WaterUser{Name: "用水户" + r, CreditCode: creditCode(i), Region: r, Sector: "industry"}
		must(t, s.CreateWaterUser(ctx, u))
		users[r] = u.ID
	}
	permit := func(n, region, source string, annual int64) *sishui.Permit {
		p := &sishui.Permit{Number: n, UserID: users[region], Region: region, Source: source, Sector: "industry", AnnualM3: annual,
			ValidFrom: now.Truncate(24*time.Hour).AddDate(-1, 0, 0), ValidTo: now.Truncate(24*time.Hour).AddDate(3, 0, 0), Status: sishui.PermitActive}
		must(t, s.CreatePermit(ctx, p))
		return p
	}
	code := 0
	point := func(p *sishui.Permit, protocol string) *sishui.Point {
		code++
		pt := &sishui.Point{Code: fmt.Sprintf("00000000%02X", code), Name: "计量点", Kind: sishui.PointWithdrawal, Protocol: protocol,
			Region: p.Region, PermitID: p.ID, Multiplier: 1, IntervalSeconds: 3600}
		must(t, s.CreatePoint(ctx, pt))
		return pt
	}
	report := func(pt *sishui.Point, at time.Time, expected, received int) {
		_, err := s.AppendSamples(ctx, []sishui.Sample{{Point: pt.ID, Metric: sishui.MetricVolumeM3, Time: at, Value: 1}})
		must(t, err)
		d := now.In(sishui.BeijingTime)
		day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, -2)
		must(t, s.ReplaceDailyUse(ctx, pt.ID, day, day.AddDate(0, 0, 1), []sishui.DailyUse{{Point: pt.ID, Day: day, Region: pt.Region,
			Source: sishui.SourceGroundShallow, Sector: "industry", Basis: "measured", Expected: expected, Received: received}}))
	}
	gw := sishui.SourceGroundShallow
	p1 := permit("P1", storetest.CountyA, gw, 60_000)
	report(point(p1, sishui.ProtocolSZY206), now.Add(-time.Hour), 24, 24)
	permit("P2", storetest.CountyA, gw, 60_000)
	point(permit("P3", storetest.CountyA, gw, 60_000), sishui.ProtocolManual)
	permit("P4", storetest.CountyA, sishui.SourceYellowRiver, 100_000)
	report(point(permit("P5", storetest.CountyB, gw, 60_000), sishui.ProtocolSZY206), now.Add(-5*24*time.Hour), 24, 24)
	report(point(permit("P6", storetest.CountyB, gw, 60_000), sishui.ProtocolSL651), now.Add(-time.Hour), 24, 10)
	report(point(permit("P7", storetest.ZoneA, gw, 60_000), sishui.ProtocolSZY206), now.Add(-2*time.Hour), 24, 23)

	c, err := permitview.ComplianceView(ctx, s, permitting.DefaultComplianceRule(), 7, now)
	must(t, err)
	want := map[string]string{"P1": "compliant", "P2": "missing_terminal", "P3": "missing_terminal", "P4": "not_required",
		"P5": "terminal_silent", "P6": "data_incomplete", "P7": "compliant"}
	if len(c.Permits) != len(want) {
		t.Fatalf("%d permits", len(c.Permits))
	}
	for _, p := range c.Permits {
		if want[p.Number] != p.Class {
			t.Errorf("%s: %s, want %s", p.Number, p.Class, want[p.Number])
		}
	}
	if len(c.League) != 2 {
		t.Fatalf("league %+v", c.League)
	}
	a, b := c.League[0], c.League[1]
	if a.County != storetest.CountyA || a.Required != 4 || a.Compliant != 2 || a.RatePct != 50 || a.Rank != 1 {
		t.Errorf("county A %+v", a)
	}
	if b.County != storetest.CountyB || b.Required != 2 || b.Compliant != 0 || b.RatePct != 0 {
		t.Errorf("county B %+v", b)
	}
}

func creditCode(n int) string {
	first := fmt.Sprintf("91%s%09d", storetest.CountyA, n+40)
	c, ok := sishui.CreditCodeCheck(first)
	if !ok {
		panic(first)
	}
	return first + string(c)
}

func TestQueue(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	u := &sishui.WaterUser{Name: "甲", CreditCode: creditCode(9), Region: storetest.CountyA, Sector: "industry"}
	must(t, s.CreateWaterUser(ctx, u))
	city := sishui.WithActor(ctx, &sishui.Actor{Username: "wang", Role: sishui.RoleCity})
	var ids []int64
	for i := 0; i < 3; i++ {
		a := &sishui.PermitApplication{Kind: "new", UserID: u.ID, Project: fmt.Sprintf("项目%d", i), Region: storetest.CountyA,
			Source: sishui.SourceYellowRiver, Sector: "industry", AnnualM3: 1000, TermYears: 5}
		must(t, s.CreateApplication(city, a, ""))
		ids = append(ids, a.ID)
	}
	_, err := s.StepApplication(city, ids[1], &sishui.ApplicationStep{Action: "accept"})
	must(t, err)
	_, err = s.StepApplication(city, ids[2], &sishui.ApplicationStep{Action: "return", Comment: "补正"})
	must(t, err)
	cal, err := permitview.Calendar(ctx, s, "")
	must(t, err)
	if cal.Verified || cal.Name != "cn-2026" {
		t.Fatalf("fallback calendar %s", cal.Name)
	}
	// Thirty days on, the completeness clock of the first is overdue and
	// comes first; the decision clock runs; the returned one waits on the applicant.
	q, total, err := permitview.Queue(city, s, cal, sishui.ApplicationFilter{Open: true}, time.Now().AddDate(0, 0, 30))
	must(t, err)
	if total != 3 || q[0].ID != ids[0] || !q[0].Clock.Overdue || q[0].Clock.Clock != "completeness" {
		t.Fatalf("first %+v", q[0].Clock)
	}
	if q[1].ID != ids[1] || q[1].Clock.Clock != "decision" || q[1].Clock.Overdue || q[1].Clock.WaitsOn != permitting.WaitsOnBureau {
		t.Fatalf("second %+v", q[1].Clock)
	}
	if q[2].ID != ids[2] || q[2].Clock.WaitsOn != permitting.WaitsOnApplicant {
		t.Fatalf("third %+v", q[2].Clock)
	}
}
