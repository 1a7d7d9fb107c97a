// Package capacity evaluates water-resources carrying capacity (水资源承载能力):
// the 超载 grade of each county by the bands of MWR's 2016 technical outline
// (《全国水资源承载能力监测预警技术大纲》), and the largest population,
// irrigated area, GDP and industrial value added the water available can
// carry (以水定城、以水定地、以水定人、以水定产).
//
// The outline's bands were recalled, not read in the primary text
// (MODELS.md §3.1, DOMAIN.md §6): DefaultConfig marks them unverified, and
// every edge is configuration.
//
// # Scenario file format
//
// FromResults joins a forecast and a supply result by a scenario (YAML, or JSON
// since YAML reads it; volumes in m³):
//
//	name: liaocheng-2030
//	year: 2030                   # forecast year assessed; one of the forecast's years
//	guarantee_pct: 75            # supply guarantee rate; one the supply result holds
//	city_use_cap_m3: 2.0e9       # city total-use cap W₀, split between regions by cap_split
//	cap_split: base_demand       # base_demand (default) or year_demand: the share of the
//	                             #   forecast total demand in the first forecast year or in `year`
//	use_cap_m3: {"371502": 5e8}  # per-region caps W₀; a listed region is not split
//	gdp_m3_per_10k_cny: 41.3     # 万元GDP用水量 target for the GDP maximum (required)
//	domestic_sources: [yangtze]  # supply sources fit for domestic use; empty = no limit
//	bands: {…}                   # grading rules, the fields of Config; absent fields keep DefaultConfig
//
// When both caps are given, the city cap less the listed regions' caps is split
// between the other regions. Without any cap the total use is not graded and
// the maxima are limited by the supply alone.
package capacity

import (
	"errors"
	"fmt"
	"io"
	"math"

	"gopkg.in/yaml.v3"
)

// Grade is a carrying-capacity grade; larger is worse.
type Grade int

// Grades, from best to worst.
const (
	NotOverloaded      Grade = iota // 不超载
	Critical                        // 临界超载 (the outline may say 临界状态)
	Overloaded                      // 超载
	SeverelyOverloaded              // 严重超载
)

var gradeNames = [...][2]string{
	{"不超载", "not_overloaded"},
	{"临界超载", "critical"},
	{"超载", "overloaded"},
	{"严重超载", "severely_overloaded"},
}

// String returns the Chinese name of the grade.
func (g Grade) String() string {
	if g < 0 || int(g) >= len(gradeNames) {
		return fmt.Sprintf("Grade(%d)", int(g))
	}
	return gradeNames[g][0]
}

// Code returns a stable English code for APIs.
func (g Grade) Code() string {
	if g < 0 || int(g) >= len(gradeNames) {
		return fmt.Sprintf("grade_%d", int(g))
	}
	return gradeNames[g][1]
}

// Worst returns the worst of the grades (the short-board rule).
func Worst(gs ...Grade) Grade {
	w := NotOverloaded
	for _, g := range gs {
		w = max(w, g)
	}
	return w
}

// Bands grade a use against its control value by the ratio r = use/control.
// Lower edges are inclusive: r ≥ Severe → 严重超载, r ≥ Over → 超载,
// r ≥ Critical → 临界超载, else 不超载.
type Bands struct {
	Critical float64 `yaml:"critical"`
	Over     float64 `yaml:"over"`
	Severe   float64 `yaml:"severe"`
}

// Grade grades a ratio.
func (b Bands) Grade(ratio float64) Grade {
	switch {
	case ratio >= b.Severe:
		return SeverelyOverloaded
	case ratio >= b.Over:
		return Overloaded
	case ratio >= b.Critical:
		return Critical
	}
	return NotOverloaded
}

func (b Bands) check(name string) error {
	if !(b.Critical > 0 && b.Critical <= b.Over && b.Over <= b.Severe) || math.IsInf(b.Severe, 0) {
		return fmt.Errorf("capacity: config: %s bands must satisfy 0 < critical ≤ over ≤ severe < ∞, got %+v", name, b)
	}
	return nil
}

// QualityBands grade function-zone compliance Q against its target Q₀, where
// lower is worse. Upper edges are inclusive: Q/Q₀ ≤ Severe → 严重超载,
// ≤ Over → 超载, ≤ Critical → 临界超载, else 不超载.
type QualityBands struct {
	Severe   float64 `yaml:"severe"`
	Over     float64 `yaml:"over"`
	Critical float64 `yaml:"critical"`
}

// Grade grades a compliance ratio.
func (b QualityBands) Grade(ratio float64) Grade {
	switch {
	case ratio <= b.Severe:
		return SeverelyOverloaded
	case ratio <= b.Over:
		return Overloaded
	case ratio <= b.Critical:
		return Critical
	}
	return NotOverloaded
}

// LevelBands grade the mean annual decline of the groundwater level (m/yr,
// positive = falling). A zero edge disables that grade; all zero disables
// the rule. No published values were found (DOMAIN.md §4.4 [NF]), so the
// default is off.
type LevelBands struct {
	CriticalMPerYear float64 `yaml:"critical_m_per_year"`
	OverMPerYear     float64 `yaml:"over_m_per_year"`
	SevereMPerYear   float64 `yaml:"severe_m_per_year"`
}

// Grade grades a decline rate.
func (b LevelBands) Grade(declineMPerYear float64) Grade {
	switch {
	case b.SevereMPerYear > 0 && declineMPerYear >= b.SevereMPerYear:
		return SeverelyOverloaded
	case b.OverMPerYear > 0 && declineMPerYear >= b.OverMPerYear:
		return Overloaded
	case b.CriticalMPerYear > 0 && declineMPerYear >= b.CriticalMPerYear:
		return Critical
	}
	return NotOverloaded
}

// Config holds the grading rules.
type Config struct {
	// Edition names the source of the bands, shown beside every result.
	Edition     string `yaml:"edition"`
	TotalUse    Bands  `yaml:"total_use"`   // W / W₀
	Groundwater Bands  `yaml:"groundwater"` // G / G₀
	// ShallowOverExtractionSevere: a plain-area shallow over-extraction
	// coefficient ((extraction − allowable) / allowable) at or above it is
	// 严重超载, above zero 超载. DOMAIN.md §6 recalls an area share ≥ 30 %
	// instead; pass whichever the official text confirms.
	ShallowOverExtractionSevere float64 `yaml:"shallow_over_extraction_severe"`
	// DeepConfinedSevere makes any deep confined extraction 严重超载
	// (MODELS.md §3.1 recalls it so; DOMAIN.md §6 recalls "at least 超载").
	DeepConfinedSevere bool `yaml:"deep_confined_severe"`
	// DeepConfinedZoneOnly limits that rule to extraction inside a deep
	// confined over-extraction zone (深层承压水超采区; Load.DeepConfinedZone),
	// the outline's setting for the groundwater add-ons. Off by default, so
	// that scenario files without zones keep their meaning.
	DeepConfinedZoneOnly bool         `yaml:"deep_confined_zone_only"`
	Level                LevelBands   `yaml:"level"`
	Quality              QualityBands `yaml:"quality"`
}

// DefaultConfig returns the bands as recalled from the 2016 outline
// (MODELS.md §3.1). UNVERIFIED: confirm against 办资源〔2016〕57号 before
// relying on them.
func DefaultConfig() Config {
	return Config{
		Edition:                     "大纲2016 (recalled, unverified)",
		TotalUse:                    Bands{Critical: 0.9, Over: 1.0, Severe: 1.2},
		Groundwater:                 Bands{Critical: 0.9, Over: 1.0, Severe: 1.2},
		ShallowOverExtractionSevere: 0.3,
		DeepConfinedSevere:          true,
		Quality:                     QualityBands{Severe: 0.4, Over: 0.8, Critical: 0.9},
	}
}

// Validate checks the band order.
func (c Config) Validate() error {
	var errs []error
	errs = append(errs, c.TotalUse.check("total_use"), c.Groundwater.check("groundwater"))
	if !(c.ShallowOverExtractionSevere > 0) {
		errs = append(errs, fmt.Errorf("capacity: config: shallow_over_extraction_severe must be positive, got %v", c.ShallowOverExtractionSevere))
	}
	q := c.Quality
	if !(q.Severe >= 0 && q.Severe <= q.Over && q.Over <= q.Critical && q.Critical <= 1) {
		errs = append(errs, fmt.Errorf("capacity: config: quality bands must satisfy 0 ≤ severe ≤ over ≤ critical ≤ 1, got %+v", q))
	}
	l := c.Level
	if l.CriticalMPerYear < 0 || l.OverMPerYear < 0 || l.SevereMPerYear < 0 {
		errs = append(errs, fmt.Errorf("capacity: config: level bands must not be negative, got %+v", l))
	}
	return errors.Join(errs...)
}

// LoadConfig reads a YAML config over DefaultConfig: fields absent from the
// file keep their defaults. Unknown fields are errors.
func LoadConfig(r io.Reader) (Config, error) {
	c := DefaultConfig()
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return Config{}, fmt.Errorf("capacity: load config: %w", err)
	}
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// Load is what a county used against its control values in one year.
type Load struct {
	Region           string  `json:"region"`
	UseM3            float64 `json:"use_m3"`             // W, total use
	UseCapM3         float64 `json:"use_cap_m3"`         // W₀, 用水总量控制指标; 0 = not graded
	GroundwaterM3    float64 `json:"groundwater_m3"`     // G, groundwater extraction
	GroundwaterCapM3 float64 `json:"groundwater_cap_m3"` // G₀, 地下水开采控制量 (or 可开采量); 0 = not graded
	// ShallowOverExtractionCoef is (shallow extraction in the over-extraction
	// zone − allowable) / allowable; 0 when not over-extracted.
	ShallowOverExtractionCoef float64 `json:"shallow_over_extraction_coef"`
	DeepConfinedM3            float64 `json:"deep_confined_m3"` // deep confined extraction
	// DeepConfinedZone: the county's deep confined extraction lies in a deep
	// confined over-extraction zone (used when Config.DeepConfinedZoneOnly).
	DeepConfinedZone     bool    `json:"deep_confined_zone,omitempty"`
	LevelDeclineMPerYear float64 `json:"level_decline_m_per_year"` // mean groundwater level decline, positive = falling
	QualityCompliance    float64 `json:"quality_compliance"`       // Q, 水功能区水质达标率 (fraction)
	QualityTarget        float64 `json:"quality_target"`           // Q₀; 0 = quality not graded
}

// Assessment is the graded result of a Load. Ratios not graded are NaN.
type Assessment struct {
	Region           string
	UseRatio         float64 // W/W₀
	GroundwaterRatio float64 // G/G₀
	QualityRatio     float64 // Q/Q₀
	Use              Grade
	Groundwater      Grade // worst of G/G₀, the over-extraction add-ons and the level rule
	Quantity         Grade // worst of Use and Groundwater
	Quality          Grade
	Overall          Grade    // worst of Quantity and Quality
	Reasons          []string // the rules that set a grade above 不超载
	Edition          string
}

// Assess grades a county.
func (c Config) Assess(l Load) (Assessment, error) {
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"use", l.UseM3}, {"use cap", l.UseCapM3}, {"groundwater", l.GroundwaterM3}, {"groundwater cap", l.GroundwaterCapM3},
		{"deep confined", l.DeepConfinedM3}, {"over-extraction coefficient", l.ShallowOverExtractionCoef},
		{"quality", l.QualityCompliance}, {"quality target", l.QualityTarget}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v < 0 {
			return Assessment{}, fmt.Errorf("capacity: assess %s: %s %v must be finite and ≥ 0", l.Region, f.name, f.v)
		}
	}
	if math.IsNaN(l.LevelDeclineMPerYear) || math.IsInf(l.LevelDeclineMPerYear, 0) {
		return Assessment{}, fmt.Errorf("capacity: assess %s: level decline %v not finite", l.Region, l.LevelDeclineMPerYear)
	}
	a := Assessment{Region: l.Region, UseRatio: math.NaN(), GroundwaterRatio: math.NaN(), QualityRatio: math.NaN(), Edition: c.Edition}
	raise := func(g *Grade, to Grade, why string, args ...any) {
		if to > NotOverloaded {
			a.Reasons = append(a.Reasons, fmt.Sprintf(why, args...)+" → "+to.String())
		}
		*g = max(*g, to)
	}
	if l.UseCapM3 > 0 {
		a.UseRatio = l.UseM3 / l.UseCapM3
		raise(&a.Use, c.TotalUse.Grade(a.UseRatio), "W/W₀ = %.3f", a.UseRatio)
	}
	if l.GroundwaterCapM3 > 0 {
		a.GroundwaterRatio = l.GroundwaterM3 / l.GroundwaterCapM3
		raise(&a.Groundwater, c.Groundwater.Grade(a.GroundwaterRatio), "G/G₀ = %.3f", a.GroundwaterRatio)
	}
	switch k := l.ShallowOverExtractionCoef; {
	case k >= c.ShallowOverExtractionSevere:
		raise(&a.Groundwater, SeverelyOverloaded, "shallow over-extraction coefficient %.3f ≥ %.3f", k, c.ShallowOverExtractionSevere)
	case k > 0:
		raise(&a.Groundwater, Overloaded, "shallow over-extraction coefficient %.3f > 0", k)
	}
	if c.DeepConfinedSevere && l.DeepConfinedM3 > 0 {
		switch {
		case !c.DeepConfinedZoneOnly:
			raise(&a.Groundwater, SeverelyOverloaded, "deep confined extraction %.0f m³", l.DeepConfinedM3)
		case l.DeepConfinedZone:
			raise(&a.Groundwater, SeverelyOverloaded, "deep confined extraction %.0f m³ in a deep confined over-extraction zone", l.DeepConfinedM3)
		}
	}
	raise(&a.Groundwater, c.Level.Grade(l.LevelDeclineMPerYear), "groundwater level falling %.2f m/yr", l.LevelDeclineMPerYear)
	a.Quantity = Worst(a.Use, a.Groundwater)
	if l.QualityTarget > 0 {
		a.QualityRatio = l.QualityCompliance / l.QualityTarget
		raise(&a.Quality, c.Quality.Grade(a.QualityRatio), "Q/Q₀ = %.3f", a.QualityRatio)
	}
	a.Overall = Worst(a.Quantity, a.Quality)
	return a, nil
}
