package api_test

import (
	"strings"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
)

// TestReuseAPI: an enterprise files its own reuse report (indicator 8's
// register) and reads it back; another's is refused; a bad volume names its
// field; and the rights reports answer json with their tables and refuse a
// bad month by name.
func TestReuseAPI(t *testing.T) {
	f := newFixture(t)
	in := sishui.ReuseReport{UserID: f.ent.ID, Year: 2025, IntakeM3: 10_000, ReusedM3: 90_000, AboveSize: true}
	var out sishui.ReuseReport
	if code := f.do(t, "enterprise", "PUT", "/api/v1/industrial-reuse", in, &out); code != 200 || out.ID == 0 || out.Region == "" {
		t.Fatalf("file: %d %+v", code, out)
	}
	var e api.ErrorBody
	bad := in
	bad.ReusedM3 = -1
	if code := f.do(t, "enterprise", "PUT", "/api/v1/industrial-reuse", bad, &e); code != 400 || e.Error.Field != "reused_m3" {
		t.Fatalf("bad volume: %d %+v", code, e)
	}
	other := in
	other.UserID = f.ent.ID + 1000
	if code := f.do(t, "enterprise", "PUT", "/api/v1/industrial-reuse", other, nil); code != 403 {
		t.Fatalf("another's report: %d", code)
	}
	if code := f.do(t, "auditor", "PUT", "/api/v1/industrial-reuse", in, nil); code != 403 {
		t.Fatalf("auditor: %d", code)
	}
	var list []sishui.ReuseReport
	if code := f.do(t, "city", "GET", "/api/v1/industrial-reuse?year=2025", nil, &list); code != 200 || len(list) != 1 || list[0].ReusedM3 != 90_000 {
		t.Fatalf("list: %d %+v", code, list)
	}

	var rep struct {
		Subject string `json:"subject"`
		Tables  []struct {
			Name string `json:"name"`
		} `json:"tables"`
	}
	if code := f.do(t, "city", "GET", "/api/v1/rights/reports/annual?year=2026", nil, &rep); code != 200 || rep.Subject != "用水权" || len(rep.Tables) != 4 {
		t.Fatalf("annual rights report: %d %+v", code, rep)
	}
	if code := f.do(t, "city", "GET", "/api/v1/rights/reports/monthly?year=2026&month=13", nil, &e); code != 400 || e.Error.Field != "month" {
		t.Fatalf("month 13: %d %+v", code, e)
	}
	if code := f.do(t, "city", "GET", "/api/v1/rights/reports/weekly?year=2026", nil, &e); code != 400 || !strings.Contains(e.Error.Field, "kind") {
		t.Fatalf("weekly: %d %+v", code, e)
	}
}
