package allocate

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/sishui/sishui/internal/lp"
)

// state is what carries from one horizon to the next.
type state struct {
	storage    []float64 // 万m³ at the end of the last period
	lagReturn  []float64 // per source/storage index pair below: returns due next period
	lagStorage []float64
	quotaUsed  []float64 // per source, this quota year
	permitUsed []float64 // per link
	totalUsed  []float64 // per region
	groundUsed []float64 // per region
}

// Run solves the scenario period by period (monthly mode) or year by year (annual
// mode) and returns the allocation. progress, if not nil, is called after each LP
// horizon with the periods done and the total. The context is checked between
// horizons.
func Run(ctx context.Context, sc *Scenario, progress func(done, total int)) (*Result, error) {
	n, err := compile(sc)
	if err != nil {
		return nil, err
	}
	H := 1
	if sc.mode() == ModeAnnual {
		H = 12
	}
	st := newState(n)
	res := &Result{Scenario: sc.Name, Mode: sc.mode(), Sharing: sc.sharing()}
	var h *horizon
	defer func() {
		if h != nil {
			h.close()
		}
	}()
	for t0 := 0; t0 < sc.Periods; t0 += H {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("allocate: run: %w", err)
		}
		size := min(H, sc.Periods-t0)
		if h == nil || h.md.H != size {
			if h != nil {
				h.close()
			}
			if h, err = newHorizon(n, size); err != nil {
				return nil, err
			}
		}
		// a new quota year starts at January in monthly mode, and with every horizon in
		// annual mode
		if t0 > 0 && (H > 1 || n.month(t0) == 0) {
			clear(st.quotaUsed)
			clear(st.permitUsed)
			clear(st.totalUsed)
			clear(st.groundUsed)
		}
		if err := h.solve(t0, st); err != nil {
			return nil, err
		}
		res.Periods = append(res.Periods, h.extract(t0, st)...)
		res.Solves += h.solves
		h.solves = 0
		if progress != nil {
			progress(t0+size, sc.Periods)
		}
	}
	return res, nil
}

// horizon is one loaded LP reused for every horizon of the same length.
type horizon struct {
	n      *network
	md     *model
	s      *lp.Solver
	solves int
	dem    [][]float64 // [demand][t] demand in 万m³ for the current horizon
	covSet [][]float64 // coefficient last written into each coverage row
	cost   []float64   // scratch objective
	// solved, if set (tests), is called after every optimal solve of a pass
	solved func(stage string, s *lp.Solver)
}

func newHorizon(n *network, H int) (*horizon, error) {
	md := buildModel(n, H)
	s, err := lp.NewSolver(md.m, lp.Options{NoExplain: true, NoRetry: true, PrimalTolerance: 1e-9})
	if err != nil {
		return nil, fmt.Errorf("allocate: load LP: %w", err)
	}
	h := &horizon{n: n, md: md, s: s, dem: make([][]float64, len(n.sc.Demands)), covSet: make([][]float64, len(n.sc.Demands)), cost: make([]float64, md.m.NumCols())}
	for d := range h.dem {
		h.dem[d] = make([]float64, H)
		h.covSet[d] = make([]float64, H)
		for t := range h.covSet[d] {
			h.covSet[d][t] = -1
		}
	}
	return h, nil
}

func (h *horizon) close() { h.s.Close() }

// must panics on an error from a Set call: every value passed is computed from a
// validated scenario, so an error is a bug in this package.
func must(err error) {
	if err != nil {
		panic(fmt.Sprintf("allocate: internal error: %v", err))
	}
}

func remaining(capM3, used float64) float64 {
	return math.Max(0, capM3*scale-used)
}

// setHorizon writes the bounds of periods t0..t0+H−1 given the carried state.
func (h *horizon) setHorizon(t0 int, st *state) {
	n, md, s, sc := h.n, h.md, h.s, h.n.sc
	for t := 0; t < md.H; t++ {
		p := t0 + t
		for l := range n.links {
			must(s.SetColBounds(md.f[l][t], 0, n.links[l].capM3*scale))
		}
		for i := range sc.Sources {
			src := &sc.Sources[i]
			avail := n.series(src.AvailableM3, p) * scale
			if t == 0 {
				avail += st.lagReturn[i]
			}
			must(s.SetRowBounds(md.srcRow[i][t], avail, avail))
			must(s.SetColBounds(md.unused[i][t], math.Min(n.series(src.MinFlowM3, p)*scale, avail), inf))
		}
		for r := range sc.Storages {
			sto := &sc.Storages[r]
			rhs := n.series(sto.InflowM3, p) * scale
			if t == 0 {
				rhs += st.storage[r] + st.lagStorage[r]
			}
			must(s.SetRowBounds(md.storRow[r][t], rhs, rhs))
			must(s.SetColBounds(md.stor[r][t], sto.MinM3*scale, sto.CapacityM3*scale))
		}
		for d := range sc.Demands {
			dem := n.series(sc.Demands[d].DemandM3, p) * scale
			h.dem[d][t] = dem
			must(s.SetColBounds(md.del[d][t], 0, 0))
			must(s.SetRowBounds(md.cov[d][t], -inf, inf))
			if h.covSet[d][t] != dem {
				must(s.SetCoef(md.cov[d][t], md.z[md.levelPos[n.level[d]]], -dem))
				h.covSet[d][t] = dem
			}
		}
	}
	for i := range md.z {
		must(s.SetColBounds(md.z[i], 0, 0))
	}
	for i, row := range md.quotaRow {
		if row >= 0 {
			must(s.SetRowBounds(row, -inf, remaining(sc.Sources[i].AnnualQuotaAnnualM3, st.quotaUsed[i])))
		}
	}
	for l, row := range md.permitRow {
		if row >= 0 {
			must(s.SetRowBounds(row, -inf, remaining(n.links[l].permitM3, st.permitUsed[l])))
		}
	}
	for r, row := range md.regTotalRow {
		if row >= 0 {
			must(s.SetRowBounds(row, -inf, remaining(sc.Regions[r].TotalCapAnnualM3, st.totalUsed[r])))
		}
	}
	for r, row := range md.regGroundRow {
		if row >= 0 {
			must(s.SetRowBounds(row, -inf, remaining(sc.Regions[r].GroundwaterCapAnnualM3, st.groundUsed[r])))
		}
	}
}

// fixTol is how far below an achieved delivery its lower bound is fixed for later
// passes, so that solver tolerances never make a later pass infeasible.
func fixTol(x float64) float64 { return 1e-9*math.Abs(x) + 1e-8 }

func (h *horizon) run() error {
	h.solves++
	_, err := h.s.Solve()
	if err == nil {
		if h.solved != nil {
			h.solved("pass", h.s)
		}
		return nil
	}
	// confirm from scratch before reporting: a warm start can stall
	h.solves++
	if _, err = h.s.SolveCold(); err == nil {
		return nil
	}
	if errors.Is(err, lp.ErrInfeasible) {
		if v, e := h.s.ExplainInfeasible(); e == nil {
			return fmt.Errorf("allocate: %w", &lp.InfeasibleError{Violations: v})
		}
	}
	return fmt.Errorf("allocate: %w", err)
}

// solve runs the priority passes for the horizon starting at period t0.
func (h *horizon) solve(t0 int, st *state) error {
	n, md, s, sc := h.n, h.md, h.s, h.n.sc
	h.setHorizon(t0, st)
	where := func(err error, what string) error {
		return fmt.Errorf("allocate: period %s, %s: %w", n.label(t0), what, err)
	}
	// Fast path: can every demand be met in full? One solve at base cost.
	for d := range sc.Demands {
		for t := 0; t < md.H; t++ {
			must(s.SetColBounds(md.del[d][t], h.dem[d][t], h.dem[d][t]))
		}
	}
	must(s.SetCosts(md.baseCost))
	h.solves++
	if _, err := s.Solve(); err == nil {
		if h.solved != nil {
			h.solved("full", s)
		}
		return nil
	} else if !errors.Is(err, lp.ErrInfeasible) {
		return where(err, "full-supply check")
	}
	for d := range sc.Demands {
		for t := 0; t < md.H; t++ {
			must(s.SetColBounds(md.del[d][t], 0, 0))
		}
	}
	equal := sc.sharing() == SharingEqual
	for pos, lv := range n.levels {
		var members []int
		for d := range sc.Demands {
			if n.level[d] != lv {
				continue
			}
			positive := false
			for t := 0; t < md.H; t++ {
				must(s.SetColBounds(md.del[d][t], 0, h.dem[d][t]))
				positive = positive || h.dem[d][t] > 0
			}
			if positive {
				members = append(members, d)
			}
		}
		if len(members) == 0 {
			continue
		}
		full := false
		if equal {
			clear(h.cost)
			h.cost[md.z[pos]] = -1
			must(s.SetCosts(h.cost))
			must(s.SetColBounds(md.z[pos], 0, 1))
			for _, d := range members {
				for t := 0; t < md.H; t++ {
					if h.dem[d][t] > 0 {
						must(s.SetRowBounds(md.cov[d][t], 0, inf))
					}
				}
			}
			if err := h.run(); err != nil {
				return where(err, fmt.Sprintf("priority %d equal share", lv))
			}
			zs := s.Primal()[md.z[pos]]
			full = zs >= 1-1e-9
			for _, d := range members {
				for t := 0; t < md.H; t++ {
					must(s.SetRowBounds(md.cov[d][t], -inf, inf))
					dem := h.dem[d][t]
					lo := dem * math.Min(zs, 1)
					must(s.SetColBounds(md.del[d][t], math.Max(0, lo-fixTol(lo)), dem))
				}
			}
			must(s.SetColBounds(md.z[pos], 0, 0))
		}
		if full {
			continue
		}
		clear(h.cost)
		for _, d := range members {
			for t := 0; t < md.H; t++ {
				h.cost[md.del[d][t]] = -1
			}
		}
		must(s.SetCosts(h.cost))
		if err := h.run(); err != nil {
			return where(err, fmt.Sprintf("priority %d total", lv))
		}
		x := s.Primal()
		for _, d := range members {
			for t := 0; t < md.H; t++ {
				v := math.Min(x[md.del[d][t]], h.dem[d][t])
				must(s.SetColBounds(md.del[d][t], math.Max(0, v-fixTol(v)), h.dem[d][t]))
			}
		}
	}
	// Final pass: cheapest routing (preferences, 优水优用) that keeps every delivery.
	// Deliveries carry a reward that outweighs any routing cost, which only matters
	// inside the tolerance band left below each fixed delivery.
	copy(h.cost, md.baseCost)
	// Higher priorities get larger rewards so the band goes to them first.
	for d := range sc.Demands {
		w := md.reward * float64(len(n.levels)-md.levelPos[n.level[d]])
		for t := 0; t < md.H; t++ {
			h.cost[md.del[d][t]] = -w
		}
	}
	must(s.SetCosts(h.cost))
	if err := h.run(); err != nil {
		return where(err, "preference pass")
	}
	return nil
}

func newState(n *network) *state {
	sc := n.sc
	st := &state{
		storage:    make([]float64, len(sc.Storages)),
		lagReturn:  make([]float64, len(sc.Sources)),
		lagStorage: make([]float64, len(sc.Storages)),
		quotaUsed:  make([]float64, len(sc.Sources)),
		permitUsed: make([]float64, len(n.links)),
		totalUsed:  make([]float64, len(sc.Regions)),
		groundUsed: make([]float64, len(sc.Regions)),
	}
	for r, s := range sc.Storages {
		st.storage[r] = s.InitialM3 * scale
	}
	return st
}
