package alerting

import (
	"context"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/warning"
)

// rightsOveruse yields the over-use-after-selling warning's inputs: for
// every permit whose withdrawal-right holder sold or leased out water in a
// settled trade this year, the permit's metered use year to date against what
// the holder kept — the lowest balance of its right for the permit's source
// this year. Metered use is not a ledger entry (issue 14): it is compared, not
// posted.
func (s *Service) rightsOveruse(ctx context.Context, in *inputs) ([]observed, error) {
	now, permits, ytdUse := in.now, in.permits, in.permitYTD
	var out []observed
	year := now.In(sishui.BeijingTime).Year()
	start, end := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	trades, err := sishui.AllPages(func(p sishui.Page) ([]*sishui.RightsTrade, int, error) {
		return s.store.ListTrades(ctx, sishui.TradeFilter{Status: sishui.TradeSettled, Page: p})
	})
	if err != nil {
		return nil, err
	}
	sold := map[int64]bool{} // seller holder IDs with a trade in this year
	for _, t := range trades {
		if !t.From.After(end) && !t.To.Before(start) {
			sold[t.Seller] = true
		}
	}
	if len(sold) == 0 {
		return nil, nil
	}
	holders, err := s.store.ListRightsHolders(ctx)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*sishui.Permit{}
	for _, p := range permits {
		byID[p.ID] = p
	}
	for _, h := range holders {
		p := byID[h.Permit]
		if h.Kind != sishui.HolderPermit || !sold[h.ID] || p == nil {
			continue
		}
		bs, err := s.store.RightsBalances(ctx, sishui.RightsFilter{Holder: h.ID, Source: p.Source, Year: year}, time.Time{})
		if err != nil {
			return nil, err
		}
		var kept int64
		for _, b := range bs {
			kept += b.MinM3
		}
		out = append(out, observed{warning.Observation{Kind: warning.RightsOveruse, Subject: "permit-rights:" + p.Number, Value: ytdUse[p.ID], Limit: float64(kept)},
			owner{region: p.Region, user: p.UserID}})
	}
	return out, nil
}
