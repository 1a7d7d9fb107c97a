package storetest

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// testOutbox: the national-link outbox is filled by appends in their own
// transaction, only for enabled metrics, idempotently, and emptied by Done.
func testOutbox(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("P", u.ID, CountyA, sishui.SourceYellowRiver, 10)
	must(t, s.CreatePermit(ctx, p))
	pt := newPoint("61", p.ID, CountyA)
	must(t, s.CreatePoint(ctx, pt))
	at := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	vol := func(i int) sishui.Sample {
		return sishui.Sample{Point: pt.ID, Metric: sishui.MetricVolumeM3, Time: at.Add(time.Duration(i) * time.Minute), Value: float64(100 + i)}
	}
	head := func() []sishui.OutboxItem {
		t.Helper()
		items, err := s.OutboxHead(ctx, 0, 5000)
		must(t, err)
		return items
	}

	// Off by default.
	_, err := s.AppendSamples(ctx, []sishui.Sample{vol(0)})
	must(t, err)
	if n := len(head()); n != 0 {
		t.Fatalf("outbox holds %d items while off", n)
	}

	s.EnableOutbox(sishui.MetricVolumeM3, sishui.MetricFlowM3s)
	defer s.EnableOutbox()
	batch := []sishui.Sample{vol(1), vol(2), {Point: pt.ID, Metric: sishui.MetricVoltageV, Time: at, Value: 12}}
	for i := 3; i < 230; i++ { // more than one multi-row statement
		batch = append(batch, vol(i))
	}
	_, err = s.AppendSamples(ctx, batch)
	must(t, err)
	_, err = s.IngestFrames(ctx, []*sishui.RawFrame{{Protocol: sishui.ProtocolSZY206, Bytes: []byte{1}, Received: at}},
		[]sishui.Sample{{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: at, Value: 0.5}})
	must(t, err)
	// A resend queues nothing twice; a failed append queues nothing.
	_, err = s.AppendSamples(ctx, []sishui.Sample{vol(1)})
	must(t, err)
	if _, err := s.AppendSamples(ctx, []sishui.Sample{vol(500), {Point: 999999, Metric: sishui.MetricVolumeM3, Time: at, Value: 1}}); err == nil {
		t.Fatal("append for an unknown point succeeded")
	}
	items := head()
	if len(items) != 230 {
		t.Fatalf("outbox holds %d items, want 229 volumes and 1 flow", len(items))
	}
	for i, it := range items[:229] {
		if it.Point != pt.ID || it.Metric != sishui.MetricVolumeM3 || !it.Time.Equal(vol(i+1).Time) || it.Value != vol(i+1).Value {
			t.Fatalf("item %d = %+v, want %+v", i, it, vol(i+1))
		}
	}
	if last := items[229]; last.Metric != sishui.MetricFlowM3s || last.Value != 0.5 {
		t.Fatalf("last item %+v", last)
	}
	if page, err := s.OutboxHead(ctx, items[9].ID, 5); err != nil || len(page) != 5 || page[0].ID != items[10].ID {
		t.Fatalf("page after %d: %+v %v", items[9].ID, page, err)
	}
	backlog, err := s.OutboxBacklog(ctx)
	must(t, err)
	if len(backlog) != 1 || backlog[pt.ID] != 230 {
		t.Fatalf("backlog %v", backlog)
	}
	// Per station, scoped: the county sees its station, another county none.
	stations, err := s.OutboxStations(as(sishui.RoleCounty, CountyA, 0))
	must(t, err)
	if len(stations) != 1 || stations[0].Point != pt.ID || stations[0].Code != pt.Code || stations[0].Queued != 230 ||
		!stations[0].Oldest.Equal(at) || stations[0].Region != CountyA || stations[0].LagSeconds < 0 {
		t.Fatalf("stations %+v", stations)
	}
	if other, err := s.OutboxStations(as(sishui.RoleCounty, CountyB, 0)); err != nil || len(other) != 0 {
		t.Fatalf("another county's view: %+v %v", other, err)
	}
	ids := make([]int64, 0, len(items))
	for _, it := range items[:200] {
		ids = append(ids, it.ID)
	}
	must(t, s.OutboxDone(ctx, ids...))
	must(t, s.OutboxDone(ctx, 0, -5)) // unknown ids are ignored
	if rest := head(); len(rest) != 30 || rest[0].ID != items[200].ID {
		t.Fatalf("after done: %d items", len(rest))
	}
	// The flow at 08:00 is still queued: the oldest stays.
	if stations, err := s.OutboxStations(ctx); err != nil || len(stations) != 1 || stations[0].Queued != 30 || !stations[0].Oldest.Equal(at) {
		t.Fatalf("stations after done: %+v %v", stations, err)
	}

	// A sample already stored is not queued again once forwarded, even
	// resent with another value (the store keeps the first): the national
	// system gets what the store holds, once. Only the new ones are queued,
	// in small appends, in large ones (PostgreSQL COPYs from 1,000 samples)
	// and in a terminal's group commit.
	resent := vol(1)
	resent.Value = 999
	_, err = s.AppendSamples(ctx, []sishui.Sample{resent, vol(600)})
	must(t, err)
	large := []sishui.Sample{vol(2), vol(3)}
	for i := 1000; i < 2200; i++ {
		large = append(large, vol(i))
	}
	res, err := s.AppendSamples(ctx, large)
	must(t, err)
	if res.Inserted != 1200 || res.Duplicates != 2 {
		t.Fatalf("large append: %+v, want 1200 inserted and 2 duplicates", res)
	}
	_, err = s.IngestFrames(ctx, []*sishui.RawFrame{{Protocol: sishui.ProtocolSZY206, Bytes: []byte{2}, Received: at}},
		[]sishui.Sample{vol(4), vol(601)})
	must(t, err)
	rest := head()
	if len(rest) != 30+1+1200+1 {
		t.Fatalf("after the resends: %d items, want %d", len(rest), 30+1+1200+1)
	}
	for _, it := range rest[30:] {
		if it.Metric == sishui.MetricVolumeM3 && (it.Time.Equal(vol(1).Time) || it.Time.Equal(vol(2).Time) || it.Time.Equal(vol(3).Time) || it.Time.Equal(vol(4).Time)) {
			t.Fatalf("a forwarded sample was queued again: %+v", it)
		}
	}
}
