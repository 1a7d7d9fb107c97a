package rights_test

import (
	"errors"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights"
)

func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }

// market is a small city: pool, escrow, reserve, buy-back, two counties (one
// over-extracted), three permits (one a public supplier, one ecological)
// and two irrigation collectives, all allocated for 2026.
type market struct {
	*rights.Book
	pool, escrow, reserve, buyback, countyA, countyB, factory, supplier, eco, village1, village2 *sishui.RightsHolder
}

func newMarket(t *testing.T) *market {
	t.Helper()
	m := &market{}
	id := int64(0)
	h := func(kind, code string, f func(*sishui.RightsHolder)) *sishui.RightsHolder {
		id++
		x := &sishui.RightsHolder{ID: id, Kind: kind, Code: code, Name: code}
		if f != nil {
			f(x)
		}
		if err := x.Validate(); err != nil && kind != sishui.HolderPermit {
			t.Fatal(err)
		}
		return x
	}
	m.pool = h(sishui.HolderPool, "pool", nil)
	m.escrow = h(sishui.HolderEscrow, "escrow", nil)
	m.Book = rights.NewBook(rights.DefaultConfig(), m.escrow, []rights.SourceInfo{{Code: "yellow_river"}, {Code: "ground_shallow", Groundwater: true}})
	m.reserve = h(sishui.HolderReserve, "reserve", nil)
	m.buyback = h(sishui.HolderBuyback, "buyback", nil)
	m.countyA = h(sishui.HolderRegion, "region:371502", nil)
	m.countyB = h(sishui.HolderRegion, "region:371522", func(x *sishui.RightsHolder) { x.OverExtraction = true })
	m.factory = h(sishui.HolderPermit, "permit:1", func(x *sishui.RightsHolder) { x.Permit = 1 })
	m.supplier = h(sishui.HolderPermit, "permit:2", func(x *sishui.RightsHolder) { x.Permit, x.PublicSupplier = 2, true })
	m.eco = h(sishui.HolderRegion, "region:eco", func(x *sishui.RightsHolder) { x.Ecological = true })
	m.village1 = h(sishui.HolderCollective, "collective:1", nil)
	m.village2 = h(sishui.HolderCollective, "collective:2", nil)
	for _, x := range []*sishui.RightsHolder{m.pool, m.reserve, m.buyback, m.countyA, m.countyB, m.factory, m.supplier, m.eco, m.village1, m.village2} {
		m.Ledger.AddHolder(x)
	}
	for _, a := range []struct {
		h   *sishui.RightsHolder
		src string
		v   int64
	}{
		{m.countyA, "yellow_river", 10_000_000}, {m.countyA, "ground_shallow", 2_000_000}, {m.countyB, "yellow_river", 8_000_000},
		{m.factory, "yellow_river", 500_000}, {m.supplier, "yellow_river", 900_000}, {m.eco, "yellow_river", 300_000},
		{m.village1, "yellow_river", 200_000}, {m.village2, "yellow_river", 100_000}, {m.reserve, "yellow_river", 1_000_000},
	} {
		must(t, m.Post(&sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
			{Holder: m.pool.ID, Source: a.src, Year: 2026, VolumeM3: -a.v}, {Holder: a.h.ID, Source: a.src, Year: 2026, VolumeM3: a.v}}}))
	}
	return m
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantErr(t *testing.T, err error, code string, is error) {
	t.Helper()
	if sishui.ErrorCode(err) != code {
		t.Fatalf("error %v: code %q, want %q", err, sishui.ErrorCode(err), code)
	}
	if is != nil && !errors.Is(err, is) {
		t.Fatalf("error %v is not %v", err, is)
	}
}

func (m *market) bal(t *testing.T, h *sishui.RightsHolder, day time.Time) int64 {
	t.Helper()
	if err := m.Ledger.Verify(); err != nil {
		t.Fatal(err)
	}
	if err := m.CheckEscrow(); err != nil {
		t.Fatal(err)
	}
	return m.Ledger.Balance(h.ID, "yellow_river", day)
}

func TestRegionalTransferByAgreement(t *testing.T) {
	m := newMarket(t)
	l := &sishui.Listing{Type: sishui.TradeRegional, Mode: sishui.ModeTransfer, Method: sishui.MethodAgreement, Seller: m.countyA.ID, Buyer: m.countyB.ID,
		Source: "yellow_river", VolumeM3: 3_000_000, PriceFen: 45, From: d(2026, 1, 1), To: d(2026, 12, 31)}
	must(t, m.CreateListing(l))
	if got := m.bal(t, m.countyA, d(2026, 6, 1)); got != 7_000_000 {
		t.Fatalf("seller after listing: %d", got)
	}
	tr, err := m.AcceptAgreement(l.ID, d(2026, 3, 2))
	must(t, err)
	if tr.Route != sishui.RouteCity || tr.AmountFen != 3_000_000*45 || tr.NoticeTo != d(2026, 3, 13) {
		t.Fatalf("trade %+v", tr)
	}
	_, err = m.Decide(&sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove}, sishui.RoleCity, d(2026, 3, 13))
	wantErr(t, err, sishui.ECONFLICT, nil) // still in notice
	_, err = m.Decide(&sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove}, sishui.RoleCounty, d(2026, 3, 16))
	wantErr(t, err, sishui.EFORBIDDEN, nil) // regional trades are the city's
	tr, err = m.Decide(&sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove}, sishui.RoleCity, d(2026, 3, 16))
	must(t, err)
	if tr.Status != sishui.TradeSettled || tr.SettleTx == 0 {
		t.Fatalf("trade %+v", tr)
	}
	if a, b := m.bal(t, m.countyA, d(2026, 6, 1)), m.bal(t, m.countyB, d(2026, 6, 1)); a != 7_000_000 || b != 11_000_000 {
		t.Fatalf("balances %d %d", a, b)
	}
	_, err = m.Decide(&sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove}, sishui.RoleCity, d(2026, 3, 17))
	wantErr(t, err, sishui.ECONFLICT, nil) // settles once
	caps := rights.DefaultConfig().EffectiveCaps([]*sishui.RegionCap{{Region: "371502", Year: 2026, TotalM3: 50_000_000}, {Region: "371522", Year: 2026, TotalM3: 40_000_000}},
		[]*sishui.RightsTrade{tr}, map[int64]string{m.countyA.ID: "371502", m.countyB.ID: "371522"}, d(2026, 7, 1))
	if caps[0].EffectiveM3 != 47_000_000 || caps[1].EffectiveM3 != 43_000_000 || caps[0].OwnM3 != 50_000_000 {
		t.Fatalf("effective caps %+v", caps)
	}
	seller := rights.DefaultConfig()
	seller.UseCountedOn = "seller"
	if c := seller.EffectiveCaps([]*sishui.RegionCap{{Region: "371502", Year: 2026, TotalM3: 50_000_000}}, []*sishui.RightsTrade{tr},
		map[int64]string{m.countyA.ID: "371502"}, d(2026, 7, 1)); c[0].EffectiveM3 != 50_000_000 {
		t.Fatalf("counted on the seller: %+v", c)
	}
}

func TestWithdrawalLeaseByBidding(t *testing.T) {
	m := newMarket(t)
	// A leased half year: May to October.
	l := &sishui.Listing{Type: sishui.TradeWithdrawal, Mode: sishui.ModeLease, Method: sishui.MethodBidding, Seller: m.factory.ID,
		Source: "yellow_river", VolumeM3: 300_000, PriceFen: 60, From: d(2026, 5, 1), To: d(2026, 10, 31)}
	bad := *l
	bad.VolumeM3 = 500_001
	wantErr(t, m.CreateListing(&bad), sishui.ECONFLICT, rights.ErrOversell)
	must(t, m.CreateListing(l))
	second := *l
	second.VolumeM3 = 200_001 // only 200,000 left unsold for the period
	wantErr(t, m.CreateListing(&second), sishui.ECONFLICT, rights.ErrOversell)
	bids := []*sishui.Bid{
		{Listing: l.ID, Buyer: m.supplier.ID, VolumeM3: 200_000, PriceFen: 70},
		{Listing: l.ID, Buyer: m.supplier.ID, VolumeM3: 200_000, PriceFen: 80}, // highest: first
		{Listing: l.ID, Buyer: m.supplier.ID, VolumeM3: 200_000, PriceFen: 70}, // same price, later: loses to the first 70
	}
	for _, b := range bids {
		must(t, m.PlaceBid(b))
	}
	wantErr(t, m.PlaceBid(&sishui.Bid{Listing: l.ID, Buyer: m.supplier.ID, VolumeM3: 1, PriceFen: 59}), sishui.EINVALID, nil)
	wantErr(t, m.PlaceBid(&sishui.Bid{Listing: l.ID, Buyer: m.factory.ID, VolumeM3: 1, PriceFen: 90}), sishui.EINVALID, nil)
	trades, err := m.CloseBidding(l.ID, d(2026, 4, 1))
	must(t, err)
	if len(trades) != 2 || trades[0].PriceFen != 80 || trades[0].VolumeM3 != 200_000 || trades[1].Bid != bids[0].ID || trades[1].VolumeM3 != 100_000 {
		t.Fatalf("trades %+v %+v", trades[0], trades[1])
	}
	if bids[2].Status != sishui.BidLost {
		t.Fatalf("later bid at the same price: %+v", bids[2])
	}
	_, err = m.CloseBidding(l.ID, d(2026, 4, 1))
	wantErr(t, err, sishui.ECONFLICT, nil)
	_, err = m.Decide(&sishui.TradeApproval{Trade: trades[0].ID, Decision: sishui.DecisionApprove}, sishui.RoleCounty, d(2026, 4, 20))
	wantErr(t, err, sishui.EINVALID, nil) // savings not verified on site
	for _, tr := range trades {
		_, err = m.Decide(&sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove, SavingsVerified: true}, sishui.RoleCounty, d(2026, 4, 20))
		must(t, err)
	}
	for _, c := range []struct {
		day           time.Time
		seller, buyer int64
	}{
		{d(2026, 4, 30), 500_000, 900_000},
		{d(2026, 5, 1), 200_000, 1_200_000},
		{d(2026, 10, 31), 200_000, 1_200_000},
		{d(2026, 11, 1), 500_000, 900_000}, // the lease has returned by itself
	} {
		if s, b := m.bal(t, m.factory, c.day), m.bal(t, m.supplier, c.day); s != c.seller || b != c.buyer {
			t.Errorf("%s: seller %d buyer %d, want %d %d", c.day.Format(time.DateOnly), s, b, c.seller, c.buyer)
		}
	}
}

func TestIrrigationTradesAndBuyback(t *testing.T) {
	m := newMarket(t)
	short := &sishui.Listing{Type: sishui.TradeIrrigation, Mode: sishui.ModeTransfer, Method: sishui.MethodAgreement, Seller: m.village1.ID, Buyer: m.village2.ID,
		Source: "yellow_river", VolumeM3: 50_000, PriceFen: 20, From: d(2026, 3, 1), To: d(2026, 8, 31)}
	must(t, m.CreateListing(short))
	tr, err := m.AcceptAgreement(short.ID, d(2026, 2, 2))
	must(t, err)
	if tr.Route != sishui.RouteNone {
		t.Fatalf("short irrigation trade route %s", tr.Route)
	}
	_, err = m.Decide(&sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove}, sishui.RoleCounty, d(2026, 2, 20))
	must(t, err)
	if b := m.bal(t, m.village2, d(2026, 5, 1)); b != 150_000 {
		t.Fatalf("buyer %d", b)
	}
	// Government buy-back of village 1's remaining right, then resale by bidding.
	buy := &sishui.RightsTx{Reason: sishui.ReasonBuyback, Entries: []sishui.RightsEntry{
		{Holder: m.village1.ID, Source: "yellow_river", Year: 2026, VolumeM3: -100_000}, {Holder: m.buyback.ID, Source: "yellow_river", Year: 2026, VolumeM3: 100_000}}}
	must(t, m.Post(buy))
	long := &sishui.Listing{Type: sishui.TradeIrrigation, Mode: sishui.ModeTransfer, Method: sishui.MethodBidding, Seller: m.buyback.ID,
		Source: "yellow_river", VolumeM3: 100_000, PriceFen: 25, From: d(2026, 1, 1), To: d(2027, 6, 30)}
	wantErr(t, m.CreateListing(long), sishui.ECONFLICT, rights.ErrOversell) // nothing allocated for 2027
	long.To = d(2026, 12, 31)
	must(t, m.CreateListing(long))
	must(t, m.PlaceBid(&sishui.Bid{Listing: long.ID, Buyer: m.village2.ID, VolumeM3: 60_000, PriceFen: 25}))
	trades, err := m.CloseBidding(long.ID, d(2026, 2, 2))
	must(t, err)
	if len(trades) != 1 || m.bal(t, m.buyback, d(2026, 6, 1)) != 40_000 {
		t.Fatalf("unsold volume did not return to the buy-back account: %d", m.bal(t, m.buyback, d(2026, 6, 1)))
	}
	// A correction reverses the buy-back only while the water is unsold.
	_, err = m.Reverse(buy, "entered twice")
	wantErr(t, err, sishui.ECONFLICT, rights.ErrNegative)
	// Refused trade: the water returns to the seller.
	tr2, err := m.Decide(&sishui.TradeApproval{Trade: trades[0].ID, Decision: sishui.DecisionReject, Note: "objection upheld"}, sishui.RoleCounty, d(2026, 2, 3))
	must(t, err)
	if tr2.Status != sishui.TradeRejected || m.bal(t, m.buyback, d(2026, 6, 1)) != 100_000 {
		t.Fatalf("after refusal: %+v, %d", tr2, m.bal(t, m.buyback, d(2026, 6, 1)))
	}
	rev, err := m.Reverse(buy, "entered twice")
	must(t, err)
	if m.bal(t, m.village1, d(2026, 6, 1)) != 150_000 || m.bal(t, m.village1, d(2026, 12, 1)) != 200_000 {
		t.Fatal("reversal did not restore the village")
	}
	_, err = m.Reverse(buy, "again")
	wantErr(t, err, sishui.ECONFLICT, rights.ErrReversed)
	_, err = m.Reverse(rev, "reverse the reversal")
	wantErr(t, err, sishui.EINVALID, nil)
}

func TestLongIrrigationTradeIsFiled(t *testing.T) {
	m := newMarket(t)
	must(t, m.Post(&sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
		{Holder: m.pool.ID, Source: "yellow_river", Year: 2027, VolumeM3: -200_000}, {Holder: m.village1.ID, Source: "yellow_river", Year: 2027, VolumeM3: 200_000}}}))
	l := &sishui.Listing{Type: sishui.TradeIrrigation, Mode: sishui.ModeLease, Method: sishui.MethodAgreement, Seller: m.village1.ID, Buyer: m.factory.ID,
		Source: "yellow_river", VolumeM3: 80_000, PriceFen: 30, From: d(2026, 7, 1), To: d(2027, 7, 31)}
	must(t, m.CreateListing(l))
	tr, err := m.AcceptAgreement(l.ID, d(2026, 6, 1))
	must(t, err)
	if tr.Route != sishui.RouteFiled {
		t.Fatalf("route %s", tr.Route)
	}
	_, err = m.Decide(&sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove}, sishui.RoleCounty, d(2026, 6, 30))
	wantErr(t, err, sishui.EINVALID, nil)
	_, err = m.Decide(&sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionFile}, sishui.RoleCounty, d(2026, 6, 30))
	must(t, err)
	for _, c := range []struct {
		day  time.Time
		want int64
	}{{d(2026, 6, 30), 500_000}, {d(2026, 7, 1), 580_000}, {d(2027, 7, 31), 80_000}, {d(2027, 8, 1), 0}} {
		if got := m.Ledger.Balance(m.factory.ID, "yellow_river", c.day); got != c.want {
			t.Errorf("%s: %d, want %d", c.day.Format(time.DateOnly), got, c.want)
		}
	}
	must(t, m.Ledger.Verify())
}

func TestRefusals(t *testing.T) {
	m := newMarket(t)
	base := sishui.Listing{Type: sishui.TradeRegional, Mode: sishui.ModeTransfer, Method: sishui.MethodBidding, Seller: m.countyA.ID,
		Source: "yellow_river", VolumeM3: 1_000, PriceFen: 10, From: d(2026, 1, 1), To: d(2026, 12, 31)}
	for _, tc := range []struct {
		name string
		edit func(*sishui.Listing)
		code string
		is   error
	}{
		{"more than unsold", func(l *sishui.Listing) { l.VolumeM3 = 10_000_001 }, sishui.ECONFLICT, rights.ErrOversell},
		{"ecological water", func(l *sishui.Listing) { l.Seller = m.eco.ID }, sishui.ECONFLICT, rights.ErrEcological},
		{"groundwater into an over-extraction area", func(l *sishui.Listing) {
			l.Source, l.Method, l.Buyer = "ground_shallow", sishui.MethodAgreement, m.countyB.ID
		}, sishui.ECONFLICT, rights.ErrOverExtraction},
		{"public supplier's withdrawal right", func(l *sishui.Listing) { l.Type, l.Seller = sishui.TradeWithdrawal, m.supplier.ID }, sishui.ECONFLICT, rights.ErrPublicSupplier},
		{"permit in a regional trade", func(l *sishui.Listing) { l.Seller = m.factory.ID }, sishui.EINVALID, nil},
		{"term too long", func(l *sishui.Listing) { l.To = d(2036, 1, 1) }, sishui.EINVALID, nil},
		{"no volume", func(l *sishui.Listing) { l.VolumeM3 = 0 }, sishui.EINVALID, nil},
		{"agreement without buyer", func(l *sishui.Listing) { l.Method = sishui.MethodAgreement }, sishui.EINVALID, nil},
		{"unknown source", func(l *sishui.Listing) { l.Source = "moon" }, sishui.EINVALID, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := base
			tc.edit(&l)
			wantErr(t, m.CreateListing(&l), tc.code, tc.is)
			if got := m.bal(t, m.countyA, d(2026, 6, 1)); got != 10_000_000 {
				t.Fatalf("a refused listing changed the seller's balance: %d", got)
			}
		})
	}
	// Groundwater bids from an over-extraction area are refused too.
	l := base
	l.Source = "ground_shallow"
	must(t, m.CreateListing(&l))
	wantErr(t, m.PlaceBid(&sishui.Bid{Listing: l.ID, Buyer: m.countyB.ID, VolumeM3: 10, PriceFen: 10}), sishui.ECONFLICT, rights.ErrOverExtraction)
}

func TestLedgerRules(t *testing.T) {
	m := newMarket(t)
	e := func(h *sishui.RightsHolder, v int64) sishui.RightsEntry {
		return sishui.RightsEntry{Holder: h.ID, Source: "yellow_river", Year: 2026, VolumeM3: v}
	}
	for _, tc := range []struct {
		name string
		tx   sishui.RightsTx
		code string
		is   error
	}{
		{"unbalanced", sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{e(m.pool, -10), e(m.countyA, 9)}}, sishui.ECONFLICT, rights.ErrUnbalanced},
		{"negative", sishui.RightsTx{Reason: sishui.ReasonBuyback, Entries: []sishui.RightsEntry{e(m.village1, -200_001), e(m.buyback, 200_001)}}, sishui.ECONFLICT, rights.ErrNegative},
		{"pool by trade", sishui.RightsTx{Reason: sishui.ReasonTrade, Entries: []sishui.RightsEntry{e(m.pool, -10), e(m.countyA, 10)}}, sishui.EINVALID, nil},
		{"escrow directly", sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{e(m.countyA, -10), e(m.escrow, 10)}}, sishui.EINVALID, nil},
		{"one entry", sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{e(m.countyA, 0)}}, sishui.EINVALID, nil},
		{"window across years", sishui.RightsTx{Reason: sishui.ReasonExpiry, Entries: []sishui.RightsEntry{
			{Holder: m.countyA.ID, Source: "yellow_river", Year: 2026, VolumeM3: -1, From: d(2026, 12, 1), To: d(2027, 1, 1)},
			{Holder: m.pool.ID, Source: "yellow_river", Year: 2026, VolumeM3: 1, From: d(2026, 12, 1), To: d(2027, 1, 1)}}}, sishui.EINVALID, nil},
		{"pool above zero", sishui.RightsTx{Reason: sishui.ReasonExpiry, Entries: []sishui.RightsEntry{e(m.pool, 1), {Holder: m.countyA.ID, Source: "ground_shallow", Year: 2026, VolumeM3: -1}}}, sishui.ECONFLICT, rights.ErrUnbalanced},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantErr(t, m.Post(&tc.tx), tc.code, tc.is)
			must(t, m.Ledger.Verify())
		})
	}
	m.Ledger.SetAllocable("yellow_river", 2026, 21_100_000)
	wantErr(t, m.Post(&sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{e(m.pool, -200_000), e(m.countyA, 200_000)}}), sishui.ECONFLICT, rights.ErrOverAllocated)
	must(t, m.Post(&sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{e(m.pool, -100_000), e(m.countyA, 100_000)}}))
	// Expiry of a permit from 1 October returns its water to the pool for the rest of the year.
	must(t, m.Post(&sishui.RightsTx{Reason: sishui.ReasonExpiry, Entries: []sishui.RightsEntry{
		{Holder: m.factory.ID, Source: "yellow_river", Year: 2026, VolumeM3: -500_000, From: d(2026, 10, 1), To: d(2026, 12, 31)},
		{Holder: m.pool.ID, Source: "yellow_river", Year: 2026, VolumeM3: 500_000, From: d(2026, 10, 1), To: d(2026, 12, 31)}}}))
	if m.bal(t, m.factory, d(2026, 9, 30)) != 500_000 || m.bal(t, m.factory, d(2026, 10, 1)) != 0 {
		t.Fatal("expiry window")
	}
	if un := m.Ledger.Unsold(m.factory.ID, "yellow_river", d(2026, 1, 1), d(2026, 12, 31)); un != 0 {
		t.Fatalf("unsold over the year after expiry: %d", un)
	}
}

func TestNoticeEnd(t *testing.T) {
	c := rights.DefaultConfig()
	c.Holidays = []time.Time{d(2026, 10, 1), d(2026, 10, 2), d(2026, 10, 5), d(2026, 10, 6), d(2026, 10, 7)}
	c.WorkDays = []time.Time{d(2026, 10, 10)}
	for _, tc := range []struct {
		start time.Time
		days  int
		want  time.Time
	}{
		{d(2026, 3, 2), 10, d(2026, 3, 13)}, // Monday: two weeks
		{d(2026, 3, 7), 1, d(2026, 3, 9)},   // Saturday start: Monday is day one
		{d(2026, 9, 30), 3, d(2026, 10, 9)}, // National Day holidays skipped
		{d(2026, 9, 30), 4, d(2026, 10, 10)},
		{d(2026, 3, 7), 0, d(2026, 3, 6)}, // no notice: decided the same day
	} {
		c.NoticeWorkingDays = tc.days
		if got := c.NoticeEnd(tc.start); !got.Equal(tc.want) {
			t.Errorf("%s + %d working days = %s, want %s", tc.start.Format(time.DateOnly), tc.days, got.Format(time.DateOnly), tc.want.Format(time.DateOnly))
		}
	}
}
