package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/auth"
)

// TestBrowserAt10k opens the overview as city staff over a store with 10,000
// extra monitoring points and reports what the map costs: the bytes and time
// of the point-status fetch and the time to the first drawn map. It asserts
// only that every point is drawn (speed is reported, not asserted).
func TestBrowserAt10k(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("%s not installed (apt-get install chromium)", chromium)
	}
	st, svc := scaleStore(t, 10000)
	as := &auth.Service{Store: st}
	hash, err := as.HashPassword("city-scale")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateAccount(context.Background(), &sishui.Account{Username: "city", Role: sishui.RoleCity, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	srv := &api.Server{Store: st, Auth: as, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Extra: scaleRoutes(t, st, svc), Fallback: Handler()}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	s := newSession(t, newBrowser(t), ts.URL)
	s.login("city", "city-scale")
	if !s.try("map with 10k points",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(CSS(`#map canvas`)), waitJS(`!!(`+mapRendered+` && document.querySelector("#map").dataset.drawMs)`)) {
		s.screenshot("40-overview-10k-points-failed")
		t.Logf("requests: %s", eval[string](s, `JSON.stringify(performance.getEntriesByType('resource').map(e => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.responseEnd)]))`))
		t.Fatalf("map dataset %v; %s", eval[map[string]string](s, `Object.assign({}, (document.querySelector('#map')||{dataset:{}}).dataset)`), s.text("main"))
	}
	n := eval[string](s, dataset("#map", "points"))
	if drawn, err := strconv.Atoi(n); err != nil || drawn < 10000 {
		t.Errorf("map drew %q points, want at least 10000", n)
	}
	summary := eval[string](s, `document.querySelector('#point-count').textContent`)
	type res struct {
		Name     string  `json:"name"`
		Bytes    float64 `json:"bytes"`
		Transfer float64 `json:"transfer"`
		Ms       float64 `json:"ms"`
	}
	for _, r := range eval[[]res](s, `performance.getEntriesByType('resource').filter(e => e.name.includes('/api/v1/')).map(e => ({name: e.name.replace(location.origin, ''), bytes: e.decodedBodySize, transfer: e.transferSize, ms: Math.round(e.duration)}))`) {
		t.Logf("fetch %-60s %8.0f B (%8.0f on the wire) %5.0f ms", r.Name, r.Bytes, r.Transfer, r.Ms)
	}
	t.Logf("map: %s points drawn in %s ms (setOption to finished); rendered %s ms after navigation start; %s",
		n, eval[string](s, dataset("#map", "drawMs")), eval[string](s, dataset("#map", "renderedAt")), summary)
	s.screenshot("40-overview-10k-points")
	s.noConsoleErrors()
}
