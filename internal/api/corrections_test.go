package api_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

func TestCorrectionsFillAndApproval(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	pts, _, err := f.st.ListPoints(ctx, sishui.PointFilter{Region: "371502", Kind: sishui.PointWithdrawal, Page: sishui.Page{Limit: 1}})
	if err != nil || len(pts) == 0 {
		t.Fatal(err)
	}
	pt := pts[0]
	pt.IntervalSeconds = 3600 // an hourly terminal: gaps are filled hour by hour
	if err := f.st.UpdatePoint(ctx, pt); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	var raw []sishui.Sample
	for h := 0; h < 12; h++ {
		if h >= 3 && h <= 4 || h >= 7 && h <= 10 { // a 2-hour and a 4-hour gap
			continue
		}
		raw = append(raw, sishui.Sample{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: base.Add(time.Duration(h) * time.Hour), Value: float64(h)})
	}
	if _, err := f.st.AppendSamples(ctx, raw); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/v1/points/%d", pt.ID)
	series := func(q string) []map[string]any {
		var out []map[string]any
		if code := f.do(t, "city", "GET", path+"/samples?metric=flow_m3s&from=2026-04-01T00:00:00Z&to=2026-04-01T12:00:00Z"+q, nil, &out); code != 200 {
			t.Fatalf("samples%s: %d", q, code)
		}
		return out
	}
	fill := map[string]any{"metric": "flow_m3s", "from": "2026-04-01T00:00:00Z", "to": "2026-04-01T12:00:00Z", "max_gap_seconds": 3 * 3600}
	for _, tc := range []struct {
		name   string
		role   string
		method string
		sub    string
		body   any
		status int
		field  string
	}{
		{"auditor may not correct", "auditor", "POST", "/corrections", map[string]any{"metric": "flow_m3s", "reason": "x", "corrections": []any{map[string]any{"time": "2026-04-01T01:00:00Z", "value": 5, "kind": "correct"}}}, 403, ""},
		{"reason required", "city", "POST", "/corrections", map[string]any{"metric": "flow_m3s", "corrections": []any{map[string]any{"time": "2026-04-01T01:00:00Z", "value": 5, "kind": "correct"}}}, 400, "reason"},
		{"bad kind", "city", "POST", "/corrections", map[string]any{"metric": "flow_m3s", "reason": "x", "corrections": []any{map[string]any{"time": "2026-04-01T01:00:00Z", "value": 5, "kind": "edit"}}}, 400, "corrections[0].kind"},
		{"unknown metric", "city", "POST", "/corrections", map[string]any{"metric": "colour", "reason": "x"}, 400, "metric"},
		{"correct a value", "city", "POST", "/corrections", map[string]any{"metric": "flow_m3s", "reason": "calibration", "corrections": []any{map[string]any{"time": "2026-04-01T01:00:00Z", "value": 5, "kind": "correct"}}}, 201, ""},
		{"fill needs max gap", "city", "POST", "/fill", map[string]any{"metric": "flow_m3s", "from": "2026-04-01T00:00:00Z", "to": "2026-04-01T12:00:00Z"}, 400, "max_gap_seconds"},
		{"fill", "city", "POST", "/fill", fill, 201, ""},
		{"county may not approve", "county", "POST", "/approvals", map[string]any{"metric": "flow_m3s", "from": "2026-04-01T00:00:00Z", "to": "2026-04-02T00:00:00Z", "level": "approved"}, 403, ""},
		{"approve", "city", "POST", "/approvals", map[string]any{"metric": "flow_m3s", "from": "2026-04-01T00:00:00Z", "to": "2026-04-02T00:00:00Z", "level": "approved"}, 201, ""},
		{"locked after approval", "city", "POST", "/corrections", map[string]any{"metric": "flow_m3s", "reason": "late", "corrections": []any{map[string]any{"time": "2026-04-01T02:00:00Z", "value": 5, "kind": "correct"}}}, 409, ""},
		{"bad mode", "city", "GET", "/samples?metric=flow_m3s&mode=best", nil, 400, "mode"},
		{"as_of without mode", "city", "GET", "/samples?metric=flow_m3s&as_of=2026-04-01", nil, 400, "as_of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out struct{ Error struct{ Field string } }
			var dst any = &out
			if tc.status < 300 {
				dst = nil
			}
			if got := f.do(t, tc.role, tc.method, path+tc.sub, tc.body, dst); got != tc.status || out.Error.Field != tc.field {
				t.Fatalf("status %d field %q, want %d %q", got, out.Error.Field, tc.status, tc.field)
			}
		})
	}
	if got := series(""); len(got) != 6 || got[1]["value"] != 1.0 {
		t.Fatalf("raw series changed: %v", got)
	}
	corr := series("&mode=corrected")
	// Raw 6 values + 2 filled (the 2-hour gap fits under 3 h; the 4-hour one stays empty).
	if len(corr) != 8 || corr[1]["value"] != 5.0 || corr[3]["value"] != 3.0 || corr[3]["flags"] == nil {
		t.Fatalf("corrected series %v", corr)
	}
	var aps []map[string]any
	f.do(t, "auditor", "GET", path+"/approvals", nil, &aps)
	if len(aps) != 1 || aps[0]["level"] != "approved" {
		t.Fatalf("approvals %v", aps)
	}
}
