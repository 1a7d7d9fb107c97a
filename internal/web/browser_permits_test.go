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
	"github.com/pquerna/otp/totp"
)

// testPermitPages walks permits as a process: an enterprise files an
// application with a document (first a server validation error beside its
// field), the city bureau accepts it (a reviewer-less review refused beside
// its field), approves it with the 限批 decision shown, and issues the
// certificate; the compliance league, the plans register, a permit's annual
// plans and the county's server-paged permit list render.
func testPermitPages(t *testing.T, bctx context.Context, base string) {
	e := newSession(t, bctx, base)
	e.login("enterprise", "enterprise-demo")
	if !e.try("open the form", chromedp.Navigate(base+"/permits/applications/new"), chromedp.WaitVisible(CSS(`main h1`))) {
		e.noConsoleErrors()
		t.Fatalf("at %s: %s", eval[string](e, `location.href`), e.text("main"))
	}
	e.do("application form", chromedp.WaitVisible(CSS(`#apply-form`)))
	doc := filepath.Join(t.TempDir(), "论证报告.txt")
	if err := os.WriteFile(doc, []byte("水资源论证报告（浏览器测试）"), 0o644); err != nil {
		t.Fatal(err)
	}
	e.do("choose a document", chromedp.SetUploadFiles(CSS(`#apply-upload input[type=file]`), []string{doc}), waitJS(`document.querySelectorAll('#apply-upload .el-upload-list__item').length === 1`))
	e.set("#apply-form", "project", "浏览器测试再生水利用项目")
	e.pick("#apply-form", "source", "再生水")
	e.set("#apply-form", "annual_m3", "-5")
	e.fieldError("#apply-save", "#err-annual_m3", "positive")
	e.screenshot("70-permit-apply-validation")
	e.set("#apply-form", "annual_m3", "20000")
	e.do("file the application", chromedp.Click(CSS(`#apply-save`)), waitJS(`/^\/permits\/applications\/\d+$/.test(location.pathname) && !!document.querySelector('#app-state')`))
	path := eval[string](e, `location.pathname`)
	e.do("the application waits on the bureau", waitJS(`(document.querySelector('#app-state')||{textContent:''}).textContent.includes('已收件') && (document.querySelector('#app-clock')||{textContent:''}).textContent.includes('工作日')`))
	if docs := e.text("#app-docs"); !strings.Contains(docs, "论证报告.txt") {
		t.Errorf("the document is not listed: %q", docs)
	}
	e.open("/permits/applications")
	e.do("the enterprise's list", waitJS(`(document.querySelector('#app-list')||{textContent:''}).textContent.includes('浏览器测试再生水利用项目')`))
	e.noConsoleErrors()

	// The city bureau accepts, is refused a review without reviewers, approves and certifies.
	c := newSession(t, bctx, base)
	c.login("city", "city-demo")
	c.open("/permits/queue")
	c.do("queue", waitJS(`(document.querySelector('#app-list')||{textContent:''}).textContent.includes('浏览器测试再生水利用项目')`))
	c.screenshot("71-permit-queue")
	c.open(path)
	c.do("accept", chromedp.WaitVisible(CSS(`#act-accept`)), chromedp.Click(CSS(`#act-accept`)), chromedp.WaitVisible(CSS(`#step-form`)))
	c.set("#step-form", "comment", "材料齐全，予以受理")
	c.do("accepted", chromedp.Click(CSS(`#step-save`)), waitJS(`document.querySelector('#app-state') && document.querySelector('#app-state').textContent.includes('已受理')`))
	c.do("review form", chromedp.Click(CSS(`#act-review`)), chromedp.WaitVisible(CSS(`#step-form`)))
	c.fieldError("#step-save", "#err-reviewers", "reviewers")
	c.screenshot("72-permit-review-validation")
	c.do("approve", chromedp.Click(CSS(`#act-approve`)), chromedp.WaitVisible(CSS(`#step-form [name=comment]`)))
	c.set("#step-form", "comment", "准予许可")
	c.do("approved", chromedp.Click(CSS(`#step-save`)), waitJS(`document.querySelector('#app-state') && document.querySelector('#app-state').textContent.includes('准予许可')`))
	if d := c.text("#app-decision"); !strings.Contains(d, "未触发任何限批规则") {
		t.Errorf("the 限批 decision shows %q", d)
	}
	c.do("certify", chromedp.Click(CSS(`#act-certify`)), chromedp.WaitVisible(CSS(`#step-form [name=certificate]`)), chromedp.Click(CSS(`#step-save`)),
		waitJS(`document.querySelector('#app-state') && document.querySelector('#app-state').textContent.includes('已发证') && !!document.querySelector('#app-cert')`))
	if steps := c.text("#app-steps"); !strings.Contains(steps, "受理") || !strings.Contains(steps, "city") {
		t.Errorf("the steps timeline lacks the acceptance and who: %q", steps)
	}
	c.screenshot("73-permit-certified")
	pdf := eval[string](c, `document.querySelector('#app-cert').getAttribute('href')`)
	pctx, cancel := context.WithTimeout(c.ctx, 30*time.Second)
	code, err := chromedp.Run(pctx, chromedp.Evaluate[float64](fmt.Sprintf(`fetch(%q).then(r => r.ok && r.headers.get('content-type') === 'application/pdf' ? 200 : r.status)`, pdf), chromedp.EvalAwaitPromise))
	cancel()
	if err != nil || code != 200 {
		t.Errorf("certificate PDF: %v %v", code, err)
	}

	// An application the province decides: the bureau forwards it (the
	// letter's number required beside its field), then the clock waits on
	// the deciding level.
	holder := strings.TrimPrefix(eval[string](c, `document.querySelector('#app-facts a[href^="/users/"]').getAttribute('href')`), "/users/")
	code2, text := c.post("/api/v1/permit-applications", json.RawMessage(fmt.Sprintf(`{"kind":"new","user_id":%s,"project":"浏览器测试省级审批项目","region":%q,"source":"yellow_river","sector":"industry","annual_m3":20000000,"term_years":5}`,
		holder, eval[string](c, `document.querySelector('#app-facts').dataset.region || ''`))))
	var prov struct {
		ID    int64  `json:"id"`
		Level string `json:"level"`
	}
	if code2 != http.StatusCreated || json.Unmarshal([]byte(text), &prov) != nil || prov.Level != "province" {
		t.Fatalf("province-level application: %d %s", code2, text)
	}
	c.open(fmt.Sprintf("/permits/applications/%d", prov.ID))
	c.do("accept the province's application", chromedp.WaitVisible(CSS(`#act-accept`)), chromedp.Click(CSS(`#act-accept`)), chromedp.WaitVisible(CSS(`#step-save`)), chromedp.Click(CSS(`#step-save`)),
		waitJS(`(document.querySelector('#app-clock')||{textContent:''}).textContent.includes('转报')`))
	c.do("forward form", chromedp.Click(CSS(`#act-forward`)), chromedp.WaitVisible(CSS(`#step-form [name=reference]`)))
	c.fieldError("#step-save", "#err-reference", "转报文号")
	c.set("#step-form", "reference", "聊水转〔2026〕9号")
	c.do("forwarded", chromedp.Click(CSS(`#step-save`)), waitJS(`!!document.querySelector('#app-forwarded') && (document.querySelector('#app-clock')||{textContent:''}).textContent.includes('上级审批机关')`))
	c.screenshot("73b-permit-forwarded")

	// The permit: annual plans (a negative plan refused beside its field), then a plan entered.
	permit := strings.TrimSuffix(strings.TrimPrefix(pdf, "/api/v1/permits/"), "/certificate.pdf")
	c.open("/permits/" + permit)
	c.do("annual plan form", chromedp.WaitVisible(CSS(`#permit-pdf`)), chromedp.Click(CSS(`#plan-new`)), chromedp.WaitVisible(CSS(`#plan-form`)))
	c.set("#plan-form", "planned_m3", "-1")
	c.fieldError("#plan-save", "#err-planned_m3", "negative")
	c.set("#plan-form", "planned_m3", "18000")
	if !c.try("annual plan saved", chromedp.Click(CSS(`#plan-save`)), waitJS(`document.querySelector('#plan-form') === null && (document.querySelector('#plan-list')||{textContent:''}).textContent.includes('1.8 万m³')`)) {
		t.Logf("form %q, plans %q", c.text("#plan-form"), c.text("#plan-list"))
	}
	c.screenshot("74-permit")

	// The compliance league, the plans register, the county page's server-paged permits.
	c.open("/permits/compliance")
	c.do("compliance league", chromedp.WaitVisible(CSS(`#cm-league .el-table__row`)))
	c.screenshot("75-metering-compliance")
	c.open("/permits/plans")
	c.do("plans", chromedp.WaitVisible(CSS(`#plan-list`)))
	c.open("/permits/applications?sort=annual_m3&order=desc&state=certified")
	c.do("sorted and filtered list", waitJS(`document.querySelectorAll('#app-list .el-table__row').length > 0`))
	if got := eval[string](c, `location.search`); !strings.Contains(got, "sort=annual_m3") {
		t.Errorf("list state not in the URL: %s", got)
	}
	c.open("/regions/371502?pm_sort=annual_m3&pm_order=desc")
	c.do("region permits paged", waitJS(`document.querySelectorAll('#region-permits .el-table__row').length > 0 && document.querySelectorAll('#region-points .el-table__row').length > 0`))
	n := eval[float64](c, `document.querySelectorAll('#region-permits .el-table__row').length`)
	if n > 20 {
		t.Errorf("the county's permits show %v rows, want a page of at most 20", n)
	}
	c.noConsoleErrors()
}

// testPasswordPages: an account changes its own password (policy errors
// beside the field), and a city account with a second factor is asked for
// its one-time code at login.
func testPasswordPages(t *testing.T, bctx context.Context, base string) {
	a := newSession(t, bctx, base)
	a.login("admin", "admin-demo")
	const user, pass = "browser-pw", "Initial-pass-2026!"
	if code, text := a.post("/api/v1/accounts", map[string]any{"username": user, "password": pass, "role": "city", "display_name": "浏览器测试"}); code != http.StatusCreated {
		t.Fatalf("create account: %d %s", code, text)
	}
	s := newSession(t, bctx, base)
	s.login(user, pass)
	s.open("/password")
	s.do("password form", chromedp.WaitVisible(CSS(`#password-form`)))
	s.set("#password-form", "current", "wrong-password-x")
	s.set("#password-form", "password", "Another-pass-2026!")
	s.set("#password-form", "password2", "Another-pass-2026!")
	s.fieldError("#password-save", "#err-current", "not your current password")
	s.set("#password-form", "current", pass)
	s.set("#password-form", "password", "short")
	s.set("#password-form", "password2", "short")
	s.fieldError("#password-save", "#err-password", "at least 12")
	s.screenshot("76-password-validation")
	const next = "Changed-pass-2026!"
	s.set("#password-form", "password", next)
	s.set("#password-form", "password2", next)
	s.do("password changed", chromedp.Click(CSS(`#password-save`)), waitJS(`document.querySelector('#password-done').textContent.length > 0`))

	// A second factor: the login asks for the code, then lets the account in.
	code, text := s.post("/api/v1/me/totp", map[string]any{})
	var enrol struct {
		Secret string `json:"secret"`
	}
	if code >= 300 || json.Unmarshal([]byte(text), &enrol) != nil || enrol.Secret == "" {
		t.Fatalf("enrol TOTP: %d %s", code, text)
	}
	now, _ := totp.GenerateCode(enrol.Secret, time.Now())
	if code, text := s.post("/api/v1/me/totp/confirm", map[string]string{"code": now}); code >= 300 {
		t.Fatalf("confirm TOTP: %d %s", code, text)
	}
	s.noConsoleErrors()
	l := newSession(t, bctx, base)
	l.do("log in, first step", chromedp.Navigate(base+"/login"), chromedp.WaitVisible(CSS(`#username`)),
		chromedp.SendKeys(CSS(`#username`), user), chromedp.SendKeys(CSS(`#password`), next), chromedp.Click(CSS(`#login-submit`)),
		chromedp.WaitVisible(CSS(`#totp`)))
	l.screenshot("77-login-totp")
	later, _ := totp.GenerateCode(enrol.Secret, time.Now().Add(30*time.Second)) // the next step: the confirm used this one
	l.do("log in with the code", chromedp.SendKeys(CSS(`#totp`), later), chromedp.Click(CSS(`#login-submit`)), chromedp.WaitVisible(CSS(`#logout`)))
	l.noConsoleErrors()
}
