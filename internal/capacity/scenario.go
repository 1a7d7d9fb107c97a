package capacity

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/forecast"
	"github.com/sishui/sishui/internal/scenario"
	"github.com/sishui/sishui/internal/supply"
)

// Cap split rules.
const (
	SplitBaseDemand = "base_demand"
	SplitYearDemand = "year_demand"
)

// Scenario says how forecast and supply results are joined into carrying
// capacity: which year against which guarantee rate, the caps and the bands.
type Scenario struct {
	Name            string             `yaml:"name" json:"name"`
	Year            int                `yaml:"year" json:"year"`
	GuaranteePct    int                `yaml:"guarantee_pct" json:"guarantee_pct"`
	CityUseCapM3    float64            `yaml:"city_use_cap_m3" json:"city_use_cap_m3"`
	CapSplit        string             `yaml:"cap_split" json:"cap_split"`
	UseCapM3        map[string]float64 `yaml:"use_cap_m3" json:"use_cap_m3"`
	GDPM3Per10kCNY  float64            `yaml:"gdp_m3_per_10k_cny" json:"gdp_m3_per_10k_cny"`
	DomesticSources []string           `yaml:"domestic_sources" json:"domestic_sources"`
	Bands           Config             `yaml:"bands" json:"bands"`
}

// LoadScenario reads a capacity scenario (YAML or JSON) over the defaults
// (DefaultConfig bands, cap split by base demand). Unknown fields are errors;
// validation errors are *sishui.Error values naming the field, joined.
func LoadScenario(r io.Reader) (*Scenario, error) {
	sc := &Scenario{Bands: DefaultConfig()}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("capacity: load scenario: %w", err)
	}
	if err := scenario.Decode(data, sc); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("capacity: load scenario: %w", err)
	}
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	return sc, nil
}

func (sc *Scenario) split() string {
	if sc.CapSplit == "" {
		return SplitBaseDemand
	}
	return sc.CapSplit
}

func finiteNonNeg(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0 }

// Validate checks the scenario on its own (FromResults checks it against the
// results).
func (sc *Scenario) Validate() error {
	var errs []error
	add := func(field, format string, args ...any) {
		e := sishui.Invalid(field, format, args...)
		e.Op = "capacity"
		errs = append(errs, e)
	}
	if sc.Year < 1949 || sc.Year > 2100 {
		add("year", "must be between 1949 and 2100, got %d", sc.Year)
	}
	if sc.GuaranteePct <= 0 || sc.GuaranteePct >= 100 {
		add("guarantee_pct", "must be in (0, 100), got %d", sc.GuaranteePct)
	}
	if !finiteNonNeg(sc.CityUseCapM3) {
		add("city_use_cap_m3", "must be a finite number ≥ 0, got %v", sc.CityUseCapM3)
	}
	if s := sc.split(); s != SplitBaseDemand && s != SplitYearDemand {
		add("cap_split", "must be base_demand or year_demand, got %q", sc.CapSplit)
	}
	var listed float64
	for _, r := range sortedRegions(sc.UseCapM3) {
		if v := sc.UseCapM3[r]; !finiteNonNeg(v) {
			add("use_cap_m3."+r, "must be a finite number ≥ 0, got %v", v)
		} else {
			listed += v
		}
	}
	if sc.CityUseCapM3 > 0 && listed > sc.CityUseCapM3 {
		add("use_cap_m3", "the listed caps sum to %.0f m³, above city_use_cap_m3 %.0f", listed, sc.CityUseCapM3)
	}
	if math.IsNaN(sc.GDPM3Per10kCNY) || math.IsInf(sc.GDPM3Per10kCNY, 0) || sc.GDPM3Per10kCNY <= 0 {
		add("gdp_m3_per_10k_cny", "must be positive, got %v", sc.GDPM3Per10kCNY)
	}
	known := []string{sishui.SourceYellowRiver, sishui.SourceYangtze, sishui.SourceSurface, sishui.SourceGroundShallow,
		sishui.SourceGroundDeep, sishui.SourceReclaimed, sishui.SourceStormwater, sishui.SourceUnconventional}
	for i, s := range sc.DomesticSources {
		if !slices.Contains(known, s) {
			add(fmt.Sprintf("domestic_sources[%d]", i), "unknown source %q", s)
		}
	}
	if err := sc.Bands.Validate(); err != nil {
		add("bands", "%v", err)
	}
	return errors.Join(errs...)
}

func sortedRegions(m map[string]float64) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// RegionResult is one region's grade and maxima with the inputs they came from.
type RegionResult struct {
	Region     string     `json:"region"`
	Load       Load       `json:"load"`
	Input      CarryInput `json:"input"`
	Assessment Assessment `json:"assessment"`
	Carry      Carry      `json:"carry"`
}

// Result is the carrying capacity of every region.
type Result struct {
	Scenario     string         `json:"scenario"`
	Forecast     string         `json:"forecast"`
	Supply       string         `json:"supply"`
	Year         int            `json:"year"`
	GuaranteePct int            `json:"guarantee_pct"`
	Edition      string         `json:"edition"`
	Regions      []RegionResult `json:"regions"`
	// Overall counts the regions per grade code.
	Overall map[string]int `json:"overall"`
}

// FromResults joins a forecast and a supply result into carrying capacity: for
// every forecast region, the demand of sc.Year is graded against its total-use
// cap (W/W₀), and the maxima are computed with the supply at sc.GuaranteePct as
// the available water and the forecast's drivers and efficiencies of sc.Year
// as the present state and targets:
//
//   - domestic quota = forecast domestic demand / population (the network loss
//     is already in the forecast's demand, so the loss rate is 0 here);
//   - industry intensity and irrigation efficiency = the forecast's paths;
//   - mean net irrigation quota = irrigation demand × η / irrigated area;
//   - other demand = livestock + ecology.
//
// So that, at the present quantities, the carry model's demand equals the
// forecast's. Errors name the scenario field at fault.
func FromResults(sc *Scenario, fr *forecast.Result, sr *supply.Result) (*Result, error) {
	if sc == nil || fr == nil || sr == nil {
		return nil, errors.New("capacity: from results: nil scenario or result")
	}
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	inv := func(field, format string, args ...any) error {
		e := sishui.Invalid(field, format, args...)
		e.Op = "capacity"
		return e
	}
	if !slices.Contains(fr.Years, sc.Year) {
		return nil, inv("year", "%d is not a forecast year %v", sc.Year, fr.Years)
	}
	if !slices.Contains(sr.GuaranteePcts, sc.GuaranteePct) {
		return nil, inv("guarantee_pct", "%d is not a guarantee rate of the supply result %v", sc.GuaranteePct, sr.GuaranteePcts)
	}
	if len(fr.Regions) == 0 {
		return nil, errors.New("capacity: from results: the forecast has no regions")
	}
	for _, r := range sortedRegions(sc.UseCapM3) {
		if !slices.Contains(fr.Regions, r) {
			return nil, inv("use_cap_m3."+r, "region %q is not in the forecast", r)
		}
	}
	caps, err := sc.regionCaps(fr)
	if err != nil {
		return nil, err
	}
	avail := sr.Annual(sc.GuaranteePct)
	res := &Result{Scenario: sc.Name, Forecast: fr.Scenario, Supply: sr.Scenario, Year: sc.Year, GuaranteePct: sc.GuaranteePct,
		Edition: sc.Bands.Edition, Overall: map[string]int{}}
	for _, r := range fr.Regions {
		bySource, ok := avail[r]
		if !ok {
			return nil, fmt.Errorf("capacity: from results: region %s of the forecast has no supply at %d%%", r, sc.GuaranteePct)
		}
		d, ok := fr.DriversOf(r, sc.Year)
		if !ok {
			return nil, fmt.Errorf("capacity: from results: region %s has no drivers in %d", r, sc.Year)
		}
		demand := func(s forecast.Sector) float64 { return fr.DemandM3(r, s, sc.Year) }
		in := CarryInput{Region: r, UseCapM3: caps[r]}
		for _, src := range sortedRegions(bySource) {
			in.AvailableM3 += bySource[src]
		}
		if len(sc.DomesticSources) > 0 {
			var dom float64
			for _, s := range sc.DomesticSources {
				dom += bySource[s]
			}
			in.DomesticSourceM3 = &dom
		}
		pop := d.UrbanPopulation + d.RuralPopulation
		in.Current = Current{Population: pop, IndustryVA10kCNY: d.IndustryVA10kCNY, GDP10kCNY: d.GDP10kCNY,
			IrrigatedAreaMu: d.IrrigatedAreaMu, OtherDemandM3: demand(forecast.SectorLivestock) + demand(forecast.SectorEcology)}
		in.Efficiency = Efficiency{IndustryM3Per10kCNY: d.IndustryM3Per10kCNY, GDPM3Per10kCNY: sc.GDPM3Per10kCNY,
			IrrigationEfficiency: d.IrrigationEfficiency}
		if pop > 0 {
			in.Efficiency.DomesticLPerCapitaDay = (demand(forecast.SectorUrbanDomestic) + demand(forecast.SectorRuralDomestic)) * 1000 / 365 / pop
		}
		if d.IrrigatedAreaMu > 0 {
			in.Efficiency.IrrigationNetM3PerMu = demand(forecast.SectorIrrigation) * d.IrrigationEfficiency / d.IrrigatedAreaMu
		}
		load := Load{Region: r, UseM3: fr.DemandM3(r, forecast.SectorTotal, sc.Year), UseCapM3: caps[r]}
		a, err := sc.Bands.Assess(load)
		if err != nil {
			return nil, fmt.Errorf("capacity: from results: %w", err)
		}
		c, err := CarryCapacity(in)
		if err != nil {
			return nil, fmt.Errorf("capacity: from results: %w", err)
		}
		res.Regions = append(res.Regions, RegionResult{Region: r, Load: load, Input: in, Assessment: a, Carry: c})
		res.Overall[a.Overall.Code()]++
	}
	return res, nil
}

// regionCaps returns W₀ per region: the listed caps, and the city cap less
// them split between the other regions by their share of forecast demand.
func (sc *Scenario) regionCaps(fr *forecast.Result) (map[string]float64, error) {
	caps := map[string]float64{}
	var listed float64
	for r, v := range sc.UseCapM3 {
		caps[r] = v
		listed += v
	}
	if sc.CityUseCapM3 == 0 {
		return caps, nil
	}
	year := fr.Years[0]
	if sc.split() == SplitYearDemand {
		year = sc.Year
	}
	var total float64
	for _, r := range fr.Regions {
		if _, ok := sc.UseCapM3[r]; !ok {
			total += fr.DemandM3(r, forecast.SectorTotal, year)
		}
	}
	rest := sc.CityUseCapM3 - listed
	if rest > 0 && total <= 0 {
		return nil, sishui.Invalid("cap_split", "the unlisted regions have no forecast demand in %d to split the city cap by", year)
	}
	for _, r := range fr.Regions {
		if _, ok := sc.UseCapM3[r]; !ok && total > 0 {
			caps[r] = rest * fr.DemandM3(r, forecast.SectorTotal, year) / total
		}
	}
	return caps, nil
}

// MarshalText writes the grade's code (not_overloaded, critical, overloaded,
// severely_overloaded).
func (g Grade) MarshalText() ([]byte, error) { return []byte(g.Code()), nil }

// UnmarshalText reads a grade code.
func (g *Grade) UnmarshalText(b []byte) error {
	for i, n := range gradeNames {
		if n[1] == string(b) {
			*g = Grade(i)
			return nil
		}
	}
	return fmt.Errorf("capacity: unknown grade %q", b)
}

// nullable is a ratio that is written as null when it is NaN (not graded).
type nullable float64

func (v nullable) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(v))
}

// MarshalJSON writes the assessment with snake_case names, grades as codes
// (and the overall grade's Chinese name) and ungraded ratios as null.
func (a Assessment) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Region           string   `json:"region"`
		UseRatio         nullable `json:"use_ratio"`
		GroundwaterRatio nullable `json:"groundwater_ratio"`
		QualityRatio     nullable `json:"quality_ratio"`
		Use              Grade    `json:"use"`
		Groundwater      Grade    `json:"groundwater"`
		Quantity         Grade    `json:"quantity"`
		Quality          Grade    `json:"quality"`
		Overall          Grade    `json:"overall"`
		OverallName      string   `json:"overall_name"`
		Reasons          []string `json:"reasons"`
		Edition          string   `json:"edition"`
	}{a.Region, nullable(a.UseRatio), nullable(a.GroundwaterRatio), nullable(a.QualityRatio), a.Use, a.Groundwater,
		a.Quantity, a.Quality, a.Overall, a.Overall.String(), a.Reasons, a.Edition})
}
