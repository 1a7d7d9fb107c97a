// Package workspace runs the scenario workspace (情景工作台): a scenario's
// changes (assumptions) applied to the city's base — the model scenarios
// (forecast, supply, allocate, capacity) and the current data from the store
// (this year's caps and metered use) — and the chain forecast → supply →
// allocation → carrying capacity run on them as one, with the 以水定城/地/人/产
// maxima of a county and two results compared side by side.
//
// The package is pure: the API reads the store and passes a Baseline.
package workspace

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"

	"github.com/sishui/sishui"
)

// CountyChange are the assumptions for one county (GB/T 2260 code).
type CountyChange struct {
	// Growth rates per year (%, e.g. 1.5) from the forecast's base year,
	// replacing the forecast's own paths; nil keeps them.
	PopulationGrowthPct *float64 `json:"population_growth_pct,omitempty"`
	GDPGrowthPct        *float64 `json:"gdp_growth_pct,omitempty"`
	IndustryGrowthPct   *float64 `json:"industry_growth_pct,omitempty"`
	// IrrigatedAreaPct changes every crop's irrigated area by this percentage.
	IrrigatedAreaPct float64 `json:"irrigated_area_pct,omitempty"`
	// ReclaimedM3 is added reclaimed-water capacity (m³ a year, usable).
	ReclaimedM3 float64 `json:"reclaimed_m3,omitempty"`
	// UseCapM3 and GroundwaterCapM3 replace the county's caps; nil keeps them.
	UseCapM3         *float64 `json:"use_cap_m3,omitempty"`
	GroundwaterCapM3 *float64 `json:"groundwater_cap_m3,omitempty"`
}

// NewIndustry is a planned plant or park with its quota (定额).
type NewIndustry struct {
	County           string  `json:"county"`
	Name             string  `json:"name"`
	VA10kCNY         float64 `json:"va_10k_cny"`           // value added, 万元 a year
	QuotaM3Per10kCNY float64 `json:"quota_m3_per_10k_cny"` // m³ per 万元 value added
}

// DemandM3 is the plant's water demand a year.
func (n NewIndustry) DemandM3() float64 { return n.VA10kCNY * n.QuotaM3Per10kCNY }

// Changes are a scenario's assumptions. The zero value is the base itself.
type Changes struct {
	// Year is the planning year assessed; 0 = the baseline's year.
	Year int `json:"year,omitempty"`
	// GuaranteePct is the hydrological year: 50, 75 (a dry year) or 95 (a
	// very dry year); 0 = 75.
	GuaranteePct int `json:"guarantee_pct,omitempty"`
	// IrrigationEfficiency replaces the city's 农田灌溉水有效利用系数 η in Year.
	IrrigationEfficiency *float64 `json:"irrigation_efficiency,omitempty"`
	// Transfer quotas of the city (m³ a year at the intake), replacing the
	// sum of the counties' quotas (split in the same shares).
	YellowRiverQuotaM3 *float64                `json:"yellow_river_quota_m3,omitempty"`
	YangtzeQuotaM3     *float64                `json:"yangtze_quota_m3,omitempty"`
	Counties           map[string]CountyChange `json:"counties,omitempty"`
	NewIndustries      []NewIndustry           `json:"new_industries,omitempty"`
}

// DecodeChanges reads changes strictly (unknown fields are errors naming the field).
func DecodeChanges(b []byte) (*Changes, error) {
	var c Changes
	dec := json.NewDecoder(bytesReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, jsonFieldError("changes", err)
	}
	return &c, nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Validate checks the changes against the model's counties; errors are
// sishui.Invalid naming the field under "changes.".
func (c *Changes) Validate(m *Model) error {
	f := func(name string) string { return "changes." + name }
	if c.Year != 0 && (c.Year < m.baseYear() || c.Year > 2100) {
		return sishui.Invalid(f("year"), "must be between %d and 2100, got %d", m.baseYear(), c.Year)
	}
	switch c.GuaranteePct {
	case 0, 50, 75, 95:
	default:
		return sishui.Invalid(f("guarantee_pct"), "must be 50, 75 or 95, got %d", c.GuaranteePct)
	}
	if e := c.IrrigationEfficiency; e != nil && !(finite(*e) && *e >= 0.3 && *e <= 1) {
		return sishui.Invalid(f("irrigation_efficiency"), "must be between 0.3 and 1, got %v", *e)
	}
	for _, q := range []struct {
		name string
		v    *float64
	}{{"yellow_river_quota_m3", c.YellowRiverQuotaM3}, {"yangtze_quota_m3", c.YangtzeQuotaM3}} {
		if q.v != nil && !(finite(*q.v) && *q.v >= 0 && *q.v <= 1e11) {
			return sishui.Invalid(f(q.name), "must be between 0 and 1e11 m³, got %v", *q.v)
		}
	}
	codes := make([]string, 0, len(c.Counties))
	for code := range c.Counties {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		cc := c.Counties[code]
		p := "counties." + code + "."
		if !m.hasCounty(code) {
			return sishui.Invalid(f("counties."+code), "no county %q in the model", code)
		}
		for _, g := range []struct {
			name string
			v    *float64
		}{{"population_growth_pct", cc.PopulationGrowthPct}, {"gdp_growth_pct", cc.GDPGrowthPct}, {"industry_growth_pct", cc.IndustryGrowthPct}} {
			if g.v != nil && !(finite(*g.v) && *g.v >= -20 && *g.v <= 30) {
				return sishui.Invalid(f(p+g.name), "must be between -20 and 30 %% a year, got %v", *g.v)
			}
		}
		if !(finite(cc.IrrigatedAreaPct) && cc.IrrigatedAreaPct >= -100 && cc.IrrigatedAreaPct <= 200) {
			return sishui.Invalid(f(p+"irrigated_area_pct"), "must be between -100 and 200 %%, got %v", cc.IrrigatedAreaPct)
		}
		if !(finite(cc.ReclaimedM3) && cc.ReclaimedM3 >= 0 && cc.ReclaimedM3 <= 1e10) {
			return sishui.Invalid(f(p+"reclaimed_m3"), "must be between 0 and 1e10 m³, got %v", cc.ReclaimedM3)
		}
		for _, q := range []struct {
			name string
			v    *float64
		}{{"use_cap_m3", cc.UseCapM3}, {"groundwater_cap_m3", cc.GroundwaterCapM3}} {
			if q.v != nil && !(finite(*q.v) && *q.v >= 0 && *q.v <= 1e11) {
				return sishui.Invalid(f(p+q.name), "must be between 0 and 1e11 m³, got %v", *q.v)
			}
		}
	}
	if len(c.NewIndustries) > 100 {
		return sishui.Invalid(f("new_industries"), "at most 100, got %d", len(c.NewIndustries))
	}
	for i, n := range c.NewIndustries {
		p := fmt.Sprintf("new_industries[%d].", i)
		if !m.hasCounty(n.County) {
			return sishui.Invalid(f(p+"county"), "no county %q in the model", n.County)
		}
		if err := sishui.CheckName(f(p+"name"), n.Name); err != nil {
			return err
		}
		if !(finite(n.VA10kCNY) && n.VA10kCNY > 0 && n.VA10kCNY <= 1e9) {
			return sishui.Invalid(f(p+"va_10k_cny"), "must be above 0 and at most 1e9 万元, got %v", n.VA10kCNY)
		}
		if !(finite(n.QuotaM3Per10kCNY) && n.QuotaM3Per10kCNY > 0 && n.QuotaM3Per10kCNY <= 1000) {
			return sishui.Invalid(f(p+"quota_m3_per_10k_cny"), "must be above 0 and at most 1000 m³/万元, got %v", n.QuotaM3Per10kCNY)
		}
	}
	return nil
}
