package saving

import "testing"

func TestVerify(t *testing.T) {
	base := Period{UseM3: 100_000, Output: 10_000} // 10 m³ per tonne
	for _, tc := range []struct {
		name   string
		terms  Terms
		report Period
		want   Result
	}{
		{"share: output grew 20 %, use grew 5 %", Terms{Model: ModelShare, Share: 600, Price: 50000}, Period{UseM3: 105_000, Output: 12_000},
			Result{AdjustedBaselineM3: 120_000, SavedM3: 15_000, Saved: 125, ValueFen: 7_500_000, DueToCompanyFen: 4_500_000}},
		{"share: no saving, nothing due", Terms{Model: ModelShare, Share: 600, Price: 50000}, Period{UseM3: 130_000, Output: 12_000},
			Result{AdjustedBaselineM3: 120_000, SavedM3: -10_000, Saved: -83, ValueFen: -5_000_000}},
		{"guarantee met", Terms{Model: ModelGuarantee, Guaranteed: 100, Price: 50000, FeeFen: 1_000_000}, Period{UseM3: 90_000, Output: 10_000},
			Result{AdjustedBaselineM3: 100_000, SavedM3: 10_000, Saved: 100, ValueFen: 5_000_000, GuaranteeMet: true, DueToCompanyFen: 1_000_000}},
		{"guarantee missed: the company owes the shortfall", Terms{Model: ModelGuarantee, Guaranteed: 100, Price: 50000, FeeFen: 1_000_000}, Period{UseM3: 94_000, Output: 10_000},
			Result{AdjustedBaselineM3: 100_000, SavedM3: 6_000, Saved: 60, ValueFen: 3_000_000, DueToUserFen: 2_000_000}},
		{"custody fee", Terms{Model: ModelCustody, FeeFen: 300_000}, Period{UseM3: 50_000, Output: 5_000},
			Result{AdjustedBaselineM3: 50_000, DueToCompanyFen: 300_000}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Verify(tc.terms, base, tc.report)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Fatalf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
	if _, err := Verify(Terms{Model: "loan"}, base, base); err == nil {
		t.Fatal("unknown model accepted")
	}
	if _, err := Verify(Terms{Model: ModelShare}, Period{UseM3: 1}, base); err == nil {
		t.Fatal("zero baseline output accepted")
	}
}
