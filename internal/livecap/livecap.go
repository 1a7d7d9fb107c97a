// Package livecap keeps each county's carrying-capacity grade (水资源承载能力)
// live: month by month from the data as it arrives — metered use against the
// caps, the metered deep (confined) groundwater (capacity's DeepConfinedM3)
// and the fall of the wells' measured depths (LevelDeclineMPerYear) — and
// stores the month in the history (sishui.CapacityMonth), so the grade moves
// with the data and shows what it rests on.
package livecap

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/capacity"
)

// Config holds the grading rules: Rules when set (versioned, per city and
// county), else Capacity (capacity.DefaultConfig when zero) for every county.
type Config struct {
	Capacity capacity.Config
	Rules    *capacity.Rules
	// MinMonths is the fewest months of depth data a well needs to count
	// towards the level decline; 12 when zero (with fewer, the yearly cycle
	// of the depth cannot be told from a trend: half a year of spring
	// drawdown reads as metres a year of decline).
	MinMonths int
}

// Refresher computes and stores months.
type Refresher struct {
	Store sishui.Store
	Cfg   Config
	// Now is the clock (time.Now when nil).
	Now func() time.Time
}

func (r *Refresher) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Refresher) cfg() Config {
	c := r.Cfg
	if c.Capacity.TotalUse.Critical == 0 {
		c.Capacity = capacity.DefaultConfig()
	}
	if c.MinMonths == 0 {
		c.MinMonths = 12
	}
	return c
}

// Refresh computes months from..to (yyyymm, inclusive, within one year or
// across years) for every county and stores them; it returns the months
// stored. It reads as the context's actor and writes as the system.
func (r *Refresher) Refresh(ctx context.Context, from, to int) ([]*sishui.CapacityMonth, error) {
	if from > to {
		return nil, sishui.Invalid("from", "must not be after to")
	}
	var out []*sishui.CapacityMonth
	means, err := r.depthMeans(ctx, from, to)
	if err != nil {
		return nil, err
	}
	for m := from; m <= to; m = next(m) {
		ms, err := r.month(ctx, m, means)
		if err != nil {
			return out, err
		}
		for _, cm := range ms {
			if err := r.Store.UpsertCapacityMonth(sishui.WithActor(ctx, sishui.SystemActor), cm); err != nil {
				return out, err
			}
		}
		out = append(out, ms...)
	}
	return out, nil
}

func next(m int) int {
	if m%100 == 12 {
		return (m/100+1)*100 + 1
	}
	return m + 1
}

// Month computes every county's grade for the month ym (yyyymm) without storing it.
func (r *Refresher) Month(ctx context.Context, ym int) ([]*sishui.CapacityMonth, error) {
	means, err := r.depthMeans(ctx, ym, ym)
	if err != nil {
		return nil, err
	}
	return r.month(ctx, ym, means)
}

// monthIndex numbers months from year 0 (yyyymm → year×12 + month − 1).
func monthIndex(ym int) int { return ym/100*12 + ym%100 - 1 }

// depthMeans reads every well's depth once for the 12 months before from
// through to and returns its monthly means by monthIndex.
func (r *Refresher) depthMeans(ctx context.Context, from, to int) (map[int64]map[int]float64, error) {
	if from%100 < 1 || from%100 > 12 || to%100 < 1 || to%100 > 12 {
		return nil, sishui.Invalid("month", "must be yyyymm, got %d–%d", from, to)
	}
	wells, err := sishui.AllPages(func(p sishui.Page) ([]*sishui.Point, int, error) {
		return r.Store.ListPoints(ctx, sishui.PointFilter{Kind: sishui.PointWell, Page: p})
	})
	if err != nil {
		return nil, err
	}
	start := time.Date(from/100, time.Month(from%100), 1, 0, 0, 0, 0, sishui.BeijingTime).AddDate(0, -11, 0)
	end := time.Date(to/100, time.Month(to%100)+1, 1, 0, 0, 0, 0, sishui.BeijingTime)
	out := map[int64]map[int]float64{}
	for _, p := range wells {
		if p.Retired {
			continue
		}
		samples, err := r.Store.QuerySamples(ctx, sishui.SeriesQuery{Point: p.ID, Metric: sishui.MetricDepthM, From: start, To: end, Corrected: true})
		if err != nil {
			return nil, err
		}
		sum, n := map[int]float64{}, map[int]float64{}
		for _, s := range samples {
			t := s.Time.In(sishui.BeijingTime)
			i := t.Year()*12 + int(t.Month()) - 1
			sum[i] += s.Value
			n[i]++
		}
		m := make(map[int]float64, len(sum))
		for i, v := range sum {
			m[i] = v / n[i]
		}
		out[p.ID] = m
	}
	return out, nil
}

func (r *Refresher) month(ctx context.Context, ym int, means map[int64]map[int]float64) ([]*sishui.CapacityMonth, error) {
	cfg := r.cfg()
	year, month := ym/100, ym%100
	if month < 1 || month > 12 {
		return nil, sishui.Invalid("month", "must be yyyymm, got %d", ym)
	}
	st := r.Store
	regions, err := st.ListRegions(ctx, sishui.RegionFilter{})
	if err != nil {
		return nil, err
	}
	sources, err := st.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	ground := map[string]bool{}
	for _, s := range sources {
		if s.Groundwater {
			ground[s.Code] = true
		}
	}
	caps, err := st.ListCaps(ctx, "", year)
	if err != nil {
		return nil, err
	}
	capOf := map[string]*sishui.RegionCap{}
	for _, c := range caps {
		capOf[c.Region] = c
	}
	wells, err := sishui.AllPages(func(p sishui.Page) ([]*sishui.Point, int, error) {
		return st.ListPoints(ctx, sishui.PointFilter{Kind: sishui.PointWell, Page: p})
	})
	if err != nil {
		return nil, err
	}
	host := map[string]string{} // zone → county
	for _, rg := range regions {
		if rg.Level == sishui.LevelZone && rg.Host != "" {
			host[rg.Code] = rg.Host
		}
	}
	gwZones, err := st.ListZones(ctx, "")
	if err != nil {
		return nil, err
	}
	deepZone := map[string]string{} // county → its deep confined over-extraction zone
	for _, z := range gwZones {
		if z.Layer == "deep" && z.Kind == sishui.ZoneOverExtraction {
			deepZone[z.Region] = z.Name
		}
	}
	monthEnd := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
	now := r.now()
	var out []*sishui.CapacityMonth
	for _, rg := range regions {
		if rg.Level != sishui.LevelCounty {
			continue
		}
		cells, err := st.MonthlyUse(ctx, sishui.UseFilter{Region: rg.Code, FromMonth: year*100 + 1, ToMonth: ym})
		if err != nil {
			if sishui.ErrorCode(err) == sishui.EFORBIDDEN {
				continue // outside the caller's scope
			}
			return nil, err
		}
		var use, gw, deep int64
		for _, c := range cells {
			v := c.Total()
			use += v
			if ground[c.Source] {
				gw += v
			}
			if c.Source == sishui.SourceGroundDeep {
				deep += v
			}
		}
		rules, inZone, zoneText, rulesText, err := r.rulesFor(cfg, rg, monthEnd, deepZone)
		if err != nil {
			return nil, err
		}
		cm := &sishui.CapacityMonth{Region: rg.Code, Month: ym, Edition: rules.Edition, Computed: now, Reasons: []string{}}
		// Use and groundwater to the year end: through the month, scaled by 12/month
		// while the year runs (the overview projects the same way from the days).
		// The share of the year the data cover: whole months, or up to now
		// in the running month.
		jan1 := time.Date(year, 1, 1, 0, 0, 0, 0, sishui.BeijingTime)
		through := time.Date(year, time.Month(month)+1, 1, 0, 0, 0, 0, sishui.BeijingTime)
		if n := r.now(); n.Before(through) {
			through = n
		}
		frac := through.Sub(jan1).Hours() / jan1.AddDate(1, 0, 0).Sub(jan1).Hours()
		k := 1.0
		if frac > 0 && frac < 1 {
			k = 1 / frac
		}
		cm.UseM3, cm.GroundwaterM3 = math.Round(float64(use)/1000*k), math.Round(float64(gw)/1000*k)
		cm.DeepConfinedM3 = math.Round(float64(deep) / 1000)
		if c := capOf[rg.Code]; c != nil {
			cm.UseCapM3, cm.GroundwaterCapM3 = float64(c.TotalM3), float64(c.GroundwaterM3)
		}
		var inCounty []*sishui.Point
		for _, p := range wells {
			if !p.Retired && (p.Region == rg.Code || host[p.Region] == rg.Code) {
				inCounty = append(inCounty, p)
			}
		}
		decline, n := levelDecline(inCounty, means, monthIndex(ym), cfg.MinMonths)
		cm.LevelDeclineMPerYear, cm.WellCount = decline, n
		load := capacity.Load{Region: rg.Code, UseM3: cm.UseM3, UseCapM3: cm.UseCapM3, GroundwaterM3: cm.GroundwaterM3,
			GroundwaterCapM3: cm.GroundwaterCapM3, DeepConfinedM3: cm.DeepConfinedM3, DeepConfinedZone: inZone, LevelDeclineMPerYear: cm.LevelDeclineMPerYear}
		a, err := rules.Assess(load)
		if err != nil {
			return nil, fmt.Errorf("livecap: %s %d: %w", rg.Code, ym, err)
		}
		cm.Grade, cm.GradeName = a.Quantity.Code(), a.Quantity.String()
		if a.Reasons != nil {
			cm.Reasons = a.Reasons
		}
		useText := fmt.Sprintf("use actual: %.0f m³ in %d", float64(use)/1000, year)
		if k != 1 {
			useText = fmt.Sprintf("use projected: %.0f m³ through %s ÷ %.3f of the year", float64(use)/1000, through.Add(-time.Second).Format("2006-01-02"), frac)
		}
		parts := []string{useText,
			fmt.Sprintf("deep confined groundwater metered %.0f m³", cm.DeepConfinedM3)}
		if rules.DeepConfinedZoneOnly {
			parts = append(parts, zoneText)
		}
		if n > 0 {
			parts = append(parts, fmt.Sprintf("level decline %.2f m/yr from %d wells' monthly mean depths (12 months to %02d/%d)", decline, n, month, year))
		} else {
			parts = append(parts, "no well with enough depth data")
		}
		if rulesText != "" {
			parts = append(parts, rulesText)
		}
		cm.Basis = strings.Join(parts, "; ")
		out = append(out, cm)
	}
	return out, nil
}

// rulesFor returns the grading rules in force for a county on day at, whether
// its deep extraction counts as in a deep confined over-extraction zone, and
// that in words. With versioned rules the county's chain is its city, then
// itself; a version's deep_confined_zone overrides the zone register.
func (r *Refresher) rulesFor(cfg Config, rg *sishui.Region, at time.Time, deepZone map[string]string) (capacity.Config, bool, string, string, error) {
	zoneName, inZone := deepZone[rg.Code]
	text := "no deep confined over-extraction zone registered"
	if inZone {
		text = "deep confined over-extraction zone " + zoneName + " (register)"
	}
	if cfg.Rules == nil {
		return cfg.Capacity, inZone, text, "", nil
	}
	a, err := cfg.Rules.For([]string{rg.Parent, rg.Code}, at)
	if err != nil {
		return capacity.Config{}, false, "", "", fmt.Errorf("livecap: %s: %w", rg.Code, err)
	}
	if z := a.DeepConfinedZone; z != nil {
		inZone = *z
		text = "deep confined over-extraction zone: " + map[bool]string{true: "yes", false: "no"}[inZone] + " (rules)"
	}
	c := a.Config
	c.Edition += " — rules " + a.Describe(false)
	return c, inZone, text, "rules " + a.Describe(true), nil
}

// levelDecline is the mean over wells of the least-squares slope of their
// monthly mean depth (m below ground) over the 12 months ending with month
// index last, in m a year; positive means the water table is falling. A well
// with all 12 months has the yearly cycle (spring drawdown, summer recharge)
// fitted out with the slope (TrendDeseasoned), since over one year the
// cycle alone tilts a plain slope by up to its amplitude a year. Wells with
// fewer than minMonths months of data do not count.
func levelDecline(wells []*sishui.Point, means map[int64]map[int]float64, last, minMonths int) (float64, int) {
	var sum float64
	var n int
	for _, p := range wells {
		var xs, ys []float64
		for i := last - 11; i <= last; i++ {
			if v, ok := means[p.ID][i]; ok {
				xs, ys = append(xs, float64(i)), append(ys, v)
			}
		}
		if len(xs) < minMonths {
			continue
		}
		if len(xs) >= 12 {
			sum += TrendDeseasoned(xs, ys) * 12
		} else {
			sum += Slope(xs, ys) * 12
		}
		n++
	}
	if n == 0 {
		return 0, 0
	}
	return math.Round(sum/float64(n)*1000) / 1000, n
}

// Slope is the least-squares slope of ys on xs (0 for fewer than two points).
func Slope(xs, ys []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx /= float64(len(xs))
	my /= float64(len(xs))
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	if sxx == 0 {
		return 0
	}
	return sxy / sxx
}

// TrendDeseasoned is the slope b of the least-squares fit
// y = a + b·x + c·sin(2πx/12) + d·cos(2πx/12) (x in months): the trend with
// a yearly cycle removed. It needs at least 5 points spread over the year;
// with fewer it falls back to Slope.
func TrendDeseasoned(xs, ys []float64) float64 {
	if len(xs) < 5 {
		return Slope(xs, ys)
	}
	var mx float64
	for _, x := range xs {
		mx += x
	}
	mx /= float64(len(xs))
	// Normal equations A·β = r for the columns 1, x−mx, sin, cos.
	var a [4][5]float64
	for i, x := range xs {
		w := 2 * math.Pi * x / 12
		col := [4]float64{1, x - mx, math.Sin(w), math.Cos(w)}
		for r := 0; r < 4; r++ {
			for c := 0; c < 4; c++ {
				a[r][c] += col[r] * col[c]
			}
			a[r][4] += col[r] * ys[i]
		}
	}
	// Gaussian elimination with partial pivoting.
	for k := 0; k < 4; k++ {
		p := k
		for r := k + 1; r < 4; r++ {
			if math.Abs(a[r][k]) > math.Abs(a[p][k]) {
				p = r
			}
		}
		if math.Abs(a[p][k]) < 1e-9 {
			return Slope(xs, ys) // the cycle is not identifiable from these months
		}
		a[k], a[p] = a[p], a[k]
		for r := k + 1; r < 4; r++ {
			f := a[r][k] / a[k][k]
			for c := k; c < 5; c++ {
				a[r][c] -= f * a[k][c]
			}
		}
	}
	var beta [4]float64
	for k := 3; k >= 0; k-- {
		v := a[k][4]
		for c := k + 1; c < 4; c++ {
			v -= a[k][c] * beta[c]
		}
		beta[k] = v / a[k][k]
	}
	return beta[1]
}
