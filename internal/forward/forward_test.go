package forward_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/forward"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// received is one report as the upstream decoded it.
type received struct {
	station       string
	time          time.Time
	value         float64
	kind          szy206.Kind
	alarm, status uint16
}

// upstream is an in-process national platform that misbehaves on a
// schedule: by the count n of frames it has received, it drops the
// connection without a confirm (n%7 == 3), stalls without replying
// (n%11 == 5), or confirms and then drops the connection (n%13 == 0).
type upstream struct {
	ln      net.Listener
	profile szy206.Profile
	mu      sync.Mutex
	n       int
	got     []received
	wg      sync.WaitGroup
}

func newUpstream(t *testing.T, p szy206.Profile) *upstream {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	u := &upstream{ln: ln, profile: p}
	u.wg.Add(1)
	go u.accept()
	t.Cleanup(func() { ln.Close(); u.wg.Wait() })
	return u
}

func (u *upstream) accept() {
	defer u.wg.Done()
	for {
		c, err := u.ln.Accept()
		if err != nil {
			return
		}
		u.wg.Add(1)
		go u.serve(c)
	}
}

func (u *upstream) serve(c net.Conn) {
	defer u.wg.Done()
	defer c.Close()
	sc := bufio.NewScanner(c)
	sc.Split(szy206.SplitFrames)
	for sc.Scan() {
		f, err := szy206.Decode(sc.Bytes(), u.profile)
		if err != nil || len(f.Readings) == 0 {
			continue
		}
		at, _ := f.Time.Time(time.Now())
		r := f.Readings[0]
		v := r.Value()
		if r.Missing && len(f.Readings) > 1 {
			v = f.Readings[1].Value()
		}
		u.mu.Lock()
		u.n++
		n := u.n
		u.got = append(u.got, received{f.Address.String(), at.UTC(), v, r.Kind, uint16(f.Alarm), uint16(f.Status)})
		u.mu.Unlock()
		switch {
		case n%7 == 3:
			return // drop without confirm
		case n%11 == 5:
			continue // stall: no reply
		}
		reply, err := szy206.AppendConfirm(nil, f, u.profile, 0, nil)
		if err != nil {
			panic(err)
		}
		if _, err := c.Write(reply); err != nil {
			return
		}
		if n%13 == 0 {
			return // confirmed, then dropped
		}
	}
}

func (u *upstream) received() []received {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]received(nil), u.got...)
}

func openQueue(t *testing.T) *forward.Queue {
	q, err := forward.OpenQueue(context.Background(), filepath.Join(t.TempDir(), "forward.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func TestForwardThroughFaults(t *testing.T) {
	for _, tc := range []struct {
		name    string
		profile szy206.Profile
	}{
		{"szy206", szy206.ProfileSZY206()},
		{"slt427", szy206.ProfileSLT427()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			up := newUpstream(t, tc.profile)
			q := openQueue(t)
			stations := []string{"3715020001", "3715020002", "0012345678"}
			start := time.Now().UTC().Truncate(time.Minute).Add(-2 * time.Hour)
			var items []forward.Item
			const per = 25
			for i := 0; i < per; i++ {
				for k, st := range stations {
					items = append(items, forward.Item{Station: st, Metric: sishui.MetricLevelM, Time: start.Add(time.Duration(i) * time.Minute), Value: float64(k*100+i) + 0.125})
				}
			}
			// Enqueue in two parts, one of them twice: the queue de-duplicates.
			for _, part := range [][]forward.Item{items[:30], items[:30], items[30:]} {
				if _, err := q.Enqueue(context.Background(), part); err != nil {
					t.Fatal(err)
				}
			}
			if m, n := q.Backlog(); n != len(items) || m[stations[0]] != per {
				t.Fatalf("backlog %v %d", m, n)
			}
			f := forward.New(q, forward.Config{Addr: up.ln.Addr().String(), Profile: tc.profile,
				ConfirmTimeout: 50 * time.Millisecond, MinBackoff: time.Millisecond, MaxBackoff: 20 * time.Millisecond, Poll: 5 * time.Millisecond})
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- f.Run(ctx) }()
			// Wait for the queue to drain (a liveness bound, not a speed check).
			limit := time.Now().Add(60 * time.Second)
			for {
				if _, n := f.Backlog(); n == 0 {
					break
				}
				if time.Now().After(limit) {
					t.Fatal("queue did not drain")
				}
				time.Sleep(5 * time.Millisecond)
			}
			cancel()
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Fatalf("run: %v", err)
			}
			got := up.received()
			if len(got) <= len(items) {
				t.Fatalf("the upstream saw %d frames for %d items: the faults did not cause resends", len(got), len(items))
			}
			// After de-duplication by station and time, every item once, in order per station.
			seen := map[string]bool{}
			last := map[string]time.Time{}
			for _, r := range got {
				key := r.station + "@" + r.time.Format(time.RFC3339)
				if seen[key] {
					if !r.time.Equal(last[r.station]) {
						t.Fatalf("resend of %s after a later item", key)
					}
					continue
				}
				if r.time.Before(last[r.station]) {
					t.Fatalf("station %s out of order at %s", r.station, r.time)
				}
				seen[key], last[r.station] = true, r.time
			}
			if len(seen) != len(items) {
				t.Fatalf("upstream has %d distinct items, want %d", len(seen), len(items))
			}
			for _, it := range items {
				if !seen[it.Station+"@"+it.Time.Format(time.RFC3339)] {
					t.Fatalf("missing %+v", it)
				}
			}
			var sb strings.Builder
			f.Metrics().WritePrometheus(&sb)
			for _, want := range []string{"sishui_forward_backlog 0", `sishui_forward_station_backlog{station="0012345678"} 0`, "sishui_forward_retries_total"} {
				if !strings.Contains(sb.String(), want) {
					t.Fatalf("metrics lack %q:\n%s", want, sb.String())
				}
			}
		})
	}
}

func TestQueueDurable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "forward.db")
	ctx := context.Background()
	q, err := forward.OpenQueue(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		items   []forward.Item
		added   int
		wantErr error
	}{
		{"new", []forward.Item{{Station: "3715020001", Metric: sishui.MetricFlowM3s, Time: at, Value: 1}, {Station: "3715020001", Metric: sishui.MetricVolumeM3, Time: at, Value: 9}}, 2, nil},
		{"again", []forward.Item{{Station: "3715020001", Metric: sishui.MetricFlowM3s, Time: at, Value: 1}}, 0, nil},
		{"bad station", []forward.Item{{Station: "xyz", Metric: sishui.MetricFlowM3s, Time: at}}, 0, forward.ErrBadStation},
		{"unsupported metric", []forward.Item{{Station: "3715020001", Metric: sishui.MetricPumpState, Time: at}}, 0, forward.ErrUnsupported},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := q.Enqueue(ctx, tc.items)
			if !errors.Is(err, tc.wantErr) || n != tc.added {
				t.Fatalf("added %d err %v", n, err)
			}
		})
	}
	q.Close()
	q, err = forward.OpenQueue(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if m, n := q.Backlog(); n != 2 || m["3715020001"] != 2 {
		t.Fatalf("backlog after reopen %v %d", m, n)
	}
	n, err := q.EnqueueSamples(ctx, []sishui.Sample{
		{Point: 1, Metric: sishui.MetricLevelM, Time: at, Value: 3},
		{Point: 2, Metric: sishui.MetricLevelM, Time: at, Value: 3},   // no station
		{Point: 1, Metric: sishui.MetricVoltageV, Time: at, Value: 3}, // not forwarded
	}, func(p int64) (string, bool) { return "3715020001", p == 1 })
	if err != nil || n != 1 {
		t.Fatalf("enqueue samples %d %v", n, err)
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	p := szy206.ProfileSLT427()
	at := time.Date(2026, 3, 1, 8, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		metric sishui.Metric
		value  float64
		kind   szy206.Kind
	}{
		{sishui.MetricLevelM, 12.345, szy206.KindLevel},
		{sishui.MetricRainMM, 3.5, szy206.KindRain},
		{sishui.MetricFlowM3s, 1.25, szy206.KindFlow},
		{sishui.MetricVolumeM3, 123456, szy206.KindVolume},
		{sishui.MetricTemperatureC, 15.5, szy206.KindWaterTemp},
	} {
		t.Run(tc.metric.String(), func(t *testing.T) {
			b, err := forward.Encode(nil, forward.Item{Station: "3715020001", Metric: tc.metric, Time: at, Value: tc.value}, p)
			if err != nil {
				t.Fatal(err)
			}
			f, err := szy206.Decode(b, p)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := f.Time.Time(time.Time{})
			if !ok || !got.Equal(at) || f.Address.String() != "3715020001" {
				t.Fatalf("time %s address %s", got, f.Address)
			}
			found := false
			for _, r := range f.Readings {
				if r.Kind == tc.kind && !r.Missing && fmt.Sprint(r.Value()) == fmt.Sprint(tc.value) {
					found = true
				}
			}
			if !found {
				t.Fatalf("readings %+v", f.Readings)
			}
		})
	}
}
