package dispatch

import (
	"encoding/json"
	"io/fs"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/sishui/sishui"
	liaocheng "github.com/sishui/sishui/data/liaocheng"
)

func readYAML(t testing.TB, name string, v any) {
	t.Helper()
	b, err := fs.ReadFile(liaocheng.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	var x any
	if err := yaml.Unmarshal(b, &x); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(j, v); err != nil {
		t.Fatal(err)
	}
}

// liaochengProblem is the shipped works register as a dispatch problem.
func liaochengProblem(t testing.TB, step string, steps int) (*Problem, map[string]*sishui.Work) {
	var wf struct {
		Works        []*sishui.Work        `json:"works"`
		Links        []*sishui.WorkLink    `json:"links"`
		Measurements []*sishui.Measurement `json:"measurements"`
	}
	readYAML(t, "works.yaml", &wf)
	var secs []*sishui.Section
	readYAML(t, "sections.yaml", &secs)
	live := Live{
		LevelM:      map[string]float64{"res_demo_dongchangfu": 31.5},
		FlowM3s:     map[string]float64{"yellow_river": 150, "river_tuhai": 1.0, "gate_tuhai_demo": 3.0},
		DemandM3Day: BaselineDemand(wf.Works, wf.Measurements),
	}
	p, _ := FromWorks(wf.Works, wf.Links, secs, live, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), step, steps)
	byCode := map[string]*sishui.Work{}
	for _, w := range wf.Works {
		byCode[w.Code] = w
	}
	return p, byCode
}

// The Liaocheng network over 30 days: optimal, both verifiers pass, the reservoir
// starts from its level, the Tuhai keeps its base flow from the gate, and every
// order's volume matches the plan's flows.
func TestLiaocheng30Days(t *testing.T) {
	p, works := liaochengProblem(t, StepDay, 30)
	if len(p.Nodes) < 15 || len(p.Links) < 12 {
		t.Fatalf("network too small: %d nodes, %d links", len(p.Nodes), len(p.Links))
	}
	pl, err := Solve(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(p, pl, 1e-2); err != nil {
		t.Fatal(err)
	}
	i := nodeIndex(p, "res_demo_dongchangfu")
	if s, _ := works["res_demo_dongchangfu"].StorageAt(31.5); p.Nodes[i].StartM3 != float64(s) {
		t.Errorf("reservoir starts at %v, want %v", p.Nodes[i].StartM3, s)
	}
	r := nodeIndex(p, "river_tuhai")
	for tt := range pl.Periods {
		if pl.EcoDeficit[r][tt] > 1e-6 {
			t.Errorf("day %d: Tuhai base flow short by %v", tt, pl.EcoDeficit[r][tt])
		}
	}
	orders := Orders(p, pl, works)
	if len(orders) == 0 {
		t.Fatal("no orders")
	}
	var weishan float64
	for _, o := range orders {
		if o.Work == "intake_weishan" {
			weishan += o.VolumeM3
		}
	}
	var want float64
	for l, lk := range p.Links {
		if lk.From == "intake_weishan" {
			for tt := range pl.Periods {
				want += pl.Flow[l][tt]
			}
		}
	}
	if weishan == 0 || weishan-want > 1 || want-weishan > 1 {
		t.Errorf("位山 orders %v m³, plan %v", weishan, want)
	}
	px, _ := liaochengProblem(t, StepXun, 3)
	if _, err := Solve(px); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkLiaocheng30Days: build and solve 30 daily steps of the Liaocheng network.
func BenchmarkLiaocheng30Days(b *testing.B) {
	p, _ := liaochengProblem(b, StepDay, 30)
	b.ReportAllocs()
	for b.Loop() {
		pl, err := Solve(p)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(pl.SolveMS, "clp-ms")
	}
}
