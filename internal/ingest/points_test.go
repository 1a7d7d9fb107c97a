package ingest_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
)

// TestPointCache: a resolved point is cached; a registry change is seen at
// once after ForgetPoint or InvalidatePoints, and without either after the
// TTL (the registry version check is an hour away here).
func TestPointCache(t *testing.T) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointRain, 1)[0]
	var now atomic.Int64
	now.Store(fixedNow().UnixNano())
	ing := newIngester(t, s, ingest.Config{PointTTL: time.Minute, PointCheck: time.Hour, Now: func() time.Time { return time.Unix(0, now.Load()) }})
	ctx := context.Background()
	at := base
	submit := func() ingest.Result {
		t.Helper()
		at = at.Add(time.Minute)
		res, err := ing.Submit(ctx, []ingest.Observation{{Code: p.Code, Metric: "rain_mm", Time: at, Value: 1}})
		if err != nil {
			t.Fatal(err)
		}
		ing.AwaitPointCheck()
		return res[0]
	}
	retired := fmt.Sprintf("point %d is retired", p.ID)
	for _, step := range []struct {
		name   string
		change func()
		want   string // "" accepted, else the rejection
	}{
		{"first", func() {}, ""},
		{"retired, still cached", func() {
			if err := s.RetirePoint(ctx, p.ID); err != nil {
				t.Fatal(err)
			}
		}, ""},
		{"forgotten", func() { ing.ForgetPoint(p.ID) }, retired},
		{"reactivated, refusal cached", func() {
			p.Retired = false
			if err := s.UpdatePoint(ctx, p); err != nil {
				t.Fatal(err)
			}
		}, retired},
		{"after the TTL", func() { now.Add(int64(2 * time.Minute)) }, ""},
		{"retired again, invalidated", func() {
			if err := s.RetirePoint(ctx, p.ID); err != nil {
				t.Fatal(err)
			}
			ing.InvalidatePoints()
		}, retired},
	} {
		step.change()
		r := submit()
		if step.want == "" && r.Status != ingest.Accepted || step.want != "" && (r.Status != ingest.Rejected || r.Reason != step.want) {
			t.Fatalf("%s: %+v, want %q", step.name, r, step.want)
		}
	}
}

// TestAmbiguousCode: a code held by points of two protocols is refused
// without a protocol, naming both, and found with one.
// Both with the registry loaded at once and looked up point by point.
func TestAmbiguousCode(t *testing.T) {
	for _, preload := range []int{0, -1} {
		t.Run(fmt.Sprint("preload ", preload), func(t *testing.T) { testAmbiguousCode(t, ingest.Config{PreloadPoints: preload}) })
	}
}

func testAmbiguousCode(t *testing.T, cfg ingest.Config) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointRain, 1)[0]
	q := &sishui.Point{Code: p.Code, Name: "twin", Kind: sishui.PointRain, Protocol: sishui.ProtocolMQTT, Region: p.Region, Multiplier: 1, IntervalSeconds: 3600}
	if err := s.CreatePoint(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	ing := newIngester(t, s, cfg)
	res, err := ing.Submit(context.Background(), []ingest.Observation{
		{Code: p.Code, Metric: "rain_mm", Time: base, Value: 1},
		{Code: p.Code, Protocol: sishui.ProtocolMQTT, Metric: "rain_mm", Time: base, Value: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("ambiguous terminal code %s: held by http point %d and mqtt point %d; name the protocol", p.Code, p.ID, q.ID)
	if res[0].Status != ingest.Rejected || res[0].Reason != want {
		t.Fatalf("without protocol: %+v, want %q", res[0], want)
	}
	if res[1].Status != ingest.Accepted || res[1].Point != q.ID {
		t.Fatalf("with protocol: %+v", res[1])
	}
}
