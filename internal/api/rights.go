package api

import (
	"fmt"
	"net/http"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/report"
	"github.com/sishui/sishui/internal/rights"
	"github.com/sishui/sishui/internal/rightsreport"
)

// ListingInput offers water on the market (挂牌). Dates are YYYY-MM-DD, inclusive.
type ListingInput struct {
	Type     string `json:"type"`   // regional | withdrawal | irrigation
	Mode     string `json:"mode"`   // transfer | lease
	Method   string `json:"method"` // agreement | bidding
	Seller   int64  `json:"seller"`
	Buyer    int64  `json:"buyer,omitempty"`
	Source   string `json:"source"`
	VolumeM3 int64  `json:"volume_m3"`
	PriceFen int64  `json:"price_fen"`
	From     string `json:"from"`
	To       string `json:"to"`
	Note     string `json:"note,omitempty"`
}

// EntryInput is one leg of a direct transaction; from/to (YYYY-MM-DD) give an optional window.
type EntryInput struct {
	Holder   int64  `json:"holder"`
	Source   string `json:"source"`
	Year     int    `json:"year"`
	VolumeM3 int64  `json:"volume_m3"`
	From     string `json:"from,omitempty"`
	To       string `json:"to,omitempty"`
}

// TxInput posts an allocation, buy-back or expiry, or (reason correction,
// reverses set, no entries) reverses an earlier one.
type TxInput struct {
	Reason   string       `json:"reason"`
	Reverses int64        `json:"reverses,omitempty"`
	Memo     string       `json:"memo,omitempty"`
	Entries  []EntryInput `json:"entries,omitempty"`
}

// BidInput bids on a bidding listing.
type BidInput struct {
	Buyer    int64 `json:"buyer"`
	VolumeM3 int64 `json:"volume_m3"`
	PriceFen int64 `json:"price_fen"`
}

// DecisionInput is the authority's decision on a trade.
type DecisionInput struct {
	Decision        string `json:"decision"` // approve | reject | file
	SavingsVerified bool   `json:"savings_verified"`
	Note            string `json:"note,omitempty"`
}

// ReasonInput gives a reason.
type ReasonInput struct {
	Reason string `json:"reason"`
}

func parseDay(field, v string, required bool) (time.Time, error) {
	if v == "" {
		if required {
			return time.Time{}, sishui.Invalid(field, "is required (YYYY-MM-DD)")
		}
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, sishui.Invalid(field, "must be a date YYYY-MM-DD, got %q", v)
	}
	return t, nil
}

// rightsRules returns the store's market rules (the defaults for a store without its own).
func (s *Server) rightsRules() rights.Config {
	if c, ok := s.Store.(interface{ RightsRules() rights.Config }); ok {
		return c.RightsRules()
	}
	return rights.DefaultConfig()
}

func (s *Server) rightsRoutes() []Route {
	st := s.Store
	const tag = "rights"
	listQ := func(ps ...Param) []Param {
		return withPage(append(ps, Param{"holder", "integer", "holder id"}, Param{"source", "string", "source code"}, Param{"year", "integer", "year"})...)
	}
	filter := func(r *http.Request) (sishui.RightsFilter, error) {
		var f sishui.RightsFilter
		var err error
		if f.Holder, err = qInt64(r, "holder"); err != nil {
			return f, err
		}
		if f.Year, err = qInt(r, "year"); err != nil {
			return f, err
		}
		f.Source = r.URL.Query().Get("source")
		f.Page, err = qPage(r)
		return f, err
	}
	withID := func(fn func(w http.ResponseWriter, r *http.Request, id int64) error) func(http.ResponseWriter, *http.Request) error {
		return func(w http.ResponseWriter, r *http.Request) error {
			id, err := pathID(r)
			if err != nil {
				return err
			}
			return fn(w, r, id)
		}
	}
	return []Route{
		{Method: "GET", Path: "/api/v1/rights/holders", Summary: "Water-rights holders in the caller's scope", Tag: tag, Out: []*sishui.RightsHolder{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				v, err := st.ListRightsHolders(r.Context())
				return reply(w, v, err)
			}},
		{Method: "PUT", Path: "/api/v1/rights/holders", Summary: "Create or update a holder by code (city staff; audited)", Tag: tag, In: sishui.RightsHolder{}, Out: sishui.RightsHolder{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var h sishui.RightsHolder
				if err := decode(r, &h); err != nil {
					return err
				}
				return reply(w, h, st.UpsertRightsHolder(r.Context(), &h))
			}},
		{Method: "GET", Path: "/api/v1/rights/balances", Summary: "Balances derived from the ledger on a day (default each year's first day), with each year's lowest and highest", Tag: tag,
			Out: []sishui.RightsBalance{}, Query: append(listQ()[:3], Param{"day", "string", "YYYY-MM-DD"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f, err := filter(r)
				if err != nil {
					return err
				}
				d, err := parseDay("day", r.URL.Query().Get("day"), false)
				if err != nil {
					return err
				}
				v, err := st.RightsBalances(r.Context(), f, d)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/rights/entries", Summary: "Ledger transactions with their entries, newest first", Tag: tag, Out: List[*sishui.RightsTx]{}, Query: listQ(),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f, err := filter(r)
				if err != nil {
					return err
				}
				v, n, err := st.ListRightsTxs(r.Context(), f)
				return replyList(w, v, n, f.Page, err)
			}},
		{Method: "POST", Path: "/api/v1/rights/transactions", Summary: "Post an allocation, buy-back or expiry, or reverse one (reason correction); city staff; audited", Tag: tag,
			In: TxInput{}, Out: sishui.RightsTx{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in TxInput
				if err := decode(r, &in); err != nil {
					return err
				}
				tx := &sishui.RightsTx{Reason: in.Reason, Reverses: in.Reverses, Memo: in.Memo}
				for i, e := range in.Entries {
					from, err := parseDay(fmt.Sprintf("entries[%d].from", i), e.From, false)
					if err != nil {
						return err
					}
					to, err := parseDay(fmt.Sprintf("entries[%d].to", i), e.To, false)
					if err != nil {
						return err
					}
					tx.Entries = append(tx.Entries, sishui.RightsEntry{Holder: e.Holder, Source: e.Source, Year: e.Year, VolumeM3: e.VolumeM3, From: from, To: to})
				}
				return replyCreated(w, tx, st.PostRightsTx(r.Context(), tx))
			}},
		{Method: "GET", Path: "/api/v1/rights/listings", Summary: "Listings on the market, newest first", Tag: tag, Out: List[*sishui.Listing]{},
			Query: withPage(Param{"status", "string", "open | closed | cancelled"}, Param{"seller", "integer", "holder id"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var f sishui.ListingFilter
				var err error
				if f.Seller, err = qInt64(r, "seller"); err != nil {
					return err
				}
				if f.Page, err = qPage(r); err != nil {
					return err
				}
				f.Status = r.URL.Query().Get("status")
				v, n, err := st.ListListings(r.Context(), f)
				return replyList(w, v, n, f.Page, err)
			}},
		{Method: "POST", Path: "/api/v1/rights/listings", Summary: "List water (挂牌): the volume is frozen; refused above the seller's unsold right, for ecological water, or a public supplier's withdrawal right", Tag: tag,
			In: ListingInput{}, Out: sishui.Listing{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in ListingInput
				if err := decode(r, &in); err != nil {
					return err
				}
				from, err := parseDay("from", in.From, true)
				if err != nil {
					return err
				}
				to, err := parseDay("to", in.To, true)
				if err != nil {
					return err
				}
				l := &sishui.Listing{Type: in.Type, Mode: in.Mode, Method: in.Method, Seller: in.Seller, Buyer: in.Buyer, Source: in.Source,
					VolumeM3: in.VolumeM3, PriceFen: in.PriceFen, From: from, To: to, Note: in.Note}
				return replyCreated(w, l, st.CreateListing(r.Context(), l))
			}},
		{Method: "GET", Path: "/api/v1/rights/listings/{id}", Summary: "A listing", Tag: tag, Out: sishui.Listing{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				v, err := st.GetListing(r.Context(), id)
				return reply(w, v, err)
			})},
		{Method: "POST", Path: "/api/v1/rights/listings/{id}/cancel", Summary: "Withdraw an open listing; its water returns to the seller", Tag: tag, In: ReasonInput{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				var in ReasonInput
				if err := decode(r, &in); err != nil {
					return err
				}
				return replyNoContent(w, st.CancelListing(r.Context(), id, in.Reason))
			})},
		{Method: "GET", Path: "/api/v1/rights/listings/{id}/bids", Summary: "Bids on a listing (staff see all, others their own)", Tag: tag, Out: []*sishui.Bid{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				v, err := st.ListBids(r.Context(), id)
				return reply(w, v, err)
			})},
		{Method: "POST", Path: "/api/v1/rights/listings/{id}/bids", Summary: "Bid on a bidding listing (单向竞价); groundwater bids from an over-extraction area are refused", Tag: tag,
			In: BidInput{}, Out: sishui.Bid{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				var in BidInput
				if err := decode(r, &in); err != nil {
					return err
				}
				b := &sishui.Bid{Listing: id, Buyer: in.Buyer, VolumeM3: in.VolumeM3, PriceFen: in.PriceFen}
				return replyCreated(w, b, st.PlaceBid(r.Context(), b))
			})},
		{Method: "POST", Path: "/api/v1/rights/listings/{id}/close", Summary: "Close bidding: award by price-time priority, trades enter public notice, the unsold rest returns", Tag: tag,
			Out: []*sishui.RightsTrade{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				v, err := st.CloseBidding(r.Context(), id)
				return reply(w, v, err)
			})},
		{Method: "POST", Path: "/api/v1/rights/listings/{id}/accept", Summary: "Accept an agreement transfer (协议转让): the trade enters public notice", Tag: tag,
			Out: sishui.RightsTrade{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				v, err := st.AcceptAgreement(r.Context(), id)
				return replyCreated(w, v, err)
			})},
		{Method: "GET", Path: "/api/v1/rights/trades", Summary: "Trades of the caller's holders, newest first", Tag: tag, Out: List[*sishui.RightsTrade]{},
			Query: withPage(Param{"status", "string", "notice | settled | rejected | cancelled"}, Param{"holder", "integer", "buyer or seller"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var f sishui.TradeFilter
				var err error
				if f.Holder, err = qInt64(r, "holder"); err != nil {
					return err
				}
				if f.Page, err = qPage(r); err != nil {
					return err
				}
				f.Status = r.URL.Query().Get("status")
				v, n, err := st.ListTrades(r.Context(), f)
				return replyList(w, v, n, f.Page, err)
			}},
		{Method: "GET", Path: "/api/v1/rights/trades/{id}", Summary: "A trade", Tag: tag, Out: sishui.RightsTrade{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				v, err := st.GetTrade(r.Context(), id)
				return reply(w, v, err)
			})},
		{Method: "GET", Path: "/api/v1/rights/trades/{id}/approvals", Summary: "Decisions on a trade", Tag: tag, Out: []*sishui.TradeApproval{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				v, err := st.ListTradeApprovals(r.Context(), id)
				return reply(w, v, err)
			})},
		{Method: "POST", Path: "/api/v1/rights/trades/{id}/approvals", Summary: "Decide a trade after its notice: approve (withdrawal rights: savings verified on site), file (long irrigation trades) or reject; settles once", Tag: tag,
			In: DecisionInput{}, Out: sishui.RightsTrade{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				var in DecisionInput
				if err := decode(r, &in); err != nil {
					return err
				}
				v, err := st.DecideTrade(r.Context(), &sishui.TradeApproval{Trade: id, Decision: in.Decision, SavingsVerified: in.SavingsVerified, Note: in.Note})
				return reply(w, v, err)
			})},
		{Method: "GET", Path: "/api/v1/rights/notices", Summary: "The public notice board (公示): trades in and after notice", Tag: tag, Public: true,
			Out: List[*sishui.RightsTrade]{}, Query: pageParams,
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := qPage(r)
				if err != nil {
					return err
				}
				v, n, err := st.NoticeBoard(r.Context(), p)
				return replyList(w, v, n, p, err)
			}},
		{Method: "GET", Path: "/api/v1/rights/notices/{id}/objections", Summary: "Objections raised against a trade in notice", Tag: tag, Public: true, Out: []*sishui.Objection{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				v, err := st.ListObjections(r.Context(), id)
				return reply(w, v, err)
			})},
		{Method: "POST", Path: "/api/v1/rights/notices/{id}/objections", Summary: "Object to a trade during its notice (signed in; audited)", Tag: tag, In: sishui.Objection{}, Out: sishui.Objection{},
			Handler: withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
				var o sishui.Objection
				if err := decode(r, &o); err != nil {
					return err
				}
				o.Trade = id
				return replyCreated(w, o, st.AddObjection(r.Context(), &o))
			})},
		{Method: "GET", Path: "/api/v1/rights/reports/{kind}", Summary: "Monthly or annual water-rights report (用水权月报/年报): balances, ledger movements, trades (json, csv or xlsx)", Tag: tag,
			Out: report.Report{}, Query: []Param{{"year", "integer", "year"}, {"month", "integer", "month (monthly reports)"}, {"format", "string", "json | csv | xlsx"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				year, err := qInt(r, "year")
				if err != nil {
					return err
				}
				month, err := qInt(r, "month")
				if err != nil {
					return err
				}
				rep, err := rightsreport.Build(r.Context(), st, r.PathValue("kind"), year, month, time.Now())
				if err != nil {
					return err
				}
				return writeReport(w, rep, r.URL.Query().Get("format"))
			}},
		{Method: "GET", Path: "/api/v1/rights/caps", Summary: "Own and effective total-use caps on a day after settled regional trades (the caps table is never edited)", Tag: tag,
			Out: []rights.EffectiveCap{}, Query: []Param{{"day", "string", "YYYY-MM-DD (default today)"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				d, err := parseDay("day", r.URL.Query().Get("day"), false)
				if err != nil {
					return err
				}
				if d.IsZero() {
					bj := time.Now().In(sishui.BeijingTime)
					d = time.Date(bj.Year(), bj.Month(), bj.Day(), 0, 0, 0, 0, time.UTC)
				}
				v, err := effectiveCaps(r, st, s.rightsRules(), d)
				return reply(w, v, err)
			}},
	}
}

// effectiveCaps reads the caps and the settled regional trades in the caller's scope.
func effectiveCaps(r *http.Request, st sishui.Store, c rights.Config, d time.Time) ([]rights.EffectiveCap, error) {
	ctx := r.Context()
	caps, err := st.ListCaps(ctx, "", d.Year())
	if err != nil {
		return nil, err
	}
	hs, err := st.ListRightsHolders(ctx)
	if err != nil {
		return nil, err
	}
	regionOf := map[int64]string{}
	for _, h := range hs {
		if h.Kind == sishui.HolderRegion {
			regionOf[h.ID] = h.Region
		}
	}
	var trades []*sishui.RightsTrade
	for p := (sishui.Page{Limit: sishui.MaxPageLimit}); ; p.Offset += p.Limit {
		ts, n, err := st.ListTrades(ctx, sishui.TradeFilter{Status: sishui.TradeSettled, Page: p})
		if err != nil {
			return nil, err
		}
		trades = append(trades, ts...)
		if p.Offset+p.Limit >= n {
			break
		}
	}
	return c.EffectiveCaps(caps, trades, regionOf, d), nil
}
