package ingest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/meter"
	"github.com/sishui/sishui/internal/quality"
)

func TestHandler(t *testing.T) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointRain, 1)[0]
	ing := newIngester(t, s, ingest.Config{})
	h := ingest.Handler(ing)
	good := fmt.Sprintf(`{"observations":[
		{"point":%d,"metric":"rain_mm","time":"2026-03-01T08:00:00+08:00","value":1.5},
		{"code":%q,"metric":"rain_mm","time":"2026-03-01T01:00:00Z","value":150},
		{"point":%[1]d,"metric":"snow_mm","time":"2026-03-01T02:00:00Z","value":1}]}`, p.ID, p.Code)
	for _, tc := range []struct {
		name   string
		method string
		body   string
		actor  *sishui.Actor
		status int
		field  string
		want   string // in the body
	}{
		{name: "good", body: good, status: 200, want: `"accepted":2,"duplicates":0,"rejected":1`},
		{name: "resend", body: good, status: 200, want: `"accepted":0,"duplicates":2,"rejected":1`},
		{name: "flags and reasons", body: good, status: 200, want: `{"status":"duplicate","point":` + fmt.Sprint(p.ID) + `,"flags":["soft_range"]},{"status":"rejected","flags":[],"reason":"unknown metric \"snow_mm\""}`},
		{name: "not json", body: `{`, status: 400, field: "observations"},
		{name: "no observations", body: `{}`, status: 400, field: "observations"},
		{name: "unknown top field", body: `{"observations":[],"x":1}`, status: 400, field: "observations"},
		{name: "bad time", body: `{"observations":[{"point":1,"metric":"rain_mm","time":"2026-03-01T08:00:00+08:00","value":1},{"point":1,"metric":"rain_mm","time":"2026-03-01 08:00","value":1}]}`, status: 400, field: "observations[1].time"},
		{name: "time a number", body: `{"observations":[{"point":1,"metric":"rain_mm","time":5,"value":1}]}`, status: 400, field: "observations[0].time"},
		{name: "value a string", body: `{"observations":[{"point":1,"metric":"rain_mm","time":"2026-03-01T08:00:00Z","value":"1"}]}`, status: 400, field: "observations[0].value"},
		{name: "value missing", body: `{"observations":[{"point":1,"metric":"rain_mm","time":"2026-03-01T08:00:00Z"}]}`, status: 400, field: "observations[0].value"},
		{name: "no point", body: `{"observations":[{"metric":"rain_mm","time":"2026-03-01T08:00:00Z","value":1}]}`, status: 400, field: "observations[0].point"},
		{name: "point and code", body: `{"observations":[{"point":1,"code":"AB","metric":"rain_mm","time":"2026-03-01T08:00:00Z","value":1}]}`, status: 400, field: "observations[0].code"},
		{name: "negative point", body: `{"observations":[{"point":-1,"metric":"rain_mm","time":"2026-03-01T08:00:00Z","value":1}]}`, status: 400, field: "observations[0].point"},
		{name: "unknown field", body: `{"observations":[{"point":1,"metric":"rain_mm","time":"2026-03-01T08:00:00Z","value":1,"unit":"mm"}]}`, status: 400, field: "observations[0]"},
		{name: "too large", body: `{"observations":[` + strings.Repeat(" ", ingest.MaxBodyBytes) + `]}`, status: 413},
		{name: "forbidden", body: good, actor: &sishui.Actor{Username: "e", Role: sishui.RoleEnterprise}, status: 403},
		{name: "wrong method", method: "GET", status: 405},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.method
			if m == "" {
				m = "POST"
			}
			req := httptest.NewRequest(m, "/api/v1/observations", strings.NewReader(tc.body))
			if tc.actor != nil {
				req = req.WithContext(sishui.WithActor(req.Context(), tc.actor))
			}
			w := httptest.NewRecorder()
			h(w, req)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.status, w.Body)
			}
			if tc.field != "" {
				var e struct {
					Error struct{ Field string }
				}
				if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Field != tc.field {
					t.Fatalf("field %q, want %q: %s", e.Error.Field, tc.field, w.Body)
				}
			}
			if tc.want != "" && !strings.Contains(w.Body.String(), tc.want) {
				t.Fatalf("body %s lacks %s", w.Body, tc.want)
			}
		})
	}
	if n := count(t, s, p.ID, sishui.MetricRainMM); n != 2 {
		t.Fatalf("stored %d", n)
	}
}

func TestIntervalVolumes(t *testing.T) {
	s := newSQLite(t)
	ctx := context.Background()
	well := newPoints(t, s, sishui.PointWell, 1)[0]
	farm := newPoints(t, s, sishui.PointElectricity, 1)[0]
	ing := newIngester(t, s, ingest.Config{})
	// Hourly cumulative readings: volume +10 m³/h; energy +2 kWh/h; one bad reading.
	var obs []ingest.Observation
	for h := 0; h <= 24; h++ {
		at := base.Add(time.Duration(h) * time.Hour)
		obs = append(obs, ingest.Observation{Point: well.ID, Metric: "volume_m3", Time: at, Value: 1000 + 10*float64(h)})
		e := 500 + 2*float64(h)
		if h == 12 {
			e = -5 // hard_range: skipped
		}
		obs = append(obs, ingest.Observation{Point: farm.ID, Metric: "energy_kwh", Time: at, Value: e})
	}
	if _, err := ing.Submit(ctx, obs); err != nil {
		t.Fatal(err)
	}
	coeffs := []meter.Coefficient{{From: base.AddDate(-1, 0, 0), M3PerKWh: 3}}
	for _, tc := range []struct {
		name      string
		p         *sishui.Point
		from, to  time.Time
		opts      ingest.VolumeOptions
		total     float64
		n         int
		flagsAll  quality.Flag // every interval has these
		flagsAny  quality.Flag // some interval has these
		wantError bool
	}{
		{name: "whole day", p: well, from: base, to: base.Add(24 * time.Hour), total: 240, n: 24},
		{name: "half-hour edges are prorated", p: well, from: base.Add(30 * time.Minute), to: base.Add(150 * time.Minute), total: 20, n: 3},
		{name: "electricity converted and estimated", p: farm, from: base, to: base.Add(24 * time.Hour), opts: ingest.VolumeOptions{Coefficients: coeffs}, total: 48 * 3, n: 23, flagsAll: quality.FlagEstimated, flagsAny: quality.FlagHardRange},
		{name: "electricity without coefficients", p: farm, from: base, to: base.Add(time.Hour), wantError: true},
		{name: "empty period", p: well, from: base, to: base, n: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ivs, err := ingest.IntervalVolumes(ctx, s, tc.p, tc.from, tc.to, tc.opts)
			if tc.wantError {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(ivs) != tc.n || meter.TotalM3(ivs) != tc.total {
				t.Fatalf("%d intervals, %g m³; want %d, %g: %+v", len(ivs), meter.TotalM3(ivs), tc.n, tc.total, ivs)
			}
			var any quality.Flag
			for _, iv := range ivs {
				if !iv.Flags.Has(tc.flagsAll) || iv.Start.Before(tc.from) || iv.End.After(tc.to) {
					t.Fatalf("interval %+v", iv)
				}
				any |= iv.Flags
			}
			if !any.Has(tc.flagsAny) {
				t.Fatalf("flags %s lack %s", any, tc.flagsAny)
			}
			samples := ingest.VolumeSamples(tc.p.ID, ivs)
			if len(samples) != len(ivs) || (len(ivs) > 0 && samples[0].Metric != sishui.MetricIntervalM3) {
				t.Fatalf("samples %+v", samples)
			}
		})
	}
}

// TestHandlerBusy: when the store is slow and the committer's queue stays
// full, the handler answers 503 with Retry-After and stores nothing of that
// request; the waiting submitters finish once the store recovers.
func TestHandlerBusy(t *testing.T) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointRain, 1)[0]
	release := make(chan struct{})
	entered := make(chan struct{}, 1)
	slow := &countingStore{Store: s, hook: func(int) {
		select {
		case entered <- struct{}{}:
		default:
		}
		<-release
	}}
	ing := newIngester(t, slow, ingest.Config{QueueLen: 1, BusyAfter: 20 * time.Millisecond, MaxDelay: time.Millisecond})
	h := ingest.Handler(ing)
	body := func(minute int) string {
		return fmt.Sprintf(`{"observations":[{"point":%d,"metric":"rain_mm","time":"2026-03-01T00:%02d:00Z","value":1}]}`, p.ID, minute)
	}
	post := func(minute int) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h(w, httptest.NewRequest("POST", "/api/v1/observations", strings.NewReader(body(minute))))
		return w
	}
	first := make(chan int, 1)
	go func() { first <- post(1).Code }() // held in the store
	<-entered
	// Of two more, one waits in the queue (length 1), the other is refused.
	type reply struct {
		code  int
		retry string
	}
	more := make(chan reply, 2)
	for m := 2; m <= 3; m++ {
		go func() { w := post(m); more <- reply{w.Code, w.Header().Get("Retry-After")} }()
	}
	refused := <-more
	if refused.code != 503 || refused.retry == "" {
		t.Fatalf("busy: %+v, want 503 with Retry-After", refused)
	}
	close(release)
	if c := <-first; c != 200 {
		t.Fatalf("first submitter got %d", c)
	}
	if r := <-more; r.code != 200 {
		t.Fatalf("queued submitter got %+v", r)
	}
	if st := ing.Stats(); st.Busy == 0 {
		t.Fatalf("stats %+v", st)
	}
}
