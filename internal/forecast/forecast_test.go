package forecast

import (
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/sishui/sishui"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

func loadFile(t testing.TB, name string) *Scenario {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := LoadScenario(f)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return s
}

func TestPathAt(t *testing.T) {
	annex := Path{Values: map[int]float64{2023: 20.3, 2027: 14.9, 2030: 14.1}, GrowthPerYear: -0.1}
	tests := []struct {
		name string
		p    Path
		year int
		want float64
	}{
		{"empty is zero", Path{}, 2025, 0},
		{"constant", Const(7), 2040, 7},
		{"given year", annex, 2027, 14.9},
		{"before first holds", annex, 2010, 20.3},
		{"interpolates", annex, 2028, 14.9 + (14.1-14.9)/3},
		{"interpolates first span", annex, 2025, 20.3 + (14.9-20.3)/2},
		{"compound growth after last", annex, 2032, 14.1 * 0.9 * 0.9},
		{"last year no growth", annex, 2030, 14.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.At(tt.year); !near(got, tt.want, 1e-12) {
				t.Errorf("At(%d) = %v, want %v", tt.year, got, tt.want)
			}
		})
	}
}

func TestPathYAML(t *testing.T) {
	tests := []struct {
		name string
		src  string
		year int
		want float64
	}{
		{"scalar", "x: 0.64", 2031, 0.64},
		{"mapping", "x: {values: {2023: 10, 2025: 20}, growth_per_year: 0.5}", 2024, 15},
		{"mapping growth", "x: {values: {2023: 10, 2025: 20}, growth_per_year: 0.5}", 2026, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct{ X Path }
			if err := yaml.Unmarshal([]byte(tt.src), &v); err != nil {
				t.Fatal(err)
			}
			if got := v.X.At(tt.year); !near(got, tt.want, 1e-12) {
				t.Errorf("At(%d) = %v, want %v", tt.year, got, tt.want)
			}
		})
	}
}

func TestFitTrend(t *testing.T) {
	years := []int{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023}
	line := make([]float64, len(years))
	growth := make([]float64, len(years))
	noisy := make([]float64, len(years))
	for i, y := range years {
		line[i] = 1000 + 37.5*float64(y-2015)
		growth[i] = 5e7 * math.Pow(1.04, float64(y-2015))
		noisy[i] = line[i] + []float64{3, -3}[i%2]
	}
	tests := []struct {
		name      string
		kind      TrendKind
		ys        []float64
		at        float64
		want      float64
		wantSlope float64 // per year, in fitted space
		wantR2    float64
	}{
		{"linear recovers a known line", TrendLinear, line, 2030, 1000 + 37.5*15, 37.5, 1},
		{"default kind is linear", "", line, 2015, 1000, 37.5, 1},
		{"log-linear recovers constant growth", TrendLogLinear, growth, 2035, 5e7 * math.Pow(1.04, 20), math.Log(1.04), 1},
		{"symmetric noise moves only the level", TrendLinear, noisy, 2019, 1150 + 3.0/9, 37.5, 0.99},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := FitTrend(tt.kind, years, tt.ys)
			if err != nil {
				t.Fatal(err)
			}
			if got := l.At(tt.at); !near(got, tt.want, 1e-2) {
				t.Errorf("At(%v) = %v, want %v", tt.at, got, tt.want)
			}
			if !near(l.Slope, tt.wantSlope, 1e-2) {
				t.Errorf("slope = %v, want %v", l.Slope, tt.wantSlope)
			}
			if l.R2 < tt.wantR2-1e-9 || l.R2 > 1+1e-9 {
				t.Errorf("R2 = %v, want ≥ %v", l.R2, tt.wantR2)
			}
		})
	}
}

func TestFitTrendErrors(t *testing.T) {
	tests := []struct {
		name  string
		kind  TrendKind
		years []int
		vals  []float64
		want  error
	}{
		{"one point", TrendLinear, []int{2020}, []float64{1}, ErrTooFewPoints},
		{"same year", TrendLinear, []int{2020, 2020, 2020}, []float64{1, 2, 3}, ErrDegenerate},
		{"log of zero", TrendLogLinear, []int{2020, 2021}, []float64{0, 2}, ErrNonPositive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FitTrend(tt.kind, tt.years, tt.vals)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

// oneRegion is a scenario small enough to check by hand.
func oneRegion() *Scenario {
	return &Scenario{
		Name: "hand", BaseYear: 2023, Years: []int{2023, 2024}, IrrigationGuaranteePct: 75,
		Quotas: Quotas{
			UrbanDomesticLPerCapitaDay: Const(100),
			RuralDomesticLPerCapitaDay: Const(50),
			UrbanNetworkLossRate:       Const(0.2),
			IndustryM3Per10kCNY:        Path{Values: map[int]float64{2023: 20, 2024: 10}},
			IrrigationEfficiency:       Const(0.5),
			Crops: map[string]CropQuota{
				"wheat":  {NetM3PerMuByGuaranteePct: map[int]float64{50: 80, 75: 100, 95: 150}},
				"cotton": {NetM3PerMuByGuaranteePct: map[int]float64{75: 60}},
			},
			LivestockLPerHeadDay: map[string]float64{"large": 40, "small": 10},
			UrbanGreenM3PerMu:    Const(300),
		},
		Regions: []Region{{
			Code: "371502", Name: "东昌府区",
			Population10k:    Const(1), // 10,000 people
			UrbanisationRate: Const(0.6),
			IndustryVA10kCNY: Path{Values: map[int]float64{2023: 1000}, GrowthPerYear: 0.1},
			GDP10kCNY:        Const(10000),
			IrrigatedAreaMu:  map[string]Path{"wheat": Const(1000), "cotton": Const(500)},
			LivestockHead:    map[string]Path{"large": Const(100), "small": Const(1000)},
			UrbanGreenAreaMu: Const(10),
			RiverReplenishM3: Const(5000),
			HistoryM3BySector: map[Sector]map[int]float64{
				SectorIndustry: {2020: 10000, 2021: 12000, 2022: 14000},
			},
		}},
	}
}

func TestQuotaFormulas(t *testing.T) {
	res, err := Run(oneRegion())
	if err != nil {
		t.Fatal(err)
	}
	const r = "371502"
	tests := []struct {
		name   string
		sector Sector
		year   int
		want   float64
	}{
		// 6000 people × 100 L × 365 / 1000 / (1 − 0.2)
		{"urban domestic grossed up for leakage", SectorUrbanDomestic, 2023, 6000 * 100 * 365 / 1000.0 / 0.8},
		// 4000 × 50 × 365 / 1000
		{"rural domestic", SectorRuralDomestic, 2023, 73000},
		{"industry base year", SectorIndustry, 2023, 1000 * 20},
		{"industry grows while intensity falls", SectorIndustry, 2024, 1100 * 10},
		// (1000·100 + 500·60) / 0.5
		{"irrigation at design 75%", SectorIrrigation, 2023, 260000},
		// (100·40 + 1000·10) × 365 / 1000
		{"livestock", SectorLivestock, 2023, 5110},
		{"ecology green plus river", SectorEcology, 2023, 10*300 + 5000},
		{"total", SectorTotal, 2023, 273750 + 73000 + 20000 + 260000 + 5110 + 8000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := res.DemandM3(r, tt.sector, tt.year); !near(got, tt.want, 1e-12) {
				t.Errorf("%s %d = %v, want %v", tt.sector, tt.year, got, tt.want)
			}
			if got := res.DemandM3("", tt.sector, tt.year); !near(got, tt.want, 1e-12) {
				t.Errorf("city %s %d = %v, want %v (one region)", tt.sector, tt.year, got, tt.want)
			}
		})
	}
	t.Run("variants by guarantee rate", func(t *testing.T) {
		want := map[int]float64{50: 1000 * 80 / 0.5, 75: 260000, 95: 1000 * 150 / 0.5} // cotton has only a 75% quota
		var got = map[int]float64{}
		for _, v := range res.Variants {
			if v.Year == 2023 {
				got[v.GuaranteePct] = v.IrrigationM3
			}
		}
		for p, w := range want {
			if !near(got[p], w, 1e-12) {
				t.Errorf("%d%% = %v, want %v", p, got[p], w)
			}
		}
	})
	t.Run("intensities", func(t *testing.T) {
		if got := res.IndustryIntensity("", 2024); !near(got, 10, 1e-12) {
			t.Errorf("industry intensity = %v, want 10", got)
		}
		if got, want := res.GDPIntensity(r, 2023), 639860.0/10000; !near(got, want, 1e-12) {
			t.Errorf("GDP intensity = %v, want %v", got, want)
		}
	})
	t.Run("trend comparison", func(t *testing.T) {
		// history 10000, 12000, 14000 in 2020–22: trend 16000 in 2023, 18000 in 2024.
		want := map[int][2]float64{2023: {20000, 16000}, 2024: {11000, 18000}}
		n := 0
		for _, c := range res.Comparisons {
			if c.Sector != SectorIndustry {
				t.Errorf("unexpected comparison for %s", c.Sector)
				continue
			}
			n++
			w := want[c.Year]
			if !near(c.QuotaM3, w[0], 1e-9) || !near(c.TrendM3, w[1], 1e-9) || !near(c.RelDiff, (w[0]-w[1])/w[1], 1e-9) {
				t.Errorf("%d: got %+v, want quota %v trend %v", c.Year, c, w[0], w[1])
			}
		}
		if n != 2 {
			t.Errorf("%d comparisons, want 2", n)
		}
	})
}

func TestAnnexTrajectory(t *testing.T) {
	s := loadFile(t, "../../data/liaocheng/models/forecast.yaml")
	s.Years = []int{2023, 2024, 2025, 2026, 2027, 2030}
	res, err := Run(s)
	if err != nil {
		t.Fatal(err)
	}
	// DOMAIN.md §0.6 annex, indicators 3 and 4.
	industry := map[int]float64{2023: 20.3, 2024: 16, 2025: 15.7, 2026: 15.4, 2027: 14.9, 2030: 14.1}
	eta := map[int]float64{2023: 0.6374, 2024: 0.6380, 2025: 0.6386, 2026: 0.6393, 2027: 0.64, 2030: 0.642}
	for _, y := range s.Years {
		t.Run(fmt.Sprint("industry intensity ", y), func(t *testing.T) {
			if got := res.IndustryIntensity("", y); !near(got, industry[y], 1e-9) {
				t.Errorf("%d: city m³/万元 industrial VA = %v, want annex %v", y, got, industry[y])
			}
		})
		t.Run(fmt.Sprint("irrigation coefficient ", y), func(t *testing.T) {
			d, ok := res.DriversOf("371524", y)
			if !ok || !near(d.IrrigationEfficiency, eta[y], 1e-12) {
				t.Errorf("%d: η = %v, want annex %v", y, d.IrrigationEfficiency, eta[y])
			}
			// Gross irrigation × η must give back the net requirement.
			net := 0.0
			for _, c := range sortedKeys(s.Regions[7].IrrigatedAreaMu) {
				net += s.Regions[7].IrrigatedAreaMu[c].At(y) * s.Quotas.Crops[c].NetM3PerMuByGuaranteePct[75]
			}
			if got := res.DemandM3("371524", SectorIrrigation, y) * eta[y]; !near(got, net, 1e-9) {
				t.Errorf("%d: gross·η = %v, want net %v", y, got, net)
			}
		})
	}
}

func TestLiaochengScenario(t *testing.T) {
	s := loadFile(t, "../../data/liaocheng/models/forecast.yaml")
	res, err := Run(s)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("eight counties with their 2023 population", func(t *testing.T) {
		want := map[string]float64{"371502": 148, "371522": 91.22, "371581": 78, "371525": 70, "371521": 68.87, "371503": 51, "371526": 44.82, "371524": 34}
		if len(res.Regions) != 8 {
			t.Fatalf("%d regions, want 8", len(res.Regions))
		}
		for code, p := range want {
			d, ok := res.DriversOf(code, 2023)
			if !ok || !near(d.UrbanPopulation+d.RuralPopulation, p*1e4, 1e-12) {
				t.Errorf("%s: population %v, want %v万", code, d.UrbanPopulation+d.RuralPopulation, p)
			}
		}
	})
	t.Run("every cell present and years to 2035", func(t *testing.T) {
		if got, want := len(res.Cells), 8*len(Sectors())*5; got != want {
			t.Errorf("%d cells, want %d", got, want)
		}
		if !slices.Equal(res.Years, []int{2023, 2025, 2027, 2030, 2035}) {
			t.Errorf("years %v", res.Years)
		}
		if res.DemandM3("", SectorIndustry, 2035) <= 0 {
			t.Error("no industry demand in 2035")
		}
	})
	t.Run("irrigation variants ordered by guarantee rate", func(t *testing.T) {
		by := map[[2]int]map[string]float64{}
		for _, v := range res.Variants {
			k := [2]int{v.Year, v.GuaranteePct}
			if by[k] == nil {
				by[k] = map[string]float64{}
			}
			by[k][v.Region] = v.IrrigationM3
		}
		for _, y := range res.Years {
			for _, r := range res.Regions {
				a, b, c := by[[2]int{y, 50}][r], by[[2]int{y, 75}][r], by[[2]int{y, 95}][r]
				if !(a < b && b < c) {
					t.Errorf("%s %d: 50/75/95 = %v/%v/%v not increasing", r, y, a, b, c)
				}
				if !near(b, res.DemandM3(r, SectorIrrigation, y), 1e-12) {
					t.Errorf("%s %d: 75%% variant %v differs from the forecast", r, y, b)
				}
			}
		}
	})
	t.Run("trend comparison for every county", func(t *testing.T) {
		seen := map[string]bool{}
		for _, c := range res.Comparisons {
			seen[c.Region] = true
			if math.IsNaN(c.RelDiff) {
				t.Errorf("%+v: NaN relative difference", c)
			}
		}
		if len(seen) != 8 {
			t.Errorf("comparisons for %d regions, want 8", len(seen))
		}
	})
}

func fieldsOf(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var se *sishui.Error
		if errors.As(e, &se) {
			out = append(out, se.Field)
		}
	}
	walk(err)
	return out
}

func TestLoadScenarioErrors(t *testing.T) {
	base, err := os.ReadFile("../../data/liaocheng/models/forecast.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		old, new  string
		wantField string // "" means a YAML decode error
	}{
		{"guarantee rate", "irrigation_guarantee_pct: 75", "irrigation_guarantee_pct: 80", "irrigation_guarantee_pct"},
		{"year before base", "years: [2023,", "years: [2020,", "years[0]"},
		{"unknown quota field", "irrigation_efficiency:  #", "irrigation_efficiency: 0.6\n  x_irrigation_efficiency:  #", ""},
		{"efficiency out of range", "0.6374, 2024", "1.6374, 2024", "quotas.irrigation_efficiency"},
		{"negative urbanisation", "2023: 0.78,", "2023: -0.78,", "regions[0].urbanisation_rate"},
		{"unknown crop", "      orchards: 30000\n", "      orchards: 30000\n      rice: 10\n", "regions[0].irrigated_area_mu.rice"},
		{"duplicate region", `code: "371522"`, `code: "371502"`, "regions[1].code"},
		{"missing population", "population_10k: {values: {2023: 148}, growth_per_year: -0.002}", "", "regions[0].population_10k"},
		{"unknown history sector", "    history_m3:  # invented\n      industry:", "    history_m3:  # invented\n      mining:", "regions[0].history_m3.mining"},
		{"unknown trend kind", "kind: linear", "kind: cubic", "trend.kind"},
		{"misspelt field", "base_year: 2023", "baseyear: 2023", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(string(base), tt.old, tt.new, 1)
			if src == string(base) {
				t.Fatalf("replacement %q not found", tt.old)
			}
			_, err := LoadScenario(strings.NewReader(src))
			if err == nil {
				t.Fatal("no error")
			}
			fields := fieldsOf(err)
			if tt.wantField == "" {
				if len(fields) != 0 {
					t.Errorf("want a decode error, got field errors %v", fields)
				}
				return
			}
			if !slices.Contains(fields, tt.wantField) {
				t.Errorf("fields %v, want %q (err %v)", fields, tt.wantField, err)
			}
			if sishui.ErrorCode(err) != sishui.EINVALID {
				t.Errorf("code %q, want invalid", sishui.ErrorCode(err))
			}
		})
	}
}

func TestRunRejectsBadValues(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Scenario)
	}{
		{"nil-safe validation", func(s *Scenario) { s.Regions = nil }},
		{"urbanisation grows past one", func(s *Scenario) {
			s.Regions[0].UrbanisationRate = Path{Values: map[int]float64{2023: 0.99}, GrowthPerYear: 0.05}
		}},
		{"log-linear history with a zero", func(s *Scenario) {
			s.Trend.Kind = TrendLogLinear
			s.Regions[0].HistoryM3BySector[SectorIndustry][2019] = 0
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := oneRegion()
			tt.mutate(s)
			if _, err := Run(s); err == nil {
				t.Error("Run accepted the scenario")
			}
		})
	}
}

func BenchmarkRunLiaocheng(b *testing.B) {
	s := loadFile(b, "../../data/liaocheng/models/forecast.yaml")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadAndRunLiaocheng(b *testing.B) {
	src, err := os.ReadFile("../../data/liaocheng/models/forecast.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := LoadScenario(strings.NewReader(string(src)))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Run(s); err != nil {
			b.Fatal(err)
		}
	}
}
