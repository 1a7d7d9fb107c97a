package billing

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/pricing"
)

// BenchmarkBilling100k bills 100,000 generated customer accounts (households
// on the yearly tiered tariff, some shared meters, non-residential users
// with plans and surcharges) in one run, on SQLite (and PostgreSQL when
// SISHUI_TEST_POSTGRES is set). Run with -benchtime=1x.
func BenchmarkBilling100k(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchBilling(b, openSQLite(b), time.November) })
	if os.Getenv("SISHUI_TEST_POSTGRES") != "" {
		b.Run("postgres", func(b *testing.B) { benchBilling(b, pgtest.Open(b), time.November) })
	}
}

// BenchmarkBillingDecember100k is the same accounts' December run, which
// also closes the year: the 10,000 non-residential accounts get their
// yearly over-plan / over-quota surcharge (account_year) under a monthly
// rule also measured on the year. Run with -benchtime=1x.
func BenchmarkBillingDecember100k(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchBilling(b, openSQLite(b), time.December) })
	if os.Getenv("SISHUI_TEST_POSTGRES") != "" {
		b.Run("postgres", func(b *testing.B) { benchBilling(b, pgtest.Open(b), time.December) })
	}
}

func benchBilling(b *testing.B, st sishui.Store, month time.Month) {
	const n = 100_000
	seed(b, st)
	start := time.Now()
	var reads []sishui.MeterRead
	for lo := 0; lo < n; lo += 10_000 {
		var as []*sishui.CustomerAccount
		for i := lo; i < lo+10_000; i++ {
			a := &sishui.CustomerAccount{Number: fmt.Sprintf("A%07d", i), Name: "用户", Region: county, Class: "residential",
				Meter: sishui.MeterIndividual, Opened: day(2020, 1, 1)}
			switch {
			case i%10 == 0:
				a.Class, a.PlanM3 = "non_residential", 80
				if month == time.December { // 120 m³ a year: most are over it
					a.PlanM3 = 10
				}
			case i%10 == 1:
				a.Meter, a.Persons = sishui.MeterShared, 3+i%5
			}
			as = append(as, a)
		}
		must(b, st.UpsertCustomerAccounts(sys, as))
		for i, a := range as {
			base := int64(1000 + i%500)
			reads = append(reads,
				sishui.MeterRead{Account: a.ID, ReadOn: day(2025, 12, 31), ReadingM3: base},
				sishui.MeterRead{Account: a.ID, ReadOn: day(2026, month-1, 1).AddDate(0, 0, -1), ReadingM3: base + int64(100+i%90)},
				sishui.MeterRead{Account: a.ID, ReadOn: day(2026, month+1, 1).AddDate(0, 0, -1), ReadingM3: base + int64(100+i%90) + int64(5+i%120), Estimated: i%50 == 0})
		}
		must(b, st.AddMeterReads(sys, reads))
		reads = reads[:0]
	}
	if month == time.December {
		g := pricing.Guideline2017(city)
		body, err := json.Marshal(pricing.SurchargeRule{Period: pricing.CycleMonth, Yearly: true, Limit: pricing.LimitLower, Bands: g.Bands})
		must(b, err)
		must(b, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleSurcharge, Region: city, Key: pricing.ClassNonResidential, EffectiveFrom: g.EffectiveFrom, Source: "bench", Body: body}))
	}
	b.Logf("setup: %d accounts and %d reads in %s", n, 3*n, time.Since(start).Round(time.Millisecond))
	b.ResetTimer()
	for b.Loop() {
		sum, err := RunBilling(sys, st, Month{2026, month}, nil)
		must(b, err)
		if month == time.December {
			_, yearly, err := st.ListBills(sys, sishui.BillFilter{Subject: sishui.BillAccountYear, Period: 202612})
			must(b, err)
			if yearly == 0 {
				b.Fatalf("no yearly account bills (%v)", sum.Problems)
			}
			b.Logf("%d yearly account bills", yearly)
			sum.Drafts -= yearly
		}
		if sum.Drafts != n {
			b.Fatalf("drafts %d, want %d (%v)", sum.Drafts, n, sum.Problems)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "accounts/s")
}
