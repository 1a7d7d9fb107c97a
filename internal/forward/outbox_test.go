package forward_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/forward"
	"github.com/sishui/sishui/internal/protocol/szy206"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

// TestStoreOutbox: samples appended to the store after NewStoreOutbox are
// queued in the store by the append itself and reach a faulty upstream,
// each at least once and in order; metrics the link does not carry and
// points without a terminal address are not sent; the outbox empties.
func TestStoreOutbox(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	storetest.Seed(t, st)
	mk := func(code string) *sishui.Point {
		p := &sishui.Point{Code: code, Name: code, Kind: sishui.PointWell, Protocol: sishui.ProtocolHTTP, Region: storetest.CountyA, Multiplier: 1, IntervalSeconds: 3600}
		if err := st.CreatePoint(ctx, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b, c, noAddr := mk("3715020100"), mk("3715020200"), mk("3715020300"), mk("AB12")
	before := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	if _, err := st.AppendSamples(ctx, []sishui.Sample{{Point: a.ID, Metric: sishui.MetricLevelM, Time: before, Value: 1}}); err != nil {
		t.Fatal(err)
	}
	ob := forward.NewStoreOutbox(st, szy206.ProfileSZY206())
	defer st.EnableOutbox()
	var samples []sishui.Sample
	want := 0
	for i := 0; i < 20; i++ {
		at := before.Add(time.Duration(i+1) * time.Minute)
		samples = append(samples,
			sishui.Sample{Point: a.ID, Metric: sishui.MetricLevelM, Time: at, Value: float64(i) + 0.5},
			sishui.Sample{Point: b.ID, Metric: sishui.MetricRainMM, Time: at, Value: float64(i)},
			sishui.Sample{Point: a.ID, Metric: sishui.MetricVoltageV, Time: at, Value: 12},
			sishui.Sample{Point: a.ID, Metric: sishui.MetricEnergyKWh, Time: at, Value: 100}, // SL/T 427 only
			sishui.Sample{Point: a.ID, Metric: sishui.MetricAlarm, Time: at, Value: float64(i)},
			sishui.Sample{Point: a.ID, Metric: sishui.MetricPumpState, Time: at, Value: float64(0x20 + i)},
			sishui.Sample{Point: c.ID, Metric: sishui.MetricDepthM, Time: at, Value: 12.5},
			sishui.Sample{Point: noAddr.ID, Metric: sishui.MetricLevelM, Time: at, Value: 3})
		want += 3
	}
	if _, err := st.AppendSamples(ctx, samples); err != nil {
		t.Fatal(err)
	}
	up := newUpstream(t, szy206.ProfileSZY206())
	f := forward.New(ob, forward.Config{Addr: up.ln.Addr().String(), ConfirmTimeout: 50 * time.Millisecond,
		Groundwater: forward.GroundwaterRule{AsLevel: true, DatumM: 30},
		MinBackoff:  time.Millisecond, MaxBackoff: 20 * time.Millisecond, Poll: 5 * time.Millisecond})
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- f.Run(runCtx) }()
	limit := time.Now().Add(60 * time.Second) // liveness bound, not a speed check
	for {
		items, err := st.OutboxHead(ctx, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) == 0 {
			break
		}
		if time.Now().After(limit) {
			t.Fatalf("outbox did not drain: %+v", items)
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("run: %v", err)
	}
	seen := map[string]bool{}
	last := map[string]time.Time{}
	for _, r := range up.received() {
		if r.station == a.Code && r.value == 1 {
			t.Fatalf("sent %+v, stored before the outbox was enabled", r)
		}
		if r.time.Before(last[r.station]) {
			t.Fatalf("station %s out of order", r.station)
		}
		last[r.station] = r.time
		seen[r.station+"@"+r.time.Format(time.RFC3339)] = true
		switch r.station {
		case a.Code: // the alarm and pump words of the report's time ride along (report i has value i+0.5)
			i := int(r.value)
			if r.kind != szy206.KindLevel || r.value != float64(i)+0.5 || r.alarm != uint16(i) || r.status != uint16(0x20+i) {
				t.Fatalf("level report %+v", r)
			}
		case c.Code: // depth 12.5 m below ground, sent as a level above the 30 m datum
			if r.kind != szy206.KindLevel || r.value != 17.5 {
				t.Fatalf("groundwater report %+v", r)
			}
		case b.Code:
			if r.kind != szy206.KindRain {
				t.Fatalf("rain report %+v", r)
			}
		}
	}
	if len(seen) != want || len(last) != 3 {
		t.Fatalf("upstream has %d distinct items from %d stations, want %d from 3", len(seen), len(last), want)
	}
}

// TestEnergyOnlyUnderSLT427: electricity has a class of its own only in
// SL/T 427 (type code 1000 is wind speed in SZY 206-2016).
func TestEnergyOnlyUnderSLT427(t *testing.T) {
	it := forward.Item{Station: "3715020001", Metric: sishui.MetricEnergyKWh, Time: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC), Value: 1234.5}
	if _, err := forward.Encode(nil, it, szy206.ProfileSZY206()); !errors.Is(err, forward.ErrUnsupported) {
		t.Fatalf("energy under szy206: %v, want ErrUnsupported", err)
	}
	p := szy206.ProfileSLT427()
	b, err := forward.Encode(nil, it, p)
	if err != nil {
		t.Fatal(err)
	}
	f, err := szy206.Decode(b, p)
	if err != nil || len(f.Readings) != 1 || f.Readings[0].Kind != szy206.KindElectricity || f.Readings[0].Value() != 1234.5 {
		t.Fatalf("decoded %+v %v", f, err)
	}
	for _, m := range forward.Metrics(szy206.ProfileSZY206()) {
		if m == sishui.MetricEnergyKWh {
			t.Fatal("szy206 queues energy")
		}
	}
}
