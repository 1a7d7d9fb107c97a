package sishui

import (
	"context"
	"encoding/json"
	"strings"
	"time"
)

// Kinds of versioned rule tables (internal/pricing decodes their bodies).
const (
	RuleTariff    = "tariff"    // 水价: tiers and itemised components for a customer class
	RuleSurcharge = "surcharge" // 超定额(计划)累进加价 bands for a class
	RuleTax       = "tax"       // 水资源税 rates, exemptions, loss rate, multipliers, relief
	RuleNorm      = "norm"      // 用水定额 of a sector's product or crop
	RuleBudget    = "budget"    // 水预算 variance thresholds
)

// Rule is one version of a rule table: a tariff, a surcharge rule, a tax table
// or a water-use norm, for a region and key (the customer class; "sector/product"
// for norms; "" for tax tables), from its effective date. The body is the
// table itself as JSON in internal/pricing's shape; its rates are integers
// (1/10000 元), never floats. Verified says the numbers were checked against
// the official text; Demo marks invented demonstration data.
type Rule struct {
	ID            int64           `json:"id"`
	Kind          string          `json:"kind"`
	Region        string          `json:"region"`
	Key           string          `json:"key"`
	EffectiveFrom time.Time       `json:"effective_from"`
	Verified      bool            `json:"verified"`
	Demo          bool            `json:"demo"`
	Name          string          `json:"name"`
	Source        string          `json:"source"`
	Body          json.RawMessage `json:"body"`
	Actor         string          `json:"actor,omitempty"`
	UpdatedAt     time.Time       `json:"updated_at"`
}

// Validate checks the rule's envelope (the body is checked by internal/pricing).
func (r *Rule) Validate() error {
	switch r.Kind {
	case RuleTariff, RuleSurcharge, RuleTax, RuleNorm, RuleBudget:
	default:
		return Invalid("kind", "must be tariff, surcharge, tax, norm or budget")
	}
	if !isDigits(r.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if len(r.Key) > 128 {
		return Invalid("key", "must be at most 128 bytes")
	}
	if r.EffectiveFrom.IsZero() || !r.EffectiveFrom.Equal(r.EffectiveFrom.Truncate(24*time.Hour)) {
		return Invalid("effective_from", "must be a date (UTC midnight)")
	}
	if strings.TrimSpace(r.Source) == "" {
		return Invalid("source", "name the document the numbers come from (or say demo)")
	}
	if !json.Valid(r.Body) || len(r.Body) == 0 || r.Body[0] != '{' {
		return Invalid("body", "must be a JSON object")
	}
	return nil
}

// RuleFilter selects rules. Zero fields do not filter.
type RuleFilter struct {
	Kind   string
	Region string // exactly this region
	Key    string
}

// OutputDeclaration is a user's declared output or area of a product or crop in
// a year (产量/面积), from which its quota volume follows (norm × output).
type OutputDeclaration struct {
	UserID  int64  `json:"user_id"`
	Year    int    `json:"year"`
	Sector  string `json:"sector"`
	Product string `json:"product"`
	Output  int64  `json:"output"` // in the norm's unit
	// PermitID, when set, declares the part of the user's output produced
	// with one of its permits' water: the weight its quota is split by across
	// the permits (the quota itself is norm × the user's own declaration).
	PermitID int64 `json:"permit_id,omitempty"`
	// UserName is the water user's name, filled by ListOutputs (not stored).
	UserName string `json:"user_name,omitempty"`
}

// Validate checks the declaration's fields.
func (o *OutputDeclaration) Validate() error {
	switch {
	case o.UserID <= 0:
		return Invalid("user_id", "is required")
	case o.Year < 1990 || o.Year > 2100:
		return Invalid("year", "must be a year")
	case !isCode(o.Sector):
		return Invalid("sector", "must be a sector code")
	case strings.TrimSpace(o.Product) == "":
		return Invalid("product", "is required")
	case o.Output < 0:
		return Invalid("output", "must not be negative")
	case o.PermitID < 0:
		return Invalid("permit_id", "must be a permit id")
	}
	return nil
}

// AccountPlan is a non-residential customer account's plan for a year
// (计划用水, per account-year), the limit of its yearly over-plan surcharge.
// Without one, the year's plan is the account's monthly plan × its open months.
type AccountPlan struct {
	Account int64  `json:"account"`
	Number  string `json:"number,omitempty"` // the account's number: addresses the account when Account is 0
	Year    int    `json:"year"`
	PlanM3  int64  `json:"plan_m3"`
	// Filled by listings, from the account.
	Name   string `json:"name,omitempty"`
	Region string `json:"region,omitempty"`
	UserID int64  `json:"user_id,omitempty"`
}

// Validate checks the plan's fields.
func (p *AccountPlan) Validate() error {
	switch {
	case p.Account < 0 || p.Account == 0 && strings.TrimSpace(p.Number) == "":
		return Invalid("account", "is required (an account id or number)")
	case p.Year < 1990 || p.Year > 2100:
		return Invalid("year", "must be a year")
	case p.PlanM3 < 0:
		return Invalid("plan_m3", "must not be negative")
	}
	return nil
}

// YearFilter narrows a list of one year's records (account plans,
// declared outputs): Region is that region or any below it, Query a
// substring the list documents; Page.Sort is one of PlanSorts or OutputSorts.
type YearFilter struct {
	Year   int
	Region string
	Query  string
	Page
}

// Customer meter kinds.
const (
	MeterIndividual = "individual" // 一户一表
	MeterShared     = "shared"     // 合表: tiers per registered person
)

// CustomerAccount is a water supplier's customer (用水户账户): a household or a
// non-residential user on public supply, billed from meter reads.
type CustomerAccount struct {
	ID       int64     `json:"id"`
	Number   string    `json:"number"` // the supplier's account number, unique
	Name     string    `json:"name"`
	Region   string    `json:"region"`
	Class    string    `json:"class"`              // tariff class: residential, non_residential, special, reclaimed …
	Supplier string    `json:"supplier,omitempty"` // water works (for registered volumes per works)
	Meter    string    `json:"meter"`              // individual | shared
	Persons  int       `json:"persons,omitempty"`  // registered persons on a shared meter
	UserID   int64     `json:"user_id,omitempty"`  // the registered water user, for non-residential accounts
	PlanM3   int64     `json:"plan_m3,omitempty"`  // monthly plan (计划用水) of a non-residential account; 0 = none
	Opened   time.Time `json:"opened"`             // first day of supply
	Closed   time.Time `json:"closed,omitzero"`    // last day of supply; zero while open
}

// Validate checks the account's fields.
func (a *CustomerAccount) Validate() error {
	switch {
	case strings.TrimSpace(a.Number) == "" || len(a.Number) > 64:
		return Invalid("number", "is required (at most 64 bytes)")
	case strings.TrimSpace(a.Name) == "":
		return Invalid("name", "is required")
	case !isDigits(a.Region, 6):
		return Invalid("region", "must be a 6-digit region code")
	case !isCode(a.Class):
		return Invalid("class", "must be a tariff class code")
	case a.Meter != MeterIndividual && a.Meter != MeterShared:
		return Invalid("meter", "must be individual or shared")
	case a.Persons < 0 || a.Meter == MeterShared && a.Persons == 0:
		return Invalid("persons", "a shared meter needs its registered persons")
	case a.PlanM3 < 0:
		return Invalid("plan_m3", "must not be negative")
	case a.Opened.IsZero():
		return Invalid("opened", "is required")
	case !a.Closed.IsZero() && a.Closed.Before(a.Opened):
		return Invalid("closed", "must not be before opened")
	}
	return nil
}

// MeterRead is a customer meter's register read on a day, in whole m³.
// Estimated marks an estimated read (估抄); a later actual read corrects it
// and the next billing run makes an adjustment bill.
type MeterRead struct {
	Account   int64     `json:"account"`
	Number    string    `json:"number,omitempty"` // the account number (imports)
	ReadOn    time.Time `json:"read_on"`          // date (UTC midnight)
	ReadingM3 int64     `json:"reading_m3"`
	Estimated bool      `json:"estimated,omitempty"`
}

// Validate checks the read's own fields.
func (r *MeterRead) Validate() error {
	if r.Account <= 0 && r.Number == "" {
		return Invalid("account", "is required")
	}
	if r.ReadOn.IsZero() {
		return Invalid("read_on", "is required")
	}
	if r.ReadingM3 < 0 {
		return Invalid("reading_m3", "must not be negative")
	}
	return nil
}

// Bill subjects, kinds and statuses.
const (
	BillAccount = "account" // a customer account's water bill
	BillPermit  = "permit"  // a permit holder's over-plan surcharge
	// BillPermitYear is a permit holder's yearly over-plan / over-quota
	// surcharge (period yyyy12), made by December's run.
	BillPermitYear = "permit_year"
	// BillAccountYear is a non-residential public-supply account's yearly
	// over-plan / over-quota surcharge (period yyyy12), made by December's run.
	BillAccountYear = "account_year"

	BillRegular    = "regular"
	BillAdjustment = "adjustment" // reverses the bill in force and puts the corrected lines in force

	StatusDraft  = "draft"
	StatusIssued = "issued"
)

// Bill is a stored bill. Lines are internal/pricing lines as JSON. Drafts are
// replaced by a rerun of the billing run; issued bills never change: a
// correction is a new adjustment bill.
type Bill struct {
	ID        int64           `json:"id"`
	Subject   string          `json:"subject"` // account | permit | permit_year | account_year
	SubjectID int64           `json:"subject_id"`
	Region    string          `json:"region"`
	UserID    int64           `json:"user_id,omitempty"`
	Period    int             `json:"period"` // yyyymm
	Kind      string          `json:"kind"`
	Status    string          `json:"status"`
	VolumeM3  int64           `json:"volume_m3"`
	TotalFen  int64           `json:"total_fen"`
	Estimated bool            `json:"estimated"`
	Rules     []int64         `json:"rules"` // the rule versions priced with
	Lines     json.RawMessage `json:"lines"`
	Created   time.Time       `json:"created"`
	Issued    time.Time       `json:"issued,omitzero"`
}

// BillFilter selects bills.
type BillFilter struct {
	Subject   string
	SubjectID int64
	Period    int
	Status    string
	Region    string
	Page
}

// Tax verification (取用水量核定) statuses.
const (
	VerifyDraft     = "draft"
	VerifySent      = "sent"      // sent to the taxpayer and the tax bureau
	VerifyConfirmed = "confirmed" // the taxpayer confirmed
	VerifyDisputed  = "disputed"  // the taxpayer disputed, with a reason; back to the bureau
)

// TaxVerification is the per-taxpayer, per-period volume verification the
// water bureau sends the tax bureau. Lines are internal/pricing tax lines
// with their references to metered or estimated volumes.
type TaxVerification struct {
	ID       int64           `json:"id"`
	UserID   int64           `json:"user_id"`
	Region   string          `json:"region"`
	Period   string          `json:"period"` // 2026Q4 or 2026-11
	Status   string          `json:"status"`
	TotalFen int64           `json:"total_fen"`
	Rule     int64           `json:"rule"` // tax table version
	Lines    json.RawMessage `json:"lines"`
	Reason   string          `json:"reason,omitempty"` // the dispute's reason
	Created  time.Time       `json:"created"`
	Sent     time.Time       `json:"sent,omitzero"`
	Answered time.Time       `json:"answered,omitzero"`
}

// VerificationFilter selects verifications.
type VerificationFilter struct {
	UserID int64
	Period string
	Status string
	Page
}

// Advanced-quota certification (先进定额认定) statuses: 申请 → 审核 → 认定.
const (
	CertApplied   = "applied"   // 申请, by the user (or staff for it)
	CertReviewed  = "reviewed"  // 审核, by the water bureau
	CertCertified = "certified" // 认定, jointly with the tax bureau; valid a year
	CertRejected  = "rejected"
)

// CertificationNext reports whether a certification may move from one status to another.
func CertificationNext(from, to string) bool {
	switch from {
	case CertApplied:
		return to == CertReviewed || to == CertRejected
	case CertReviewed:
		return to == CertCertified || to == CertRejected
	}
	return false
}

// Certification is an industrial user's certification at the advanced quota
// value (先进值) for a year's efficiency, which gives the 20 % tax relief while
// valid.
type Certification struct {
	ID        int64     `json:"id"`
	UserID    int64     `json:"user_id"`
	Region    string    `json:"region"`
	Year      int       `json:"year"` // the year whose efficiency is certified
	Sector    string    `json:"sector"`
	Product   string    `json:"product"`
	UsedM3    int64     `json:"used_m3"`
	Output    int64     `json:"output"`
	Status    string    `json:"status"`
	Note      string    `json:"note,omitempty"`
	ValidFrom time.Time `json:"valid_from,omitzero"`
	ValidTo   time.Time `json:"valid_to,omitzero"` // last valid day
	Updated   time.Time `json:"updated"`
	Actor     string    `json:"actor"`
}

// Validate checks an application's fields.
func (c *Certification) Validate() error {
	switch {
	case c.UserID <= 0:
		return Invalid("user_id", "is required")
	case c.Year < 1990 || c.Year > 2100:
		return Invalid("year", "must be a year")
	case !isCode(c.Sector):
		return Invalid("sector", "must be a sector code")
	case strings.TrimSpace(c.Product) == "":
		return Invalid("product", "is required")
	case c.UsedM3 < 0 || c.Output <= 0:
		return Invalid("output", "used_m3 must be non-negative and output positive")
	}
	return nil
}

// ValidOn reports whether a certification gives relief on day t.
func (c *Certification) ValidOn(t time.Time) bool {
	return c.Status == CertCertified && !t.Before(c.ValidFrom) && !t.After(c.ValidTo)
}

// BillingStore holds rule tables (tariffs, surcharges, tax tables, norms),
// output declarations, customer accounts and meter reads, bills, tax
// verifications and advanced-quota certifications. Rule and account writes
// need city staff (county staff for their region's accounts); bills and
// verifications are written by the system's batch runs (and city staff).
// Every write is audited; reads are scoped like the registry (enterprise
// accounts see their own user's rows).
type BillingStore interface {
	// UpsertRule creates a version or replaces the one with the same kind,
	// region, key and effective date (audited with before and after).
	UpsertRule(ctx context.Context, r *Rule) error
	ListRules(ctx context.Context, f RuleFilter) ([]*Rule, error)
	// UpsertOutput stores a user's declaration, or with PermitID the part
	// of it produced with one of the user's permits (EINVALID for another
	// user's permit).
	UpsertOutput(ctx context.Context, o *OutputDeclaration) error
	// DeleteOutput removes a user's declaration of a product for a year
	// together with its per-permit parts (audited with the old values):
	// ENOTFOUND when the user is out of scope or declared no such output,
	// EFORBIDDEN for an actor who may not write the user's region.
	DeleteOutput(ctx context.Context, userID int64, year int, sector, product string) error
	// ListOutputs lists a page of the year's user declarations (PermitID 0)
	// in scope; f.Query is a substring of the user's name or the product.
	ListOutputs(ctx context.Context, f YearFilter) ([]*OutputDeclaration, int, error)
	// AllOutputs lists every user declaration of the year in scope, by
	// user, sector and product.
	AllOutputs(ctx context.Context, year int) ([]*OutputDeclaration, error)
	// ListPermitOutputs lists the year's per-permit parts in scope.
	ListPermitOutputs(ctx context.Context, year int) ([]*OutputDeclaration, error)
	// UpsertAccountPlan stores a non-residential account's plan for a year.
	UpsertAccountPlan(ctx context.Context, p *AccountPlan) error
	// DeleteAccountPlan removes an account's plan for a year, the account
	// named by p's id or else its number (audited with the old plan; p is
	// filled with it): ENOTFOUND when the account is out of scope or has no
	// plan for the year, EFORBIDDEN for an actor who may not write its region.
	DeleteAccountPlan(ctx context.Context, p *AccountPlan) error
	// ListAccountPlans lists a page of the year's account plans in scope;
	// f.Query is a substring of the account's number or name.
	ListAccountPlans(ctx context.Context, f YearFilter) ([]*AccountPlan, int, error)
	// AllAccountPlans lists every account plan of the year in scope, by
	// account number.
	AllAccountPlans(ctx context.Context, year int) ([]*AccountPlan, error)

	// UpsertCustomerAccounts creates or updates accounts by number in one
	// transaction, setting IDs; one audit entry for the batch.
	UpsertCustomerAccounts(ctx context.Context, as []*CustomerAccount) error
	GetCustomerAccount(ctx context.Context, id int64) (*CustomerAccount, error)
	ListCustomerAccounts(ctx context.Context, region string, p Page) ([]*CustomerAccount, int, error)
	// AllCustomerAccounts returns every account in scope, by id (batch runs).
	AllCustomerAccounts(ctx context.Context) ([]*CustomerAccount, error)
	// AddMeterReads stores reads (by account id or number) in one transaction;
	// a read of the same account and day replaces the earlier one. EINVALID
	// for an unknown account.
	AddMeterReads(ctx context.Context, rs []MeterRead) error
	// MeterReads returns the reads on days in [from, to), by account and day;
	// account 0 means every account in scope.
	MeterReads(ctx context.Context, account int64, from, to time.Time) ([]MeterRead, error)

	// ReplaceDraftBills deletes every draft bill of the subject kind and period
	// and stores bills (all drafts of that subject and period) in one
	// transaction. Issued bills are never touched.
	ReplaceDraftBills(ctx context.Context, subject string, period int, bills []*Bill) error
	// IssuedBills returns the issued bills of a subject kind and period, by subject and id.
	IssuedBills(ctx context.Context, subject string, period int) ([]*Bill, error)
	// PeriodBills returns every bill (issued and draft) of a subject kind and
	// period, by subject and id, in one query (batch runs).
	PeriodBills(ctx context.Context, subject string, period int) ([]*Bill, error)
	// IssueBills issues every draft of a subject kind and period; it returns how many.
	IssueBills(ctx context.Context, subject string, period int) (int, error)
	ListBills(ctx context.Context, f BillFilter) ([]*Bill, int, error)
	GetBill(ctx context.Context, id int64) (*Bill, error)

	// ReplaceDraftVerifications deletes the period's drafts and stores vs.
	// ECONFLICT when one is for a user whose verification of the period is
	// sent or confirmed.
	ReplaceDraftVerifications(ctx context.Context, period string, vs []*TaxVerification) error
	ListVerifications(ctx context.Context, f VerificationFilter) ([]*TaxVerification, int, error)
	GetVerification(ctx context.Context, id int64) (*TaxVerification, error)
	// SendVerification moves a draft to sent (city staff). AnswerVerification
	// moves a sent one to confirmed or disputed (the taxpayer's enterprise
	// account, or city staff for it); a dispute needs a reason.
	SendVerification(ctx context.Context, id int64) error
	AnswerVerification(ctx context.Context, id int64, confirm bool, reason string) error

	// ApplyCertification stores an application (status applied).
	ApplyCertification(ctx context.Context, c *Certification) error
	// AdvanceCertification moves an application on (reviewed, certified,
	// rejected; city staff). Certifying sets the validity: validFrom and one year.
	AdvanceCertification(ctx context.Context, id int64, to, note string, validFrom time.Time) error
	ListCertifications(ctx context.Context, userID int64) ([]*Certification, error)

	// UpsertBudget creates or replaces the budget of (year, subject, source,
	// sector), setting ID and Region (city staff; county staff in their region).
	UpsertBudget(ctx context.Context, b *WaterBudget) error
	// ListBudgets lists a year's budgets in scope (subject "" for both kinds).
	ListBudgets(ctx context.Context, year int, subject string) ([]*WaterBudget, error)
	// CreateSavingContract registers a contract, setting ID and Region.
	CreateSavingContract(ctx context.Context, c *SavingContract) error
	ListSavingContracts(ctx context.Context, userID int64) ([]*SavingContract, error)
	GetSavingContract(ctx context.Context, id int64) (*SavingContract, error)
}
