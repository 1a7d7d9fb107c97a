package api

import (
	"errors"
	"net/http"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/dispatch"
)

// DispatchInput asks for a dispatch plan from the current data.
type DispatchInput struct {
	Start string `json:"start"` // YYYY-MM-DD, the first day
	Step  string `json:"step"`  // day (default) | xun
	Steps int    `json:"steps"` // days (1–60) or 旬 (1–36); default 30 days / 9 旬
	Note  string `json:"note"`
}

// AckInput acknowledges an order.
type AckInput struct {
	Note string `json:"note"`
}

func (in *DispatchInput) validate() (time.Time, error) {
	if in.Start == "" {
		return time.Time{}, sishui.Invalid("start", "is required (YYYY-MM-DD)")
	}
	start, err := time.Parse("2006-01-02", in.Start)
	if err != nil {
		return time.Time{}, sishui.Invalid("start", "must be a date YYYY-MM-DD")
	}
	if start.Year() < 2000 || start.Year() > 2100 {
		return time.Time{}, sishui.Invalid("start", "must lie between 2000 and 2100")
	}
	if in.Step == "" {
		in.Step = sishui.DispatchStepDay
	}
	maxSteps := 60
	switch in.Step {
	case sishui.DispatchStepDay:
	case sishui.DispatchStepXun:
		maxSteps = 36
	default:
		return time.Time{}, sishui.Invalid("step", "must be day or xun")
	}
	if in.Steps == 0 {
		in.Steps = 30
		if in.Step == sishui.DispatchStepXun {
			in.Steps = 9
		}
	}
	if in.Steps < 1 || in.Steps > maxSteps {
		return time.Time{}, sishui.Invalid("steps", "must be between 1 and %d", maxSteps)
	}
	if err := sishui.CheckNote("note", in.Note); err != nil {
		return time.Time{}, err
	}
	return start, nil
}

// dispatchRoutes are the dispatch plans (调度), their orders and plan vs actual.
func (s *Server) dispatchRoutes() []Route {
	st := s.Store
	planID := func(r *http.Request) (int64, error) { return pathID(r) }
	return []Route{
		{Method: "POST", Path: "/api/v1/dispatch/plans", Summary: "Solve a dispatch plan (daily or 旬 schedule of intakes, reservoir releases and gates) from the current levels, flows and demand forecasts, and store it with its orders; city staff; audited", Tag: "dispatch",
			In: DispatchInput{}, Out: sishui.DispatchPlan{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				a := sishui.ActorFrom(r.Context())
				if a.Role != sishui.RoleAdmin && a.Role != sishui.RoleCity {
					return &sishui.Error{Code: sishui.EFORBIDDEN, Message: "dispatch plans are made by city staff"}
				}
				var in DispatchInput
				if err := decode(r, &in); err != nil {
					return err
				}
				start, err := in.validate()
				if err != nil {
					return err
				}
				p, orders, err := dispatch.Make(r.Context(), st, start, in.Step, in.Steps, time.Now())
				if err != nil {
					var fe *dispatch.FieldError
					if errors.As(err, &fe) {
						return sishui.Invalid("start", "%s", fe.Msg)
					}
					if errors.Is(err, dispatch.ErrInfeasible) {
						return sishui.Errorf(sishui.ECONFLICT, "no feasible schedule: %v", err)
					}
					return err
				}
				p.Note = in.Note
				if err := st.CreateDispatchPlan(r.Context(), p, orders); err != nil {
					return err
				}
				p.Body = nil
				return writeJSON(w, http.StatusCreated, p)
			}},
		{Method: "GET", Path: "/api/v1/dispatch/plans", Summary: "Dispatch plans, the latest first", Tag: "dispatch",
			Query: []Param{{Name: "limit", Type: "integer"}}, Out: []*sishui.DispatchPlan{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				n, err := qInt(r, "limit")
				if err != nil {
					return err
				}
				if n < 0 || n > 500 {
					return sishui.Invalid("limit", "must be between 1 and 500")
				}
				out, err := st.ListDispatchPlans(r.Context(), n)
				return reply(w, out, err)
			}},
		{Method: "GET", Path: "/api/v1/dispatch/plans/{id}", Summary: "A dispatch plan with its solved schedule (problem, flows per link and step, storages, shortages, base-flow deficits)", Tag: "dispatch", Out: sishui.DispatchPlan{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := planID(r)
				if err != nil {
					return err
				}
				out, err := st.GetDispatchPlan(r.Context(), id)
				return reply(w, out, err)
			}},
		{Method: "GET", Path: "/api/v1/dispatch/plans/{id}/orders", Summary: "A plan's orders per work and day (of one work with ?work=)", Tag: "dispatch",
			Query: []Param{{Name: "work", Type: "string"}}, Out: []*sishui.DispatchOrder{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := planID(r)
				if err != nil {
					return err
				}
				if _, err := st.GetDispatchPlan(r.Context(), id); err != nil {
					return err
				}
				out, err := st.ListDispatchOrders(r.Context(), id, r.URL.Query().Get("work"))
				return reply(w, out, err)
			}},
		{Method: "POST", Path: "/api/v1/dispatch/plans/{id}/orders/{work}/{day}/ack", Summary: "Acknowledge an order (the work's operator: city staff or the work's county); once; audited", Tag: "dispatch",
			In: AckInput{}, Out: sishui.DispatchOrder{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := planID(r)
				if err != nil {
					return err
				}
				var in AckInput
				if err := decode(r, &in); err != nil {
					return err
				}
				out, err := st.AcknowledgeDispatchOrder(r.Context(), id, r.PathValue("work"), r.PathValue("day"), in.Note)
				return reply(w, out, err)
			}},
		{Method: "GET", Path: "/api/v1/dispatch/plans/{id}/actual", Summary: "Plan vs actual from the metered data: each order's deviation in m³ split into demand, inflow and operation", Tag: "dispatch",
			Out: []dispatch.Deviation{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := planID(r)
				if err != nil {
					return err
				}
				out, err := dispatch.Compare(r.Context(), st, id, time.Now())
				return reply(w, out, err)
			}},
	}
}
