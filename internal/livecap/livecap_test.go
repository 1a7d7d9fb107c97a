package livecap

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/capacity"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// seeded is a store with storetest's seed and the deep groundwater source.
func seeded(t *testing.T) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	must(t, err)
	t.Cleanup(func() { st.Close() })
	storetest.Seed(t, st)
	must(t, st.UpsertSource(ctx, &sishui.Source{Code: sishui.SourceGroundDeep, Name: "深层地下水", Groundwater: true}))
	return st
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
	st := seeded(t)
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
	_, err := st.AppendSamples(ctx, samples)
	must(t, err)
	for m := 1; m <= 6; m++ {
		must(t, st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: storetest.CountyA, Source: sishui.SourceGroundShallow, Sector: "industry", Month: 202600 + m, VolumeM3: 10_000}))
	}
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, sishui.BeijingTime)
	r := &Refresher{Store: st, Cfg: Config{MinMonths: 3}, Now: func() time.Time { return now }}
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

// TestTrendDeseasoned: a year of monthly depths made of a trend and a yearly
// cycle gives the trend back, where the plain slope is tilted by the cycle.
func TestTrendDeseasoned(t *testing.T) {
	var xs, ys []float64
	for i := 0; i < 12; i++ {
		x := float64(24300 + i)
		xs, ys = append(xs, x), append(ys, 20+0.04*float64(i)+1.2*math.Sin(2*math.Pi*x/12-1.2))
	}
	if b := TrendDeseasoned(xs, ys); math.Abs(b-0.04) > 1e-9 {
		t.Fatalf("deseasoned trend %v, want 0.04", b)
	}
	if b := Slope(xs, ys); math.Abs(b-0.04) < 0.01 {
		t.Fatalf("plain slope %v is not tilted by the cycle: the test shows nothing", b)
	}
}

// TestLiveGradeRules: under the versioned rules the deep confined rule
// applies only in a deep confined over-extraction zone (from the register or
// a county's version), the level bands grade the measured decline, and
// changing the measured depths or the deep volume moves the grade across
// bands.
func TestLiveGradeRules(t *testing.T) {
	ctx := context.Background()
	st := seeded(t)
	for _, c := range []string{storetest.CountyA, storetest.CountyB} {
		must(t, st.UpsertCap(ctx, &sishui.RegionCap{Region: c, Year: 2026, TotalM3: 100_000_000, GroundwaterM3: 30_000_000}))
	}
	cA, err := st.GetRegion(ctx, storetest.CountyA)
	must(t, err)
	rules, err := capacity.LoadRules(strings.NewReader(`
- region: "` + cA.Parent + `"
  effective_from: "2016-01-01"
  source: test city rules
  bands: {deep_confined_zone_only: true, level: {critical_m_per_year: 0.3, over_m_per_year: 0.6, severe_m_per_year: 1.0}}
- region: "` + cA.Parent + `"
  effective_from: "2027-01-01"
  source: a later version, not yet in force
  bands: {level: {critical_m_per_year: 5, over_m_per_year: 6, severe_m_per_year: 7}}
`))
	must(t, err)
	// One well per county with monthly depths of 2025 and 2026 falling at
	// rate m/yr; a new depth record is a new well (the old one retired).
	wells := map[string]*sishui.Point{}
	nWell := 0
	setDepths := func(region string, rate float64) {
		if w := wells[region]; w != nil {
			must(t, st.RetirePoint(ctx, w.ID))
		}
		nWell++
		w := &sishui.Point{Code: fmt.Sprintf("00112233%02d", nWell), Name: "监测井", Kind: sishui.PointWell, Protocol: sishui.ProtocolSL651, Region: region, Multiplier: 1, IntervalSeconds: 6 * 3600}
		must(t, st.CreatePoint(ctx, w))
		wells[region] = w
		var ss []sishui.Sample
		for m := 0; m < 24; m++ {
			at := time.Date(2025, time.Month(1+m), 15, 8, 0, 0, 0, sishui.BeijingTime)
			// a yearly cycle of ±1 m on top of the trend
			ss = append(ss, sishui.Sample{Point: wells[region].ID, Metric: sishui.MetricDepthM, Time: at,
				Value: 15 + rate*float64(m)/12 + math.Sin(2*math.Pi*float64(m)/12)})
		}
		_, err := st.AppendSamples(ctx, ss)
		must(t, err)
	}
	now := time.Date(2026, 12, 20, 12, 0, 0, 0, sishui.BeijingTime)
	r := &Refresher{Store: st, Cfg: Config{Rules: rules}, Now: func() time.Time { return now }}
	grade := func(region string) *sishui.CapacityMonth {
		t.Helper()
		ms, err := r.Month(ctx, 202612)
		must(t, err)
		for _, m := range ms {
			if m.Region == region {
				return m
			}
		}
		t.Fatalf("no month for %s", region)
		return nil
	}
	setDepths(storetest.CountyA, -0.2)
	setDepths(storetest.CountyB, -0.2)
	if g := grade(storetest.CountyA); g.Grade != "not_overloaded" || math.Abs(g.LevelDeclineMPerYear+0.2) > 0.01 || !strings.Contains(g.Edition, "unverified") || !strings.Contains(g.Basis, "test city rules") {
		t.Fatalf("rising water table: %+v", g)
	}
	// The depths fall 0.7 m a year: 超载 by the level bands.
	setDepths(storetest.CountyA, 0.7)
	if g := grade(storetest.CountyA); g.Grade != "overloaded" || math.Abs(g.LevelDeclineMPerYear-0.7) > 0.01 {
		t.Fatalf("falling 0.7 m/yr: %+v", g)
	}
	// 1.2 m a year: 严重超载.
	setDepths(storetest.CountyA, 1.2)
	if g := grade(storetest.CountyA); g.Grade != "severely_overloaded" {
		t.Fatalf("falling 1.2 m/yr: %+v", g)
	}
	setDepths(storetest.CountyA, -0.2)
	// Deep groundwater outside a deep over-extraction zone: counted in G, not 严重超载 by itself.
	for _, c := range []string{storetest.CountyA, storetest.CountyB} {
		must(t, st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: c, Source: sishui.SourceGroundDeep, Sector: "industry", Month: 202611, VolumeM3: 500_000}))
	}
	if g := grade(storetest.CountyA); g.Grade != "not_overloaded" || g.DeepConfinedM3 != 500_000 || !strings.Contains(g.Basis, "no deep confined over-extraction zone") {
		t.Fatalf("deep outside a zone: %+v", g)
	}
	// A deep over-extraction zone registered in county A: its deep extraction is 严重超载; B's is not.
	must(t, st.UpsertZone(ctx, &sishui.Zone{Code: "a_deep", Name: "深层承压超采区", Region: storetest.CountyA, Kind: sishui.ZoneOverExtraction, Layer: "deep", RedLineDepthM: 90, WarnDepthM: 80}))
	if g := grade(storetest.CountyA); g.Grade != "severely_overloaded" || !strings.Contains(strings.Join(g.Reasons, ";"), "over-extraction zone") {
		t.Fatalf("deep in a zone: %+v", g)
	}
	if g := grade(storetest.CountyB); g.Grade != "not_overloaded" {
		t.Fatalf("county B, deep outside a zone: %+v", g)
	}
	// A county version saying B is a zone makes B's deep extraction count too.
	r.Cfg.Rules.Versions = append(r.Cfg.Rules.Versions, capacity.RuleVersion{Region: storetest.CountyB, EffectiveFrom: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Source: "county", DeepConfinedZone: ptr(true)})
	if g := grade(storetest.CountyB); g.Grade != "severely_overloaded" {
		t.Fatalf("county B by its version: %+v", g)
	}
	// And with no deep volume in the zone county, the grade falls back.
	must(t, st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: storetest.CountyA, Source: sishui.SourceGroundDeep, Sector: "industry", Month: 202611, VolumeM3: 0}))
	if g := grade(storetest.CountyA); g.Grade != "not_overloaded" {
		t.Fatalf("no deep volume: %+v", g)
	}
}

func ptr[T any](v T) *T { return &v }

// TestShippedRules: the shipped rules load, are unverified, and give 冠县 a
// deep confined over-extraction zone.
func TestShippedRules(t *testing.T) {
	f, err := os.Open("../../data/liaocheng/capacity_rules.yaml")
	must(t, err)
	defer f.Close()
	rules, err := capacity.LoadRules(f)
	must(t, err)
	at := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	a, err := rules.For([]string{"371500", "371525"}, at)
	must(t, err)
	if a.Verified || a.DeepConfinedZone == nil || !*a.DeepConfinedZone || !a.Config.DeepConfinedZoneOnly || a.Config.Level.OverMPerYear <= 0 {
		t.Fatalf("冠县 rules %+v", a)
	}
	b, err := rules.For([]string{"371500", "371522"}, at)
	must(t, err)
	if b.DeepConfinedZone != nil || len(b.Versions) != 1 {
		t.Fatalf("莘县 rules %+v", b)
	}
}
