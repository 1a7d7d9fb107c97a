package api

import (
	"net/http"

	"github.com/sishui/sishui"
)

// reuseRoutes serve indicator 8's register: enterprises' yearly water-reuse reports.
func (s *Server) reuseRoutes() []Route {
	st := s.Store
	const tag = "indicators"
	return []Route{
		{Method: "GET", Path: "/api/v1/industrial-reuse", Summary: "Indicator 8's register (规模以上工业用水重复利用率): enterprises' yearly reuse reports in the caller's scope", Tag: tag,
			Out: []*sishui.ReuseReport{}, Query: []Param{{"year", "integer", "year"}, {"region", "string", "region code (and below)"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				if year != 0 && (year < 1949 || year > 2200) {
					return sishui.Invalid("year", "must be between 1949 and 2200")
				}
				v, err := st.ListReuseReports(r.Context(), sishui.ReuseFilter{Year: year, Region: r.URL.Query().Get("region")})
				if v == nil {
					v = []*sishui.ReuseReport{}
				}
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/industrial-reuse", Summary: "File or replace an enterprise's yearly reuse report (enterprises their own, county staff their region's; audited)", Tag: tag,
			In: sishui.ReuseReport{}, Out: sishui.ReuseReport{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in sishui.ReuseReport
				if err := decode(r, &in); err != nil {
					return err
				}
				rep := &sishui.ReuseReport{UserID: in.UserID, Year: in.Year, IntakeM3: in.IntakeM3, ReusedM3: in.ReusedM3, AboveSize: in.AboveSize, Basis: in.Basis, Note: in.Note}
				return reply(w, rep, st.PutReuseReport(r.Context(), rep))
			}},
	}
}
