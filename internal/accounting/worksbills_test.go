package accounting

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/indicator"
)

// TestLeakageFromBills: once 茌平区水厂's customers have issued bills for
// 2025, indicator 7 takes the works' registered use from them (the bill in
// force per account and month: an adjustment replaces its bill) instead of
// the entered 18,360,000 m³; the other figures stay the measured ones.
func TestLeakageFromBills(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := engines(t)["sqlite"](t)
	s := newService(t, st, &clock{T: bj("2026-02-01T12:00")}, Config{})
	leak := func() IndicatorStatus {
		t.Helper()
		got, err := s.Indicators(ctx, "371503", 2025)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range got {
			if x.ID == "network_leakage_rate" {
				return x
			}
		}
		t.Fatal("no leakage indicator")
		return IndicatorStatus{}
	}
	ms, err := st.ListMeasurements(ctx, 2025, sishui.WorkWaterWorks)
	if err != nil {
		t.Fatal(err)
	}
	ww := indicator.WaterWorksYear{}
	for _, m := range ms {
		if m.Work != "ww_chiping" {
			continue
		}
		switch m.Metric {
		case sishui.MeasSuppliedM3:
			ww.SuppliedM3 += m.Value
		case sishui.MeasRegisteredM3:
			ww.RegisteredM3 += m.Value
		case sishui.MeasResidentialM3:
			ww.ResidentialM3 += m.Value
		case sishui.MeasPipeLengthKm:
			ww.PipeLengthKm += m.Value
		case sishui.MeasMeanPressureMPa:
			ww.MeanPressureMPa += m.Value
		case sishui.MeasFrostDepthM:
			ww.FrostDepthM += m.Value
		}
	}
	rate := func(w indicator.WaterWorksYear) float64 {
		l, err := indicator.LeakageRate([]indicator.WaterWorksYear{w}, s.cfg.Leakage)
		if err != nil {
			t.Fatal(err)
		}
		return l.Rate
	}
	before := leak()
	if ww.RegisteredM3 != 18_360_000 || before.Actual == nil || math.Abs(*before.Actual-rate(ww)) > 1e-9 || strings.Contains(before.Note, "bills") {
		t.Fatalf("before bills: %+v actual %v want %v (registered %v)", before, deref(before.Actual), rate(ww), ww.RegisteredM3)
	}

	accts := []*sishui.CustomerAccount{
		{Number: "CP-IND-1", Name: "茌平某纺织厂", Region: "371503", Class: "non_residential", Supplier: "ww_chiping", Meter: "individual", Opened: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Number: "CP-RES-1", Name: "茌平某小区", Region: "371503", Class: "residential", Supplier: "茌平区水厂（演示）", Meter: "individual", Opened: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Number: "OTHER-1", Name: "他厂用户", Region: "371503", Class: "residential", Meter: "individual", Opened: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	if err := st.UpsertCustomerAccounts(ctx, accts); err != nil {
		t.Fatal(err)
	}
	bill := func(a *sishui.CustomerAccount, period int, kind string, v int64) *sishui.Bill {
		return &sishui.Bill{Subject: sishui.BillAccount, SubjectID: a.ID, Region: a.Region, Period: period, Kind: kind, VolumeM3: v, TotalFen: v * 300, Lines: json.RawMessage(`[]`)}
	}
	issue := func(period int, bs ...*sishui.Bill) {
		t.Helper()
		if err := st.ReplaceDraftBills(ctx, sishui.BillAccount, period, bs); err != nil {
			t.Fatal(err)
		}
		if _, err := st.IssueBills(ctx, sishui.BillAccount, period); err != nil {
			t.Fatal(err)
		}
	}
	issue(202503, bill(accts[0], 202503, sishui.BillRegular, 9_000_000), bill(accts[1], 202503, sishui.BillRegular, 4_000_000), bill(accts[2], 202503, sishui.BillRegular, 7_000_000))
	issue(202509, bill(accts[0], 202509, sishui.BillRegular, 5_000_000), bill(accts[1], 202509, sishui.BillRegular, 5_000_000))
	// An adjustment of September's industrial bill: 5,200,000 m³ in force.
	issue(202509, bill(accts[0], 202509, sishui.BillAdjustment, 5_200_000))
	issue(202601, bill(accts[0], 202601, sishui.BillRegular, 1_000_000)) // another year

	after := leak()
	want := ww
	want.RegisteredM3 = 9_000_000 + 4_000_000 + 5_200_000 + 5_000_000 // 23,200,000 > supplied: refused
	if after.Basis == BasisComputed && strings.Contains(after.Note, "bills") {
		t.Fatalf("registered %v above supplied %v was used: %+v", want.RegisteredM3, ww.SuppliedM3, after)
	}
	// Within the supplied volume: 9,000,000 + 5,200,000 industrial, 4,000,000 + 0 household.
	issue(202509, bill(accts[1], 202509, sishui.BillAdjustment, 0))
	after = leak()
	want.RegisteredM3, want.ResidentialM3 = 9_000_000+4_000_000+5_200_000, 4_000_000
	if after.Basis != BasisComputed || after.Actual == nil || math.Abs(*after.Actual-rate(want)) > 1e-9 || !strings.Contains(after.Note, "registered use from the bills of 1") {
		t.Fatalf("after bills: %+v, want %v", after, rate(want))
	}
}
