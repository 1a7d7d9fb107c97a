package workspace

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/allocate"
	"github.com/sishui/sishui/internal/capacity"
	"github.com/sishui/sishui/internal/forecast"
	"github.com/sishui/sishui/internal/supply"
)

// Quantities a county's water can carry (以水定城/地/人/产).
const (
	QuantityPopulation    = "population"     // 以水定人 (and 以水定城)
	QuantityIrrigatedArea = "irrigated_area" // 以水定地
	QuantityIndustry      = "industry"       // 以水定产: industrial value added
	QuantityGDP           = "gdp"            // 以水定产/城: GDP at the target intensity
)

// Quantities lists them.
var Quantities = []string{QuantityPopulation, QuantityIrrigatedArea, QuantityIndustry, QuantityGDP}

// CarryAnswer is the most of one quantity a county can carry under a scenario.
type CarryAnswer struct {
	Region   string  `json:"region"`
	Name     string  `json:"name"`
	Quantity string  `json:"quantity"`
	Unit     string  `json:"unit"`
	Current  float64 `json:"current"`
	// AnnualMax is the annual water balance's maximum (capacity.CarryCapacity)
	// and AnnualBinding the constraint that sets it: available_supply,
	// total_use_cap, domestic_source or fixed_demands.
	AnnualMax     float64 `json:"annual_max"`
	AnnualBinding string  `json:"annual_binding"`
	// MonthlyMax is the largest value the month-by-month allocation delivers
	// without adding shortage anywhere in the city (bisection over the
	// allocation LP between Current and AnnualMax); MonthlyBinding names the
	// allocation's limits reached in the months the shortage appeared.
	MonthlyMax     float64  `json:"monthly_max"`
	MonthlyBinding []string `json:"monthly_binding"`
	// Max is the smaller of the two and Binding its constraint.
	Max       float64 `json:"max"`
	Binding   string  `json:"binding"`
	Headroom  float64 `json:"headroom"` // Max − Current
	Runs      int     `json:"allocation_runs"`
	ElapsedMS float64 `json:"elapsed_ms"`
}

// carryTolerance: added shortage up to this fraction of the added demand
// still counts as carried (the LP's sharing rules move small volumes).
const carryTolerance = 0.01

// carryIterations bounds the bisection: to 2⁻⁷ (0.8 %) of the interval
// between today's value and the annual maximum.
const carryIterations = 7

// Carry answers 以水定城/地/人/产 for one county and quantity.
//
// First the annual balance: with the other uses held at their demand, the
// quantity's maximum is a one-variable LP, max x s.t. a·x ≤ b_k for each
// limit k (available supply, total-use cap, domestic-fit water); its optimum
// is min_k b_k/a_k and the limit attaining it is the only one with a non-zero
// dual — capacity.CarryCapacity computes exactly that, and names it. Then the
// months: the allocation LP (priorities, monthly availability, shared transfer
// quotas) can deliver less than the annual balance allows, and its result is
// monotone in the demand, so the largest value that adds no shortage (within
// carryTolerance of the added demand) is found by bisection over allocation
// runs with forecast and supply held; the allocation's binding limits in the
// months the shortage appears name the constraint.
func (m *Model) Carry(ctx context.Context, ch *Changes, bl *Baseline, county, quantity string) (*CarryAnswer, error) {
	start := time.Now()
	if !m.hasCounty(county) {
		return nil, sishui.Invalid("region", "no county %q in the model", county)
	}
	units := map[string]string{QuantityPopulation: "persons", QuantityIrrigatedArea: "mu", QuantityIndustry: "10k_cny", QuantityGDP: "10k_cny"}
	if units[quantity] == "" {
		return nil, sishui.Invalid("quantity", "must be one of %s", strings.Join(Quantities, ", "))
	}
	p, err := m.Prepare(ch, bl)
	if err != nil {
		return nil, err
	}
	fr, err := forecast.Run(p.set.f)
	if err != nil {
		return nil, fmt.Errorf("workspace: forecast: %w", err)
	}
	sr, err := supply.Run(p.set.s)
	if err != nil {
		return nil, fmt.Errorf("workspace: supply: %w", err)
	}
	cr, err := capacity.FromResults(p.set.c, fr, sr)
	if err != nil {
		return nil, fmt.Errorf("workspace: capacity: %w", err)
	}
	var rr *capacity.RegionResult
	for i := range cr.Regions {
		if cr.Regions[i].Region == county {
			rr = &cr.Regions[i]
		}
	}
	if rr == nil {
		return nil, fmt.Errorf("workspace: carry: county %s not in the capacity result", county)
	}
	a := &CarryAnswer{Region: county, Name: m.countyName[county], Quantity: quantity, Unit: units[quantity], MonthlyBinding: []string{}}
	cur, c := rr.Input.Current, rr.Carry
	// scaleAt returns the allocation sectors' demand factors when the quantity is x.
	var scaleAt func(x float64) map[string]float64
	switch quantity {
	case QuantityPopulation:
		a.Current, a.AnnualMax, a.AnnualBinding = cur.Population, c.MaxPopulation, c.PopulationBinding
		scaleAt = func(x float64) map[string]float64 {
			return map[string]float64{allocate.SectorDomestic: ratio(x, cur.Population)}
		}
	case QuantityIrrigatedArea:
		a.Current, a.AnnualMax, a.AnnualBinding = cur.IrrigatedAreaMu, c.MaxIrrigatedAreaMu, c.AreaBinding
		irr := fr.DemandM3(county, forecast.SectorIrrigation, p.year)
		ls := fr.DemandM3(county, forecast.SectorLivestock, p.year)
		scaleAt = func(x float64) map[string]float64 {
			return map[string]float64{allocate.SectorAgriculture: ratio(irr*ratio(x, cur.IrrigatedAreaMu)+ls, irr+ls)}
		}
	case QuantityIndustry:
		a.Current, a.AnnualMax, a.AnnualBinding = cur.IndustryVA10kCNY, c.MaxIndustryVA10kCNY, c.IndustryBinding
		scaleAt = func(x float64) map[string]float64 {
			return map[string]float64{allocate.SectorIndustry: ratio(x, cur.IndustryVA10kCNY)}
		}
	case QuantityGDP:
		// The GDP maximum holds the mix of uses: every sector grows with GDP.
		a.Current, a.AnnualMax, a.AnnualBinding = cur.GDP10kCNY, c.MaxGDP10kCNY, c.GDPBinding
		scaleAt = func(x float64) map[string]float64 {
			k := ratio(x, cur.GDP10kCNY) * rr.Input.Efficiency.GDPM3Per10kCNY * cur.GDP10kCNY / math.Max(c.DemandM3, 1)
			out := map[string]float64{}
			for _, s := range AllocSectors {
				out[s] = k
			}
			return out
		}
	}
	run := func(x float64) (*allocate.Result, float64, error) {
		a.Runs++
		as, err := m.sizeAllocation(p, fr, sr, &demandScale{county: county, sectors: scaleAt(x)})
		if err != nil {
			return nil, 0, err
		}
		ar, err := allocate.Run(ctx, as, nil)
		if err != nil {
			return nil, 0, fmt.Errorf("workspace: allocate: %w", err)
		}
		var short float64
		for _, pr := range ar.Periods {
			for _, d := range pr.Demands {
				short += d.ShortageM3
			}
		}
		return ar, short, nil
	}
	countyDemand := func(ar *allocate.Result) float64 {
		var d float64
		for _, pr := range ar.Periods {
			for _, x := range pr.Demands {
				if m.AllocRegions[x.Region] == county {
					d += x.DemandM3
				}
			}
		}
		return d
	}
	lo := a.Current
	baseAR, baseShort, err := run(lo)
	if err != nil {
		return nil, err
	}
	baseDemand := countyDemand(baseAR)
	carried := func(ar *allocate.Result, short float64) bool {
		added := countyDemand(ar) - baseDemand
		return short-baseShort <= carryTolerance*math.Max(added, 0)+1
	}
	a.MonthlyMax = a.AnnualMax
	if a.AnnualMax > lo {
		hiAR, hiShort, err := run(a.AnnualMax)
		if err != nil {
			return nil, err
		}
		if !carried(hiAR, hiShort) {
			hi, failAR := a.AnnualMax, hiAR
			for i := 0; i < carryIterations; i++ {
				mid := (lo + hi) / 2
				ar, short, err := run(mid)
				if err != nil {
					return nil, err
				}
				if carried(ar, short) {
					lo = mid
				} else {
					hi, failAR = mid, ar
				}
			}
			a.MonthlyMax = lo
			a.MonthlyBinding = m.shortBindings(failAR, baseAR, county)
		}
	}
	a.Max, a.Binding = a.AnnualMax, a.AnnualBinding
	if a.MonthlyMax < a.AnnualMax {
		a.Max, a.Binding = a.MonthlyMax, "monthly_allocation"
	}
	a.Headroom = a.Max - a.Current
	a.ElapsedMS = float64(time.Since(start).Microseconds()) / 1000
	return a, nil
}

func ratio(a, b float64) float64 {
	if b <= 0 {
		return 1
	}
	return a / b
}

// shortBindings names the allocation's limits reached in the months where
// shortage rose against the base run, counting only the limits on water the
// county can reach (its own sources, city-wide sources, its caps).
func (m *Model) shortBindings(ar, base *allocate.Result, county string) []string {
	var own []string
	for name, code := range m.AllocRegions {
		if code == county {
			own = append(own, name)
		}
	}
	months := map[string][]string{}
	for i, pr := range ar.Periods {
		var s, b float64
		for _, d := range pr.Demands {
			s += d.ShortageM3
		}
		if i < len(base.Periods) {
			for _, d := range base.Periods[i].Demands {
				b += d.ShortageM3
			}
		}
		if s-b <= 1 {
			continue
		}
		for _, lim := range pr.Binding {
			if relevant(lim, own) {
				months[lim] = append(months[lim], pr.Month[5:])
			}
		}
	}
	out := make([]string, 0, len(months))
	for lim, ms := range months {
		out = append(out, lim+" (months "+strings.Join(ms, ", ")+")")
	}
	sort.Strings(out)
	return out
}

// relevant reports whether a binding line concerns a county whose allocation
// names are own: a source or region named after it, or a city-wide source.
func relevant(lim string, own []string) bool {
	for _, n := range own {
		if strings.Contains(lim, " "+n+"_") || strings.Contains(lim, "region "+n+" ") {
			return true
		}
	}
	for _, city := range []string{"yellow_river", "yangtze", "local_surface"} {
		if strings.Contains(lim, "source "+city+" ") || strings.Contains(lim, "quota "+city+" ") {
			return true
		}
	}
	return false
}
