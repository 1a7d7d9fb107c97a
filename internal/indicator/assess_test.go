package indicator

import (
	"errors"
	"math"
	"testing"
	"time"
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestLinearProjection(t *testing.T) {
	tests := []struct {
		name    string
		ytd     float64
		through Date
		want    float64
	}{
		{"half of 2025", 100, D(2025, 7, 2), 100 * 365.0 / 183},
		{"leap year end of Feb", 60, D(2024, 2, 29), 60 * 366.0 / 60},
		{"year end", 42, D(2025, 12, 31), 42},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Linear{}.Project(tt.ytd, tt.through)
			if err != nil || !near(got, tt.want) {
				t.Fatalf("Project = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	if _, err := (Linear{}).Project(1, D(2025, 2, 30)); !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("bad date: %v", err)
	}
}

func TestSeasonalProjection(t *testing.T) {
	// Spring irrigation: March–May carry 60% of the year.
	prof := Seasonal{Profile: [12]float64{4, 4, 20, 20, 20, 4, 4, 4, 5, 5, 5, 5}}
	tests := []struct {
		name     string
		ytd      float64
		through  Date
		wantFrac float64
	}{
		{"end of May", 68, D(2025, 5, 31), 0.68},
		{"mid April", 38, D(2025, 4, 15), 0.28 + 0.20*15/30},
		{"year end", 100, D(2025, 12, 31), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := prof.Fraction(tt.through)
			if err != nil || !near(f, tt.wantFrac) {
				t.Fatalf("Fraction = %v, %v; want %v", f, err, tt.wantFrac)
			}
			got, err := prof.Project(tt.ytd, tt.through)
			if err != nil || !near(got, tt.ytd/tt.wantFrac) {
				t.Fatalf("Project = %v, %v", got, err)
			}
		})
	}
	errTests := []struct {
		name string
		s    Seasonal
		d    Date
	}{
		{"all zero", Seasonal{}, D(2025, 5, 1)},
		{"negative weight", Seasonal{Profile: [12]float64{-1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}, D(2025, 5, 1)},
		{"nothing expected yet", Seasonal{Profile: [12]float64{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}}, D(2025, 5, 1)},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.s.Project(1, tt.d); !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

// useRollup has 2025 use for 371502 (with zone) and 371522, on 1 Jan..30 Jun:
// each day 100,000 m3 industry surface, 50,000 m3 agriculture groundwater,
// 10,000 m3 reclaimed industry and 2,000 m3 stormwater ecology in 371502.
func useRollup(t *testing.T) *Rollup {
	t.Helper()
	r := NewRollup(testTree(t))
	for d := D(2025, 1, 1); d.Month <= 6; d = next(d) {
		for _, x := range []Record{
			rec("a", "371502", "surface", "industry", d, 100000, Measured),
			rec("b", "371522", "groundwater", "agriculture", d, 50000, Estimated),
			rec("c", "zone:gaoxin", "reclaimed", "industry", d, 10000, Measured),
			rec("d", "371502", "stormwater", "ecology", d, 2000, Entered),
		} {
			if err := r.Add(x); err != nil {
				t.Fatal(err)
			}
		}
	}
	return r
}

func next(d Date) Date {
	return DateOf(time.Date(int(d.Year), d.Month, int(d.Day)+1, 12, 0, 0, 0, beijing))
}

func TestComputeIndicators(t *testing.T) {
	r := useRollup(t)
	const days = 181.0 // 1 Jan .. 30 Jun 2025
	through := D(2025, 6, 30)
	eco := Economy{GDPYTD: 1.5e7, GDPYear: 3e7, IndustrialVAYTD: 5e6, IndustrialVAYear: 1e7}
	lin := func(v float64) float64 { return v * 365 / days }
	tests := []struct {
		name        string
		compute     func() (Measure, error)
		value, proj float64
		method      Method
	}{
		{"total use city", func() (Measure, error) { return ComputeTotalUse(r, "371500", 2025, through, nil) },
			162000 * days / 1e8, lin(162000*days) / 1e8, Computed},
		{"total use county incl zone", func() (Measure, error) { return ComputeTotalUse(r, "371502", 2025, through, Linear{}) },
			112000 * days / 1e8, lin(112000*days) / 1e8, Computed},
		{"unconventional", func() (Measure, error) {
			return ComputeUnconventionalUse(r, "371500", 2025, through, nil, nil)
		}, 12000 * days / 1e8, lin(12000*days) / 1e8, Computed},
		{"unconventional custom sources", func() (Measure, error) {
			return ComputeUnconventionalUse(r, "371500", 2025, through, nil, []string{"reclaimed"})
		}, 10000 * days / 1e8, lin(10000*days) / 1e8, Computed},
		{"water per GDP", func() (Measure, error) { return ComputeWaterPerGDP(r, "371500", 2025, through, nil, eco) },
			162000 * days / 1.5e7, lin(162000*days) / 3e7, Computed},
		{"water per GDP no ytd GDP", func() (Measure, error) {
			e := eco
			e.GDPYTD = 0
			return ComputeWaterPerGDP(r, "371500", 2025, through, nil, e)
		}, lin(162000*days) / 3e7, lin(162000*days) / 3e7, Computed},
		{"water per industrial VA", func() (Measure, error) {
			return ComputeWaterPerIndustrialVA(r, "371500", 2025, through, nil, eco, nil)
		}, 110000 * days / 5e6, lin(110000*days) / 1e7, Computed},
		{"complete year uses actuals", func() (Measure, error) {
			return ComputeWaterPerGDP(r, "371500", 2025, D(2025, 12, 31), nil, eco)
		}, 162000 * days / 3e7, 162000 * days / 3e7, Computed},
		{"leakage", func() (Measure, error) { return ComputeLeakageRate("371500", 2025, through, 1000, 921) }, 7.9, 7.9, Computed},
		{"reuse rate", func() (Measure, error) {
			return ComputeRatePercent(IndustrialReuseRate, "371500", 2025, through, 930, 1000)
		}, 93, 93, Computed},
		{"irrigation entered", func() (Measure, error) { return EnterValue(IrrigationEfficiency, "371500", 2025, through, 0.6391) }, 0.6391, 0.6391, EnteredVal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := tt.compute()
			if err != nil {
				t.Fatal(err)
			}
			if !near(m.Value, tt.value) || !near(m.Projected, tt.proj) || m.Method != tt.method {
				t.Fatalf("got value %v projected %v (%s), want %v %v (%s)", m.Value, m.Projected, m.Method, tt.value, tt.proj, tt.method)
			}
		})
	}
	errTests := []struct {
		name    string
		compute func() (Measure, error)
	}{
		{"through outside year", func() (Measure, error) { return ComputeTotalUse(r, "371500", 2024, through, nil) }},
		{"zero GDP", func() (Measure, error) { return ComputeWaterPerGDP(r, "371500", 2025, through, nil, Economy{}) }},
		{"billed above supplied", func() (Measure, error) { return ComputeLeakageRate("371500", 2025, through, 10, 11) }},
		{"zero denominator", func() (Measure, error) { return ComputeRatePercent(ReclaimedReuseRate, "x", 2025, through, 1, 0) }},
		{"NaN entered", func() (Measure, error) { return EnterValue(WWTPUpgradeRate, "x", 2025, through, math.NaN()) }},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.compute(); !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("err = %v, want ErrInvalidInput", err)
			}
		})
	}
}

func TestAssess(t *testing.T) {
	def := func(id ID) Definition { d, _ := Lookup(id); return d }
	mid, end := D(2025, 6, 30), D(2025, 12, 31)
	m := func(id ID, through Date, value, proj float64) Measure {
		return Measure{ID: id, Year: 2025, Through: through, Value: value, Projected: proj}
	}
	entered := func(id ID, through Date, value float64) Measure {
		return Measure{ID: id, Year: 2025, Through: through, Value: value, Projected: value, Method: EnteredVal}
	}
	projected := func(id ID, through Date, value, proj float64) Measure {
		return Measure{ID: id, Year: 2025, Through: through, Value: value, Projected: proj, Method: Computed, Projection: "linear"}
	}
	tests := []struct {
		name   string
		def    Definition
		m      Measure
		margin float64
		want   Status
		gap    float64
	}{
		// total use 2025 cap 20.1 亿 m3 (ceiling, cumulative)
		{"total use well below", def(TotalUse), m(TotalUse, mid, 8, 16), 0.05, Meets, 16 - 20.1},
		{"total use projected over", def(TotalUse), m(TotalUse, mid, 10.5, 21), 0.05, AtRisk, 21 - 20.1},
		{"total use within margin", def(TotalUse), m(TotalUse, mid, 9.8, 19.5), 0.05, AtRisk, 19.5 - 20.1},
		{"total use margin zero", def(TotalUse), m(TotalUse, mid, 9.8, 19.5), 0, Meets, 19.5 - 20.1},
		{"total use ytd over cap", def(TotalUse), m(TotalUse, D(2025, 11, 30), 20.2, 22), 0.05, Misses, 22 - 20.1},
		{"total use final over", def(TotalUse), m(TotalUse, end, 20.11, 20.11), 0.05, Misses, 20.11 - 20.1},
		{"total use final at cap", def(TotalUse), m(TotalUse, end, 20.1, 20.1), 0.05, Meets, 0},
		// non-conventional use 2025 floor 1.1 (cumulative)
		{"unconventional reached early", def(UnconventionalUse), m(UnconventionalUse, mid, 1.15, 2.3), 0.05, Meets, 1.1 - 2.3},
		{"unconventional projected short", def(UnconventionalUse), m(UnconventionalUse, mid, 0.5, 1.0), 0.05, AtRisk, 0.1},
		{"unconventional final short", def(UnconventionalUse), m(UnconventionalUse, end, 1.0, 1.0), 0.05, Misses, 0.1},
		// a cumulative indicator entered (no meters) is final
		{"total use entered under", def(TotalUse), entered(TotalUse, mid, 19.5), 0.05, Meets, 19.5 - 20.1},
		{"total use entered over", def(TotalUse), entered(TotalUse, mid, 20.2), 0.05, Misses, 20.2 - 20.1},
		{"unconventional entered short", def(UnconventionalUse), entered(UnconventionalUse, mid, 1.09), 0.05, Misses, 1.1 - 1.09},
		// leakage 2025 ceiling 7.9 %: a rate from the statistics is final mid-year
		{"leakage under", def(NetworkLeakageRate), m(NetworkLeakageRate, mid, 7.0, 7.0), 0.05, Meets, 7.0 - 7.9},
		{"leakage just under is not at risk", def(NetworkLeakageRate), m(NetworkLeakageRate, mid, 7.8, 7.8), 0.05, Meets, 7.8 - 7.9},
		{"leakage at target meets", def(NetworkLeakageRate), m(NetworkLeakageRate, mid, 7.9, 7.9), 0.05, Meets, 0},
		{"leakage over mid-year misses", def(NetworkLeakageRate), m(NetworkLeakageRate, mid, 8.2, 8.2), 0.05, Misses, 8.2 - 7.9},
		{"leakage entered over misses", def(NetworkLeakageRate), entered(NetworkLeakageRate, mid, 8.2), 0.05, Misses, 8.2 - 7.9},
		// intensities 2025: water per GDP ceiling 52.1, projected from the meters (no margin)
		{"per GDP projected just under", def(WaterPerGDP), projected(WaterPerGDP, mid, 25, 51), 0.05, Meets, 51 - 52.1},
		{"per GDP projected over", def(WaterPerGDP), projected(WaterPerGDP, mid, 27, 53), 0.05, AtRisk, 53 - 52.1},
		{"per GDP final over", def(WaterPerGDP), projected(WaterPerGDP, end, 53, 53), 0.05, Misses, 53 - 52.1},
		// irrigation coefficient floor 0.6386
		{"irrigation final short", def(IrrigationEfficiency), m(IrrigationEfficiency, end, 0.6380, 0.6380), 0.01, Misses, 0.6386 - 0.6380},
		{"irrigation final above", def(IrrigationEfficiency), m(IrrigationEfficiency, end, 0.64, 0.64), 0.01, Meets, 0.6386 - 0.64},
		// reclaimed reuse floor 55 %
		{"reclaimed near floor meets", def(ReclaimedReuseRate), m(ReclaimedReuseRate, mid, 56, 56), 0.05, Meets, -1},
		{"reclaimed at floor meets", def(ReclaimedReuseRate), entered(ReclaimedReuseRate, mid, 55), 0.05, Meets, 0},
		{"reclaimed under floor misses", def(ReclaimedReuseRate), entered(ReclaimedReuseRate, mid, 54.9), 0.05, Misses, 55 - 54.9},
		{"reclaimed well above", def(ReclaimedReuseRate), m(ReclaimedReuseRate, mid, 60, 60), 0.05, Meets, -5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Assess(tt.def, tt.m, tt.margin)
			if err != nil {
				t.Fatal(err)
			}
			if a.Status != tt.want || !near(a.Gap, tt.gap) {
				t.Fatalf("status %s gap %v, want %s %v", a.Status, a.Gap, tt.want, tt.gap)
			}
		})
	}
	errTests := []struct {
		name string
		def  Definition
		m    Measure
		want error
	}{
		{"no target 2028", def(TotalUse), Measure{ID: TotalUse, Year: 2028, Through: D(2028, 1, 1)}, ErrNoTarget},
		{"wrong definition", def(TotalUse), m(WaterPerGDP, mid, 1, 1), ErrInvalidInput},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Assess(tt.def, tt.m, 0.05); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestAssessFromAccounting runs the whole chain: records → rollup → measure → status.
func TestAssessFromAccounting(t *testing.T) {
	r := useRollup(t)
	d, _ := Lookup(TotalUse)
	d.Targets = []Target{{2025, 0.58}} // a county-size cap: 162,000 m3/day × 365 = 0.5913 亿 m3
	m, err := ComputeTotalUse(r, "371500", 2025, D(2025, 6, 30), nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Assess(d, m, 0.02)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != AtRisk || m.Projection != "linear" {
		t.Fatalf("status %s (%s), projected %v", a.Status, m.Projection, m.Projected)
	}
}

func TestProfileFrom(t *testing.T) {
	r := NewRollup(nil)
	// 2024: 100 m3 a day in January, nothing else but 300 m3 on 1 July.
	for d := 1; d <= 31; d++ {
		if err := r.Add(rec("p", "R", "s", "x", D(2024, 1, d), 100, Measured)); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Add(rec("p", "R", "s", "x", D(2024, 7, 1), 300, Measured)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		year    int
		through Date
		frac    float64
		wantErr bool
	}{
		{"end of January", 2024, D(2025, 1, 31), 3100.0 / 3400, false},
		{"end of June", 2024, D(2025, 6, 30), 3100.0 / 3400, false},
		{"no data year", 2023, D(2025, 1, 31), 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ProfileFrom(r, tt.year, Filter{Region: "R"})
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err != nil {
				return
			}
			if f, err := s.Fraction(tt.through); err != nil || !near(f, tt.frac) {
				t.Fatalf("Fraction = %v, %v; want %v", f, err, tt.frac)
			}
		})
	}
}
