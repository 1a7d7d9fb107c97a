package allocate

import (
	"context"
	"errors"
	"math"
	"os"
	"strings"
	"testing"
)

func loadFile(t *testing.T, path string) *Scenario {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc, err := LoadScenario(f)
	if err != nil {
		t.Fatalf("LoadScenario(%s): %v", path, err)
	}
	return sc
}

func loadString(t *testing.T, s string) *Scenario {
	t.Helper()
	sc, err := LoadScenario(strings.NewReader(s))
	if err != nil {
		t.Fatalf("LoadScenario: %v", err)
	}
	return sc
}

func mustRun(t *testing.T, sc *Scenario) *Result {
	t.Helper()
	res, err := Run(context.Background(), sc, nil)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if err := Verify(sc, res, 1e-3); err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return res
}

func flow(pr PeriodResult, from, to string) float64 {
	for _, f := range pr.Flows {
		if f.From == from && f.To == to {
			return f.WithdrawnM3
		}
	}
	return math.NaN()
}

func delivered(pr PeriodResult, name string) float64 {
	for _, d := range pr.Demands {
		if d.Name == name {
			return d.DeliveredM3
		}
	}
	return math.NaN()
}

func approx(a, b float64) bool { return math.Abs(a-b) <= 1e-2+1e-7*math.Abs(b) }

func TestPywrCost1(t *testing.T) {
	tests := []struct {
		name                    string
		demand                  float64
		supply1, supply2, serve float64
	}{
		{"demand 10", 10e4, 10e4, 0, 10e4},
		{"demand 20", 20e4, 15e4, 5e4, 20e4},
		{"demand 40", 40e4, 15e4, 15e4, 30e4},
	}
	for _, tc := range tests {
		for _, sharing := range []string{SharingEqual, SharingTotal} {
			t.Run(tc.name+"/"+sharing, func(t *testing.T) {
				sc := loadFile(t, "testdata/pywr_cost1.yaml")
				sc.Demands[0].DemandM3 = []float64{tc.demand}
				sc.Sharing = sharing
				pr := mustRun(t, sc).Periods[0]
				if got := flow(pr, "supply1", "demand"); !approx(got, tc.supply1) {
					t.Errorf("supply1 = %v, want %v", got, tc.supply1)
				}
				if got := flow(pr, "supply2", "demand"); !approx(got, tc.supply2) {
					t.Errorf("supply2 = %v, want %v", got, tc.supply2)
				}
				if got := delivered(pr, "demand"); !approx(got, tc.serve) {
					t.Errorf("served = %v, want %v", got, tc.serve)
				}
			})
		}
	}
}

func TestPywrRiver2(t *testing.T) {
	// equal sharing: 2z + s = 5, 5 + 0.75 s = 10 z → z = 8.75/11.5
	z := 8.75 / 11.5
	tests := []struct {
		name     string
		sharing  string
		d1, d2   float64
		toBranch float64
	}{
		{"total (Pywr)", SharingTotal, 7.25e4, 2e4, 2.25e4},
		{"equal shares", SharingEqual, 10e4 * z, 2e4 * z, 0.75 * (5e4 - 2e4*z)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := loadFile(t, "testdata/pywr_river2.yaml")
			sc.Sharing = tc.sharing
			pr := mustRun(t, sc).Periods[0]
			if got := delivered(pr, "demand1"); !approx(got, tc.d1) {
				t.Errorf("demand1 = %v, want %v", got, tc.d1)
			}
			if got := delivered(pr, "demand2"); !approx(got, tc.d2) {
				t.Errorf("demand2 = %v, want %v", got, tc.d2)
			}
			if got := flow(pr, "split", "river1"); !approx(got, tc.toBranch) {
				t.Errorf("branch = %v, want %v", got, tc.toBranch)
			}
		})
	}
}

const bottleneck = `
name: pywr bottleneck (1 unit = 10,000 m³)
start: "2015-01"
periods: 1
sources:
  - {name: supply1, kind: surface, available_m3: [200000]}
  - {name: supply2, kind: surface, available_m3: [200000]}
junctions:
  - {name: link, capacity_m3_per_month: 150000}
demands:
  - {name: demand1, region: a, sector: industry, demand_m3: [100000]}
  - {name: demand2, region: b, sector: industry, demand_m3: [100000]}
links:
  - {from: supply1, to: link}
  - {from: supply2, to: link}
  - {from: link, to: demand1}
  - {from: link, to: demand2}
`

func TestPywrBottleneck(t *testing.T) {
	for _, sharing := range []string{SharingEqual, SharingTotal} {
		t.Run(sharing, func(t *testing.T) {
			sc := loadString(t, bottleneck)
			sc.Sharing = sharing
			pr := mustRun(t, sc).Periods[0]
			d1, d2 := delivered(pr, "demand1"), delivered(pr, "demand2")
			if !approx(d1+d2, 15e4) {
				t.Errorf("total = %v, want 150000", d1+d2)
			}
			if sharing == SharingEqual && (!approx(d1, 7.5e4) || !approx(d2, 7.5e4)) {
				t.Errorf("equal shares: %v and %v, want 75000 each", d1, d2)
			}
			if !strings.Contains(strings.Join(pr.Binding, ","), "junction link at capacity") {
				t.Errorf("binding = %v, want the junction", pr.Binding)
			}
		})
	}
}

const reservoir1 = `
name: pywr reservoir1 (1 unit = 10,000 m³)
start: "2015-01"
periods: 5
sources: []
storages:
  - {name: reservoir, capacity_m3: 350000, initial_m3: 350000}
demands:
  - {name: demand, region: r, sector: domestic, demand_m3: [100000]}
links:
  - {from: reservoir, to: demand}
`

func TestPywrReservoirs(t *testing.T) {
	// Monthly mode reproduces Pywr's step-by-step results. Annual (planning) mode sees
	// the 5 steps at once and shares the shortage equally over them: reservoir1 has 35
	// units for 5 steps (7 each); reservoir2 has 35 + 5×5 = 60 (12 each).
	r1 := func(t *testing.T) *Scenario { return loadString(t, reservoir1) }
	r2 := func(t *testing.T) *Scenario { return loadFile(t, "testdata/pywr_reservoir2.yaml") }
	tests := []struct {
		name   string
		load   func(t *testing.T) *Scenario
		mode   string
		served []float64
		volume []float64
	}{
		{"reservoir1", r1, ModeMonthly, []float64{10, 10, 10, 5, 0}, []float64{25, 15, 5, 0, 0}},
		{"reservoir2", r2, ModeMonthly, []float64{15, 15, 15, 10, 5}, []float64{25, 15, 5, 0, 0}},
		{"reservoir1", r1, ModeAnnual, []float64{7, 7, 7, 7, 7}, []float64{28, 21, 14, 7, 0}},
		{"reservoir2", r2, ModeAnnual, []float64{12, 12, 12, 12, 12}, []float64{28, 21, 14, 7, 0}},
	}
	for _, tc := range tests {
		{
			mode := tc.mode
			t.Run(tc.name+"/"+mode, func(t *testing.T) {
				sc := tc.load(t)
				sc.Mode = mode
				res := mustRun(t, sc)
				for p, pr := range res.Periods {
					if got := delivered(pr, "demand"); !approx(got, tc.served[p]*1e4) {
						t.Errorf("step %d: served %v, want %v", p, got, tc.served[p]*1e4)
					}
					if got := pr.Storages[0].EndM3; !approx(got, tc.volume[p]*1e4) {
						t.Errorf("step %d: volume %v, want %v", p, got, tc.volume[p]*1e4)
					}
				}
			})
		}
	}
}

func TestValidation(t *testing.T) {
	base := `
name: v
start: "2025-01"
periods: 2
sources:
  - {name: s, kind: surface, available_m3: [10]}
demands:
  - {region: r, sector: domestic, demand_m3: [5]}
links:
  - {from: s, to: r/domestic}
`
	tests := []struct {
		name, old, new, field string
	}{
		{"bad start", `start: "2025-01"`, `start: "2025/01"`, "start"},
		{"bad kind", `kind: surface`, `kind: lake`, "sources[0].kind"},
		{"series length", `available_m3: [10]`, `available_m3: [1, 2, 3]`, "sources[0].available_m3"},
		{"negative demand", `demand_m3: [5]`, `demand_m3: [-5]`, "demands[0].demand_m3[0]"},
		{"unknown link end", `to: r/domestic`, `to: nowhere`, "links[0].to"},
		{"unknown sector", `sector: domestic`, `sector: golf`, "demands[0].sector"},
		{"loss out of range", `{from: s, to: r/domestic}`, `{from: s, to: r/domestic, loss_fraction: 1.5}`, "links[0].loss_fraction"},
		{"bad mode", `periods: 2`, "periods: 2\nmode: weekly", "mode"},
		{"return without target", `demand_m3: [5]}`, `demand_m3: [5], return_fraction: 0.5}`, "demands[0].return_to"},
		{"inadmissible explicit link", `periods: 2`, "periods: 2\npreferences:\n  - {source_kind: surface, sector: domestic, allowed: false}", "links[0]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(base, tc.old, tc.new, 1)
			if text == base {
				t.Fatal("test did not change the scenario")
			}
			_, err := LoadScenario(strings.NewReader(text))
			var ve *ValidationError
			if !errors.Is(err, ErrInvalidScenario) || !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a ValidationError", err)
			}
			found := false
			for _, p := range ve.Problems {
				found = found || p.Field == tc.field
			}
			if !found {
				t.Errorf("problems %v do not name %s", ve.Problems, tc.field)
			}
		})
	}
	t.Run("valid base", func(t *testing.T) {
		if _, err := LoadScenario(strings.NewReader(base)); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("unknown field", func(t *testing.T) {
		if _, err := LoadScenario(strings.NewReader(base + "colour: blue\n")); err == nil {
			t.Fatal("unknown field accepted")
		}
	})
	t.Run("json", func(t *testing.T) {
		j := `{"name":"j","start":"2025-01","periods":1,"sources":[{"name":"s","kind":"surface","available_m3":[3]}],
		"demands":[{"region":"r","sector":"domestic","demand_m3":[5]}],"links":[{"from":"s","to":"r/domestic"}]}`
		sc, err := LoadScenario(strings.NewReader(j))
		if err != nil {
			t.Fatal(err)
		}
		if got := delivered(mustRun(t, sc).Periods[0], "r/domestic"); !approx(got, 3) {
			t.Errorf("delivered %v, want 3", got)
		}
	})
}
