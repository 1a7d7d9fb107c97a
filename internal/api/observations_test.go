package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/ingest"
)

// observationsServer serves the fixture's store with an ingester in front.
func observationsServer(t *testing.T, f *fixture, st ingest.Store, cfg ingest.Config) (*httptest.Server, *ingest.Ingester) {
	t.Helper()
	cfg.Now = func() time.Time { return time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC) }
	ing := ingest.New(st, cfg)
	s := &api.Server{Store: f.st, Auth: f.api.Auth, Version: "test", Ingest: ing}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(func() { srv.Close(); ing.Close() })
	return srv, ing
}

func postAs(t *testing.T, srv *httptest.Server, token, body string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", srv.URL+"/api/v1/observations", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// TestObservations: POST /api/v1/observations through the one error table:
// per-item results, 400 naming the field, 403, 401.
func TestObservations(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	pts, _, err := f.st.ListPoints(ctx, sishui.PointFilter{Region: "371502", Page: sishui.Page{Limit: 1}})
	if err != nil || len(pts) == 0 {
		t.Fatal("no point", err)
	}
	p := pts[0]
	srv, _ := observationsServer(t, f, f.st, ingest.Config{})
	good := fmt.Sprintf(`{"observations":[
		{"point":%d,"metric":"level_m","time":"2026-03-01T08:00:00+08:00","value":1.5},
		{"code":%q,"protocol":%q,"metric":"level_m","time":"2026-03-01T01:00:00Z","value":1.6},
		{"point":%[1]d,"metric":"snow_mm","time":"2026-03-01T02:00:00Z","value":1}]}`, p.ID, p.Code, p.Protocol)
	for _, tc := range []struct {
		name   string
		role   string
		body   string
		status int
		field  string
		want   string
	}{
		{name: "good", role: "city", body: good, status: 200, want: `"accepted":2,"duplicates":0,"rejected":1`},
		{name: "resend", role: "city", body: good, status: 200, want: `"accepted":0,"duplicates":2,"rejected":1`},
		{name: "reason", role: "city", body: good, status: 200, want: `"reason":"unknown metric \"snow_mm\""`},
		{name: "not json", role: "city", body: `{`, status: 400, field: "observations"},
		{name: "no observations", role: "city", body: `{}`, status: 400, field: "observations"},
		{name: "bad time", role: "city", body: `{"observations":[{"point":1,"metric":"level_m","time":"2026-03-01 08:00","value":1}]}`, status: 400, field: "observations[0].time"},
		{name: "value a string", role: "city", body: `{"observations":[{"point":1,"metric":"level_m","time":"2026-03-01T08:00:00Z","value":"1"}]}`, status: 400, field: "observations[0].value"},
		{name: "point and code", role: "city", body: `{"observations":[{"point":1,"code":"AB","metric":"level_m","time":"2026-03-01T08:00:00Z","value":1}]}`, status: 400, field: "observations[0].code"},
		{name: "too large", role: "city", body: `{"observations":[` + strings.Repeat(" ", ingest.MaxBodyBytes) + `]}`, status: 400, field: "body"},
		{name: "read-only role", role: "auditor", body: good, status: 403},
		{name: "anonymous", body: good, status: 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, body := postAs(t, srv, f.tokens[tc.role], tc.body)
			if code != tc.status {
				t.Fatalf("status %d, want %d: %s", code, tc.status, body)
			}
			if tc.field != "" {
				var e api.ErrorBody
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Field != tc.field {
					t.Fatalf("field %q, want %q: %s", e.Error.Field, tc.field, body)
				}
			}
			if tc.want != "" && !strings.Contains(body, tc.want) {
				t.Fatalf("body %s lacks %s", body, tc.want)
			}
		})
	}
	got, err := f.st.QuerySamples(ctx, sishui.SeriesQuery{Point: p.ID, Metric: sishui.MetricLevelM, From: time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil || len(got) != 2 {
		t.Fatalf("stored %d samples: %v", len(got), err)
	}
}

// slowStore holds every append until release is closed.
type slowStore struct {
	sishui.Store
	entered chan struct{}
	release chan struct{}
}

func (s *slowStore) AppendSamples(ctx context.Context, samples []sishui.Sample) (sishui.AppendResult, error) {
	select {
	case s.entered <- struct{}{}:
	default:
	}
	<-s.release
	return s.Store.AppendSamples(ctx, samples)
}

// TestObservationsBusy: when the store is slow and the committer's queue
// stays full, the reply is 503 with Retry-After (EUNAVAILABLE in the one
// table) and nothing of that request is stored; the waiting submitters finish
// once the store recovers.
func TestObservationsBusy(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	pts, _, err := f.st.ListPoints(ctx, sishui.PointFilter{Region: "371502", Page: sishui.Page{Limit: 1}})
	if err != nil || len(pts) == 0 {
		t.Fatal("no point", err)
	}
	slow := &slowStore{Store: f.st, entered: make(chan struct{}, 1), release: make(chan struct{})}
	srv, ing := observationsServer(t, f, slow, ingest.Config{QueueLen: 1, BusyAfter: 20 * time.Millisecond, MaxDelay: time.Millisecond})
	body := func(minute int) string {
		return fmt.Sprintf(`{"observations":[{"point":%d,"metric":"level_m","time":"2026-03-01T00:%02d:00Z","value":1}]}`, pts[0].ID, minute)
	}
	token := f.tokens["city"]
	first := make(chan int, 1)
	go func() { c, _, _ := postAs(t, srv, token, body(1)); first <- c }() // held in the store
	<-slow.entered
	type reply struct {
		code  int
		retry string
		body  string
	}
	more := make(chan reply, 2)
	for m := 2; m <= 3; m++ {
		go func() { c, h, b := postAs(t, srv, token, body(m)); more <- reply{c, h.Get("Retry-After"), b} }()
	}
	refused := <-more
	if refused.code != 503 || refused.retry == "" || !strings.Contains(refused.body, `"unavailable"`) {
		t.Fatalf("busy: %+v, want 503 unavailable with Retry-After", refused)
	}
	close(slow.release)
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
