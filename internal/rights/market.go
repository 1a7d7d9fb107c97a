package rights

import (
	"sort"
	"time"

	"github.com/sishui/sishui"
)

// SourceInfo is what the market rules need of a source.
type SourceInfo struct {
	Code        string
	Groundwater bool
}

var sellerKinds = map[string][]string{
	sishui.TradeRegional:   {sishui.HolderRegion, sishui.HolderReserve},
	sishui.TradeWithdrawal: {sishui.HolderPermit},
	sishui.TradeIrrigation: {sishui.HolderCollective, sishui.HolderBuyback},
}

var buyerKinds = map[string][]string{
	sishui.TradeRegional:   {sishui.HolderRegion},
	sishui.TradeWithdrawal: {sishui.HolderPermit},
	sishui.TradeIrrigation: {sishui.HolderCollective, sishui.HolderBuyback, sishui.HolderPermit},
}

func kindIn(k string, ks []string) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// CheckListing checks a listing's fields and the seller's standing: the kinds
// that may sell each trade type, no ecological water, no withdrawal right of
// an urban public water supplier, a term within MaxTermYears. Whether the
// seller holds the water is the ledger's check when the volume is frozen.
func (c Config) CheckListing(l *sishui.Listing, seller *sishui.RightsHolder, src SourceInfo) error {
	switch {
	case sellerKinds[l.Type] == nil:
		return sishui.Invalid("type", "must be regional, withdrawal or irrigation")
	case l.Mode != sishui.ModeTransfer && l.Mode != sishui.ModeLease:
		return sishui.Invalid("mode", "must be transfer or lease")
	case l.Method != sishui.MethodAgreement && l.Method != sishui.MethodBidding:
		return sishui.Invalid("method", "must be agreement or bidding")
	case l.Method == sishui.MethodAgreement && l.Buyer == 0:
		return sishui.Invalid("buyer", "an agreement transfer names its buyer")
	case l.Method == sishui.MethodBidding && l.Buyer != 0:
		return sishui.Invalid("buyer", "a bidding listing has no named buyer")
	case l.VolumeM3 <= 0:
		return sishui.Invalid("volume_m3", "must be a positive whole number of m³")
	case l.PriceFen < 0:
		return sishui.Invalid("price_fen", "must not be negative")
	case l.From.IsZero() || l.To.IsZero() || Day(l.To).Before(Day(l.From)):
		return sishui.Invalid("to", "the term needs from and to, from first")
	case !Day(l.To).Before(Day(l.From).AddDate(c.MaxTermYears, 0, 0)):
		return sishui.Invalid("to", "the term is longer than %d years", c.MaxTermYears)
	case seller == nil:
		return sishui.Invalid("seller", "unknown holder")
	case l.Source != src.Code || src.Code == "":
		return sishui.Invalid("source", "unknown source %q", l.Source)
	case !kindIn(seller.Kind, sellerKinds[l.Type]):
		return sishui.Invalid("seller", "a %s holder cannot sell in a %s trade", seller.Kind, l.Type)
	case seller.Ecological:
		return refuse(ErrEcological, "holder %s", seller.Code)
	case l.Type == sishui.TradeWithdrawal && seller.PublicSupplier:
		return refuse(ErrPublicSupplier, "holder %s", seller.Code)
	}
	return nil
}

// CheckBuyer checks that a holder may buy on a listing: the kinds that may buy
// each trade type, not the seller itself, and no groundwater into a holder in
// an over-extraction area.
func (c Config) CheckBuyer(l *sishui.Listing, buyer *sishui.RightsHolder, src SourceInfo) error {
	switch {
	case buyer == nil:
		return sishui.Invalid("buyer", "unknown holder")
	case buyer.ID == l.Seller:
		return sishui.Invalid("buyer", "the seller cannot buy its own water")
	case !kindIn(buyer.Kind, buyerKinds[l.Type]):
		return sishui.Invalid("buyer", "a %s holder cannot buy in a %s trade", buyer.Kind, l.Type)
	case src.Groundwater && buyer.OverExtraction:
		return refuse(ErrOverExtraction, "holder %s", buyer.Code)
	}
	return nil
}

// move returns the entries moving v m³ from one holder to another for the
// term from..to, one pair per year.
func move(from, to int64, source string, v int64, start, end time.Time) []sishui.RightsEntry {
	var out []sishui.RightsEntry
	for _, sp := range Spans(start, end) {
		out = append(out,
			sishui.RightsEntry{Holder: from, Source: source, Year: sp.Year, VolumeM3: -v, From: sp.From, To: sp.To},
			sishui.RightsEntry{Holder: to, Source: source, Year: sp.Year, VolumeM3: v, From: sp.From, To: sp.To})
	}
	return out
}

// HoldTx freezes a listing's volume: seller → escrow for the term.
func HoldTx(l *sishui.Listing, escrow int64) *sishui.RightsTx {
	return &sishui.RightsTx{Reason: sishui.ReasonListing, Ref: ref("listing", l.ID), Entries: move(l.Seller, escrow, l.Source, l.VolumeM3, l.From, l.To)}
}

// ReleaseTx returns v m³ of a listing from escrow to the seller.
func ReleaseTx(l *sishui.Listing, escrow, v int64, why string) *sishui.RightsTx {
	return &sishui.RightsTx{Reason: sishui.ReasonRelease, Ref: ref("listing", l.ID), Memo: why, Entries: move(escrow, l.Seller, l.Source, v, l.From, l.To)}
}

// SettleTx registers a trade: escrow → buyer for the term (a lease returns by
// itself when its window ends).
func SettleTx(t *sishui.RightsTrade, escrow int64) *sishui.RightsTx {
	reason := sishui.ReasonTrade
	if t.Mode == sishui.ModeLease {
		reason = sishui.ReasonLease
	}
	return &sishui.RightsTx{Reason: reason, Ref: ref("trade", t.ID), Entries: move(escrow, t.Buyer, t.Source, t.VolumeM3, t.From, t.To)}
}

// RejectTx returns a refused trade's volume from escrow to the seller.
func RejectTx(t *sishui.RightsTrade, escrow int64) *sishui.RightsTx {
	return &sishui.RightsTx{Reason: sishui.ReasonRelease, Ref: ref("trade", t.ID), Memo: "trade refused",
		Entries: move(escrow, t.Seller, t.Source, t.VolumeM3, t.From, t.To)}
}

func ref(kind string, id int64) string {
	if id == 0 {
		return ""
	}
	return kind + ":" + itoa(id)
}

func itoa(v int64) string {
	if v == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := v < 0
	if neg {
		v = -v
	}
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// CheckBid checks a bid against its listing (the buyer is checked by CheckBuyer).
func CheckBid(l *sishui.Listing, b *sishui.Bid) error {
	switch {
	case l.Method != sishui.MethodBidding:
		return sishui.Invalid("listing", "listing %d is not open to bidding", l.ID)
	case l.Status != sishui.ListingOpen:
		return &sishui.Error{Code: sishui.ECONFLICT, Message: "listing " + itoa(l.ID) + " is " + l.Status}
	case b.VolumeM3 <= 0 || b.VolumeM3 > l.VolumeM3:
		return sishui.Invalid("volume_m3", "must be between 1 and the listed %d m³", l.VolumeM3)
	case b.PriceFen < l.PriceFen:
		return sishui.Invalid("price_fen", "below the listing's lowest price of %d fen/m³", l.PriceFen)
	}
	return nil
}

// Award allocates a listing's volume to its bids by price-time priority:
// highest price first, earlier bid (lower ID) first at equal prices; the last
// winner may be filled in part. It sets each bid's status and AwardedM3 and
// returns the unawarded volume.
func Award(l *sishui.Listing, bids []*sishui.Bid) int64 {
	sort.SliceStable(bids, func(i, j int) bool {
		if bids[i].PriceFen != bids[j].PriceFen {
			return bids[i].PriceFen > bids[j].PriceFen
		}
		return bids[i].ID < bids[j].ID
	})
	left := l.VolumeM3
	for _, b := range bids {
		b.AwardedM3 = min(b.VolumeM3, left)
		left -= b.AwardedM3
		b.Status = sishui.BidLost
		if b.AwardedM3 > 0 {
			b.Status = sishui.BidWon
		}
	}
	return left
}

// NewTrade makes the trade of a listing for a buyer, volume and price, in
// public notice from today.
func (c Config) NewTrade(l *sishui.Listing, buyer, bid, volume, price int64, today time.Time) *sishui.RightsTrade {
	t := &sishui.RightsTrade{Listing: l.ID, Bid: bid, Type: l.Type, Mode: l.Mode, Seller: l.Seller, Buyer: buyer, Source: l.Source,
		VolumeM3: volume, PriceFen: price, AmountFen: volume * price, From: Day(l.From), To: Day(l.To),
		Status: sishui.TradeNotice, NoticeFrom: Day(today), NoticeTo: c.NoticeEnd(today)}
	t.Route = c.Route(t)
	return t
}

// Route says who decides a trade: the city for regional trades, the
// permitting authority (county) for withdrawal rights, nobody for irrigation
// trades up to IrrigationNoApprovalYears, a filing for longer ones.
func (c Config) Route(t *sishui.RightsTrade) string {
	switch t.Type {
	case sishui.TradeRegional:
		return sishui.RouteCity
	case sishui.TradeWithdrawal:
		return sishui.RouteCounty
	}
	if Day(t.To).Before(Day(t.From).AddDate(c.IrrigationNoApprovalYears, 0, 0)) {
		return sishui.RouteNone
	}
	return sishui.RouteFiled
}

// CheckDecision checks a decision on a trade by a role on a day: the trade
// still in notice, the notice over (a refusal may come any time), the decision
// fitting the route, on-site verified savings for a withdrawal-right
// transfer, and a role that may decide the route.
func (c Config) CheckDecision(t *sishui.RightsTrade, a *sishui.TradeApproval, role string, today time.Time) error {
	if t.Status != sishui.TradeNotice {
		return &sishui.Error{Code: sishui.ECONFLICT, Message: "trade " + itoa(t.ID) + " is already " + t.Status}
	}
	switch a.Decision {
	case sishui.DecisionApprove, sishui.DecisionReject, sishui.DecisionFile:
	default:
		return sishui.Invalid("decision", "must be approve, reject or file")
	}
	if a.Decision != sishui.DecisionReject && !Day(today).After(t.NoticeTo) {
		return &sishui.Error{Code: sishui.ECONFLICT, Message: "the public notice runs until " + t.NoticeTo.Format(time.DateOnly)}
	}
	switch {
	case t.Route == sishui.RouteFiled && a.Decision == sishui.DecisionApprove:
		return sishui.Invalid("decision", "an irrigation trade of this term is filed, not approved")
	case t.Route != sishui.RouteFiled && a.Decision == sishui.DecisionFile:
		return sishui.Invalid("decision", "only irrigation trades longer than %d year(s) are filed", c.IrrigationNoApprovalYears)
	case t.Type == sishui.TradeWithdrawal && a.Decision == sishui.DecisionApprove && !a.SavingsVerified:
		return sishui.Invalid("savings_verified", "a withdrawal-right transfer is approved after on-site verification of the savings")
	}
	switch role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem:
		return nil
	case sishui.RoleCounty:
		if t.Route != sishui.RouteCity {
			return nil
		}
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Message: "a " + role + " account cannot decide a trade routed to " + t.Route}
}
