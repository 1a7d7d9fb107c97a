package billing

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

func accountYearBills(t *testing.T, st sishui.Store) []*sishui.Bill {
	t.Helper()
	bills, _, err := st.ListBills(sys, sishui.BillFilter{Subject: sishui.BillAccountYear, Period: 202612})
	must(t, err)
	return bills
}

// monthlySurchargeFen sums the surcharge lines of an account's monthly bills of 2026.
func monthlySurchargeFen(t *testing.T, st sishui.Store, account int64) pricing.Fen {
	t.Helper()
	bills, _, err := st.ListBills(sys, sishui.BillFilter{Subject: sishui.BillAccount, SubjectID: account, Page: sishui.Page{Limit: 100}})
	must(t, err)
	var s pricing.Fen
	for _, b := range bills {
		var lines []pricing.Line
		must(t, json.Unmarshal(b.Lines, &lines))
		for _, l := range lines {
			if l.Kind == pricing.LineSurcharge || l.Kind == pricing.LineReversal && l.Component == "surcharge" {
				s += l.AmountFen
			}
		}
	}
	return s
}

// TestAccountYearlySurcharge: a non-residential public-supply account's
// yearly over-plan / over-quota surcharge (account_year, made by December's
// run), hand-computed on the non-residential price 3.60 + 1.40 = 5.00 元 and
// the 2017 guideline bands (0.5× to 20 % over, 1× to 40 %, 2× beyond).
// The account uses 1,100 m³ a month (13,200 m³ in 2026; December's read
// estimated), against a monthly plan of 1,000 m³ and a 2026 plan of 11,000.
func TestAccountYearlySurcharge(t *testing.T) {
	for name, open := range engines() {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			seed(t, st)
			u := newUser(t, st, "聊城宾馆", "91371502000000006X", "industry")
			accts := []*sishui.CustomerAccount{
				{Number: "N-1", Name: "聊城宾馆", Region: county, Class: pricing.ClassNonResidential, Supplier: "一水厂", Meter: sishui.MeterIndividual,
					UserID: u.ID, PlanM3: 1_000, Opened: day(2025, 1, 1)},
				{Number: "R-1", Name: "张三", Region: county, Class: pricing.ClassResidential, Supplier: "一水厂", Meter: sishui.MeterIndividual, Opened: day(2025, 1, 1)},
			}
			must(t, st.UpsertCustomerAccounts(sys, accts))
			n, r := accts[0], accts[1]
			reads := []sishui.MeterRead{{Account: n.ID, ReadOn: day(2025, 12, 31), ReadingM3: 5_000}, {Account: r.ID, ReadOn: day(2025, 12, 31), ReadingM3: 100}}
			for mo := time.January; mo <= time.December; mo++ {
				last := day(2026, mo+1, 1).AddDate(0, 0, -1)
				reads = append(reads, sishui.MeterRead{Account: n.ID, ReadOn: last, ReadingM3: 5_000 + 1_100*int64(mo), Estimated: mo == time.December},
					sishui.MeterRead{Account: r.ID, ReadOn: last, ReadingM3: 100 + 3_000*int64(mo)})
			}
			must(t, st.AddMeterReads(sys, reads))
			must(t, st.UpsertAccountPlan(sys, &sishui.AccountPlan{Account: n.ID, Year: 2026, PlanM3: 11_000}))
			if ps, err := st.AllAccountPlans(sys, 2026); err != nil || len(ps) != 1 || ps[0].PlanM3 != 11_000 {
				t.Fatalf("account plans %+v %v", ps, err)
			}
			if err := st.UpsertAccountPlan(sys, &sishui.AccountPlan{Account: n.ID, Year: 2026, PlanM3: -1}); sishui.ErrorField(err) != "plan_m3" {
				t.Fatalf("negative plan: %v", err)
			}
			g := pricing.Guideline2017(city)
			save := func(rule pricing.SurchargeRule) {
				b, err := json.Marshal(rule)
				must(t, err)
				must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleSurcharge, Region: city, Key: pricing.ClassNonResidential, EffectiveFrom: g.EffectiveFrom, Source: "test", Body: b}))
			}
			runYear := func() {
				for mo := time.January; mo <= time.December; mo++ {
					_, err := RunBilling(sys, st, Month{2026, mo}, nil)
					must(t, err)
				}
			}

			// 1. Measured on the year only, against the year's plan: 2,200
			// over 11,000, all in band 1: 2,200 × 0.5 × 5.00 = 5,500 元. No
			// monthly surcharge; the residential account gets no yearly bill.
			save(pricing.SurchargeRule{Period: pricing.CycleYear, Bands: g.Bands})
			_, err := RunBilling(sys, st, Month{2026, 12}, nil) // the yearly bill needs no earlier month's run
			must(t, err)
			if s := monthlySurchargeFen(t, st, n.ID); s != 0 {
				t.Fatalf("a yearly rule charged %v by month", s)
			}
			b := accountYearBills(t, st)
			if len(b) != 1 || b[0].SubjectID != n.ID || b[0].TotalFen != 550_000 || b[0].VolumeM3 != 13_200 || !b[0].Estimated || b[0].UserID != u.ID {
				t.Fatalf("yearly-only bill %+v", b)
			}
			var lines []pricing.Line
			must(t, json.Unmarshal(b[0].Lines, &lines))
			if len(lines) != 1 || !lines[0].Estimated || lines[0].VolumeM3 != 2_200 || pricing.Sum(lines) != pricing.Fen(b[0].TotalFen) {
				t.Fatalf("yearly-only lines %+v", lines)
			}

			// 2. Monthly and settled on the year: each month 100 over 1,000:
			// 100 × 0.5 × 5 = 250 元, 3,000 元 in the year; the yearly bill
			// credits them: 5,500 − 3,000 = 2,500 元. The year's total is the
			// same 5,500 元 as when no monthly surcharge was charged.
			save(pricing.SurchargeRule{Period: pricing.CycleMonth, Yearly: true, Settle: true, Bands: g.Bands})
			runYear()
			monthly := monthlySurchargeFen(t, st, n.ID)
			b = accountYearBills(t, st)
			if monthly != 300_000 || len(b) != 1 || b[0].TotalFen != 250_000 || pricing.Fen(b[0].TotalFen)+monthly != 550_000 {
				t.Fatalf("settled: %v by month, yearly %+v", monthly, b)
			}

			// 3. Against the lower of plan and quota: 400 t × 25 m³/t = 10,000
			// m³ (the user's only holding takes its whole quota). 3,200 over:
			// 2,000 × 0.5 × 5 + 1,200 × 1 × 5 = 5,000 + 6,000 = 11,000 元,
			// less 3,000 by month = 8,000 元.
			save(pricing.SurchargeRule{Period: pricing.CycleMonth, Yearly: true, Settle: true, Limit: pricing.LimitLower, Bands: g.Bands})
			must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleNorm, Region: city, Key: "industry/paper", EffectiveFrom: day(2020, 1, 1), Source: "test",
				Body: json.RawMessage(`{"sector":"industry","product":"paper","unit":"t","general_milli":25000,"advanced_milli":18000,"standard":"test"}`)}))
			must(t, st.UpsertOutput(sys, &sishui.OutputDeclaration{UserID: u.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 400}))
			_, err = RunBilling(sys, st, Month{2026, 12}, nil)
			must(t, err)
			b = accountYearBills(t, st)
			if len(b) != 1 || b[0].TotalFen != 800_000 {
				t.Fatalf("lower of plan and quota %+v", b)
			}

			// 4. Issued; then December's actual read (200 m³ less than the
			// estimate) corrects the use: the December bill and the yearly
			// bill are corrected by adjustment bills, never edited. The year:
			// 13,000 m³, 3,000 over: 5,000 + 1,000 × 5 = 10,000 元, less
			// 11 × 250 = 2,750 by month (December now within plan) = 7,250
			// 元: the adjustment is 7,250 − 8,000 = −750 元.
			for _, s := range []string{sishui.BillAccount, sishui.BillAccountYear} {
				_, err := st.IssueBills(sys, s, 202612)
				must(t, err)
			}
			sum, err := RunBilling(sys, st, Month{2026, 12}, nil)
			must(t, err)
			if sum.Adjustments != 0 || len(accountYearBills(t, st)) != 1 {
				t.Fatalf("a rerun without changes adjusted: %+v", sum)
			}
			must(t, st.AddMeterReads(sys, []sishui.MeterRead{{Account: n.ID, ReadOn: day(2026, 12, 31), ReadingM3: 5_000 + 13_000}}))
			sum, err = RunBilling(sys, st, Month{2026, 12}, nil)
			must(t, err)
			b = accountYearBills(t, st)
			if sum.Adjustments != 2 || len(b) != 2 || b[0].TotalFen != 800_000 || b[0].Status != sishui.StatusIssued ||
				b[1].Kind != sishui.BillAdjustment || b[1].TotalFen != -75_000 || b[1].Estimated {
				t.Fatalf("correction %+v: %+v", sum, b)
			}
			must(t, json.Unmarshal(b[1].Lines, &lines))
			if pricing.Sum(lines) != -75_000 || pricing.Sum(pricing.InForce(lines)) != 725_000 {
				t.Fatalf("adjustment lines %+v", lines)
			}
		})
	}
}
