package workspace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/allocate"
	"github.com/sishui/sishui/internal/capacity"
	"github.com/sishui/sishui/internal/forecast"
	"github.com/sishui/sishui/internal/supply"
)

// Model is the base of every scenario: the four model scenarios as files
// (decoded afresh for each run, so runs never share state) and the names the
// allocation gives the counties.
type Model struct {
	forecastSrc, supplySrc, allocateSrc, capacitySrc []byte
	// AllocRegions maps the allocation's region names to GB/T 2260 codes.
	AllocRegions map[string]string
	// BasePct is the guarantee rate the allocation's available water was
	// sized at (its monthly volumes are scaled by supply(pct)/supply(BasePct)).
	BasePct int

	base       *forecast.Scenario // decoded once, for validation and names
	allocYear  int
	countyName map[string]string
}

// LiaochengRegions names the counties in the embedded Liaocheng allocation.
var LiaochengRegions = map[string]string{
	"dongchangfu": "371502", "shenxian": "371522", "linqing": "371581", "guanxian": "371525",
	"yanggu": "371521", "chiping": "371503", "gaotang": "371526", "donge": "371524",
}

// LoadModel reads forecast.yaml, supply.yaml, allocate.yaml and capacity.yaml
// from fsys and checks that they join.
func LoadModel(fsys fs.FS, allocRegions map[string]string) (*Model, error) {
	m := &Model{AllocRegions: allocRegions}
	for _, f := range []struct {
		name string
		dst  *[]byte
	}{{"forecast.yaml", &m.forecastSrc}, {"supply.yaml", &m.supplySrc}, {"allocate.yaml", &m.allocateSrc}, {"capacity.yaml", &m.capacitySrc}} {
		b, err := fs.ReadFile(fsys, f.name)
		if err != nil {
			return nil, fmt.Errorf("workspace: %w", err)
		}
		*f.dst = b
	}
	s, err := m.scenarios()
	if err != nil {
		return nil, err
	}
	m.base, m.BasePct = s.f, s.c.GuaranteePct
	t, err := time.Parse("2006-01", s.a.Start)
	if err != nil {
		return nil, fmt.Errorf("workspace: allocation start %q: %w", s.a.Start, err)
	}
	m.allocYear = t.Year()
	m.countyName = map[string]string{}
	for _, r := range s.f.Regions {
		m.countyName[r.Code] = r.Name
	}
	for _, r := range s.a.Regions {
		code, ok := allocRegions[r.Name]
		if !ok || m.countyName[code] == "" {
			return nil, fmt.Errorf("workspace: allocation region %q has no county in the forecast", r.Name)
		}
	}
	return m, nil
}

func (m *Model) baseYear() int { return m.base.BaseYear }

func (m *Model) hasCounty(code string) bool { _, ok := m.countyName[code]; return ok }

// Counties returns the counties' codes and names in the forecast's order.
func (m *Model) Counties() []County {
	out := make([]County, 0, len(m.base.Regions))
	for _, r := range m.base.Regions {
		out = append(out, County{Region: r.Code, Name: r.Name})
	}
	return out
}

// scenarioSet is one run's freshly decoded scenarios.
type scenarioSet struct {
	f *forecast.Scenario
	s *supply.Scenario
	a *allocate.Scenario
	c *capacity.Scenario
}

func (m *Model) scenarios() (*scenarioSet, error) {
	var s scenarioSet
	var err error
	if s.f, err = forecast.LoadScenario(bytes.NewReader(m.forecastSrc)); err != nil {
		return nil, fmt.Errorf("workspace: forecast: %w", err)
	}
	if s.s, err = supply.LoadScenario(bytes.NewReader(m.supplySrc)); err != nil {
		return nil, fmt.Errorf("workspace: supply: %w", err)
	}
	if s.a, err = allocate.LoadScenario(bytes.NewReader(m.allocateSrc)); err != nil {
		return nil, fmt.Errorf("workspace: allocate: %w", err)
	}
	if s.c, err = capacity.LoadScenario(bytes.NewReader(m.capacitySrc)); err != nil {
		return nil, fmt.Errorf("workspace: capacity: %w", err)
	}
	return &s, nil
}

// Baseline is the city's current data from the store.
type Baseline struct {
	Year     int                       `json:"year"`
	Counties map[string]BaselineCounty `json:"counties"`
}

// BaselineCounty is one county's caps and metered use this year.
type BaselineCounty struct {
	UseCapM3         float64 `json:"use_cap_m3"`         // 用水总量控制指标 of the year (0 = none stored)
	GroundwaterCapM3 float64 `json:"groundwater_cap_m3"` // groundwater cap of the year
	MeteredM3        float64 `json:"metered_m3"`         // use so far this year
	ProjectedM3      float64 `json:"projected_m3"`       // projected to the year end
	RightsM3         float64 `json:"rights_m3"`          // water rights held (确权), when known
}

// AllocSectors are the allocation's sectors in report order, and the
// forecast sectors each one stands for.
var AllocSectors = []string{allocate.SectorDomestic, allocate.SectorIndustry, allocate.SectorAgriculture, allocate.SectorEcoBasic}

var sectorMap = map[string][]forecast.Sector{
	allocate.SectorDomestic:    {forecast.SectorUrbanDomestic, forecast.SectorRuralDomestic},
	allocate.SectorIndustry:    {forecast.SectorIndustry},
	allocate.SectorAgriculture: {forecast.SectorIrrigation, forecast.SectorLivestock},
	allocate.SectorEcoBasic:    {forecast.SectorEcology},
	allocate.SectorEcoOther:    {forecast.SectorEcology},
}

// County is one county of a result.
type County struct {
	Region string `json:"region"`
	Name   string `json:"name"`
	// Annual volumes by allocation sector (domestic, industry, agriculture, eco_basic).
	DemandM3    map[string]float64 `json:"demand_m3,omitempty"`
	DeliveredM3 map[string]float64 `json:"delivered_m3,omitempty"`
	ShortageM3  map[string]float64 `json:"shortage_m3,omitempty"`
	// ShortageTotalM3 is the sum of the sectors' shortages.
	ShortageTotalM3 float64 `json:"shortage_total_m3"`
	// SourceMixM3 is the water delivered to the county by source kind.
	SourceMixM3 map[string]float64 `json:"source_mix_m3,omitempty"`
	// ForecastDemandM3 is the forecast's total demand in the year; NewIndustryM3 the part of it from new industry.
	ForecastDemandM3 float64 `json:"forecast_demand_m3"`
	NewIndustryM3    float64 `json:"new_industry_m3"`
	// SupplyM3 is the supply model's available water at the guarantee rate.
	SupplyM3         float64        `json:"supply_m3"`
	UseCapM3         float64        `json:"use_cap_m3"`
	GroundwaterCapM3 float64        `json:"groundwater_cap_m3"`
	MeteredM3        float64        `json:"metered_m3"`
	ProjectedM3      float64        `json:"projected_m3"`
	RightsM3         float64        `json:"rights_m3"` // the county's regional water-use right this year
	Grade            string         `json:"grade,omitempty"`
	GradeName        string         `json:"grade_name,omitempty"`
	UseRatio         float64        `json:"use_ratio"`
	Reasons          []string       `json:"reasons"`
	Carry            capacity.Carry `json:"carry"`
	// BindingMonths lists the allocation's binding limits in months when the
	// county is short, e.g. "2025-04: source yellow_river exhausted".
	BindingMonths []string `json:"binding_months,omitempty"`
}

// Result is one run of the chain.
type Result struct {
	Year         int      `json:"year"`
	GuaranteePct int      `json:"guarantee_pct"`
	AllocYear    int      `json:"alloc_year"`
	Counties     []County `json:"counties"`
	// City totals.
	DemandM3           float64            `json:"demand_m3"`
	DeliveredM3        float64            `json:"delivered_m3"`
	ShortageM3         float64            `json:"shortage_m3"`
	SourceMixM3        map[string]float64 `json:"source_mix_m3"`
	ShortageBySectorM3 map[string]float64 `json:"shortage_by_sector_m3"`
	Grades             map[string]int     `json:"grades"`
	Edition            string             `json:"edition"`
	LPSolves           int                `json:"lp_solves"`
	ElapsedMS          float64            `json:"elapsed_ms"`
	// Steps are the models' own results, for checking by hand (not stored).
	Steps *Steps `json:"-"`
}

// Steps are the four models' results of a run.
type Steps struct {
	Forecast   *forecast.Result
	Supply     *supply.Result
	Allocation *allocate.Result
	Capacity   *capacity.Result
	// Scenarios the models ran on (after the changes).
	ForecastScenario *forecast.Scenario
	SupplyScenario   *supply.Scenario
	AllocScenario    *allocate.Scenario
	CapacityScenario *capacity.Scenario
}

// Prepared are the scenarios of the chain with the changes applied.
type Prepared struct {
	set          *scenarioSet
	year, pct    int
	newIndustry  map[string]float64
	reclaimed    map[string]float64
	baseline     *Baseline
	capsByCounty map[string]capPair
}

// Prepare applies changes to the base and the baseline: the forecast, the
// supply and the capacity scenarios (the allocation is sized from their
// results in Run).
func (m *Model) Prepare(ch *Changes, bl *Baseline) (*Prepared, error) {
	if ch == nil {
		ch = &Changes{}
	}
	if bl == nil {
		bl = &Baseline{}
	}
	if err := ch.Validate(m); err != nil {
		return nil, err
	}
	set, err := m.scenarios()
	if err != nil {
		return nil, err
	}
	p := &Prepared{set: set, year: ch.Year, pct: ch.GuaranteePct, newIndustry: map[string]float64{}, reclaimed: map[string]float64{}, baseline: bl}
	if p.year == 0 {
		p.year = bl.Year
	}
	if p.year == 0 {
		p.year = set.c.Year
	}
	if p.year < set.f.BaseYear {
		p.year = set.f.BaseYear
	}
	if p.pct == 0 {
		p.pct = m.BasePct
	}
	fs, ss, cs := set.f, set.s, set.c
	// Forecast: the years to evaluate, the design year's quotas, drivers.
	for _, y := range []int{p.year, m.allocYear} {
		if !slices.Contains(fs.Years, y) {
			fs.Years = append(fs.Years, y)
		}
	}
	sort.Ints(fs.Years)
	fs.IrrigationGuaranteePct = p.pct
	if e := ch.IrrigationEfficiency; e != nil {
		fs.Quotas.IrrigationEfficiency = setAt(fs.Quotas.IrrigationEfficiency, p.year, *e)
	}
	for i := range fs.Regions {
		r := &fs.Regions[i]
		cc, ok := ch.Counties[r.Code]
		if !ok {
			continue
		}
		if g := cc.PopulationGrowthPct; g != nil {
			r.Population10k = growth(r.Population10k, fs.BaseYear, *g)
		}
		if g := cc.GDPGrowthPct; g != nil {
			r.GDP10kCNY = growth(r.GDP10kCNY, fs.BaseYear, *g)
		}
		if g := cc.IndustryGrowthPct; g != nil {
			r.IndustryVA10kCNY = growth(r.IndustryVA10kCNY, fs.BaseYear, *g)
		}
		if pct := cc.IrrigatedAreaPct; pct != 0 {
			for crop, path := range r.IrrigatedAreaMu {
				r.IrrigatedAreaMu[crop] = scale(path, 1+pct/100)
			}
		}
	}
	// New industry enters the county's industry in the assessed year as the
	// value added that, at the county's intensity, needs the plant's water.
	intensity := fs.Quotas.IndustryM3Per10kCNY.At(p.year)
	for _, n := range ch.NewIndustries {
		p.newIndustry[n.County] += n.DemandM3()
	}
	for i := range fs.Regions {
		r := &fs.Regions[i]
		if d := p.newIndustry[r.Code]; d > 0 && intensity > 0 {
			r.IndustryVA10kCNY = addAt(r.IndustryVA10kCNY, p.year, d/intensity)
		}
	}
	// Supply: the guarantee rate, transfer quotas, reclaimed water.
	if !slices.Contains(ss.GuaranteePcts, p.pct) && len(ss.GuaranteePcts) > 0 {
		ss.GuaranteePcts = append(ss.GuaranteePcts, p.pct)
		sort.Ints(ss.GuaranteePcts)
	}
	if !slices.Contains(ss.GuaranteePcts, m.BasePct) && len(ss.GuaranteePcts) > 0 {
		ss.GuaranteePcts = append(ss.GuaranteePcts, m.BasePct)
		sort.Ints(ss.GuaranteePcts)
	}
	scaleQuota(ss, ch.YellowRiverQuotaM3, func(r *supply.Region) *supply.Transfer { return r.YellowRiver })
	scaleQuota(ss, ch.YangtzeQuotaM3, func(r *supply.Region) *supply.Transfer { return r.Yangtze })
	for i := range ss.Regions {
		r := &ss.Regions[i]
		add := ch.Counties[r.Code].ReclaimedM3
		if add <= 0 {
			continue
		}
		p.reclaimed[r.Code] = add
		if r.Reclaimed == nil {
			r.Reclaimed = &supply.Reclaimed{ReusableShare: 1}
		}
		if r.Reclaimed.ReusableShare <= 0 {
			r.Reclaimed.ReusableShare = 1
		}
		r.Reclaimed.TreatedSewageM3 += add / r.Reclaimed.ReusableShare
	}
	// Capacity: the year, the guarantee rate, the caps (store, then changes).
	cs.Year, cs.GuaranteePct = p.year, p.pct
	caps := p.caps(ch, fs)
	if len(caps) > 0 {
		cs.UseCapM3 = map[string]float64{}
		var listed float64
		for code, c := range caps {
			cs.UseCapM3[code] = c.total
			listed += c.total
		}
		if len(caps) == len(fs.Regions) || listed > cs.CityUseCapM3 {
			cs.CityUseCapM3 = 0
		}
	}
	p.capsByCounty = caps
	return p, nil
}

type capPair struct{ total, ground float64 }

func (p *Prepared) caps(ch *Changes, fs *forecast.Scenario) map[string]capPair {
	out := map[string]capPair{}
	for _, r := range fs.Regions {
		c, ok := capPair{}, false
		if b, has := p.baseline.Counties[r.Code]; has && b.UseCapM3 > 0 {
			c, ok = capPair{b.UseCapM3, b.GroundwaterCapM3}, true
		}
		cc := ch.Counties[r.Code]
		if cc.UseCapM3 != nil {
			c.total, ok = *cc.UseCapM3, true
		}
		if cc.GroundwaterCapM3 != nil {
			c.ground, ok = *cc.GroundwaterCapM3, true
		}
		if ok {
			out[r.Code] = c
		}
	}
	return out
}

func scaleQuota(ss *supply.Scenario, total *float64, get func(*supply.Region) *supply.Transfer) {
	if total == nil {
		return
	}
	var sum float64
	var n int
	for i := range ss.Regions {
		if t := get(&ss.Regions[i]); t != nil {
			sum += t.AnnualQuotaM3
			n++
		}
	}
	for i := range ss.Regions {
		t := get(&ss.Regions[i])
		switch {
		case t == nil:
		case sum > 0:
			t.AnnualQuotaM3 *= *total / sum
		default:
			t.AnnualQuotaM3 = *total / float64(n)
		}
	}
}

// growth returns a path from the base year's value growing at pct a year.
func growth(p forecast.Path, baseYear int, pct float64) forecast.Path {
	return forecast.Path{Values: map[int]float64{baseYear: p.At(baseYear)}, GrowthPerYear: pct / 100}
}

func scale(p forecast.Path, k float64) forecast.Path {
	q := forecast.Path{Values: make(map[int]float64, len(p.Values)), GrowthPerYear: p.GrowthPerYear}
	for y, v := range p.Values {
		q.Values[y] = v * k
	}
	return q
}

// setAt sets a path's value from year y on, keeping every year before y as
// it was (the years from the first given one up to y are pinned at their
// values; given years after y are kept).
func setAt(p forecast.Path, y int, v float64) forecast.Path {
	q := forecast.Path{Values: map[int]float64{}, GrowthPerYear: p.GrowthPerYear}
	if x, ok := p.Values[0]; ok && len(p.Values) == 1 { // a constant
		q.Values[y-1], q.Values[y] = x, v
		return q
	}
	lo := y
	for k, x := range p.Values {
		lo = min(lo, k)
		if k > y {
			q.Values[k] = x
		}
	}
	for k := lo; k < y; k++ {
		q.Values[k] = p.At(k)
	}
	q.Values[y] = v
	return q
}

// addAt adds d to the path's value from year y on (see setAt).
func addAt(p forecast.Path, y int, d float64) forecast.Path {
	return setAt(p, y, p.At(y)+d)
}

func maxKey(m map[int]float64) int {
	k := math.MinInt
	for y := range m {
		k = max(k, y)
	}
	return k
}

// Run runs the chain: forecast and supply on the prepared scenarios, the
// allocation sized from their results, carrying capacity from them.
func (m *Model) Run(ctx context.Context, ch *Changes, bl *Baseline) (*Result, error) {
	start := time.Now()
	p, err := m.Prepare(ch, bl)
	if err != nil {
		return nil, err
	}
	res, err := m.run(ctx, p, nil)
	if err != nil {
		return nil, err
	}
	res.ElapsedMS = float64(time.Since(start).Microseconds()) / 1000
	return res, nil
}

// demandScale multiplies one county's allocation demands of the given
// sectors (for the carrying-capacity check).
type demandScale struct {
	county  string
	sectors map[string]float64
}

func (m *Model) run(ctx context.Context, p *Prepared, extra *demandScale) (*Result, error) {
	set := p.set
	fr, err := forecast.Run(set.f)
	if err != nil {
		return nil, fmt.Errorf("workspace: forecast: %w", err)
	}
	sr, err := supply.Run(set.s)
	if err != nil {
		return nil, fmt.Errorf("workspace: supply: %w", err)
	}
	as, err := m.sizeAllocation(p, fr, sr, extra)
	if err != nil {
		return nil, err
	}
	ar, err := allocate.Run(ctx, as, nil)
	if err != nil {
		return nil, fmt.Errorf("workspace: allocate: %w", err)
	}
	cr, err := capacity.FromResults(set.c, fr, sr)
	if err != nil {
		return nil, fmt.Errorf("workspace: capacity: %w", err)
	}
	// Groundwater caps the capacity file does not carry: grade them from the allocation.
	res := m.assemble(p, fr, sr, as, ar, cr)
	res.Steps = &Steps{Forecast: fr, Supply: sr, Allocation: ar, Capacity: cr,
		ForecastScenario: set.f, SupplyScenario: set.s, AllocScenario: as, CapacityScenario: set.c}
	return res, nil
}

// sizeAllocation scales a fresh copy of the allocation scenario: each demand
// by the forecast's demand of its county and sectors in the assessed year over
// the allocation's own year; each source's available water and quota by the
// supply model's water of its kind (and county) at the guarantee rate over
// that at the base rate; added reclaimed capacity spread over the months; and
// the caps.
func (m *Model) sizeAllocation(p *Prepared, fr *forecast.Result, sr *supply.Result, extra *demandScale) (*allocate.Scenario, error) {
	as, err := allocate.LoadScenario(bytes.NewReader(m.allocateSrc))
	if err != nil {
		return nil, fmt.Errorf("workspace: allocate: %w", err)
	}
	for i := range as.Demands {
		d := &as.Demands[i]
		code := m.AllocRegions[d.Region]
		var now, then float64
		for _, s := range sectorMap[d.Sector] {
			now += fr.DemandM3(code, s, p.year)
			then += fr.DemandM3(code, s, m.allocYear)
		}
		k := 1.0
		if then > 0 {
			k = now / then
		}
		if extra != nil && extra.county == code {
			if f, ok := extra.sectors[d.Sector]; ok {
				k *= f
			}
		}
		if k != 1 {
			for j := range d.DemandM3 {
				d.DemandM3[j] *= k
			}
		}
	}
	for i := range as.Sources {
		s := &as.Sources[i]
		code := m.AllocRegions[s.Region] // "" for city-wide sources
		// NetM3 sums the cells in their fixed order: the same inputs give the
		// same factor to the last bit (the LP's choice among equal optima follows it).
		now, base := sr.NetM3(code, s.Kind, p.pct, 0), sr.NetM3(code, s.Kind, m.BasePct, 0)
		if s.Kind == allocate.KindReclaimed {
			// Reclaimed water does not follow the hydrological year; added
			// capacity is spread over the months.
			if add := p.reclaimed[code]; add > 0 && code != "" {
				s.AvailableM3 = spread(s.AvailableM3, as.Periods, add/12)
			}
			continue
		}
		if base > 0 && now != base {
			k := now / base
			for j := range s.AvailableM3 {
				s.AvailableM3[j] *= k
			}
			s.AnnualQuotaAnnualM3 *= k
		}
	}
	for i := range as.Regions {
		r := &as.Regions[i]
		if c, ok := p.capsByCounty[m.AllocRegions[r.Name]]; ok {
			r.TotalCapAnnualM3 = c.total
			if c.ground > 0 {
				r.GroundwaterCapAnnualM3 = c.ground
			}
		}
	}
	return as, nil
}

func spread(av []float64, periods int, add float64) []float64 {
	out := make([]float64, periods)
	for i := range out {
		v := 0.0
		switch {
		case len(av) == 1:
			v = av[0]
		case i < len(av):
			v = av[i]
		}
		out[i] = v + add
	}
	return out
}

func (m *Model) assemble(p *Prepared, fr *forecast.Result, sr *supply.Result, as *allocate.Scenario, ar *allocate.Result, cr *capacity.Result) *Result {
	res := &Result{Year: p.year, GuaranteePct: p.pct, AllocYear: m.allocYear, SourceMixM3: map[string]float64{},
		ShortageBySectorM3: map[string]float64{}, Grades: cr.Overall, Edition: cr.Edition, LPSolves: ar.Solves}
	byCode := map[string]*County{}
	for _, r := range fr.Regions {
		c := &County{Region: r, Name: m.countyName[r], DemandM3: map[string]float64{}, DeliveredM3: map[string]float64{},
			ShortageM3: map[string]float64{}, SourceMixM3: map[string]float64{}, Reasons: []string{}}
		c.ForecastDemandM3 = fr.DemandM3(r, forecast.SectorTotal, p.year)
		c.NewIndustryM3 = p.newIndustry[r]
		c.SupplyM3 = sr.NetM3(r, "", p.pct, 0)
		if b, ok := p.baseline.Counties[r]; ok {
			c.MeteredM3, c.ProjectedM3, c.RightsM3 = b.MeteredM3, b.ProjectedM3, b.RightsM3
		}
		if cp, ok := p.capsByCounty[r]; ok {
			c.UseCapM3, c.GroundwaterCapM3 = cp.total, cp.ground
		}
		byCode[r] = c
	}
	for _, ar := range as.Regions {
		if c := byCode[m.AllocRegions[ar.Name]]; c != nil {
			c.UseCapM3, c.GroundwaterCapM3 = ar.TotalCapAnnualM3, ar.GroundwaterCapAnnualM3
		}
	}
	kind := map[string]string{}
	for _, s := range as.Sources {
		kind[s.Name] = s.Kind
	}
	demandCounty := map[string]string{}
	own := map[string][]string{}
	for name, code := range m.AllocRegions {
		own[code] = append(own[code], name)
	}
	bindMonths := map[string]map[string][]string{} // county → limit → months
	for _, pr := range ar.Periods {
		short := map[string]bool{}
		for _, d := range pr.Demands {
			code := m.AllocRegions[d.Region]
			demandCounty[d.Name] = code
			c := byCode[code]
			if c == nil {
				continue
			}
			c.DemandM3[d.Sector] += d.DemandM3
			c.DeliveredM3[d.Sector] += d.DeliveredM3
			c.ShortageM3[d.Sector] += d.ShortageM3
			if d.ShortageM3 > 1 {
				short[code] = true
			}
		}
		for _, f := range pr.Flows {
			if k, ok := kind[f.From]; ok {
				if c := byCode[demandCounty[f.To]]; c != nil {
					c.SourceMixM3[k] += f.DeliveredM3
				}
			}
		}
		for code := range short {
			for _, b := range pr.Binding {
				if !relevant(b, own[code]) {
					continue
				}
				if bindMonths[code] == nil {
					bindMonths[code] = map[string][]string{}
				}
				bindMonths[code][b] = append(bindMonths[code][b], pr.Month[5:])
			}
		}
	}
	for code, lims := range bindMonths {
		c := byCode[code]
		for lim, ms := range lims {
			c.BindingMonths = append(c.BindingMonths, lim+" (months "+strings.Join(ms, ", ")+")")
		}
		sort.Strings(c.BindingMonths)
	}
	for _, cc := range cr.Regions {
		c := byCode[cc.Region]
		if c == nil {
			continue
		}
		c.Grade, c.GradeName, c.Reasons, c.Carry = cc.Assessment.Overall.Code(), cc.Assessment.Overall.String(), cc.Assessment.Reasons, cc.Carry
		if c.Reasons == nil {
			c.Reasons = []string{}
		}
		c.UseRatio = cc.Assessment.UseRatio
		if math.IsNaN(c.UseRatio) {
			c.UseRatio = 0
		}
	}
	for _, r := range fr.Regions {
		c := byCode[r]
		for _, s := range AllocSectors {
			c.ShortageTotalM3 += c.ShortageM3[s]
			res.ShortageBySectorM3[s] += c.ShortageM3[s]
			res.DemandM3 += c.DemandM3[s]
			res.DeliveredM3 += c.DeliveredM3[s]
		}
		res.ShortageM3 += c.ShortageTotalM3
		for k, v := range c.SourceMixM3 {
			res.SourceMixM3[k] += v
		}
		round(c)
		res.Counties = append(res.Counties, *c)
	}
	return res
}

func round(c *County) {
	for _, m := range []map[string]float64{c.DemandM3, c.DeliveredM3, c.ShortageM3, c.SourceMixM3} {
		for k, v := range m {
			m[k] = math.Round(v)
		}
	}
	c.ShortageTotalM3 = math.Round(c.ShortageTotalM3)
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// jsonFieldError turns a JSON decoding error into an Invalid naming the field.
func jsonFieldError(prefix string, err error) error {
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) && ute.Field != "" {
		return sishui.Invalid(prefix+"."+ute.Field, "must be %s", ute.Type)
	}
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
		f := strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
		return sishui.Invalid(prefix+"."+f, "unknown field")
	}
	return sishui.Invalid(prefix, "%v", err)
}
