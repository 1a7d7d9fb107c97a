package storetest

import (
	"database/sql"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

func testCorrections(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := as(sishui.RoleCity, "", 0)
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("P", u.ID, CountyA, sishui.SourceYellowRiver, 10)
	must(t, s.CreatePermit(ctx, p))
	pt := newPoint("C0", p.ID, CountyA)
	must(t, s.CreatePoint(ctx, pt))
	base := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	at := func(h int) time.Time { return base.Add(time.Duration(h) * time.Hour) }
	var raw []sishui.Sample
	for h := 0; h < 6; h++ {
		if h == 3 {
			continue // a gap
		}
		raw = append(raw, sishui.Sample{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(h), Value: float64(h)})
	}
	_, err := s.AppendSamples(ctx, raw)
	must(t, err)
	q := sishui.SeriesQuery{Point: pt.ID, Metric: sishui.MetricFlowM3s, From: base, To: at(6)}
	wantCode(t, s.AddCorrections(ctx, []sishui.Correction{{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(1), Value: 9, Kind: sishui.CorrectValue}}, ""), sishui.EINVALID, "reason")
	wantCode(t, s.AddCorrections(ctx, []sishui.Correction{{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(3), Value: 9, Kind: sishui.CorrectValue}}, "x"), sishui.EINVALID, "corrections[0].time")
	wantCode(t, s.AddCorrections(as(sishui.RoleAuditor, "", 0), []sishui.Correction{{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(1), Value: 9, Kind: sishui.CorrectValue}}, "x"), sishui.EFORBIDDEN, "")
	wantCode(t, s.AddCorrections(as(sishui.RoleCounty, CountyB, 0), []sishui.Correction{{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(1), Value: 9, Kind: sishui.CorrectValue}}, "x"), sishui.ENOTFOUND, "")
	must(t, s.AddCorrections(ctx, []sishui.Correction{
		{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(1), Value: 10, Kind: sishui.CorrectValue},
		{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(3), Value: 3, Kind: sishui.CorrectFill},
		{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(5), Kind: sishui.CorrectRemove},
	}, "meter swapped; gap filled linearly; spike removed"))
	firstRound := time.Now()
	time.Sleep(5 * time.Millisecond)
	must(t, s.AddCorrections(ctx, []sishui.Correction{{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(1), Value: 11, Kind: sishui.CorrectValue}}, "second look"))

	values := func(q sishui.SeriesQuery) []float64 {
		got, err := s.QuerySamples(ctx, q)
		must(t, err)
		var v []float64
		for _, x := range got {
			v = append(v, x.Value)
		}
		return v
	}
	for _, tc := range []struct {
		name string
		q    func() sishui.SeriesQuery
		want []float64
	}{
		{"raw is never changed", func() sishui.SeriesQuery { return q }, []float64{0, 1, 2, 4, 5}},
		{"corrected", func() sishui.SeriesQuery { c := q; c.Corrected = true; return c }, []float64{0, 11, 2, 3, 4}},
		{"as it stood after the first round", func() sishui.SeriesQuery { c := q; c.Corrected, c.AsOf = true, firstRound; return c }, []float64{0, 10, 2, 3, 4}},
		{"before any correction", func() sishui.SeriesQuery { c := q; c.Corrected, c.AsOf = true, base; return c }, []float64{0, 1, 2, 4, 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := values(tc.q())
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
	cs, err := s.ListCorrections(ctx, pt.ID, sishui.MetricFlowM3s, base, at(6))
	must(t, err)
	if len(cs) != 4 || cs[1].Version != 2 || cs[1].Actor != "city" || cs[0].Reason == "" {
		t.Fatalf("corrections %+v", cs)
	}
	entries, n, err := s.ListAudit(as(sishui.RoleAuditor, "", 0), sishui.AuditFilter{Entity: "sample"})
	must(t, err)
	if n != 4 || entries[0].Reason != "second look" || len(entries[0].Before) == 0 {
		t.Fatalf("audit of corrections: %d %+v", n, entries)
	}

	// Approval locks the period; the county may not approve; reopening needs an administrator.
	wantCode(t, s.Approve(as(sishui.RoleCounty, CountyA, 0), &sishui.Approval{Point: pt.ID, Metric: sishui.MetricFlowM3s, From: base, To: at(24), Level: sishui.LevelApproved}), sishui.EFORBIDDEN, "")
	must(t, s.Approve(as(sishui.RoleCounty, CountyA, 0), &sishui.Approval{Point: pt.ID, Metric: sishui.MetricFlowM3s, From: base, To: at(24), Level: sishui.LevelProvisional}))
	must(t, s.Approve(ctx, &sishui.Approval{Point: pt.ID, Metric: sishui.MetricFlowM3s, From: base, To: at(24), Level: sishui.LevelApproved, Note: "April checked"}))
	wantCode(t, s.AddCorrections(ctx, []sishui.Correction{{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(2), Value: 1, Kind: sishui.CorrectValue}}, "late fix"), sishui.ECONFLICT, "")
	wantCode(t, s.Approve(ctx, &sishui.Approval{Point: pt.ID, Metric: sishui.MetricFlowM3s, From: base, To: at(2), Level: sishui.LevelProvisional}), sishui.EFORBIDDEN, "")
	must(t, s.AddCorrections(ctx, []sishui.Correction{{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(30), Value: 1, Kind: sishui.CorrectFill}}, "outside the approved day"))
	must(t, s.Approve(as(sishui.RoleAdmin, "", 0), &sishui.Approval{Point: pt.ID, Metric: sishui.MetricFlowM3s, From: base, To: at(24), Level: sishui.LevelProvisional, Note: "reopened"}))
	must(t, s.AddCorrections(ctx, []sishui.Correction{{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at(2), Value: 1, Kind: sishui.CorrectValue}}, "after reopening"))
	aps, err := s.ListApprovals(ctx, pt.ID)
	must(t, err)
	if len(aps) != 3 || aps[0].Note != "reopened" || aps[1].Level != sishui.LevelApproved {
		t.Fatalf("approvals %+v", aps)
	}
	wantCode(t, s.Approve(ctx, &sishui.Approval{Point: pt.ID, Metric: sishui.MetricFlowM3s, From: at(2), To: at(1), Level: sishui.LevelApproved}), sishui.EINVALID, "to")
}
