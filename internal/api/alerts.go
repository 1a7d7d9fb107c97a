package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/alerting"
)

// AckRequest is the body of POST /api/v1/alerts/{id}/ack.
type AckRequest struct {
	Comment string `json:"comment"`
}

// sseHeartbeat is the interval of the alert stream's heartbeat comments.
const sseHeartbeat = 15 * time.Second

// AlertRoutes returns the routes of the warning service: alerts in the
// caller's scope (list, detail, acknowledgement, live stream), named from the
// registry.
func AlertRoutes(svc *alerting.Service) []Route {
	st := svc.Store()
	return []Route{
		{Method: "GET", Path: "/api/v1/alerts", Summary: "Alerts in the caller's scope, newest first", Tag: "alerts", Out: List[sishui.Alert]{},
			Query: sortedList(sishui.AlertSorts, "subject, the subject's registry name or message (level sorts blue < yellow < orange < red)",
				Param{"state", "string", "pending | firing | acknowledged | resolved | open"}, Param{"level", "string", "blue | yellow | orange | red"},
				Param{"kind", "string", "rule kind"}, Param{"region", "string", "region code"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := qSortedPage(r, sishui.AlertSorts)
				if err != nil {
					return err
				}
				q := r.URL.Query()
				v, total, err := st.ListAlerts(r.Context(), sishui.AlertFilter{State: q.Get("state"), Level: q.Get("level"), Kind: q.Get("kind"), Region: q.Get("region"), Query: q.Get("q"), Page: p})
				if err == nil {
					err = svc.NameAlerts(r.Context(), v...)
				}
				return replyList(w, v, total, p, err)
			}},
		{Method: "GET", Path: "/api/v1/alerts/stream", Summary: "Server-sent events: `event: alert` with the alert JSON on every change; heartbeat comments", Tag: "alerts",
			Handler: func(w http.ResponseWriter, r *http.Request) error { return streamAlerts(svc, w, r) }},
		{Method: "GET", Path: "/api/v1/alerts/{id}", Summary: "An alert with its event history", Tag: "alerts", Out: sishui.Alert{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.GetAlert(r.Context(), id)
				if err == nil {
					err = svc.NameAlerts(r.Context(), v)
				}
				return reply(w, v, err)
			}},
		{Method: "POST", Path: "/api/v1/alerts/{id}/ack", Summary: "Acknowledge a firing alert (city, county, admin; audited)", Tag: "alerts", In: AckRequest{}, Out: sishui.Alert{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var body AckRequest
				if err := decode(r, &body); err != nil {
					return err
				}
				v, err := svc.Ack(r.Context(), id, body.Comment)
				if err == nil {
					err = svc.NameAlerts(r.Context(), v)
				}
				return reply(w, v, err)
			}},
	}
}

// streamAlerts serves the alert stream as server-sent events.
func streamAlerts(svc *alerting.Service, w http.ResponseWriter, r *http.Request) error {
	fl, ok := w.(http.Flusher)
	if !ok {
		return &sishui.Error{Code: sishui.EINTERNAL, Message: "streaming unsupported"}
	}
	ch, cancel, err := svc.SubscribeAlerts(r.Context())
	if err != nil {
		return err
	}
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if _, err := fmt.Fprint(w, ": sishui alert stream\nretry: 5000\n\n"); err != nil {
		return nil
	}
	fl.Flush()
	tick := time.NewTicker(sseHeartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return nil
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": heartbeat\n\n"); err != nil {
				return nil
			}
			fl.Flush()
		case a := <-ch:
			if err := svc.NameAlerts(r.Context(), &a); err != nil {
				return nil
			}
			b, err := json.Marshal(a)
			if err != nil {
				return nil
			}
			if _, err := fmt.Fprintf(w, "id: %d\nevent: alert\ndata: %s\n\n", a.ID, b); err != nil {
				return nil
			}
			fl.Flush()
		}
	}
}
