package alerting

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/citytest"
	"github.com/sishui/sishui/internal/quality"
	"github.com/sishui/sishui/internal/warning"
)

// Scenario files (testdata/scenarios/*.yaml) test every warning rule through
// the service, as data: input series written into a real store with the
// Liaocheng registry, the accounting run, the warning scheduler evaluated,
// and the stored open alerts compared with the expectation.
//
//	name, description
//	start:     RFC 3339 time of step "0h"
//	subjects:  the alert subjects compared (exactly) after each step
//	caps:      caps upserted before the first step
//	steps:     at (offset from start; the clock is set there), then in order:
//	  entered:  monthly entered volumes (replacing)
//	  samples:  series {point (code), metric, from (offset from the step
//	            time, default 0), every (default 1h), values (expanding
//	            notation: "a", "a+bxn", "a-bxn", "axn", "_" skip), flags}
//	  ack:      {subject, role, user, comment, error (code)}
//	  alerts:   the expected open alerts {rule, subject, state, level}
type scenario struct {
	Name        string    `yaml:"name"`
	Description string    `yaml:"description"`
	Start       time.Time `yaml:"start"`
	Subjects    []string  `yaml:"subjects"`
	Caps        []struct {
		Region        string `yaml:"region"`
		Year          int    `yaml:"year"`
		TotalM3       int64  `yaml:"total_m3"`
		GroundwaterM3 int64  `yaml:"groundwater_m3"`
	} `yaml:"caps"`
	Steps []step `yaml:"steps"`
}

type step struct {
	At      warning.Duration `yaml:"at"`
	Entered []struct {
		Region   string `yaml:"region"`
		Source   string `yaml:"source"`
		Sector   string `yaml:"sector"`
		Month    int    `yaml:"month"`
		VolumeM3 int64  `yaml:"volume_m3"`
	} `yaml:"entered"`
	Samples []struct {
		Point  string           `yaml:"point"`
		Metric string           `yaml:"metric"`
		From   warning.Duration `yaml:"from"`
		Every  warning.Duration `yaml:"every"`
		Values string           `yaml:"values"`
		Flags  []string         `yaml:"flags"`
	} `yaml:"samples"`
	Ack *struct {
		Subject string `yaml:"subject"`
		Role    string `yaml:"role"`
		Region  string `yaml:"region"`
		User    string `yaml:"user"`
		Comment string `yaml:"comment"`
		Error   string `yaml:"error"`
	} `yaml:"ack"`
	Alerts []wantAlert `yaml:"alerts"`
}

type wantAlert struct {
	Rule    string `yaml:"rule"`
	Subject string `yaml:"subject"`
	State   string `yaml:"state"`
	Level   string `yaml:"level"`
	// Optional, checked when given: the names NameAlerts sets and values the
	// alert carries.
	SubjectName string             `yaml:"subject_name"`
	RegionName  string             `yaml:"region_name"`
	Values      map[string]float64 `yaml:"values"`
}

func (w wantAlert) String() string {
	return fmt.Sprintf("%s %s %s %s", w.Rule, w.Subject, w.State, w.Level)
}

// expand parses the expanding notation; NaN marks a skipped value.
func expand(s string) ([]*float64, error) {
	var out []*float64
	for _, tok := range strings.Fields(s) {
		if tok == "_" {
			out = append(out, nil)
			continue
		}
		base, n, step := tok, 0, 0.0
		if i := strings.LastIndexByte(tok, 'x'); i > 0 {
			var err error
			if n, err = strconv.Atoi(tok[i+1:]); err != nil {
				return nil, fmt.Errorf("token %q: %v", tok, err)
			}
			base = tok[:i]
			if j := strings.LastIndexAny(base, "+-"); j > 0 {
				if step, err = strconv.ParseFloat(base[j:], 64); err != nil {
					return nil, fmt.Errorf("token %q: %v", tok, err)
				}
				base = base[:j]
			}
		}
		v, err := strconv.ParseFloat(base, 64)
		if err != nil {
			return nil, fmt.Errorf("token %q: %v", tok, err)
		}
		for k := 0; k <= n; k++ {
			x := v + float64(k)*step
			out = append(out, &x)
		}
	}
	return out, nil
}

func TestScenarios(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "scenarios", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".yaml"), func(t *testing.T) {
			t.Parallel()
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var sc scenario
			dec := yaml.NewDecoder(strings.NewReader(string(b)))
			dec.KnownFields(true)
			if err := dec.Decode(&sc); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			runScenario(t, &sc)
		})
	}
}

func runScenario(t *testing.T, sc *scenario) {
	ctx := context.Background()
	st := citytest.SQLite(t)
	c := &citytest.Clock{T: sc.Start}
	var mu sync.Mutex
	var events []warning.Event
	acct, s := newServices(t, st, c, Config{Notifiers: []warning.Notifier{warning.NotifierFunc(func(_ context.Context, evs []warning.Event) error {
		mu.Lock()
		events = append(events, evs...)
		mu.Unlock()
		return nil
	})}})
	for _, cp := range sc.Caps {
		if err := st.UpsertCap(ctx, &sishui.RegionCap{Region: cp.Region, Year: cp.Year, TotalM3: cp.TotalM3, GroundwaterM3: cp.GroundwaterM3}); err != nil {
			t.Fatal(err)
		}
	}
	codes := map[string]*sishui.Point{}
	for _, stp := range sc.Steps {
		now := sc.Start.Add(time.Duration(stp.At))
		c.Set(now)
		for _, e := range stp.Entered {
			if err := st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: e.Region, Source: e.Source, Sector: e.Sector, Month: e.Month, VolumeM3: e.VolumeM3}); err != nil {
				t.Fatalf("at %v: %v", stp.At, err)
			}
		}
		touched := map[int64]time.Time{}
		for _, x := range stp.Samples {
			p := codes[x.Point]
			if p == nil {
				p = citytest.PointByCode(t, st, x.Point)
				codes[x.Point] = p
			}
			m, ok := sishui.ParseMetric(x.Metric)
			if !ok {
				t.Fatalf("metric %q", x.Metric)
			}
			var flags quality.Flag
			for _, f := range x.Flags {
				fl, err := quality.ParseFlagName(f)
				if err != nil {
					t.Fatal(err)
				}
				flags |= fl
			}
			vals, err := expand(x.Values)
			if err != nil {
				t.Fatal(err)
			}
			every := time.Duration(x.Every)
			if every == 0 {
				every = time.Hour
			}
			var xs []sishui.Sample
			for i, v := range vals {
				if v == nil {
					continue
				}
				at := now.Add(time.Duration(x.From) + time.Duration(i)*every)
				xs = append(xs, sishui.Sample{Point: p.ID, Metric: m, Time: at.UTC(), Value: *v, Flags: uint32(flags)})
			}
			citytest.AppendSamples(t, st, xs)
			first := now.Add(time.Duration(x.From))
			if old, ok := touched[p.ID]; !ok || first.Before(old) {
				touched[p.ID] = first
			}
		}
		for id, from := range touched {
			acct.MarkDirty(id, from)
		}
		if err := acct.AccountDirty(ctx); err != nil {
			t.Fatalf("at %v: account: %v", stp.At, err)
		}
		if _, err := s.Eval(ctx, now); err != nil {
			t.Fatalf("at %v: eval: %v", stp.At, err)
		}
		if a := stp.Ack; a != nil {
			actx := sishui.WithActor(ctx, &sishui.Actor{Username: a.User, Role: a.Role, Region: a.Region})
			open, err := allAlerts(ctx, s.store, sishui.AlertFilter{State: "open"})
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(open, func(x *sishui.Alert) bool { return x.Subject == a.Subject })
			if i < 0 {
				t.Fatalf("at %v: no open alert for %s", stp.At, a.Subject)
			}
			_, err = s.Ack(actx, open[i].ID, a.Comment)
			if sishui.ErrorCode(err) != a.Error {
				t.Fatalf("at %v: ack: %v, want code %q", stp.At, err, a.Error)
			}
		}
		got := openAlerts(t, s, sc.Subjects)
		want := make([]string, len(stp.Alerts))
		for i, w := range stp.Alerts {
			want[i] = w.String()
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("at %v:\n got  %q\n want %q", stp.At, got, want)
		}
		checkAlertDetails(t, s, stp)
	}
	// Every stored alert's history matches the events notified, in order.
	all, err := allAlerts(ctx, s.store, sishui.AlertFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var stored int
	for _, a := range all {
		full, err := st.GetAlert(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		stored += len(full.History)
	}
	s.WaitNotified()
	mu.Lock()
	defer mu.Unlock()
	if stored != len(events) {
		t.Fatalf("%d events stored, %d notified", stored, len(events))
	}
}

func openAlerts(t *testing.T, s *Service, subjects []string) []string {
	t.Helper()
	open, err := allAlerts(context.Background(), s.store, sishui.AlertFilter{State: "open"})
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, a := range open {
		if slices.Contains(subjects, a.Subject) {
			out = append(out, wantAlert{Rule: a.Rule, Subject: a.Subject, State: a.State, Level: a.Level}.String())
		}
	}
	slices.Sort(out)
	return out
}

// checkAlertDetails compares the optional names and values of a step's
// expected alerts with the open alerts, named as the API names them.
func checkAlertDetails(t *testing.T, s *Service, stp step) {
	t.Helper()
	ctx := context.Background()
	open, err := allAlerts(ctx, s.store, sishui.AlertFilter{State: "open"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.NameAlerts(ctx, open...); err != nil {
		t.Fatal(err)
	}
	for _, w := range stp.Alerts {
		if w.SubjectName == "" && w.RegionName == "" && w.Values == nil {
			continue
		}
		i := slices.IndexFunc(open, func(a *sishui.Alert) bool { return a.Rule == w.Rule && a.Subject == w.Subject })
		a := open[i]
		if w.SubjectName != "" && a.SubjectName != w.SubjectName {
			t.Errorf("at %v: %s subject_name %q, want %q", stp.At, w.Subject, a.SubjectName, w.SubjectName)
		}
		if w.RegionName != "" && a.RegionName != w.RegionName {
			t.Errorf("at %v: %s region_name %q, want %q", stp.At, w.Subject, a.RegionName, w.RegionName)
		}
		for k, v := range w.Values {
			if got, ok := a.Values[k]; !ok || math.Abs(got-v) > 1e-9 {
				t.Errorf("at %v: %s values[%s] = %v (%v), want %v", stp.At, w.Subject, k, got, ok, v)
			}
		}
	}
}
