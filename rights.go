package sishui

import (
	"context"
	"time"
)

// Water-rights holder kinds (用水权持有者).
const (
	HolderPool       = "pool"       // a source's allocable total: the issuing side of allocations and expiries
	HolderRegion     = "region"     // regional water-use right 区域用水权 (county or city government)
	HolderPermit     = "permit"     // withdrawal right 取水权 (a permit holder)
	HolderCollective = "collective" // irrigation users' right 灌溉用水户水权 (village collective or user association)
	HolderReserve    = "reserve"    // city reserve 预留
	HolderBuyback    = "buyback"    // government buy-back account 政府回购
	HolderEscrow     = "escrow"     // listed water not yet settled (挂牌冻结)
)

// RightsHolder is an account owner of the water-rights ledger.
type RightsHolder struct {
	ID        int64  `json:"id"`
	Code      string `json:"code"` // unique, e.g. "region:371502", "permit:12"
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Region    string `json:"region,omitempty"`     // region the right lies in
	WaterUser int64  `json:"water_user,omitempty"` // the enterprise owning a withdrawal right
	Permit    int64  `json:"permit,omitempty"`
	// PublicSupplier marks an urban public water supplier (公共供水): it may not sell a withdrawal right.
	PublicSupplier bool `json:"public_supplier,omitempty"`
	// Ecological marks ecological water (生态用水): it may not be sold.
	Ecological bool `json:"ecological,omitempty"`
	// OverExtraction marks a holder whose region lies in a groundwater over-extraction area (超采区):
	// it may not buy groundwater.
	OverExtraction bool `json:"over_extraction,omitempty"`
}

// Validate checks the holder's own fields.
func (h *RightsHolder) Validate() error {
	switch h.Kind {
	case HolderPool, HolderRegion, HolderPermit, HolderCollective, HolderReserve, HolderBuyback, HolderEscrow:
	default:
		return Invalid("kind", "must be one of pool, region, permit, collective, reserve, buyback, escrow")
	}
	if h.Code == "" || len(h.Code) > 64 {
		return Invalid("code", "is required (at most 64 bytes)")
	}
	if h.Name == "" {
		return Invalid("name", "is required")
	}
	if h.Region != "" && !isDigits(h.Region, 6) {
		return Invalid("region", "must be a 6-digit code")
	}
	if h.Kind == HolderPermit && h.Permit <= 0 {
		return Invalid("permit", "a withdrawal right names its permit")
	}
	return nil
}

// Ledger reasons: every transaction says why water moved.
const (
	ReasonAllocation = "allocation" // initial allocation (pool → holder) or a sub-allocation (holder → holder)
	ReasonListing    = "listing"    // listed water frozen: seller → escrow
	ReasonRelease    = "release"    // unsold or refused listed water back: escrow → seller
	ReasonTrade      = "trade"      // a settled transfer (转让): escrow → buyer, for the term
	ReasonLease      = "lease"      // a settled lease (租赁): escrow → buyer; returns by itself at the window's end
	ReasonBuyback    = "buyback"    // government buy-back (回购): holder → buy-back account
	ReasonExpiry     = "expiry"     // a right ends (permit expired, term over): holder → pool
	ReasonCorrection = "correction" // reverses an earlier transaction, entry by entry
)

// RightsEntry is one leg of a ledger transaction in whole m³: positive credits
// the holder, negative debits it. An entry with a window counts only on the days
// From..To (inclusive, dates in UTC) of its year; without one it counts all year.
type RightsEntry struct {
	ID       int64     `json:"id"`
	Tx       int64     `json:"tx"`
	Holder   int64     `json:"holder"`
	Source   string    `json:"source"`
	Year     int       `json:"year"`
	VolumeM3 int64     `json:"volume_m3"`
	From     time.Time `json:"from,omitzero"`
	To       time.Time `json:"to,omitzero"`
}

// RightsTx is a balanced ledger transaction: its entries sum to zero per
// (source, year, window). It is never edited; a correction reverses it.
type RightsTx struct {
	ID       int64         `json:"id"`
	Reason   string        `json:"reason"`
	Ref      string        `json:"ref,omitempty"`      // what caused it, e.g. "trade:7"
	Reverses int64         `json:"reverses,omitempty"` // for a correction: the reversed transaction
	Memo     string        `json:"memo,omitempty"`
	Actor    string        `json:"actor,omitempty"`
	Created  time.Time     `json:"created,omitzero"`
	Entries  []RightsEntry `json:"entries"`
}

// Trade types (DOMAIN.md §5.1).
const (
	TradeRegional   = "regional"   // 区域水权交易
	TradeWithdrawal = "withdrawal" // 取水权交易
	TradeIrrigation = "irrigation" // 灌溉用水户水权交易
)

// Trade modes and methods.
const (
	ModeTransfer    = "transfer"  // 转让
	ModeLease       = "lease"     // 租赁
	MethodAgreement = "agreement" // 协议转让: one named buyer
	MethodBidding   = "bidding"   // 单向竞价: bids with price-time priority
)

// Listing statuses.
const (
	ListingOpen      = "open"
	ListingClosed    = "closed" // bidding closed or agreement taken; what was unsold went back
	ListingCancelled = "cancelled"
)

// Listing is water offered on the market (挂牌). Listing freezes the volume in escrow.
type Listing struct {
	ID          int64     `json:"id"`
	Type        string    `json:"type"`   // regional | withdrawal | irrigation
	Mode        string    `json:"mode"`   // transfer | lease
	Method      string    `json:"method"` // agreement | bidding
	Seller      int64     `json:"seller"`
	Buyer       int64     `json:"buyer,omitempty"` // agreement: the named buyer
	Source      string    `json:"source"`
	VolumeM3    int64     `json:"volume_m3"`
	PriceFen    int64     `json:"price_fen"` // per m³; for bidding the lowest acceptable price
	From        time.Time `json:"from"`      // term, dates inclusive
	To          time.Time `json:"to"`
	RemainingM3 int64     `json:"remaining_m3"`
	Status      string    `json:"status"`
	HoldTx      int64     `json:"hold_tx,omitempty"`
	Note        string    `json:"note,omitempty"`
	Actor       string    `json:"actor,omitempty"`
	Created     time.Time `json:"created,omitzero"`
}

// Bid statuses.
const (
	BidOpen = "open"
	BidWon  = "won" // fully or partly: AwardedM3
	BidLost = "lost"
)

// Bid is an offer on a bidding listing. Seq orders equal prices (time priority).
type Bid struct {
	ID        int64     `json:"id"`
	Listing   int64     `json:"listing"`
	Buyer     int64     `json:"buyer"`
	VolumeM3  int64     `json:"volume_m3"`
	PriceFen  int64     `json:"price_fen"`
	Status    string    `json:"status"`
	AwardedM3 int64     `json:"awarded_m3"`
	Actor     string    `json:"actor,omitempty"`
	Created   time.Time `json:"created,omitzero"`
}

// Trade statuses: notice → (approved) → settled, or rejected / cancelled.
const (
	TradeNotice    = "notice"    // 公示
	TradeSettled   = "settled"   // registered in the ledger
	TradeRejected  = "rejected"  // refused by the authority; water back to the seller
	TradeCancelled = "cancelled" // withdrawn before settlement
)

// Approval routes of a trade.
const (
	RouteCity   = "city"   // the city water bureau (regional trades, city-level permits)
	RouteCounty = "county" // the county water authority (county permits)
	RouteNone   = "none"   // short irrigation trades: no approval
	RouteFiled  = "filed"  // longer irrigation trades: filed (备案), not approved
)

// RightsTrade is a matched deal from a listing, through notice and approval, to settlement.
type RightsTrade struct {
	ID         int64     `json:"id"`
	Listing    int64     `json:"listing"`
	Bid        int64     `json:"bid,omitempty"`
	Type       string    `json:"type"`
	Mode       string    `json:"mode"`
	Seller     int64     `json:"seller"`
	Buyer      int64     `json:"buyer"`
	Source     string    `json:"source"`
	VolumeM3   int64     `json:"volume_m3"`
	PriceFen   int64     `json:"price_fen"`
	AmountFen  int64     `json:"amount_fen"`
	From       time.Time `json:"from"`
	To         time.Time `json:"to"`
	Status     string    `json:"status"`
	Route      string    `json:"route"`
	NoticeFrom time.Time `json:"notice_from"`
	NoticeTo   time.Time `json:"notice_to"` // last day of the public notice
	SettleTx   int64     `json:"settle_tx,omitempty"`
	Created    time.Time `json:"created,omitzero"`
	SellerName string    `json:"seller_name,omitempty"`
	BuyerName  string    `json:"buyer_name,omitempty"`
}

// Objection is an objection raised during a trade's public notice (公示异议).
type Objection struct {
	ID      int64     `json:"id"`
	Trade   int64     `json:"trade"`
	Name    string    `json:"name"`
	Text    string    `json:"text"`
	Created time.Time `json:"created,omitzero"`
}

// Decisions on a trade.
const (
	DecisionApprove = "approve"
	DecisionReject  = "reject"
	DecisionFile    = "file" // 备案 of an irrigation trade longer than the no-approval term
)

// TradeApproval is the right authority's decision on a trade.
type TradeApproval struct {
	ID       int64  `json:"id"`
	Trade    int64  `json:"trade"`
	Decision string `json:"decision"`
	// SavingsVerified: the savings of a withdrawal-right transfer were verified on site.
	SavingsVerified bool      `json:"savings_verified"`
	Note            string    `json:"note,omitempty"`
	Actor           string    `json:"actor,omitempty"`
	Created         time.Time `json:"created,omitzero"`
}

// RightsBalance is a holder's right in a source and year on a day.
type RightsBalance struct {
	Holder   int64  `json:"holder"`
	Source   string `json:"source"`
	Year     int    `json:"year"`
	VolumeM3 int64  `json:"volume_m3"` // on the day asked (default: the year's first day)
	MinM3    int64  `json:"min_m3"`    // lowest over the year: what can be sold for the whole year
	MaxM3    int64  `json:"max_m3"`
}

// RightsAllocable is the allocable total of a source in a year (river share,
// groundwater indicator, transfer-project quota): allocations never exceed it.
type RightsAllocable struct {
	Source   string `json:"source"`
	Year     int    `json:"year"`
	VolumeM3 int64  `json:"volume_m3"`
}

// RightsVerification says what VerifyRights replayed.
type RightsVerification struct {
	Transactions int `json:"transactions"`
	Entries      int `json:"entries"`
	Accounts     int `json:"accounts"`
}

// CapShift is what settled regional trades add to a region's caps on a day
// (sold water counts negative): the caps table itself is never edited.
type CapShift struct {
	BoughtM3 int64 `json:"bought_m3"`
	SoldM3   int64 `json:"sold_m3"`
	GroundM3 int64 `json:"ground_m3"` // net, groundwater sources only
}

// TotalM3 is the net shift of the total-use cap.
func (s CapShift) TotalM3() int64 { return s.BoughtM3 - s.SoldM3 }

// RightsFilter selects ledger rows.
type RightsFilter struct {
	Holder int64
	Source string
	Year   int
	Page
}

// ListingFilter selects listings.
type ListingFilter struct {
	Status string
	Seller int64
	Page
}

// TradeFilter selects trades.
type TradeFilter struct {
	Status string
	Holder int64 // buyer or seller
	Page
}

// RightsStore holds the water-rights ledger and market. The rules are those
// of internal/rights, applied inside the store's transaction on the accounts
// involved (locked), so concurrent writers never oversell. Reads by
// enterprise accounts see their own holders only; county accounts the holders
// of their region; the public sees the notice board. Writes are audited; a
// ledger transaction joins the audit chain. Refusals are ECONFLICT, bad input
// EINVALID (field named), and writes by read-only roles EFORBIDDEN.
type RightsStore interface {
	// UpsertRightsHolder creates or updates a holder by code, setting ID.
	UpsertRightsHolder(ctx context.Context, h *RightsHolder) error
	ListRightsHolders(ctx context.Context) ([]*RightsHolder, error)
	// SetRightsAllocable sets a source's allocable total for a year (city staff).
	SetRightsAllocable(ctx context.Context, a RightsAllocable) error
	ListRightsAllocable(ctx context.Context) ([]RightsAllocable, error)
	// PostRightsTx checks and appends a direct transaction (allocation,
	// buy-back, expiry, correction), setting IDs. Market movements (listing,
	// release, trade, lease) are posted only by the market methods.
	PostRightsTx(ctx context.Context, tx *RightsTx) error
	ListRightsTxs(ctx context.Context, f RightsFilter) ([]*RightsTx, int, error)
	// RightsBalances derives balances from the entries on the given day (zero: each year's first day).
	RightsBalances(ctx context.Context, f RightsFilter, day time.Time) ([]RightsBalance, error)
	// EachRightsTx streams every transaction in ID order (for verification and export).
	EachRightsTx(ctx context.Context, fn func(*RightsTx) error) error
	// CapShifts returns, per region code, what settled regional trades add to
	// its caps on a day (used by 限批 and the cap warnings; unscoped).
	CapShifts(ctx context.Context, day time.Time) (map[string]CapShift, error)
	// VerifyRights replays the stored ledger under the rules and checks every
	// invariant; a broken one is an ECONFLICT error wrapping the rights error.
	VerifyRights(ctx context.Context) (*RightsVerification, error)

	CreateListing(ctx context.Context, l *Listing) error
	CancelListing(ctx context.Context, id int64, reason string) error
	GetListing(ctx context.Context, id int64) (*Listing, error)
	ListListings(ctx context.Context, f ListingFilter) ([]*Listing, int, error)
	PlaceBid(ctx context.Context, b *Bid) error
	ListBids(ctx context.Context, listing int64) ([]*Bid, error)
	// AcceptAgreement makes the trade of an agreement listing (by its named buyer or staff).
	AcceptAgreement(ctx context.Context, listing int64) (*RightsTrade, error)
	// CloseBidding awards the listing's bids by price-time priority, makes a trade
	// per winning bid and returns the unawarded volume to the seller. ECONFLICT when closed.
	CloseBidding(ctx context.Context, listing int64) ([]*RightsTrade, error)

	GetTrade(ctx context.Context, id int64) (*RightsTrade, error)
	ListTrades(ctx context.Context, f TradeFilter) ([]*RightsTrade, int, error)
	// NoticeBoard lists trades in or after public notice, with their objections; readable by the public.
	NoticeBoard(ctx context.Context, p Page) ([]*RightsTrade, int, error)
	AddObjection(ctx context.Context, o *Objection) error
	ListObjections(ctx context.Context, trade int64) ([]*Objection, error)
	// DecideTrade records the authority's decision; approving (or filing, or
	// settling a trade that needs no approval) settles the trade once: a second
	// decision is ECONFLICT. Settlement happens only after the notice period.
	DecideTrade(ctx context.Context, a *TradeApproval) (*RightsTrade, error)
	ListTradeApprovals(ctx context.Context, trade int64) ([]*TradeApproval, error)
}
