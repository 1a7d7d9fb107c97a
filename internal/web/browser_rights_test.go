package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// testRightsForms walks the water-rights write forms as the city bureau (the
// demo runs with --rights-notice-days 0, so a trade can be decided the day it
// is made): a listing refused beside its volume, then listed; a bid placed;
// bidding closed; an objection refused beside its name; a decision refused
// beside its field, then approved, which settles the trade.
func testRightsForms(t *testing.T, c *session) {
	c.open("/rights/market")
	c.do("listing form", chromedp.WaitVisible(CSS(`#rights-listings`)), chromedp.Click(CSS(`#listing-new`)), chromedp.WaitVisible(CSS(`#listing-form`)))
	c.pick("#listing-form", "seller", "东昌府区")
	c.pick("#listing-form", "source", "当地地表水")
	c.set("#listing-form", "volume_m3", "0")
	c.set("#listing-form", "price_fen", "55")
	c.fieldError("#listing-save", "#err-volume_m3", "positive")
	c.set("#listing-form", "volume_m3", "2000")
	c.do("list water", chromedp.Click(CSS(`#listing-save`)), waitJS(`document.querySelector('#listing-form') === null && document.querySelectorAll('#rights-listings .bid-open').length > 0`))
	listing := eval[int](c, `Math.max(...[...document.querySelectorAll('#rights-listings .bid-open')].map(b => +b.dataset.id))`)
	c.screenshot("66-rights-listed")

	c.do("bid form", chromedp.Click(CSS(fmt.Sprintf(`.bid-open[data-id="%d"]`, listing))), chromedp.WaitVisible(CSS(`#bid-form`)))
	c.pick("#bid-form", "buyer", "茌平区")
	c.set("#bid-form", "volume_m3", "1500")
	c.set("#bid-form", "price_fen", "10")
	c.fieldError("#bid-save", "#err-price_fen", "below the listing")
	c.set("#bid-form", "price_fen", "60")
	c.do("bid", chromedp.Click(CSS(`#bid-save`)), waitJS(`document.querySelector('#bid-form') === null && (document.querySelector('#rights-listings')||{textContent:''}).textContent.includes('0.60')`))
	c.do("close bidding", chromedp.Click(CSS(fmt.Sprintf(`.listing-close[data-id="%d"]`, listing))),
		waitJS(fmt.Sprintf(`!document.querySelector('.listing-close[data-id="%d"]') && !!document.querySelector('#rights-listings .ls-closed')`, listing)))

	c.open("/rights/trades")
	c.do("trades", chromedp.WaitVisible(CSS(`#rights-trades .trade-decide`)))
	trade := eval[int](c, `Math.max(...[...document.querySelectorAll('#rights-trades .trade-decide')].map(b => +b.dataset.id))`)
	if row := c.text(`#rights-trades .el-table__row`); !strings.Contains(row, "1,500") || !strings.Contains(row, "茌平区") {
		t.Errorf("the newest trade row is %q, want 1,500 m³ to 茌平区", row)
	}
	c.do("objection form", chromedp.Click(CSS(fmt.Sprintf(`.trade-object[data-id="%d"]`, trade))), chromedp.WaitVisible(CSS(`#objection-form`)))
	c.set("#objection-form", "text", "浏览器测试异议")
	c.fieldError("#objection-save", "#err-name", "required")
	c.set("#objection-form", "name", "村民")
	c.do("objection after the notice", chromedp.Click(CSS(`#objection-save`)), waitJS(`(document.querySelector('#objection-form .form-error')||{textContent:''}).textContent.includes('not in public notice')`))

	c.do("decision form", chromedp.Click(CSS(fmt.Sprintf(`.trade-decide[data-id="%d"]`, trade))), chromedp.WaitVisible(CSS(`#decision-form`)))
	c.pick("#decision-form", "decision", "备案")
	c.fieldError("#decision-save", "#err-decision", "filed")
	c.pick("#decision-form", "decision", "批准")
	c.do("approve settles", chromedp.Click(CSS(`#decision-save`)),
		waitJS(fmt.Sprintf(`document.querySelector('#decision-form') === null && !!document.querySelector('.trade-status.tst-settled[data-id="%d"]')`, trade)))
	c.screenshot("67-rights-settled")

	// The monthly and annual reports download as xlsx.
	for _, id := range []string{"#rights-report-monthly", "#rights-report-annual"} {
		ctx, cancel := context.WithTimeout(c.ctx, 30*time.Second)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`fetch(document.querySelector(%q).href).then(r => r.status + ' ' + r.headers.get('content-type'))`, id), chromedp.EvalAwaitPromise))
		cancel()
		if err != nil || !strings.HasPrefix(got, "200 ") || !strings.Contains(got, "spreadsheetml") {
			t.Errorf("%s: %q %v", id, got, err)
		}
	}
	c.noConsoleErrors()
}
