package permitting

import (
	"fmt"
	"strings"
)

// Refusal rules (限批). Each refusal names its rule; the message carries the numbers.
const (
	RuleNoExtractionZone   = "no_extraction_zone"   // groundwater in a 禁采区 (条例 art. 20; 地下水管理条例 art. 33)
	RuleLimitedZone        = "limited_zone"         // new groundwater in a 限采区 (地下水管理条例 art. 34; 山东 art. 29)
	RuleAllowable          = "allowable_extraction" // zone's approved groundwater above its allowable extraction (条例 art. 7)
	RulePermittedTotal     = "permitted_total_cap"  // region's permitted total above its cap (条例 art. 20)
	RulePermittedGround    = "permitted_groundwater_cap"
	RulePublicMains        = "public_mains"        // self-supply well where public mains serve (条例 art. 20)
	RuleLastYearOverrun    = "last_year_overrun"   // region overran its cap last year (山东 arts. 39–40)
	RuleCurrentUse         = "current_use_cap"     // this year's metered use has reached the cap (the platform's first 限批 rule)
	RulePlanningAssessment = "planning_assessment" // inside a plan area without a passed 规划水资源论证
)

// Exceptions.
const (
	ExceptDomestic    = "domestic"     // urban and rural domestic use comes first (条例 art. 5)
	ExceptRightsTrade = "rights_trade" // water obtained through a rights trade (条例 art. 27)
)

// capFamily are the rules an exception waives: the volume either has
// priority (domestic) or comes out of another holder's (a trade), so the
// region's total does not grow.
var capFamily = map[string]bool{RulePermittedTotal: true, RulePermittedGround: true, RuleLastYearOverrun: true, RuleCurrentUse: true}

// Rules configures the decision. Mandatory refusals (条例 art. 20, 山东 arts.
// 39–40) cannot be switched off; the stricter and local ones can.
type Rules struct {
	// PlanningAssessment refuses a project inside a plan area whose
	// 规划水资源论证 has not passed. Default true.
	PlanningAssessment bool `json:"planning_assessment" yaml:"planning_assessment"`
	// LimitedZoneNoNew refuses any new or expanded groundwater taking in a
	// 限采区 (the national regulation's stricter text). When false, only the
	// zone's allowable extraction limits it (Shandong art. 29). Default true.
	LimitedZoneNoNew bool `json:"limited_zone_no_new" yaml:"limited_zone_no_new"`
	// CurrentUse keeps the first rule: this year's metered use reaching the
	// cap refuses. Default true.
	CurrentUse bool `json:"current_use" yaml:"current_use"`
	Verified   bool `json:"verified" yaml:"verified"`
}

// DefaultRules returns the defaults (unverified as a set: the switches are proposals).
func DefaultRules() Rules {
	return Rules{PlanningAssessment: true, LimitedZoneNoNew: true, CurrentUse: true}
}

// Request is the taking to decide on.
type Request struct {
	Region      string `json:"region"`
	AnnualM3    int64  `json:"annual_m3"` // requested annual volume
	Groundwater bool   `json:"groundwater"`
	// Expands: a new, rebuilt or expanded project, or more water, another
	// region or another source than the permit it replaces. A taking that
	// does not expand is let through (a renewal at the same volume).
	Expands  bool `json:"expands"`
	FromYear int  `json:"from_year"` // the term's first and last years
	ToYear   int  `json:"to_year"`
	// Zone is the groundwater zone of the intake (nil: none).
	Zone *ZoneFacts `json:"zone,omitempty"`
	// PublicSupplier: the applicant is a public water supplier (its wells
	// are not self-supply wells).
	PublicSupplier bool   `json:"public_supplier"`
	MainsArea      string `json:"mains_area,omitempty"` // public-mains coverage the intake lies in ("" none)
	// Plan is the plan area the intake lies in (nil: none).
	Plan *PlanFacts `json:"plan,omitempty"`
	// Exceptions claimed, each with its basis (both recorded).
	Domestic      bool   `json:"domestic"`
	DomesticBasis string `json:"domestic_basis,omitempty"`
	TradeRef      string `json:"trade_ref,omitempty"` // the rights trade that provides the water
}

// ZoneFacts is a groundwater zone with its numbers.
type ZoneFacts struct {
	Code        string `json:"code"`
	Kind        string `json:"kind"`         // no_extraction | limited | over_extraction | normal
	AllowableM3 int64  `json:"allowable_m3"` // allowable extraction (可开采量 / zone cap); 0 = none set
	PermittedM3 int64  `json:"permitted_m3"` // approved groundwater in the zone (without the request)
}

// PlanFacts is a plan area with its assessment status.
type PlanFacts struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Passed bool   `json:"passed"`
}

// Cap is a region's cap for a year.
type Cap struct {
	Year          int   `json:"year"`
	TotalM3       int64 `json:"total_m3"`
	GroundwaterM3 int64 `json:"groundwater_m3"`
}

// RegionFacts are the numbers of one region the request counts against (the
// intake's region, then each parent or host up to the city).
type RegionFacts struct {
	Region                 string `json:"region"`
	PermittedM3            int64  `json:"permitted_m3"`             // active and approved permits, region tree, without the request and the permit it replaces
	PermittedGroundwaterM3 int64  `json:"permitted_groundwater_m3"` // the groundwater part
	Caps                   []Cap  `json:"caps"`                     // caps of the term's years that have one
	LastYear               int    `json:"last_year"`
	LastYearUsedM3         int64  `json:"last_year_used_m3"`
	LastYearCapM3          int64  `json:"last_year_cap_m3"` // 0: no cap last year
	Year                   int    `json:"year"`             // this year
	UsedM3                 int64  `json:"used_m3"`          // metered this year
	UsedGroundwaterM3      int64  `json:"used_groundwater_m3"`
}

// Refusal is one rule's refusal with its numbers.
type Refusal struct {
	Rule    string           `json:"rule"`
	Region  string           `json:"region,omitempty"`
	Year    int              `json:"year,omitempty"`
	Message string           `json:"message"`
	Numbers map[string]int64 `json:"numbers,omitempty"`
}

// Decision is the outcome: refused when Refusals is not empty. Waived lists
// refusals an exception set aside, with the exception and its basis.
type Decision struct {
	Refusals  []Refusal `json:"refusals,omitempty"`
	Waived    []Refusal `json:"waived,omitempty"`
	Exception string    `json:"exception,omitempty"`
	Basis     string    `json:"basis,omitempty"`
}

// Refused reports whether any rule refuses.
func (d Decision) Refused() bool { return len(d.Refusals) > 0 }

// Reason joins the refusals' messages.
func (d Decision) Reason() string {
	parts := make([]string, len(d.Refusals))
	for i, r := range d.Refusals {
		parts[i] = r.Message
	}
	return strings.Join(parts, "; ")
}

// Decide applies every 限批 rule to the request over the facts the store
// supplied (regions: the intake's region first, then its ancestors).
func Decide(rules Rules, req Request, regions []RegionFacts) Decision {
	var d Decision
	if !req.Expands {
		return d
	}
	var all []Refusal
	add := func(r Refusal) { all = append(all, r) }
	a := req.AnnualM3
	if z := req.Zone; z != nil && req.Groundwater {
		switch z.Kind {
		case "no_extraction":
			add(Refusal{Rule: RuleNoExtractionZone, Message: fmt.Sprintf("限批: groundwater in 禁采区 %s (取水许可条例 art. 20)", z.Code)})
		case "limited":
			if rules.LimitedZoneNoNew {
				add(Refusal{Rule: RuleLimitedZone, Message: fmt.Sprintf("限批: new groundwater taking of %d m³ in 限采区 %s (地下水管理条例 art. 34)", a, z.Code),
					Numbers: map[string]int64{"requested_m3": a}})
			}
		}
		if z.AllowableM3 > 0 && z.PermittedM3+a > z.AllowableM3 {
			add(Refusal{Rule: RuleAllowable, Message: fmt.Sprintf("限批: zone %s would have %d + %d = %d m³ of approved groundwater, above its allowable extraction of %d m³ (取水许可条例 art. 7)",
				z.Code, z.PermittedM3, a, z.PermittedM3+a, z.AllowableM3),
				Numbers: map[string]int64{"permitted_m3": z.PermittedM3, "requested_m3": a, "allowable_m3": z.AllowableM3}})
		}
	}
	if req.Groundwater && !req.PublicSupplier && req.MainsArea != "" {
		add(Refusal{Rule: RulePublicMains, Message: fmt.Sprintf("限批: a self-supply well inside public-mains area %s (取水许可条例 art. 20)", req.MainsArea)})
	}
	if rules.PlanningAssessment && req.Plan != nil && !req.Plan.Passed {
		add(Refusal{Rule: RulePlanningAssessment, Message: fmt.Sprintf("限批: the intake lies in plan area %s (%s) whose 规划水资源论证 has not passed", req.Plan.Code, req.Plan.Name)})
	}
	for _, r := range regions {
		for _, c := range r.Caps {
			if c.Year < req.FromYear || c.Year > req.ToYear {
				continue
			}
			if c.TotalM3 > 0 && r.PermittedM3+a > c.TotalM3 {
				add(Refusal{Rule: RulePermittedTotal, Region: r.Region, Year: c.Year,
					Message: fmt.Sprintf("限批: region %s would have %d + %d = %d m³ permitted, above its %d cap of %d m³ (取水许可条例 art. 20)",
						r.Region, r.PermittedM3, a, r.PermittedM3+a, c.Year, c.TotalM3),
					Numbers: map[string]int64{"permitted_m3": r.PermittedM3, "requested_m3": a, "cap_m3": c.TotalM3}})
			}
			if req.Groundwater && c.GroundwaterM3 > 0 && r.PermittedGroundwaterM3+a > c.GroundwaterM3 {
				add(Refusal{Rule: RulePermittedGround, Region: r.Region, Year: c.Year,
					Message: fmt.Sprintf("限批: region %s would have %d + %d = %d m³ of groundwater permitted, above its %d groundwater cap of %d m³ (地下水管理条例 art. 25)",
						r.Region, r.PermittedGroundwaterM3, a, r.PermittedGroundwaterM3+a, c.Year, c.GroundwaterM3),
					Numbers: map[string]int64{"permitted_m3": r.PermittedGroundwaterM3, "requested_m3": a, "cap_m3": c.GroundwaterM3}})
			}
		}
		if r.LastYearCapM3 > 0 && r.LastYearUsedM3 >= r.LastYearCapM3 {
			add(Refusal{Rule: RuleLastYearOverrun, Region: r.Region, Year: r.LastYear,
				Message: fmt.Sprintf("限批: region %s used %d m³ in %d, reaching its cap of %d m³: new and expanded projects are suspended (山东省水资源条例 arts. 39–40)",
					r.Region, r.LastYearUsedM3, r.LastYear, r.LastYearCapM3),
				Numbers: map[string]int64{"used_m3": r.LastYearUsedM3, "cap_m3": r.LastYearCapM3}})
		}
		if rules.CurrentUse {
			for _, c := range r.Caps {
				if c.Year != r.Year {
					continue
				}
				if c.TotalM3 > 0 && r.UsedM3 >= c.TotalM3 {
					add(Refusal{Rule: RuleCurrentUse, Region: r.Region, Year: r.Year,
						Message: fmt.Sprintf("限批: region %s has used %d m³ in %d, reaching its total-use cap of %d m³", r.Region, r.UsedM3, r.Year, c.TotalM3),
						Numbers: map[string]int64{"used_m3": r.UsedM3, "cap_m3": c.TotalM3}})
				} else if req.Groundwater && c.GroundwaterM3 > 0 && r.UsedGroundwaterM3 >= c.GroundwaterM3 {
					add(Refusal{Rule: RuleCurrentUse, Region: r.Region, Year: r.Year,
						Message: fmt.Sprintf("限批: region %s has taken %d m³ of groundwater in %d, reaching its groundwater cap of %d m³", r.Region, r.UsedGroundwaterM3, r.Year, c.GroundwaterM3),
						Numbers: map[string]int64{"used_m3": r.UsedGroundwaterM3, "cap_m3": c.GroundwaterM3}})
				}
			}
		}
	}
	waives := func(rule string) bool { return false }
	switch {
	case req.Domestic:
		d.Exception, d.Basis = ExceptDomestic, req.DomesticBasis
		if d.Basis == "" {
			d.Basis = "domestic use has priority (取水许可条例 art. 5; 地下水管理条例 art. 34)"
		}
		waives = func(rule string) bool { return capFamily[rule] || rule == RuleLimitedZone }
	case req.TradeRef != "":
		d.Exception, d.Basis = ExceptRightsTrade, "water obtained through rights trade "+req.TradeRef+" (取水许可条例 art. 27)"
		waives = func(rule string) bool { return capFamily[rule] }
	}
	for _, r := range all {
		if waives(r.Rule) {
			d.Waived = append(d.Waived, r)
		} else {
			d.Refusals = append(d.Refusals, r)
		}
	}
	if len(d.Waived) == 0 {
		d.Exception, d.Basis = "", ""
	}
	return d
}

// CapReduction is a proposed cut of next year's cap for a region that missed
// its intensity targets (山东省水资源条例 arts. 39–40), for the city to adopt.
type CapReduction struct {
	Region        string   `json:"region"`
	Year          int      `json:"year"` // the year whose cap is cut
	CapM3         int64    `json:"cap_m3"`
	ReductionM3   int64    `json:"reduction_m3"`
	ProposedCapM3 int64    `json:"proposed_cap_m3"`
	Missed        []string `json:"missed"`    // the indicator codes missed
	FlagOnly      bool     `json:"flag_only"` // the percentage is 0: the region is only flagged
}

// ProposeCapReduction returns the proposal for a region that missed the
// listed targets, cutting capM3 by basisPoints/10000 (rounded down to whole
// m³; 0 = flag only), or nil when no target was missed.
func ProposeCapReduction(region string, year int, capM3 int64, missed []string, basisPoints int64) *CapReduction {
	if len(missed) == 0 {
		return nil
	}
	cut := capM3 * basisPoints / 10000
	return &CapReduction{Region: region, Year: year, CapM3: capM3, ReductionM3: cut, ProposedCapM3: capM3 - cut,
		Missed: append([]string(nil), missed...), FlagOnly: cut == 0}
}
