// Package saving verifies the savings of contract water saving (合同节水管理)
// and computes what is due under the contract. Savings follow IPMVP option C
// (whole-facility metering): the baseline period's use per unit of output,
// times the reporting period's output, is the adjusted baseline; the saving
// is the adjusted baseline less the metered use. Pure: no I/O, no clock.
package saving

import (
	"fmt"

	"github.com/sishui/sishui/internal/pricing"
)

// Contract models (the three standard ones).
const (
	ModelShare     = "share"     // 节水效益分享型: the savings' value is shared in an agreed ratio
	ModelGuarantee = "guarantee" // 节水效果保证型: the fee is due if the guaranteed saving is met; the company owes the shortfall if not
	ModelCustody   = "custody"   // 用水费用托管型: a management fee for running the user's water system
)

// Terms are a contract's numbers.
type Terms struct {
	Model      string       `json:"model"`
	Guaranteed int64        `json:"guaranteed"` // guaranteed saving, thousandths of the adjusted baseline (150 = 15 %)
	Share      int64        `json:"share"`      // the company's share of the savings' value, thousandths
	Price      pricing.Rate `json:"price"`      // value of one m³ saved (the user's water price), 1/10000 元
	FeeFen     int64        `json:"fee_fen"`    // guarantee or custody fee for the period
}

// Validate checks the terms.
func (t Terms) Validate() error {
	switch t.Model {
	case ModelShare, ModelGuarantee, ModelCustody:
	default:
		return fmt.Errorf("model must be share, guarantee or custody")
	}
	if t.Guaranteed < 0 || t.Guaranteed > 1000 || t.Share < 0 || t.Share > 1000 || t.Price < 0 || t.FeeFen < 0 {
		return fmt.Errorf("guaranteed and share must be in [0, 1000] thousandths; price and fee non-negative")
	}
	return nil
}

// Period is one period's metered use and output (baseline or reporting).
type Period struct {
	UseM3  int64 `json:"use_m3"`
	Output int64 `json:"output"`
}

// Result is a reporting period's verified saving and what is due.
type Result struct {
	AdjustedBaselineM3 int64       `json:"adjusted_baseline_m3"` // baseline use × reporting output / baseline output
	SavedM3            int64       `json:"saved_m3"`             // negative when use grew
	Saved              int64       `json:"saved"`                // thousandths of the adjusted baseline
	ValueFen           pricing.Fen `json:"value_fen"`            // saved × price
	GuaranteeMet       bool        `json:"guarantee_met"`
	DueToCompanyFen    pricing.Fen `json:"due_to_company_fen"`
	DueToUserFen       pricing.Fen `json:"due_to_user_fen"` // the company's liability for a missed guarantee
}

// Verify computes a reporting period's saving against the baseline and the
// payments due under the terms.
func Verify(t Terms, baseline, report Period) (Result, error) {
	if err := t.Validate(); err != nil {
		return Result{}, err
	}
	if baseline.Output <= 0 || report.Output < 0 || baseline.UseM3 < 0 || report.UseM3 < 0 {
		return Result{}, fmt.Errorf("the baseline needs a positive output, and uses must not be negative")
	}
	var r Result
	r.AdjustedBaselineM3 = pricing.Scale(baseline.UseM3, report.Output, baseline.Output)
	r.SavedM3 = r.AdjustedBaselineM3 - report.UseM3
	if r.AdjustedBaselineM3 > 0 {
		r.Saved = pricing.Scale(r.SavedM3, 1000, r.AdjustedBaselineM3)
	}
	r.ValueFen = pricing.Amount(r.SavedM3, t.Price)
	switch t.Model {
	case ModelShare:
		if r.SavedM3 > 0 {
			r.DueToCompanyFen = pricing.Amount(r.SavedM3, t.Price, pricing.Milli(t.Share))
		}
	case ModelGuarantee:
		target := pricing.Scale(r.AdjustedBaselineM3, t.Guaranteed, 1000)
		r.GuaranteeMet = r.SavedM3 >= target
		if r.GuaranteeMet {
			r.DueToCompanyFen = pricing.Fen(t.FeeFen)
		} else {
			r.DueToUserFen = pricing.Amount(target-r.SavedM3, t.Price)
		}
	case ModelCustody:
		r.DueToCompanyFen = pricing.Fen(t.FeeFen)
	}
	return r, nil
}
