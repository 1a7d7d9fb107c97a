package sl651

import (
	"fmt"
	"math"
)

// frameDiff compares the decoded content of two frames (NaN equals NaN; Raw
// bytes, CRC and Body are not compared).
func frameDiff(a, b *Frame) string {
	switch {
	case a.Format != b.Format || a.Direction != b.Direction || a.Center != b.Center ||
		a.Station != b.Station || a.Password != b.Password || a.Function != b.Function:
		return fmt.Sprintf("header %v/%v/%02X/%s/%04X/%02X vs %v/%v/%02X/%s/%04X/%02X",
			a.Format, a.Direction, a.Center, a.Station, a.Password, a.Function,
			b.Format, b.Direction, b.Center, b.Station, b.Password, b.Function)
	case a.Start != b.Start || a.End != b.End || a.Packet != b.Packet:
		return fmt.Sprintf("control %02X/%02X/%v vs %02X/%02X/%v", a.Start, a.End, a.Packet, b.Start, b.End, b.Packet)
	case a.Serial != b.Serial || !a.Sent.Equal(b.Sent) || !a.Observed.Equal(b.Observed):
		return fmt.Sprintf("serial/times %d %v %v vs %d %v %v", a.Serial, a.Sent, a.Observed, b.Serial, b.Sent, b.Observed)
	case a.HasBodyStation != b.HasBodyStation || a.BodyStation != b.BodyStation || a.StationType != b.StationType:
		return fmt.Sprintf("body station %v %s %q vs %v %s %q", a.HasBodyStation, a.BodyStation, a.StationType, b.HasBodyStation, b.BodyStation, b.StationType)
	case a.Version != b.Version || string(a.Rest) != string(b.Rest):
		return fmt.Sprintf("version/rest %q %X vs %q %X", a.Version, a.Rest, b.Version, b.Rest)
	case fmt.Sprint(a.Events) != fmt.Sprint(b.Events):
		return fmt.Sprintf("events %v vs %v", a.Events, b.Events)
	case a.IsMultiPacket() && string(a.Body) != string(b.Body):
		return "M3 packet body differs"
	}
	if d := elementsDiff("element", a.Elements, b.Elements); d != "" {
		return d
	}
	return elementsDiff("param", a.Params, b.Params)
}

func elementsDiff(what string, a, b []Element) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d %ss vs %d", len(a), what, len(b))
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.ID != y.ID || x.Code != y.Code || x.Def != y.Def || x.Missing != y.Missing || x.Invalid != y.Invalid ||
			!sameFloat(x.Value, y.Value) || !x.Observed.Equal(y.Observed) || len(x.Values) != len(y.Values) {
			return fmt.Sprintf("%s %d: %+v vs %+v", what, i, *x, *y)
		}
		if x.Invalid && string(x.Raw) != string(y.Raw) {
			return fmt.Sprintf("%s %d raw %X vs %X", what, i, x.Raw, y.Raw)
		}
		if (x.Code == CodeRGZS || x.Code == CodePIC || x.Code == CodeDATA || x.Code == CodeST) && string(x.Raw) != string(y.Raw) {
			return fmt.Sprintf("%s %d raw %X vs %X", what, i, x.Raw, y.Raw)
		}
		for j := range x.Values {
			if !sameFloat(x.Values[j], y.Values[j]) {
				return fmt.Sprintf("%s %d value %d: %v vs %v", what, i, j, x.Values[j], y.Values[j])
			}
		}
	}
	return ""
}

func sameFloat(a, b float64) bool {
	return a == b || math.IsNaN(a) && math.IsNaN(b)
}
