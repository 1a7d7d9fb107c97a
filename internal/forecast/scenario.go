package forecast

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/scenario"
)

// Scenario holds everything one forecast run needs: drivers per region, the
// quotas (定额) and efficiency paths, the planning years and the history the
// trend check is fitted to. Field names carry their units.
type Scenario struct {
	Name     string `yaml:"name"`
	BaseYear int    `yaml:"base_year"` // 现状年
	Years    []int  `yaml:"years"`     // planning years to report, each ≥ BaseYear
	// DaysPerYear converts per-day quotas to annual volumes; 365 when zero.
	DaysPerYear int `yaml:"days_per_year"`
	// IrrigationGuaranteePct is the design guarantee rate (50, 75 or 95) whose
	// net irrigation quotas make the main forecast; the other rates a crop
	// has quotas for are reported as variants.
	IrrigationGuaranteePct int      `yaml:"irrigation_guarantee_pct"`
	Quotas                 Quotas   `yaml:"quotas"`
	Regions                []Region `yaml:"regions"`
	Trend                  Trend    `yaml:"trend"`
}

// Quotas are the city-wide water-use quotas and efficiency paths.
type Quotas struct {
	UrbanDomesticLPerCapitaDay Path `yaml:"urban_domestic_l_per_capita_day"` // 城镇综合生活
	RuralDomesticLPerCapitaDay Path `yaml:"rural_domestic_l_per_capita_day"`
	// UrbanNetworkLossRate is the public network leakage (fraction); urban
	// domestic demand is grossed up by 1/(1−loss).
	UrbanNetworkLossRate Path `yaml:"urban_network_loss_rate"`
	IndustryM3Per10kCNY  Path `yaml:"industry_m3_per_10k_cny"` // 万元工业增加值用水量
	// IrrigationEfficiency is 农田灌溉水有效利用系数 η; gross = net / η.
	IrrigationEfficiency Path                 `yaml:"irrigation_efficiency"`
	Crops                map[string]CropQuota `yaml:"crops"`
	LivestockLPerHeadDay map[string]float64   `yaml:"livestock_l_per_head_day"` // by category (large, small …)
	UrbanGreenM3PerMu    Path                 `yaml:"urban_green_m3_per_mu"`
}

// CropQuota is a crop's net irrigation quota (m³/亩) by guarantee rate (%).
type CropQuota struct {
	NetM3PerMuByGuaranteePct map[int]float64 `yaml:"net_m3_per_mu_by_guarantee_pct"`
}

// Region is one county-level unit's drivers.
type Region struct {
	Code string `yaml:"code"` // GB/T 2260
	Name string `yaml:"name"`

	Population10k    Path `yaml:"population_10k"`    // resident population, 万人
	UrbanisationRate Path `yaml:"urbanisation_rate"` // fraction urban
	IndustryVA10kCNY Path `yaml:"industry_va_10k_cny"`
	GDP10kCNY        Path `yaml:"gdp_10k_cny"` // for the 万元GDP用水量 check; may be empty

	IrrigatedAreaMu   map[string]Path            `yaml:"irrigated_area_mu"` // by crop
	LivestockHead     map[string]Path            `yaml:"livestock_head"`    // by category
	UrbanGreenAreaMu  Path                       `yaml:"urban_green_area_mu"`
	RiverReplenishM3  Path                       `yaml:"river_replenish_m3"` // 河湖补水 per year
	HistoryM3BySector map[Sector]map[int]float64 `yaml:"history_m3"`         // observed use, for the trend check
}

// Trend configures the trend check.
type Trend struct {
	Kind      TrendKind `yaml:"kind"`       // linear (default) or log_linear
	MinPoints int       `yaml:"min_points"` // fewest history points to fit; 3 when zero
}

// LoadScenario reads a YAML (or JSON) scenario and validates it. Unknown fields are
// errors. Validation errors are *sishui.Error values (code invalid, Field the
// YAML path) joined together.
func LoadScenario(r io.Reader) (*Scenario, error) {
	return scenario.Load[Scenario](r, "forecast")
}

type checker struct{ errs []error }

func (c *checker) add(field, format string, args ...any) {
	e := sishui.Invalid(field, format, args...)
	e.Op = "forecast"
	c.errs = append(c.errs, e)
}

func (c *checker) path(field string, p Path, required bool, lo, hi float64) {
	if p.IsZero() {
		if required {
			c.add(field, "is required")
		}
		return
	}
	if err := p.check(lo, hi); err != nil {
		c.add(field, "%v", err)
	}
}

func (c *checker) err() error { return errors.Join(c.errs...) }

func sortedKeys[K ~string | ~int, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

// Validate checks every field and returns all problems found.
func (s *Scenario) Validate() error {
	var c checker
	inf := math.Inf(1)
	if s.BaseYear < 1949 || s.BaseYear > 2100 {
		c.add("base_year", "must be between 1949 and 2100, got %d", s.BaseYear)
	}
	if len(s.Years) == 0 {
		c.add("years", "is required")
	}
	seenY := map[int]bool{}
	for i, y := range s.Years {
		if y < s.BaseYear || y > 2100 {
			c.add(fmt.Sprintf("years[%d]", i), "must be between base_year and 2100, got %d", y)
		}
		if seenY[y] {
			c.add(fmt.Sprintf("years[%d]", i), "duplicate year %d", y)
		}
		seenY[y] = true
	}
	if s.DaysPerYear != 0 && (s.DaysPerYear < 365 || s.DaysPerYear > 366) {
		c.add("days_per_year", "must be 365 or 366, got %d", s.DaysPerYear)
	}
	switch s.IrrigationGuaranteePct {
	case 50, 75, 95:
	default:
		c.add("irrigation_guarantee_pct", "must be 50, 75 or 95, got %d", s.IrrigationGuaranteePct)
	}
	q := &s.Quotas
	c.path("quotas.urban_domestic_l_per_capita_day", q.UrbanDomesticLPerCapitaDay, true, 0, 1000)
	c.path("quotas.rural_domestic_l_per_capita_day", q.RuralDomesticLPerCapitaDay, true, 0, 1000)
	c.path("quotas.urban_network_loss_rate", q.UrbanNetworkLossRate, false, 0, 0.5)
	c.path("quotas.industry_m3_per_10k_cny", q.IndustryM3Per10kCNY, true, 0, 10000)
	c.path("quotas.irrigation_efficiency", q.IrrigationEfficiency, true, 0.1, 1)
	c.path("quotas.urban_green_m3_per_mu", q.UrbanGreenM3PerMu, false, 0, 10000)
	for _, name := range sortedKeys(q.Crops) {
		f := "quotas.crops." + name + ".net_m3_per_mu_by_guarantee_pct"
		qs := q.Crops[name].NetM3PerMuByGuaranteePct
		if _, ok := qs[s.IrrigationGuaranteePct]; !ok {
			c.add(f, "has no quota for the design guarantee rate %d", s.IrrigationGuaranteePct)
		}
		for _, pct := range sortedKeys(qs) {
			if pct != 50 && pct != 75 && pct != 95 {
				c.add(f, "guarantee rate %d is not 50, 75 or 95", pct)
			}
			if v := qs[pct]; !(v >= 0 && v < 5000) {
				c.add(f, "quota %v at %d%% outside [0, 5000)", v, pct)
			}
		}
	}
	for _, k := range sortedKeys(q.LivestockLPerHeadDay) {
		if v := q.LivestockLPerHeadDay[k]; !(v >= 0 && v < 1000) {
			c.add("quotas.livestock_l_per_head_day."+k, "%v outside [0, 1000)", v)
		}
	}
	if len(s.Regions) == 0 {
		c.add("regions", "is required")
	}
	seen := map[string]bool{}
	for i := range s.Regions {
		r := &s.Regions[i]
		p := fmt.Sprintf("regions[%d].", i)
		if r.Code == "" {
			c.add(p+"code", "is required")
		} else if seen[r.Code] {
			c.add(p+"code", "duplicate region %q", r.Code)
		}
		seen[r.Code] = true
		c.path(p+"population_10k", r.Population10k, true, 0, 1e5)
		c.path(p+"urbanisation_rate", r.UrbanisationRate, true, 0, 1)
		c.path(p+"industry_va_10k_cny", r.IndustryVA10kCNY, false, 0, inf)
		c.path(p+"gdp_10k_cny", r.GDP10kCNY, false, 0, inf)
		c.path(p+"urban_green_area_mu", r.UrbanGreenAreaMu, false, 0, inf)
		c.path(p+"river_replenish_m3", r.RiverReplenishM3, false, 0, inf)
		for _, crop := range sortedKeys(r.IrrigatedAreaMu) {
			if _, ok := q.Crops[crop]; !ok {
				c.add(p+"irrigated_area_mu."+crop, "crop has no quota in quotas.crops")
			}
			c.path(p+"irrigated_area_mu."+crop, r.IrrigatedAreaMu[crop], true, 0, inf)
		}
		for _, cat := range sortedKeys(r.LivestockHead) {
			if _, ok := q.LivestockLPerHeadDay[cat]; !ok {
				c.add(p+"livestock_head."+cat, "category has no quota in quotas.livestock_l_per_head_day")
			}
			c.path(p+"livestock_head."+cat, r.LivestockHead[cat], true, 0, inf)
		}
		if !r.UrbanGreenAreaMu.IsZero() && q.UrbanGreenM3PerMu.IsZero() {
			c.add(p+"urban_green_area_mu", "needs quotas.urban_green_m3_per_mu")
		}
		for _, sec := range sortedKeys(r.HistoryM3BySector) {
			f := p + "history_m3." + string(sec)
			if !sec.valid() && sec != SectorTotal {
				c.add(f, "unknown sector %q", sec)
			}
			for _, y := range sortedKeys(r.HistoryM3BySector[sec]) {
				if v := r.HistoryM3BySector[sec][y]; !(v >= 0 && !math.IsInf(v, 0)) {
					c.add(f, "value %v for %d must be finite and ≥ 0", v, y)
				}
			}
		}
	}
	switch s.Trend.Kind {
	case "", TrendLinear, TrendLogLinear:
	default:
		c.add("trend.kind", "must be linear or log_linear, got %q", s.Trend.Kind)
	}
	if s.Trend.MinPoints < 0 || s.Trend.MinPoints == 1 {
		c.add("trend.min_points", "must be 0 (default 3) or at least 2, got %d", s.Trend.MinPoints)
	}
	return c.err()
}
