package api_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/billing"
)

func TestBillingAPI(t *testing.T) {
	f := newFixture(t)
	tariff := sishui.Rule{Kind: sishui.RuleTariff, Region: "371500", Key: "residential", EffectiveFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Demo: true, Source: "demo", Body: json.RawMessage(`{"tiers":{"cycle":"month","basis":"household","up_to_m3":[10]},"components":[{"code":"basic","name":"基本水价","rates":[30000,45000]}]}`)}
	var eb api.ErrorBody
	bad := tariff
	bad.Body = json.RawMessage(`{"tiers":{"cycle":"month","basis":"household","up_to_m3":[10]},"components":[{"code":"basic","rates":[1,2,3]}]}`)
	if code := f.do(t, "city", "POST", "/api/v1/rules", bad, &eb); code != 400 || eb.Error.Field != "body.components" {
		t.Fatalf("bad tariff: %d %+v", code, eb)
	}
	if code := f.do(t, "county", "POST", "/api/v1/rules", tariff, nil); code != 403 {
		t.Fatalf("county writes a tariff: %d", code)
	}
	if code := f.do(t, "city", "POST", "/api/v1/rules", tariff, nil); code != 201 {
		t.Fatalf("tariff: %d", code)
	}
	var rules []sishui.Rule
	if code := f.do(t, "", "GET", "/api/v1/rules?kind=tariff", nil, &rules); code != 200 || len(rules) != 1 {
		t.Fatalf("public rules: %d %+v", code, rules)
	}
	accts := []*sishui.CustomerAccount{{Number: "H1", Name: "住户", Region: "371502", Class: "residential", Meter: sishui.MeterIndividual, Opened: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}}
	if code := f.do(t, "county", "POST", "/api/v1/customer-accounts", accts, &accts); code != 200 || accts[0].ID == 0 {
		t.Fatalf("accounts: %d", code)
	}
	// An account's plan for a year (the limit of its yearly surcharge).
	planURL := fmt.Sprintf("/api/v1/customer-accounts/%d/plans/2026", accts[0].ID)
	if code := f.do(t, "county", "PUT", planURL, map[string]any{}, &eb); code != 400 || eb.Error.Field != "plan_m3" {
		t.Fatalf("plan without plan_m3: %d %+v", code, eb)
	}
	if code := f.do(t, "county2", "PUT", planURL, map[string]any{"plan_m3": 100}, &eb); code != 400 || eb.Error.Field != "account" {
		t.Fatalf("another county's account plan: %d %+v", code, eb)
	}
	if code := f.do(t, "county", "PUT", planURL, map[string]any{"plan_m3": 11000}, &eb); code != 400 || eb.Error.Field != "account" {
		t.Fatalf("a residential account's plan: %d %+v", code, eb)
	}
	var plans api.List[sishui.AccountPlan]
	if code := f.do(t, "county", "GET", "/api/v1/account-plans?year=2026", nil, &plans); code != 200 || len(plans.Items) != 0 {
		t.Fatalf("account plans: %d %+v", code, plans)
	}
	var parts []sishui.OutputDeclaration
	if code := f.do(t, "county", "GET", "/api/v1/outputs/permits?year=2026", nil, &parts); code != 200 || len(parts) != 0 {
		t.Fatalf("per-permit outputs: %d %+v", code, parts)
	}
	reads := []sishui.MeterRead{{Number: "H1", ReadOn: time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC), ReadingM3: 100},
		{Number: "H1", ReadOn: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), ReadingM3: 112, Estimated: true}}
	if code := f.do(t, "county", "POST", "/api/v1/meter-reads", reads, nil); code != 204 {
		t.Fatalf("reads: %d", code)
	}
	var got []sishui.MeterRead
	if code := f.do(t, "county", "GET", fmt.Sprintf("/api/v1/customer-accounts/%d/reads?from=2026-11-01", accts[0].ID), nil, &got); code != 200 || len(got) != 1 || !got[0].Estimated {
		t.Fatalf("reads back: %d %+v", code, got)
	}
	if code := f.do(t, "county2", "GET", fmt.Sprintf("/api/v1/customer-accounts/%d", accts[0].ID), nil, nil); code != 404 {
		t.Fatalf("another county reads the account: %d", code)
	}
	if code := f.do(t, "city", "POST", "/api/v1/billing/runs", api.PeriodInput{Period: "2026-13"}, &eb); code != 400 || eb.Error.Field != "period" {
		t.Fatalf("bad period: %d %+v", code, eb)
	}
	var sum billing.Summary
	if code := f.do(t, "county", "POST", "/api/v1/billing/runs", api.PeriodInput{Period: "2026-11"}, nil); code != 403 {
		t.Fatalf("county runs billing: %d", code)
	}
	if code := f.do(t, "city", "POST", "/api/v1/billing/runs", api.PeriodInput{Period: "2026-11"}, &sum); code != 200 || sum.Drafts != 1 {
		t.Fatalf("run: %d %+v", code, sum)
	}
	var bills api.List[*sishui.Bill]
	if code := f.do(t, "county", "GET", "/api/v1/bills?period=202611&subject=account", nil, &bills); code != 200 || bills.Total != 1 || bills.Items[0].TotalFen != 10*300+2*450 || !bills.Items[0].Estimated {
		t.Fatalf("bills: %d %+v", code, bills)
	}
	var issued api.IssueOutput
	if code := f.do(t, "city", "POST", "/api/v1/billing/issue", api.PeriodInput{Period: "2026-11"}, &issued); code != 200 || issued.Accounts != 1 {
		t.Fatalf("issue: %d %+v", code, issued)
	}

	var reg map[string]int64
	if code := f.do(t, "city", "GET", "/api/v1/billing/registered?period=2026-11", nil, &reg); code != 200 || reg[""] != 12 {
		t.Fatalf("registered: %d %v", code, reg)
	}

	// Certification workflow through the API.
	c := sishui.Certification{UserID: f.ent.ID, Year: 2025, Sector: "industry", Product: "paper", UsedM3: 1, Output: 1}
	if code := f.do(t, "enterprise", "POST", "/api/v1/certifications", c, &c); code != 201 || c.Status != sishui.CertApplied {
		t.Fatalf("apply: %d %+v", code, c)
	}
	path := fmt.Sprintf("/api/v1/certifications/%d/advance", c.ID)
	if code := f.do(t, "enterprise", "POST", path, api.AdvanceInput{Status: sishui.CertReviewed}, nil); code != 403 {
		t.Fatalf("enterprise reviews itself: %d", code)
	}
	if code := f.do(t, "city", "POST", path, api.AdvanceInput{Status: "approved"}, &eb); code != 400 || eb.Error.Field != "status" {
		t.Fatalf("bad status: %d %+v", code, eb)
	}
	if code := f.do(t, "city", "POST", path, api.AdvanceInput{Status: sishui.CertCertified}, nil); code != 409 {
		t.Fatalf("certify before review: %d", code)
	}
	var tsum billing.Summary
	if code := f.do(t, "city", "POST", "/api/v1/tax/runs", api.PeriodInput{Period: "2026Q4"}, &tsum); code != 200 {
		t.Fatalf("tax run: %d", code)
	}
	if code := f.do(t, "city", "GET", "/api/v1/tax/verifications/999999?format=xlsx", nil, nil); code != 404 {
		t.Fatalf("missing verification: %d", code)
	}

	// Budgets, contracts and 节水贷 candidates.
	monthly := make([]int64, 12)
	monthly[0] = 500
	b := sishui.WaterBudget{Year: 2026, Subject: sishui.BudgetRegion, SubjectID: "371502", AnnualM3: 500, MonthlyM3: monthly, Basis: "entered"}
	if code := f.do(t, "county", "PUT", "/api/v1/budgets", b, &b); code != 200 || b.ID == 0 {
		t.Fatalf("budget: %d", code)
	}
	b.AnnualM3 = 501
	if code := f.do(t, "county", "PUT", "/api/v1/budgets", b, &eb); code != 400 || eb.Error.Field != "monthly_m3" {
		t.Fatalf("bad budget: %d %+v", code, eb)
	}
	var der api.DeriveOutput
	if code := f.do(t, "city", "POST", "/api/v1/budgets/derive", api.DeriveInput{Year: 2026, MajorM3: 1_000_000}, &der); code != 200 || der.Budgets == 0 {
		t.Fatalf("derive: %d %+v", code, der)
	}
	var reps []billing.BudgetReport
	if code := f.do(t, "county", "GET", "/api/v1/budgets/execution?year=2026&month=3", nil, &reps); code != 200 || len(reps) == 0 || len(reps[0].Execution.Months) != 3 {
		t.Fatalf("execution: %d %+v", code, reps)
	}
	if code := f.do(t, "county", "GET", "/api/v1/budgets/execution?year=2026&warn=200&over=100", nil, &eb); code != 400 || eb.Error.Field != "thresholds" {
		t.Fatalf("bad thresholds: %d %+v", code, eb)
	}
	sc := sishui.SavingContract{UserID: f.ent.ID, Company: "节水公司", Model: "guarantee", Sector: "industry", Product: "paper", BaselineYear: 2025, StartYear: 2026, EndYear: 2028, Guaranteed: 100, Price: 50000, FeeFen: 100}
	if code := f.do(t, "city", "POST", "/api/v1/saving-contracts", sc, &sc); code != 201 || sc.ID == 0 {
		t.Fatalf("contract: %d", code)
	}
	if code := f.do(t, "enterprise", "GET", fmt.Sprintf("/api/v1/saving-contracts/%d/savings?year=2026", sc.ID), nil, &eb); code != 400 || eb.Error.Field != "year" {
		t.Fatalf("savings without outputs: %d %+v", code, eb)
	}
	var cands []billing.LoanCandidate
	if code := f.do(t, "city", "GET", "/api/v1/saving-loans/candidates?year=2026", nil, &cands); code != 200 {
		t.Fatalf("candidates: %d", code)
	}
}

// TestAccountPlanByNumber sets account plans (计划用水) by account number, the
// way the billing page does, and lists them with the accounts' own fields.
func TestAccountPlanByNumber(t *testing.T) { onEngines(t, testAccountPlanByNumber) }

func testAccountPlanByNumber(t *testing.T, f *fixture) {
	opened := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	accts := []*sishui.CustomerAccount{
		{Number: "H1", Name: "住户", Region: "371502", Class: "residential", Meter: sishui.MeterIndividual, Opened: opened},
		{Number: "N1", Name: "东昌商贸", Region: "371502", Class: "non_residential", Meter: sishui.MeterIndividual, UserID: f.ent.ID, PlanM3: 100, Opened: opened},
	}
	if code := f.do(t, "county", "POST", "/api/v1/customer-accounts", accts, &accts); code != 200 || accts[1].ID == 0 {
		t.Fatalf("accounts: %d", code)
	}
	var eb api.ErrorBody
	for _, c := range []struct {
		name, user string
		body       map[string]any
		code       int
		field      string
	}{
		{"unknown number", "county", map[string]any{"number": "NOPE", "year": 2026, "plan_m3": 10}, 400, "number"},
		{"another county's account", "county2", map[string]any{"number": "N1", "year": 2026, "plan_m3": 10}, 400, "number"},
		{"residential", "county", map[string]any{"number": "H1", "year": 2026, "plan_m3": 10}, 400, "number"},
		{"negative volume", "county", map[string]any{"number": "N1", "year": 2026, "plan_m3": -1}, 400, "plan_m3"},
		{"no volume", "county", map[string]any{"number": "N1", "year": 2026}, 400, "plan_m3"},
		{"no number", "county", map[string]any{"year": 2026, "plan_m3": 10}, 400, "number"},
		{"bad year", "county", map[string]any{"number": "N1", "year": 26, "plan_m3": 10}, 400, "year"},
		{"fractional volume", "county", map[string]any{"number": "N1", "year": 2026, "plan_m3": 1.5}, 400, "plan_m3"},
		{"enterprise", "enterprise", map[string]any{"number": "N1", "year": 2026, "plan_m3": 10}, 403, ""},
	} {
		eb = api.ErrorBody{}
		if code := f.do(t, c.user, "PUT", "/api/v1/account-plans", c.body, &eb); code != c.code || eb.Error.Field != c.field {
			t.Errorf("%s: %d %+v, want %d %q", c.name, code, eb, c.code, c.field)
		}
	}
	var got sishui.AccountPlan
	if code := f.do(t, "county", "PUT", "/api/v1/account-plans", map[string]any{"number": "N1", "year": 2026, "plan_m3": 12000}, &got); code != 200 || got.Account != accts[1].ID || got.Name != "东昌商贸" {
		t.Fatalf("plan: %d %+v", code, got)
	}
	if code := f.do(t, "city", "PUT", "/api/v1/account-plans", map[string]any{"number": "N1", "year": 2026, "plan_m3": 13000}, nil); code != 200 {
		t.Fatalf("city replaces the plan: %d", code)
	}
	var plans api.List[sishui.AccountPlan]
	if code := f.do(t, "county", "GET", "/api/v1/account-plans?year=2026", nil, &plans); code != 200 || len(plans.Items) != 1 {
		t.Fatalf("plans: %d %+v", code, plans)
	}
	want := sishui.AccountPlan{Account: accts[1].ID, Number: "N1", Year: 2026, PlanM3: 13000, Name: "东昌商贸", Region: "371502", UserID: f.ent.ID}
	if plans.Items[0] != want {
		t.Fatalf("plan listed %+v, want %+v", plans.Items[0], want)
	}
	if code := f.do(t, "county2", "GET", "/api/v1/account-plans?year=2026", nil, &plans); code != 200 || len(plans.Items) != 0 {
		t.Fatalf("county2 sees %d %+v", code, plans)
	}

	// Removing a plan by number: the fields named; an unknown number,
	// another year or another county's account not found; the enterprise
	// refused as for a PUT; then the plan is gone and a second delete 404s.
	if code := f.do(t, "county", "PUT", "/api/v1/account-plans", map[string]any{"number": "N1", "year": 2027, "plan_m3": 14000}, nil); code != 200 {
		t.Fatalf("2027 plan: %d", code)
	}
	for _, c := range []struct {
		name, user, query string
		code              int
		field             string
	}{
		{"no number", "county", "year=2026", 400, "number"},
		{"no year", "county", "number=N1", 400, "year"},
		{"bad year", "county", "number=N1&year=26", 400, "year"},
		{"unknown number", "county", "number=NOPE&year=2026", 404, ""},
		{"no plan that year", "county", "number=N1&year=2028", 404, ""},
		{"another county's account", "county2", "number=N1&year=2026", 404, ""},
		{"residential", "county", "number=H1&year=2026", 404, ""},
		{"enterprise", "enterprise", "number=N1&year=2026", 403, ""},
	} {
		eb = api.ErrorBody{}
		if code := f.do(t, c.user, "DELETE", "/api/v1/account-plans?"+c.query, nil, &eb); code != c.code || eb.Error.Field != c.field {
			t.Errorf("delete, %s: %d %+v, want %d %q", c.name, code, eb, c.code, c.field)
		}
	}
	if code := f.do(t, "county", "DELETE", "/api/v1/account-plans?number=N1&year=2026", nil, nil); code != 204 {
		t.Fatalf("delete the plan: %d", code)
	}
	if code := f.do(t, "county", "GET", "/api/v1/account-plans?year=2026", nil, &plans); code != 200 || len(plans.Items) != 0 {
		t.Fatalf("plans after the delete: %d %+v", code, plans)
	}
	if code := f.do(t, "county", "GET", "/api/v1/account-plans?year=2027", nil, &plans); code != 200 || len(plans.Items) != 1 || plans.Items[0].PlanM3 != 14000 {
		t.Fatalf("2027 plans after deleting 2026's: %d %+v", code, plans)
	}
	if code := f.do(t, "city", "DELETE", "/api/v1/account-plans?number=N1&year=2026", nil, nil); code != 404 {
		t.Fatalf("second delete: %d", code)
	}
	// By account id, on the account's own route.
	byID := fmt.Sprintf("/api/v1/customer-accounts/%d/plans/2027", plans.Items[0].Account)
	if code := f.do(t, "county2", "DELETE", byID, nil, nil); code != 404 {
		t.Fatalf("delete by id from another county: %d", code)
	}
	if code := f.do(t, "county", "DELETE", byID, nil, nil); code != 204 {
		t.Fatalf("delete by id: %d", code)
	}
	if code := f.do(t, "county", "GET", "/api/v1/account-plans?year=2027", nil, &plans); code != 200 || len(plans.Items) != 0 {
		t.Fatalf("2027 plans after the delete by id: %d %+v", code, plans)
	}
	if code := f.do(t, "county", "DELETE", byID, nil, nil); code != 404 {
		t.Fatalf("second delete by id: %d", code)
	}
}

// TestDeleteOutput declares a user's output with a per-permit part and
// removes it through DELETE /api/v1/outputs: the key's fields named, another
// county's user not found, the enterprise's own declaration withdrawn by it, the part
// removed with the declaration.
func TestDeleteOutput(t *testing.T) { onEngines(t, testDeleteOutput) }

func testDeleteOutput(t *testing.T, f *fixture) {
	var permits api.List[sishui.Permit]
	if code := f.do(t, "county", "GET", fmt.Sprintf("/api/v1/permits?user_id=%d&limit=1", f.ent.ID), nil, &permits); code != 200 || len(permits.Items) == 0 {
		t.Fatalf("the enterprise's permits: %d %+v", code, permits)
	}
	decl := sishui.OutputDeclaration{UserID: f.ent.ID, Year: 2026, Sector: "industry", Product: "测试纸", Output: 400}
	part := decl
	part.PermitID, part.Output = permits.Items[0].ID, 100
	for _, o := range []sishui.OutputDeclaration{decl, part} {
		if code := f.do(t, "county", "PUT", "/api/v1/outputs", o, nil); code != 200 {
			t.Fatalf("declare %+v: %d", o, code)
		}
	}
	key := func(user int64, year int, sector, product string) string {
		return fmt.Sprintf("/api/v1/outputs?user_id=%d&year=%d&sector=%s&product=%s", user, year, sector, url.QueryEscape(product))
	}
	var eb api.ErrorBody
	for _, c := range []struct {
		name, user, path string
		code             int
		field            string
	}{
		{"no user", "county", "/api/v1/outputs?year=2026&sector=industry&product=x", 400, "user_id"},
		{"bad user", "county", "/api/v1/outputs?user_id=abc&year=2026&sector=industry&product=x", 400, "user_id"},
		{"no year", "county", fmt.Sprintf("/api/v1/outputs?user_id=%d&sector=industry&product=x", f.ent.ID), 400, "year"},
		{"no sector", "county", fmt.Sprintf("/api/v1/outputs?user_id=%d&year=2026&product=x", f.ent.ID), 400, "sector"},
		{"no product", "county", key(f.ent.ID, 2026, "industry", ""), 400, "product"},
		{"unknown user", "county", key(999_999_999, 2026, "industry", "测试纸"), 404, ""},
		{"another product", "county", key(f.ent.ID, 2026, "industry", "别的纸"), 404, ""},
		{"another county's user", "county2", key(f.ent.ID, 2026, "industry", "测试纸"), 404, ""},
	} {
		eb = api.ErrorBody{}
		if code := f.do(t, c.user, "DELETE", c.path, nil, &eb); code != c.code || eb.Error.Field != c.field {
			t.Errorf("%s: %d %+v, want %d %q", c.name, code, eb, c.code, c.field)
		}
	}
	// The enterprise declares and withdraws its own output.
	own := sishui.OutputDeclaration{UserID: f.ent.ID, Year: 2027, Sector: "industry", Product: "自报纸", Output: 12}
	if code := f.do(t, "enterprise", "PUT", "/api/v1/outputs", own, nil); code != 200 {
		t.Fatalf("the enterprise declares its own output: %d", code)
	}
	if code := f.do(t, "enterprise", "DELETE", key(f.ent.ID, 2027, "industry", "自报纸"), nil, nil); code != 204 {
		t.Fatalf("the enterprise withdraws its own output: %d", code)
	}
	if code := f.do(t, "county", "DELETE", key(f.ent.ID, 2026, "industry", "测试纸"), nil, nil); code != 204 {
		t.Fatalf("delete: %d", code)
	}
	var outs api.List[sishui.OutputDeclaration]
	var parts []sishui.OutputDeclaration
	if code := f.do(t, "county", "GET", "/api/v1/outputs?year=2026", nil, &outs); code != 200 || slices.ContainsFunc(outs.Items, func(o sishui.OutputDeclaration) bool { return o.Product == "测试纸" }) {
		t.Fatalf("outputs after the delete: %d %+v", code, outs)
	}
	if code := f.do(t, "county", "GET", "/api/v1/outputs/permits?year=2026", nil, &parts); code != 200 || slices.ContainsFunc(parts, func(o sishui.OutputDeclaration) bool { return o.Product == "测试纸" }) {
		t.Fatalf("permit parts after the delete: %d %+v", code, parts)
	}
	if code := f.do(t, "city", "DELETE", key(f.ent.ID, 2026, "industry", "测试纸"), nil, nil); code != 404 {
		t.Fatalf("second delete: %d", code)
	}
}

// TestYearListPages pages, searches and sorts a year's account plans and
// declared outputs on the server, as the billing tabs ask for them.
func TestYearListPages(t *testing.T) { onEngines(t, testYearListPages) }

func testYearListPages(t *testing.T, f *fixture) {
	opened := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var accts []*sishui.CustomerAccount
	for i, name := range []string{"甲纸业", "乙化工", "丙纸业", "丁商贸", "戊酒店"} {
		accts = append(accts, &sishui.CustomerAccount{Number: fmt.Sprintf("PG%d", i+1), Name: name, Region: "371502", Class: "non_residential",
			Meter: sishui.MeterIndividual, Opened: opened})
	}
	if code := f.do(t, "county", "POST", "/api/v1/customer-accounts", accts, &accts); code != 200 {
		t.Fatalf("accounts: %d", code)
	}
	for i, a := range accts {
		if code := f.do(t, "county", "PUT", "/api/v1/account-plans", map[string]any{"number": a.Number, "year": 2029, "plan_m3": 1000 * (i%3 + 1)}, nil); code != 200 {
			t.Fatalf("plan %s: %d", a.Number, code)
		}
	}
	numbers := func(l api.List[sishui.AccountPlan]) string {
		var b []string
		for _, p := range l.Items {
			b = append(b, p.Number)
		}
		return strings.Join(b, ",")
	}
	for _, c := range []struct{ query, want string }{
		{"limit=2", "PG1,PG2"},
		{"limit=2&offset=4", "PG5"},
		{"q=纸业", "PG1,PG3"},
		{"q=pg4", "PG4"},
		{"sort=plan_m3&order=desc&limit=3", "PG3,PG5,PG2"}, // 3000, then the two 2000s, ties the same way
		{"sort=name", "PG4,PG3,PG2,PG5,PG1"},               // 丁 丙 乙 戊 甲 in code point order
		{"region=371502&limit=1", "PG1"},
		{"region=371521", ""},
	} {
		var l api.List[sishui.AccountPlan]
		if code := f.do(t, "county", "GET", "/api/v1/account-plans?year=2029&"+c.query, nil, &l); code != 200 || numbers(l) != c.want {
			t.Errorf("plans %s: %d %q, want %q", c.query, code, numbers(l), c.want)
		}
		if wantTotal := map[string]int{"limit=2": 5, "limit=2&offset=4": 5, "q=纸业": 2}[c.query]; wantTotal != 0 && l.Total != wantTotal {
			t.Errorf("plans %s: total %d, want %d", c.query, l.Total, wantTotal)
		}
	}
	// Declared outputs: searched by product or the user's name, sorted by output.
	for i, product := range []string{"铜版纸", "新闻纸", "纸浆"} {
		o := sishui.OutputDeclaration{UserID: f.ent.ID, Year: 2029, Sector: "industry", Product: product, Output: int64(100 * (i + 1))}
		if code := f.do(t, "county", "PUT", "/api/v1/outputs", o, nil); code != 200 {
			t.Fatalf("declare %s: %d", product, code)
		}
	}
	products := func(l api.List[sishui.OutputDeclaration]) string {
		var b []string
		for _, o := range l.Items {
			b = append(b, o.Product)
		}
		return strings.Join(b, ",")
	}
	for _, c := range []struct{ query, want string }{
		{"sort=output&order=desc", "纸浆,新闻纸,铜版纸"},
		{"q=纸&sort=output&limit=2", "铜版纸,新闻纸"},
		{"q=" + url.QueryEscape(f.ent.Name) + "&sort=product", "新闻纸,纸浆,铜版纸"},
		{"q=nothing", ""},
	} {
		var l api.List[sishui.OutputDeclaration]
		if code := f.do(t, "county", "GET", "/api/v1/outputs?year=2029&"+c.query, nil, &l); code != 200 || products(l) != c.want {
			t.Errorf("outputs %s: %d %q, want %q", c.query, code, products(l), c.want)
		}
	}
	var eb api.ErrorBody
	for _, c := range []struct{ path, field string }{
		{"/api/v1/account-plans?year=2029&sort=plan", "sort"},
		{"/api/v1/account-plans", "year"},
		{"/api/v1/outputs?year=2029&sort=name", "sort"},
		{"/api/v1/outputs?year=2029&limit=-1", "limit"},
	} {
		eb = api.ErrorBody{}
		if code := f.do(t, "county", "GET", c.path, nil, &eb); code != 400 || eb.Error.Field != c.field {
			t.Errorf("%s: %d %+v, want 400 naming %s", c.path, code, eb, c.field)
		}
	}
}
