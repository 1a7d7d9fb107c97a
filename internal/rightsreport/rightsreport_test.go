package rightsreport_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/report"
	"github.com/sishui/sishui/internal/rightsreport"
	"github.com/sishui/sishui/internal/sqlite"
)

// TestReport: after an allocation in January and a regional transfer settled
// in March, March's report lists the trade as settled (1,000 m³ × 0.45 元 =
// 450 元) and the trade's ledger movements; January's lists the allocation
// only; the annual balances show the buyer's 1,000 m³ at the year's end.
func TestReport(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Date(2026, 1, 5, 2, 0, 0, 0, time.UTC)
	st.SetNow(func() time.Time { return now })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.UpsertRegion(ctx, &sishui.Region{Code: "371500", Name: "聊城市", Level: sishui.LevelCity}))
	must(st.UpsertRegion(ctx, &sishui.Region{Code: "371502", Name: "甲县", Level: sishui.LevelCounty, Parent: "371500"}))
	must(st.UpsertSource(ctx, &sishui.Source{Code: "yellow_river", Name: "引黄水"}))
	holder := func(h sishui.RightsHolder) int64 {
		must(st.UpsertRightsHolder(ctx, &h))
		return h.ID
	}
	pool := holder(sishui.RightsHolder{Code: "pool", Kind: sishui.HolderPool, Name: "pool"})
	holder(sishui.RightsHolder{Code: "escrow", Kind: sishui.HolderEscrow, Name: "escrow"})
	a := holder(sishui.RightsHolder{Code: "region:a", Kind: sishui.HolderRegion, Name: "甲县", Region: "371502"})
	b := holder(sishui.RightsHolder{Code: "region:b", Kind: sishui.HolderRegion, Name: "乙县"})
	must(st.SetRightsAllocable(ctx, sishui.RightsAllocable{Source: "yellow_river", Year: 2026, VolumeM3: 100_000}))
	must(st.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
		{Holder: pool, Source: "yellow_river", Year: 2026, VolumeM3: -10_000}, {Holder: a, Source: "yellow_river", Year: 2026, VolumeM3: 10_000}}}))
	now = time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
	l := &sishui.Listing{Type: sishui.TradeRegional, Mode: sishui.ModeTransfer, Method: sishui.MethodAgreement, Seller: a, Buyer: b,
		Source: "yellow_river", VolumeM3: 1_000, PriceFen: 45, From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}
	must(st.CreateListing(ctx, l))
	tr, err := st.AcceptAgreement(ctx, l.ID)
	must(err)
	now = time.Date(2026, 3, 20, 2, 0, 0, 0, time.UTC)
	_, err = st.DecideTrade(ctx, &sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove})
	must(err)

	table := func(r *report.Report, name string) [][]any {
		t.Helper()
		x := r.Table(name)
		if x == nil {
			t.Fatalf("no table %s", name)
		}
		return x.Rows
	}
	mar, err := rightsreport.Build(ctx, st, report.Monthly, 2026, 3, now)
	must(err)
	if rows := table(mar, "trades"); len(rows) != 1 || rows[0][3] != "甲县" || rows[0][6] != int64(1_000) || rows[0][8] != 4.5*100 || rows[0][12] != "已交割" {
		t.Fatalf("March trades %v", rows)
	}
	if rows := table(mar, "movements"); len(rows) != 2 || rows[0][0] != "挂牌冻结" || rows[1][0] != "转让" || rows[1][2] != int64(1_000) {
		t.Fatalf("March movements %v", rows)
	}
	if mar.Title() != "聊城市 2026年3月 用水权月报" || mar.FileName() != "sishui-rights-monthly-371500-2026-03" {
		t.Fatalf("title %q file %q", mar.Title(), mar.FileName())
	}
	jan, err := rightsreport.Build(ctx, st, report.Monthly, 2026, 1, now)
	must(err)
	if rows := table(jan, "movements"); len(rows) != 1 || rows[0][0] != "初始分配" || len(table(jan, "trades")) != 0 {
		t.Fatalf("January %v %v", rows, table(jan, "trades"))
	}
	year, err := rightsreport.Build(ctx, st, report.Annual, 2026, 0, now)
	must(err)
	var buyer []any
	for _, r := range table(year, "balances") {
		if r[0] == "乙县" {
			buyer = r
		}
	}
	if buyer == nil || buyer[3] != int64(1_000) {
		t.Fatalf("the buyer's year-end balance %v in %v", buyer, table(year, "balances"))
	}
	// The seller's county sees its own holders' movements and trade.
	county := sishui.WithActor(ctx, &sishui.Actor{Username: "county", Role: sishui.RoleCounty, Region: "371502"})
	cm, err := rightsreport.Build(county, st, report.Monthly, 2026, 3, now)
	must(err)
	if rows := table(cm, "movements"); len(rows) != 1 || rows[0][0] != "挂牌冻结" || rows[0][2] != int64(1_000) || len(table(cm, "trades")) != 1 || table(cm, "trades")[0][4] != "乙县" {
		t.Fatalf("county's March %v %v", rows, table(cm, "trades"))
	}
	if _, err := rightsreport.Build(ctx, st, "weekly", 2026, 0, now); sishui.ErrorCode(err) != sishui.EINVALID {
		t.Fatalf("weekly: %v", err)
	}
}
