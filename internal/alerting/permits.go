package alerting

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/permitting"
	"github.com/sishui/sishui/internal/permitview"
	"github.com/sishui/sishui/internal/warning"
)

// meteringCode is the metering_compliance observation value of each class.
var meteringCode = map[string]float64{permitting.MeterMissing: 1, permitting.MeterSilent: 2, permitting.MeterDataIncomplete: 3}

// meteringCache keeps the compliance register for meteringTTL: it reads a
// week of daily rows per online point, and its classes change slowly (a
// terminal is silent after 48 h; the rule holds a day before firing).
type meteringCache struct {
	mu sync.Mutex
	at time.Time
	c  *permitview.Compliance
}

const meteringTTL = 6 * time.Hour

func (m *meteringCache) get(ctx context.Context, st sishui.Store, now time.Time) (*permitview.Compliance, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.c != nil && !now.Before(m.at) && now.Sub(m.at) < meteringTTL {
		return m.c, nil
	}
	c, err := permitview.ComplianceView(ctx, st, permitview.ConfigOf(st).Compliance, 7, now)
	if err != nil {
		return nil, err
	}
	m.c, m.at = c, now
	return c, nil
}

// permitProcess yields the permit process's warning inputs: renewal due,
// use this month on a permit not in force, the annual report missing after
// 31 December, and online-metering compliance.
func (s *Service) permitProcess(ctx context.Context, in *inputs) ([]observed, error) {
	now, permits, monthUse := in.now, in.permits, in.permitMonth
	var out []observed
	add := func(o warning.Observation, ow owner) { out = append(out, observed{o, ow}) }
	d := now.In(sishui.BeijingTime)
	today := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	renewing := map[int64]bool{}
	apps, err := allApplications(ctx, s.store, sishui.ApplicationFilter{Kind: sishui.ApplicationRenewal, Open: true})
	if err != nil {
		return nil, err
	}
	for _, a := range apps {
		renewing[a.PermitID] = true
	}
	lastYear := d.Year() - 1
	deadline := time.Date(lastYear, 12, 31, 0, 0, 0, 0, time.UTC)
	plans, err := s.store.ListAnnualPlans(ctx, 0, lastYear)
	if err != nil {
		return nil, err
	}
	reported := map[int64]bool{}
	for _, ap := range plans {
		if !ap.ReportedAt.IsZero() {
			reported[ap.PermitID] = true
		}
	}
	for _, p := range permits {
		ow := owner{region: p.Region, user: p.UserID}
		inForce := p.InForce(now)
		if p.Status == sishui.PermitActive && !today.After(p.ValidTo) {
			days := p.ValidTo.Sub(today).Hours() / 24
			if renewing[p.ID] {
				days = 1e5 // a renewal is under way: not due
			}
			add(warning.Observation{Kind: warning.PermitExpiry, Subject: "permit-renewal:" + p.Number, Value: days, Limit: permitting.RenewalLeadDays}, ow)
		}
		if use := monthUse[p.ID]; !inForce {
			prefix := "unpermitted:"
			if p.Status == sishui.PermitExpired || p.Status == sishui.PermitActive && today.After(p.ValidTo) {
				prefix = "expired:"
			}
			add(warning.Observation{Kind: warning.UnpermittedUse, Subject: prefix + p.Number, Value: use}, ow)
		}
		// The annual report of last year, for permits in force on its last day.
		if p.ValidFrom.After(deadline) || p.ValidTo.Before(deadline) || p.Status != sishui.PermitActive && p.Status != sishui.PermitExpired {
			continue
		}
		overdue := today.Sub(deadline).Hours()/24 - 1
		if reported[p.ID] {
			overdue = -1
		}
		add(warning.Observation{Kind: warning.AnnualPlanReport, Subject: "permit-report:" + p.Number, Value: overdue}, ow)
	}
	c, err := s.metering.get(ctx, s.store, now)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*sishui.Permit{}
	for _, p := range permits {
		byID[p.ID] = p
	}
	for _, x := range c.Permits {
		p := byID[x.PermitID]
		if p == nil || x.Class == permitting.MeterNotRequired {
			continue
		}
		add(warning.Observation{Kind: warning.MeteringCompliance, Subject: "permit-metering:" + p.Number, Value: meteringCode[x.Class]},
			owner{region: p.Region, user: p.UserID})
	}
	return out, nil
}

func allApplications(ctx context.Context, st sishui.Store, f sishui.ApplicationFilter) ([]*sishui.PermitApplication, error) {
	return sishui.AllPages(func(p sishui.Page) ([]*sishui.PermitApplication, int, error) {
		f.Page = p
		return st.ListApplications(ctx, f)
	})
}

// expirePermits marks the permits whose term is over expired (audited, by the
// platform), so that use on them raises the expired-permit warning; a
// renewal certified in time has moved the term on before this.
func (s *Service) expirePermits(ctx context.Context, now time.Time, permits []*sishui.Permit) error {
	d := now.In(sishui.BeijingTime)
	today := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	sys := sishui.WithActor(ctx, sishui.SystemActor)
	for i, p := range permits {
		if p.Status != sishui.PermitActive && p.Status != sishui.PermitSuspended || !today.After(p.ValidTo) {
			continue
		}
		q, err := s.store.PermitAction(sys, p.ID, permitting.PermitExpire, fmt.Sprintf("term ended %s: expired by the sweep (取水许可和水资源费征收管理条例 art. 25)", p.ValidTo.Format("2006-01-02")))
		if sishui.ErrorCode(err) == sishui.ECONFLICT {
			continue // another sweep or a person changed it first
		}
		if err != nil {
			return fmt.Errorf("alerting: expire permit %s: %w", p.Number, err)
		}
		permits[i] = q
	}
	return nil
}
