package accounting

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/capacity"
	"github.com/sishui/sishui/internal/indicator"
	"github.com/sishui/sishui/internal/warning"
)

// yearRollup is a year of rollup cells loaded into an indicator.Rollup.
type yearRollup struct {
	year    int
	through indicator.Date // data through this day (inclusive)
	r       *indicator.Rollup
	prev    *indicator.Rollup // the previous year, for seasonal projections
	ri      *regionInfo
	sources map[string]*sishui.Source
}

// throughOf returns the last day of year whose data counts: today during the
// year, 31 December after it; false for a year not begun.
func throughOf(year int, now time.Time) (indicator.Date, bool) {
	today := indicator.DateOf(now)
	switch {
	case int(today.Year) == year:
		return today, true
	case int(today.Year) > year:
		return indicator.D(year, time.December, 31), true
	}
	return indicator.Date{}, false
}

func (s *Service) hierarchy(ri *regionInfo) (*indicator.Hierarchy, error) {
	var nodes []indicator.Region
	for code, r := range ri.byCode {
		n := indicator.Region{ID: code, Name: r.Name, Kind: indicator.County}
		switch r.Level {
		case sishui.LevelCity, sishui.LevelProvince:
			n.Kind = indicator.City
		case sishui.LevelZone:
			n.Kind = indicator.Zone
		}
		up := r.Host
		if up == "" {
			up = r.Parent
		}
		if _, ok := ri.byCode[up]; ok {
			n.Parent = up
		}
		nodes = append(nodes, n)
	}
	return indicator.NewHierarchy(nodes)
}

func (s *Service) loadCells(ctx context.Context, h *indicator.Hierarchy, region string, year int) (*indicator.Rollup, int, error) {
	cells, err := s.store.MonthlyUse(ctx, sishui.UseFilter{Region: region, FromMonth: year*100 + 1, ToMonth: year*100 + 12})
	if err != nil {
		return nil, 0, err
	}
	r := indicator.NewRollup(h)
	n := 0
	for _, c := range cells {
		day := indicator.D(c.Month/100, time.Month(c.Month%100), 1)
		for b, l := range [...]int64{c.Measured, c.Estimated, c.Entered} {
			if l == 0 {
				continue
			}
			if err := r.Add(indicator.Record{Point: "cell", Region: c.Region, Source: c.Source, Sector: c.Sector, Day: day,
				VolumeM3: float64(l) / 1000, Basis: indicator.Basis(b)}); err != nil {
				return nil, 0, fmt.Errorf("accounting: rollup: %w", err)
			}
			n++
		}
	}
	return r, n, nil
}

// loadYear loads the rollups of year (and the year before) for region in the
// caller's scope.
func (s *Service) loadYear(ctx context.Context, ri *regionInfo, region string, year int) (*yearRollup, int, error) {
	h, err := s.hierarchy(ri)
	if err != nil {
		return nil, 0, fmt.Errorf("accounting: regions: %w", err)
	}
	y := &yearRollup{year: year, ri: ri, sources: map[string]*sishui.Source{}}
	y.through, _ = throughOf(year, s.now())
	var n int
	if y.r, n, err = s.loadCells(ctx, h, region, year); err != nil {
		return nil, 0, err
	}
	if y.prev, _, err = s.loadCells(ctx, h, region, year-1); err != nil {
		return nil, 0, err
	}
	srcs, err := s.store.ListSources(ctx)
	if err != nil {
		return nil, 0, err
	}
	for _, x := range srcs {
		y.sources[x.Code] = x
	}
	return y, n, nil
}

func (y *yearRollup) groundwaterSources() []string {
	var out []string
	for c, x := range y.sources {
		if x.Groundwater {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

func (y *yearRollup) unconventionalSources(cfg []string) []string {
	if cfg != nil {
		return cfg
	}
	var out []string
	for c, x := range y.sources {
		if x.Unconventional {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// projector returns a seasonal projector from last year's profile for f, or Linear.
func (y *yearRollup) projector(f indicator.Filter) indicator.Projector {
	if p, err := indicator.ProfileFrom(y.prev, y.year-1, f); err == nil {
		if fr, err := p.Fraction(y.through); err == nil && fr > 0.02 {
			return p
		}
	}
	return indicator.Linear{}
}

// ytd returns the use (m³) year to date and projected to the year end.
func (y *yearRollup) ytd(f indicator.Filter) (indicator.Totals, float64) {
	if !y.through.Valid() {
		return indicator.Totals{}, 0
	}
	t := y.r.YearToDate(y.through, f)
	v := t.VolumeM3()
	if y.through.Month == 12 && y.through.Day == 31 {
		return t, v
	}
	proj, err := y.projector(f).Project(v, y.through)
	if err != nil {
		proj, _ = indicator.Linear{}.Project(v, y.through)
	}
	return t, proj
}

// IndicatorStatus is one indicator for a region and year.
type IndicatorStatus struct {
	ID         string   `json:"id"`
	Seq        int      `json:"seq"`
	Name       string   `json:"name"`
	NameEN     string   `json:"name_en"`
	Unit       string   `json:"unit"`
	Binding    bool     `json:"binding"`
	Direction  string   `json:"direction"`
	Year       int      `json:"year"`
	Region     string   `json:"region"`
	Target     *float64 `json:"target"`
	Actual     *float64 `json:"actual"`
	Basis      string   `json:"basis"`  // computed | entered | no data
	Status     string   `json:"status"` // meets | at_risk | misses | no data
	YTD        *float64 `json:"ytd"`
	Projection *float64 `json:"projection"`
	Through    string   `json:"through,omitempty"` // data through this day
	Method     string   `json:"method,omitempty"`  // projection method
	Note       string   `json:"note,omitempty"`
}

// Bases and statuses of IndicatorStatus.
const (
	BasisComputed = "computed"
	BasisEntered  = "entered"
	NoData        = "no data"
)

func ptr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	r := math.Round(v*1e6) / 1e6
	return &r
}

// enteredMetric maps indicators entered as statistics to their metric.
var enteredMetric = map[indicator.ID]string{
	indicator.IrrigationEfficiency:        "irrigation_efficiency",
	indicator.ReclaimedReuseRate:          "reclaimed_reuse_rate",
	indicator.NetworkLeakageRate:          "network_leakage_rate",
	indicator.IndustrialReuseRate:         "industrial_reuse_rate",
	indicator.ChemParkUnconventionalShare: "chem_park_unconventional",
	indicator.WWTPUpgradeRate:             "wwtp_upgrade_rate",
}

// Indicators returns the plan's indicators for region (the caller's default
// when empty) and year, in annex order, each with its target, value, basis,
// status, year-to-date value and projection.
func (s *Service) Indicators(ctx context.Context, region string, year int) ([]IndicatorStatus, error) {
	ri, err := s.regions(ctx)
	if err != nil {
		return nil, err
	}
	if region, err = s.resolveRegion(ctx, ri, region); err != nil {
		return nil, err
	}
	if year == 0 {
		year = s.now().In(sishui.BeijingTime).Year()
	}
	y, cells, err := s.loadYear(ctx, ri, region, year)
	if err != nil {
		return nil, err
	}
	defs, err := s.definitions(ctx)
	if err != nil {
		return nil, err
	}
	targets, err := s.store.ListTargets(ctx, sishui.TargetFilter{Region: region, Year: year})
	if err != nil {
		return nil, fmt.Errorf("accounting: targets: %w", err)
	}
	stats, err := s.store.ListStatistics(ctx, sishui.StatisticFilter{Region: region, Year: year})
	if err != nil {
		return nil, fmt.Errorf("accounting: statistics: %w", err)
	}
	// A region's total-use target defaults to its cap (用水总量控制指标), in 亿 m³.
	var capTarget float64
	if caps, err := s.store.ListCaps(ctx, region, year); err == nil && len(caps) == 1 {
		capTarget = float64(caps[0].TotalM3) / 1e8
	}
	stat := map[string]float64{}
	for _, x := range stats {
		stat[x.Metric] = x.Value
	}
	fromWorks, err := s.worksMeasures(ctx, ri, region, year, y.through)
	if err != nil {
		return nil, err
	}
	out := make([]IndicatorStatus, 0, len(defs))
	for _, d := range defs {
		st := IndicatorStatus{ID: string(d.ID), Seq: d.Seq, Name: d.NameZH, NameEN: d.NameEN, Unit: d.UnitZH, Binding: d.Attribute == indicator.Binding,
			Direction: string(d.Direction), Year: year, Region: region, Basis: NoData, Status: NoData}
		tgt, haveTarget := math.NaN(), false
		for _, t := range targets {
			if t.Indicator == string(d.ID) {
				tgt, haveTarget = t.Value, true
			}
		}
		if !haveTarget && region == ri.root {
			tgt, haveTarget = d.Target(year)
		}
		if !haveTarget && d.ID == indicator.TotalUse && capTarget > 0 {
			tgt, haveTarget = capTarget, true
			st.Note = "target: the region's total-use cap"
		}
		if haveTarget {
			st.Target = ptr(tgt)
		}
		m, ok, note := s.measure(d, y, region, year, cells > 0, stat)
		if w, has := fromWorks[d.ID]; has && y.through.Valid() {
			m, ok, note = w.m, true, w.note
		}
		if st.Note == "" {
			st.Note = note
		} else {
			st.Note += "; " + note
		}
		if ok {
			st.Basis = BasisComputed
			if m.Method == indicator.EnteredVal {
				st.Basis = BasisEntered
			}
			st.Actual, st.Projection = ptr(m.Value), ptr(m.Projected)
			if d.Cumulative {
				st.YTD = ptr(m.Value)
			}
			st.Through, st.Method = m.Through.String(), m.Projection
			if haveTarget {
				def := d
				def.Targets = []indicator.Target{{Year: year, Value: tgt}}
				if a, err := indicator.Assess(def, m, s.cfg.AtRiskMargin); err == nil {
					st.Status = string(a.Status)
				}
			}
		}
		out = append(out, st)
	}
	return out, nil
}

// definitions merges the store's indicators (names, units, directions) with
// the annex's (cumulative flags and the city's targets).
func (s *Service) definitions(ctx context.Context) ([]indicator.Definition, error) {
	stored, err := s.store.ListIndicators(ctx)
	if err != nil {
		return nil, fmt.Errorf("accounting: indicators: %w", err)
	}
	defs := indicator.Annex()
	for i := range defs {
		for _, x := range stored {
			if x.ID == string(defs[i].ID) {
				defs[i].NameZH, defs[i].NameEN, defs[i].Seq = x.Name, x.NameEN, x.Seq
				if x.Unit != "" {
					defs[i].UnitZH = x.Unit
				}
				defs[i].Direction = indicator.Direction(x.Direction)
				defs[i].Attribute = indicator.Expected
				if x.Binding {
					defs[i].Attribute = indicator.Binding
				}
			}
		}
	}
	slices.SortStableFunc(defs, func(a, b indicator.Definition) int { return a.Seq - b.Seq })
	return defs, nil
}

// measure computes or looks up one indicator's value.
func (s *Service) measure(d indicator.Definition, y *yearRollup, region string, year int, haveUse bool, stat map[string]float64) (indicator.Measure, bool, string) {
	through := y.through
	if !through.Valid() {
		return indicator.Measure{}, false, "the year has not begun"
	}
	entered := func(metric string, scale float64) (indicator.Measure, bool, string) {
		v, ok := stat[metric]
		if !ok {
			return indicator.Measure{}, false, "no statistic " + metric + " for " + strconv.Itoa(year)
		}
		m, err := indicator.EnterValue(d.ID, region, year, through, v*scale)
		return m, err == nil, "statistic " + metric
	}
	econ := indicator.Economy{GDPYear: stat["gdp_10k_cny"], IndustrialVAYear: stat["industrial_va_10k_cny"]}
	switch d.ID {
	case indicator.TotalUse:
		if haveUse {
			m, err := indicator.ComputeTotalUse(y.r, region, year, through, y.projector(indicator.Filter{Region: region}))
			return m, err == nil, "from the use rollups"
		}
		return entered("total_use_entered_10k_m3", 1e-4)
	case indicator.WaterPerGDP:
		if !haveUse {
			return indicator.Measure{}, false, "no use data"
		}
		if econ.GDPYear <= 0 {
			return indicator.Measure{}, false, "no statistic gdp_10k_cny for " + strconv.Itoa(year)
		}
		m, err := indicator.ComputeWaterPerGDP(y.r, region, year, through, y.projector(indicator.Filter{Region: region}), econ)
		return m, err == nil, "projected use / the year's GDP (statistic gdp_10k_cny)"
	case indicator.WaterPerIndustrialVA:
		if !haveUse {
			return indicator.Measure{}, false, "no use data"
		}
		if econ.IndustrialVAYear <= 0 {
			return indicator.Measure{}, false, "no statistic industrial_va_10k_cny for " + strconv.Itoa(year)
		}
		sectors, err := s.industrySectors(context.Background())
		if err != nil {
			return indicator.Measure{}, false, err.Error()
		}
		m, err := indicator.ComputeWaterPerIndustrialVA(y.r, region, year, through, y.projector(indicator.Filter{Region: region, Sectors: sectors}), econ, sectors)
		return m, err == nil, "projected industrial use / the year's industrial value added"
	case indicator.UnconventionalUse:
		srcs := y.unconventionalSources(s.cfg.UnconventionalSources)
		if haveUse && !y.r.YearToDate(through, indicator.Filter{Region: region, Sources: srcs}).IsZero() {
			m, err := indicator.ComputeUnconventionalUse(y.r, region, year, through, y.projector(indicator.Filter{Region: region, Sources: srcs}), srcs)
			return m, err == nil, "from the use rollups of the non-conventional sources"
		}
		return entered("unconventional_use_10k_m3", 1e-4)
	case indicator.ReclaimedReuseRate:
		if _, ok := stat["reclaimed_reuse_rate"]; !ok && stat["sewage_treated_10k_m3"] > 0 {
			m, err := indicator.ComputeRatePercent(d.ID, region, year, through, stat["reclaimed_used_10k_m3"], stat["sewage_treated_10k_m3"])
			return m, err == nil, "reclaimed_used_10k_m3 / sewage_treated_10k_m3"
		}
	}
	if metric, ok := enteredMetric[d.ID]; ok {
		return entered(metric, 1)
	}
	return indicator.Measure{}, false, "not computed"
}

func (s *Service) industrySectors(ctx context.Context) ([]string, error) {
	secs, err := s.store.ListSectors(system(ctx))
	if err != nil {
		return nil, fmt.Errorf("accounting: sectors: %w", err)
	}
	var out []string
	for _, x := range secs {
		if x.Group == sishui.GroupIndustry {
			out = append(out, x.Code)
		}
	}
	return out, nil
}

// UseRow is one row of the use endpoint.
type UseRow struct {
	Region      string  `json:"region,omitempty"`
	Source      string  `json:"source,omitempty"`
	Sector      string  `json:"sector,omitempty"`
	Period      string  `json:"period"`
	VolumeM3    float64 `json:"volume_m3"`
	MeasuredM3  float64 `json:"measured_m3"`
	EstimatedM3 float64 `json:"estimated_m3"`
	EnteredM3   float64 `json:"entered_m3"`
}

func (u *UseRow) add(c sishui.UseCell) {
	u.MeasuredM3 += float64(c.Measured) / 1000
	u.EstimatedM3 += float64(c.Estimated) / 1000
	u.EnteredM3 += float64(c.Entered) / 1000
	u.VolumeM3 = u.MeasuredM3 + u.EstimatedM3 + u.EnteredM3
}

// Use returns the use of region in year grouped by month, source, sector or
// region (the counties, each with what lies below it), from the rollups.
func (s *Service) Use(ctx context.Context, region string, year int, by string) ([]UseRow, error) {
	ri, err := s.regions(ctx)
	if err != nil {
		return nil, err
	}
	if region, err = s.resolveRegion(ctx, ri, region); err != nil {
		return nil, err
	}
	if year == 0 {
		year = s.now().In(sishui.BeijingTime).Year()
	}
	if by == "" {
		by = "month"
	}
	if by == "region" && sishui.ActorFrom(ctx).Role == sishui.RolePublic {
		return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Message: "public callers see city-level aggregates only"}
	}
	cells, err := s.store.MonthlyUse(ctx, sishui.UseFilter{Region: region, FromMonth: year*100 + 1, ToMonth: year*100 + 12})
	if err != nil {
		return nil, err
	}
	return groupUse(ri, region, year, by, cells)
}

func groupUse(ri *regionInfo, region string, year int, by string, cells []sishui.UseCell) ([]UseRow, error) {
	rows := map[string]*UseRow{}
	var order []string
	get := func(k string, r UseRow) *UseRow {
		if x := rows[k]; x != nil {
			return x
		}
		rows[k] = &r
		order = append(order, k)
		return rows[k]
	}
	period := strconv.Itoa(year)
	switch by {
	case "month":
		for m := 1; m <= 12; m++ {
			p := fmt.Sprintf("%04d-%02d", year, m)
			get(p, UseRow{Region: region, Period: p})
		}
		for _, c := range cells {
			get(fmt.Sprintf("%04d-%02d", c.Month/100, c.Month%100), UseRow{}).add(c)
		}
	case "source":
		for _, c := range cells {
			get(c.Source, UseRow{Region: region, Source: c.Source, Period: period}).add(c)
		}
	case "sector":
		for _, c := range cells {
			get(c.Sector, UseRow{Region: region, Sector: c.Sector, Period: period}).add(c)
		}
	case "region":
		children := ri.below[region]
		slices.Sort(children)
		for _, ch := range children {
			get(ch, UseRow{Region: ch, Period: period})
		}
		for _, c := range cells {
			k := c.Region
			for _, ch := range children {
				if ri.within(c.Region, ch) {
					k = ch
					break
				}
			}
			get(k, UseRow{Region: k, Period: period}).add(c)
		}
	default:
		return nil, sishui.Invalid("by", "must be month, source, sector or region, got %q", by)
	}
	if by != "month" {
		slices.Sort(order)
	}
	out := make([]UseRow, 0, len(order))
	for _, k := range order {
		r := *rows[k]
		r.VolumeM3 = math.Round(r.VolumeM3*1000) / 1000
		out = append(out, r)
	}
	return out, nil
}

// Grade is a carrying-capacity grade for the API.
type Grade struct {
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Basis   string   `json:"basis"` // "projected" during the year, "actual" after it
	Reasons []string `json:"reasons,omitempty"`
	Edition string   `json:"edition"`
}

// RegionSummary is a region's use against its caps for a year.
type RegionSummary struct {
	Region           string   `json:"region"`
	Name             string   `json:"name"`
	UseM3            float64  `json:"use_m3"`
	CapM3            int64    `json:"cap_m3"`
	UseShare         *float64 `json:"use_share"`
	ProjectedM3      float64  `json:"projected_m3"`
	GroundwaterUseM3 float64  `json:"groundwater_use_m3"`
	GroundwaterCapM3 int64    `json:"groundwater_cap_m3"`
	MeasuredShare    float64  `json:"measured_share"`
	Grade            *Grade   `json:"grade"`
	Points           int      `json:"points"`
	PointsReporting  int      `json:"points_reporting"`
	Completeness     *float64 `json:"completeness"`
	OpenAlerts       int      `json:"open_alerts"`
}

// Overview is the dashboard's city page.
type Overview struct {
	Year          int             `json:"year"`
	Region        string          `json:"region"`
	UseM3         float64         `json:"use_m3"`
	CapM3         int64           `json:"cap_m3"`
	UseShare      *float64        `json:"use_share"`
	ProjectedM3   float64         `json:"projected_m3"`
	MeasuredShare float64         `json:"measured_share"`
	Completeness  *float64        `json:"completeness"`
	OpenAlerts    int             `json:"open_alerts"`
	Counties      []RegionSummary `json:"counties"`
}

// summaryData is what region summaries are built from.
type summaryData struct {
	y      *yearRollup
	caps   map[string]*sishui.RegionCap
	points []*sishui.Point
	seen   map[int64]time.Time
	pm     []sishui.PointMonth
	alerts []*sishui.Alert
	public bool
}

func (s *Service) loadSummary(ctx context.Context, ri *regionInfo, region string, year int) (*summaryData, error) {
	y, _, err := s.loadYear(ctx, ri, region, year)
	if err != nil {
		return nil, err
	}
	d := &summaryData{y: y, caps: map[string]*sishui.RegionCap{}, seen: map[int64]time.Time{}}
	caps, err := s.store.ListCaps(ctx, "", year)
	if err != nil {
		return nil, err
	}
	for _, c := range caps {
		d.caps[c.Region] = c
	}
	if sishui.ActorFrom(ctx).Role == sishui.RolePublic {
		d.public = true
		return d, nil // no point or alert detail for the public
	}
	// summary keeps the points within each region itself; for the city the
	// store's region filter (an IN list over the region tree) only slows the
	// listing down (about 3× at 10,000 points), so list the caller's scope.
	pf := sishui.PointFilter{Region: region}
	if r := ri.byCode[region]; r != nil && (r.Level == sishui.LevelCity || r.Level == sishui.LevelProvince) {
		pf.Region = ""
	}
	if d.points, err = s.allPoints(ctx, pf); err != nil {
		return nil, err
	}
	seen, err := s.store.LastSeen(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range seen {
		d.seen[x.Point] = x.LastSeen
	}
	if d.pm, err = s.store.PointMonthlyUse(ctx, sishui.UseFilter{Region: region, FromMonth: year*100 + 1, ToMonth: year*100 + 12}); err != nil {
		return nil, err
	}
	if d.alerts, err = s.allAlerts(ctx, sishui.AlertFilter{State: "open", Region: region}); err != nil {
		return nil, err
	}
	return d, nil
}

func share(a, b float64) *float64 {
	if b <= 0 {
		return nil
	}
	return ptr(a / b)
}

func (s *Service) summary(d *summaryData, region string) RegionSummary {
	ri := d.y.ri
	rs := RegionSummary{Region: region}
	if r := ri.byCode[region]; r != nil {
		rs.Name = r.Name
	}
	t, proj := d.y.ytd(indicator.Filter{Region: region})
	rs.UseM3, rs.ProjectedM3 = math.Round(t.VolumeM3()), math.Round(proj)
	rs.MeasuredShare = math.Round(t.Share(indicator.Measured)*1e4) / 1e4
	gw, gwProj := d.y.ytd(indicator.Filter{Region: region, Sources: d.y.groundwaterSources()})
	rs.GroundwaterUseM3 = math.Round(gw.VolumeM3())
	if c := d.caps[region]; c != nil {
		rs.CapM3, rs.GroundwaterCapM3 = c.TotalM3, c.GroundwaterM3
		rs.UseShare = share(rs.UseM3, float64(c.TotalM3))
		load, basis := capacity.Load{Region: region, UseM3: proj, UseCapM3: float64(c.TotalM3), GroundwaterM3: gwProj, GroundwaterCapM3: float64(c.GroundwaterM3)}, "projected"
		if d.y.through.Month == 12 && d.y.through.Day == 31 {
			load.UseM3, load.GroundwaterM3, basis = t.VolumeM3(), gw.VolumeM3(), "actual"
		}
		if a, err := s.cfg.Capacity.Assess(load); err == nil && d.y.through.Valid() {
			rs.Grade = &Grade{Code: a.Quantity.Code(), Name: a.Quantity.String(), Basis: basis, Reasons: a.Reasons, Edition: a.Edition}
		}
	}
	if d.public {
		return rs
	}
	now := s.now()
	inRegion := map[int64]bool{}
	for _, p := range d.points {
		if p.Retired || !ri.within(p.Region, region) {
			continue
		}
		inRegion[p.ID] = true
		rs.Points++
		if ls, ok := d.seen[p.ID]; ok && now.Sub(ls) <= 2*time.Duration(p.IntervalSeconds)*time.Second {
			rs.PointsReporting++
		}
	}
	var rec, exp int
	for _, x := range d.pm {
		if inRegion[x.Point] {
			rec += x.Received
			exp += x.Expected
		}
	}
	rs.Completeness = share(float64(rec), float64(exp))
	for _, a := range d.alerts {
		if a.Region != "" && ri.within(a.Region, region) {
			rs.OpenAlerts++
		}
	}
	return rs
}

// RegionSummary returns one region's summary for year.
func (s *Service) RegionSummary(ctx context.Context, region string, year int) (RegionSummary, error) {
	ri, err := s.regions(ctx)
	if err != nil {
		return RegionSummary{}, err
	}
	if region, err = s.resolveRegion(ctx, ri, region); err != nil {
		return RegionSummary{}, err
	}
	if year == 0 {
		year = s.now().In(sishui.BeijingTime).Year()
	}
	d, err := s.loadSummary(ctx, ri, region, year)
	if err != nil {
		return RegionSummary{}, err
	}
	return s.summary(d, region), nil
}

// Overview returns the city (or the caller's county) with its counties.
func (s *Service) Overview(ctx context.Context, year int) (Overview, error) {
	ri, err := s.regions(ctx)
	if err != nil {
		return Overview{}, err
	}
	region, err := s.resolveRegion(ctx, ri, "")
	if err != nil {
		return Overview{}, err
	}
	if year == 0 {
		year = s.now().In(sishui.BeijingTime).Year()
	}
	d, err := s.loadSummary(ctx, ri, region, year)
	if err != nil {
		return Overview{}, err
	}
	top := s.summary(d, region)
	o := Overview{Year: year, Region: region, UseM3: top.UseM3, CapM3: top.CapM3, UseShare: top.UseShare, ProjectedM3: top.ProjectedM3,
		MeasuredShare: top.MeasuredShare, Completeness: top.Completeness, OpenAlerts: top.OpenAlerts, Counties: []RegionSummary{}}
	if d.public {
		return o, nil
	}
	o.OpenAlerts = len(d.alerts)
	for _, c := range ri.counties() {
		if ri.within(c, region) && c != region {
			o.Counties = append(o.Counties, s.summary(d, c))
		}
	}
	return o, nil
}

// PointStatus is a point's reporting state.
type PointStatus struct {
	ID       int64     `json:"id"`
	Code     string    `json:"code"`
	Name     string    `json:"name"`
	Kind     string    `json:"kind"`
	Region   string    `json:"region"`
	Lon      float64   `json:"lon,omitempty"`
	Lat      float64   `json:"lat,omitempty"`
	Status   string    `json:"status"` // reporting | late | offline | alarm
	LastSeen time.Time `json:"last_seen,omitzero"`
}

// PointsStatus returns the reporting state of each point in region (in scope):
// alarm when the point has an open alert or a non-zero alarm word; else
// reporting when its last report is within two intervals, late within
// LateIntervals intervals, offline after that or when it never reported.
func (s *Service) PointsStatus(ctx context.Context, region string) ([]PointStatus, error) {
	if sishui.ActorFrom(ctx).Role == sishui.RolePublic {
		return nil, &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "log in to see monitoring points"}
	}
	ps, err := s.allPoints(ctx, sishui.PointFilter{Region: region})
	if err != nil {
		return nil, err
	}
	seen, err := s.store.LastSeen(ctx)
	if err != nil {
		return nil, err
	}
	latest := map[int64]sishui.PointSeen{}
	for _, x := range seen {
		latest[x.Point] = x
	}
	alerts, err := s.allAlerts(ctx, sishui.AlertFilter{State: "open"})
	if err != nil {
		return nil, err
	}
	alarmed := map[string]bool{}
	for _, a := range alerts {
		alarmed[a.Subject] = true
	}
	now := s.now()
	out := make([]PointStatus, 0, len(ps))
	for _, p := range ps {
		if p.Retired {
			continue
		}
		x := latest[p.ID]
		st := PointStatus{ID: p.ID, Code: p.Code, Name: p.Name, Kind: p.Kind, Region: p.Region, Lon: p.Lon, Lat: p.Lat, LastSeen: x.LastSeen}
		iv := time.Duration(p.IntervalSeconds) * time.Second
		age := now.Sub(x.LastSeen)
		switch {
		case alarmed[warning.PointSubject(p.Code)] || alarmed[warning.WellSubject(p.Code)] || alarmed[warning.GeothermalSubject(p.Code)] || x.Alarm != 0:
			st.Status = "alarm"
		case x.LastSeen.IsZero():
			st.Status = "offline"
		case age <= 2*iv:
			st.Status = "reporting"
		case age <= time.Duration(s.cfg.LateIntervals*float64(iv)):
			st.Status = "late"
		default:
			st.Status = "offline"
		}
		out = append(out, st)
	}
	return out, nil
}

// DayUse is one day of a point's completeness calendar.
type DayUse struct {
	Day      string  `json:"day"`
	VolumeM3 float64 `json:"volume_m3"`
	Basis    string  `json:"basis"`
	Flags    uint32  `json:"flags,omitempty"`
	Received int     `json:"received"`
	Expected int     `json:"expected"`
}

// PointDaily returns a point's accounted days in [from, to) (Beijing days;
// the last 30 days when both are zero). Days not yet accounted show basis
// "no data" and no reports.
func (s *Service) PointDaily(ctx context.Context, point int64, from, to time.Time) ([]DayUse, error) {
	if to.IsZero() {
		to = s.now()
	}
	if from.IsZero() {
		from = to.AddDate(0, 0, -30)
	}
	lo, hi := dayStart(from), dayStart(to.Add(-time.Nanosecond)).AddDate(0, 0, 1)
	if hi.Sub(lo) > 400*24*time.Hour {
		return nil, sishui.Invalid("from", "at most 400 days at a time")
	}
	rows, err := s.store.ListDailyUse(ctx, point, dayKey(lo), dayKey(hi))
	if err != nil {
		return nil, err
	}
	byDay := map[string]sishui.DailyUse{}
	for _, r := range rows {
		byDay[r.Day.Format("2006-01-02")] = r
	}
	var out []DayUse
	for d := lo; d.Before(hi); d = d.AddDate(0, 0, 1) {
		k := dayKey(d).Format("2006-01-02")
		r, ok := byDay[k]
		if !ok {
			out = append(out, DayUse{Day: k, Basis: NoData})
			continue
		}
		out = append(out, DayUse{Day: k, VolumeM3: r.VolumeM3(), Basis: r.Basis, Flags: r.Flags, Received: r.Received, Expected: r.Expected})
	}
	return out, nil
}
