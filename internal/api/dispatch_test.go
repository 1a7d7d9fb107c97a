package api_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/dispatch"
)

// A plan from the shipped network, its orders acknowledged by the work's county
// once, and plan vs actual from a metered day.
func TestDispatchAPI(t *testing.T) {
	f := newFixture(t)
	var e struct {
		Error struct{ Code, Field string }
	}
	if code := f.do(t, "city", "POST", "/api/v1/dispatch/plans", map[string]any{"start": "2026-03-01", "step": "week"}, &e); code != 400 || e.Error.Field != "step" {
		t.Fatalf("bad step: %d %+v", code, e)
	}
	if code := f.do(t, "city", "POST", "/api/v1/dispatch/plans", map[string]any{"start": "2026-03-01", "steps": 61}, &e); code != 400 || e.Error.Field != "steps" {
		t.Fatalf("61 days: %d %+v", code, e)
	}
	if code := f.do(t, "county", "POST", "/api/v1/dispatch/plans", map[string]any{"start": "2026-03-01"}, nil); code != 403 {
		t.Fatalf("county made a plan: %d", code)
	}
	var p sishui.DispatchPlan
	if code := f.do(t, "city", "POST", "/api/v1/dispatch/plans", map[string]any{"start": "2026-03-01", "steps": 10, "note": "春灌"}, &p); code != 201 || p.ID == 0 || p.Orders == 0 {
		t.Fatalf("plan: %d %+v", code, p)
	}
	var got sishui.DispatchPlan
	if code := f.do(t, "county", "GET", "/api/v1/dispatch/plans/1", nil, &got); code != 200 || len(got.Body) < 100 || got.Note != "春灌" {
		t.Fatalf("get: %d %+v", code, got.Note)
	}
	var orders []sishui.DispatchOrder
	if code := f.do(t, "county", "GET", "/api/v1/dispatch/plans/1/orders?work=rec_371502", nil, &orders); code != 200 || len(orders) != 10 {
		t.Fatalf("orders: %d %d", code, len(orders))
	}
	if code := f.do(t, "county2", "POST", "/api/v1/dispatch/plans/1/orders/rec_371502/2026-03-01/ack", map[string]any{}, nil); code != 404 {
		t.Fatalf("莘县 acknowledged 东昌府's order: %d", code)
	}
	var o sishui.DispatchOrder
	if code := f.do(t, "county", "POST", "/api/v1/dispatch/plans/1/orders/rec_371502/2026-03-01/ack", map[string]any{"note": "已执行"}, &o); code != 200 || o.AckBy != "county" {
		t.Fatalf("ack: %d %+v", code, o)
	}
	if code := f.do(t, "city", "POST", "/api/v1/dispatch/plans/1/orders/rec_371502/2026-03-01/ack", map[string]any{}, nil); code != 409 {
		t.Fatalf("second ack: %d", code)
	}
	// The plant's outlet meter says 20,000 m³ on 1 March.
	ctx := sishui.WithActor(context.Background(), sishui.SystemActor)
	pts, _, err := f.st.ListPoints(ctx, sishui.PointFilter{Code: "3715021800"})
	if err != nil || len(pts) != 1 {
		t.Fatal(pts, err)
	}
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	if err := f.st.ReplaceDailyUse(ctx, pts[0].ID, day, day.AddDate(0, 0, 1), []sishui.DailyUse{{Point: pts[0].ID, Day: day, Region: "371502", Source: "reclaimed", Sector: "industry", Litres: 20_000_000, Basis: "measured", Received: 6, Expected: 6}}); err != nil {
		t.Fatal(err)
	}
	var devs []dispatch.Deviation
	if code := f.do(t, "city", "GET", "/api/v1/dispatch/plans/1/actual", nil, &devs); code != 200 {
		t.Fatalf("actual: %d", code)
	}
	found := false
	for _, d := range devs {
		if d.Work == "rec_371502" && d.Day.Equal(day) {
			found = true
			if d.ActualM3 != 20_000 || math.Abs(d.DeviationM3-(20_000-orders[0].VolumeM3)) > 0.01 || math.Abs(d.DemandM3+d.InflowM3+d.OperationM3-d.DeviationM3) > 0.01 {
				t.Errorf("deviation %+v (planned %v)", d, orders[0].VolumeM3)
			}
		}
	}
	if !found {
		t.Fatalf("no deviation for the metered day: %+v", devs)
	}
}
