package sishui

import (
	"context"
	"strings"
	"time"
)

// Volume bases: how a volume was obtained.
const (
	BasisMeasured  = "measured"  // read from a meter or online monitoring
	BasisEstimated = "estimated" // derived indirectly (以电折水, quota × area)
	BasisEntered   = "entered"   // entered by a person where no meter exists
)

// DailyUse is the water one point used on one Beijing-time day. The region,
// source and sector are those the point counted under when the day was
// accounted (its permit's, or its own for points without a permit), so that a
// later recompute subtracts exactly what was added. Volumes are whole litres
// internally so that incremental rollups and a recompute agree exactly.
type DailyUse struct {
	Point    int64     `json:"point"`
	Day      time.Time `json:"day"` // UTC midnight of the Beijing-time calendar day
	Region   string    `json:"region"`
	Source   string    `json:"source"`
	Sector   string    `json:"sector"`
	Litres   int64     `json:"-"`
	Basis    string    `json:"basis"`
	Flags    uint32    `json:"flags,omitempty"`   // data-quality flags of the day's intervals (OR)
	Received int       `json:"received"`          // reports received on the day
	Expected int       `json:"expected"`          // reports expected on the day
	Method   string    `json:"method,omitempty"`  // how it was derived: cumulative, daily, electricity
	UserID   int64     `json:"user_id,omitempty"` // water user of the permit, 0 when none
}

// VolumeM3 returns the day's volume in m³.
func (d DailyUse) VolumeM3() float64 { return float64(d.Litres) / 1000 }

// EnteredUse is a volume entered by a person for unmetered use (e.g. irrigated
// area × quota) for a region, source, sector and month.
type EnteredUse struct {
	Region string `json:"region"`
	Source string `json:"source"`
	Sector string `json:"sector"`
	Month  int    `json:"month"` // yyyymm, e.g. 202603
	// VolumeM3 is a whole number of m³.
	VolumeM3 int64  `json:"volume_m3"`
	Note     string `json:"note,omitempty"`
}

// Validate checks the entry's fields.
func (e *EnteredUse) Validate() error {
	if !isDigits(e.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if !isCode(e.Source) {
		return Invalid("source", "must be a source code")
	}
	if !isCode(e.Sector) {
		return Invalid("sector", "must be a sector code")
	}
	if y, m := e.Month/100, e.Month%100; y < 1990 || y > 2100 || m < 1 || m > 12 {
		return Invalid("month", "must be yyyymm, got %d", e.Month)
	}
	if e.VolumeM3 < 0 || e.VolumeM3 > MaxVolumeM3 {
		return Invalid("volume_m3", "must be a non-negative whole number of m³")
	}
	return CheckNote("note", e.Note)
}

// UseCell is a rollup cell: the use of a region × source × sector in a month,
// split by basis, in litres.
type UseCell struct {
	Region    string
	Source    string
	Sector    string
	Month     int // yyyymm
	Measured  int64
	Estimated int64
	Entered   int64
}

// Total is the cell's total in litres.
func (c UseCell) Total() int64 { return c.Measured + c.Estimated + c.Entered }

// PointMonth is one point's use in one month (litres), with its completeness.
type PointMonth struct {
	Point     int64
	Month     int // yyyymm
	Region    string
	Source    string
	Sector    string
	Measured  int64
	Estimated int64
	Received  int
	Expected  int
}

// Total is the month's total in litres.
func (p PointMonth) Total() int64 { return p.Measured + p.Estimated }

// UseFilter selects rollup cells. Region includes everything below it.
type UseFilter struct {
	Region    string
	FromMonth int // yyyymm, inclusive; 0 = no bound
	ToMonth   int // yyyymm, inclusive; 0 = no bound
	Point     int64
}

// PointSeen is a point's latest report, from series_latest.
type PointSeen struct {
	Point    int64
	LastSeen time.Time // newest sample of any metric; zero when none
	Flags    uint32    // flags of the newest samples (OR over metrics at LastSeen's day)
	Alarm    float64   // the alarm/status word's latest value (0 = none)
	// Latest is the latest value of each metric.
	Latest map[Metric]float64
}

// Alert states and levels as stored (the warning package's names).
const (
	AlertPending      = "pending"
	AlertFiring       = "firing"
	AlertAcknowledged = "acknowledged"
	AlertResolved     = "resolved"
)

// Alert is a warning as stored: one (rule, subject) alert instance of the
// warning engine, with the region and water user it concerns for scoping.
type Alert struct {
	ID          int64              `json:"id"`
	Key         string             `json:"key"` // the engine's id: rule|subject|seq
	Rule        string             `json:"rule"`
	Kind        string             `json:"kind"`
	Subject     string             `json:"subject"`
	SubjectName string             `json:"subject_name,omitempty"` // the subject as people name it (section, well, zone, permit number and holder); set on reading
	Region      string             `json:"region,omitempty"`
	RegionName  string             `json:"region_name,omitempty"` // set on reading
	UserID      int64              `json:"user_id,omitempty"`
	State       string             `json:"state"`
	Level       string             `json:"level"`
	MaxLevel    string             `json:"max_level"`
	Message     string             `json:"message"`
	Values      map[string]float64 `json:"values,omitempty"`
	ActiveSince time.Time          `json:"active_since"`
	FiredAt     time.Time          `json:"fired_at,omitzero"`
	ResolvedAt  time.Time          `json:"resolved_at,omitzero"`
	AckBy       string             `json:"ack_by,omitempty"`
	AckComment  string             `json:"ack_comment,omitempty"`
	AckAt       time.Time          `json:"ack_at,omitzero"`
	UpdatedAt   time.Time          `json:"updated_at"`
	History     []AlertEvent       `json:"history,omitempty"`
}

// Open reports whether the alert is not resolved.
func (a *Alert) Open() bool { return a.State != AlertResolved }

// AlertEvent is one change of an alert.
type AlertEvent struct {
	Seq       int64              `json:"seq"`
	Type      string             `json:"type"`
	Time      time.Time          `json:"time"`
	Level     string             `json:"level"`
	PrevLevel string             `json:"prev_level,omitempty"`
	State     string             `json:"state"`
	Message   string             `json:"message,omitempty"`
	Values    map[string]float64 `json:"values,omitempty"`
	User      string             `json:"user,omitempty"`
	Comment   string             `json:"comment,omitempty"`
}

// AlertFilter selects alerts. Zero fields do not filter; State "open" means
// any state but resolved.
type AlertFilter struct {
	State  string
	Level  string
	Kind   string
	Region string
	Since  time.Time // alerts active at or after this time (not resolved before it)
	Until  time.Time // alerts that became active before this time
	Query  string    // case-insensitive substring of the subject, its registry name or the message
	Page
}

// AlertChange is an alert's new state and the events that led to it, as the
// warning scheduler saves them.
type AlertChange struct {
	Alert  Alert
	Events []AlertEvent
}

// PermitOverride records that an administrator let a permit through 限批.
type PermitOverride struct {
	ID            int64     `json:"id"`
	PermitID      int64     `json:"permit_id"`
	Number        string    `json:"number"`
	Region        string    `json:"region"`
	Action        string    `json:"action"` // create | update
	Justification string    `json:"justification"`
	Reason        string    `json:"reason"` // the refusal that was overridden (used vs cap)
	Actor         string    `json:"actor"`
	Time          time.Time `json:"time"`
}

type overrideKey struct{}

// WithPermitOverride returns a context under which CreatePermit and
// UpdatePermit let a permit through 限批, recording the override with the
// justification. Only administrators may use it; for others the store
// returns EFORBIDDEN.
func WithPermitOverride(ctx context.Context, justification string) context.Context {
	return context.WithValue(ctx, overrideKey{}, strings.TrimSpace(justification))
}

// PermitOverrideFrom returns the justification of an override request, and
// whether there is one.
func PermitOverrideFrom(ctx context.Context) (string, bool) {
	j, ok := ctx.Value(overrideKey{}).(string)
	return j, ok
}

// AccountingStore holds the water-use accounting, alerts and 限批 overrides.
// Reads are scoped by the context actor like the registry: county accounts see
// their region tree, enterprise accounts their own points' use and alerts,
// public callers only city-level rollups (the region filter must then be
// empty or the city's root).
type AccountingStore interface {
	// ReplaceDailyUse replaces the point's daily rows for the days in
	// [from, to) with rows (all of that point and within the range) and
	// updates the rollups by the difference, in one transaction: accounting a
	// period twice never counts it twice. Only the system and city staff
	// (and administrators) may write.
	ReplaceDailyUse(ctx context.Context, point int64, from, to time.Time, rows []DailyUse) error
	// ListDailyUse returns the point's daily rows in [from, to), by day.
	ListDailyUse(ctx context.Context, point int64, from, to time.Time) ([]DailyUse, error)
	// UpsertEnteredUse creates or replaces an entered volume (audited) and
	// updates the rollups by the difference.
	UpsertEnteredUse(ctx context.Context, e *EnteredUse) error
	ListEnteredUse(ctx context.Context, f UseFilter) ([]*EnteredUse, error)
	// MonthlyUse returns rollup cells (use_monthly; for enterprise accounts,
	// their points' monthly rollups), by month, region, source, sector.
	MonthlyUse(ctx context.Context, f UseFilter) ([]UseCell, error)
	// PointMonthlyUse returns per-point monthly rollups in the actor's scope.
	PointMonthlyUse(ctx context.Context, f UseFilter) ([]PointMonth, error)
	// RebuildRollups recomputes both rollups for the months of year from the
	// daily rows and entered volumes (administrators and the system).
	RebuildRollups(ctx context.Context, year int) error
	// LastSeen returns the latest report of each point in the actor's scope.
	LastSeen(ctx context.Context) ([]PointSeen, error)

	// LoadAlertState returns the warning engine's saved state (nil when none).
	LoadAlertState(ctx context.Context) ([]byte, error)
	// SaveAlerts stores the engine state and the changed alerts with their
	// events in one transaction (the system only); it sets the alerts' IDs.
	SaveAlerts(ctx context.Context, state []byte, changes []*AlertChange) error
	// AckAlert stores an acknowledgement (city, county in its region, admin),
	// with the engine state, audited with the comment.
	AckAlert(ctx context.Context, state []byte, change *AlertChange) error
	ListAlerts(ctx context.Context, f AlertFilter) ([]*Alert, int, error)
	// GetAlert returns an alert in scope with its history.
	GetAlert(ctx context.Context, id int64) (*Alert, error)
	// AlertByKey returns an alert by its engine id (without history).
	AlertByKey(ctx context.Context, key string) (*Alert, error)

	// ListPermitOverrides lists the 限批 overrides, newest first.
	ListPermitOverrides(ctx context.Context, p Page) ([]*PermitOverride, int, error)
}
