package sishui

import (
	"context"
	"strings"
	"time"
)

// Bases of an industrial reuse report.
const (
	ReuseReported = "reported" // filed by the enterprise
	ReuseEntered  = "entered"  // entered by the bureau from the enterprise's statement
	ReuseInvented = "invented" // made-up demo data
)

// ReuseReport is an enterprise's yearly water-reuse report, the register of
// indicator 8 (规模以上工业用水重复利用率 = 重复利用水量 / (重复利用水量 +
// 取用新水量)). Only enterprises above designated size (规模以上) count.
// One report per enterprise and year; a new filing replaces it (audited).
type ReuseReport struct {
	ID        int64     `json:"id"`
	UserID    int64     `json:"user_id"`             // the enterprise (water user)
	UserName  string    `json:"user_name,omitempty"` // read only
	Region    string    `json:"region"`              // the enterprise's region (read only: from the water user)
	Year      int       `json:"year"`                // reporting year
	IntakeM3  int64     `json:"intake_m3"`           // 取用新水量: fresh water taken
	ReusedM3  int64     `json:"reused_m3"`           // 重复利用水量: water reused (recirculated, cascaded)
	AboveSize bool      `json:"above_size"`          // 规模以上工业企业
	Basis     string    `json:"basis"`               // reported | entered | invented
	Note      string    `json:"note,omitempty"`
	Actor     string    `json:"actor,omitempty"`
	Created   time.Time `json:"created,omitzero"`
}

// Validate checks the report's own fields.
func (r *ReuseReport) Validate() error {
	switch {
	case r.UserID <= 0:
		return Invalid("user_id", "is required")
	case r.Year < 1949 || r.Year > 2200:
		return Invalid("year", "must be between 1949 and 2200")
	case r.IntakeM3 < 0 || r.IntakeM3 > MaxVolumeM3:
		return Invalid("intake_m3", "must be a whole number of m³ between 0 and 10¹²")
	case r.ReusedM3 < 0 || r.ReusedM3 > MaxVolumeM3:
		return Invalid("reused_m3", "must be a whole number of m³ between 0 and 10¹²")
	case r.IntakeM3+r.ReusedM3 == 0:
		return Invalid("intake_m3", "intake and reuse cannot both be zero")
	}
	switch r.Basis {
	case "":
		r.Basis = ReuseReported
	case ReuseReported, ReuseEntered, ReuseInvented:
	default:
		return Invalid("basis", "must be reported, entered or invented")
	}
	if strings.TrimSpace(r.Note) != r.Note {
		r.Note = strings.TrimSpace(r.Note)
	}
	return CheckNote("note", r.Note)
}

// ReuseFilter selects reuse reports.
type ReuseFilter struct {
	Year   int
	Region string // the region and every region below it
}

// ReuseStore holds indicator 8's register. Enterprises file their own
// reports; county staff those of their region; city staff any. Reads follow
// the registry's scope.
type ReuseStore interface {
	PutReuseReport(ctx context.Context, r *ReuseReport) error
	ListReuseReports(ctx context.Context, f ReuseFilter) ([]*ReuseReport, error)
}
