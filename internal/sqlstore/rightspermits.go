package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights"
)

// SetRightsRules replaces the market's configurable rules (checked first).
func (s *DB) SetRightsRules(c rights.Config) error {
	if err := c.Validate(); err != nil {
		return err
	}
	s.Rights = c
	return nil
}

// Sides of a permit change by a trade.
const (
	tradeSideSeller = "seller"
	tradeSideBuyer  = "buyer"
)

// TradePermit is a permit changed by a settled withdrawal-right trade.
type TradePermit struct {
	Trade    int64  `json:"trade"`
	Permit   int64  `json:"permit"`
	Side     string `json:"side"` // seller | buyer
	BeforeM3 int64  `json:"before_m3"`
	AfterM3  int64  `json:"after_m3"`
}

// settlePermits changes both permits of a settled withdrawal-right transfer
// (取水权转让), in the settlement's transaction, each change audited: the
// seller's annual volume goes down by the traded volume (its monthly plan
// scaled to fit; a permit sold whole is cancelled), the buyer's goes up when
// its permit is in force for the same source and region. Otherwise the buyer
// applies for a new permit citing the trade ("trade:N"), which 限批 lets
// through (ExceptRightsTrade). A lease changes no permit: the water returns
// by itself at the lease's end, and the over-use warning counts the ledger.
func (s *DB) settlePermits(ctx context.Context, tx *sql.Tx, t *sishui.RightsTrade) error {
	if t.Status != sishui.TradeSettled || t.Type != sishui.TradeWithdrawal || t.Mode != sishui.ModeTransfer {
		return nil
	}
	seller, err := s.holder(ctx, tx, t.Seller)
	if err != nil {
		return err
	}
	buyer, err := s.holder(ctx, tx, t.Buyer)
	if err != nil {
		return err
	}
	memo := fmt.Sprintf("withdrawal-right trade %d: %d m³", t.ID, t.VolumeM3)
	if p, err := s.holderPermit(ctx, tx, seller); err != nil {
		return err
	} else if p != nil {
		before := *p
		after := p.AnnualM3 - t.VolumeM3
		if after < 1 {
			p.Status = sishui.PermitCancelled
			after = 0
		} else {
			p.MonthlyPlanM3 = scalePlan(p.MonthlyPlanM3, p.AnnualM3, after)
			p.AnnualM3 = after
		}
		if err := s.changeTradePermit(ctx, tx, t, p, &before, tradeSideSeller, before.AnnualM3, after, memo+" sold"); err != nil {
			return err
		}
	}
	if p, err := s.holderPermit(ctx, tx, buyer); err != nil {
		return err
	} else if p != nil && p.Status == sishui.PermitActive && p.Source == t.Source && !t.To.Before(p.ValidFrom) && !p.ValidTo.Before(t.From) {
		before := *p
		p.AnnualM3 += t.VolumeM3
		if err := s.changeTradePermit(ctx, tx, t, p, &before, tradeSideBuyer, before.AnnualM3, p.AnnualM3, memo+" bought"); err != nil {
			return err
		}
	}
	return nil
}

// scalePlan scales a monthly plan down to a new annual volume (floor per month) when it no longer fits.
func scalePlan(plan []int64, oldAnnual, annual int64) []int64 {
	var sum int64
	for _, v := range plan {
		sum += v
	}
	if len(plan) == 0 || sum <= annual || oldAnnual <= 0 {
		return plan
	}
	out := make([]int64, len(plan))
	for i, v := range plan {
		out[i] = v * annual / sum
	}
	return out
}

// holderPermit is a withdrawal-right holder's permit; nil for other holders
// and for a permit not in this registry (the ledger alone holds that right).
func (s *DB) holderPermit(ctx context.Context, tx *sql.Tx, h *sishui.RightsHolder) (*sishui.Permit, error) {
	if h == nil || h.Kind != sishui.HolderPermit || h.Permit <= 0 {
		return nil, nil
	}
	p, err := s.permitRow(ctx, tx, h.Permit)
	if sishui.ErrorCode(err) == sishui.ENOTFOUND {
		return nil, nil
	}
	return p, err
}

// permitRow reads a permit whatever the actor's scope (the trade's decider may
// be a county whose buyer lies elsewhere).
func (s *DB) permitRow(ctx context.Context, tx *sql.Tx, id int64) (*sishui.Permit, error) {
	sys := sishui.WithActor(ctx, &sishui.Actor{Username: "system", Role: sishui.RoleSystem})
	return getEntity(sys, s, permitEntity, tx, id)
}

func (s *DB) changeTradePermit(ctx context.Context, tx *sql.Tx, t *sishui.RightsTrade, p, before *sishui.Permit, side string, from, to int64, memo string) error {
	now := s.Now().UTC()
	p.UpdatedAt = fromMS(ms(now))
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE permits SET annual_m3 = ?, monthly_plan = ?, status = ?, updated_ms = ? WHERE id = ?`),
		p.AnnualM3, planJSON(p), p.Status, ms(now), p.ID); err != nil {
		return err
	}
	if err := s.recordTradePermit(ctx, tx, t.ID, p.ID, side, from, to); err != nil {
		return err
	}
	return s.audit(ctx, tx, "update", "permit", strconv.FormatInt(p.ID, 10), before, p, memo)
}

func (s *DB) recordTradePermit(ctx context.Context, tx *sql.Tx, trade, permit int64, side string, from, to int64) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO rights_trade_permits (trade_id, permit_id, side, before_m3, after_m3, created_ms) VALUES (?, ?, ?, ?, ?, ?)`),
		trade, permit, side, from, to, ms(s.Now()))
	return err
}

// ListTradePermits lists the permit changes of a trade (or of every trade, trade 0).
func (s *DB) ListTradePermits(ctx context.Context, trade int64) ([]TradePermit, error) {
	q := `SELECT trade_id, permit_id, side, before_m3, after_m3 FROM rights_trade_permits`
	var args []any
	if trade > 0 {
		q += ` WHERE trade_id = ?`
		args = append(args, trade)
	}
	out, err := all(ctx, s, q+` ORDER BY id`, args, func(sc scanner) (*TradePermit, error) {
		var x TradePermit
		err := sc.Scan(&x.Trade, &x.Permit, &x.Side, &x.BeforeM3, &x.AfterM3)
		return &x, err
	})
	if err != nil {
		return nil, err
	}
	res := make([]TradePermit, len(out))
	for i, x := range out {
		res[i] = *x
	}
	return res, nil
}

// tradeRef parses an application's trade reference: "trade:N" or "N".
func tradeRef(ref string) (int64, bool) {
	ref = strings.TrimPrefix(strings.TrimSpace(ref), "trade:")
	id, err := strconv.ParseInt(ref, 10, 64)
	return id, err == nil && id > 0
}

// checkTradeRef checks the rights trade a permit application cites for the
// 限批 exception: a settled withdrawal-right (or irrigation) trade bought by
// the applicant, of the application's source, at least the applied volume,
// whose water no permit has taken yet.
func (s *DB) checkTradeRef(ctx context.Context, tx *sql.Tx, a *sishui.PermitApplication) (int64, error) {
	id, ok := tradeRef(a.TradeRef)
	if !ok {
		return 0, sishui.Invalid("trade_ref", "must name a settled rights trade as trade:N, got %q", a.TradeRef)
	}
	var status, typ, source string
	var volume int64
	var user sql.NullInt64
	err := tx.QueryRowContext(ctx, s.q(`SELECT t.status, t.type, t.source, t.volume_m3, h.water_user FROM rights_trades t JOIN rights_holders h ON h.id = t.buyer WHERE t.id = ?`), id).
		Scan(&status, &typ, &source, &volume, &user)
	if err == sql.ErrNoRows {
		return 0, sishui.Invalid("trade_ref", "rights trade %d not found", id)
	}
	if err != nil {
		return 0, err
	}
	var taken int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM rights_trade_permits WHERE trade_id = ? AND side = ?`), id, tradeSideBuyer).Scan(&taken); err != nil {
		return 0, err
	}
	switch {
	case status != sishui.TradeSettled:
		return 0, sishui.Invalid("trade_ref", "rights trade %d is %s, not settled", id, status)
	case typ != sishui.TradeWithdrawal && typ != sishui.TradeIrrigation:
		return 0, sishui.Invalid("trade_ref", "rights trade %d is a %s trade; a permit takes withdrawal or irrigation rights", id, typ)
	case !user.Valid || user.Int64 != a.UserID:
		return 0, sishui.Invalid("trade_ref", "rights trade %d was not bought by this water user", id)
	case source != a.Source:
		return 0, sishui.Invalid("trade_ref", "rights trade %d is of source %s, not %s", id, source, a.Source)
	case a.AnnualM3 > volume:
		return 0, sishui.Invalid("trade_ref", "rights trade %d provides %d m³, less than the %d m³ applied for", id, volume, a.AnnualM3)
	case taken > 0:
		return 0, sishui.Invalid("trade_ref", "the water of rights trade %d is already in a permit", id)
	}
	return id, nil
}
