package capacity

import (
	"os"
	"testing"

	"github.com/sishui/sishui/internal/forecast"
	"github.com/sishui/sishui/internal/supply"
)

// The chain below joins the forecast and supply demo scenarios of Liaocheng
// (both mostly invented numbers) the way the platform will: demand of 2030
// against the supply at 75 % and the annex's 2030 total-use cap of 20亿 m³,
// split between counties by their 2023 forecast demand (an illustrative
// split: the county caps are not public).

const (
	chainYear      = 2030
	chainPct       = 75
	cityCapM3      = 20e8 // annex indicator 1, 2030
	gdpIntensity30 = 41.3 // annex indicator 2, 2030 (m³ per 万元 GDP)
	forecastFile   = "../forecast/testdata/liaocheng.yaml"
	supplyFile     = "../supply/testdata/liaocheng.yaml"
)

type chain struct {
	loads  []Load
	inputs []CarryInput
	fr     *forecast.Result
}

func runChain(tb testing.TB, fs *forecast.Scenario, ss *supply.Scenario) chain {
	fr, err := forecast.Run(fs)
	if err != nil {
		tb.Fatal(err)
	}
	sr, err := supply.Run(ss)
	if err != nil {
		tb.Fatal(err)
	}
	avail := sr.Annual(chainPct)
	base := fr.Years[0]
	var ch chain
	ch.fr = fr
	for _, r := range fr.Regions {
		capM3 := cityCapM3 * fr.DemandM3(r, forecast.SectorTotal, base) / fr.DemandM3("", forecast.SectorTotal, base)
		use := fr.DemandM3(r, forecast.SectorTotal, chainYear)
		ch.loads = append(ch.loads, Load{Region: r, UseM3: use, UseCapM3: capM3})
		d, _ := fr.DriversOf(r, chainYear)
		pop := d.UrbanPopulation + d.RuralPopulation
		dom := fr.DemandM3(r, forecast.SectorUrbanDomestic, chainYear) + fr.DemandM3(r, forecast.SectorRuralDomestic, chainYear)
		var w float64
		for _, v := range avail[r] {
			w += v
		}
		ch.inputs = append(ch.inputs, CarryInput{
			Region: r, AvailableM3: w, UseCapM3: capM3,
			Current: Current{
				Population: pop, IndustryVA10kCNY: d.IndustryVA10kCNY, GDP10kCNY: d.GDP10kCNY, IrrigatedAreaMu: d.IrrigatedAreaMu,
				OtherDemandM3: fr.DemandM3(r, forecast.SectorLivestock, chainYear) + fr.DemandM3(r, forecast.SectorEcology, chainYear),
			},
			Efficiency: Efficiency{
				DomesticLPerCapitaDay: dom * 1000 / 365 / pop, // network loss already in the forecast's demand
				IndustryM3Per10kCNY:   d.IndustryM3Per10kCNY,
				GDPM3Per10kCNY:        gdpIntensity30,
				IrrigationNetM3PerMu:  fr.DemandM3(r, forecast.SectorIrrigation, chainYear) * d.IrrigationEfficiency / d.IrrigatedAreaMu,
				IrrigationEfficiency:  d.IrrigationEfficiency,
			},
		})
	}
	return ch
}

func loadScenarios(tb testing.TB) (*forecast.Scenario, *supply.Scenario) {
	tb.Helper()
	open := func(name string) *os.File {
		f, err := os.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { f.Close() })
		return f
	}
	fs, err := forecast.LoadScenario(open(forecastFile))
	if err != nil {
		tb.Fatal(err)
	}
	ss, err := supply.LoadScenario(open(supplyFile))
	if err != nil {
		tb.Fatal(err)
	}
	return fs, ss
}

func TestLiaochengChain(t *testing.T) {
	fs, ss := loadScenarios(t)
	ch := runChain(t, fs, ss)
	cfg := DefaultConfig()
	if len(ch.loads) != 8 {
		t.Fatalf("%d counties, want 8", len(ch.loads))
	}
	for i, in := range ch.inputs {
		t.Run(in.Region, func(t *testing.T) {
			a, err := cfg.Assess(ch.loads[i])
			if err != nil {
				t.Fatal(err)
			}
			if a.Overall != cfg.TotalUse.Grade(a.UseRatio) {
				t.Errorf("only W/W₀ is given, yet overall %v ≠ %v", a.Overall, cfg.TotalUse.Grade(a.UseRatio))
			}
			c, err := CarryCapacity(in)
			if err != nil {
				t.Fatal(err)
			}
			// The carry model, fed the forecast's drivers, reproduces its demand.
			if want := ch.fr.DemandM3(in.Region, forecast.SectorTotal, chainYear); !near(c.DemandM3, want, 1e-9) {
				t.Errorf("carry demand %v, forecast %v", c.DemandM3, want)
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
}

// BenchmarkLiaochengChain runs both demo scenarios and grades and carries
// every county.
func BenchmarkLiaochengChain(b *testing.B) {
	fs, ss := loadScenarios(b)
	cfg := DefaultConfig()
	b.ReportAllocs()
	for b.Loop() {
		ch := runChain(b, fs, ss)
		for i := range ch.loads {
			if _, err := cfg.Assess(ch.loads[i]); err != nil {
				b.Fatal(err)
			}
			if _, err := CarryCapacity(ch.inputs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLiaochengCapacity grades and carries the 8 counties from prepared
// inputs: the capacity model alone.
func BenchmarkLiaochengCapacity(b *testing.B) {
	fs, ss := loadScenarios(b)
	ch := runChain(b, fs, ss)
	cfg := DefaultConfig()
	b.ReportAllocs()
	for b.Loop() {
		for i := range ch.loads {
			if _, err := cfg.Assess(ch.loads[i]); err != nil {
				b.Fatal(err)
			}
			if _, err := CarryCapacity(ch.inputs[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
