package dispatch

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/sishui/sishui/internal/lp/lptest"
)

var day0 = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)

// smallProblem is worked by hand in TestKnownOptimum.
func smallProblem() *Problem {
	return &Problem{Name: "small", Start: day0, Step: StepDay, Steps: 2,
		Nodes: []Node{
			{Code: "yellow", Kind: KindSource, InflowM3: []float64{100}, SourceCost: 0.01},
			{Code: "intake", Kind: KindJunction, CapacityM3Day: 60},
			{Code: "district", Kind: KindDemand, DemandM3: []float64{80}, Priority: 3},
			{Code: "res", Kind: KindStorage, StartM3: 50, MinM3: 10, MaxM3: 100},
			{Code: "ww", Kind: KindDemand, DemandM3: []float64{30}, Priority: 1},
			{Code: "river", Kind: KindRiver, InflowM3: []float64{20}, BaseFlowM3Day: 15},
		},
		Links: []Link{
			{From: "yellow", To: "intake", CapacityM3Day: -1},
			{From: "intake", To: "district", CapacityM3Day: -1},
			{From: "res", To: "ww", CapacityM3Day: 100},
			{From: "river", To: "district", CapacityM3Day: 10},
		}}
}

// The optimum by hand: the intake passes its 60 m³/day to the district; the river
// gives the district 5 of its 20 m³/day and keeps its 15 base flow (eco 500 > farm
// 10); the reservoir releases its 40 m³ above dead storage to the water works over the
// two days. Shortages: district 15/day × 2 × 10 = 300; works 60 − 40 = 20 × 1000 =
// 20,000; Yellow River water 120 × 0.01 = 1.2; held at the end 10 × 0.002 = −0.02.
func TestKnownOptimum(t *testing.T) {
	p := smallProblem()
	pl, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := 300 + 20000 + 1.2 - 0.02; math.Abs(pl.Objective-want) > 1e-6 {
		t.Errorf("objective %.6f, want %.6f", pl.Objective, want)
	}
	for tt := 0; tt < 2; tt++ {
		if got := pl.Flow[0][tt]; math.Abs(got-60) > 1e-6 {
			t.Errorf("day %d: intake takes %v, want 60", tt, got)
		}
		if got := pl.Flow[3][tt]; math.Abs(got-5) > 1e-6 {
			t.Errorf("day %d: river gives %v, want 5", tt, got)
		}
		if got := pl.Outlet[5][tt]; math.Abs(got-15) > 1e-6 {
			t.Errorf("day %d: river passes %v, want 15", tt, got)
		}
		if got := pl.Shortage[2][tt]; math.Abs(got-15) > 1e-6 {
			t.Errorf("day %d: district short %v, want 15", tt, got)
		}
	}
	if got := pl.Flow[2][0] + pl.Flow[2][1]; math.Abs(got-40) > 1e-6 {
		t.Errorf("reservoir releases %v, want 40", got)
	}
	if got := pl.StorageEnd[3][1]; math.Abs(got-10) > 1e-6 {
		t.Errorf("reservoir ends at %v, want 10", got)
	}
	if err := Verify(p, pl, 1e-4); err != nil {
		t.Fatal(err)
	}
	// The verifiers catch a broken plan: move 1 m³ without its counterpart.
	pl.Flow[3][0] += 1
	if err := Verify(p, pl, 1e-4); !errors.Is(err, ErrCheck) {
		t.Fatalf("tampered plan passed: %v", err)
	}
	pl.Flow[3][0] -= 1
	pl.StorageEnd[3][0] += 2
	pl.StorageEnd[3][1] += 2 // balanced on day 1 only: day 0 is off by 2
	if err := Verify(p, pl, 1e-4); !errors.Is(err, ErrCheck) {
		t.Fatalf("tampered storage passed: %v", err)
	}
}

// The allocation verifier alone (not this package's checks) catches a junction out of
// balance in the mapped result.
func TestAllocationVerifierCatches(t *testing.T) {
	p := smallProblem()
	pl, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	pl.Delivered[2][1] += 3 // district takes 3 m³ that never arrived
	pl.Shortage[2][1] -= 3
	sc, res := ToAllocation(p, pl)
	if err := allocateVerify(sc, res); err == nil {
		t.Fatal("allocation verifier passed an unbalanced junction")
	}
}

func TestXunPeriods(t *testing.T) {
	p := &Problem{Start: time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC), Step: StepXun, Steps: 4}
	got := p.Periods()
	want := []struct {
		d    string
		days int
	}{{"2026-02-15", 6}, {"2026-02-21", 8}, {"2026-03-01", 10}, {"2026-03-11", 10}}
	for i, w := range want {
		if got[i].Start.Format("2006-01-02") != w.d || got[i].Days != w.days {
			t.Errorf("step %d: %s %d days, want %s %d", i, got[i].Start.Format("2006-01-02"), got[i].Days, w.d, w.days)
		}
	}
}

func TestValidateNamesField(t *testing.T) {
	for _, c := range []struct {
		mut   func(p *Problem)
		field string
	}{
		{func(p *Problem) { p.Step = "week" }, "step"},
		{func(p *Problem) { p.Steps = 0 }, "steps"},
		{func(p *Problem) { p.Nodes[3].StartM3 = 5 }, "nodes[3].start_m3"},
		{func(p *Problem) { p.Nodes[0].InflowM3 = []float64{1, 2, 3} }, "nodes[0].inflow_m3"},
		{func(p *Problem) { p.Nodes[2].DemandM3 = []float64{math.NaN()} }, "nodes[2].demand_m3[0]"},
		{func(p *Problem) { p.Links[1].To = "nowhere" }, "links[1].to"},
		{func(p *Problem) { p.Nodes[1].Kind = "pump" }, "nodes[1].kind"},
	} {
		p := smallProblem()
		c.mut(p)
		_, err := Solve(p)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, ErrInvalid) {
			t.Errorf("want field %s, got %v", c.field, err)
		}
	}
}

// randomProblem is a random network: sources and rivers upstream, junctions,
// storages and demands below, links only downstream (plus a few random ones).
func randomProblem(rng *rand.Rand, steps int) *Problem {
	n := 6 + rng.IntN(10)
	p := &Problem{Name: "random", Start: day0, Step: []string{StepDay, StepXun}[rng.IntN(2)], Steps: steps}
	kinds := []string{KindSource, KindRiver, KindJunction, KindStorage, KindDemand}
	for i := 0; i < n; i++ {
		k := kinds[rng.IntN(len(kinds))]
		if i < 2 {
			k = KindSource
		}
		nd := Node{Code: fmt.Sprintf("n%d", i), Kind: k}
		switch k {
		case KindSource, KindRiver:
			nd.InflowM3 = randSeries(rng, steps, 50+rng.Float64()*500)
			nd.SourceCost = rng.Float64() * 0.1
			if k == KindRiver {
				nd.BaseFlowM3Day = rng.Float64() * 40
			}
		case KindStorage:
			nd.MaxM3 = 200 + rng.Float64()*2000
			nd.MinM3 = nd.MaxM3 * 0.1 * rng.Float64()
			nd.StartM3 = nd.MinM3 + rng.Float64()*(nd.MaxM3-nd.MinM3)
			if rng.IntN(2) == 0 {
				nd.InflowM3 = randSeries(rng, steps, 30)
			}
		case KindJunction:
			if rng.IntN(2) == 0 {
				nd.CapacityM3Day = 20 + rng.Float64()*200
			}
		}
		if k != KindSource && rng.IntN(3) > 0 || k == KindDemand {
			nd.DemandM3 = randSeries(rng, steps, 20+rng.Float64()*300)
			nd.Priority = 1 + rng.IntN(4)
		}
		p.Nodes = append(p.Nodes, nd)
	}
	seen := map[[2]int]bool{}
	for j := 1; j < n; j++ {
		for k := 0; k < 1+rng.IntN(2); k++ {
			i := rng.IntN(j)
			if seen[[2]int{i, j}] {
				continue
			}
			seen[[2]int{i, j}] = true
			c := -1.0
			if rng.IntN(3) > 0 {
				c = 10 + rng.Float64()*300
			}
			p.Links = append(p.Links, Link{From: p.Nodes[i].Code, To: p.Nodes[j].Code, CapacityM3Day: c, Cost: rng.Float64() * 0.05})
		}
	}
	return p
}

func randSeries(rng *rand.Rand, steps int, scale float64) []float64 {
	if rng.IntN(3) == 0 {
		return []float64{scale}
	}
	xs := make([]float64, steps)
	for i := range xs {
		xs[i] = math.Round(scale*(0.5+rng.Float64())*100) / 100
	}
	return xs
}

// Random networks: every plan passes both verifiers, and glpsol finds the same optimum.
func TestRandomAgainstGlpsol(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 4))
	dir := t.TempDir()
	checked := 0
	for k := 0; k < 25; k++ {
		p := randomProblem(rng, 3+rng.IntN(10))
		pl, err := Solve(p)
		if errors.Is(err, ErrInfeasible) {
			continue // storage inflows may overfill a reservoir with no way out
		}
		if err != nil {
			t.Fatalf("instance %d: %v", k, err)
		}
		if err := Verify(p, pl, 1e-3); err != nil {
			t.Fatalf("instance %d: %v", k, err)
		}
		m, c, err := BuildLP(p)
		if err != nil {
			t.Fatal(err)
		}
		g, err := lptest.Glpsol(context.Background(), dir, m)
		if errors.Is(err, lptest.ErrNoGlpsol) {
			t.Skip("glpsol not installed")
		}
		if err != nil {
			t.Fatalf("instance %d: %v", k, err)
		}
		if g.Status != "OPTIMAL" {
			t.Errorf("instance %d: glpsol %s, CLP optimal", k, g.Status)
			continue
		}
		// compared in the LP's own units (万m³ × weight), as internal/allocate does
		if clp := pl.Objective*scale - c; math.Abs(g.Objective-clp) > 1e-6*math.Max(1, math.Abs(clp)) {
			t.Errorf("instance %d: CLP %.10g, glpsol %.10g", k, clp, g.Objective)
		}
		checked++
	}
	if checked < 15 {
		t.Fatalf("only %d instances cross-checked", checked)
	}
}
