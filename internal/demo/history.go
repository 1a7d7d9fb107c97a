// Package demo makes up the history that `sishui demo` shows: readings of
// every monitoring point from the first of January to now, and entered
// volumes for the farm use no meter sees, so that the dashboard, the
// indicators and the warnings have a year to work on from the first minute.
// EVERY NUMBER IT WRITES IS INVENTED; a few are set up to cross a line so that
// each kind of warning has something to show (see Story).
package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"sort"
	"time"

	"github.com/sishui/sishui"
)

// Story names the points and regions the history pushes over a line.
type Story struct {
	OverPermit    int64  // a permit used beyond its annual volume's pace
	LowFlowPoint  int64  // a river point whose section runs below its base flow
	DeepWellPoint int64  // a well beyond its zone's red line
	GeoPoint      int64  // a geothermal well reinjecting less than it takes
	HotRegion     string // a county whose use heads for its cap
	// DispatchPlan is a dispatch plan made PastDispatchDays ago whose
	// intakes' meters follow its orders (plan vs actual).
	DispatchPlan int64
	Offline      []int64 // terminals silent for the last OfflineDays days (the demo's simulator leaves them out)
}

// OfflineEvery picks the offline terminals: every OfflineEvery-th metered
// point (by id) stops reporting OfflineDays days before now, so a healthy
// network shows a few offline points.
const (
	OfflineEvery = 50
	OfflineDays  = 3
)

// Result counts what History wrote.
type Result struct {
	Samples int
	Entered int
	Story   Story
}

// History writes the demo's past from 1 January of now's year (Beijing) to now.
// Metered points (withdrawal, electricity, reclaimed water, geothermal) and
// groundwater wells report at their declared interval (Point.IntervalSeconds)
// all year, so that their completeness (到报率) is that of a healthy network
// but for the Story's offline terminals; the other points (river, rain,
// reservoir), whose completeness nothing counts, have one reading a day and
// then hourly ones for the last HourlyDays days. Derived flows are daily
// but for the last HourlyDays days.
func History(ctx context.Context, st sishui.Store, now time.Time, seed int64) (Result, error) {
	rng := rand.New(rand.NewSource(seed))
	var res Result
	points, err := sishui.AllPoints(ctx, st, sishui.PointFilter{})
	if err != nil {
		return res, err
	}
	sort.Slice(points, func(i, j int) bool { return points[i].ID < points[j].ID })
	bj := now.In(sishui.BeijingTime)
	start := time.Date(bj.Year(), 1, 1, 8, 0, 0, 0, sishui.BeijingTime)
	sparse := readingTimes(start, now)
	offlineFrom := now.Add(-OfflineDays * 24 * time.Hour)
	metered := 0
	res.Story.HotRegion = "371525" // 冠县, groundwater-stressed (DOMAIN.md §1.3)
	var batch []sishui.Sample
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		r, err := st.AppendSamples(ctx, batch)
		res.Samples += r.Inserted
		batch = batch[:0]
		return err
	}
	sections := map[int64]*sishui.Section{}
	zones := map[int64]*sishui.Zone{}
	past, err := newPastDispatch(ctx, st, bj)
	if err != nil {
		return res, err
	}
	for _, p := range points {
		var series []sishui.Sample
		times := sparse
		switch p.Kind {
		case sishui.PointWithdrawal, sishui.PointReclaimed, sishui.PointElectricity, sishui.PointGeothermal, sishui.PointWell:
			end := now
			if metered++; p.Kind != sishui.PointWell && metered%OfflineEvery == 0 {
				res.Story.Offline = append(res.Story.Offline, p.ID)
				end = offlineFrom
			}
			times = intervalTimes(bj, end, time.Duration(p.IntervalSeconds)*time.Second)
			if p.Kind == sishui.PointWithdrawal {
				times = past.before(p, times, end)
			}
		}
		switch p.Kind {
		case sishui.PointWithdrawal, sishui.PointReclaimed:
			var annual float64
			sector := "industry"
			if p.PermitID != 0 {
				permit, err := st.GetPermit(ctx, p.PermitID)
				if err != nil {
					return res, err
				}
				annual, sector = float64(permit.AnnualM3), permit.Sector
			} else {
				annual = 2_000_000 + rng.Float64()*3_000_000 // a reclaimed-water plant's yearly output
			}
			pace := 0.55 + 0.35*rng.Float64()
			if res.Story.OverPermit == 0 && sector == "industry" && p.PermitID != 0 {
				res.Story.OverPermit, pace = p.PermitID, 1.15
			}
			series = cumulative(p, sishui.MetricVolumeM3, times, 1e4+rng.Float64()*9e5, annual*pace/365, sector, rng)
			past.keep(p, series)
			series = append(series, flows(p, series, now.Add(-HourlyDays*24*time.Hour))...)
		case sishui.PointElectricity:
			series = cumulative(p, sishui.MetricEnergyKWh, times, rng.Float64()*5e4, 40+rng.Float64()*120, "irrigation", rng)
		case sishui.PointGeothermal:
			take := cumulative(p, sishui.MetricVolumeM3, times, 1e5, 300+rng.Float64()*200, "heating", rng)
			share := 1.0
			if res.Story.GeoPoint == 0 {
				res.Story.GeoPoint, share = p.ID, 0.8
			}
			for _, x := range take {
				series = append(series, x, sishui.Sample{Point: p.ID, Metric: sishui.MetricReinjectM3, Time: x.Time, Value: math.Round((x.Value-1e5)*share + 1e5)})
			}
		case sishui.PointRiver:
			sec := sections[p.SectionID]
			if sec == nil {
				if sec, err = st.GetSection(ctx, p.SectionID); err != nil {
					return res, err
				}
				sections[p.SectionID] = sec
			}
			low := res.Story.LowFlowPoint == 0 && sec.River == "金堤河"
			if low {
				res.Story.LowFlowPoint = p.ID
			}
			series = river(p, sec, times, now, low, rng)
		case sishui.PointWell:
			var z *sishui.Zone
			if p.ZoneID != 0 {
				if z = zones[p.ZoneID]; z == nil {
					if z, err = st.GetZone(ctx, p.ZoneID); err != nil {
						return res, err
					}
					zones[p.ZoneID] = z
				}
			}
			deep := z != nil && res.Story.DeepWellPoint == 0 && z.Code == "guan_shallow"
			if deep {
				res.Story.DeepWellPoint = p.ID
			}
			series = well(p, z, lastYear(bj), times, deep, rng)
		case sishui.PointRain:
			series = rain(p, times, rng)
		case sishui.PointReservoir:
			for i, t := range times {
				series = append(series, sishui.Sample{Point: p.ID, Metric: sishui.MetricLevelM, Time: t, Value: round2(38 + 1.5*math.Sin(float64(i)/60))})
			}
		}
		for _, t := range sparse[max(0, len(sparse)-48):] {
			if len(times) == 0 || t.After(times[len(times)-1]) {
				break // an offline terminal reports nothing after its last reading
			}
			series = append(series, sishui.Sample{Point: p.ID, Metric: sishui.MetricVoltageV, Time: t, Value: round2(12.2 + rng.Float64()*0.8)})
		}
		batch = append(batch, series...)
		if len(batch) >= 20_000 {
			if err := flush(); err != nil {
				return res, err
			}
		}
	}
	if err := flush(); err != nil {
		return res, err
	}
	plan, n, err := past.write(ctx, st, now, seed)
	if err != nil {
		return res, err
	}
	res.Story.DispatchPlan, res.Samples = plan, res.Samples+n
	n, err = enterFarmUse(ctx, st, bj, res.Story.HotRegion, rng)
	res.Entered = n
	return res, err
}

// HourlyDays is how many of the last days the history fills hourly for the
// points it does not fill at their declared interval (river, rain, reservoir);
// before that they have one reading a day. Derived flows are hourly for these
// days too.
const HourlyDays = 14

// intervalTimes is every interval from 1 January 00:00 Beijing of bj's year
// until end, on the grid completeness counts expected reports on.
func intervalTimes(bj, end time.Time, interval time.Duration) []time.Time {
	interval = max(interval, time.Minute)
	var out []time.Time
	for t := time.Date(bj.Year(), 1, 1, 0, 0, 0, 0, sishui.BeijingTime); !t.After(end); t = t.Add(interval) {
		out = append(out, t)
	}
	return out
}

// readingTimes is 08:00 Beijing each day, then every hour of the last HourlyDays days.
func readingTimes(start, now time.Time) []time.Time {
	var out []time.Time
	hourly := now.Add(-HourlyDays * 24 * time.Hour).Truncate(time.Hour)
	for t := start; t.Before(hourly); t = t.AddDate(0, 0, 1) {
		out = append(out, t)
	}
	for t := hourly; !t.After(now); t = t.Add(time.Hour) {
		out = append(out, t)
	}
	return out
}

// seasonal is the month's share of a sector's use relative to the mean month.
func seasonal(sector string, m time.Month) float64 {
	switch sector {
	case "irrigation":
		return [...]float64{0.3, 0.5, 1.8, 2.0, 1.7, 1.4, 0.7, 0.6, 0.9, 1.3, 0.8, 0.3}[m-1]
	case "heating":
		return [...]float64{1.9, 1.7, 1.2, 0.4, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5, 1.5, 1.8}[m-1] * 1.0
	case "domestic_urban", "domestic_rural":
		return [...]float64{0.9, 0.9, 0.95, 1.0, 1.05, 1.1, 1.15, 1.15, 1.05, 1.0, 0.9, 0.9}[m-1]
	}
	return 1
}

// cumulative is a meter register rising by perDay (seasonal, noisy) from start.
func cumulative(p *sishui.Point, m sishui.Metric, times []time.Time, start, perDay float64, sector string, rng *rand.Rand) []sishui.Sample {
	out := make([]sishui.Sample, 0, len(times))
	v := start
	for i, t := range times {
		if i > 0 {
			days := t.Sub(times[i-1]).Hours() / 24
			hour := t.In(sishui.BeijingTime).Hour()
			daily := 1.0
			if days < 1 { // within the day: a daytime peak, averaging 1 over the day
				daily = (0.6 + 0.8*math.Max(0, math.Sin(float64(hour-6)/24*2*math.Pi))) / (0.6 + 0.8/math.Pi)
			}
			v += perDay * days * seasonal(sector, t.In(sishui.BeijingTime).Month()) * daily * (0.85 + 0.3*rng.Float64())
		}
		out = append(out, sishui.Sample{Point: p.ID, Metric: m, Time: t, Value: math.Round(v)})
	}
	return out
}

// flows derives an average flow from successive meter readings: every
// reading from recent on, one a day (08:00 Beijing) before.
func flows(p *sishui.Point, vol []sishui.Sample, recent time.Time) []sishui.Sample {
	var out []sishui.Sample
	last := 0
	for i := 1; i < len(vol); i++ {
		bj := vol[i].Time.In(sishui.BeijingTime)
		if vol[i].Time.Before(recent) && (bj.Hour() != 8 || bj.Minute() != 0) {
			continue
		}
		dt := vol[i].Time.Sub(vol[last].Time).Seconds()
		prev := vol[last]
		last = i
		out = append(out, sishui.Sample{Point: p.ID, Metric: sishui.MetricFlowM3s, Time: vol[i].Time, Value: round3((vol[i].Value - prev.Value) / dt)})
	}
	return out
}

func river(p *sishui.Point, sec *sishui.Section, times []time.Time, now time.Time, low bool, rng *rand.Rand) []sishui.Sample {
	var out []sishui.Sample
	for _, t := range times {
		m := t.In(sishui.BeijingTime).Month()
		q := sec.WarningFlowM3s * (1.4 + 2.5*seasonal("domestic_urban", m)*[...]float64{0.4, 0.4, 0.5, 0.6, 0.8, 1.4, 2.6, 2.4, 1.5, 0.9, 0.6, 0.5}[m-1]) * (0.85 + 0.3*rng.Float64())
		if low && now.Sub(t) < 5*24*time.Hour {
			q = sec.BaseFlowM3s * (0.6 + 0.1*rng.Float64())
		}
		out = append(out,
			sishui.Sample{Point: p.ID, Metric: sishui.MetricFlowM3s, Time: t, Value: round3(q)},
			sishui.Sample{Point: p.ID, Metric: sishui.MetricLevelM, Time: t, Value: round2(30 + 0.8*math.Log1p(q))})
	}
	return out
}

// levelTrendMPerYear is how fast each county's water table falls in the demo
// (m a year, negative = rising): still falling in 冠县 and 莘县, the
// groundwater-stressed west (DOMAIN.md §1.3), about level in 东昌府区, and
// recovering elsewhere after the cuts in extraction, as the plan expects
// (地下水位持续回升). INVENTED FOR THE DEMO.
var levelTrendMPerYear = map[string]float64{"371525": 0.7, "371522": 0.45, "371502": 0.1}

// levelTrendElsewhere is the demo's trend of the other counties.
const levelTrendElsewhere = -0.3

// lastYear is 08:00 Beijing each day of the year before bj's.
func lastYear(bj time.Time) []time.Time {
	var out []time.Time
	end := time.Date(bj.Year(), 1, 1, 0, 0, 0, 0, sishui.BeijingTime)
	for t := time.Date(bj.Year()-1, 1, 1, 8, 0, 0, 0, sishui.BeijingTime); t.Before(end); t = t.AddDate(0, 0, 1) {
		out = append(out, t)
	}
	return out
}

// well is a well's depth to water: a yearly cycle (deepest in spring, when
// the farms pump), its county's trend and noise; one reading a day through
// the year before (so that the level decline has a year of data from the
// first month), then at times. The deep story well is drawn down 3 m more
// through this year.
func well(p *sishui.Point, z *sishui.Zone, before, times []time.Time, deep bool, rng *rand.Rand) []sishui.Sample {
	base := 12 + rng.Float64()*6
	if z != nil {
		base = z.WarnDepthM * (0.7 + 0.15*rng.Float64())
		if deep {
			base = z.RedLineDepthM - 1.5
		}
	}
	trend, ok := levelTrendMPerYear[p.Region]
	if !ok {
		trend = levelTrendElsewhere
	}
	var jan1 time.Time
	if len(times) > 0 {
		jan1 = time.Date(times[0].In(sishui.BeijingTime).Year(), 1, 1, 0, 0, 0, 0, sishui.BeijingTime)
	}
	depth := func(t time.Time, noise float64) float64 {
		yd := float64(t.In(sishui.BeijingTime).YearDay())
		return base + 1.2*math.Sin(yd/365*2*math.Pi-1.2) + trend*t.Sub(jan1).Hours()/24/365 + noise
	}
	out := make([]sishui.Sample, 0, len(before)+len(times))
	prev := rand.New(rand.NewSource(p.ID)) // last year's noise, leaving rng's sequence as it was
	for _, t := range before {
		out = append(out, sishui.Sample{Point: p.ID, Metric: sishui.MetricDepthM, Time: t, Value: round2(depth(t, prev.Float64()*0.1))})
	}
	for i, t := range times {
		d := depth(t, rng.Float64()*0.1)
		if deep {
			d += float64(i) / float64(len(times)) * 3 // drawn down through the year
		}
		out = append(out, sishui.Sample{Point: p.ID, Metric: sishui.MetricDepthM, Time: t, Value: round2(d)})
	}
	return out
}

func rain(p *sishui.Point, times []time.Time, rng *rand.Rand) []sishui.Sample {
	// Mean 560.6 mm a year, 73.8% in June–September (DOMAIN.md §1.3); daily amounts invented.
	monthly := [...]float64{5, 9, 13, 28, 40, 75, 174, 120, 45, 25, 15, 7}
	var out []sishui.Sample
	for i, t := range times {
		if i > 0 && t.Sub(times[i-1]) < 24*time.Hour {
			out = append(out, sishui.Sample{Point: p.ID, Metric: sishui.MetricRainMM, Time: t, Value: 0})
			continue
		}
		m := t.In(sishui.BeijingTime).Month()
		v := 0.0
		if rng.Float64() < 0.25 {
			v = round2(monthly[m-1] / 30 / 0.25 * rng.ExpFloat64())
		}
		out = append(out, sishui.Sample{Point: p.ID, Metric: sishui.MetricRainMM, Time: t, Value: v})
	}
	return out
}

// enterFarmUse enters, per county and month, the farm use no meter sees
// (unmetered wells and canals), sized so that the city's year comes near the
// annex's 20亿 m³ and the hot county near its cap.
func enterFarmUse(ctx context.Context, st sishui.Store, now time.Time, hot string, rng *rand.Rand) (int, error) {
	caps, err := st.ListCaps(ctx, "", now.Year())
	if err != nil {
		return 0, err
	}
	n := 0
	for _, c := range caps {
		r, err := st.GetRegion(ctx, c.Region)
		if err != nil {
			return n, err
		}
		if r.Level != sishui.LevelCounty {
			continue
		}
		share := 0.45 + 0.1*rng.Float64() // of the cap, for the year; metered use comes on top
		if c.Region == hot {
			share = 0.72
		}
		yearly := float64(c.TotalM3) * share
		// Groundwater takes 55 % of it, but outside the hot county no more than
		// 55 % of the county's groundwater cap, so that only the story's county
		// presses on its groundwater line.
		groundShare := 0.55
		if c.Region != hot && c.GroundwaterM3 > 0 && yearly > 0 {
			groundShare = min(groundShare, 0.55*float64(c.GroundwaterM3)/yearly)
		}
		for m := time.January; m <= now.Month(); m++ {
			frac := seasonal("irrigation", m) / 12
			if m == now.Month() {
				frac *= float64(now.Day()) / 30
			}
			for _, src := range []struct {
				code  string
				share float64
			}{{sishui.SourceGroundShallow, groundShare}, {sishui.SourceYellowRiver, 1 - groundShare}} {
				e := &sishui.EnteredUse{Region: c.Region, Source: src.code, Sector: "irrigation", Month: now.Year()*100 + int(m),
					VolumeM3: int64(yearly * frac * src.share), Note: "invented for the demo: unmetered farm use"}
				if err := st.UpsertEnteredUse(ctx, e); err != nil {
					return n, fmt.Errorf("entered use %s %d: %w", c.Region, e.Month, err)
				}
				n++
			}
		}
	}
	return n, nil
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
