package storetest

import (
	"bytes"
	"context"
	"database/sql"
	"testing"

	"github.com/sishui/sishui"
)

func asUnit(unit string) context.Context {
	return sishui.WithActor(context.Background(), &sishui.Actor{Username: "dept_" + unit, Role: sishui.RoleDepartment, Unit: unit})
}

// testPlan: units, tasks, reports with attachments, the department role's
// scope, and statistics entered by departments and reviewed by the water bureau.
func testPlan(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := as(sishui.RoleCity, "", 0)
	Seed(t, s)
	must(t, s.UpsertUnit(ctx, &sishui.Unit{Code: "water", Name: "市水利局"}))
	must(t, s.UpsertUnit(ctx, &sishui.Unit{Code: "stats", Name: "市统计局", Metrics: []string{"gdp_10k_cny", "industrial_va_10k_cny"}}))
	wantCode(t, s.UpsertUnit(ctx, &sishui.Unit{Code: "x", Name: "x", Metrics: []string{"nope"}}), sishui.EINVALID, "metrics")
	wantCode(t, s.UpsertUnit(asUnit("stats"), &sishui.Unit{Code: "y", Name: "y"}), sishui.EFORBIDDEN, "")

	task := &sishui.Task{Code: "1_1", Part: 1, Seq: 1, Title: "构建刚性约束制度", Lead: []string{"water", "stats"}, StartYear: 2025, EndYear: 2027,
		Counties: []string{CountyA}, Targets: []sishui.TaskTarget{{Name: "用水总量", Indicator: "total_use", Unit: "亿m³", Value: 20, Year: 2027, Direction: sishui.Ceiling}}}
	must(t, s.UpsertTask(ctx, task))
	must(t, s.UpsertTask(ctx, task)) // idempotent
	other := &sishui.Task{Code: "2_1", Part: 2, Seq: 1, Title: "五水统筹", Lead: []string{"water"}, StartYear: 2025, EndYear: 2027}
	must(t, s.UpsertTask(ctx, other))
	wantCode(t, s.UpsertTask(ctx, &sishui.Task{Code: "9_9", Part: 9, Title: "x", Lead: []string{"ghost"}, StartYear: 2025, EndYear: 2027}), sishui.EINVALID, "lead")
	wantCode(t, s.UpsertTask(ctx, &sishui.Task{Code: "9_9", Part: 9, Title: "x", Lead: []string{"water"}, StartYear: 2028, EndYear: 2027}), sishui.EINVALID, "end_year")
	tasks, err := s.ListTasks(ctx)
	must(t, err)
	if len(tasks) != 2 || tasks[0].Code != "1_1" || tasks[0].Targets[0].Value != 20 || tasks[0].Counties[0] != CountyA {
		t.Fatalf("tasks %+v", tasks)
	}
	_, err = s.ListTasks(as(sishui.RoleEnterprise, "", 1))
	wantCode(t, err, sishui.EFORBIDDEN, "")
	_, err = s.GetTask(ctx, "nope")
	wantCode(t, err, sishui.ENOTFOUND, "")

	// Reports: the leading department, a county for its region, not others.
	photo := []byte("\x89PNG fake photo")
	r := &sishui.TaskReport{Task: "1_1", Year: 2026, Quarter: 1, Region: City, Text: "完成用水总量核算", ProgressPct: 30,
		Figures:     []sishui.Figure{{Name: "核算县数", Value: 8, Unit: "个"}},
		Attachments: []sishui.StoredFile{{Name: "现场.png", ContentType: "image/png", Data: photo}}}
	must(t, s.AddTaskReport(asUnit("stats"), r))
	if r.ID == 0 || r.Unit != "stats" || r.Actor != "dept_stats" || r.Attachments[0].ID == 0 {
		t.Fatalf("report %+v", r)
	}
	wantCode(t, s.AddTaskReport(asUnit("stats"), &sishui.TaskReport{Task: "2_1", Year: 2026, Quarter: 1, Region: City, Text: "x"}), sishui.EFORBIDDEN, "")
	wantCode(t, s.AddTaskReport(as(sishui.RoleCounty, CountyB, 0), &sishui.TaskReport{Task: "1_1", Year: 2026, Quarter: 1, Region: CountyA, Text: "x"}), sishui.EFORBIDDEN, "")
	must(t, s.AddTaskReport(as(sishui.RoleCounty, CountyA, 0), &sishui.TaskReport{Task: "1_1", Year: 2026, Quarter: 1, Region: CountyA, Text: "县级", ProgressPct: 20}))
	wantCode(t, s.AddTaskReport(ctx, &sishui.TaskReport{Task: "1_1", Year: 2030, Quarter: 1, Region: City, Text: "x"}), sishui.EINVALID, "year")
	wantCode(t, s.AddTaskReport(ctx, &sishui.TaskReport{Task: "1_1", Year: 2026, Quarter: 5, Region: City, Text: "x"}), sishui.EINVALID, "quarter")
	wantCode(t, s.AddTaskReport(ctx, &sishui.TaskReport{Task: "1_1", Year: 2026, Quarter: 1, Region: City, Text: "x", AtRisk: true}), sishui.EINVALID, "risk_reason")
	wantCode(t, s.AddTaskReport(ctx, &sishui.TaskReport{Task: "nope", Year: 2026, Quarter: 1, Region: City, Text: "x"}), sishui.EINVALID, "task")
	wantCode(t, s.AddTaskReport(ctx, &sishui.TaskReport{Task: "1_1", Year: 2026, Quarter: 1, Region: City, Text: "x",
		Attachments: []sishui.StoredFile{{Name: "big", Data: make([]byte, sishui.MaxAttachment+1)}}}), sishui.EINVALID, "attachments[0].data")
	reports, err := s.ListTaskReports(ctx, sishui.TaskReportFilter{Task: "1_1"})
	must(t, err)
	if len(reports) != 2 || reports[0].Figures[0].Value != 8 || len(reports[0].Attachments) != 1 || reports[0].Attachments[0].Data != nil {
		t.Fatalf("reports %+v", reports)
	}
	cityOnly, err := s.ListTaskReports(ctx, sishui.TaskReportFilter{Task: "1_1", Region: City})
	must(t, err)
	if len(cityOnly) != 1 {
		t.Fatalf("city reports %d", len(cityOnly))
	}
	att, err := s.GetStoredFile(ctx, reports[0].Attachments[0].ID)
	must(t, err)
	if !bytes.Equal(att.Data, photo) || att.ContentType != "image/png" || att.Size != len(photo) {
		t.Fatalf("attachment %+v", att)
	}

	// Department statistics: entered → accepted (written) or rejected.
	e := &sishui.StatisticEntry{Statistic: sishui.Statistic{Region: City, Year: 2025, Metric: "gdp_10k_cny", Value: 28_000_000}}
	must(t, s.EnterStatistics(asUnit("stats"), []*sishui.StatisticEntry{e}))
	if e.ID == 0 || e.Status != sishui.EntryEntered || e.Unit != "stats" {
		t.Fatalf("entry %+v", e)
	}
	wantCode(t, s.EnterStatistics(asUnit("stats"), []*sishui.StatisticEntry{&sishui.StatisticEntry{Statistic: sishui.Statistic{Region: City, Year: 2025, Metric: "network_leakage_rate", Value: 8}}}), sishui.EFORBIDDEN, "")
	wantCode(t, s.EnterStatistics(asUnit("ghost"), []*sishui.StatisticEntry{&sishui.StatisticEntry{Statistic: sishui.Statistic{Region: City, Year: 2025, Metric: "gdp_10k_cny", Value: 1}}}), sishui.EFORBIDDEN, "")
	wantCode(t, s.EnterStatistics(asUnit("stats"), []*sishui.StatisticEntry{&sishui.StatisticEntry{Statistic: sishui.Statistic{Region: City, Year: 2025, Metric: "gdp_10k_cny", Value: -1}}}), sishui.EINVALID, "value")
	_, err = s.ReviewStatistic(asUnit("stats"), e.ID, true, "")
	wantCode(t, err, sishui.EFORBIDDEN, "")
	if st, _ := s.ListStatistics(ctx, sishui.StatisticFilter{Region: City, Metric: "gdp_10k_cny"}); len(st) != 0 {
		t.Fatalf("an entered statistic was written before review: %+v", st)
	}
	got, err := s.ReviewStatistic(ctx, e.ID, true, "核对无误")
	must(t, err)
	if got.Status != sishui.EntryAccepted || got.ReviewedBy == "" {
		t.Fatalf("reviewed %+v", got)
	}
	st, err := s.ListStatistics(ctx, sishui.StatisticFilter{Region: City, Metric: "gdp_10k_cny"})
	must(t, err)
	if len(st) != 1 || st[0].Value != 28_000_000 {
		t.Fatalf("statistics after accept %+v", st)
	}
	_, err = s.ReviewStatistic(ctx, e.ID, false, "again")
	wantCode(t, err, sishui.ECONFLICT, "")
	e2 := &sishui.StatisticEntry{Statistic: sishui.Statistic{Region: City, Year: 2025, Metric: "industrial_va_10k_cny", Value: 9}}
	must(t, s.EnterStatistics(asUnit("stats"), []*sishui.StatisticEntry{e2}))
	_, err = s.ReviewStatistic(ctx, e2.ID, false, "")
	wantCode(t, err, sishui.EINVALID, "note")
	_, err = s.ReviewStatistic(ctx, e2.ID, false, "数值单位应为万元")
	must(t, err)
	if st, _ := s.ListStatistics(ctx, sishui.StatisticFilter{Region: City, Metric: "industrial_va_10k_cny"}); len(st) != 0 {
		t.Fatalf("a rejected entry was written: %+v", st)
	}
	entries, err := s.ListStatisticEntries(asUnit("stats"), sishui.StatisticEntryFilter{})
	must(t, err)
	if len(entries) != 2 || entries[0].Status != sishui.EntryRejected || entries[1].Status != sishui.EntryAccepted {
		t.Fatalf("entries %+v", entries)
	}
	if mine, _ := s.ListStatisticEntries(asUnit("water"), sishui.StatisticEntryFilter{}); len(mine) != 0 {
		t.Fatalf("a department sees another unit's entries: %+v", mine)
	}
	// A sheet is entered all or none; the error names the entry.
	before, _ := s.ListStatisticEntries(ctx, sishui.StatisticEntryFilter{})
	wantCode(t, s.EnterStatistics(asUnit("stats"), []*sishui.StatisticEntry{
		{Statistic: sishui.Statistic{Region: CountyA, Year: 2025, Metric: "gdp_10k_cny", Value: 1}},
		{Statistic: sishui.Statistic{Region: CountyB, Year: 2025, Metric: "gdp_10k_cny", Value: -5}},
	}), sishui.EINVALID, "entries[1].value")
	wantCode(t, s.EnterStatistics(asUnit("stats"), []*sishui.StatisticEntry{
		{Statistic: sishui.Statistic{Region: CountyA, Year: 2025, Metric: "gdp_10k_cny", Value: 1}},
		{Statistic: sishui.Statistic{Region: "379999", Year: 2025, Metric: "gdp_10k_cny", Value: 5}},
	}), sishui.EINVALID, "region")
	if after, _ := s.ListStatisticEntries(ctx, sishui.StatisticEntryFilter{}); len(after) != len(before) {
		t.Fatalf("a failed sheet left %d entries behind", len(after)-len(before))
	}
	// Audited.
	audit, _, err := s.ListAudit(as(sishui.RoleAdmin, "", 0), sishui.AuditFilter{Entity: "statistic_entry"})
	must(t, err)
	if len(audit) != 4 {
		t.Fatalf("statistic entry audit has %d entries, want 4 (2 entered, accepted, rejected)", len(audit))
	}

	// A department account names a registered unit.
	wantCode(t, s.CreateAccount(ctx, &sishui.Account{Username: "tongji", Role: sishui.RoleDepartment}), sishui.EFORBIDDEN, "")
	admin := as(sishui.RoleAdmin, "", 0)
	wantCode(t, s.CreateAccount(admin, &sishui.Account{Username: "tongji", Role: sishui.RoleDepartment}), sishui.EINVALID, "unit")
	wantCode(t, s.CreateAccount(admin, &sishui.Account{Username: "tongji", Role: sishui.RoleDepartment, Unit: "ghost"}), sishui.EINVALID, "unit")
	acc := &sishui.Account{Username: "tongji", Role: sishui.RoleDepartment, Unit: "stats"}
	must(t, s.CreateAccount(admin, acc))
	back, err := s.AccountByUsername(admin, "tongji")
	must(t, err)
	if back.Unit != "stats" || back.Actor().Unit != "stats" {
		t.Fatalf("account %+v", back)
	}
}
