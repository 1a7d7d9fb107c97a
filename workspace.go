package sishui

import (
	"context"
	"encoding/json"
	"time"
)

// Access levels of a shared scenario.
const (
	AccessRead = "read" // see, run into a copy, export
	AccessEdit = "edit" // also save new versions and run
)

// Scenario is a saved what-if of the scenario workspace (情景工作台): the
// changes (assumptions) made to a base — the city's current data, or another
// scenario — and the result of the last run of each version. Every save is a
// new version; versions are never rewritten except to attach their result.
type Scenario struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Owner   string `json:"owner"` // the account that created it
	Base    int64  `json:"base"`  // scenario it started from; 0 = the city's current data
	Version int    `json:"version"`
	Note    string `json:"note"`
	// Changes are the assumptions (internal/workspace.Changes) of Version.
	Changes json.RawMessage `json:"changes"`
	// Result is Version's last run (internal/workspace.Result); null until run.
	Result  json.RawMessage `json:"result"`
	Shares  []ScenarioShare `json:"shares"`
	Access  string          `json:"access"` // the caller's: owner, edit or read
	Created time.Time       `json:"created"`
	Updated time.Time       `json:"updated"`
}

// ScenarioShare gives an account access to a scenario.
type ScenarioShare struct {
	Account string `json:"account"` // username
	Access  string `json:"access"`  // AccessRead or AccessEdit
}

// ScenarioVersion is one saved version of a scenario.
type ScenarioVersion struct {
	Scenario int64           `json:"scenario"`
	Version  int             `json:"version"`
	Changes  json.RawMessage `json:"changes"`
	Result   json.RawMessage `json:"result,omitempty"`
	Actor    string          `json:"actor"`
	Created  time.Time       `json:"created"`
	RunMS    int64           `json:"run_ms"` // when Result was attached (Unix ms), 0 = not run
}

// Validate checks a scenario's own fields.
func (s *Scenario) Validate() error {
	if s.Name == "" {
		return Invalid("name", "is required")
	}
	return firstErr(CheckName("name", s.Name), CheckNote("note", s.Note), checkJSONObject("changes", s.Changes))
}

func checkJSONObject(field string, b json.RawMessage) error {
	if len(b) == 0 {
		return Invalid(field, "is required")
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil || m == nil {
		return Invalid(field, "must be a JSON object")
	}
	if len(b) > MaxScenarioChanges {
		return Invalid(field, "is larger than %d bytes", MaxScenarioChanges)
	}
	return nil
}

// MaxScenarioChanges bounds a version's changes.
const MaxScenarioChanges = 256 << 10

// CapacityMonth is a county's live carrying-capacity grade for one month
// (history kept per county): the terms fed from the data as it arrives and
// the grade they give, with the basis.
type CapacityMonth struct {
	Region string `json:"region"`
	Month  int    `json:"month"` // yyyymm
	// UseM3 and GroundwaterM3 are the year's use through the month
	// (projected to the year end while the year runs, see Basis).
	UseM3            float64 `json:"use_m3"`
	UseCapM3         float64 `json:"use_cap_m3"`
	GroundwaterM3    float64 `json:"groundwater_m3"`
	GroundwaterCapM3 float64 `json:"groundwater_cap_m3"`
	// DeepConfinedM3 is the metered deep (confined) groundwater of the year
	// through the month.
	DeepConfinedM3 float64 `json:"deep_confined_m3"`
	// LevelDeclineMPerYear is the mean fall of the wells' measured depth
	// (positive = the water table falling), from WellCount wells.
	LevelDeclineMPerYear float64   `json:"level_decline_m_per_year"`
	WellCount            int       `json:"well_count"`
	Grade                string    `json:"grade"`      // capacity grade code
	GradeName            string    `json:"grade_name"` // 不超载 …
	Reasons              []string  `json:"reasons"`
	Basis                string    `json:"basis"` // how the terms were obtained, in words
	Edition              string    `json:"edition"`
	Computed             time.Time `json:"computed"`
}

// WorkspaceStore keeps scenarios and the live carrying-capacity history.
// Scenarios are visible to their owner, the accounts they are shared with,
// and administrators and auditors (read); anyone else gets ENOTFOUND, the same
// as for a scenario that does not exist. Writes are audited.
type WorkspaceStore interface {
	// CreateScenario stores s as version 1 owned by the caller (fills ID,
	// Owner, Version, times). A Base the caller cannot see is ENOTFOUND.
	CreateScenario(ctx context.Context, s *Scenario) error
	GetScenario(ctx context.Context, id int64) (*Scenario, error)
	// ListScenarios lists the scenarios the caller can see, newest first,
	// without their results.
	ListScenarios(ctx context.Context) ([]*Scenario, error)
	// SaveScenario stores changes as a new version when the stored version is
	// still version (ECONFLICT otherwise); owner or edit access. Name and note
	// are updated when not empty.
	SaveScenario(ctx context.Context, id int64, version int, name, note string, changes json.RawMessage) (*Scenario, error)
	// SetScenarioResult attaches a run's result to a version (owner or edit).
	SetScenarioResult(ctx context.Context, id int64, version int, result json.RawMessage) error
	ListScenarioVersions(ctx context.Context, id int64) ([]*ScenarioVersion, error)
	GetScenarioVersion(ctx context.Context, id int64, version int) (*ScenarioVersion, error)
	// ShareScenario gives account access (AccessRead, AccessEdit) or, with
	// access "", takes it away; the owner only.
	ShareScenario(ctx context.Context, id int64, account, access string) error
	// DeleteScenario removes a scenario with its versions (the owner only);
	// ECONFLICT while another scenario names it as base.
	DeleteScenario(ctx context.Context, id int64) error

	// UpsertCapacityMonth stores a county's month (system, admin, city).
	UpsertCapacityMonth(ctx context.Context, m *CapacityMonth) error
	// ListCapacityHistory lists months from..to (yyyymm, inclusive; 0 = open)
	// of region ("" = every region in the caller's scope), by region and month.
	ListCapacityHistory(ctx context.Context, region string, from, to int) ([]*CapacityMonth, error)
}
