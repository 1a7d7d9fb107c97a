package pricing

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSplitQuota(t *testing.T) {
	for _, c := range []struct {
		name    string
		quota   int64
		weights []int64
		want    []int64
	}{
		{"one holding takes all", 10_000, []int64{7}, []int64{10_000}},
		{"exact shares", 10_000, []int64{3_000, 1_000}, []int64{7_500, 2_500}},
		// 1000 × 1/3 = 333.33, × 2/3 = 666.67: the larger remainder gets the m³.
		{"remainder to the larger fraction", 1_000, []int64{1, 2}, []int64{333, 667}},
		// 10 / 3 each 3.33: the one m³ left goes to the first (tie → lower index).
		{"tie to the first", 10, []int64{5, 5, 5}, []int64{4, 3, 3}},
		{"nothing metered: equal", 7, []int64{0, 0}, []int64{4, 3}},
		{"negative weight counts as zero", 9, []int64{-5, 3}, []int64{0, 9}},
		{"zero quota", 0, []int64{1, 2}, []int64{0, 0}},
		{"no holdings", 5, nil, []int64{}},
		// Weights whose product with the quota passes int64: exact all the same.
		{"large weights", 1 << 40, []int64{1 << 40, 1<<40 + 1}, []int64{549_755_813_888, 549_755_813_888}},
	} {
		got := SplitQuota(c.quota, c.weights)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: SplitQuota(%d, %v) = %v, want %v", c.name, c.quota, c.weights, got, c.want)
		}
	}
}

// TestPropertySplitQuota: the shares are whole m³, add up to the quota
// exactly, each is within 1 m³ of its exact proportional value, and equal
// weights never give shares more than 1 m³ apart.
func TestPropertySplitQuota(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 2026))
	for i := range 5000 {
		n := 1 + r.IntN(6)
		w := make([]int64, n)
		var tw int64
		for j := range w {
			w[j] = r.Int64N(50_000)
			if r.IntN(5) == 0 {
				w[j] = 0
			}
			tw += w[j]
		}
		q := r.Int64N(1_000_000)
		got := SplitQuota(q, w)
		var s int64
		for j, v := range got {
			s += v
			if tw > 0 { // |v × tw − q × w| < tw
				if d := v*tw - q*w[j]; d <= -tw || d >= tw {
					t.Fatalf("case %d: share %d of %d for weight %d/%d is more than 1 m³ off", i, v, q, w[j], tw)
				}
			}
		}
		if s != q {
			t.Fatalf("case %d: shares %v of weights %v add up to %d, want %d", i, got, w, s, q)
		}
	}
}

// TestPropertyYearSurcharge: for a monthly rule also measured on the year,
// the year's total (the monthly surcharges plus the yearly bill) is the
// year's surcharge whether or not monthly surcharges were charged, when the
// rule settles on the year; without settling the monthly surcharges stand,
// so the total is the larger of the two (never less than either).
func TestPropertyYearSurcharge(t *testing.T) {
	tf := &Tariff{Version: Version{Region: "x", Class: ClassNonResidential, EffectiveFrom: day(2020, 1, 1)},
		Tiers: Tiers{Cycle: CycleMonth, Basis: PerHousehold}, Components: []Component{{Code: "basic", Rates: rates("3.6037")}, {Code: "sewage", Rates: rates("1.40")}}}
	r := rand.New(rand.NewPCG(15, 20))
	for i := range 2000 {
		rule := *Guideline2017("x")
		rule.Yearly = true
		var use, plan, yearUse, yearPlan int64
		var monthly Fen
		for range 12 {
			use, plan = r.Int64N(2_000), 500+r.Int64N(1_000)
			yearUse += use
			yearPlan += plan
			b, err := Compute(BillInput{Tariff: tf, VolumeM3: use, Surcharge: &rule, LimitM3: plan, SurchargeOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			if b.TotalFen != Sum(b.Lines) {
				t.Fatalf("case %d: monthly total %v != Σ lines", i, b.TotalFen)
			}
			monthly += b.TotalFen
		}
		year, err := Compute(BillInput{Tariff: tf, VolumeM3: yearUse, Surcharge: &rule, LimitM3: yearPlan, SurchargeOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, charged := range []Fen{0, monthly} { // monthly surcharges not charged / charged
			rule.Settle = true
			s := rule.YearBill(year, charged)
			if charged+s.TotalFen != year.TotalFen || s.TotalFen != Sum(s.Lines) {
				t.Fatalf("case %d: settled: %v by month + %v on the year != %v", i, charged, s.TotalFen, year.TotalFen)
			}
			rule.Settle = false
			u := rule.YearBill(year, charged)
			if charged+u.TotalFen != max(charged, year.TotalFen) || u.TotalFen < 0 || u.TotalFen != Sum(u.Lines) {
				t.Fatalf("case %d: true-up: %v by month + %v on the year, year's surcharge %v", i, charged, u.TotalFen, year.TotalFen)
			}
		}
		// A rule measured on the year only charges no month: its bill is the year's surcharge.
		yr := rule
		yr.Period, yr.Yearly = CycleYear, false
		if b := yr.YearBill(year, 0); b.TotalFen != year.TotalFen {
			t.Fatalf("case %d: yearly rule %v != %v", i, b.TotalFen, year.TotalFen)
		}
	}
	bad := *Guideline2017("x")
	bad.Settle = true
	if err := bad.Validate(); !hasField(err, "settle") {
		t.Fatalf("a settling rule not measured on the year: %v", err)
	}
}
