package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// testScenarioPages walks the scenario workspace: a new scenario from the
// city's current data, a drought year and faster growth set in the editor,
// run, a county's 以水定人 answer, a second scenario from the first compared
// with it, the server's validation error beside its field, and the live
// carrying capacity on the overview.
func testScenarioPages(t *testing.T, bctx context.Context, base string) {
	s := newSession(t, bctx, base)
	s.login("city", "city-demo")

	s.open("/scenarios")
	s.do("new scenario form", chromedp.WaitVisible(CSS(`#scenario-new`)))
	s.set("#scenario-new", "name", "浏览器情景 A")
	s.do("create", chromedp.Click(CSS(`#scenario-create`)), chromedp.WaitVisible(CSS(`#scenario-form`)),
		waitJS(`document.querySelector('main h1').textContent.includes('浏览器情景 A')`))
	idA := eval[string](s, `location.pathname.split('/').pop()`)

	// The server's error beside its field: a year before the forecast's base year.
	numInput := func(name, value string) {
		eval[any](s, fmt.Sprintf(`(() => { const e = document.querySelector('#scenario-form input[name=%q]'); e.value = %q;
			e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true})); })()`, name, value))
	}
	numInput("year", "1990")
	s.fieldError(`#scenario-save`, `#err-changes-year`, "2100")

	// A drought year, 2030, faster growth in 莘县; run the chain.
	numInput("year", "2030")
	numInput("pop-371522", "2.5")
	// The number box and the slider beside it are one value: typed 2.5 moves
	// the slider; the GDP slider moved by keyboard fills its box.
	cell := func(col int) string {
		return fmt.Sprintf(`#scenario-counties [data-county="371522"] td:nth-child(%d)`, col)
	}
	s.do("slider follows the box", waitJS(`document.querySelector('`+cell(2)+` [role=slider]').getAttribute('aria-valuenow') === '2.5'`))
	s.do("slider by keyboard", chromedp.Focus(CSS(cell(3)+` [role=slider]`)), chromedp.KeyEvent(kb.ArrowRight),
		waitJS(`document.querySelector('`+cell(3)+` input').value === '0.1'`))
	s.do("95 %", chromedp.Click(CSS(`#scenario-form [data-field=guarantee] label:nth-child(3)`)))
	s.do("run", chromedp.Click(CSS(`#scenario-run`)),
		waitJS(`document.querySelectorAll('#scenario-result-counties tbody tr').length === 8`))
	if txt := s.text(`#scenario-elapsed`); !strings.Contains(txt, "2030") || !strings.Contains(txt, "95%") {
		t.Errorf("result line %q", txt)
	}
	s.do("versions listed", waitJS(`document.querySelectorAll('#scenario-versions tbody tr').length >= 2`))
	if msg := s.text(`#err-changes-year`); msg != "" {
		t.Errorf("the year's error stayed after a good save: %q", msg)
	}

	// 以水定人 for 莘县.
	s.pick("#carry-form", "region", "莘县")
	s.do("carry", chromedp.Click(CSS(`#carry-ask`)), chromedp.WaitVisible(CSS(`#carry-binding`)))
	if b := eval[string](s, `document.querySelector('#carry-binding').dataset.binding`); b == "" {
		t.Error("no binding constraint named")
	}
	s.screenshot("40-scenario")

	// A second scenario from the first, back to a 75 % year, compared.
	s.open("/scenarios")
	s.do("list", chromedp.WaitVisible(CSS(`#scenario-list`)))
	s.set("#scenario-new", "name", "浏览器情景 B")
	s.pick("#scenario-new", "base", "浏览器情景 A")
	s.do("create B", chromedp.Click(CSS(`#scenario-create`)), waitJS(`document.querySelector('main h1').textContent.includes('浏览器情景 B')`))
	idB := eval[string](s, `location.pathname.split('/').pop()`)
	s.do("75 %", waitJS(`!!document.querySelector('#scenario-form [data-field=guarantee] label:nth-child(2)')`),
		chromedp.Click(CSS(`#scenario-form [data-field=guarantee] label:nth-child(2)`)))
	s.do("run B", chromedp.Click(CSS(`#scenario-run`)),
		waitJS(`document.querySelectorAll('#scenario-result-counties tbody tr').length === 8`))
	s.open("/scenarios/compare?a=" + idA + "&b=" + idB)
	s.do("compare", waitJS(`document.querySelectorAll('#compare-counties tbody tr').length === 8`))
	if names := s.text(`#compare-names`); !strings.Contains(names, "95%") || !strings.Contains(names, "75%") {
		t.Errorf("compare heading %q", names)
	}

	// B deleted by its owner: the button asks once more, then the list has no B.
	s.open("/scenarios/" + idB)
	s.do("delete B", chromedp.WaitVisible(CSS(`#scenario-delete`)), chromedp.Click(CSS(`#scenario-delete`)),
		waitJS(`document.querySelector('#scenario-delete').textContent.includes('确认')`), chromedp.Click(CSS(`#scenario-delete`)),
		waitJS(`location.pathname === '/scenarios'`), chromedp.WaitVisible(CSS(`#scenario-list`)))
	if l := s.text(`#scenario-list`); strings.Contains(l, "浏览器情景 B") || !strings.Contains(l, "浏览器情景 A") {
		t.Errorf("after deleting B the list shows %q", l)
	}

	// Live carrying capacity on the overview, after a refresh of this month.
	now := eval[float64](s, `(() => { const d = new Date(Date.now() + 8 * 3600e3); return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1; })()`)
	m := int(now)
	if code, body := s.post("/api/v1/capacity/live/refresh", map[string]int{"from": m, "to": m}); code != 200 {
		t.Fatalf("refresh: %d %s", code, body)
	}
	s.open("/")
	s.do("live capacity", waitJS(`document.querySelectorAll('#live-capacity tbody tr').length >= 8`))
	if basis := s.text(`#live-capacity .live-basis`); !strings.Contains(basis, "deep confined") {
		t.Errorf("basis %q", basis)
	}
	// And on the county's page: its grade with the basis and reasons.
	s.open(fmt.Sprintf("/regions/371522?year=%d", m/100))
	s.do("county live capacity", waitJS(`!!document.querySelector('#region-live-capacity[data-grade]')`))
	if basis := s.text(`#region-live-capacity .live-basis`); !strings.Contains(basis, "deep confined") {
		t.Errorf("county page basis %q", basis)
	}
	s.noConsoleErrors()
}
