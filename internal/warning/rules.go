package warning

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"slices"
	"text/template"

	"gopkg.in/yaml.v3"
)

// Errors; compare with errors.Is.
var (
	ErrInvalidRule  = errors.New("invalid rule")
	ErrUnknownAlert = errors.New("unknown alert")
	ErrNotFiring    = errors.New("alert is not firing")
	ErrInvalidInput = errors.New("invalid input")
)

// Kind is a rule kind; an Observation feeds the rules of its kind.
type Kind string

const (
	RegionTotalUse        Kind = "region_total_use"       // region use (year to date, projected) against its annual cap
	PermitUse             Kind = "permit_use"             // permit use against annual permitted volume and monthly plan
	EcoBaseFlow           Kind = "eco_base_flow"          // control-section flow against the ecological base-flow target
	GroundwaterLevel      Kind = "groundwater_level"      // well level against its red line (or depth against a limit)
	GroundwaterZoneCap    Kind = "groundwater_zone_cap"   // zone extraction against the zone cap
	TerminalOffline       Kind = "terminal_offline"       // a point silent for too many reporting intervals
	DataQuality           Kind = "data_quality"           // quality flags raised by ingestion
	GeothermalReinjection Kind = "geothermal_reinjection" // reinjection against extraction over a window (同层等量回灌)
	PermitExpiry          Kind = "permit_expiry"          // days to a permit's expiry against the 45-day renewal lead, no renewal applied for
	UnpermittedUse        Kind = "unpermitted_use"        // metered use this month on a permit not in force (expired, suspended, revoked, cancelled)
	AnnualPlanReport      Kind = "annual_plan_report"     // days past 31 December without the year's use report (条例 arts. 28, 40)
	MeteringCompliance    Kind = "metering_compliance"    // a permit that must be metered online is not (1 missing terminal, 2 silent, 3 data incomplete)
	TerminalSecurity      Kind = "terminal_security"      // a terminal's replayed, impersonating, clock-skewed or forged frames over a window (数据真实)
	RightsOveruse         Kind = "rights_overuse"         // a permit holder that sold water: use this year against what it kept (ledger)
	TaskReport            Kind = "task_report"            // a plan task's quarterly report: days past its due date (negative before)
)

// Kinds lists every rule kind.
var Kinds = []Kind{RegionTotalUse, PermitUse, EcoBaseFlow, GroundwaterLevel, GroundwaterZoneCap, TerminalOffline, DataQuality, GeothermalReinjection,
	PermitExpiry, UnpermittedUse, AnnualPlanReport, MeteringCompliance, TerminalSecurity,
	RightsOveruse, TaskReport}

// Field names the observation quantity a threshold looks at.
type Field string

const (
	FieldValue     Field = "value"     // Observation.Value against Limit (the default)
	FieldProjected Field = "projected" // Observation.Projected against Limit
	FieldMonth     Field = "month"     // Observation.MonthValue against MonthLimit
)

// Direction says which side of the bound is bad.
type Direction string

const (
	Above Direction = "above" // warn when the quantity reaches or exceeds the bound (≥)
	Below Direction = "below" // warn when the quantity falls under the bound (<)
)

// Threshold raises Level when the Field of an observation crosses the bound
// Limit × Ratio + Offset (Ratio defaults to 1). For terminal_offline the quantity
// is the number of reporting intervals missed and the bound is Ratio + Offset.
type Threshold struct {
	Level    Level    `yaml:"level" json:"level"`
	Field    Field    `yaml:"field,omitempty" json:"field,omitempty"`
	Ratio    *float64 `yaml:"ratio,omitempty" json:"ratio,omitempty"`
	Offset   float64  `yaml:"offset,omitempty" json:"offset,omitempty"`
	Proposal bool     `yaml:"proposal,omitempty" json:"proposal,omitempty"` // a design proposal, not a regulation
	Source   string   `yaml:"source,omitempty" json:"source,omitempty"`     // where the value comes from
}

func (t Threshold) ratio() float64 {
	if t.Ratio == nil {
		return 1
	}
	return *t.Ratio
}

// Rule is one warning rule. Rules are data: see rules/default.yaml.
type Rule struct {
	Name        string `yaml:"name" json:"name"` // unique; with the subject it identifies an alert
	Kind        Kind   `yaml:"kind" json:"kind"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Subjects restricts the rule to subjects with one of these prefixes
	// (e.g. "region:3715"); empty means every subject of the kind.
	Subjects []string `yaml:"subjects,omitempty" json:"subjects,omitempty"`
	// For is the hold time: the condition must stay true this long before the
	// alert fires (Pending until then). Zero fires at once.
	For Duration `yaml:"for,omitempty" json:"for,omitempty"`
	// ResolveFor is the resolve hold: a firing alert resolves only after the
	// condition has stayed false this long. Zero resolves at once.
	ResolveFor Duration `yaml:"resolve_for,omitempty" json:"resolve_for,omitempty"`
	// Direction applies to all thresholds; the default depends on the kind.
	Direction Direction   `yaml:"direction,omitempty" json:"direction,omitempty"`
	Levels    []Threshold `yaml:"levels,omitempty" json:"levels,omitempty"`
	// Flags maps data-quality flags to levels (data_quality only).
	Flags map[string]Level `yaml:"flags,omitempty" json:"flags,omitempty"`
	// Window is the period the caller sums reinjection and extraction over
	// (geothermal_reinjection); the engine takes the sums as given.
	Window Duration `yaml:"window,omitempty" json:"window,omitempty"`
	// Message is an optional text/template for alert messages, executed with a
	// Finding; empty uses the kind's default message.
	Message string `yaml:"message,omitempty" json:"message,omitempty"`

	tmpl *template.Template
}

var defaultDirection = map[Kind]Direction{
	RegionTotalUse: Above, PermitUse: Above, EcoBaseFlow: Below, GroundwaterLevel: Below,
	GroundwaterZoneCap: Above, TerminalOffline: Above, DataQuality: Above, GeothermalReinjection: Below,
	PermitExpiry: Below, UnpermittedUse: Above, AnnualPlanReport: Above, MeteringCompliance: Above,
	TerminalSecurity: Above,
	RightsOveruse:    Above, TaskReport: Above,
}

func (r *Rule) direction() Direction {
	if r.Direction != "" {
		return r.Direction
	}
	return defaultDirection[r.Kind]
}

func (r *Rule) matches(subject string) bool {
	if len(r.Subjects) == 0 {
		return true
	}
	for _, p := range r.Subjects {
		if len(subject) >= len(p) && subject[:len(p)] == p {
			return true
		}
	}
	return false
}

// Validate checks the rule and compiles its message template.
func (r *Rule) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("warning: rule %q: %s: %w", r.Name, fmt.Sprintf(format, args...), ErrInvalidRule)
	}
	if r.Name == "" {
		return bad("empty name")
	}
	if !slices.Contains(Kinds, r.Kind) {
		return bad("unknown kind %q", r.Kind)
	}
	if r.For < 0 || r.ResolveFor < 0 || r.Window < 0 {
		return bad("negative duration")
	}
	if d := r.Direction; d != "" && d != Above && d != Below {
		return bad("direction %q", d)
	}
	if r.Kind == DataQuality {
		if len(r.Flags) == 0 {
			return bad("data_quality needs flags")
		}
		for f, l := range r.Flags {
			if l <= None || l > Red {
				return bad("flag %q level %v", f, l)
			}
		}
	} else if len(r.Levels) == 0 {
		return bad("no levels")
	}
	for _, t := range r.Levels {
		if t.Level <= None || t.Level > Red {
			return bad("threshold level %v", t.Level)
		}
		switch t.Field {
		case "", FieldValue:
		case FieldProjected:
			if r.Kind != RegionTotalUse && r.Kind != GroundwaterZoneCap && r.Kind != PermitUse {
				return bad("field projected not available for %s", r.Kind)
			}
		case FieldMonth:
			if r.Kind != PermitUse {
				return bad("field month only for permit_use")
			}
		default:
			return bad("field %q", t.Field)
		}
		if x := t.ratio(); math.IsNaN(x) || math.IsInf(x, 0) || x < 0 || math.IsNaN(t.Offset) || math.IsInf(t.Offset, 0) {
			return bad("threshold bound %v × limit + %v", x, t.Offset)
		}
	}
	if r.Message != "" {
		t, err := template.New(r.Name).Option("missingkey=error").Parse(r.Message)
		if err != nil {
			return bad("message template: %v", err)
		}
		r.tmpl = t
	}
	return nil
}

// RuleFile is the YAML document holding rules.
type RuleFile struct {
	Rules []Rule `yaml:"rules"`
}

// ParseRules reads a rule file and validates every rule, and that names are unique.
func ParseRules(r io.Reader) ([]Rule, error) {
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	var f RuleFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("warning: parse rules: %v: %w", err, ErrInvalidRule)
	}
	if err := validateRules(f.Rules); err != nil {
		return nil, err
	}
	return f.Rules, nil
}

func validateRules(rules []Rule) error {
	seen := make(map[string]bool, len(rules))
	for i := range rules {
		if err := rules[i].Validate(); err != nil {
			return err
		}
		if seen[rules[i].Name] {
			return fmt.Errorf("warning: duplicate rule %q: %w", rules[i].Name, ErrInvalidRule)
		}
		seen[rules[i].Name] = true
	}
	return nil
}

// LoadRules reads every *.yaml file in fsys matching the glob pattern, in name
// order, and returns their rules; names must be unique across files.
func LoadRules(fsys fs.FS, pattern string) ([]Rule, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("warning: load rules: %w", err)
	}
	var all []Rule
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("warning: load rules: %w", err)
		}
		rs, err := ParseRules(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("warning: %s: %w", path.Base(n), err)
		}
		all = append(all, rs...)
	}
	if err := validateRules(all); err != nil {
		return nil, err
	}
	return all, nil
}

//go:embed rules/default.yaml
var defaultRules embed.FS

// DefaultRules returns the rules of rules/default.yaml, embedded in the binary.
func DefaultRules() ([]Rule, error) {
	return LoadRules(defaultRules, "rules/default.yaml")
}
