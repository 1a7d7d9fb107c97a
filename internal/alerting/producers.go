package alerting

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/indicator"
	"github.com/sishui/sishui/internal/meter"
	"github.com/sishui/sishui/internal/quality"
	"github.com/sishui/sishui/internal/warning"
)

// owner is what an alert subject concerns, for scoping.
type owner struct {
	region string
	user   int64
}

// observed is an observation with its subject's owner.
type observed struct {
	warning.Observation
	owner
}

// A producer reads the store (through the inputs every producer shares, or
// on its own) and yields the observations of its kinds.
type producer struct {
	name    string
	kinds   []warning.Kind
	observe func(s *Service, ctx context.Context, in *inputs) ([]observed, error)
}

// producers is the table the service iterates, in order: every kind of
// warning.Kinds has exactly one producer (TestProducersCoverKinds); one
// producer may yield several kinds that share their reading.
var producers = []producer{
	{"caps", []warning.Kind{warning.RegionTotalUse, warning.GroundwaterZoneCap}, (*Service).caps},
	{"permit use", []warning.Kind{warning.PermitUse}, (*Service).permitUse},
	{"permit process", []warning.Kind{warning.PermitExpiry, warning.UnpermittedUse, warning.AnnualPlanReport, warning.MeteringCompliance}, (*Service).permitProcess},
	{"rights over-use", []warning.Kind{warning.RightsOveruse}, (*Service).rightsOveruse},
	{"task reports", []warning.Kind{warning.TaskReport}, (*Service).taskReports},
	{"terminal offline", []warning.Kind{warning.TerminalOffline}, (*Service).terminalOffline},
	{"data quality", []warning.Kind{warning.DataQuality}, (*Service).dataQuality},
	{"groundwater level", []warning.Kind{warning.GroundwaterLevel}, (*Service).groundwaterLevel},
	{"geothermal reinjection", []warning.Kind{warning.GeothermalReinjection}, (*Service).geothermalReinjection},
	{"terminal security", []warning.Kind{warning.TerminalSecurity}, (*Service).terminalSecurity},
	{"eco base flow", []warning.Kind{warning.EcoBaseFlow}, (*Service).ecoBaseFlow},
}

// inputs is what the producers share, read once per evaluation as the platform.
type inputs struct {
	now     time.Time
	regions *accounting.RegionTree
	points  []*sishui.Point
	// permits: those whose term is over are expired by the sweep first.
	permits    []*sishui.Permit
	permitByID map[int64]*sishui.Permit
	through    indicator.Date // now's Beijing day
	// Metered m³ this year and this month, by point and by permit (points
	// that count as use); permitHasPoints: permits with such a point.
	pointYTD, pointMonth   map[int64]float64
	permitYTD, permitMonth map[int64]float64
	permitHasPoints        map[int64]bool
	zones                  []*sishui.Zone
	latest                 map[int64]sishui.PointSeen // last report of each point
}

// ownerOf is the region of p and the water user holding its permit.
func (in *inputs) ownerOf(p *sishui.Point) owner {
	o := owner{region: p.Region}
	if pm := in.permitByID[p.PermitID]; pm != nil {
		o.user = pm.UserID
	}
	return o
}

// live are the points not retired.
func (in *inputs) live() []*sishui.Point {
	out := make([]*sishui.Point, 0, len(in.points))
	for _, p := range in.points {
		if !p.Retired {
			out = append(out, p)
		}
	}
	return out
}

// project is the linear projection of v m³ to the year's end.
func (in *inputs) project(v float64) float64 {
	p, err := indicator.Linear{}.Project(v, in.through)
	if err != nil {
		return 0
	}
	return p
}

func (s *Service) readInputs(ctx context.Context, now time.Time) (*inputs, error) {
	in := &inputs{now: now, through: indicator.DateOf(now), permitByID: map[int64]*sishui.Permit{},
		pointYTD: map[int64]float64{}, pointMonth: map[int64]float64{}, permitYTD: map[int64]float64{}, permitMonth: map[int64]float64{},
		permitHasPoints: map[int64]bool{}, latest: map[int64]sishui.PointSeen{}}
	var err error
	if in.regions, err = s.accounts.RegionTree(ctx); err != nil {
		return nil, err
	}
	if in.points, err = sishui.AllPoints(ctx, s.store, sishui.PointFilter{}); err != nil {
		return nil, err
	}
	if in.permits, err = allPermits(ctx, s.store); err != nil {
		return nil, err
	}
	for _, p := range in.permits {
		in.permitByID[p.ID] = p
	}
	year := now.In(sishui.BeijingTime).Year()
	pms, err := s.store.PointMonthlyUse(ctx, sishui.UseFilter{FromMonth: year*100 + 1, ToMonth: year*100 + 12})
	if err != nil {
		return nil, err
	}
	month := year*100 + int(in.through.Month)
	for _, x := range pms {
		v := float64(x.Total()) / 1000
		in.pointYTD[x.Point] += v
		if x.Month == month {
			in.pointMonth[x.Point] += v
		}
	}
	for _, p := range in.points {
		if p.PermitID != 0 && s.accounts.CountsAsUse(p) {
			in.permitYTD[p.PermitID] += in.pointYTD[p.ID]
			in.permitMonth[p.PermitID] += in.pointMonth[p.ID]
			in.permitHasPoints[p.PermitID] = true
		}
	}
	if err := s.expirePermits(ctx, now, in.permits); err != nil {
		return nil, err
	}
	if in.zones, err = s.store.ListZones(ctx, ""); err != nil {
		return nil, err
	}
	seen, err := s.store.LastSeen(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range seen {
		in.latest[x.Point] = x
	}
	return in, nil
}

// Observations reads the store and runs every producer at now: the warning
// inputs, with the owner (region, water user) of each subject.
func (s *Service) Observations(ctx context.Context, now time.Time) ([]warning.Observation, map[string]owner, error) {
	return s.observations(ctx, now, producers)
}

// observations runs the producers of table; a producer yielding a kind it
// does not declare is an error.
func (s *Service) observations(ctx context.Context, now time.Time, table []producer) ([]warning.Observation, map[string]owner, error) {
	ctx = system(ctx)
	in, err := s.readInputs(ctx, now)
	if err != nil {
		return nil, nil, err
	}
	var obs []warning.Observation
	owners := map[string]owner{}
	for _, p := range table {
		xs, err := p.observe(s, ctx, in)
		if err != nil {
			return nil, nil, fmt.Errorf("alerting: %s: %w", p.name, err)
		}
		for _, x := range xs {
			if !slices.Contains(p.kinds, x.Kind) {
				return nil, nil, fmt.Errorf("alerting: producer %s yielded kind %s it does not declare", p.name, x.Kind)
			}
			x.Time = now
			obs = append(obs, x.Observation)
			owners[x.Subject] = x.owner
		}
	}
	return obs, owners, nil
}

func allPermits(ctx context.Context, st sishui.Store) ([]*sishui.Permit, error) {
	return sishui.AllPages(func(p sishui.Page) ([]*sishui.Permit, int, error) {
		return st.ListPermits(ctx, sishui.PermitFilter{Page: p})
	})
}

// caps: the regions' use against their caps, and the groundwater zones'
// extraction against theirs.
func (s *Service) caps(ctx context.Context, in *inputs) ([]observed, error) {
	out, err := s.regionCaps(ctx, in)
	if err != nil {
		return nil, err
	}
	return append(out, s.zoneCaps(in)...), nil
}

// regionCaps: each region's use and groundwater use, year to date and
// projected, against its cap moved by the settled regional water-rights
// trades in their term (effective caps).
func (s *Service) regionCaps(ctx context.Context, in *inputs) ([]observed, error) {
	caps, err := s.store.ListCaps(ctx, "", in.now.In(sishui.BeijingTime).Year())
	if err != nil {
		return nil, err
	}
	shifts, err := s.store.CapShifts(ctx, in.now)
	if err != nil {
		return nil, err
	}
	codes := make([]string, len(caps))
	for i, c := range caps {
		codes[i] = c.Region
	}
	use, err := s.accounts.UseToDate(ctx, in.now, codes)
	if err != nil {
		return nil, err
	}
	var out []observed
	for _, c := range caps {
		u, ok := use[c.Region]
		if !ok {
			continue
		}
		subj := "region:" + c.Region
		sh := shifts[c.Region]
		ow := owner{region: c.Region}
		out = append(out, observed{warning.Observation{Kind: warning.RegionTotalUse, Subject: subj, Value: u.UseM3, Projected: u.ProjectedM3,
			Limit: float64(c.TotalM3 + sh.TotalM3())}, ow})
		if c.GroundwaterM3 > 0 {
			out = append(out, observed{warning.Observation{Kind: warning.GroundwaterZoneCap, Subject: subj, Value: u.GroundwaterM3,
				Projected: u.GroundwaterProjectedM3, Limit: float64(c.GroundwaterM3 + sh.GroundM3)}, ow})
		}
	}
	return out, nil
}

// permitUse: each active permit's metered use against its annual permitted
// volume and this month's plan.
func (s *Service) permitUse(_ context.Context, in *inputs) ([]observed, error) {
	var out []observed
	for _, pm := range in.permits {
		if pm.Status != sishui.PermitActive || !in.permitHasPoints[pm.ID] {
			continue
		}
		o := warning.Observation{Kind: warning.PermitUse, Subject: "permit:" + pm.Number, Value: in.permitYTD[pm.ID], Limit: float64(pm.AnnualM3),
			Projected: in.project(in.permitYTD[pm.ID]), MonthValue: in.permitMonth[pm.ID]}
		if len(pm.MonthlyPlanM3) == 12 {
			o.MonthLimit = float64(pm.MonthlyPlanM3[in.through.Month-1])
		}
		out = append(out, observed{o, owner{region: pm.Region, user: pm.UserID}})
	}
	return out, nil
}

// zoneCaps: each groundwater zone's extraction year to date against its cap.
func (s *Service) zoneCaps(in *inputs) []observed {
	use := map[int64]float64{}
	for _, p := range in.points {
		if p.ZoneID != 0 && s.accounts.CountsAsUse(p) {
			use[p.ZoneID] += in.pointYTD[p.ID]
		}
	}
	var out []observed
	for _, z := range in.zones {
		if z.AnnualCapM3 > 0 {
			out = append(out, observed{warning.Observation{Kind: warning.GroundwaterZoneCap, Subject: "zone:" + z.Code, Value: use[z.ID],
				Projected: in.project(use[z.ID]), Limit: float64(z.AnnualCapM3)}, owner{region: z.Region}})
		}
	}
	return out
}

// terminalOffline: each point silent since its last report (or since it was registered).
func (s *Service) terminalOffline(_ context.Context, in *inputs) ([]observed, error) {
	var out []observed
	for _, p := range in.live() {
		last := in.latest[p.ID].LastSeen
		if last.IsZero() {
			last = p.CreatedAt
		}
		out = append(out, observed{warning.Observation{Kind: warning.TerminalOffline, Subject: warning.PointSubject(p.Code), LastSeen: last,
			Interval: time.Duration(p.IntervalSeconds) * time.Second}, in.ownerOf(p)})
	}
	return out, nil
}

// dataQuality: the quality flags of each point's last report.
func (s *Service) dataQuality(_ context.Context, in *inputs) ([]observed, error) {
	var out []observed
	for _, p := range in.live() {
		if x := in.latest[p.ID]; !x.LastSeen.IsZero() {
			out = append(out, observed{warning.Observation{Kind: warning.DataQuality, Subject: warning.PointSubject(p.Code), Flags: flagNames(x.Flags)}, in.ownerOf(p)})
		}
	}
	return out, nil
}

// groundwaterLevel: each monitoring well's last depth to water between its
// zone's warning depth and red line, normalised (0 the warning depth, 1 the
// red line).
func (s *Service) groundwaterLevel(_ context.Context, in *inputs) ([]observed, error) {
	zones := map[int64]*sishui.Zone{}
	for _, z := range in.zones {
		zones[z.ID] = z
	}
	var out []observed
	for _, p := range in.live() {
		z := zones[p.ZoneID]
		if p.Kind != sishui.PointWell || z == nil || z.RedLineDepthM <= 0 {
			continue
		}
		depth, ok := in.latest[p.ID].Latest[sishui.MetricDepthM]
		if !ok {
			continue
		}
		v := 1.0
		if depth < z.RedLineDepthM {
			v = -1
			if z.RedLineDepthM > z.WarnDepthM {
				v = (depth - z.WarnDepthM) / (z.RedLineDepthM - z.WarnDepthM)
			}
		}
		out = append(out, observed{warning.Observation{Kind: warning.GroundwaterLevel, Subject: warning.WellSubject(p.Code), Value: v, Limit: 1,
			Extra: map[string]float64{"depth_m": depth, "warning_depth_m": z.WarnDepthM, "red_depth_m": z.RedLineDepthM}}, owner{region: p.Region}})
	}
	return out, nil
}

// geothermalReinjection: each geothermal well's reinjection against its
// extraction over the rule's window (30 days unless configured).
func (s *Service) geothermalReinjection(ctx context.Context, in *inputs) ([]observed, error) {
	window := s.ruleWindow(warning.GeothermalReinjection, 30*24*time.Hour)
	var out []observed
	for _, p := range in.live() {
		if p.Kind != sishui.PointGeothermal {
			continue
		}
		ext, err := s.windowVolume(ctx, p, sishui.MetricVolumeM3, in.now.Add(-window), in.now)
		if err != nil {
			return nil, err
		}
		inj, err := s.windowVolume(ctx, p, sishui.MetricReinjectM3, in.now.Add(-window), in.now)
		if err != nil {
			return nil, err
		}
		if ext > 0 {
			out = append(out, observed{warning.Observation{Kind: warning.GeothermalReinjection, Subject: warning.GeothermalSubject(p.Code), Value: inj, Limit: ext}, in.ownerOf(p)})
		}
	}
	return out, nil
}

// ecoBaseFlow: each control section's mean flow over the last 24 hours (the
// mean of its river points' means) against its base-flow target, and against
// its warning flow where that is above the target.
func (s *Service) ecoBaseFlow(ctx context.Context, in *inputs) ([]observed, error) {
	sections, err := s.store.ListSections(ctx, "")
	if err != nil {
		return nil, err
	}
	byID := map[int64]*sishui.Section{}
	for _, sc := range sections {
		byID[sc.ID] = sc
	}
	flows := map[int64][]float64{}
	for _, p := range in.live() {
		if p.Kind != sishui.PointRiver || byID[p.SectionID] == nil {
			continue
		}
		mean, ok, err := s.meanSince(ctx, p.ID, sishui.MetricFlowM3s, in.now.Add(-24*time.Hour), in.now)
		if err != nil {
			return nil, err
		}
		if ok {
			flows[p.SectionID] = append(flows[p.SectionID], mean)
		}
	}
	var out []observed
	for _, sc := range sections {
		fs := flows[sc.ID]
		if len(fs) == 0 {
			continue
		}
		var sum float64
		for _, f := range fs {
			sum += f
		}
		mean := sum / float64(len(fs))
		ow := owner{region: sc.Region}
		out = append(out, observed{warning.Observation{Kind: warning.EcoBaseFlow, Subject: "section:" + sc.Code, Value: mean, Limit: sc.BaseFlowM3s}, ow})
		if sc.WarningFlowM3s > sc.BaseFlowM3s {
			out = append(out, observed{warning.Observation{Kind: warning.EcoBaseFlow, Subject: "section-warning:" + sc.Code, Value: mean, Limit: sc.WarningFlowM3s}, ow})
		}
	}
	return out, nil
}

// qualityToWarning maps internal/quality flag names to the flag names of the
// data_quality rule; unmapped quality flags are passed under their own names.
var qualityToWarning = map[string]string{
	"flat_line":          "stuck",
	"hard_range":         "out_of_range",
	"soft_range":         "out_of_range",
	"future_timestamp":   "clock_skew",
	"too_old":            "clock_skew",
	"negative_increment": "negative_flow",
	"meter_rollback":     "counter_rollback",
	"missing":            "gap",
	"gap_filled":         "gap",
	"spike":              "spike",
}

func flagNames(f uint32) []string {
	var out []string
	for _, n := range quality.Flag(f).Names() {
		if w, ok := qualityToWarning[n]; ok && !slices.Contains(out, w) {
			out = append(out, w)
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// meanSince is the plain mean of a metric's samples in [from, to).
func (s *Service) meanSince(ctx context.Context, point int64, m sishui.Metric, from, to time.Time) (float64, bool, error) {
	xs, err := s.store.QuerySamples(ctx, sishui.SeriesQuery{Point: point, Metric: m, From: from, To: to})
	if err != nil {
		return 0, false, fmt.Errorf("%s of point %d: %w", m, point, err)
	}
	var sum float64
	n := 0
	for _, x := range xs {
		if quality.Flag(x.Flags).Any(quality.FlagHardRange|quality.FlagMissing) || math.IsNaN(x.Value) {
			continue
		}
		sum += x.Value
		n++
	}
	if n == 0 {
		return 0, false, nil
	}
	return sum / float64(n), true, nil
}

// windowVolume derives the volume a cumulative register of point advanced in
// [from, to), sharing the intervals at the edges in proportion to time.
func (s *Service) windowVolume(ctx context.Context, p *sishui.Point, m sishui.Metric, from, to time.Time) (float64, error) {
	xs, err := s.store.QuerySamples(ctx, sishui.SeriesQuery{Point: p.ID, Metric: m, From: from.Add(-7 * 24 * time.Hour), To: to.Add(time.Hour)})
	if err != nil {
		return 0, fmt.Errorf("%s of point %d: %w", m, p.ID, err)
	}
	rs := make([]meter.Reading, len(xs))
	for i, x := range xs {
		rs[i] = meter.Reading{Time: x.Time, Value: x.Value}
	}
	var v float64
	for _, iv := range meter.Derive(rs, meter.MeterSpec{Rollover: p.RolloverM3}, nil) {
		st, en := iv.Start, iv.End
		if !en.After(from) || !st.Before(to) {
			continue
		}
		full := en.Sub(st)
		if st.Before(from) {
			st = from
		}
		if en.After(to) {
			en = to
		}
		if full > 0 {
			v += iv.VolumeM3 * float64(en.Sub(st)) / float64(full)
		}
	}
	return v, nil
}
