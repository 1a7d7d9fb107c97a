package quality

import (
	"errors"
	"math"
	"testing"
	"time"
)

func TestDefaultConfig(t *testing.T) {
	c := DefaultConfig()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name             string
		kind, metric     string
		series           SeriesType
		hardMin, hardMax float64
		flat             int
	}{
		{"meter volume", "withdrawal", "volume_m3", Cumulative, 0, math.Inf(1), 0},
		{"meter flow", "withdrawal", "flow_m3s", Instant, 0, 300, 0},
		{"river level", "river", "level_m", Instant, 0, 100, 48},
		{"river flow", "river", "flow_m3s", Instant, -100, 15000, 0},
		{"well depth", "groundwater", "depth_m", Instant, 0, 300, 72},
		{"rain", "rain", "rain_mm", Increment, math.Inf(-1), 300, 0},
		{"voltage at any kind", "river", "voltage_v", Instant, 0, 36, 0},
		{"unknown kind gets metric layer", "", "volume_m3", Cumulative, 0, math.Inf(1), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Limits(tt.kind, 1, tt.metric).rules()
			if r.series != tt.series || r.hardMin != tt.hardMin || r.hardMax != tt.hardMax || r.flatCount != tt.flat {
				t.Errorf("rules = %+v", r)
			}
			if !r.futureOn || r.future != 10*time.Minute || r.maxAge != 720*time.Hour {
				t.Errorf("time limits = %v %v %v", r.futureOn, r.future, r.maxAge)
			}
		})
	}
}

func TestParseConfigLayers(t *testing.T) {
	c, err := ParseConfig([]byte(`
defaults:
  max_age: 0s
kinds:
  river:
    level_m:
      soft_max: 40
      hard_min: .nan
points:
  7:
    kind: river
    metrics:
      level_m:
        soft_max: 38.5
        flat_line_count: 0
  8:
    metrics:
      flow_m3s: {spike_abs: 5}
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		kind   string
		point  int64
		metric string
		check  func(r rules) bool
	}{
		{"kind override keeps other fields", "river", 1, "level_m", func(r rules) bool {
			return r.softMax == 40 && r.hardMax == 100 && r.softMin == 15 && r.flatCount == 48
		}},
		{"nan removes inherited bound", "river", 1, "level_m", func(r rules) bool { return math.IsInf(r.hardMin, -1) }},
		{"defaults override: max age off", "river", 1, "level_m", func(r rules) bool { return r.maxAge == 0 && r.futureOn }},
		{"point override, kind from point", "", 7, "level_m", func(r rules) bool {
			return r.softMax == 38.5 && r.flatCount == 0 && r.hardMax == 100
		}},
		{"point override without kind", "withdrawal", 8, "flow_m3s", func(r rules) bool {
			return r.spikeAbs == 5 && r.hardMax == 300
		}},
		{"defaults untouched elsewhere", "groundwater", 1, "depth_m", func(r rules) bool { return r.hardMax == 300 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := c.Limits(tt.kind, tt.point, tt.metric).rules(); !tt.check(r) {
				t.Errorf("rules = %+v", r)
			}
		})
	}
	if d := DefaultConfig().Limits("river", 1, "level_m").rules(); d.softMax != 60 {
		t.Errorf("ParseConfig changed the defaults: soft_max %v", d.softMax)
	}
}

func TestParseConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
	}{
		{"unknown key", "defaults:\n  hard_minimum: 3\n"},
		{"hard min above max", "metrics:\n  x:\n    hard_min: 5\n    hard_max: 3\n"},
		{"soft outside hard", "kinds:\n  river:\n    level_m:\n      soft_max: 150\n"},
		{"point makes soft outside hard", "points:\n  3:\n    kind: river\n    metrics:\n      level_m: {hard_max: 50}\n"},
		{"flat count 1", "metrics:\n  x: {flat_line_count: 1}\n"},
		{"negative rate", "metrics:\n  x: {max_rate_per_hour: -1}\n"},
		{"bad series", "metrics:\n  x: {series: sometimes}\n"},
		{"bad duration", "defaults: {max_age: soon}\n"},
		{"negative duration", "defaults: {future_tolerance: -1m}\n"},
		{"not yaml", "kinds: [1, 2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tt.yaml))
			if !errors.Is(err, ErrInvalidConfig) {
				t.Fatalf("err = %v, want ErrInvalidConfig", err)
			}
		})
	}
}

func TestParseConfigEmpty(t *testing.T) {
	c, err := ParseConfig(nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Limits("river", 1, "level_m").rules(); r.hardMax != 100 {
		t.Errorf("empty config lost the defaults: %+v", r)
	}
}
