package indicator

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// testTree is a small Liaocheng-like tree: the city, two counties, a zone folded
// into the first county, and a zone reported on its own under the city.
func testTree(t testing.TB) *Hierarchy {
	t.Helper()
	h, err := NewHierarchy([]Region{
		{ID: "371500", Name: "聊城市", Kind: City},
		{ID: "371502", Name: "东昌府区", Kind: County, Parent: "371500"},
		{ID: "371522", Name: "莘县", Kind: County, Parent: "371500"},
		{ID: "zone:gaoxin", Name: "高新区", Kind: Zone, Parent: "371502"},
		{ID: "zone:dujia", Name: "度假区", Kind: Zone, Parent: "371500"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func rec(point, region, source, sector string, d Date, m3 float64, b Basis) Record {
	return Record{Point: point, Region: region, Source: source, Sector: sector, Day: d, VolumeM3: m3, Basis: b}
}

func TestNewHierarchyErrors(t *testing.T) {
	tests := []struct {
		name    string
		regions []Region
		want    error
	}{
		{"empty id", []Region{{ID: ""}}, ErrInvalidInput},
		{"duplicate", []Region{{ID: "a"}, {ID: "a"}}, ErrInvalidInput},
		{"unknown parent", []Region{{ID: "a", Parent: "b"}}, ErrUnknownRegion},
		{"cycle", []Region{{ID: "a", Parent: "b"}, {ID: "b", Parent: "a"}}, ErrInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewHierarchy(tt.regions); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestHierarchyWithin(t *testing.T) {
	h := testTree(t)
	tests := []struct {
		name, id, anc string
		want          bool
	}{
		{"self", "371502", "371502", true},
		{"zone in host county", "zone:gaoxin", "371502", true},
		{"zone in city", "zone:gaoxin", "371500", true},
		{"zone not in other county", "zone:gaoxin", "371522", false},
		{"separate zone not in county", "zone:dujia", "371502", false},
		{"city not in county", "371500", "371502", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := h.Within(tt.id, tt.anc); got != tt.want {
				t.Fatalf("Within(%s, %s) = %v", tt.id, tt.anc, got)
			}
		})
	}
	if got := h.Children("371500"); len(got) != 3 {
		t.Fatalf("Children(city) = %v", got)
	}
}

func TestRecordValidation(t *testing.T) {
	r := NewRollup(testTree(t))
	ok := rec("p1", "371502", "surface", "industry", D(2025, 3, 1), 1, Measured)
	tests := []struct {
		name   string
		modify func(*Record)
		want   error
	}{
		{"empty region", func(r *Record) { r.Region = "" }, ErrInvalidRecord},
		{"unknown region", func(r *Record) { r.Region = "371599" }, ErrUnknownRegion},
		{"empty source", func(r *Record) { r.Source = "" }, ErrInvalidRecord},
		{"bad day", func(r *Record) { r.Day = D(2025, 2, 29) }, ErrInvalidRecord},
		{"negative", func(r *Record) { r.VolumeM3 = -1 }, ErrInvalidRecord},
		{"NaN", func(r *Record) { r.VolumeM3 = math.NaN() }, ErrInvalidRecord},
		{"bad basis", func(r *Record) { r.Basis = 7 }, ErrInvalidRecord},
		{"fine", func(r *Record) {}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := ok
			tt.modify(&x)
			if err := r.Add(x); !errors.Is(err, tt.want) {
				t.Fatalf("Add = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestReconcileRegionTotals checks that region totals equal the sum of their
// points' records at every grain and that zones fold without double counting.
func TestReconcileRegionTotals(t *testing.T) {
	h := testTree(t)
	rng := rand.New(rand.NewPCG(1, 2))
	regions := []string{"371502", "371522", "zone:gaoxin", "zone:dujia", "371500"}
	sources := []string{"surface", "groundwater", "yellow", "reclaimed"}
	sectors := []string{"domestic", "industry", "agriculture"}
	var recs []Record
	for p := 0; p < 40; p++ {
		reg, src, sec := regions[p%len(regions)], sources[p%len(sources)], sectors[p%len(sectors)]
		for day := 0; day < 90; day++ {
			d := DateOf(time.Date(2025, 1, 1, 0, 0, 0, 0, beijing).AddDate(0, 0, day))
			m3 := math.Round(rng.Float64()*5000*1000) / 1000
			recs = append(recs, rec("p"+string(rune('A'+p)), reg, src, sec, d, m3, Basis(p%3)))
		}
	}
	r, err := Recompute(h, recs)
	if err != nil {
		t.Fatal(err)
	}
	sum := func(keep func(Record) bool) (l int64) {
		for _, x := range recs {
			if keep(x) {
				l += x.Litres()
			}
		}
		return l
	}
	in := func(anc string) func(Record) bool { return func(x Record) bool { return h.Within(x.Region, anc) } }
	tests := []struct {
		name   string
		period Period
		filter Filter
		keep   func(Record) bool
	}{
		{"city year", YearPeriod(2025), Filter{Region: "371500"}, func(Record) bool { return true }},
		{"county with zone year", YearPeriod(2025), Filter{Region: "371502"}, in("371502")},
		{"zone alone", YearPeriod(2025), Filter{Region: "zone:gaoxin"}, in("zone:gaoxin")},
		{"county month", MonthPeriod(2025, 2), Filter{Region: "371522"}, func(x Record) bool { return x.Region == "371522" && x.Day.Month == 2 }},
		{"day all", DayPeriod(D(2025, 3, 15)), Filter{}, func(x Record) bool { return x.Day == D(2025, 3, 15) }},
		{"source filter", YearPeriod(2025), Filter{Sources: []string{"reclaimed"}}, func(x Record) bool { return x.Source == "reclaimed" }},
		{"sector filter in county", MonthPeriod(2025, 1), Filter{Region: "371502", Sectors: []string{"industry", "domestic"}},
			func(x Record) bool {
				return h.Within(x.Region, "371502") && x.Day.Month == 1 && (x.Sector == "industry" || x.Sector == "domestic")
			}},
		{"empty year", YearPeriod(2024), Filter{}, func(Record) bool { return false }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Total(tt.period, tt.filter).TotalLitres()
			if want := sum(tt.keep); got != want {
				t.Fatalf("total %d L, want %d L", got, want)
			}
		})
	}
	t.Run("children sum to city", func(t *testing.T) {
		// City = its direct children (counties with folded zones, the separate zone) + city-level records.
		by := r.ByRegion(YearPeriod(2025), h.Children("371500"), Filter{})
		var s int64
		for _, tot := range by {
			s += tot.TotalLitres()
		}
		s += sum(func(x Record) bool { return x.Region == "371500" })
		if city := r.Total(YearPeriod(2025), Filter{Region: "371500"}).TotalLitres(); s != city {
			t.Fatalf("children + city-level = %d L, city = %d L", s, city)
		}
	})
	t.Run("months sum to year", func(t *testing.T) {
		var s Totals
		for _, m := range r.Months(2025, Filter{}) {
			s.Add(m)
		}
		if y := r.Total(YearPeriod(2025), Filter{}); s != y {
			t.Fatalf("months %v, year %v", s, y)
		}
	})
}

func TestShares(t *testing.T) {
	r := NewRollup(nil)
	for _, x := range []Record{
		rec("a", "R", "surface", "industry", D(2025, 5, 1), 600, Measured),
		rec("b", "R", "groundwater", "agriculture", D(2025, 5, 1), 300, Estimated),
		rec("c", "R", "surface", "domestic", D(2025, 5, 2), 100, Entered),
	} {
		if err := r.Add(x); err != nil {
			t.Fatal(err)
		}
	}
	tot := r.Total(MonthPeriod(2025, 5), Filter{Region: "R"})
	tests := []struct {
		name string
		b    Basis
		want float64
	}{
		{"measured", Measured, 0.6},
		{"estimated", Estimated, 0.3},
		{"entered", Entered, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tot.Share(tt.b); math.Abs(got-tt.want) > 1e-12 {
				t.Fatalf("share = %v, want %v", got, tt.want)
			}
		})
	}
	if tot.VolumeM3() != 1000 {
		t.Fatalf("volume %v", tot.VolumeM3())
	}
	if (Totals{}).Share(Measured) != 0 {
		t.Fatal("share of empty totals not 0")
	}
}

func TestCorrectionReplacesNotAdds(t *testing.T) {
	h := testTree(t)
	orig := rec("p1", "zone:gaoxin", "groundwater", "industry", D(2025, 4, 10), 120.5, Estimated)
	fixed := orig
	fixed.VolumeM3, fixed.Basis = 98.25, Measured
	other := rec("p2", "371502", "surface", "industry", D(2025, 4, 10), 10, Measured)

	r, err := Recompute(h, []Record{orig, other})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Replace(orig, fixed); err != nil {
		t.Fatal(err)
	}
	want, err := Recompute(h, []Record{fixed, other})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Equal(want) {
		t.Fatal("rollup after correction differs from recompute")
	}
	tests := []struct {
		name   string
		period Period
		want   int64
	}{
		{"day", DayPeriod(D(2025, 4, 10)), 108250},
		{"month", MonthPeriod(2025, 4), 108250},
		{"year", YearPeriod(2025), 108250},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tot := r.Total(tt.period, Filter{Region: "371500"})
			if tot.TotalLitres() != tt.want || tot.Records[Estimated] != 0 || tot.Records[Measured] != 2 {
				t.Fatalf("totals %+v, want %d L from 2 measured records", tot, tt.want)
			}
		})
	}
	t.Run("subtract twice fails and changes nothing", func(t *testing.T) {
		if err := r.Sub(orig); !errors.Is(err, ErrNotInRollup) {
			t.Fatalf("Sub of replaced record = %v, want ErrNotInRollup", err)
		}
		if err := r.Replace(orig, fixed); !errors.Is(err, ErrNotInRollup) {
			t.Fatalf("Replace of replaced record = %v", err)
		}
		if !r.Equal(want) {
			t.Fatal("failed Sub/Replace changed the rollup")
		}
	})
	t.Run("subtract all empties", func(t *testing.T) {
		if err := r.Sub(fixed); err != nil {
			t.Fatal(err)
		}
		if err := r.Sub(other); err != nil {
			t.Fatal(err)
		}
		if !r.Equal(NewRollup(h)) {
			t.Fatal("rollup not empty after removing every record")
		}
	})
}

// TestIncrementalMatchesRecompute applies random corrections incrementally and
// compares with a rollup built from the final records.
func TestIncrementalMatchesRecompute(t *testing.T) {
	h := testTree(t)
	rng := rand.New(rand.NewPCG(7, 9))
	regions := []string{"371502", "371522", "zone:gaoxin", "zone:dujia"}
	recs := make([]Record, 500)
	for i := range recs {
		recs[i] = rec("p", regions[rng.IntN(4)], "surface", "industry", D(2025, time.Month(1+rng.IntN(12)), 1+rng.IntN(28)), rng.Float64()*1e4, Basis(rng.IntN(3)))
	}
	r, err := Recompute(h, recs)
	if err != nil {
		t.Fatal(err)
	}
	for range 2000 {
		i := rng.IntN(len(recs))
		n := recs[i]
		n.VolumeM3 = rng.Float64() * 1e4
		n.Basis = Basis(rng.IntN(3))
		n.Day = D(2025, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		if err := r.Replace(recs[i], n); err != nil {
			t.Fatal(err)
		}
		recs[i] = n
	}
	want, err := Recompute(h, recs)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Equal(want) {
		t.Fatal("incremental rollup differs from recompute")
	}
}

func TestYearToDate(t *testing.T) {
	r := NewRollup(nil)
	for d := 1; d <= 365; d++ {
		day := DateOf(time.Date(2025, 1, 0, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d))
		if err := r.Add(rec("p", "R", "s", "x", day, 1, Measured)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		through Date
		want    float64
	}{
		{"1 Jan", D(2025, 1, 1), 1},
		{"end of Jan", D(2025, 1, 31), 31},
		{"mid March", D(2025, 3, 15), 31 + 28 + 15},
		{"year end", D(2025, 12, 31), 365},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.YearToDate(tt.through, Filter{}).VolumeM3(); got != tt.want {
				t.Fatalf("YTD = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDateOfBeijing(t *testing.T) {
	// 16:30 UTC on 31 Dec is 00:30 on 1 Jan in Beijing.
	if got := DateOf(time.Date(2024, 12, 31, 16, 30, 0, 0, time.UTC)); got != D(2025, 1, 1) {
		t.Fatalf("DateOf = %v", got)
	}
}

func TestBasisText(t *testing.T) {
	for _, b := range []Basis{Measured, Estimated, Entered} {
		p, err := b.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var c Basis
		if err := c.UnmarshalText(p); err != nil || c != b {
			t.Fatalf("round trip %v: %v %v", b, c, err)
		}
	}
	var c Basis
	if err := c.UnmarshalText([]byte("guessed")); !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("unmarshal unknown basis: %v", err)
	}
}
