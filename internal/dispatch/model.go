// Package dispatch is the short-horizon dispatch model (调度): daily or ten-day (旬)
// schedules of the Yellow River and Yangtze (South-to-North) intakes, reservoir releases
// and gate operations over a rolling horizon, solved as one linear programme over every
// step of the horizon with COIN-OR CLP (internal/lp).
//
// The network is the works register: every work is a node, every register link a
// directed link with a capacity. A node may have an external inflow (a river's or
// transfer's water arriving, a reservoir's natural inflow, a well field's yield), a
// storage (reservoirs, from the current level through the level–storage curve), a
// demand of its own (forecast m³ per step), a throughput capacity (an intake's or
// gate's design flow), and an outlet (water passing on unused: a river's flow past
// its control section, a source's unused share, a reservoir's spill). A river
// node's outlet must carry its ecological base flow (生态基流); a shortfall is allowed
// but costs more than any demand below domestic use.
//
// For node i and step t (volumes in m³, in the LP in 万m³):
//
//	inflow[i,t] + Σ_in flow − Σ_out flow − delivered[i,t] − outlet[i,t] = storage[i,t] − storage[i,t−1]
//
// with 0 ≤ delivered ≤ demand, outlet ≥ 0 (only where the node may pass water on),
// min ≤ storage ≤ max (storages only), Σ_in flow ≤ capacity × days, flow ≤ link
// capacity × days, outlet + ecoDeficit ≥ base flow × days. The objective is
//
//	Σ_t [ Σ_i weight(priority_i) × shortage[i,t] + EcoWeight × ecoDeficit[i,t]
//	      + Σ_links cost × flow + Σ_i SourceCost_i × used ext inflow ] − HoldValue × Σ_i storage[i,T]
//
// so demands are met in priority order, base flows come right after domestic use,
// cheaper water is used first and water is kept in store when it is not needed.
package dispatch

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// Node kinds.
const (
	KindSource   = "source"   // external inflow that may pass on unused (Yellow River, transfer, well field, plant)
	KindStorage  = "storage"  // reservoir: storage carried between steps
	KindJunction = "junction" // intake, gate, pipeline: in = out (+ own demand)
	KindDemand   = "demand"   // a user of water (irrigation district, water works, park)
	KindRiver    = "river"    // a river reach with its control section: the outlet carries the base flow
)

// Steps.
const (
	StepDay = "day"
	StepXun = "xun" // 旬: days 1–10, 11–20, 21–end of the month
)

// Default weights (per m³).
const (
	EcoWeight = 500.0
	HoldValue = 0.002
)

// PriorityWeight is the cost of one m³ of shortage at a priority (1 = domestic, 2 =
// industry, 3 = agriculture, 4 = other): 1000, 100, 10, 1.
func PriorityWeight(p int) float64 {
	switch {
	case p <= 1:
		return 1000
	case p == 2:
		return 100
	case p == 3:
		return 10
	}
	return 1
}

// ErrInvalid marks a problem rejected before solving; the error names the field.
var ErrInvalid = errors.New("dispatch: invalid problem")

// FieldError is a rejected field of a problem.
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return "dispatch: " + e.Field + ": " + e.Msg }

// Is reports whether target is ErrInvalid.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

func invalid(field, format string, args ...any) error {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Node is one work in the network. Series have one value per step (or one value for
// every step) in m³ per step.
type Node struct {
	Code   string `json:"code"`
	Name   string `json:"name,omitempty"`
	Kind   string `json:"kind"`
	Work   string `json:"work_kind,omitempty"` // the register kind (intake, gate, reservoir, …)
	Region string `json:"region,omitempty"`
	// InflowM3 is water arriving from outside the network per step.
	InflowM3 []float64 `json:"inflow_m3,omitempty"`
	// SourceCost is the cost per m³ of external inflow used (not passed on).
	SourceCost float64 `json:"source_cost,omitempty"`
	// CapacityM3Day caps the node's throughput (Σ inflow by links) per day; 0 = none.
	CapacityM3Day float64 `json:"capacity_m3_day,omitempty"`
	// Storage (reservoirs).
	StartM3 float64 `json:"start_m3,omitempty"`
	MinM3   float64 `json:"min_m3,omitempty"`
	MaxM3   float64 `json:"max_m3,omitempty"`
	// Demand of the node itself per step and its priority (1 = first).
	DemandM3 []float64 `json:"demand_m3,omitempty"`
	Priority int       `json:"priority,omitempty"`
	// BaseFlowM3Day is a river's ecological base flow at its control section, m³/day.
	BaseFlowM3Day float64 `json:"base_flow_m3_day,omitempty"`
}

// Link is a directed link with its capacity (m³/day; 0 = closed, negative = none).
type Link struct {
	From          string  `json:"from"`
	To            string  `json:"to"`
	Kind          string  `json:"kind,omitempty"`
	CapacityM3Day float64 `json:"capacity_m3_day"`
	Cost          float64 `json:"cost,omitempty"`
}

// Period is one step of the horizon.
type Period struct {
	Start time.Time `json:"start"` // a UTC date
	Days  int       `json:"days"`
}

// Problem is a dispatch problem over a horizon.
type Problem struct {
	Name  string    `json:"name,omitempty"`
	Start time.Time `json:"start"` // first day (UTC date)
	Step  string    `json:"step"`  // day | xun
	Steps int       `json:"steps"` // number of steps
	Nodes []Node    `json:"nodes"`
	Links []Link    `json:"links"`
}

// Periods returns the steps of the horizon: days, or calendar 旬 (the first one from
// Start to the end of its 旬).
func (p *Problem) Periods() []Period {
	out := make([]Period, 0, p.Steps)
	d := time.Date(p.Start.Year(), p.Start.Month(), p.Start.Day(), 0, 0, 0, 0, time.UTC)
	for len(out) < p.Steps {
		days := 1
		if p.Step == StepXun {
			end := XunEnd(d)
			days = int(end.Sub(d).Hours()/24) + 1
		}
		out = append(out, Period{Start: d, Days: days})
		d = d.AddDate(0, 0, days)
	}
	return out
}

// XunEnd returns the last day of the 旬 holding d: the 10th, the 20th or the month's end.
func XunEnd(d time.Time) time.Time {
	switch {
	case d.Day() <= 10:
		return time.Date(d.Year(), d.Month(), 10, 0, 0, 0, 0, time.UTC)
	case d.Day() <= 20:
		return time.Date(d.Year(), d.Month(), 20, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Year(), d.Month()+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

// MaxCells bounds steps × (nodes + links), the size of one LP.
const MaxCells = 200_000

// Validate checks every field; the error is a *FieldError naming the first problem.
func (p *Problem) Validate() error {
	if p.Step != StepDay && p.Step != StepXun {
		return invalid("step", "must be day or xun, got %q", p.Step)
	}
	if p.Steps < 1 || p.Steps > 366 {
		return invalid("steps", "must be between 1 and 366, got %d", p.Steps)
	}
	if p.Start.IsZero() {
		return invalid("start", "is required")
	}
	if len(p.Nodes) == 0 {
		return invalid("nodes", "at least one node is required")
	}
	if p.Steps*(len(p.Nodes)+len(p.Links)) > MaxCells {
		return invalid("steps", "steps × (nodes + links) = %d exceeds %d", p.Steps*(len(p.Nodes)+len(p.Links)), MaxCells)
	}
	seen := map[string]bool{}
	num := func(field string, v float64) error {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 1e12 {
			return invalid(field, "must be a number between 0 and 1e12, got %v", v)
		}
		return nil
	}
	series := func(field string, xs []float64) error {
		if len(xs) != 0 && len(xs) != 1 && len(xs) != p.Steps {
			return invalid(field, "has %d values; want 1 or %d (one per step)", len(xs), p.Steps)
		}
		for k, x := range xs {
			if err := num(fmt.Sprintf("%s[%d]", field, k), x); err != nil {
				return err
			}
		}
		return nil
	}
	for i := range p.Nodes {
		n := &p.Nodes[i]
		f := fmt.Sprintf("nodes[%d]", i)
		if strings.TrimSpace(n.Code) == "" || seen[n.Code] {
			return invalid(f+".code", "missing or duplicate code %q", n.Code)
		}
		seen[n.Code] = true
		switch n.Kind {
		case KindSource, KindStorage, KindJunction, KindDemand, KindRiver:
		default:
			return invalid(f+".kind", "must be source, storage, junction, demand or river, got %q", n.Kind)
		}
		if err := series(f+".inflow_m3", n.InflowM3); err != nil {
			return err
		}
		if err := series(f+".demand_m3", n.DemandM3); err != nil {
			return err
		}
		for _, c := range []struct {
			name string
			v    float64
		}{{"source_cost", n.SourceCost}, {"capacity_m3_day", n.CapacityM3Day}, {"start_m3", n.StartM3}, {"min_m3", n.MinM3}, {"max_m3", n.MaxM3}, {"base_flow_m3_day", n.BaseFlowM3Day}} {
			if err := num(f+"."+c.name, c.v); err != nil {
				return err
			}
		}
		if n.Kind == KindStorage {
			if n.MinM3 > n.MaxM3 {
				return invalid(f+".min_m3", "%v exceeds max_m3 %v", n.MinM3, n.MaxM3)
			}
			if n.StartM3 < n.MinM3 || n.StartM3 > n.MaxM3 {
				return invalid(f+".start_m3", "%v is outside [min_m3, max_m3] = [%v, %v]", n.StartM3, n.MinM3, n.MaxM3)
			}
		}
		if n.Priority < 0 || n.Priority > 9 {
			return invalid(f+".priority", "must be 0–9, got %d", n.Priority)
		}
	}
	pairs := map[[2]string]bool{}
	for i, l := range p.Links {
		f := fmt.Sprintf("links[%d]", i)
		if !seen[l.From] {
			return invalid(f+".from", "unknown node %q", l.From)
		}
		if !seen[l.To] {
			return invalid(f+".to", "unknown node %q", l.To)
		}
		if l.From == l.To {
			return invalid(f+".to", "a link joins two different nodes")
		}
		if pairs[[2]string{l.From, l.To}] {
			return invalid(f, "duplicate link %s → %s", l.From, l.To)
		}
		pairs[[2]string{l.From, l.To}] = true
		if math.IsNaN(l.CapacityM3Day) || math.IsInf(l.CapacityM3Day, 0) || l.CapacityM3Day > 1e12 {
			return invalid(f+".capacity_m3_day", "must be a finite number, got %v", l.CapacityM3Day)
		}
		if err := num(f+".cost", l.Cost); err != nil {
			return err
		}
	}
	return nil
}

// at returns a series value for step t.
func at(xs []float64, t int) float64 {
	switch len(xs) {
	case 0:
		return 0
	case 1:
		return xs[0]
	}
	return xs[t]
}

// hasOutlet tells whether a node may pass water on unused.
func hasOutlet(kind string) bool {
	return kind == KindSource || kind == KindStorage || kind == KindRiver
}
