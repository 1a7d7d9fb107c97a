package api

import (
	"net/http"

	"github.com/sishui/sishui"
)

// outboxRoutes: the national link's backlog per station (上报积压).
func (s *Server) outboxRoutes() []Route {
	return []Route{
		{Method: "GET", Path: "/api/v1/outbox/stations", Summary: "National-link backlog per station: queued samples and the lag of the oldest, most queued first", Tag: "telemetry",
			Out: []sishui.StationBacklog{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				items, err := s.Store.OutboxStations(r.Context())
				if err != nil {
					return err
				}
				return writeJSON(w, http.StatusOK, items)
			}},
	}
}
