package pricing

import (
	"math/rand/v2"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func rates(s ...string) []Rate {
	out := make([]Rate, len(s))
	for i, v := range s {
		r, err := ParseRate(v)
		if err != nil {
			panic(err)
		}
		out[i] = r
	}
	return out
}

// weifang2015 is 潍坊's residential tariff (潍发改物价〔2015〕132号), DOMAIN.md §2.1.
func weifang2015() *Tariff {
	return &Tariff{
		Version: Version{Region: "370700", Class: ClassResidential, EffectiveFrom: day(2015, 1, 1), Verified: true},
		Name:    "潍坊居民阶梯水价",
		Tiers:   Tiers{Cycle: CycleYear, Basis: PerHousehold, UpToM3: []int64{125, 206}},
		Components: []Component{
			{Code: "basic", Name: "基本水价", Rates: rates("1.80", "2.70", "5.40")},
			{Code: "sewage", Name: "污水处理费", Rates: rates("0.95")},
			{Code: "resource_tax", Name: "不征税自来水", Rates: rates("0.50")},
		},
	}
}

// weifangNonResidential is 潍坊's non-residential price 2.90 + 1.40 + 0.50 + 0.40 = 5.20.
func weifangNonResidential() *Tariff {
	return &Tariff{
		Version: Version{Region: "370700", Class: ClassNonResidential, EffectiveFrom: day(2015, 1, 1), Verified: true},
		Tiers:   Tiers{Cycle: CycleMonth, Basis: PerHousehold},
		Components: []Component{
			{Code: "basic", Name: "基本水价", Rates: rates("2.90")},
			{Code: "sewage", Name: "污水处理费", Rates: rates("1.40")},
			{Code: "resource_tax", Name: "不征税自来水", Rates: rates("0.50")},
			{Code: "emergency", Name: "应急水价", Rates: rates("0.40")},
		},
	}
}

// pingdu2016 is 平度/莱西's residential tariff (2016): comprehensive prices only.
func pingdu2016() *Tariff {
	return &Tariff{
		Version:    Version{Region: "370283", Class: ClassResidential, EffectiveFrom: day(2016, 1, 1), Verified: true},
		Tiers:      Tiers{Cycle: CycleYear, Basis: PerHousehold, UpToM3: []int64{144, 204}},
		Components: []Component{{Code: "comprehensive", Name: "综合水价", Rates: rates("3.30", "4.25", "7.10")}},
	}
}

func TestGoldenWeifang(t *testing.T) {
	tf := weifang2015()
	if err := tf.Validate(); err != nil {
		t.Fatal(err)
	}
	for i, want := range rates("3.25", "4.15", "6.85") {
		if got := tf.UnitPrice(i); got != want {
			t.Errorf("tier %d comprehensive price = %v, want %v", i+1, got, want)
		}
	}
	b, err := Compute(BillInput{Tariff: tf, VolumeM3: 250})
	if err != nil {
		t.Fatal(err)
	}
	// 125 × 3.25 + 81 × 4.15 + 44 × 6.85 = 406.25 + 336.15 + 301.40
	if b.TotalFen != 104380 {
		t.Fatalf("total = %v, want 1043.80", b.TotalFen)
	}
	if len(b.Lines) != 9 || b.Lines[0].AmountFen != 22500 || b.Lines[1].AmountFen != 11875 || b.Lines[2].AmountFen != 6250 {
		t.Fatalf("tier-1 lines = %+v", b.Lines[:3])
	}
	// Non-residential: plan 1000 m³, used 1800. Surcharge on every component
	// but the emergency charge (4.80): up to 50 % over 2× (10.00), beyond 3× (14.80).
	nr := weifangNonResidential()
	rule := &SurchargeRule{Version: Version{Region: "370700", EffectiveFrom: day(2015, 1, 1)}, Period: CycleMonth,
		Base: []string{"basic", "sewage", "resource_tax"}, Bands: []Band{{UpTo: 500, Factor: 1000}, {Factor: 2000}}}
	if err := rule.Validate(); err != nil {
		t.Fatal(err)
	}
	if p := nr.UnitPrice(0); p != 52000 {
		t.Fatalf("non-residential price = %v", p)
	}
	b, err = Compute(BillInput{Tariff: nr, VolumeM3: 1800, Surcharge: rule, LimitM3: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// 1800 × 5.20 + 500 × 4.80 + 300 × 9.60 = 9360 + 2400 + 2880
	if b.TotalFen != 1464000 {
		t.Fatalf("non-residential total = %v, want 14640.00", b.TotalFen)
	}
	// Marginal prices: 5.20 within plan, 10.00 up to 50 % over, 14.80 beyond.
	if got := rule.BaseRate(nr) + nr.UnitPrice(0); got != 100000 {
		t.Fatalf("band-1 marginal price = %v, want 10.00", got)
	}
}

func TestGoldenPingdu(t *testing.T) {
	tf := pingdu2016()
	bps := tf.Breakpoints(1, Share{4, 12})
	if bps[0] != 48 || bps[1] != 68 {
		t.Fatalf("4-month joining year breakpoints = %v, want [48 68]", bps)
	}
	b, err := Compute(BillInput{Tariff: tf, VolumeM3: 80, Open: Share{4, 12}})
	if err != nil {
		t.Fatal(err)
	}
	// 48 × 3.30 + 20 × 4.25 + 12 × 7.10 = 158.40 + 85.00 + 85.20
	if b.TotalFen != 32860 {
		t.Fatalf("total = %v, want 328.60", b.TotalFen)
	}
	full, _ := Compute(BillInput{Tariff: tf, VolumeM3: 204})
	if full.TotalFen != 144*330+60*425 {
		t.Fatalf("full year 204 m³ = %v", full.TotalFen)
	}
}

func TestSharedMeterPerPerson(t *testing.T) {
	tf := pingdu2016()
	tf.Class, tf.Tiers.Basis, tf.Tiers.UpToM3 = ClassResidentialMix, PerPerson, []int64{48, 68}
	// 5 persons: 240 / 340 m³.
	b, _ := Compute(BillInput{Tariff: tf, VolumeM3: 300, Persons: 5})
	if want := Fen(240*330 + 60*425); b.TotalFen != want {
		t.Fatalf("shared meter = %v, want %v", b.TotalFen, want)
	}
}

func TestSurchargeGuideline(t *testing.T) {
	nr := weifangNonResidential()
	rule := Guideline2017("370700")
	if rule.Verified {
		t.Fatal("the 2017 guideline default must be marked unverified")
	}
	for _, tc := range []struct {
		used  int64
		want  []int64 // band volumes
		extra Fen
	}{
		{1000, nil, 0},
		{1200, []int64{200}, 200 * 260},                              // 0.5 × 5.20
		{1400, []int64{200, 200}, 200*260 + 200*520},                 // + 1 × 5.20
		{1500, []int64{200, 200, 100}, 200*260 + 200*520 + 100*1040}, // + 2 × 5.20
		{3000, []int64{200, 200, 1600}, 200*260 + 200*520 + 1600*1040},
		{1001, []int64{1}, 260},
		{999, nil, 0},
		{1401, []int64{200, 200, 1}, 200*260 + 200*520 + 1040},
		{1399, []int64{200, 199}, 200*260 + 199*520},
		{1240, []int64{200, 40}, 200*260 + 40*520},
		{2400, []int64{200, 200, 1000}, 200*260 + 200*520 + 1000*1040},
		{1000 + 7, []int64{7}, 7 * 260},
		{1000 + 401, []int64{200, 200, 1}, 200*260 + 200*520 + 1*1040},
		{1000 + 200, []int64{200}, 200 * 260},              // inclusive bound
		{1000 + 400, []int64{200, 200}, 200*260 + 200*520}, // inclusive bound
		{1000 + 1000, []int64{200, 200, 600}, 200*260 + 200*520 + 600*1040},
		{1000 + 10000, []int64{200, 200, 9600}, 200*260 + 200*520 + 9600*1040},
		{1000 + 100000, []int64{200, 200, 99600}, 200*260 + 200*520 + 99600*1040},
	} {
		b, err := Compute(BillInput{Tariff: nr, VolumeM3: tc.used, Surcharge: rule, LimitM3: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var vols []int64
		var extra Fen
		for _, l := range b.Lines {
			if l.Kind == LineSurcharge {
				vols = append(vols, l.VolumeM3)
				extra += l.AmountFen
			}
		}
		if len(vols) != len(tc.want) || extra != tc.extra {
			t.Fatalf("used %d: bands %v extra %v, want %v %v", tc.used, vols, extra, tc.want, tc.extra)
		}
		for i := range vols {
			if vols[i] != tc.want[i] {
				t.Fatalf("used %d: bands %v, want %v", tc.used, vols, tc.want)
			}
		}
	}
}

func TestAdjustmentBill(t *testing.T) {
	tf := weifang2015()
	orig, _ := Compute(BillInput{Tariff: tf, VolumeM3: 130, Estimated: true})
	corr, _ := Compute(BillInput{Tariff: tf, VolumeM3: 117})
	adj := Adjust(orig.Lines, corr)
	if orig.TotalFen+adj.TotalFen != corr.TotalFen {
		t.Fatalf("in force %v + adjustment %v != corrected %v", orig.TotalFen, adj.TotalFen, corr.TotalFen)
	}
	if adj.TotalFen >= 0 {
		t.Fatalf("a downward correction must give a negative adjustment, got %v", adj.TotalFen)
	}
	if !orig.Lines[0].Estimated || adj.Lines[0].Kind != LineReversal || !SameLines(InForce(adj.Lines), corr.Lines) {
		t.Fatalf("adjustment lines = %+v", adj.Lines)
	}
	if _, err := Compute(BillInput{Tariff: tf, VolumeM3: -1}); err == nil {
		t.Fatal("a negative volume must be refused")
	}
}

// randomTariff makes a tariff with whole-fen rates (as every real tariff
// has) and random tiers.
func randomTariff(r *rand.Rand) *Tariff {
	n := r.IntN(4)
	var ups []int64
	var at int64
	for range n {
		at += 1 + r.Int64N(200)
		ups = append(ups, at)
	}
	var comps []Component
	for c := range 1 + r.IntN(3) {
		rs := make([]Rate, n+1)
		for i := range rs {
			rs[i] = Rate(100 * r.Int64N(1500))
		}
		comps = append(comps, Component{Code: string(rune('a' + c)), Rates: rs})
	}
	return &Tariff{Version: Version{Region: "x", Class: ClassResidential, EffectiveFrom: day(2020, 1, 1)},
		Tiers: Tiers{Cycle: CycleYear, Basis: PerHousehold, UpToM3: ups}, Components: comps}
}

// TestPropertySplitPeriod: a cycle billed in two parts (the second counting
// tiers from the first's volume) bills the same as in one, to the fen; and
// every bill's total is the sum of its lines, also with 0.0001-元 rates.
func TestPropertySplitPeriod(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 2026))
	for i := range 3000 {
		tf := randomTariff(r)
		if err := tf.Validate(); err != nil {
			t.Fatal(err)
		}
		v1, v2 := r.Int64N(400), r.Int64N(400)
		open := Share{1 + r.Int64N(12), 12}
		whole, _ := Compute(BillInput{Tariff: tf, VolumeM3: v1 + v2, Open: open})
		a, _ := Compute(BillInput{Tariff: tf, VolumeM3: v1, Open: open})
		b, _ := Compute(BillInput{Tariff: tf, VolumeM3: v2, PriorM3: v1, Open: open})
		if a.TotalFen+b.TotalFen != whole.TotalFen {
			t.Fatalf("case %d: %v + %v != %v (tariff %+v, %d + %d)", i, a.TotalFen, b.TotalFen, whole.TotalFen, tf.Tiers, v1, v2)
		}
		// Sub-fen rates and a surcharge: total = Σ lines.
		tf.Components[0].Rates[0] += Rate(r.Int64N(100))
		lim := r.Int64N(500)
		c, _ := Compute(BillInput{Tariff: tf, VolumeM3: v1 + v2, Surcharge: Guideline2017("x"), LimitM3: lim})
		if c.TotalFen != Sum(c.Lines) {
			t.Fatalf("case %d: total %v != Σ lines %v", i, c.TotalFen, Sum(c.Lines))
		}
		var vol int64
		for _, l := range c.Lines {
			if l.Kind == LineCharge && l.Component == tf.Components[0].Code {
				vol += l.VolumeM3
			}
		}
		if vol != v1+v2 {
			t.Fatalf("case %d: component lines cover %d m³, want %d", i, vol, v1+v2)
		}
	}
}

func TestSelectVersion(t *testing.T) {
	city := weifang2015()
	city.Region = "371500"
	city2 := weifang2015()
	city2.Region, city2.EffectiveFrom = "371500", day(2026, 7, 1)
	county := pingdu2016()
	county.Region = "371522"
	ts := []*Tariff{city, city2, county}
	chain := func(c string) []string { return []string{c, "371500", "370000"} }
	for _, tc := range []struct {
		region string
		at     time.Time
		want   *Tariff
	}{
		{"371502", day(2026, 6, 30), city},
		{"371502", day(2026, 7, 1), city2},
		{"371522", day(2026, 7, 1), county},
		{"371522", day(2015, 12, 31), city}, // the county's starts later
	} {
		got, ok := Select(ts, chain(tc.region), ClassResidential, tc.at)
		if !ok || got != tc.want {
			t.Errorf("Select(%s, %s) = %+v", tc.region, tc.at.Format(time.DateOnly), got.Version)
		}
	}
	if _, ok := Select(ts, chain("371502"), ClassResidential, day(2014, 1, 1)); ok {
		t.Error("nothing applies before every effective date")
	}
	if _, ok := Select(ts, chain("371502"), ClassSpecial, day(2026, 1, 1)); ok {
		t.Error("a class without a tariff must not get another class's")
	}
}

func TestTariffValidate(t *testing.T) {
	for name, mut := range map[string]func(*Tariff){
		"tiers.cycle":    func(t *Tariff) { t.Tiers.Cycle = "week" },
		"tiers.up_to_m3": func(t *Tariff) { t.Tiers.UpToM3 = []int64{206, 125} },
		"components":     func(t *Tariff) { t.Components[0].Rates = rates("1", "2") },
		"effective_from": func(t *Tariff) { t.EffectiveFrom = time.Time{} },
	} {
		tf := weifang2015()
		mut(tf)
		err := tf.Validate()
		if err == nil || !hasField(err, name) {
			t.Errorf("%s: got %v", name, err)
		}
	}
}
