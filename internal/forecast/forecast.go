// Package forecast projects water demand (需水预测) by region × sector × year
// with the quota method (定额法) of Chinese planning practice, and checks it
// against least-squares trends of the observed use (合理性分析).
//
// Quota method, per region and year (MODELS.md §2.1):
//
//	urban domestic  = P·u · q_urban · days / 1000 / (1 − network loss)
//	rural domestic  = P·(1−u) · q_rural · days / 1000
//	industry        = VA · q_ind                      (VA in 万元, q in m³/万元)
//	irrigation      = Σ_crops A_c · m_c(p) / η        (A in 亩, m net m³/亩 at guarantee rate p)
//	livestock       = Σ_categories N · q_head · days / 1000
//	ecology         = green area · quota + river replenishment
//
// Every driver and quota is a Path over the years, so the annex targets of
// the plan (20.3 → 14.9 → 14.1 m³/万元, 0.6374 → 0.64 → 0.642) can be given
// as they are, with growth assumptions beyond their last year. The package
// does no I/O beyond reading a scenario from an io.Reader.
//
// # Scenario file format
//
// YAML, or JSON with the same keys (integer map keys may be quoted, as JSON
// has them). Every name ends in its unit; a path is a bare number or
// {values: {YEAR: v, …}, growth_per_year: fraction} (see Path). The Liaocheng
// demo is data/liaocheng/models/forecast.yaml.
//
//	name: text
//	base_year: 2023                        # 现状年
//	years: [2023, 2025, 2030, 2035]        # planning years reported
//	days_per_year: 365                     # 365 (default) or 366
//	irrigation_guarantee_pct: 75           # 50, 75 or 95: the crop quotas of the main forecast
//	quotas:
//	  urban_domestic_l_per_capita_day: path
//	  rural_domestic_l_per_capita_day: path
//	  urban_network_loss_rate: path        # fraction; urban domestic grossed up by 1/(1−loss)
//	  industry_m3_per_10k_cny: path        # 万元工业增加值用水量
//	  irrigation_efficiency: path          # η, 农田灌溉水有效利用系数
//	  crops: {NAME: {net_m3_per_mu_by_guarantee_pct: {50: m, 75: m, 95: m}}}
//	  livestock_l_per_head_day: {CATEGORY: l}
//	  urban_green_m3_per_mu: path
//	regions:
//	  - code: "371502"                     # GB/T 2260
//	    name: text
//	    population_10k: path               # resident population, 万人
//	    urbanisation_rate: path            # fraction
//	    industry_va_10k_cny: path
//	    gdp_10k_cny: path
//	    irrigated_area_mu: {CROP: path}
//	    livestock_head: {CATEGORY: path}
//	    urban_green_area_mu: path
//	    river_replenish_m3: path           # per year
//	    history_m3: {SECTOR or total: {YEAR: m3}}   # observed use, for the trend check
//	trend: {kind: linear, min_points: 3}   # linear or log_linear
//
// Validation errors are *sishui.Error values whose Field is the path above
// (e.g. "regions[2].population_10k").
package forecast

import (
	"fmt"
	"math"
	"slices"
)

// Sector is a demand sector of the forecast.
type Sector string

// Sectors. SectorTotal is the sum over the others.
const (
	SectorUrbanDomestic Sector = "urban_domestic" // 城镇生活 (综合)
	SectorRuralDomestic Sector = "rural_domestic" // 农村生活
	SectorIndustry      Sector = "industry"       // 工业
	SectorIrrigation    Sector = "irrigation"     // 农田灌溉
	SectorLivestock     Sector = "livestock"      // 牲畜
	SectorEcology       Sector = "ecology"        // 河道外生态 (绿地 + 河湖补水)
	SectorTotal         Sector = "total"
)

// Sectors returns the demand sectors in report order (without SectorTotal).
func Sectors() []Sector {
	return []Sector{SectorUrbanDomestic, SectorRuralDomestic, SectorIndustry, SectorIrrigation, SectorLivestock, SectorEcology}
}

func (s Sector) valid() bool { return slices.Contains(Sectors(), s) }

// Cell is the demand of one region, sector and year.
type Cell struct {
	Region   string  `json:"region"`
	Sector   Sector  `json:"sector"`
	Year     int     `json:"year"`
	DemandM3 float64 `json:"demand_m3"`
}

// Variant is the irrigation demand at a guarantee rate other than (or equal
// to) the design rate, for the same areas and efficiency.
type Variant struct {
	Region       string  `json:"region"`
	Year         int     `json:"year"`
	GuaranteePct int     `json:"guarantee_pct"`
	IrrigationM3 float64 `json:"irrigation_m3"`
}

// Drivers are the evaluated inputs of one region and year, kept so callers
// can compute intensities and the capacity model can start from them.
type Drivers struct {
	Region               string  `json:"region"`
	Year                 int     `json:"year"`
	UrbanPopulation      float64 `json:"urban_population"` // persons
	RuralPopulation      float64 `json:"rural_population"` // persons
	IndustryVA10kCNY     float64 `json:"industry_va_10k_cny"`
	GDP10kCNY            float64 `json:"gdp_10k_cny"`
	IrrigatedAreaMu      float64 `json:"irrigated_area_mu"`
	IndustryM3Per10kCNY  float64 `json:"industry_m3_per_10k_cny"`
	IrrigationEfficiency float64 `json:"irrigation_efficiency"`
}

// Comparison sets the quota forecast beside the trend of the history.
// RelDiff = (QuotaM3 − TrendM3) / TrendM3, NaN when the trend is not positive.
type Comparison struct {
	Region  string  `json:"region"`
	Sector  Sector  `json:"sector"`
	Year    int     `json:"year"`
	QuotaM3 float64 `json:"quota_m3"`
	TrendM3 float64 `json:"trend_m3"`
	RelDiff float64 `json:"rel_diff"`
	Fit     Line    `json:"fit"`
}

// Result is the output of Run. Cells are ordered by region (scenario order),
// sector (Sectors order) and year (ascending).
type Result struct {
	Scenario    string       `json:"scenario"`
	Years       []int        `json:"years"`
	Regions     []string     `json:"regions"`
	Cells       []Cell       `json:"cells"`
	Variants    []Variant    `json:"variants"`
	Drivers     []Drivers    `json:"drivers"`
	Comparisons []Comparison `json:"comparisons"`

	cell map[cellKey]float64
	drv  map[drvKey]int
}

type cellKey struct {
	region string
	sector Sector
	year   int
}

type drvKey struct {
	region string
	year   int
}

// DemandM3 returns the demand of a region ("" = all regions) and sector
// (SectorTotal = all sectors) in a year; 0 for unknown keys.
func (r *Result) DemandM3(region string, sector Sector, year int) float64 {
	if region != "" {
		if sector != SectorTotal {
			return r.cell[cellKey{region, sector, year}]
		}
		var sum float64
		for _, s := range Sectors() {
			sum += r.cell[cellKey{region, s, year}]
		}
		return sum
	}
	var sum float64
	for _, c := range r.Cells {
		if c.Year == year && (region == "" || c.Region == region) && (sector == SectorTotal || c.Sector == sector) {
			sum += c.DemandM3
		}
	}
	return sum
}

// DriversOf returns the evaluated drivers of a region in a year.
func (r *Result) DriversOf(region string, year int) (Drivers, bool) {
	i, ok := r.drv[drvKey{region, year}]
	if !ok {
		return Drivers{}, false
	}
	return r.Drivers[i], true
}

// IndustryIntensity returns industry demand per 万元 industrial value added
// (m³/万元) of a region ("" = city) in a year; NaN when value added is 0.
func (r *Result) IndustryIntensity(region string, year int) float64 {
	return r.intensity(region, year, SectorIndustry, func(d Drivers) float64 { return d.IndustryVA10kCNY })
}

// GDPIntensity returns total demand per 万元 GDP (m³/万元) of a region
// ("" = city) in a year, the quantity of annex indicator 2; NaN when GDP is 0.
func (r *Result) GDPIntensity(region string, year int) float64 {
	return r.intensity(region, year, SectorTotal, func(d Drivers) float64 { return d.GDP10kCNY })
}

func (r *Result) intensity(region string, year int, s Sector, denom func(Drivers) float64) float64 {
	var d float64
	for _, dr := range r.Drivers {
		if dr.Year == year && (region == "" || dr.Region == region) {
			d += denom(dr)
		}
	}
	if d == 0 {
		return math.NaN()
	}
	return r.DemandM3(region, s, year) / d
}

// Run validates the scenario and computes the forecast, its guarantee-rate
// variants and the trend comparison.
func Run(s *Scenario) (*Result, error) {
	if s == nil {
		return nil, fmt.Errorf("forecast: run: nil scenario")
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	days := float64(s.DaysPerYear)
	if days == 0 {
		days = 365
	}
	years := slices.Clone(s.Years)
	slices.Sort(years)
	res := &Result{
		Scenario: s.Name,
		Years:    years,
		cell:     map[cellKey]float64{},
		drv:      map[drvKey]int{},
	}
	q := &s.Quotas
	crops := sortedKeys(q.Crops)
	var pcts []int
	for _, c := range crops {
		for p := range q.Crops[c].NetM3PerMuByGuaranteePct {
			if !slices.Contains(pcts, p) {
				pcts = append(pcts, p)
			}
		}
	}
	slices.Sort(pcts)

	for ri := range s.Regions {
		reg := &s.Regions[ri]
		res.Regions = append(res.Regions, reg.Code)
		byYear := make(map[Sector][]float64, len(Sectors()))
		for _, y := range years {
			pop := reg.Population10k.At(y) * 1e4
			u := reg.UrbanisationRate.At(y)
			if u < 0 || u > 1 {
				return nil, fmt.Errorf("forecast: run: region %s: urbanisation rate %v in %d outside [0, 1]", reg.Code, u, y)
			}
			loss := q.UrbanNetworkLossRate.At(y)
			if loss < 0 || loss >= 1 {
				return nil, fmt.Errorf("forecast: run: urban network loss rate %v in %d outside [0, 1)", loss, y)
			}
			eta := q.IrrigationEfficiency.At(y)
			if eta <= 0 || eta > 1 {
				return nil, fmt.Errorf("forecast: run: irrigation efficiency %v in %d outside (0, 1]", eta, y)
			}
			d := Drivers{
				Region:               reg.Code,
				Year:                 y,
				UrbanPopulation:      pop * u,
				RuralPopulation:      pop * (1 - u),
				IndustryVA10kCNY:     reg.IndustryVA10kCNY.At(y),
				GDP10kCNY:            reg.GDP10kCNY.At(y),
				IndustryM3Per10kCNY:  q.IndustryM3Per10kCNY.At(y),
				IrrigationEfficiency: eta,
			}
			// Irrigation at every guarantee rate a crop has quotas for.
			irr := make(map[int]float64, len(pcts))
			for _, c := range sortedKeys(reg.IrrigatedAreaMu) {
				a := reg.IrrigatedAreaMu[c].At(y)
				d.IrrigatedAreaMu += a
				for p, m := range q.Crops[c].NetM3PerMuByGuaranteePct {
					irr[p] += a * m / eta
				}
			}
			var stock float64
			for _, cat := range sortedKeys(reg.LivestockHead) {
				stock += reg.LivestockHead[cat].At(y) * q.LivestockLPerHeadDay[cat] * days / 1000
			}
			v := map[Sector]float64{
				SectorUrbanDomestic: d.UrbanPopulation * q.UrbanDomesticLPerCapitaDay.At(y) * days / 1000 / (1 - loss),
				SectorRuralDomestic: d.RuralPopulation * q.RuralDomesticLPerCapitaDay.At(y) * days / 1000,
				SectorIndustry:      d.IndustryVA10kCNY * d.IndustryM3Per10kCNY,
				SectorIrrigation:    irr[s.IrrigationGuaranteePct],
				SectorLivestock:     stock,
				SectorEcology:       reg.UrbanGreenAreaMu.At(y)*q.UrbanGreenM3PerMu.At(y) + reg.RiverReplenishM3.At(y),
			}
			for sec, x := range v {
				if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
					return nil, fmt.Errorf("forecast: run: region %s %s %d: demand %v is not a finite non-negative number", reg.Code, sec, y, x)
				}
				byYear[sec] = append(byYear[sec], x)
			}
			for _, p := range pcts {
				res.Variants = append(res.Variants, Variant{Region: reg.Code, Year: y, GuaranteePct: p, IrrigationM3: irr[p]})
			}
			res.drv[drvKey{reg.Code, y}] = len(res.Drivers)
			res.Drivers = append(res.Drivers, d)
		}
		for _, sec := range Sectors() {
			for yi, y := range years {
				x := byYear[sec][yi]
				res.Cells = append(res.Cells, Cell{Region: reg.Code, Sector: sec, Year: y, DemandM3: x})
				res.cell[cellKey{reg.Code, sec, y}] = x
			}
		}
		cmp, err := compare(s, reg, years, res)
		if err != nil {
			return nil, err
		}
		res.Comparisons = append(res.Comparisons, cmp...)
	}
	return res, nil
}

// compare fits the region's history per sector and sets the projection
// beside the quota forecast for every planning year.
func compare(s *Scenario, reg *Region, years []int, res *Result) ([]Comparison, error) {
	minPts := s.Trend.MinPoints
	if minPts == 0 {
		minPts = 3
	}
	var out []Comparison
	for _, sec := range append(Sectors(), SectorTotal) {
		h, ok := reg.HistoryM3BySector[sec]
		if !ok || len(h) < minPts {
			continue
		}
		ys := sortedKeys(h)
		vs := make([]float64, len(ys))
		for i, y := range ys {
			vs[i] = h[y]
		}
		fit, err := FitTrend(s.Trend.Kind, ys, vs)
		if err != nil {
			return nil, fmt.Errorf("forecast: run: region %s history %s: %w", reg.Code, sec, err)
		}
		for _, y := range years {
			qm := res.DemandM3(reg.Code, sec, y)
			tm := fit.At(float64(y))
			rd := math.NaN()
			if tm > 0 {
				rd = (qm - tm) / tm
			}
			out = append(out, Comparison{Region: reg.Code, Sector: sec, Year: y, QuotaM3: qm, TrendM3: tm, RelDiff: rd, Fit: fit})
		}
	}
	return out, nil
}
