package web

// The overview's data at city scale: a store with the Liaocheng registry plus
// many monitoring points, served through the accounting routes, to measure
// what the map fetches (issue 8: "loads fast with 10k points").

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/alerting"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/cityfile"
	"github.com/sishui/sishui/internal/sqlite"
)

var loadNow = time.Date(2026, 6, 15, 4, 0, 0, 0, time.UTC)

var countyCodes = []string{"371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581"}

// scaleHandler returns the accounting routes over a store holding the city
// file and n extra points (groundwater wells and rain gauges, no permit
// needed) spread over the counties: 70 % reported ten minutes ago, 10 % five
// hours ago (late), the rest never (offline). Every request acts as city staff.
func scaleHandler(tb testing.TB, n int) http.Handler {
	tb.Helper()
	st, svc := scaleStore(tb, n)
	mux := http.NewServeMux()
	for _, rt := range scaleRoutes(tb, st, svc) {
		mux.HandleFunc(rt.Method+" "+rt.Path, func(w http.ResponseWriter, r *http.Request) {
			actor := &sishui.Actor{Username: "city", Role: sishui.RoleCity}
			if err := rt.Handler(w, r.WithContext(sishui.WithActor(r.Context(), actor))); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
			}
		})
	}
	return mux
}

// scaleStore is the store and accounting service behind scaleHandler.
func scaleStore(tb testing.TB, n int) (*sqlite.DB, *accounting.Service) {
	tb.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "scale.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if _, err := cityfile.Load(ctx, liaocheng.FS, st); err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(8, 10000))
	var samples []sishui.Sample
	tb.Logf("adding %d points", n)
	for i := range n {
		kind := sishui.PointWell
		if i%5 == 0 {
			kind = sishui.PointRain
		}
		p := &sishui.Point{Code: fmt.Sprintf("F%09X", i), Name: fmt.Sprintf("测试点%05d", i), Kind: kind, Protocol: sishui.ProtocolSL651,
			Region: countyCodes[i%len(countyCodes)], Lon: 115.5 + rng.Float64()*0.9, Lat: 36.0 + rng.Float64()*0.8,
			Multiplier: 1, IntervalSeconds: 3600}
		if err := st.CreatePoint(ctx, p); err != nil {
			tb.Fatalf("point %d: %v", i, err)
		}
		var at time.Time
		switch r := i % 10; {
		case r < 7:
			at = loadNow.Add(-10 * time.Minute)
		case r == 7:
			at = loadNow.Add(-5 * time.Hour)
		}
		if !at.IsZero() {
			samples = append(samples, sishui.Sample{Point: p.ID, Metric: sishui.MetricLevelM, Time: at, Value: 12.5})
		}
	}
	if _, err := st.AppendSamples(ctx, samples); err != nil {
		tb.Fatal(err)
	}
	svc, err := accounting.New(st, accounting.Config{Now: func() time.Time { return loadNow }})
	if err != nil {
		tb.Fatal(err)
	}
	return st, svc
}

// scaleRoutes are the accounting and alert routes over scaleStore's store.
func scaleRoutes(tb testing.TB, st *sqlite.DB, svc *accounting.Service) []api.Route {
	tb.Helper()
	alerts, err := alerting.New(st, svc, alerting.Config{Now: func() time.Time { return loadNow }})
	if err != nil {
		tb.Fatal(err)
	}
	return append(api.AccountingRoutes(svc), api.AlertRoutes(alerts)...)
}

func get(tb testing.TB, h http.Handler, path string) []byte {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	if rec.Code != http.StatusOK {
		tb.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body.Bytes())
	}
	return rec.Body.Bytes()
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Len()
}

// compactStatus mirrors GET /api/v1/points/status?format=compact.
type compactStatus struct {
	Statuses []string  `json:"statuses"`
	ID       []int64   `json:"id"`
	Lon      []float64 `json:"lon"`
	Lat      []float64 `json:"lat"`
	Status   []int     `json:"status"`
	Counts   []struct {
		Region string `json:"region"`
		Counts []int  `json:"counts"`
	} `json:"counts"`
}

// TestPointsStatusCompact checks that the compact point status the map uses
// says the same as the full list, in a fraction of the bytes.
func TestPointsStatusCompact(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the city file")
	}
	h := scaleHandler(t, 1000)
	var full []accounting.PointStatus
	fullBody := get(t, h, "/api/v1/points/status")
	if err := json.Unmarshal(fullBody, &full); err != nil {
		t.Fatal(err)
	}
	compactBody := get(t, h, "/api/v1/points/status?format=compact")
	var c compactStatus
	if err := json.Unmarshal(compactBody, &c); err != nil {
		t.Fatal(err)
	}
	if len(full) < 1000 {
		t.Fatalf("full list has %d points, want at least the 1000 added", len(full))
	}
	for name, n := range map[string]int{"id": len(c.ID), "lon": len(c.Lon), "lat": len(c.Lat), "status": len(c.Status)} {
		if n != len(full) {
			t.Errorf("compact %s has %d entries, want %d", name, n, len(full))
		}
	}
	if t.Failed() {
		return
	}
	perRegion := map[string][]int{}
	for i, p := range full {
		if c.ID[i] != p.ID {
			t.Fatalf("entry %d: id %d, want %d", i, c.ID[i], p.ID)
		}
		if s := c.Status[i]; s < 0 || s >= len(c.Statuses) || c.Statuses[s] != p.Status {
			t.Errorf("point %d: status code %d, want %q (statuses %v)", p.ID, s, p.Status, c.Statuses)
		}
		if d := c.Lon[i] - p.Lon; d > 1e-5 || d < -1e-5 {
			t.Errorf("point %d: lon %v, want %v", p.ID, c.Lon[i], p.Lon)
		}
		if d := c.Lat[i] - p.Lat; d > 1e-5 || d < -1e-5 {
			t.Errorf("point %d: lat %v, want %v", p.ID, c.Lat[i], p.Lat)
		}
		if perRegion[p.Region] == nil {
			perRegion[p.Region] = make([]int, len(c.Statuses))
		}
		perRegion[p.Region][c.Status[i]]++
	}
	if len(c.Counts) != len(perRegion) {
		t.Errorf("counts for %d regions, want %d", len(c.Counts), len(perRegion))
	}
	for _, rc := range c.Counts {
		if fmt.Sprint(rc.Counts) != fmt.Sprint(perRegion[rc.Region]) {
			t.Errorf("region %s counts %v, want %v", rc.Region, rc.Counts, perRegion[rc.Region])
		}
	}
	if len(compactBody)*3 > len(fullBody) {
		t.Errorf("compact body %d bytes is not under a third of the full %d", len(compactBody), len(fullBody))
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/points/status?format=xml", nil))
	if rec.Code == http.StatusOK {
		t.Errorf("format=xml answered 200 %.80s", rec.Body.Bytes())
	}
	t.Logf("%d points: full %d B (gzip %d), compact %d B (gzip %d)", len(full), len(fullBody), gzipSize(fullBody), len(compactBody), gzipSize(compactBody))
}

// BenchmarkOverviewAt10k times what the overview page fetches with 10,000
// extra points, and reports each response's bytes (raw and gzipped).
func BenchmarkOverviewAt10k(b *testing.B) {
	h := scaleHandler(b, 10000)
	for _, path := range []string{"/api/v1/overview", "/api/v1/points/status", "/api/v1/points/status?format=compact", "/api/v1/indicators"} {
		b.Run(path, func(b *testing.B) {
			var body []byte
			for b.Loop() {
				body = get(b, h, path)
			}
			b.ReportMetric(float64(len(body)), "bytes/resp")
			b.ReportMetric(float64(gzipSize(body)), "gzbytes/resp")
		})
	}
}
