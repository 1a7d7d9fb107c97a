package plan

import (
	"fmt"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// BenchmarkCityOverview evaluates a city's plan: 20 tasks × 9 regions with
// three years of quarterly reports (2,160 reports), then reminders and both
// overviews, as one /plan request does.
func BenchmarkCityOverview(b *testing.B) {
	var tasks []*sishui.Task
	regions := []string{city, "371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581"}
	for i := 0; i < 20; i++ {
		tasks = append(tasks, &sishui.Task{Code: fmt.Sprintf("t%d", i), Lead: []string{"water"}, StartYear: 2025, EndYear: 2027, Counties: regions[1:]})
	}
	var reports []*sishui.TaskReport
	for _, t := range tasks {
		for _, r := range regions {
			for y := 2025; y <= 2027; y++ {
				for q := 1; q <= 4; q++ {
					reports = append(reports, &sishui.TaskReport{Task: t.Code, Region: r, Year: y, Quarter: q, ProgressPct: float64(10 * q), Created: time.Date(y, time.Month(3*q), 1, 0, 0, 0, 0, time.UTC)})
				}
			}
		}
	}
	units := []*sishui.Unit{{Code: "water", Name: "市水利局"}}
	now := time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	r := DefaultRules()
	b.ReportAllocs()
	for b.Loop() {
		var st []Status
		for _, t := range tasks {
			st = append(st, Evaluate(t, city, reports, now, r))
		}
		_ = ByUnit(units, tasks, st)
		_ = ByCounty(regions[1:], tasks, reports, now, r)
		_ = Reminders(tasks, regions, reports, now, r)
	}
}
