package api

import (
	"net/http"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/livecap"
)

// LiveCapacityRefresh is the body of POST /api/v1/capacity/live/refresh.
type LiveCapacityRefresh struct {
	From int `json:"from"` // yyyymm
	To   int `json:"to"`   // yyyymm, at most 24 months after From
}

// LiveCapacityRoutes returns the live carrying-capacity history: each
// county's monthly grade from the data (use against caps, metered deep
// groundwater, the wells' depth trend) with its basis.
func LiveCapacityRoutes(r *livecap.Refresher) []Route {
	return []Route{
		{Method: "GET", Path: "/api/v1/capacity/live", Summary: "Live carrying-capacity grades by county and month, with their basis", Tag: "accounting",
			Public: true, Out: []*sishui.CapacityMonth{},
			Query: []Param{{"region", "string", "county code (default: all in scope)"}, {"from", "integer", "first month yyyymm"}, {"to", "integer", "last month yyyymm"}},
			Handler: func(w http.ResponseWriter, req *http.Request) error {
				from, err := qInt(req, "from")
				if err != nil {
					return err
				}
				to, err := qInt(req, "to")
				if err != nil {
					return err
				}
				for _, m := range []struct {
					name string
					v    int
				}{{"from", from}, {"to", to}} {
					if m.v != 0 && (m.v < 194901 || m.v > 220012 || m.v%100 < 1 || m.v%100 > 12) {
						return sishui.Invalid(m.name, "must be yyyymm, got %d", m.v)
					}
				}
				v, err := r.Store.ListCapacityHistory(req.Context(), req.URL.Query().Get("region"), from, to)
				return reply(w, v, err)
			}},
		{Method: "POST", Path: "/api/v1/capacity/live/refresh", Summary: "Recompute the live carrying-capacity months from the data (city staff)", Tag: "accounting",
			In: LiveCapacityRefresh{}, Out: []*sishui.CapacityMonth{},
			Handler: func(w http.ResponseWriter, req *http.Request) error {
				switch sishui.ActorFrom(req.Context()).Role {
				case sishui.RoleAdmin, sishui.RoleCity:
				default:
					return &sishui.Error{Code: sishui.EFORBIDDEN, Message: "only city staff and administrators recompute the history"}
				}
				var body LiveCapacityRefresh
				if err := decodeRequired(req, &body, "from", "to"); err != nil {
					return err
				}
				for _, m := range []struct {
					name string
					v    int
				}{{"from", body.From}, {"to", body.To}} {
					if m.v < 194901 || m.v > 220012 || m.v%100 < 1 || m.v%100 > 12 {
						return sishui.Invalid(m.name, "must be yyyymm, got %d", m.v)
					}
				}
				months := (body.To/100-body.From/100)*12 + body.To%100 - body.From%100
				if months < 0 {
					return sishui.Invalid("to", "must not be before from")
				}
				if months >= 24 {
					return sishui.Invalid("to", "at most 24 months at once")
				}
				if now := time.Now().In(sishui.BeijingTime); body.To > now.Year()*100+int(now.Month()) {
					return sishui.Invalid("to", "must not be after this month")
				}
				v, err := r.Refresh(req.Context(), body.From, body.To)
				return reply(w, v, err)
			}},
	}
}
