package warning

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"gopkg.in/yaml.v3"
)

// Scenario files (testdata/scenarios/*.yaml) are rule unit tests written as data,
// in the manner of Prometheus rule tests:
//
//	name, description
//	rules:          inline rules (same schema as rules/default.yaml); when absent
//	                the default rules are used
//	start:          RFC 3339 time of the first evaluation
//	eval_interval:  time between evaluations; duration: how long to run
//	series:         inputs; each has kind, subject, interval (default eval_interval)
//	                and values in expanding notation, plus limit/limits,
//	                projected, month, month_limit, flags
//	acks:           acknowledgements {at, rule, subject, user, comment, error}
//	expect:         at offsets from start: the exact active alerts after that
//	                evaluation (and acks), and optionally the exact events
//
// Expanding notation: space-separated tokens; "a" one value, "_" missing,
// "a+bxn" or "a-bxn" the n+1 values a, a±b, …, a±n·b, "axn" n+1 copies of a,
// "_xn" n missing values. At each evaluation a series contributes its sample at
// floor((now−start)/interval), unless missing. For terminal_offline a sample that
// is present means "a report arrived"; the observation carries the time of the
// last report and is sent at every evaluation once one has arrived.
type scenario struct {
	Name         string     `yaml:"name"`
	Description  string     `yaml:"description"`
	Rules        []Rule     `yaml:"rules"`
	Start        time.Time  `yaml:"start"`
	EvalInterval Duration   `yaml:"eval_interval"`
	Duration     Duration   `yaml:"duration"`
	Series       []series   `yaml:"series"`
	Acks         []ackStep  `yaml:"acks"`
	Expect       []expected `yaml:"expect"`
}

type series struct {
	Kind       Kind     `yaml:"kind"`
	Subject    string   `yaml:"subject"`
	Interval   Duration `yaml:"interval"`
	Values     string   `yaml:"values"`
	Limit      float64  `yaml:"limit"`
	Limits     string   `yaml:"limits"`
	Projected  string   `yaml:"projected"`
	Month      string   `yaml:"month"`
	MonthLimit float64  `yaml:"month_limit"`
	Flags      []string `yaml:"flags"` // per sample, comma-separated flags

	values, limits, projected, month []sample
}

type sample struct {
	v  float64
	ok bool
}

type ackStep struct {
	At      Duration `yaml:"at"`
	Rule    string   `yaml:"rule"`
	Subject string   `yaml:"subject"`
	User    string   `yaml:"user"`
	Comment string   `yaml:"comment"`
	Error   string   `yaml:"error"` // expected error code (not_found, conflict, invalid); empty = success
}

type expected struct {
	At     Duration    `yaml:"at"`
	Alerts *[]expAlert `yaml:"alerts"`
	Events *[]expEvent `yaml:"events"`
}

type expAlert struct {
	Rule    string `yaml:"rule"`
	Subject string `yaml:"subject"`
	State   State  `yaml:"state"`
	Level   Level  `yaml:"level"`
}

type expEvent struct {
	Rule    string    `yaml:"rule"`
	Subject string    `yaml:"subject"`
	Type    EventType `yaml:"type"`
	Level   Level     `yaml:"level"`
}

func expand(s string) ([]sample, error) {
	var out []sample
	for _, tok := range strings.Fields(s) {
		body, reps := tok, -1
		if i := strings.LastIndexByte(tok, 'x'); i > 0 {
			n, err := strconv.Atoi(tok[i+1:])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("token %q: bad repeat", tok)
			}
			body, reps = tok[:i], n
		}
		if body == "_" {
			n := max(reps, 1)
			for range n {
				out = append(out, sample{})
			}
			continue
		}
		start, step := body, "0"
		if i := strings.LastIndexAny(body, "+-"); i > 0 && reps >= 0 {
			start, step = body[:i], body[i:]
		}
		a, err := strconv.ParseFloat(start, 64)
		if err != nil {
			return nil, fmt.Errorf("token %q: %v", tok, err)
		}
		b, err := strconv.ParseFloat(step, 64)
		if err != nil {
			return nil, fmt.Errorf("token %q: %v", tok, err)
		}
		for k := 0; k <= max(reps, 0); k++ {
			out = append(out, sample{a + float64(k)*b, true})
		}
	}
	return out, nil
}

func TestExpand(t *testing.T) {
	tests := []struct {
		in   string
		want []sample
	}{
		{"1 _ 3", []sample{{1, true}, {}, {3, true}}},
		{"10+5x2", []sample{{10, true}, {15, true}, {20, true}}},
		{"10-5x1", []sample{{10, true}, {5, true}}},
		{"7x2 _x2", []sample{{7, true}, {7, true}, {7, true}, {}, {}}},
		{"-2.5", []sample{{-2.5, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := expand(tt.in)
			if err != nil || !slices.Equal(got, tt.want) {
				t.Fatalf("expand(%q) = %v, %v", tt.in, got, err)
			}
		})
	}
}

func at(ss []sample, j int) sample {
	if j < 0 || j >= len(ss) {
		return sample{}
	}
	return ss[j]
}

// observations builds the inputs of one evaluation.
func (sc *scenario) observations(now time.Time) []Observation {
	var obs []Observation
	for i := range sc.Series {
		s := &sc.Series[i]
		iv := time.Duration(s.Interval)
		j := int(now.Sub(sc.Start) / iv)
		if s.Kind == TerminalOffline {
			last := -1
			for k := min(j, len(s.values)-1); k >= 0; k-- {
				if s.values[k].ok {
					last = k
					break
				}
			}
			if last >= 0 {
				obs = append(obs, Observation{Kind: s.Kind, Subject: s.Subject, Time: now,
					LastSeen: sc.Start.Add(time.Duration(last) * iv), Interval: iv})
			}
			continue
		}
		v := at(s.values, j)
		if !v.ok {
			continue
		}
		o := Observation{Kind: s.Kind, Subject: s.Subject, Time: sc.Start.Add(time.Duration(j) * iv), Value: v.v, Limit: s.Limit, MonthLimit: s.MonthLimit}
		if l := at(s.limits, j); l.ok {
			o.Limit = l.v
		}
		if p := at(s.projected, j); p.ok {
			o.Projected = p.v
		}
		if m := at(s.month, j); m.ok {
			o.MonthValue = m.v
		}
		if j < len(s.Flags) && s.Flags[j] != "" {
			o.Flags = strings.Split(s.Flags[j], ",")
		}
		obs = append(obs, o)
	}
	return obs
}

func loadScenario(t *testing.T, path string) *scenario {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	var sc scenario
	if err := dec.Decode(&sc); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if sc.EvalInterval <= 0 || sc.Duration <= 0 || sc.Start.IsZero() {
		t.Fatalf("scenario needs start, eval_interval and duration")
	}
	if len(sc.Rules) == 0 {
		if sc.Rules, err = DefaultRules(); err != nil {
			t.Fatal(err)
		}
	}
	for i := range sc.Series {
		s := &sc.Series[i]
		if s.Interval == 0 {
			s.Interval = sc.EvalInterval
		}
		for _, f := range []struct {
			src string
			dst *[]sample
		}{{s.Values, &s.values}, {s.Limits, &s.limits}, {s.Projected, &s.projected}, {s.Month, &s.month}} {
			if *f.dst, err = expand(f.src); err != nil {
				t.Fatalf("series %s: %v", s.Subject, err)
			}
		}
	}
	return &sc
}

// TestScenarios runs every testdata/scenarios/*.yaml file. The engine state is
// saved to JSON and restored between evaluations, so each scenario also checks
// that the state survives persistence.
func TestScenarios(t *testing.T) {
	files, err := filepath.Glob("testdata/scenarios/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".yaml"), func(t *testing.T) {
			sc := loadScenario(t, path)
			e, err := NewEngine(sc.Rules)
			if err != nil {
				t.Fatal(err)
			}
			checked := 0
			for off := time.Duration(0); off <= time.Duration(sc.Duration); off += time.Duration(sc.EvalInterval) {
				now := sc.Start.Add(off)
				events, err := e.Eval(now, sc.observations(now))
				if err != nil {
					t.Fatalf("%v: eval: %v", Duration(off), err)
				}
				for _, a := range sc.Acks {
					if time.Duration(a.At) != off {
						continue
					}
					id := a.Rule + "|" + a.Subject + "|?"
					for _, al := range e.Alerts() {
						if al.Rule == a.Rule && al.Subject == a.Subject {
							id = al.ID
						}
					}
					ev, err := e.Ack(id, a.User, a.Comment, now)
					if code := sishui.ErrorCode(err); code != a.Error {
						t.Fatalf("%v: ack %s: error %v (code %q), want code %q", Duration(off), id, err, code, a.Error)
					}
					if err == nil {
						events = append(events, ev)
					}
				}
				for _, x := range sc.Expect {
					if time.Duration(x.At) != off {
						continue
					}
					checked++
					if x.Alerts != nil {
						compareAlerts(t, Duration(off), e.Alerts(), *x.Alerts)
					}
					if x.Events != nil {
						compareEvents(t, Duration(off), events, *x.Events)
					}
				}
				e = roundTrip(t, sc.Rules, e)
			}
			if checked != len(sc.Expect) {
				t.Fatalf("%d of %d expectations fall on evaluation times", checked, len(sc.Expect))
			}
		})
	}
}

func roundTrip(t *testing.T, rules []Rule, e *Engine) *Engine {
	t.Helper()
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var s Snapshot
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	r, err := Restore(rules, s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func compareAlerts(t *testing.T, off Duration, got []Alert, want []expAlert) {
	t.Helper()
	g := make([]expAlert, len(got))
	for i, a := range got {
		g[i] = expAlert{a.Rule, a.Subject, a.State, a.Level}
	}
	w := slices.Clone(want)
	cmp := func(a, b expAlert) int { return strings.Compare(a.Rule+"|"+a.Subject, b.Rule+"|"+b.Subject) }
	slices.SortFunc(g, cmp)
	slices.SortFunc(w, cmp)
	if !slices.Equal(g, w) {
		t.Errorf("at %v: alerts\n got  %v\n want %v", off, g, w)
	}
}

func compareEvents(t *testing.T, off Duration, got []Event, want []expEvent) {
	t.Helper()
	g := make([]expEvent, len(got))
	for i, ev := range got {
		g[i] = expEvent{ev.Rule, ev.Subject, ev.Type, ev.Level}
	}
	w := slices.Clone(want)
	for i := range w { // rule may be left out in the file
		if w[i].Rule == "" && i < len(g) {
			w[i].Rule = g[i].Rule
		}
	}
	if !slices.Equal(g, w) {
		t.Errorf("at %v: events\n got  %v\n want %v", off, g, w)
	}
}
