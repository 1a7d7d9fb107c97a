package api

import (
	"net/http"

	"github.com/sishui/sishui"
)

// Network is the works register as a graph: the nodes and the links (from → to, capacity).
type Network struct {
	Works []*sishui.Work     `json:"works"`
	Links []*sishui.WorkLink `json:"links"`
}

// MeasurementInput records a measurement on a work.
type MeasurementInput struct {
	Year   int     `json:"year"`
	Metric string  `json:"metric"`
	Field  string  `json:"field"`
	Season string  `json:"season"`
	Value  float64 `json:"value"`
	Basis  string  `json:"basis"` // measured (default) | entered
	Note   string  `json:"note"`
}

// worksRoutes are the works register, its network and the measurements on works.
func (s *Server) worksRoutes() []Route {
	st := s.Store
	return []Route{
		{Method: "GET", Path: "/api/v1/works", Summary: "The works register (rivers, reservoirs, irrigation districts, intakes, water works, plants, chemical parks, ponds) with basis fact/mixed/invented", Tag: "works",
			Query: []Param{{Name: "kind", Type: "string"}, {Name: "region", Type: "string", Doc: "works in or crossing this region"}}, Out: []*sishui.Work{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				out, err := st.ListWorks(r.Context(), sishui.WorkFilter{Kind: r.URL.Query().Get("kind"), Region: r.URL.Query().Get("region")})
				return reply(w, out, err)
			}},
		{Method: "GET", Path: "/api/v1/works/network", Summary: "The works as a network for the dispatch model: nodes and links (from → to, capacity m³/s)", Tag: "works", Out: Network{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				ws, err := st.ListWorks(r.Context(), sishui.WorkFilter{})
				if err != nil {
					return err
				}
				ls, err := st.ListWorkLinks(r.Context())
				return reply(w, Network{Works: ws, Links: ls}, err)
			}},
		{Method: "GET", Path: "/api/v1/works/{code}", Summary: "One work", Tag: "works", Out: sishui.Work{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				out, err := st.GetWork(r.Context(), r.PathValue("code"))
				return reply(w, out, err)
			}},
		{Method: "GET", Path: "/api/v1/works/measurements", Summary: "A year's measurements on works (the inputs of the computed indicators 4, 7, 8, 9)", Tag: "works",
			Query: []Param{{Name: "year", Type: "integer"}, {Name: "kind", Type: "string"}}, Out: []*sishui.Measurement{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				if year == 0 {
					return sishui.Invalid("year", "is required")
				}
				out, err := st.ListMeasurements(r.Context(), year, r.URL.Query().Get("kind"))
				return reply(w, out, err)
			}},
		{Method: "PUT", Path: "/api/v1/works/{code}/measurements", Summary: "Record a measurement on a work (irrigation survey, supplied and registered volumes, park meters, reuse reports); audited", Tag: "works",
			In: MeasurementInput{}, Out: sishui.Measurement{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in MeasurementInput
				if err := decode(r, &in); err != nil {
					return err
				}
				if in.Basis == "" {
					in.Basis = "measured"
				}
				m := &sishui.Measurement{Work: r.PathValue("code"), Year: in.Year, Metric: in.Metric, Field: in.Field, Season: in.Season, Value: in.Value, Basis: in.Basis, Note: in.Note}
				return reply(w, m, st.PutMeasurement(r.Context(), m))
			}},
	}
}
