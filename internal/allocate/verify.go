package allocate

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// ErrCheck marks a result that breaks mass balance or a constraint of its scenario.
var ErrCheck = errors.New("allocate: result check failed")

// Verify recomputes, from the scenario and the result alone, the mass balance of every
// node in every period and every constraint: link and junction capacities, split
// factors, losses, storage limits, minimum flows, delivery ≤ demand, shortage =
// demand − delivery, and the annual quotas, permits and region caps. tolM3 is the
// absolute tolerance per check (plus 1e-9 relative). The error wraps ErrCheck and
// lists the first problems found.
func Verify(sc *Scenario, res *Result, tolM3 float64) error {
	n, err := compile(sc)
	if err != nil {
		return err
	}
	var probs []string
	bad := func(format string, args ...any) {
		if len(probs) < 20 {
			probs = append(probs, fmt.Sprintf(format, args...))
		}
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= tolM3+1e-9*math.Max(math.Abs(a), math.Abs(b)) }
	if len(res.Periods) != sc.Periods {
		bad("%d periods in result, scenario has %d", len(res.Periods), sc.Periods)
		return fmt.Errorf("%w: %s", ErrCheck, strings.Join(probs, "; "))
	}
	storage := make([]float64, len(sc.Storages))
	for r, s := range sc.Storages {
		storage[r] = s.InitialM3
	}
	lag := map[node]float64{}
	quotaUsed := make([]float64, len(sc.Sources))
	permitUsed := make([]float64, len(n.links))
	totalUsed := make([]float64, len(sc.Regions))
	groundUsed := make([]float64, len(sc.Regions))
	yearLen := 1
	if sc.mode() == ModeAnnual {
		yearLen = 12
	}
	for p, pr := range res.Periods {
		if p > 0 && ((yearLen == 12 && p%12 == 0) || (yearLen == 1 && n.month(p) == 0)) {
			clear(quotaUsed)
			clear(permitUsed)
			clear(totalUsed)
			clear(groundUsed)
		}
		if len(pr.Flows) != len(n.links) || len(pr.Demands) != len(sc.Demands) || len(pr.Sources) != len(sc.Sources) || len(pr.Storages) != len(sc.Storages) {
			bad("period %d: result shape does not match the scenario", p)
			continue
		}
		inflow := map[node]float64{}  // delivered into node
		outflow := map[node]float64{} // withdrawn from node
		for l, f := range pr.Flows {
			lk := &n.links[l]
			if f.From != lk.from || f.To != lk.to {
				bad("period %d: flow %d is %s→%s, want %s→%s", p, l, f.From, f.To, lk.from, lk.to)
				continue
			}
			if f.WithdrawnM3 < -tolM3 {
				bad("period %d: link %s→%s negative flow %v", p, lk.from, lk.to, f.WithdrawnM3)
			}
			if f.WithdrawnM3 > lk.capM3+tolM3 {
				bad("period %d: link %s→%s flow %v over capacity %v", p, lk.from, lk.to, f.WithdrawnM3, lk.capM3)
			}
			if !near(f.DeliveredM3, f.WithdrawnM3*(1-lk.loss)) {
				bad("period %d: link %s→%s delivers %v of %v with loss %v", p, lk.from, lk.to, f.DeliveredM3, f.WithdrawnM3, lk.loss)
			}
			inflow[lk.toN] += f.DeliveredM3
			outflow[lk.fromN] += f.WithdrawnM3
			if lk.permitM3 > 0 {
				permitUsed[l] += f.WithdrawnM3
				if permitUsed[l] > lk.permitM3+tolM3 {
					bad("period %d: permit %s→%s exceeded: %v > %v", p, lk.from, lk.to, permitUsed[l], lk.permitM3)
				}
			}
			if lk.ground && lk.region >= 0 {
				groundUsed[lk.region] += f.WithdrawnM3
			}
		}
		retNow := map[node]float64{}
		nextLag := map[node]float64{}
		for d, dr := range pr.Demands {
			dm := &sc.Demands[d]
			dn := node{kindDemand, d}
			want := n.series(dm.DemandM3, p)
			if !near(dr.DemandM3, want) {
				bad("period %d: demand %s is %v, scenario says %v", p, dr.Name, dr.DemandM3, want)
			}
			if !near(dr.DeliveredM3, inflow[dn]) {
				bad("period %d: demand %s delivered %v but links bring %v", p, dr.Name, dr.DeliveredM3, inflow[dn])
			}
			if dr.DeliveredM3 > want+tolM3 {
				bad("period %d: demand %s over-supplied %v > %v", p, dr.Name, dr.DeliveredM3, want)
			}
			if !near(dr.ShortageM3, math.Max(0, want-dr.DeliveredM3)) {
				bad("period %d: demand %s shortage %v, want %v", p, dr.Name, dr.ShortageM3, want-dr.DeliveredM3)
			}
			if r, ok := n.regionIdx[dm.Region]; ok {
				totalUsed[r] += dr.DeliveredM3
			}
			if dm.ReturnFraction > 0 {
				ret := dm.ReturnFraction * dr.DeliveredM3
				if dm.ReturnLagMonths == 0 {
					retNow[n.retTo[d]] += ret
				} else {
					nextLag[n.retTo[d]] += ret
				}
			}
		}
		for i, sr := range pr.Sources {
			src := &sc.Sources[i]
			sn := node{kindSource, i}
			avail := n.series(src.AvailableM3, p)
			retIn := lag[sn] + retNow[sn]
			if !near(sr.AvailableM3, avail) || !near(sr.ReturnInM3, retIn) {
				bad("period %d: source %s available %v+%v, want %v+%v", p, src.Name, sr.AvailableM3, sr.ReturnInM3, avail, retIn)
			}
			if !near(sr.UsedM3, outflow[sn]) {
				bad("period %d: source %s used %v but links take %v", p, src.Name, sr.UsedM3, outflow[sn])
			}
			if !near(sr.UsedM3+sr.UnusedM3, avail+retIn) {
				bad("period %d: source %s balance: used %v + unused %v ≠ available %v + returns %v", p, src.Name, sr.UsedM3, sr.UnusedM3, avail, retIn)
			}
			if minF := math.Min(n.series(src.MinFlowM3, p), avail+retIn); sr.UnusedM3 < minF-tolM3 {
				bad("period %d: source %s leaves %v, minimum flow %v", p, src.Name, sr.UnusedM3, minF)
			}
			if src.AnnualQuotaAnnualM3 > 0 {
				quotaUsed[i] += sr.UsedM3
				if quotaUsed[i] > src.AnnualQuotaAnnualM3+tolM3 {
					bad("period %d: source %s quota exceeded: %v > %v", p, src.Name, quotaUsed[i], src.AnnualQuotaAnnualM3)
				}
			}
		}
		for r, s := range pr.Storages {
			sto := &sc.Storages[r]
			sn := node{kindStorage, r}
			retIn := lag[sn] + retNow[sn]
			if !near(s.StartM3, storage[r]) {
				bad("period %d: storage %s starts at %v, previous end %v", p, sto.Name, s.StartM3, storage[r])
			}
			if !near(s.InM3, inflow[sn]) || !near(s.OutM3, outflow[sn]) || !near(s.ReturnInM3, retIn) || !near(s.InflowM3, n.series(sto.InflowM3, p)) {
				bad("period %d: storage %s flows do not match links", p, sto.Name)
			}
			if end := storage[r] + n.series(sto.InflowM3, p) + inflow[sn] + retIn - outflow[sn] - s.SpillM3; !near(end, s.EndM3) {
				bad("period %d: storage %s balance: end %v, want %v", p, sto.Name, s.EndM3, end)
			}
			if s.EndM3 < sto.MinM3-tolM3 || s.EndM3 > sto.CapacityM3+tolM3 || s.SpillM3 < -tolM3 {
				bad("period %d: storage %s end %v outside [%v, %v]", p, sto.Name, s.EndM3, sto.MinM3, sto.CapacityM3)
			}
			storage[r] = s.EndM3
		}
		for j := range sc.Junctions {
			jn := node{kindJunction, j}
			if !near(inflow[jn], outflow[jn]) {
				bad("period %d: junction %s in %v ≠ out %v", p, sc.Junctions[j].Name, inflow[jn], outflow[jn])
			}
			if c := sc.Junctions[j].CapacityM3PerMonth; c != nil && inflow[jn] > *c+tolM3 {
				bad("period %d: junction %s carries %v over capacity %v", p, sc.Junctions[j].Name, inflow[jn], *c)
			}
			var total float64
			for _, l := range n.out[jn] {
				total += n.links[l].split
			}
			if total > 0 {
				for _, l := range n.out[jn] {
					if want := outflow[jn] * n.links[l].split / total; !near(pr.Flows[l].WithdrawnM3, want) {
						bad("period %d: split %s→%s carries %v, want %v", p, n.links[l].from, n.links[l].to, pr.Flows[l].WithdrawnM3, want)
					}
				}
			}
		}
		for k, s := range pr.Sinks {
			if sn := (node{kindSink, k}); !near(s.InflowM3, inflow[sn]) {
				bad("period %d: sink %s inflow %v, links bring %v", p, s.Name, s.InflowM3, inflow[sn])
			}
		}
		for r, reg := range sc.Regions {
			if reg.TotalCapAnnualM3 > 0 && totalUsed[r] > reg.TotalCapAnnualM3+tolM3 {
				bad("period %d: region %s total use %v over cap %v", p, reg.Name, totalUsed[r], reg.TotalCapAnnualM3)
			}
			if reg.GroundwaterCapAnnualM3 > 0 && groundUsed[r] > reg.GroundwaterCapAnnualM3+tolM3 {
				bad("period %d: region %s groundwater %v over cap %v", p, reg.Name, groundUsed[r], reg.GroundwaterCapAnnualM3)
			}
		}
		lag = nextLag
	}
	if len(probs) > 0 {
		return fmt.Errorf("%w: %s", ErrCheck, strings.Join(probs, "; "))
	}
	return nil
}
