package rights

import (
	"fmt"
	"time"

	"github.com/sishui/sishui"
)

// Book is the whole market in memory: the ledger, listings, bids and trades,
// run by the same rules a store applies. It is the reference the property
// test drives and the store replay is compared with.
type Book struct {
	Config   Config
	Ledger   *Ledger
	Escrow   int64 // holder ID of the escrow account
	Sources  map[string]SourceInfo
	listings map[int64]*sishui.Listing
	bids     map[int64][]*sishui.Bid
	trades   map[int64]*sishui.RightsTrade
	nextTx   int64
	nextID   int64
	forget   bool
	onPost   func(*sishui.RightsTx)
}

// NewBook returns an empty market whose escrow account is holder escrow.
func NewBook(c Config, escrow *sishui.RightsHolder, sources []SourceInfo) *Book {
	b := &Book{Config: c, Ledger: NewLedger(), Escrow: escrow.ID, Sources: map[string]SourceInfo{},
		listings: map[int64]*sishui.Listing{}, bids: map[int64][]*sishui.Bid{}, trades: map[int64]*sishui.RightsTrade{}}
	b.Ledger.AddHolder(escrow)
	for _, s := range sources {
		b.Sources[s.Code] = s
	}
	return b
}

func (b *Book) post(tx *sishui.RightsTx) error {
	if err := b.Ledger.Post(tx); err != nil {
		return err
	}
	b.nextTx++
	tx.ID = b.nextTx
	if b.onPost != nil {
		b.onPost(tx)
	}
	return nil
}

// CheckDirect checks that a transaction may be posted directly (not through the market).
func CheckDirect(tx *sishui.RightsTx) error {
	switch tx.Reason {
	case sishui.ReasonAllocation, sishui.ReasonBuyback, sishui.ReasonExpiry, sishui.ReasonCorrection:
		return nil
	}
	return sishui.Invalid("reason", "%s movements are made by the market, not posted directly", tx.Reason)
}

// CheckReversible checks that orig may be reversed: only direct movements are
// (market movements are undone by cancelling or refusing).
func CheckReversible(orig *sishui.RightsTx) error {
	switch orig.Reason {
	case sishui.ReasonAllocation, sishui.ReasonBuyback, sishui.ReasonExpiry:
		return nil
	}
	return sishui.Invalid("reverses", "a %s transaction is not reversed by a correction", orig.Reason)
}

// Post posts a direct transaction (allocation, buy-back, expiry).
func (b *Book) Post(tx *sishui.RightsTx) error {
	if err := CheckDirect(tx); err != nil {
		return err
	}
	if tx.Reason == sishui.ReasonCorrection {
		return sishui.Invalid("reason", "use Reverse for a correction")
	}
	return b.post(tx)
}

// Reverse posts the correction reversing orig (a transaction posted earlier).
func (b *Book) Reverse(orig *sishui.RightsTx, memo string) (*sishui.RightsTx, error) {
	if err := CheckReversible(orig); err != nil {
		return nil, err
	}
	tx := Reversal(orig, memo)
	return tx, b.post(tx)
}

func (b *Book) id() int64 { b.nextID++; return b.nextID }

// CreateListing checks a listing and freezes its volume.
func (b *Book) CreateListing(l *sishui.Listing) error {
	src := b.Sources[l.Source]
	if err := b.Config.CheckListing(l, b.Ledger.Holder(l.Seller), src); err != nil {
		return err
	}
	if l.Method == sishui.MethodAgreement {
		if err := b.Config.CheckBuyer(l, b.Ledger.Holder(l.Buyer), src); err != nil {
			return err
		}
	}
	if un := b.Ledger.Unsold(l.Seller, l.Source, l.From, l.To); un < l.VolumeM3 {
		return refuse(ErrOversell, "listing %d m³, unsold %d m³", l.VolumeM3, un)
	}
	l.From, l.To = Day(l.From), Day(l.To)
	hold := HoldTx(l, b.Escrow)
	if err := b.post(hold); err != nil {
		return err
	}
	l.ID, l.HoldTx, l.RemainingM3, l.Status = b.id(), hold.ID, l.VolumeM3, sishui.ListingOpen
	b.listings[l.ID] = l
	return nil
}

// Listing returns a listing or nil.
func (b *Book) Listing(id int64) *sishui.Listing { return b.listings[id] }

// Trade returns a trade or nil.
func (b *Book) Trade(id int64) *sishui.RightsTrade { return b.trades[id] }

// PlaceBid records a bid on an open bidding listing.
func (b *Book) PlaceBid(bid *sishui.Bid) error {
	l := b.listings[bid.Listing]
	if l == nil {
		return sishui.NotFound("listing %d", bid.Listing)
	}
	if err := CheckBid(l, bid); err != nil {
		return err
	}
	if err := b.Config.CheckBuyer(l, b.Ledger.Holder(bid.Buyer), b.Sources[l.Source]); err != nil {
		return err
	}
	bid.ID, bid.Status = b.id(), sishui.BidOpen
	b.bids[l.ID] = append(b.bids[l.ID], bid)
	return nil
}

// CloseBidding awards the bids and returns what is unsold to the seller.
func (b *Book) CloseBidding(id int64, today time.Time) ([]*sishui.RightsTrade, error) {
	l := b.listings[id]
	if l == nil {
		return nil, sishui.NotFound("listing %d", id)
	}
	if l.Method != sishui.MethodBidding || l.Status != sishui.ListingOpen {
		return nil, &sishui.Error{Code: sishui.ECONFLICT, Message: "listing " + itoa(id) + " is not open to bidding"}
	}
	left := Award(l, b.bids[id])
	if left > 0 {
		if err := b.post(ReleaseTx(l, b.Escrow, left, "unsold at the close of bidding")); err != nil {
			return nil, err
		}
	}
	var out []*sishui.RightsTrade
	for _, bid := range b.bids[id] {
		if bid.AwardedM3 > 0 {
			t := b.Config.NewTrade(l, bid.Buyer, bid.ID, bid.AwardedM3, bid.PriceFen, today)
			t.ID = b.id()
			b.trades[t.ID] = t
			out = append(out, t)
		}
	}
	l.RemainingM3, l.Status = 0, sishui.ListingClosed
	b.done(l)
	return out, nil
}

// AcceptAgreement makes the one trade of an agreement listing.
func (b *Book) AcceptAgreement(id int64, today time.Time) (*sishui.RightsTrade, error) {
	l := b.listings[id]
	if l == nil {
		return nil, sishui.NotFound("listing %d", id)
	}
	if l.Method != sishui.MethodAgreement || l.Status != sishui.ListingOpen {
		return nil, &sishui.Error{Code: sishui.ECONFLICT, Message: "listing " + itoa(id) + " is not an open agreement"}
	}
	t := b.Config.NewTrade(l, l.Buyer, 0, l.VolumeM3, l.PriceFen, today)
	t.ID = b.id()
	b.trades[t.ID] = t
	l.RemainingM3, l.Status = 0, sishui.ListingClosed
	b.done(l)
	return t, nil
}

// CancelListing withdraws an open listing and releases its volume.
func (b *Book) CancelListing(id int64) error {
	l := b.listings[id]
	if l == nil {
		return sishui.NotFound("listing %d", id)
	}
	if l.Status != sishui.ListingOpen {
		return &sishui.Error{Code: sishui.ECONFLICT, Message: "listing " + itoa(id) + " is " + l.Status}
	}
	if err := b.post(ReleaseTx(l, b.Escrow, l.RemainingM3, "listing cancelled")); err != nil {
		return err
	}
	for _, bid := range b.bids[id] {
		bid.Status = sishui.BidLost
	}
	l.RemainingM3, l.Status = 0, sishui.ListingCancelled
	b.done(l)
	return nil
}

// Decide applies the authority's decision to a trade: approve or file settles
// it, reject returns the water to the seller.
func (b *Book) Decide(a *sishui.TradeApproval, role string, today time.Time) (*sishui.RightsTrade, error) {
	t := b.trades[a.Trade]
	if t == nil {
		return nil, sishui.NotFound("trade %d", a.Trade)
	}
	tx, status, err := Decision(b.Config, t, a, role, today, b.Escrow)
	if err != nil {
		return nil, err
	}
	if err := b.post(tx); err != nil {
		return nil, err
	}
	t.Status = status
	if status == sishui.TradeSettled {
		t.SettleTx = tx.ID
	}
	if b.forget {
		delete(b.trades, t.ID)
	}
	return t, nil
}

func (b *Book) done(l *sishui.Listing) {
	if b.forget {
		delete(b.listings, l.ID)
		delete(b.bids, l.ID)
	}
}

// Decision checks a decision and returns the transaction it posts and the
// trade's new status.
func Decision(c Config, t *sishui.RightsTrade, a *sishui.TradeApproval, role string, today time.Time, escrow int64) (*sishui.RightsTx, string, error) {
	if err := c.CheckDecision(t, a, role, today); err != nil {
		return nil, "", err
	}
	if a.Decision == sishui.DecisionReject {
		return RejectTx(t, escrow), sishui.TradeRejected, nil
	}
	return SettleTx(t, escrow), sishui.TradeSettled, nil
}

// Forget, when set, drops listings, bids and trades once they are finished
// (closed, cancelled, settled, rejected), so that long runs keep little memory.
func (b *Book) SetForget(v bool) { b.forget = v }

// OnPost, when set, is called with every transaction the book posts.
func (b *Book) SetOnPost(fn func(*sishui.RightsTx)) { b.onPost = fn }

// OpenListings returns the open listings.
func (b *Book) OpenListings() []*sishui.Listing {
	var out []*sishui.Listing
	for _, l := range b.listings {
		if l.Status == sishui.ListingOpen {
			out = append(out, l)
		}
	}
	return out
}

// NoticeTrades returns the trades in notice (unsettled, unrefused).
func (b *Book) NoticeTrades() []*sishui.RightsTrade {
	var out []*sishui.RightsTrade
	for _, t := range b.trades {
		if t.Status == sishui.TradeNotice {
			out = append(out, t)
		}
	}
	return out
}

// CheckEscrow checks that the escrow account holds exactly what the open
// listings and the trades in notice have frozen, on every day.
func (b *Book) CheckEscrow() error {
	return checkEscrow(b.Ledger, b.Escrow, b.OpenListings(), b.NoticeTrades())
}

func checkEscrow(l *Ledger, escrow int64, open []*sishui.Listing, notice []*sishui.RightsTrade) error {
	want := NewLedger()
	add := func(source string, v int64, from, to time.Time) {
		for _, sp := range Spans(from, to) {
			want.Load(Key{escrow, source, sp.Year}, sp.From, sp.To, v)
		}
	}
	for _, x := range open {
		add(x.Source, x.RemainingM3, x.From, x.To)
	}
	for _, t := range notice {
		add(t.Source, t.VolumeM3, t.From, t.To)
	}
	keys := map[Key]bool{}
	for k := range l.accts {
		if k.Holder == escrow {
			keys[k] = true
		}
	}
	for k := range want.accts {
		keys[k] = true
	}
	for k := range keys {
		a, w := l.accts[k], want.accts[k]
		for d := 0; d < DaysIn(k.Year); d++ {
			var v, x int64
			if a != nil {
				v = a[d]
			}
			if w != nil {
				x = w[d]
			}
			if v != x {
				return refuse(ErrUnbalanced, "escrow %s %d on %s holds %d m³, open listings and trades in notice %d m³",
					k.Source, k.Year, Date(k.Year, d).Format(time.DateOnly), v, x)
			}
		}
	}
	return nil
}

// Verifier replays a stored ledger transaction by transaction under the
// rules (balanced, no balance below zero, reversed once, pool and escrow legs
// only for their reasons), then checks the whole.
type Verifier struct {
	l      *Ledger
	escrow int64
	// Counts of what was replayed.
	Transactions, Entries int
}

// NewVerifier returns a verifier over the holders and allocable totals.
func NewVerifier(holders []*sishui.RightsHolder, allocable []sishui.RightsAllocable) *Verifier {
	v := &Verifier{l: NewLedger()}
	for _, h := range holders {
		v.l.AddHolder(h)
		if h.Kind == sishui.HolderEscrow && v.escrow == 0 {
			v.escrow = h.ID
		}
	}
	for _, a := range allocable {
		v.l.SetAllocable(a.Source, a.Year, a.VolumeM3)
	}
	return v
}

// Add replays one transaction (in ID order).
func (v *Verifier) Add(tx *sishui.RightsTx) error {
	v.Transactions++
	v.Entries += len(tx.Entries)
	if err := v.l.Post(tx); err != nil {
		return fmt.Errorf("transaction %d (%s): %w", tx.ID, tx.Reason, err)
	}
	return nil
}

// Finish checks the whole ledger and the escrow against the open market.
func (v *Verifier) Finish(open []*sishui.Listing, notice []*sishui.RightsTrade) (accounts int, err error) {
	if err := v.l.Verify(); err != nil {
		return len(v.l.accts), err
	}
	return len(v.l.accts), checkEscrow(v.l, v.escrow, open, notice)
}
