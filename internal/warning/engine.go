package warning

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sishui/sishui"
)

// State is an alert's place in its lifecycle. Inactive alerts are not kept.
type State string

const (
	Pending      State = "pending"      // condition true, hold time not yet elapsed
	Firing       State = "firing"       // condition true for at least the hold time
	Acknowledged State = "acknowledged" // firing, and acknowledged by a user at the current or a higher level
	Resolved     State = "resolved"     // condition false (for the resolve hold); the alert is closed
)

// EventType names what happened to an alert.
type EventType string

const (
	EventPending      EventType = "pending"      // condition became true; waiting for the hold time
	EventCancelled    EventType = "cancelled"    // condition false again before the alert fired (back to inactive)
	EventFiring       EventType = "firing"       // the alert fired
	EventEscalated    EventType = "escalated"    // a firing alert's level rose
	EventDeescalated  EventType = "deescalated"  // a firing alert's level fell (still above none)
	EventAcknowledged EventType = "acknowledged" // a user acknowledged the alert
	EventResolved     EventType = "resolved"     // the alert closed
)

// Event is one change of one alert.
type Event struct {
	AlertID   string             `json:"alert_id"`
	Rule      string             `json:"rule"`
	Kind      Kind               `json:"kind"`
	Subject   string             `json:"subject"`
	Type      EventType          `json:"type"`
	Time      time.Time          `json:"time"`
	Level     Level              `json:"level"`
	PrevLevel Level              `json:"prev_level,omitempty"`
	State     State              `json:"state"`
	Message   string             `json:"message,omitempty"`
	Values    map[string]float64 `json:"values,omitempty"`
	User      string             `json:"user,omitempty"`
	Comment   string             `json:"comment,omitempty"`
}

// Alert is the state of one (rule, subject) alert instance. A subject that fires
// again after resolving gets a new alert with the next sequence number.
type Alert struct {
	ID          string             `json:"id"` // rule|subject|seq
	Rule        string             `json:"rule"`
	Kind        Kind               `json:"kind"`
	Subject     string             `json:"subject"`
	State       State              `json:"state"`
	Level       Level              `json:"level"`
	MaxLevel    Level              `json:"max_level"`
	ActiveSince time.Time          `json:"active_since"`          // condition first true
	FiredAt     time.Time          `json:"fired_at,omitzero"`     // when it fired
	FalseSince  time.Time          `json:"false_since,omitzero"`  // condition false since (resolve hold)
	ResolvedAt  time.Time          `json:"resolved_at,omitzero"`  // set on the resolved event
	LastEval    time.Time          `json:"last_eval"`             // last evaluation with an observation
	AckBy       string             `json:"ack_by,omitempty"`      // last acknowledgement
	AckComment  string             `json:"ack_comment,omitempty"` //
	AckAt       time.Time          `json:"ack_at,omitzero"`       //
	AckLevel    Level              `json:"ack_level,omitempty"`   // level at acknowledgement
	Message     string             `json:"message"`
	Values      map[string]float64 `json:"values,omitempty"`
	History     []Event            `json:"history"`
}

func alertKey(rule, subject string) string { return rule + "|" + subject }

// Snapshot is the engine's serialisable state: active alerts and the sequence
// numbers per (rule, subject). Encode it with encoding/json.
type Snapshot struct {
	Alerts []Alert        `json:"alerts"`
	Seq    map[string]int `json:"seq"`
}

// Engine holds the rules and the alert state. It is not safe for concurrent use;
// the scheduler calling Eval owns it.
type Engine struct {
	rules  []Rule
	alerts map[string]*Alert // by alertKey
	seq    map[string]int    // by alertKey: last sequence number used
}

// NewEngine validates rules and returns an engine with no alerts.
func NewEngine(rules []Rule) (*Engine, error) {
	rs := slices.Clone(rules)
	if err := validateRules(rs); err != nil {
		return nil, err
	}
	return &Engine{rules: rs, alerts: map[string]*Alert{}, seq: map[string]int{}}, nil
}

// Restore returns an engine with rules and a state saved by Snapshot. Alerts of
// rules that no longer exist are dropped.
func Restore(rules []Rule, s Snapshot) (*Engine, error) {
	e, err := NewEngine(rules)
	if err != nil {
		return nil, err
	}
	for k, v := range s.Seq {
		e.seq[k] = v
	}
	for _, a := range s.Alerts {
		if !slices.ContainsFunc(e.rules, func(r Rule) bool { return r.Name == a.Rule }) {
			continue
		}
		a := a
		e.alerts[alertKey(a.Rule, a.Subject)] = &a
	}
	return e, nil
}

// Snapshot returns a deep copy of the engine's state.
func (e *Engine) Snapshot() Snapshot {
	s := Snapshot{Alerts: e.Alerts(), Seq: make(map[string]int, len(e.seq))}
	for k, v := range e.seq {
		s.Seq[k] = v
	}
	return s
}

// Alerts returns copies of the active (pending, firing, acknowledged) alerts,
// ordered by rule then subject.
func (e *Engine) Alerts() []Alert {
	out := make([]Alert, 0, len(e.alerts))
	for _, k := range sortedKeys(e.alerts) {
		out = append(out, cloneAlert(e.alerts[k]))
	}
	return out
}

func cloneAlert(a *Alert) Alert {
	c := *a
	c.History = slices.Clone(a.History)
	c.Values = cloneValues(a.Values)
	return c
}

func cloneValues(m map[string]float64) map[string]float64 {
	if m == nil {
		return nil
	}
	c := make(map[string]float64, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// Eval evaluates every rule against the observations of its kind at time now
// and advances the alerts; it returns the events, ordered by rule, subject and
// occurrence. When several observations share a kind and subject, the one with
// the latest Time counts. An alert whose subject has no observation in this call
// keeps its state (missing data neither fires nor resolves; terminal_offline
// covers silent points). Observations that cannot be evaluated (non-finite
// values, missing interval) are skipped and reported in the error, after all
// valid ones are applied.
func (e *Engine) Eval(now time.Time, obs []Observation) ([]Event, error) {
	latest := make(map[Kind]map[string]Observation)
	for _, o := range obs {
		m := latest[o.Kind]
		if m == nil {
			m = make(map[string]Observation)
			latest[o.Kind] = m
		}
		if old, ok := m[o.Subject]; !ok || !o.Time.Before(old.Time) {
			m[o.Subject] = o
		}
	}
	var events []Event
	var errs []string
	for i := range e.rules {
		r := &e.rules[i]
		m := latest[r.Kind]
		for _, subj := range sortedKeys(m) {
			if !r.matches(subj) {
				continue
			}
			f, err := r.assess(m[subj], now)
			if err == nil && f.Level == None && e.alerts[alertKey(r.Name, subj)] == nil {
				continue // nothing to say: no condition, no alert
			}
			if err == nil {
				f.Message, err = r.message(f)
			}
			if err != nil {
				errs = append(errs, err.Error())
				continue
			}
			events = append(events, e.step(r, f, now)...)
		}
	}
	if len(errs) > 0 {
		return events, fmt.Errorf("warning: eval: %d observations skipped: %s: %w", len(errs), strings.Join(errs, "; "), ErrInvalidInput)
	}
	return events, nil
}

func (e *Engine) newEvent(a *Alert, t EventType, now time.Time) Event {
	ev := Event{AlertID: a.ID, Rule: a.Rule, Kind: a.Kind, Subject: a.Subject, Type: t, Time: now, Level: a.Level,
		State: a.State, Message: a.Message, Values: cloneValues(a.Values)}
	return ev
}

func (e *Engine) record(a *Alert, ev Event) Event {
	a.History = append(a.History, ev)
	return ev
}

// step advances one alert with one finding.
func (e *Engine) step(r *Rule, f Finding, now time.Time) []Event {
	key := alertKey(r.Name, f.Subject)
	a := e.alerts[key]
	var out []Event
	if a == nil {
		if f.Level == None {
			return nil
		}
		e.seq[key]++
		a = &Alert{ID: fmt.Sprintf("%s|%d", key, e.seq[key]), Rule: r.Name, Kind: r.Kind, Subject: f.Subject,
			State: Pending, Level: f.Level, MaxLevel: f.Level, ActiveSince: now, LastEval: now, Message: f.Message, Values: f.Values}
		e.alerts[key] = a
		out = append(out, e.record(a, e.newEvent(a, EventPending, now)))
		if r.For == 0 {
			a.State, a.FiredAt = Firing, now
			out = append(out, e.record(a, e.newEvent(a, EventFiring, now)))
		}
		return out
	}
	a.LastEval = now
	if f.Level == None {
		switch a.State {
		case Pending:
			a.Message, a.Values = f.Message, f.Values
			ev := e.newEvent(a, EventCancelled, now)
			ev.State = Resolved
			delete(e.alerts, key)
			return []Event{e.record(a, ev)}
		default: // firing or acknowledged
			if a.FalseSince.IsZero() {
				a.FalseSince = now
			}
			if now.Sub(a.FalseSince) < time.Duration(r.ResolveFor) {
				return nil
			}
			prev := a.Level
			a.State, a.Level, a.ResolvedAt, a.Message, a.Values = Resolved, None, now, f.Message, f.Values
			ev := e.newEvent(a, EventResolved, now)
			ev.PrevLevel = prev
			delete(e.alerts, key)
			return []Event{e.record(a, ev)}
		}
	}
	a.FalseSince = time.Time{}
	prev := a.Level
	a.Level, a.Message, a.Values = f.Level, f.Message, f.Values
	a.MaxLevel = max(a.MaxLevel, f.Level)
	if a.State == Pending {
		if now.Sub(a.ActiveSince) >= time.Duration(r.For) {
			a.State, a.FiredAt = Firing, now
			ev := e.newEvent(a, EventFiring, now)
			if prev != f.Level {
				ev.PrevLevel = prev
			}
			out = append(out, e.record(a, ev))
		}
		return out
	}
	switch {
	case f.Level > prev:
		if a.State == Acknowledged && f.Level > a.AckLevel {
			a.State = Firing // a rise above the acknowledged level needs a new acknowledgement
		}
		ev := e.newEvent(a, EventEscalated, now)
		ev.PrevLevel = prev
		out = append(out, e.record(a, ev))
	case f.Level < prev:
		ev := e.newEvent(a, EventDeescalated, now)
		ev.PrevLevel = prev
		out = append(out, e.record(a, ev))
	}
	return out
}

// Ack acknowledges a firing alert on behalf of user. The alert stays
// acknowledged while it fires at that level or lower; it returns to firing if
// its level rises. Errors: ErrUnknownAlert (code not_found) when no active alert
// has the id, ErrNotFiring (code conflict) when it is pending or already
// acknowledged at its current level, ErrInvalidInput (code invalid) for an
// empty user.
func (e *Engine) Ack(alertID, user, comment string, now time.Time) (Event, error) {
	const op = "warning.Ack"
	if strings.TrimSpace(user) == "" {
		return Event{}, &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "user", Message: "empty user", Err: ErrInvalidInput}
	}
	var a *Alert
	for _, x := range e.alerts {
		if x.ID == alertID {
			a = x
			break
		}
	}
	if a == nil {
		return Event{}, &sishui.Error{Code: sishui.ENOTFOUND, Op: op, Message: fmt.Sprintf("alert %q", alertID), Err: ErrUnknownAlert}
	}
	if a.State != Firing {
		return Event{}, &sishui.Error{Code: sishui.ECONFLICT, Op: op, Message: fmt.Sprintf("alert %q is %s", alertID, a.State), Err: ErrNotFiring}
	}
	a.State, a.AckBy, a.AckComment, a.AckAt, a.AckLevel = Acknowledged, user, comment, now, a.Level
	ev := e.newEvent(a, EventAcknowledged, now)
	ev.User, ev.Comment = user, comment
	return e.record(a, ev), nil
}

// MarshalJSON encodes the engine's Snapshot.
func (e *Engine) MarshalJSON() ([]byte, error) { return json.Marshal(e.Snapshot()) }
