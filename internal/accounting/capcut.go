package accounting

import (
	"context"
	"fmt"
	"slices"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/indicator"
	"github.com/sishui/sishui/internal/permitting"
)

// CapReductions proposes next year's cap cuts (《山东省水资源条例》 arts.
// 39–40): for the city and each county that missed, in year-1, one of the
// configured intensity targets (cfg.CapReductionIndicators), a cut of its
// year cap by cfg.CapReductionBasisPoints (0: flag only), for the city to
// adopt. Only final results count (meets/misses); a region with no cap for
// year is proposed against a cap of 0 (flag only).
func (s *Service) CapReductions(ctx context.Context, year int, cfg permitting.Config) ([]*permitting.CapReduction, error) {
	if err := sishui.CheckYear("year", year); err != nil {
		return nil, err
	}
	ri, err := s.regions(ctx)
	if err != nil {
		return nil, err
	}
	codes := []string{ri.root}
	for _, c := range ri.below[ri.root] {
		if r := ri.byCode[c]; r != nil && r.Level == sishui.LevelCounty {
			codes = append(codes, c)
		}
	}
	out := []*permitting.CapReduction{}
	for _, region := range codes {
		st, err := s.Indicators(ctx, region, year-1)
		if err != nil {
			return nil, fmt.Errorf("accounting: cap reductions: %s: %w", region, err)
		}
		var missed []string
		for _, x := range st {
			if x.Status == string(indicator.Misses) && slices.Contains(cfg.CapReductionIndicators, x.ID) {
				missed = append(missed, x.ID)
			}
		}
		var capM3 int64
		caps, err := s.store.ListCaps(ctx, region, year)
		if err != nil {
			return nil, fmt.Errorf("accounting: cap reductions: caps: %w", err)
		}
		if len(caps) == 1 {
			capM3 = caps[0].TotalM3
		}
		if p := permitting.ProposeCapReduction(region, year, capM3, missed, cfg.CapReductionBasisPoints); p != nil {
			out = append(out, p)
		}
	}
	return out, nil
}
