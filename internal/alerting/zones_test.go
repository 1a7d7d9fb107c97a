package alerting

import (
	"context"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/citytest"
)

// TestZoneCapAndSweep: a withdrawal point in a groundwater zone counts
// towards the zone's extraction cap; the sweep accounts points nobody marked
// dirty and gives silent points their expected reports.
func TestZoneCapAndSweep(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := citytest.SQLite(t)
	now := citytest.BJ("2026-12-31T10:00")
	c := &citytest.Clock{T: now}
	acct, s := newServices(t, st, c, Config{})
	zones, err := st.ListZones(ctx, "371502")
	if err != nil || len(zones) == 0 {
		t.Fatalf("zones: %v", err)
	}
	p := citytest.PointByCode(t, st, "3715020400")
	p.ZoneID = zones[0].ID
	if err := st.UpdatePoint(ctx, p); err != nil {
		t.Fatal(err)
	}
	cap := float64(zones[0].AnnualCapM3)
	citytest.AppendSamples(t, st, []sishui.Sample{
		{Point: p.ID, Metric: sishui.MetricVolumeM3, Time: now.Add(-3 * time.Hour).UTC(), Value: 0},
		{Point: p.ID, Metric: sishui.MetricVolumeM3, Time: now.Add(-2 * time.Hour).UTC(), Value: 0.95 * cap},
	})
	if err := acct.Sweep(ctx, citytest.BJ("2026-12-30T00:00"), now); err != nil {
		t.Fatal(err)
	}
	rows, err := st.ListDailyUse(ctx, p.ID, time.Date(2026, 12, 30, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(rows) != 2 || rows[1].Litres != int64(0.95*cap*1000) || rows[0].Expected != 6 || rows[0].Received != 0 { // reports every 4 h
		t.Fatalf("swept rows %+v (%v)", rows, err)
	}
	silent := citytest.PointByCode(t, st, "3715020500")
	rows, err = st.ListDailyUse(ctx, silent.ID, time.Date(2026, 12, 30, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(rows) != 2 || rows[0].Expected != 6 || rows[0].Received != 0 || rows[0].Litres != 0 {
		t.Fatalf("silent point rows %+v (%v)", rows, err)
	}
	changes, err := s.Eval(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, ch := range changes {
		got[ch.Alert.Rule+" "+ch.Alert.Subject] = ch.Alert.State + " " + ch.Alert.Level
	}
	if g := got["groundwater_zone_cap zone:"+zones[0].Code]; g != "firing yellow" {
		t.Fatalf("zone cap alert %q in %v", g, got)
	}
	if g := got["permit_use permit:取水(聊)字[2025]第0004号"]; g != "firing red" {
		t.Fatalf("permit alert %q in %v", g, got)
	}
	// Nothing changes on a second evaluation: no duplicate alerts or events.
	again, err := s.Eval(ctx, now.Add(time.Minute))
	if err != nil || len(again) != 0 {
		t.Fatalf("second evaluation: %d changes (%v)", len(again), err)
	}
	// A restarted service restores the engine from the store and carries on.
	s2 := newService(t, st, c, Config{})
	if again, err = s2.Eval(ctx, now.Add(2*time.Minute)); err != nil || len(again) != 0 {
		t.Fatalf("after restart: %d changes (%v)", len(again), err)
	}
}
