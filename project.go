package sishui

import (
	"context"
	"math"
	"strconv"
	"strings"
	"time"
)

// Project states.
const (
	ProjectPlanned    = "planned"
	ProjectInProgress = "in_progress"
	ProjectDone       = "done"
	ProjectSuspended  = "suspended"
)

// Milestone is a dated step of a project's schedule. Dates are YYYY-MM-DD (Beijing).
type Milestone struct {
	Name string `json:"name"`
	Due  string `json:"due"`
	Done string `json:"done,omitempty"` // the date it was reached; empty while open
	Note string `json:"note,omitempty"`
}

// Project is a work the plan lists (reservoir, river governance, irrigation-district
// upgrade, efficient irrigation, 雨污分流 and 黑臭水体 clearance, leakage reduction,
// reclaimed water, 千村千塘 …) with its owner, budget, schedule and progress.
type Project struct {
	Code        string       `json:"code"`
	Name        string       `json:"name"`
	Kind        string       `json:"kind"`
	Owner       string       `json:"owner"` // 项目法人 / 建设单位
	Region      string       `json:"region"`
	BudgetFen   int64        `json:"budget_fen"` // 总投资, integer fen
	Start       string       `json:"start"`      // YYYY-MM-DD
	End         string       `json:"end"`
	ProgressPct float64      `json:"progress_pct"`
	Status      string       `json:"status"`
	Milestones  []Milestone  `json:"milestones,omitempty"`
	Tasks       []string     `json:"tasks,omitempty"`      // plan tasks it serves
	Indicators  []string     `json:"indicators,omitempty"` // annex indicators it serves
	Works       []string     `json:"works,omitempty"`      // works it builds or upgrades
	Basis       string       `json:"basis"`                // fact | mixed | invented
	Source      string       `json:"source,omitempty"`
	Note        string       `json:"note,omitempty"`
	Attachments []StoredFile `json:"attachments,omitempty"` // photos and documents (data left out of lists)
	UpdatedBy   string       `json:"updated_by,omitempty"`
	Updated     time.Time    `json:"updated,omitempty"`
}

func validDate(field, s string, required bool) error {
	if s == "" && !required {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return Invalid(field, "must be a date YYYY-MM-DD, got %q", s)
	}
	return nil
}

// Validate checks the project's own fields.
func (p *Project) Validate() error {
	if !isCode(p.Code) {
		return Invalid("code", "must be lower-case letters, digits and _")
	}
	if strings.TrimSpace(p.Name) == "" {
		return Invalid("name", "is required")
	}
	if !isDigits(p.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if p.BudgetFen < 0 {
		return Invalid("budget_fen", "must not be negative")
	}
	if err := validDate("start", p.Start, true); err != nil {
		return err
	}
	if err := validDate("end", p.End, true); err != nil {
		return err
	}
	if p.End < p.Start {
		return Invalid("end", "is before start")
	}
	if !(p.ProgressPct >= 0 && p.ProgressPct <= 100) || math.IsNaN(p.ProgressPct) {
		return Invalid("progress_pct", "must be between 0 and 100")
	}
	switch p.Status {
	case ProjectPlanned, ProjectInProgress, ProjectDone, ProjectSuspended:
	default:
		return Invalid("status", "must be planned, in_progress, done or suspended")
	}
	switch p.Basis {
	case BasisFact, BasisMixed, BasisInvented:
	default:
		return Invalid("basis", "must be fact, mixed or invented")
	}
	for i, m := range p.Milestones {
		f := "milestones[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(m.Name) == "" {
			return Invalid(f+".name", "is required")
		}
		if err := validDate(f+".due", m.Due, true); err != nil {
			return err
		}
		if err := validDate(f+".done", m.Done, false); err != nil {
			return err
		}
	}
	return nil
}

// ProjectUpdate is a progress update: the new progress, the milestones reached
// (by index, with their date) and an optional photo or document.
type ProjectUpdate struct {
	ProgressPct *float64       `json:"progress_pct,omitempty"`
	Status      string         `json:"status,omitempty"`
	Reached     map[int]string `json:"reached,omitempty"` // milestone index → date reached
	Attachments []StoredFile   `json:"attachments,omitempty"`
	Note        string         `json:"note,omitempty"`
}

// ProjectFilter selects projects; zero fields do not filter.
type ProjectFilter struct {
	Region string // this region exactly
	Task   string // serving this task
}

// ProjectStore holds the project register. Reads as the plan's (government
// accounts). UpsertProject is reference data (city staff, administrators, the
// importer); UpdateProject may also be done by a county for its region's
// projects. Writes are audited; attachments are stored in the database.
type ProjectStore interface {
	UpsertProject(ctx context.Context, p *Project) error
	ListProjects(ctx context.Context, f ProjectFilter) ([]*Project, error)
	// GetProject returns ENOTFOUND for an unknown code.
	GetProject(ctx context.Context, code string) (*Project, error)
	// UpdateProject applies a progress update and returns the project.
	UpdateProject(ctx context.Context, code string, u *ProjectUpdate) (*Project, error)
}
