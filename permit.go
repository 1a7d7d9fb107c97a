package sishui

import (
	"strings"
	"time"
)

// Permit statuses.
const (
	PermitPending   = "pending"
	PermitActive    = "active"
	PermitSuspended = "suspended"
	PermitExpired   = "expired"
	PermitRevoked   = "revoked"
)

// MaxPermitYears is the longest term of a withdrawal permit (取水许可和水资源费征收管理条例 art. 25).
const MaxPermitYears = 10

// Permit is a withdrawal permit (取水许可证).
type Permit struct {
	ID             int64     `json:"id"`
	Number         string    `json:"number"` // 取水许可证编号
	UserID         int64     `json:"user_id"`
	Region         string    `json:"region"` // region of the intake
	Source         string    `json:"source"`
	Sector         string    `json:"sector"`
	Purpose        string    `json:"purpose,omitempty"`
	IntakeName     string    `json:"intake_name,omitempty"`
	Lon            float64   `json:"lon,omitempty"`
	Lat            float64   `json:"lat,omitempty"`
	AnnualM3       int64     `json:"annual_m3"`                 // permitted volume in an average-flow year
	MonthlyPlanM3  []int64   `json:"monthly_plan_m3,omitempty"` // 12 values when given; sum ≤ AnnualM3
	ValidFrom      time.Time `json:"valid_from"`                // first day of validity (date, UTC midnight)
	ValidTo        time.Time `json:"valid_to"`                  // last day of validity
	Status         string    `json:"status"`
	OnlineRequired bool      `json:"online_required"` // remote online metering required (derived by MeteringRule)
	Note           string    `json:"note,omitempty"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Validate checks the permit's own fields.
func (p *Permit) Validate() error {
	if strings.TrimSpace(p.Number) == "" {
		return Invalid("number", "is required")
	}
	if len(p.Number) > 64 {
		return Invalid("number", "must be at most 64 bytes")
	}
	if p.UserID <= 0 {
		return Invalid("user_id", "is required")
	}
	if !isDigits(p.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if !isCode(p.Source) {
		return Invalid("source", "must be a source code")
	}
	if !isCode(p.Sector) {
		return Invalid("sector", "must be a sector code")
	}
	if p.AnnualM3 <= 0 {
		return Invalid("annual_m3", "must be a positive whole number of m³")
	}
	if err := firstErr(CheckVolume("annual_m3", p.AnnualM3), CheckText("purpose", p.Purpose), CheckName("intake_name", p.IntakeName),
		CheckNote("note", p.Note), CheckName("number", p.Number)); err != nil {
		return err
	}
	if len(p.MonthlyPlanM3) != 0 {
		if len(p.MonthlyPlanM3) != 12 {
			return Invalid("monthly_plan_m3", "must have 12 monthly values, got %d", len(p.MonthlyPlanM3))
		}
		var sum int64
		for i, v := range p.MonthlyPlanM3 {
			if v < 0 || v > MaxVolumeM3 {
				return Invalid("monthly_plan_m3", "month %d must be between 0 and 10¹² m³", i+1)
			}
			sum += v
		}
		if sum > p.AnnualM3 {
			return Invalid("monthly_plan_m3", "sums to %d m³, more than the annual %d m³", sum, p.AnnualM3)
		}
	}
	if p.ValidFrom.IsZero() {
		return Invalid("valid_from", "is required")
	}
	if p.ValidTo.IsZero() {
		return Invalid("valid_to", "is required")
	}
	if err := firstErr(CheckDate("valid_from", p.ValidFrom), CheckDate("valid_to", p.ValidTo)); err != nil {
		return err
	}
	if !p.ValidTo.After(p.ValidFrom) {
		return Invalid("valid_to", "must be after valid_from")
	}
	if p.ValidTo.After(p.ValidFrom.AddDate(MaxPermitYears, 0, 0)) {
		return Invalid("valid_to", "the term may be at most %d years", MaxPermitYears)
	}
	switch p.Status {
	case PermitPending, PermitActive, PermitSuspended, PermitExpired, PermitRevoked, PermitCancelled:
	default:
		return Invalid("status", "must be one of pending, active, suspended, expired, revoked, cancelled")
	}
	return validateLonLat(p.Lon, p.Lat)
}

// InForce reports whether the permit allows withdrawal on day t.
func (p *Permit) InForce(t time.Time) bool {
	if p.Status != PermitActive {
		return false
	}
	d := t.In(BeijingTime)
	day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	return !day.Before(p.ValidFrom) && !day.After(p.ValidTo)
}

// MeteringRule decides when a permit must have remote online metering. The
// defaults are the stricter national thresholds (MWR 2021: ≥5万 m³/yr groundwater,
// ≥50万 m³/yr surface); Shandong's 2017 law says 10万 for groundwater (DOMAIN.md §4.2).
type MeteringRule struct {
	GroundwaterM3 int64 `json:"groundwater_m3" yaml:"groundwater_m3"`
	SurfaceM3     int64 `json:"surface_m3" yaml:"surface_m3"`
}

// DefaultMeteringRule returns the default thresholds.
func DefaultMeteringRule() MeteringRule {
	return MeteringRule{GroundwaterM3: 50_000, SurfaceM3: 500_000}
}

// Requires reports whether a permit of annualM3 from a source needs online metering.
func (r MeteringRule) Requires(src *Source, annualM3 int64) bool {
	if src == nil {
		return false
	}
	if src.Groundwater {
		return annualM3 >= r.GroundwaterM3
	}
	if src.Unconventional {
		return false
	}
	return annualM3 >= r.SurfaceM3
}

// PermitFilter selects permits.
type PermitFilter struct {
	Region string
	UserID int64
	Source string
	Status string
	Query  string
	Page
}
