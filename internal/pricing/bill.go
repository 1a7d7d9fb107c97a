package pricing

import (
	"github.com/sishui/sishui"
)

// Line kinds.
const (
	LineCharge    = "charge"    // volume × a component's rate
	LineSurcharge = "surcharge" // over-plan / over-quota progressive surcharge (超定额累进加价)
	LineReversal  = "reversal"  // reverses a line of an earlier bill (adjustment bills)
	// LineCredit deducts, on a yearly surcharge bill, the monthly surcharges
	// of the same year already charged (the year is a true-up, not a second charge).
	LineCredit = "credit"
)

// Surcharge limits: what use is measured against.
const (
	LimitPlan  = "plan"  // the plan (计划用水; a permit's annual or monthly plan) — the default
	LimitQuota = "quota" // the quota: Σ norm (通用值) × declared output of the year
	LimitLower = "lower" // the lower of plan and quota, where both are known
)

// Line is one priced line of a bill: the only place amounts are rounded.
type Line struct {
	Kind      string `json:"kind"`
	Component string `json:"component"`
	Name      string `json:"name"`
	Tier      int    `json:"tier,omitempty"` // 1-based tier of a charge
	Band      int    `json:"band,omitempty"` // 1-based band of a surcharge
	VolumeM3  int64  `json:"volume_m3"`
	Rate      Rate   `json:"rate"`             // 1/10000 元 per m³
	Factor    Milli  `json:"factor,omitempty"` // surcharge multiplier (0 = none)
	AmountFen Fen    `json:"amount_fen"`
	Estimated bool   `json:"estimated,omitempty"` // the volume is estimated (估抄)
}

// Bill is a computed bill: its lines and their total.
type Bill struct {
	Lines    []Line `json:"lines"`
	TotalFen Fen    `json:"total_fen"`
	VolumeM3 int64  `json:"volume_m3"`
}

// Sum returns the total of the lines.
func Sum(lines []Line) Fen {
	var t Fen
	for _, l := range lines {
		t += l.AmountFen
	}
	return t
}

// Band is one band of a progressive surcharge or tax multiplier: the part of
// use between the previous band's bound and UpTo (as a share of the limit over
// the limit: 200 = up to 20 % over; 0 = no upper bound, last band only) is
// charged Factor × the base.
type Band struct {
	UpTo   Milli `json:"up_to"`
	Factor Milli `json:"factor"`
}

func validateBands(field string, bands []Band) error {
	var prev Milli
	for i, b := range bands {
		if b.Factor < 0 {
			return sishui.Invalid(field, "band %d: factor is negative", i+1)
		}
		last := i == len(bands)-1
		if b.UpTo == 0 && !last || b.UpTo != 0 && b.UpTo <= prev {
			return sishui.Invalid(field, "band %d: bounds must ascend and only the last may be open", i+1)
		}
		prev = b.UpTo
	}
	return nil
}

// Slices splits an excess of use over limit into the bands' volumes, in m³
// (bounds are limit × UpTo, half-up). Volume beyond a closed last band falls
// into the last band.
func Slices(bands []Band, limitM3, excessM3 int64) []int64 {
	out := make([]int64, len(bands))
	var lo int64
	for i, b := range bands {
		if excessM3 <= lo {
			break
		}
		hi := excessM3
		if b.UpTo != 0 && i < len(bands)-1 {
			hi = min(excessM3, Scale(limitM3, int64(b.UpTo), int64(One)))
		}
		if hi > lo {
			out[i] = hi - lo
			lo = hi
		}
	}
	return out
}

// SurchargeRule is a city's over-plan / over-quota progressive surcharge for
// a class of non-residential users: the excess over the plan or quota is cut
// into bands, each charged Factor × the base price. The base is the sum of the
// named components of the class's tariff (all components when empty).
type SurchargeRule struct {
	Version
	ID     int64  `json:"id,omitempty"`
	Name   string `json:"name"`
	Period string `json:"period"` // month | year: the period use is measured against the limit
	// Yearly, on a monthly rule, also measures the year's use against the
	// year's limit at the year's close (DOMAIN.md §2.2: cities measure by
	// month or by year; which, and whether both, is unverified for
	// Liaocheng — configuration). The yearly bill is the year's surcharge
	// less the monthly surcharges already charged, never below zero.
	Yearly bool   `json:"yearly,omitempty"`
	Limit  string `json:"limit,omitempty"` // plan (default) | quota | lower
	// Settle, on a monthly rule marked yearly, makes the year the measure:
	// the yearly bill credits every monthly surcharge of the year, refunding
	// them where they exceed the year's surcharge, so the year's total is the
	// year's surcharge whether or not monthly surcharges were charged.
	// Without it (the default, unverified) monthly surcharges stand and the
	// yearly bill only adds what the year's surcharge exceeds them by.
	Settle bool     `json:"settle,omitempty"`
	Base   []string `json:"base,omitempty"`
	Bands  []Band   `json:"bands"`
}

// MeasuresYear reports whether the rule surcharges the year's use.
func (r *SurchargeRule) MeasuresYear() bool { return r.Period == CycleYear || r.Yearly }

// YearLimit is the year's limit under the rule from the plan and the quota
// (0 = not known); 0 means no limit applies.
func (r *SurchargeRule) YearLimit(planM3, quotaM3 int64) int64 {
	switch r.Limit {
	case LimitQuota:
		return quotaM3
	case LimitLower:
		if planM3 > 0 && quotaM3 > 0 {
			return min(planM3, quotaM3)
		}
		return max(planM3, quotaM3)
	}
	return planM3
}

// TrueUp makes a yearly surcharge bill: the year's surcharge lines (from
// Compute with SurchargeOnly) and a credit line for the monthly surcharges
// already charged, so that the total is the year's surcharge less those,
// never below zero.
func TrueUp(year Bill, monthlyFen Fen) Bill {
	out := Bill{VolumeM3: year.VolumeM3, Lines: append([]Line(nil), year.Lines...)}
	credit := min(monthlyFen, Sum(year.Lines))
	if credit > 0 {
		out.Lines = append(out.Lines, Line{Kind: LineCredit, Component: "surcharge", Name: "已按月计收的超计划(定额)加价", AmountFen: -credit})
	}
	out.TotalFen = Sum(out.Lines)
	return out
}

// Settle makes a settling yearly surcharge bill: the year's surcharge lines
// and a credit of every monthly surcharge already charged, so that monthly
// surcharges plus this bill equal the year's surcharge exactly (the total is
// negative, a refund, where the monthly ones exceed it).
func Settle(year Bill, monthlyFen Fen) Bill {
	out := Bill{VolumeM3: year.VolumeM3, Lines: append([]Line(nil), year.Lines...)}
	if monthlyFen != 0 {
		out.Lines = append(out.Lines, Line{Kind: LineCredit, Component: "surcharge", Name: "已按月计收的超计划(定额)加价", AmountFen: -monthlyFen})
	}
	out.TotalFen = Sum(out.Lines)
	return out
}

// YearBill is the yearly bill under the rule from the year's surcharge and
// the monthly surcharges charged: a true-up (TrueUp) or, for a settling
// rule, a settlement (Settle). A rule measured only on the year charges no
// monthly surcharge, so its bill is the year's surcharge.
func (r *SurchargeRule) YearBill(year Bill, monthlyFen Fen) Bill {
	switch {
	case r.Period != CycleMonth:
		return year
	case r.Settle:
		return Settle(year, monthlyFen)
	}
	return TrueUp(year, monthlyFen)
}

// Validate checks the rule.
func (r *SurchargeRule) Validate() error {
	if r.Region == "" {
		return sishui.Invalid("region", "is required")
	}
	if r.EffectiveFrom.IsZero() {
		return sishui.Invalid("effective_from", "is required")
	}
	if r.Period != CycleMonth && r.Period != CycleYear {
		return sishui.Invalid("period", "must be month or year")
	}
	if r.Yearly && r.Period != CycleMonth {
		return sishui.Invalid("yearly", "only a monthly rule is also measured on the year")
	}
	if r.Settle && !r.Yearly {
		return sishui.Invalid("settle", "only a monthly rule also measured on the year settles on the year")
	}
	switch r.Limit {
	case "", LimitPlan, LimitQuota, LimitLower:
	default:
		return sishui.Invalid("limit", "must be plan, quota or lower")
	}
	if len(r.Bands) == 0 {
		return sishui.Invalid("bands", "at least one band is required")
	}
	return validateBands("bands", r.Bands)
}

// BaseRate is the price the surcharge multiplies: the named components of
// the tariff's first tier.
func (r *SurchargeRule) BaseRate(t *Tariff) Rate {
	var sum Rate
	for _, c := range t.Components {
		if len(r.Base) == 0 || contains(r.Base, c.Code) {
			sum += c.RateFor(0)
		}
	}
	return sum
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// BillInput is what one bill is computed from.
type BillInput struct {
	Tariff   *Tariff
	VolumeM3 int64 // this bill's volume
	// PriorM3 is the volume already billed in the same cycle (a year-cycle
	// tariff billed monthly): tiers count from there.
	PriorM3 int64
	Persons int64 // registered persons (person-based tiers)
	// Open is the share of the cycle the account is open (a joining or
	// leaving year or month); zero means the full cycle.
	Open      Share
	Estimated bool
	// Surcharge, with LimitM3 > 0, adds progressive surcharge lines on the
	// volume over LimitM3 (the plan or quota for the bill's period).
	Surcharge *SurchargeRule
	LimitM3   int64
	// SurchargeOnly leaves out the charge lines (self-supplied permit
	// holders pay no water price, only the surcharge on the base price).
	SurchargeOnly bool
}

// Compute prices one bill: the volume is split over the tiers from PriorM3
// on, each tier × each component is a line; then the surcharge bands.
func Compute(in BillInput) (Bill, error) {
	t := in.Tariff
	if t == nil {
		return Bill{}, sishui.Invalid("tariff", "no tariff applies")
	}
	if in.VolumeM3 < 0 || in.PriorM3 < 0 {
		return Bill{}, sishui.Invalid("volume_m3", "must not be negative (corrections make adjustment bills)")
	}
	if in.Open.Den < 0 || in.Open.Num < 0 || in.Open.Den > 0 && in.Open.Num > in.Open.Den {
		return Bill{}, sishui.Invalid("open", "must be a share between 0 and 1")
	}
	b := Bill{VolumeM3: in.VolumeM3}
	if !in.SurchargeOnly {
		bps := t.Breakpoints(in.Persons, in.Open)
		lo, hi := in.PriorM3, in.PriorM3+in.VolumeM3
		for i := 0; i <= len(bps); i++ {
			tLo, tHi := int64(0), hi
			if i > 0 {
				tLo = bps[i-1]
			}
			if i < len(bps) {
				tHi = bps[i]
			}
			v := min(hi, tHi) - max(lo, tLo)
			if v <= 0 {
				continue
			}
			for _, c := range t.Components {
				r := c.RateFor(i)
				b.Lines = append(b.Lines, Line{Kind: LineCharge, Component: c.Code, Name: c.Name, Tier: i + 1,
					VolumeM3: v, Rate: r, AmountFen: Amount(v, r), Estimated: in.Estimated})
			}
		}
	}
	if in.Surcharge != nil && in.LimitM3 > 0 && in.VolumeM3 > in.LimitM3 {
		base := in.Surcharge.BaseRate(t)
		for i, v := range Slices(in.Surcharge.Bands, in.LimitM3, in.VolumeM3-in.LimitM3) {
			if v == 0 {
				continue
			}
			f := in.Surcharge.Bands[i].Factor
			b.Lines = append(b.Lines, Line{Kind: LineSurcharge, Component: "surcharge", Name: "超定额(计划)累进加价", Band: i + 1,
				VolumeM3: v, Rate: base, Factor: f, AmountFen: Amount(v, base, f), Estimated: in.Estimated})
		}
	}
	b.TotalFen = Sum(b.Lines)
	return b, nil
}

// Adjust makes an adjustment bill for a correction of use: every line of the
// bill in force is reversed (negated, kind reversal) and the corrected lines
// follow, so that the bill in force plus the adjustment equals the corrected
// bill to the fen. Issued bills are never edited.
func Adjust(inForce []Line, corrected Bill) Bill {
	out := Bill{VolumeM3: corrected.VolumeM3}
	for _, l := range inForce {
		if l.Kind == LineReversal {
			continue
		}
		r := l
		r.Kind, r.VolumeM3, r.AmountFen = LineReversal, -l.VolumeM3, -l.AmountFen
		out.Lines = append(out.Lines, r)
	}
	out.Lines = append(out.Lines, corrected.Lines...)
	out.TotalFen = Sum(out.Lines)
	return out
}

// InForce returns the lines a bill puts in force: its own lines without the
// reversals (for a regular bill, all of them).
func InForce(lines []Line) []Line {
	out := make([]Line, 0, len(lines))
	for _, l := range lines {
		if l.Kind != LineReversal {
			out = append(out, l)
		}
	}
	return out
}

// SameLines reports whether two line lists price the same (a rerun that
// changes nothing makes no adjustment).
func SameLines(a, b []Line) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
