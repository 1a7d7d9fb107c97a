package forecast

import (
	"encoding/json"
	"math"
)

// finite returns v, or nil when it is NaN or infinite (JSON has no NaN).
func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// MarshalJSON writes the comparison with rel_diff null when the trend is not
// positive.
func (c Comparison) MarshalJSON() ([]byte, error) {
	type plain Comparison
	return json.Marshal(struct {
		plain
		RelDiff *float64 `json:"rel_diff"`
	}{plain(c), finite(c.RelDiff)})
}

// MarshalJSON writes the fit with r2 null when it is undefined.
func (l Line) MarshalJSON() ([]byte, error) {
	type plain Line
	return json.Marshal(struct {
		plain
		R2 *float64 `json:"r2"`
	}{plain(l), finite(l.R2)})
}
