package billing

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

// Classes tried, in order, for the base price and surcharge of a permit
// holder's over-plan use.
var permitClasses = []string{"permit", pricing.ClassNonResidential}

// Summary says what a batch run did.
type Summary struct {
	Subjects    int      `json:"subjects"`    // accounts or permits looked at
	Drafts      int      `json:"drafts"`      // draft bills (or verifications) written
	Adjustments int      `json:"adjustments"` // of which adjustment bills
	Unchanged   int      `json:"unchanged"`   // issued and still right: nothing to do
	Skipped     int      `json:"skipped"`     // not billable: no read, no tariff, …
	TotalFen    int64    `json:"total_fen"`   // of the drafts
	Problems    []string `json:"problems,omitempty"`
}

func (s *Summary) problem(format string, args ...any) {
	s.Skipped++
	if len(s.Problems) < 200 {
		s.Problems = append(s.Problems, fmt.Sprintf(format, args...))
	}
}

// Progress is called with the subjects done and the total.
type Progress func(done, total int)

// RunBilling bills every customer account and every permit holder's
// over-plan use for a month. It is idempotent: drafts of the month are
// replaced; an account or permit with an issued bill gets a draft
// adjustment bill only when its recomputed lines differ from those in force.
func RunBilling(ctx context.Context, st sishui.Store, m Month, progress Progress) (Summary, error) {
	cat, err := LoadCatalog(ctx, st)
	if err != nil {
		return Summary{}, err
	}
	sum, err := billAccounts(ctx, st, cat, m, progress)
	if err != nil {
		return sum, err
	}
	ps, err := billPermits(ctx, st, cat, m)
	sum.add(ps)
	if err != nil || m.Month != time.December {
		return sum, err
	}
	ys, err := billYear(ctx, st, cat, m.Year) // the year closes: yearly surcharges
	sum.add(ys)
	return sum, err
}

func (s *Summary) add(o Summary) {
	s.Subjects += o.Subjects
	s.Drafts += o.Drafts
	s.Adjustments += o.Adjustments
	s.Unchanged += o.Unchanged
	s.Skipped += o.Skipped
	s.TotalFen += o.TotalFen
	s.Problems = append(s.Problems, o.Problems...)
}

// reading is the register value at a day and whether it was estimated.
type reading struct {
	day       time.Time
	m3        int64
	estimated bool
}

// at returns the latest read on or before day; ok false when none.
func at(rs []reading, day time.Time) (reading, bool) {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].day.After(day) })
	if i == 0 {
		return reading{}, false
	}
	return rs[i-1], true
}

// openShare is the share of the tariff's cycle containing m that the account is open.
func openShare(a *sishui.CustomerAccount, cycle string, m Month) pricing.Share {
	if cycle == pricing.CycleYear {
		first, last := 1, 12
		if a.Opened.Year() == m.Year {
			first = int(a.Opened.Month())
		}
		if !a.Closed.IsZero() && a.Closed.Year() == m.Year {
			last = int(a.Closed.Month())
		}
		return pricing.Share{Num: int64(max(last-first+1, 0)), Den: 12}
	}
	days := int64(m.End().Sub(m.Start()).Hours() / 24)
	from, to := m.Start(), m.End().AddDate(0, 0, -1)
	if a.Opened.After(from) {
		from = a.Opened
	}
	if !a.Closed.IsZero() && a.Closed.Before(to) {
		to = a.Closed
	}
	n := int64(to.Sub(from).Hours()/24) + 1
	return pricing.Share{Num: max(min(n, days), 0), Den: days}
}

func billAccounts(ctx context.Context, st sishui.Store, cat *Catalog, m Month, progress Progress) (Summary, error) {
	var sum Summary
	accounts, err := st.AllCustomerAccounts(ctx)
	if err != nil {
		return sum, err
	}
	// Reads from the year before the cycle start (for the opening register)
	// to the month's end.
	cycleStart := time.Date(m.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	raw, err := st.MeterReads(ctx, 0, cycleStart.AddDate(-1, 0, 0), m.End())
	if err != nil {
		return sum, err
	}
	reads := map[int64][]reading{}
	for _, r := range raw {
		reads[r.Account] = append(reads[r.Account], reading{r.ReadOn, r.ReadingM3, r.Estimated})
	}
	issued, err := inForce(ctx, st, sishui.BillAccount, m)
	if err != nil {
		return sum, err
	}
	var drafts []*sishui.Bill
	lastDay := m.End().AddDate(0, 0, -1)
	for i, a := range accounts {
		if progress != nil && i%1000 == 0 {
			progress(i, len(accounts))
		}
		sum.Subjects++
		if a.Opened.After(lastDay) || !a.Closed.IsZero() && a.Closed.Before(m.Start()) {
			continue // not supplied this month
		}
		rs := reads[a.ID]
		end, ok := at(rs, lastDay)
		if !ok || end.day.Before(m.Start()) {
			sum.problem("account %s: no read in %s", a.Number, m)
			continue
		}
		start, ok := at(rs, m.Start().AddDate(0, 0, -1))
		if !ok {
			start = rs[0] // a new account: its first read opens the register
		}
		if end.m3 < start.m3 {
			sum.problem("account %s: register went back from %d to %d m³ (a meter change needs an opening read)", a.Number, start.m3, end.m3)
			continue
		}
		tariff, ok := cat.contractTariff(a, m.Start())
		if !ok {
			tariff, ok = pricing.Select(cat.Tariffs, cat.Chain(a.Region), a.Class, m.Start())
		}
		if !ok {
			sum.problem("account %s: no %s tariff for region %s in %s", a.Number, a.Class, a.Region, m)
			continue
		}
		in := pricing.BillInput{Tariff: tariff, VolumeM3: end.m3 - start.m3, Estimated: end.estimated || start.estimated,
			Open: openShare(a, tariff.Tiers.Cycle, m)}
		if a.Meter == sishui.MeterShared {
			in.Persons = int64(a.Persons)
		}
		if tariff.Tiers.Cycle == pricing.CycleYear {
			if c, ok := at(rs, cycleStart.AddDate(0, 0, -1)); ok {
				in.PriorM3 = max(start.m3-c.m3, 0)
			} else if first := rs[0]; !first.day.After(start.day) {
				in.PriorM3 = max(start.m3-first.m3, 0)
			}
		}
		ruleIDs := []int64{tariff.ID}
		if a.PlanM3 > 0 {
			if rule, ok := pricing.Select(cat.Surcharges, cat.Chain(a.Region), a.Class, m.Start()); ok && rule.Period == pricing.CycleMonth {
				in.Surcharge, in.LimitM3 = rule, a.PlanM3
				ruleIDs = append(ruleIDs, rule.ID)
			}
		}
		b, err := pricing.Compute(in)
		if err != nil {
			sum.problem("account %s: %v", a.Number, err)
			continue
		}
		d, err := draft(sishui.BillAccount, a.ID, a.Region, a.UserID, m, b, in.Estimated, ruleIDs, issued[a.ID], &sum)
		if err != nil {
			return sum, err
		}
		if d != nil {
			drafts = append(drafts, d)
		}
	}
	if progress != nil {
		progress(len(accounts), len(accounts))
	}
	return sum, st.ReplaceDraftBills(ctx, sishui.BillAccount, m.Key(), drafts)
}

// inForce returns, per subject, the lines put in force by its latest issued bill of the month.
func inForce(ctx context.Context, st sishui.BillingStore, subject string, m Month) (map[int64][]pricing.Line, error) {
	bills, err := st.IssuedBills(ctx, subject, m.Key())
	if err != nil {
		return nil, err
	}
	out := map[int64][]pricing.Line{}
	for _, b := range bills { // by subject and id: the last one wins
		var lines []pricing.Line
		if err := json.Unmarshal(b.Lines, &lines); err != nil {
			return nil, fmt.Errorf("bill %d: %w", b.ID, err)
		}
		out[b.SubjectID] = pricing.InForce(lines)
	}
	return out, nil
}

// draft makes the draft for a subject: a regular bill, or an adjustment of
// the issued one when the lines changed, or nothing.
func draft(subject string, id int64, region string, user int64, m Month, b pricing.Bill, estimated bool, rules []int64, issued []pricing.Line, sum *Summary) (*sishui.Bill, error) {
	kind := sishui.BillRegular
	if issued != nil {
		if pricing.SameLines(issued, b.Lines) {
			sum.Unchanged++
			return nil, nil
		}
		b = pricing.Adjust(issued, b)
		kind = sishui.BillAdjustment
		sum.Adjustments++
	}
	lines, err := json.Marshal(b.Lines)
	if err != nil {
		return nil, err
	}
	sum.Drafts++
	sum.TotalFen += int64(b.TotalFen)
	return &sishui.Bill{Subject: subject, SubjectID: id, Region: region, UserID: user, Period: m.Key(), Kind: kind,
		VolumeM3: b.VolumeM3, TotalFen: int64(b.TotalFen), Estimated: estimated, Rules: rules, Lines: lines}, nil
}

// permitUse is a permit's metered use in a set of months, in litres.
type permitUse struct {
	points              []int64
	measured, estimated int64
}

// usesByPermit sums the point-month rollups of each permit's points over months.
func usesByPermit(ctx context.Context, st sishui.Store, months []Month) (map[int64]*permitUse, map[int64]*sishui.Point, error) {
	points, err := sishui.AllPoints(ctx, st, sishui.PointFilter{})
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]*sishui.Point{}
	for _, p := range points {
		byID[p.ID] = p
	}
	pms, err := st.PointMonthlyUse(ctx, sishui.UseFilter{FromMonth: months[0].Key(), ToMonth: months[len(months)-1].Key()})
	if err != nil {
		return nil, nil, err
	}
	out := map[int64]*permitUse{}
	for _, pm := range pms {
		p := byID[pm.Point]
		if p == nil || p.PermitID == 0 {
			continue
		}
		u := out[p.PermitID]
		if u == nil {
			u = &permitUse{}
			out[p.PermitID] = u
		}
		if len(u.points) == 0 || u.points[len(u.points)-1] != p.ID {
			u.points = append(u.points, p.ID)
		}
		u.measured += pm.Measured
		u.estimated += pm.Estimated
	}
	return out, byID, nil
}

// allPermits returns every permit in scope.
func allPermits(ctx context.Context, st sishui.RegistryStore) ([]*sishui.Permit, error) {
	return sishui.AllPages(func(p sishui.Page) ([]*sishui.Permit, int, error) {
		return st.ListPermits(ctx, sishui.PermitFilter{Page: p})
	})
}

// planFor is a permit's planned volume over months: the monthly plan when
// given, else the annual volume pro-rated by months.
func planFor(p *sishui.Permit, months []Month) int64 {
	if len(p.MonthlyPlanM3) == 12 {
		var s int64
		for _, m := range months {
			s += p.MonthlyPlanM3[m.Month-1]
		}
		return s
	}
	return pricing.Scale(p.AnnualM3, int64(len(months)), 12)
}

// billPermits makes the over-plan surcharge bills of permit holders from
// their metered monthly use.
func billPermits(ctx context.Context, st sishui.Store, cat *Catalog, m Month) (Summary, error) {
	var sum Summary
	permits, err := allPermits(ctx, st)
	if err != nil {
		return sum, err
	}
	uses, _, err := usesByPermit(ctx, st, []Month{m})
	if err != nil {
		return sum, err
	}
	issued, err := inForce(ctx, st, sishui.BillPermit, m)
	if err != nil {
		return sum, err
	}
	var drafts []*sishui.Bill
	for _, p := range permits {
		u := uses[p.ID]
		if p.Status != sishui.PermitActive || u == nil {
			continue
		}
		sum.Subjects++
		chain := cat.Chain(p.Region)
		var tariff *pricing.Tariff
		var rule *pricing.SurchargeRule
		for _, class := range permitClasses {
			if t, ok := pricing.Select(cat.Tariffs, chain, class, m.Start()); ok && tariff == nil {
				tariff = t
			}
			if r, ok := pricing.Select(cat.Surcharges, chain, class, m.Start()); ok && rule == nil && r.Period == pricing.CycleMonth {
				rule = r
			}
		}
		if tariff == nil || rule == nil {
			sum.problem("permit %s: no base tariff or monthly surcharge rule for region %s", p.Number, p.Region)
			continue
		}
		vol := pricing.LitresToM3(u.measured + u.estimated)
		in := pricing.BillInput{Tariff: tariff, VolumeM3: vol, Surcharge: rule, LimitM3: planFor(p, []Month{m}),
			SurchargeOnly: true, Estimated: u.estimated > 0}
		b, err := pricing.Compute(in)
		if err != nil {
			sum.problem("permit %s: %v", p.Number, err)
			continue
		}
		if len(b.Lines) == 0 && issued[p.ID] == nil {
			continue // within plan: no surcharge bill
		}
		d, err := draft(sishui.BillPermit, p.ID, p.Region, p.UserID, m, b, in.Estimated, []int64{tariff.ID, rule.ID}, issued[p.ID], &sum)
		if err != nil {
			return sum, err
		}
		if d != nil {
			drafts = append(drafts, d)
		}
	}
	return sum, st.ReplaceDraftBills(ctx, sishui.BillPermit, m.Key(), drafts)
}

// RegisteredVolumes returns the billed (registered) volume of a month per
// water works (the accounts' supplier): the volume of each account's bill in
// force (its latest issued bill), the figure the leakage indicator needs.
func RegisteredVolumes(ctx context.Context, st sishui.Store, m Month) (map[string]int64, error) {
	bills, err := st.IssuedBills(ctx, sishui.BillAccount, m.Key())
	if err != nil {
		return nil, err
	}
	latest := map[int64]int64{}
	for _, b := range bills { // by subject and id: the last one is in force
		latest[b.SubjectID] = b.VolumeM3
	}
	accounts, err := st.AllCustomerAccounts(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, a := range accounts {
		if v, ok := latest[a.ID]; ok {
			out[a.Supplier] += v
		}
	}
	return out, nil
}
