package livecap

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestSlope(t *testing.T) {
	if s := Slope([]float64{0, 1, 2, 3}, []float64{5, 5.1, 5.2, 5.3}); math.Abs(s-0.1) > 1e-12 {
		t.Fatalf("slope %v", s)
	}
	if Slope([]float64{1}, []float64{2}) != 0 || Slope([]float64{1, 1}, []float64{2, 3}) != 0 {
		t.Fatal("degenerate slopes")
	}
}

// TestLiveGrade: the grade of a county follows its data — a falling water
// table shows as the decline, metered deep groundwater makes it 严重超载
// (the outline's rule), and every month is kept in the history with its basis.
func TestLiveGrade(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	must(t, err)
	defer st.Close()
	storetest.Seed(t, st)
	must(t, st.UpsertSource(ctx, &sishui.Source{Code: sishui.SourceGroundDeep, Name: "深层地下水", Groundwater: true}))
	must(t, st.UpsertCap(ctx, &sishui.RegionCap{Region: storetest.CountyA, Year: 2026, TotalM3: 1_000_000, GroundwaterM3: 300_000}))
	well := &sishui.Point{Code: "0011223344", Name: "监测井1", Kind: sishui.PointWell, Protocol: sishui.ProtocolSL651, Region: storetest.CountyA,
		Multiplier: 1, IntervalSeconds: 6 * 3600}
	must(t, st.CreatePoint(ctx, well))
	// Depth grows 0.1 m a month from January 2026: 1.2 m a year of decline.
	var samples []sishui.Sample
	for m := 0; m < 6; m++ {
		for d := 1; d <= 28; d += 3 {
			at := time.Date(2026, time.Month(1+m), d, 8, 0, 0, 0, sishui.BeijingTime)
			samples = append(samples, sishui.Sample{Point: well.ID, Metric: sishui.MetricDepthM, Time: at, Value: 20 + 0.1*float64(m)})
		}
	}
	_, err = st.AppendSamples(ctx, samples)
	must(t, err)
	for m := 1; m <= 6; m++ {
		must(t, st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: storetest.CountyA, Source: sishui.SourceGroundShallow, Sector: "industry", Month: 202600 + m, VolumeM3: 10_000}))
	}
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, sishui.BeijingTime)
	r := &Refresher{Store: st, Now: func() time.Time { return now }}
	// March: shallow only, no deep: 30,000 m³ in 90 of 365 days → 121,667 of 1,000,000 → 不超载.
	got, err := r.Refresh(ctx, 202603, 202603)
	must(t, err)
	var a *sishui.CapacityMonth
	for _, m := range got {
		if m.Region == storetest.CountyA {
			a = m
		}
	}
	if a == nil || a.Grade != "not_overloaded" || a.UseM3 != 121_667 || a.GroundwaterM3 != 121_667 || a.DeepConfinedM3 != 0 {
		t.Fatalf("March %+v", a)
	}
	if a.WellCount != 1 || math.Abs(a.LevelDeclineMPerYear-1.2) > 1e-9 || !strings.Contains(a.Basis, "1.20 m/yr") {
		t.Fatalf("March decline %+v", a)
	}
	// April: deep groundwater metered → 严重超载, with the reason.
	must(t, st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: storetest.CountyA, Source: sishui.SourceGroundDeep, Sector: "industry", Month: 202604, VolumeM3: 500}))
	got, err = r.Refresh(ctx, 202603, 202604)
	must(t, err)
	hist, err := st.ListCapacityHistory(ctx, storetest.CountyA, 0, 0)
	must(t, err)
	if len(hist) != 2 || hist[0].Grade != "not_overloaded" || hist[1].Grade != "severely_overloaded" || hist[1].DeepConfinedM3 != 500 {
		t.Fatalf("history %+v", hist)
	}
	if !strings.Contains(strings.Join(hist[1].Reasons, ";"), "deep confined") {
		t.Fatalf("reasons %v", hist[1].Reasons)
	}
	// In the running month the projection runs to now: 60,500 m³ by 16 June 00:00 (166 days).
	now = time.Date(2026, 6, 16, 0, 0, 0, 0, sishui.BeijingTime)
	ms, err := r.Month(ctx, 202606)
	must(t, err)
	for _, m := range ms {
		if m.Region == storetest.CountyA && (m.UseM3 != math.Round(60_500*365/166.0) || !strings.Contains(m.Basis, "through 2026-06-15")) {
			t.Fatalf("June so far: %+v", m)
		}
	}
	now = time.Date(2026, 12, 3, 12, 0, 0, 0, sishui.BeijingTime)
	// Level bands (off by default, no published values) grade the decline when configured.
	r.Cfg.Capacity.TotalUse.Critical = 0
	cfg := r.cfg().Capacity
	cfg.Level.OverMPerYear = 1
	cfg.DeepConfinedSevere = false
	r.Cfg.Capacity = cfg
	ms, err = r.Month(ctx, 202603)
	must(t, err)
	for _, m := range ms {
		if m.Region == storetest.CountyA && m.Grade != "overloaded" {
			t.Fatalf("with a 1 m/yr band: %+v", m)
		}
	}
	if _, err := r.Refresh(ctx, 202605, 202603); sishui.ErrorField(err) != "from" {
		t.Fatalf("reversed range: %v", err)
	}
	if next(202612) != 202701 || next(202603) != 202604 {
		t.Fatal("next")
	}
}
