package indicator

import (
	"fmt"
	"math"
	"time"
)

// Method says how an indicator value was obtained.
type Method string

const (
	Computed   Method = "computed" // from the accounting and statistics
	EnteredVal Method = "entered"  // entered by a person (e.g. the annual irrigation-coefficient survey)
)

// Projector projects a year-to-date cumulative value to the year end.
type Projector interface {
	// Project returns the year-end value given the year-to-date value through
	// the given day (inclusive).
	Project(ytd float64, through Date) (float64, error)
	// Name names the method for reports.
	Name() string
}

// Linear projects by elapsed days: year-end = ytd × days in year / days elapsed.
type Linear struct{}

func (Linear) Name() string { return "linear" }

// Project implements Projector.
func (Linear) Project(ytd float64, through Date) (float64, error) {
	if !through.Valid() {
		return 0, fmt.Errorf("indicator: linear projection: bad date %v: %w", through, ErrInvalidInput)
	}
	return ytd * float64(daysInYear(int(through.Year))) / float64(through.YearDay()), nil
}

// Seasonal projects with a monthly profile (for instance last year's monthly
// totals, or a multi-year average): the expected fraction of the year's volume
// used by the "through" day is the profile's share of the whole months before
// it plus the elapsed-day fraction of the current month's share, and
// year-end = ytd / that fraction. Irrigation-heavy regions use most water in
// spring, so a linear projection made in May overshoots; the profile corrects it.
type Seasonal struct {
	Profile [12]float64 // relative weight of each month (any positive scale)
}

func (Seasonal) Name() string { return "seasonal" }

// Fraction returns the expected share of the year's total used through d.
func (s Seasonal) Fraction(d Date) (float64, error) {
	var sum float64
	for _, w := range s.Profile {
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return 0, fmt.Errorf("indicator: seasonal profile weight %v: %w", w, ErrInvalidInput)
		}
		sum += w
	}
	if sum == 0 {
		return 0, fmt.Errorf("indicator: seasonal profile is all zero: %w", ErrInvalidInput)
	}
	if !d.Valid() {
		return 0, fmt.Errorf("indicator: seasonal projection: bad date %v: %w", d, ErrInvalidInput)
	}
	var done float64
	for m := time.January; m < d.Month; m++ {
		done += s.Profile[m-1]
	}
	done += s.Profile[d.Month-1] * float64(d.Day) / float64(daysIn(int(d.Year), d.Month))
	return done / sum, nil
}

// Project implements Projector.
func (s Seasonal) Project(ytd float64, through Date) (float64, error) {
	f, err := s.Fraction(through)
	if err != nil {
		return 0, err
	}
	if f == 0 {
		return 0, fmt.Errorf("indicator: seasonal projection through %v: profile expects no use yet: %w", through, ErrInvalidInput)
	}
	return ytd / f, nil
}

// Measure is one indicator's value for a year, in the indicator's unit.
type Measure struct {
	ID         ID
	Region     string
	Year       int
	Through    Date    // data through this day, inclusive
	Value      float64 // year-to-date value (a volume so far, or the current rate)
	Projected  float64 // projected year-end value
	Method     Method
	Projection string // projection method name, "" when none (entered or complete year)
}

// Complete reports whether the measure covers the whole year.
func (m Measure) Complete() bool {
	return int(m.Through.Year) > m.Year || (int(m.Through.Year) == m.Year && m.Through.Month == 12 && m.Through.Day == 31)
}

// m3Per1e8 converts m3 to the annex's 亿立方米.
const m3Per1e8 = 1e8

func throughYear(year int, through Date) (Date, error) {
	if !through.Valid() || int(through.Year) != year {
		return Date{}, fmt.Errorf("indicator: through %v not in year %d: %w", through, year, ErrInvalidInput)
	}
	return through, nil
}

func volumeMeasure(id ID, r *Rollup, region string, year int, through Date, p Projector, f Filter) (Measure, float64, float64, error) {
	if _, err := throughYear(year, through); err != nil {
		return Measure{}, 0, 0, err
	}
	f.Region = region
	ytd := r.YearToDate(through, f).VolumeM3()
	m := Measure{ID: id, Region: region, Year: year, Through: through, Method: Computed}
	proj := ytd
	if !m.Complete() {
		if p == nil {
			p = Linear{}
		}
		var err error
		if proj, err = p.Project(ytd, through); err != nil {
			return Measure{}, 0, 0, err
		}
		m.Projection = p.Name()
	}
	return m, ytd, proj, nil
}

// ComputeTotalUse computes indicator 1 (用水总量, 亿 m3) for region: the
// year-to-date sum of every source and sector, and its projection (Linear when p
// is nil).
func ComputeTotalUse(r *Rollup, region string, year int, through Date, p Projector) (Measure, error) {
	m, ytd, proj, err := volumeMeasure(TotalUse, r, region, year, through, p, Filter{})
	m.Value, m.Projected = ytd/m3Per1e8, proj/m3Per1e8
	return m, err
}

// UnconventionalSources are the default sources counted as non-conventional
// water for indicator 5: reclaimed water, rain/flood water and other
// non-conventional sources (brackish, mine drainage, desalinated).
var UnconventionalSources = []string{"reclaimed", "stormwater", "unconventional_other"}

// ComputeUnconventionalUse computes indicator 5 (非常规水利用量, 亿 m3) from the
// volumes of the given sources (UnconventionalSources when nil).
func ComputeUnconventionalUse(r *Rollup, region string, year int, through Date, p Projector, sources []string) (Measure, error) {
	if sources == nil {
		sources = UnconventionalSources
	}
	m, ytd, proj, err := volumeMeasure(UnconventionalUse, r, region, year, through, p, Filter{Sources: sources})
	m.Value, m.Projected = ytd/m3Per1e8, proj/m3Per1e8
	return m, err
}

// Economy is the statistics behind the intensity indicators, in 万元 (10^4 CNY)
// at comparable prices (可比价) of the plan's base year, as the targets require.
type Economy struct {
	GDPYTD           float64 // GDP through the "through" day (quarterly statistics); 0 if unknown
	GDPYear          float64 // GDP of the whole year: actual, or the planned/forecast value before the year ends
	IndustrialVAYTD  float64 // industrial value added through the day; 0 if unknown
	IndustrialVAYear float64 // industrial value added of the whole year (actual or forecast)
}

// ComputeWaterPerGDP computes indicator 2 (m3 per 万元 GDP): total use over GDP.
// Value uses year-to-date GDP when known (else it equals the projection);
// Projected is the projected year-end use over the year's GDP.
func ComputeWaterPerGDP(r *Rollup, region string, year int, through Date, p Projector, e Economy) (Measure, error) {
	return intensity(WaterPerGDP, r, region, year, through, p, Filter{}, e.GDPYTD, e.GDPYear)
}

// IndustrySectors are the sectors counted as industrial use for indicator 3.
var IndustrySectors = []string{"industry"}

// ComputeWaterPerIndustrialVA computes indicator 3 (m3 per 万元 industrial value
// added) from the use of the sectors (IndustrySectors when nil).
func ComputeWaterPerIndustrialVA(r *Rollup, region string, year int, through Date, p Projector, e Economy, sectors []string) (Measure, error) {
	if sectors == nil {
		sectors = IndustrySectors
	}
	return intensity(WaterPerIndustrialVA, r, region, year, through, p, Filter{Sectors: sectors}, e.IndustrialVAYTD, e.IndustrialVAYear)
}

func intensity(id ID, r *Rollup, region string, year int, through Date, p Projector, f Filter, denYTD, denYear float64) (Measure, error) {
	if !(denYear > 0) || math.IsInf(denYear, 0) || denYTD < 0 || math.IsNaN(denYTD) || math.IsInf(denYTD, 0) {
		return Measure{}, fmt.Errorf("indicator: %s: value added %v (ytd %v): %w", id, denYear, denYTD, ErrInvalidInput)
	}
	m, ytd, proj, err := volumeMeasure(id, r, region, year, through, p, f)
	if err != nil {
		return Measure{}, err
	}
	m.Projected = proj / denYear
	m.Value = m.Projected
	if m.Complete() {
		m.Value = ytd / denYear
		m.Projected = m.Value
	} else if denYTD > 0 {
		m.Value = ytd / denYTD
	}
	return m, nil
}

// ComputeRatePercent builds a percentage indicator (6, 7, 8, 9, 10) from a
// numerator and denominator, e.g. reclaimed water used / sewage treated, or
// repeated use / (repeated + fresh intake). Such rates are not projected: the
// year-end value is taken to equal the current one.
func ComputeRatePercent(id ID, region string, year int, through Date, numerator, denominator float64) (Measure, error) {
	if _, err := throughYear(year, through); err != nil {
		return Measure{}, err
	}
	if !(denominator > 0) || numerator < 0 || math.IsNaN(numerator) || math.IsInf(numerator+denominator, 0) {
		return Measure{}, fmt.Errorf("indicator: %s: %v / %v: %w", id, numerator, denominator, ErrInvalidInput)
	}
	v := 100 * numerator / denominator
	return Measure{ID: id, Region: region, Year: year, Through: through, Value: v, Projected: v, Method: Computed}, nil
}

// ComputeLeakageRate computes indicator 7 (%) as (supplied − billed) / supplied.
// It is the basic rate; the CJJ 92 corrections, if any, are the caller's.
func ComputeLeakageRate(region string, year int, through Date, suppliedM3, billedM3 float64) (Measure, error) {
	if billedM3 > suppliedM3 || billedM3 < 0 {
		return Measure{}, fmt.Errorf("indicator: leakage: billed %v > supplied %v: %w", billedM3, suppliedM3, ErrInvalidInput)
	}
	return ComputeRatePercent(NetworkLeakageRate, region, year, through, suppliedM3-billedM3, suppliedM3)
}

// EnterValue records an indicator the platform cannot compute (e.g. the
// irrigation coefficient from the annual typical-field survey).
func EnterValue(id ID, region string, year int, through Date, value float64) (Measure, error) {
	if _, err := throughYear(year, through); err != nil {
		return Measure{}, err
	}
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return Measure{}, fmt.Errorf("indicator: %s: value %v: %w", id, value, ErrInvalidInput)
	}
	return Measure{ID: id, Region: region, Year: year, Through: through, Value: value, Projected: value, Method: EnteredVal}, nil
}

// Status is an indicator's standing against its target.
type Status string

const (
	Meets  Status = "meets"
	AtRisk Status = "at_risk"
	Misses Status = "misses"
)

// Assessment is a measure compared with its target.
type Assessment struct {
	Measure
	Target    float64
	Direction Direction
	Attribute Attribute
	Status    Status
	// Gap is the projected year-end value minus the target, signed so that a
	// positive gap is on the wrong side (over a ceiling, under a floor).
	Gap float64
}

// Assess compares m with def's target for m.Year. margin is a fraction of the
// target (e.g. 0.05): a metered cumulative indicator whose projection is on
// the right side but closer to the target than margin × |target| is at risk.
//
// Rules, in order ("on or past" the target meets: at or under a ceiling, at
// or over a floor):
//   - a complete year: meets if the value is on or past the target, else misses;
//   - a final value — one entered (Method EnteredVal), or a non-cumulative one
//     that is not projected (a rate from the year's statistics) — the same:
//     meets or misses, never at risk;
//   - a cumulative ceiling (total use) whose year-to-date value already exceeds
//     the target misses; a cumulative floor already reached meets;
//   - a cumulative indicator's projection (total use, non-conventional use from
//     the meters): at_risk when it crosses the target or lies within the
//     margin, else meets;
//   - any other projection (the intensities, projected use over the year's
//     value added): at_risk when it crosses the target, else meets (no margin).
func Assess(def Definition, m Measure, margin float64) (Assessment, error) {
	if m.ID != def.ID {
		return Assessment{}, fmt.Errorf("indicator: assess %s with definition %s: %w", m.ID, def.ID, ErrInvalidInput)
	}
	if margin < 0 || math.IsNaN(margin) {
		return Assessment{}, fmt.Errorf("indicator: assess %s: margin %v: %w", m.ID, margin, ErrInvalidInput)
	}
	target, ok := def.Target(m.Year)
	if !ok {
		return Assessment{}, fmt.Errorf("indicator: assess %s %d: %w", m.ID, m.Year, ErrNoTarget)
	}
	a := Assessment{Measure: m, Target: target, Direction: def.Direction, Attribute: def.Attribute}
	wrong := func(v float64) float64 { // positive when on the wrong side
		if def.Direction == Ceiling {
			return v - target
		}
		return target - v
	}
	a.Gap = wrong(m.Projected)
	final := m.Method == EnteredVal || (!def.Cumulative && m.Projection == "")
	switch {
	case m.Complete() || final:
		a.Status = Meets
		if wrong(m.Value) > 0 {
			a.Status = Misses
		}
	case def.Cumulative && def.Direction == Ceiling && wrong(m.Value) > 0:
		a.Status = Misses
	case def.Cumulative && def.Direction == Floor && wrong(m.Value) <= 0:
		a.Status = Meets
	case a.Gap > 0 || (def.Cumulative && a.Gap > -margin*math.Abs(target)):
		a.Status = AtRisk
	default:
		a.Status = Meets
	}
	return a, nil
}

// ProfileFrom builds a Seasonal projector from a year of monthly totals in r
// (typically last year's, for the same filter).
func ProfileFrom(r *Rollup, year int, f Filter) (Seasonal, error) {
	var s Seasonal
	var sum float64
	for i, t := range r.Months(year, f) {
		s.Profile[i] = t.VolumeM3()
		sum += s.Profile[i]
	}
	if sum == 0 {
		return Seasonal{}, fmt.Errorf("indicator: seasonal profile %d: no data: %w", year, ErrInvalidInput)
	}
	return s, nil
}
