package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// testTerminalPages walks the national link's backlog page, a point's
// downlink commands and the point form's allowed_nets (issue 17).
func testTerminalPages(t *testing.T, bctx context.Context, base string) {
	s := newSession(t, bctx, base)
	s.login("city", "city-demo")
	type pt struct {
		ID   int64  `json:"id"`
		Code string `json:"code"`
	}
	p := evalAwait[pt](s, `(async () => { const r = await fetch('/api/v1/points?protocol=sl651&limit=1'); const j = await r.json(); return (j.items || j)[0]; })()`)
	if p.ID == 0 {
		t.Fatal("no SL 651 point in the demo")
	}

	// The backlog: the demo has no national link, so the page first shows
	// none; then the page is given a backlog in the API's shape (a fetch
	// wrapper in the page) to check order, sorting and the lag's units.
	s.open("/outbox")
	s.do("backlog page", chromedp.WaitVisible(CSS(`#outbox`)), waitJS(`document.querySelector('#outbox-summary').textContent.length > 0`))
	eval[any](s, fmt.Sprintf(`(() => { const real = window.fetch; const now = Date.now(); const at = (s) => new Date(now - s * 1000).toISOString();
		const rows = [
			{point: %[1]d, code: 'A-45s', name: 'a', protocol: 'sl651', region: '371502', queued: 5, oldest: at(45), lag_seconds: 45},
			{point: %[1]d, code: 'B-2d', name: 'b', protocol: 'szy206', region: '371502', queued: 120, oldest: at(187260), lag_seconds: 187260},
			{point: %[1]d, code: 'C-3h', name: 'c', protocol: 'sl651', region: '371521', queued: 30, oldest: at(11100), lag_seconds: 11100}];
		window.fetch = (u, o) => String(u).includes('/api/v1/outbox/stations')
			? Promise.resolve(new Response(JSON.stringify(rows), {status: 200, headers: {'Content-Type': 'application/json'}})) : real(u, o); })()`, p.ID))
	codes := `[...document.querySelectorAll('#outbox tbody tr')].map(r => r.querySelector('td a').textContent.trim()).join(',')`
	s.do("backlog rows", chromedp.Click(CSS(`#outbox-refresh`)), waitJS(codes+` === 'B-2d,C-3h,A-45s'`))
	lags := eval[string](s, `[...document.querySelectorAll('#outbox .ob-lag')].map(e => e.textContent.trim()).join(',')`)
	if lags != "2 天 4 小时,3 小时 5 分,45 秒" {
		t.Errorf("lags %q", lags)
	}
	if sum := s.text("#outbox-summary"); !strings.Contains(sum, "3 个测站") || !strings.Contains(sum, "155") || !strings.Contains(sum, "2 天 4 小时") {
		t.Errorf("summary %q", sum)
	}
	s.do("sort by lag", jsClick(`#outbox thead th:nth-child(7) .sort-caret.ascending`), waitJS(codes+` === 'A-45s,C-3h,B-2d'`))
	s.screenshot("80-outbox")

	// The point's commands: a bad interval is refused beside its field; a
	// good one is queued and listed with its status.
	s.open(fmt.Sprintf("/points/%d/commands", p.ID))
	s.do("commands tab", chromedp.WaitVisible(CSS(`#command-form`)), chromedp.WaitVisible(CSS(`#commands`)))
	s.pick("#command-form", "kind", "set_interval")
	s.set("#command-form", "interval_h", "30")
	s.fieldError("#command-save", "#err-tc-interval_h", "1–24")
	s.set("#command-form", "interval_h", "4")
	s.do("queue a command", chromedp.Click(CSS(`#command-save`)),
		waitJS(`[...document.querySelectorAll('#commands tbody tr')].some(r => r.textContent.includes('设置上报间隔') && r.textContent.includes('4 h'))`))
	if st := eval[string](s, `document.querySelector('#commands tbody tr .tc-status').dataset.status`); !strings.Contains("queued sent answered timeout", st) || st == "" {
		t.Errorf("status %q", st)
	}
	s.screenshot("81-commands")

	// The point form: allowed_nets as a list; a bad network is refused
	// beside the field, a good list is stored and shown again (with the
	// demo terminals' own address, so that they keep reporting).
	s.open("/registry/points")
	s.do("point form", chromedp.WaitVisible(CSS(`[data-edit]`)), jsClick(`[data-edit]`), chromedp.WaitVisible(CSS(`#registry-form [name=allowed_nets]`)))
	id := eval[string](s, `document.querySelector('[data-edit]').dataset.edit`)
	s.set("#registry-form", "allowed_nets", "10.20.3.0/24, 10.0.0.0/33")
	s.fieldError("#save", "#err-allowed_nets", "CIDR")
	s.set("#registry-form", "allowed_nets", "10.20.3.0/24, 127.0.0.1")
	s.do("save allowed_nets", chromedp.Click(CSS(`#save`)), waitJS(`document.querySelector('#registry-form') === null`))
	nets := evalAwait[string](s, `(async () => (await (await fetch('/api/v1/points/`+id+`')).json()).allowed_nets.join(','))()`)
	if !strings.HasPrefix(nets, "10.20.3.0/24,127.0.0.1") {
		t.Errorf("stored allowed_nets %q", nets)
	}
	s.do("reopen", jsClick(`[data-edit="`+id+`"]`), chromedp.WaitVisible(CSS(`#registry-form [name=allowed_nets]`)))
	if v := eval[string](s, `document.querySelector('#registry-form [name=allowed_nets]').value`); v != nets && !strings.Contains(v, "10.20.3.0/24, 127.0.0.1") {
		t.Errorf("form shows allowed_nets %q", v)
	}
	s.noConsoleErrors()
}

// evalAwait is eval of an expression whose value is a promise.
func evalAwait[T any](s *session, expr string) T {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		s.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}
