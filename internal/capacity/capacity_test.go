package capacity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

func TestBandsGrade(t *testing.T) {
	d := DefaultConfig()
	tests := []struct {
		name  string
		ratio float64
		want  Grade
	}{
		{"well below", 0.5, NotOverloaded},
		{"just below critical", 0.8999, NotOverloaded},
		{"critical edge inclusive", 0.9, Critical},
		{"critical", 0.95, Critical},
		{"at the cap is over", 1.0, Overloaded},
		{"just below severe", 1.1999, Overloaded},
		{"severe edge inclusive", 1.2, SeverelyOverloaded},
		{"far over", 3, SeverelyOverloaded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.TotalUse.Grade(tt.ratio); got != tt.want {
				t.Errorf("Grade(%v) = %v, want %v", tt.ratio, got, tt.want)
			}
		})
	}
}

func TestQualityAndLevelBands(t *testing.T) {
	q := DefaultConfig().Quality
	lv := LevelBands{CriticalMPerYear: 0.2, OverMPerYear: 0.5, SevereMPerYear: 1}
	tests := []struct {
		name string
		got  Grade
		want Grade
	}{
		{"quality 0.4 is severe (inclusive)", q.Grade(0.4), SeverelyOverloaded},
		{"quality 0.41 is over", q.Grade(0.41), Overloaded},
		{"quality 0.8 is over (inclusive)", q.Grade(0.8), Overloaded},
		{"quality 0.9 is critical (inclusive)", q.Grade(0.9), Critical},
		{"quality 0.91 is fine", q.Grade(0.91), NotOverloaded},
		{"level rising is fine", lv.Grade(-0.3), NotOverloaded},
		{"level 0.2 m/yr critical", lv.Grade(0.2), Critical},
		{"level 0.7 m/yr over", lv.Grade(0.7), Overloaded},
		{"level 1 m/yr severe", lv.Grade(1), SeverelyOverloaded},
		{"level rule off by default", DefaultConfig().Level.Grade(5), NotOverloaded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestGradeNames(t *testing.T) {
	tests := []struct {
		g          Grade
		name, code string
	}{
		{NotOverloaded, "不超载", "not_overloaded"},
		{Critical, "临界超载", "critical"},
		{Overloaded, "超载", "overloaded"},
		{SeverelyOverloaded, "严重超载", "severely_overloaded"},
		{Grade(9), "Grade(9)", "grade_9"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if tt.g.String() != tt.name || tt.g.Code() != tt.code {
				t.Errorf("%d: %q %q, want %q %q", int(tt.g), tt.g.String(), tt.g.Code(), tt.name, tt.code)
			}
		})
	}
}

func TestAssess(t *testing.T) {
	c := DefaultConfig()
	c.Level = LevelBands{OverMPerYear: 0.5}
	tests := []struct {
		name                                 string
		load                                 Load
		use, ground, quantity, qual, overall Grade
	}{
		{"all fine", Load{UseM3: 80, UseCapM3: 100, GroundwaterM3: 50, GroundwaterCapM3: 100}, NotOverloaded, NotOverloaded, NotOverloaded, NotOverloaded, NotOverloaded},
		{"use critical", Load{UseM3: 95, UseCapM3: 100}, Critical, NotOverloaded, Critical, NotOverloaded, Critical},
		{"groundwater worse than use", Load{UseM3: 95, UseCapM3: 100, GroundwaterM3: 130, GroundwaterCapM3: 100}, Critical, SeverelyOverloaded, SeverelyOverloaded, NotOverloaded, SeverelyOverloaded},
		{"small over-extraction coefficient", Load{UseM3: 10, UseCapM3: 100, ShallowOverExtractionCoef: 0.1}, NotOverloaded, Overloaded, Overloaded, NotOverloaded, Overloaded},
		{"over-extraction coefficient at 0.3", Load{ShallowOverExtractionCoef: 0.3}, NotOverloaded, SeverelyOverloaded, SeverelyOverloaded, NotOverloaded, SeverelyOverloaded},
		{"deep confined extraction", Load{DeepConfinedM3: 1}, NotOverloaded, SeverelyOverloaded, SeverelyOverloaded, NotOverloaded, SeverelyOverloaded},
		{"falling level", Load{GroundwaterM3: 10, GroundwaterCapM3: 100, LevelDeclineMPerYear: 0.6}, NotOverloaded, Overloaded, Overloaded, NotOverloaded, Overloaded},
		{"quality sets the overall grade", Load{UseM3: 50, UseCapM3: 100, QualityCompliance: 0.6, QualityTarget: 1}, NotOverloaded, NotOverloaded, NotOverloaded, Overloaded, Overloaded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := c.Assess(tt.load)
			if err != nil {
				t.Fatal(err)
			}
			got := []Grade{a.Use, a.Groundwater, a.Quantity, a.Quality, a.Overall}
			want := []Grade{tt.use, tt.ground, tt.quantity, tt.qual, tt.overall}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("use/ground/quantity/quality/overall = %v, want %v", got, want)
					break
				}
			}
			if (a.Overall > NotOverloaded) != (len(a.Reasons) > 0) {
				t.Errorf("grade %v with reasons %q", a.Overall, a.Reasons)
			}
		})
	}
	t.Run("ratios and NaN when not graded", func(t *testing.T) {
		a, _ := c.Assess(Load{UseM3: 90, UseCapM3: 100})
		if !near(a.UseRatio, 0.9, 1e-12) || !math.IsNaN(a.GroundwaterRatio) || !math.IsNaN(a.QualityRatio) {
			t.Errorf("ratios %v %v %v", a.UseRatio, a.GroundwaterRatio, a.QualityRatio)
		}
	})
	t.Run("bad input", func(t *testing.T) {
		for _, l := range []Load{{UseM3: -1}, {UseCapM3: math.NaN()}, {LevelDeclineMPerYear: math.Inf(1)}} {
			if _, err := c.Assess(l); err == nil {
				t.Errorf("%+v accepted", l)
			}
		}
	})
}

func TestGradeMonotoneInRatio(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	configs := []Bands{DefaultConfig().TotalUse}
	for range 20 {
		a, b, c := rng.Float64()*2, rng.Float64()*2, rng.Float64()*2
		s := []float64{a, b, c}
		if s[0] > s[1] {
			s[0], s[1] = s[1], s[0]
		}
		if s[1] > s[2] {
			s[1], s[2] = s[2], s[1]
		}
		if s[0] > s[1] {
			s[0], s[1] = s[1], s[0]
		}
		configs = append(configs, Bands{Critical: s[0] + 1e-9, Over: s[1] + 1e-9, Severe: s[2] + 1e-9})
	}
	for i, b := range configs {
		t.Run(fmt.Sprint("bands ", i), func(t *testing.T) {
			c := DefaultConfig()
			c.TotalUse = b
			prev := NotOverloaded
			for r := 0.0; r <= 3; r += 0.001 {
				a, err := c.Assess(Load{UseM3: r * 1e6, UseCapM3: 1e6})
				if err != nil {
					t.Fatal(err)
				}
				if a.Use < prev {
					t.Fatalf("W/W₀ %v graded %v after %v", r, a.Use, prev)
				}
				prev = a.Use
			}
			if prev != SeverelyOverloaded {
				t.Errorf("ratio 3 graded %v", prev)
			}
		})
	}
}

func TestLoadConfig(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		wantErr bool
		check   func(Config) bool
	}{
		{"empty keeps defaults", "", false, func(c Config) bool { return c.TotalUse == DefaultConfig().TotalUse && c.DeepConfinedSevere }},
		{"override one band", "total_use: {critical: 0.85, over: 1, severe: 1.3}\nedition: 鲁2020", false, func(c Config) bool {
			return c.TotalUse.Critical == 0.85 && c.TotalUse.Severe == 1.3 && c.Groundwater.Severe == 1.2 && c.Edition == "鲁2020"
		}},
		{"level rule on", "level: {over_m_per_year: 0.5}", false, func(c Config) bool { return c.Level.Grade(0.5) == Overloaded }},
		{"bands out of order", "groundwater: {critical: 1.1, over: 1, severe: 1.2}", true, nil},
		{"quality out of order", "quality: {severe: 0.9, over: 0.8, critical: 0.9}", true, nil},
		{"unknown field", "total_use_bands: {}", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := LoadConfig(strings.NewReader(tt.src))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err == nil && !tt.check(c) {
				t.Errorf("config %+v", c)
			}
		})
	}
}

func TestConfigFileMatchesDefault(t *testing.T) {
	f, err := os.Open(capacityFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc, err := LoadScenario(f)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Bands != DefaultConfig() {
		t.Errorf("file %+v\ndefault %+v", sc.Bands, DefaultConfig())
	}
}

func ptr(v float64) *float64 { return &v }

func handInput() CarryInput {
	return CarryInput{
		Region:      "371524",
		AvailableM3: 10e6,
		Current: Current{
			Population: 100000, IndustryVA10kCNY: 100000, GDP10kCNY: 200000,
			IrrigatedAreaMu: 20000, OtherDemandM3: 0.5e6,
		},
		Efficiency: Efficiency{
			DomesticLPerCapitaDay: 100, NetworkLossRate: 0.2, IndustryM3Per10kCNY: 15,
			GDPM3Per10kCNY: 40, IrrigationNetM3PerMu: 128, IrrigationEfficiency: 0.64,
		},
	}
}

func TestCarryCapacity(t *testing.T) {
	// Per capita: 100 L × 365 / 1000 / 0.8 = 45.625 m³. Demands: domestic 4.5625e6,
	// industry 1.5e6, irrigation 20000 × 128 / 0.64 = 4e6, other 0.5e6: total 10.5625e6.
	tests := []struct {
		name   string
		mutate func(*CarryInput)
		check  func(Carry) error
	}{
		{"present demands", func(*CarryInput) {}, func(c Carry) error {
			if !near(c.DomesticM3, 4.5625e6, 1e-12) || !near(c.IrrigationM3, 4e6, 1e-12) || !near(c.DemandM3, 10.5625e6, 1e-12) || !near(c.SurplusM3, -0.5625e6, 1e-9) {
				return fmt.Errorf("demands %+v", c)
			}
			return nil
		}},
		{"max population", func(*CarryInput) {}, func(c Carry) error {
			// (10e6 − 1.5e6 − 4e6 − 0.5e6) / 45.625
			if want := 4e6 / 45.625; !near(c.MaxPopulation, want, 1e-12) || c.PopulationBinding != BindSupply {
				return fmt.Errorf("max population %v (%s), want %v", c.MaxPopulation, c.PopulationBinding, want)
			}
			return nil
		}},
		{"max irrigated area", func(*CarryInput) {}, func(c Carry) error {
			// (10e6 − 4.5625e6 − 1.5e6 − 0.5e6) × 0.64 / 128
			if want := 3.4375e6 * 0.64 / 128; !near(c.MaxIrrigatedAreaMu, want, 1e-12) {
				return fmt.Errorf("max area %v, want %v", c.MaxIrrigatedAreaMu, want)
			}
			return nil
		}},
		{"max industry and GDP", func(*CarryInput) {}, func(c Carry) error {
			if want := (10e6 - 4.5625e6 - 4e6 - 0.5e6) / 15; !near(c.MaxIndustryVA10kCNY, want, 1e-12) {
				return fmt.Errorf("max VA %v, want %v", c.MaxIndustryVA10kCNY, want)
			}
			if !near(c.MaxGDP10kCNY, 10e6/40, 1e-12) || c.GDPBinding != BindSupply {
				return fmt.Errorf("max GDP %v (%s)", c.MaxGDP10kCNY, c.GDPBinding)
			}
			return nil
		}},
		{"cap below supply binds", func(in *CarryInput) { in.UseCapM3 = 8e6 }, func(c Carry) error {
			// Area: (8e6 − 4.5625e6 − 1.5e6 − 0.5e6) left; industry: 8e6 − 9.0625e6 < 0.
			if c.WaterM3 != 8e6 || c.WaterLimit != BindUseCap || c.AreaBinding != BindUseCap || !near(c.MaxIrrigatedAreaMu, 1.4375e6*0.64/128, 1e-12) ||
				c.IndustryBinding != BindFixedDemands || c.MaxIndustryVA10kCNY != 0 || !near(c.MaxGDP10kCNY, 8e6/40, 1e-12) {
				return fmt.Errorf("%+v", c)
			}
			return nil
		}},
		{"cap above supply does not bind", func(in *CarryInput) { in.UseCapM3 = 20e6 }, func(c Carry) error {
			if c.WaterM3 != 10e6 || c.WaterLimit != BindSupply {
				return fmt.Errorf("%+v", c)
			}
			return nil
		}},
		{"domestic-fit water limits population", func(in *CarryInput) { in.DomesticSourceM3 = ptr(45.625 * 50000) }, func(c Carry) error {
			if !near(c.MaxPopulation, 50000, 1e-12) || c.PopulationBinding != BindDomesticSource {
				return fmt.Errorf("max population %v (%s)", c.MaxPopulation, c.PopulationBinding)
			}
			return nil
		}},
		{"fixed demands take everything", func(in *CarryInput) { in.Current.OtherDemandM3 = 20e6 }, func(c Carry) error {
			if c.MaxPopulation != 0 || c.PopulationBinding != BindFixedDemands || c.MaxIndustryVA10kCNY != 0 || c.AreaBinding != BindFixedDemands {
				return fmt.Errorf("%+v", c)
			}
			return nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := handInput()
			tt.mutate(&in)
			c, err := CarryCapacity(in)
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.check(c); err != nil {
				t.Error(err)
			}
		})
	}
	t.Run("bad input", func(t *testing.T) {
		for _, m := range []func(*CarryInput){
			func(in *CarryInput) { in.AvailableM3 = -1 },
			func(in *CarryInput) { in.Efficiency.IrrigationEfficiency = 0 },
			func(in *CarryInput) { in.Efficiency.NetworkLossRate = 1 },
			func(in *CarryInput) { in.Efficiency.GDPM3Per10kCNY = math.NaN() },
		} {
			in := handInput()
			m(&in)
			if _, err := CarryCapacity(in); err == nil {
				t.Errorf("%+v accepted", in)
			}
		}
	})
}

func TestMoreSupplyNeverReducesCapacity(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for i := range 2000 {
		in := handInput()
		in.AvailableM3 = rng.Float64() * 30e6
		in.Current.OtherDemandM3 = rng.Float64() * 5e6
		in.Current.Population = rng.Float64() * 3e5
		if rng.IntN(2) == 0 {
			in.UseCapM3 = rng.Float64() * 30e6
		}
		if rng.IntN(3) == 0 {
			in.DomesticSourceM3 = ptr(rng.Float64() * 10e6)
		}
		more := in
		more.AvailableM3 += rng.Float64() * 10e6
		a, err1 := CarryCapacity(in)
		b, err2 := CarryCapacity(more)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if b.MaxPopulation < a.MaxPopulation || b.MaxIrrigatedAreaMu < a.MaxIrrigatedAreaMu ||
			b.MaxIndustryVA10kCNY < a.MaxIndustryVA10kCNY || b.MaxGDP10kCNY < a.MaxGDP10kCNY {
			t.Fatalf("case %d: more supply reduced a maximum:\n%+v\n%+v", i, a, b)
		}
	}
}

// TestRules: versions per city and county laid over DefaultConfig, chosen by
// effective date; bad rows are errors naming item and field; the deep
// confined rule limited to zones.
func TestRules(t *testing.T) {
	rs, err := LoadRules(strings.NewReader(`
- {region: "371500", effective_from: "2016-01-01", source: city, bands: {level: {critical_m_per_year: 0.3, over_m_per_year: 0.6, severe_m_per_year: 1.0}}}
- {region: "371500", effective_from: "2026-07-01", source: city later, verified: true, bands: {level: {over_m_per_year: 0.8}}}
- {region: "371525", effective_from: "2019-01-01", source: county, deep_confined_zone: true, bands: {deep_confined_zone_only: true}}
`))
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	a, err := rs.For([]string{"371500", "371525"}, day("2026-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Config.Level != (LevelBands{0.3, 0.6, 1.0}) || !a.Config.DeepConfinedZoneOnly || a.DeepConfinedZone == nil || !*a.DeepConfinedZone || a.Verified ||
		a.Config.TotalUse != DefaultConfig().TotalUse || len(a.Versions) != 2 || !strings.Contains(a.Describe(true), "371525 from 2019-01-01 (unverified): county") {
		t.Fatalf("June: %+v", a)
	}
	// From July the later city version lays its one field over the defaults, keeping nothing of the earlier city version.
	b, err := rs.For([]string{"371500", "371522"}, day("2026-07-01"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Config.Level != (LevelBands{0, 0.8, 0}) || b.Config.DeepConfinedZoneOnly || b.DeepConfinedZone != nil || !b.Verified {
		t.Fatalf("July: %+v", b)
	}
	if c, err := rs.For([]string{"371500"}, day("2015-01-01")); err != nil || len(c.Versions) != 0 || c.Verified || c.Describe(false) != "defaults (unverified)" {
		t.Fatalf("before any version: %+v %v", c, err)
	}
	for _, tc := range []struct{ name, yaml, want string }{
		{"region", `- {region: "3715", effective_from: "2016-01-01", source: s}`, "item 1: region"},
		{"date", `- {region: "371500", effective_from: "2016/01/01", source: s}`, "effective_from"},
		{"source", `- {region: "371500", effective_from: "2016-01-01"}`, "source"},
		{"twice", "- {region: \"371500\", effective_from: \"2016-01-01\", source: s}\n- {region: \"371500\", effective_from: \"2016-01-01\", source: s}", "item 2: effective_from"},
		{"unknown band", `- {region: "371500", effective_from: "2016-01-01", source: s, bands: {levels: {}}}`, "bands"},
		{"band order", `- {region: "371500", effective_from: "2016-01-01", source: s, bands: {total_use: {critical: 2, over: 1, severe: 3}}}`, "total_use"},
		{"negative level", `- {region: "371500", effective_from: "2016-01-01", source: s, bands: {level: {over_m_per_year: -1}}}`, "level"},
		{"unknown field", `- {region: "371500", effective_from: "2016-01-01", source: s, colour: red}`, "colour"},
	} {
		if _, err := LoadRules(strings.NewReader(tc.yaml)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	// The deep confined rule in a zone only.
	c := DefaultConfig()
	c.DeepConfinedZoneOnly = true
	out, err := c.Assess(Load{Region: "x", DeepConfinedM3: 10})
	if err != nil || out.Groundwater != NotOverloaded {
		t.Fatalf("deep outside a zone: %+v %v", out, err)
	}
	in, err := c.Assess(Load{Region: "x", DeepConfinedM3: 10, DeepConfinedZone: true})
	if err != nil || in.Groundwater != SeverelyOverloaded {
		t.Fatalf("deep in a zone: %+v %v", in, err)
	}
	if all, _ := DefaultConfig().Assess(Load{Region: "x", DeepConfinedM3: 10}); all.Groundwater != SeverelyOverloaded {
		t.Fatalf("default: any deep confined extraction: %+v", all)
	}
}
