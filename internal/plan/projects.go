package plan

import (
	"sort"
	"time"

	"github.com/sishui/sishui"
)

// LateMilestone warns that a project's milestone is past due and not reached.
type LateMilestone struct {
	Project   string `json:"project"`
	Name      string `json:"name"`
	Region    string `json:"region"`
	Milestone string `json:"milestone"`
	Due       string `json:"due"`
	DaysLate  int    `json:"days_late"`
}

// LateMilestones lists the open milestones due before now's date (Beijing),
// most late first. Suspended and done projects are left out.
func LateMilestones(ps []*sishui.Project, now time.Time) []LateMilestone {
	var out []LateMilestone
	for _, p := range ps {
		if p.Status == sishui.ProjectDone || p.Status == sishui.ProjectSuspended {
			continue
		}
		for _, m := range p.Milestones {
			if m.Done != "" {
				continue
			}
			due, err := time.ParseInLocation("2006-01-02", m.Due, sishui.BeijingTime)
			if err != nil {
				continue
			}
			if d := -daysUntil(now, due); d > 0 {
				out = append(out, LateMilestone{Project: p.Code, Name: p.Name, Region: p.Region, Milestone: m.Name, Due: m.Due, DaysLate: d})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].DaysLate != out[j].DaysLate {
			return out[i].DaysLate > out[j].DaysLate
		}
		return out[i].Project < out[j].Project
	})
	return out
}

// GanttBar is one row of a timeline (Gantt) chart: a project's span, progress
// and milestones, as chart libraries take them.
type GanttBar struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	Region     string        `json:"region"`
	Start      string        `json:"start"`
	End        string        `json:"end"`
	Progress   float64       `json:"progress"` // percent
	Status     string        `json:"status"`
	Late       bool          `json:"late"` // a milestone is past due
	Milestones []GanttMarker `json:"milestones"`
	Tasks      []string      `json:"tasks,omitempty"`
}

// GanttMarker is a milestone on the bar.
type GanttMarker struct {
	Name string `json:"name"`
	Date string `json:"date"`
	Done bool   `json:"done"`
	Late bool   `json:"late"`
}

// Gantt lays the projects out by start date then code.
func Gantt(ps []*sishui.Project, now time.Time) []GanttBar {
	late := map[string]map[string]bool{}
	for _, l := range LateMilestones(ps, now) {
		if late[l.Project] == nil {
			late[l.Project] = map[string]bool{}
		}
		late[l.Project][l.Milestone] = true
	}
	out := make([]GanttBar, 0, len(ps))
	for _, p := range ps {
		b := GanttBar{ID: p.Code, Name: p.Name, Region: p.Region, Start: p.Start, End: p.End, Progress: p.ProgressPct, Status: p.Status,
			Late: len(late[p.Code]) > 0, Milestones: []GanttMarker{}, Tasks: p.Tasks}
		for _, m := range p.Milestones {
			date := m.Due
			if m.Done != "" {
				date = m.Done
			}
			b.Milestones = append(b.Milestones, GanttMarker{Name: m.Name, Date: date, Done: m.Done != "", Late: late[p.Code][m.Name]})
		}
		out = append(out, b)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].ID < out[j].ID
	})
	return out
}
