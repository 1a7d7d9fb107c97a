package allocate

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/sishui/sishui/internal/lp"
	"github.com/sishui/sishui/internal/lp/lptest"
)

func ptr(v float64) *float64 { return &v }

// randomScenario builds a random but valid network: sources (some per region), an
// optional reservoir and canal junction, region × sector demands with auto-links,
// losses, returns to a reclaimed source, quotas, caps and preferences.
func randomScenario(rng *rand.Rand, simple bool) *Scenario {
	nR := 2 + rng.IntN(3)
	periods := 2 + rng.IntN(4)
	sc := &Scenario{Name: "random", Start: fmt.Sprintf("2025-%02d", 1+rng.IntN(12)), Periods: periods, AutoLinks: true}
	if !simple && rng.IntN(2) == 0 {
		sc.Mode = ModeAnnual
	}
	if rng.IntN(4) == 0 {
		sc.Sharing = SharingTotal
	}
	kinds := []string{KindYellowRiver, KindYangtze, KindSurface, KindGroundShallow, KindGroundDeep, KindReclaimed}
	series := func(scaleM3 float64) []float64 {
		n := 1
		if rng.IntN(2) == 0 {
			n = periods
		}
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = math.Round(scaleM3 * rng.Float64())
		}
		return xs
	}
	for r := 0; r < nR; r++ {
		reg := Region{Name: fmt.Sprintf("r%d", r)}
		if !simple && rng.IntN(2) == 0 {
			reg.TotalCapAnnualM3 = math.Round(2e6 + 4e6*rng.Float64())
			reg.GroundwaterCapAnnualM3 = math.Round(5e5 + 1e6*rng.Float64())
		}
		sc.Regions = append(sc.Regions, reg)
	}
	nS := 2 + rng.IntN(3)
	for s := 0; s < nS; s++ {
		src := Source{Name: fmt.Sprintf("s%d", s), Kind: kinds[rng.IntN(len(kinds))], AvailableM3: series(1.5e6), Cost: float64(rng.IntN(5))}
		if rng.IntN(3) == 0 {
			src.Region = fmt.Sprintf("r%d", rng.IntN(nR))
		}
		if !simple && rng.IntN(3) == 0 {
			src.AnnualQuotaAnnualM3 = math.Round(1e6 + 3e6*rng.Float64())
		}
		if !simple && rng.IntN(4) == 0 {
			src.MinFlowM3 = series(3e5)
		}
		sc.Sources = append(sc.Sources, src)
	}
	sectors := DefaultPriorities
	for r := 0; r < nR; r++ {
		for _, sec := range sectors {
			if rng.IntN(3) == 0 {
				continue
			}
			d := Demand{Region: fmt.Sprintf("r%d", r), Sector: sec, DemandM3: series(1e6)}
			if !simple && rng.IntN(3) == 0 {
				d.ReturnFraction = 0.1 + 0.5*rng.Float64()
				d.ReturnTo = "reuse"
				d.ReturnLagMonths = rng.IntN(2)
			}
			sc.Demands = append(sc.Demands, d)
		}
	}
	if len(sc.Demands) == 0 {
		sc.Demands = append(sc.Demands, Demand{Region: "r0", Sector: SectorIndustry, DemandM3: series(1e6)})
	}
	if !simple {
		sc.Sources = append(sc.Sources, Source{Name: "reuse", Kind: KindReclaimed, AvailableM3: []float64{0}})
		sc.Preferences = append(sc.Preferences, Preference{SourceKind: KindReclaimed, Sector: SectorDomestic, Allowed: new(bool)})
		if rng.IntN(2) == 0 {
			sc.Preferences = append(sc.Preferences, Preference{SourceKind: KindGroundDeep, Sector: SectorAgriculture, Cost: 3})
		}
		// a reservoir filled from s0 through a lossy canal junction, serving some demands
		sc.Storages = append(sc.Storages, Storage{Name: "res", CapacityM3: 3e6, InitialM3: math.Round(3e6 * rng.Float64()), InflowM3: series(5e5)})
		sc.Junctions = append(sc.Junctions, Junction{Name: "canal", CapacityM3PerMonth: ptr(math.Round(5e5 + 1e6*rng.Float64()))})
		sc.Links = append(sc.Links,
			Link{From: "s0", To: "canal", LossFraction: 0.1 * rng.Float64()},
			Link{From: "canal", To: "res", LossFraction: 0.05},
		)
		for _, d := range sc.Demands {
			if rng.IntN(3) == 0 {
				sc.Links = append(sc.Links, Link{From: "res", To: d.DemandName(), CapacityM3PerMonth: ptr(math.Round(1e6 * rng.Float64())), LossFraction: 0.1 * rng.Float64()})
			}
		}
	}
	return sc
}

func TestRandomNetworksBalance(t *testing.T) {
	rng := rand.New(rand.NewPCG(2025, 1))
	for k := 0; k < 60; k++ {
		sc := randomScenario(rng, false)
		if err := sc.Validate(); err != nil {
			t.Fatalf("instance %d: generator made an invalid scenario: %v", k, err)
		}
		res, err := Run(context.Background(), sc, nil)
		if err != nil {
			t.Fatalf("instance %d: Run: %v", k, err)
		}
		if err := Verify(sc, res, 1e-2); err != nil {
			t.Errorf("instance %d (%s, %s): %v", k, sc.mode(), sc.sharing(), err)
		}
	}
}

// TestVerifyCatchesTampering makes sure the checker can fail.
func TestVerifyCatchesTampering(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	sc := randomScenario(rng, false)
	tamper := []struct {
		name string
		f    func(r *Result)
	}{
		{"flow", func(r *Result) { r.Periods[0].Flows[0].WithdrawnM3 += 1000; r.Periods[0].Flows[0].DeliveredM3 += 1000 }},
		{"shortage", func(r *Result) { r.Periods[0].Demands[0].ShortageM3 += 1000 }},
		{"unused", func(r *Result) { r.Periods[0].Sources[0].UnusedM3 += 1000 }},
		{"storage end", func(r *Result) { r.Periods[0].Storages[0].EndM3 += 1000 }},
	}
	for _, tc := range tamper {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Run(context.Background(), sc, nil)
			if err != nil {
				t.Fatal(err)
			}
			tc.f(res)
			if err := Verify(sc, res, 1e-2); !errors.Is(err, ErrCheck) {
				t.Errorf("Verify = %v, want ErrCheck", err)
			}
		})
	}
}

// Demands of one priority that all draw on the same sources without other limits
// must get the same satisfied share.
func TestEqualSharesWithinPriority(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for k := 0; k < 30; k++ {
		sc := &Scenario{Name: "equal", Start: "2025-01", Periods: 1, AutoLinks: true}
		var total, avail float64
		for s := 0; s < 1+rng.IntN(3); s++ {
			a := math.Round(1e6 * rng.Float64())
			avail += a
			sc.Sources = append(sc.Sources, Source{Name: fmt.Sprintf("s%d", s), Kind: KindSurface, AvailableM3: []float64{a}, Cost: float64(s)})
		}
		for r := 0; r < 2+rng.IntN(5); r++ {
			d := math.Round(1e5 + 1e6*rng.Float64())
			total += d
			sc.Demands = append(sc.Demands, Demand{Region: fmt.Sprintf("r%d", r), Sector: SectorIndustry, DemandM3: []float64{d}})
		}
		want := math.Min(1, avail/total)
		res := mustRun(t, sc)
		for _, d := range res.Periods[0].Demands {
			if math.Abs(d.Coverage-want) > 1e-6 {
				t.Errorf("instance %d: %s coverage %v, want %v", k, d.Name, d.Coverage, want)
			}
		}
	}
}

// A higher-priority demand is never short while a lower-priority demand receives
// water from a source the higher one is linked to (networks limited only by source
// volumes).
func TestPriorityOrdering(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for k := 0; k < 40; k++ {
		sc := randomScenario(rng, true)
		for i := range sc.Sources {
			sc.Sources[i].Serves = nil
			if rng.IntN(2) == 0 {
				sc.Sources[i].Region = ""
			}
		}
		res := mustRun(t, sc)
		n, _ := compile(sc)
		for _, pr := range res.Periods {
			for hi, dh := range pr.Demands {
				if dh.ShortageM3 <= 1e-2 {
					continue
				}
				for lo, dl := range pr.Demands {
					if dl.Priority <= dh.Priority {
						continue
					}
					for _, l := range n.in[node{kindDemand, lo}] {
						src := n.links[l].from
						if _, linked := n.linkIdx[[2]string{src, dh.Name}]; linked && pr.Flows[l].WithdrawnM3 > 1e-2 {
							t.Errorf("instance %d %s: %s (priority %d) short %v while %s (priority %d) gets %v from %s",
								k, pr.Month, dh.Name, dh.Priority, dh.ShortageM3, dl.Name, dl.Priority, pr.Flows[l].WithdrawnM3, src)
						}
					}
				}
				_ = hi
			}
		}
	}
}

// Every LP the allocator solves is re-solved by glpsol from a CPLEX-LP file; the
// optimal objectives must agree to 1e-6 relative.
func TestAgainstGlpsol(t *testing.T) {
	rng := rand.New(rand.NewPCG(77, 1))
	dir := t.TempDir()
	checked := 0
	for k := 0; k < 12; k++ {
		sc := randomScenario(rng, false)
		n, err := compile(sc)
		if err != nil {
			t.Fatal(err)
		}
		H := 1
		if sc.mode() == ModeAnnual {
			H = min(12, sc.Periods)
		}
		h, err := newHorizon(n, H)
		if err != nil {
			t.Fatal(err)
		}
		type snap struct {
			m   *lp.Model
			obj float64
		}
		var snaps []snap
		h.solved = func(_ string, s *lp.Solver) { snaps = append(snaps, snap{s.Model().Clone(), s.Objective()}) }
		st := newState(n)
		err = h.solve(0, st)
		h.close()
		if err != nil {
			t.Fatalf("instance %d: %v", k, err)
		}
		for i, s := range snaps {
			g, err := lptest.Glpsol(context.Background(), dir, s.m)
			if errors.Is(err, lptest.ErrNoGlpsol) {
				t.Skip("glpsol not installed")
			}
			if err != nil {
				t.Fatalf("instance %d LP %d: %v", k, i, err)
			}
			if g.Status != "OPTIMAL" {
				t.Errorf("instance %d LP %d: glpsol %s, CLP optimal %v", k, i, g.Status, s.obj)
				continue
			}
			if math.Abs(g.Objective-s.obj) > 1e-6*math.Max(1, math.Abs(s.obj)) {
				t.Errorf("instance %d LP %d: CLP %.10g, glpsol %.10g", k, i, s.obj, g.Objective)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no LP was cross-checked")
	}
}
