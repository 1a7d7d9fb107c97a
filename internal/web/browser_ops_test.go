package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// post sends body as JSON from the page, with the session's CSRF token, and
// answers the status and the answer's text. The server limits logins per
// address, so setting up goes through a session already logged in.
func (s *session) post(path string, body any) (int, string) {
	s.t.Helper()
	b, ok := body.(json.RawMessage)
	if !ok {
		var err error
		if b, err = json.Marshal(body); err != nil {
			s.t.Fatal(err)
		}
	}
	js := fmt.Sprintf(`(async () => { const c = (document.cookie.match(/sishui_csrf=([^;]+)/) || [])[1] || '';
		const r = await fetch(%q, {method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(c)}, body: %q});
		return r.status + ' ' + await r.text(); })()`, path, string(b))
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		s.t.Fatalf("POST %s: %v", path, err)
	}
	code, text, _ := strings.Cut(out, " ")
	n, _ := strconv.Atoi(code)
	if n >= 300 {
		s.t.Logf("POST %s: %s", path, out)
	}
	return n, text
}

// testOpsPages walks the plan's follow-through (落实方案), water rights and
// bills pages: a county enters a statistic and the city accepts it, a task is
// reported, a project's milestone updated, each form first showing the
// server's validation error beside its field; the rights and bills pages list
// rows (the demo's rules loaded and a billing and tax run made over the API).
func testOpsPages(t *testing.T, bctx context.Context, base string) {
	c := newSession(t, bctx, base)
	c.login("city", "city-demo")
	for _, f := range []string{"tariffs", "tax", "budget"} {
		b, err := os.ReadFile(filepath.Join(repoRoot(t), "data", "liaocheng", "pricing", f+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var rules []json.RawMessage
		if err := json.Unmarshal(b, &rules); err != nil {
			t.Fatal(err)
		}
		for _, r := range rules {
			if code, _ := c.post("/api/v1/rules", r); code != http.StatusCreated && code != http.StatusOK {
				t.Fatalf("load rule from %s: %d", f, code)
			}
		}
	}
	now := time.Now().In(time.FixedZone("CST", 8*3600))
	last := now.AddDate(0, -1, 0)
	lastQ := now.AddDate(0, -3, 0)
	c.post("/api/v1/billing/runs", map[string]string{"period": last.Format("2006-01")})
	c.post("/api/v1/tax/runs", map[string]string{"period": fmt.Sprintf("%dQ%d", lastQ.Year(), (int(lastQ.Month())-1)/3+1)})
	c.post("/api/v1/budgets/derive", map[string]int{"year": now.Year()})
	from, to := now.AddDate(0, 0, 1).Format("2006-01-02"), fmt.Sprintf("%d-12-31", now.Year())
	if now.Month() == 12 && now.Day() >= 30 {
		from, to = fmt.Sprintf("%d-01-01", now.Year()+1), fmt.Sprintf("%d-12-31", now.Year()+1)
	}
	var listing struct {
		ID int64 `json:"id"`
	}
	if code, text := c.post("/api/v1/rights/listings", map[string]any{"type": "regional", "mode": "transfer", "method": "bidding", "seller": 5, "source": "surface", "volume_m3": 1000, "price_fen": 50, "from": from, "to": to}); code < 300 && json.Unmarshal([]byte(text), &listing) == nil {
		c.post(fmt.Sprintf("/api/v1/rights/listings/%d/bids", listing.ID), map[string]any{"buyer": 6, "volume_m3": 600, "price_fen": 60})
	}

	// A county enters a statistic: a negative value is refused beside the field.
	s := newSession(t, bctx, base)
	s.login("county", "county-demo")
	s.open("/plan/entries")
	s.do("entry form", chromedp.WaitVisible(CSS(`#entry-list`)), chromedp.Click(CSS(`#entry-new`)), chromedp.WaitVisible(CSS(`#entry-form`)))
	s.pick("#entry-form", "metric", "")
	s.set("#entry-form", "value", "-1")
	s.fieldError("#entry-save", "#err-value", "non-negative")
	s.screenshot("60-entry-validation")
	s.set("#entry-form", "value", "4321")
	s.set("#entry-form", "source", "浏览器测试")
	s.do("enter a statistic", chromedp.Click(CSS(`#entry-save`)), waitJS(`document.querySelector('#entry-form') === null && (document.querySelector('#entry-list')||{textContent:''}).textContent.includes('浏览器测试')`))
	s.noConsoleErrors()

	// The city bureau accepts it.
	c.open("/plan/entries")
	c.do("accept the entry", chromedp.WaitVisible(CSS(`#entry-list .entry-accept`)), chromedp.Click(CSS(`#entry-list .entry-accept`)), waitJS(`!!document.querySelector('#entry-list .es-accepted')`))
	c.screenshot("61-entry-accepted")

	// Tasks: the list by lead unit, then a task's quarterly report.
	c.open("/plan/tasks")
	c.do("task list", chromedp.WaitVisible(CSS(`#task-list .el-table__row`)))
	c.screenshot("62-tasks")
	c.open("/plan/tasks?view=unit")
	c.do("tasks by unit", chromedp.WaitVisible(CSS(`#task-groups .el-table__row`)))
	c.open("/plan/tasks/3_3")
	c.do("report form", chromedp.WaitVisible(CSS(`#task-reports`)), chromedp.Click(CSS(`#task-report`)), chromedp.WaitVisible(CSS(`#report-form`)))
	c.set("#report-form", "progress_pct", "150")
	c.set("#report-form", "text", "浏览器测试季度报告")
	c.fieldError("#report-save", "#err-progress_pct", "between 0 and 100")
	c.set("#report-form", "progress_pct", "70")
	if !c.try("report a task", chromedp.Click(CSS(`#report-save`)), waitJS(`document.querySelector('#report-form') === null && (document.querySelector('#task-reports')||{textContent:''}).textContent.includes('浏览器测试季度报告')`)) {
		t.Logf("report form says %q %q", c.text("#form-error"), c.text("#report-form"))
	}
	c.screenshot("63-task")

	// Projects: the timeline, and a milestone reached.
	c.open("/plan/projects")
	c.do("gantt", chromedp.WaitVisible(CSS(`#gantt canvas`)), chromedp.Click(CSS(`.project-edit[data-code=black_odorous]`)), chromedp.WaitVisible(CSS(`#project-form`)))
	c.set("#project-form", "progress_pct", "150")
	c.fieldError("#project-save", "#err-progress_pct", "between 0 and 100")
	c.set("#project-form", "progress_pct", "81")
	c.pick("#project-form", "reached", "整治完成")
	c.do("update a project", chromedp.Click(CSS(`#project-save`)), waitJS(`document.querySelector('#project-form') === null && (document.querySelector('.progress[data-code=black_odorous]')||{textContent:''}).textContent.trim() === '81%'`))
	if row := c.text(`#project-list`); !strings.Contains(row, "✓ 整治完成") {
		t.Errorf("the milestone reached is not shown done")
	}
	c.screenshot("64-projects")
	c.open("/plan/scorecards")
	c.do("scorecards", chromedp.WaitVisible(CSS(`#scorecards .el-table__row`)))

	t.Run("rights forms", func(t *testing.T) {
		r := newSession(t, bctx, base)
		r.login("city", "city-demo")
		testRightsForms(t, r)
	})

	t.Run("attachments, photos and the statistics template", func(t *testing.T) { testFiles(t, bctx, base) })

	// Rights and bills list rows.
	for _, p := range []struct{ path, rows string }{
		{"/rights/balances", "#rights-balances"},
		{"/rights/ledger", "#rights-ledger"},
		{"/rights/market", "#rights-listings"},
		{"/billing/bills", "#bill-list"},
		{"/billing/budgets", "#budget-exec"},
		{"/billing/tax", "#tax-list"},
	} {
		c.open(p.path)
		c.try(p.path+" rows", chromedp.WaitVisible(CSS(p.rows+` .el-table__row`)))
	}
	c.try("tax verification drawer", waitJS(`!document.querySelector('#tax-list .el-loading-mask')`), chromedp.Click(CSS(`#tax-list .el-table__row td`)), chromedp.WaitVisible(CSS(`#tax-detail .el-table__row`)))
	c.screenshot("65-tax")
	c.noConsoleErrors()

	// The notice board is public; a department lands on the plan's tasks.
	p := newSession(t, bctx, base)
	p.open("/rights/notices")
	p.do("public notices", chromedp.WaitVisible(CSS(`#rights-notices`)))
	p.noConsoleErrors()
	d := newSession(t, bctx, base)
	d.login("tongji", "tongji-demo")
	d.do("department landing", chromedp.WaitVisible(CSS(`#task-list`)))
	if links := d.navLinks(); !links["/plan/entries"] || links["/registry"] {
		t.Errorf("department navigation %v", links)
	}
	d.noConsoleErrors()
}
