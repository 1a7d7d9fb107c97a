package pricing

import "github.com/sishui/sishui"

// Norm is a water-use norm (用水定额) for a sector's product or crop: m³ per
// unit of output, as the general value (通用值) and the advanced value (先进值),
// in thousandths of a m³ (litres) per unit so that 0.8 m³/t is exact.
type Norm struct {
	Version
	ID            int64  `json:"id,omitempty"`
	Sector        string `json:"sector"`         // sector code (industry, agriculture, …)
	Product       string `json:"product"`        // product, crop or service, e.g. "wheat", "paper"
	Name          string `json:"name,omitempty"` // zh-CN name, e.g. 小麦
	Unit          string `json:"unit"`           // t, 万元, mu, person_day, …
	GeneralMilli  int64  `json:"general_milli"`  // 通用值, litres per unit
	AdvancedMilli int64  `json:"advanced_milli"` // 先进值, litres per unit (0 when the standard gives none)
	Standard      string `json:"standard"`       // source standard, e.g. DB37/T 3772-2019
}

// Validate checks the norm's own numbers.
func (n *Norm) Validate() error {
	switch {
	case n.Sector == "":
		return sishui.Invalid("sector", "is required")
	case n.Product == "":
		return sishui.Invalid("product", "is required")
	case n.Unit == "":
		return sishui.Invalid("unit", "is required")
	case n.GeneralMilli <= 0:
		return sishui.Invalid("general_milli", "must be positive")
	case n.AdvancedMilli < 0 || n.AdvancedMilli > n.GeneralMilli:
		return sishui.Invalid("advanced_milli", "must be between 0 and the general value")
	case n.Region == "":
		return sishui.Invalid("region", "is required")
	case n.EffectiveFrom.IsZero():
		return sishui.Invalid("effective_from", "is required")
	}
	return nil
}

// QuotaM3 is the quota volume for a declared output: norm × output, in whole
// m³, half-up. advanced selects the 先进值.
func (n *Norm) QuotaM3(output int64, advanced bool) int64 {
	v := n.GeneralMilli
	if advanced {
		v = n.AdvancedMilli
	}
	return Scale(output, v, 1000)
}

// MeetsAdvanced reports whether a use of usedM3 for output units is at or
// below the advanced value (the test for the 20 % tax relief and 节水贷
// candidates). A norm without an advanced value is never met.
func (n *Norm) MeetsAdvanced(usedM3, output int64) bool {
	if n.AdvancedMilli <= 0 || output <= 0 {
		return false
	}
	// used/output ≤ advanced/1000  ⇔  used × 1000 ≤ advanced × output (exact)
	return Scale(usedM3, 1000, 1) <= Scale(n.AdvancedMilli, output, 1)
}
