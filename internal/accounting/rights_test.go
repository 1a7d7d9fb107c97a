package accounting

import (
	"context"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// TestPermitCapAfterRegionalTrade: a region at its cap buys water from
// another; for the trade's term its effective cap is raised, so 限批 lets a
// new permit through, while the caps table stays as it was.
func TestPermitCapAfterRegionalTrade(t *testing.T) {
	for name, open := range engines(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			clock, ok := st.(interface{ SetNow(func() time.Time) })
			if !ok {
				t.Skip("store has no clock")
			}
			now := time.Now()
			clock.SetNow(func() time.Time { return now })
			year := now.In(sishui.BeijingTime).Year()
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			// The cap sits above the county's permitted total (57.4M m³ in the
			// demo registry), so the use-based rule is the one that refuses.
			must(st.UpsertCap(ctx, &sishui.RegionCap{Region: "371521", Year: year, TotalM3: 100_000_000, GroundwaterM3: 100_000}))
			must(st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: "371521", Source: "surface", Sector: "irrigation", Month: year*100 + 1, VolumeM3: 100_099_999}))
			ps, _, err := st.ListPermits(ctx, sishui.PermitFilter{Region: "371521"})
			if err != nil || len(ps) == 0 {
				t.Fatalf("permits: %v", err)
			}
			p := *ps[0]
			p.ID, p.Number, p.Source, p.AnnualM3, p.MonthlyPlanM3 = 0, "TRADED-1", "surface", 1000, nil
			if err := st.CreatePermit(ctx, &p); sishui.ErrorCode(err) != sishui.ECONFLICT {
				t.Fatalf("at the cap: %v", err)
			}
			holder := func(h sishui.RightsHolder) int64 {
				must(st.UpsertRightsHolder(ctx, &h))
				return h.ID
			}
			pool := holder(sishui.RightsHolder{Code: "pool", Kind: sishui.HolderPool, Name: "pool"})
			holder(sishui.RightsHolder{Code: "escrow", Kind: sishui.HolderEscrow, Name: "escrow"})
			buyer := holder(sishui.RightsHolder{Code: "region:371521", Kind: sishui.HolderRegion, Name: "阳谷县", Region: "371521"})
			seller := holder(sishui.RightsHolder{Code: "region:371522", Kind: sishui.HolderRegion, Name: "莘县", Region: "371522"})
			from, to := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(year+1, 12, 31, 0, 0, 0, 0, time.UTC)
			for _, y := range []int{year, year + 1} {
				must(st.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
					{Holder: pool, Source: "surface", Year: y, VolumeM3: -5_000_000}, {Holder: seller, Source: "surface", Year: y, VolumeM3: 5_000_000}}}))
			}
			l := &sishui.Listing{Type: sishui.TradeRegional, Mode: sishui.ModeTransfer, Method: sishui.MethodAgreement, Seller: seller, Buyer: buyer,
				Source: "surface", VolumeM3: 200_000, PriceFen: 40, From: from, To: to}
			must(st.CreateListing(ctx, l))
			tr, err := st.AcceptAgreement(ctx, l.ID)
			must(err)
			now = tr.NoticeTo.Add(36 * time.Hour)
			_, err = st.DecideTrade(ctx, &sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove})
			must(err)
			shifts, err := st.CapShifts(ctx, now)
			must(err)
			if shifts["371521"].TotalM3() != 200_000 || shifts["371522"].TotalM3() != -200_000 {
				t.Fatalf("cap shifts %+v", shifts)
			}
			p.Number = "TRADED-2"
			if err := st.CreatePermit(ctx, &p); err != nil {
				t.Fatalf("after buying 200,000 m³ the effective cap is 100,200,000: %v", err)
			}
			caps, err := st.ListCaps(ctx, "371521", year)
			must(err)
			if len(caps) != 1 || caps[0].TotalM3 != 100_000_000 {
				t.Fatalf("the caps table was edited: %+v", caps)
			}
		})
	}
}
