package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sishui/sishui"
)

func canWriteDispatch(ctx context.Context, op string) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem:
		return nil
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "dispatch plans are made by city staff"}
}

// CreateDispatchPlan stores a plan and its orders in one transaction (audited).
func (s *DB) CreateDispatchPlan(ctx context.Context, p *sishui.DispatchPlan, orders []*sishui.DispatchOrder) error {
	const op = "create dispatch plan"
	if err := canWriteDispatch(ctx, op); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	for i, o := range orders {
		if err := o.Validate(); err != nil {
			return s.mapErr(op, fmt.Errorf("orders[%d]: %w", i, err), "")
		}
	}
	a := sishui.ActorFrom(ctx)
	p.Created, p.Actor = fromMS(ms(s.Now())), a.Username
	body := string(p.Body)
	if body == "" {
		body = "{}"
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO dispatch_plans (created_ms, actor, start_day, step, steps, objective, solve_ms, note, body)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`), ms(p.Created), p.Actor, p.Start, p.Step, p.Steps, p.Objective, p.SolveMS, p.Note, body).Scan(&p.ID); err != nil {
			return err
		}
		seen := map[[2]string]bool{}
		for i, o := range orders {
			if seen[[2]string{o.Work, o.Day}] {
				return sishui.Invalid(fmt.Sprintf("orders[%d]", i), "work %s has two orders on %s", o.Work, o.Day)
			}
			seen[[2]string{o.Work, o.Day}] = true
			if err := exists(ctx, s, tx, "works", "code", o.Work, fmt.Sprintf("orders[%d].work", i)); err != nil {
				return err
			}
			o.Plan = p.ID
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO dispatch_orders (plan_id, work, day, days, action, volume_m3, flow_m3s, target_level_m, forecast_demand_m3, forecast_inflow_m3)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`), p.ID, o.Work, o.Day, o.Days, o.Action, o.VolumeM3, o.FlowM3s, o.TargetLevelM, o.ForecastDemandM3, o.ForecastInflowM3); err != nil {
				return err
			}
		}
		p.Orders = len(orders)
		return s.audit(ctx, tx, "create", "dispatch_plan", fmt.Sprint(p.ID), nil,
			map[string]any{"start": p.Start, "step": p.Step, "steps": p.Steps, "objective": p.Objective, "orders": len(orders), "note": p.Note}, "")
	})
	return s.mapErr(op, err, "")
}

const dispatchPlanCols = `p.id, p.created_ms, p.actor, p.start_day, p.step, p.steps, p.objective, p.solve_ms, p.note,
	(SELECT COUNT(*) FROM dispatch_orders o WHERE o.plan_id = p.id),
	(SELECT COUNT(*) FROM dispatch_orders o WHERE o.plan_id = p.id AND o.ack_ms IS NOT NULL)`

func scanDispatchPlan(sc scanner, body *string) (*sishui.DispatchPlan, error) {
	var p sishui.DispatchPlan
	var created int64
	dest := []any{&p.ID, &created, &p.Actor, &p.Start, &p.Step, &p.Steps, &p.Objective, &p.SolveMS, &p.Note, &p.Orders, &p.Acknowledged}
	if body != nil {
		dest = append(dest, body)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	p.Created = fromMS(created)
	return &p, nil
}

// ListDispatchPlans lists the latest plans first, without bodies.
func (s *DB) ListDispatchPlans(ctx context.Context, limit int) ([]*sishui.DispatchPlan, error) {
	if err := canReadPlan(ctx, "list dispatch plans"); err != nil {
		return nil, err
	}
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	return all(ctx, s, `SELECT `+dispatchPlanCols+` FROM dispatch_plans p ORDER BY p.id DESC LIMIT ?`, []any{limit},
		func(sc interface{ Scan(...any) error }) (*sishui.DispatchPlan, error) {
			return scanDispatchPlan(sc, nil)
		})
}

// GetDispatchPlan returns a plan with its body.
func (s *DB) GetDispatchPlan(ctx context.Context, id int64) (*sishui.DispatchPlan, error) {
	const op = "get dispatch plan"
	if err := canReadPlan(ctx, op); err != nil {
		return nil, err
	}
	var body string
	p, err := scanDispatchPlan(s.DB.QueryRowContext(ctx, s.q(`SELECT `+dispatchPlanCols+`, p.body FROM dispatch_plans p WHERE p.id = ?`), id), &body)
	if err == sql.ErrNoRows {
		return nil, sishui.NotFound("dispatch plan %d not found", id)
	}
	if err != nil {
		return nil, s.mapErr(op, err, "")
	}
	p.Body = []byte(body)
	return p, nil
}

const dispatchOrderCols = `plan_id, work, day, days, action, volume_m3, flow_m3s, target_level_m, forecast_demand_m3, forecast_inflow_m3, ack_by, ack_ms, ack_note`

func scanDispatchOrder(sc interface{ Scan(...any) error }) (*sishui.DispatchOrder, error) {
	var o sishui.DispatchOrder
	var ack sql.NullInt64
	if err := sc.Scan(&o.Plan, &o.Work, &o.Day, &o.Days, &o.Action, &o.VolumeM3, &o.FlowM3s, &o.TargetLevelM, &o.ForecastDemandM3, &o.ForecastInflowM3, &o.AckBy, &ack, &o.AckNote); err != nil {
		return nil, err
	}
	if ack.Valid {
		t := fromMS(ack.Int64)
		o.AckAt = &t
	}
	return &o, nil
}

// ListDispatchOrders lists a plan's orders by day and work.
func (s *DB) ListDispatchOrders(ctx context.Context, plan int64, work string) ([]*sishui.DispatchOrder, error) {
	if err := canReadPlan(ctx, "list dispatch orders"); err != nil {
		return nil, err
	}
	var w where
	w.add("plan_id = ?", plan)
	if work != "" {
		w.add("work = ?", work)
	}
	return all(ctx, s, `SELECT `+dispatchOrderCols+` FROM dispatch_orders`+w.String()+` ORDER BY day, work`, w.args, scanDispatchOrder)
}

// AcknowledgeDispatchOrder marks an order acknowledged (audited), once. City staff
// and administrators acknowledge any order; a county the orders of works in it.
func (s *DB) AcknowledgeDispatchOrder(ctx context.Context, plan int64, work, day, note string) (*sishui.DispatchOrder, error) {
	const op = "acknowledge dispatch order"
	a := sishui.ActorFrom(ctx)
	switch a.Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem, sishui.RoleCounty:
	default:
		return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "orders are acknowledged by the works' operators"}
	}
	if err := sishui.CheckNote("note", note); err != nil {
		return nil, s.mapErr(op, err, "")
	}
	var out *sishui.DispatchOrder
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		o, err := scanDispatchOrder(tx.QueryRowContext(ctx, s.q(`SELECT `+dispatchOrderCols+` FROM dispatch_orders WHERE plan_id = ? AND work = ? AND day = ?`), plan, work, day))
		if err == sql.ErrNoRows {
			return sishui.NotFound("no order for work %q on %q in plan %d", work, day, plan)
		}
		if err != nil {
			return err
		}
		if a.Role == sishui.RoleCounty {
			var region string
			if err := tx.QueryRowContext(ctx, s.q(`SELECT region FROM works WHERE code = ?`), work).Scan(&region); err != nil {
				return err
			}
			if region != a.Region {
				// the same answer as for an order that does not exist
				return sishui.NotFound("no order for work %q on %q in plan %d", work, day, plan)
			}
		}
		if o.AckAt != nil {
			return &sishui.Error{Code: sishui.ECONFLICT, Op: op, Message: fmt.Sprintf("acknowledged by %s already", o.AckBy)}
		}
		now := fromMS(ms(s.Now()))
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE dispatch_orders SET ack_by = ?, ack_ms = ?, ack_note = ? WHERE plan_id = ? AND work = ? AND day = ?`),
			a.Username, ms(now), note, plan, work, day); err != nil {
			return err
		}
		before := *o
		o.AckBy, o.AckAt, o.AckNote = a.Username, &now, note
		out = o
		return s.audit(ctx, tx, "acknowledge", "dispatch_order", fmt.Sprintf("%d/%s/%s", plan, work, day), before, o, note)
	})
	if err != nil {
		return nil, s.mapErr(op, err, "")
	}
	return out, nil
}
