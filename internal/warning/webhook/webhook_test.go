package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/sishui/sishui/internal/warning"
)

// server answers with the given statuses in turn (the last one repeats) and
// records the payloads it received.
type server struct {
	mu       sync.Mutex
	statuses []int
	header   http.Header
	got      []Payload
	auth     []string
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var p Payload
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil || r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
		w.WriteHeader(http.StatusUnsupportedMediaType)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, p)
	s.auth = append(s.auth, r.Header.Get("Authorization"))
	code := s.statuses[min(len(s.got)-1, len(s.statuses)-1)]
	for k, v := range s.header {
		w.Header()[k] = v
	}
	w.WriteHeader(code)
}

var events = []warning.Event{{
	AlertID: "region_total_use|region:371522|1", Rule: "region_total_use", Kind: warning.RegionTotalUse,
	Subject: "region:371522", Type: warning.EventFiring, Level: warning.Yellow, State: warning.Firing,
	Time: time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC), Message: "yellow region:371522: use 91%",
}}

func TestNotify(t *testing.T) {
	tests := []struct {
		name     string
		statuses []int
		header   http.Header
		attempts int
		want     error // nil, ErrPermanent or errAny
		calls    int
		waits    []time.Duration
	}{
		{"ok first time", []int{200}, nil, 5, nil, 1, nil},
		{"fails twice then ok", []int{500, 503, 204}, nil, 5, nil, 3, []time.Duration{10 * time.Millisecond, 20 * time.Millisecond}},
		{"permanent 400", []int{400}, nil, 5, ErrPermanent, 1, nil},
		{"429 retried", []int{429, 200}, nil, 5, nil, 2, []time.Duration{10 * time.Millisecond}},
		{"retry-after honoured and capped", []int{503, 200}, http.Header{"Retry-After": {"120"}}, 5, nil, 2, []time.Duration{50 * time.Millisecond}},
		{"gives up", []int{500}, nil, 3, errAny, 3, []time.Duration{10 * time.Millisecond, 20 * time.Millisecond}},
		{"backoff capped", []int{500}, nil, 5, errAny, 5, []time.Duration{10 * time.Millisecond, 20 * time.Millisecond, 40 * time.Millisecond, 50 * time.Millisecond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &server{statuses: tt.statuses, header: tt.header}
			ts := httptest.NewServer(s)
			defer ts.Close()
			var waits []time.Duration
			n := &Notifier{
				URL: ts.URL, Client: ts.Client(), MaxAttempts: tt.attempts,
				Backoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond,
				Header: http.Header{"Authorization": {"Bearer t"}},
				Sleep:  func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil },
			}
			err := n.Notify(context.Background(), events)
			switch {
			case tt.want == nil && err != nil, tt.want != nil && err == nil:
				t.Fatalf("err = %v, want %v", err, tt.want)
			case tt.want == ErrPermanent && !errors.Is(err, ErrPermanent):
				t.Fatalf("err = %v, want ErrPermanent", err)
			case tt.want == errAny && errors.Is(err, ErrPermanent):
				t.Fatalf("err = %v should be transient", err)
			}
			if len(s.got) != tt.calls {
				t.Fatalf("%d calls, want %d", len(s.got), tt.calls)
			}
			if len(waits) != len(tt.waits) {
				t.Fatalf("waits %v, want %v", waits, tt.waits)
			}
			for i := range waits {
				if waits[i] != tt.waits[i] {
					t.Fatalf("waits %v, want %v", waits, tt.waits)
				}
			}
			for i, p := range s.got {
				if p.Version != 1 || len(p.Events) != 1 || p.Events[0].AlertID != events[0].AlertID || p.Events[0].Level != warning.Yellow || s.auth[i] != "Bearer t" {
					t.Fatalf("payload %d: %+v auth %q", i, p, s.auth[i])
				}
			}
		})
	}
}

var errAny = errors.New("any error")

func TestNotifyContextCancelled(t *testing.T) {
	s := &server{statuses: []int{500}}
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	n := &Notifier{URL: ts.URL, Client: ts.Client(), MaxAttempts: 10, Backoff: time.Hour,
		Sleep: func(ctx context.Context, d time.Duration) error { cancel(); <-ctx.Done(); return ctx.Err() }}
	if err := n.Notify(ctx, events); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(s.got) != 1 {
		t.Fatalf("%d calls after cancel", len(s.got))
	}
}

func TestNotifyNetworkError(t *testing.T) {
	ts := httptest.NewServer(http.NotFoundHandler())
	url := ts.URL
	ts.Close() // nothing listens any more
	calls := 0
	n := &Notifier{URL: url, MaxAttempts: 2, Backoff: time.Millisecond,
		Sleep: func(context.Context, time.Duration) error { calls++; return nil }}
	err := n.Notify(context.Background(), events)
	if err == nil || errors.Is(err, ErrPermanent) || calls != 1 {
		t.Fatalf("err = %v (sleeps %d), want a transient error after 2 attempts", err, calls)
	}
}

func TestNotifyNothing(t *testing.T) {
	n := &Notifier{URL: "http://127.0.0.1:1/never"}
	if err := n.Notify(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
}

// TestNotifyRealSleep uses the default timer-based sleep with a tiny backoff.
func TestNotifyRealSleep(t *testing.T) {
	s := &server{statuses: []int{502, 502, 200}}
	ts := httptest.NewServer(s)
	defer ts.Close()
	n := &Notifier{URL: ts.URL, Client: ts.Client(), Backoff: time.Millisecond}
	if err := n.Notify(context.Background(), events); err != nil || len(s.got) != 3 {
		t.Fatalf("err = %v after %d calls", err, len(s.got))
	}
}
