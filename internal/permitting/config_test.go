package permitting

import "testing"

func TestParseConfig(t *testing.T) {
	c, err := ParseConfig([]byte("limits:\n  planning_assessment: false\n  limited_zone_no_new: true\n  current_use: true\nlevels:\n  groundwater_m3: 1000000\ncap_reduction_basis_points: 500\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Limits.PlanningAssessment || !c.Limits.LimitedZoneNoNew || c.Levels.GroundwaterM3 != 1_000_000 || c.Levels.SurfaceM3 != 15_000_000 || c.CapReductionBasisPoints != 500 {
		t.Fatalf("config %+v", c)
	}
	if c, err := ParseConfig([]byte("{}")); err != nil || c != DefaultConfig() {
		t.Fatalf("empty config %+v %v", c, err)
	}
	for name, in := range map[string]string{
		"unknown key":   "limts: {}\n",
		"negative":      "levels:\n  surface_m3: -1\n",
		"cut too large": "cap_reduction_basis_points: 20000\n",
	} {
		if _, err := ParseConfig([]byte(in)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
