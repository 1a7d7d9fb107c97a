// Package allocate is the node–link water-allocation model (水资源配置): sources,
// transfer links, reservoirs and region × sector demands, solved as a linear programme
// per month (simulation) or per 12-month year (planning), with priorities served in
// passes the way WEAP does (生活 → 基本生态 → 工业 → 农业 → 一般生态 by default) and equal
// shortage shares within a priority. It is pure numerics apart from calling the LP
// solver in internal/lp.
//
// # Scenario file format (YAML or JSON; keys as below)
//
// Every volume is in m³ and every name that holds a volume ends in its unit: a
// *_m3 field is a volume per period (one period is one month) unless the name says
// annual. A "series" is a list of numbers: 1 value (every period), 12 values (by
// calendar month, January first) or exactly `periods` values (period by period; this
// reading wins when periods is 12).
//
//	name: text
//	start: "2025-01"            # first month, YYYY-MM
//	periods: 12                 # number of months to run
//	mode: monthly               # monthly (one LP per month, state carried) or annual (one LP per 12 months)
//	sharing: equal              # equal (same satisfied share within a priority) or total (max total delivery)
//	priorities: [domestic, eco_basic, industry, agriculture, eco_other]  # sector order, first served first
//	auto_links: true            # link every source to every demand it serves and may supply
//	regions:                    # optional; annual caps per region
//	  - {name: r1, total_cap_annual_m3: 1e8, groundwater_cap_annual_m3: 2e7}
//	sources:
//	  - name: yellow
//	    kind: yellow_river      # yellow_river yangtze surface ground_shallow ground_deep reclaimed stormwater unconventional
//	    region: ""              # owning region (groundwater and reclaimed are per county); "" = city-wide
//	    serves: []              # regions auto_links may reach; default: own region, or all when city-wide
//	    available_m3: [..]      # series: volume that can be withdrawn per month
//	    min_flow_m3: [..]       # series: ecological volume that must stay in the river
//	    annual_quota_annual_m3: 0   # 0 = none; the share used carries over between months of a calendar year
//	    cost: 1                 # preference cost per m³ (≥ 0); lower is used first
//	storages:
//	  - {name: res, capacity_m3: 1e7, initial_m3: 5e6, min_m3: 0, inflow_m3: [..], spill_cost: 0, hold_value: 0.001}
//	junctions:
//	  - {name: canal, capacity_m3_per_month: 3e6}   # omit capacity for none
//	sinks:
//	  - {name: outlet}
//	demands:
//	  - region: r1
//	    sector: domestic
//	    name: r1/domestic       # default region/sector
//	    demand_m3: [..]         # series: supply requirement at the demand (after losses)
//	    priority: 0             # 0 = from the sector's place in priorities; 1 = highest
//	    return_fraction: 0.6    # share of the delivery that returns
//	    return_to: r1_reclaimed # a source or storage receiving the return
//	    return_lag_months: 1    # 0 = same month, 1 = next month
//	links:
//	  - {from: yellow, to: r1/agriculture, capacity_m3_per_month: 5e6, loss_fraction: 0.1,
//	     annual_permit_annual_m3: 4e7, cost: 0.5, split: 0}
//	preferences:                # source × sector matrix (优水优用)
//	  - {source_kind: reclaimed, sector: domestic, allowed: false}
//	  - {source_kind: ground_deep, sector: agriculture, allowed: true, cost: 5}
//
// Links run from a source, storage or junction to a storage, junction, demand or sink.
// A link's flow is withdrawn at its start; (1 − loss_fraction) of it arrives. The
// cost of a link from a source is the source cost + the link cost + the preference
// cost of the (source kind, sector) pair. Links out of a junction that carry `split`
// factors divide the junction's outflow in those fixed proportions.
//
// The Liaocheng demo scenario is data/liaocheng/models/allocate.yaml.
package allocate

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/sishui/sishui/internal/scenario"
)

// ErrInvalidScenario marks a scenario rejected by LoadScenario or Run; the error is a
// *ValidationError listing every problem.
var ErrInvalidScenario = errors.New("allocate: invalid scenario")

// FieldError is one problem with one field.
type FieldError struct {
	Field string // a path such as "sources[2].available_m3"
	Msg   string
}

func (e FieldError) String() string { return e.Field + ": " + e.Msg }

// ValidationError lists the problems found in a scenario. It matches
// ErrInvalidScenario.
type ValidationError struct {
	Problems []FieldError
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("allocate: invalid scenario:")
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString(";")
		}
		b.WriteString(" " + p.String())
	}
	return b.String()
}

// Is reports whether target is ErrInvalidScenario.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidScenario }

// Modes and sharing rules.
const (
	ModeMonthly = "monthly"
	ModeAnnual  = "annual"

	SharingEqual = "equal"
	SharingTotal = "total"
)

// Sectors known to the default priority order.
const (
	SectorDomestic    = "domestic"
	SectorEcoBasic    = "eco_basic"
	SectorIndustry    = "industry"
	SectorAgriculture = "agriculture"
	SectorEcoOther    = "eco_other"
)

// DefaultPriorities is the default service order (《水法》 art. 21 practice).
var DefaultPriorities = []string{SectorDomestic, SectorEcoBasic, SectorIndustry, SectorAgriculture, SectorEcoOther}

// Source kinds, the same codes as the root package's source kinds.
const (
	KindYellowRiver    = "yellow_river"
	KindYangtze        = "yangtze"
	KindSurface        = "surface"
	KindGroundShallow  = "ground_shallow"
	KindGroundDeep     = "ground_deep"
	KindReclaimed      = "reclaimed"
	KindStormwater     = "stormwater"
	KindUnconventional = "unconventional"
)

func isGroundwater(kind string) bool { return kind == KindGroundShallow || kind == KindGroundDeep }

var knownKinds = map[string]bool{KindYellowRiver: true, KindYangtze: true, KindSurface: true, KindGroundShallow: true,
	KindGroundDeep: true, KindReclaimed: true, KindStormwater: true, KindUnconventional: true}

// Scenario is an allocation problem. See the package documentation for the file
// format.
type Scenario struct {
	Name        string       `json:"name" yaml:"name"`
	Start       string       `json:"start" yaml:"start"`
	Periods     int          `json:"periods" yaml:"periods"`
	Mode        string       `json:"mode,omitempty" yaml:"mode,omitempty"`
	Sharing     string       `json:"sharing,omitempty" yaml:"sharing,omitempty"`
	Priorities  []string     `json:"priorities,omitempty" yaml:"priorities,omitempty"`
	AutoLinks   bool         `json:"auto_links,omitempty" yaml:"auto_links,omitempty"`
	Regions     []Region     `json:"regions,omitempty" yaml:"regions,omitempty"`
	Sources     []Source     `json:"sources" yaml:"sources"`
	Storages    []Storage    `json:"storages,omitempty" yaml:"storages,omitempty"`
	Junctions   []Junction   `json:"junctions,omitempty" yaml:"junctions,omitempty"`
	Sinks       []Sink       `json:"sinks,omitempty" yaml:"sinks,omitempty"`
	Demands     []Demand     `json:"demands" yaml:"demands"`
	Links       []Link       `json:"links,omitempty" yaml:"links,omitempty"`
	Preferences []Preference `json:"preferences,omitempty" yaml:"preferences,omitempty"`
}

// Region carries annual caps (用水总量控制指标 and the groundwater 红线).
type Region struct {
	Name                   string  `json:"name" yaml:"name"`
	TotalCapAnnualM3       float64 `json:"total_cap_annual_m3,omitempty" yaml:"total_cap_annual_m3,omitempty"`
	GroundwaterCapAnnualM3 float64 `json:"groundwater_cap_annual_m3,omitempty" yaml:"groundwater_cap_annual_m3,omitempty"`
}

// Source is a water source (水源) with a monthly available volume.
type Source struct {
	Name                string    `json:"name" yaml:"name"`
	Kind                string    `json:"kind" yaml:"kind"`
	Region              string    `json:"region,omitempty" yaml:"region,omitempty"`
	Serves              []string  `json:"serves,omitempty" yaml:"serves,omitempty"`
	AvailableM3         []float64 `json:"available_m3" yaml:"available_m3"`
	MinFlowM3           []float64 `json:"min_flow_m3,omitempty" yaml:"min_flow_m3,omitempty"`
	AnnualQuotaAnnualM3 float64   `json:"annual_quota_annual_m3,omitempty" yaml:"annual_quota_annual_m3,omitempty"`
	Cost                float64   `json:"cost,omitempty" yaml:"cost,omitempty"`
}

// Storage is a reservoir or 调蓄 pond; its volume carries between months.
type Storage struct {
	Name       string    `json:"name" yaml:"name"`
	CapacityM3 float64   `json:"capacity_m3" yaml:"capacity_m3"`
	InitialM3  float64   `json:"initial_m3" yaml:"initial_m3"`
	MinM3      float64   `json:"min_m3,omitempty" yaml:"min_m3,omitempty"`
	InflowM3   []float64 `json:"inflow_m3,omitempty" yaml:"inflow_m3,omitempty"`
	SpillCost  float64   `json:"spill_cost,omitempty" yaml:"spill_cost,omitempty"`
	// HoldValue is the benefit per m³ held at the end of a month (default 0.001), so
	// that the preference pass keeps water in store rather than letting it go.
	HoldValue *float64 `json:"hold_value,omitempty" yaml:"hold_value,omitempty"`
}

func (s *Storage) holdValue() float64 {
	if s.HoldValue == nil {
		return 0.001
	}
	return *s.HoldValue
}

// Junction is a transfer node (canal, pipe, river reach) that stores nothing.
type Junction struct {
	Name               string   `json:"name" yaml:"name"`
	CapacityM3PerMonth *float64 `json:"capacity_m3_per_month,omitempty" yaml:"capacity_m3_per_month,omitempty"`
}

// Sink takes any inflow (a river outlet or terminal).
type Sink struct {
	Name string `json:"name" yaml:"name"`
}

// Demand is one region × sector use.
type Demand struct {
	Name            string    `json:"name,omitempty" yaml:"name,omitempty"`
	Region          string    `json:"region" yaml:"region"`
	Sector          string    `json:"sector" yaml:"sector"`
	DemandM3        []float64 `json:"demand_m3" yaml:"demand_m3"`
	Priority        int       `json:"priority,omitempty" yaml:"priority,omitempty"`
	ReturnFraction  float64   `json:"return_fraction,omitempty" yaml:"return_fraction,omitempty"`
	ReturnTo        string    `json:"return_to,omitempty" yaml:"return_to,omitempty"`
	ReturnLagMonths int       `json:"return_lag_months,omitempty" yaml:"return_lag_months,omitempty"`
}

// Link is a transfer from one node to another.
type Link struct {
	From                 string   `json:"from" yaml:"from"`
	To                   string   `json:"to" yaml:"to"`
	CapacityM3PerMonth   *float64 `json:"capacity_m3_per_month,omitempty" yaml:"capacity_m3_per_month,omitempty"`
	LossFraction         float64  `json:"loss_fraction,omitempty" yaml:"loss_fraction,omitempty"`
	AnnualPermitAnnualM3 float64  `json:"annual_permit_annual_m3,omitempty" yaml:"annual_permit_annual_m3,omitempty"`
	Cost                 float64  `json:"cost,omitempty" yaml:"cost,omitempty"`
	Split                float64  `json:"split,omitempty" yaml:"split,omitempty"`
}

// Preference is one cell of the source × sector matrix: whether a source kind (or one
// named source) may supply a sector and at what extra cost.
type Preference struct {
	SourceKind string  `json:"source_kind,omitempty" yaml:"source_kind,omitempty"`
	Source     string  `json:"source,omitempty" yaml:"source,omitempty"`
	Sector     string  `json:"sector" yaml:"sector"`
	Allowed    *bool   `json:"allowed,omitempty" yaml:"allowed,omitempty"`
	Cost       float64 `json:"cost,omitempty" yaml:"cost,omitempty"`
}

// LoadScenario reads a scenario in YAML (or JSON, which YAML accepts), rejects unknown
// fields, fills defaults and validates it. Validation errors are a *ValidationError.
func LoadScenario(r io.Reader) (*Scenario, error) {
	return scenario.Load[Scenario](r, "allocate")
}

// startTime parses Start.
func (sc *Scenario) startTime() (time.Time, error) {
	return time.Parse("2006-01", sc.Start)
}

// DemandName returns the demand's name, defaulting to region/sector.
func (d *Demand) DemandName() string {
	if d.Name != "" {
		return d.Name
	}
	return d.Region + "/" + d.Sector
}

func (sc *Scenario) mode() string {
	if sc.Mode == "" {
		return ModeMonthly
	}
	return sc.Mode
}

func (sc *Scenario) sharing() string {
	if sc.Sharing == "" {
		return SharingEqual
	}
	return sc.Sharing
}

func (sc *Scenario) priorities() []string {
	if len(sc.Priorities) == 0 {
		return DefaultPriorities
	}
	return sc.Priorities
}

// Validate checks every field and returns a *ValidationError listing all problems.
func (sc *Scenario) Validate() error {
	v := &validator{}
	if _, err := sc.startTime(); err != nil {
		v.add("start", "must be YYYY-MM, got %q", sc.Start)
	}
	if sc.Periods <= 0 {
		v.add("periods", "must be positive, got %d", sc.Periods)
	}
	if m := sc.mode(); m != ModeMonthly && m != ModeAnnual {
		v.add("mode", "must be monthly or annual, got %q", sc.Mode)
	}
	if s := sc.sharing(); s != SharingEqual && s != SharingTotal {
		v.add("sharing", "must be equal or total, got %q", sc.Sharing)
	}
	names := map[string]string{} // node name -> kind
	addName := func(field, name, kind string) {
		if strings.TrimSpace(name) == "" {
			v.add(field, "name is required")
			return
		}
		if k, dup := names[name]; dup {
			v.add(field, "name %q already used by a %s", name, k)
			return
		}
		names[name] = kind
	}
	regions := map[string]bool{}
	for i, r := range sc.Regions {
		f := fmt.Sprintf("regions[%d]", i)
		if r.Name == "" || regions[r.Name] {
			v.add(f+".name", "missing or duplicate region %q", r.Name)
		}
		regions[r.Name] = true
		v.nonNeg(f+".total_cap_annual_m3", r.TotalCapAnnualM3)
		v.nonNeg(f+".groundwater_cap_annual_m3", r.GroundwaterCapAnnualM3)
	}
	checkRegion := func(field, name string) {
		if len(sc.Regions) > 0 && name != "" && !regions[name] {
			v.add(field, "region %q is not in regions", name)
		}
	}
	for i, s := range sc.Sources {
		f := fmt.Sprintf("sources[%d]", i)
		addName(f+".name", s.Name, "source")
		if !knownKinds[s.Kind] {
			v.add(f+".kind", "unknown source kind %q", s.Kind)
		}
		checkRegion(f+".region", s.Region)
		for k, r := range s.Serves {
			checkRegion(fmt.Sprintf("%s.serves[%d]", f, k), r)
		}
		v.series(f+".available_m3", s.AvailableM3, sc.Periods, true)
		v.series(f+".min_flow_m3", s.MinFlowM3, sc.Periods, false)
		v.nonNeg(f+".annual_quota_annual_m3", s.AnnualQuotaAnnualM3)
		v.nonNeg(f+".cost", s.Cost)
	}
	for i, s := range sc.Storages {
		f := fmt.Sprintf("storages[%d]", i)
		addName(f+".name", s.Name, "storage")
		v.nonNeg(f+".capacity_m3", s.CapacityM3)
		v.nonNeg(f+".initial_m3", s.InitialM3)
		v.nonNeg(f+".min_m3", s.MinM3)
		v.nonNeg(f+".spill_cost", s.SpillCost)
		if s.HoldValue != nil {
			v.nonNeg(f+".hold_value", *s.HoldValue)
		}
		if s.MinM3 > s.CapacityM3 {
			v.add(f+".min_m3", "%v exceeds capacity_m3 %v", s.MinM3, s.CapacityM3)
		}
		if s.InitialM3 < s.MinM3 || s.InitialM3 > s.CapacityM3 {
			v.add(f+".initial_m3", "%v is outside [min_m3, capacity_m3] = [%v, %v]", s.InitialM3, s.MinM3, s.CapacityM3)
		}
		v.series(f+".inflow_m3", s.InflowM3, sc.Periods, false)
	}
	for i, j := range sc.Junctions {
		f := fmt.Sprintf("junctions[%d]", i)
		addName(f+".name", j.Name, "junction")
		if j.CapacityM3PerMonth != nil {
			v.nonNeg(f+".capacity_m3_per_month", *j.CapacityM3PerMonth)
		}
	}
	for i, s := range sc.Sinks {
		addName(fmt.Sprintf("sinks[%d].name", i), s.Name, "sink")
	}
	prio := map[string]bool{}
	for i, p := range sc.priorities() {
		if prio[p] {
			v.add(fmt.Sprintf("priorities[%d]", i), "sector %q listed twice", p)
		}
		prio[p] = true
	}
	for i := range sc.Demands {
		d := &sc.Demands[i]
		f := fmt.Sprintf("demands[%d]", i)
		if d.Region == "" {
			v.add(f+".region", "is required")
		}
		checkRegion(f+".region", d.Region)
		if d.Sector == "" {
			v.add(f+".sector", "is required")
		}
		addName(f+".name", d.DemandName(), "demand")
		if d.Priority < 0 {
			v.add(f+".priority", "must be ≥ 1 (or 0 for the sector's place), got %d", d.Priority)
		}
		if d.Priority == 0 && !prio[d.Sector] {
			v.add(f+".sector", "sector %q is not in priorities and the demand has no priority", d.Sector)
		}
		v.series(f+".demand_m3", d.DemandM3, sc.Periods, true)
		if bad(d.ReturnFraction) || d.ReturnFraction < 0 || d.ReturnFraction >= 1 {
			v.add(f+".return_fraction", "must be in [0, 1), got %v", d.ReturnFraction)
		}
		if d.ReturnLagMonths != 0 && d.ReturnLagMonths != 1 {
			v.add(f+".return_lag_months", "must be 0 or 1, got %d", d.ReturnLagMonths)
		}
		if d.ReturnFraction > 0 && d.ReturnTo == "" {
			v.add(f+".return_to", "is required when return_fraction > 0")
		}
	}
	for i := range sc.Demands {
		d := &sc.Demands[i]
		if d.ReturnTo != "" {
			if k := names[d.ReturnTo]; k != "source" && k != "storage" && k != "sink" {
				v.add(fmt.Sprintf("demands[%d].return_to", i), "%q is not a source, storage or sink", d.ReturnTo)
			}
		}
	}
	srcByName := map[string]*Source{}
	for i := range sc.Sources {
		srcByName[sc.Sources[i].Name] = &sc.Sources[i]
	}
	sectorOf := map[string]string{}
	for i := range sc.Demands {
		sectorOf[sc.Demands[i].DemandName()] = sc.Demands[i].Sector
	}
	for i, p := range sc.Preferences {
		f := fmt.Sprintf("preferences[%d]", i)
		if (p.SourceKind == "") == (p.Source == "") {
			v.add(f, "give exactly one of source_kind and source")
		}
		if p.SourceKind != "" && !knownKinds[p.SourceKind] {
			v.add(f+".source_kind", "unknown source kind %q", p.SourceKind)
		}
		if p.Source != "" && srcByName[p.Source] == nil {
			v.add(f+".source", "unknown source %q", p.Source)
		}
		if p.Sector == "" {
			v.add(f+".sector", "is required")
		}
		if bad(p.Cost) {
			v.add(f+".cost", "must be finite")
		}
	}
	type pair struct{ from, to string }
	seen := map[pair]bool{}
	splitOut := map[string][2]int{} // junction -> (links with split, links without)
	for i, l := range sc.Links {
		f := fmt.Sprintf("links[%d]", i)
		fk, tk := names[l.From], names[l.To]
		switch fk {
		case "source", "storage", "junction":
		case "":
			v.add(f+".from", "unknown node %q", l.From)
		default:
			v.add(f+".from", "a link cannot start at %s %q", fk, l.From)
		}
		switch tk {
		case "storage", "junction", "demand", "sink":
		case "":
			v.add(f+".to", "unknown node %q", l.To)
		default:
			v.add(f+".to", "a link cannot end at %s %q", tk, l.To)
		}
		if l.From == l.To && l.From != "" {
			v.add(f, "link from %q to itself", l.From)
		}
		if seen[pair{l.From, l.To}] {
			v.add(f, "duplicate link %s → %s", l.From, l.To)
		}
		seen[pair{l.From, l.To}] = true
		if l.CapacityM3PerMonth != nil {
			v.nonNeg(f+".capacity_m3_per_month", *l.CapacityM3PerMonth)
		}
		if bad(l.LossFraction) || l.LossFraction < 0 || l.LossFraction >= 1 {
			v.add(f+".loss_fraction", "must be in [0, 1), got %v", l.LossFraction)
		}
		v.nonNeg(f+".annual_permit_annual_m3", l.AnnualPermitAnnualM3)
		v.nonNeg(f+".cost", l.Cost)
		v.nonNeg(f+".split", l.Split)
		if l.Split > 0 && fk != "junction" {
			v.add(f+".split", "split factors need a link out of a junction")
		}
		if fk == "junction" {
			c := splitOut[l.From]
			if l.Split > 0 {
				c[0]++
			} else {
				c[1]++
			}
			splitOut[l.From] = c
		}
		if fk == "source" && tk == "demand" {
			if ok, _ := sc.admissible(srcByName[l.From], sectorOf[l.To]); !ok {
				v.add(f, "source %q may not supply sector %q (preferences)", l.From, sectorOf[l.To])
			}
		}
	}
	for j, c := range splitOut {
		if c[0] > 0 && c[1] > 0 {
			v.add("links", "junction %q mixes split and unsplit outgoing links", j)
		}
	}
	if len(v.problems) > 0 {
		return &ValidationError{Problems: v.problems}
	}
	return nil
}

// admissible applies the preference matrix: a named-source cell overrides a kind cell.
func (sc *Scenario) admissible(s *Source, sector string) (bool, float64) {
	ok, cost := true, 0.0
	for _, p := range sc.Preferences {
		if p.Sector == sector && p.SourceKind == s.Kind && p.Source == "" {
			if p.Allowed != nil {
				ok = *p.Allowed
			}
			cost = p.Cost
		}
	}
	for _, p := range sc.Preferences {
		if p.Sector == sector && p.Source == s.Name {
			if p.Allowed != nil {
				ok = *p.Allowed
			}
			cost = p.Cost
		}
	}
	return ok, cost
}

func bad(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }

type validator struct{ problems []FieldError }

func (v *validator) add(field, format string, args ...any) {
	v.problems = append(v.problems, FieldError{Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) nonNeg(field string, x float64) {
	if bad(x) || x < 0 {
		v.add(field, "must be a finite number ≥ 0, got %v", x)
	}
}

func (v *validator) series(field string, xs []float64, periods int, required bool) {
	if len(xs) == 0 {
		if required {
			v.add(field, "is required")
		}
		return
	}
	if len(xs) != 1 && len(xs) != 12 && len(xs) != periods {
		v.add(field, "has %d values; want 1, 12 (by calendar month) or %d (one per period)", len(xs), periods)
	}
	for k, x := range xs {
		if bad(x) || x < 0 {
			v.add(fmt.Sprintf("%s[%d]", field, k), "must be a finite number ≥ 0, got %v", x)
		}
	}
}

// at returns the series value for period t whose calendar month index is month (0-11).
func at(xs []float64, periods, t, month int) float64 {
	switch len(xs) {
	case 0:
		return 0
	case 1:
		return xs[0]
	case periods:
		return xs[t]
	case 12:
		return xs[month]
	}
	return 0
}
