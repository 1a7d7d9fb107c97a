package sl651

import (
	"encoding/hex"
	"math"
	"time"
)

// FrameSummary is what `sishui decode` prints for an SL 651 frame (as JSON).
type FrameSummary struct {
	Protocol string           `json:"protocol"` // always "sl651"
	Function string           `json:"function"` // two hex digits, e.g. "32"
	Station  string           `json:"station"`  // ten hex digits
	Center   int              `json:"center"`
	Serial   int              `json:"serial"`
	Sent     string           `json:"sent,omitempty"`     // RFC 3339, +08:00
	Observed string           `json:"observed,omitempty"` // RFC 3339, +08:00
	Elements []ElementSummary `json:"elements"`
}

// ElementSummary is one element of a FrameSummary. Value is a number, an array
// of numbers (null for invalid slots), null for a missing value, a string for
// manual-set text, or hex text for raw and undecodable data.
type ElementSummary struct {
	ID    string `json:"id"`
	Value any    `json:"value"`
	Unit  string `json:"unit,omitempty"`
}

// Summary returns the printable summary of f.
func Summary(f *Frame) FrameSummary {
	s := FrameSummary{
		Protocol: "sl651",
		Function: string([]byte{hexDigits[f.Function>>4], hexDigits[f.Function&0xF]}),
		Station:  f.Station.String(),
		Center:   int(f.Center),
		Serial:   int(f.Serial),
		Sent:     rfc3339(f.Sent),
		Observed: rfc3339(f.Observed),
		Elements: make([]ElementSummary, 0, len(f.Elements)),
	}
	for i := range f.Elements {
		e := &f.Elements[i]
		s.Elements = append(s.Elements, ElementSummary{ID: e.Name(), Value: summaryValue(e), Unit: e.Unit})
	}
	return s
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(beijing).Format(time.RFC3339)
}

func summaryValue(e *Element) any {
	switch {
	case e.Missing:
		return nil
	case e.Invalid:
		return hex.EncodeToString(e.Raw)
	case e.Code == CodeRGZS && e.ID == "RGZS":
		return string(e.Raw)
	case e.Code == CodePIC || e.Code == CodeDATA || e.Code == CodeST:
		return hex.EncodeToString(e.Raw)
	}
	switch kindOfElement(e.Code, e.Def) {
	case valDRP, valDRZ:
		vals := make([]any, len(e.Values))
		for i, v := range e.Values {
			if !math.IsNaN(v) {
				vals[i] = v
			}
		}
		return vals
	}
	return e.Value
}
