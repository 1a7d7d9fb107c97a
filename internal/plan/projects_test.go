package plan

import (
	"testing"

	"github.com/sishui/sishui"
)

func TestLateMilestonesAndGantt(t *testing.T) {
	ps := []*sishui.Project{
		{Code: "b", Name: "B", Start: "2025-03-01", End: "2027-12-31", Status: sishui.ProjectInProgress, Milestones: []sishui.Milestone{
			{Name: "开工", Due: "2025-04-01", Done: "2025-04-20"}, // reached (late, but reached)
			{Name: "主体完工", Due: "2026-03-31"},                   // open, due: 31 days late on 2026-05-01
			{Name: "验收", Due: "2027-12-31"},                     // open, not due
		}},
		{Code: "a", Name: "A", Start: "2025-01-01", End: "2026-12-31", Status: sishui.ProjectInProgress, Milestones: []sishui.Milestone{
			{Name: "可研批复", Due: "2026-04-30"}, // due yesterday: 1 day late
			{Name: "今天到期", Due: "2026-05-01"}, // due today: not late
		}},
		{Code: "c", Name: "C", Start: "2025-01-01", End: "2025-12-31", Status: sishui.ProjectSuspended, Milestones: []sishui.Milestone{{Name: "x", Due: "2025-06-01"}}},
	}
	now := bj("2026-05-01")
	late := LateMilestones(ps, now)
	if len(late) != 2 || late[0].Project != "b" || late[0].DaysLate != 31 || late[1].Project != "a" || late[1].DaysLate != 1 {
		t.Fatalf("late %+v", late)
	}
	g := Gantt(ps, now)
	if len(g) != 3 || g[0].ID != "a" && g[0].ID != "c" || g[2].ID != "b" {
		t.Fatalf("order %+v", g)
	}
	b := g[2]
	if !b.Late || !b.Milestones[0].Done || b.Milestones[0].Date != "2025-04-20" || !b.Milestones[1].Late || b.Milestones[2].Late {
		t.Fatalf("bar %+v", b)
	}
}
