package storetest

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights"
)

// testRightsPermits: a settled withdrawal-right transfer changes both permits
// (seller down, its monthly plan scaled; buyer up), audited, in the settlement;
// a buyer without a permit for the source applies for a new one citing the
// trade, which 限批 waives — once, for at most the traded volume.
func testRightsPermits(t *testing.T, s sishui.Store, db *sql.DB) {
	Seed(t, s)
	at := setClock(t, s)
	ctx := context.Background()
	city := as(sishui.RoleCity, "", 0)
	users := make([]*sishui.WaterUser, 3)
	permits := make([]*sishui.Permit, 3)
	holders := make([]*sishui.RightsHolder, 3)
	for i, src := range []string{sishui.SourceYellowRiver, sishui.SourceYellowRiver, sishui.SourceGroundShallow} {
		users[i] = newUser(CountyA, 20+i)
		must(t, s.CreateWaterUser(ctx, users[i]))
		permits[i] = newPermit(fmt.Sprintf("取水(测)字[2026]第%03d号", i+1), users[i].ID, CountyA, src, []int64{300_000, 100_000, 10_000}[i])
		if i == 0 {
			permits[i].MonthlyPlanM3 = []int64{25_000, 25_000, 25_000, 25_000, 25_000, 25_000, 25_000, 25_000, 25_000, 25_000, 25_000, 25_000}
		}
		must(t, s.CreatePermit(ctx, permits[i]))
		holders[i] = &sishui.RightsHolder{Code: fmt.Sprintf("permit:%d", permits[i].ID), Kind: sishui.HolderPermit, Name: users[i].Name,
			Region: CountyA, Permit: permits[i].ID, WaterUser: users[i].ID}
		must(t, s.UpsertRightsHolder(ctx, holders[i]))
	}
	// Caps set after the permits: 360,000 m³ permitted after the trades, 380,000 the cap.
	for y := 2024; y <= 2036; y++ {
		must(t, s.UpsertCap(ctx, &sishui.RegionCap{Region: CountyA, Year: y, TotalM3: 380_000, GroundwaterM3: 300_000}))
	}
	pool := &sishui.RightsHolder{Code: "pool", Kind: sishui.HolderPool, Name: "pool"}
	must(t, s.UpsertRightsHolder(ctx, pool))
	must(t, s.UpsertRightsHolder(ctx, &sishui.RightsHolder{Code: "escrow", Kind: sishui.HolderEscrow, Name: "escrow"}))
	must(t, s.SetRightsAllocable(ctx, sishui.RightsAllocable{Source: sishui.SourceYellowRiver, Year: 2026, VolumeM3: 1_000_000}))
	must(t, s.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
		{Holder: pool.ID, Source: sishui.SourceYellowRiver, Year: 2026, VolumeM3: -300_000}, {Holder: holders[0].ID, Source: sishui.SourceYellowRiver, Year: 2026, VolumeM3: 300_000}}}))

	trade := func(buyer int64, v int64) *sishui.RightsTrade {
		t.Helper()
		at(day(2026, 3, 2))
		l := &sishui.Listing{Type: sishui.TradeWithdrawal, Mode: sishui.ModeTransfer, Method: sishui.MethodAgreement, Seller: holders[0].ID, Buyer: buyer,
			Source: sishui.SourceYellowRiver, VolumeM3: v, PriceFen: 80, From: day(2026, 4, 1), To: day(2026, 12, 31)}
		must(t, s.CreateListing(ctx, l))
		tr, err := s.AcceptAgreement(ctx, l.ID)
		must(t, err)
		at(day(2026, 3, 30))
		tr, err = s.DecideTrade(city, &sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove, SavingsVerified: true})
		must(t, err)
		return tr
	}
	annual := func(i int) *sishui.Permit {
		p, err := s.GetPermit(ctx, permits[i].ID)
		must(t, err)
		return p
	}

	// Seller down (plan scaled to fit), buyer up; both audited.
	t1 := trade(holders[1].ID, 100_000)
	p0, p1 := annual(0), annual(1)
	var plan int64
	for _, v := range p0.MonthlyPlanM3 {
		plan += v
	}
	if p0.AnnualM3 != 200_000 || plan > 200_000 || plan < 199_990 || p1.AnnualM3 != 200_000 {
		t.Fatalf("after trade %d: seller %d (plan %d), buyer %d", t1.ID, p0.AnnualM3, plan, p1.AnnualM3)
	}
	var n int
	must(t, db.QueryRow(`SELECT COUNT(*) FROM rights_trade_permits WHERE trade_id = `+fmt.Sprint(t1.ID)).Scan(&n))
	if n != 2 {
		t.Fatalf("%d permit changes recorded for trade %d", n, t1.ID)
	}
	audits, _, err := s.ListAudit(ctx, sishui.AuditFilter{Entity: "permit"})
	must(t, err)
	changed := 0
	for _, a := range audits {
		if a.Action == "update" && (a.EntityID == fmt.Sprint(permits[0].ID) || a.EntityID == fmt.Sprint(permits[1].ID)) {
			changed++
		}
	}
	if changed != 2 {
		t.Fatalf("%d permit updates audited, want 2", changed)
	}

	// A buyer whose permit is of another source gets no raise: it applies for a
	// new permit citing the trade, which 限批 lets through.
	t2 := trade(holders[2].ID, 50_000)
	if p := annual(2); p.AnnualM3 != 10_000 || annual(0).AnnualM3 != 150_000 {
		t.Fatalf("after trade %d: buyer %d, seller %d", t2.ID, p.AnnualM3, annual(0).AnnualM3)
	}
	app := func(ref string, v int64) *sishui.PermitApplication {
		return &sishui.PermitApplication{Kind: sishui.ApplicationNew, UserID: users[2].ID, Project: "受让取水权新建取水", Region: CountyA,
			Source: sishui.SourceYellowRiver, Sector: "industry", Purpose: "工业生产", AnnualM3: v, TermYears: 3, IntakeName: "引黄口",
			Lon: 115.98, Lat: 36.45, TradeRef: ref}
	}
	plain := app("", 50_000)
	must(t, s.CreateApplication(city, plain, ""))
	raw, err := s.CheckApplication(city, plain.ID)
	must(t, err)
	if len(refusingRules(t, raw)) == 0 {
		t.Fatalf("without the trade the new permit is let through: %s", raw)
	}
	for _, bad := range []*sishui.PermitApplication{app(fmt.Sprintf("trade:%d", t1.ID), 50_000), app(fmt.Sprintf("trade:%d", t2.ID), 50_001), app("JY-1", 50_000)} {
		err := s.CreateApplication(city, bad, "")
		if err == nil {
			_, err = s.CheckApplication(city, bad.ID)
		}
		wantCode(t, err, sishui.EINVALID, "trade_ref")
	}
	good := app(fmt.Sprintf("trade:%d", t2.ID), 50_000)
	must(t, s.CreateApplication(city, good, ""))
	raw, err = s.CheckApplication(city, good.ID)
	must(t, err)
	var c checkResult
	must(t, json.Unmarshal(raw, &c))
	if len(c.Refusals) != 0 || c.Exception != "rights_trade" || len(c.Waived) == 0 {
		t.Fatalf("the trade's exception: %s", raw)
	}
	step(t, s, city, good.ID, sishui.ApplicationStep{Action: "accept"}, "accepted")
	step(t, s, city, good.ID, sishui.ApplicationStep{Action: "review", Reviewers: []string{"张工"}}, "under_review")
	step(t, s, city, good.ID, sishui.ApplicationStep{Action: "opinion", Reviewer: "张工", Opinion: sishui.OpinionAgree}, "under_review")
	step(t, s, city, good.ID, sishui.ApplicationStep{Action: "approve", Comment: "受让水权"}, "approved")
	a := step(t, s, city, good.ID, sishui.ApplicationStep{Action: "certify", Certificate: "取水(测)字[2026]第900号"}, "certified")
	must(t, db.QueryRow(`SELECT COUNT(*) FROM rights_trade_permits WHERE side = 'buyer' AND trade_id = `+fmt.Sprint(t2.ID)+` AND permit_id = `+fmt.Sprint(a.PermitID)).Scan(&n))
	if n != 1 {
		t.Fatalf("the new permit %d is not recorded against trade %d", a.PermitID, t2.ID)
	}
	// The trade's water is in a permit now: it cannot be cited again.
	again := app(fmt.Sprintf("trade:%d", t2.ID), 10_000)
	err = s.CreateApplication(city, again, "")
	if err == nil {
		_, err = s.CheckApplication(city, again.ID)
	}
	wantCode(t, err, sishui.EINVALID, "trade_ref")
	if seq, err := s.VerifyAudit(ctx); err != nil || seq != 0 {
		t.Fatalf("audit chain broken at %d: %v", seq, err)
	}
}

// BenchWithdrawalSettle measures a withdrawal-right transfer from listing to
// settlement with both permits changed (no public notice): b.N trades of 1 m³.
func BenchWithdrawalSettle(b *testing.B, open func(testing.TB) (sishui.Store, *sql.DB)) {
	s, _ := open(b)
	Seed(b, s)
	ctx := context.Background()
	r, ok := s.(interface {
		RightsRules() rights.Config
		SetRightsRules(rights.Config) error
	})
	if !ok {
		b.Skip("store without rights rules")
	}
	c := r.RightsRules()
	c.NoticeWorkingDays = 0
	must(b, r.SetRightsRules(c))
	if cl, ok := s.(clocked); ok {
		now := time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
		cl.SetNow(func() time.Time { return now })
	}
	var hs [2]int64
	for i := range hs {
		u := newUser(CountyA, 40+i)
		must(b, s.CreateWaterUser(ctx, u))
		p := newPermit(fmt.Sprintf("取水(基准)字第%d号", i), u.ID, CountyA, sishui.SourceYellowRiver, 100_000_000)
		must(b, s.CreatePermit(ctx, p))
		h := &sishui.RightsHolder{Code: fmt.Sprintf("permit:%d", p.ID), Kind: sishui.HolderPermit, Name: u.Name, Region: CountyA, Permit: p.ID, WaterUser: u.ID}
		must(b, s.UpsertRightsHolder(ctx, h))
		hs[i] = h.ID
	}
	pool := &sishui.RightsHolder{Code: "pool", Kind: sishui.HolderPool, Name: "pool"}
	must(b, s.UpsertRightsHolder(ctx, pool))
	must(b, s.UpsertRightsHolder(ctx, &sishui.RightsHolder{Code: "escrow", Kind: sishui.HolderEscrow, Name: "escrow"}))
	must(b, s.SetRightsAllocable(ctx, sishui.RightsAllocable{Source: sishui.SourceYellowRiver, Year: 2026, VolumeM3: 100_000_000}))
	must(b, s.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
		{Holder: pool.ID, Source: sishui.SourceYellowRiver, Year: 2026, VolumeM3: -100_000_000}, {Holder: hs[0], Source: sishui.SourceYellowRiver, Year: 2026, VolumeM3: 100_000_000}}}))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l := &sishui.Listing{Type: sishui.TradeWithdrawal, Mode: sishui.ModeTransfer, Method: sishui.MethodAgreement, Seller: hs[0], Buyer: hs[1],
			Source: sishui.SourceYellowRiver, VolumeM3: 1, PriceFen: 80, From: day(2026, 4, 1), To: day(2026, 12, 31)}
		must(b, s.CreateListing(ctx, l))
		tr, err := s.AcceptAgreement(ctx, l.ID)
		must(b, err)
		_, err = s.DecideTrade(ctx, &sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove, SavingsVerified: true})
		must(b, err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "trades/s")
}
