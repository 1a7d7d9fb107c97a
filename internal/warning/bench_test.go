package warning

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkEval: one evaluation of the default rules over 10,000 points'
// offline checks, 2,000 permits and 200 sections, with about a tenth warning.
func BenchmarkEval(b *testing.B) {
	rules, err := DefaultRules()
	if err != nil {
		b.Fatal(err)
	}
	e, err := NewEngine(rules)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	var obs []Observation
	for i := range 10000 {
		seen := now.Add(-time.Hour)
		if i%10 == 0 {
			seen = now.Add(-5 * time.Hour)
		}
		obs = append(obs, Observation{Kind: TerminalOffline, Subject: fmt.Sprintf("point:%05d", i), Time: now, LastSeen: seen, Interval: time.Hour})
	}
	for i := range 2000 {
		obs = append(obs, Observation{Kind: PermitUse, Subject: fmt.Sprintf("permit:%04d", i), Time: now, Value: float64(i % 1000), Limit: 1000})
	}
	for i := range 200 {
		obs = append(obs, Observation{Kind: EcoBaseFlow, Subject: fmt.Sprintf("section:%03d", i), Time: now, Value: float64(i%20) + 5, Limit: 10})
	}
	b.ResetTimer()
	for b.Loop() {
		now = now.Add(time.Hour)
		if _, err := e.Eval(now, obs); err != nil {
			b.Fatal(err)
		}
	}
}
