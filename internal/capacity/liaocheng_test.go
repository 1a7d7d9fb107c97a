package capacity

import (
	"os"
	"testing"

	"github.com/sishui/sishui/internal/forecast"
	"github.com/sishui/sishui/internal/supply"
)

// The Liaocheng demo scenarios (mostly invented numbers, see their headers):
// demand of 2030 against the supply at 75 % and the annex's 2030 total-use cap
// of 20亿 m³, split between counties by their base-year forecast demand.
const (
	forecastFile = "../../data/liaocheng/models/forecast.yaml"
	supplyFile   = "../../data/liaocheng/models/supply.yaml"
	capacityFile = "../../data/liaocheng/models/capacity.yaml"
)

func open(tb testing.TB, name string) *os.File {
	tb.Helper()
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

func loadScenarios(tb testing.TB) (*Scenario, *forecast.Scenario, *supply.Scenario) {
	tb.Helper()
	cs, err := LoadScenario(open(tb, capacityFile))
	if err != nil {
		tb.Fatal(err)
	}
	fs, err := forecast.LoadScenario(open(tb, forecastFile))
	if err != nil {
		tb.Fatal(err)
	}
	ss, err := supply.LoadScenario(open(tb, supplyFile))
	if err != nil {
		tb.Fatal(err)
	}
	return cs, fs, ss
}

// runResults runs the forecast and supply models.
func runResults(tb testing.TB, fs *forecast.Scenario, ss *supply.Scenario) (*forecast.Result, *supply.Result) {
	tb.Helper()
	fr, err := forecast.Run(fs)
	if err != nil {
		tb.Fatal(err)
	}
	sr, err := supply.Run(ss)
	if err != nil {
		tb.Fatal(err)
	}
	return fr, sr
}

func TestLiaochengChain(t *testing.T) {
	cs, fs, ss := loadScenarios(t)
	fr, sr := runResults(t, fs, ss)
	res, err := FromResults(cs, fr, sr)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Regions) != 8 {
		t.Fatalf("%d counties, want 8", len(res.Regions))
	}
	var capSum float64
	for _, rr := range res.Regions {
		capSum += rr.Load.UseCapM3
		t.Run(rr.Region, func(t *testing.T) {
			a, c, in := rr.Assessment, rr.Carry, rr.Input
			if a.Overall != cs.Bands.TotalUse.Grade(a.UseRatio) {
				t.Errorf("only W/W₀ is given, yet overall %v ≠ %v", a.Overall, cs.Bands.TotalUse.Grade(a.UseRatio))
			}
			// The carry model, fed the forecast's drivers, reproduces its demand.
			if want := fr.DemandM3(rr.Region, forecast.SectorTotal, cs.Year); !near(c.DemandM3, want, 1e-9) || !near(rr.Load.UseM3, want, 1e-12) {
				t.Errorf("carry demand %v, load %v, forecast %v", c.DemandM3, rr.Load.UseM3, want)
			}
			var avail float64
			for _, v := range sr.Annual(cs.GuaranteePct)[rr.Region] {
				avail += v
			}
			if !near(in.AvailableM3, avail, 1e-12) {
				t.Errorf("available %v, supply at %d%% %v", in.AvailableM3, cs.GuaranteePct, avail)
			}
			// At the maximum population the water is used up exactly.
			if c.PopulationBinding != BindFixedDemands {
				perCapita := in.Efficiency.DomesticLPerCapitaDay * 365 / 1000
				if used := c.MaxPopulation*perCapita + c.DemandM3 - c.DomesticM3; !near(used, c.WaterM3, 1e-9) {
					t.Errorf("at max population the use is %v, water %v", used, c.WaterM3)
				}
			}
			// Surplus and headroom agree in sign.
			if (c.SurplusM3 >= 0) != (c.MaxPopulation >= in.Current.Population) {
				t.Errorf("surplus %v but max population %v vs current %v", c.SurplusM3, c.MaxPopulation, in.Current.Population)
			}
		})
	}
	if !near(capSum, cs.CityUseCapM3, 1e-12) {
		t.Errorf("county caps sum to %v, want the city cap %v", capSum, cs.CityUseCapM3)
	}
	var graded int
	for _, n := range res.Overall {
		graded += n
	}
	if graded != 8 {
		t.Errorf("overall counts %v, want 8 regions", res.Overall)
	}
}

// BenchmarkLiaochengChain runs both demo scenarios and grades and carries
// every county.
func BenchmarkLiaochengChain(b *testing.B) {
	cs, fs, ss := loadScenarios(b)
	b.ReportAllocs()
	for b.Loop() {
		fr, sr := runResults(b, fs, ss)
		if _, err := FromResults(cs, fr, sr); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLiaochengCapacity grades and carries the 8 counties from the
// forecast and supply results: the capacity model alone.
func BenchmarkLiaochengCapacity(b *testing.B) {
	cs, fs, ss := loadScenarios(b)
	fr, sr := runResults(b, fs, ss)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FromResults(cs, fr, sr); err != nil {
			b.Fatal(err)
		}
	}
}
