package dispatch

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/forecast"
)

// Staleness: a latest sample older than this is not taken as the current state.
const Staleness = 72 * time.Hour

// Network is the register as the store holds it.
type Network struct {
	Works    []*sishui.Work
	Links    []*sishui.WorkLink
	Sections []*sishui.Section
	byCode   map[string]*sishui.Work
	points   map[string][]int64 // work → meter point ids (its own and its permits')
	meters   map[int64]bool     // points that are permits' withdrawal meters, not gauges
}

// LoadNetwork reads the works, links, sections and each work's meter points.
func LoadNetwork(ctx context.Context, st sishui.Store) (*Network, error) {
	n := &Network{byCode: map[string]*sishui.Work{}, points: map[string][]int64{}, meters: map[int64]bool{}}
	var err error
	if n.Works, err = st.ListWorks(ctx, sishui.WorkFilter{}); err != nil {
		return nil, err
	}
	if n.Links, err = st.ListWorkLinks(ctx); err != nil {
		return nil, err
	}
	if n.Sections, err = st.ListSections(ctx, ""); err != nil {
		return nil, err
	}
	for _, w := range n.Works {
		n.byCode[w.Code] = w
		for _, code := range w.Points {
			ps, _, err := st.ListPoints(ctx, sishui.PointFilter{Code: code})
			if err != nil {
				return nil, err
			}
			for _, p := range ps {
				n.points[w.Code] = append(n.points[w.Code], p.ID)
			}
		}
		for _, num := range w.Permits {
			pms, _, err := st.ListPermits(ctx, sishui.PermitFilter{Query: num})
			if err != nil {
				return nil, err
			}
			for _, pm := range pms {
				if pm.Number != num {
					continue
				}
				ps, _, err := st.ListPoints(ctx, sishui.PointFilter{PermitID: pm.ID})
				if err != nil {
					return nil, err
				}
				for _, p := range ps {
					n.points[w.Code] = append(n.points[w.Code], p.ID)
					n.meters[p.ID] = true
				}
			}
		}
	}
	return n, nil
}

// Points returns the meter points of a work (its own and its permits').
func (n *Network) Points(work string) []int64 { return n.points[work] }

// Work returns a work by code.
func (n *Network) Work(code string) *sishui.Work { return n.byCode[code] }

// ReadLive reads the current state at now: each reservoir's level and each river's,
// transfer's and gate's flow from the latest samples at its points (none older than
// Staleness), and the fallback demand: the mean metered daily use of the last 7 days
// where a work's meters reported, else BaselineDemand (UseForecast lays the
// forecast model's demand over it).
func (n *Network) ReadLive(ctx context.Context, st sishui.Store, now time.Time) (Live, error) {
	ms, err := st.ListMeasurements(ctx, now.Year()-1, "")
	if err != nil {
		return Live{}, err
	}
	if cur, err := st.ListMeasurements(ctx, now.Year(), ""); err == nil {
		ms = append(ms, cur...)
	}
	live := Live{LevelM: map[string]float64{}, FlowM3s: map[string]float64{}, DemandM3Day: map[string]float64{},
		DemandBasis: map[string]string{}, baselines: Baselines(n.Works, ms)}
	for c, b := range live.baselines {
		live.DemandM3Day[c] = round3(b.M3 / 365)
		live.DemandBasis[c] = "baseline: " + b.From + " ÷ 365"
	}
	for _, w := range n.Works {
		switch w.Kind {
		case sishui.WorkReservoir, sishui.WorkRiver, sishui.WorkTransferHub, sishui.WorkGate, sishui.WorkIntake:
			for _, pid := range n.points[w.Code] {
				ss, err := st.LatestSamples(ctx, pid)
				if err != nil {
					return Live{}, err
				}
				for _, s := range ss {
					if now.Sub(s.Time) > Staleness || s.Time.After(now.Add(time.Hour)) {
						continue
					}
					if s.Metric == sishui.MetricLevelM && w.Kind == sishui.WorkReservoir {
						if _, ok := live.LevelM[w.Code]; !ok {
							live.LevelM[w.Code] = s.Value
						}
					}
					if s.Metric == sishui.MetricFlowM3s && w.Kind != sishui.WorkReservoir {
						if _, ok := live.FlowM3s[w.Code]; !ok {
							live.FlowM3s[w.Code] = s.Value // the first (upstream) point with a flow
						}
					}
				}
			}
		case sishui.WorkDistrict, sishui.WorkWaterWorks, sishui.WorkChemPark:
			day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
			if v, ok, err := n.metered(ctx, st, day.AddDate(0, 0, -7), day, w.Code); err != nil {
				return Live{}, err
			} else if ok {
				live.DemandM3Day[w.Code] = round3(v / 7)
				live.DemandBasis[w.Code] = "metered: mean daily use of the last 7 days"
			}
		}
	}
	return live, nil
}

// metered sums the metered daily use of works' points over [from, to); a
// point shared by several of them (an intake and its district read by the
// same head meter) counts once.
func (n *Network) metered(ctx context.Context, st sishui.Store, from, to time.Time, works ...string) (float64, bool, error) {
	var sum float64
	any := false
	seen := map[int64]bool{}
	var pids []int64
	for _, w := range works {
		for _, pid := range n.points[w] {
			if !seen[pid] {
				seen[pid] = true
				pids = append(pids, pid)
			}
		}
	}
	for _, pid := range pids {
		rows, err := st.ListDailyUse(ctx, pid, from, to)
		if err != nil {
			return 0, false, err
		}
		for _, r := range rows {
			if !r.Day.Before(from) && r.Day.Before(to) {
				sum += float64(r.Litres) / 1000
				any = true
			}
		}
	}
	return sum, any, nil
}

// PlanBody is what a stored plan keeps of the model's answer, for the pages and the
// plan-vs-actual report.
type PlanBody struct {
	Problem *Problem `json:"problem"`
	Plan    *Plan    `json:"plan"`
	Assumed []string `json:"assumed,omitempty"`
	// DemandBasis is where each demand work's demand came from (forecast,
	// metered or baseline).
	DemandBasis map[string]string `json:"demand_basis,omitempty"`
}

// UseForecast lays the forecast model's per-day demands (ForecastDemand) over
// the fallback for the days of the horizon; works it does not cover keep the
// fallback.
func (l *Live) UseForecast(sc *forecast.Scenario, works []*sishui.Work, start time.Time, days int) error {
	byDay, basis, err := ForecastDemand(sc, works, l.baselines, start, days)
	if err != nil {
		return err
	}
	if l.DemandBasis == nil {
		l.DemandBasis = map[string]string{}
	}
	l.DemandM3ByDay = byDay
	for c, b := range basis {
		l.DemandBasis[c] = b
	}
	return nil
}

// Make solves the dispatch from live data and returns the plan to store with its orders.
func Make(ctx context.Context, st sishui.Store, start time.Time, step string, steps int, now time.Time) (*sishui.DispatchPlan, []*sishui.DispatchOrder, error) {
	n, err := LoadNetwork(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	live, err := n.ReadLive(ctx, st, now)
	if err != nil {
		return nil, nil, err
	}
	days := 0
	for _, pr := range (&Problem{Start: start, Step: step, Steps: steps}).Periods() {
		days += pr.Days
	}
	fcErr := func() error {
		sc, err := demoForecast()
		if err != nil {
			return err
		}
		return live.UseForecast(sc, n.Works, start, days)
	}()
	p, assumed := FromWorks(n.Works, n.Links, n.Sections, live, start, step, steps)
	if fcErr != nil {
		assumed = append(assumed, "demand forecast unavailable, metered or baseline demands used: "+fcErr.Error())
	}
	if len(p.Nodes) == 0 {
		return nil, nil, sishui.Invalid("start", "no work in service takes part in dispatch")
	}
	pl, err := Solve(p)
	if err != nil {
		return nil, nil, err
	}
	if err := Verify(p, pl, 1e-2); err != nil {
		return nil, nil, fmt.Errorf("dispatch: the solved plan failed its check: %w", err)
	}
	basis := map[string]string{}
	for _, nd := range p.Nodes {
		if b, ok := live.DemandBasis[nd.Code]; ok && len(nd.DemandM3) > 0 {
			basis[nd.Code] = b
		}
	}
	body, err := json.Marshal(PlanBody{Problem: p, Plan: pl, Assumed: assumed, DemandBasis: basis})
	if err != nil {
		return nil, nil, err
	}
	dp := &sishui.DispatchPlan{Start: start.Format("2006-01-02"), Step: step, Steps: steps, Objective: round3(pl.Objective), SolveMS: pl.SolveMS, Body: body}
	var orders []*sishui.DispatchOrder
	for _, o := range Orders(p, pl, n.byCode) {
		orders = append(orders, &sishui.DispatchOrder{Work: o.Work, Day: o.Day.Format("2006-01-02"), Days: o.Days, Action: o.Action, VolumeM3: o.VolumeM3,
			FlowM3s: o.FlowM3s, TargetLevelM: o.TargetLevelM, ForecastDemandM3: o.ForecastDemandM3, ForecastInflowM3: o.ForecastInflowM3})
	}
	return dp, orders, nil
}

// Compare reads the metered actuals of a stored plan's orders up to now and
// attributes each deviation (orders whose work has no meter are left out; orders of
// steps not yet over are left out).
func Compare(ctx context.Context, st sishui.Store, planID int64, now time.Time) ([]Deviation, error) {
	sp, err := st.GetDispatchPlan(ctx, planID)
	if err != nil {
		return nil, err
	}
	var body PlanBody
	if err := json.Unmarshal(sp.Body, &body); err != nil || body.Problem == nil {
		return nil, fmt.Errorf("dispatch: plan %d has no readable body", planID)
	}
	n, err := LoadNetwork(ctx, st)
	if err != nil {
		return nil, err
	}
	orders, err := st.ListDispatchOrders(ctx, planID, "")
	if err != nil {
		return nil, err
	}
	succ, pred := map[string][]string{}, map[string][]string{}
	for _, l := range body.Problem.Links {
		succ[l.From] = append(succ[l.From], l.To)
		pred[l.To] = append(pred[l.To], l.From)
	}
	out := []Deviation{}
	for _, o := range orders {
		day, err := time.Parse("2006-01-02", o.Day)
		if err != nil {
			continue
		}
		end := day.AddDate(0, 0, o.Days)
		if end.After(now) {
			continue
		}
		var a Actual
		if v, ok, err := n.metered(ctx, st, day, end, o.Work); err != nil {
			return nil, err
		} else if ok {
			a.VolumeM3 = &v
		}
		if dem, ok, err := n.metered(ctx, st, day, end, append([]string{o.Work}, succ[o.Work]...)...); err != nil {
			return nil, err
		} else if ok {
			a.DemandM3 = &dem
		}
		// inflow: the upstream flows (m³/s at the latest sample in the step) over
		// the step, from flow gauges (a withdrawal meter's flow is what the work
		// took, not what reached it)
		var infl float64
		inOK := false
		for _, c := range append([]string{o.Work}, pred[o.Work]...) {
			for _, pid := range n.points[c] {
				if n.meters[pid] {
					continue
				}
				ss, err := st.QuerySamples(ctx, sishui.SeriesQuery{Point: pid, Metric: sishui.MetricFlowM3s, From: day, To: end})
				if err != nil {
					return nil, err
				}
				if len(ss) > 0 {
					var mean float64
					for _, s := range ss {
						mean += s.Value
					}
					infl += mean / float64(len(ss)) * 86400 * float64(o.Days)
					inOK = true
					break
				}
			}
		}
		if inOK {
			a.InflowM3 = &infl
		}
		ord := Order{Work: o.Work, Day: day, Days: o.Days, VolumeM3: o.VolumeM3, ForecastDemandM3: o.ForecastDemandM3, ForecastInflowM3: o.ForecastInflowM3}
		if d, ok := Attribute(ord, a); ok {
			out = append(out, d)
		}
	}
	return out, nil
}
