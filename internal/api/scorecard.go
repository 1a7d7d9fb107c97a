package api

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/plan"
	"github.com/sishui/sishui/internal/report"
)

// ScorecardRoutes returns the county scorecards (纳入综合评价): they need the
// accounting service for indicators, completeness and warnings. rules nil:
// plan.DefaultRules.
func ScorecardRoutes(svc *accounting.Service, rules *plan.Rules) []Route {
	r := plan.DefaultRules()
	if rules != nil {
		r = *rules
	}
	return []Route{
		{Method: "GET", Path: "/api/v1/scorecards", Summary: "County scorecards for a year: indicators against targets, task and project progress, data completeness, warnings handled; weighted total and rank (?format=xlsx for a workbook)", Tag: "plan",
			Query: []Param{{Name: "year", Type: "integer", Doc: "default: the current year"}, {Name: "weights", Type: "string", Doc: "indicators,tasks,projects,completeness,warnings (default 40,20,20,10,10, unverified)"},
				{Name: "format", Type: "string", Doc: "json (default) | xlsx"}},
			Out: []plan.Scorecard{},
			Handler: func(w http.ResponseWriter, req *http.Request) error {
				year, err := qInt(req, "year")
				if err != nil {
					return err
				}
				now := time.Now()
				if year == 0 {
					year = now.In(sishui.BeijingTime).Year()
				}
				weights := r.Weights
				if v := req.URL.Query().Get("weights"); v != "" {
					if weights, err = parseWeights(v); err != nil {
						return err
					}
				}
				cards, err := scorecards(req.Context(), svc, r, year, now, weights)
				if err != nil {
					return err
				}
				if req.URL.Query().Get("format") != "xlsx" {
					return writeJSON(w, http.StatusOK, cards)
				}
				w.Header().Set("Content-Type", xlsxType)
				w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=sishui-scorecards-%d.xlsx", year))
				return scorecardReport(cards, year).WriteXLSX(w)
			}},
	}
}

func parseWeights(v string) (plan.Weights, error) {
	parts := strings.Split(v, ",")
	if len(parts) != 5 {
		return plan.Weights{}, sishui.Invalid("weights", "give 5 numbers: indicators,tasks,projects,completeness,warnings")
	}
	var f [5]float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return plan.Weights{}, sishui.Invalid("weights", "%q is not a number", p)
		}
		f[i] = x
	}
	w := plan.Weights{Indicators: f[0], Tasks: f[1], Projects: f[2], Completeness: f[3], Warnings: f[4]}
	if err := w.Validate(); err != nil {
		return w, sishui.Invalid("weights", "%v", err)
	}
	return w, nil
}

// scorecards gathers every county's inputs for year, evaluated at the end of
// the year or now, whichever is earlier.
func scorecards(ctx context.Context, svc *accounting.Service, rules plan.Rules, year int, now time.Time, weights plan.Weights) ([]plan.Scorecard, error) {
	st := svc.Store()
	start := time.Date(year, 1, 1, 0, 0, 0, 0, sishui.BeijingTime)
	end := start.AddDate(1, 0, 0)
	at := now
	if at.After(end) {
		at = end.Add(-time.Second)
	}
	regions, err := st.ListRegions(ctx, sishui.RegionFilter{})
	if err != nil {
		return nil, err
	}
	tasks, err := st.ListTasks(ctx)
	if err != nil {
		return nil, err
	}
	reports, err := st.ListTaskReports(ctx, sishui.TaskReportFilter{})
	if err != nil {
		return nil, err
	}
	var in []plan.CountyInputs
	for _, reg := range regions {
		if reg.Level != sishui.LevelCounty {
			continue
		}
		c := plan.CountyInputs{Region: reg.Code, Name: reg.Name, Indicators: map[string]string{}}
		inds, err := svc.Indicators(ctx, reg.Code, year)
		if err != nil {
			return nil, err
		}
		for _, x := range inds {
			c.Indicators[x.ID] = x.Status
		}
		c.Tasks = plan.ByCounty([]string{reg.Code}, tasks, reports, at, rules)[0].Tasks
		ps, err := st.ListProjects(ctx, sishui.ProjectFilter{Region: reg.Code})
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			c.Projects = append(c.Projects, plan.ProjectProgress{Code: p.Code, ProgressPct: p.ProgressPct, ExpectedPct: spanElapsed(p, at)})
		}
		sum, err := svc.RegionSummary(ctx, reg.Code, year)
		if err != nil {
			return nil, err
		}
		if sum.Completeness != nil {
			v := 100 * *sum.Completeness
			c.Completeness = &v
		}
		alerts, _, err := st.ListAlerts(ctx, sishui.AlertFilter{Region: reg.Code, Since: start, Until: end, Page: sishui.Page{Limit: sishui.MaxPageLimit}})
		if err != nil {
			return nil, err
		}
		for _, a := range alerts {
			c.Alerts++
			if a.AckBy != "" || !a.ResolvedAt.IsZero() {
				c.Handled++
			}
		}
		in = append(in, c)
	}
	return plan.Score(in, weights)
}

// spanElapsed is the share (percent) of a project's schedule elapsed at t.
func spanElapsed(p *sishui.Project, t time.Time) float64 {
	s, err1 := time.ParseInLocation("2006-01-02", p.Start, sishui.BeijingTime)
	e, err2 := time.ParseInLocation("2006-01-02", p.End, sishui.BeijingTime)
	if err1 != nil || err2 != nil {
		return 0
	}
	e = e.AddDate(0, 0, 1)
	switch {
	case !t.After(s):
		return 0
	case !t.Before(e):
		return 100
	}
	return 100 * float64(t.Sub(s)) / float64(e.Sub(s))
}

// scorecardReport lays the scorecards out as an annual report table for xlsx.
func scorecardReport(cards []plan.Scorecard, year int) *report.Report {
	t := report.Table{Name: "scorecards", Title: "县级综合评价", Columns: []report.Column{
		{Key: "rank", Header: "排名"}, {Key: "region", Header: "地区代码"}, {Key: "name", Header: "地区"},
		{Key: "indicators", Header: "指标达标得分"}, {Key: "tasks", Header: "任务进度得分"}, {Key: "projects", Header: "项目进度得分"},
		{Key: "completeness", Header: "数据完整率得分"}, {Key: "warnings", Header: "预警处置得分"}, {Key: "total", Header: "综合得分"},
	}}
	for _, c := range cards {
		row := []any{int64(c.Rank), c.Region, c.Name}
		for _, p := range c.Parts {
			if p.Score == nil {
				row = append(row, nil)
			} else {
				row = append(row, *p.Score)
			}
		}
		t.Rows = append(t.Rows, append(row, c.Total))
	}
	return &report.Report{Kind: report.Annual, Region: "371500", RegionName: "聊城市各县（市、区）", Year: year, Generated: time.Now().UTC(), Tables: []report.Table{t}}
}
