package api_test

import (
	"context"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// TestOutboxStations: the national link's backlog per station, in scope.
func TestOutboxStations(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	pts, _, err := f.st.ListPoints(ctx, sishui.PointFilter{Region: "371502", Page: sishui.Page{Limit: 1}})
	if err != nil || len(pts) == 0 {
		t.Fatal("no point in 371502", err)
	}
	pt := pts[0]
	f.st.EnableOutbox(sishui.MetricVolumeM3)
	defer f.st.EnableOutbox()
	at := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
	if _, err := f.st.AppendSamples(ctx, []sishui.Sample{
		{Point: pt.ID, Metric: sishui.MetricVolumeM3, Time: at, Value: 1},
		{Point: pt.ID, Metric: sishui.MetricVolumeM3, Time: at.Add(time.Minute), Value: 2},
		{Point: pt.ID, Metric: sishui.MetricLevelM, Time: at, Value: 3}, // not forwarded
	}); err != nil {
		t.Fatal(err)
	}
	var got []sishui.StationBacklog
	if code := f.do(t, "county", "GET", "/api/v1/outbox/stations", nil, &got); code != 200 {
		t.Fatalf("status %d", code)
	}
	if len(got) != 1 || got[0].Point != pt.ID || got[0].Code != pt.Code || got[0].Queued != 2 || !got[0].Oldest.Equal(at) || got[0].LagSeconds < 3600 {
		t.Fatalf("backlog %+v", got)
	}
	got = nil
	if code := f.do(t, "county2", "GET", "/api/v1/outbox/stations", nil, &got); code != 200 || len(got) != 0 {
		t.Fatalf("another county: %d %+v", code, got)
	}
	if code := f.do(t, "", "GET", "/api/v1/outbox/stations", nil, nil); code != 401 {
		t.Fatalf("anonymous: %d", code)
	}
}
