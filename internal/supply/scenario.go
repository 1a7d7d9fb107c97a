package supply

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/scenario"
)

// Scenario describes the sources of every region for one planning level year.
type Scenario struct {
	Name string `yaml:"name"`
	Year int    `yaml:"year"` // 水平年 the quotas and capacities belong to
	// GuaranteePcts are the guarantee rates (保证率, %) to evaluate; 50, 75
	// and 95 when empty.
	GuaranteePcts []int `yaml:"guarantee_pcts"`
	// Patterns are named monthly patterns, a place for YAML anchors that the
	// sources reuse; they are validated but not otherwise read.
	Patterns map[string][]float64 `yaml:"patterns"`
	Series   map[string]Series    `yaml:"series"`
	Regions  []Region             `yaml:"regions"`
}

// Series is a hydrological annual series analysed for frequency: runoff in
// m³ (local surface water) or precipitation in mm (stormwater); exactly one
// of the two maps is given.
type Series struct {
	AnnualM3ByYear map[int]float64 `yaml:"annual_m3_by_year"`
	AnnualMMByYear map[int]float64 `yaml:"annual_mm_by_year"`
	// MonthlyPattern is the default distribution over the months (12
	// fractions summing to 1).
	MonthlyPattern []float64 `yaml:"monthly_pattern"`
	// MonthlyShareByYear are observed monthly distributions of some years; the
	// typical year's is used when present (同倍比 scaling).
	MonthlyShareByYear map[int][]float64 `yaml:"monthly_share_by_year"`
	Method             Method            `yaml:"method"`     // empirical (default) or pearson3
	CsOverCv           float64           `yaml:"cs_over_cv"` // pearson3: fixed Cs/Cv, 0 = sample skewness
}

// Method selects the frequency curve.
type Method string

// Frequency methods.
const (
	MethodEmpirical Method = "empirical" // Weibull plotting positions
	MethodPearson3  Method = "pearson3"  // Pearson III by moments
)

// Region lists one region's sources; absent sources supply nothing.
type Region struct {
	Code             string            `yaml:"code"`
	Name             string            `yaml:"name"`
	YellowRiver      *Transfer         `yaml:"yellow_river"`
	Yangtze          *Transfer         `yaml:"yangtze"`
	LocalSurface     *LocalSurface     `yaml:"local_surface"`
	GroundwaterZones []GroundwaterZone `yaml:"groundwater_zones"`
	Reclaimed        *Reclaimed        `yaml:"reclaimed"`
	Stormwater       *Stormwater       `yaml:"stormwater"`
}

// Transfer is an annual allocation of transferred water (引黄 / 引江).
type Transfer struct {
	AnnualQuotaM3 float64 `yaml:"annual_quota_m3"`
	// FactorByGuaranteePct is the share of the quota that arrives in a year of
	// that guarantee rate (e.g. 丰增枯减 cuts); 1 for rates not listed.
	FactorByGuaranteePct map[int]float64 `yaml:"factor_by_guarantee_pct"`
	MonthlyPattern       []float64       `yaml:"monthly_pattern"`
	ConveyanceLossRate   float64         `yaml:"conveyance_loss_rate"`
}

// LocalSurface takes a share of a runoff series and the usable part of it.
type LocalSurface struct {
	Series             string  `yaml:"series"`
	Share              float64 `yaml:"share"`           // region's share of the series' runoff
	UsableFraction     float64 `yaml:"usable_fraction"` // 可利用率
	ConveyanceLossRate float64 `yaml:"conveyance_loss_rate"`
}

// Zone status under groundwater control (《地下水管理条例》).
const (
	ZoneNormal     = "normal"
	ZoneLimited    = "limited"    // 限采区: the cap must be given
	ZoneProhibited = "prohibited" // 禁采区: supplies nothing
)

// GroundwaterZone is one extraction zone of a region.
type GroundwaterZone struct {
	Name               string    `yaml:"name"`
	Layer              string    `yaml:"layer"`        // shallow or deep
	AllowableM3        float64   `yaml:"allowable_m3"` // 可开采量 per year
	CapM3              *float64  `yaml:"cap_m3"`       // 管控指标 per year; none when absent
	Status             string    `yaml:"status"`       // normal (default), limited, prohibited
	MonthlyPattern     []float64 `yaml:"monthly_pattern"`
	ConveyanceLossRate float64   `yaml:"conveyance_loss_rate"`
}

// Reclaimed is treated sewage of which a share can be reused.
type Reclaimed struct {
	TreatedSewageM3    float64   `yaml:"treated_sewage_m3"`
	ReusableShare      float64   `yaml:"reusable_share"`
	MonthlyPattern     []float64 `yaml:"monthly_pattern"`
	ConveyanceLossRate float64   `yaml:"conveyance_loss_rate"`
}

// Stormwater captures runoff of a precipitation series over a catchment:
// P mm × area km² × 1000 × runoff coefficient × capture share.
type Stormwater struct {
	Series             string  `yaml:"series"`
	CatchmentKm2       float64 `yaml:"catchment_km2"`
	RunoffCoefficient  float64 `yaml:"runoff_coefficient"`
	CaptureShare       float64 `yaml:"capture_share"`
	ConveyanceLossRate float64 `yaml:"conveyance_loss_rate"`
}

// LoadScenario reads a YAML (or JSON) scenario and validates it. Unknown fields are
// errors; validation errors are *sishui.Error values (code invalid, Field
// the YAML path) joined together.
func LoadScenario(r io.Reader) (*Scenario, error) {
	return scenario.Load[Scenario](r, "supply")
}

type checker struct{ errs []error }

func (c *checker) add(field, format string, args ...any) {
	e := sishui.Invalid(field, format, args...)
	e.Op = "supply"
	c.errs = append(c.errs, e)
}

func (c *checker) num(field string, v, lo, hi float64) {
	if math.IsNaN(v) || v < lo || v > hi {
		c.add(field, "%v outside [%v, %v]", v, lo, hi)
	}
}

// loss checks a conveyance loss rate in [0, 1).
func (c *checker) loss(field string, v float64) {
	if math.IsNaN(v) || v < 0 || v >= 1 {
		c.add(field, "%v outside [0, 1)", v)
	}
}

func (c *checker) pattern(field string, p []float64, required bool) {
	if len(p) == 0 {
		if required {
			c.add(field, "is required")
		}
		return
	}
	if len(p) != 12 {
		c.add(field, "has %d values, want 12", len(p))
		return
	}
	var sum float64
	for _, v := range p {
		if math.IsNaN(v) || v < 0 {
			c.add(field, "value %v must be ≥ 0", v)
			return
		}
		sum += v
	}
	if math.Abs(sum-1) > 1e-3 {
		c.add(field, "sums to %v, want 1", sum)
	}
}

func sortedKeys[K ~string | ~int, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

// pcts returns the guarantee rates to evaluate.
func (s *Scenario) pcts() []int {
	if len(s.GuaranteePcts) == 0 {
		return []int{50, 75, 95}
	}
	out := append([]int(nil), s.GuaranteePcts...)
	sort.Ints(out)
	return out
}

// Validate checks every field and returns all problems found.
func (s *Scenario) Validate() error {
	var c checker
	inf := math.Inf(1)
	if s.Year < 1949 || s.Year > 2100 {
		c.add("year", "must be between 1949 and 2100, got %d", s.Year)
	}
	seenP := map[int]bool{}
	for i, p := range s.GuaranteePcts {
		if p <= 0 || p >= 100 || seenP[p] {
			c.add(fmt.Sprintf("guarantee_pcts[%d]", i), "must be a distinct rate in (0, 100), got %d", p)
		}
		seenP[p] = true
	}
	for _, name := range sortedKeys(s.Patterns) {
		c.pattern("patterns."+name, s.Patterns[name], true)
	}
	for _, name := range sortedKeys(s.Series) {
		sr := s.Series[name]
		f := "series." + name
		m3, mm := len(sr.AnnualM3ByYear) > 0, len(sr.AnnualMMByYear) > 0
		if m3 == mm {
			c.add(f, "give exactly one of annual_m3_by_year and annual_mm_by_year")
		}
		vals := sr.annual()
		if len(vals) < 3 {
			c.add(f, "needs at least 3 years, has %d", len(vals))
		}
		for _, y := range sortedKeys(vals) {
			if v := vals[y]; math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				c.add(f, "value %v for %d must be finite and ≥ 0", v, y)
			}
		}
		c.pattern(f+".monthly_pattern", sr.MonthlyPattern, true)
		for _, y := range sortedKeys(sr.MonthlyShareByYear) {
			c.pattern(fmt.Sprintf("%s.monthly_share_by_year.%d", f, y), sr.MonthlyShareByYear[y], true)
		}
		switch sr.Method {
		case "", MethodEmpirical, MethodPearson3:
		default:
			c.add(f+".method", "must be empirical or pearson3, got %q", sr.Method)
		}
		c.num(f+".cs_over_cv", sr.CsOverCv, -10, 10)
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
		for _, tr := range []struct {
			name string
			t    *Transfer
		}{{"yellow_river", r.YellowRiver}, {"yangtze", r.Yangtze}} {
			t := tr.t
			if t == nil {
				continue
			}
			f := p + tr.name
			c.num(f+".annual_quota_m3", t.AnnualQuotaM3, 0, inf)
			for _, k := range sortedKeys(t.FactorByGuaranteePct) {
				c.num(fmt.Sprintf("%s.factor_by_guarantee_pct.%d", f, k), t.FactorByGuaranteePct[k], 0, 2)
			}
			c.pattern(f+".monthly_pattern", t.MonthlyPattern, true)
			c.loss(f+".conveyance_loss_rate", t.ConveyanceLossRate)
		}
		if ls := r.LocalSurface; ls != nil {
			f := p + "local_surface"
			if sr, ok := s.Series[ls.Series]; !ok {
				c.add(f+".series", "unknown series %q", ls.Series)
			} else if len(sr.AnnualM3ByYear) == 0 {
				c.add(f+".series", "series %q is not a runoff series in m³", ls.Series)
			}
			c.num(f+".share", ls.Share, 0, 1)
			c.num(f+".usable_fraction", ls.UsableFraction, 0, 1)
			c.loss(f+".conveyance_loss_rate", ls.ConveyanceLossRate)
		}
		for j, z := range r.GroundwaterZones {
			f := fmt.Sprintf("%sgroundwater_zones[%d]", p, j)
			if z.Layer != "shallow" && z.Layer != "deep" {
				c.add(f+".layer", "must be shallow or deep, got %q", z.Layer)
			}
			c.num(f+".allowable_m3", z.AllowableM3, 0, inf)
			if z.CapM3 != nil {
				c.num(f+".cap_m3", *z.CapM3, 0, inf)
			}
			switch z.Status {
			case "", ZoneNormal, ZoneProhibited:
			case ZoneLimited:
				if z.CapM3 == nil {
					c.add(f+".cap_m3", "a limited zone needs a cap")
				}
			default:
				c.add(f+".status", "must be normal, limited or prohibited, got %q", z.Status)
			}
			c.pattern(f+".monthly_pattern", z.MonthlyPattern, false)
			c.loss(f+".conveyance_loss_rate", z.ConveyanceLossRate)
		}
		if rc := r.Reclaimed; rc != nil {
			f := p + "reclaimed"
			c.num(f+".treated_sewage_m3", rc.TreatedSewageM3, 0, inf)
			c.num(f+".reusable_share", rc.ReusableShare, 0, 1)
			c.pattern(f+".monthly_pattern", rc.MonthlyPattern, false)
			c.loss(f+".conveyance_loss_rate", rc.ConveyanceLossRate)
		}
		if sw := r.Stormwater; sw != nil {
			f := p + "stormwater"
			if sr, ok := s.Series[sw.Series]; !ok {
				c.add(f+".series", "unknown series %q", sw.Series)
			} else if len(sr.AnnualMMByYear) == 0 {
				c.add(f+".series", "series %q is not a precipitation series in mm", sw.Series)
			}
			c.num(f+".catchment_km2", sw.CatchmentKm2, 0, inf)
			c.num(f+".runoff_coefficient", sw.RunoffCoefficient, 0, 1)
			c.num(f+".capture_share", sw.CaptureShare, 0, 1)
			c.loss(f+".conveyance_loss_rate", sw.ConveyanceLossRate)
		}
	}
	return errors.Join(c.errs...)
}

func (sr *Series) annual() map[int]float64 {
	if len(sr.AnnualM3ByYear) > 0 {
		return sr.AnnualM3ByYear
	}
	return sr.AnnualMMByYear
}
