package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// testBillingForms works the four billing forms of issue 15 whose API came
// first: a month of hydropower generation and its correction (a second
// version), a contract tariff version with exact decimal rates, budgets
// from an allocation result (previewed, then created) and a budget surplus
// listed on the rights market and withdrawn — each form first showing an
// error beside its field; an enterprise sees no write form but the surplus
// form for its own budget.
func testBillingForms(t *testing.T, bctx context.Context, base string) {
	c := newSession(t, bctx, base)
	c.login("city", "city-demo")

	// Generation: a month that is not one is refused beside its field; a
	// month entered, then corrected as version 2; history shows both.
	permit := int64(awaitJS[float64](c, `(async () => ((await (await fetch('/api/v1/permits?limit=1')).json()).items[0] || {}).id || 0)()`))
	if permit == 0 {
		t.Fatal("no permit in the demo")
	}
	c.open("/billing/generation")
	c.do("generation form", chromedp.WaitVisible(CSS(`#gen-form`)))
	c.set("#gen-form", "permit_id", fmt.Sprint(permit))
	c.set("#gen-form", "month", "2026-13")
	c.set("#gen-form", "kwh", "1000")
	c.set("#gen-form", "source", "电网结算单")
	c.fieldErr("#gen-save", "#err-gen-month", "yyyymm")
	c.set("#gen-form", "month", "2021-10")
	c.do("enter a month", jsClick(`#gen-save`), waitJS(`(document.querySelector('#gen-note')||{textContent:''}).textContent.includes('2021-10')`))
	c.do("the month listed", waitJS(`[...document.querySelectorAll('#gen-list .el-table__row')].some(x => x.textContent.includes('2021-10'))`))
	eval[bool](c, `(() => { const r = [...document.querySelectorAll('#gen-list .el-table__row')].find(x => x.textContent.includes('2021-10')); r.querySelector('.gen-correct').click(); return true; })()`)
	c.do("correct it", waitJS(`(document.querySelector('#gen-form [name=month]')||{}).value === '2021-10'`))
	c.set("#gen-form", "kwh", "1200")
	c.do("save the correction", jsClick(`#gen-save`), waitJS(`(document.querySelector('#gen-note')||{textContent:''}).textContent.includes('第 2 版')`))
	c.do("every version", jsClick(`#gen-history`), waitJS(`(() => { const t = (document.querySelector('#gen-list')||{textContent:''}).textContent; return t.includes('1,000') && t.includes('1,200') && t.includes('v2'); })()`))
	c.screenshot("76-generation")

	// Contract tariff: a fifth decimal is refused here, a rate per missing
	// tier by the server, both beside the components; then a version listed
	// with its exact rates.
	c.do("tariff form", jsClick(`nav.tabs a[href="/billing/tariffs"]`), chromedp.WaitVisible(CSS(`#tariff-new`)), jsClick(`#tariff-new`), chromedp.WaitVisible(CSS(`#tariff-form`)))
	c.set("#tariff-form", "number", "RW-BT")
	c.set("#tariff-form", "effective_from", "2026-07-01")
	c.set("#tariff-form", "source", "再生水供用合同 (浏览器测试)")
	c.set("#tariff-form", "components", "basic,再生水价,1.23456")
	c.fieldErr("#tariff-save", "#err-tf-components", "1.23456")
	c.set("#tariff-form", "components", "basic,再生水价,1.2345/1.1")
	c.fieldErr("#tariff-save", "#err-tf-components", "第 1 行")
	c.set("#tariff-form", "components", "basic,再生水价,1.2345\nsewage,污水处理费,0.008")
	c.do("save the tariff", jsClick(`#tariff-save`), waitJS(`!document.querySelector('#tariff-form') && (document.querySelector('#tariff-list')||{textContent:''}).textContent.includes('RW-BT')`))
	if got := c.text("#tariff-list"); !strings.Contains(got, "1.2345") || !strings.Contains(got, "0.008") || !strings.Contains(got, "现行") {
		t.Errorf("tariff list %.300q lacks the exact rates or the in-force mark", got)
	}
	c.screenshot("77-contract-tariffs")

	// Surplus: a county's budget of this year lists part of its surplus
	// (more than the surplus is refused beside the volume), then withdraws it.
	now := time.Now().In(time.FixedZone("CST", 8*3600))
	year := now.Year()
	// In January no month of the year is complete, so the server lists no
	// surplus (409) until February: the listing steps are left out then.
	january := now.Month() == time.January
	if january {
		t.Log("January: no surplus can be listed yet; the surplus listing steps are left out")
	}
	monthly := make([]string, 12)
	for i := range monthly {
		monthly[i] = "50000000"
	}
	body := fmt.Sprintf(`{"year":%d,"subject":"region","subject_id":"371503","source":"yellow_river","annual_m3":600000000,"monthly_m3":[%s],"basis":"entered"}`, year, strings.Join(monthly, ","))
	if code := awaitJS[float64](c, fmt.Sprintf(`(async () => (await fetch('/api/v1/budgets', {method: 'PUT', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent((document.cookie.match(/sishui_csrf=([^;]*)/)||[])[1]||'')}, body: %q})).status)()`, body)); code != 200 {
		t.Fatalf("budget for the surplus: HTTP %v", code)
	}
	c.do("surplus form", jsClick(`nav.tabs a[href="/billing/budgets"]`), chromedp.WaitVisible(CSS(`#surplus-form`)))
	if !january {
		c.pick("#surplus-form", "budget", "茌平区 · yellow_river")
		c.set("#surplus-form", "volume_m3", "999999999")
		c.set("#surplus-form", "price_fen", "0.35")
		c.fieldErr("#surplus-save", "#err-sp-volume_m3", "surplus")
		c.set("#surplus-form", "volume_m3", "1000")
		if c.try("list the surplus", jsClick(`#surplus-save`), waitJS(`!!document.querySelector('#surplus-list .ls-open')`)) {
			c.do("withdraw", jsClick(`#surplus-list .surplus-withdraw`), chromedp.WaitVisible(CSS(`#withdraw-form`)))
			c.set("#withdraw-form", "reason", "浏览器测试：改为下月挂牌")
			c.do("withdrawn", jsClick(`#withdraw-save`), waitJS(`!!document.querySelector('#surplus-list .ls-cancelled') && !document.querySelector('#surplus-list .ls-open')`))
		} else {
			t.Errorf("surplus form says %q", c.text("#surplus-form-error"))
		}
	}
	c.screenshot("78-budget-surplus")

	// Budgets from the embedded allocation: a year the result lacks is
	// refused beside the year; the result's year (2025) previewed, then
	// created, and the page turns to that year.
	c.do("allocation form", chromedp.WaitVisible(CSS(`#alloc-form`)), waitJS(`(document.querySelector('#alloc-form [data-field=result]')||{textContent:''}).textContent.includes('liaocheng')`))
	c.set("#alloc-form", "year", "2031")
	c.fieldErr("#alloc-preview", "#err-ab-year", "2031")
	c.set("#alloc-form", "year", "")
	c.do("preview", jsClick(`#alloc-preview`), waitJS(`(document.querySelector('#alloc-preview-list')||{textContent:''}).textContent.includes('东昌府区')`))
	c.do("create", waitJS(`!document.querySelector('#alloc-create').disabled`), jsClick(`#alloc-create`),
		waitJS(`location.search.includes('year=2025') && (document.querySelector('#budget-exec')||{textContent:''}).textContent.includes('东昌府区')`))
	c.screenshot("79-budgets-from-allocation")
	c.noConsoleErrors()

	// An enterprise reads the tariffs and the surplus listings but has no
	// form to write them, except the surplus form for its own budget.
	e := newSession(t, bctx, base)
	e.login("enterprise", "enterprise-demo")
	wu := int64(awaitJS[float64](e, `(async () => (await (await fetch('/api/v1/me')).json()).water_user || 0)()`))
	if wu == 0 {
		t.Fatal("the demo enterprise has no water user")
	}
	body = fmt.Sprintf(`{"year":%d,"subject":"user","subject_id":"%d","source":"yellow_river","annual_m3":600000000,"monthly_m3":[%s],"basis":"entered"}`, year, wu, strings.Join(monthly, ","))
	if code := awaitJS[float64](c, fmt.Sprintf(`(async () => (await fetch('/api/v1/budgets', {method: 'PUT', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent((document.cookie.match(/sishui_csrf=([^;]*)/)||[])[1]||'')}, body: %q})).status)()`, body)); code != 200 {
		t.Fatalf("the enterprise's budget: HTTP %v", code)
	}
	e.open("/billing/tariffs")
	e.do("tariffs listed", waitJS(`(document.querySelector('#tariff-list')||{textContent:''}).textContent.includes('RW-BT')`))
	if eval[bool](e, `!!document.querySelector('#tariff-new, .tariff-version')`) {
		t.Error("an enterprise is offered a new tariff version")
	}
	e.do("budgets page", jsClick(`nav.tabs a[href="/billing/budgets"]`), chromedp.WaitVisible(CSS(`#surplus-list`)))
	if eval[bool](e, `!!document.querySelector('#alloc-form, #budget-new')`) {
		t.Error("an enterprise is offered a write form")
	}
	// Its own budget is offered; more than the surplus is refused beside the
	// volume (past the ownership check).
	if !january {
		e.do("own surplus form", chromedp.WaitVisible(CSS(`#surplus-form`)))
		e.pick("#surplus-form", "budget", fmt.Sprintf("#%d", wu))
		e.set("#surplus-form", "volume_m3", "999999999")
		e.set("#surplus-form", "price_fen", "0.35")
		e.fieldErr("#surplus-save", "#err-sp-volume_m3", "surplus")
	}
	e.noConsoleErrors()
}

// awaitJS evaluates an async expression in the session's page and returns
// what its promise resolves to.
func awaitJS[T any](s *session, expr string) T {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		s.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}
