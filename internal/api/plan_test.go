package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/crypto/bcrypt"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/auth"
	"github.com/sishui/sishui/internal/plan"
	"github.com/sishui/sishui/internal/report"
)

// addDepartment creates and logs in a department account of unit.
func (f *fixture) addDepartment(t *testing.T, username, unit string) {
	t.Helper()
	svc := &auth.Service{Store: f.st, BcryptCost: bcrypt.MinCost}
	acc := sishui.Account{Username: username, Role: sishui.RoleDepartment, Unit: unit}
	acc.PasswordHash, _ = svc.HashPassword("pw-" + username)
	if err := f.st.CreateAccount(context.Background(), &acc); err != nil {
		t.Fatal(err)
	}
	var me api.Me
	if code := f.do(t, "", "POST", "/api/v1/login", api.LoginInput{Username: username, Password: "pw-" + username}, &me); code != 200 {
		t.Fatalf("login %s: %d", username, code)
	}
	f.tokens[username] = me.Token
}

// TestPlanEndpoints: a department reports on a task it leads (with a photo) and
// enters a statistic the water bureau accepts; statuses, reminders and overviews follow.
func TestPlanEndpoints(t *testing.T) {
	f := newFixture(t)
	f.addDepartment(t, "tongji", "stats")
	f.addDepartment(t, "nongye", "agri")

	var tasks []api.TaskView
	if code := f.do(t, "city", "GET", "/api/v1/plan/tasks?at=2026-01-05", nil, &tasks); code != 200 || len(tasks) != 20 {
		t.Fatalf("tasks: %d, %d", code, len(tasks))
	}
	for _, tv := range tasks {
		if tv.Status.Status != plan.Late || tv.Status.Overdue == nil || tv.Status.Overdue.String() != "2025 Q1" {
			t.Fatalf("with no report at all, %s should be late since 2025 Q1: %+v", tv.Code, tv.Status)
		}
	}
	if code := f.do(t, "enterprise", "GET", "/api/v1/plan/tasks", nil, nil); code != 403 {
		t.Fatalf("enterprise reads tasks: %d", code)
	}

	photo := []byte("\x89PNG demo")
	report := func(role, task string, year, q int, extra map[string]any) (int, map[string]any) {
		body := map[string]any{"year": year, "quarter": q, "text": "本季度完成情况", "progress_pct": 10 * q}
		for k, v := range extra {
			body[k] = v
		}
		var out map[string]any
		code := f.do(t, role, "POST", "/api/v1/plan/tasks/"+task+"/reports", body, &out)
		return code, out
	}
	// 市农业农村局 leads 4_2 (with 市水利局 and 市发展改革委); 市统计局 does not.
	code, out := report("nongye", "4_2", 2025, 1, map[string]any{"figures": []any{map[string]any{"name": "高标准农田", "value": 12.5, "unit": "万亩"}},
		"attachments": []any{map[string]any{"name": "现场.png", "content_type": "image/png", "data": photo}}})
	if code != 201 || out["unit"] != "agri" {
		t.Fatalf("report: %d %v", code, out)
	}
	if code, _ := report("tongji", "4_2", 2025, 2, nil); code != 403 {
		t.Fatalf("a unit that does not lead the task reported: %d", code)
	}
	if code, out := report("nongye", "4_2", 2025, 2, map[string]any{"at_risk": true}); code != 400 || out["error"].(map[string]any)["field"] != "risk_reason" {
		t.Fatalf("at risk without reason: %d %v", code, out)
	}
	if code, _ := report("county2", "3_3", 2025, 1, map[string]any{"region": "371502"}); code != 403 {
		t.Fatalf("a county reported for another: %d", code)
	}
	if code, _ := report("county2", "3_3", 2025, 1, map[string]any{"region": "371522"}); code != 201 {
		t.Fatalf("county report: %d", code)
	}
	for q := 2; q <= 4; q++ {
		if code, _ := report("nongye", "4_2", 2025, q, nil); code != 201 {
			t.Fatalf("Q%d: %d", q, code)
		}
	}
	var d api.TaskDetail
	if code := f.do(t, "auditor", "GET", "/api/v1/plan/tasks/4_2?at=2026-01-05", nil, &d); code != 200 {
		t.Fatalf("detail: %d", code)
	}
	// 40% at 2026-01-05 against an even schedule of ~34%: on track.
	if d.Status.Status != plan.OnTrack || len(d.Reports) != 4 || len(d.Reports[0].Attachments) != 1 {
		t.Fatalf("4_2 detail %+v", d.Status)
	}
	req, _ := http.NewRequest("GET", f.srv.URL+fmt.Sprintf("/api/v1/attachments/%d", d.Reports[0].Attachments[0].ID), nil)
	req.Header.Set("Authorization", "Bearer "+f.tokens["tongji"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(got) != string(photo) || resp.Header.Get("Content-Type") != "image/png" {
		t.Fatalf("attachment: %d %q %s", resp.StatusCode, got, resp.Header.Get("Content-Type"))
	}

	var rem []plan.Reminder
	f.do(t, "city", "GET", "/api/v1/plan/reminders?at=2026-04-05", nil, &rem)
	var soon, late int
	for _, x := range rem {
		switch {
		case x.Task == "4_2" && x.Region == "371500":
			if x.Kind != plan.DueSoon || x.Quarter.String() != "2026 Q1" || x.Days != 5 {
				t.Errorf("4_2 reminder %+v", x)
			}
			soon++
		case x.Kind == plan.Overdue:
			late++
		}
	}
	if soon != 1 || late == 0 {
		t.Fatalf("reminders: %d due soon for 4_2, %d overdue", soon, late)
	}

	var units []plan.UnitOverview
	f.do(t, "city", "GET", "/api/v1/plan/overview/units?at=2026-01-05", nil, &units)
	for _, u := range units {
		if u.Unit == "agri" && (u.Tally.Tasks != 4 || u.Tally.OnTrack != 1 || u.Tally.Late != 3) {
			t.Errorf("agri leads 2_1, 2_2_1, 3_1 and 4_2; only 4_2 is reported: tally %+v", u.Tally)
		}
	}
	var counties []plan.CountyOverview
	f.do(t, "city", "GET", "/api/v1/plan/overview/counties?at=2026-01-05", nil, &counties)
	if len(counties) != 8 {
		t.Fatalf("%d county overviews", len(counties))
	}

	// A department statistic: entered, then accepted by the water bureau.
	var e sishui.StatisticEntry
	if code := f.do(t, "tongji", "POST", "/api/v1/statistics/entries", map[string]any{"region": "371500", "year": 2025, "metric": "gdp_10k_cny", "value": 30_000_000}, &e); code != 201 || e.Status != "entered" {
		t.Fatalf("enter: %d %+v", code, e)
	}
	if code := f.do(t, "tongji", "POST", "/api/v1/statistics/entries", map[string]any{"region": "371500", "year": 2025, "metric": "network_leakage_rate", "value": 8}, nil); code != 403 {
		t.Fatalf("a department entered another unit's metric: %d", code)
	}
	if code := f.do(t, "tongji", "POST", fmt.Sprintf("/api/v1/statistics/entries/%d/review", e.ID), map[string]any{"accept": true}, nil); code != 403 {
		t.Fatalf("a department accepted its own entry: %d", code)
	}
	if code := f.do(t, "city", "POST", fmt.Sprintf("/api/v1/statistics/entries/%d/review", e.ID), map[string]any{"accept": true, "note": "ok"}, &e); code != 200 || e.Status != "accepted" {
		t.Fatalf("accept: %d %+v", code, e)
	}
	var stats []sishui.Statistic
	f.do(t, "city", "GET", "/api/v1/statistics?region=371500&year=2025", nil, &stats)
	found := false
	for _, s := range stats {
		found = found || s.Metric == "gdp_10k_cny" && s.Value == 30_000_000
	}
	if !found {
		t.Fatalf("accepted statistic not written: %+v", stats)
	}
}

// TestStatisticTemplate: 市统计局 downloads its xlsx template, fills in a value
// and uploads it; the row is entered for review under its unit.
func TestStatisticTemplate(t *testing.T) {
	f := newFixture(t)
	f.addDepartment(t, "tongji", "stats")
	send := func(method, path string, body []byte) (*http.Response, []byte) {
		req, _ := http.NewRequest(method, f.srv.URL+path, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+f.tokens["tongji"])
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	resp, b := send("GET", "/api/v1/statistics/template.xlsx?year=2025", nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/vnd.openxmlformats") {
		t.Fatalf("template: %d %s", resp.StatusCode, b)
	}
	x, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows(report.StatSheet)
	// 9 regions (city + 8 counties) × 4 metrics of 市统计局.
	if len(rows) != 2+9*4 || rows[2][0] != "371500" || rows[2][3] != "gdp_10k_cny" {
		t.Fatalf("template rows %d: %v", len(rows), rows[:3])
	}
	_ = x.SetCellValue(report.StatSheet, "G3", 31_000_000)
	var filled bytes.Buffer
	_, _ = x.WriteTo(&filled)
	resp, b = send("POST", "/api/v1/statistics/entries.xlsx", filled.Bytes())
	var es []sishui.StatisticEntry
	_ = json.Unmarshal(b, &es)
	if resp.StatusCode != 201 || len(es) != 1 || es[0].Unit != "stats" || es[0].Value != 31_000_000 || es[0].Status != "entered" {
		t.Fatalf("upload: %d %s", resp.StatusCode, b)
	}
	if resp, b := send("POST", "/api/v1/statistics/entries.xlsx", []byte("garbage")); resp.StatusCode != 400 {
		t.Fatalf("garbage upload: %d %s", resp.StatusCode, b)
	}
}

// TestWorksEndpoints: the register with the plan's names, the network, and
// measurements scoped by region.
func TestWorksEndpoints(t *testing.T) {
	f := newFixture(t)
	var ds []sishui.Work
	if code := f.do(t, "city", "GET", "/api/v1/works?kind=irrigation_district", nil, &ds); code != 200 || len(ds) != 8 {
		t.Fatalf("districts: %d, %d", code, len(ds))
	}
	names := map[string]bool{}
	for _, d := range ds {
		names[d.Name] = true
	}
	for _, n := range []string{"位山灌区", "彭楼灌区", "陶城铺灌区", "郭口灌区", "班庄灌区", "仲子庙灌区"} {
		if !names[n] {
			t.Errorf("no %s", n)
		}
	}
	var net api.Network
	if code := f.do(t, "county", "GET", "/api/v1/works/network", nil, &net); code != 200 || len(net.Links) < 10 || len(net.Works) < 50 {
		t.Fatalf("network: %d, %d works, %d links", code, len(net.Works), len(net.Links))
	}
	var res sishui.Work
	if code := f.do(t, "city", "GET", "/api/v1/works/res_dashahe", nil, &res); code != 200 || res.Name != "冠县大沙河水库" || res.Status != sishui.WorkConstructing || len(res.LevelStorage) != 4 {
		t.Fatalf("大沙河: %d %+v", code, res)
	}
	m := map[string]any{"year": 2025, "metric": "supplied_m3", "value": 1e7}
	if code := f.do(t, "county", "PUT", "/api/v1/works/ww_chiping/measurements", m, nil); code != 403 {
		t.Fatalf("东昌府 county measured 茌平's works: %d", code)
	}
	if code := f.do(t, "county", "PUT", "/api/v1/works/ww_dongjiao/measurements", m, nil); code != 200 {
		t.Fatalf("own county: %d", code)
	}
	if code := f.do(t, "city", "PUT", "/api/v1/works/ww_dongjiao/measurements", map[string]any{"year": 2025, "metric": "supplied_m3", "value": -1}, nil); code != 400 {
		t.Fatalf("negative value: %d", code)
	}
	if code := f.do(t, "enterprise", "GET", "/api/v1/works", nil, nil); code != 403 {
		t.Fatalf("enterprise reads the register: %d", code)
	}
}

// TestProjectEndpoints: the register, a milestone update by the county, the
// Gantt bars and the late-milestone warnings.
func TestProjectEndpoints(t *testing.T) {
	f := newFixture(t)
	var ps []sishui.Project
	if code := f.do(t, "city", "GET", "/api/v1/projects?task=3_3", nil, &ps); code != 200 || len(ps) != 7 {
		t.Fatalf("projects of 3_3: %d, %d", code, len(ps))
	}
	var late []plan.LateMilestone
	f.do(t, "city", "GET", "/api/v1/projects/late-milestones?at=2026-08-01&region=371502", nil, &late)
	found := false
	for _, l := range late {
		found = found || l.Project == "leakage_urban" || l.Project == "sewer_371502"
	}
	if found {
		t.Fatalf("东昌府's projects have no late milestone on 2026-08-01: %+v", late)
	}
	f.do(t, "city", "GET", "/api/v1/projects/late-milestones?at=2026-08-01", nil, &late)
	var dashahe *plan.LateMilestone
	for i := range late {
		if late[i].Project == "res_dashahe" {
			dashahe = &late[i]
		}
	}
	if dashahe == nil || dashahe.Milestone != "配套管网完工" || dashahe.DaysLate != 32 {
		t.Fatalf("大沙河 late milestone %+v", dashahe)
	}
	// 冠县 is not 东昌府: the county account of 371502 may not update it.
	upd := map[string]any{"progress_pct": 70, "reached": map[string]string{"2": "2026-07-15"}, "attachments": []any{map[string]any{"name": "管网.jpg", "content_type": "image/jpeg", "data": []byte("jpg")}}}
	if code := f.do(t, "county", "POST", "/api/v1/projects/res_dashahe/progress", upd, nil); code != 403 {
		t.Fatalf("another county updated: %d", code)
	}
	var p sishui.Project
	if code := f.do(t, "city", "POST", "/api/v1/projects/res_dashahe/progress", upd, &p); code != 200 || p.ProgressPct != 70 || p.Milestones[2].Done != "2026-07-15" || len(p.Attachments) != 1 {
		t.Fatalf("update: %d %+v", code, p)
	}
	var bars []plan.GanttBar
	f.do(t, "city", "GET", "/api/v1/projects/gantt?at=2026-08-01", nil, &bars)
	for _, b := range bars {
		if b.ID == "res_dashahe" && (b.Late || b.Progress != 70 || !b.Milestones[2].Done) {
			t.Fatalf("大沙河 bar after the update %+v", b)
		}
	}
	if len(bars) != 28 {
		t.Fatalf("%d bars", len(bars))
	}
}
