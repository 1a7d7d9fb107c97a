package api

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/plan"
	"github.com/sishui/sishui/internal/report"
)

// TaskView is a task with its city-level status.
type TaskView struct {
	*sishui.Task
	Status plan.Status `json:"status"`
}

// TaskDetail is a task with its status and every report on it.
type TaskDetail struct {
	TaskView
	Reports  []*sishui.TaskReport `json:"reports"`
	Counties []plan.Status        `json:"counties"` // the status of each county that carries the task
}

// TaskReportInput is a quarterly progress report (the task comes from the path).
type TaskReportInput struct {
	Year        int                 `json:"year"`
	Quarter     int                 `json:"quarter"`
	Region      string              `json:"region"` // default: the city
	Text        string              `json:"text"`
	ProgressPct float64             `json:"progress_pct"`
	Figures     []sishui.Figure     `json:"figures"`
	Done        bool                `json:"done"`
	AtRisk      bool                `json:"at_risk"`
	RiskReason  string              `json:"risk_reason"`
	Attachments []sishui.StoredFile `json:"attachments"` // data in base64
}

// StatisticEntryInput is a statistic entered for review.
type StatisticEntryInput struct {
	Region string  `json:"region"`
	Year   int     `json:"year"`
	Metric string  `json:"metric"`
	Value  float64 `json:"value"`
	Source string  `json:"source"`
	Note   string  `json:"note"`
}

// ReviewInput accepts or rejects an entered statistic.
type ReviewInput struct {
	Accept bool   `json:"accept"`
	Note   string `json:"note"` // required when rejecting
}

// planState is everything the status rules need, read once per request.
type planState struct {
	city     string
	counties []string
	units    []*sishui.Unit
	tasks    []*sishui.Task
	reports  []*sishui.TaskReport
	now      time.Time
	rules    plan.Rules
}

func (s *Server) planRules() plan.Rules {
	if s.PlanRules != nil {
		return *s.PlanRules
	}
	return plan.DefaultRules()
}

// loadPlan reads the tasks, units, reports and regions; "at" (a date) replaces now.
func (s *Server) loadPlan(r *http.Request) (*planState, error) {
	ctx := r.Context()
	at, err := qTime(r, "at")
	if err != nil {
		return nil, err
	}
	if at.IsZero() {
		at = time.Now()
	}
	p := &planState{now: at, rules: s.planRules()}
	if p.tasks, err = s.Store.ListTasks(ctx); err != nil {
		return nil, err
	}
	if p.units, err = s.Store.ListUnits(ctx); err != nil {
		return nil, err
	}
	if p.reports, err = s.Store.ListTaskReports(ctx, sishui.TaskReportFilter{}); err != nil {
		return nil, err
	}
	p.city, p.counties, err = cityAndCounties(ctx, s.Store)
	return p, err
}

// cityAndCounties returns the city's code and its county-level units.
func cityAndCounties(ctx context.Context, st sishui.Store) (string, []string, error) {
	regions, err := st.ListRegions(ctx, sishui.RegionFilter{})
	if err != nil {
		return "", nil, err
	}
	var city string
	var counties []string
	for _, r := range regions {
		switch r.Level {
		case sishui.LevelCity:
			if city == "" {
				city = r.Code
			}
		case sishui.LevelCounty:
			counties = append(counties, r.Code)
		}
	}
	return city, counties, nil
}

func (p *planState) views() []TaskView {
	out := make([]TaskView, len(p.tasks))
	for i, t := range p.tasks {
		out[i] = TaskView{Task: t, Status: plan.Evaluate(t, p.city, p.reports, p.now, p.rules)}
	}
	return out
}

var atParam = Param{Name: "at", Type: "string", Doc: "evaluate at this date (YYYY-MM-DD, Beijing time) instead of now"}

// planRoutes are the plan's tasks, reports, reminders and overviews, and the
// statistics departments enter for review.
func (s *Server) planRoutes() []Route {
	st := s.Store
	return append(append(s.worksRoutes(), s.projectRoutes()...),
		Route{Method: "GET", Path: "/api/v1/plan/units", Summary: "Units (单位) that lead the plan's tasks, with the statistics each enters", Tag: "plan", Out: []*sishui.Unit{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				u, err := st.ListUnits(r.Context())
				return reply(w, u, err)
			}},
		Route{Method: "GET", Path: "/api/v1/plan/tasks", Summary: "The plan's tasks with their status (on_track, late, done, at_risk with the reason)", Tag: "plan",
			Query: []Param{atParam}, Out: []TaskView{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := s.loadPlan(r)
				if err != nil {
					return err
				}
				return writeJSON(w, http.StatusOK, p.views())
			}},
		Route{Method: "GET", Path: "/api/v1/plan/tasks/{code}", Summary: "A task with its status, reports and the status of each county carrying it", Tag: "plan",
			Query: []Param{atParam}, Out: TaskDetail{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := s.loadPlan(r)
				if err != nil {
					return err
				}
				t, err := st.GetTask(r.Context(), r.PathValue("code"))
				if err != nil {
					return err
				}
				d := TaskDetail{TaskView: TaskView{Task: t, Status: plan.Evaluate(t, p.city, p.reports, p.now, p.rules)}, Reports: []*sishui.TaskReport{}, Counties: []plan.Status{}}
				for _, x := range p.reports {
					if x.Task == t.Code {
						d.Reports = append(d.Reports, x)
					}
				}
				for _, c := range plan.ByCounty(p.counties, []*sishui.Task{t}, p.reports, p.now, p.rules) {
					d.Counties = append(d.Counties, c.Tasks...)
				}
				return writeJSON(w, http.StatusOK, d)
			}},
		Route{Method: "POST", Path: "/api/v1/plan/tasks/{code}/reports", Summary: "File a quarterly progress report (text, figures, attachments); lead units, counties for their region, city staff; audited", Tag: "plan",
			In: TaskReportInput{}, Out: sishui.TaskReport{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in TaskReportInput
				if err := decode(r, &in); err != nil {
					return err
				}
				if in.Region == "" {
					city, _, err := cityAndCounties(r.Context(), st)
					if err != nil {
						return err
					}
					in.Region = city
				}
				rep := &sishui.TaskReport{Task: r.PathValue("code"), Year: in.Year, Quarter: in.Quarter, Region: in.Region, Text: in.Text,
					ProgressPct: in.ProgressPct, Figures: in.Figures, Done: in.Done, AtRisk: in.AtRisk, RiskReason: in.RiskReason, Attachments: in.Attachments}
				err := st.AddTaskReport(r.Context(), rep)
				for i := range rep.Attachments {
					rep.Attachments[i].Data = nil
				}
				return replyCreated(w, rep, err)
			}},
		Route{Method: "GET", Path: "/api/v1/plan/tasks/{code}/reports", Summary: "A task's reports, oldest first", Tag: "plan",
			Query: []Param{{Name: "region", Type: "string", Doc: "only this region's"}, {Name: "year", Type: "integer"}}, Out: []*sishui.TaskReport{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				if _, err := st.GetTask(r.Context(), r.PathValue("code")); err != nil {
					return err
				}
				out, err := st.ListTaskReports(r.Context(), sishui.TaskReportFilter{Task: r.PathValue("code"), Region: r.URL.Query().Get("region"), Year: year})
				return reply(w, out, err)
			}},
		Route{Method: "GET", Path: "/api/v1/attachments/{id}", Summary: "Download an attachment (photo, document) stored in the database", Tag: "plan",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				a, err := st.GetStoredFile(r.Context(), id)
				if err != nil {
					return err
				}
				w.Header().Set("Content-Type", a.ContentType)
				w.Header().Set("Content-Disposition", "attachment; filename*=UTF-8''"+url.PathEscape(a.Name))
				_, err = w.Write(a.Data)
				return err
			}},
		Route{Method: "GET", Path: "/api/v1/plan/reminders", Summary: "Reports due soon (reminders to the lead units) and overdue (warnings), city-wide and per county", Tag: "plan",
			Query: []Param{atParam}, Out: []plan.Reminder{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := s.loadPlan(r)
				if err != nil {
					return err
				}
				out := plan.Reminders(p.tasks, []string{p.city}, p.reports, p.now, p.rules)
				for _, c := range p.counties {
					out = append(out, plan.Reminders(plan.CountyTasks(p.tasks, c, nil), []string{c}, p.reports, p.now, p.rules)...)
				}
				if out == nil {
					out = []plan.Reminder{}
				}
				return writeJSON(w, http.StatusOK, out)
			}},
		Route{Method: "GET", Path: "/api/v1/plan/overview/units", Summary: "Per lead unit: its tasks and how many are on track, late, done, at risk", Tag: "plan",
			Query: []Param{atParam}, Out: []plan.UnitOverview{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := s.loadPlan(r)
				if err != nil {
					return err
				}
				var sts []plan.Status
				for _, v := range p.views() {
					sts = append(sts, v.Status)
				}
				return writeJSON(w, http.StatusOK, nonNil(plan.ByUnit(p.units, p.tasks, sts)))
			}},
		Route{Method: "GET", Path: "/api/v1/plan/overview/counties", Summary: "Per county: the tasks it carries (named by the plan or reported on) and their status", Tag: "plan",
			Query: []Param{atParam}, Out: []plan.CountyOverview{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := s.loadPlan(r)
				if err != nil {
					return err
				}
				return writeJSON(w, http.StatusOK, plan.ByCounty(p.counties, p.tasks, p.reports, p.now, p.rules))
			}},
		Route{Method: "POST", Path: "/api/v1/statistics/entries", Summary: "Enter a statistic for the water bureau to review (departments: their unit's metrics; counties: their regions); audited", Tag: "plan",
			In: StatisticEntryInput{}, Out: sishui.StatisticEntry{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in StatisticEntryInput
				if err := decode(r, &in); err != nil {
					return err
				}
				e := &sishui.StatisticEntry{Statistic: sishui.Statistic{Region: in.Region, Year: in.Year, Metric: in.Metric, Value: in.Value, Source: in.Source, Note: in.Note}}
				return replyCreated(w, e, st.EnterStatistics(r.Context(), []*sishui.StatisticEntry{e}))
			}},
		Route{Method: "GET", Path: "/api/v1/statistics/template.xlsx", Summary: "xlsx template of the statistics to enter (a department: its unit's metrics), with accepted values filled in", Tag: "plan",
			Query: []Param{{Name: "year", Type: "integer", Doc: "default: last year"}, {Name: "unit", Type: "string", Doc: "city staff: the template of this unit"}}, Handler: s.statTemplate},
		Route{Method: "POST", Path: "/api/v1/statistics/entries.xlsx", Summary: "Upload a filled-in template (body: the xlsx file): every row with a value is entered for review, all or none", Tag: "plan",
			Out: []*sishui.StatisticEntry{}, Handler: s.statUpload},
		Route{Method: "GET", Path: "/api/v1/statistics/entries", Summary: "Entered statistics, newest first (departments see their unit's)", Tag: "plan",
			Query: []Param{{Name: "status", Type: "string", Doc: "entered | accepted | rejected"}, {Name: "unit", Type: "string"}, {Name: "region", Type: "string"}, {Name: "year", Type: "integer"}},
			Out:   []*sishui.StatisticEntry{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				q := r.URL.Query()
				out, err := st.ListStatisticEntries(r.Context(), sishui.StatisticEntryFilter{Status: q.Get("status"), Unit: q.Get("unit"), Region: q.Get("region"), Year: year})
				return reply(w, out, err)
			}},
		Route{Method: "POST", Path: "/api/v1/statistics/entries/{id}/review", Summary: "Accept (writes the statistic) or reject an entered statistic; the water bureau; audited", Tag: "plan",
			In: ReviewInput{}, Out: sishui.StatisticEntry{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var in ReviewInput
				if err := decode(r, &in); err != nil {
					return err
				}
				e, err := st.ReviewStatistic(r.Context(), id, in.Accept, in.Note)
				return reply(w, e, err)
			}},
	)
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// statTemplate writes the xlsx template of the statistics the actor enters:
// a department its unit's metrics, others every metric (or ?unit=); the
// regions are the city and its counties (a county: its own).
func (s *Server) statTemplate(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	year, err := qInt(r, "year")
	if err != nil {
		return err
	}
	if year == 0 {
		year = time.Now().In(sishui.BeijingTime).Year() - 1
	}
	a := sishui.ActorFrom(ctx)
	unitCode := r.URL.Query().Get("unit")
	if a.Role == sishui.RoleDepartment {
		unitCode = a.Unit
	}
	title := fmt.Sprintf("%d年 统计数据", year)
	var metrics []string
	if unitCode != "" {
		u, err := s.Store.GetUnit(ctx, unitCode)
		if err != nil {
			return err
		}
		metrics, title = u.Metrics, u.Name+" "+title
	} else {
		for m := range sishui.StatisticMetrics {
			metrics = append(metrics, m)
		}
		sort.Strings(metrics)
	}
	regions, err := s.Store.ListRegions(ctx, sishui.RegionFilter{})
	if err != nil {
		return err
	}
	have := map[string]float64{}
	if a.SeesAll() || a.Role == sishui.RoleCounty {
		stats, err := s.Store.ListStatistics(ctx, sishui.StatisticFilter{Year: year})
		if err != nil {
			return err
		}
		for _, x := range stats {
			have[x.Region+"/"+x.Metric] = x.Value
		}
	}
	var rows []report.TemplateRow
	for _, reg := range regions {
		if reg.Level != sishui.LevelCity && reg.Level != sishui.LevelCounty || a.Role == sishui.RoleCounty && reg.Code != a.Region {
			continue
		}
		for _, m := range metrics {
			row := report.TemplateRow{Region: reg.Code, RegionName: reg.Name, Year: year, Metric: m, Label: report.MetricLabels[m]}
			if v, ok := have[reg.Code+"/"+m]; ok {
				row.Value = &v
			}
			rows = append(rows, row)
		}
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=sishui-statistics-%d.xlsx", year))
	return report.WriteStatisticTemplate(w, title, rows)
}

// statUpload enters every filled-in row of an uploaded template for review, all or none.
func (s *Server) statUpload(w http.ResponseWriter, r *http.Request) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if err != nil {
		return err
	}
	if len(body) > MaxBody {
		return sishui.Invalid("body", "is larger than %d bytes", MaxBody)
	}
	stats, err := report.ReadStatisticSheet(bytes.NewReader(body))
	if err != nil {
		return sishui.Invalid("body", "%s", strings.TrimPrefix(err.Error(), report.ErrInvalid.Error()+": "))
	}
	if len(stats) == 0 {
		return sishui.Invalid("body", "no row has a value (column G, 数值 value)")
	}
	es := make([]*sishui.StatisticEntry, len(stats))
	for i := range stats {
		es[i] = &sishui.StatisticEntry{Statistic: stats[i]}
	}
	return replyCreated(w, es, s.Store.EnterStatistics(r.Context(), es))
}

func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}
