package billing

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/pricing"
)

// meteredPermit registers a user with one permit (1000 m³ a month) and a
// meter whose accounted use is perMonth m³ in every month of 2026.
func meteredPermit(t *testing.T, st sishui.Store, perMonth float64) (*sishui.WaterUser, *sishui.Permit) {
	t.Helper()
	u := &sishui.WaterUser{Name: "聊城纸业", CreditCode: "91371502000000002X", Region: county, Sector: "industry"}
	if c, ok := sishui.CreditCodeCheck(u.CreditCode[:17]); ok {
		u.CreditCode = u.CreditCode[:17] + string(c)
	}
	must(t, st.CreateWaterUser(sys, u))
	plan := make([]int64, 12)
	for i := range plan {
		plan[i] = 1000
	}
	p := &sishui.Permit{Number: "取水(聊)字[2026]第002号", UserID: u.ID, Region: county, Source: sishui.SourceGroundShallow, Sector: "industry",
		AnnualM3: 12000, MonthlyPlanM3: plan, ValidFrom: day(2024, 1, 1), ValidTo: day(2028, 12, 31), Status: sishui.PermitActive}
	must(t, st.CreatePermit(sys, p))
	pt := &sishui.Point{Code: "0000000002", Name: "2号井", Kind: sishui.PointWithdrawal, Protocol: sishui.ProtocolSZY206,
		Region: county, PermitID: p.ID, Multiplier: 1, IntervalSeconds: 86400}
	must(t, st.CreatePoint(sys, pt))
	meter2026(t, st, pt.ID, perMonth)
	return u, p
}

// meter2026 stores a cumulative meter's daily samples of a point whose use
// is perMonth m³ in every (Beijing) month of 2026, and accounts them.
func meter2026(t *testing.T, st sishui.Store, point int64, perMonth float64) {
	t.Helper()
	var samples []sishui.Sample
	reading := 10_000.0
	from, to := time.Date(2025, 12, 31, 16, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 16, 0, 0, 0, time.UTC)
	for d := from; !d.After(to); d = d.Add(24 * time.Hour) {
		samples = append(samples, sishui.Sample{Point: point, Metric: sishui.MetricVolumeM3, Time: d, Value: reading})
		bj := d.In(sishui.BeijingTime)
		days := float64(time.Date(bj.Year(), bj.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
		reading += perMonth / days
	}
	_, err := st.AppendSamples(sys, samples)
	must(t, err)
	acct, err := accounting.New(st, accounting.Config{Now: func() time.Time { return time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC) }})
	must(t, err)
	must(t, acct.Update(sys, point, from, to))
}

func yearBills(t *testing.T, st sishui.Store) []*sishui.Bill {
	t.Helper()
	bills, _, err := st.ListBills(sys, sishui.BillFilter{Subject: sishui.BillPermitYear, Period: 202612})
	must(t, err)
	return bills
}

// TestYearlySurcharge: a rule measured on the year bills the year's excess
// in December's run; a monthly rule marked yearly trues the year up against
// the quota from declared outputs, less the monthly surcharges charged.
func TestYearlySurcharge(t *testing.T) {
	st := openSQLite(t)
	seed(t, st)
	_, p := meteredPermit(t, st, 1100) // 13,200 m³ in the year against 12,000 planned
	g := pricing.Guideline2017(city)
	save := func(r pricing.SurchargeRule) {
		b, err := json.Marshal(r)
		must(t, err)
		for _, class := range permitClasses { // the seed's non-residential rule too
			must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleSurcharge, Region: city, Key: class, EffectiveFrom: g.EffectiveFrom, Source: "test", Body: b}))
		}
	}

	// Measured on the year only: no monthly bills; December's run bills
	// 1,200 m³ over the year's plan in band 1: 1200 × 0.5 × 5.00 = 3,000 元.
	save(pricing.SurchargeRule{Period: pricing.CycleYear, Bands: g.Bands})
	for mo := time.January; mo <= time.November; mo++ {
		_, err := RunBilling(sys, st, Month{2026, mo}, nil)
		must(t, err)
	}
	if _, n, _ := st.ListBills(sys, sishui.BillFilter{Subject: sishui.BillPermit}); n != 0 {
		t.Fatalf("a yearly rule made %d monthly bills", n)
	}
	if b := yearBills(t, st); len(b) != 0 {
		t.Fatalf("yearly bills before December: %+v", b)
	}
	_, err := RunBilling(sys, st, Month{2026, 12}, nil)
	must(t, err)
	b := yearBills(t, st)
	if len(b) != 1 || b[0].TotalFen != 300_000 || b[0].VolumeM3 != 13_200 || b[0].SubjectID != p.ID {
		t.Fatalf("yearly bill %+v", b)
	}

	// Monthly and also yearly against the quota: 400 t of paper × 25 m³/t =
	// 10,000 m³. Each month 100 m³ over the 1,000 plan: 100 × 0.5 × 5 = 250
	// 元, 3,000 元 in the year. The year: 3,200 over 10,000 → 2,000 × 0.5 × 5
	// + 1,200 × 1 × 5 = 5,000 + 6,000 = 11,000 元, less 3,000 = 8,000 元.
	save(pricing.SurchargeRule{Period: pricing.CycleMonth, Yearly: true, Limit: pricing.LimitQuota, Bands: g.Bands})
	must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleNorm, Region: city, Key: "industry/paper", EffectiveFrom: day(2020, 1, 1), Source: "test",
		Body: json.RawMessage(`{"sector":"industry","product":"paper","unit":"t","general_milli":25000,"advanced_milli":18000,"standard":"test"}`)}))
	must(t, st.UpsertOutput(sys, &sishui.OutputDeclaration{UserID: p.UserID, Year: 2026, Sector: "industry", Product: "paper", Output: 400}))
	for mo := time.January; mo <= time.December; mo++ {
		_, err := RunBilling(sys, st, Month{2026, mo}, nil)
		must(t, err)
	}
	monthly, n, err := st.ListBills(sys, sishui.BillFilter{Subject: sishui.BillPermit})
	must(t, err)
	if n != 12 || monthly[0].TotalFen != 25_000 {
		t.Fatalf("%d monthly bills, first %+v", n, monthly[0])
	}
	b = yearBills(t, st)
	var lines []pricing.Line
	must(t, json.Unmarshal(b[0].Lines, &lines))
	if len(b) != 1 || b[0].TotalFen != 800_000 || lines[len(lines)-1].Kind != pricing.LineCredit || lines[len(lines)-1].AmountFen != -300_000 {
		t.Fatalf("yearly true-up %+v lines %+v", b, lines)
	}
	if pricing.Sum(lines) != pricing.Fen(b[0].TotalFen) {
		t.Fatalf("total %d is not the sum of the lines", b[0].TotalFen)
	}

	// Issued, then rerun unchanged: nothing new; a larger quota (within the
	// year's use) makes an adjustment, never an edit.
	if n, err := st.IssueBills(sys, sishui.BillPermitYear, 202612); err != nil || n != 1 {
		t.Fatalf("issue: %d %v", n, err)
	}
	sum, err := RunBilling(sys, st, Month{2026, 12}, nil)
	must(t, err)
	if sum.Adjustments != 0 || len(yearBills(t, st)) != 1 {
		t.Fatalf("rerun changed the issued yearly bill: %+v", sum)
	}
	must(t, st.UpsertOutput(sys, &sishui.OutputDeclaration{UserID: p.UserID, Year: 2026, Sector: "industry", Product: "paper", Output: 480})) // quota 12,000
	sum, err = RunBilling(sys, st, Month{2026, 12}, nil)
	must(t, err)
	b = yearBills(t, st)
	// 1,200 over 12,000 → 3,000 元, less 3,000 charged by month = 0: the adjustment reverses the 8,000 元.
	if sum.Adjustments != 1 || len(b) != 2 || b[1].Kind != sishui.BillAdjustment || b[1].TotalFen != -800_000 {
		t.Fatalf("adjustment %+v / %+v", sum, b)
	}
}

func TestSurchargeRuleYearly(t *testing.T) {
	r := pricing.SurchargeRule{Version: pricing.Version{Region: city, EffectiveFrom: day(2020, 1, 1)}, Period: pricing.CycleYear, Yearly: true,
		Bands: []pricing.Band{{UpTo: 0, Factor: 500}}}
	if err := r.Validate(); sishui.ErrorField(err) != "yearly" {
		t.Fatalf("a yearly rule marked yearly: %v", err)
	}
	r.Yearly, r.Limit = false, "budget"
	if err := r.Validate(); sishui.ErrorField(err) != "limit" {
		t.Fatalf("unknown limit: %v", err)
	}
	for _, c := range []struct {
		limit       string
		plan, quota int64
		want        int64
	}{{"", 100, 80, 100}, {pricing.LimitQuota, 100, 80, 80}, {pricing.LimitLower, 100, 80, 80}, {pricing.LimitLower, 0, 80, 80}, {pricing.LimitLower, 100, 0, 100}, {pricing.LimitQuota, 100, 0, 0}} {
		r.Limit = c.limit
		if got := r.YearLimit(c.plan, c.quota); got != c.want {
			t.Errorf("%q plan %d quota %d: %d, want %d", c.limit, c.plan, c.quota, got, c.want)
		}
	}
	// TrueUp never goes below zero and the credit is the monthly charge.
	y := pricing.Bill{Lines: []pricing.Line{{Kind: pricing.LineSurcharge, AmountFen: 1000}}, TotalFen: 1000}
	if b := pricing.TrueUp(y, 1500); b.TotalFen != 0 || pricing.Sum(b.Lines) != 0 {
		t.Fatalf("true-up below zero: %+v", b)
	}
	if b := pricing.TrueUp(y, 400); b.TotalFen != 600 {
		t.Fatalf("true-up %+v", b)
	}
}
