package demo_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/cityfile"
	"github.com/sishui/sishui/internal/demo"
	"github.com/sishui/sishui/internal/dispatch"
	"github.com/sishui/sishui/internal/sqlite"
)

func TestHistory(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := cityfile.Load(ctx, os.DirFS("../../data/liaocheng"), st); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 12, 6, 30, 0, 0, time.UTC) // early in the year: a quicker test under -race
	res, err := demo.History(ctx, st, now, 1)
	if err != nil {
		t.Fatal(err)
	}
	if res.Samples < 30_000 || res.Entered == 0 {
		t.Fatalf("result %+v", res)
	}
	s := res.Story
	if s.OverPermit == 0 || s.LowFlowPoint == 0 || s.DeepWellPoint == 0 || s.GeoPoint == 0 {
		t.Fatalf("story incomplete: %+v", s)
	}
	last := func(point int64, m sishui.Metric) sishui.Sample {
		xs, err := st.LatestSamples(ctx, point)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range xs {
			if x.Metric == m {
				return x
			}
		}
		t.Fatalf("point %d has no %s", point, m)
		return sishui.Sample{}
	}
	// The story's lines are really crossed.
	p, _ := st.GetPoint(ctx, s.LowFlowPoint)
	sec, _ := st.GetSection(ctx, p.SectionID)
	if f := last(s.LowFlowPoint, sishui.MetricFlowM3s); f.Value >= sec.BaseFlowM3s || now.Sub(f.Time) > time.Hour {
		t.Errorf("low-flow section reads %v (base %v) at %v", f.Value, sec.BaseFlowM3s, f.Time)
	}
	w, _ := st.GetPoint(ctx, s.DeepWellPoint)
	z, _ := st.GetZone(ctx, w.ZoneID)
	if d := last(s.DeepWellPoint, sishui.MetricDepthM); d.Value <= z.RedLineDepthM {
		t.Errorf("deep well at %v m, red line %v m", d.Value, z.RedLineDepthM)
	}
	if take, back := last(s.GeoPoint, sishui.MetricVolumeM3), last(s.GeoPoint, sishui.MetricReinjectM3); back.Value >= take.Value {
		t.Errorf("geothermal reinjects %v of %v", back.Value, take.Value)
	}
	// Cumulative meters never go backwards.
	pts, _, _ := st.ListPoints(ctx, sishui.PointFilter{Kind: sishui.PointWithdrawal, Page: sishui.Page{Limit: 5}})
	for _, p := range pts {
		xs, err := st.QuerySamples(ctx, sishui.SeriesQuery{Point: p.ID, Metric: sishui.MetricVolumeM3, From: now.AddDate(-1, 0, 0), To: now.Add(time.Hour)})
		// A reading every declared interval since 1 January (the first point may be one of the offline).
		if want := int(now.Sub(time.Date(2026, 1, 1, 0, 0, 0, 0, sishui.BeijingTime))/(time.Duration(p.IntervalSeconds)*time.Second)) - demo.OfflineDays*24*3600/p.IntervalSeconds; err != nil || len(xs) < want {
			t.Fatalf("point %d: %d readings %v", p.ID, len(xs), err)
		}
		for i := 1; i < len(xs); i++ {
			if xs[i].Value < xs[i-1].Value {
				t.Fatalf("point %d's meter went backwards at %v", p.ID, xs[i].Time)
			}
		}
	}
	// The network is healthy: every county's completeness (到报率) is high,
	// a few terminals are offline (silent for OfflineDays days) and no
	// others are late.
	if n := len(s.Offline); n < 2 || n > 8 {
		t.Fatalf("%d offline points: %v", n, s.Offline)
	}
	svc, err := accounting.New(st, accounting.Config{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Sweep(ctx, time.Date(2026, 1, 1, 0, 0, 0, 0, sishui.BeijingTime), now); err != nil {
		t.Fatal(err)
	}
	// Plan vs actual at the intakes: the demo's plan from PastDispatchDays ago,
	// its intakes' meters within IntakeDeviation of the orders, every
	// deviation split into demand, inflow and operation that add up exactly.
	devs, err := dispatch.Compare(sishui.WithActor(ctx, sishui.SystemActor), st, s.DispatchPlan, now)
	if err != nil {
		t.Fatal(err)
	}
	intakeDays := map[string]int{}
	for _, d := range devs {
		if !strings.HasPrefix(d.Work, "intake_") {
			continue
		}
		intakeDays[d.Work]++
		if intakeDays[d.Work] == 1 {
			t.Logf("%s %s: planned %.0f, actual %.0f, deviation %.3f = demand %.3f + inflow %.3f + operation %.3f %v", d.Work, d.Day.Format("01-02"),
				d.PlannedM3, d.ActualM3, d.DeviationM3, d.DemandM3, d.InflowM3, d.OperationM3, d.Missing)
		}
		if d.PlannedM3 <= 0 || math.Abs(d.ActualM3/d.PlannedM3-1) > demo.IntakeDeviation+0.02 {
			t.Errorf("%s %v: actual %v against planned %v", d.Work, d.Day, d.ActualM3, d.PlannedM3)
		}
		if sum := d.DemandM3 + d.InflowM3 + d.OperationM3; math.Abs(sum-d.DeviationM3) > 1e-6 || math.Abs(d.DeviationM3-(d.ActualM3-d.PlannedM3)) > 1e-3 {
			t.Errorf("%s %v: %v + %v + %v ≠ %v", d.Work, d.Day, d.DemandM3, d.InflowM3, d.OperationM3, d.DeviationM3)
		}
	}
	t.Logf("plan vs actual, days per intake: %v", intakeDays)
	if len(intakeDays) < 3 || intakeDays["intake_weishan"] < demo.PastDispatchDays-2 {
		t.Fatalf("intake days in plan vs actual: %v", intakeDays)
	}
	o, err := svc.Overview(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	offline := 0
	for _, c := range o.Counties {
		if c.Completeness == nil || *c.Completeness < 0.9 || *c.Completeness > 1 {
			t.Errorf("county %s %s: completeness %v", c.Region, c.Name, c.Completeness)
		} else {
			t.Logf("county %s %s: completeness %.4f, %d of %d points reporting", c.Region, c.Name, *c.Completeness, c.PointsReporting, c.Points)
		}
		offline += c.Points - c.PointsReporting
	}
	if len(o.Counties) != 8 || offline != len(s.Offline) {
		t.Errorf("%d counties, %d points not reporting, want the %d offline", len(o.Counties), offline, len(s.Offline))
	}
	seen, err := st.LastSeen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range seen {
		if slices.Contains(s.Offline, x.Point) && now.Sub(x.LastSeen) < demo.OfflineDays*24*time.Hour {
			t.Errorf("offline point %d reported at %v", x.Point, x.LastSeen)
		}
	}
	// Entered farm use: every county, every month so far.
	entered, err := st.ListEnteredUse(ctx, sishui.UseFilter{})
	if err != nil || len(entered) != 8*1*2 { // 8 counties × January × 2 sources
		t.Fatalf("entered %d %v", len(entered), err)
	}
}
