package billing

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

// yearRule selects the surcharge rule that measures the year for a class:
// a yearly rule (period year) or a monthly one marked yearly.
func yearRule(cat *Catalog, chain []string, class string, at time.Time) (*pricing.SurchargeRule, bool) {
	var cands []*pricing.SurchargeRule
	for _, r := range cat.Surcharges {
		if r.MeasuresYear() {
			cands = append(cands, r)
		}
	}
	return pricing.Select(cands, chain, class, at)
}

// quotas returns each water user's quota volume of a year: Σ over its
// declared outputs of the general norm value × output (m³).
func quotas(ctx context.Context, st sishui.Store, cat *Catalog, year int, regionOf map[int64]string) (map[int64]int64, error) {
	outs, err := st.ListOutputs(ctx, year)
	if err != nil {
		return nil, err
	}
	end := time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	q := map[int64]int64{}
	for _, o := range outs {
		region, ok := regionOf[o.UserID]
		if !ok {
			continue
		}
		if n, ok := cat.NormFor(region, o.Sector, o.Product, end); ok {
			q[o.UserID] += n.QuotaM3(o.Output, false)
		}
	}
	return q, nil
}

// monthlySurcharges sums, per permit, the surcharge of each month of the
// year in the bill in force (the latest bill of the permit and month,
// issued or draft).
func monthlySurcharges(ctx context.Context, st sishui.BillingStore, year int) (map[int64]pricing.Fen, error) {
	out := map[int64]pricing.Fen{}
	for mo := 1; mo <= 12; mo++ {
		bills, err := sishui.AllPages(func(p sishui.Page) ([]*sishui.Bill, int, error) {
			return st.ListBills(ctx, sishui.BillFilter{Subject: sishui.BillPermit, Period: year*100 + mo, Page: p})
		})
		if err != nil {
			return nil, err
		}
		last := map[int64]*sishui.Bill{}
		for _, b := range bills {
			if l := last[b.SubjectID]; l == nil || b.ID > l.ID {
				last[b.SubjectID] = b
			}
		}
		for id, b := range last {
			var lines []pricing.Line
			if err := json.Unmarshal(b.Lines, &lines); err != nil {
				return nil, fmt.Errorf("bill %d: %w", b.ID, err)
			}
			for _, l := range pricing.InForce(lines) {
				if l.Kind == pricing.LineSurcharge {
					out[id] += l.AmountFen
				}
			}
		}
	}
	return out, nil
}

// billPermitsYear makes the yearly over-plan / over-quota surcharge bills
// (subject permit_year, period yyyy12) of permit holders whose surcharge
// rule measures the year: the year's metered use against the year's limit
// (the annual plan, the quota from declared outputs and norms, or the lower,
// as the rule says), less the monthly surcharges of the year in force.
// Like the monthly bills it is idempotent: drafts are replaced and an issued
// yearly bill is adjusted only when its lines change.
func billPermitsYear(ctx context.Context, st sishui.Store, cat *Catalog, year int) (Summary, error) {
	var sum Summary
	dec := Month{year, time.December}
	months := make([]Month, 12)
	for i := range months {
		months[i] = Month{year, time.Month(i + 1)}
	}
	permits, err := allPermits(ctx, st)
	if err != nil {
		return sum, err
	}
	uses, _, err := usesByPermit(ctx, st, months)
	if err != nil {
		return sum, err
	}
	issued, err := inForce(ctx, st, sishui.BillPermitYear, dec)
	if err != nil {
		return sum, err
	}
	regionOf := map[int64]string{}
	permitsOf := map[int64]int{}
	for _, p := range permits {
		if p.Status == sishui.PermitActive {
			regionOf[p.UserID] = p.Region
			permitsOf[p.UserID]++
		}
	}
	quota, err := quotas(ctx, st, cat, year, regionOf)
	if err != nil {
		return sum, err
	}
	monthly, err := monthlySurcharges(ctx, st, year)
	if err != nil {
		return sum, err
	}
	var drafts []*sishui.Bill
	for _, p := range permits {
		u := uses[p.ID]
		if p.Status != sishui.PermitActive || u == nil {
			continue
		}
		chain := cat.Chain(p.Region)
		var tariff *pricing.Tariff
		var rule *pricing.SurchargeRule
		for _, class := range permitClasses {
			if t, ok := pricing.Select(cat.Tariffs, chain, class, dec.Start()); ok && tariff == nil {
				tariff = t
			}
			if r, ok := yearRule(cat, chain, class, dec.Start()); ok && rule == nil {
				rule = r
			}
		}
		if rule == nil {
			continue // no rule measures the year here: nothing to do
		}
		sum.Subjects++
		if tariff == nil {
			sum.problem("permit %s: no base tariff for the yearly surcharge in region %s", p.Number, p.Region)
			continue
		}
		var q int64
		if permitsOf[p.UserID] == 1 { // a user's quota is the limit of its only permit
			q = quota[p.UserID]
		} else if rule.Limit == pricing.LimitQuota {
			sum.problem("permit %s: the holder has %d permits; its quota is not split between them", p.Number, permitsOf[p.UserID])
			continue
		}
		limit := rule.YearLimit(planFor(p, months), q)
		if limit <= 0 {
			sum.problem("permit %s: no %s limit for %d", p.Number, orPlan(rule.Limit), year)
			continue
		}
		vol := pricing.LitresToM3(u.measured + u.estimated)
		b, err := pricing.Compute(pricing.BillInput{Tariff: tariff, VolumeM3: vol, Surcharge: rule, LimitM3: limit,
			SurchargeOnly: true, Estimated: u.estimated > 0})
		if err != nil {
			sum.problem("permit %s: %v", p.Number, err)
			continue
		}
		if rule.Period == pricing.CycleMonth { // a true-up of the monthly surcharges
			b = pricing.TrueUp(b, monthly[p.ID])
		}
		if b.TotalFen <= 0 && issued[p.ID] == nil {
			continue // within the year's limit, or already charged by month
		}
		d, err := draft(sishui.BillPermitYear, p.ID, p.Region, p.UserID, dec, b, u.estimated > 0, []int64{tariff.ID, rule.ID}, issued[p.ID], &sum)
		if err != nil {
			return sum, err
		}
		if d != nil {
			drafts = append(drafts, d)
		}
	}
	return sum, st.ReplaceDraftBills(ctx, sishui.BillPermitYear, dec.Key(), drafts)
}

func orPlan(limit string) string {
	if limit == "" {
		return pricing.LimitPlan
	}
	return limit
}
