package api_test

import (
	"encoding/json"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/allocate"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/billing"
)

// TestBillingFormsAPI: what the budget and tariff forms need — budgets from
// an allocation result previewed (dry run, nothing written), chosen by
// county and then created; surplus listings by year; contract tariffs as
// versions with exact decimal rates, never edited.
func TestBillingFormsAPI(t *testing.T) {
	f := newFixture(t)
	var eb api.ErrorBody
	res := &allocate.Result{Scenario: "t", Mode: "monthly", Periods: []allocate.PeriodResult{
		{Period: 0, Month: "2025-01", Demands: []allocate.DemandResult{{Name: "a", Region: "dongchangfu", Sector: "industry", DeliveredM3: 1200.4},
			{Name: "b", Region: "chiping", Sector: "domestic", DeliveredM3: 300}}}}}
	in := api.AllocationBudgetInput{Year: 2025, Result: res, Regions: []string{"371599"}, DryRun: true}
	if code := f.do(t, "city", "POST", "/api/v1/budgets/from-allocation", in, &eb); code != 400 || eb.Error.Field != "regions" {
		t.Fatalf("a county the result lacks: %d %+v", code, eb)
	}
	in.Regions = []string{"371502"}
	var out api.AllocationBudgetOutput
	if code := f.do(t, "city", "POST", "/api/v1/budgets/from-allocation", in, &out); code != 200 || !out.DryRun || out.Budgets != 1 ||
		out.Items[0].SubjectID != "371502" || out.Items[0].AnnualM3 != 1200 || out.Items[0].ReplacesM3 != nil {
		t.Fatalf("preview: %d %+v", code, out)
	}
	var bs []*sishui.WaterBudget
	if code := f.do(t, "city", "GET", "/api/v1/budgets?year=2025", nil, &bs); code != 200 || len(bs) != 0 {
		t.Fatalf("a preview wrote budgets: %d %+v", code, bs)
	}
	if code := f.do(t, "enterprise", "POST", "/api/v1/budgets/from-allocation", in, nil); code != 403 {
		t.Fatalf("an enterprise derives budgets: %d", code)
	}
	in.DryRun, out = false, api.AllocationBudgetOutput{}
	if code := f.do(t, "city", "POST", "/api/v1/budgets/from-allocation", in, &out); code != 200 || out.DryRun || out.Budgets != 1 {
		t.Fatalf("create: %d %+v", code, out)
	}
	if code := f.do(t, "city", "GET", "/api/v1/budgets?year=2025", nil, &bs); code != 200 || len(bs) != 1 || bs[0].Basis != "allocation" || bs[0].AnnualM3 != 1200 {
		t.Fatalf("created budgets: %d %+v", code, bs)
	}
	in.DryRun, in.Regions = true, nil
	if code := f.do(t, "city", "POST", "/api/v1/budgets/from-allocation", in, &out); code != 200 || out.Budgets != 2 ||
		out.Items[0].ReplacesM3 == nil || *out.Items[0].ReplacesM3 != 1200 || out.Items[1].ReplacesM3 != nil {
		t.Fatalf("preview of every county: %d %+v", code, out)
	}

	var ls []billing.SurplusListing
	if code := f.do(t, "enterprise", "GET", "/api/v1/budgets/surplus-listings?year=2025", nil, &ls); code != 200 || len(ls) != 0 {
		t.Fatalf("surplus listings: %d %+v", code, ls)
	}
	if code := f.do(t, "city", "GET", "/api/v1/budgets/surplus-listings?year=x", nil, &eb); code != 400 || eb.Error.Field != "year" {
		t.Fatalf("bad year: %d %+v", code, eb)
	}

	ct := billing.ContractTariffFields{Number: "RW-9", Region: "371502", EffectiveFrom: "2026-07-01", Source: "合同",
		Components: []billing.ContractComponent{{Code: "basic", Name: "再生水价", Rates: []string{"1.23456"}}}}
	if code := f.do(t, "city", "POST", "/api/v1/contract-tariffs", ct, &eb); code != 400 || eb.Error.Field != "components[0].rates[0]" {
		t.Fatalf("a fifth decimal: %d %+v", code, eb)
	}
	ct.Components[0].Rates = []string{"1.2345"}
	if code := f.do(t, "enterprise", "POST", "/api/v1/contract-tariffs", ct, nil); code != 403 {
		t.Fatalf("an enterprise enters a tariff: %d", code)
	}
	var rule sishui.Rule
	if code := f.do(t, "city", "POST", "/api/v1/contract-tariffs", ct, &rule); code != 201 || rule.Key != "contract:RW-9" {
		t.Fatalf("contract tariff: %d %+v", code, rule)
	}
	if code := f.do(t, "city", "POST", "/api/v1/contract-tariffs", ct, &eb); code != 409 {
		t.Fatalf("the same version again: %d %+v", code, eb)
	}
	ct.EffectiveFrom, ct.Components[0].Rates = "2027-01-01", []string{"0.008"}
	if code := f.do(t, "city", "POST", "/api/v1/contract-tariffs", ct, &rule); code != 201 {
		t.Fatalf("the next version: %d", code)
	}
	var rules []*sishui.Rule
	if code := f.do(t, "auditor", "GET", "/api/v1/contract-tariffs?number=RW-9", nil, &rules); code != 200 || len(rules) != 2 ||
		rules[0].EffectiveFrom.Year() != 2027 || string(rules[0].Body) == "" {
		t.Fatalf("versions: %d %+v", code, rules)
	}
	var tr struct {
		Components []struct{ Rates []int64 }
	}
	if err := json.Unmarshal(rules[0].Body, &tr); err != nil {
		t.Fatal(err)
	}
	if tr.Components[0].Rates[0] != 80 {
		t.Fatalf("0.008 元 stored as %d", tr.Components[0].Rates[0])
	}
}
