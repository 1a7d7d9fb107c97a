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

// monthlySurcharges sums, per subject (a permit or an account), the
// surcharge of each month of the year in the bill in force (the latest bill
// of the subject and month, issued or draft), for the subjects in want.
func monthlySurcharges(ctx context.Context, st sishui.BillingStore, subject string, year int, want map[int64]bool) (map[int64]pricing.Fen, error) {
	out := map[int64]pricing.Fen{}
	for mo := 1; mo <= 12 && len(want) > 0; mo++ {
		bills, err := st.PeriodBills(ctx, subject, year*100+mo)
		if err != nil {
			return nil, err
		}
		last := map[int64]*sishui.Bill{}
		for _, b := range bills {
			if !want[b.SubjectID] {
				continue // not measured on the year (e.g. a household)
			}
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

// billYear makes, at the year's close (December's run), the yearly
// over-plan / over-quota surcharge bills (period yyyy12) of permit holders
// (subject permit_year) and of non-residential public-supply accounts
// (subject account_year) whose surcharge rule measures the year: the year's
// metered use against the year's limit (the plan, the quota from declared
// outputs and norms, or the lower, as the rule says), less the monthly
// surcharges of the year in force (see SurchargeRule.YearBill). A user's
// quota is split across its permits and accounts (splitQuotas). Like the
// monthly bills it is idempotent: drafts are replaced and an issued yearly
// bill is adjusted only when its lines change.
func billYear(ctx context.Context, st sishui.Store, cat *Catalog, year int) (Summary, error) {
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
	accounts, err := st.AllCustomerAccounts(ctx)
	if err != nil {
		return sum, err
	}
	users, err := sishui.AllPages(func(p sishui.Page) ([]*sishui.WaterUser, int, error) {
		return st.ListWaterUsers(ctx, sishui.WaterUserFilter{Page: p})
	})
	if err != nil {
		return sum, err
	}
	// A permit's recorded annual plan (年度取水计划) of the year is its plan;
	// without one, its monthly plans or annual volume.
	annual, err := st.ListAnnualPlans(ctx, 0, year)
	if err != nil {
		return sum, err
	}
	annualOf := map[int64]int64{}
	for _, ap := range annual {
		if ap.PlannedM3 > 0 {
			annualOf[ap.PermitID] = ap.PlannedM3
		}
	}
	sectorOf := map[int64]string{}
	for _, u := range users {
		sectorOf[u.ID] = u.Sector
	}

	// The subjects measured on the year, their rules and use.
	type yearSubject struct {
		holding
		number    string
		tariff    *pricing.Tariff
		rule      *pricing.SurchargeRule
		planM3    int64
		estimated bool
	}
	var subjects []*yearSubject
	for _, p := range permits {
		if p.Status != sishui.PermitActive {
			continue
		}
		chain := cat.Chain(p.Region)
		ys := &yearSubject{holding: holding{subject: sishui.BillPermit, id: p.ID, user: p.UserID, region: p.Region, sector: p.Sector}, number: p.Number, planM3: planFor(p, months)}
		if v, ok := annualOf[p.ID]; ok {
			ys.planM3 = v
		}
		for _, class := range permitClasses {
			if t, ok := pricing.Select(cat.Tariffs, chain, class, dec.Start()); ok && ys.tariff == nil {
				ys.tariff = t
			}
			if r, ok := yearRule(cat, chain, class, dec.Start()); ok && ys.rule == nil {
				ys.rule = r
			}
		}
		if ys.rule == nil {
			continue // no rule measures the year here: nothing to do
		}
		if u := uses[p.ID]; u != nil {
			ys.usedM3, ys.estimated = pricing.LitresToM3(u.measured+u.estimated), u.estimated > 0
		} else {
			ys.usedM3 = -1 // no metered use: no bill
		}
		subjects = append(subjects, ys)
	}
	first, last := dec.Start().AddDate(0, -11, 0), dec.End().AddDate(0, 0, -1)
	var reads map[int64][]reading
	plans := map[int64]int64{}
	for _, a := range accounts {
		if a.Opened.After(last) || !a.Closed.IsZero() && a.Closed.Before(first) {
			continue // not supplied this year
		}
		rule, ok := yearRule(cat, cat.Chain(a.Region), a.Class, dec.Start())
		if !ok {
			continue // residential and the like: no surcharge on the year
		}
		if reads == nil { // loaded once, when some account is measured on the year
			raw, err := st.MeterReads(ctx, 0, first.AddDate(-1, 0, 0), dec.End())
			if err != nil {
				return sum, err
			}
			reads = map[int64][]reading{}
			for _, r := range raw {
				reads[r.Account] = append(reads[r.Account], reading{r.ReadOn, r.ReadingM3, r.Estimated})
			}
			ps, err := st.AllAccountPlans(ctx, year)
			if err != nil {
				return sum, err
			}
			for _, p := range ps {
				plans[p.Account] = p.PlanM3
			}
		}
		ys := &yearSubject{holding: holding{subject: sishui.BillAccount, id: a.ID, user: a.UserID, region: a.Region, sector: sectorOf[a.UserID], usedM3: -1},
			number: a.Number, rule: rule}
		ys.tariff, ok = cat.contractTariff(a, dec.Start())
		if !ok {
			ys.tariff, _ = pricing.Select(cat.Tariffs, cat.Chain(a.Region), a.Class, dec.Start())
		}
		if p, ok := plans[a.ID]; ok {
			ys.planM3 = p
		} else {
			ys.planM3 = a.PlanM3 * openShare(a, pricing.CycleYear, dec).Num
		}
		rs := reads[a.ID]
		if end, ok := at(rs, last); ok && !end.day.Before(first) {
			start, ok := at(rs, first.AddDate(0, 0, -1))
			if !ok {
				start = rs[0] // a new account: its first read opens the register
			}
			if end.m3 >= start.m3 {
				ys.usedM3, ys.estimated = end.m3-start.m3, start.estimated || end.estimated
			}
		}
		subjects = append(subjects, ys)
	}

	// The users' quotas, split across their permits and accounts.
	var hs []holding
	for _, ys := range subjects {
		if ys.user != 0 {
			h := ys.holding
			h.usedM3 = max(h.usedM3, 0)
			hs = append(hs, h)
		}
	}
	decls, err := quotaDecls(ctx, st, cat, year, last, hs, 12)
	if err != nil {
		return sum, err
	}
	quota := splitQuotas(decls, hs, false)

	drafts := map[string][]*sishui.Bill{}
	for _, subject := range []string{sishui.BillPermit, sishui.BillAccount} {
		billSubject := yearSubjectOf(subject)
		issued, err := inForce(ctx, st, billSubject, dec)
		if err != nil {
			return sum, err
		}
		want := map[int64]bool{}
		for _, ys := range subjects {
			if ys.subject == subject && ys.usedM3 >= 0 {
				want[ys.id] = true
			}
		}
		monthly, err := monthlySurcharges(ctx, st, subject, year, want)
		if err != nil {
			return sum, err
		}
		for _, ys := range subjects {
			if ys.subject != subject {
				continue
			}
			sum.Subjects++
			if ys.usedM3 < 0 {
				if ys.subject == sishui.BillAccount {
					sum.problem("account %s: no reads measure %d (or its register went back)", ys.number, year)
				}
				continue
			}
			if ys.tariff == nil {
				sum.problem("%s %s: no base tariff for the yearly surcharge in region %s", subject, ys.number, ys.region)
				continue
			}
			limit := ys.rule.YearLimit(ys.planM3, quota[holdKey{ys.subject, ys.id}])
			if limit <= 0 {
				sum.problem("%s %s: no %s limit for %d", subject, ys.number, orPlan(ys.rule.Limit), year)
				continue
			}
			b, err := pricing.Compute(pricing.BillInput{Tariff: ys.tariff, VolumeM3: ys.usedM3, Surcharge: ys.rule, LimitM3: limit,
				SurchargeOnly: true, Estimated: ys.estimated})
			if err != nil {
				sum.problem("%s %s: %v", subject, ys.number, err)
				continue
			}
			b = ys.rule.YearBill(b, monthly[ys.id])
			if b.TotalFen == 0 && issued[ys.id] == nil {
				continue // within the year's limit, or already charged by month
			}
			d, err := draft(billSubject, ys.id, ys.region, ys.user, dec, b, ys.estimated, []int64{ys.tariff.ID, ys.rule.ID}, issued[ys.id], &sum)
			if err != nil {
				return sum, err
			}
			if d != nil {
				drafts[billSubject] = append(drafts[billSubject], d)
			}
		}
	}
	if err := st.ReplaceDraftBills(ctx, sishui.BillPermitYear, dec.Key(), drafts[sishui.BillPermitYear]); err != nil {
		return sum, err
	}
	return sum, st.ReplaceDraftBills(ctx, sishui.BillAccountYear, dec.Key(), drafts[sishui.BillAccountYear])
}

// yearSubjectOf is the subject of the yearly bills of a monthly bill subject.
func yearSubjectOf(subject string) string {
	if subject == sishui.BillAccount {
		return sishui.BillAccountYear
	}
	return sishui.BillPermitYear
}

func orPlan(limit string) string {
	if limit == "" {
		return pricing.LimitPlan
	}
	return limit
}
