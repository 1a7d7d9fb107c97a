// Package permitview assembles the permit process's views from the store and
// the pure rules of internal/permitting: the bureau's queue of applications
// with their statutory clocks, and the online-metering compliance register
// with its county league table.
package permitview

import (
	"context"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/permitting"
)

// DefaultCalendar is the name of the holiday calendar the clocks use; when
// the store has none by that name, the shipped 2026 national calendar
// (unverified) applies.
const DefaultCalendar = "default"

// Calendar returns the named calendar from the store, or the shipped one.
func Calendar(ctx context.Context, st sishui.PermittingStore, name string) (*permitting.Calendar, error) {
	if name == "" {
		name = DefaultCalendar
	}
	c, err := st.GetCalendar(ctx, name)
	if sishui.ErrorCode(err) == sishui.ENOTFOUND {
		return permitting.National2026(), nil
	}
	if err != nil {
		return nil, err
	}
	pc := &permitting.Calendar{Name: c.Name, Verified: c.Verified, Source: c.Source}
	for _, d := range c.Days {
		pc.Days = append(pc.Days, permitting.Day{Date: d.Date, Workday: d.Workday, Name: d.Name})
	}
	if err := pc.Validate(); err != nil {
		return nil, err
	}
	return pc, nil
}

// QueueItem is an application with its clock.
type QueueItem struct {
	*sishui.PermitApplication
	Clock permitting.Clock `json:"clock"`
}

// Queue lists the open applications in the actor's scope with who they wait
// on and their clocks, overdue first, then by due date.
func Queue(ctx context.Context, st sishui.Store, cal *permitting.Calendar, f sishui.ApplicationFilter, now time.Time) ([]QueueItem, int, error) {
	apps, total, err := st.ListApplications(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	today := now.In(sishui.BeijingTime)
	out := make([]QueueItem, 0, len(apps))
	for _, a := range apps {
		out = append(out, QueueItem{a, ClockOf(cal, a, today)})
	}
	sortQueue(out)
	return out, total, nil
}

// ClockOf is the application's clock on the calendar as of today (Beijing).
func ClockOf(cal *permitting.Calendar, a *sishui.PermitApplication, today time.Time) permitting.Clock {
	b := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return t.In(sishui.BeijingTime)
	}
	return permitting.ClockOfLevel(cal, a.State, a.Level, b(a.ReceivedAt), b(a.AcceptedAt), b(a.ForwardedAt), today)
}

func sortQueue(q []QueueItem) {
	less := func(a, b QueueItem) bool {
		if a.Clock.Overdue != b.Clock.Overdue {
			return a.Clock.Overdue
		}
		if a.Clock.Due.IsZero() != b.Clock.Due.IsZero() {
			return !a.Clock.Due.IsZero()
		}
		return a.Clock.Due.Before(b.Clock.Due)
	}
	for i := 1; i < len(q); i++ {
		for j := i; j > 0 && less(q[j], q[j-1]); j-- {
			q[j], q[j-1] = q[j-1], q[j]
		}
	}
}

// Compliance is the online-metering register.
type Compliance struct {
	Permits []permitting.Classified `json:"permits"`
	League  []permitting.LeagueRow  `json:"league"`
	Window  int                     `json:"window_days"`
}

// online reports whether a point's terminal reports by itself.
func online(p *sishui.Point) bool {
	return !p.Retired && p.Protocol != sishui.ProtocolManual
}

// ComplianceView classifies every live permit in scope against the points
// that report for it over the last windowDays days (completeness from the
// daily rows' received/expected counts).
func ComplianceView(ctx context.Context, st sishui.Store, rule permitting.ComplianceRule, windowDays int, now time.Time) (*Compliance, error) {
	if windowDays <= 0 {
		windowDays = 7
	}
	regions, err := st.ListRegions(ctx, sishui.RegionFilter{})
	if err != nil {
		return nil, err
	}
	county := map[string]string{}
	for _, r := range regions {
		switch {
		case r.Level == sishui.LevelZone:
			county[r.Code] = r.Host
		default:
			county[r.Code] = r.Code
		}
	}
	var permits []*sishui.Permit
	for _, status := range []string{sishui.PermitActive, sishui.PermitSuspended} {
		ps, err := sishui.AllPages(func(p sishui.Page) ([]*sishui.Permit, int, error) {
			return st.ListPermits(ctx, sishui.PermitFilter{Status: status, Page: p})
		})
		if err != nil {
			return nil, err
		}
		permits = append(permits, ps...)
	}
	points, err := sishui.AllPoints(ctx, st, sishui.PointFilter{})
	if err != nil {
		return nil, err
	}
	byPermit := map[int64][]*sishui.Point{}
	for _, p := range points {
		if p.PermitID != 0 && online(p) {
			byPermit[p.PermitID] = append(byPermit[p.PermitID], p)
		}
	}
	seen, err := st.LastSeen(ctx)
	if err != nil {
		return nil, err
	}
	last := map[int64]time.Time{}
	for _, s := range seen {
		last[s.Point] = s.LastSeen
	}
	d := now.In(sishui.BeijingTime)
	to := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	from := to.AddDate(0, 0, -windowDays)
	out := &Compliance{Window: windowDays}
	for _, p := range permits {
		pm := permitting.PermitMetering{PermitID: p.ID, Number: p.Number, County: county[p.Region], Required: p.OnlineRequired}
		if pm.County == "" {
			pm.County = p.Region
		}
		for _, pt := range byPermit[p.ID] {
			t := permitting.Terminal{PointID: pt.ID, LastSeen: last[pt.ID]}
			if p.OnlineRequired {
				days, err := st.ListDailyUse(ctx, pt.ID, from, to)
				if err != nil {
					return nil, err
				}
				for _, du := range days {
					t.Expected += du.Expected
					t.Received += du.Received
				}
			}
			pm.Terminals = append(pm.Terminals, t)
		}
		out.Permits = append(out.Permits, permitting.Classified{PermitID: p.ID, Number: p.Number, County: pm.County, Class: rule.Classify(pm, now)})
	}
	out.League = permitting.League(out.Permits)
	return out, nil
}

// ConfigOf is the store's permit configuration (the compliance rule, the
// cap-cut proposal), unwrapping wrapped stores; the defaults when the store
// takes none.
func ConfigOf(st any) permitting.Config {
	for {
		if c, ok := st.(interface{ PermittingConfig() permitting.Config }); ok {
			return c.PermittingConfig()
		}
		w, ok := st.(interface{ Unwrap() sishui.Store })
		if !ok {
			return permitting.DefaultConfig()
		}
		st = w.Unwrap()
	}
}
