package sishui

import (
	"context"
	"encoding/json"
	"strings"
	"time"
)

// PermitCancelled is the status of a permit cancelled (注销): surrendered,
// holder gone, or the term over without renewal.
const PermitCancelled = "cancelled"

// MaxAttachmentBytes caps one attachment: documents live in the database so
// that API nodes stay stateless.
const MaxAttachmentBytes = 20 << 20

// PermitApplication is an application for a withdrawal permit (取水许可申请):
// a new permit, a change of one, or its renewal (延续). The state and its
// clock follow internal/permitting; the fields are the national certificate's
// (取水许可和水资源费征收管理条例 art. 24).
type PermitApplication struct {
	ID        int64  `json:"id"`
	Kind      string `json:"kind"`                // new | change | renewal
	PermitID  int64  `json:"permit_id,omitempty"` // the permit changed or renewed; for new, the permit once certified
	UserID    int64  `json:"user_id"`
	Project   string `json:"project"` // 建设项目名称
	Region    string `json:"region"`
	Source    string `json:"source"`
	Sector    string `json:"sector"`
	Purpose   string `json:"purpose,omitempty"`
	AnnualM3  int64  `json:"annual_m3"`
	TermYears int    `json:"term_years"` // requested term, 1–10 years
	// Intake and return (取水地点, 退水地点, 退水方式, 退水量).
	IntakeName   string  `json:"intake_name,omitempty"`
	Lon          float64 `json:"lon,omitempty"`
	Lat          float64 `json:"lat,omitempty"`
	ZoneID       int64   `json:"zone_id,omitempty"` // groundwater zone of the intake
	Layer        string  `json:"layer,omitempty"`   // shallow | deep, for groundwater
	ReturnPoint  string  `json:"return_point,omitempty"`
	ReturnMethod string  `json:"return_method,omitempty"`
	ReturnM3     int64   `json:"return_m3,omitempty"`
	// PublicSupplier: the applicant is a public water supplier.
	PublicSupplier bool `json:"public_supplier,omitempty"`
	// Exceptions to 限批 claimed, each with its basis.
	Domestic      bool   `json:"domestic,omitempty"`
	DomesticBasis string `json:"domestic_basis,omitempty"`
	TradeRef      string `json:"trade_ref,omitempty"`

	State       string `json:"state"`
	Level       string `json:"level,omitempty"` // city | province (who decides)
	LevelReason string `json:"level_reason,omitempty"`
	// Check is the 限批 decision taken at approval or refusal (internal/permitting.Decision).
	Check             json.RawMessage `json:"check,omitempty"`
	CertificateNumber string          `json:"certificate_number,omitempty"`
	ValidFrom         time.Time       `json:"valid_from,omitempty"`
	ValidTo           time.Time       `json:"valid_to,omitempty"`
	ReceivedAt        time.Time       `json:"received_at"`           // last (re)submission: starts the completeness clock
	AcceptedAt        time.Time       `json:"accepted_at,omitempty"` // starts the decision clock
	DecidedAt         time.Time       `json:"decided_at,omitempty"`
	ForwardedAt       time.Time       `json:"forwarded_at,omitempty"` // forwarded to the deciding level above the city
	CreatedBy         string          `json:"created_by"`
	CreatedAt         time.Time       `json:"created_at"`
	UpdatedAt         time.Time       `json:"updated_at"`
}

// Application kinds.
const (
	ApplicationNew     = "new"
	ApplicationChange  = "change"
	ApplicationRenewal = "renewal"
)

// Validate checks the application's own fields.
func (a *PermitApplication) Validate() error {
	switch a.Kind {
	case ApplicationNew:
	case ApplicationChange, ApplicationRenewal:
		if a.PermitID <= 0 {
			return Invalid("permit_id", "a %s names the permit", a.Kind)
		}
	default:
		return Invalid("kind", "must be one of new, change, renewal")
	}
	if a.UserID <= 0 {
		return Invalid("user_id", "is required")
	}
	if strings.TrimSpace(a.Project) == "" {
		return Invalid("project", "is required")
	}
	if len([]rune(a.Project)) > 200 {
		return Invalid("project", "must be at most 200 characters")
	}
	if !isDigits(a.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if !isCode(a.Source) {
		return Invalid("source", "must be a source code")
	}
	if !isCode(a.Sector) {
		return Invalid("sector", "must be a sector code")
	}
	if a.AnnualM3 <= 0 {
		return Invalid("annual_m3", "must be a positive whole number of m³")
	}
	if a.TermYears < 1 || a.TermYears > MaxPermitYears {
		return Invalid("term_years", "must be between 1 and %d", MaxPermitYears)
	}
	if a.Layer != "" && a.Layer != "shallow" && a.Layer != "deep" {
		return Invalid("layer", "must be shallow or deep")
	}
	if a.ReturnM3 < 0 || a.ReturnM3 > a.AnnualM3 {
		return Invalid("return_m3", "must be between 0 and annual_m3")
	}
	if a.Domestic && a.TradeRef != "" {
		return Invalid("trade_ref", "claim one exception: domestic or a rights trade")
	}
	for f, v := range map[string]string{"purpose": a.Purpose, "intake_name": a.IntakeName, "return_point": a.ReturnPoint,
		"return_method": a.ReturnMethod, "domestic_basis": a.DomesticBasis, "trade_ref": a.TradeRef} {
		if len([]rune(v)) > 500 {
			return Invalid(f, "must be at most 500 characters")
		}
	}
	return validateLonLat(a.Lon, a.Lat)
}

// ApplicationStep is one step of an application: who did what, when, with
// which documents and opinion.
type ApplicationStep struct {
	ID            int64     `json:"id"`
	ApplicationID int64     `json:"application_id"`
	Action        string    `json:"action"`
	FromState     string    `json:"from_state"`
	ToState       string    `json:"to_state"`
	Actor         string    `json:"actor"`
	Role          string    `json:"role"`
	Time          time.Time `json:"time"`
	Comment       string    `json:"comment,omitempty"`
	Reviewers     []string  `json:"reviewers,omitempty"`   // review: the experts named
	Reviewer      string    `json:"reviewer,omitempty"`    // opinion: whose
	Opinion       string    `json:"opinion,omitempty"`     // opinion: agree | agree_with_conditions | disagree
	Reference     string    `json:"reference,omitempty"`   // decision document number (文号); required for a province decision
	Certificate   string    `json:"certificate,omitempty"` // certify: the certificate number
	Attachments   []int64   `json:"attachments,omitempty"`
	// Justification, with Override, lets an administrator approve through 限批 (audited).
	Override      bool   `json:"override,omitempty"`
	Justification string `json:"justification,omitempty"`
}

// Reviewer opinions.
const (
	OpinionAgree           = "agree"
	OpinionAgreeConditions = "agree_with_conditions"
	OpinionDisagree        = "disagree"
)

// Attachment is a document of an application, stored in the database.
type Attachment struct {
	ID            int64     `json:"id"`
	ApplicationID int64     `json:"application_id"`
	Name          string    `json:"name"`
	ContentType   string    `json:"content_type"`
	Size          int64     `json:"size"`
	SHA256        string    `json:"sha256"`
	Actor         string    `json:"actor"`
	CreatedAt     time.Time `json:"created_at"`
	Data          []byte    `json:"-"`
}

// Validate checks the attachment.
func (a *Attachment) Validate() error {
	if strings.TrimSpace(a.Name) == "" || len(a.Name) > 255 || strings.ContainsAny(a.Name, "/\\\x00") {
		return Invalid("name", "is required: a file name without path, at most 255 bytes")
	}
	if len(a.Data) == 0 {
		return Invalid("data", "is empty")
	}
	if len(a.Data) > MaxAttachmentBytes {
		return Invalid("data", "is %d bytes, more than the %d allowed", len(a.Data), MaxAttachmentBytes)
	}
	return nil
}

// ApplicationFilter selects applications.
type ApplicationFilter struct {
	Region string
	UserID int64
	State  string
	Kind   string
	Open   bool   // only states that wait on someone
	Query  string // case-insensitive substring of the project or the certificate number
	Page
}

// ApplicationSorts are the fields applications may be sorted by.
var ApplicationSorts = []string{"id", "project", "region", "kind", "state", "annual_m3", "received_at", "updated_at"}

// Certificate holds the certificate's fields beyond the permit row: what the
// national form prints and the register needs (zone, return, who issued it).
type Certificate struct {
	PermitID      int64     `json:"permit_id"`
	Number        string    `json:"number"`
	ApplicationID int64     `json:"application_id,omitempty"`
	ZoneID        int64     `json:"zone_id,omitempty"`
	Layer         string    `json:"layer,omitempty"`
	ReturnPoint   string    `json:"return_point,omitempty"`
	ReturnMethod  string    `json:"return_method,omitempty"`
	ReturnM3      int64     `json:"return_m3,omitempty"`
	Level         string    `json:"level,omitempty"`
	Issuer        string    `json:"issuer,omitempty"`
	IssuedAt      time.Time `json:"issued_at"`
}

// AnnualPlan is a permit holder's annual withdrawal plan (年度取水计划) and its
// report of the year's use, due by 31 December (条例 arts. 28, 40, 42).
type AnnualPlan struct {
	PermitID   int64     `json:"permit_id"`
	Year       int       `json:"year"`
	PlannedM3  int64     `json:"planned_m3"`
	ReportedM3 int64     `json:"reported_m3,omitempty"` // the year's use as reported (0 until reported)
	ReportedAt time.Time `json:"reported_at,omitempty"`
	Note       string    `json:"note,omitempty"`
}

// Validate checks the plan's fields (the permit is checked by the store).
func (ap *AnnualPlan) Validate() error {
	if ap.PlannedM3 < 0 || ap.ReportedM3 < 0 {
		return Invalid("planned_m3", "volumes must not be negative")
	}
	return firstErr(CheckYear("year", ap.Year), CheckVolume("planned_m3", ap.PlannedM3),
		CheckVolume("reported_m3", ap.ReportedM3), CheckNote("note", ap.Note))
}

// Plan statuses of a 规划水资源论证.
const (
	PlanPending = "pending"
	PlanPassed  = "passed"
	PlanFailed  = "failed"
)

// Plan is a plan subject to planning water-resources assessment (规划水资源论证):
// an urban master plan, a development zone, an industrial park, a sector plan.
type Plan struct {
	ID         int64           `json:"id"`
	Code       string          `json:"code"`
	Name       string          `json:"name"`
	Kind       string          `json:"kind"` // urban | development_zone | industrial_park | sector
	Region     string          `json:"region"`
	Area       json.RawMessage `json:"area"`   // GeoJSON Polygon/MultiPolygon/Feature(Collection)
	Status     string          `json:"status"` // pending | passed | failed
	DemandM3   int64           `json:"demand_m3,omitempty"`
	Sources    string          `json:"sources,omitempty"`
	CapsAllow  bool            `json:"caps_allow"` // the assessment found the region's caps allow it
	Conclusion string          `json:"conclusion,omitempty"`
	AssessedOn time.Time       `json:"assessed_on,omitempty"`
	UpdatedAt  time.Time       `json:"updated_at"`
}

// Validate checks the plan's own fields (the area's geometry is checked by the store).
func (p *Plan) Validate() error {
	if err := validateArea(p.Code, p.Name, p.Region, p.Area); err != nil {
		return err
	}
	switch p.Kind {
	case "urban", "development_zone", "industrial_park", "sector":
	default:
		return Invalid("kind", "must be one of urban, development_zone, industrial_park, sector")
	}
	switch p.Status {
	case PlanPending, PlanPassed, PlanFailed:
	default:
		return Invalid("status", "must be one of pending, passed, failed")
	}
	if p.DemandM3 < 0 {
		return Invalid("demand_m3", "must not be negative")
	}
	return nil
}

// MainsArea is where public water mains can serve (公共供水管网覆盖范围):
// a self-supply groundwater well inside it is refused.
type MainsArea struct {
	ID       int64           `json:"id"`
	Code     string          `json:"code"`
	Name     string          `json:"name"`
	Region   string          `json:"region"`
	Supplier string          `json:"supplier,omitempty"`
	Area     json.RawMessage `json:"area"`
}

// Validate checks the area's own fields.
func (m *MainsArea) Validate() error { return validateArea(m.Code, m.Name, m.Region, m.Area) }

// validateArea checks the fields every area register shares.
func validateArea(code, name, region string, area json.RawMessage) error {
	if !isCode(strings.ToLower(code)) {
		return Invalid("code", "must be letters, digits and _")
	}
	if strings.TrimSpace(name) == "" {
		return Invalid("name", "is required")
	}
	if !isDigits(region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if len(area) == 0 {
		return Invalid("area", "is required (GeoJSON)")
	}
	return nil
}

// HolidayCalendar is a working-day calendar a city loads: weekday days off
// and worked weekend days (调休).
type HolidayCalendar struct {
	Name     string       `json:"name"`
	Verified bool         `json:"verified"`
	Source   string       `json:"source,omitempty"`
	Days     []HolidayDay `json:"days"`
}

// HolidayDay is one listed day.
type HolidayDay struct {
	Date    string `json:"date"` // YYYY-MM-DD
	Workday bool   `json:"workday"`
	Name    string `json:"name,omitempty"`
}

// PermittingStore holds the permit process. Applications are scoped like
// permits: an enterprise account sees and creates only its own, and may take
// only the applicant's actions (submit, resubmit, withdraw, attach); the
// bureau (city, county in its region, admin) works the rest. Every step is
// audited.
type PermittingStore interface {
	// CreateApplication submits an application (the first step); it sets
	// ID, State, ReceivedAt, Level. EINVALID for unknown refs; EFORBIDDEN
	// outside scope.
	CreateApplication(ctx context.Context, a *PermitApplication, comment string) error
	GetApplication(ctx context.Context, id int64) (*PermitApplication, error)
	ListApplications(ctx context.Context, f ApplicationFilter) ([]*PermitApplication, int, error)
	// StepApplication takes one action (st.Action) on the application: ECONFLICT
	// when the lifecycle does not allow it or 限批 refuses an approval (the
	// refusal is in the error message; refuse with the rule instead);
	// EFORBIDDEN when the actor may not take it. It fills st and returns the
	// application as changed.
	StepApplication(ctx context.Context, id int64, st *ApplicationStep) (*PermitApplication, error)
	ListApplicationSteps(ctx context.Context, id int64) ([]*ApplicationStep, error)
	// CheckApplication runs the 限批 decision for the application as it stands
	// (no write) and returns internal/permitting.Decision as JSON.
	CheckApplication(ctx context.Context, id int64) (json.RawMessage, error)

	// AddAttachment stores a document (≤ MaxAttachmentBytes) of an application in scope.
	AddAttachment(ctx context.Context, a *Attachment) error
	ListAttachments(ctx context.Context, application int64) ([]*Attachment, error)
	// GetAttachment returns the attachment with its data.
	GetAttachment(ctx context.Context, id int64) (*Attachment, error)

	// GetCertificate returns a permit's certificate fields (ENOTFOUND for a
	// permit registered without one).
	GetCertificate(ctx context.Context, permit int64) (*Certificate, error)
	// PutCertificate records the certificate fields of a permit registered
	// without an application (an imported certificate), audited.
	PutCertificate(ctx context.Context, c *Certificate) error
	// ImportCertificate registers an existing certificate: the permit (as
	// CreatePermit, 限批 included) and its certificate fields in one transaction.
	ImportCertificate(ctx context.Context, p *Permit, c *Certificate) error
	// PermitAction suspends, reinstates, revokes or cancels a permit with a reason (audited).
	PermitAction(ctx context.Context, permit int64, action, reason string) (*Permit, error)
	UpsertAnnualPlan(ctx context.Context, p *AnnualPlan) error
	// ListAnnualPlans lists plans of a permit (0: all in scope) and a year (0: all).
	ListAnnualPlans(ctx context.Context, permit int64, year int) ([]*AnnualPlan, error)

	// Plans and public-mains areas (city staff write; everyone in scope reads).
	UpsertPlan(ctx context.Context, p *Plan) error
	GetPlan(ctx context.Context, code string) (*Plan, error)
	ListPlans(ctx context.Context, region string) ([]*Plan, error)
	UpsertMainsArea(ctx context.Context, m *MainsArea) error
	ListMainsAreas(ctx context.Context, region string) ([]*MainsArea, error)

	// PutCalendar replaces a holiday calendar; GetCalendar returns it (ENOTFOUND when none).
	PutCalendar(ctx context.Context, c *HolidayCalendar) error
	GetCalendar(ctx context.Context, name string) (*HolidayCalendar, error)
}
