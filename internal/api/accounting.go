package api

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/permitting"
	"github.com/sishui/sishui/internal/permitview"
	"github.com/sishui/sishui/internal/report"
)

// OverrideRequest is the body of POST /api/v1/permits/override.
type OverrideRequest struct {
	Permit        sishui.Permit `json:"permit"`
	Justification string        `json:"justification"`
}

// AccountingRoutes returns the routes of the accounting service: indicators,
// use, overview and summaries, point status, 限批 overrides, entered use and
// reports (the alerts are AlertRoutes').
func AccountingRoutes(svc *accounting.Service) []Route {
	st := svc.Store()
	return []Route{
		// Issue 13: next year's cap cuts proposed from last year's missed intensity targets.
		{Method: "GET", Path: "/api/v1/cap-reductions", Summary: "Proposed cuts of a year's caps for the city and counties that missed the configured intensity targets the year before (山东省水资源条例 arts. 39–40; percentage from the permit rules, default 0 = flag only)", Tag: "permitting",
			Out: []permitting.CapReduction{}, Query: []Param{{"year", "integer", "the year whose caps are cut (default: next year)"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				if year == 0 {
					year = time.Now().In(sishui.BeijingTime).Year() + 1
				}
				v, err := svc.CapReductions(r.Context(), year, permitview.ConfigOf(st))
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/indicators", Summary: "The plan's ten indicators for a year: target, actual, basis, status, year to date and projection", Tag: "accounting",
			Public: true, Out: []accounting.IndicatorStatus{},
			Query: []Param{{"year", "integer", "year (default: the current year)"}, {"region", "string", "region code (default: the city)"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				v, err := svc.Indicators(r.Context(), r.URL.Query().Get("region"), year)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/use", Summary: "Water use of a region and year by month, source, sector or region (from the rollups)", Tag: "accounting",
			Public: true, Out: []accounting.UseRow{},
			Query: []Param{{"region", "string", "region code (default: the caller's)"}, {"year", "integer", "year"}, {"by", "string", "month | source | sector | region"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				v, err := svc.Use(r.Context(), r.URL.Query().Get("region"), year, r.URL.Query().Get("by"))
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/use/entered", Summary: "Enter (or replace) a monthly volume of unmetered use", Tag: "accounting",
			In: sishui.EnteredUse{}, Out: sishui.EnteredUse{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var e sishui.EnteredUse
				if err := decodeRequired(r, &e, "volume_m3"); err != nil {
					return err
				}
				return reply(w, e, st.UpsertEnteredUse(r.Context(), &e))
			}},
		{Method: "GET", Path: "/api/v1/use/entered", Summary: "Entered monthly volumes of unmetered use", Tag: "accounting", Out: []sishui.EnteredUse{},
			Query: []Param{{"region", "string", "region code"}, {"year", "integer", "year"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				f := sishui.UseFilter{Region: r.URL.Query().Get("region")}
				if year != 0 {
					f.FromMonth, f.ToMonth = year*100+1, year*100+12
				}
				v, err := st.ListEnteredUse(r.Context(), f)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/overview", Summary: "The city (or the caller's county) against its caps, with its counties", Tag: "accounting",
			Public: true, Out: accounting.Overview{}, Query: []Param{{"year", "integer", "year"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				v, err := svc.Overview(r.Context(), year)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/regions/{code}/summary", Summary: "A region's use against its caps, carrying-capacity grade, points and alerts", Tag: "accounting",
			Public: true, Out: accounting.RegionSummary{}, Query: []Param{{"year", "integer", "year"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				v, err := svc.RegionSummary(r.Context(), r.PathValue("code"), year)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/points/status", Summary: "Reporting state of the monitoring points (format=compact: parallel arrays and counts per region for maps)", Tag: "accounting", Out: []accounting.PointStatus{},
			Query: []Param{{"region", "string", "region code"}, {"format", "string", "full (default) | compact (PointsCompact)"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				format := r.URL.Query().Get("format")
				if format != "" && format != "full" && format != "compact" {
					return sishui.Invalid("format", "must be full or compact, got %q", format)
				}
				v, err := svc.PointsStatus(r.Context(), r.URL.Query().Get("region"))
				if err == nil && format == "compact" {
					return reply(w, compactStatus(v), nil)
				}
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/points/{id}/daily", Summary: "A point's daily volumes and reports received/expected (completeness calendar)", Tag: "accounting",
			Out: []accounting.DayUse{}, Query: []Param{{"from", "date", "first day (Beijing)"}, {"to", "date", "end (exclusive)"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				from, err := qTime(r, "from")
				if err != nil {
					return err
				}
				to, err := qTime(r, "to")
				if err != nil {
					return err
				}
				v, err := svc.PointDaily(r.Context(), id, from, to)
				return reply(w, v, err)
			}},
		{Method: "POST", Path: "/api/v1/accounting/recompute", Summary: "Recompute a point's daily use for a period (after corrections)", Tag: "accounting",
			Query: []Param{{"point", "integer", "point id"}, {"from", "date", "first day"}, {"to", "date", "end (exclusive)"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				switch sishui.ActorFrom(r.Context()).Role {
				case sishui.RoleAdmin, sishui.RoleCity:
				default:
					return &sishui.Error{Code: sishui.EFORBIDDEN, Message: "only city staff and administrators recompute the accounting"}
				}
				id, err := qInt64(r, "point")
				if err != nil {
					return err
				}
				from, err := qTime(r, "from")
				if err != nil {
					return err
				}
				to, err := qTime(r, "to")
				if err != nil {
					return err
				}
				if id == 0 || from.IsZero() || !to.After(from) {
					return sishui.Invalid("point", "point, from and to (after from) are required")
				}
				return replyNoContent(w, svc.Update(r.Context(), id, from, to))
			}},

		// 限批 overrides.
		{Method: "POST", Path: "/api/v1/permits/override", Summary: "Create (id 0) or update a permit despite 限批 (administrators; audited with the justification)", Tag: "registry",
			In: OverrideRequest{}, Out: sishui.Permit{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				if sishui.ActorFrom(r.Context()).Role != sishui.RoleAdmin {
					return &sishui.Error{Code: sishui.EFORBIDDEN, Message: "only administrators may override 限批"}
				}
				var body OverrideRequest
				if err := decode(r, &body); err != nil {
					return err
				}
				if strings.TrimSpace(body.Justification) == "" {
					return sishui.Invalid("justification", "is required")
				}
				ctx := sishui.WithPermitOverride(r.Context(), body.Justification)
				p := body.Permit
				if p.ID == 0 {
					return replyCreated(w, p, st.CreatePermit(ctx, &p))
				}
				return reply(w, p, st.UpdatePermit(ctx, &p))
			}},
		{Method: "GET", Path: "/api/v1/permits/overrides", Summary: "The 限批 overrides, newest first", Tag: "registry", Out: List[sishui.PermitOverride]{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := qPage(r)
				if err != nil {
					return err
				}
				v, total, err := st.ListPermitOverrides(r.Context(), p)
				return replyList(w, v, total, p, err)
			}},

		// Reports.
		{Method: "GET", Path: "/api/v1/reports/{kind}", Summary: "Monthly or annual report (json, csv or xlsx)", Tag: "reports", Out: report.Report{},
			Query: []Param{{"region", "string", "region code"}, {"year", "integer", "year"}, {"month", "integer", "month (monthly reports)"},
				{"format", "string", "json | csv | xlsx"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				month, err := qInt(r, "month")
				if err != nil {
					return err
				}
				rep, err := svc.Report(r.Context(), r.PathValue("kind"), r.URL.Query().Get("region"), year, month)
				if err != nil {
					return err
				}
				return writeReport(w, rep, r.URL.Query().Get("format"))
			}},
	}
}

// PointsCompact is GET /api/v1/points/status?format=compact: the points as
// parallel arrays (status as an index into Statuses, coordinates to five
// decimals, about a metre) and the count of each status per region, so a map
// of ten thousand points costs a fraction of the full list's bytes.
type PointsCompact struct {
	Statuses []string       `json:"statuses"`
	ID       []int64        `json:"id"`
	Lon      []float64      `json:"lon"`
	Lat      []float64      `json:"lat"`
	Status   []int          `json:"status"`
	Counts   []RegionCounts `json:"counts"`
}

// RegionCounts is the number of points of each status (in the order of
// PointsCompact.Statuses) in one region.
type RegionCounts struct {
	Region string `json:"region"`
	Counts []int  `json:"counts"`
}

func compactStatus(ps []accounting.PointStatus) PointsCompact {
	c := PointsCompact{Statuses: []string{"reporting", "late", "offline", "alarm"},
		ID: make([]int64, len(ps)), Lon: make([]float64, len(ps)), Lat: make([]float64, len(ps)), Status: make([]int, len(ps)), Counts: []RegionCounts{}}
	code := map[string]int{}
	for i, s := range c.Statuses {
		code[s] = i
	}
	counts := map[string][]int{}
	var regions []string
	for i, p := range ps {
		k, ok := code[p.Status]
		if !ok {
			k = len(c.Statuses)
			code[p.Status] = k
			c.Statuses = append(c.Statuses, p.Status)
		}
		c.ID[i], c.Status[i] = p.ID, k
		c.Lon[i], c.Lat[i] = math.Round(p.Lon*1e5)/1e5, math.Round(p.Lat*1e5)/1e5
		if counts[p.Region] == nil {
			regions = append(regions, p.Region)
		}
		rc := counts[p.Region]
		for len(rc) <= k {
			rc = append(rc, 0)
		}
		rc[k]++
		counts[p.Region] = rc
	}
	slices.Sort(regions)
	for _, r := range regions {
		rc := counts[r]
		for len(rc) < len(c.Statuses) {
			rc = append(rc, 0)
		}
		c.Counts = append(c.Counts, RegionCounts{Region: r, Counts: rc})
	}
	return c
}

func writeReport(w http.ResponseWriter, rep *report.Report, format string) error {
	name := rep.FileName()
	switch format {
	case "", "json":
		return writeJSON(w, http.StatusOK, rep)
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", disposition(name+".csv"))
		return rep.WriteCSV(w)
	case "xlsx":
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", disposition(name+".xlsx"))
		return rep.WriteXLSX(w)
	}
	return sishui.Invalid("format", "must be json, csv or xlsx, got %q", format)
}

func disposition(name string) string {
	ascii := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii, url.PathEscape(name))
}
