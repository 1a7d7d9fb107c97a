package plan

import "testing"

func TestScore(t *testing.T) {
	ninety := 90.0
	in := []CountyInputs{
		{Region: "371502", Name: "A",
			Indicators:   map[string]string{"total_use": "meets", "water_per_gdp": "at_risk", "irrigation_efficiency": "misses", "wwtp_upgrade_rate": "no data"},
			Tasks:        []Status{{Status: OnTrack}, {Status: Late}},
			Projects:     []ProjectProgress{{ProgressPct: 30, ExpectedPct: 60}, {ProgressPct: 80, ExpectedPct: 50}},
			Completeness: &ninety, Alerts: 4, Handled: 3},
		{Region: "371522", Name: "B", Indicators: map[string]string{"total_use": "meets", "water_per_gdp": "meets"}},
		{Region: "371503", Name: "C", Indicators: map[string]string{"total_use": "meets"}},
	}
	got, err := Score(in, DefaultWeights())
	if err != nil {
		t.Fatal(err)
	}
	// B and C: indicators 100 (weight 40) and warnings 100 (none raised, weight 10); the rest have no data
	// and are left out: (40 × 100 + 10 × 100) / 50 = 100. They tie for rank 1, ordered by code.
	if got[0].Region != "371503" || got[1].Region != "371522" || got[0].Total != 100 || got[1].Total != 100 || got[0].Rank != 1 || got[1].Rank != 1 {
		t.Fatalf("leaders %+v %+v", got[0], got[1])
	}
	a := got[2]
	// indicators (100 + 60 + 0) / 3 = 53.33; tasks (100 + 0) / 2 = 50; projects (min(100, 50) + min(100, 160)) / 2 = 75;
	// completeness 90; warnings 3 / 4 = 75. Total (40 × 53.33 + 20 × 50 + 20 × 75 + 10 × 90 + 10 × 75) / 100 = 62.8332 → 62.83.
	want := map[string]float64{"indicators": 53.33, "tasks": 50, "projects": 75, "completeness": 90, "warnings": 75}
	for _, p := range a.Parts {
		if p.Score == nil || *p.Score != want[p.Name] {
			t.Errorf("A %s = %v, want %v", p.Name, p.Score, want[p.Name])
		}
	}
	if a.Total != 62.83 || a.Rank != 3 {
		t.Fatalf("A total %v rank %d, want 62.83 and 3", a.Total, a.Rank)
	}
	// Other weights change the total: only indicators count → 53.33.
	got, _ = Score(in[:1], Weights{Indicators: 1})
	if got[0].Total != 53.33 {
		t.Fatalf("indicators only: %v", got[0].Total)
	}
	for _, w := range []Weights{{}, {Indicators: -1, Tasks: 2}} {
		if _, err := Score(in, w); err == nil {
			t.Errorf("weights %+v accepted", w)
		}
	}
}
