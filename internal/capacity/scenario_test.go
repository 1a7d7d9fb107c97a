package capacity

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/sishui/sishui"
)

func TestLoadScenarioErrors(t *testing.T) {
	base := "year: 2030\nguarantee_pct: 75\ngdp_m3_per_10k_cny: 41.3\n"
	tests := []struct {
		name, src, field string
	}{
		{"bad year", "year: 1800\nguarantee_pct: 75\ngdp_m3_per_10k_cny: 41.3\n", "year"},
		{"bad rate", "year: 2030\nguarantee_pct: 100\ngdp_m3_per_10k_cny: 41.3\n", "guarantee_pct"},
		{"no GDP intensity", "year: 2030\nguarantee_pct: 75\n", "gdp_m3_per_10k_cny"},
		{"negative city cap", base + "city_use_cap_m3: -1\n", "city_use_cap_m3"},
		{"bad split", base + "cap_split: population\n", "cap_split"},
		{"negative county cap", base + "use_cap_m3: {\"371502\": -5}\n", "use_cap_m3.371502"},
		{"listed above city", base + "city_use_cap_m3: 10\nuse_cap_m3: {\"371502\": 11}\n", "use_cap_m3"},
		{"unknown source", base + "domestic_sources: [yangtze, spring]\n", "domestic_sources[1]"},
		{"bad bands", base + "bands: {total_use: {critical: 1.1, over: 1.0, severe: 1.2}}\n", "bands"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadScenario(strings.NewReader(tt.src))
			if sishui.ErrorCode(err) != sishui.EINVALID || sishui.ErrorField(err) != tt.field {
				t.Errorf("err = %v (field %q), want invalid %q", err, sishui.ErrorField(err), tt.field)
			}
		})
	}
	t.Run("unknown field", func(t *testing.T) {
		if _, err := LoadScenario(strings.NewReader(base + "colour: red\n")); err == nil || !strings.Contains(err.Error(), "colour") {
			t.Errorf("err = %v, want the unknown field named", err)
		}
	})
	t.Run("JSON", func(t *testing.T) {
		sc, err := LoadScenario(strings.NewReader(`{"year": 2030, "guarantee_pct": 95, "gdp_m3_per_10k_cny": 40, "use_cap_m3": {"371502": 5e8}}`))
		if err != nil {
			t.Fatal(err)
		}
		if sc.GuaranteePct != 95 || sc.UseCapM3["371502"] != 5e8 || sc.Bands != DefaultConfig() {
			t.Errorf("scenario %+v", sc)
		}
	})
}

func TestFromResultsMismatch(t *testing.T) {
	cs, fs, ss := loadScenarios(t)
	fr, sr := runResults(t, fs, ss)
	tests := []struct {
		name  string
		edit  func(*Scenario)
		field string
	}{
		{"year not forecast", func(s *Scenario) { s.Year = 2031 }, "year"},
		{"rate not in supply", func(s *Scenario) { s.GuaranteePct = 90 }, "guarantee_pct"},
		{"unknown county", func(s *Scenario) { s.UseCapM3 = map[string]float64{"999999": 1} }, "use_cap_m3.999999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := *cs
			tt.edit(&sc)
			_, err := FromResults(&sc, fr, sr)
			if sishui.ErrorField(err) != tt.field {
				t.Errorf("err = %v, want field %q", err, tt.field)
			}
		})
	}
}

func TestFromResultsCaps(t *testing.T) {
	cs, fs, ss := loadScenarios(t)
	fr, sr := runResults(t, fs, ss)
	tests := []struct {
		name  string
		edit  func(*Scenario)
		check func(t *testing.T, res *Result)
	}{
		{"listed county keeps its cap, the rest is split", func(s *Scenario) { s.UseCapM3 = map[string]float64{"371502": 5e8} }, func(t *testing.T, res *Result) {
			var sum float64
			for _, r := range res.Regions {
				sum += r.Load.UseCapM3
				if r.Region == "371502" && r.Load.UseCapM3 != 5e8 {
					t.Errorf("371502 cap %v, want 5e8", r.Load.UseCapM3)
				}
			}
			if !near(sum, 20e8, 1e-12) {
				t.Errorf("caps sum to %v", sum)
			}
		}},
		{"split by the assessed year's demand", func(s *Scenario) { s.CapSplit = SplitYearDemand }, func(t *testing.T, res *Result) {
			for _, r := range res.Regions {
				if !near(r.Assessment.UseRatio, res.Regions[0].Assessment.UseRatio, 1e-9) {
					t.Errorf("%s: W/W₀ %v, want the same ratio everywhere (%v)", r.Region, r.Assessment.UseRatio, res.Regions[0].Assessment.UseRatio)
				}
			}
		}},
		{"no cap: not graded, supply binds", func(s *Scenario) { s.CityUseCapM3 = 0 }, func(t *testing.T, res *Result) {
			for _, r := range res.Regions {
				if !math.IsNaN(r.Assessment.UseRatio) || r.Assessment.Overall != NotOverloaded || r.Carry.WaterLimit != BindSupply {
					t.Errorf("%s: ratio %v, grade %v, limit %s", r.Region, r.Assessment.UseRatio, r.Assessment.Overall, r.Carry.WaterLimit)
				}
			}
		}},
		{"domestic sources limit the population", func(s *Scenario) { s.DomesticSources = []string{sishui.SourceYangtze} }, func(t *testing.T, res *Result) {
			for _, r := range res.Regions {
				d := r.Input.DomesticSourceM3
				if d == nil {
					t.Fatalf("%s: no domestic source volume", r.Region)
				}
				if want := sr.NetM3(r.Region, sishui.SourceYangtze, 75, 0); !near(*d, want, 1e-12) {
					t.Errorf("%s: domestic source %v, want the Yangtze net %v", r.Region, *d, want)
				}
				perCapita := r.Input.Efficiency.DomesticLPerCapitaDay * 365 / 1000
				if r.Carry.MaxPopulation > *d/perCapita*(1+1e-12) {
					t.Errorf("%s: max population %v above what the domestic source carries %v", r.Region, r.Carry.MaxPopulation, *d/perCapita)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := *cs
			tt.edit(&sc)
			res, err := FromResults(&sc, fr, sr)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, res)
		})
	}
}

func TestResultJSON(t *testing.T) {
	a, err := DefaultConfig().Assess(Load{Region: "r", UseM3: 95, UseCapM3: 100})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"use_ratio": 0.95, "groundwater_ratio": nil, "overall": "critical", "overall_name": "临界超载", "use": "critical"} {
		if back[k] != want {
			t.Errorf("%s = %v, want %v in %s", k, back[k], want, b)
		}
	}
	var g Grade
	if err := g.UnmarshalText([]byte("severely_overloaded")); err != nil || g != SeverelyOverloaded {
		t.Errorf("UnmarshalText = %v, %v", g, err)
	}
	if err := g.UnmarshalText([]byte("fine")); err == nil {
		t.Error("unknown grade code accepted")
	}
}
