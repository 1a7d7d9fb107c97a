package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// testBillingActions works the billing pages' forms (issue 15): CSV imports
// with per-row errors, a billing run, issuing, a corrected read and the
// adjustment bill it makes, a tax run, sending a verification and the
// taxpayer's dispute with its reason, an advanced-quota certification, a
// budget and a norm — each form first showing the server's validation error
// beside its field, and no console errors.
func testBillingActions(t *testing.T, bctx context.Context, base string) {
	c := newSession(t, bctx, base)
	c.login("city", "city-demo")
	for _, f := range []string{"tariffs", "tax", "budget", "norms"} {
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

	// Import: an empty CSV is refused beside its field; then accounts and
	// reads, each with a bad row listed by line.
	c.open("/billing/import")
	c.do("import form", chromedp.WaitVisible(CSS(`#import-form`)))
	c.fieldErr("#import-save", "#err-im-csv", "empty")
	c.pick("#import-form", "kind", "用水户账户")
	c.set("#import-form", "csv", "number,name,region,class,meter,opened\nBT-1,浏览器测试户,371502,residential,individual,2026-01-01\nBT-2,坏行,12,residential,individual,2026-01-01\n")
	c.do("import accounts", jsClick(`#import-save`), waitJS(`(document.querySelector('#import-errors')||{textContent:''}).textContent.includes('region')`))
	if got := c.text("#import-result"); !strings.Contains(got, "导入 1 行") || !strings.Contains(c.text("#import-errors"), "3") {
		t.Errorf("account import says %q / %q", got, c.text("#import-errors"))
	}
	c.pick("#import-form", "kind", "抄表读数")
	c.set("#import-form", "csv", "number,read_on,reading_m3\nBT-1,2026-01-01,0\nBT-1,2026-01-31,12\nBT-1,2026-02-30,13\n")
	c.do("import reads", jsClick(`#import-save`), waitJS(`(document.querySelector('#import-result')||{textContent:''}).textContent.includes('导入 2 行')`))
	if got := c.text("#import-errors"); !strings.Contains(got, "4") || !strings.Contains(got, "read_on") {
		t.Errorf("read import errors %q", got)
	}
	c.screenshot("70-bill-import")

	// Bills: a bad period beside its field, a run, issuing, a corrected read
	// (refused when negative) and the rerun's adjustment bill.
	c.open("/billing/bills?subject=account")
	c.do("run form", chromedp.WaitVisible(CSS(`#run-form`)))
	c.set("#run-form", "period", "2026-13")
	c.fieldErr("#run-save", "#err-run-period", "yyyy-mm")
	c.set("#run-form", "period", "2026-01")
	c.do("run billing", jsClick(`#run-save`), waitJS(`(document.querySelector('#bill-note')||{textContent:''}).textContent.includes('草稿')`))
	c.set("#issue-form", "period", "2026-01")
	c.do("issue bills", jsClick(`#issue-save`), waitJS(`(document.querySelector('#bill-note')||{textContent:''}).textContent.includes('已开具')`))
	c.set("#read-form", "number", "BT-1")
	c.set("#read-form", "read_on", "2026-01-31")
	c.set("#read-form", "reading_m3", "-1")
	c.fieldErr("#read-save", "#err-rd-reading_m3", "negative")
	c.set("#read-form", "number", "BT-1")
	c.set("#read-form", "read_on", "2026-01-31")
	c.set("#read-form", "reading_m3", "20")
	c.do("correct the read", jsClick(`#read-save`), waitJS(`(document.querySelector('#bill-note')||{textContent:''}).textContent.includes('读数已保存')`))
	c.set("#run-form", "period", "2026-01")
	c.do("rerun billing", jsClick(`#run-save`), waitJS(`(document.querySelector('#bill-note')||{textContent:''}).textContent.includes('调整 1')`))
	c.open("/billing/bills?subject=account&period=202601")
	c.do("adjustment bill listed", chromedp.WaitVisible(CSS(`#bill-list .el-table__row`)), waitJS(`(document.querySelector('#bill-list')||{textContent:''}).textContent.includes('调整')`),
		waitJS(`(document.querySelector('#bill-list .bill-subject')||{textContent:''}).textContent === '水费账单'`))
	c.screenshot("71-bills")
	c.noConsoleErrors()

	// Tax: a bad period beside its field; a run; the bureau sends the
	// enterprise's verification, the enterprise disputes it with its reason.
	e := newSession(t, bctx, base)
	e.login("enterprise", "enterprise-demo")
	var me struct{ WaterUser int64 }
	me.WaterUser = meUser(t, e)
	now := time.Now().In(time.FixedZone("CST", 8*3600))
	lastQ := now.AddDate(0, -3, 0)
	quarter := fmt.Sprintf("%dQ%d", lastQ.Year(), (int(lastQ.Month())-1)/3+1)
	c.open("/billing/tax")
	c.do("tax run form", chromedp.WaitVisible(CSS(`#tax-run-form`)))
	c.set("#tax-run-form", "period", "2026Q5")
	c.fieldErr("#tax-run-save", "#err-tx-period", "yyyyQn")
	c.set("#tax-run-form", "period", quarter)
	c.do("run tax", jsClick(`#tax-run-save`), waitJS(`(document.querySelector('#bill-note')||{textContent:''}).textContent.includes('核定草稿')`))
	c.open(fmt.Sprintf("/billing/tax?user_id=%d&period=%s&status=draft", me.WaterUser, quarter))
	if c.try("the enterprise's draft verification", chromedp.WaitVisible(CSS(`#tax-list .el-table__row td`))) {
		c.do("send it", jsClick(`#tax-list .el-table__row td`), chromedp.WaitVisible(CSS(`#tax-send`)), jsClick(`#tax-send`),
			waitJS(`!!document.querySelector('#tax-detail .bs-sent')`))
		e.open(fmt.Sprintf("/billing/tax?period=%s&status=sent", quarter))
		e.do("open the sent verification", chromedp.WaitVisible(CSS(`#tax-list .el-table__row td`)), jsClick(`#tax-list .el-table__row td`), chromedp.WaitVisible(CSS(`#dispute-form`)))
		e.fieldErr("#dispute-save", "#err-dp-reason", "reason")
		e.set("#dispute-form", "reason", "浏览器测试：二月水表故障，估算水量偏高")
		e.do("dispute", jsClick(`#dispute-save`), waitJS(`!!document.querySelector('#tax-detail .bs-disputed') && (document.querySelector('#tax-reason')||{textContent:''}).textContent.includes('水表故障')`))
		e.screenshot("72-tax-disputed")
	}
	e.noConsoleErrors()

	// Certification: applied (zero output refused beside its field), reviewed against the norm, certified.
	c.open("/billing/tax")
	c.do("certification form", chromedp.WaitVisible(CSS(`#cert-form`)))
	c.set("#cert-form", "user_id", fmt.Sprint(me.WaterUser))
	c.set("#cert-form", "year", fmt.Sprint(now.Year()))
	c.set("#cert-form", "product", "paper")
	c.set("#cert-form", "used_m3", "100")
	c.set("#cert-form", "output", "0")
	c.fieldErr("#cert-save", "#err-ct-output", "positive")
	c.set("#cert-form", "output", "100000000")
	c.do("apply", jsClick(`#cert-save`), waitJS(`!!document.querySelector('#cert-list .cert-review')`))
	c.do("review", jsClick(`#cert-list .cert-review`), waitJS(`!!document.querySelector('#cert-list .cert-certify') || !!document.querySelector('#cert-msg')`))
	if msg := c.text("#cert-msg"); msg != "" {
		t.Errorf("review refused: %s", msg)
	} else {
		c.do("certify", jsClick(`#cert-list .cert-certify`), waitJS(`!!document.querySelector('#cert-list .cs-certified')`))
	}
	c.screenshot("73-certification")

	// Budget: months that do not sum to the annual are refused beside their field; left empty they spread evenly.
	c.open(fmt.Sprintf("/billing/budgets?year=%d", now.Year()))
	c.do("budget form", chromedp.WaitVisible(CSS(`#budget-new`)), jsClick(`#budget-new`), chromedp.WaitVisible(CSS(`#budget-form`)))
	c.set("#budget-form", "subject_id", "371502")
	c.set("#budget-form", "sector", "industry")
	c.set("#budget-form", "annual_m3", "1234567")
	c.set("#budget-form", "monthly_m3", "1,2,3,4,5,6,7,8,9,10,11,12")
	c.fieldErr("#budget-save", "#err-bg-monthly_m3", "sums to")
	c.set("#budget-form", "monthly_m3", "")
	if !c.try("save the budget", jsClick(`#budget-save`), waitJS(`!document.querySelector('#budget-form') && (document.querySelector('#budget-exec')||{textContent:''}).textContent.includes('1,234,567')`)) {
		t.Logf("budget form says %q; table %.300q", c.text("#budget-form"), c.text("#budget-exec"))
	}
	c.screenshot("74-budget")

	// Norms: a value that is not a number is refused beside its field; a new norm is listed.
	c.open("/billing/norms")
	c.do("norm form", chromedp.WaitVisible(CSS(`#norm-list .el-table__row`)), jsClick(`#norm-new`), chromedp.WaitVisible(CSS(`#norm-form`)))
	c.set("#norm-form", "sector", "industry")
	c.set("#norm-form", "product", "browser_test")
	c.set("#norm-form", "name", "浏览器测试产品")
	c.set("#norm-form", "unit", "t")
	c.set("#norm-form", "general", "abc")
	c.set("#norm-form", "standard", "DB37/T test")
	c.set("#norm-form", "effective_from", "2026-01-01")
	c.fieldErr("#norm-save", "#err-nm-general", "")
	c.set("#norm-form", "general", "12.5")
	c.set("#norm-form", "advanced", "9.75")
	c.do("save the norm", jsClick(`#norm-save`), waitJS(`!document.querySelector('#norm-form') && (document.querySelector('#norm-list')||{textContent:''}).textContent.includes('浏览器测试产品')`))
	if got := c.text("#norm-list"); !strings.Contains(got, "9.75") {
		t.Errorf("norm list lacks the advanced value 9.75")
	}
	c.screenshot("75-norms")
	c.noConsoleErrors()
}

// meUser is the water user of the session's enterprise account.
func meUser(t *testing.T, s *session) int64 {
	t.Helper()
	out := awaitJS[float64](s, `(async () => (await (await fetch('/api/v1/me')).json()).water_user || 0)()`)
	if out == 0 {
		t.Fatal("the enterprise has no water user")
	}
	return int64(out)
}

// jsClick clicks the first element matching sel from script: a click at the
// element's coordinates can land on the sticky header while the page settles.
func jsClick(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) throw new Error('no element ' + %q); e.click(); return true; })()`, sel, sel))(ctx, t)
		return err
	})
}

// fieldErr is fieldError with a script click.
func (s *session) fieldErr(submit, errSel, want string) {
	s.t.Helper()
	if !s.try("server error beside "+errSel, jsClick(submit), waitJS(fmt.Sprintf(`(document.querySelector(%q)||{textContent:''}).textContent.length > 0`, errSel))) {
		return
	}
	if msg := s.text(errSel); !strings.Contains(msg, want) {
		s.t.Errorf("%s says %q, want %q", errSel, msg, want)
	}
}
