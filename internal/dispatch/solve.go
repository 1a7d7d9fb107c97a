package dispatch

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/sishui/sishui/internal/lp"
)

// scale converts m³ to the LP's unit, 万m³, as internal/allocate does.
const scale = 1e-4

// Plan is the solved schedule. Every matrix is [index][step] in m³ per step.
type Plan struct {
	Status     string      `json:"status"`
	Objective  float64     `json:"objective"` // the objective of the package doc, in weight × m³
	Iterations int         `json:"iterations"`
	SolveMS    float64     `json:"solve_ms"`
	Periods    []Period    `json:"periods"`
	Nodes      []string    `json:"nodes"`
	Links      [][2]string `json:"links"`
	Flow       [][]float64 `json:"flow_m3"`        // [link][t]
	Delivered  [][]float64 `json:"delivered_m3"`   // [node][t]
	Shortage   [][]float64 `json:"shortage_m3"`    // [node][t]
	Outlet     [][]float64 `json:"outlet_m3"`      // [node][t]
	EcoDeficit [][]float64 `json:"eco_deficit_m3"` // [node][t]
	StorageEnd [][]float64 `json:"storage_end_m3"` // [node][t] (storages; 0 otherwise)
	ExtUsed    [][]float64 `json:"ext_used_m3"`    // [node][t]: external inflow less what passes the outlet (sources)
}

// model is the LP with its column indices.
type model struct {
	m                  *lp.Model
	flow               [][]int // [link][t]
	del, out, eco, sto [][]int // [node][t]; −1 when absent
	constObj           float64 // Σ weight × demand (objective of shortages = const − Σ w·delivered)
	balance            [][]int // [node][t] row
}

// Build returns the LP of a validated problem.
func build(p *Problem, per []Period) (*model, error) {
	T := len(per)
	N, L := len(p.Nodes), len(p.Links)
	idx := make(map[string]int, N)
	for i, n := range p.Nodes {
		idx[n.Code] = i
	}
	md := &model{m: lp.NewModel(), flow: make([][]int, L), del: make([][]int, N), out: make([][]int, N), eco: make([][]int, N), sto: make([][]int, N), balance: make([][]int, N)}
	m := md.m
	inf := math.Inf(1)
	for l, lk := range p.Links {
		md.flow[l] = make([]int, T)
		for t := range per {
			hi := inf
			if lk.CapacityM3Day >= 0 {
				hi = lk.CapacityM3Day * float64(per[t].Days) * scale
			}
			c := lk.Cost
			if fi := idx[lk.From]; p.Nodes[fi].Kind == KindSource || p.Nodes[fi].Kind == KindRiver {
				c += p.Nodes[fi].SourceCost
			}
			md.flow[l][t] = m.AddCol(fmt.Sprintf("f_%d_%d", l, t), 0, hi, c)
		}
	}
	for i := range p.Nodes {
		n := &p.Nodes[i]
		md.del[i], md.out[i], md.eco[i], md.sto[i], md.balance[i] = fill(T), fill(T), fill(T), fill(T), make([]int, T)
		w := PriorityWeight(n.Priority)
		for t := range per {
			if d := at(n.DemandM3, t) * scale; d > 0 {
				md.del[i][t] = m.AddCol(fmt.Sprintf("d_%d_%d", i, t), 0, d, -w)
				md.constObj += w * d
			}
			if hasOutlet(n.Kind) {
				c := 0.0
				if n.Kind == KindSource {
					// what passes on unused is not charged: the source cost sits on the links
					c = 0
				}
				md.out[i][t] = m.AddCol(fmt.Sprintf("q_%d_%d", i, t), 0, inf, c)
			}
			if n.Kind == KindRiver && n.BaseFlowM3Day > 0 {
				md.eco[i][t] = m.AddCol(fmt.Sprintf("e_%d_%d", i, t), 0, inf, EcoWeight)
			}
			if n.Kind == KindStorage {
				c := 0.0
				if t == T-1 {
					c = -HoldValue
				}
				md.sto[i][t] = m.AddCol(fmt.Sprintf("s_%d_%d", i, t), n.MinM3*scale, n.MaxM3*scale, c)
			}
		}
	}
	in := make([][]int, N)
	out := make([][]int, N)
	for l, lk := range p.Links {
		out[idx[lk.From]] = append(out[idx[lk.From]], l)
		in[idx[lk.To]] = append(in[idx[lk.To]], l)
	}
	for i := range p.Nodes {
		n := &p.Nodes[i]
		for t := range per {
			// Σ_in f − Σ_out f − d − q − s_t + s_{t−1} = −inflow
			rhs := -at(n.InflowM3, t) * scale
			if n.Kind == KindStorage && t == 0 {
				rhs -= n.StartM3 * scale
			}
			r := m.AddRow(fmt.Sprintf("bal_%s_%d", n.Code, t), rhs, rhs)
			md.balance[i][t] = r
			for _, l := range in[i] {
				m.AddCoef(r, md.flow[l][t], 1)
			}
			for _, l := range out[i] {
				m.AddCoef(r, md.flow[l][t], -1)
			}
			if c := md.del[i][t]; c >= 0 {
				m.AddCoef(r, c, -1)
			}
			if c := md.out[i][t]; c >= 0 {
				m.AddCoef(r, c, -1)
			}
			if c := md.sto[i][t]; c >= 0 {
				m.AddCoef(r, c, -1)
				if t > 0 {
					m.AddCoef(r, md.sto[i][t-1], 1)
				}
			}
			if n.CapacityM3Day > 0 && len(in[i]) > 0 {
				cr := m.AddRow(fmt.Sprintf("cap_%s_%d", n.Code, t), math.Inf(-1), n.CapacityM3Day*float64(per[t].Days)*scale)
				for _, l := range in[i] {
					m.AddCoef(cr, md.flow[l][t], 1)
				}
			}
			if c := md.eco[i][t]; c >= 0 {
				base := n.BaseFlowM3Day * float64(per[t].Days) * scale
				er := m.AddRow(fmt.Sprintf("eco_%s_%d", n.Code, t), base, inf)
				m.AddCoef(er, md.out[i][t], 1)
				m.AddCoef(er, c, 1)
			}
		}
	}
	return md, nil
}

func fill(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

// BuildLP returns the problem's LP (for cross-checks with another solver) and the
// constant to add to its objective to get Plan.Objective (in 万m³ units of the LP).
func BuildLP(p *Problem) (*lp.Model, float64, error) {
	if err := p.Validate(); err != nil {
		return nil, 0, err
	}
	md, err := build(p, p.Periods())
	if err != nil {
		return nil, 0, err
	}
	return md.m, md.constObj, nil
}

// ErrInfeasible means no schedule meets the storage bounds with the inflows given
// (demands and base flows never make a problem infeasible: their shortfalls are priced).
var ErrInfeasible = errors.New("dispatch: no feasible schedule")

// Solve validates the problem, solves its LP and returns the plan.
func Solve(p *Problem) (*Plan, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	per := p.Periods()
	md, err := build(p, per)
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	s, err := lp.NewSolver(md.m, lp.Options{NoRetry: true, PrimalTolerance: 1e-9})
	if err != nil {
		return nil, fmt.Errorf("dispatch: load LP: %w", err)
	}
	defer s.Close()
	st, err := s.Solve()
	if err != nil || st != lp.Optimal {
		if errors.Is(err, lp.ErrInfeasible) || st == lp.Infeasible {
			return nil, fmt.Errorf("%w: %v", ErrInfeasible, err)
		}
		return nil, fmt.Errorf("dispatch: solve: %s: %v", st, err)
	}
	ms := float64(time.Since(t0).Microseconds()) / 1000
	x := s.Primal()
	T, N, L := len(per), len(p.Nodes), len(p.Links)
	pl := &Plan{Status: st.String(), Objective: (s.Objective() + md.constObj) / scale, Iterations: s.Iterations(), SolveMS: ms, Periods: per,
		Nodes: make([]string, N), Links: make([][2]string, L),
		Flow: mat(L, T), Delivered: mat(N, T), Shortage: mat(N, T), Outlet: mat(N, T), EcoDeficit: mat(N, T), StorageEnd: mat(N, T), ExtUsed: mat(N, T)}
	val := func(c int) float64 {
		if c < 0 {
			return 0
		}
		v := x[c] / scale
		if math.Abs(v) < 1e-6 {
			return 0
		}
		return v
	}
	for l, lk := range p.Links {
		pl.Links[l] = [2]string{lk.From, lk.To}
		for t := range per {
			pl.Flow[l][t] = val(md.flow[l][t])
		}
	}
	for i := range p.Nodes {
		n := &p.Nodes[i]
		pl.Nodes[i] = n.Code
		for t := range per {
			pl.Delivered[i][t] = val(md.del[i][t])
			pl.Shortage[i][t] = math.Max(0, at(n.DemandM3, t)-pl.Delivered[i][t])
			pl.Outlet[i][t] = val(md.out[i][t])
			pl.EcoDeficit[i][t] = val(md.eco[i][t])
			pl.StorageEnd[i][t] = val(md.sto[i][t])
			if n.Kind == KindSource {
				pl.ExtUsed[i][t] = math.Max(0, at(n.InflowM3, t)-pl.Outlet[i][t])
			}
		}
	}
	return pl, nil
}

func mat(r, c int) [][]float64 {
	out := make([][]float64, r)
	back := make([]float64, r*c)
	for i := range out {
		out[i] = back[i*c : (i+1)*c : (i+1)*c]
	}
	return out
}
