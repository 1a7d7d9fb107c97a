package pricing

import (
	"fmt"

	"github.com/sishui/sishui"
)

// Tax purposes (用途) of water-resource tax rates and exemptions.
const (
	PurposeIndustry      = "industry"       // 工商业
	PurposePublicSupply  = "public_supply"  // 城镇公共供水: net of the allowed loss rate
	PurposeSpecial       = "special"        // 特种行业
	PurposeAgriculture   = "agriculture"    // within quota exempt, above at the agricultural rate
	PurposeRuralDrinking = "rural_drinking" // 农村集中式饮水
	PurposeDewatering    = "dewatering"     // 疏干排水: by volume drained
	PurposeGeothermal    = "geothermal"
	PurposeHydropower    = "hydropower" // by generation (kWh)
	PurposeCooling       = "cooling"    // once-through cooling of thermal plants, by generation (kWh)
	PurposeEcological    = "ecological" // ecological use commissioned by a county or higher government
	PurposeReinjected    = "reinjected" // oil and gas water reinjected in closed pipes
	PurposeMilitary      = "military"
	PurposePumpedStorage = "pumped_storage"
)

// Tax source classes and zones.
const (
	TaxSurface = "surface"
	TaxGround  = "ground"

	ZoneNormal         = ""
	ZoneOverExtraction = "over_extraction"
	ZoneSerious        = "serious_over_extraction"
)

// ByGeneration reports whether a purpose is taxed by kWh generated.
func ByGeneration(purpose string) bool {
	return purpose == PurposeHydropower || purpose == PurposeCooling
}

// TaxRate is the rate of one (source, purpose, zone), per m³ or per kWh.
type TaxRate struct {
	Source  string `json:"source"`
	Purpose string `json:"purpose"`
	Zone    string `json:"zone,omitempty"`
	Rate    Rate   `json:"rate"`
	// Basis says where this rate comes from and whether it was checked
	// (a table's rates may be verified one by one, e.g. "[V] 鲁政发〔2017〕42号").
	Basis string `json:"basis,omitempty"`
}

// TaxTable is a province's (or city's) water-resource tax rules from an
// effective date: the rates, the exempt purposes, the public suppliers'
// allowed loss share, the multipliers of over-permit/over-plan use and of
// unpermitted use, and the relief for industrial users certified at the
// advanced quota.
type TaxTable struct {
	Version
	ID             int64     `json:"id,omitempty"`
	Name           string    `json:"name"`
	Rates          []TaxRate `json:"rates"`
	Exempt         []string  `json:"exempt"`          // exempt purposes
	AllowedLoss    Milli     `json:"allowed_loss"`    // public supply: 90 = 9 %
	OverUse        []Band    `json:"over_use"`        // over permit/plan: share over → factor
	Unpermitted    Milli     `json:"unpermitted"`     // factor for water taken without a permit
	AdvancedRelief Milli     `json:"advanced_relief"` // 200 = 20 % off
}

// Validate checks the table.
func (t *TaxTable) Validate() error {
	if t.Region == "" {
		return sishui.Invalid("region", "is required")
	}
	if t.EffectiveFrom.IsZero() {
		return sishui.Invalid("effective_from", "is required")
	}
	if len(t.Rates) == 0 {
		return sishui.Invalid("rates", "at least one rate is required")
	}
	for _, r := range t.Rates {
		if r.Rate < 0 || r.Source == "" || r.Purpose == "" {
			return sishui.Invalid("rates", "each rate needs a source, a purpose and a non-negative rate")
		}
	}
	if t.AllowedLoss < 0 || t.AllowedLoss >= One {
		return sishui.Invalid("allowed_loss", "must be a share in [0, 1)")
	}
	if t.AdvancedRelief < 0 || t.AdvancedRelief > One {
		return sishui.Invalid("advanced_relief", "must be a share in [0, 1]")
	}
	if t.Unpermitted < 0 {
		return sishui.Invalid("unpermitted", "must not be negative")
	}
	return validateBands("over_use", t.OverUse)
}

// RateOf returns the rate of (source, purpose, zone), falling back to the
// purpose's zone-less rate.
func (t *TaxTable) RateOf(source, purpose, zone string) (Rate, bool) {
	var fallback *TaxRate
	for i, r := range t.Rates {
		if r.Source == source && r.Purpose == purpose {
			if r.Zone == zone {
				return r.Rate, true
			}
			if r.Zone == "" {
				fallback = &t.Rates[i]
			}
		}
	}
	if fallback != nil {
		return fallback.Rate, true
	}
	return 0, false
}

// TaxUse is one (source, purpose, zone) use of a taxpayer in a period, with
// where its volume came from.
type TaxUse struct {
	Ref      string `json:"ref"` // traceability: permit, points and months
	Source   string `json:"source"`
	Purpose  string `json:"purpose"`
	Zone     string `json:"zone,omitempty"`
	Quantity int64  `json:"quantity"` // m³, or kWh for generation-based purposes
	// Estimated is the part of Quantity that was estimated (以电折水, 估算).
	Estimated int64 `json:"estimated,omitempty"`
	// PlanM3 is the permitted or planned volume for the period (0: none set,
	// no over-use multiplier). Unpermitted marks water taken without a permit.
	PlanM3      int64 `json:"plan_m3,omitempty"`
	Unpermitted bool  `json:"unpermitted,omitempty"`
	// QuotaM3 is the agricultural quota volume (exempt within it).
	QuotaM3 int64 `json:"quota_m3,omitempty"`
	// Advanced marks a use covered by a valid advanced-quota certification
	// (an industrial line gets the relief).
	Advanced bool `json:"advanced,omitempty"`
}

// TaxLine is one line of a tax computation (and of a 取用水量核定).
type TaxLine struct {
	Ref          string `json:"ref"`
	Source       string `json:"source"`
	Purpose      string `json:"purpose"`
	Zone         string `json:"zone,omitempty"`
	Unit         string `json:"unit"`     // m3 | kwh
	Quantity     int64  `json:"quantity"` // the part of the use this line covers
	Estimated    int64  `json:"estimated,omitempty"`
	ExemptM3     int64  `json:"exempt_m3,omitempty"`
	ExemptReason string `json:"exempt_reason,omitempty"`
	LossM3       int64  `json:"loss_m3,omitempty"` // public supply: allowed loss deducted
	TaxableM3    int64  `json:"taxable"`
	Band         int    `json:"band,omitempty"` // over-use band (0: within plan)
	Rate         Rate   `json:"rate"`
	Factor       Milli  `json:"factor"`           // over-use multiplier (1000 = 1×)
	Relief       Milli  `json:"relief,omitempty"` // share taken off (advanced-quota relief)
	AmountFen    Fen    `json:"amount_fen"`
}

// ComputeTax computes the tax of a taxpayer's uses in a period under table:
// Σ taxable × rate × multiplier × (1 − relief), each line rounded to the fen.
// advanced says the taxpayer holds a valid advanced-quota certification
// (industrial lines get the relief).
func ComputeTax(t *TaxTable, uses []TaxUse, advanced bool) ([]TaxLine, Fen, error) {
	var lines []TaxLine
	for i, u := range uses {
		if u.Quantity < 0 || u.Estimated < 0 || u.Estimated > u.Quantity {
			return nil, 0, sishui.Invalid(fmt.Sprintf("uses[%d].quantity", i), "must be non-negative and at least the estimated part")
		}
		unit := "m3"
		if ByGeneration(u.Purpose) {
			unit = "kwh"
		}
		base := TaxLine{Ref: u.Ref, Source: u.Source, Purpose: u.Purpose, Zone: u.Zone, Unit: unit, Factor: One}
		if contains(t.Exempt, u.Purpose) {
			l := base
			l.Quantity, l.Estimated, l.ExemptM3, l.ExemptReason = u.Quantity, u.Estimated, u.Quantity, "exempt purpose "+u.Purpose
			lines = append(lines, l)
			continue
		}
		rate, ok := t.RateOf(u.Source, u.Purpose, u.Zone)
		if !ok {
			return nil, 0, sishui.Invalid(fmt.Sprintf("uses[%d].purpose", i), "no tax rate for source %s, purpose %s, zone %q", u.Source, u.Purpose, u.Zone)
		}
		base.Rate = rate
		if (advanced || u.Advanced) && u.Purpose == PurposeIndustry {
			base.Relief = t.AdvancedRelief
		}
		q := u.Quantity
		if u.Purpose == PurposeAgriculture && u.QuotaM3 > 0 {
			ex := min(q, u.QuotaM3)
			l := base
			l.Quantity, l.ExemptM3, l.ExemptReason, l.Rate = ex, ex, "agriculture within quota", 0
			lines = append(lines, l)
			q -= ex
		}
		// Parts: within the plan (factor 1×), then the over-use bands.
		type part struct {
			qty    int64
			band   int
			factor Milli
		}
		var parts []part
		switch {
		case unit == "kwh" || u.Purpose == PurposeAgriculture:
			parts = []part{{q, 0, One}}
		case u.Unpermitted:
			parts = []part{{q, 0, max(t.Unpermitted, One)}}
		case u.PlanM3 > 0 && q > u.PlanM3 && len(t.OverUse) > 0:
			parts = append(parts, part{u.PlanM3, 0, One})
			for b, v := range Slices(t.OverUse, u.PlanM3, q-u.PlanM3) {
				if v > 0 {
					parts = append(parts, part{v, b + 1, t.OverUse[b].Factor})
				}
			}
		default:
			parts = []part{{q, 0, One}}
		}
		est := u.Estimated
		for _, p := range parts {
			if p.qty == 0 && len(parts) > 1 {
				continue
			}
			l := base
			l.Quantity, l.Band, l.Factor = p.qty, p.band, p.factor
			// Estimated volume is traced to the first parts (a share, not a rate input).
			l.Estimated = min(est, p.qty)
			est -= l.Estimated
			l.TaxableM3 = p.qty
			if u.Purpose == PurposePublicSupply && t.AllowedLoss > 0 {
				l.TaxableM3 = Scale(p.qty, int64(One-t.AllowedLoss), int64(One))
				l.LossM3 = p.qty - l.TaxableM3
			}
			l.AmountFen = Amount(l.TaxableM3, l.Rate, l.Factor, One-l.Relief)
			lines = append(lines, l)
		}
	}
	var total Fen
	for _, l := range lines {
		total += l.AmountFen
	}
	return lines, total, nil
}
