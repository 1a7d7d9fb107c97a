// Package supply computes available water (可供水量) by source × region ×
// month at guarantee rates (保证率, 50 / 75 / 95 % by default) for one
// planning level year.
//
//   - Transferred water (引黄, 引江): annual quota × the share delivered in a
//     year of that guarantee rate × a monthly pattern.
//   - Local surface water: frequency analysis of a runoff series (empirical
//     Weibull plotting positions, or a Pearson III fit by moments) gives the
//     design annual runoff at the guarantee rate; the typical year nearest it
//     lends its monthly distribution (同倍比 scaling); the region takes its
//     share and the usable fraction (可利用率).
//   - Groundwater: per zone, allowable extraction (可开采量) limited by the
//     zone cap (管控指标), nothing in a prohibited zone (禁采区); the same at
//     every guarantee rate, since allowable extraction is a long-term mean.
//   - Reclaimed water: treated sewage × reusable share.
//   - Stormwater: design precipitation × catchment × runoff coefficient ×
//     capture share.
//
// Each source loses its conveyance loss rate on the way: Net = Gross × (1 −
// loss). The package does no I/O beyond reading a scenario from an io.Reader.
//
// # Scenario file format
//
// YAML, or JSON with the same keys (integer map keys may be quoted, as JSON
// has them). Volumes are m³ per year unless the name says otherwise; a
// pattern is 12 monthly fractions summing to 1 (January first). The Liaocheng
// demo is data/liaocheng/models/supply.yaml.
//
//	name: text
//	year: 2030                          # planning level year
//	guarantee_pcts: [50, 75, 95]        # default
//	patterns: {NAME: pattern}           # YAML anchors for reuse; not read otherwise
//	series:
//	  NAME:
//	    annual_m3_by_year: {YEAR: m3}   # runoff, or
//	    annual_mm_by_year: {YEAR: mm}   # precipitation (exactly one of the two)
//	    monthly_pattern: pattern
//	    monthly_share_by_year: {YEAR: pattern}   # observed years, for the typical year
//	    method: empirical               # or pearson3
//	    cs_over_cv: 2                   # pearson3: fixed Cs/Cv; 0 = sample skewness
//	regions:
//	  - code: "371502"
//	    name: text
//	    yellow_river: {annual_quota_m3: v, factor_by_guarantee_pct: {95: 0.7}, monthly_pattern: pattern, conveyance_loss_rate: 0.15}
//	    yangtze: {…the same fields…}
//	    local_surface: {series: NAME, share: 0.2, usable_fraction: 0.4, conveyance_loss_rate: 0.1}
//	    groundwater_zones:
//	      - {name: text, layer: shallow, allowable_m3: v, cap_m3: v, status: normal, monthly_pattern: pattern, conveyance_loss_rate: 0}
//	    reclaimed: {treated_sewage_m3: v, reusable_share: 0.58, monthly_pattern: pattern, conveyance_loss_rate: 0.05}
//	    stormwater: {series: NAME, catchment_km2: v, runoff_coefficient: 0.3, capture_share: 0.1, conveyance_loss_rate: 0}
//
// Zone status is normal, limited (cap_m3 required) or prohibited. Validation
// errors are *sishui.Error values whose Field is the path above (e.g.
// "regions[0].yellow_river.monthly_pattern").
package supply

import (
	"fmt"
	"math"

	"github.com/sishui/sishui"
)

// Cell is the water one source offers one region in one month at one
// guarantee rate, at the source (gross) and delivered (net).
type Cell struct {
	Region       string  `json:"region"`
	Source       string  `json:"source"` // sishui.Source* code
	GuaranteePct int     `json:"guarantee_pct"`
	Month        int     `json:"month"` // 1–12
	GrossM3      float64 `json:"gross_m3"`
	NetM3        float64 `json:"net_m3"`
}

// Design is the frequency analysis of a series at one guarantee rate.
type Design struct {
	Series       string      `json:"series"`
	GuaranteePct int         `json:"guarantee_pct"`
	Method       Method      `json:"method"`
	AnnualValue  float64     `json:"annual_value"` // design annual value, in the series' unit (m³ or mm)
	TypicalYear  int         `json:"typical_year"`
	Monthly      [12]float64 `json:"monthly"` // distribution used (fractions)
	Fit          PearsonIII  `json:"fit"`     // zero unless Method is pearson3
}

// Result is the output of Run, with cells ordered by region (scenario order),
// source, guarantee rate and month.
type Result struct {
	Scenario      string   `json:"scenario"`
	Year          int      `json:"year"`
	GuaranteePcts []int    `json:"guarantee_pcts"`
	Regions       []string `json:"regions"`
	Cells         []Cell   `json:"cells"`
	Designs       []Design `json:"designs"`
}

// NetM3 sums delivered water over the cells that match: region "" and source
// "" match all, month 0 means the whole year.
func (r *Result) NetM3(region, source string, guaranteePct, month int) float64 {
	var sum float64
	for _, c := range r.Cells {
		if c.GuaranteePct == guaranteePct && (region == "" || c.Region == region) &&
			(source == "" || c.Source == source) && (month == 0 || c.Month == month) {
			sum += c.NetM3
		}
	}
	return sum
}

// Annual returns delivered water per region and source over the year at a
// guarantee rate: map[region]map[source]m³.
func (r *Result) Annual(guaranteePct int) map[string]map[string]float64 {
	out := make(map[string]map[string]float64, len(r.Regions))
	for _, c := range r.Cells {
		if c.GuaranteePct != guaranteePct {
			continue
		}
		m := out[c.Region]
		if m == nil {
			m = map[string]float64{}
			out[c.Region] = m
		}
		m[c.Source] += c.NetM3
	}
	return out
}

// normalised returns a 12-month pattern scaled to sum to 1, uniform if empty.
func normalised(p []float64) [12]float64 {
	var out [12]float64
	if len(p) == 0 {
		for i := range out {
			out[i] = 1.0 / 12
		}
		return out
	}
	var sum float64
	for _, v := range p {
		sum += v
	}
	for i := range out {
		out[i] = p[i] / sum
	}
	return out
}

// Design analyses a series at a guarantee rate.
func (sr *Series) Design(name string, guaranteePct int) (Design, error) {
	vals := sr.annual()
	years := sortedKeys(vals)
	xs := make([]float64, len(years))
	for i, y := range years {
		xs[i] = vals[y]
	}
	pts, err := Empirical(years, xs)
	if err != nil {
		return Design{}, fmt.Errorf("supply: series %s: %w", name, err)
	}
	d := Design{Series: name, GuaranteePct: guaranteePct, Method: sr.Method}
	if d.Method == "" {
		d.Method = MethodEmpirical
	}
	switch d.Method {
	case MethodPearson3:
		d.Fit, err = FitPearsonIII(xs, sr.CsOverCv)
		if err == nil {
			d.AnnualValue, err = d.Fit.Quantile(float64(guaranteePct))
		}
		d.AnnualValue = math.Max(d.AnnualValue, 0) // the curve can cross zero for large Cv
	default:
		d.AnnualValue, err = EmpiricalQuantile(pts, float64(guaranteePct))
	}
	if err != nil {
		return Design{}, fmt.Errorf("supply: series %s at %d%%: %w", name, guaranteePct, err)
	}
	d.TypicalYear = TypicalYear(pts, d.AnnualValue)
	if m, ok := sr.MonthlyShareByYear[d.TypicalYear]; ok {
		d.Monthly = normalised(m)
	} else {
		d.Monthly = normalised(sr.MonthlyPattern)
	}
	return d, nil
}

// Run validates the scenario and computes available water.
func Run(s *Scenario) (*Result, error) {
	if s == nil {
		return nil, fmt.Errorf("supply: run: nil scenario")
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	pcts := s.pcts()
	res := &Result{Scenario: s.Name, Year: s.Year, GuaranteePcts: pcts,
		Cells: make([]Cell, 0, len(s.Regions)*7*len(pcts)*12)} // at most 7 sources a region
	designs := map[string]map[int]Design{}
	for _, name := range sortedKeys(s.Series) {
		sr := s.Series[name]
		designs[name] = map[int]Design{}
		for _, p := range pcts {
			d, err := sr.Design(name, p)
			if err != nil {
				return nil, err
			}
			designs[name][p] = d
			res.Designs = append(res.Designs, d)
		}
	}
	for ri := range s.Regions {
		r := &s.Regions[ri]
		res.Regions = append(res.Regions, r.Code)
		emit := func(source string, pct int, annual float64, monthly [12]float64, loss float64) {
			for m := range 12 {
				g := annual * monthly[m]
				res.Cells = append(res.Cells, Cell{Region: r.Code, Source: source, GuaranteePct: pct, Month: m + 1, GrossM3: g, NetM3: g * (1 - loss)})
			}
		}
		transfer := func(source string, t *Transfer) {
			if t == nil {
				return
			}
			for _, p := range pcts {
				f, ok := t.FactorByGuaranteePct[p]
				if !ok {
					f = 1
				}
				emit(source, p, t.AnnualQuotaM3*f, normalised(t.MonthlyPattern), t.ConveyanceLossRate)
			}
		}
		transfer(sishui.SourceYellowRiver, r.YellowRiver)
		transfer(sishui.SourceYangtze, r.Yangtze)
		if ls := r.LocalSurface; ls != nil {
			for _, p := range pcts {
				d := designs[ls.Series][p]
				emit(sishui.SourceSurface, p, d.AnnualValue*ls.Share*ls.UsableFraction, d.Monthly, ls.ConveyanceLossRate)
			}
		}
		for _, layer := range []string{"shallow", "deep"} {
			var gross, net [12]float64
			found := false
			for _, z := range r.GroundwaterZones {
				if z.Layer != layer {
					continue
				}
				found = true
				a := z.Available()
				pat := normalised(z.MonthlyPattern)
				for m := range 12 {
					gross[m] += a * pat[m]
					net[m] += a * pat[m] * (1 - z.ConveyanceLossRate)
				}
			}
			if !found {
				continue
			}
			src := sishui.SourceGroundShallow
			if layer == "deep" {
				src = sishui.SourceGroundDeep
			}
			for _, p := range pcts {
				for m := range 12 {
					res.Cells = append(res.Cells, Cell{Region: r.Code, Source: src, GuaranteePct: p, Month: m + 1, GrossM3: gross[m], NetM3: net[m]})
				}
			}
		}
		if rc := r.Reclaimed; rc != nil {
			for _, p := range pcts {
				emit(sishui.SourceReclaimed, p, rc.TreatedSewageM3*rc.ReusableShare, normalised(rc.MonthlyPattern), rc.ConveyanceLossRate)
			}
		}
		if sw := r.Stormwater; sw != nil {
			for _, p := range pcts {
				d := designs[sw.Series][p]
				// mm × km² = 1000 m³
				emit(sishui.SourceStormwater, p, d.AnnualValue*sw.CatchmentKm2*1000*sw.RunoffCoefficient*sw.CaptureShare, d.Monthly, sw.ConveyanceLossRate)
			}
		}
	}
	return res, nil
}

// Available returns the zone's annual available extraction at the source:
// 0 in a prohibited zone, otherwise the allowable extraction limited by the
// cap when there is one.
func (z GroundwaterZone) Available() float64 {
	if z.Status == ZoneProhibited {
		return 0
	}
	if z.CapM3 != nil {
		return math.Min(z.AllowableM3, *z.CapM3)
	}
	return z.AllowableM3
}
