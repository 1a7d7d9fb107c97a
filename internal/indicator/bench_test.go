package indicator

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

// The benchmark data: 10,000 points for one year. Points report hourly; the
// ingest sums each point's hourly volumes into one daily record, which is what the
// accounting takes, so a year is 10,000 × 365 = 3.65 million records.
const benchPoints = 10000

var benchData struct {
	once sync.Once
	h    *Hierarchy
	recs []Record
	r    *Rollup
	err  error
}

func loadBench(b *testing.B) (*Hierarchy, []Record, *Rollup) {
	b.Helper()
	benchData.once.Do(func() {
		regions := []Region{{ID: "city", Kind: City}}
		var leaves []string
		for c := 0; c < 8; c++ {
			id := fmt.Sprintf("county%d", c)
			regions = append(regions, Region{ID: id, Kind: County, Parent: "city"})
			leaves = append(leaves, id)
		}
		for z := 0; z < 3; z++ {
			id := fmt.Sprintf("zone%d", z)
			regions = append(regions, Region{ID: id, Kind: Zone, Parent: fmt.Sprintf("county%d", z)})
			leaves = append(leaves, id)
		}
		h, err := NewHierarchy(regions)
		if err != nil {
			benchData.err = err
			return
		}
		sources := []string{"surface", "groundwater", "yellow", "yangtze", "reclaimed"}
		sectors := []string{"domestic", "industry", "agriculture", "ecology"}
		recs := make([]Record, 0, benchPoints*365)
		day := time.Date(2025, 1, 1, 12, 0, 0, 0, beijing)
		for d := 0; d < 365; d++ {
			date := DateOf(day.AddDate(0, 0, d))
			for p := 0; p < benchPoints; p++ {
				recs = append(recs, Record{
					Region: leaves[p%len(leaves)], Source: sources[p%len(sources)], Sector: sectors[p/7%len(sectors)],
					Day: date, VolumeM3: float64(24 * (1 + p%50)), Basis: Basis(p % 3),
				})
			}
		}
		r, err := Recompute(h, recs)
		benchData.h, benchData.recs, benchData.r, benchData.err = h, recs, r, err
	})
	if benchData.err != nil {
		b.Fatal(benchData.err)
	}
	return benchData.h, benchData.recs, benchData.r
}

// BenchmarkMonthlyTotalsRollup: the twelve monthly totals of a county (with its
// zone) from the rollup.
func BenchmarkMonthlyTotalsRollup(b *testing.B) {
	_, _, r := loadBench(b)
	b.ResetTimer()
	var sink int64
	for b.Loop() {
		ms := r.Months(2025, Filter{Region: "county0"})
		sink += ms[0].TotalLitres()
	}
	_ = sink
}

// BenchmarkMonthlyTotalsRawScan: the same twelve totals by scanning every record.
func BenchmarkMonthlyTotalsRawScan(b *testing.B) {
	h, recs, r := loadBench(b)
	var check [12]int64
	for i, t := range r.Months(2025, Filter{Region: "county0"}) {
		check[i] = t.TotalLitres()
	}
	b.ResetTimer()
	for b.Loop() {
		var ms [12]int64
		for i := range recs {
			x := &recs[i]
			if x.Day.Year == 2025 && h.Within(x.Region, "county0") {
				ms[x.Day.Month-1] += x.Litres()
			}
		}
		if ms != check {
			b.Fatalf("raw scan %v != rollup %v", ms, check)
		}
	}
}

// BenchmarkRollupAdd: one incremental update (day, month and year cells).
func BenchmarkRollupAdd(b *testing.B) {
	h, recs, _ := loadBench(b)
	r := NewRollup(h)
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if err := r.Add(recs[i%len(recs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
