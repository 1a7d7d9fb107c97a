package liaocheng

import (
	"io/fs"
	"testing"

	"gopkg.in/yaml.v3"
)

const city = "371500"

func readYAML(t *testing.T, fsys fs.FS, name string, v any) {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

type capRow struct {
	Region        string `yaml:"region"`
	Year          int    `yaml:"year"`
	TotalM3       int64  `yaml:"total_m3"`
	GroundwaterM3 int64  `yaml:"groundwater_m3"`
}

// counties maps the allocation scenario's region names to their codes.
var counties = map[string]string{
	"dongchangfu": "371502", "chiping": "371503", "yanggu": "371521", "shenxian": "371522",
	"donge": "371524", "guanxian": "371525", "gaotang": "371526", "linqing": "371581",
}

// demoReserveM3 is the city reserve (市级预留) of total use that caps.yaml documents (invented).
const demoReserveM3 = 20_000_000

// TestCapsAddUp: county caps plus the city reserve equal the city cap, in every
// year with county caps; the allocation scenario uses caps.yaml's county caps.
func TestCapsAddUp(t *testing.T) {
	var caps []capRow
	readYAML(t, FS, "caps.yaml", &caps)
	cityCap := map[int]capRow{}
	countySum := map[int]int64{}
	byCounty := map[int]map[string]int64{}
	for _, c := range caps {
		if c.Region == city {
			cityCap[c.Year] = c
			continue
		}
		countySum[c.Year] += c.TotalM3
		if byCounty[c.Year] == nil {
			byCounty[c.Year] = map[string]int64{}
		}
		byCounty[c.Year][c.Region] = c.TotalM3
	}
	if len(countySum) == 0 {
		t.Fatal("no county caps")
	}
	for y, sum := range countySum {
		if len(byCounty[y]) != len(counties) {
			t.Errorf("%d: %d county caps, want %d", y, len(byCounty[y]), len(counties))
		}
		if got := sum + demoReserveM3; got != cityCap[y].TotalM3 {
			t.Errorf("%d: counties %d + reserve %d = %d, city cap %d", y, sum, demoReserveM3, got, cityCap[y].TotalM3)
		}
	}

	var sc struct {
		Start   string `yaml:"start"`
		Regions []struct {
			Name    string `yaml:"name"`
			TotalM3 int64  `yaml:"total_cap_annual_m3"`
		} `yaml:"regions"`
	}
	readYAML(t, Models, "models/allocate.yaml", &sc)
	year := 0
	for _, c := range sc.Start[:4] {
		year = year*10 + int(c-'0')
	}
	want := byCounty[year]
	if want == nil {
		t.Fatalf("caps.yaml has no county caps for the scenario year %d", year)
	}
	var sum int64
	for _, r := range sc.Regions {
		code, ok := counties[r.Name]
		if !ok {
			t.Errorf("allocate.yaml region %q is not a county", r.Name)
			continue
		}
		sum += r.TotalM3
		if r.TotalM3 != want[code] {
			t.Errorf("allocate.yaml %s cap %d, caps.yaml %s %d has %d", r.Name, r.TotalM3, code, year, want[code])
		}
	}
	if sum+demoReserveM3 != cityCap[year].TotalM3 {
		t.Errorf("allocate.yaml caps sum to %d, + reserve ≠ city cap %d", sum, cityCap[year].TotalM3)
	}
}

// TestRiverPointsAtSections: a river station sits at its control section.
func TestRiverPointsAtSections(t *testing.T) {
	type pos struct {
		Code    string  `yaml:"code"`
		Kind    string  `yaml:"kind"`
		Section string  `yaml:"section"`
		Lon     float64 `yaml:"lon"`
		Lat     float64 `yaml:"lat"`
	}
	var sections, points []pos
	readYAML(t, FS, "sections.yaml", &sections)
	readYAML(t, FS, "points.yaml", &points)
	at := map[string]pos{}
	for _, s := range sections {
		at[s.Code] = s
	}
	n := 0
	for _, p := range points {
		if p.Section == "" {
			continue
		}
		n++
		s, ok := at[p.Section]
		if !ok {
			t.Errorf("point %s: unknown section %s", p.Code, p.Section)
			continue
		}
		if p.Lon != s.Lon || p.Lat != s.Lat {
			t.Errorf("point %s at (%v, %v), its section %s at (%v, %v)", p.Code, p.Lon, p.Lat, s.Code, s.Lon, s.Lat)
		}
	}
	if n != len(sections) {
		t.Errorf("%d river points for %d sections", n, len(sections))
	}
}
