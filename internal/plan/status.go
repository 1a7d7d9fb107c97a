// Package plan holds the pure rules for following a plan's tasks through: each
// task's status (on track, late, done, at risk) from its quarterly reports, the
// reminders before a report is due and the warnings once it is late, and the
// overviews per lead unit and per county. It does no I/O and reads no clock:
// callers pass "now".
package plan

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/sishui/sishui"
)

// Statuses of a task.
const (
	OnTrack = "on_track"
	Late    = "late"
	Done    = "done"
	AtRisk  = "at_risk"
)

// Rules are the numbers of the status and reminder rules. They are design
// proposals, not regulation (DOMAIN.md names no reporting calendar): configure
// them per city.
type Rules struct {
	// DueDays: a quarter's report is due this many days after the quarter ends.
	DueDays int `json:"due_days" yaml:"due_days"`
	// RemindDays: remind the lead units this many days before a report is due.
	RemindDays int `json:"remind_days" yaml:"remind_days"`
	// LagPoints: late when reported progress trails the even schedule by more
	// than this many percentage points.
	LagPoints float64 `json:"lag_points" yaml:"lag_points"`
	// Weights of the county scorecards.
	Weights Weights `json:"weights" yaml:"weights"`
	// Verified is false while the numbers are proposals.
	Verified bool `json:"verified" yaml:"verified"`
}

// DefaultRules: reports due 10 days after the quarter, reminders 7 days before,
// late at 15 points behind schedule, scorecard weights DefaultWeights. Unverified.
func DefaultRules() Rules {
	return Rules{DueDays: 10, RemindDays: 7, LagPoints: 15, Weights: DefaultWeights()}
}

// Quarter is a reporting period.
type Quarter struct {
	Year    int `json:"year"`
	Quarter int `json:"quarter"`
}

func (q Quarter) String() string { return fmt.Sprintf("%d Q%d", q.Year, q.Quarter) }

func (q Quarter) less(o Quarter) bool {
	return q.Year < o.Year || q.Year == o.Year && q.Quarter < o.Quarter
}

// End is the first instant after the quarter (Beijing time).
func (q Quarter) End() time.Time {
	return time.Date(q.Year, time.Month(3*q.Quarter+1), 1, 0, 0, 0, 0, sishui.BeijingTime)
}

// Due is the date (Beijing time, midnight) the quarter's report is due under r:
// DueDays after the quarter's last day. A report filed on that day is on time.
func (q Quarter) Due(r Rules) time.Time { return q.End().AddDate(0, 0, r.DueDays-1) }

// daysUntil counts calendar days (Beijing time) from now's date to the date d.
func daysUntil(now, d time.Time) int {
	b := now.In(sishui.BeijingTime)
	today := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, sishui.BeijingTime)
	return int(math.Round(d.Sub(today).Hours() / 24))
}

// quarterOf returns the quarter holding t (Beijing time).
func quarterOf(t time.Time) Quarter {
	b := t.In(sishui.BeijingTime)
	return Quarter{b.Year(), (int(b.Month())-1)/3 + 1}
}

func (q Quarter) prev() Quarter {
	if q.Quarter == 1 {
		return Quarter{q.Year - 1, 4}
	}
	return Quarter{q.Year, q.Quarter - 1}
}

// Status is a task's state for one reporting region.
type Status struct {
	Task        string   `json:"task"`
	Region      string   `json:"region"`
	Status      string   `json:"status"`
	Reason      string   `json:"reason,omitempty"`
	ProgressPct float64  `json:"progress_pct"`
	ExpectedPct float64  `json:"expected_pct"` // even schedule from the start of start_year to the end of end_year
	Last        *Quarter `json:"last_report,omitempty"`
	Overdue     *Quarter `json:"overdue,omitempty"` // the earliest quarter whose report is late
	Invented    bool     `json:"invented,omitempty"`
}

type taskRegion struct{ task, region string }

// byTaskRegion groups reports by (task, region) once, for callers that evaluate many.
func byTaskRegion(reports []*sishui.TaskReport) map[taskRegion][]*sishui.TaskReport {
	out := map[taskRegion][]*sishui.TaskReport{}
	for _, r := range reports {
		k := taskRegion{r.Task, r.Region}
		out[k] = append(out[k], r)
	}
	return out
}

// latest returns the report that counts for each quarter: the last one filed.
func latest(reports []*sishui.TaskReport) map[Quarter]*sishui.TaskReport {
	out := map[Quarter]*sishui.TaskReport{}
	for _, r := range reports {
		q := Quarter{r.Year, r.Quarter}
		if cur, ok := out[q]; !ok || r.Created.After(cur.Created) || r.Created.Equal(cur.Created) && r.ID > cur.ID {
			out[q] = r
		}
	}
	return out
}

// Expected is the share of the task's span elapsed at now, in percent.
func Expected(t *sishui.Task, now time.Time) float64 {
	start := time.Date(t.StartYear, 1, 1, 0, 0, 0, 0, sishui.BeijingTime)
	end := time.Date(t.EndYear+1, 1, 1, 0, 0, 0, 0, sishui.BeijingTime)
	switch {
	case !now.After(start):
		return 0
	case !now.Before(end):
		return 100
	}
	return 100 * float64(now.Sub(start)) / float64(end.Sub(start))
}

// Evaluate gives a task's status for one region from that region's reports
// (reports of other tasks or regions are ignored). In order:
//   - done when the latest report says so;
//   - at risk, with the reporter's reason, when the latest report flags it;
//   - late when a quarter's report is past due (the earliest such quarter),
//     when the end year is over and the task not done, or when reported progress
//     trails the even schedule by more than r.LagPoints;
//   - on track otherwise.
func Evaluate(t *sishui.Task, region string, reports []*sishui.TaskReport, now time.Time, r Rules) Status {
	var mine []*sishui.TaskReport
	for _, x := range reports {
		if x.Task == t.Code && x.Region == region {
			mine = append(mine, x)
		}
	}
	byQ := latest(mine)
	st := Status{Task: t.Code, Region: region, Status: OnTrack, ExpectedPct: round1(Expected(t, now))}
	var last *sishui.TaskReport
	for q, x := range byQ {
		if last == nil || (Quarter{last.Year, last.Quarter}).less(q) {
			last = x
		}
	}
	if last != nil {
		q := Quarter{last.Year, last.Quarter}
		st.Last, st.ProgressPct, st.Invented = &q, last.ProgressPct, last.Invented
		if last.Done {
			st.Status = Done
			return st
		}
		if last.AtRisk {
			st.Status, st.Reason = AtRisk, last.RiskReason
			return st
		}
	}
	if q, ok := firstOverdue(t, byQ, now, r); ok {
		st.Overdue = &q
		st.Status, st.Reason = Late, fmt.Sprintf("report for %s overdue since %s", q, q.Due(r).Format("2006-01-02"))
		return st
	}
	end := time.Date(t.EndYear+1, 1, 1, 0, 0, 0, 0, sishui.BeijingTime)
	if !now.Before(end) {
		st.Status, st.Reason = Late, fmt.Sprintf("end year %d is over and the task is not reported done", t.EndYear)
		return st
	}
	if last != nil && st.ProgressPct < st.ExpectedPct-r.LagPoints {
		st.Status, st.Reason = Late, fmt.Sprintf("progress %.0f%% trails the schedule's %.0f%% by more than %.0f points", st.ProgressPct, st.ExpectedPct, r.LagPoints)
	}
	return st
}

// firstOverdue returns the earliest quarter within the task's years whose report
// is past due at now and missing.
func firstOverdue(t *sishui.Task, byQ map[Quarter]*sishui.TaskReport, now time.Time, r Rules) (Quarter, bool) {
	for q := (Quarter{t.StartYear, 1}); q.Year <= t.EndYear; q = next(q) {
		if daysUntil(now, q.Due(r)) >= 0 {
			break
		}
		if _, ok := byQ[q]; !ok {
			return q, true
		}
	}
	return Quarter{}, false
}

func next(q Quarter) Quarter {
	if q.Quarter == 4 {
		return Quarter{q.Year + 1, 1}
	}
	return Quarter{q.Year, q.Quarter + 1}
}

func round1(v float64) float64 {
	return float64(int64(v*10+0.5)) / 10
}

// Reminder kinds.
const (
	DueSoon = "due_soon" // a report is due within RemindDays
	Overdue = "overdue"  // a report is past due: a warning
)

// Reminder tells a task's lead units that a quarter's report is due or late.
type Reminder struct {
	Kind    string   `json:"kind"`
	Task    string   `json:"task"`
	Title   string   `json:"title"`
	Region  string   `json:"region"`
	Units   []string `json:"units"` // the lead units to remind
	Quarter Quarter  `json:"quarter"`
	Due     string   `json:"due"`  // the due date, Beijing time
	Days    int      `json:"days"` // days until due (negative: days late)
}

// Reminders lists, for every task and region, the report of the last finished
// quarter when it is missing and due within r.RemindDays (due_soon) or past due
// (overdue), plus any earlier missing quarter (overdue). Tasks already reported
// done are skipped. Sorted by due date, then task.
func Reminders(tasks []*sishui.Task, regions []string, reports []*sishui.TaskReport, now time.Time, r Rules) []Reminder {
	var out []Reminder
	cur := quarterOf(now).prev() // the last finished quarter
	idx := byTaskRegion(reports)
	for _, t := range tasks {
		for _, region := range regions {
			byQ := latest(idx[taskRegion{t.Code, region}])
			done := false
			for _, x := range byQ {
				if x.Done {
					done = true
				}
			}
			if done {
				continue
			}
			for q := (Quarter{t.StartYear, 1}); !cur.less(q) && q.Year <= t.EndYear; q = next(q) {
				if _, ok := byQ[q]; ok {
					continue
				}
				due := q.Due(r)
				days := daysUntil(now, due)
				kind := Overdue
				if days >= 0 {
					if days > r.RemindDays {
						continue
					}
					kind = DueSoon
				}
				out = append(out, Reminder{Kind: kind, Task: t.Code, Title: t.Title, Region: region, Units: t.Lead, Quarter: q, Due: due.Format("2006-01-02"), Days: days})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Due != out[j].Due {
			return out[i].Due < out[j].Due
		}
		return out[i].Task < out[j].Task
	})
	return out
}

// Tally counts statuses.
type Tally struct {
	Tasks   int `json:"tasks"`
	OnTrack int `json:"on_track"`
	Late    int `json:"late"`
	Done    int `json:"done"`
	AtRisk  int `json:"at_risk"`
}

func (c *Tally) add(status string) {
	c.Tasks++
	switch status {
	case OnTrack:
		c.OnTrack++
	case Late:
		c.Late++
	case Done:
		c.Done++
	case AtRisk:
		c.AtRisk++
	}
}

// UnitOverview is what one unit leads and how it stands.
type UnitOverview struct {
	Unit  string   `json:"unit"`
	Name  string   `json:"name"`
	Tally Tally    `json:"tally"`
	Tasks []Status `json:"tasks"`
}

// ByUnit groups the city-level statuses by lead unit: a task led by several
// units counts for each of them. Units that lead nothing are left out.
func ByUnit(units []*sishui.Unit, tasks []*sishui.Task, statuses []Status) []UnitOverview {
	st := map[string]Status{}
	for _, s := range statuses {
		st[s.Task] = s
	}
	var out []UnitOverview
	for _, u := range units {
		o := UnitOverview{Unit: u.Code, Name: u.Name, Tasks: []Status{}}
		for _, t := range tasks {
			if s, ok := st[t.Code]; ok && t.LedBy(u.Code) {
				o.Tasks = append(o.Tasks, s)
				o.Tally.add(s.Status)
			}
		}
		if o.Tally.Tasks > 0 {
			out = append(out, o)
		}
	}
	return out
}

// CountyOverview is how a county stands on the tasks it takes part in.
type CountyOverview struct {
	Region string   `json:"region"`
	Tally  Tally    `json:"tally"`
	Tasks  []Status `json:"tasks"`
}

// CountyTasks are the tasks a county reports on: those naming it, and any other
// task it has filed a report on (city-wide tasks are the lead units' to report).
func CountyTasks(tasks []*sishui.Task, county string, reports []*sishui.TaskReport) []*sishui.Task {
	reported := map[string]bool{}
	for _, r := range reports {
		if r.Region == county {
			reported[r.Task] = true
		}
	}
	var out []*sishui.Task
	for _, t := range tasks {
		if reported[t.Code] || contains(t.Counties, county) {
			out = append(out, t)
		}
	}
	return out
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// ByCounty evaluates, for each county, the tasks it carries from its own reports.
func ByCounty(counties []string, tasks []*sishui.Task, reports []*sishui.TaskReport, now time.Time, r Rules) []CountyOverview {
	out := make([]CountyOverview, 0, len(counties))
	idx := byTaskRegion(reports)
	for _, c := range counties {
		o := CountyOverview{Region: c, Tasks: []Status{}}
		for _, t := range CountyTasks(tasks, c, reports) {
			s := Evaluate(t, c, idx[taskRegion{t.Code, c}], now, r)
			o.Tasks = append(o.Tasks, s)
			o.Tally.add(s.Status)
		}
		out = append(out, o)
	}
	return out
}
