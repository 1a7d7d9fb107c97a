package storetest

import (
	"database/sql"
	"encoding/json"
	"testing"

	"github.com/sishui/sishui"
)

// testDispatch: a plan stored with its orders in one transaction, read back, and its
// orders acknowledged once each by the right operators (audited).
func testDispatch(t *testing.T, s sishui.Store, _ *sql.DB) {
	city := as(sishui.RoleCity, "", 0)
	Seed(t, s)
	for _, w := range []*sishui.Work{
		{Code: "intake_a", Kind: sishui.WorkIntake, Name: "引黄闸A", Region: CountyA, Status: sishui.WorkInService, Basis: sishui.BasisInvented, DesignFlowM3s: 50},
		{Code: "res_b", Kind: sishui.WorkReservoir, Name: "水库B", Region: CountyB, Status: sishui.WorkInService, Basis: sishui.BasisInvented, CapacityM3: 1e7},
	} {
		must(t, s.UpsertWork(city, w))
	}
	orders := func() []*sishui.DispatchOrder {
		return []*sishui.DispatchOrder{
			{Work: "intake_a", Day: "2026-04-01", Days: 1, Action: "withdraw", VolumeM3: 864000, FlowM3s: 10, ForecastDemandM3: 900000, ForecastInflowM3: 1e7},
			{Work: "res_b", Day: "2026-04-01", Days: 1, Action: "release", VolumeM3: 43200, FlowM3s: 0.5, TargetLevelM: 33.2},
			{Work: "intake_a", Day: "2026-04-02", Days: 1, Action: "withdraw", VolumeM3: 432000, FlowM3s: 5},
		}
	}
	p := &sishui.DispatchPlan{Start: "2026-04-01", Step: sishui.DispatchStepDay, Steps: 2, Objective: 12.5, SolveMS: 1.2, Body: json.RawMessage(`{"periods":[]}`)}
	wantCode(t, s.CreateDispatchPlan(as(sishui.RoleCounty, CountyA, 0), p, orders()), sishui.EFORBIDDEN, "")
	bad := orders()
	bad[2].Work = "ghost"
	wantCode(t, s.CreateDispatchPlan(city, p, bad), sishui.EINVALID, "orders[2].work")
	bad = orders()
	bad[1].Action = "open"
	wantCode(t, s.CreateDispatchPlan(city, p, bad), sishui.EINVALID, "action")
	wantCode(t, s.CreateDispatchPlan(city, &sishui.DispatchPlan{Start: "2026-04-31", Step: "day", Steps: 1}, nil), sishui.EINVALID, "start")
	if ps, err := s.ListDispatchPlans(city, 10); err != nil || len(ps) != 0 {
		t.Fatalf("a refused plan was half-written: %v %v", ps, err)
	}
	must(t, s.CreateDispatchPlan(city, p, orders()))
	if p.ID == 0 || p.Orders != 3 {
		t.Fatalf("plan %+v", p)
	}
	ps, err := s.ListDispatchPlans(city, 10)
	must(t, err)
	if len(ps) != 1 || ps[0].Orders != 3 || ps[0].Acknowledged != 0 || ps[0].Body != nil {
		t.Fatalf("plans %+v", ps)
	}
	got, err := s.GetDispatchPlan(city, p.ID)
	must(t, err)
	if string(got.Body) != `{"periods":[]}` || got.Objective != 12.5 || got.Start != "2026-04-01" {
		t.Fatalf("plan %+v", got)
	}
	_, err = s.GetDispatchPlan(city, p.ID+100)
	wantCode(t, err, sishui.ENOTFOUND, "")
	_, err = s.ListDispatchPlans(as(sishui.RoleEnterprise, "", 1), 10)
	wantCode(t, err, sishui.EFORBIDDEN, "")

	os, err := s.ListDispatchOrders(city, p.ID, "")
	must(t, err)
	if len(os) != 3 || os[0].Day != "2026-04-01" || os[0].Work != "intake_a" || os[1].TargetLevelM != 33.2 || os[2].Day != "2026-04-02" {
		t.Fatalf("orders %+v", os)
	}
	os, err = s.ListDispatchOrders(city, p.ID, "intake_a")
	must(t, err)
	if len(os) != 2 {
		t.Fatalf("orders of intake_a %+v", os)
	}

	// County B does not operate intake_a (same answer as a missing order); county A does.
	_, err = s.AcknowledgeDispatchOrder(as(sishui.RoleCounty, CountyB, 0), p.ID, "intake_a", "2026-04-01", "")
	wantCode(t, err, sishui.ENOTFOUND, "")
	_, err = s.AcknowledgeDispatchOrder(as(sishui.RoleAuditor, "", 0), p.ID, "intake_a", "2026-04-01", "")
	wantCode(t, err, sishui.EFORBIDDEN, "")
	o, err := s.AcknowledgeDispatchOrder(as(sishui.RoleCounty, CountyA, 0), p.ID, "intake_a", "2026-04-01", "闸门已调至10 m³/s")
	must(t, err)
	if o.AckBy != "county"+CountyA || o.AckAt == nil || o.AckNote != "闸门已调至10 m³/s" {
		t.Fatalf("acknowledged %+v", o)
	}
	_, err = s.AcknowledgeDispatchOrder(city, p.ID, "intake_a", "2026-04-01", "")
	wantCode(t, err, sishui.ECONFLICT, "")
	_, err = s.AcknowledgeDispatchOrder(city, p.ID, "intake_a", "2026-05-01", "")
	wantCode(t, err, sishui.ENOTFOUND, "")
	_, err = s.AcknowledgeDispatchOrder(city, p.ID, "res_b", "2026-04-01", "a\x00b")
	wantCode(t, err, sishui.EINVALID, "note")
	_, err = s.AcknowledgeDispatchOrder(city, p.ID, "res_b", "2026-04-01", "")
	must(t, err)
	got, err = s.GetDispatchPlan(city, p.ID)
	must(t, err)
	if got.Acknowledged != 2 {
		t.Fatalf("acknowledged %d, want 2", got.Acknowledged)
	}
	es, _, err := s.ListAudit(as(sishui.RoleAuditor, "", 0), sishui.AuditFilter{Entity: "dispatch_order"})
	must(t, err)
	if len(es) != 2 || es[0].Action != "acknowledge" {
		t.Fatalf("audit %+v", es)
	}
	es, _, err = s.ListAudit(as(sishui.RoleAuditor, "", 0), sishui.AuditFilter{Entity: "dispatch_plan"})
	must(t, err)
	if len(es) != 1 {
		t.Fatalf("plan audit %+v", es)
	}
}
