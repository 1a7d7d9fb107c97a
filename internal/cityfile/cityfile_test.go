package cityfile_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/cityfile"
	"github.com/sishui/sishui/internal/sqlite"
)

func open(t *testing.T) *sqlite.DB {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestLiaocheng loads the city's real directory twice and checks what it holds.
func TestLiaocheng(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	dir := os.DirFS(filepath.Join("..", "..", "data", "liaocheng"))
	c1, err := cityfile.Load(ctx, dir, s)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := cityfile.Load(ctx, dir, s)
	if err != nil {
		t.Fatalf("second load: %v", err)
	}
	if c1.String() != c2.String() {
		t.Fatalf("loads differ: %v vs %v", c1, c2)
	}
	if c1["indicators"] != 10 || c1["targets"] != 60 || c1["regions"] != 13 {
		t.Fatalf("counts %v", c1)
	}
	_, n, err := s.ListPoints(ctx, sishui.PointFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n < 250 || n != c1["points"] {
		t.Fatalf("points = %d (loaded %d): a second load must not duplicate", n, c1["points"])
	}
	kinds := map[string]bool{}
	for _, k := range sishui.PointKinds {
		_, n, err := s.ListPoints(ctx, sishui.PointFilter{Kind: k})
		if err != nil {
			t.Fatal(err)
		}
		kinds[k] = n > 0
	}
	for k, ok := range kinds {
		if !ok {
			t.Errorf("no demo point of kind %s", k)
		}
	}
	// Every county has points.
	for _, county := range []string{"371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581"} {
		_, n, err := s.ListPoints(ctx, sishui.PointFilter{Region: county})
		if err != nil || n < 20 {
			t.Errorf("county %s has %d points (%v)", county, n, err)
		}
	}
	// The annex, exactly as the plan gives it (spot checks of each indicator).
	want := map[string]map[int]float64{
		"total_use":                      {2023: 18.02, 2027: 20, 2030: 20},
		"water_per_gdp":                  {2024: 54.3, 2027: 47.5, 2030: 41.3},
		"water_per_industrial_va":        {2023: 20.3, 2027: 14.9},
		"irrigation_efficiency":          {2023: 0.6374, 2026: 0.6393, 2030: 0.642},
		"unconventional_use":             {2025: 1.1, 2027: 1.2},
		"reclaimed_reuse_rate":           {2027: 57},
		"network_leakage_rate":           {2027: 7.7, 2030: 7.5},
		"industrial_reuse_rate":          {2027: 94},
		"chem_park_unconventional_share": {2027: 35},
		"wwtp_upgrade_rate":              {2024: 81.25, 2027: 85},
	}
	targets, err := s.ListTargets(ctx, sishui.TargetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]map[int]float64{}
	for _, tg := range targets {
		if got[tg.Indicator] == nil {
			got[tg.Indicator] = map[int]float64{}
		}
		got[tg.Indicator][tg.Year] = tg.Value
	}
	for ind, years := range want {
		for y, v := range years {
			if got[ind][y] != v {
				t.Errorf("%s %d = %v, want %v", ind, y, got[ind][y], v)
			}
		}
	}
	// The plan's tasks: every numbered item of 一 to 五, with the plan's lead units and targets.
	if c1["units"] != 16 || c1["tasks"] != 20 {
		t.Fatalf("units %d, tasks %d; want 16 and 20", c1["units"], c1["tasks"])
	}
	ctxCity := sishui.WithActor(ctx, &sishui.Actor{Username: "c", Role: sishui.RoleCity})
	irr, err := s.GetTask(ctxCity, "4_2")
	if err != nil {
		t.Fatal(err)
	}
	if irr.Title != "实施大中型灌区现代化改造" || strings.Join(irr.Lead, ",") != "water,agri,ndrc" || len(irr.Targets) != 3 ||
		irr.Targets[0].Value != 70 || irr.Targets[0].Unit != "万亩" || irr.Targets[1].Value != 10 || irr.Targets[2].Value != 0.64 {
		t.Errorf("task 4_2 %+v", irr)
	}
	rigid, _ := s.GetTask(ctxCity, "1_1")
	if rigid == nil || rigid.Targets[1].Value != 47.5 || rigid.Targets[1].Baseline != 54.3 || rigid.Targets[1].BaselineYear != 2024 {
		t.Errorf("task 1_1 %+v", rigid)
	}
	sewer, _ := s.GetTask(ctxCity, "3_3")
	if sewer == nil || len(sewer.Counties) != 6 || sewer.Lead[0] != "ecology" {
		t.Errorf("task 3_3 %+v", sewer)
	}
	// Every project a task names is in the register, and serves that task.
	projects, err := s.ListProjects(ctxCity, sishui.ProjectFilter{})
	if err != nil || len(projects) != c1["projects"] || len(projects) < 25 {
		t.Fatalf("projects %d (%v)", len(projects), err)
	}
	serves := map[string]map[string]bool{}
	for _, p := range projects {
		serves[p.Code] = map[string]bool{}
		for _, tk := range p.Tasks {
			serves[p.Code][tk] = true
		}
	}
	all, _ := s.ListTasks(ctxCity)
	for _, tk := range all {
		for _, pc := range tk.Projects {
			if !serves[pc][tk.Code] {
				t.Errorf("task %s names project %s, which does not serve it (or does not exist)", tk.Code, pc)
			}
		}
	}
	// Binding vs expected as in the annex.
	inds, _ := s.ListIndicators(ctx)
	binding := map[string]bool{}
	for _, i := range inds {
		binding[i.ID] = i.Binding
	}
	for _, id := range []string{"total_use", "water_per_gdp", "water_per_industrial_va", "irrigation_efficiency", "unconventional_use", "network_leakage_rate"} {
		if !binding[id] {
			t.Errorf("%s should be binding (约束性)", id)
		}
	}
	for _, id := range []string{"reclaimed_reuse_rate", "industrial_reuse_rate", "chem_park_unconventional_share", "wwtp_upgrade_rate"} {
		if binding[id] {
			t.Errorf("%s should be expected (预期性)", id)
		}
	}
}

func TestErrorsNameFileItemAndField(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"unknown field", fstest.MapFS{"regions.yaml": {Data: []byte("- {code: \"371500\", name: x, level: city, colour: red}\n")}}, []string{"regions.yaml", "colour"}},
		{"bad region", fstest.MapFS{"regions.yaml": {Data: []byte("- {code: \"3715\", name: x, level: city}\n")}}, []string{"regions.yaml", "item 1", "code"}},
		{"unknown holder", fstest.MapFS{"permits.yaml": {Data: []byte("- {number: P1, holder: \"X\", region: \"371500\", source: s, sector: s, annual_m3: 1, valid_from: \"2024-01-01\", valid_to: \"2025-01-01\", status: active}\n")}}, []string{"permits.yaml", "holder"}},
		{"bad date", fstest.MapFS{"permits.yaml": {Data: []byte("- {number: P1, holder: \"X\", valid_from: \"2024/01/01\", valid_to: \"2025-01-01\"}\n")}}, []string{"valid_from"}},
		{"county caps above the city cap", fstest.MapFS{
			"regions.yaml": {Data: []byte("- {code: \"371500\", name: c, level: city}\n- {code: \"371502\", name: a, level: county, parent: \"371500\"}\n- {code: \"371503\", name: b, level: county, parent: \"371500\"}\n")},
			"caps.yaml":    {Data: []byte("- {region: \"371500\", year: 2026, total_m3: 100, groundwater_m3: 0}\n- {region: \"371502\", year: 2026, total_m3: 60, groundwater_m3: 0}\n- {region: \"371503\", year: 2026, total_m3: 41, groundwater_m3: 0}\n")},
		}, []string{"caps.yaml", "add up to 101", "371500"}},
		{"unknown permit ref", fstest.MapFS{"points.yaml": {Data: []byte("- {code: \"01\", name: x, kind: withdrawal, protocol: sl651, region: \"371500\", permit: nope, multiplier: 1, interval_seconds: 3600}\n")}}, []string{"points.yaml", "permit"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cityfile.Load(ctx, tc.files, open(t))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}
