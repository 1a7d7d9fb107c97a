package api_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/livecap"
	"github.com/sishui/sishui/internal/workspace"
)

// workspaceRoutes are the scenario and live-capacity routes over a store.
func workspaceRoutes(t *testing.T, st sishui.Store) []api.Route {
	t.Helper()
	svc, err := accounting.New(st, accounting.Config{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := workspace.LoadModel(os.DirFS(modelsDir), workspace.LiaochengRegions)
	if err != nil {
		t.Fatal(err)
	}
	return append(api.ScenarioRoutes(svc, m), api.LiveCapacityRoutes(&livecap.Refresher{Store: st})...)
}

// TestScenarioWorkspace: save, run, compare, share, export and 以水定人
// through the API; bad input names its field; scope holds.
func TestScenarioWorkspace(t *testing.T) {
	f := newFixture(t)
	f.api.Extra = workspaceRoutes(t, f.st)
	srv := httptest.NewServer(f.api.Handler())
	defer srv.Close()
	f.srv = srv

	var errBody api.ErrorBody
	if code := f.do(t, "city", "POST", "/api/v1/scenarios", map[string]any{"name": "x", "changes": map[string]any{"guarantee_pct": 80}}, &errBody); code != 400 || errBody.Error.Field != "changes.guarantee_pct" {
		t.Fatalf("bad guarantee: %d %+v", code, errBody)
	}
	if code := f.do(t, "city", "POST", "/api/v1/scenarios", map[string]any{"changes": map[string]any{}}, &errBody); code != 400 || errBody.Error.Field != "name" {
		t.Fatalf("no name: %d %+v", code, errBody)
	}
	if code := f.do(t, "auditor", "POST", "/api/v1/scenarios", map[string]any{"name": "x", "changes": map[string]any{}}, nil); code != 403 {
		t.Fatalf("auditor creates: %d", code)
	}
	var base, dry sishui.Scenario
	if code := f.do(t, "city", "POST", "/api/v1/scenarios", map[string]any{"name": "现状 2030", "changes": map[string]any{"year": 2030}}, &base); code != 201 {
		t.Fatalf("create: %d", code)
	}
	if code := f.do(t, "city", "POST", "/api/v1/scenarios", map[string]any{"name": "枯水 95%", "base": base.ID}, &dry); code != 201 || string(dry.Changes) != `{"year":2030}` || dry.Base != base.ID {
		t.Fatalf("from base: %d %+v", code, dry)
	}
	if code := f.do(t, "city", "PUT", "/api/v1/scenarios/"+itoa(dry.ID), map[string]any{"version": 1, "changes": map[string]any{"year": 2030, "guarantee_pct": 95}}, &dry); code != 200 || dry.Version != 2 {
		t.Fatalf("save: %d %+v", code, dry)
	}
	if code := f.do(t, "city", "PUT", "/api/v1/scenarios/"+itoa(dry.ID), map[string]any{"version": 1, "changes": map[string]any{}}, &errBody); code != 409 {
		t.Fatalf("stale save: %d", code)
	}
	// Compare needs results.
	if code := f.do(t, "city", "GET", "/api/v1/scenarios/compare?a="+itoa(base.ID)+"&b="+itoa(dry.ID), nil, &errBody); code != 409 {
		t.Fatalf("compare before run: %d", code)
	}
	for _, id := range []int64{base.ID, dry.ID} {
		var sc sishui.Scenario
		if code := f.do(t, "city", "POST", "/api/v1/scenarios/"+itoa(id)+"/run", nil, &sc); code != 200 || len(sc.Result) == 0 {
			t.Fatalf("run %d: %d", id, code)
		}
		var res workspace.Result
		if err := json.Unmarshal(sc.Result, &res); err != nil || len(res.Counties) != 8 || res.Year != 2030 {
			t.Fatalf("result %v %+v", err, res)
		}
		// The city's caps from the store reached the result.
		caps, _ := f.st.ListCaps(context.Background(), "371502", 2026)
		if len(caps) == 1 && res.Counties[0].UseCapM3 != float64(caps[0].TotalM3) {
			t.Fatalf("cap %v, store %d", res.Counties[0].UseCapM3, caps[0].TotalM3)
		}
	}
	var cmp workspace.Comparison
	if code := f.do(t, "city", "GET", "/api/v1/scenarios/compare?a="+itoa(base.ID)+"&b="+itoa(dry.ID), nil, &cmp); code != 200 || len(cmp.Counties) != 8 {
		t.Fatalf("compare: %d %+v", code, cmp)
	}
	if cmp.GuaranteePctA != 75 || cmp.GuaranteePctB != 95 || cmp.ShortageB <= cmp.ShortageA {
		t.Fatalf("a drought year should be shorter: %+v", cmp)
	}
	// Not visible to a county account until shared; shared read: no run.
	if code := f.do(t, "county", "GET", "/api/v1/scenarios/"+itoa(dry.ID), nil, nil); code != 404 {
		t.Fatalf("county sees unshared: %d", code)
	}
	if code := f.do(t, "city", "POST", "/api/v1/scenarios/"+itoa(dry.ID)+"/shares", map[string]any{"account": "county", "access": "read"}, nil); code != 200 {
		t.Fatalf("share: %d", code)
	}
	if code := f.do(t, "city", "POST", "/api/v1/scenarios/"+itoa(dry.ID)+"/shares", map[string]any{"account": "ghost", "access": "read"}, &errBody); code != 400 || errBody.Error.Field != "account" {
		t.Fatalf("share with nobody: %d %+v", code, errBody)
	}
	if code := f.do(t, "county", "POST", "/api/v1/scenarios/"+itoa(dry.ID)+"/run", nil, nil); code != 403 {
		t.Fatalf("read share runs: %d", code)
	}
	var exp api.ScenarioExport
	if code := f.do(t, "county", "GET", "/api/v1/scenarios/"+itoa(dry.ID)+"/export", nil, &exp); code != 200 || len(exp.Versions) != 2 || len(exp.Versions[1].Result) == 0 {
		t.Fatalf("export: %d %+v", code, exp)
	}
	// 以水定人 under the scenario and unsaved.
	var a workspace.CarryAnswer
	if code := f.do(t, "city", "POST", "/api/v1/scenarios/"+itoa(dry.ID)+"/carry", map[string]any{"region": "371522", "quantity": "population"}, &a); code != 200 || a.Binding == "" {
		t.Fatalf("carry: %d %+v", code, a)
	}
	if code := f.do(t, "city", "POST", "/api/v1/models/carry", map[string]any{"changes": map[string]any{}, "region": "371522", "quantity": "cats"}, &errBody); code != 400 || errBody.Error.Field != "quantity" {
		t.Fatalf("bad quantity: %d %+v", code, errBody)
	}
	var wi workspace.Result
	if code := f.do(t, "auditor", "POST", "/api/v1/models/whatif", map[string]any{"changes": map[string]any{"guarantee_pct": 95}}, &wi); code != 200 || wi.GuaranteePct != 95 {
		t.Fatalf("what-if: %d", code)
	}
	var bl api.ScenarioBaseline
	if code := f.do(t, "city", "GET", "/api/v1/scenarios/baseline", nil, &bl); code != 200 || len(bl.Counties) != 8 || len(bl.Baseline.Counties) == 0 {
		t.Fatalf("baseline: %d %+v", code, bl)
	}
	// Live capacity: refresh is for city staff; the history is readable.
	if code := f.do(t, "county", "POST", "/api/v1/capacity/live/refresh", map[string]any{"from": 202601, "to": 202601}, nil); code != 403 {
		t.Fatalf("county refresh: %d", code)
	}
	if code := f.do(t, "city", "POST", "/api/v1/capacity/live/refresh", map[string]any{"from": 202601, "to": 202613}, &errBody); code != 400 || errBody.Error.Field != "to" {
		t.Fatalf("bad month: %d %+v", code, errBody)
	}
	var hist []sishui.CapacityMonth
	if code := f.do(t, "city", "POST", "/api/v1/capacity/live/refresh", map[string]any{"from": 202601, "to": 202602}, &hist); code != 200 || len(hist) != 16 {
		t.Fatalf("refresh: %d, %d months", code, len(hist))
	}
	if code := f.do(t, "", "GET", "/api/v1/capacity/live?region=371502", nil, &hist); code != 200 || len(hist) != 2 || hist[0].Basis == "" {
		t.Fatalf("history: %d %+v", code, hist)
	}
	if code := f.do(t, "city", "DELETE", "/api/v1/scenarios/"+itoa(base.ID), nil, nil); code != 409 {
		t.Fatalf("delete a base: %d", code)
	}
	// Deleting: not by an auditor (who reads it), by the owner (or an admin).
	if code := f.do(t, "auditor", "DELETE", "/api/v1/scenarios/"+itoa(dry.ID), nil, nil); code != 403 {
		t.Fatalf("auditor deletes: %d", code)
	}
	if code := f.do(t, "city", "DELETE", "/api/v1/scenarios/"+itoa(dry.ID), nil, nil); code != 204 {
		t.Fatalf("owner deletes: %d", code)
	}
	if code := f.do(t, "city", "GET", "/api/v1/scenarios/"+itoa(dry.ID), nil, nil); code != 404 {
		t.Fatalf("deleted scenario: %d", code)
	}
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
