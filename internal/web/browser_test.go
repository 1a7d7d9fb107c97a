package web

// Browser tests: Debian's chromium, driven headless through chromedp, against
// a real `sishui demo` server with the Liaocheng demo data. They skip when
// /usr/bin/chromium is absent (CI installs it) or with -short, and save a
// screenshot of each page to <repo>/artifacts/screenshots/.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

const chromium = "/usr/bin/chromium"

func repoRoot(t testing.TB) string {
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package")
		}
		dir = parent
	}
}

// startDemo builds the sishui binary, runs `sishui demo` on a free port and
// returns the base URL of a server whose "/" is this package's dashboard.
func startDemo(t *testing.T) string {
	root := repoRoot(t)
	bin := filepath.Join(t.TempDir(), "sishui")
	build := exec.Command("go", "build", "-o", bin, "./cmd/sishui")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/sishui: %v\n%s", err, out)
	}
	ctx, cancel := context.WithCancel(context.Background())
	// Many sessions log in from one address within a minute here; with no
	// public notice a water-rights trade is decided the day it is made.
	cmd := exec.CommandContext(ctx, bin, "demo", "--http", "127.0.0.1:0", "--login-attempts", "1000", "--rights-notice-days", "0")
	cmd.Dir = t.TempDir()
	cmd.Stderr = io.Discard
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	urlc := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`sishui demo: open (http://\S+?)/?$`)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := re.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
				urlc <- m[1]
			}
		}
	}()
	var base string
	select {
	case base = <-urlc:
	case <-time.After(90 * time.Second):
		t.Fatal("sishui demo printed no URL within 90 s")
	}
	// Until the dashboard is wired into the server at "/", front the demo with
	// this package's handler and pass the API through.
	res, err := http.Get(base + "/")
	if err == nil {
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode == 200 && strings.Contains(string(b), `id="app"`) && strings.Contains(string(b), "/assets/") {
			return base
		}
	}
	t.Logf("the demo does not serve the dashboard at / yet; fronting %s with web.Handler", base)
	u, _ := url.Parse(base)
	proxy := httputil.NewSingleHostReverseProxy(u)
	proxy.FlushInterval = -1 // server-sent events
	mux := http.NewServeMux()
	mux.Handle("/api/", proxy)
	mux.Handle("/healthz", proxy)
	mux.Handle("/", Handler())
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

// session is one browser context (its own cookies) with a console watcher.
type session struct {
	t    *testing.T
	ctx  context.Context
	base string

	mu      sync.Mutex
	errors  []string // exceptions and console.error calls
	network []string // failed requests the browser logged (e.g. 401 from /api/v1/me)
}

type CSS = chromedp.CSS

func newBrowser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 768),
	}
	opts = append(opts, extra...) // later options win (e.g. a larger window)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return bctx
}

func newSession(t *testing.T, bctx context.Context, base string) *session {
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	s := &session{t: t, ctx: ctx, base: base}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			s.mu.Lock()
			switch {
			case m.IsException():
				s.errors = append(s.errors, m.String())
			case m.Type == chromedp.ConsoleError && m.Source == "network":
				s.network = append(s.network, m.Text+" "+m.URL)
			case m.Type == chromedp.ConsoleError:
				s.errors = append(s.errors, m.String()+" "+m.URL)
			}
			s.mu.Unlock()
		}
	}()
	return s
}

// do runs the steps with a deadline and stops the test on failure.
func (s *session) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		s.t.Fatalf("%s: %v", what, err)
	}
}

// try is do that reports and goes on, for steps that depend on endpoints
// other engineers are still building.
func (s *session) try(what string, steps ...chromedp.Action[chromedp.Void]) bool {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		s.t.Errorf("%s: %v", what, err)
		return false
	}
	return true
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](s *session, expr string) T {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		s.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitJS waits until the expression is truthy.
func waitJS(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(12*time.Second))(ctx, t)
		return err
	})
}

func (s *session) open(path string) {
	s.t.Helper()
	s.do("open "+path, chromedp.Navigate(s.base+path), chromedp.WaitVisible(CSS(`main h1`)))
}

// shotDir is where screenshots go: $SISHUI_SCREENSHOTS, by default
// <repo>/artifacts/screenshots.
func (s *session) shotDir() string {
	s.t.Helper()
	dir := os.Getenv("SISHUI_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(repoRoot(s.t), "artifacts", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		s.t.Fatal(err)
	}
	return dir
}

// keep writes an image the test took (for a failure's evidence) beside the
// screenshots.
func (s *session) keep(name string, img image.Image) {
	s.t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.shotDir(), name+".png"), buf.Bytes(), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *session) screenshot(name string) {
	s.t.Helper()
	dir := s.shotDir()
	ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
	defer cancel()
	_, _ = chromedp.Run(ctx, chromedp.Evaluate[any](`window.scrollTo(0, 0)`))
	_ = chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond)) // let charts finish their animation
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		s.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *session) login(user, pass string) {
	s.t.Helper()
	s.loginTo(user, pass, "")
}

// loginTo logs in and lands on next (the role's landing page for ""), so a
// test of one page does not wait for another.
func (s *session) loginTo(user, pass, next string) {
	s.t.Helper()
	q := ""
	if next != "" {
		q = "?next=" + url.QueryEscape(next)
	}
	s.do("log in as "+user,
		chromedp.Navigate(s.base+"/login"+q),
		chromedp.WaitVisible(CSS(`#username`)),
		chromedp.SendKeys(CSS(`#username`), user),
		chromedp.SendKeys(CSS(`#password`), pass),
		chromedp.Click(CSS(`#login-submit`)),
		chromedp.WaitVisible(CSS(`#logout`)),
	)
}

// set gives a form's field a value as typing does: the value, then an input
// event for the form's model.
func (s *session) set(form, name, value string) {
	s.t.Helper()
	eval[any](s, fmt.Sprintf(`(() => { const e = document.querySelector('%s [name=%q]'); e.value = %q; e.dispatchEvent(new Event('input', {bubbles: true})); })()`, form, name, value))
}

// text is the text content of the first element matching sel ("" when none).
func (s *session) text(sel string) string {
	s.t.Helper()
	return eval[string](s, fmt.Sprintf(`(document.querySelector(%q)||{textContent:''}).textContent`, sel))
}

// fieldError submits a form and waits for the server's message beside the field.
func (s *session) fieldError(submit, errSel, want string) {
	s.t.Helper()
	if !s.try("server error beside "+errSel, chromedp.Click(CSS(submit)), waitJS(fmt.Sprintf(`(document.querySelector(%q)||{textContent:''}).textContent.length > 0`, errSel))) {
		return
	}
	if msg := s.text(errSel); !strings.Contains(msg, want) {
		s.t.Errorf("%s says %q, want %q", errSel, msg, want)
	}
}

// pick opens the Element Plus select of a form's field and clicks the first
// option whose text contains text (the first option for "").
func (s *session) pick(form, field, text string) {
	s.t.Helper()
	const open = `[...document.querySelectorAll('.el-select-dropdown__item')].filter(e => e.offsetParent)`
	s.do("pick "+field,
		waitJS(open+`.length === 0`),
		chromedp.Click(CSS(form+` [data-field=`+field+`] .el-select__wrapper`)),
		waitJS(open+`.length > 0`))
	if !eval[bool](s, fmt.Sprintf(`(() => { const o = %s.find(e => e.textContent.includes(%q)); if (o) o.click(); return !!o; })()`, open, text)) {
		s.t.Fatalf("no option %q for %s", text, field)
	}
}

func (s *session) navLinks() map[string]bool {
	s.t.Helper()
	links := map[string]bool{}
	for _, l := range eval[[]string](s, `[...document.querySelectorAll('#nav a')].map(a => a.getAttribute('href'))`) {
		links[l] = true
	}
	return links
}

// noConsoleErrors fails on uncaught exceptions and console.error calls; failed
// requests are logged only (anonymous /api/v1/me answers 401 by design).
func (s *session) noConsoleErrors() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.errors {
		s.t.Errorf("browser console: %s", e)
	}
	for _, e := range s.network {
		s.t.Logf("browser network: %s", e)
	}
	s.errors, s.network = nil, nil
}

func dataset(sel, key string) string {
	return fmt.Sprintf(`(document.querySelector(%q)||{dataset:{}}).dataset[%q] || ''`, sel, key)
}

const mapRendered = `document.querySelector('#map') && document.querySelector('#map').dataset.rendered === '1'`

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("%s not installed (apt-get install chromium)", chromium)
	}
	base := startDemo(t)
	bctx := newBrowser(t)

	t.Run("public overview renders the map", func(t *testing.T) {
		s := newSession(t, bctx, base)
		s.open("/")
		s.do("map rendered", chromedp.WaitVisible(CSS(`#map canvas`)), waitJS(mapRendered))
		if got := eval[string](s, dataset("#map", "counties")); got != "8" {
			t.Errorf("map has %q counties, want 8", got)
		}
		links := s.navLinks()
		for _, l := range []string{"/registry", "/warnings", "/models"} {
			if links[l] {
				t.Errorf("anonymous navigation offers %s", l)
			}
		}
		s.screenshot("01-overview-public")
		s.do("switch to English", chromedp.Click(CSS(`#lang`)), chromedp.WaitVisible(CSS(`#map canvas`)), waitJS(mapRendered))
		if title := eval[string](s, `document.querySelector('main h1').textContent`); !strings.Contains(title, "City overview") {
			t.Errorf("English title %q", title)
		}
		if lang := eval[string](s, `document.documentElement.lang`); lang != "en" {
			t.Errorf("html lang %q after the toggle", lang)
		}
		s.screenshot("02-overview-public-en")
		s.do("back to Chinese", chromedp.Click(CSS(`#lang`)), chromedp.WaitVisible(CSS(`#map canvas`)))
		s.noConsoleErrors()
	})

	roles := []struct {
		user, pass string
		want       []string // navigation links that must be there
		wantNot    []string // and must not
	}{
		{"admin", "admin-demo", []string{"/", "/warnings", "/regions", "/registry", "/reports", "/models"}, nil},
		{"city", "city-demo", []string{"/", "/warnings", "/regions", "/registry", "/reports"}, nil},
		{"county", "county-demo", []string{"/", "/warnings", "/regions", "/registry"}, []string{"/models"}},
		{"enterprise", "enterprise-demo", []string{"/warnings"}, []string{"/", "/registry", "/regions", "/reports", "/models"}},
		{"auditor", "auditor-demo", []string{"/", "/warnings", "/reports"}, []string{"/registry"}},
	}
	for _, r := range roles {
		t.Run("login "+r.user, func(t *testing.T) {
			s := newSession(t, bctx, base)
			s.login(r.user, r.pass)
			links := s.navLinks()
			for _, w := range r.want {
				if !links[w] {
					t.Errorf("navigation lacks %s (has %v)", w, links)
				}
			}
			for _, w := range r.wantNot {
				if links[w] {
					t.Errorf("navigation offers %s to %s", w, r.user)
				}
			}
			if r.user == "enterprise" {
				s.try("enterprise landing", chromedp.WaitVisible(CSS(`#user-permits`)))
				if path := eval[string](s, `location.pathname`); !strings.HasPrefix(path, "/users/") {
					t.Errorf("enterprise landed on %s, want its own /users/{id}", path)
				}
			} else if s.try("map with counties", chromedp.WaitVisible(CSS(`#map canvas`)), waitJS(mapRendered)) {
				if n := eval[string](s, dataset("#map", "points")); n == "" || n == "0" {
					t.Errorf("%s sees no monitoring points on the map", r.user)
				}
				if n := eval[string](s, dataset("#map", "shaded")); n == "" || n == "0" {
					t.Errorf("%s sees no county shaded by use", r.user)
				}
				if r.user == "county" {
					if title := eval[string](s, `document.querySelector('main h1').textContent`); !strings.Contains(title, "东昌府区") {
						t.Errorf("county overview titled %q, want its own county 东昌府区", title)
					}
				}
			}
			s.screenshot("10-landing-" + r.user)
			s.noConsoleErrors()
		})
	}

	t.Run("large screen", func(t *testing.T) {
		s := newSession(t, bctx, base)
		s.login("city", "city-demo")
		pages := []struct{ path, wait, shot string }{
			{"/", `#map canvas`, "30-overview"},
			{"/regions/371502", `#region-permits`, "31-region"},
		}
		for _, size := range [][2]int64{{1366, 768}, {1920, 1080}, {2560, 1440}} {
			s.do("viewport", chromedp.EmulateViewport(size[0], size[1]))
			for _, p := range pages {
				s.open(p.path)
				s.try(p.path+" content", chromedp.WaitVisible(CSS(p.wait)))
				if p.path == "/" {
					s.try("map rendered", waitJS(mapRendered))
				}
				if over := eval[int](s, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
					t.Errorf("%s at %d×%d overflows sideways by %d px", p.path, size[0], size[1], over)
				}
				if size[0] > 1366 {
					s.screenshot(fmt.Sprintf("%s-%dx%d", p.shot, size[0], size[1]))
				}
			}
		}
		s.noConsoleErrors()
	})

	t.Run("admin works the new pages", func(t *testing.T) { testNewPages(t, bctx, base) })

	t.Run("city works the pages", func(t *testing.T) {
		s := newSession(t, bctx, base)
		s.login("city", "city-demo")

		// Warnings: acknowledge one with a comment.
		s.open("/warnings")
		s.do("alert list", chromedp.WaitVisible(CSS(`#alert-list`)))
		// Each row carries a marker with the alert's id and state.
		const firstAck = `(document.querySelector('#alerts form.ack')||{closest:()=>null}).closest('tr')`
		if s.try("a firing warning to acknowledge", chromedp.WaitVisible(CSS(`#alerts form.ack`))) {
			id := eval[string](s, firstAck+`.querySelector('.alert-row').dataset.alert`)
			sel := fmt.Sprintf(`#alerts .alert-row[data-alert=%q]`, id)
			// Type and click, as a person does (chromedp.Submit calls
			// form.submit(), which skips the submit event and navigates
			// away); again when a live update re-drew the row in between.
			acked := false
			for try := 0; try < 3 && !acked; try++ {
				eval[any](s, fmt.Sprintf(`(() => { const e = document.querySelector('#ack-%s'), b = document.querySelector('#ack-btn-%s'); if (!e || !b) return; e.value = '浏览器测试确认'; e.dispatchEvent(new Event('input', {bubbles: true})); b.click(); })()`, id, id))
				ctx, cancel := context.WithTimeout(s.ctx, 6*time.Second)
				acked = chromedp.Do(ctx, chromedp.WaitVisible(CSS(sel+`[data-state=acknowledged]`))) == nil
				cancel()
			}
			if !acked {
				t.Errorf("acknowledge warning %s: not shown acknowledged", id)
			} else {
				if row := eval[string](s, fmt.Sprintf(`document.querySelector('%s').closest('tr').textContent`, sel)); !strings.Contains(row, "浏览器测试确认") {
					t.Errorf("acknowledged warning %s does not show the comment: %q", id, row)
				}
			}
		}
		// Live updates: another person acknowledges a warning; the open list
		// follows over server-sent events without a reload.
		if other := eval[string](s, `((`+firstAck+`)||{querySelector:()=>({dataset:{}})}).querySelector('.alert-row').dataset.alert || ''`); other != "" {
			s.do("live indicator", chromedp.WaitVisible(CSS(`#live.on`)))
			eval[any](s, `window.__sishuiNoReload = true`)
			ackViaAPI(t, s.base, "admin", "admin-demo", other)
			sel := fmt.Sprintf(`#alerts .alert-row[data-alert=%q][data-state=acknowledged]`, other)
			s.try("warning "+other+" acknowledged elsewhere shows up live", chromedp.WaitVisible(CSS(sel)))
			if eval[any](s, `window.__sishuiNoReload`) != true {
				t.Error("the page reloaded instead of updating live")
			}
		} else {
			t.Error("no second firing warning to acknowledge over the API")
		}
		s.screenshot("20-warnings")

		// Region drill-down.
		s.open("/regions/371502")
		s.try("region permits", chromedp.WaitVisible(CSS(`#region-permits`)))
		s.screenshot("21-region")

		// A point page, reached from the region's point list.
		if href := eval[string](s, `(document.querySelector('#region-points a')||{}).getAttribute ? document.querySelector('#region-points a').getAttribute('href') : ''`); href != "" {
			s.open(href)
			s.try("point page", chromedp.WaitVisible(CSS(`#series-chart canvas`)), waitJS(`document.querySelector('#series-note').textContent !== ''`))
			if src := eval[string](s, dataset("#series-note", "source")); src != "raw" {
				t.Errorf("a week of the series came from %q, want raw samples", src)
			}
			// A year comes from the daily rollups, never as raw samples.
			s.open(href + "?days=365")
			if s.try("a year of daily volumes", waitJS(`(document.querySelector('#series-note')||{dataset:{}}).dataset.source === 'daily'`)) {
				if n := eval[string](s, dataset("#series-note", "n")); n == "" || n == "0" {
					t.Errorf("the year's series has %q days", n)
				}
			}
			s.screenshot("22-point")
		} else {
			t.Error("no point listed for 371502")
		}

		// Registry: a bad permit shows the server's message next to the field;
		// a good one is saved (or refused with its 限批 reason).
		s.open("/registry/permits")
		number := fmt.Sprintf("取水(测)字[%d]第%04d号", time.Now().Year(), time.Now().Nanosecond()%10000)
		s.do("open the permit form", chromedp.Click(CSS(`#new-permits`)), chromedp.WaitVisible(CSS(`#registry-form`)))
		set := func(name, value string) { s.set("#registry-form", name, value) }
		set("number", number)
		s.pick("#registry-form", "user_id", "")
		s.pick("#registry-form", "region", "371502")
		s.pick("#registry-form", "source", "")
		s.pick("#registry-form", "sector", "")
		set("annual_m3", "0")
		set("valid_from", "2026-01-01")
		set("valid_to", "2030-12-31")
		s.do("submit a permit with a zero volume", chromedp.Click(CSS(`#save`)), waitJS(`document.querySelector('#err-annual_m3').textContent.length > 0`))
		if msg := eval[string](s, `document.querySelector('#err-annual_m3').textContent`); !strings.Contains(msg, "positive") {
			t.Errorf("annual_m3 message %q", msg)
		}
		if inv := eval[string](s, `document.querySelector('#registry-form [name=annual_m3]').getAttribute('aria-invalid') || ''`); inv != "true" {
			t.Errorf("annual_m3 aria-invalid=%q", inv)
		}
		s.screenshot("23-registry-validation")
		set("annual_m3", "12000")
		s.do("save a good permit", chromedp.Click(CSS(`#save`)),
			waitJS(`document.querySelector('#registry-form') === null || document.querySelector('#form-error.refusal') !== null`))
		outcome := eval[string](s, `document.querySelector('#form-error.refusal') ? 'refused: ' + document.querySelector('#form-error').textContent : 'saved'`)
		t.Logf("good permit: %s", outcome)
		if outcome == "saved" {
			s.open("/registry/permits?q=" + url.QueryEscape(number))
			s.do("permit listed", chromedp.WaitVisible(CSS(`#list-permits`)))
			if list := eval[string](s, `document.querySelector('#list-permits').textContent`); !strings.Contains(list, number) {
				t.Errorf("new permit %s not in the list", number)
			}
		}
		s.screenshot("24-registry")

		// Reports: preview and download a CSV.
		dl := t.TempDir()
		s.open("/reports")
		s.do("allow downloads", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior:         browser.SetDownloadBehaviorBehaviorAllowAndName,
				BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
				DownloadPath:     dl,
				EventsEnabled:    new(true),
			})
			return err
		}))
		s.try("report preview", chromedp.WaitVisible(CSS(`#report-preview table, #report-preview dl`)))
		s.screenshot("25-reports")
		progress := chromedp.BrowserEvents(s.ctx, browser.DownloadProgress)
		s.do("download CSV", chromedp.Click(CSS(`#dl-csv`)))
		done := make(chan string, 1)
		go func() {
			for ev, err := range progress {
				if err != nil {
					return
				}
				if ev.State == browser.DownloadProgressStateCompleted {
					done <- ev.GUID
					return
				}
				if ev.State == browser.DownloadProgressStateCanceled {
					done <- ""
					return
				}
			}
		}()
		select {
		case guid := <-done:
			fi, err := os.Stat(filepath.Join(dl, guid))
			switch {
			case guid == "":
				t.Error("CSV download was cancelled")
			case err != nil:
				t.Errorf("downloaded file: %v", err)
			case fi.Size() == 0:
				t.Error("downloaded CSV is empty")
			}
		case <-time.After(15 * time.Second):
			t.Error("CSV report did not download within 15 s")
		}

		// Models.
		s.open("/models")
		s.do("run the model", chromedp.Click(CSS(`#run-model`)))
		s.try("allocation table", chromedp.WaitVisible(CSS(`#model-periods`)))
		s.screenshot("26-models")

		s.do("log out", chromedp.Click(CSS(`#logout`)), chromedp.WaitVisible(CSS(`#who a[href="/login"]`)))
		s.open("/login")
		s.screenshot("27-login")
		s.noConsoleErrors()
	})
	t.Run("permits as a process", func(t *testing.T) { testPermitPages(t, bctx, base) })
	t.Run("password and second factor", func(t *testing.T) { testPasswordPages(t, bctx, base) })
	t.Run("dispatch and 3D", func(t *testing.T) { testTwinPages(t, bctx, base) })
	t.Run("national link and terminal commands", func(t *testing.T) { testTerminalPages(t, bctx, base) })
	// Last, so what it changes (reports, budgets, bills) cannot disturb the pages above.
	t.Run("plan, rights and bills", func(t *testing.T) { testOpsPages(t, bctx, base) })
	t.Run("billing actions", func(t *testing.T) { testBillingActions(t, bctx, base) })
	t.Run("billing forms", func(t *testing.T) { testBillingForms(t, bctx, base) })
	t.Run("account plans and declared outputs", func(t *testing.T) { testPlansAndOutputs(t, bctx, base) })
	t.Run("scenario workspace", func(t *testing.T) { testScenarioPages(t, bctx, base) })
}

// ackViaAPI logs in over HTTP and acknowledges alert id, as another person
// at another desk would.
func ackViaAPI(t *testing.T, base, user, pass, id string) {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	res, err := c.Post(base+"/api/v1/login", "application/json", strings.NewReader(fmt.Sprintf(`{"username":%q,"password":%q}`, user, pass)))
	if err != nil {
		t.Fatal(err)
	}
	var me struct {
		CSRF string `json:"csrf"`
	}
	err = json.NewDecoder(res.Body).Decode(&me)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("log in as %s: status %d, %v", user, res.StatusCode, err)
	}
	req, err := http.NewRequest("POST", base+"/api/v1/alerts/"+id+"/ack", strings.NewReader(`{"comment":"另一处确认"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", me.CSRF)
	res, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("acknowledge %s as %s: %d %s", id, user, res.StatusCode, b)
	}
}

// TestBrowser's pages added with the Vue front end: statistics, caps and
// targets; a point's review and meter; accounts and tokens; the audit log; the
// raw-frame inspector. Each form shows a server-side validation error beside
// its field, then saves. One demo and one browser serve every step.
func testNewPages(t *testing.T, bctx context.Context, base string) {
	s := newSession(t, bctx, base)
	s.login("admin", "admin-demo")
	year := time.Now().Year()

	// Caps: a zero cap is refused beside the field; a good one is saved and
	// shows who changed it (from the audit log).
	// Next year's cap: this year's would change the 限批 the permit test meets.
	s.open(fmt.Sprintf("/plan/caps?region=371502&year=%d", year+1))
	s.do("caps", chromedp.WaitVisible(CSS(`#plan-caps`)), chromedp.Click(CSS(`#plan-new`)), chromedp.WaitVisible(CSS(`#plan-form`)))
	s.set("#plan-form", "total_m3", "0")
	s.fieldError("#save", "#err-total_m3", "positive")
	s.screenshot("50-plan-caps-validation")
	s.set("#plan-form", "total_m3", "98765432")
	s.set("#plan-form", "groundwater_m3", "1000000")
	if !s.try("save a cap", chromedp.Click(CSS(`#save`)), waitJS(`document.querySelector('#plan-form') === null && (document.querySelector('#plan-caps')||{textContent:''}).textContent.includes('admin')`)) {
		t.Logf("cap form says %q", s.text("#form-error"))
	}
	s.screenshot("51-plan-caps")
	// Statistics: a negative value is refused beside the field.
	s.open(fmt.Sprintf("/plan/statistics?region=371502&year=%d", year))
	s.do("statistics", chromedp.WaitVisible(CSS(`#plan-statistics`)), chromedp.Click(CSS(`#plan-new`)), chromedp.WaitVisible(CSS(`#plan-form`)))
	s.pick("#plan-form", "metric", "")
	s.set("#plan-form", "value", "-1")
	s.fieldError("#save", "#err-value", "non-negative")
	s.set("#plan-form", "value", "1234.5")
	s.try("save a statistic", chromedp.Click(CSS(`#save`)), waitJS(`document.querySelector('#plan-form') === null`))
	s.screenshot("52-plan-statistics")
	s.open(fmt.Sprintf("/plan/targets?region=371500&year=%d", year))
	s.try("targets", chromedp.WaitVisible(CSS(`#plan-targets .el-table__row`)))
	s.screenshot("53-plan-targets")

	// A point with data: the review page draws raw and corrected series.
	id, err := chromedp.Run(s.ctx, chromedp.Evaluate[float64](`fetch('/api/v1/points?region=371502&kind=withdrawal&limit=1').then(r => r.json()).then(v => (v.items && v.items[0] || {}).id || 0)`, chromedp.EvalAwaitPromise))
	if err != nil || id == 0 {
		t.Fatalf("no withdrawal point in 371502 (%v)", err)
	}
	pt := fmt.Sprintf("/points/%d", int64(id))
	s.open(pt + "/review")
	s.try("review chart", chromedp.WaitVisible(CSS(`#review-chart canvas`)), chromedp.WaitVisible(CSS(`#review-form`)))
	if n := eval[string](s, dataset("#review-note", "raw")); n == "" || n == "0" {
		t.Errorf("review page drew %q raw samples", n)
	}
	// A correction needs its reason.
	now := time.Now().In(time.FixedZone("CST", 8*3600))
	s.set("#review-form", "time", now.Add(-time.Hour).Format("2006-01-02T15:04"))
	s.set("#review-form", "value", "1")
	s.fieldError("#review-save", "#err-reason", "required")
	s.screenshot("54-review-validation")
	// Gap filling refuses a period that ends before it starts.
	s.do("fill form", chromedp.Click(CSS(`#review-which label:nth-child(2)`)), waitJS(`!!document.querySelector('#review-form [name=max_gap_seconds]')`))
	s.set("#review-form", "from", now.Add(-2*time.Hour).Format("2006-01-02T15:04"))
	s.set("#review-form", "to", now.Add(-3*time.Hour).Format("2006-01-02T15:04"))
	s.set("#review-form", "reason", "浏览器测试")
	s.fieldError("#review-save", "#err-to", "before")
	// Approving a past day locks it and lists it.
	s.do("approval form", chromedp.Click(CSS(`#review-which label:nth-child(3)`)), waitJS(`!!document.querySelector('#review-form [name=note]')`))
	s.set("#review-form", "from", now.Add(-50*time.Hour).Format("2006-01-02T15:04"))
	s.set("#review-form", "to", now.Add(-51*time.Hour).Format("2006-01-02T15:04"))
	s.fieldError("#review-save", "#err-to", "before")
	s.set("#review-form", "to", now.Add(-26*time.Hour).Format("2006-01-02T15:04"))
	s.set("#review-form", "note", "浏览器测试审定")
	s.try("approve a period", chromedp.Click(CSS(`#review-save`)), waitJS(`(document.querySelector('#approvals')||{textContent:''}).textContent.includes('admin')`))
	s.screenshot("55-review")

	// Meter events and 以电折水 coefficients of a farm well metered by electricity.
	well, err := chromedp.Run(s.ctx, chromedp.Evaluate[float64](`fetch('/api/v1/points?kind=electricity&limit=1').then(r => r.json()).then(v => (v.items && v.items[0] || {}).id || 0)`, chromedp.EvalAwaitPromise))
	if err != nil || well == 0 {
		t.Fatalf("no electricity-metered well (%v)", err)
	}
	s.open(fmt.Sprintf("/points/%d/meter", int64(well)))
	s.do("meter page", chromedp.WaitVisible(CSS(`#coef-form`)))
	s.set("#event-form", "final_reading", "10")
	s.fieldError("#event-save", "#err-ev-time", "required")
	s.set("#coef-form", "valid_from", fmt.Sprintf("%d-01-01", year))
	s.set("#coef-form", "m3_per_kwh", "0")
	s.set("#coef-form", "source", "浏览器测试率定")
	s.fieldError("#coef-save", "#err-co-m3_per_kwh", "positive")
	s.set("#coef-form", "m3_per_kwh", "0.93")
	s.try("save a coefficient", chromedp.Click(CSS(`#coef-save`)), waitJS(`(document.querySelector('#coefficients')||{textContent:''}).textContent.includes('浏览器测试率定')`))
	s.screenshot("56-meter")

	// Accounts and tokens.
	s.open("/accounts")
	s.do("accounts", chromedp.WaitVisible(CSS(`#account-list`)), chromedp.WaitVisible(CSS(`#token-form`)))
	s.set("#account-form", "username", "Bad Name!")
	s.set("#account-form", "password", "a-long-enough-password")
	s.pick("#account-form", "role", "")
	s.fieldError("#account-save", "#err-ac-username", "characters")
	s.set("#token-form", "name", "浏览器测试令牌")
	s.set("#token-form", "expires_in_days", "5000")
	s.fieldError("#token-save", "#err-tk-expires_in_days", "1095")
	s.set("#token-form", "expires_in_days", "30")
	s.try("create a token", chromedp.Click(CSS(`#token-save`)), chromedp.WaitVisible(CSS(`#token-secret code`)))
	s.screenshot("57-accounts")

	// The audit log, filtered on the server by entity.
	s.open("/audit?entity=cap")
	if s.try("audit list", chromedp.WaitVisible(CSS(`#audit-list .el-table__row`))) {
		if txt := s.text("#audit-list"); !strings.Contains(txt, "371502/") {
			t.Errorf("the audit log filtered by cap does not show the cap just saved: %.200q", txt)
		}
	}
	s.screenshot("58-audit")

	// The raw-frame inspector: a frame's hex beside its record.
	s.open("/frames")
	if s.try("frame list", chromedp.WaitVisible(CSS(`#frame-list .el-table__row`)), waitJS(`!document.querySelector('#frame-list .el-loading-mask')`), chromedp.Click(CSS(`#frame-list .el-table__row td`)), chromedp.WaitVisible(CSS(`#frame-json`))) {
		if js := s.text("#frame-json"); !strings.Contains(js, `"protocol"`) {
			t.Errorf("frame detail %q", js)
		}
		// The decoded fields beside the hex (or the decode error).
		s.try("decoded frame", waitJS(`document.querySelectorAll('#frame-decoded .el-table__row').length > 0 || !!document.querySelector('#frame-decoded .error')`))
	}
	s.screenshot("59-frames")
	s.noConsoleErrors()
}
