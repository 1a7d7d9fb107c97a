package warning

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestDefaultRules(t *testing.T) {
	rules, err := DefaultRules()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[Kind]bool{}
	for _, r := range rules {
		kinds[r.Kind] = true
		if r.Description == "" {
			t.Errorf("rule %s has no description", r.Name)
		}
		for _, th := range r.Levels {
			if th.Source == "" {
				t.Errorf("rule %s level %s: no source", r.Name, th.Level)
			}
		}
	}
	for _, k := range Kinds {
		if !kinds[k] {
			t.Errorf("no default rule of kind %s", k)
		}
	}
	// DOMAIN.md §4.3: the 90% yellow for total use is a design proposal; the 100% red is the rule.
	for _, r := range rules {
		if r.Kind != RegionTotalUse {
			continue
		}
		for _, th := range r.Levels {
			if th.Level == Yellow && th.Field == "" && (!th.Proposal || th.ratio() != 0.9) {
				t.Errorf("region_total_use yellow: %+v, want ratio 0.9 marked as proposal", th)
			}
			if th.Level == Red && (th.Proposal || th.ratio() != 1.0) {
				t.Errorf("region_total_use red: %+v, want ratio 1.0 not a proposal", th)
			}
		}
	}
}

func TestParseRulesErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
	}{
		{"unknown kind", "rules:\n- {name: a, kind: nope, levels: [{level: red}]}\n"},
		{"no levels", "rules:\n- {name: a, kind: eco_base_flow}\n"},
		{"bad level", "rules:\n- {name: a, kind: eco_base_flow, levels: [{level: purple}]}\n"},
		{"duplicate", "rules:\n- {name: a, kind: eco_base_flow, levels: [{level: red}]}\n- {name: a, kind: eco_base_flow, levels: [{level: red}]}\n"},
		{"unknown field", "rules:\n- {name: a, kind: eco_base_flow, levls: [{level: red}]}\n"},
		{"month on flow", "rules:\n- {name: a, kind: eco_base_flow, levels: [{level: red, field: month}]}\n"},
		{"negative hold", "rules:\n- {name: a, kind: eco_base_flow, for: -1h, levels: [{level: red}]}\n"},
		{"bad duration", "rules:\n- {name: a, kind: eco_base_flow, for: soon, levels: [{level: red}]}\n"},
		{"quality without flags", "rules:\n- {name: a, kind: data_quality}\n"},
		{"bad template", "rules:\n- {name: a, kind: eco_base_flow, message: '{{.Nope', levels: [{level: red}]}\n"},
		{"bad direction", "rules:\n- {name: a, kind: eco_base_flow, direction: sideways, levels: [{level: red}]}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseRules(strings.NewReader(tt.yaml)); !errors.Is(err, ErrInvalidRule) {
				t.Fatalf("err = %v, want ErrInvalidRule", err)
			}
		})
	}
}

func TestLoadRulesAcrossFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte("rules:\n- {name: x, kind: eco_base_flow, levels: [{level: red}]}\n")},
		"b.yaml": {Data: []byte("rules:\n- {name: x, kind: permit_use, levels: [{level: red}]}\n")},
	}
	if _, err := LoadRules(fsys, "*.yaml"); !errors.Is(err, ErrInvalidRule) {
		t.Fatalf("duplicate across files: %v", err)
	}
	rs, err := LoadRules(fsys, "a.yaml")
	if err != nil || len(rs) != 1 {
		t.Fatalf("LoadRules = %v, %v", rs, err)
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		str  string
	}{
		{"90s", 90 * time.Second, "1m30s"},
		{"7d", 7 * 24 * time.Hour, "7d"},
		{"1d12h", 36 * time.Hour, "36h0m0s"},
		{"0s", 0, "0s"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDuration(tt.in)
			if err != nil || time.Duration(d) != tt.want || d.String() != tt.str {
				t.Fatalf("ParseDuration(%q) = %v (%s), %v", tt.in, time.Duration(d), d, err)
			}
		})
	}
	for _, bad := range []string{"xd", "-1d", "3 days"} {
		if _, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) succeeded", bad)
		}
	}
}

func TestLevelText(t *testing.T) {
	for l := None; l <= Red; l++ {
		b, err := l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var m Level
		if err := m.UnmarshalText(b); err != nil || m != l {
			t.Fatalf("round trip %v: %v %v", l, m, err)
		}
	}
	if _, err := ParseLevel("purple"); err == nil {
		t.Fatal("purple parsed")
	}
}
