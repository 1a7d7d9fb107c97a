package web

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"
)

// onePixelPNG is a 1×1 PNG (a project photo).
const onePixelPNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

// testFiles: a task report carries an attachment, a project update a photo
// (shown as a thumbnail), and a department downloads its statistics template,
// has a malformed upload refused with the row named, then uploads a filled one.
func testFiles(t *testing.T, bctx context.Context, base string) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "季度进展说明.txt")
	photo := filepath.Join(dir, "工地照片.png")
	png, _ := base64.StdEncoding.DecodeString(onePixelPNG)
	if err := os.WriteFile(doc, []byte("进展说明"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(photo, png, 0o644); err != nil {
		t.Fatal(err)
	}
	c := newSession(t, bctx, base)
	c.login("city", "city-demo")
	c.open("/plan/tasks/3_3")
	c.do("report form", chromedp.WaitVisible(CSS(`#task-reports`)), chromedp.Click(CSS(`#task-report`)), chromedp.WaitVisible(CSS(`#report-form`)),
		chromedp.SetUploadFiles(CSS(`#report-files`), []string{doc}), waitJS(`(document.querySelector('.file-pick')||{textContent:''}).textContent.includes('季度进展说明.txt')`))
	c.set("#report-form", "progress_pct", "72")
	c.set("#report-form", "text", "附件测试报告")
	c.do("report with an attachment", chromedp.Click(CSS(`#report-save`)),
		waitJS(`document.querySelector('#report-form') === null && [...document.querySelectorAll('#task-reports a.attachment')].some(a => a.textContent.includes('季度进展说明.txt'))`))
	if got := fetchText(t, c, `[...document.querySelectorAll('#task-reports a.attachment')].find(a => a.textContent.includes('季度进展说明.txt')).href`); got != "200 进展说明" {
		t.Errorf("the attachment reads back %q", got)
	}

	c.open("/plan/projects")
	c.do("project form", chromedp.WaitVisible(CSS(`.project-edit[data-code=black_odorous]`)), chromedp.Click(CSS(`.project-edit[data-code=black_odorous]`)),
		chromedp.WaitVisible(CSS(`#project-form`)), chromedp.SetUploadFiles(CSS(`#project-files`), []string{photo}),
		waitJS(`(document.querySelector('.file-pick')||{textContent:''}).textContent.includes('工地照片.png')`))
	c.set("#project-form", "progress_pct", "83")
	c.do("project photo", chromedp.Click(CSS(`#project-save`)),
		waitJS(`document.querySelector('#project-form') === null && !!document.querySelector('a.attachment[data-code=black_odorous] img.thumb') && document.querySelector('a.attachment[data-code=black_odorous] img.thumb').naturalWidth === 1`))
	c.screenshot("68-project-photo")
	c.noConsoleErrors()

	// A department: its template, a malformed upload, a filled one.
	d := newSession(t, bctx, base)
	d.login("tongji", "tongji-demo")
	d.open("/plan/entries")
	d.do("template link", chromedp.WaitVisible(CSS(`#entry-template`)))
	b64 := fetchBase64(t, d, `document.querySelector('#entry-template').href`)
	tpl, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	fill := func(value string) string {
		f, err := excelize.OpenReader(bytes.NewReader(tpl))
		if err != nil {
			t.Fatalf("template: %v", err)
		}
		defer f.Close()
		sheet := f.GetSheetName(0)
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) < 3 {
			t.Fatalf("template rows %d: %v", len(rows), err)
		}
		for i := 3; i <= len(rows); i++ {
			_ = f.SetCellValue(sheet, fmt.Sprintf("G%d", i), nil)
		}
		_ = f.SetCellStr(sheet, "G3", value)
		_ = f.SetCellStr(sheet, "H3", "浏览器模板上传")
		path := filepath.Join(dir, "template-"+value+".xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	d.do("malformed upload", chromedp.SetUploadFiles(CSS(`#entry-upload`), []string{fill("abc")}),
		waitJS(`(document.querySelector('#upload-error')||{textContent:''}).textContent.includes('row 3')`))
	d.do("filled upload", chromedp.SetUploadFiles(CSS(`#entry-upload`), []string{fill("4321.5")}),
		waitJS(`(document.querySelector('#upload-error')||{textContent:'x'}).textContent === '' && (document.querySelector('#entry-list')||{textContent:''}).textContent.includes('浏览器模板上传')`))
	d.screenshot("69-template-upload")
	d.noConsoleErrors()
}

// fetchText fetches the URL a JS expression gives from the page: "status body".
func fetchText(t *testing.T, s *session, urlExpr string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(`+urlExpr+`).then(async r => r.status + ' ' + await r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetch: %v", err)
	}
	return out
}

// fetchBase64 fetches a URL from the page and answers its body in base64.
func fetchBase64(t *testing.T, s *session, urlExpr string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	js := `fetch(` + urlExpr + `).then(r => r.arrayBuffer()).then(b => { let s = ''; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); return btoa(s); })`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil || strings.TrimSpace(out) == "" {
		t.Fatalf("fetch: %v", err)
	}
	return out
}
