// Package alerting is the warning service (预警): a table of producers, one
// per warning kind, reads the store and the accounting and yields
// observations; the rules of internal/warning judge them on the service's
// own schedule; the alerts and their event history are persisted, published
// to in-process subscribers (the server-sent-event broker) and handed to the
// notifiers the caller built (webhooks in cmd/sishui, tests' recorders).
//
// The pure rules and the alert state machine live in internal/warning; the
// use, rollups and indicators the producers compare with caps live in
// internal/accounting. A new warning kind is one producer in producers.go
// (and its kind in warning.Kinds) plus a YAML rule.
package alerting

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/plan"
	"github.com/sishui/sishui/internal/warning"
)

// Accounts is what the producers read of the accounting service
// (*accounting.Service).
type Accounts interface {
	// UseToDate returns the regions' use year to date and projected.
	UseToDate(ctx context.Context, now time.Time, regions []string) (map[string]accounting.RegionUse, error)
	// CountsAsUse reports whether a point's volumes count as water use.
	CountsAsUse(p *sishui.Point) bool
	// RegionTree reads the region tree.
	RegionTree(ctx context.Context) (*accounting.RegionTree, error)
}

// Config configures the service. The zero value of every field has a default.
type Config struct {
	// Rules replace the built-in rule set (BuiltinRules) when non-nil;
	// ExtraRules are added to either (e.g. city rules from
	// data/liaocheng/rules.yaml, read with LoadRules).
	Rules      []warning.Rule
	ExtraRules []warning.Rule
	// Notifiers receive every alert event, in the background (webhooks,
	// SMS …; built by the caller).
	Notifiers []warning.Notifier
	// Every is the scheduler period (10 min).
	Every time.Duration
	// PlanRules are the plan tasks' report rules (plan.DefaultRules when nil).
	PlanRules *plan.Rules
	// Now returns the current time (time.Now when nil).
	Now    func() time.Time
	Logger *slog.Logger
}

// Service is the warning service.
type Service struct {
	store    sishui.Store
	accounts Accounts
	cfg      Config
	log      *slog.Logger

	mu        sync.Mutex // owns engine
	engine    *warning.Engine
	rules     []warning.Rule
	notifier  multiNotifier
	notifying sync.WaitGroup

	broker     *Broker
	alertNames alertNames    // the registry's names for alerts (names.go)
	metering   meteringCache // the compliance register the permit producer reads, refreshed every few hours
}

// New returns a service on store and the accounting. It validates the rules;
// the engine state is restored from the store on first use.
func New(store sishui.Store, accounts Accounts, cfg Config) (*Service, error) {
	if cfg.Every <= 0 {
		cfg.Every = 10 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	rules := cfg.Rules
	if rules == nil {
		var err error
		if rules, err = BuiltinRules(); err != nil {
			return nil, err
		}
	}
	rules = append(slices.Clone(rules), cfg.ExtraRules...)
	if _, err := warning.NewEngine(rules); err != nil {
		return nil, fmt.Errorf("alerting: rules: %w", err)
	}
	return &Service{store: store, accounts: accounts, cfg: cfg, log: cfg.Logger, rules: rules, broker: NewBroker(),
		notifier: multiNotifier(slices.Clone(cfg.Notifiers))}, nil
}

// Broker returns the in-process alert broker (for the SSE endpoint).
func (s *Service) Broker() *Broker { return s.broker }

// Store returns the service's store.
func (s *Service) Store() sishui.Store { return s.store }

// Start runs the scheduler until ctx ends; it returns at once.
func (s *Service) Start(ctx context.Context) {
	go func() {
		if err := s.Run(ctx, s.cfg.Every); err != nil && !errors.Is(err, context.Canceled) {
			s.log.Error("warning scheduler stopped", "err", err)
		}
	}()
}

func (s *Service) now() time.Time { return s.cfg.Now().UTC() }

// system returns ctx acting as the platform.
func system(ctx context.Context) context.Context { return sishui.WithActor(ctx, sishui.SystemActor) }

//go:embed rules/builtin.yaml
var rulesFS embed.FS

// BuiltinRules returns the service's rule set: warning.DefaultRules with
// eco_base_flow restricted to "section:" subjects and groundwater_level to
// "well-level:" subjects, plus rules/builtin.yaml (warning flow and
// groundwater depth against the zone lines).
func BuiltinRules() ([]warning.Rule, error) {
	rules, err := warning.DefaultRules()
	if err != nil {
		return nil, fmt.Errorf("alerting: %w", err)
	}
	for i := range rules {
		switch rules[i].Kind {
		case warning.EcoBaseFlow:
			rules[i].Subjects = []string{"section:"}
		case warning.GroundwaterLevel:
			rules[i].Subjects = []string{"well-level:"}
		}
	}
	b, err := rulesFS.ReadFile("rules/builtin.yaml")
	if err != nil {
		return nil, fmt.Errorf("alerting: %w", err)
	}
	own, err := warning.ParseRules(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("alerting: %w", err)
	}
	return append(rules, own...), nil
}

// LoadRules reads extra rules (e.g. data/liaocheng/rules.yaml) for Config.ExtraRules.
func LoadRules(b []byte) ([]warning.Rule, error) {
	rs, err := warning.ParseRules(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("alerting: %w", err)
	}
	return rs, nil
}

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

func (s *Service) ruleWindow(k warning.Kind, def time.Duration) time.Duration {
	for _, r := range s.rules {
		if r.Kind == k && r.Window > 0 {
			return time.Duration(r.Window)
		}
	}
	return def
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
			return nil, fmt.Errorf("alerting: alert state: %w", err)
		}
	}
	e, err := warning.Restore(s.rules, snap)
	if err != nil {
		return nil, fmt.Errorf("alerting: alert state: %w", err)
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

// Eval evaluates the rules once at now: observations from the producers, the
// engine's step, and the changed alerts saved, published and notified. It
// returns the saved changes.
func (s *Service) Eval(ctx context.Context, now time.Time) ([]*sishui.AlertChange, error) {
	obs, owners, err := s.Observations(ctx, now)
	if err != nil {
		return nil, err
	}
	return s.evalObservations(ctx, now, obs, owners)
}

func (s *Service) evalObservations(ctx context.Context, now time.Time, obs []warning.Observation, owners map[string]owner) ([]*sishui.AlertChange, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
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
		return nil, fmt.Errorf("alerting: save alerts: %w", err)
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

// Run evaluates the rules every period until ctx ends.
func (s *Service) Run(ctx context.Context, every time.Duration) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := s.Eval(ctx, s.now()); err != nil {
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
	s.mu.Lock()
	defer s.mu.Unlock()
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
