package pricing

import (
	"github.com/sishui/sishui"
)

// Customer classes of tariffs.
const (
	ClassResidential    = "residential"        // 居民, 一户一表: tiered
	ClassResidentialMix = "residential_shared" // 居民合表 (shared meter): tiers per person, or flat
	ClassNonResidential = "non_residential"    // 非居民
	ClassSpecial        = "special"            // 特种行业 (car wash, bath, golf, ski; the list is per city)
	ClassReclaimed      = "reclaimed"          // 再生水, negotiated price
)

// Billing cycles: the period the tier volumes count over.
const (
	CycleMonth = "month"
	CycleYear  = "year"
)

// Tier bases: what a tier volume is per.
const (
	PerHousehold = "household"
	PerPerson    = "person" // shared meters: the tier volume × registered persons
)

// Tiers is the billing cycle and the tier breakpoints of a tariff.
type Tiers struct {
	Cycle string `json:"cycle"` // month | year
	Basis string `json:"basis"` // household | person
	// UpToM3 are the upper bounds of every tier but the last, per household (or
	// person) and full cycle, ascending; empty for a flat price.
	UpToM3 []int64 `json:"up_to_m3,omitempty"`
}

// Component is one itemised part of the price (基本水价, 污水处理费, the
// water-resource tax line "不征税自来水", 应急水价 …) with its rate per tier
// (one rate when it does not vary by tier).
type Component struct {
	Code  string `json:"code"` // basic, sewage, resource_tax, emergency, …
	Name  string `json:"name"` // zh-CN, e.g. 基本水价
	Rates []Rate `json:"rates"`
}

// RateFor returns the component's rate in tier i.
func (c Component) RateFor(i int) Rate {
	if i < len(c.Rates) {
		return c.Rates[i]
	}
	return c.Rates[len(c.Rates)-1]
}

// Tariff is a table-driven price list for one class in one region, from its
// effective date.
type Tariff struct {
	Version
	ID         int64       `json:"id,omitempty"`
	Name       string      `json:"name"`
	Tiers      Tiers       `json:"tiers"`
	Components []Component `json:"components"`
}

// Validate checks the tariff's structure.
func (t *Tariff) Validate() error {
	if t.Region == "" {
		return sishui.Invalid("region", "is required")
	}
	if t.Class == "" {
		return sishui.Invalid("class", "is required")
	}
	if t.EffectiveFrom.IsZero() {
		return sishui.Invalid("effective_from", "is required")
	}
	if t.Tiers.Cycle != CycleMonth && t.Tiers.Cycle != CycleYear {
		return sishui.Invalid("tiers.cycle", "must be month or year")
	}
	if t.Tiers.Basis != PerHousehold && t.Tiers.Basis != PerPerson {
		return sishui.Invalid("tiers.basis", "must be household or person")
	}
	var prev int64
	for _, u := range t.Tiers.UpToM3 {
		if u <= prev {
			return sishui.Invalid("tiers.up_to_m3", "must be positive and ascending")
		}
		prev = u
	}
	if len(t.Components) == 0 {
		return sishui.Invalid("components", "at least one component is required")
	}
	n := len(t.Tiers.UpToM3) + 1
	seen := map[string]bool{}
	for _, c := range t.Components {
		if c.Code == "" || seen[c.Code] {
			return sishui.Invalid("components", "each component needs a unique code")
		}
		seen[c.Code] = true
		if len(c.Rates) != 1 && len(c.Rates) != n {
			return sishui.Invalid("components", "%s: give 1 rate or %d (one per tier)", c.Code, n)
		}
		for _, r := range c.Rates {
			if r < 0 {
				return sishui.Invalid("components", "%s: a rate is negative", c.Code)
			}
		}
	}
	return nil
}

// UnitPrice is the comprehensive price of tier i (the sum of its components).
func (t *Tariff) UnitPrice(i int) Rate {
	var r Rate
	for _, c := range t.Components {
		r += c.RateFor(i)
	}
	return r
}

// Share is a fraction num/den of a cycle (months of 12, days of a month …).
type Share struct {
	Num int64 `json:"num"`
	Den int64 `json:"den"`
}

// Full is the whole cycle.
var Full = Share{1, 1}

// Breakpoints returns the tier upper bounds for a household: per person ×
// persons for person-based tiers, pro-rated by the share of the cycle the
// account was open (a joining year of 4 months: 144 → 48 m³), half-up.
func (t *Tariff) Breakpoints(persons int64, open Share) []int64 {
	if open.Den == 0 {
		open = Full
	}
	out := make([]int64, len(t.Tiers.UpToM3))
	for i, u := range t.Tiers.UpToM3 {
		if t.Tiers.Basis == PerPerson {
			u *= max(persons, 1)
		}
		out[i] = Scale(u, open.Num, open.Den)
	}
	return out
}
