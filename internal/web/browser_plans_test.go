package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// testPlansAndOutputs works the billing page's account plans (计划用水) and
// declared outputs (产量申报) tabs as city staff: a residential account and a
// negative volume are refused beside their fields, then a plan set by account
// number and an output declared are listed in the year's tables; each is
// deleted from its row after a confirmation (a cancelled one keeps the plan).
// The plans list sorts by a column and searches by name on the server.
func testPlansAndOutputs(t *testing.T, bctx context.Context, base string) {
	c := newSession(t, bctx, base)
	c.loginTo("city", "city-demo", "/billing/plans")
	year := time.Now().In(time.FixedZone("CST", 8*3600)).Year()
	accts := `[{"number":"BT-PLAN-N","name":"浏览器测试商户","region":"371502","class":"non_residential","meter":"individual","opened":"2020-01-01T00:00:00Z"},
		{"number":"BT-PLAN-M","name":"浏览器测试工坊","region":"371502","class":"non_residential","meter":"individual","opened":"2020-01-01T00:00:00Z"},
		{"number":"BT-PLAN-H","name":"浏览器测试住户","region":"371502","class":"residential","meter":"individual","opened":"2020-01-01T00:00:00Z"}]`
	if code, body := c.post("/api/v1/customer-accounts", json.RawMessage(accts)); code != 200 {
		t.Fatalf("customer accounts: %d %s", code, body)
	}

	c.do("plan form", chromedp.WaitVisible(CSS(`#plan-form`)), chromedp.WaitVisible(CSS(`#plan-list`)))
	if got := eval[string](c, `document.querySelector('#plan-form [name=year]').value`); got != fmt.Sprint(year) {
		t.Errorf("the plan form's year is %q, want the page's %d", got, year)
	}
	c.set("#plan-form", "number", "BT-PLAN-H")
	c.set("#plan-form", "plan_m3", "500")
	c.fieldErr("#plan-save", "#err-pl-number", "residential")
	c.set("#plan-form", "number", "BT-PLAN-N")
	c.set("#plan-form", "plan_m3", "-5")
	c.fieldErr("#plan-save", "#err-pl-plan_m3", "negative")
	c.set("#plan-form", "plan_m3", "12000")
	c.do("set the plan", jsClick(`#plan-save`),
		waitJS(`[...document.querySelectorAll('#plan-list .el-table__row')].some(r => r.textContent.includes('BT-PLAN-N') && r.textContent.includes('12,000'))`))
	row := eval[string](c, `[...document.querySelectorAll('#plan-list .el-table__row')].find(r => r.textContent.includes('BT-PLAN-N')).textContent`)
	if !strings.Contains(row, "浏览器测试商户") || !strings.Contains(row, "东昌府区") {
		t.Errorf("plan row %q lacks the account's name or region", row)
	}
	if !strings.Contains(c.text("#plan-note"), "BT-PLAN-N") {
		t.Errorf("plan note %q", c.text("#plan-note"))
	}
	c.set("#plan-form", "number", "BT-PLAN-M")
	c.set("#plan-form", "plan_m3", "800")
	c.do("set a second plan", jsClick(`#plan-save`), waitJS(`!!`+rowOf("#plan-list", "BT-PLAN-M")))

	// The list sorts and searches on the server, its state in the URL.
	c.do("sort by plan", jsClick(`#plan-list th.el-table__cell:nth-child(5) .cell`),
		waitJS(`location.search.includes('sort=plan_m3') && location.search.includes('order=asc') && !!`+rowOf("#plan-list", "BT-PLAN-N")))
	order := eval[string](c, `[...document.querySelectorAll('#plan-list .el-table__row')].map(r => r.textContent).filter(t => t.includes('BT-PLAN-')).map(t => t.match(/BT-PLAN-./)[0]).join(',')`)
	if order != "BT-PLAN-M,BT-PLAN-N" {
		t.Errorf("sorted by plan ascending the test accounts are %q, want 800 m³ before 12,000 m³", order)
	}
	c.set(`form[role=search]`, "plan-q", "浏览器测试商户")
	c.do("search the plans", jsClick(`form[role=search] button[type=submit]`),
		waitJS(`location.search.includes('q=') && !`+rowOf("#plan-list", "BT-PLAN-M")+` && !!`+rowOf("#plan-list", "BT-PLAN-N")))
	if n := eval[float64](c, `document.querySelectorAll('#plan-list .el-table__row').length`); n != 1 {
		t.Errorf("a search by the account's name lists %v plans, want 1", n)
	}
	c.deleteRow("#plan-list", ".plan-delete", "BT-PLAN-N", false)
	if !eval[bool](c, `!!`+rowOf("#plan-list", "BT-PLAN-N")) {
		t.Fatal("a cancelled delete removed the plan")
	}
	c.deleteRow("#plan-list", ".plan-delete", "BT-PLAN-N", true)
	c.do("plan deleted", waitJS(`!`+rowOf("#plan-list", "BT-PLAN-N")+` && document.querySelector('#plan-note').textContent.includes('已删除')`))

	user := int64(awaitJS[float64](c, `(async () => ((await (await fetch('/api/v1/water-users?limit=1')).json()).items[0] || {}).id || 0)()`))
	userName := awaitJS[string](c, fmt.Sprintf(`(async () => (await (await fetch('/api/v1/water-users/%d')).json()).name || '')()`, user))
	if user == 0 {
		t.Fatal("no water user in the demo")
	}
	c.do("outputs tab", jsClick(`nav.tabs a[href="/billing/outputs"]`), chromedp.WaitVisible(CSS(`#output-form`)), chromedp.WaitVisible(CSS(`#output-list`)))
	c.set("#output-form", "user_id", fmt.Sprint(user))
	c.set("#output-form", "product", "浏览器测试纸")
	c.set("#output-form", "output", "-1")
	c.fieldErr("#output-save", "#err-op-output", "negative")
	c.set("#output-form", "output", "3500")
	c.do("declare the output", jsClick(`#output-save`),
		waitJS(`[...document.querySelectorAll('#output-list .el-table__row')].some(r => r.textContent.includes('浏览器测试纸') && r.textContent.includes('3,500'))`))
	row = eval[string](c, `[...document.querySelectorAll('#output-list .el-table__row')].find(r => r.textContent.includes('浏览器测试纸')).textContent`)
	if userName == "" || !strings.Contains(row, userName) || !strings.Contains(row, fmt.Sprintf("#%d", user)) || !strings.Contains(row, "工业") {
		t.Errorf("output row %q lacks the user or the sector", row)
	}
	if h := c.text("main h1"); !strings.Contains(h, "产量申报") {
		t.Errorf("title %q", h)
	}
	c.screenshot("80-declared-outputs")
	c.deleteRow("#output-list", ".output-delete", "浏览器测试纸", true)
	c.do("output deleted", waitJS(`!`+rowOf("#output-list", "浏览器测试纸")+` && document.querySelector('#output-note').textContent.includes('已删除')`))
	c.noConsoleErrors()
}

// rowOf is a script expression for the row of the table list that holds text (undefined when none does).
func rowOf(list, text string) string {
	return fmt.Sprintf(`[...document.querySelectorAll('%s .el-table__row')].find(r => r.textContent.includes(%q))`, list, text)
}

// deleteRow clicks the delete button of the row of list that holds text, checks
// that the confirmation names the row, and confirms it or cancels.
func (s *session) deleteRow(list, button, text string, confirm bool) {
	s.t.Helper()
	answer := `.el-message-box__btns .el-button:not(.el-button--primary)`
	if confirm {
		answer = `.el-message-box__btns .el-button--primary`
	}
	click := fmt.Sprintf(`(() => { %s.querySelector(%q).click(); return true; })()`, rowOf(list, text), button)
	s.do("ask to delete "+text,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](click)(ctx, t)
			return err
		}),
		waitJS(fmt.Sprintf(`(document.querySelector('.el-message-box')||{textContent:''}).textContent.includes(%q)`, text)))
	if q := s.text(".el-message-box"); !strings.Contains(q, "确认删除") {
		s.t.Errorf("confirmation %q", q)
	}
	s.do("answer the confirmation", jsClick(answer), waitJS(`document.querySelector('.el-message-box') === null`))
}
