package sishui

import (
	"context"
	"math"
	"strconv"
	"strings"
	"time"
)

// Unit is a government department (单位) that leads tasks (牵头单位) and enters
// the statistics it is responsible for, e.g. 市水利局 or 市统计局.
type Unit struct {
	Code   string `json:"code"` // stable id, e.g. water, stats
	Name   string `json:"name"` // 市水利局
	NameEN string `json:"name_en,omitempty"`
	// Metrics are the statistic metrics (StatisticMetrics) the unit enters.
	Metrics []string `json:"metrics,omitempty"`
}

// Validate checks the unit's fields.
func (u *Unit) Validate() error {
	if !isCode(u.Code) {
		return Invalid("code", "must be lower-case letters, digits and _")
	}
	if strings.TrimSpace(u.Name) == "" {
		return Invalid("name", "is required")
	}
	for i, m := range u.Metrics {
		if _, ok := StatisticMetrics[m]; !ok {
			return Invalid("metrics", "item %d: unknown statistic metric %q", i+1, m)
		}
	}
	return nil
}

// TaskTarget is a measurable target the plan sets for a task, e.g. 70万亩 of
// high-standard farmland by 2027, or a decline of 12.5% against 2024.
type TaskTarget struct {
	Name         string  `json:"name"`
	Indicator    string  `json:"indicator,omitempty"` // the annex indicator it is, if any
	Unit         string  `json:"unit"`
	Value        float64 `json:"value"`
	Year         int     `json:"year"`
	Direction    string  `json:"direction"` // ceiling | floor
	Baseline     float64 `json:"baseline,omitempty"`
	BaselineYear int     `json:"baseline_year,omitempty"`
}

// Task is one numbered item of a plan (e.g. 四(二) 实施大中型灌区现代化改造),
// with the units that lead it, its years, targets and links.
type Task struct {
	Code    string `json:"code"` // e.g. 4_2; items split within a section get a third part (2_2_2)
	Part    int    `json:"part"` // 1 to 5 for 一 to 五
	Seq     int    `json:"seq"`  // order within the plan
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	// Lead lists the 牵头单位 in the plan's order; any of them may report.
	Lead []string `json:"lead"`
	// CoUnits are co-operating units (配合单位) where a plan names them.
	CoUnits []string `json:"co_units,omitempty"`
	// Counties the task names (e.g. the six counties clearing combined sewers); empty: the whole city.
	Counties   []string     `json:"counties,omitempty"`
	StartYear  int          `json:"start_year"`
	EndYear    int          `json:"end_year"`
	Targets    []TaskTarget `json:"targets,omitempty"`
	Indicators []string     `json:"indicators,omitempty"` // annex indicator ids it serves
	Projects   []string     `json:"projects,omitempty"`   // project codes that carry it
	Source     string       `json:"source,omitempty"`     // document the task comes from
}

// LedBy reports whether unit is one of the task's lead units.
func (t *Task) LedBy(unit string) bool { return unit != "" && contains(t.Lead, unit) }

// Validate checks the task's own fields.
func (t *Task) Validate() error {
	if !isCode(t.Code) {
		return Invalid("code", "must be lower-case letters, digits and _")
	}
	if t.Part < 1 || t.Part > 20 {
		return Invalid("part", "must be between 1 and 20")
	}
	if strings.TrimSpace(t.Title) == "" {
		return Invalid("title", "is required")
	}
	if len(t.Lead) == 0 {
		return Invalid("lead", "at least one lead unit (牵头单位) is required")
	}
	if t.StartYear < 2000 || t.EndYear > 2100 || t.EndYear < t.StartYear {
		return Invalid("end_year", "years must satisfy 2000 ≤ start_year ≤ end_year ≤ 2100")
	}
	for _, c := range t.Counties {
		if !isDigits(c, 6) {
			return Invalid("counties", "%q is not a 6-digit region code", c)
		}
	}
	for i, g := range t.Targets {
		if strings.TrimSpace(g.Name) == "" {
			return Invalid("targets", "item %d: name is required", i+1)
		}
		if g.Direction != Ceiling && g.Direction != Floor {
			return Invalid("targets", "item %d: direction must be ceiling or floor", i+1)
		}
		if math.IsNaN(g.Value) || math.IsInf(g.Value, 0) {
			return Invalid("targets", "item %d: value must be a number", i+1)
		}
	}
	return nil
}

// Figure is a number reported with a task report, e.g. 亩 of farmland renovated.
type Figure struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
}

// StoredFile is a file (photo, document) stored in the database with what it belongs to.
type StoredFile struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int       `json:"size"`
	Data        []byte    `json:"data,omitempty"` // base64 in JSON; lists leave it out
	Actor       string    `json:"actor,omitempty"`
	Created     time.Time `json:"created"`
}

// MaxAttachment caps the size of one attachment.
const MaxAttachment = 2 << 20

// Validate checks an attachment's fields.
func (a *StoredFile) Validate(field string) error {
	if strings.TrimSpace(a.Name) == "" || len(a.Name) > 200 {
		return Invalid(field+".name", "is required (at most 200 bytes)")
	}
	if len(a.Data) == 0 {
		return Invalid(field+".data", "is empty")
	}
	if len(a.Data) > MaxAttachment {
		return Invalid(field+".data", "is %d bytes; at most %d", len(a.Data), MaxAttachment)
	}
	if a.ContentType == "" {
		a.ContentType = "application/octet-stream"
	}
	return nil
}

// TaskReport is a lead unit's (or a county's) quarterly progress report on a task.
// Reports are append-only: a later report of the same quarter supersedes an earlier one.
type TaskReport struct {
	ID          int64    `json:"id"`
	Task        string   `json:"task"`
	Year        int      `json:"year"`
	Quarter     int      `json:"quarter"` // 1–4
	Region      string   `json:"region"`  // the city, or the county reporting on its part
	Unit        string   `json:"unit,omitempty"`
	Text        string   `json:"text"`
	ProgressPct float64  `json:"progress_pct"` // share of the task done, 0–100
	Figures     []Figure `json:"figures,omitempty"`
	Done        bool     `json:"done"`
	AtRisk      bool     `json:"at_risk"`
	RiskReason  string   `json:"risk_reason,omitempty"`
	// Invented marks made-up demo reports.
	Invented    bool         `json:"invented,omitempty"`
	Attachments []StoredFile `json:"attachments,omitempty"`
	Actor       string       `json:"actor"`
	Created     time.Time    `json:"created"`
}

// Validate checks the report's own fields.
func (r *TaskReport) Validate() error {
	if !isCode(r.Task) {
		return Invalid("task", "must be a task code")
	}
	if r.Year < 2000 || r.Year > 2100 {
		return Invalid("year", "must be between 2000 and 2100")
	}
	if r.Quarter < 1 || r.Quarter > 4 {
		return Invalid("quarter", "must be 1, 2, 3 or 4")
	}
	if !isDigits(r.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if strings.TrimSpace(r.Text) == "" {
		return Invalid("text", "is required: say what was done this quarter")
	}
	if !(r.ProgressPct >= 0 && r.ProgressPct <= 100) {
		return Invalid("progress_pct", "must be between 0 and 100")
	}
	if r.Done && r.ProgressPct != 100 {
		return Invalid("progress_pct", "a done task is at 100")
	}
	if r.AtRisk && strings.TrimSpace(r.RiskReason) == "" {
		return Invalid("risk_reason", "is required when the task is at risk")
	}
	for i, f := range r.Figures {
		if strings.TrimSpace(f.Name) == "" || math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
			return Invalid("figures", "item %d needs a name and a finite value", i+1)
		}
	}
	for i := range r.Attachments {
		if err := r.Attachments[i].Validate("attachments[" + strconv.Itoa(i) + "]"); err != nil {
			return err
		}
	}
	return nil
}

// TaskReportFilter selects reports; zero fields do not filter.
type TaskReportFilter struct {
	Task   string
	Region string // exactly this region
	Year   int
}

// Statistic entry states: a department enters, the water bureau accepts or rejects.
const (
	EntryEntered  = "entered"
	EntryAccepted = "accepted"
	EntryRejected = "rejected"
)

// StatisticEntry is a statistic entered by a department (or county) for the water
// bureau to review; accepting it writes the Statistic.
type StatisticEntry struct {
	ID         int64     `json:"id"`
	Statistic            // region, year, metric, value, source, note
	Unit       string    `json:"unit,omitempty"` // the entering department
	Status     string    `json:"status"`
	EnteredBy  string    `json:"entered_by"`
	Entered    time.Time `json:"entered"`
	ReviewedBy string    `json:"reviewed_by,omitempty"`
	Reviewed   time.Time `json:"reviewed,omitempty"`
	ReviewNote string    `json:"review_note,omitempty"`
}

// StatisticEntryFilter selects entries; zero fields do not filter.
type StatisticEntryFilter struct {
	Status string
	Unit   string
	Region string
	Year   int
}

// PlanStore holds the plan's units, tasks, progress reports and the statistics
// departments enter. Reads need a signed-in role other than public and
// enterprise. Units and tasks are reference data (city staff, administrators,
// the importer). A report may be written by city staff, by a department whose
// unit leads the task, or by a county for its own region; other writes are
// EFORBIDDEN. Every write is audited.
type PlanStore interface {
	UpsertUnit(ctx context.Context, u *Unit) error
	ListUnits(ctx context.Context) ([]*Unit, error)
	// GetUnit returns ENOTFOUND for an unknown code.
	GetUnit(ctx context.Context, code string) (*Unit, error)

	// UpsertTask: EINVALID for an unknown unit or county.
	UpsertTask(ctx context.Context, t *Task) error
	ListTasks(ctx context.Context) ([]*Task, error)
	GetTask(ctx context.Context, code string) (*Task, error)

	// AddTaskReport stores a report with its attachments, setting IDs, Actor and
	// Created (and Unit from a department actor). EINVALID for an unknown task
	// or region, or a quarter outside the task's years.
	AddTaskReport(ctx context.Context, r *TaskReport) error
	// ListTaskReports lists reports (attachments without their data), oldest first.
	ListTaskReports(ctx context.Context, f TaskReportFilter) ([]*TaskReport, error)
	// GetStoredFile returns an attachment with its data; ENOTFOUND when unknown.
	GetStoredFile(ctx context.Context, id int64) (*StoredFile, error)

	// EnterStatistics stores entries in state entered, all or none (a form
	// or an uploaded sheet). A department may enter only its unit's metrics, a
	// county only its regions; EINVALID names the entry (entries[i].field) when
	// there are several.
	EnterStatistics(ctx context.Context, es []*StatisticEntry) error
	// ReviewStatistic accepts (writing the statistic) or rejects an entered entry;
	// city staff and administrators only. ECONFLICT when it was already reviewed.
	ReviewStatistic(ctx context.Context, id int64, accept bool, note string) (*StatisticEntry, error)
	ListStatisticEntries(ctx context.Context, f StatisticEntryFilter) ([]*StatisticEntry, error)
}
