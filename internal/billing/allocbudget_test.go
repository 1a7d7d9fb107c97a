package billing

import (
	"encoding/json"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/allocate"
)

func TestBudgetsFromAllocation(t *testing.T) {
	res := &allocate.Result{Scenario: "test", Mode: "monthly", Periods: []allocate.PeriodResult{
		{Period: 0, Month: "2025-12", Demands: []allocate.DemandResult{{Name: "old", Region: "dongchangfu", Sector: "industry", DeliveredM3: 5}}},
		{Period: 1, Month: "2026-01", Demands: []allocate.DemandResult{
			{Name: "a", Region: "dongchangfu", Sector: "industry", DeliveredM3: 100.4},
			{Name: "b", Region: "dongchangfu", Sector: "industry", DeliveredM3: 50.4}, // same region and sector: summed before rounding
			{Name: "c", Region: "371503", Sector: "domestic", DeliveredM3: 10.5}}},
		{Period: 2, Month: "2026-02", Demands: []allocate.DemandResult{{Name: "a", Region: "dongchangfu", Sector: "industry", DeliveredM3: 99.5}}},
	}}
	bs, err := BudgetsFromAllocation(res, 2026, LiaochengCounties)
	must(t, err)
	if len(bs) != 2 || bs[0].SubjectID != "371502" || bs[0].Sector != "industry" || bs[0].MonthlyM3[0] != 151 || bs[0].MonthlyM3[1] != 100 || bs[0].AnnualM3 != 251 ||
		bs[1].SubjectID != "371503" || bs[1].AnnualM3 != 11 || bs[0].Basis != "allocation" {
		b, _ := json.Marshal(bs)
		t.Fatalf("budgets %s", b)
	}
	for _, b := range bs {
		must(t, b.Validate()) // months sum to the annual
	}
	if _, err := BudgetsFromAllocation(res, 2026, nil); sishui.ErrorField(err) != "region_codes" {
		t.Fatalf("unmapped region: %v", err)
	}
	if _, err := BudgetsFromAllocation(res, 2027, LiaochengCounties); sishui.ErrorField(err) != "year" {
		t.Fatalf("no month of the year: %v", err)
	}
	if _, err := BudgetsFromAllocation(nil, 2026, LiaochengCounties); sishui.ErrorField(err) != "result" {
		t.Fatalf("no result: %v", err)
	}
}

// TestListSurplus: a region budget's surplus goes to the rights market as a
// listing of the region's regional right, escrowed by the ledger; more than
// the surplus is refused by field.
func TestListSurplus(t *testing.T) {
	st := openSQLite(t)
	seed(t, st)
	pool := &sishui.RightsHolder{Kind: sishui.HolderPool, Code: "pool", Name: "pool"}
	must(t, st.UpsertRightsHolder(sys, pool))
	must(t, st.UpsertRightsHolder(sys, &sishui.RightsHolder{Kind: sishui.HolderEscrow, Code: "escrow", Name: "escrow"}))
	reg := &sishui.RightsHolder{Kind: sishui.HolderRegion, Code: "region:" + county, Name: "东昌府区", Region: county}
	must(t, st.UpsertRightsHolder(sys, reg))
	must(t, st.SetRightsAllocable(sys, sishui.RightsAllocable{Source: sishui.SourceSurface, Year: 2027, VolumeM3: 1_000_000}))
	must(t, st.PostRightsTx(sys, &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
		{Holder: pool.ID, Source: sishui.SourceSurface, Year: 2027, VolumeM3: -100_000}, {Holder: reg.ID, Source: sishui.SourceSurface, Year: 2027, VolumeM3: 100_000}}}))
	monthly := make([]int64, 12)
	for i := range monthly {
		monthly[i] = 10_000
	}
	b := &sishui.WaterBudget{Year: 2027, Subject: sishui.BudgetRegion, SubjectID: county, Sector: "industry", AnnualM3: 120_000, MonthlyM3: monthly, Basis: "entered"}
	must(t, st.UpsertBudget(sys, b))
	in := SurplusInput{Year: 2027, Budget: b.ID, VolumeM3: 500_000, PriceFen: 50, Method: sishui.MethodBidding, From: day(2027, 4, 1), To: day(2027, 12, 31)}
	if _, err := ListSurplus(sys, st, in, 3); sishui.ErrorField(err) != "volume_m3" {
		t.Fatalf("more than the surplus: %v", err)
	}
	in.VolumeM3 = 0
	if _, err := ListSurplus(sys, st, in, 3); sishui.ErrorField(err) != "source" {
		t.Fatalf("an all-source budget without a source: %v", err)
	}
	in.Source, in.VolumeM3 = sishui.SourceSurface, 50_000
	l, err := ListSurplus(sys, st, in, 3)
	must(t, err)
	if l.ID == 0 || l.Seller != reg.ID || l.Type != sishui.TradeRegional || l.VolumeM3 != 50_000 || l.HoldTx == 0 {
		t.Fatalf("listing %+v", l)
	}
	bal, err := st.RightsBalances(sys, sishui.RightsFilter{Holder: reg.ID}, day(2027, 6, 1))
	must(t, err)
	var left int64
	for _, x := range bal {
		left += x.VolumeM3
	}
	if left != 50_000 {
		t.Fatalf("the region holds %d m³ after escrowing 50,000 of 100,000: %+v", left, bal)
	}
	// The surplus listings are found by their note, with their budget; a
	// plain listing of the same seller is not one of them.
	plain := &sishui.Listing{Type: sishui.TradeRegional, Mode: sishui.ModeTransfer, Method: sishui.MethodBidding, Seller: reg.ID, Source: sishui.SourceSurface,
		VolumeM3: 1_000, PriceFen: 60, From: day(2027, 4, 1), To: day(2027, 12, 31), Note: "plain"}
	must(t, st.CreateListing(sys, plain))
	got, err := SurplusListings(sys, st, 2027)
	must(t, err)
	if len(got) != 1 || got[0].ID != l.ID || got[0].Budget != b.ID || got[0].BudgetYear != 2027 || got[0].Status != sishui.ListingOpen {
		t.Fatalf("surplus listings of 2027: %+v", got)
	}
	if got, err := SurplusListings(sys, st, 2026); err != nil || len(got) != 0 {
		t.Fatalf("surplus listings of 2026: %+v %v", got, err)
	}
}
