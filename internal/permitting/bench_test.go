package permitting

import (
	"testing"
	"time"
)

// BenchmarkDecide is one 限批 decision over a county, its city and a 10-year term.
func BenchmarkDecide(b *testing.B) {
	var caps []Cap
	for y := 2026; y <= 2035; y++ {
		caps = append(caps, Cap{Year: y, TotalM3: 300_000_000, GroundwaterM3: 80_000_000})
	}
	regions := []RegionFacts{
		{Region: "371502", PermittedM3: 250_000_000, PermittedGroundwaterM3: 60_000_000, Caps: caps, LastYearCapM3: 300_000_000, LastYearUsedM3: 280_000_000, Year: 2026},
		{Region: "371500", PermittedM3: 1_500_000_000, Caps: caps, Year: 2026},
	}
	req := Request{Region: "371502", AnnualM3: 100_000, Groundwater: true, Expands: true, FromYear: 2026, ToYear: 2035,
		Zone: &ZoneFacts{Code: "Z", Kind: "limited", AllowableM3: 12_000_000, PermittedM3: 11_000_000}, Plan: &PlanFacts{Code: "P"}}
	for b.Loop() {
		Decide(DefaultRules(), req, regions)
	}
}

// BenchmarkAddWorkdays is the 45-working-day decision clock on the 2026 calendar.
func BenchmarkAddWorkdays(b *testing.B) {
	c := National2026()
	start := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		c.AddWorkdays(start, DecisionWorkdays)
	}
}
