package accounting

import (
	"context"
	"math"
	"strings"
	"testing"
)

// TestIndicatorsFromWorks: with the demo's 2025 measurements on the works,
// indicators 4, 7, 8, 9 and 10 are computed (hand calculations below), and an
// entered statistic no longer stands in for them; without measurements the
// entered value stays.
func TestIndicatorsFromWorks(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := engines(t)["sqlite"](t)
	s := newService(t, st, &clock{T: bj("2026-02-01T12:00")}, Config{})
	got, err := s.Indicators(ctx, "", 2025)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]IndicatorStatus{}
	for _, x := range got {
		by[x.ID] = x
	}
	for _, tc := range []struct {
		id   string
		want float64
		note string
	}{
		// 首尾法: net = 178.333 × 1.5e6 + 178 × 4.2e5 + 182 × 2.1e5 + 175 × 4.2e4 + 170 × 1.3e5 = 409,930,000 m³
		// over gross 642,000,000 m³ (the type weighting reduces to Σ net / Σ gross) = 0.638520.
		{"irrigation_efficiency", 409_930_000.0 / 642_000_000, "首尾法 over 5"},
		// CJJ 92: (1e8 − 9.206e7) / 1e8 = 7.94 %; R1 = 0.08 × 0.38 = 3.04; A = 2500 / (1e8/365) = 0.009125 → R2 = −3 (cap);
		// pressure 0.316 MPa → R3 = 0; R4 = 0: 7.94 − 0.04 = 7.90 %.
		{"network_leakage_rate", 7.9, "CJJ 92-2016 over 2"},
		// (140e6 + 90e6) / (140e6 + 12.8e6 + 90e6 + 8.3e6) = 91.596 %.
		{"industrial_reuse_rate", 100 * 230e6 / 251.1e6, "reused"},
		// (3.8 + 1.4 + 2.3) / (12.8 + 5.4 + 8.3) = 7.5 / 26.5 = 28.302 %.
		{"chem_park_unconventional_share", 100 * 7.5 / 26.5, "3 chemical parks"},
		// 13 of 16 plants upgraded by 2025: 81.25 %.
		{"wwtp_upgrade_rate", 81.25, "13 of 16"},
	} {
		x := by[tc.id]
		if x.Basis != BasisComputed || x.Actual == nil || math.Abs(*x.Actual-tc.want) > 1e-5 || !strings.Contains(x.Note, tc.note) {
			t.Errorf("%s: basis %s actual %v note %q; want computed %v (%q)", tc.id, x.Basis, deref(x.Actual), x.Note, tc.want, tc.note)
		}
	}
	// 2026 has no measurements: the entered statistics stand, marked entered.
	got, err = s.Indicators(ctx, "", 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range got {
		if x.ID == "network_leakage_rate" && (x.Basis != BasisEntered || *x.Actual != 7.85) {
			t.Errorf("2026 leakage %+v", x)
		}
	}
	// A county sees the works in it: 茌平区 has one water works and one park.
	got, err = s.Indicators(ctx, "371503", 2025)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range got {
		if x.ID == "chem_park_unconventional_share" && (x.Actual == nil || math.Abs(*x.Actual-100*2.3/8.3) > 1e-5) {
			t.Errorf("茌平 chemical park share %v", deref(x.Actual))
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
