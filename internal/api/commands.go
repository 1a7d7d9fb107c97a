package api

import (
	"net/http"

	"github.com/sishui/sishui"
)

// CommandInput is a downlink command as clients send it.
type CommandInput struct {
	Kind      string `json:"kind"`                 // query_realtime, set_clock, query_clock, read_config, set_password, set_interval
	Password  string `json:"password,omitempty"`   // set_password: the new terminal password, 4 hex digits (write-only)
	IntervalH int    `json:"interval_h,omitempty"` // set_interval: timed-report interval in hours, 1–24
}

// commandRoutes are the downlink command queue (下行命令): queued durably,
// sent by the gateway's dispatcher when the terminal is online.
func (s *Server) commandRoutes() []Route {
	st := s.Store
	return []Route{
		{Method: "POST", Path: "/api/v1/points/{id}/commands", Summary: "Queue a downlink command to the point's terminal (sent when it is online)", Tag: "telemetry",
			In: CommandInput{}, Out: sishui.TerminalCommand{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var in CommandInput
				if err := decode(r, &in); err != nil {
					return err
				}
				c := &sishui.TerminalCommand{PointID: id, Kind: in.Kind, Password: in.Password, IntervalH: in.IntervalH}
				return replyCreated(w, c, st.CreateTerminalCommand(r.Context(), c))
			}},
		{Method: "GET", Path: "/api/v1/points/{id}/commands", Summary: "The point's downlink commands, newest first, with status and reply", Tag: "telemetry",
			Out: []sishui.TerminalCommand{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				if _, err := st.GetPoint(r.Context(), id); err != nil {
					return err
				}
				cs, err := st.ListTerminalCommands(r.Context(), sishui.TerminalCommandFilter{PointID: id})
				return reply(w, nonNil(cs), err)
			}},
		{Method: "GET", Path: "/api/v1/terminal-commands", Summary: "Downlink commands, newest first", Tag: "telemetry", Out: []sishui.TerminalCommand{},
			Query: []Param{{"status", "string", "queued, sent, answered, timeout, cancelled or failed"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				status := r.URL.Query().Get("status")
				switch status {
				case "", sishui.CommandQueued, sishui.CommandSent, sishui.CommandAnswered, sishui.CommandTimeout, sishui.CommandCancelled, sishui.CommandFailed:
				default:
					return sishui.Invalid("status", "must be queued, sent, answered, timeout, cancelled or failed")
				}
				cs, err := st.ListTerminalCommands(r.Context(), sishui.TerminalCommandFilter{Status: status, Limit: sishui.MaxPageLimit})
				return reply(w, nonNil(cs), err)
			}},
		{Method: "POST", Path: "/api/v1/terminal-commands/{id}/cancel", Summary: "Cancel a queued downlink command (409 once sent)", Tag: "telemetry",
			Out: sishui.TerminalCommand{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				c, err := st.GetTerminalCommand(r.Context(), id)
				if err != nil {
					return err
				}
				c.Status = sishui.CommandCancelled
				return reply(w, c, st.UpdateTerminalCommand(r.Context(), c, sishui.CommandQueued))
			}},
	}
}
