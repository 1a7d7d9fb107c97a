package storetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights"
	"github.com/sishui/sishui/internal/rights/rightssim"
)

// clocked is a store whose clock a test may set.
type clocked interface{ SetNow(func() time.Time) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// setClock sets the store's clock to noon (Beijing evening) of a UTC date; it skips when the store has no clock.
func setClock(t testing.TB, s sishui.Store) func(time.Time) {
	c, ok := s.(clocked)
	if !ok {
		t.Skip("store has no settable clock")
	}
	var mu sync.Mutex
	now := time.Now()
	c.SetNow(func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	return func(d time.Time) { mu.Lock(); now = d.Add(12 * time.Hour); mu.Unlock() }
}

// rightsWorld creates the simulation's holders in the store and returns their store IDs by world ID.
func rightsWorld(t testing.TB, s sishui.Store, w *rightssim.World) map[int64]int64 {
	t.Helper()
	ctx := context.Background()
	ids := map[int64]int64{}
	for _, h := range w.Holders {
		c := *h
		c.ID = 0
		must(t, s.UpsertRightsHolder(ctx, &c))
		ids[h.ID] = c.ID
	}
	for _, src := range w.Sources {
		for _, y := range rightssim.Years {
			must(t, s.SetRightsAllocable(ctx, sishui.RightsAllocable{Source: src.Code, Year: y, VolumeM3: w.AllocableM3}))
		}
	}
	return ids
}

func testRights(t *testing.T, s sishui.Store, db *sql.DB) {
	Seed(t, s)
	at := setClock(t, s)
	ctx := context.Background()
	w := rightssim.NewWorld()
	ids := rightsWorld(t, s, w)
	h := func(code string) int64 {
		for _, x := range w.Holders {
			if x.Code == code {
				return ids[x.ID]
			}
		}
		t.Fatalf("no holder %s", code)
		return 0
	}
	pool, county, county2, permit, supplier := h("pool"), h("region:6"), h("region:7"), h("permit:11"), h("permit:9")
	alloc := func(to int64, v int64) *sishui.RightsTx {
		tx := &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
			{Holder: pool, Source: "yellow_river", Year: 2026, VolumeM3: -v}, {Holder: to, Source: "yellow_river", Year: 2026, VolumeM3: v}}}
		must(t, s.PostRightsTx(ctx, tx))
		return tx
	}
	alloc(county, 10_000_000)
	alloc(county2, 5_000_000)
	a3 := alloc(permit, 400_000)
	alloc(supplier, 900_000)
	wantCode(t, s.PostRightsTx(as(sishui.RoleCounty, CountyA, 0), &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: a3.Entries}), sishui.EFORBIDDEN, "")
	wantCode(t, s.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonTrade, Entries: a3.Entries}), sishui.EINVALID, "reason")
	err := s.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
		{Holder: pool, Source: "yellow_river", Year: 2026, VolumeM3: -500_000_000}, {Holder: county, Source: "yellow_river", Year: 2026, VolumeM3: 500_000_000}}})
	if !errors.Is(err, rights.ErrOverAllocated) {
		t.Fatalf("allocation above the allocable total: %v", err)
	}

	// Regional agreement transfer: listing → notice → approval → registration.
	at(day(2026, 3, 2))
	l := &sishui.Listing{Type: sishui.TradeRegional, Mode: sishui.ModeTransfer, Method: sishui.MethodAgreement, Seller: county, Buyer: county2,
		Source: "yellow_river", VolumeM3: 2_000_000, PriceFen: 45, From: day(2026, 1, 1), To: day(2026, 12, 31)}
	must(t, s.CreateListing(ctx, l))
	over := *l
	over.VolumeM3 = 8_000_001
	if err := s.CreateListing(ctx, &over); !errors.Is(err, rights.ErrOversell) {
		t.Fatalf("overselling listing: %v", err)
	}
	tr, err := s.AcceptAgreement(ctx, l.ID)
	must(t, err)
	if tr.Route != sishui.RouteCity || tr.NoticeTo != day(2026, 3, 13) {
		t.Fatalf("trade %+v", tr)
	}
	board, _, err := s.NoticeBoard(as(sishui.RolePublic, "", 0), sishui.Page{})
	must(t, err)
	if len(board) != 1 || board[0].SellerName != "region:6" {
		t.Fatalf("notice board %+v", board)
	}
	must(t, s.AddObjection(as(sishui.RoleEnterprise, "", 1), &sishui.Objection{Trade: tr.ID, Name: "某村委会", Text: "下游取水受影响"}))
	wantCode(t, s.AddObjection(as(sishui.RolePublic, "", 0), &sishui.Objection{Trade: tr.ID, Name: "x", Text: "y"}), sishui.EUNAUTHORIZED, "")
	_, err = s.DecideTrade(ctx, &sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove})
	wantCode(t, err, sishui.ECONFLICT, "") // in notice
	at(day(2026, 3, 16))
	_, err = s.DecideTrade(as(sishui.RoleCounty, CountyA, 0), &sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove})
	wantCode(t, err, sishui.EFORBIDDEN, "")
	tr, err = s.DecideTrade(as(sishui.RoleCity, "", 0), &sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove, Note: "异议不成立"})
	must(t, err)
	if tr.Status != sishui.TradeSettled {
		t.Fatalf("trade %+v", tr)
	}
	_, err = s.DecideTrade(ctx, &sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove})
	wantCode(t, err, sishui.ECONFLICT, "")

	// Withdrawal-right lease by bidding; a public supplier cannot sell one.
	wl := &sishui.Listing{Type: sishui.TradeWithdrawal, Mode: sishui.ModeLease, Method: sishui.MethodBidding, Seller: permit,
		Source: "yellow_river", VolumeM3: 300_000, PriceFen: 60, From: day(2026, 5, 1), To: day(2026, 10, 31)}
	must(t, s.CreateListing(ctx, wl))
	ps := *wl
	ps.Seller = supplier
	if err := s.CreateListing(ctx, &ps); !errors.Is(err, rights.ErrPublicSupplier) {
		t.Fatalf("public supplier selling: %v", err)
	}
	must(t, s.PlaceBid(ctx, &sishui.Bid{Listing: wl.ID, Buyer: supplier, VolumeM3: 200_000, PriceFen: 70}))
	must(t, s.PlaceBid(ctx, &sishui.Bid{Listing: wl.ID, Buyer: supplier, VolumeM3: 200_000, PriceFen: 80}))
	trades, err := s.CloseBidding(ctx, wl.ID)
	must(t, err)
	if len(trades) != 2 || trades[0].PriceFen != 80 || trades[1].VolumeM3 != 100_000 {
		t.Fatalf("trades %+v", trades)
	}
	at(day(2026, 4, 1))
	_, err = s.DecideTrade(ctx, &sishui.TradeApproval{Trade: trades[0].ID, Decision: sishui.DecisionApprove})
	wantCode(t, err, sishui.EINVALID, "savings_verified")
	for _, x := range trades {
		_, err = s.DecideTrade(as(sishui.RoleCounty, City, 0), &sishui.TradeApproval{Trade: x.ID, Decision: sishui.DecisionApprove, SavingsVerified: true})
		must(t, err)
	}
	bal := func(holder int64, d time.Time) int64 {
		bs, err := s.RightsBalances(ctx, sishui.RightsFilter{Holder: holder, Source: "yellow_river", Year: 2026}, d)
		must(t, err)
		if len(bs) != 1 {
			t.Fatalf("balances of %d: %+v", holder, bs)
		}
		return bs[0].VolumeM3
	}
	for _, c := range []struct {
		holder int64
		d      time.Time
		want   int64
	}{
		{county, day(2026, 6, 1), 8_000_000}, {county2, day(2026, 6, 1), 7_000_000},
		{permit, day(2026, 4, 30), 400_000}, {permit, day(2026, 6, 1), 100_000}, {permit, day(2026, 11, 1), 400_000},
		{supplier, day(2026, 6, 1), 1_200_000}, {supplier, day(2026, 11, 1), 900_000},
	} {
		if got := bal(c.holder, c.d); got != c.want {
			t.Errorf("holder %d on %s: %d, want %d", c.holder, c.d.Format(time.DateOnly), got, c.want)
		}
	}
	// Reversal: once, and only of a direct movement.
	rev := &sishui.RightsTx{Reason: sishui.ReasonCorrection, Reverses: a3.ID, Memo: "wrong permit"}
	if err := s.PostRightsTx(ctx, rev); !errors.Is(err, rights.ErrNegative) {
		t.Fatalf("reversing an allocation partly leased out: %v", err)
	}
	wantCode(t, s.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonCorrection, Reverses: tr.SettleTx}), sishui.EINVALID, "reverses")

	// Scope: an enterprise sees its own holders only; the public sees no balances.
	u := newUser(CountyA, 7)
	must(t, s.CreateWaterUser(ctx, u))
	mine := &sishui.RightsHolder{Code: "permit:own", Kind: sishui.HolderPermit, Name: "自备井", Permit: 99, WaterUser: u.ID, Region: CountyA}
	must(t, s.UpsertRightsHolder(ctx, mine))
	alloc(mine.ID, 1_000)
	ent := as(sishui.RoleEnterprise, "", u.ID)
	bs, err := s.RightsBalances(ent, sishui.RightsFilter{}, time.Time{})
	must(t, err)
	if len(bs) != 1 || bs[0].Holder != mine.ID || bs[0].VolumeM3 != 1_000 {
		t.Fatalf("enterprise balances %+v", bs)
	}
	txs, _, err := s.ListRightsTxs(ent, sishui.RightsFilter{})
	must(t, err)
	if len(txs) != 1 || len(txs[0].Entries) != 2 {
		t.Fatalf("enterprise transactions %+v", txs)
	}
	bs, err = s.RightsBalances(as(sishui.RolePublic, "", 0), sishui.RightsFilter{}, time.Time{})
	must(t, err)
	if len(bs) != 0 {
		t.Fatalf("public balances %+v", bs)
	}
	el := &sishui.Listing{Type: sishui.TradeWithdrawal, Mode: sishui.ModeLease, Method: sishui.MethodBidding, Seller: permit,
		Source: "yellow_river", VolumeM3: 1, PriceFen: 60, From: day(2026, 1, 1), To: day(2026, 1, 31)}
	wantCode(t, s.CreateListing(ent, el), sishui.EFORBIDDEN, "")
	el.Seller = mine.ID
	must(t, s.CreateListing(ent, el))

	// The ledger joined the audit chain, and the chain is whole.
	entries, _, err := s.ListAudit(ctx, sishui.AuditFilter{Entity: "rights_tx"})
	must(t, err)
	if len(entries) < 10 {
		t.Fatalf("%d ledger audit entries", len(entries))
	}
	if seq, err := s.VerifyAudit(ctx); err != nil || seq != 0 {
		t.Fatalf("audit chain broken at %d: %v", seq, err)
	}
	// Verification over the stored ledger.
	if err := verifyRights(ctx, s); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE rights_entries SET volume_m3 = volume_m3 + 1 WHERE id = (SELECT MAX(id) FROM rights_entries)`); err != nil {
		t.Fatal(err)
	}
	if err := verifyRights(ctx, s); !errors.Is(err, rights.ErrUnbalanced) {
		t.Fatalf("verify after tampering: %v", err)
	}
}

// storeTarget drives a store with the simulation's operations.
type storeTarget struct {
	s   sishui.Store
	ids map[int64]int64
	at  func(time.Time)
}

func (st *storeTarget) tr(tx *sishui.RightsTx) {
	for i := range tx.Entries {
		tx.Entries[i].Holder = st.ids[tx.Entries[i].Holder]
	}
}

func (st *storeTarget) Post(tx *sishui.RightsTx) (int64, error) {
	st.tr(tx)
	err := st.s.PostRightsTx(context.Background(), tx)
	return tx.ID, err
}

func (st *storeTarget) Reverse(id int64) (int64, error) {
	tx := &sishui.RightsTx{Reason: sishui.ReasonCorrection, Reverses: id, Memo: "replay"}
	err := st.s.PostRightsTx(context.Background(), tx)
	return tx.ID, err
}

func (st *storeTarget) CreateListing(l *sishui.Listing, today time.Time) (int64, error) {
	st.at(today)
	l.Seller, l.Buyer = st.ids[l.Seller], st.ids[l.Buyer]
	err := st.s.CreateListing(context.Background(), l)
	return l.ID, err
}

func (st *storeTarget) PlaceBid(b *sishui.Bid, today time.Time) error {
	st.at(today)
	b.Buyer = st.ids[b.Buyer]
	return st.s.PlaceBid(context.Background(), b)
}

func (st *storeTarget) CloseBidding(listing int64, today time.Time) ([]int64, error) {
	st.at(today)
	ts, err := st.s.CloseBidding(context.Background(), listing)
	var ids []int64
	for _, t := range ts {
		ids = append(ids, t.ID)
	}
	return ids, err
}

func (st *storeTarget) AcceptAgreement(listing int64, today time.Time) (int64, error) {
	st.at(today)
	t, err := st.s.AcceptAgreement(context.Background(), listing)
	if err != nil {
		return 0, err
	}
	return t.ID, nil
}

func (st *storeTarget) CancelListing(listing int64, today time.Time) error {
	st.at(today)
	return st.s.CancelListing(context.Background(), listing, "replay")
}

func (st *storeTarget) Decide(a *sishui.TradeApproval, role string, today time.Time) error {
	st.at(today)
	_, err := st.s.DecideTrade(as(role, City, 0), a)
	return err
}

// RightsReplayOps is the length of the store replay in the conformance
// suite: 2,000 by default to keep the suite quick; SISHUI_RIGHTS_REPLAY_OPS
// sets it (the 20,000: about 50 s on SQLite and 130 s on PostgreSQL
// on the shared 2-core machine).
func RightsReplayOps() int {
	if n, err := strconv.Atoi(os.Getenv("SISHUI_RIGHTS_REPLAY_OPS")); err == nil && n > 0 {
		return n
	}
	return 2_000
}

// ReplayRights runs n simulated operations through the reference and the
// store, requiring the same outcome for each and the same balances at the end.
func ReplayRights(t testing.TB, s sishui.Store, n int) *rightssim.Runner {
	Seed(t, s)
	st := &storeTarget{s: s, at: setClock(t, s)}
	r := rightssim.NewRunner(7, st)
	st.ids = rightsWorld(t, s, r.W)
	if err := r.Run(n, 0); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	want := map[string]sishui.RightsBalance{}
	for k, b := range r.Balances() {
		if b.VolumeM3 != 0 || b.MinM3 != 0 || b.MaxM3 != 0 {
			want[k] = b
		}
	}
	hs, err := s.ListRightsHolders(ctx)
	must(t, err)
	code := map[int64]string{}
	for _, h := range hs {
		code[h.ID] = h.Code
	}
	got, err := s.RightsBalances(ctx, sishui.RightsFilter{}, time.Time{})
	must(t, err)
	n2 := 0
	for _, b := range got {
		if b.VolumeM3 == 0 && b.MinM3 == 0 && b.MaxM3 == 0 {
			continue
		}
		n2++
		k := fmt.Sprintf("%s/%s/%d", code[b.Holder], b.Source, b.Year)
		w, ok := want[k]
		if !ok || w.VolumeM3 != b.VolumeM3 || w.MinM3 != b.MinM3 || w.MaxM3 != b.MaxM3 {
			t.Errorf("%s: store %+v, reference %+v", k, b, w)
		}
	}
	if n2 != len(want) {
		t.Errorf("store has %d non-zero accounts, reference %d", n2, len(want))
	}
	if err := verifyRights(ctx, s); err != nil {
		t.Fatal(err)
	}
	return r
}

func testRightsReplay(t *testing.T, s sishui.Store, _ *sql.DB) {
	r := ReplayRights(t, s, RightsReplayOps())
	t.Logf("%d ops (%d accepted, %d refused), %d entries, %d settled: same outcomes and balances as the pure run",
		r.Stats.Ops, r.Stats.Accepted, r.Stats.Refused, r.Stats.Entries, r.Stats.Settled)
}

// testRightsConcurrency: 50 buyers bid on one listing at once and ten closers
// race; then two approvals of one trade race. Nothing is oversold and the
// trade settles once.
func testRightsConcurrency(t *testing.T, s sishui.Store, _ *sql.DB) {
	Seed(t, s)
	at := setClock(t, s)
	at(day(2026, 2, 2))
	ctx := context.Background()
	w := rightssim.NewWorld()
	ids := rightsWorld(t, s, w)
	pool, seller := ids[w.Pool.ID], ids[6]
	buyers := []int64{ids[5], ids[7], ids[8]}
	must(t, s.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
		{Holder: pool, Source: "yellow_river", Year: 2026, VolumeM3: -1_000_000}, {Holder: seller, Source: "yellow_river", Year: 2026, VolumeM3: 1_000_000}}}))
	// 50 listings of 100,000 m³ at once from a holder of 1,000,000: exactly ten succeed.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var listed []*sishui.Listing
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := &sishui.Listing{Type: sishui.TradeRegional, Mode: sishui.ModeTransfer, Method: sishui.MethodBidding, Seller: seller,
				Source: "yellow_river", VolumeM3: 100_000, PriceFen: 10, From: day(2026, 1, 1), To: day(2026, 12, 31)}
			err := s.CreateListing(ctx, l)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				listed = append(listed, l)
			case !errors.Is(err, rights.ErrOversell):
				t.Errorf("listing: %v", err)
			}
		}()
	}
	wg.Wait()
	if len(listed) != 10 {
		t.Fatalf("%d listings of 100,000 m³ from 1,000,000 m³", len(listed))
	}
	l := listed[0]
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if err := s.PlaceBid(ctx, &sishui.Bid{Listing: l.ID, Buyer: buyers[i%len(buyers)], VolumeM3: 7_000 + int64(i), PriceFen: 10 + int64(i%7)}); err != nil {
				t.Errorf("bid %d: %v", i, err)
			}
		}(i)
	}
	wg.Wait()
	var closed int
	var trades []*sishui.RightsTrade
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ts, err := s.CloseBidding(ctx, l.ID)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				closed++
				trades = ts
			case sishui.ErrorCode(err) != sishui.ECONFLICT:
				t.Errorf("close: %v", err)
			}
		}()
	}
	wg.Wait()
	var awarded int64
	for _, x := range trades {
		awarded += x.VolumeM3
	}
	if closed != 1 || awarded != l.VolumeM3 {
		t.Fatalf("%d closes succeeded, %d m³ awarded of %d", closed, awarded, l.VolumeM3)
	}
	bids, err := s.ListBids(ctx, l.ID)
	must(t, err)
	var won int64
	for _, b := range bids {
		won += b.AwardedM3
	}
	if len(bids) != 50 || won != l.VolumeM3 {
		t.Fatalf("%d bids, %d m³ awarded", len(bids), won)
	}
	// Two approvals of one trade at once settle it once.
	at(day(2026, 3, 2))
	var settled int
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.DecideTrade(ctx, &sishui.TradeApproval{Trade: trades[0].ID, Decision: sishui.DecisionApprove})
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				settled++
			case sishui.ErrorCode(err) != sishui.ECONFLICT:
				t.Errorf("approve: %v", err)
			}
		}()
	}
	wg.Wait()
	if settled != 1 {
		t.Fatalf("the trade settled %d times", settled)
	}
	aps, err := s.ListTradeApprovals(ctx, trades[0].ID)
	must(t, err)
	if len(aps) != 1 {
		t.Fatalf("%d approvals recorded", len(aps))
	}
	if err := verifyRights(ctx, s); err != nil {
		t.Fatal(err)
	}
}

func verifyRights(ctx context.Context, s sishui.Store) error {
	_, err := s.VerifyRights(ctx)
	return err
}
