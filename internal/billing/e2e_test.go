package billing

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/budget"
	"github.com/sishui/sishui/internal/pricing"
)

// TestEndToEnd goes from metered samples, through the accounting, to a
// permit holder's over-plan surcharge bill and a tax verification that the
// taxpayer disputes, on both stores.
func TestEndToEnd(t *testing.T) {
	for name, open := range engines() {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			seed(t, st)
			u := &sishui.WaterUser{Name: "聊城造纸厂", CreditCode: "91371502000000001X", Region: county, Sector: "industry"}
			if c, ok := sishui.CreditCodeCheck(u.CreditCode[:17]); ok {
				u.CreditCode = u.CreditCode[:17] + string(c)
			}
			must(t, st.CreateWaterUser(sys, u))
			plan := make([]int64, 12)
			for i := range plan {
				plan[i] = 1000
			}
			p := &sishui.Permit{Number: "取水(聊)字[2026]第001号", UserID: u.ID, Region: county, Source: sishui.SourceGroundShallow, Sector: "industry",
				AnnualM3: 12000, MonthlyPlanM3: plan, ValidFrom: day(2024, 1, 1), ValidTo: day(2028, 12, 31), Status: sishui.PermitActive}
			must(t, st.CreatePermit(sys, p))
			pt := &sishui.Point{Code: "0000000001", Name: "1号井", Kind: sishui.PointWithdrawal, Protocol: sishui.ProtocolSZY206,
				Region: county, PermitID: p.ID, Multiplier: 1, IntervalSeconds: 86400}
			must(t, st.CreatePoint(sys, pt))
			// Cumulative meter: 1500 m³ in November (50 % over the 1000 m³
			// plan), 800 m³ in October and 900 m³ in December.
			var samples []sishui.Sample
			reading := 10_000.0
			for d := time.Date(2026, 9, 30, 16, 0, 0, 0, time.UTC); d.Before(time.Date(2026, 12, 31, 16, 0, 1, 0, time.UTC)); d = d.Add(24 * time.Hour) {
				samples = append(samples, sishui.Sample{Point: pt.ID, Metric: sishui.MetricVolumeM3, Time: d, Value: reading})
				bjMonth := d.In(sishui.BeijingTime).Month() // the day the next reading closes
				days := map[time.Month]float64{10: 31, 11: 30, 12: 31}[bjMonth]
				reading += map[time.Month]float64{10: 800, 11: 1500, 12: 900}[bjMonth] / days
			}
			_, err := st.AppendSamples(sys, samples)
			must(t, err)
			acct, err := accounting.New(st, accounting.Config{Now: func() time.Time { return time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC) }})
			must(t, err)
			must(t, acct.Update(sys, pt.ID, time.Date(2026, 9, 30, 16, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 16, 0, 0, 0, time.UTC)))
			pms, err := st.PointMonthlyUse(sys, sishui.UseFilter{FromMonth: 202611, ToMonth: 202611})
			must(t, err)
			if len(pms) != 1 || pricing.LitresToM3(pms[0].Total()) != 1500 {
				t.Fatalf("accounted November use %+v", pms)
			}

			// The permit holder's over-plan surcharge for November: 2017
			// guideline bands on the non-residential price 5.00:
			// 200 × 0.5 × 5 + 200 × 1 × 5 + 100 × 2 × 5 = 500 + 1000 + 1000.
			sum, err := RunBilling(sys, st, Month{2026, 11}, nil)
			must(t, err)
			bills, _, err := st.ListBills(sys, sishui.BillFilter{Subject: sishui.BillPermit, Period: 202611})
			must(t, err)
			if len(bills) != 1 || bills[0].TotalFen != 250_000 || bills[0].VolumeM3 != 1500 || sum.Drafts != 1 {
				t.Fatalf("surcharge bills %+v (summary %+v)", bills, sum)
			}
			// Within plan in October: no bill.
			_, err = RunBilling(sys, st, Month{2026, 10}, nil)
			must(t, err)
			if _, n, _ := st.ListBills(sys, sishui.BillFilter{Subject: sishui.BillPermit, Period: 202610}); n != 0 {
				t.Fatalf("October within plan billed %d", n)
			}

			// Tax for 2026Q4: 3200 m³ groundwater against a 3000 m³ plan:
			// 3000 × 1.5 + 200 × 1.5 × 2 = 4500 + 600 = 5100 元.
			tsum, err := RunTax(sys, st, TaxPeriod{Label: "2026Q4", Months: []Month{{2026, 10}, {2026, 11}, {2026, 12}}}, TaxPurpose{}, nil)
			must(t, err)
			vs, _, err := st.ListVerifications(sys, sishui.VerificationFilter{Period: "2026Q4"})
			must(t, err)
			if len(vs) != 1 || vs[0].TotalFen != 510_000 || tsum.Drafts != 1 {
				t.Fatalf("verifications %+v %+v", vs, tsum)
			}
			lines, err := VerificationLines(vs[0])
			must(t, err)
			var ref TraceRef
			must(t, json.Unmarshal([]byte(lines[0].Ref), &ref))
			if ref.Permit != p.Number || len(ref.Points) != 1 || ref.Points[0] != pt.ID || pricing.LitresToM3(ref.MeasuredL) != 3200 || ref.PlanM3 != 3000 {
				t.Fatalf("line not traceable: %+v", ref)
			}
			// Rerun: the draft is replaced, not doubled.
			_, err = RunTax(sys, st, TaxPeriod{Label: "2026Q4", Months: []Month{{2026, 10}, {2026, 11}, {2026, 12}}}, TaxPurpose{}, nil)
			must(t, err)
			vs, n, _ := st.ListVerifications(sys, sishui.VerificationFilter{Period: "2026Q4"})
			if n != 1 {
				t.Fatalf("after rerun %d verifications", n)
			}
			must(t, st.SendVerification(sys, vs[0].ID))
			ent := sishui.WithActor(sys, &sishui.Actor{Username: "paper", Role: sishui.RoleEnterprise, WaterUser: u.ID})
			must(t, st.AnswerVerification(ent, vs[0].ID, false, "11 月计划已调增"))

			// The advanced-quota certification gives 20 % off industrial lines.
			c := &sishui.Certification{UserID: u.ID, Year: 2025, Sector: "industry", Product: "paper", UsedM3: 18000, Output: 1000}
			must(t, st.ApplyCertification(ent, c))
			// Review: no norm yet → refused; with the paper norm (advanced 18 m³/t), 18,000 m³ for 1000 t passes.
			if err := ReviewCertification(sys, st, c.ID, "水利局审核"); sishui.ErrorCode(err) != sishui.ECONFLICT {
				t.Fatalf("review without a norm: %v", err)
			}
			must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleNorm, Region: city, Key: "industry/paper", EffectiveFrom: day(2020, 1, 1), Source: "test",
				Body: json.RawMessage(`{"sector":"industry","product":"paper","unit":"t","general_milli":25000,"advanced_milli":17000,"standard":"test"}`)}))
			if err := ReviewCertification(sys, st, c.ID, "水利局审核"); sishui.ErrorCode(err) != sishui.ECONFLICT {
				t.Fatalf("review above the advanced value: %v", err)
			}
			must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleNorm, Region: city, Key: "industry/paper", EffectiveFrom: day(2020, 1, 1), Source: "test",
				Body: json.RawMessage(`{"sector":"industry","product":"paper","unit":"t","general_milli":25000,"advanced_milli":18000,"standard":"test"}`)}))
			must(t, ReviewCertification(sys, st, c.ID, "水利局审核"))
			must(t, st.AdvanceCertification(sys, c.ID, sishui.CertCertified, "", day(2026, 1, 1)))
			_, err = RunTax(sys, st, TaxPeriod{Label: "2026Q4", Months: []Month{{2026, 10}, {2026, 11}, {2026, 12}}}, TaxPurpose{}, nil)
			must(t, err)
			vs, _, _ = st.ListVerifications(sys, sishui.VerificationFilter{Period: "2026Q4", Status: sishui.VerifyDraft})
			if len(vs) != 1 || vs[0].TotalFen != 408_000 {
				t.Fatalf("certified re-verification %+v", vs)
			}
			x, err := VerificationXLSX(vs[0], u)
			must(t, err)
			if len(x) < 1000 {
				t.Fatalf("xlsx of %d bytes", len(x))
			}

			// Budgets: the county's cap (2000 m³) and the user's permit plans
			// (12 × 1000 m³), executed against the accounted use to December.
			must(t, st.UpsertCap(sys, &sishui.RegionCap{Region: county, Year: 2026, TotalM3: 2000}))
			n, err = DeriveBudgets(sys, st, 2026, 10_000)
			must(t, err)
			if n != 2 {
				t.Fatalf("derived %d budgets", n)
			}
			reps, err := BudgetExecution(sys, st, 2026, 12, nil)
			must(t, err)
			if len(reps) != 2 {
				t.Fatalf("budget reports %+v", reps)
			}
			for _, r := range reps {
				ex := r.Execution
				last := ex.Months[11]
				switch r.Budget.Subject {
				case sishui.BudgetRegion:
					if last.CumUseM3 != 3200 || ex.Level != "over" || ex.Months[9].Level != "ok" {
						t.Fatalf("county execution %+v", ex)
					}
				case sishui.BudgetUser:
					if last.CumUseM3 != 3200 || last.CumBudgetM3 != 12000 || ex.Level != "ok" || ex.SurplusM3 != 8800 {
						t.Fatalf("user execution %+v", ex)
					}
				}
			}

			// A county budget rule replaces the default thresholds.
			must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleBudget, Region: county, EffectiveFrom: day(2026, 1, 1), Source: "test",
				Body: json.RawMessage(`{"warn": 0, "over": 2000}`)}))
			reps, err = BudgetExecution(sys, st, 2026, 10, nil)
			must(t, err)
			for _, r := range reps {
				if r.Rule == 0 || r.Thresholds.Over != 2000 {
					t.Fatalf("budget rule not applied: %+v", r)
				}
			}
			if _, err := BudgetExecution(sys, st, 2026, 10, &budget.Thresholds{Warn: 10, Over: 5}); sishui.ErrorField(err) != "thresholds" {
				t.Fatalf("bad override: %v", err)
			}

			// Contract water saving: baseline 2025 (4000 m³ for 1000 t) against 2026
			// (3200 m³ for 1000 t): 800 m³ saved at 5.00 元, 60 % to the company.
			base := []sishui.Sample{
				{Point: pt.ID, Metric: sishui.MetricVolumeM3, Time: time.Date(2025, 9, 30, 16, 0, 0, 0, time.UTC), Value: 0},
				{Point: pt.ID, Metric: sishui.MetricVolumeM3, Time: time.Date(2025, 10, 31, 16, 0, 0, 0, time.UTC), Value: 4000},
			}
			_, err = st.AppendSamples(sys, base)
			must(t, err)
			must(t, acct.Update(sys, pt.ID, base[0].Time, base[1].Time))
			for _, y := range []int{2025, 2026} {
				must(t, st.UpsertOutput(sys, &sishui.OutputDeclaration{UserID: u.ID, Year: y, Sector: "industry", Product: "paper", Output: 1000}))
			}
			sc := &sishui.SavingContract{UserID: u.ID, Company: "节水服务公司", Model: "share", Sector: "industry", Product: "paper",
				BaselineYear: 2025, StartYear: 2026, EndYear: 2030, Share: 600, Price: 50000}
			must(t, st.CreateSavingContract(sys, sc))
			rep, err := ContractSavings(sys, st, sc.ID, 2026)
			must(t, err)
			if rep.Baseline.UseM3 != 4000 || rep.Result.SavedM3 != 800 || rep.Result.DueToCompanyFen != 240_000 {
				t.Fatalf("saving %+v", rep)
			}
			cands, err := LoanCandidates(sys, st, 2026)
			must(t, err)
			if len(cands) != 1 || cands[0].UserID != u.ID {
				t.Fatalf("节水贷 candidates %+v", cands)
			}
		})
	}
}
