package supply

import (
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

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

func TestEmpirical(t *testing.T) {
	pts, err := Empirical([]int{2001, 2002, 2003, 2004}, []float64{300, 100, 400, 200})
	if err != nil {
		t.Fatal(err)
	}
	wantYears := []int{2003, 2001, 2004, 2002}
	for i, p := range pts {
		if p.Year != wantYears[i] || p.Rank != i+1 || !near(p.ExceedancePct, float64(20*(i+1)), 1e-12) {
			t.Errorf("point %d = %+v, want year %d rank %d P %d%%", i, p, wantYears[i], i+1, 20*(i+1))
		}
	}
	tests := []struct {
		name string
		pct  float64
		want float64
	}{
		{"on a plotting position", 40, 300},
		{"between positions", 50, 250},
		{"75% between 60 and 80", 75, 125},
		{"wetter than the first clamps", 5, 400},
		{"drier than the last clamps", 95, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EmpiricalQuantile(pts, tt.pct)
			if err != nil || !near(got, tt.want, 1e-12) {
				t.Errorf("quantile(%v) = %v, %v; want %v", tt.pct, got, err, tt.want)
			}
		})
	}
	t.Run("typical year nearest the design value", func(t *testing.T) {
		if got := TypicalYear(pts, 125); got != 2002 {
			t.Errorf("typical year = %d, want 2002 (100 is nearest 125)", got)
		}
		if got := TypicalYear(pts, 150); got != 2002 {
			t.Errorf("tie between 200 and 100: got %d, want the drier 2002", got)
		}
	})
	t.Run("errors", func(t *testing.T) {
		if _, err := EmpiricalQuantile(pts, 100); !errors.Is(err, ErrBadFrequency) {
			t.Errorf("pct 100: %v", err)
		}
		if _, err := Empirical([]int{1}, []float64{1}); !errors.Is(err, ErrTooFewValues) {
			t.Errorf("one value: %v", err)
		}
	})
}

func TestFrequencyFactor(t *testing.T) {
	tests := []struct {
		name string
		cs   float64
		pct  float64
		want float64
		tol  float64
	}{
		// Normal: Cs = 0.
		{"normal 75%", 0, 75, -0.6745, 1e-4},
		{"normal 5%", 0, 5, 1.6449, 1e-4},
		// Cs = 2 is a shifted exponential: Φ = −ln p − 1 exactly.
		{"cs 2 at 1%", 2, 1, -math.Log(0.01) - 1, 1e-9},
		{"cs 2 at 50%", 2, 50, -math.Log(0.5) - 1, 1e-9},
		{"cs 2 at 95%", 2, 95, -math.Log(0.95) - 1, 1e-9},
		// Printed P-III table (离均系数 Φp), Cs = 1.0 and 0.5, two decimals.
		{"table cs 1 at 1%", 1, 1, 3.02, 0.006},
		{"table cs 1 at 50%", 1, 50, -0.16, 0.006},
		{"table cs 1 at 75%", 1, 75, -0.73, 0.006},
		{"table cs 1 at 95%", 1, 95, -1.32, 0.006},
		{"table cs 0.5 at 10%", 0.5, 10, 1.32, 0.006},
		{"table cs 0.5 at 90%", 0.5, 90, -1.22, 0.006},
		// Negative skew mirrors: Φ(−Cs, p) = −Φ(Cs, 100 − p).
		{"negative skew mirrors", -2, 99, math.Log(0.01) + 1, 1e-9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FrequencyFactor(tt.cs, tt.pct)
			if err != nil || math.Abs(got-tt.want) > tt.tol {
				t.Errorf("Φ(%v, %v%%) = %v, %v; want %v ± %v", tt.cs, tt.pct, got, err, tt.want, tt.tol)
			}
		})
	}
	if _, err := FrequencyFactor(1, 0); !errors.Is(err, ErrBadFrequency) {
		t.Errorf("pct 0: %v", err)
	}
}

func TestFitPearsonIII(t *testing.T) {
	// Mean 4; k−1 = −0.75, −0.5, −0.25, 0, 1.5; Σ(k−1)² = 3.125 → Cv = √(3.125/4);
	// Σ(k−1)³ = 2.8125 → Cs = 5·2.8125/(4·3·Cv³) = 1.2·√2.
	xs := []float64{1, 2, 3, 4, 10}
	cv := math.Sqrt(3.125 / 4)
	tests := []struct {
		name     string
		ratio    float64
		wantCs   float64
		quantile float64 // at 50%
	}{
		{"sample skew", 0, 1.2 * math.Sqrt2, 0},
		{"fixed Cs = 2Cv", 2, 2 * cv, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := FitPearsonIII(xs, tt.ratio)
			if err != nil {
				t.Fatal(err)
			}
			if !near(d.Mean, 4, 1e-12) || !near(d.Cv, cv, 1e-12) || !near(d.Cs, tt.wantCs, 1e-12) {
				t.Errorf("fit = %+v, want mean 4 Cv %v Cs %v", d, cv, tt.wantCs)
			}
			phi, _ := FrequencyFactor(d.Cs, 50)
			if q, _ := d.Quantile(50); !near(q, 4*(1+cv*phi), 1e-12) {
				t.Errorf("median %v, want mean·(1+Cv·Φ)", q)
			}
		})
	}
	if _, err := FitPearsonIII([]float64{5, 5, 5}, 0); !errors.Is(err, ErrNoSpread) {
		t.Errorf("constant series: %v", err)
	}
}

func ptr(v float64) *float64 { return &v }

// handScenario has one region with every source, small enough to check by hand.
func handScenario() *Scenario {
	return &Scenario{
		Name: "hand", Year: 2030, GuaranteePcts: []int{50, 75},
		Series: map[string]Series{
			"runoff": {
				AnnualM3ByYear: map[int]float64{2001: 300e6, 2002: 100e6, 2003: 400e6, 2004: 200e6},
				MonthlyPattern: []float64{0, 0, 0, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0},
				MonthlyShareByYear: map[int][]float64{
					2002: {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0},
				},
			},
			"rain": {
				AnnualMMByYear: map[int]float64{2001: 400, 2002: 500, 2003: 600, 2004: 700},
				MonthlyPattern: []float64{0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0},
			},
		},
		Regions: []Region{{
			Code: "371524", Name: "东阿县",
			YellowRiver: &Transfer{AnnualQuotaM3: 1.2e6, FactorByGuaranteePct: map[int]float64{75: 0.5},
				MonthlyPattern: slices.Repeat([]float64{1.0 / 12}, 12), ConveyanceLossRate: 0.1},
			LocalSurface: &LocalSurface{Series: "runoff", Share: 0.5, UsableFraction: 0.4},
			GroundwaterZones: []GroundwaterZone{
				{Name: "a", Layer: "shallow", AllowableM3: 1e6},
				{Name: "b", Layer: "shallow", AllowableM3: 1e6, CapM3: ptr(4e5), Status: ZoneLimited},
				{Name: "c", Layer: "shallow", AllowableM3: 1e6, Status: ZoneProhibited},
				{Name: "d", Layer: "deep", AllowableM3: 2e5, ConveyanceLossRate: 0.5},
			},
			Reclaimed:  &Reclaimed{TreatedSewageM3: 1e6, ReusableShare: 0.5},
			Stormwater: &Stormwater{Series: "rain", CatchmentKm2: 10, RunoffCoefficient: 0.5, CaptureShare: 0.2},
		}},
	}
}

func TestRunHand(t *testing.T) {
	s := handScenario()
	s.Patterns = map[string][]float64{"ok": {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}} // not a fraction pattern
	if err := s.Validate(); err == nil {
		t.Fatal("a pattern summing to 12 was accepted")
	}
	s.Patterns = nil
	res, err := Run(s)
	if err != nil {
		t.Fatal(err)
	}
	const r = "371524"
	tests := []struct {
		name   string
		source string
		pct    int
		month  int
		want   float64
	}{
		{"yellow river full quota at 50%", sishui.SourceYellowRiver, 50, 0, 1.2e6 * 0.9},
		{"yellow river halved at 75%, per month", sishui.SourceYellowRiver, 75, 3, 0.6e6 / 12 * 0.9},
		// Runoff 75%: between P=60% (200e6) and P=80% (100e6) → 125e6; × 0.5 × 0.4.
		{"local surface 75%", sishui.SourceSurface, 75, 0, 25e6},
		// Typical year 2002 (100e6 nearest 125e6) puts it all in July.
		{"local surface follows the typical year", sishui.SourceSurface, 75, 7, 25e6},
		{"local surface nothing in June of the typical year", sishui.SourceSurface, 75, 6, 0},
		// Runoff 50%: between 300e6 and 200e6 → 250e6; typical year 2004 or 2001 → default pattern.
		{"local surface 50% default pattern", sishui.SourceSurface, 50, 6, 250e6 * 0.2 / 2},
		{"shallow groundwater: cap and prohibited zone", sishui.SourceGroundShallow, 75, 0, 1e6 + 4e5},
		{"deep groundwater after loss", sishui.SourceGroundDeep, 50, 0, 1e5},
		{"reclaimed", sishui.SourceReclaimed, 75, 0, 5e5},
		// Rain 50% between 600 and 500 mm → 550 mm × 10 km² × 1000 × 0.5 × 0.2.
		{"stormwater", sishui.SourceStormwater, 50, 8, 550000},
		{"yangtze absent", sishui.SourceYangtze, 50, 0, 0},
		{"all sources 50%", "", 50, 0, 1.08e6 + 50e6 + 1.4e6 + 1e5 + 5e5 + 550000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := res.NetM3(r, tt.source, tt.pct, tt.month); !near(got, tt.want, 1e-9) {
				t.Errorf("net %s %d%% month %d = %v, want %v", tt.source, tt.pct, tt.month, got, tt.want)
			}
		})
	}
	t.Run("gross before loss", func(t *testing.T) {
		var g float64
		for _, c := range res.Cells {
			if c.Source == sishui.SourceGroundDeep && c.GuaranteePct == 50 {
				g += c.GrossM3
			}
		}
		if !near(g, 2e5, 1e-12) {
			t.Errorf("deep gross = %v, want 2e5", g)
		}
	})
	t.Run("annual map", func(t *testing.T) {
		a := res.Annual(75)
		if !near(a[r][sishui.SourceSurface], 25e6, 1e-9) {
			t.Errorf("annual surface = %v", a[r][sishui.SourceSurface])
		}
	})
}

func TestLiaochengSupply(t *testing.T) {
	s := loadFile(t, "../../data/liaocheng/models/supply.yaml")
	res, err := Run(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Regions) != 8 {
		t.Fatalf("%d regions, want 8", len(res.Regions))
	}
	t.Run("supply never rises with the guarantee rate", func(t *testing.T) {
		for _, r := range res.Regions {
			for _, src := range []string{sishui.SourceYellowRiver, sishui.SourceYangtze, sishui.SourceSurface, sishui.SourceGroundShallow, sishui.SourceReclaimed, sishui.SourceStormwater, ""} {
				a, b, c := res.NetM3(r, src, 50, 0), res.NetM3(r, src, 75, 0), res.NetM3(r, src, 95, 0)
				if a < b-1e-6 || b < c-1e-6 {
					t.Errorf("%s %q: 50/75/95 = %v/%v/%v", r, src, a, b, c)
				}
			}
		}
	})
	t.Run("monthly cells sum to the year", func(t *testing.T) {
		var sum float64
		for m := 1; m <= 12; m++ {
			sum += res.NetM3("", "", 75, m)
		}
		if !near(sum, res.NetM3("", "", 75, 0), 1e-12) {
			t.Errorf("months %v ≠ year %v", sum, res.NetM3("", "", 75, 0))
		}
	})
	t.Run("designs", func(t *testing.T) {
		for _, d := range res.Designs {
			var sum float64
			for _, v := range d.Monthly {
				sum += v
			}
			if !near(sum, 1, 1e-12) || d.AnnualValue <= 0 {
				t.Errorf("%+v: distribution sums to %v", d, sum)
			}
			if d.Series == "precipitation" && d.GuaranteePct == 50 && math.Abs(d.Fit.Mean-560.6) > 0.01 {
				t.Errorf("precipitation mean %v, want the real 560.6 mm", d.Fit.Mean)
			}
			if d.Series == "local_runoff" && d.GuaranteePct == 75 && (d.TypicalYear != 1981 || d.Monthly[6] != 0.4) {
				t.Errorf("runoff 75%%: typical year %d July share %v, want 1981's observed 0.4", d.TypicalYear, d.Monthly[6])
			}
		}
	})
}

func fieldsOf(err error) []string {
	var out []string
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, fieldsOf(e)...)
		}
		return out
	}
	var se *sishui.Error
	if errors.As(err, &se) {
		out = append(out, se.Field)
	}
	return out
}

func TestLoadScenarioErrors(t *testing.T) {
	base, err := os.ReadFile("../../data/liaocheng/models/supply.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		old, new  string
		wantField string // "" means a YAML decode error
	}{
		{"pattern of 11 months", "[0.05, 0.07, 0.15,", "[0.07, 0.15,", "patterns.irrigation_season"},
		{"loss rate of one", "conveyance_loss_rate: 0.15", "conveyance_loss_rate: 1", "regions[0].yellow_river.conveyance_loss_rate"},
		{"unknown series", "series: local_runoff, share: 0.1,", "series: runoff, share: 0.1,", "regions[0].local_surface.series"},
		{"stormwater on a runoff series", "{series: precipitation, catchment_km2: 120", "{series: local_runoff, catchment_km2: 120", "regions[0].stormwater.series"},
		{"bad layer", "layer: deep", "layer: middle", "regions[0].groundwater_zones[1].layer"},
		{"limited zone without cap", "allowable_m3: 10000000, cap_m3: 5000000, status: limited", "allowable_m3: 10000000, status: limited", "regions[0].groundwater_zones[1].cap_m3"},
		{"share above one", "reusable_share: 0.58", "reusable_share: 58", "regions[0].reclaimed.reusable_share"},
		{"bad method", "method: pearson3", "method: gumbel", "series.precipitation.method"},
		{"duplicate guarantee rate", "guarantee_pcts: [50, 75, 95]", "guarantee_pcts: [50, 75, 75]", "guarantee_pcts[2]"},
		{"unknown field", "usable_fraction: 0.35", "usable_share: 0.35", ""},
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
					t.Errorf("want a decode error, got %v", fields)
				}
				return
			}
			if !slices.Contains(fields, tt.wantField) {
				t.Errorf("fields %v, want %q", fields, tt.wantField)
			}
		})
	}
}

func BenchmarkRunLiaocheng(b *testing.B) {
	s := loadFile(b, "../../data/liaocheng/models/supply.yaml")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFrequencyFactor(b *testing.B) {
	for _, cs := range []float64{0.2, 1, 3} {
		b.Run(fmt.Sprint("cs=", cs), func(b *testing.B) {
			for b.Loop() {
				if _, err := FrequencyFactor(cs, 75); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
