package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

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

// TestEnterpriseSurplusAPI: an enterprise lists its own budget's surplus on
// the rights market (from its own withdrawal right) and withdraws it; another
// user's budget and a county's budget are refused 403 however valid the
// request, and more than the surplus is a field error.
func TestEnterpriseSurplusAPI(t *testing.T) {
	f := newFixture(t)
	var eb api.ErrorBody
	users, _, err := f.st.ListWaterUsers(context.Background(), sishui.WaterUserFilter{Page: sishui.Page{Limit: 2}})
	if err != nil || len(users) < 2 {
		t.Fatal("two water users needed", err)
	}
	other := users[0]
	if other.ID == f.ent.ID {
		other = users[1]
	}
	holder := func(h sishui.RightsHolder) int64 { return f.holder(t, h) }
	pool := holder(sishui.RightsHolder{Code: "pool", Kind: sishui.HolderPool, Name: "可分配水量"})
	holder(sishui.RightsHolder{Code: "escrow", Kind: sishui.HolderEscrow, Name: "挂牌冻结"})
	reg := holder(sishui.RightsHolder{Code: "region:371502", Kind: sishui.HolderRegion, Name: "东昌府区", Region: "371502"})
	own := holder(sishui.RightsHolder{Code: "permit:ent", Kind: sishui.HolderPermit, Name: f.ent.Name, Region: "371502", Permit: 1, WaterUser: f.ent.ID})
	oth := holder(sishui.RightsHolder{Code: "permit:other", Kind: sishui.HolderPermit, Name: other.Name, Region: other.Region, Permit: 2, WaterUser: other.ID})
	for _, h := range []int64{reg, own, oth} {
		in := api.TxInput{Reason: sishui.ReasonAllocation, Entries: []api.EntryInput{
			{Holder: pool, Source: "yellow_river", Year: 2025, VolumeM3: -500_000}, {Holder: h, Source: "yellow_river", Year: 2025, VolumeM3: 500_000}}}
		if code := f.do(t, "city", "POST", "/api/v1/rights/transactions", in, nil); code != 201 {
			t.Fatalf("allocation to %d: %d", h, code)
		}
	}
	budget := func(subject, id string) int64 {
		t.Helper()
		monthly := make([]int64, 12)
		for i := range monthly {
			monthly[i] = 100_000
		}
		b := sishui.WaterBudget{Year: 2025, Subject: subject, SubjectID: id, AnnualM3: 1_200_000, MonthlyM3: monthly, Basis: "entered"}
		if code := f.do(t, "city", "PUT", "/api/v1/budgets", b, &b); code != 200 || b.ID == 0 {
			t.Fatalf("budget %s %s: %d", subject, id, code)
		}
		return b.ID
	}
	ownB := budget(sishui.BudgetUser, fmt.Sprint(f.ent.ID))
	othB := budget(sishui.BudgetUser, fmt.Sprint(other.ID))
	regB := budget(sishui.BudgetRegion, "371502")
	// Budget year 2025 is complete: the surplus is projected from 12 months.
	in := billing.SurplusInput{Year: 2025, Budget: ownB, VolumeM3: 1_000, PriceFen: 40, Method: sishui.MethodBidding, Source: "yellow_river",
		From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)}
	for _, b := range []int64{othB, regB, 999_999} {
		in.Budget = b
		if code := f.do(t, "enterprise", "POST", "/api/v1/budgets/surplus-listings", in, &eb); code != 403 || eb.Error.Code != sishui.EFORBIDDEN {
			t.Fatalf("an enterprise lists budget %d: %d %+v", b, code, eb)
		}
	}
	in.Budget, in.VolumeM3 = ownB, 100_000_000
	if code := f.do(t, "enterprise", "POST", "/api/v1/budgets/surplus-listings", in, &eb); code != 400 || eb.Error.Field != "volume_m3" {
		t.Fatalf("more than the surplus: %d %+v", code, eb)
	}
	in.VolumeM3 = 1_000
	var l sishui.Listing
	if code := f.do(t, "enterprise", "POST", "/api/v1/budgets/surplus-listings", in, &l); code != 201 || l.Seller != own ||
		l.Type != sishui.TradeWithdrawal || l.VolumeM3 != 1_000 || l.Status != sishui.ListingOpen {
		t.Fatalf("an enterprise lists its own surplus: %d %+v", code, l)
	}
	// The refusals were the enterprise's: staff list the other user's surplus.
	in.Budget = othB
	var lo sishui.Listing
	if code := f.do(t, "city", "POST", "/api/v1/budgets/surplus-listings", in, &lo); code != 201 || lo.Seller != oth {
		t.Fatalf("staff list another user's surplus: %d %+v", code, lo)
	}
	if code := f.do(t, "enterprise", "POST", fmt.Sprintf("/api/v1/rights/listings/%d/cancel", lo.ID), api.ReasonInput{Reason: "not mine"}, &eb); code != 403 {
		t.Fatalf("an enterprise withdraws another's listing: %d %+v", code, eb)
	}
	if code := f.do(t, "enterprise", "POST", fmt.Sprintf("/api/v1/rights/listings/%d/cancel", l.ID), api.ReasonInput{Reason: "used after all"}, nil); code != 204 {
		t.Fatalf("an enterprise withdraws its own listing: %d", code)
	}
	var ls []billing.SurplusListing
	if code := f.do(t, "enterprise", "GET", "/api/v1/budgets/surplus-listings?year=2025", nil, &ls); code != 200 {
		t.Fatalf("surplus listings: %d", code)
	}
	for _, x := range ls {
		if x.ID == l.ID && x.Status != sishui.ListingCancelled {
			t.Fatalf("withdrawn listing %+v", x)
		}
	}
}

// holder creates or updates a rights holder as city staff and returns its id.
func (f *fixture) holder(t *testing.T, h sishui.RightsHolder) int64 {
	t.Helper()
	if code := f.do(t, "city", "PUT", "/api/v1/rights/holders", h, &h); code != 200 {
		t.Fatalf("holder %s: %d", h.Code, code)
	}
	return h.ID
}
