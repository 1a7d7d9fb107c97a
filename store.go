package sishui

import (
	"context"
	"encoding/json"
	"time"
)

// Roles. Terminals are not accounts: the protocols' terminal password governs them.
const (
	RoleAdmin      = "admin"      // everything, including accounts
	RoleCity       = "city"       // city water bureau staff: read and change all of the city's data
	RoleCounty     = "county"     // county staff: their county and the zones it hosts
	RoleEnterprise = "enterprise" // a water user's own permits, points, readings and warnings
	RoleDepartment = "department" // another bureau (统计局, 工信局 …): its unit's statistics and tasks
	RoleAuditor    = "auditor"    // read-only, everything, including the audit log
	RolePublic     = "public"     // anonymous: city-level aggregates only
	RoleSystem     = "system"     // the platform itself (gateway, importer, CLI)
)

// Actor is who is asking. Stores scope every query and stamp every change with it.
type Actor struct {
	ID        int64  `json:"id"`
	Username  string `json:"username"`
	Role      string `json:"role"`
	Region    string `json:"region,omitempty"`     // scope of a county account
	WaterUser int64  `json:"water_user,omitempty"` // scope of an enterprise account
	Unit      string `json:"unit,omitempty"`       // scope of a department account (Unit.Code)
	// Credential is the session or token the request came with (0 for none).
	Credential int64 `json:"-"`
}

// SystemActor is the platform acting on its own behalf.
var SystemActor = &Actor{Username: "system", Role: RoleSystem}

type actorKey struct{}

// WithActor returns a context carrying the actor.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the context's actor, or SystemActor when there is none:
// only the API attaches people, and it always does.
func ActorFrom(ctx context.Context) *Actor {
	if a, ok := ctx.Value(actorKey{}).(*Actor); ok && a != nil {
		return a
	}
	return SystemActor
}

// CanWrite reports whether the actor may change registry data at all.
func (a *Actor) CanWrite() bool {
	switch a.Role {
	case RoleAdmin, RoleCity, RoleCounty, RoleSystem:
		return true
	}
	return false
}

// SeesAll reports whether the actor's reads are unscoped.
func (a *Actor) SeesAll() bool {
	switch a.Role {
	case RoleAdmin, RoleCity, RoleAuditor, RoleSystem:
		return true
	}
	return false
}

// AuditEntry is one append-only record of a change. Hash chains each entry to
// the previous one so that an edited or deleted row is detectable.
type AuditEntry struct {
	Seq      int64           `json:"seq"`
	Time     time.Time       `json:"time"`
	Actor    string          `json:"actor"`
	Role     string          `json:"role"`
	Action   string          `json:"action"` // create | update | delete | retire | override | …
	Entity   string          `json:"entity"` // water_user, permit, …
	EntityID string          `json:"entity_id"`
	Before   json.RawMessage `json:"before,omitempty"`
	After    json.RawMessage `json:"after,omitempty"`
	Reason   string          `json:"reason,omitempty"`
	PrevHash string          `json:"prev_hash"`
	Hash     string          `json:"hash"`
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	Entity   string
	EntityID string
	Actor    string
	Query    string // case-insensitive substring of the entity id, actor or reason
	Page
}

// RegistryStore holds the things the plan regulates. Every method scopes by the
// context's Actor: rows outside the actor's scope are invisible (ENOTFOUND on
// get, absent from lists); writes outside it return EFORBIDDEN. Writes are
// validated (EINVALID naming the field), checked against related rows in the
// same transaction, and recorded in the audit log.
type RegistryStore interface {
	// Regions, sources and sectors: the vocabulary. Upserts are idempotent.
	UpsertRegion(ctx context.Context, r *Region) error
	ListRegions(ctx context.Context, f RegionFilter) ([]*Region, error)
	GetRegion(ctx context.Context, code string) (*Region, error)
	UpsertSource(ctx context.Context, s *Source) error
	ListSources(ctx context.Context) ([]*Source, error)
	UpsertSector(ctx context.Context, s *Sector) error
	ListSectors(ctx context.Context) ([]*Sector, error)

	// Water users. CreateWaterUser sets ID and timestamps. ECONFLICT on a duplicate credit code.
	CreateWaterUser(ctx context.Context, u *WaterUser) error
	UpdateWaterUser(ctx context.Context, u *WaterUser) error
	GetWaterUser(ctx context.Context, id int64) (*WaterUser, error)
	ListWaterUsers(ctx context.Context, f WaterUserFilter) ([]*WaterUser, int, error)
	RetireWaterUser(ctx context.Context, id int64) error

	// Permits. ECONFLICT on a duplicate number; EINVALID for an unknown holder, region or source.
	CreatePermit(ctx context.Context, p *Permit) error
	UpdatePermit(ctx context.Context, p *Permit) error
	GetPermit(ctx context.Context, id int64) (*Permit, error)
	ListPermits(ctx context.Context, f PermitFilter) ([]*Permit, int, error)

	// Monitoring points. ECONFLICT on a duplicate (protocol, code). EINVALID when
	// the linked permit, section or zone does not exist or lies in another region.
	CreatePoint(ctx context.Context, p *Point) error
	UpdatePoint(ctx context.Context, p *Point) error
	GetPoint(ctx context.Context, id int64) (*Point, error)
	PointByCode(ctx context.Context, protocol, code string) (*Point, error)
	ListPoints(ctx context.Context, f PointFilter) ([]*Point, int, error)
	RetirePoint(ctx context.Context, id int64) error

	// Control sections and groundwater zones.
	UpsertSection(ctx context.Context, s *Section) error
	ListSections(ctx context.Context, region string) ([]*Section, error)
	GetSection(ctx context.Context, id int64) (*Section, error)
	UpsertZone(ctx context.Context, z *Zone) error
	ListZones(ctx context.Context, region string) ([]*Zone, error)
	GetZone(ctx context.Context, id int64) (*Zone, error)

	// Caps, indicators, targets, statistics.
	UpsertCap(ctx context.Context, c *RegionCap) error
	ListCaps(ctx context.Context, region string, year int) ([]*RegionCap, error)
	UpsertIndicator(ctx context.Context, i *Indicator) error
	ListIndicators(ctx context.Context) ([]*Indicator, error)
	UpsertTarget(ctx context.Context, t *Target) error
	ListTargets(ctx context.Context, f TargetFilter) ([]*Target, error)
	UpsertStatistic(ctx context.Context, s *Statistic) error
	ListStatistics(ctx context.Context, f StatisticFilter) ([]*Statistic, error)

	// Audit log (admins and auditors).
	ListAudit(ctx context.Context, f AuditFilter) ([]*AuditEntry, int, error)
	// VerifyAudit walks the chain and returns the first broken sequence number, or 0.
	VerifyAudit(ctx context.Context) (int64, error)
}

// Store is everything a storage engine provides.
type Store interface {
	RegistryStore
	AccountStore
	LoginGuardStore
	AuditSignStore
	CorrectionStore
	MeterStore
	SeriesStore
	AccountingStore
	BillingStore
	RightsStore
	PlanStore
	WorksStore
	ProjectStore
	OutboxStore
	OutboxStationStore
	PermittingStore
	TerminalStore
	ReuseStore
	GenerationStore
	WorkspaceStore
	DispatchStore
	// Migrate brings the schema up to date; it is idempotent.
	Migrate(ctx context.Context) error
	Ping(ctx context.Context) error
	Close() error
}
