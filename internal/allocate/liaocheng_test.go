package allocate

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/sishui/sishui/internal/lp"
)

func TestLiaocheng(t *testing.T) {
	for _, mode := range []string{ModeMonthly, ModeAnnual} {
		t.Run(mode, func(t *testing.T) {
			sc := loadFile(t, "../../data/liaocheng/models/allocate.yaml")
			sc.Mode = mode
			if len(sc.Regions) != 8 || len(sc.Demands) != 32 {
				t.Fatalf("scenario has %d regions and %d demands, want 8 and 32", len(sc.Regions), len(sc.Demands))
			}
			var calls []int
			res, err := Run(context.Background(), sc, func(done, total int) {
				if total != 12 {
					t.Errorf("progress total %d, want 12", total)
				}
				calls = append(calls, done)
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(sc, res, 1); err != nil {
				t.Fatal(err)
			}
			if calls[len(calls)-1] != 12 {
				t.Errorf("progress ended at %v", calls)
			}
			var total, short float64
			bySector := map[string][2]float64{}
			for _, p := range res.Periods {
				for _, d := range p.Demands {
					total += d.DeliveredM3
					short += d.ShortageM3
					v := bySector[d.Sector]
					bySector[d.Sector] = [2]float64{v[0] + d.DeliveredM3, v[1] + d.DemandM3}
				}
				for _, f := range p.Flows {
					if strings.HasSuffix(f.From, "_reclaimed") && strings.HasSuffix(f.To, "/domestic") && f.WithdrawnM3 > 0 {
						t.Errorf("%s: reclaimed water to domestic use: %+v", p.Month, f)
					}
				}
			}
			if total > 2.0e9*1.05+1 || total < 1e9 {
				t.Errorf("total delivered %.4g m³, want between 1e9 and the 2.1e9 caps", total)
			}
			dom := bySector[SectorDomestic][0] / bySector[SectorDomestic][1]
			agr := bySector[SectorAgriculture][0] / bySector[SectorAgriculture][1]
			if dom < agr {
				t.Errorf("domestic coverage %.3f below agriculture %.3f", dom, agr)
			}
			t.Logf("%s: delivered %.4g亿 m³, shortage %.4g亿 m³, domestic %.3f, agriculture %.3f, %d LP solves",
				mode, total/1e8, short/1e8, dom, agr, res.Solves)
		})
	}
}

func TestWriters(t *testing.T) {
	sc := loadFile(t, "testdata/pywr_cost1.yaml")
	sc.Demands[0].DemandM3 = []float64{200000}
	res := mustRun(t, sc)
	var jb bytes.Buffer
	if err := WriteJSON(&jb, res); err != nil {
		t.Fatal(err)
	}
	var back Result
	if err := json.Unmarshal(jb.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Periods[0].Demands[0].DeliveredM3 != res.Periods[0].Demands[0].DeliveredM3 || !strings.Contains(jb.String(), `"withdrawn_m3"`) {
		t.Errorf("JSON round trip lost data: %s", jb.String())
	}
	var cb bytes.Buffer
	if err := WriteDeliveriesCSV(&cb, res); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&cb).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"month", "period", "from", "to", "withdrawn_m3", "delivered_m3"},
		{"2015-01", "0", "supply1", "demand", "150000", "150000"},
		{"2015-01", "0", "supply2", "demand", "50000", "50000"},
	}
	if len(rows) != len(want) {
		t.Fatalf("CSV rows %v, want %v", rows, want)
	}
	for i := range want {
		if strings.Join(rows[i], ",") != strings.Join(want[i], ",") {
			t.Errorf("row %d = %v, want %v", i, rows[i], want[i])
		}
	}
}

func TestRunCancelled(t *testing.T) {
	sc := loadFile(t, "../../data/liaocheng/models/allocate.yaml")
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := Run(ctx, sc, func(done, total int) {
		n++
		if done == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || n != 3 {
		t.Errorf("err = %v after %d progress calls, want context.Canceled after 3", err, n)
	}
}

func liaocheng(b *testing.B) *Scenario {
	sc := loadFile(&testing.T{}, "../../data/liaocheng/models/allocate.yaml")
	return sc
}

// BenchmarkLiaochengAnnualBuildSolve builds the 12-month city LP from the scenario,
// loads it into CLP and solves it once (cold), the allocator's overhead included.
func BenchmarkLiaochengAnnualBuildSolve(b *testing.B) {
	sc := liaocheng(b)
	n, err := compile(sc)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		h, err := newHorizon(n, 12)
		if err != nil {
			b.Fatal(err)
		}
		h.setHorizon(0, newState(n))
		h.openAll()
		if _, err := h.s.Solve(); err != nil {
			b.Fatal(err)
		}
		h.close()
	}
}

// openAll opens every delivery to its demand and rewards delivery: the
// maximum-delivery LP used to compare build and solve times.
func (h *horizon) openAll() {
	copy(h.cost, h.md.baseCost)
	for d := range h.dem {
		for t := range h.dem[d] {
			must(h.s.SetColBounds(h.md.del[d][t], 0, h.dem[d][t]))
			h.cost[h.md.del[d][t]] = -h.md.reward
		}
	}
	must(h.s.SetCosts(h.cost))
}

// BenchmarkLiaochengAnnualSolveOnly is the same cold CLP solve without building.
func BenchmarkLiaochengAnnualSolveOnly(b *testing.B) {
	sc := liaocheng(b)
	n, err := compile(sc)
	if err != nil {
		b.Fatal(err)
	}
	md := buildModel(n, 12)
	for b.Loop() {
		b.StopTimer()
		h := &horizon{n: n, md: md}
		h.s, err = lp.NewSolver(md.m, lp.Options{NoExplain: true, NoRetry: true, PrimalTolerance: 1e-9})
		if err != nil {
			b.Fatal(err)
		}
		h.dem, h.covSet = make([][]float64, len(sc.Demands)), make([][]float64, len(sc.Demands))
		for d := range h.dem {
			h.dem[d], h.covSet[d] = make([]float64, 12), make([]float64, 12)
		}
		h.cost = make([]float64, md.m.NumCols())
		h.setHorizon(0, newState(n))
		h.openAll()
		b.StartTimer()
		if _, err := h.s.Solve(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		h.close()
		b.StartTimer()
	}
}

// BenchmarkLiaochengAnnualRun is a full planning run: priority passes over 12 months.
func BenchmarkLiaochengAnnualRun(b *testing.B) {
	sc := liaocheng(b)
	sc.Mode = ModeAnnual
	for b.Loop() {
		if _, err := Run(context.Background(), sc, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLiaocheng61YearMonthly is a 61-year monthly simulation (732 periods) of
// the demo city, all priority passes included.
func BenchmarkLiaocheng61YearMonthly(b *testing.B) {
	sc := liaocheng(b)
	sc.Periods = 732
	sc.Start = "1956-01"
	for b.Loop() {
		res, err := Run(context.Background(), sc, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Solves), "solves/op")
	}
}
