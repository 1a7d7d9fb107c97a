package indicator

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// annexWant is the annex of DOMAIN.md §0.6, typed in by hand.
var annexWant = []struct {
	seq       int
	id        ID
	nameZH    string
	unit      string
	attr      Attribute
	dir       Direction
	values    [6]float64
	leadUnits string
}{
	{1, TotalUse, "用水总量", "亿立方米", Binding, Ceiling, [6]float64{18.02, 18.8, 20.1, 20.1, 20, 20}, "市水利局"},
	{2, WaterPerGDP, "万元GDP用水量", "立方米", Binding, Ceiling, [6]float64{59.4, 54.3, 52.1, 49.9, 47.5, 41.3}, "市水利局、市统计局"},
	{3, WaterPerIndustrialVA, "万元工业增加值用水量", "立方米", Binding, Ceiling, [6]float64{20.3, 16, 15.7, 15.4, 14.9, 14.1}, "市水利局、市统计局"},
	{4, IrrigationEfficiency, "农田灌溉水有效利用系数", "/", Binding, Floor, [6]float64{0.6374, 0.6380, 0.6386, 0.6393, 0.64, 0.642}, "市水利局"},
	{5, UnconventionalUse, "非常规水利用量", "亿立方米", Binding, Floor, [6]float64{0.96, 1.07, 1.1, 1.15, 1.2, 1.3}, "市水利局"},
	{6, ReclaimedReuseRate, "城市污水再生利用率", "%", Expected, Floor, [6]float64{54, 54.5, 55, 55.5, 57, 58}, "市城管局、市水利局"},
	{7, NetworkLeakageRate, "城镇公共供水管网漏损率", "%", Binding, Ceiling, [6]float64{8.1, 8.0, 7.9, 7.8, 7.7, 7.5}, "市城管局"},
	{8, IndustrialReuseRate, "规模以上工业用水重复利用率", "%", Expected, Floor, [6]float64{90, 91, 92, 93, 94, 97}, "市水利局、市工业和信息化局"},
	{9, ChemParkUnconventionalShare, "化工园区非常规水源配置率", "%", Expected, Floor, [6]float64{23, 25, 28, 30, 35, 35}, "市工业和信息化局、市水利局"},
	{10, WWTPUpgradeRate, "城市污水处理厂提标改造完成率", "%", Expected, Floor, [6]float64{75, 81.25, 81.25, 81.25, 85, 90}, "市城管局"},
}

func TestAnnex(t *testing.T) {
	defs := Annex()
	if len(defs) != len(annexWant) {
		t.Fatalf("Annex() has %d indicators, want %d", len(defs), len(annexWant))
	}
	for i, w := range annexWant {
		t.Run(string(w.id), func(t *testing.T) {
			d := defs[i]
			if d.Seq != w.seq || d.ID != w.id || d.NameZH != w.nameZH || d.UnitZH != w.unit || d.Attribute != w.attr || d.Direction != w.dir {
				t.Errorf("got %d %s %s %s %s %s, want %+v", d.Seq, d.ID, d.NameZH, d.UnitZH, d.Attribute, d.Direction, w)
			}
			if d.NameEN == "" || d.UnitEN == "" || d.Source == "" {
				t.Errorf("missing English name, unit or source: %+v", d)
			}
			if got := strings.Join(d.LeadUnitsZH, "、"); got != w.leadUnits {
				t.Errorf("lead units %q, want %q", got, w.leadUnits)
			}
			if len(d.LeadUnitsEN) != len(d.LeadUnitsZH) {
				t.Errorf("lead units EN %v vs ZH %v", d.LeadUnitsEN, d.LeadUnitsZH)
			}
			for j, y := range AnnexYears() {
				v, ok := d.Target(y)
				if !ok || v != w.values[j] {
					t.Errorf("target %d = %v (%v), want %v", y, v, ok, w.values[j])
				}
			}
			if _, ok := d.Target(2028); ok {
				t.Errorf("target 2028 present; the annex has none")
			}
		})
	}
}

func TestAnnexIsACopy(t *testing.T) {
	a := Annex()
	a[0].Targets[0].Value = -1
	if v, _ := Annex()[0].Target(2023); v != 18.02 {
		t.Fatalf("modifying Annex() result changed the table: %v", v)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		id   ID
		ok   bool
	}{
		{"known", NetworkLeakageRate, true},
		{"unknown", "nope", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := Lookup(tt.id)
			if ok != tt.ok || (ok && d.ID != tt.id) {
				t.Fatalf("Lookup(%q) = %v, %v", tt.id, d.ID, ok)
			}
		})
	}
}

// TestAnnexAgainstDomainMD reads the annex table from the shared DOMAIN.md, when
// it is there, and compares every cell with Annex().
func TestAnnexAgainstDomainMD(t *testing.T) {
	path := findUp(t, filepath.Join("shared", "reference", "DOMAIN.md"))
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("DOMAIN.md not available: %v", err)
	}
	defer f.Close()
	defs := Annex()
	rows := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(strings.Trim(sc.Text(), "| "), "|")
		if len(cells) != 11 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		seq, err := strconv.Atoi(cells[0])
		if err != nil || seq < 1 || seq > 10 {
			continue
		}
		rows++
		d := defs[seq-1]
		if d.NameZH != cells[1] || d.UnitZH != cells[2] || strings.Join(d.LeadUnitsZH, "、") != cells[10] {
			t.Errorf("row %d: %q %q %q, Annex has %q %q %v", seq, cells[1], cells[2], cells[10], d.NameZH, d.UnitZH, d.LeadUnitsZH)
		}
		attr := map[string]Attribute{"约束性": Binding, "预期性": Expected}[cells[3]]
		if attr != d.Attribute {
			t.Errorf("row %d: attribute %q, Annex has %s", seq, cells[3], d.Attribute)
		}
		for j, y := range AnnexYears() {
			v, err := strconv.ParseFloat(cells[4+j], 64)
			if err != nil {
				t.Fatalf("row %d: %v", seq, err)
			}
			if got, _ := d.Target(y); got != v {
				t.Errorf("row %d year %d: DOMAIN.md %v, Annex %v", seq, y, v, got)
			}
		}
	}
	if rows != 10 {
		t.Fatalf("found %d annex rows in %s, want 10", rows, path)
	}
}

// findUp looks for rel in the working directory's ancestors and skips the test
// when it is absent.
func findUp(t *testing.T, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Skip(err)
	}
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("%s not found above the package", rel)
		}
		dir = parent
	}
}
