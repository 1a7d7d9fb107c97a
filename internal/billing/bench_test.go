package billing

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres/pgtest"
)

// BenchmarkBilling100k bills 100,000 generated customer accounts (households
// on the yearly tiered tariff, some shared meters, non-residential users
// with plans and surcharges) in one run, on SQLite (and PostgreSQL when
// SISHUI_TEST_POSTGRES is set). Run with -benchtime=1x.
func BenchmarkBilling100k(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchBilling(b, openSQLite(b)) })
	if os.Getenv("SISHUI_TEST_POSTGRES") != "" {
		b.Run("postgres", func(b *testing.B) { benchBilling(b, pgtest.Open(b)) })
	}
}

func benchBilling(b *testing.B, st sishui.Store) {
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
				sishui.MeterRead{Account: a.ID, ReadOn: day(2026, 10, 31), ReadingM3: base + int64(100+i%90)},
				sishui.MeterRead{Account: a.ID, ReadOn: day(2026, 11, 30), ReadingM3: base + int64(100+i%90) + int64(5+i%120), Estimated: i%50 == 0})
		}
		must(b, st.AddMeterReads(sys, reads))
		reads = reads[:0]
	}
	b.Logf("setup: %d accounts and %d reads in %s", n, 3*n, time.Since(start).Round(time.Millisecond))
	b.ResetTimer()
	for b.Loop() {
		sum, err := RunBilling(sys, st, Month{2026, 11}, nil)
		must(b, err)
		if sum.Drafts != n {
			b.Fatalf("drafts %d, want %d (%v)", sum.Drafts, n, sum.Problems)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "accounts/s")
}
