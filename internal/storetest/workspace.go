package storetest

import (
	"context"
	"database/sql"
	"encoding/json"
	"testing"

	"github.com/sishui/sishui"
)

func actorCtx(username, role, region string) context.Context {
	return sishui.WithActor(context.Background(), &sishui.Actor{Username: username, Role: role, Region: region})
}

// testWorkspace: scenarios are versioned, shared read or edit, invisible to
// others (ENOTFOUND, as if absent), saved with optimistic versions, audited;
// the capacity history is kept per county and month and read within scope.
func testWorkspace(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	for _, a := range []*sishui.Account{
		{Username: "licity", Role: sishui.RoleCity},
		{Username: "zhaoa", Role: sishui.RoleCounty, Region: CountyA},
		{Username: "qianb", Role: sishui.RoleCounty, Region: CountyB},
		{Username: "sunaudit", Role: sishui.RoleAuditor},
		{Username: "zhouadmin", Role: sishui.RoleAdmin},
	} {
		must(t, s.CreateAccount(ctx, a))
	}
	li := actorCtx("licity", sishui.RoleCity, "")
	zhao := actorCtx("zhaoa", sishui.RoleCounty, CountyA)
	qian := actorCtx("qianb", sishui.RoleCounty, CountyB)
	sun := actorCtx("sunaudit", sishui.RoleAuditor, "")

	// Bad input names its field; auditors may not create.
	wantCode(t, s.CreateScenario(li, &sishui.Scenario{Changes: json.RawMessage(`{}`)}), sishui.EINVALID, "name")
	wantCode(t, s.CreateScenario(li, &sishui.Scenario{Name: "x", Changes: json.RawMessage(`[1]`)}), sishui.EINVALID, "changes")
	wantCode(t, s.CreateScenario(li, &sishui.Scenario{Name: "x", Changes: json.RawMessage(`{}`), Base: 999}), sishui.EINVALID, "base")
	wantCode(t, s.CreateScenario(sun, &sishui.Scenario{Name: "x", Changes: json.RawMessage(`{}`)}), sishui.EFORBIDDEN, "")

	sc := &sishui.Scenario{Name: "枯水年 95%", Note: "drought", Changes: json.RawMessage(`{"guarantee_pct":95}`)}
	must(t, s.CreateScenario(li, sc))
	if sc.ID == 0 || sc.Version != 1 || sc.Owner != "licity" {
		t.Fatalf("created %+v", sc)
	}
	got, err := s.GetScenario(li, sc.ID)
	must(t, err)
	if got.Name != sc.Name || string(got.Changes) != `{"guarantee_pct":95}` || got.Result != nil || got.Access != "owner" {
		t.Fatalf("got %+v", got)
	}
	// Not visible to another county account, nor listed; the same answer as absent.
	_, err = s.GetScenario(zhao, sc.ID)
	wantCode(t, err, sishui.ENOTFOUND, "")
	_, err = s.GetScenario(zhao, 987654)
	wantCode(t, err, sishui.ENOTFOUND, "")
	if l, err := s.ListScenarios(zhao); err != nil || len(l) != 0 {
		t.Fatalf("zhao lists %d scenarios (%v)", len(l), err)
	}
	// Auditors read everything, write nothing.
	if _, err := s.GetScenario(sun, sc.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.SaveScenario(sun, sc.ID, 1, "", "", json.RawMessage(`{}`))
	wantCode(t, err, sishui.EFORBIDDEN, "")

	// Results attach to a version; a new version starts without one.
	must(t, s.SetScenarioResult(li, sc.ID, 1, json.RawMessage(`{"ok":1}`)))
	got, _ = s.GetScenario(li, sc.ID)
	if string(got.Result) != `{"ok":1}` {
		t.Fatalf("result %s", got.Result)
	}
	wantCode(t, s.SetScenarioResult(li, sc.ID, 7, json.RawMessage(`{}`)), sishui.ENOTFOUND, "")

	// Share read with zhao: sees, cannot save; edit: saves. Stale versions conflict.
	wantCode(t, s.ShareScenario(li, sc.ID, "nobody", sishui.AccessRead), sishui.EINVALID, "account")
	wantCode(t, s.ShareScenario(li, sc.ID, "zhaoa", "write"), sishui.EINVALID, "access")
	must(t, s.ShareScenario(li, sc.ID, "zhaoa", sishui.AccessRead))
	got, err = s.GetScenario(zhao, sc.ID)
	must(t, err)
	if got.Access != sishui.AccessRead || len(got.Shares) != 1 || got.Shares[0].Account != "zhaoa" {
		t.Fatalf("shared %+v", got)
	}
	_, err = s.SaveScenario(zhao, sc.ID, 1, "", "", json.RawMessage(`{"guarantee_pct":75}`))
	wantCode(t, err, sishui.EFORBIDDEN, "")
	wantCode(t, s.ShareScenario(zhao, sc.ID, "qianb", sishui.AccessRead), sishui.EFORBIDDEN, "")
	must(t, s.ShareScenario(li, sc.ID, "zhaoa", sishui.AccessEdit))
	v2, err := s.SaveScenario(zhao, sc.ID, 1, "", "", json.RawMessage(`{"guarantee_pct":75}`))
	must(t, err)
	if v2.Version != 2 || v2.Result != nil || v2.Name != "枯水年 95%" || v2.Note != "drought" {
		t.Fatalf("v2 %+v", v2)
	}
	_, err = s.SaveScenario(li, sc.ID, 1, "", "", json.RawMessage(`{}`))
	wantCode(t, err, sishui.ECONFLICT, "version")
	_, err = s.SaveScenario(li, sc.ID, 2, "", "", json.RawMessage(`"x"`))
	wantCode(t, err, sishui.EINVALID, "changes")
	vs, err := s.ListScenarioVersions(li, sc.ID)
	must(t, err)
	if len(vs) != 2 || vs[0].Actor != "licity" || vs[1].Actor != "zhaoa" || string(vs[0].Changes) != `{"guarantee_pct":95}` {
		t.Fatalf("versions %+v", vs)
	}
	v1, err := s.GetScenarioVersion(zhao, sc.ID, 1)
	must(t, err)
	if string(v1.Result) != `{"ok":1}` || v1.RunMS == 0 {
		t.Fatalf("v1 %+v", v1)
	}
	if l, _ := s.ListScenarios(zhao); len(l) != 1 || l[0].Access != sishui.AccessEdit {
		t.Fatalf("zhao lists %+v", l)
	}
	// Unshared again: gone for zhao.
	must(t, s.ShareScenario(li, sc.ID, "zhaoa", ""))
	_, err = s.GetScenario(zhao, sc.ID)
	wantCode(t, err, sishui.ENOTFOUND, "")

	// A scenario based on another; the base cannot be deleted while used.
	child := &sishui.Scenario{Name: "child", Base: sc.ID, Changes: json.RawMessage(`{}`)}
	must(t, s.CreateScenario(li, child))
	wantCode(t, s.DeleteScenario(li, sc.ID), sishui.ECONFLICT, "")
	wantCode(t, s.DeleteScenario(qian, child.ID), sishui.ENOTFOUND, "")
	must(t, s.DeleteScenario(li, child.ID))
	_, err = s.GetScenario(li, child.ID)
	wantCode(t, err, sishui.ENOTFOUND, "")
	// Only the owner or an administrator deletes: not an account it is shared
	// with for editing, nor an auditor (who reads everything).
	other := &sishui.Scenario{Name: "other", Changes: json.RawMessage(`{}`)}
	must(t, s.CreateScenario(li, other))
	must(t, s.ShareScenario(li, other.ID, "zhaoa", sishui.AccessEdit))
	wantCode(t, s.DeleteScenario(zhao, other.ID), sishui.EFORBIDDEN, "")
	wantCode(t, s.DeleteScenario(sun, other.ID), sishui.EFORBIDDEN, "")
	must(t, s.DeleteScenario(actorCtx("zhouadmin", sishui.RoleAdmin, ""), other.ID))
	_, err = s.GetScenario(li, other.ID)
	wantCode(t, err, sishui.ENOTFOUND, "")

	// Audited.
	entries, _, err := s.ListAudit(ctx, sishui.AuditFilter{Entity: "scenario"})
	must(t, err)
	actions := map[string]int{}
	for _, e := range entries {
		actions[e.Action]++
	}
	if actions["create"] != 3 || actions["update"] != 1 || actions["share"] != 4 || actions["run"] != 1 || actions["delete"] != 2 {
		t.Fatalf("audit actions %v", actions)
	}

	// Capacity history: per region and month, replaced on recompute, scoped.
	for _, m := range []*sishui.CapacityMonth{
		{Region: CountyA, Month: 202601, Grade: "not_overloaded", LevelDeclineMPerYear: 0.2},
		{Region: CountyA, Month: 202602, Grade: "critical", DeepConfinedM3: 10},
		{Region: CountyB, Month: 202601, Grade: "overloaded"},
	} {
		must(t, s.UpsertCapacityMonth(ctx, m))
	}
	must(t, s.UpsertCapacityMonth(ctx, &sishui.CapacityMonth{Region: CountyA, Month: 202602, Grade: "severely_overloaded", DeepConfinedM3: 20}))
	wantCode(t, s.UpsertCapacityMonth(ctx, &sishui.CapacityMonth{Region: CountyA, Month: 202613}), sishui.EINVALID, "month")
	wantCode(t, s.UpsertCapacityMonth(zhao, &sishui.CapacityMonth{Region: CountyA, Month: 202603}), sishui.EFORBIDDEN, "")
	if err := s.UpsertCapacityMonth(ctx, &sishui.CapacityMonth{Region: "999999", Month: 202601}); err == nil {
		t.Fatal("capacity month for an unknown region stored")
	}
	h, err := s.ListCapacityHistory(li, "", 0, 0)
	must(t, err)
	if len(h) != 3 || h[1].Grade != "severely_overloaded" || h[1].DeepConfinedM3 != 20 || h[0].LevelDeclineMPerYear != 0.2 {
		t.Fatalf("history %+v", h)
	}
	h, err = s.ListCapacityHistory(qian, "", 0, 0)
	must(t, err)
	if len(h) != 1 || h[0].Region != CountyB {
		t.Fatalf("county B sees %+v", h)
	}
	h, err = s.ListCapacityHistory(li, CountyA, 202602, 202612)
	must(t, err)
	if len(h) != 1 || h[0].Month != 202602 {
		t.Fatalf("filtered %+v", h)
	}
}
