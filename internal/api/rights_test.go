package api_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/rights"
)

// TestRightsAPI walks a regional agreement transfer from allocation through
// listing, public notice, objection and approval to settlement over HTTP,
// with the refusals, scoping and the effective caps.
func TestRightsAPI(t *testing.T) {
	f := newFixture(t)
	clock, ok := f.st.(interface{ SetNow(func() time.Time) })
	if !ok {
		t.Fatal("store has no clock")
	}
	now := time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
	clock.SetNow(func() time.Time { return now })
	holder := func(h sishui.RightsHolder) int64 { return f.holder(t, h) }
	pool := holder(sishui.RightsHolder{Code: "pool", Kind: sishui.HolderPool, Name: "可分配水量"})
	holder(sishui.RightsHolder{Code: "escrow", Kind: sishui.HolderEscrow, Name: "挂牌冻结"})
	a := holder(sishui.RightsHolder{Code: "region:371502", Kind: sishui.HolderRegion, Name: "东昌府区", Region: "371502"})
	b := holder(sishui.RightsHolder{Code: "region:371522", Kind: sishui.HolderRegion, Name: "莘县", Region: "371522"})
	own := holder(sishui.RightsHolder{Code: "permit:ent", Kind: sishui.HolderPermit, Name: f.ent.Name, Region: "371502", Permit: 1, WaterUser: f.ent.ID})
	for _, x := range []struct {
		h int64
		v int64
	}{{a, 10_000_000}, {own, 50_000}} {
		in := api.TxInput{Reason: sishui.ReasonAllocation, Entries: []api.EntryInput{
			{Holder: pool, Source: "yellow_river", Year: 2026, VolumeM3: -x.v}, {Holder: x.h, Source: "yellow_river", Year: 2026, VolumeM3: x.v}}}
		if code := f.do(t, "county", "POST", "/api/v1/rights/transactions", in, nil); code != 403 {
			t.Fatalf("county allocation: %d", code)
		}
		if code := f.do(t, "city", "POST", "/api/v1/rights/transactions", in, nil); code != 201 {
			t.Fatalf("allocation: %d", code)
		}
	}
	var bals []sishui.RightsBalance
	var e api.ErrorBody
	if code := f.do(t, "", "GET", "/api/v1/rights/balances", nil, &e); code != 401 {
		t.Fatalf("anonymous balances: %d", code)
	}
	if code := f.do(t, "enterprise", "GET", "/api/v1/rights/balances?year=2026", nil, &bals); code != 200 || len(bals) != 1 || bals[0].Holder != own || bals[0].VolumeM3 != 50_000 {
		t.Fatalf("enterprise balances %d %+v", code, bals)
	}
	listing := api.ListingInput{Type: sishui.TradeRegional, Mode: sishui.ModeTransfer, Method: sishui.MethodAgreement, Seller: a, Buyer: b,
		Source: "yellow_river", VolumeM3: 2_000_000, PriceFen: 45, From: "2026-01-01", To: "2026-12-31"}
	bad := listing
	bad.From = "2026/01/01"
	if code := f.do(t, "city", "POST", "/api/v1/rights/listings", bad, &e); code != 400 || e.Error.Field != "from" {
		t.Fatalf("bad date: %d %+v", code, e)
	}
	bad = listing
	bad.VolumeM3 = 10_000_001
	if code := f.do(t, "city", "POST", "/api/v1/rights/listings", bad, &e); code != 409 {
		t.Fatalf("oversell: %d %+v", code, e)
	}
	if code := f.do(t, "enterprise", "POST", "/api/v1/rights/listings", listing, &e); code != 403 {
		t.Fatalf("enterprise selling a county's water: %d", code)
	}
	var l sishui.Listing
	if code := f.do(t, "county", "POST", "/api/v1/rights/listings", listing, &l); code != 201 || l.Status != sishui.ListingOpen {
		t.Fatalf("listing: %d %+v", code, l)
	}
	var tr sishui.RightsTrade
	if code := f.do(t, "county2", "POST", fmt.Sprintf("/api/v1/rights/listings/%d/accept", l.ID), nil, &tr); code != 201 || tr.Status != sishui.TradeNotice {
		t.Fatalf("accept: %d %+v", code, tr)
	}
	var board api.List[*sishui.RightsTrade]
	if code := f.do(t, "", "GET", "/api/v1/rights/notices", nil, &board); code != 200 || board.Total != 1 || board.Items[0].SellerName != "东昌府区" {
		t.Fatalf("notice board: %d %+v", code, board)
	}
	obj := sishui.Objection{Name: "下游用水户", Text: "影响灌溉"}
	if code := f.do(t, "", "POST", fmt.Sprintf("/api/v1/rights/notices/%d/objections", tr.ID), obj, nil); code != 401 {
		t.Fatalf("anonymous objection: %d", code)
	}
	if code := f.do(t, "enterprise", "POST", fmt.Sprintf("/api/v1/rights/notices/%d/objections", tr.ID), obj, nil); code != 201 {
		t.Fatalf("objection: %d", code)
	}
	var objs []*sishui.Objection
	if code := f.do(t, "", "GET", fmt.Sprintf("/api/v1/rights/notices/%d/objections", tr.ID), nil, &objs); code != 200 || len(objs) != 1 {
		t.Fatalf("objections: %d %+v", code, objs)
	}
	approve := api.DecisionInput{Decision: sishui.DecisionApprove, Note: "异议不成立"}
	path := fmt.Sprintf("/api/v1/rights/trades/%d/approvals", tr.ID)
	if code := f.do(t, "city", "POST", path, approve, &e); code != 409 {
		t.Fatalf("approval during notice: %d", code)
	}
	now = time.Date(2026, 3, 16, 2, 0, 0, 0, time.UTC)
	if code := f.do(t, "county", "POST", path, approve, &e); code != 403 {
		t.Fatalf("county approving a regional trade: %d", code)
	}
	if code := f.do(t, "city", "POST", path, approve, &tr); code != 200 || tr.Status != sishui.TradeSettled {
		t.Fatalf("approval: %d %+v", code, tr)
	}
	if code := f.do(t, "city", "POST", path, approve, &e); code != 409 {
		t.Fatalf("second approval: %d", code)
	}
	if code := f.do(t, "county2", "GET", "/api/v1/rights/balances?year=2026&day=2026-06-01", nil, &bals); code != 200 || len(bals) != 1 || bals[0].VolumeM3 != 2_000_000 {
		t.Fatalf("buyer balance: %d %+v", code, bals)
	}
	var caps []rights.EffectiveCap
	if code := f.do(t, "city", "GET", "/api/v1/rights/caps?day=2026-06-01", nil, &caps); code != 200 {
		t.Fatalf("caps: %d", code)
	}
	got := map[string]rights.EffectiveCap{}
	for _, c := range caps {
		got[c.Region] = c
	}
	if c := got["371502"]; c.OwnM3 <= 0 || c.SoldM3 != 2_000_000 || c.EffectiveM3 != c.OwnM3-2_000_000 {
		t.Fatalf("seller caps %+v", c)
	}
	if c := got["371522"]; c.EffectiveM3 != c.OwnM3+2_000_000 {
		t.Fatalf("buyer caps %+v", c)
	}
	var txs api.List[*sishui.RightsTx]
	if code := f.do(t, "auditor", "GET", "/api/v1/rights/entries?holder="+fmt.Sprint(b), nil, &txs); code != 200 || txs.Total != 1 || txs.Items[0].Reason != sishui.ReasonTrade {
		t.Fatalf("entries: %d %+v", code, txs)
	}
	if _, err := f.st.VerifyRights(context.Background()); err != nil {
		t.Fatal(err)
	}
}
