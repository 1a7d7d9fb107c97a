package demo_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/cityfile"
	"github.com/sishui/sishui/internal/demo"
	"github.com/sishui/sishui/internal/plan"
	"github.com/sishui/sishui/internal/sqlite"
)

// TestPlanProgress: every task gets made-up reports, all marked invented, and
// every status shows.
func TestPlanProgress(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := cityfile.Load(ctx, os.DirFS("../../data/liaocheng"), st); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	n, err := demo.PlanProgress(ctx, st, now, 1)
	if err != nil {
		t.Fatal(err)
	}
	tasks, _ := st.ListTasks(ctx)
	reports, _ := st.ListTaskReports(ctx, sishui.TaskReportFilter{})
	if n == 0 || len(reports) != n {
		t.Fatalf("%d reports written, %d stored", n, len(reports))
	}
	for _, r := range reports {
		if !r.Invented || !strings.Contains(r.Text, "虚构") {
			t.Fatalf("report not marked invented: %+v", r)
		}
	}
	seen := map[string]int{}
	for _, tk := range tasks {
		seen[plan.Evaluate(tk, "371500", reports, now, plan.DefaultRules()).Status]++
	}
	for _, s := range []string{plan.OnTrack, plan.Late, plan.Done, plan.AtRisk} {
		if seen[s] == 0 {
			t.Errorf("no task %s: %v", s, seen)
		}
	}
}
