package dispatch

import (
	"math"
	"sort"
	"time"

	"github.com/sishui/sishui"
)

// Live is the state the dispatch starts from: current reservoir levels and flows
// (latest samples at the works' points) and the demand forecast per work and day.
type Live struct {
	LevelM      map[string]float64 // reservoir → water level, m
	FlowM3s     map[string]float64 // river, transfer, gate → current flow, m³/s (held over the horizon)
	DemandM3Day map[string]float64 // work → demand, m³/day, the same every day (fallback)
	// DemandM3ByDay is the forecast demand per day of the horizon (index =
	// days from the start); it wins over DemandM3Day.
	DemandM3ByDay map[string][]float64
	// DemandBasis says where each work's demand comes from.
	DemandBasis map[string]string
	baselines   map[string]Baseline
}

// Source costs per m³ (the order of preference when demands can be met either way).
const (
	CostReclaimed   = 0.001
	CostYellowRiver = 0.01
	CostYangtze     = 0.05 // 南水北调 water is dearer than 引黄
	CostGroundwater = 0.1  // well fields last
)

// priorityOf maps a work kind to the priority of its demand.
func priorityOf(kind string) int {
	switch kind {
	case sishui.WorkWaterWorks:
		return 1 // domestic
	case sishui.WorkChemPark:
		return 2 // industry
	case sishui.WorkDistrict:
		return 3 // agriculture
	}
	return 4
}

// FromWorks builds the dispatch problem from the works register: works in service
// that a link touches or that carry a demand take part; a link with a work not in
// service at either end is left out. Reservoirs start from the storage at their
// current level (the middle of the active storage when no level is known, see
// Assumed); rivers carry the strictest base flow of their control sections.
func FromWorks(works []*sishui.Work, links []*sishui.WorkLink, sections []*sishui.Section, live Live, start time.Time, step string, steps int) (*Problem, []string) {
	var assumed []string
	base := map[string]float64{}
	for _, s := range sections {
		base[s.Code] = s.BaseFlowM3s
	}
	in, out := map[string]int{}, map[string]int{}
	byCode := map[string]*sishui.Work{}
	for _, w := range works {
		if w.Status == sishui.WorkInService {
			byCode[w.Code] = w
		}
	}
	var ls []*sishui.WorkLink
	for _, l := range links {
		if byCode[l.From] != nil && byCode[l.To] != nil {
			ls = append(ls, l)
			out[l.From]++
			in[l.To]++
		}
	}
	p := &Problem{Name: "liaocheng", Start: start, Step: step, Steps: steps}
	per := p.Periods()
	perStep := func(m3day float64) []float64 {
		xs := make([]float64, len(per))
		for t, pr := range per {
			xs[t] = m3day * float64(pr.Days)
		}
		return xs
	}
	codes := make([]string, 0, len(byCode))
	for c := range byCode {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		w := byCode[c]
		dem, hasDem := live.DemandM3Day[c]
		byDay, hasByDay := live.DemandM3ByDay[c]
		if in[c]+out[c] == 0 && !hasDem && !hasByDay {
			continue
		}
		n := Node{Code: c, Name: w.Name, Work: w.Kind, Region: w.Region}
		switch {
		case hasByDay:
			n.DemandM3 = make([]float64, len(per))
			d := 0
			for t, pr := range per {
				for range pr.Days {
					if d < len(byDay) {
						n.DemandM3[t] += byDay[d]
					}
					d++
				}
				n.DemandM3[t] = round3(n.DemandM3[t])
			}
			n.Priority = priorityOf(w.Kind)
		case hasDem && dem > 0:
			n.DemandM3 = perStep(dem)
			n.Priority = priorityOf(w.Kind)
		}
		flow, hasFlow := live.FlowM3s[c]
		switch w.Kind {
		case sishui.WorkReservoir:
			n.Kind = KindStorage
			n.MaxM3 = float64(w.CapacityM3)
			n.MinM3 = float64(w.DeadStorageM3)
			if lv, ok := live.LevelM[c]; ok {
				if v, ok := w.StorageAt(lv); ok {
					n.StartM3 = math.Min(n.MaxM3, math.Max(n.MinM3, float64(v)))
				}
			}
			if n.StartM3 == 0 {
				n.StartM3 = (n.MinM3 + n.MaxM3) / 2
				assumed = append(assumed, c+": no level, starts at the middle of its active storage")
			}
			if hasFlow {
				n.InflowM3 = perStep(flow * 86400)
			}
		case sishui.WorkTransferHub:
			n.Kind = KindSource
			n.SourceCost = CostYangtze
			if c == "yellow_river" {
				n.SourceCost = CostYellowRiver
			}
			switch {
			case hasFlow:
				n.InflowM3 = perStep(flow * 86400)
			case w.CapacityM3Day > 0:
				n.InflowM3 = perStep(w.CapacityM3Day)
			default:
				var c3 float64
				for _, l := range ls {
					if l.From == c {
						c3 += l.CapacityM3s * 86400
					}
				}
				n.InflowM3 = perStep(c3)
				assumed = append(assumed, c+": no flow, offers its links' capacity")
			}
		case sishui.WorkRiver:
			n.Kind = KindRiver
			for _, sc := range w.Sections {
				n.BaseFlowM3Day = math.Max(n.BaseFlowM3Day, base[sc]*86400)
			}
			if hasFlow {
				n.InflowM3 = perStep(flow * 86400)
			}
		case sishui.WorkReclaimed:
			n.Kind = KindSource
			n.SourceCost = CostReclaimed
			n.InflowM3 = perStep(w.CapacityM3Day)
		default:
			switch {
			case in[c] == 0 && out[c] > 0 && w.Kind == sishui.WorkWaterWorks:
				n.Kind = KindSource // a well field
				n.SourceCost = CostGroundwater
				n.InflowM3 = perStep(w.CapacityM3Day)
			case in[c] == 0 && out[c] > 0:
				n.Kind = KindSource // a gate or intake at the head of the network passes what the river brings
				if hasFlow {
					n.InflowM3 = perStep(flow * 86400)
				}
			case n.DemandM3 != nil:
				n.Kind = KindDemand
			default:
				n.Kind = KindJunction
			}
			if w.DesignFlowM3s > 0 {
				n.CapacityM3Day = w.DesignFlowM3s * 86400
			} else if w.CapacityM3Day > 0 && n.Kind != KindSource {
				n.CapacityM3Day = w.CapacityM3Day
			}
		}
		p.Nodes = append(p.Nodes, n)
	}
	seen := map[string]bool{}
	for _, n := range p.Nodes {
		seen[n.Code] = true
	}
	for _, l := range ls {
		if seen[l.From] && seen[l.To] {
			p.Links = append(p.Links, Link{From: l.From, To: l.To, Kind: l.Kind, CapacityM3Day: l.CapacityM3s * 86400})
		}
	}
	return p, assumed
}

// Order is what one work is told to do in one step.
type Order struct {
	Work     string    `json:"work"`
	Day      time.Time `json:"day"` // the step's first day
	Days     int       `json:"days"`
	Action   string    `json:"action"`    // withdraw | release | pass | supply
	VolumeM3 float64   `json:"volume_m3"` // over the step
	FlowM3s  float64   `json:"flow_m3s"`  // mean flow over the step
	// TargetLevelM is a reservoir's level at the end of the step (0 without a curve).
	TargetLevelM float64 `json:"target_level_m,omitempty"`
	// The forecasts the order rests on, kept for plan-vs-actual attribution: the demand
	// of the work and the works it feeds, and the inflow it draws on.
	ForecastDemandM3 float64 `json:"forecast_demand_m3"`
	ForecastInflowM3 float64 `json:"forecast_inflow_m3"`
}

// Orders turns a plan into orders per work and step: every work that moves water
// (what it sends on by its links plus what it delivers to its own demand).
func Orders(p *Problem, pl *Plan, works map[string]*sishui.Work) []Order {
	var out []Order
	idx := map[string]int{}
	for i, n := range p.Nodes {
		idx[n.Code] = i
	}
	for i := range p.Nodes {
		n := &p.Nodes[i]
		for t, pr := range pl.Periods {
			var vol, dem, infl float64
			for l, lk := range p.Links {
				if lk.From == n.Code {
					vol += pl.Flow[l][t]
					dem += at(p.Nodes[idx[lk.To]].DemandM3, t)
				}
				if lk.To == n.Code {
					infl += at(p.Nodes[idx[lk.From]].InflowM3, t)
				}
			}
			vol += pl.Delivered[i][t]
			dem += at(n.DemandM3, t)
			infl += at(n.InflowM3, t)
			action := "pass"
			switch n.Kind {
			case KindStorage:
				action = "release"
			case KindSource:
				action = "withdraw"
			case KindDemand:
				action = "supply"
			}
			if n.Kind == KindRiver || (vol == 0 && n.Kind != KindStorage) {
				continue // rivers are not operated; works with nothing to move get no order
			}
			o := Order{Work: n.Code, Day: pr.Start, Days: pr.Days, Action: action, VolumeM3: round3(vol), FlowM3s: round3(vol / (float64(pr.Days) * 86400)),
				ForecastDemandM3: round3(dem), ForecastInflowM3: round3(infl)}
			if w := works[n.Code]; w != nil && n.Kind == KindStorage {
				o.TargetLevelM = levelAt(w, pl.StorageEnd[i][t])
			}
			out = append(out, o)
		}
	}
	return out
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// levelAt inverts a level–storage curve (linear between points); 0 without one.
func levelAt(w *sishui.Work, storageM3 float64) float64 {
	c := w.LevelStorage
	if len(c) == 0 {
		return 0
	}
	if storageM3 <= float64(c[0].StorageM3) {
		return c[0].LevelM
	}
	for i := 1; i < len(c); i++ {
		if storageM3 <= float64(c[i].StorageM3) {
			f := (storageM3 - float64(c[i-1].StorageM3)) / float64(c[i].StorageM3-c[i-1].StorageM3)
			return math.Round((c[i-1].LevelM+f*(c[i].LevelM-c[i-1].LevelM))*1000) / 1000
		}
	}
	return c[len(c)-1].LevelM
}

// Deviation is plan against actual for one order, split into three parts that add up
// to Actual − Planned exactly:
//
//   - DemandM3 = actual demand − forecast demand: a plan that had known the true
//     demand would have moved that much more (or less) water;
//   - InflowM3 = the part of that corrected target, Planned + DemandM3, which the
//     actual inflow could not supply: max(−target, min(0, actual inflow − target)).
//     A plan never counts on more than the forecast inflow, so a shortfall below the
//     target is the inflow's doing; a surplus forces nothing through the work;
//   - OperationM3 = the rest: what the operator moved beyond what demand and inflow
//     explain.
//
// A part whose data is missing counts as zero and the deviation says so (Missing).
type Deviation struct {
	Work        string    `json:"work"`
	Day         time.Time `json:"day"`
	PlannedM3   float64   `json:"planned_m3"`
	ActualM3    float64   `json:"actual_m3"`
	DeviationM3 float64   `json:"deviation_m3"`
	DemandM3    float64   `json:"demand_m3"`
	InflowM3    float64   `json:"inflow_m3"`
	OperationM3 float64   `json:"operation_m3"`
	Missing     []string  `json:"missing,omitempty"` // actual_demand | actual_inflow
}

// Actual is what the meters say about an order's step (nil: no data).
type Actual struct {
	VolumeM3 *float64
	DemandM3 *float64
	InflowM3 *float64
}

// Attribute splits an order's deviation into demand, inflow and operation.
func Attribute(o Order, a Actual) (Deviation, bool) {
	if a.VolumeM3 == nil {
		return Deviation{}, false
	}
	d := Deviation{Work: o.Work, Day: o.Day, PlannedM3: o.VolumeM3, ActualM3: *a.VolumeM3}
	d.DeviationM3 = d.ActualM3 - d.PlannedM3
	if a.DemandM3 != nil {
		d.DemandM3 = *a.DemandM3 - o.ForecastDemandM3
	} else {
		d.Missing = append(d.Missing, "actual_demand")
	}
	if a.InflowM3 != nil {
		target := math.Max(0, d.PlannedM3+d.DemandM3)
		d.InflowM3 = math.Max(-target, math.Min(0, *a.InflowM3-target))
	} else {
		d.Missing = append(d.Missing, "actual_inflow")
	}
	// Rounded first, so that operation is the rest of the rounded parts and
	// the three add up to the deviation exactly (to the 0.001 m³ shown).
	for _, v := range []*float64{&d.DeviationM3, &d.DemandM3, &d.InflowM3} {
		*v = round3(*v)
	}
	d.OperationM3 = round3(d.DeviationM3 - d.DemandM3 - d.InflowM3)
	return d, true
}

// BaselineDemand is the demand when neither the forecast nor recent meter
// readings give one: the baseline (Baselines) over 365 days.
func BaselineDemand(works []*sishui.Work, ms []*sishui.Measurement) map[string]float64 {
	out := map[string]float64{}
	for c, b := range Baselines(works, ms) {
		out[c] = round3(b.M3 / 365)
	}
	return out
}
