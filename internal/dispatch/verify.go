package dispatch

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/sishui/sishui/internal/allocate"
)

// ErrCheck marks a plan that breaks mass balance or a constraint of its problem.
var ErrCheck = errors.New("dispatch: plan check failed")

// Verify recomputes, from the problem and the plan alone, the mass balance of every
// node in every step, link and node capacities, storage bounds and the carry-over of
// storage, delivery ≤ demand, shortage = demand − delivery and outlet + eco deficit ≥
// base flow; then it maps problem and plan onto an allocation scenario and result
// (one period per step) and runs the allocation model's own verifier
// (allocate.Verify) on them as a second, independent check. tolM3 is the absolute
// tolerance (plus 1e-9 relative).
func Verify(p *Problem, pl *Plan, tolM3 float64) error {
	if err := p.Validate(); err != nil {
		return err
	}
	per := p.Periods()
	T := len(per)
	var probs []string
	bad := func(format string, args ...any) {
		if len(probs) < 20 {
			probs = append(probs, fmt.Sprintf(format, args...))
		}
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= tolM3+1e-9*math.Max(math.Abs(a), math.Abs(b)) }
	if len(pl.Flow) != len(p.Links) || len(pl.Delivered) != len(p.Nodes) || len(pl.Periods) != T {
		return fmt.Errorf("%w: plan shape does not match the problem", ErrCheck)
	}
	idx := map[string]int{}
	for i, n := range p.Nodes {
		idx[n.Code] = i
	}
	for t := 0; t < T; t++ {
		in := make([]float64, len(p.Nodes))
		out := make([]float64, len(p.Nodes))
		days := float64(per[t].Days)
		for l, lk := range p.Links {
			f := pl.Flow[l][t]
			if f < -tolM3 {
				bad("step %d: link %s→%s negative flow %v", t, lk.From, lk.To, f)
			}
			if lk.CapacityM3Day >= 0 && f > lk.CapacityM3Day*days+tolM3 {
				bad("step %d: link %s→%s flow %v over capacity %v", t, lk.From, lk.To, f, lk.CapacityM3Day*days)
			}
			in[idx[lk.To]] += f
			out[idx[lk.From]] += f
		}
		for i := range p.Nodes {
			n := &p.Nodes[i]
			d, q, s := pl.Delivered[i][t], pl.Outlet[i][t], pl.StorageEnd[i][t]
			want := at(n.DemandM3, t)
			if d < -tolM3 || d > want+tolM3 {
				bad("step %d: %s delivered %v of demand %v", t, n.Code, d, want)
			}
			if !near(pl.Shortage[i][t], math.Max(0, want-d)) {
				bad("step %d: %s shortage %v, want %v", t, n.Code, pl.Shortage[i][t], want-d)
			}
			if q < -tolM3 || (!hasOutlet(n.Kind) && q > tolM3) {
				bad("step %d: %s outlet %v not allowed", t, n.Code, q)
			}
			prev, end := 0.0, 0.0
			if n.Kind == KindStorage {
				prev = n.StartM3
				if t > 0 {
					prev = pl.StorageEnd[i][t-1]
				}
				end = s
				if s < n.MinM3-tolM3 || s > n.MaxM3+tolM3 {
					bad("step %d: storage %s at %v outside [%v, %v]", t, n.Code, s, n.MinM3, n.MaxM3)
				}
			} else if math.Abs(s) > tolM3 {
				bad("step %d: %s holds %v but is no storage", t, n.Code, s)
			}
			if bal := prev + at(n.InflowM3, t) + in[i] - out[i] - d - q - end; !near(bal, 0) {
				bad("step %d: %s mass balance off by %v m³", t, n.Code, bal)
			}
			if n.CapacityM3Day > 0 && in[i] > n.CapacityM3Day*days+tolM3 {
				bad("step %d: %s carries %v over capacity %v", t, n.Code, in[i], n.CapacityM3Day*days)
			}
			if n.Kind == KindRiver && n.BaseFlowM3Day > 0 && q+pl.EcoDeficit[i][t] < n.BaseFlowM3Day*days-tolM3 {
				bad("step %d: river %s passes %v + deficit %v below base flow %v", t, n.Code, q, pl.EcoDeficit[i][t], n.BaseFlowM3Day*days)
			}
		}
	}
	if len(probs) > 0 {
		return fmt.Errorf("%w: %s", ErrCheck, strings.Join(probs, "; "))
	}
	sc, res := ToAllocation(p, pl)
	if err := allocate.Verify(sc, res, tolM3); err != nil {
		return fmt.Errorf("%w: allocation verifier: %v", ErrCheck, err)
	}
	return nil
}

// ToAllocation maps a problem and its plan onto the allocation model's scenario and
// result, one period per step: a storage stays a storage (its spill is the outlet);
// every other node becomes a junction; a node's external inflow becomes a source
// "code#in" whose link into the junction carries all of it; its outlet a link to a
// sink "code#out"; its own demand a demand "code#use" (sector by priority). The
// allocation verifier then checks every balance and capacity again.
func ToAllocation(p *Problem, pl *Plan) (*allocate.Scenario, *allocate.Result) {
	T := len(pl.Periods)
	sectors := []string{allocate.SectorDomestic, allocate.SectorIndustry, allocate.SectorAgriculture, allocate.SectorEcoOther}
	sc := &allocate.Scenario{Name: p.Name, Start: p.Start.Format("2006-01"), Periods: T, Mode: allocate.ModeMonthly}
	res := &allocate.Result{Scenario: p.Name, Mode: allocate.ModeMonthly, Periods: make([]allocate.PeriodResult, T)}
	seriesOf := func(f func(t int) float64) []float64 {
		xs := make([]float64, T)
		for t := range xs {
			xs[t] = f(t)
		}
		return xs
	}
	type link struct {
		from, to string
		flow     []float64
		capM3    *float64
	}
	var links []link
	for i := range p.Nodes {
		n := &p.Nodes[i]
		if n.Kind == KindStorage {
			sc.Storages = append(sc.Storages, allocate.Storage{Name: n.Code, CapacityM3: n.MaxM3, InitialM3: n.StartM3, MinM3: n.MinM3,
				InflowM3: seriesOf(func(t int) float64 { return at(n.InflowM3, t) })})
		} else {
			sc.Junctions = append(sc.Junctions, allocate.Junction{Name: n.Code})
			if len(n.InflowM3) > 0 {
				ext := seriesOf(func(t int) float64 { return at(n.InflowM3, t) })
				sc.Sources = append(sc.Sources, allocate.Source{Name: n.Code + "#in", Kind: allocate.KindSurface, AvailableM3: ext})
				links = append(links, link{from: n.Code + "#in", to: n.Code, flow: ext})
			}
			if hasOutlet(n.Kind) {
				sc.Sinks = append(sc.Sinks, allocate.Sink{Name: n.Code + "#out"})
				links = append(links, link{from: n.Code, to: n.Code + "#out", flow: pl.Outlet[i]})
			}
		}
		if len(n.DemandM3) > 0 {
			pr := min(max(n.Priority, 1), 4)
			sc.Demands = append(sc.Demands, allocate.Demand{Name: n.Code + "#use", Region: "city", Sector: sectors[pr-1],
				DemandM3: seriesOf(func(t int) float64 { return at(n.DemandM3, t) })})
			links = append(links, link{from: n.Code, to: n.Code + "#use", flow: pl.Delivered[i]})
		}
	}
	for l, lk := range p.Links {
		var c *float64
		if lk.CapacityM3Day >= 0 {
			v := lk.CapacityM3Day * float64(pl.Periods[0].Days)
			for _, pr := range pl.Periods {
				v = math.Max(v, lk.CapacityM3Day*float64(pr.Days))
			}
			c = &v
		}
		links = append(links, link{from: lk.From, to: lk.To, flow: pl.Flow[l], capM3: c})
	}
	for _, lk := range links {
		sc.Links = append(sc.Links, allocate.Link{From: lk.from, To: lk.to, CapacityM3PerMonth: lk.capM3})
	}
	for t := 0; t < T; t++ {
		pr := &res.Periods[t]
		pr.Period = t
		for _, lk := range links {
			pr.Flows = append(pr.Flows, allocate.FlowResult{From: lk.from, To: lk.to, WithdrawnM3: lk.flow[t], DeliveredM3: lk.flow[t]})
		}
		for _, d := range sc.Demands {
			i := nodeIndex(p, strings.TrimSuffix(d.Name, "#use"))
			want := at(p.Nodes[i].DemandM3, t)
			pr.Demands = append(pr.Demands, allocate.DemandResult{Name: d.Name, Region: d.Region, Sector: d.Sector, DemandM3: want,
				DeliveredM3: pl.Delivered[i][t], ShortageM3: math.Max(0, want-pl.Delivered[i][t])})
		}
		for _, s := range sc.Sources {
			a := s.AvailableM3[t]
			pr.Sources = append(pr.Sources, allocate.SourceResult{Name: s.Name, Kind: s.Kind, AvailableM3: a, UsedM3: a})
		}
		for _, s := range sc.Storages {
			i := nodeIndex(p, s.Name)
			start := s.InitialM3
			if t > 0 {
				start = pl.StorageEnd[i][t-1]
			}
			var inM3, outM3 float64
			for l, lk := range p.Links {
				if lk.To == s.Name {
					inM3 += pl.Flow[l][t]
				}
				if lk.From == s.Name {
					outM3 += pl.Flow[l][t]
				}
			}
			outM3 += pl.Delivered[i][t]
			pr.Storages = append(pr.Storages, allocate.StorageResult{Name: s.Name, StartM3: start, InflowM3: s.InflowM3[t], InM3: inM3, OutM3: outM3,
				SpillM3: pl.Outlet[i][t], EndM3: pl.StorageEnd[i][t]})
		}
		for _, s := range sc.Sinks {
			pr.Sinks = append(pr.Sinks, allocate.SinkResult{Name: s.Name, InflowM3: pl.Outlet[nodeIndex(p, strings.TrimSuffix(s.Name, "#out"))][t]})
		}
	}
	return sc, res
}

func nodeIndex(p *Problem, code string) int {
	for i := range p.Nodes {
		if p.Nodes[i].Code == code {
			return i
		}
	}
	return -1
}
