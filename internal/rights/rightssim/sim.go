// Package rightssim drives random market and ledger operations against the
// pure rights rules (internal/rights.Book) and, optionally, a second
// implementation (a store) that must agree on every outcome and balance. The
// property test and the store replay use it.
package rightssim

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights"
)

// Years the simulation covers.
var Years = []int{2026, 2027}

// World is the fixed cast of holders and sources (holder IDs 1..n).
type World struct {
	Holders []*sishui.RightsHolder
	Sources []rights.SourceInfo
	Pool    *sishui.RightsHolder
	Escrow  *sishui.RightsHolder
	// Allocable total per source and year.
	AllocableM3 int64
}

// NewWorld returns the cast: a pool, an escrow, a reserve, a buy-back
// account, four regions (one over-extracted), six permits (one a public
// supplier, one ecological) and four collectives.
func NewWorld() *World {
	w := &World{Sources: []rights.SourceInfo{{Code: "yellow_river"}, {Code: "ground_shallow", Groundwater: true}}, AllocableM3: 400_000_000}
	add := func(h sishui.RightsHolder) *sishui.RightsHolder {
		h.ID = int64(len(w.Holders) + 1)
		if h.Code == "" {
			h.Code = fmt.Sprintf("%s:%d", h.Kind, h.ID)
		}
		h.Name = h.Code
		w.Holders = append(w.Holders, &h)
		return &h
	}
	w.Pool = add(sishui.RightsHolder{Kind: sishui.HolderPool, Code: "pool"})
	w.Escrow = add(sishui.RightsHolder{Kind: sishui.HolderEscrow, Code: "escrow"})
	add(sishui.RightsHolder{Kind: sishui.HolderReserve, Code: "reserve", Region: "371500"})
	add(sishui.RightsHolder{Kind: sishui.HolderBuyback, Code: "buyback", Region: "371500"})
	for i, r := range []string{"371500", "371502", "371522", "371571"} {
		add(sishui.RightsHolder{Kind: sishui.HolderRegion, Region: r, OverExtraction: i == 3})
	}
	for i := 0; i < 6; i++ {
		add(sishui.RightsHolder{Kind: sishui.HolderPermit, Region: "371502", Permit: int64(i + 1), PublicSupplier: i == 0, Ecological: i == 1, OverExtraction: i == 5})
	}
	for i := 0; i < 4; i++ {
		add(sishui.RightsHolder{Kind: sishui.HolderCollective, Region: "371522"})
	}
	return w
}

// NewBook returns the reference market over the world.
func (w *World) NewBook() *rights.Book {
	b := rights.NewBook(rights.DefaultConfig(), w.Escrow, w.Sources)
	for _, h := range w.Holders {
		b.Ledger.AddHolder(h)
	}
	for _, s := range w.Sources {
		for _, y := range Years {
			b.Ledger.SetAllocable(s.Code, y, w.AllocableM3)
		}
	}
	return b
}

// Target is a second implementation driven with the same operations, in the
// reference's IDs (holders share IDs with the world; the target maps
// listings, trades and transactions itself from the IDs it returned).
type Target interface {
	Post(tx *sishui.RightsTx) (int64, error)
	Reverse(targetTx int64) (int64, error)
	CreateListing(l *sishui.Listing, today time.Time) (int64, error)
	PlaceBid(b *sishui.Bid, today time.Time) error
	CloseBidding(listing int64, today time.Time) ([]int64, error)
	AcceptAgreement(listing int64, today time.Time) (int64, error)
	CancelListing(listing int64, today time.Time) error
	Decide(a *sishui.TradeApproval, role string, today time.Time) error
}

// Stats counts what a run did.
type Stats struct {
	Ops, Accepted, Refused int
	ByKind                 map[string][2]int // kind → accepted, refused
	Entries                int
	Settled                int
}

// Runner generates and applies operations.
type Runner struct {
	W      *World
	Book   *rights.Book
	Target Target
	rng    *rand.Rand
	// targets' IDs of the reference's listings, trades and transactions
	listingID, tradeID, txID map[int64]int64
	direct                   []*sishui.RightsTx // recent direct transactions, for reversals
	listings                 []int64
	trades                   []int64
	Stats                    Stats
	// Shadow: Σ volume × days per account, kept from posted entries independently of the ledger.
	shadow map[rights.Key]int64
}

// NewRunner returns a runner with a fixed seed.
func NewRunner(seed uint64, t Target) *Runner {
	w := NewWorld()
	r := &Runner{W: w, Book: w.NewBook(), Target: t, rng: rand.New(rand.NewPCG(seed, 14)),
		listingID: map[int64]int64{}, tradeID: map[int64]int64{}, txID: map[int64]int64{},
		shadow: map[rights.Key]int64{}, Stats: Stats{ByKind: map[string][2]int{}}}
	r.Book.SetOnPost(func(tx *sishui.RightsTx) {
		r.Stats.Entries += len(tx.Entries)
		for _, e := range tx.Entries {
			days := int64(rights.DaysIn(e.Year))
			if !e.From.IsZero() {
				days = int64(e.To.YearDay() - e.From.YearDay() + 1)
			}
			r.shadow[rights.Key{Holder: e.Holder, Source: e.Source, Year: e.Year}] += e.VolumeM3 * days
		}
	})
	if t == nil {
		r.Book.SetForget(true)
	}
	return r
}

func (r *Runner) pick(kinds ...string) *sishui.RightsHolder {
	for {
		h := r.W.Holders[r.rng.IntN(len(r.W.Holders))]
		for _, k := range kinds {
			if h.Kind == k {
				return h
			}
		}
	}
}

func (r *Runner) source() rights.SourceInfo { return r.W.Sources[r.rng.IntN(len(r.W.Sources))] }

func (r *Runner) date() time.Time {
	y := Years[r.rng.IntN(len(Years))]
	return rights.Date(y, r.rng.IntN(rights.DaysIn(y)))
}

// term returns a random term: a whole year, a window inside a year, or one spanning two years.
func (r *Runner) term() (time.Time, time.Time) {
	switch r.rng.IntN(3) {
	case 0:
		y := Years[r.rng.IntN(len(Years))]
		return rights.Date(y, 0), rights.Date(y, rights.DaysIn(y)-1)
	case 1:
		a := r.date()
		b := a.AddDate(0, 0, r.rng.IntN(120))
		if b.Year() != a.Year() {
			b = time.Date(a.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
		}
		return a, b
	}
	a := rights.Date(Years[0], r.rng.IntN(300))
	return a, a.AddDate(1, 0, r.rng.IntN(60)-30)
}

func (r *Runner) volume(limit int64) int64 {
	if limit <= 0 || r.rng.IntN(8) == 0 {
		return 1 + r.rng.Int64N(2_000_000)
	}
	return 1 + r.rng.Int64N(limit+limit/8)
}

// Step generates and applies one operation, checking that the target agrees.
func (r *Runner) Step() error {
	today := r.date()
	var kind string
	var err, terr error
	switch n := r.rng.IntN(100); {
	case n < 14: // allocate from the pool, or sub-allocate from a region
		kind = "allocate"
		src := r.source()
		to := r.pick(sishui.HolderRegion, sishui.HolderPermit, sishui.HolderCollective, sishui.HolderReserve)
		from := r.W.Pool
		if r.rng.IntN(4) == 0 {
			from = r.pick(sishui.HolderRegion)
		}
		y := Years[r.rng.IntN(len(Years))]
		v := 1 + r.rng.Int64N(3_000_000)
		tx := &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
			{Holder: from.ID, Source: src.Code, Year: y, VolumeM3: -v}, {Holder: to.ID, Source: src.Code, Year: y, VolumeM3: v}}}
		err, terr = r.post(tx)
	case n < 20: // expiry or buy-back over a window
		kind = "expiry"
		src := r.source()
		from, to := r.term()
		h := r.pick(sishui.HolderPermit, sishui.HolderCollective, sishui.HolderRegion)
		dst, reason := r.W.Pool, sishui.ReasonExpiry
		if h.Kind == sishui.HolderCollective && r.rng.IntN(2) == 0 {
			kind, dst, reason = "buyback", r.pick(sishui.HolderBuyback), sishui.ReasonBuyback
		}
		v := r.volume(r.Book.Ledger.Unsold(h.ID, src.Code, from, to))
		tx := &sishui.RightsTx{Reason: reason}
		for _, sp := range rights.Spans(from, to) {
			tx.Entries = append(tx.Entries, sishui.RightsEntry{Holder: h.ID, Source: src.Code, Year: sp.Year, VolumeM3: -v, From: sp.From, To: sp.To},
				sishui.RightsEntry{Holder: dst.ID, Source: src.Code, Year: sp.Year, VolumeM3: v, From: sp.From, To: sp.To})
		}
		err, terr = r.post(tx)
	case n < 25: // reverse a recent direct transaction
		kind = "reverse"
		if len(r.direct) == 0 {
			return nil
		}
		i := r.rng.IntN(len(r.direct))
		orig := r.direct[i]
		var tx *sishui.RightsTx
		tx, err = r.Book.Reverse(orig, "property test")
		if r.Target != nil {
			var id int64
			id, terr = r.Target.Reverse(r.txID[orig.ID])
			if err == nil && terr == nil {
				r.txID[tx.ID] = id
			}
		}
	case n < 45: // list
		kind = "list"
		l := &sishui.Listing{Mode: sishui.ModeTransfer, Method: sishui.MethodBidding, Source: r.source().Code, PriceFen: 10 + r.rng.Int64N(300)}
		if r.rng.IntN(2) == 0 {
			l.Mode = sishui.ModeLease
		}
		var seller *sishui.RightsHolder
		switch r.rng.IntN(3) {
		case 0:
			l.Type, seller = sishui.TradeRegional, r.pick(sishui.HolderRegion, sishui.HolderReserve)
		case 1:
			l.Type, seller = sishui.TradeWithdrawal, r.pick(sishui.HolderPermit)
		default:
			l.Type, seller = sishui.TradeIrrigation, r.pick(sishui.HolderCollective, sishui.HolderBuyback)
		}
		l.Seller = seller.ID
		l.From, l.To = r.term()
		if r.rng.IntN(3) == 0 {
			l.Method = sishui.MethodAgreement
			l.Buyer = r.pick(sishui.HolderRegion, sishui.HolderPermit, sishui.HolderCollective).ID
		}
		l.VolumeM3 = r.volume(r.Book.Ledger.Unsold(l.Seller, l.Source, l.From, l.To))
		tl := *l
		err = r.Book.CreateListing(l)
		if r.Target != nil {
			var id int64
			id, terr = r.Target.CreateListing(&tl, today)
			if err == nil && terr == nil {
				r.listingID[l.ID] = id
			}
		}
		if err == nil {
			r.listings = append(r.listings, l.ID)
		}
	case n < 65: // bid
		kind = "bid"
		l := r.openListing()
		if l == nil {
			return nil
		}
		b := &sishui.Bid{Listing: l.ID, Buyer: r.pick(sishui.HolderRegion, sishui.HolderPermit, sishui.HolderCollective).ID,
			VolumeM3: 1 + r.rng.Int64N(l.VolumeM3), PriceFen: l.PriceFen - 5 + r.rng.Int64N(50)}
		tb := *b
		err = r.Book.PlaceBid(b)
		if r.Target != nil {
			tb.Listing = r.listingID[l.ID]
			terr = r.Target.PlaceBid(&tb, today)
		}
	case n < 75: // close bidding, accept an agreement, or cancel
		l := r.openListing()
		if l == nil {
			return nil
		}
		switch {
		case r.rng.IntN(8) == 0:
			kind = "cancel"
			err = r.Book.CancelListing(l.ID)
			if r.Target != nil {
				terr = r.Target.CancelListing(r.listingID[l.ID], today)
			}
		case l.Method == sishui.MethodBidding:
			kind = "close"
			var ts []*sishui.RightsTrade
			ts, err = r.Book.CloseBidding(l.ID, today)
			var ids []int64
			if r.Target != nil {
				ids, terr = r.Target.CloseBidding(r.listingID[l.ID], today)
				if err == nil && terr == nil && len(ids) != len(ts) {
					return fmt.Errorf("close listing %d: reference made %d trades, target %d", l.ID, len(ts), len(ids))
				}
			}
			for i, t := range ts {
				r.trades = append(r.trades, t.ID)
				if ids != nil {
					r.tradeID[t.ID] = ids[i]
				}
			}
		default:
			kind = "accept"
			var t *sishui.RightsTrade
			t, err = r.Book.AcceptAgreement(l.ID, today)
			var id int64
			if r.Target != nil {
				id, terr = r.Target.AcceptAgreement(r.listingID[l.ID], today)
			}
			if err == nil {
				r.trades = append(r.trades, t.ID)
				r.tradeID[t.ID] = id
			}
		}
	default: // decide a trade in notice
		kind = "decide"
		t := r.noticeTrade()
		if t == nil {
			return nil
		}
		a := &sishui.TradeApproval{Trade: t.ID, Decision: sishui.DecisionApprove, SavingsVerified: r.rng.IntN(6) != 0}
		switch {
		case r.rng.IntN(8) == 0:
			a.Decision = sishui.DecisionReject
		case t.Route == sishui.RouteFiled:
			a.Decision = sishui.DecisionFile
		}
		if r.rng.IntN(3) != 0 {
			today = t.NoticeTo.AddDate(0, 0, 1+r.rng.IntN(30))
		}
		role := sishui.RoleCity
		if r.rng.IntN(5) == 0 {
			role = sishui.RoleCounty
		}
		ta := *a
		var got *sishui.RightsTrade
		got, err = r.Book.Decide(a, role, today)
		if err == nil && got.Status == sishui.TradeSettled {
			r.Stats.Settled++
		}
		if r.Target != nil {
			ta.Trade = r.tradeID[t.ID]
			terr = r.Target.Decide(&ta, role, today)
		}
	}
	r.Stats.Ops++
	c := r.Stats.ByKind[kind]
	if err == nil {
		r.Stats.Accepted++
		c[0]++
	} else {
		r.Stats.Refused++
		c[1]++
		if code := sishui.ErrorCode(err); code == sishui.EINTERNAL {
			return fmt.Errorf("op %d %s: internal error from the rules: %v", r.Stats.Ops, kind, err)
		}
	}
	r.Stats.ByKind[kind] = c
	if r.Target != nil && (err == nil) != (terr == nil) {
		return fmt.Errorf("op %d %s: reference says %v, target says %v", r.Stats.Ops, kind, err, terr)
	}
	if r.Target != nil && err != nil && sishui.ErrorCode(err) != sishui.ErrorCode(terr) {
		return fmt.Errorf("op %d %s: reference refuses with %s (%v), target with %s (%v)", r.Stats.Ops, kind, sishui.ErrorCode(err), err, sishui.ErrorCode(terr), terr)
	}
	return nil
}

func (r *Runner) post(tx *sishui.RightsTx) (error, error) {
	tt := *tx
	tt.Entries = append([]sishui.RightsEntry(nil), tx.Entries...)
	err := r.Book.Post(tx)
	if err == nil {
		if len(r.direct) < 256 {
			r.direct = append(r.direct, tx)
		} else {
			r.direct[r.rng.IntN(len(r.direct))] = tx
		}
	}
	if r.Target == nil {
		return err, nil
	}
	id, terr := r.Target.Post(&tt)
	if err == nil && terr == nil {
		r.txID[tx.ID] = id
	}
	return err, terr
}

// pickLive picks a random live item of ids, dropping the ones no longer live.
func pickLive[T any](r *Runner, ids *[]int64, get func(int64) (T, bool)) (T, bool) {
	for len(*ids) > 0 {
		i := r.rng.IntN(len(*ids))
		if v, ok := get((*ids)[i]); ok {
			return v, true
		}
		(*ids)[i] = (*ids)[len(*ids)-1]
		*ids = (*ids)[:len(*ids)-1]
	}
	var zero T
	return zero, false
}

// openListing picks an open listing.
func (r *Runner) openListing() *sishui.Listing {
	l, _ := pickLive(r, &r.listings, func(id int64) (*sishui.Listing, bool) {
		l := r.Book.Listing(id)
		return l, l != nil && l.Status == sishui.ListingOpen
	})
	return l
}

// noticeTrade picks a trade in notice.
func (r *Runner) noticeTrade() *sishui.RightsTrade {
	t, _ := pickLive(r, &r.trades, func(id int64) (*sishui.RightsTrade, bool) {
		t := r.Book.Trade(id)
		return t, t != nil && t.Status == sishui.TradeNotice
	})
	return t
}

// Check verifies every invariant of the reference: the ledger's own
// (Verify), the escrow against the open market, and the shadow sums kept
// from the posted entries against the ledger's daily balances.
func (r *Runner) Check() error {
	if err := r.Book.Ledger.Verify(); err != nil {
		return err
	}
	if err := r.Book.CheckEscrow(); err != nil {
		return err
	}
	for k, want := range r.shadow {
		var got int64
		for d := 0; d < rights.DaysIn(k.Year); d++ {
			got += r.Book.Ledger.Balance(k.Holder, k.Source, rights.Date(k.Year, d))
		}
		if got != want {
			return fmt.Errorf("account %+v: ledger days sum to %d m³·d, entries to %d", k, got, want)
		}
	}
	return nil
}

// Run performs n operations (steps with nothing to act on do not count),
// checking the invariants every checkEvery operations and at the end.
func (r *Runner) Run(n, checkEvery int) error {
	next := checkEvery
	for r.Stats.Ops < n {
		if err := r.Step(); err != nil {
			return err
		}
		if checkEvery > 0 && r.Stats.Ops >= next {
			next += checkEvery
			if err := r.Check(); err != nil {
				return fmt.Errorf("after %d ops: %w", r.Stats.Ops, err)
			}
		}
	}
	return r.Check()
}

// Balances returns every account's balance on each year's first day and its
// lowest and highest over the year, keyed by holder code.
func (r *Runner) Balances() map[string]sishui.RightsBalance {
	out := map[string]sishui.RightsBalance{}
	for _, k := range r.Book.Ledger.Keys() {
		lo, hi := r.Book.Ledger.MinMax(k)
		h := r.Book.Ledger.Holder(k.Holder)
		out[fmt.Sprintf("%s/%s/%d", h.Code, k.Source, k.Year)] = sishui.RightsBalance{Holder: k.Holder, Source: k.Source, Year: k.Year,
			VolumeM3: r.Book.Ledger.Balance(k.Holder, k.Source, rights.Date(k.Year, 0)), MinM3: lo, MaxM3: hi}
	}
	return out
}
