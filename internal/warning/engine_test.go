package warning

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

var t0 = time.Date(2025, 6, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))

func mustRules(t *testing.T, yml string) []Rule {
	t.Helper()
	rs, err := ParseRules(strings.NewReader(yml))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestEvaluateKinds(t *testing.T) {
	def, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	rule := func(k Kind) *Rule {
		for i := range def {
			if def[i].Kind == k {
				return &def[i]
			}
		}
		t.Fatalf("no default rule %s", k)
		return nil
	}
	yes, no := true, false
	tests := []struct {
		name string
		obs  Observation
		want Level
	}{
		{"use 79.9%", Observation{Kind: RegionTotalUse, Value: 799, Limit: 1000}, None},
		{"use 80%", Observation{Kind: RegionTotalUse, Value: 800, Limit: 1000}, Blue},
		{"use 100%", Observation{Kind: RegionTotalUse, Value: 1000, Limit: 1000}, Red},
		{"use projected over", Observation{Kind: RegionTotalUse, Value: 100, Projected: 1001, Limit: 1000}, Yellow},
		{"use without cap", Observation{Kind: RegionTotalUse, Value: 100}, None},
		{"permit month 120%", Observation{Kind: PermitUse, Value: 10, Limit: 1000, MonthValue: 120, MonthLimit: 100}, Orange},
		{"flow at target", Observation{Kind: EcoBaseFlow, Value: 10, Limit: 10}, Blue},
		{"flow just below target", Observation{Kind: EcoBaseFlow, Value: 9.99, Limit: 10}, Yellow},
		{"flow at 1.2 target", Observation{Kind: EcoBaseFlow, Value: 12, Limit: 10}, None},
		{"level at red line", Observation{Kind: GroundwaterLevel, Value: 30, Limit: 30}, Yellow},
		{"level below red line", Observation{Kind: GroundwaterLevel, Value: 29.99, Limit: 30}, Red},
		{"zone 120%", Observation{Kind: GroundwaterZoneCap, Value: 1200, Limit: 1000}, Red},
		{"offline 2 intervals", Observation{Kind: TerminalOffline, LastSeen: t0.Add(-2 * time.Hour), Interval: time.Hour}, None},
		{"offline 3 intervals", Observation{Kind: TerminalOffline, LastSeen: t0.Add(-3 * time.Hour), Interval: time.Hour}, Blue},
		{"offline event", Observation{Kind: TerminalOffline, LastSeen: t0.Add(-time.Minute), Interval: time.Hour, Online: &no}, Blue},
		{"online event clears", Observation{Kind: TerminalOffline, LastSeen: t0.Add(-100 * time.Hour), Interval: time.Hour, Online: &yes}, None},
		{"quality worst flag", Observation{Kind: DataQuality, Flags: []string{"gap", "counter_rollback"}}, Orange},
		{"reinjection 95%", Observation{Kind: GeothermalReinjection, Value: 950, Limit: 1000}, None},
		{"reinjection 89%", Observation{Kind: GeothermalReinjection, Value: 890, Limit: 1000}, Red},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.obs.Subject = "s"
			f, err := Evaluate(rule(tt.obs.Kind), tt.obs, t0)
			if err != nil {
				t.Fatal(err)
			}
			if f.Level != tt.want {
				t.Fatalf("level %v, want %v (%s)", f.Level, tt.want, f.Message)
			}
			if f.Message == "" {
				t.Fatal("empty message")
			}
		})
	}
	errTests := []struct {
		name string
		rule Kind
		obs  Observation
	}{
		{"kind mismatch", EcoBaseFlow, Observation{Kind: PermitUse}},
		{"NaN", EcoBaseFlow, Observation{Kind: EcoBaseFlow, Value: nan()}},
		{"no interval", TerminalOffline, Observation{Kind: TerminalOffline, LastSeen: t0}},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Evaluate(rule(tt.rule), tt.obs, t0); !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func nan() float64 { var z float64; return z / z }

const holdRules = `
rules:
  - name: flow
    kind: eco_base_flow
    for: 2h
    subjects: ["section:"]
    message: "{{.Subject}} {{.Level}} {{printf \"%.1f\" (index .Values \"value\")}}"
    levels:
      - {level: yellow, ratio: 1.0}
      - {level: red, ratio: 0.5}
`

func TestEngineLifecycle(t *testing.T) {
	e, err := NewEngine(mustRules(t, holdRules))
	if err != nil {
		t.Fatal(err)
	}
	flow := func(v float64) []Observation {
		return []Observation{{Kind: EcoBaseFlow, Subject: "section:A", Time: t0, Value: v, Limit: 10}}
	}
	steps := []struct {
		name  string
		at    time.Duration
		flow  float64
		types []EventType
		state State
		level Level
	}{
		{"below: pending", 0, 9, []EventType{EventPending}, Pending, Yellow},
		{"red while pending: no event", time.Hour, 4, nil, Pending, Red},
		{"hold elapsed: fires at red", 2 * time.Hour, 4, []EventType{EventFiring}, Firing, Red},
		{"eases to yellow", 3 * time.Hour, 8, []EventType{EventDeescalated}, Firing, Yellow},
		{"recovers: resolved", 4 * time.Hour, 11, []EventType{EventResolved}, "", None},
		{"again: a new alert", 5 * time.Hour, 9, []EventType{EventPending}, Pending, Yellow},
	}
	var firstID string
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			evs, err := e.Eval(t0.Add(s.at), flow(s.flow))
			if err != nil {
				t.Fatal(err)
			}
			var types []EventType
			for _, ev := range evs {
				types = append(types, ev.Type)
			}
			if strings.Join(toStrings(types), ",") != strings.Join(toStrings(s.types), ",") {
				t.Fatalf("events %v, want %v", types, s.types)
			}
			as := e.Alerts()
			if s.state == "" {
				if len(as) != 0 {
					t.Fatalf("alerts %v, want none", as)
				}
				return
			}
			if len(as) != 1 || as[0].State != s.state || as[0].Level != s.level {
				t.Fatalf("alerts %+v, want one %s %s", as, s.state, s.level)
			}
			if firstID == "" {
				firstID = as[0].ID
			}
		})
	}
	as := e.Alerts()
	if len(as) != 1 || as[0].ID == firstID || as[0].ID != "flow|section:A|2" {
		t.Fatalf("second alert id %v, first %s", as, firstID)
	}
	if got := as[0].Message; got != "section:A yellow 9.0" {
		t.Fatalf("templated message %q", got)
	}
}

func toStrings(ts []EventType) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t)
	}
	return out
}

func TestAck(t *testing.T) {
	e, err := NewEngine(mustRules(t, holdRules))
	if err != nil {
		t.Fatal(err)
	}
	obs := []Observation{
		{Kind: EcoBaseFlow, Subject: "section:P", Value: 9, Limit: 10},
		{Kind: EcoBaseFlow, Subject: "section:F", Value: 9, Limit: 10},
	}
	if _, err := e.Eval(t0.Add(-3*time.Hour), obs[1:]); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Eval(t0, obs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		id, user  string
		code      string
		sentinel  error
		wantState State
	}{
		{"unknown", "flow|section:X|1", "u", sishui.ENOTFOUND, ErrUnknownAlert, ""},
		{"pending", "flow|section:P|1", "u", sishui.ECONFLICT, ErrNotFiring, ""},
		{"empty user", "flow|section:F|1", " ", sishui.EINVALID, ErrInvalidInput, ""},
		{"firing", "flow|section:F|1", "赵工", "", nil, Acknowledged},
		{"twice", "flow|section:F|1", "赵工", sishui.ECONFLICT, ErrNotFiring, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := e.Ack(tt.id, tt.user, "checked", t0)
			if sishui.ErrorCode(err) != tt.code || (tt.sentinel != nil && !errors.Is(err, tt.sentinel)) {
				t.Fatalf("err = %v, want code %q / %v", err, tt.code, tt.sentinel)
			}
			if err == nil && (ev.Type != EventAcknowledged || ev.User != tt.user || ev.State != tt.wantState) {
				t.Fatalf("event %+v", ev)
			}
		})
	}
	for _, a := range e.Alerts() {
		if a.Subject == "section:F" {
			if a.AckBy != "赵工" || len(a.History) != 3 { // pending, firing, acknowledged
				t.Fatalf("alert %+v", a)
			}
		}
	}
}

func TestEvalInputs(t *testing.T) {
	e, err := NewEngine(mustRules(t, holdRules))
	if err != nil {
		t.Fatal(err)
	}
	obs := []Observation{
		{Kind: EcoBaseFlow, Subject: "section:A", Time: t0.Add(-time.Hour), Value: 4, Limit: 10},
		{Kind: EcoBaseFlow, Subject: "section:A", Time: t0, Value: 9, Limit: 10}, // latest wins
		{Kind: EcoBaseFlow, Subject: "section:B", Time: t0, Value: nan(), Limit: 10},
		{Kind: EcoBaseFlow, Subject: "other:C", Time: t0, Value: 1, Limit: 10},   // not matched by subjects
		{Kind: PermitUse, Subject: "section:D", Time: t0, Value: 1e9, Limit: 10}, // no rule of this kind
	}
	evs, err := e.Eval(t0, obs)
	if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), "section:B") {
		t.Fatalf("err = %v, want the NaN observation reported", err)
	}
	if len(evs) != 1 || evs[0].Subject != "section:A" || evs[0].Level != Yellow {
		t.Fatalf("events %+v", evs)
	}
}

func TestRestore(t *testing.T) {
	rules := mustRules(t, holdRules)
	e, err := NewEngine(rules)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Eval(t0, []Observation{{Kind: EcoBaseFlow, Subject: "section:A", Value: 9, Limit: 10}}); err != nil {
		t.Fatal(err)
	}
	snap := e.Snapshot()
	tests := []struct {
		name   string
		rules  []Rule
		alerts int
	}{
		{"same rules", rules, 1},
		{"rule removed", mustRules(t, "rules:\n- {name: other, kind: eco_base_flow, levels: [{level: red}]}\n"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Restore(tt.rules, snap)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(r.Alerts()); n != tt.alerts {
				t.Fatalf("%d alerts, want %d", n, tt.alerts)
			}
		})
	}
	// The snapshot is a copy: changing it does not touch the engine.
	snap.Alerts[0].History = nil
	if len(e.Alerts()[0].History) != 1 {
		t.Fatal("snapshot shares history with the engine")
	}
}

func TestMinLevel(t *testing.T) {
	var got []Event
	n := MinLevel(Yellow, NotifierFunc(func(_ context.Context, evs []Event) error { got = evs; return nil }))
	evs := []Event{
		{Type: EventFiring, Level: Blue},
		{Type: EventFiring, Level: Red},
		{Type: EventResolved, Level: None, PrevLevel: Orange},
		{Type: EventResolved, Level: None, PrevLevel: Blue},
	}
	if err := n.Notify(context.Background(), evs); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Level != Red || got[1].PrevLevel != Orange {
		t.Fatalf("passed %+v", got)
	}
}
