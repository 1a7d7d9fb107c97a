package rights

import (
	"time"

	"github.com/sishui/sishui"
)

// EffectiveCap is a region's own total-use cap for a year and the cap in
// effect after its settled regional trades. The caps table is never edited.
type EffectiveCap struct {
	Region      string `json:"region"`
	Year        int    `json:"year"`
	OwnM3       int64  `json:"own_m3"`
	BoughtM3    int64  `json:"bought_m3"`
	SoldM3      int64  `json:"sold_m3"`
	EffectiveM3 int64  `json:"effective_m3"`
}

// EffectiveCaps returns the effective caps of the regions on a day: a settled
// regional trade whose term contains the day raises the buyer's and lowers
// the seller's cap by its volume when UseCountedOn is "buyer"; with "seller"
// the traded water stays counted against the seller and the caps do not
// move. regionOf maps a holder ID to its region code (regional holders only).
func (c Config) EffectiveCaps(caps []*sishui.RegionCap, trades []*sishui.RightsTrade, regionOf map[int64]string, day time.Time) []EffectiveCap {
	day = Day(day)
	idx := map[string]int{}
	out := make([]EffectiveCap, 0, len(caps))
	for _, cp := range caps {
		if cp.Year != day.Year() {
			continue
		}
		idx[cp.Region] = len(out)
		out = append(out, EffectiveCap{Region: cp.Region, Year: cp.Year, OwnM3: cp.TotalM3, EffectiveM3: cp.TotalM3})
	}
	if c.UseCountedOn == "seller" {
		return out
	}
	for _, t := range trades {
		if t.Type != sishui.TradeRegional || t.Status != sishui.TradeSettled || day.Before(Day(t.From)) || day.After(Day(t.To)) {
			continue
		}
		if i, ok := idx[regionOf[t.Buyer]]; ok {
			out[i].BoughtM3 += t.VolumeM3
			out[i].EffectiveM3 += t.VolumeM3
		}
		if i, ok := idx[regionOf[t.Seller]]; ok {
			out[i].SoldM3 += t.VolumeM3
			out[i].EffectiveM3 -= t.VolumeM3
		}
	}
	return out
}
