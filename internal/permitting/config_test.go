package permitting

import (
	"reflect"
	"testing"
	"time"
)

func TestParseConfig(t *testing.T) {
	c, err := ParseConfig([]byte("limits:\n  planning_assessment: false\n  limited_zone_no_new: true\n  current_use: true\nlevels:\n  groundwater_m3: 1000000\ncap_reduction_basis_points: 500\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Limits.PlanningAssessment || !c.Limits.LimitedZoneNoNew || c.Levels.GroundwaterM3 != 1_000_000 || c.Levels.SurfaceM3 != 15_000_000 || c.CapReductionBasisPoints != 500 {
		t.Fatalf("config %+v", c)
	}
	if c, err := ParseConfig([]byte("{}")); err != nil || !reflect.DeepEqual(c, DefaultConfig()) {
		t.Fatalf("empty config %+v %v", c, err)
	}
	for name, in := range map[string]string{
		"unknown key":   "limts: {}\n",
		"negative":      "levels:\n  surface_m3: -1\n",
		"cut too large": "cap_reduction_basis_points: 20000\n",
		"zero metering": "metering:\n  groundwater_m3: 0\n",
		"bad share":     "compliance:\n  min_completeness: 1.5\n",
		"no silence":    "compliance:\n  silent_after: 0s\n",
	} {
		if _, err := ParseConfig([]byte(in)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestParseConfigThresholds(t *testing.T) {
	c, err := ParseConfig([]byte("metering:\n  groundwater_m3: 100000\ncompliance:\n  silent_after: 24h\n  min_completeness: 0.8\ncap_reduction_indicators: [water_per_gdp]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Metering.GroundwaterM3 != 100_000 || c.Metering.SurfaceM3 != 500_000 || c.Compliance.SilentAfter != 24*time.Hour ||
		c.Compliance.MinCompleteness != 0.8 || len(c.CapReductionIndicators) != 1 {
		t.Fatalf("config %+v", c)
	}
}
