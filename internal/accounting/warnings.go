package accounting

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/indicator"
	"github.com/sishui/sishui/internal/meter"
	"github.com/sishui/sishui/internal/quality"
	"github.com/sishui/sishui/internal/warning"
	"github.com/sishui/sishui/internal/warning/webhook"
)

//go:embed rules/accounting.yaml
var rulesFS embed.FS

// BuiltinRules returns the service's rule set: warning.DefaultRules with
// eco_base_flow restricted to "section:" subjects and groundwater_level to
// "well-level:" subjects, plus rules/accounting.yaml (warning flow and
// groundwater depth against the zone lines).
func BuiltinRules() ([]warning.Rule, error) {
	rules, err := warning.DefaultRules()
	if err != nil {
		return nil, fmt.Errorf("accounting: %w", err)
	}
	for i := range rules {
		switch rules[i].Kind {
		case warning.EcoBaseFlow:
			rules[i].Subjects = []string{"section:"}
		case warning.GroundwaterLevel:
			rules[i].Subjects = []string{"well-level:"}
		}
	}
	b, err := rulesFS.ReadFile("rules/accounting.yaml")
	if err != nil {
		return nil, fmt.Errorf("accounting: %w", err)
	}
	own, err := warning.ParseRules(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("accounting: %w", err)
	}
	return append(rules, own...), nil
}

// LoadRules reads extra rules (e.g. data/liaocheng/rules.yaml) for Config.ExtraRules.
func LoadRules(b []byte) ([]warning.Rule, error) {
	rs, err := warning.ParseRules(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("accounting: %w", err)
	}
	return rs, nil
}

func newWebhook(url string) warning.Notifier { return &webhook.Notifier{URL: url} }

type multiNotifier []warning.Notifier

func (m multiNotifier) Notify(ctx context.Context, events []warning.Event) error {
	var errs []error
	for _, n := range m {
		if err := n.Notify(ctx, events); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// subject names.
func pointSubject(p *sishui.Point) string { return "point:" + p.Code }
func wellSubject(p *sishui.Point) string  { return "well:" + p.Code }
func geoSubject(p *sishui.Point) string   { return "geothermal:" + p.Code }

// owner is what an alert subject concerns, for scoping.
type owner struct {
	region string
	user   int64
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

func (s *Service) ruleWindow(k warning.Kind, def time.Duration) time.Duration {
	for _, r := range s.rules {
		if r.Kind == k && r.Window > 0 {
			return time.Duration(r.Window)
		}
	}
	return def
}

// Observations reads the store and builds the warning inputs at now, with
// the region and water user of each subject.
func (s *Service) Observations(ctx context.Context, now time.Time) ([]warning.Observation, map[string]owner, error) {
	ctx = system(ctx)
	ri, err := s.regions(ctx)
	if err != nil {
		return nil, nil, err
	}
	year := now.In(sishui.BeijingTime).Year()
	y, _, err := s.loadYear(ctx, ri, ri.root, year)
	if err != nil {
		return nil, nil, err
	}
	y.through = indicator.DateOf(now)
	var obs []warning.Observation
	owners := map[string]owner{}
	add := func(o warning.Observation, ow owner) {
		o.Time = now
		obs = append(obs, o)
		owners[o.Subject] = ow
	}

	// Region caps: total use and groundwater, year to date and projected.
	caps, err := s.store.ListCaps(ctx, "", year)
	if err != nil {
		return nil, nil, err
	}
	// Settled regional water-rights trades move the caps for their term (effective caps).
	shifts, err := s.store.CapShifts(ctx, now)
	if err != nil {
		return nil, nil, err
	}
	gwSources := y.groundwaterSources()
	for _, c := range caps {
		if _, ok := ri.byCode[c.Region]; !ok {
			continue
		}
		t, proj := y.ytd(indicator.Filter{Region: c.Region})
		subj := "region:" + c.Region
		sh := shifts[c.Region]
		add(warning.Observation{Kind: warning.RegionTotalUse, Subject: subj, Value: t.VolumeM3(), Projected: proj, Limit: float64(c.TotalM3 + sh.TotalM3())}, owner{region: c.Region})
		if c.GroundwaterM3 > 0 {
			g, gproj := y.ytd(indicator.Filter{Region: c.Region, Sources: gwSources})
			add(warning.Observation{Kind: warning.GroundwaterZoneCap, Subject: subj, Value: g.VolumeM3(), Projected: gproj, Limit: float64(c.GroundwaterM3 + sh.GroundM3)}, owner{region: c.Region})
		}
	}

	points, err := s.allPoints(ctx, sishui.PointFilter{})
	if err != nil {
		return nil, nil, err
	}
	permits, err := s.allPermits(ctx, sishui.PermitFilter{})
	if err != nil {
		return nil, nil, err
	}
	permitByID := map[int64]*sishui.Permit{}
	for _, p := range permits {
		permitByID[p.ID] = p
	}
	pointOwner := func(p *sishui.Point) owner {
		o := owner{region: p.Region}
		if pm := permitByID[p.PermitID]; pm != nil {
			o.user = pm.UserID
		}
		return o
	}
	pms, err := s.store.PointMonthlyUse(ctx, sishui.UseFilter{FromMonth: year*100 + 1, ToMonth: year*100 + 12})
	if err != nil {
		return nil, nil, err
	}
	month := year*100 + int(y.through.Month)
	ytdByPoint, monthByPoint := map[int64]float64{}, map[int64]float64{}
	for _, x := range pms {
		v := float64(x.Total()) / 1000
		ytdByPoint[x.Point] += v
		if x.Month == month {
			monthByPoint[x.Point] += v
		}
	}
	project := func(v float64) float64 {
		p, err := indicator.Linear{}.Project(v, y.through)
		if err != nil {
			return 0
		}
		return p
	}

	// Permits: use against the annual permitted volume and the monthly plan.
	permitUse, permitMonth, permitHasPoints := map[int64]float64{}, map[int64]float64{}, map[int64]bool{}
	zoneUse := map[int64]float64{}
	for _, p := range points {
		if p.PermitID != 0 && s.counts(p) {
			permitUse[p.PermitID] += ytdByPoint[p.ID]
			permitMonth[p.PermitID] += monthByPoint[p.ID]
			permitHasPoints[p.PermitID] = true
		}
		if p.ZoneID != 0 && s.counts(p) {
			zoneUse[p.ZoneID] += ytdByPoint[p.ID]
		}
	}
	if err := s.expirePermits(ctx, now, permits); err != nil {
		return nil, nil, err
	}
	for _, pm := range permits {
		if pm.Status != sishui.PermitActive || !permitHasPoints[pm.ID] {
			continue
		}
		o := warning.Observation{Kind: warning.PermitUse, Subject: "permit:" + pm.Number, Value: permitUse[pm.ID], Limit: float64(pm.AnnualM3),
			Projected: project(permitUse[pm.ID]), MonthValue: permitMonth[pm.ID]}
		if len(pm.MonthlyPlanM3) == 12 {
			o.MonthLimit = float64(pm.MonthlyPlanM3[y.through.Month-1])
		}
		add(o, owner{region: pm.Region, user: pm.UserID})
	}

	if err := s.permitObservations(ctx, now, permits, permitMonth, add); err != nil {
		return nil, nil, err
	}
	if err := s.rightsObservations(ctx, now, permits, permitUse, add); err != nil {
		return nil, nil, err
	}
	if err := s.taskObservations(ctx, now, ri, add); err != nil {
		return nil, nil, err
	}

	// Zones: extraction against the zone cap; zone lines for the wells.
	zones, err := s.store.ListZones(ctx, "")
	if err != nil {
		return nil, nil, err
	}
	zoneByID := map[int64]*sishui.Zone{}
	for _, z := range zones {
		zoneByID[z.ID] = z
		if z.AnnualCapM3 > 0 {
			add(warning.Observation{Kind: warning.GroundwaterZoneCap, Subject: "zone:" + z.Code, Value: zoneUse[z.ID], Projected: project(zoneUse[z.ID]),
				Limit: float64(z.AnnualCapM3)}, owner{region: z.Region})
		}
	}

	sections, err := s.store.ListSections(ctx, "")
	if err != nil {
		return nil, nil, err
	}
	sectionByID := map[int64]*sishui.Section{}
	for _, sc := range sections {
		sectionByID[sc.ID] = sc
	}
	seen, err := s.store.LastSeen(ctx)
	if err != nil {
		return nil, nil, err
	}
	latest := map[int64]sishui.PointSeen{}
	for _, x := range seen {
		latest[x.Point] = x
	}
	geoWindow := s.ruleWindow(warning.GeothermalReinjection, 30*24*time.Hour)
	sectionFlow := map[int64][]float64{}
	for _, p := range points {
		if p.Retired {
			continue
		}
		ow := pointOwner(p)
		x := latest[p.ID]
		// Terminal offline: silent since the last report (or since the point was registered).
		last := x.LastSeen
		if last.IsZero() {
			last = p.CreatedAt
		}
		add(warning.Observation{Kind: warning.TerminalOffline, Subject: pointSubject(p), LastSeen: last,
			Interval: time.Duration(p.IntervalSeconds) * time.Second}, ow)
		if !x.LastSeen.IsZero() {
			add(warning.Observation{Kind: warning.DataQuality, Subject: pointSubject(p), Flags: flagNames(x.Flags)}, ow)
		}
		switch p.Kind {
		case sishui.PointRiver:
			if sc := sectionByID[p.SectionID]; sc != nil {
				mean, ok, err := s.meanSince(ctx, p.ID, sishui.MetricFlowM3s, now.Add(-24*time.Hour), now)
				if err != nil {
					return nil, nil, err
				}
				if ok {
					sectionFlow[sc.ID] = append(sectionFlow[sc.ID], mean)
				}
			}
		case sishui.PointWell:
			z := zoneByID[p.ZoneID]
			if z == nil || z.RedLineDepthM <= 0 {
				continue
			}
			depth, ok := x.Latest[sishui.MetricDepthM]
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
			add(warning.Observation{Kind: warning.GroundwaterLevel, Subject: wellSubject(p), Value: v, Limit: 1,
				Extra: map[string]float64{"depth_m": depth, "warning_depth_m": z.WarnDepthM, "red_depth_m": z.RedLineDepthM}}, owner{region: p.Region})
		case sishui.PointGeothermal:
			ext, err := s.windowVolume(ctx, p, sishui.MetricVolumeM3, now.Add(-geoWindow), now)
			if err != nil {
				return nil, nil, err
			}
			inj, err := s.windowVolume(ctx, p, sishui.MetricReinjectM3, now.Add(-geoWindow), now)
			if err != nil {
				return nil, nil, err
			}
			if ext > 0 {
				add(warning.Observation{Kind: warning.GeothermalReinjection, Subject: geoSubject(p), Value: inj, Limit: ext}, ow)
			}
		}
	}
	if err := s.terminalSecurity(ctx, now, points, pointOwner, add); err != nil {
		return nil, nil, err
	}
	for id, flows := range sectionFlow {
		sc := sectionByID[id]
		var sum float64
		for _, f := range flows {
			sum += f
		}
		mean := sum / float64(len(flows))
		add(warning.Observation{Kind: warning.EcoBaseFlow, Subject: "section:" + sc.Code, Value: mean, Limit: sc.BaseFlowM3s}, owner{region: sc.Region})
		if sc.WarningFlowM3s > sc.BaseFlowM3s {
			add(warning.Observation{Kind: warning.EcoBaseFlow, Subject: "section-warning:" + sc.Code, Value: mean, Limit: sc.WarningFlowM3s}, owner{region: sc.Region})
		}
	}
	return obs, owners, nil
}

// meanSince is the plain mean of a metric's samples in [from, to).
func (s *Service) meanSince(ctx context.Context, point int64, m sishui.Metric, from, to time.Time) (float64, bool, error) {
	xs, err := s.store.QuerySamples(ctx, sishui.SeriesQuery{Point: point, Metric: m, From: from, To: to})
	if err != nil {
		return 0, false, fmt.Errorf("accounting: %s of point %d: %w", m, point, err)
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
		return 0, fmt.Errorf("accounting: %s of point %d: %w", m, p.ID, err)
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

// engineLocked returns the engine, restoring it from the store on first use.
func (s *Service) engineLocked(ctx context.Context) (*warning.Engine, error) {
	if s.engine != nil {
		return s.engine, nil
	}
	b, err := s.store.LoadAlertState(system(ctx))
	if err != nil {
		return nil, err
	}
	var snap warning.Snapshot
	if len(b) > 0 {
		if err := json.Unmarshal(b, &snap); err != nil {
			return nil, fmt.Errorf("accounting: alert state: %w", err)
		}
	}
	e, err := warning.Restore(s.rules, snap)
	if err != nil {
		return nil, fmt.Errorf("accounting: alert state: %w", err)
	}
	s.engine = e
	return e, nil
}

func toStored(a warning.Alert, ow owner) sishui.Alert {
	return sishui.Alert{Key: a.ID, Rule: a.Rule, Kind: string(a.Kind), Subject: a.Subject, Region: ow.region, UserID: ow.user,
		State: string(a.State), Level: a.Level.String(), MaxLevel: a.MaxLevel.String(), Message: a.Message, Values: a.Values,
		ActiveSince: a.ActiveSince, FiredAt: a.FiredAt, ResolvedAt: a.ResolvedAt, AckBy: a.AckBy, AckComment: a.AckComment, AckAt: a.AckAt}
}

func toStoredEvent(ev warning.Event) sishui.AlertEvent {
	e := sishui.AlertEvent{Type: string(ev.Type), Time: ev.Time, Level: ev.Level.String(), State: string(ev.State), Message: ev.Message,
		Values: ev.Values, User: ev.User, Comment: ev.Comment}
	if ev.PrevLevel != warning.None {
		e.PrevLevel = ev.PrevLevel.String()
	}
	return e
}

// changes turns engine events into stored alert changes.
func (s *Service) changes(ctx context.Context, e *warning.Engine, events []warning.Event, owners map[string]owner) ([]*sishui.AlertChange, error) {
	active := map[string]warning.Alert{}
	for _, a := range e.Alerts() {
		active[a.ID] = a
	}
	byID := map[string]*sishui.AlertChange{}
	var out []*sishui.AlertChange
	for _, ev := range events {
		c := byID[ev.AlertID]
		if c == nil {
			c = &sishui.AlertChange{}
			if a, ok := active[ev.AlertID]; ok {
				c.Alert = toStored(a, owners[a.Subject])
			} else {
				old, err := s.store.AlertByKey(system(ctx), ev.AlertID)
				switch {
				case err == nil:
					c.Alert = *old
				case sishui.ErrorCode(err) == sishui.ENOTFOUND:
					ow := owners[ev.Subject]
					c.Alert = sishui.Alert{Key: ev.AlertID, Rule: ev.Rule, Kind: string(ev.Kind), Subject: ev.Subject, Region: ow.region, UserID: ow.user,
						ActiveSince: ev.Time, MaxLevel: ev.PrevLevel.String()}
				default:
					return nil, err
				}
				c.Alert.State, c.Alert.Level, c.Alert.Message, c.Alert.Values = string(ev.State), ev.Level.String(), ev.Message, ev.Values
				if ev.Type == warning.EventResolved || ev.Type == warning.EventCancelled {
					c.Alert.State, c.Alert.ResolvedAt = sishui.AlertResolved, ev.Time
				}
			}
			byID[ev.AlertID] = c
			out = append(out, c)
		}
		c.Events = append(c.Events, toStoredEvent(ev))
	}
	return out, nil
}

// EvalWarnings evaluates the rules once at now: observations from the store,
// the engine's step, and the changed alerts saved, published and notified.
// It returns the saved changes.
func (s *Service) EvalWarnings(ctx context.Context, now time.Time) ([]*sishui.AlertChange, error) {
	obs, owners, err := s.Observations(ctx, now)
	if err != nil {
		return nil, err
	}
	return s.evalObservations(ctx, now, obs, owners)
}

func (s *Service) evalObservations(ctx context.Context, now time.Time, obs []warning.Observation, owners map[string]owner) ([]*sishui.AlertChange, error) {
	s.warnMu.Lock()
	defer s.warnMu.Unlock()
	e, err := s.engineLocked(ctx)
	if err != nil {
		return nil, err
	}
	before := e.Snapshot()
	events, evalErr := e.Eval(now, obs)
	if evalErr != nil {
		s.log.Warn("warning eval", "err", evalErr)
	}
	if len(events) == 0 {
		return nil, nil
	}
	changes, err := s.changes(ctx, e, events, owners)
	if err == nil {
		var state []byte
		if state, err = json.Marshal(e.Snapshot()); err == nil {
			err = s.store.SaveAlerts(system(ctx), state, changes)
		}
	}
	if err != nil {
		// Roll the engine back so that the next run produces the events again.
		if r, rerr := warning.Restore(s.rules, before); rerr == nil {
			s.engine = r
		}
		return nil, fmt.Errorf("accounting: save alerts: %w", err)
	}
	s.publish(ctx, events, changes)
	return changes, nil
}

// publish sends the changes to the broker and the events to the notifiers
// (in the background; webhooks retry with backoff).
func (s *Service) publish(ctx context.Context, events []warning.Event, changes []*sishui.AlertChange) {
	for _, c := range changes {
		s.broker.Publish(c.Alert)
	}
	if len(s.notifier) == 0 || len(events) == 0 {
		return
	}
	s.notifying.Add(1)
	go func() {
		defer s.notifying.Done()
		nctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Minute)
		defer cancel()
		if err := s.notifier.Notify(nctx, events); err != nil {
			s.log.Warn("alert notification", "err", err)
		}
	}()
}

// WaitNotified waits for the notifications in flight (webhook retries included).
func (s *Service) WaitNotified() { s.notifying.Wait() }

// RunWarnings evaluates the rules every period until ctx ends.
func (s *Service) RunWarnings(ctx context.Context, every time.Duration) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := s.EvalWarnings(ctx, s.now()); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			s.log.Warn("warnings", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Ack acknowledges a firing alert for the context's actor (city, county in
// its region, admin), with the comment; audited by the store.
func (s *Service) Ack(ctx context.Context, id int64, comment string) (*sishui.Alert, error) {
	a := sishui.ActorFrom(ctx)
	switch a.Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleCounty:
	default:
		return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Op: "ack alert", Message: "only city, county staff and administrators acknowledge alerts"}
	}
	stored, err := s.store.GetAlert(ctx, id)
	if err != nil {
		return nil, err
	}
	s.warnMu.Lock()
	defer s.warnMu.Unlock()
	e, err := s.engineLocked(ctx)
	if err != nil {
		return nil, err
	}
	before := e.Snapshot()
	ev, err := e.Ack(stored.Key, a.Username, strings.TrimSpace(comment), s.now())
	if err != nil {
		return nil, err
	}
	c := &sishui.AlertChange{Events: []sishui.AlertEvent{toStoredEvent(ev)}}
	for _, x := range e.Alerts() {
		if x.ID == stored.Key {
			c.Alert = toStored(x, owner{region: stored.Region, user: stored.UserID})
		}
	}
	state, err := json.Marshal(e.Snapshot())
	if err == nil {
		err = s.store.AckAlert(ctx, state, c)
	}
	if err != nil {
		if r, rerr := warning.Restore(s.rules, before); rerr == nil {
			s.engine = r
		}
		return nil, err
	}
	s.publish(ctx, []warning.Event{ev}, []*sishui.AlertChange{c})
	return s.store.GetAlert(ctx, id)
}
