package sishui

import "strings"

// Indicator directions.
const (
	Ceiling = "ceiling" // the value must stay at or below the target (控制在…以内)
	Floor   = "floor"   // the value must reach the target (达到…以上)
)

// Indicator is one of a plan's indicators (指标), e.g. the ten of the Liaocheng annex.
type Indicator struct {
	ID        string `json:"id"` // stable id, e.g. total_use
	Seq       int    `json:"seq"`
	Name      string `json:"name"`
	NameEN    string `json:"name_en"`
	Unit      string `json:"unit"`
	Binding   bool   `json:"binding"` // 约束性 (true) or 预期性 (false)
	Direction string `json:"direction"`
	Lead      string `json:"lead,omitempty"`   // 牵头单位
	Source    string `json:"source,omitempty"` // document and version the targets come from
}

// Validate checks the indicator's fields.
func (i *Indicator) Validate() error {
	if !isCode(i.ID) {
		return Invalid("id", "must be lower-case letters, digits and _")
	}
	if strings.TrimSpace(i.Name) == "" {
		return Invalid("name", "is required")
	}
	if err := firstErr(CheckName("name", i.Name), CheckName("name_en", i.NameEN), CheckName("unit", i.Unit), CheckText("source", i.Source)); err != nil {
		return err
	}
	if i.Direction != Ceiling && i.Direction != Floor {
		return Invalid("direction", "must be ceiling or floor")
	}
	return nil
}

// Target is an indicator's target value for a region and year.
type Target struct {
	Indicator string  `json:"indicator"`
	Region    string  `json:"region"`
	Year      int     `json:"year"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Binding   bool    `json:"binding"`
	Direction string  `json:"direction"`
}

// Validate checks the target's own fields.
func (t *Target) Validate() error {
	if !isCode(t.Indicator) {
		return Invalid("indicator", "must be an indicator id")
	}
	if !isDigits(t.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if t.Year < 1990 || t.Year > 2100 {
		return Invalid("year", "must be between 1990 and 2100")
	}
	if t.Value != t.Value || t.Value < 0 || t.Value > 1e12 {
		return Invalid("value", "must be a non-negative number")
	}
	return nil
}

// TargetFilter selects targets; zero fields do not filter.
type TargetFilter struct {
	Indicator string
	Region    string
	Year      int
}

// Statistic is a figure entered by people (GDP, industrial value added,
// population, irrigated area …) for a region and year, as intensities need them.
type Statistic struct {
	Region string  `json:"region"`
	Year   int     `json:"year"`
	Metric string  `json:"metric"` // see StatisticMetrics
	Value  float64 `json:"value"`
	Source string  `json:"source,omitempty"`
	Note   string  `json:"note,omitempty"`
}

// StatisticMetrics lists the known statistic metrics with their units.
var StatisticMetrics = map[string]string{
	"gdp_10k_cny":                  "万元",  // GDP at comparable prices
	"industrial_va_10k_cny":        "万元",  // industrial value added
	"population_10k":               "万人",  // resident population
	"urban_population_10k":         "万人",  // urban resident population
	"irrigated_area_mu":            "亩",   // effective irrigated area
	"irrigation_efficiency":        "",    // 农田灌溉水有效利用系数 (measured by the sampling survey)
	"network_leakage_rate":         "%",   // from the supply companies
	"reclaimed_reuse_rate":         "%",   // 城市污水再生利用率
	"industrial_reuse_rate":        "%",   // 规模以上工业用水重复利用率
	"chem_park_unconventional":     "%",   // 化工园区非常规水源配置率
	"wwtp_upgrade_rate":            "%",   // 城市污水处理厂提标改造完成率
	"unmetered_use_m3":             "m³",  // entered use where no meter exists
	"sewage_treated_10k_m3":        "万m³", // treated sewage volume
	"reclaimed_used_10k_m3":        "万m³", // reclaimed water used
	"unconventional_use_10k_m3":    "万m³", // non-conventional use entered from elsewhere
	"total_use_entered_10k_m3":     "万m³", // total use as published by statistics
	"livestock_10k_head":           "万头",
	"groundwater_allowable_10k_m3": "万m³", // 地下水可开采量
}

// Validate checks the statistic's fields.
func (s *Statistic) Validate() error {
	if !isDigits(s.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if s.Year < 1990 || s.Year > 2100 {
		return Invalid("year", "must be between 1990 and 2100")
	}
	if _, ok := StatisticMetrics[s.Metric]; !ok {
		return Invalid("metric", "unknown metric %q", s.Metric)
	}
	if s.Value != s.Value || s.Value < 0 || s.Value > 1e15 {
		return Invalid("value", "must be a non-negative number")
	}
	return nil
}

// StatisticFilter selects statistics.
type StatisticFilter struct {
	Region string
	Year   int
	Metric string
}
