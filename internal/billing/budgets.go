package billing

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/budget"
	"github.com/sishui/sishui/internal/pricing"
	"github.com/sishui/sishui/internal/saving"
)

// DefaultThresholds are the budget variance levels used where no budget rule
// applies: warn above +5 % of the budget to date, over above +10 %. Invented,
// not from any document: load a "budget" rule per city or county.
var DefaultThresholds = budget.Thresholds{Warn: 50, Over: 100}

// userUse is each water user's metered use per month of a year (litres),
// over the points of the user's permits, and the permits by user.
func userUse(ctx context.Context, st sishui.Store, year int) (map[int64]*[12]int64, map[int64][]*sishui.Permit, error) {
	permits, err := allPermits(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	byUser := map[int64][]*sishui.Permit{}
	owner := map[int64]int64{}
	for _, p := range permits {
		byUser[p.UserID] = append(byUser[p.UserID], p)
		owner[p.ID] = p.UserID
	}
	points, err := sishui.AllPoints(ctx, st, sishui.PointFilter{})
	if err != nil {
		return nil, nil, err
	}
	pointUser := map[int64]int64{}
	for _, pt := range points {
		if u, ok := owner[pt.PermitID]; ok {
			pointUser[pt.ID] = u
		}
	}
	pms, err := st.PointMonthlyUse(ctx, sishui.UseFilter{FromMonth: year*100 + 1, ToMonth: year*100 + 12})
	if err != nil {
		return nil, nil, err
	}
	out := map[int64]*[12]int64{}
	for _, pm := range pms {
		u, ok := pointUser[pm.Point]
		if !ok {
			continue
		}
		if out[u] == nil {
			out[u] = &[12]int64{}
		}
		out[u][pm.Month%100-1] += pm.Total()
	}
	return out, byUser, nil
}

// regionUse is a region's use per month of a year (litres), optionally of
// one source and sector.
func regionUse(ctx context.Context, st sishui.Store, region, source, sector string, year int) ([12]int64, error) {
	var out [12]int64
	cells, err := st.MonthlyUse(ctx, sishui.UseFilter{Region: region, FromMonth: year*100 + 1, ToMonth: year*100 + 12})
	if err != nil {
		return out, err
	}
	for _, c := range cells {
		if (source == "" || c.Source == source) && (sector == "" || c.Sector == sector) {
			out[c.Month%100-1] += c.Total()
		}
	}
	return out, nil
}

func toM3(l [12]int64) [12]int64 {
	for i := range l {
		l[i] = pricing.LitresToM3(l[i])
	}
	return l
}

// DeriveBudgets writes the year's budgets: each region with a cap gets its
// cap split over the months like the previous year's use (equal shares
// without history); each user whose permits allow at least majorM3 a year
// gets the sum of its permits' monthly plans (or annual volumes split
// equally). Existing budgets of the same key are replaced. It returns how
// many it wrote.
func DeriveBudgets(ctx context.Context, st sishui.Store, year int, majorM3 int64) (int, error) {
	caps, err := st.ListCaps(ctx, "", year)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, c := range caps {
		prev, err := regionUse(ctx, st, c.Region, "", "", year-1)
		if err != nil {
			return n, err
		}
		m := budget.Split(c.TotalM3, prev)
		b := &sishui.WaterBudget{Year: year, Subject: sishui.BudgetRegion, SubjectID: c.Region, AnnualM3: c.TotalM3, MonthlyM3: m[:],
			Basis: "cap", Note: fmt.Sprintf("用水总量控制指标 %d; monthly split by %d's use", year, year-1)}
		if err := st.UpsertBudget(ctx, b); err != nil {
			return n, err
		}
		n++
	}
	_, byUser, err := userUse(ctx, st, year)
	if err != nil {
		return n, err
	}
	from, to := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	for user, ps := range byUser {
		var monthly [12]int64
		var annual int64
		for _, p := range ps {
			if p.Status != sishui.PermitActive || p.ValidFrom.After(to) || p.ValidTo.Before(from) {
				continue // not in force during the year
			}
			pm := budget.Split(p.AnnualM3, [12]int64{})
			if len(p.MonthlyPlanM3) == 12 {
				copy(pm[:], p.MonthlyPlanM3)
			}
			for i, v := range pm {
				monthly[i] += v
				annual += v
			}
		}
		if annual == 0 || annual < majorM3 {
			continue
		}
		b := &sishui.WaterBudget{Year: year, Subject: sishui.BudgetUser, SubjectID: strconv.FormatInt(user, 10), AnnualM3: annual, MonthlyM3: monthly[:],
			Basis: "permits", Note: "取水许可 and 计划用水 monthly plans"}
		if err := st.UpsertBudget(ctx, b); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// BudgetReport is a budget with its execution.
type BudgetReport struct {
	Budget     *sishui.WaterBudget `json:"budget"`
	Thresholds budget.Thresholds   `json:"thresholds"`
	Rule       int64               `json:"rule"` // the budget rule applied; 0: the override or the invented default
	Execution  budget.Execution    `json:"execution"`
}

// BudgetExecution reports every budget of the year in scope against the
// metered (and entered) use of its first upTo months, with the thresholds of
// the budget rule in force for its region on 1 January (override, when not
// nil, for all).
func BudgetExecution(ctx context.Context, st sishui.Store, year, upTo int, override *budget.Thresholds) ([]BudgetReport, error) {
	if override != nil {
		if err := override.Validate(); err != nil {
			return nil, sishui.Invalid("thresholds", "%v", err)
		}
	}
	if upTo < 1 || upTo > 12 {
		return nil, sishui.Invalid("month", "must be 1–12")
	}
	bs, err := st.ListBudgets(ctx, year, "")
	if err != nil {
		return nil, err
	}
	cat, err := LoadCatalog(ctx, st)
	if err != nil {
		return nil, err
	}
	var users map[int64]*[12]int64
	out := []BudgetReport{}
	for _, b := range bs {
		var use [12]int64
		if b.Subject == sishui.BudgetUser {
			if users == nil {
				if users, _, err = userUse(ctx, st, year); err != nil {
					return nil, err
				}
			}
			id, _ := strconv.ParseInt(b.SubjectID, 10, 64)
			if u := users[id]; u != nil {
				use = *u
			}
		} else if use, err = regionUse(ctx, st, b.SubjectID, b.Source, b.Sector, year); err != nil {
			return nil, err
		}
		var monthly [12]int64
		copy(monthly[:], b.MonthlyM3)
		rep := BudgetReport{Budget: b, Thresholds: DefaultThresholds}
		if override != nil {
			rep.Thresholds = *override
		} else if r, ok := pricing.Select(cat.Budgets, cat.Chain(b.Region), "", time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)); ok {
			rep.Thresholds, rep.Rule = r.Thresholds, r.ID
		}
		rep.Execution = budget.Execute(monthly, toM3(use), upTo, rep.Thresholds)
		out = append(out, rep)
	}
	return out, nil
}

// SavingReport is a contract's verified saving in a year.
type SavingReport struct {
	Contract *sishui.SavingContract `json:"contract"`
	Year     int                    `json:"year"`
	Baseline saving.Period          `json:"baseline"`
	Report   saving.Period          `json:"report"`
	Result   saving.Result          `json:"result"`
}

// ContractSavings verifies a contract's saving in a year from the user's
// metered use (all its permits' points: the whole facility) and declared
// outputs of the contract's product, baseline year against the year.
func ContractSavings(ctx context.Context, st sishui.Store, id int64, year int) (*SavingReport, error) {
	c, err := st.GetSavingContract(ctx, id)
	if err != nil {
		return nil, err
	}
	if year < c.StartYear || year > c.EndYear {
		return nil, sishui.Invalid("year", "the contract runs %d–%d", c.StartYear, c.EndYear)
	}
	period := func(y int) (saving.Period, error) {
		var p saving.Period
		use, _, err := userUse(ctx, st, y)
		if err != nil {
			return p, err
		}
		if u := use[c.UserID]; u != nil {
			for _, v := range u {
				p.UseM3 += v
			}
			p.UseM3 = pricing.LitresToM3(p.UseM3)
		}
		outs, err := st.AllOutputs(ctx, y)
		if err != nil {
			return p, err
		}
		for _, o := range outs {
			if o.UserID == c.UserID && o.Sector == c.Sector && o.Product == c.Product {
				p.Output = o.Output
			}
		}
		return p, nil
	}
	r := &SavingReport{Contract: c, Year: year}
	if r.Baseline, err = period(c.BaselineYear); err != nil {
		return nil, err
	}
	if r.Report, err = period(year); err != nil {
		return nil, err
	}
	terms := saving.Terms{Model: c.Model, Guaranteed: c.Guaranteed, Share: c.Share, Price: pricing.Rate(c.Price), FeeFen: c.FeeFen}
	if r.Result, err = saving.Verify(terms, r.Baseline, r.Report); err != nil {
		return nil, sishui.Invalid("year", "%v (declare the output of %s for %d and %d)", err, c.Product, c.BaselineYear, year)
	}
	return r, nil
}

// LoanCandidate is a user proposed for 节水贷 (water-saving loans).
type LoanCandidate struct {
	UserID     int64  `json:"user_id"`
	Name       string `json:"name"`
	Reason     string `json:"reason"`
	UseM3      int64  `json:"use_m3,omitempty"`
	AdvancedM3 int64  `json:"advanced_quota_m3,omitempty"`
}

// LoanCandidates lists the users certified at the advanced quota during the
// year, and those whose metered use in the year was within the advanced
// quota (先进值 × declared output) of their declared products.
func LoanCandidates(ctx context.Context, st sishui.Store, year int) ([]LoanCandidate, error) {
	cat, err := LoadCatalog(ctx, st)
	if err != nil {
		return nil, err
	}
	certs, err := st.ListCertifications(ctx, 0)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	out := []LoanCandidate{}
	name := func(id int64) string {
		if u, err := st.GetWaterUser(ctx, id); err == nil {
			return u.Name
		}
		return ""
	}
	from, to := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, c := range certs {
		if c.Status == sishui.CertCertified && !c.ValidTo.Before(from) && !c.ValidFrom.After(to) && !seen[c.UserID] {
			seen[c.UserID] = true
			out = append(out, LoanCandidate{UserID: c.UserID, Name: name(c.UserID), Reason: fmt.Sprintf("先进定额认定 (certification %d, %s–%s)", c.ID, c.ValidFrom.Format(time.DateOnly), c.ValidTo.Format(time.DateOnly))})
		}
	}
	use, byUser, err := userUse(ctx, st, year)
	if err != nil {
		return nil, err
	}
	outs, err := st.AllOutputs(ctx, year)
	if err != nil {
		return nil, err
	}
	quota := map[int64]int64{}
	for _, o := range outs {
		ps := byUser[o.UserID]
		if len(ps) == 0 {
			continue
		}
		if n, ok := cat.NormFor(ps[0].Region, o.Sector, o.Product, from); ok && n.AdvancedMilli > 0 {
			quota[o.UserID] += n.QuotaM3(o.Output, true)
		}
	}
	for id, q := range quota {
		var l int64
		if u := use[id]; u != nil {
			for _, v := range u {
				l += v
			}
		}
		used := pricing.LitresToM3(l)
		if used > 0 && used <= q && !seen[id] {
			seen[id] = true
			out = append(out, LoanCandidate{UserID: id, Name: name(id), Reason: "metered use within the advanced quota (用水效率领跑)", UseM3: used, AdvancedM3: q})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].UserID < out[j].UserID })
	return out, nil
}

// ReviewCertification is the water bureau's review (审核) of an
// advanced-quota application: the larger of the declared and the metered use
// of the year, per unit of the declared output, must be at or below the
// advanced value (先进值) of the norm in force for the product. When it is,
// the application moves to reviewed; when not, ECONFLICT says why (the
// reviewer may then reject it).
func ReviewCertification(ctx context.Context, st sishui.Store, id int64, note string) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem:
	default:
		return sishui.Errorf(sishui.EFORBIDDEN, "only the water bureau reviews certifications")
	}
	cs, err := st.ListCertifications(ctx, 0)
	if err != nil {
		return err
	}
	var c *sishui.Certification
	for _, x := range cs {
		if x.ID == id {
			c = x
		}
	}
	if c == nil {
		return sishui.NotFound("certification %d not found", id)
	}
	cat, err := LoadCatalog(ctx, st)
	if err != nil {
		return err
	}
	n, ok := cat.NormFor(c.Region, c.Sector, c.Product, time.Date(c.Year, 12, 31, 0, 0, 0, 0, time.UTC))
	if !ok || n.AdvancedMilli == 0 {
		return sishui.Errorf(sishui.ECONFLICT, "no norm with an advanced value for %s/%s in %s", c.Sector, c.Product, c.Region)
	}
	use, _, err := userUse(ctx, st, c.Year)
	if err != nil {
		return err
	}
	used := c.UsedM3
	if u := use[c.UserID]; u != nil {
		var l int64
		for _, v := range u {
			l += v
		}
		used = max(used, pricing.LitresToM3(l))
	}
	if !n.MeetsAdvanced(used, c.Output) {
		return sishui.Errorf(sishui.ECONFLICT, "%d m³ for %d %s is above the advanced value %s m³/%s (norm %d)",
			used, c.Output, n.Unit, pricing.Milli(n.AdvancedMilli), n.Unit, n.ID)
	}
	return st.AdvanceCertification(ctx, id, sishui.CertReviewed, fmt.Sprintf("%s (use %d m³ for %d %s, advanced %s m³/%s, norm %d)",
		note, used, c.Output, n.Unit, pricing.Milli(n.AdvancedMilli), n.Unit, n.ID), time.Time{})
}
