package dispatch

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/forecast"
)

// TestForecastDemand: the dispatch's per-day demands are the forecast model's
// demand for the same inputs — over a year a work's days add up to its
// baseline × F(year)/F(baseline year), with F from forecast.Run here — spread
// by the month weights; works the forecast does not cover keep the fallback;
// the plan on them is optimal and passes both verifiers.
func TestForecastDemand(t *testing.T) {
	sc, err := demoForecast()
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Works        []*sishui.Work        `json:"works"`
		Links        []*sishui.WorkLink    `json:"links"`
		Measurements []*sishui.Measurement `json:"measurements"`
	}
	readYAML(t, "works.yaml", &wf)
	base := Baselines(wf.Works, wf.Measurements)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	byDay, basis, err := ForecastDemand(sc, wf.Works, base, start, 365)
	if err != nil {
		t.Fatal(err)
	}
	// The forecast run by hand for 2023 (base), 2025 (the measurements' year) and 2026.
	run := *sc
	run.Years = []int{2023, 2025, 2026}
	res, err := forecast.Run(&run)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, w := range wf.Works {
		xs, ok := byDay[w.Code]
		if !ok {
			continue
		}
		kinds[w.Kind]++
		var sectors []forecast.Sector
		switch w.Kind {
		case sishui.WorkDistrict:
			sectors = []forecast.Sector{forecast.SectorIrrigation}
		case sishui.WorkWaterWorks:
			sectors = []forecast.Sector{forecast.SectorUrbanDomestic, forecast.SectorRuralDomestic}
		case sishui.WorkChemPark:
			sectors = []forecast.Sector{forecast.SectorIndustry}
		default:
			t.Fatalf("%s: a %s has a forecast demand", w.Code, w.Kind)
		}
		F := func(y int) float64 {
			var v float64
			for _, s := range sectors {
				v += res.DemandM3(w.Region, s, y)
			}
			return v
		}
		b := base[w.Code]
		y0 := max(b.Year, 2023)
		want := b.M3 * F(2026) / F(y0)
		var got float64
		for _, x := range xs {
			got += x
		}
		if math.Abs(got-want) > 1 || F(2026) == F(y0) {
			t.Errorf("%s: the year's forecast demand %v, want %v (F %v → %v)", w.Code, got, want, F(y0), F(2026))
		}
		// 15 April over 15 January is the ratio of the month weights.
		if r, wr := xs[104]/xs[14], MonthWeights[w.Kind][3]/MonthWeights[w.Kind][0]; math.Abs(r-wr) > 1e-3*wr {
			t.Errorf("%s: April/January %v, want %v", w.Code, r, wr)
		}
		if !strings.HasPrefix(basis[w.Code], "forecast "+sc.Name) {
			t.Errorf("%s: basis %q", w.Code, basis[w.Code])
		}
	}
	if kinds[sishui.WorkDistrict] == 0 || kinds[sishui.WorkWaterWorks] == 0 {
		t.Fatalf("forecast demands by kind %v", kinds)
	}
	// Laid over the fallback and solved over 30 days from 1 April.
	live := Live{
		LevelM:      map[string]float64{"res_demo_dongchangfu": 31.5},
		FlowM3s:     map[string]float64{"yellow_river": 150, "river_tuhai": 1.0, "gate_tuhai_demo": 3.0},
		DemandM3Day: BaselineDemand(wf.Works, wf.Measurements),
		baselines:   base,
	}
	april := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	if err := live.UseForecast(sc, wf.Works, april, 30); err != nil {
		t.Fatal(err)
	}
	var secs []*sishui.Section
	readYAML(t, "sections.yaml", &secs)
	p, _ := FromWorks(wf.Works, wf.Links, secs, live, april, StepXun, 3)
	covered := 0
	for _, n := range p.Nodes {
		xs, ok := live.DemandM3ByDay[n.Code]
		if !ok {
			continue
		}
		covered++
		// The first 旬 (1–10 April) is the sum of its days.
		var want float64
		for _, x := range xs[:10] {
			want += x
		}
		if math.Abs(n.DemandM3[0]-want) > 1e-2 || n.Priority == 0 {
			t.Errorf("%s: first 旬 demand %v, want %v", n.Code, n.DemandM3[0], want)
		}
	}
	if covered == 0 {
		t.Fatal("no node has a forecast demand")
	}
	pl, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(p, pl, 1e-2); err != nil { // its own verifier and allocate.Verify
		t.Fatal(err)
	}
	// A work outside the forecast's counties keeps its fallback.
	odd := &sishui.Work{Code: "ww_elsewhere", Kind: sishui.WorkWaterWorks, Region: "370102", Status: sishui.WorkInService, CapacityM3Day: 1000}
	extra, _, err := ForecastDemand(sc, append(wf.Works, odd), Baselines([]*sishui.Work{odd}, nil), start, 3)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := extra[odd.Code]; ok {
		t.Fatal("a work outside the forecast got a forecast demand")
	}
}
