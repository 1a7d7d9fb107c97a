package sishui

import (
	"context"
	"encoding/json"
	"math"
	"time"
)

// Dispatch steps.
const (
	DispatchStepDay = "day"
	DispatchStepXun = "xun" // 旬
)

// DispatchPlan is a stored dispatch schedule (调度计划): the model's answer for a
// horizon from a start day, with its orders per work and step.
type DispatchPlan struct {
	ID        int64     `json:"id"`
	Created   time.Time `json:"created"`
	Actor     string    `json:"actor"`
	Start     string    `json:"start"` // YYYY-MM-DD
	Step      string    `json:"step"`  // day | xun
	Steps     int       `json:"steps"`
	Objective float64   `json:"objective"`
	SolveMS   float64   `json:"solve_ms"`
	Note      string    `json:"note,omitempty"`
	// Body is the solved plan (periods, links, flows, storages, shortages) as JSON.
	Body json.RawMessage `json:"body,omitempty"`
	// Orders and Acknowledged count the plan's orders and those acknowledged.
	Orders       int `json:"orders"`
	Acknowledged int `json:"acknowledged"`
}

// DispatchOrder is what one work is told to do in one step of a plan; an operator
// acknowledges it (audited).
type DispatchOrder struct {
	Plan             int64      `json:"plan"`
	Work             string     `json:"work"`
	Day              string     `json:"day"` // YYYY-MM-DD, the step's first day
	Days             int        `json:"days"`
	Action           string     `json:"action"` // withdraw | release | pass | supply
	VolumeM3         float64    `json:"volume_m3"`
	FlowM3s          float64    `json:"flow_m3s"`
	TargetLevelM     float64    `json:"target_level_m,omitempty"`
	ForecastDemandM3 float64    `json:"forecast_demand_m3"`
	ForecastInflowM3 float64    `json:"forecast_inflow_m3"`
	AckBy            string     `json:"ack_by,omitempty"`
	AckAt            *time.Time `json:"ack_at,omitempty"`
	AckNote          string     `json:"ack_note,omitempty"`
}

// Validate checks the plan's own fields.
func (p *DispatchPlan) Validate() error {
	if _, err := time.Parse("2006-01-02", p.Start); err != nil {
		return Invalid("start", "must be a date YYYY-MM-DD")
	}
	if p.Step != DispatchStepDay && p.Step != DispatchStepXun {
		return Invalid("step", "must be day or xun")
	}
	if p.Steps < 1 || p.Steps > 366 {
		return Invalid("steps", "must be between 1 and 366")
	}
	if math.IsNaN(p.Objective) || math.IsInf(p.Objective, 0) {
		return Invalid("objective", "must be finite")
	}
	if err := CheckNote("note", p.Note); err != nil {
		return err
	}
	if len(p.Body) > 0 && !json.Valid(p.Body) {
		return Invalid("body", "must be JSON")
	}
	return nil
}

// Validate checks the order's own fields.
func (o *DispatchOrder) Validate() error {
	if !isCode(o.Work) {
		return Invalid("work", "must be a work code")
	}
	if _, err := time.Parse("2006-01-02", o.Day); err != nil {
		return Invalid("day", "must be a date YYYY-MM-DD")
	}
	if o.Days < 1 || o.Days > 31 {
		return Invalid("days", "must be between 1 and 31")
	}
	switch o.Action {
	case "withdraw", "release", "pass", "supply":
	default:
		return Invalid("action", "must be withdraw, release, pass or supply")
	}
	for _, f := range []struct {
		n string
		v float64
	}{{"volume_m3", o.VolumeM3}, {"flow_m3s", o.FlowM3s}, {"target_level_m", o.TargetLevelM}, {"forecast_demand_m3", o.ForecastDemandM3}, {"forecast_inflow_m3", o.ForecastInflowM3}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v < 0 || f.v > MaxVolumeM3 {
			return Invalid(f.n, "must be a number between 0 and 1e12")
		}
	}
	return nil
}

// DispatchStore holds dispatch plans and their orders. Plans are written by city
// staff, administrators and the platform (audited); reads are for government
// accounts; an order is acknowledged by city staff or by the county the work lies
// in, once (audited).
type DispatchStore interface {
	// CreateDispatchPlan stores a plan and its orders in one transaction; p.ID is set.
	CreateDispatchPlan(ctx context.Context, p *DispatchPlan, orders []*DispatchOrder) error
	// ListDispatchPlans lists the latest plans first, without their bodies.
	ListDispatchPlans(ctx context.Context, limit int) ([]*DispatchPlan, error)
	// GetDispatchPlan returns ENOTFOUND for an unknown id.
	GetDispatchPlan(ctx context.Context, id int64) (*DispatchPlan, error)
	// ListDispatchOrders lists a plan's orders by day and work (of one work when set).
	ListDispatchOrders(ctx context.Context, plan int64, work string) ([]*DispatchOrder, error)
	// AcknowledgeDispatchOrder marks an order acknowledged; ECONFLICT when it already is,
	// ENOTFOUND when there is no such order.
	AcknowledgeDispatchOrder(ctx context.Context, plan int64, work, day, note string) (*DispatchOrder, error)
}
