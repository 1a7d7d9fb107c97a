package alerting

import (
	"context"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/plan"
	"github.com/sishui/sishui/internal/warning"
)

// notDue is the task_report value of a task with no report missing (resolves its alert).
const notDue = -100000

// taskReports yields the plan tasks' report reminders (issue 16) for the
// lead units (牵头单位), whose quarterly reports are the city's: one
// observation per task, valued at the days its oldest missing report is late
// (negative: due in that many days; notDue when nothing is missing or due
// within the reminder days). The counties' parts stay in /api/v1/plan/reminders
// and the county overview. The rules are plan.Rules (due 10 days after the
// quarter, remind 7 days before, unless configured).
func (s *Service) taskReports(ctx context.Context, in *inputs) ([]observed, error) {
	now := in.now
	tasks, err := s.store.ListTasks(ctx)
	if err != nil || len(tasks) == 0 {
		return nil, err
	}
	reports, err := s.store.ListTaskReports(ctx, sishui.TaskReportFilter{})
	if err != nil {
		return nil, err
	}
	var out []observed
	rules := plan.DefaultRules()
	if s.cfg.PlanRules != nil {
		rules = *s.cfg.PlanRules
	}
	emit := func(ts []*sishui.Task, region string) {
		worst := map[string]int{}
		for _, r := range plan.Reminders(ts, []string{region}, reports, now, rules) {
			if late, seen := worst[r.Task]; !seen || -r.Days > late {
				worst[r.Task] = -r.Days
			}
		}
		for _, t := range ts {
			v, due := float64(notDue), 0.0
			if late, ok := worst[t.Code]; ok {
				v, due = float64(late), float64(-late)
			}
			out = append(out, observed{warning.Observation{Kind: warning.TaskReport, Subject: "task-report:" + t.Code + "@" + region, Value: v,
				Extra: map[string]float64{"due_in": due}}, owner{region: region}})
		}
	}
	emit(tasks, in.regions.Root())
	return out, nil
}
