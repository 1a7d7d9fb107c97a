package billing

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/allocate"
)

// LiaochengCounties maps the Liaocheng allocation scenario's region names to
// their region codes (data/liaocheng/models/allocate.yaml).
var LiaochengCounties = map[string]string{
	"dongchangfu": "371502", "chiping": "371503", "yanggu": "371521", "shenxian": "371522",
	"donge": "371524", "guanxian": "371525", "gaotang": "371526", "linqing": "371581",
}

// BudgetsFromAllocation turns an allocation result into the year's water
// budgets (水预算, basis "allocation"): one per region and sector, each
// month the volume the model delivered to the region's demands of that
// sector, rounded to whole m³ (the annual is the sum of the months, so the
// budget is exact). Region names are mapped by codes (a 6-digit name is a
// code already); an unmapped name or a result without months of the year is
// EINVALID. Sectors are the model's demand sectors.
func BudgetsFromAllocation(res *allocate.Result, year int, codes map[string]string) ([]*sishui.WaterBudget, error) {
	if res == nil || len(res.Periods) == 0 {
		return nil, sishui.Invalid("result", "an allocation result with its periods is required")
	}
	type key struct{ region, sector string }
	sums := map[key]*[12]float64{}
	months := 0
	for _, p := range res.Periods {
		t, err := time.Parse("2006-01", p.Month)
		if err != nil {
			return nil, sishui.Invalid("result", "period %d: month %q is not YYYY-MM", p.Period, p.Month)
		}
		if t.Year() != year {
			continue
		}
		months++
		for _, d := range p.Demands {
			code := d.Region
			if c, ok := codes[d.Region]; ok {
				code = c
			}
			if len(code) != 6 || strings.Trim(code, "0123456789") != "" {
				return nil, sishui.Invalid("region_codes", "the model's region %q has no region code", d.Region)
			}
			if d.DeliveredM3 < 0 || math.IsNaN(d.DeliveredM3) || d.DeliveredM3 > 1e12 {
				return nil, sishui.Invalid("result", "demand %s: delivered %v m³ is out of range", d.Name, d.DeliveredM3)
			}
			k := key{code, d.Sector}
			if sums[k] == nil {
				sums[k] = &[12]float64{}
			}
			sums[k][t.Month()-1] += d.DeliveredM3
		}
	}
	if months == 0 {
		return nil, sishui.Invalid("year", "the result has no month of %d", year)
	}
	keys := make([]key, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].region < keys[j].region || keys[i].region == keys[j].region && keys[i].sector < keys[j].sector
	})
	out := make([]*sishui.WaterBudget, 0, len(keys))
	for _, k := range keys {
		b := &sishui.WaterBudget{Year: year, Subject: sishui.BudgetRegion, SubjectID: k.region, Sector: k.sector, MonthlyM3: make([]int64, 12),
			Basis: "allocation", Note: fmt.Sprintf("allocation %s (%s, %d months)", res.Scenario, res.Mode, months)}
		for i, v := range sums[k] {
			b.MonthlyM3[i] = int64(math.Round(v))
			b.AnnualM3 += b.MonthlyM3[i]
		}
		out = append(out, b)
	}
	return out, nil
}

// AllocatedBudget is one budget an allocation result makes, with the annual
// volume of the budget it replaces (same year, region and sector), if any.
type AllocatedBudget struct {
	*sishui.WaterBudget
	ReplacesM3 *int64 `json:"replaces_m3,omitempty"`
}

// DeriveFromAllocation stores the budgets of an allocation result (replacing
// those of the same year, region and sector) and returns them. regions keeps
// only those region codes (empty: every region of the result; a code the
// result has no budget for is EINVALID "regions"); dryRun writes nothing, so
// a form can show what will be created first.
func DeriveFromAllocation(ctx context.Context, st sishui.BillingStore, res *allocate.Result, year int, codes map[string]string, regions []string, dryRun bool) ([]AllocatedBudget, error) {
	if codes == nil {
		codes = LiaochengCounties
	}
	bs, err := BudgetsFromAllocation(res, year, codes)
	if err != nil {
		return nil, err
	}
	if len(regions) > 0 {
		keep := map[string]bool{}
		for _, b := range bs {
			keep[b.SubjectID] = false
		}
		for _, c := range regions {
			if _, ok := keep[c]; !ok {
				return nil, sishui.Invalid("regions", "the result has no budget for region %q in %d", c, year)
			}
			keep[c] = true
		}
		bs = slices.DeleteFunc(bs, func(b *sishui.WaterBudget) bool { return !keep[b.SubjectID] })
	}
	old, err := st.ListBudgets(ctx, year, sishui.BudgetRegion)
	if err != nil {
		return nil, err
	}
	out := make([]AllocatedBudget, len(bs))
	for i, b := range bs {
		out[i].WaterBudget = b
		for _, o := range old {
			if o.SubjectID == b.SubjectID && o.Sector == b.Sector && o.Source == b.Source {
				out[i].ReplacesM3 = &o.AnnualM3
			}
		}
	}
	if dryRun {
		return out, nil
	}
	for _, b := range bs {
		if err := st.UpsertBudget(ctx, b); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SurplusNote starts the note of a budget surplus listing: the budget's id
// follows, then "(year, subject id)".
const SurplusNote = "水预算节余额度 budget "

// SurplusListing is a listing of a budget's surplus on the rights market.
type SurplusListing struct {
	*sishui.Listing
	Budget     int64 `json:"budget"`
	BudgetYear int   `json:"budget_year"`
}

// SurplusListings returns the market's listings of budget surpluses in the
// caller's scope (year 0: every year), newest first, in any state.
func SurplusListings(ctx context.Context, st sishui.Store, year int) ([]SurplusListing, error) {
	ls, err := sishui.AllPages(func(p sishui.Page) ([]*sishui.Listing, int, error) {
		return st.ListListings(ctx, sishui.ListingFilter{Page: p})
	})
	if err != nil {
		return nil, err
	}
	out := []SurplusListing{}
	for _, l := range ls {
		rest, ok := strings.CutPrefix(l.Note, SurplusNote)
		if !ok {
			continue
		}
		s := SurplusListing{Listing: l}
		if _, err := fmt.Sscanf(rest, "%d (%d,", &s.Budget, &s.BudgetYear); err != nil {
			continue
		}
		if year == 0 || s.BudgetYear == year {
			out = append(out, s)
		}
	}
	return out, nil
}

// SurplusInput lists a budget's surplus (节余额度) for trade.
type SurplusInput struct {
	Year     int       `json:"year"`
	Budget   int64     `json:"budget"`    // the budget's id
	VolumeM3 int64     `json:"volume_m3"` // 0: the whole surplus
	PriceFen int64     `json:"price_fen"` // per m³
	Method   string    `json:"method"`    // agreement | bidding
	Buyer    int64     `json:"buyer,omitempty"`
	Source   string    `json:"source"` // when the budget is for every source
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
}

// ListSurplus offers a budget's tradeable surplus (annual − projected use,
// from the execution to date) on the water-rights market: a listing of the
// budget holder's rights (a region's regional right, a user's withdrawal
// right) of at most the surplus. The rights store escrows it from the
// holder's ledger balance, so the surplus is traded only where the right is
// really held.
func ListSurplus(ctx context.Context, st sishui.Store, in SurplusInput, upTo int) (*sishui.Listing, error) {
	if in.Budget <= 0 {
		return nil, sishui.Invalid("budget", "is required")
	}
	reps, err := BudgetExecution(ctx, st, in.Year, upTo, nil)
	if err != nil {
		return nil, err
	}
	var rep *BudgetReport
	for i := range reps {
		if reps[i].Budget.ID == in.Budget {
			rep = &reps[i]
		}
	}
	// An enterprise lists only its own (water-user) budget's surplus; it
	// sees no other budget, so an unknown one is refused alike, telling
	// nothing of whether it exists.
	if a := sishui.ActorFrom(ctx); a.Role == sishui.RoleEnterprise &&
		(rep == nil || a.WaterUser <= 0 || rep.Budget.Subject != sishui.BudgetUser || rep.Budget.SubjectID != strconv.FormatInt(a.WaterUser, 10)) {
		return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Op: "list surplus", Message: "an enterprise lists only its own budget's surplus"}
	}
	if rep == nil {
		return nil, sishui.Invalid("budget", "no budget %d in %d", in.Budget, in.Year)
	}
	surplus := rep.Execution.SurplusM3
	if surplus <= 0 {
		return nil, sishui.Errorf(sishui.ECONFLICT, "budget %d has no surplus (projected %d m³ of %d)", in.Budget, rep.Execution.ProjectedM3, rep.Budget.AnnualM3)
	}
	vol := in.VolumeM3
	if vol == 0 {
		vol = surplus
	}
	if vol < 0 || vol > surplus {
		return nil, sishui.Invalid("volume_m3", "must be between 1 and the surplus %d m³", surplus)
	}
	b := rep.Budget
	src := b.Source
	if src == "" {
		src = in.Source
	}
	if src == "" {
		return nil, sishui.Invalid("source", "the budget covers every source: name the source of the listed right")
	}
	holders, err := st.ListRightsHolders(ctx)
	if err != nil {
		return nil, err
	}
	l := &sishui.Listing{Mode: sishui.ModeTransfer, Method: in.Method, Buyer: in.Buyer, Source: src, VolumeM3: vol, PriceFen: in.PriceFen,
		From: in.From, To: in.To, Note: fmt.Sprintf(SurplusNote+"%d (%d, %s %s)", b.ID, b.Year, b.Subject, b.SubjectID)}
	for _, h := range holders {
		switch {
		case b.Subject == sishui.BudgetRegion && h.Kind == sishui.HolderRegion && h.Region == b.SubjectID:
			l.Seller, l.Type = h.ID, sishui.TradeRegional
		case b.Subject == sishui.BudgetUser && l.Seller == 0 && h.Kind == sishui.HolderPermit && h.WaterUser != 0 && fmt.Sprint(h.WaterUser) == b.SubjectID:
			l.Seller, l.Type = h.ID, sishui.TradeWithdrawal
		}
	}
	if l.Seller == 0 {
		return nil, sishui.Errorf(sishui.ECONFLICT, "the budget's %s %s holds no water right to list", b.Subject, b.SubjectID)
	}
	return l, st.CreateListing(ctx, l)
}
