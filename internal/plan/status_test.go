package plan

import (
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

const city = "371500"

func bj(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, sishui.BeijingTime)
	if err != nil {
		panic(err)
	}
	return t
}

func rep(task string, year, q int, pct float64, mods ...func(*sishui.TaskReport)) *sishui.TaskReport {
	r := &sishui.TaskReport{Task: task, Year: year, Quarter: q, Region: city, ProgressPct: pct, Text: "x",
		Created: time.Date(year, time.Month(3*q), 28, 0, 0, 0, 0, time.UTC)}
	for _, m := range mods {
		m(r)
	}
	return r
}

func TestEvaluate(t *testing.T) {
	// 2025–2027: three years; 2026-01-01 is one third of the span.
	task := &sishui.Task{Code: "4_2", Title: "灌区改造", Lead: []string{"water"}, StartYear: 2025, EndYear: 2027}
	all4 := func(year int, pcts ...float64) []*sishui.TaskReport {
		var out []*sishui.TaskReport
		for i, p := range pcts {
			out = append(out, rep("4_2", year, i+1, p))
		}
		return out
	}
	r := DefaultRules()
	for _, tc := range []struct {
		name    string
		reports []*sishui.TaskReport
		now     string
		want    string
		reason  string // substring
	}{
		{"nothing due yet", nil, "2025-04-10", OnTrack, ""},
		{"Q1 report due 04-10, missing on 04-11", nil, "2025-04-11", Late, "2025 Q1 overdue since 2025-04-10"},
		{"Q1 in, Q2 not yet due", all4(2025, 8), "2025-07-05", OnTrack, ""},
		{"keeps pace", all4(2025, 8, 16, 25, 33), "2026-01-05", OnTrack, ""},
		{"15 points behind is tolerated", all4(2025, 8, 16, 25, 18.4), "2026-01-01", OnTrack, ""},
		{"more than 15 points behind is late", all4(2025, 8, 16, 25, 18), "2026-01-01", Late, "trails the schedule's 33%"},
		{"a gap in the middle is the earliest overdue", []*sishui.TaskReport{rep("4_2", 2025, 1, 8), rep("4_2", 2025, 3, 25)}, "2025-10-20", Late, "2025 Q2 overdue"},
		{"at risk with the reporter's reason", append(all4(2025, 8, 16), rep("4_2", 2025, 3, 25, func(x *sishui.TaskReport) { x.AtRisk, x.RiskReason = true, "征地未完成" })), "2025-10-05", AtRisk, "征地未完成"},
		{"at risk outranks an overdue report", append(all4(2025, 8), rep("4_2", 2025, 2, 10, func(x *sishui.TaskReport) { x.AtRisk, x.RiskReason = true, "资金" })), "2026-03-01", AtRisk, "资金"},
		{"done", append(all4(2025, 50), rep("4_2", 2025, 2, 100, func(x *sishui.TaskReport) { x.Done = true })), "2030-01-01", Done, ""},
		{"a later report of the same quarter supersedes", []*sishui.TaskReport{
			rep("4_2", 2025, 1, 8, func(x *sishui.TaskReport) { x.AtRisk, x.RiskReason = true, "first" }),
			rep("4_2", 2025, 1, 8, func(x *sishui.TaskReport) { x.Created = x.Created.Add(time.Hour) }),
		}, "2025-04-20", OnTrack, ""},
		{"past the end year, not done", append(append(all4(2025, 10, 20, 30, 40), all4(2026, 50, 60, 70, 80)...), all4(2027, 85, 90, 95, 99)...), "2028-01-05", Late, "end year 2027 is over"},
		{"other tasks' and regions' reports do not count", []*sishui.TaskReport{rep("4_1", 2025, 1, 8), rep("4_2", 2025, 1, 8, func(x *sishui.TaskReport) { x.Region = "371502" })}, "2025-04-20", Late, "2025 Q1 overdue"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Evaluate(task, city, tc.reports, bj(tc.now), r)
			if got.Status != tc.want || !strings.Contains(got.Reason, tc.reason) {
				t.Fatalf("status %s (%q), want %s (%q); %+v", got.Status, got.Reason, tc.want, tc.reason, got)
			}
		})
	}
}

func TestExpected(t *testing.T) {
	task := &sishui.Task{StartYear: 2025, EndYear: 2026}
	for _, tc := range []struct {
		now  time.Time
		want float64
	}{
		{bj("2024-06-01"), 0},
		{bj("2025-01-01"), 0},
		{bj("2026-01-01"), 50}, // 365 of 730 days
		{bj("2027-01-01"), 100},
		{bj("2030-01-01"), 100},
	} {
		if got := Expected(task, tc.now); got != tc.want {
			t.Errorf("Expected at %s = %v, want %v", tc.now.Format("2006-01-02"), got, tc.want)
		}
	}
}

func TestReminders(t *testing.T) {
	tasks := []*sishui.Task{
		{Code: "a", Title: "A", Lead: []string{"water", "stats"}, StartYear: 2026, EndYear: 2027},
		{Code: "b", Title: "B", Lead: []string{"ndrc"}, StartYear: 2026, EndYear: 2027},
		{Code: "c", Title: "C", Lead: []string{"water"}, StartYear: 2026, EndYear: 2027},
	}
	reports := []*sishui.TaskReport{
		rep("a", 2026, 1, 10), // a: Q1 in, Q2 missing
		rep("b", 2026, 1, 10), rep("b", 2026, 2, 20),
		rep("c", 2026, 1, 100, func(x *sishui.TaskReport) { x.Done = true }), // done: never reminded
	}
	r := DefaultRules()
	type want struct {
		kind, task string
		q          Quarter
		days       int
	}
	for _, tc := range []struct {
		now  string
		want []want
	}{
		{"2026-06-30", nil}, // Q2 is not over
		{"2026-07-02", nil}, // due 07-10: 8 days ahead, no reminder yet
		{"2026-07-03", []want{{DueSoon, "a", Quarter{2026, 2}, 7}}},
		{"2026-07-10", []want{{DueSoon, "a", Quarter{2026, 2}, 0}}},  // the due day itself
		{"2026-07-11", []want{{Overdue, "a", Quarter{2026, 2}, -1}}}, // late: a warning
		{"2026-10-12", []want{{Overdue, "a", Quarter{2026, 2}, -94}, {Overdue, "a", Quarter{2026, 3}, -2}, {Overdue, "b", Quarter{2026, 3}, -2}}},
	} {
		got := Reminders(tasks, []string{city}, reports, bj(tc.now), r)
		if len(got) != len(tc.want) {
			t.Fatalf("%s: %d reminders %+v, want %d", tc.now, len(got), got, len(tc.want))
		}
		for i, w := range tc.want {
			g := got[i]
			if g.Kind != w.kind || g.Task != w.task || g.Quarter != w.q || g.Days != w.days {
				t.Errorf("%s #%d: %s %s %s %d days, want %s %s %s %d", tc.now, i, g.Kind, g.Task, g.Quarter, g.Days, w.kind, w.task, w.q, w.days)
			}
		}
		if len(got) > 0 && got[0].Task == "a" && strings.Join(got[0].Units, ",") != "water,stats" {
			t.Errorf("units to remind %v", got[0].Units)
		}
	}
}

func TestOverviews(t *testing.T) {
	tasks := []*sishui.Task{
		{Code: "a", Lead: []string{"water", "stats"}, StartYear: 2026, EndYear: 2027},
		{Code: "b", Lead: []string{"water"}, StartYear: 2026, EndYear: 2027, Counties: []string{"371502", "371522"}},
		{Code: "c", Lead: []string{"ndrc"}, StartYear: 2026, EndYear: 2027},
	}
	units := []*sishui.Unit{{Code: "ndrc", Name: "市发展改革委"}, {Code: "stats", Name: "市统计局"}, {Code: "water", Name: "市水利局"}, {Code: "tax", Name: "市税务局"}}
	now := bj("2026-05-01")
	reports := []*sishui.TaskReport{
		rep("a", 2026, 1, 10),
		rep("c", 2026, 1, 10, func(x *sishui.TaskReport) { x.AtRisk, x.RiskReason = true, "r" }),
		rep("b", 2026, 1, 12, func(x *sishui.TaskReport) { x.Region = "371502" }),
		rep("c", 2026, 1, 100, func(x *sishui.TaskReport) { x.Region = "371525"; x.Done = true }),
	}
	var st []Status
	for _, tk := range tasks {
		st = append(st, Evaluate(tk, city, reports, now, DefaultRules()))
	}
	by := ByUnit(units, tasks, st)
	if len(by) != 3 {
		t.Fatalf("units %+v, want 3 (tax leads nothing)", by)
	}
	want := map[string]Tally{
		"ndrc":  {Tasks: 1, AtRisk: 1},
		"stats": {Tasks: 1, OnTrack: 1},
		"water": {Tasks: 2, OnTrack: 1, Late: 1}, // b has no city report: Q1 overdue
	}
	for _, o := range by {
		if o.Tally != want[o.Unit] {
			t.Errorf("%s: %+v, want %+v", o.Unit, o.Tally, want[o.Unit])
		}
	}
	cs := ByCounty([]string{"371502", "371522", "371525", "371526"}, tasks, reports, now, DefaultRules())
	wantC := map[string]Tally{
		"371502": {Tasks: 1, OnTrack: 1}, // b, reported
		"371522": {Tasks: 1, Late: 1},    // b named, not reported
		"371525": {Tasks: 1, Done: 1},    // c reported by the county though it names none
		"371526": {},
	}
	for _, o := range cs {
		if o.Tally != wantC[o.Region] {
			t.Errorf("%s: %+v, want %+v", o.Region, o.Tally, wantC[o.Region])
		}
	}
}
