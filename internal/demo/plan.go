package demo

import (
	"context"
	"fmt"
	"math/rand"
	"time"

	"github.com/sishui/sishui"
)

// demoNote starts every made-up report, so nobody mistakes it for the city's.
const demoNote = "【演示数据，虚构 INVENTED FOR THE DEMO】"

// PlanProgress files made-up quarterly progress reports (marked Invented) for
// every task of the plan, by its first lead unit, from the task's first quarter
// to the last finished quarter before now. Tasks move at different paces, a few
// are reported at risk, one is done and one misses its latest report, so that
// every status shows. It returns the number of reports written.
func PlanProgress(ctx context.Context, st sishui.Store, now time.Time, seed int64) (int, error) {
	tasks, err := st.ListTasks(ctx)
	if err != nil {
		return 0, err
	}
	rng := rand.New(rand.NewSource(seed))
	bj := now.In(sishui.BeijingTime)
	lastY, lastQ := bj.Year(), (int(bj.Month())-1)/3 // the last finished quarter
	if lastQ == 0 {
		lastY, lastQ = lastY-1, 4
	}
	risks := []string{"征地拆迁进度滞后", "年度资金尚未下达", "设计方案待省厅审查", "跨部门数据共享协议未签订"}
	n := 0
	for i, t := range tasks {
		pace := 0.55 + rng.Float64()*0.6 // share of the even schedule this task keeps
		total := float64((t.EndYear - t.StartYear + 1) * 4)
		k := 0
		for y := t.StartYear; y <= min(t.EndYear, lastY); y++ {
			for q := 1; q <= 4 && (y < lastY || q <= lastQ); q++ {
				k++
				if i%7 == 3 && y == lastY && q == lastQ {
					continue // this task's lead unit has not reported the latest quarter
				}
				pct := min(100, float64(int(100*pace*float64(k)/total)))
				r := &sishui.TaskReport{Task: t.Code, Year: y, Quarter: q, Region: "371500", ProgressPct: pct, Invented: true}
				if len(t.Lead) > 0 {
					r.Unit = t.Lead[0]
				}
				r.Text = fmt.Sprintf("%s%d年第%d季度：%s 按计划推进，累计完成约%.0f%%。", demoNote, y, q, t.Title, pct)
				if i%5 == 2 && y == lastY && q == lastQ {
					r.AtRisk, r.RiskReason = true, risks[i%len(risks)]+"（虚构）"
				}
				if i == 0 && y == lastY && q == lastQ {
					r.ProgressPct, r.Done = 100, true
				}
				for _, g := range t.Targets {
					if g.Year > 0 && g.Unit == "万亩" {
						r.Figures = append(r.Figures, sishui.Figure{Name: g.Name + "（虚构）", Value: float64(int(g.Value*pct)) / 100, Unit: g.Unit})
					}
				}
				if err := st.AddTaskReport(ctx, r); err != nil {
					return n, fmt.Errorf("demo report %s %d Q%d: %w", t.Code, y, q, err)
				}
				n++
			}
		}
	}
	return n, nil
}
