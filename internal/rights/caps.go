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

// CapShifts returns, per region, the net volume of the settled regional
// trades whose term contains the day: bought less sold, in the total cap and,
// for groundwater sources, in the groundwater cap. When UseCountedOn is
// "seller" the traded water stays counted against the seller and nothing
// shifts. regionOf maps a holder ID to its region code (regional holders only).
func (c Config) CapShifts(trades []*sishui.RightsTrade, regionOf map[int64]string, groundwater map[string]bool, day time.Time) map[string]sishui.CapShift {
	out := map[string]sishui.CapShift{}
	if c.UseCountedOn == "seller" {
		return out
	}
	day = Day(day)
	for _, t := range trades {
		if t.Type != sishui.TradeRegional || t.Status != sishui.TradeSettled || day.Before(Day(t.From)) || day.After(Day(t.To)) {
			continue
		}
		for _, side := range []struct {
			holder int64
			sign   int64
		}{{t.Buyer, 1}, {t.Seller, -1}} {
			r, ok := regionOf[side.holder]
			if !ok {
				continue
			}
			sh := out[r]
			if side.sign > 0 {
				sh.BoughtM3 += t.VolumeM3
			} else {
				sh.SoldM3 += t.VolumeM3
			}
			if groundwater[t.Source] {
				sh.GroundM3 += side.sign * t.VolumeM3
			}
			out[r] = sh
		}
	}
	return out
}

// EffectiveCaps returns the effective caps of the regions on a day: their own
// caps moved by CapShifts. The caps table is never edited.
func (c Config) EffectiveCaps(caps []*sishui.RegionCap, trades []*sishui.RightsTrade, regionOf map[int64]string, day time.Time) []EffectiveCap {
	shift := c.CapShifts(trades, regionOf, nil, day)
	out := make([]EffectiveCap, 0, len(caps))
	for _, cp := range caps {
		if cp.Year != Day(day).Year() {
			continue
		}
		sh := shift[cp.Region]
		out = append(out, EffectiveCap{Region: cp.Region, Year: cp.Year, OwnM3: cp.TotalM3, BoughtM3: sh.BoughtM3, SoldM3: sh.SoldM3,
			EffectiveM3: cp.TotalM3 + sh.TotalM3()})
	}
	return out
}
