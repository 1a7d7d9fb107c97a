package storetest

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/permitting"
	"github.com/sishui/sishui/internal/permitview"
)

// square is a GeoJSON polygon around (lon, lat), ±0.05°.
func square(lon, lat float64) json.RawMessage {
	b, _ := json.Marshal(map[string]any{"type": "Polygon", "coordinates": [][][2]float64{{
		{lon - 0.05, lat - 0.05}, {lon + 0.05, lat - 0.05}, {lon + 0.05, lat + 0.05}, {lon - 0.05, lat + 0.05}, {lon - 0.05, lat - 0.05}}}})
	return b
}

type checkResult struct {
	Refusals []struct {
		Rule    string           `json:"rule"`
		Numbers map[string]int64 `json:"numbers"`
	} `json:"refusals"`
	Waived    []struct{ Rule string } `json:"waived"`
	Exception string                  `json:"exception"`
}

func refusingRules(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var c checkResult
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatalf("check %s: %v", raw, err)
	}
	var out []string
	for _, r := range c.Refusals {
		out = append(out, r.Rule)
	}
	return out
}

func step(t *testing.T, s sishui.Store, ctx context.Context, id int64, st sishui.ApplicationStep, wantState string) *sishui.PermitApplication {
	t.Helper()
	a, err := s.StepApplication(ctx, id, &st)
	if err != nil {
		t.Fatalf("%s: %v", st.Action, err)
	}
	if a.State != wantState || st.ToState != wantState || st.Actor == "" {
		t.Fatalf("%s: state %s (step %+v), want %s", st.Action, a.State, st, wantState)
	}
	return a
}

// testPermitting runs an application from submission to certificate, then
// its renewal, with 限批 refusals, plans, mains areas, attachments and scoping.
func testPermitting(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	city := as(sishui.RoleCity, "", 0)
	admin := as(sishui.RoleAdmin, "", 0)
	year := time.Now().In(sishui.BeijingTime).Year()
	for y := year - 1; y <= year+6; y++ {
		must(t, s.UpsertCap(ctx, &sishui.RegionCap{Region: CountyA, Year: y, TotalM3: 1_000_000, GroundwaterM3: 400_000}))
	}
	must(t, s.UpsertZone(ctx, &sishui.Zone{Code: "LIM1", Name: "限采区", Region: CountyA, Kind: sishui.ZoneLimited, Layer: "shallow", AnnualCapM3: 300_000}))
	zones, err := s.ListZones(ctx, CountyA)
	must(t, err)
	limited := zones[0].ID
	u := newUser(CountyA, 7)
	must(t, s.CreateWaterUser(ctx, u))
	other := newUser(CountyA, 8)
	must(t, s.CreateWaterUser(ctx, other))
	ent := as(sishui.RoleEnterprise, "", u.ID)

	app := &sishui.PermitApplication{Kind: sishui.ApplicationNew, UserID: u.ID, Project: "东昌府区某食品厂扩建", Region: CountyA,
		Source: sishui.SourceGroundShallow, Sector: "industry", Purpose: "工业生产", AnnualM3: 60_000, TermYears: 5,
		IntakeName: "厂区1号井", Lon: 115.98, Lat: 36.45, ReturnPoint: "城市污水管网", ReturnMethod: "经处理后排入管网", ReturnM3: 20_000, Layer: "shallow"}
	// The enterprise applies for itself only.
	bad := *app
	bad.UserID = other.ID
	wantCode(t, s.CreateApplication(ent, &bad, ""), sishui.EFORBIDDEN, "")
	bad = *app
	bad.TermYears = 11
	wantCode(t, s.CreateApplication(ent, &bad, ""), sishui.EINVALID, "term_years")
	must(t, s.CreateApplication(ent, app, "申请新建取水"))
	if app.State != "submitted" || app.Level != "city" || app.ReceivedAt.IsZero() || app.CreatedBy == "" {
		t.Fatalf("created %+v", app)
	}
	if _, err := s.GetApplication(as(sishui.RoleEnterprise, "", other.ID), app.ID); sishui.ErrorCode(err) != sishui.ENOTFOUND {
		t.Fatalf("another enterprise sees the application: %v", err)
	}
	if _, n, err := s.ListApplications(as(sishui.RoleCounty, CountyB, 0), sishui.ApplicationFilter{}); err != nil || n != 0 {
		t.Fatalf("county B sees %d applications (%v)", n, err)
	}
	if _, err := s.StepApplication(ent, app.ID, &sishui.ApplicationStep{Action: "accept"}); sishui.ErrorCode(err) != sishui.EFORBIDDEN {
		t.Fatalf("enterprise accepted: %v", err)
	}
	if _, err := s.StepApplication(city, app.ID, &sishui.ApplicationStep{Action: "approve"}); sishui.ErrorCode(err) != sishui.ECONFLICT {
		t.Fatalf("approved before acceptance: %v", err)
	}

	// Documents in the database.
	doc := &sishui.Attachment{ApplicationID: app.ID, Name: "水资源论证报告.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.4 report")}
	must(t, s.AddAttachment(ent, doc))
	wantCode(t, s.AddAttachment(ent, &sishui.Attachment{ApplicationID: app.ID, Name: "big.bin", Data: make([]byte, sishui.MaxAttachmentBytes+1)}), sishui.EINVALID, "data")
	wantCode(t, s.AddAttachment(ent, &sishui.Attachment{ApplicationID: app.ID, Name: "../x", Data: []byte("x")}), sishui.EINVALID, "name")
	got, err := s.GetAttachment(city, doc.ID)
	must(t, err)
	if !bytes.Equal(got.Data, doc.Data) || got.Size != int64(len(doc.Data)) || len(got.SHA256) != 64 {
		t.Fatalf("attachment %+v", got)
	}
	if _, err := s.GetAttachment(as(sishui.RoleEnterprise, "", other.ID), doc.ID); sishui.ErrorCode(err) != sishui.ENOTFOUND {
		t.Fatalf("another enterprise reads the attachment: %v", err)
	}
	list, err := s.ListAttachments(ent, app.ID)
	must(t, err)
	if len(list) != 1 || list[0].Data != nil {
		t.Fatalf("attachments %+v", list)
	}

	// The lifecycle.
	wantCode(t, func() error {
		_, err := s.StepApplication(city, app.ID, &sishui.ApplicationStep{Action: "return"})
		return err
	}(), sishui.EINVALID, "comment")
	step(t, s, city, app.ID, sishui.ApplicationStep{Action: "return", Comment: "缺少取水工程平面图"}, "returned")
	step(t, s, ent, app.ID, sishui.ApplicationStep{Action: "resubmit", Attachments: []int64{doc.ID}}, "submitted")
	step(t, s, city, app.ID, sishui.ApplicationStep{Action: "accept"}, "accepted")
	wantCode(t, func() error {
		_, err := s.StepApplication(city, app.ID, &sishui.ApplicationStep{Action: "review"})
		return err
	}(), sishui.EINVALID, "reviewers")
	step(t, s, city, app.ID, sishui.ApplicationStep{Action: "review", Reviewers: []string{"张工", "李工"}, Attachments: []int64{doc.ID}}, "under_review")
	wantCode(t, func() error {
		_, err := s.StepApplication(city, app.ID, &sishui.ApplicationStep{Action: "opinion", Reviewer: "张工", Opinion: "maybe"})
		return err
	}(), sishui.EINVALID, "opinion")
	step(t, s, city, app.ID, sishui.ApplicationStep{Action: "opinion", Reviewer: "张工", Opinion: sishui.OpinionAgree}, "under_review")
	step(t, s, city, app.ID, sishui.ApplicationStep{Action: "opinion", Reviewer: "李工", Opinion: sishui.OpinionAgreeConditions, Comment: "加强计量"}, "under_review")
	a := step(t, s, city, app.ID, sishui.ApplicationStep{Action: "approve", Comment: "准予许可"}, "approved")
	if len(refusingRules(t, a.Check)) != 0 || a.ValidFrom.IsZero() || !a.ValidTo.Equal(a.ValidFrom.AddDate(5, 0, -1)) || a.DecidedAt.IsZero() || a.AcceptedAt.IsZero() {
		t.Fatalf("approved %+v", a)
	}
	wantCode(t, func() error {
		_, err := s.StepApplication(city, app.ID, &sishui.ApplicationStep{Action: "certify"})
		return err
	}(), sishui.EINVALID, "certificate")
	a = step(t, s, city, app.ID, sishui.ApplicationStep{Action: "certify", Certificate: "取水(聊东)字[2026]第101号"}, "certified")
	p, err := s.GetPermit(ent, a.PermitID)
	must(t, err)
	if p.Number != "取水(聊东)字[2026]第101号" || p.Status != sishui.PermitActive || p.AnnualM3 != 60_000 || !p.ValidTo.Equal(a.ValidTo) || !p.OnlineRequired {
		t.Fatalf("permit %+v", p)
	}
	cert, err := s.GetCertificate(ent, p.ID)
	must(t, err)
	if cert.ReturnM3 != 20_000 || cert.ReturnMethod == "" || cert.ApplicationID != app.ID || cert.Layer != "shallow" {
		t.Fatalf("certificate %+v", cert)
	}
	steps, err := s.ListApplicationSteps(ent, app.ID)
	must(t, err)
	var actions []string
	for _, st := range steps {
		actions = append(actions, st.Action)
	}
	if strings.Join(actions, ",") != "submit,return,resubmit,accept,review,opinion,opinion,approve,certify" || steps[4].Reviewers[1] != "李工" || steps[2].Attachments[0] != doc.ID {
		t.Fatalf("steps %v %+v", actions, steps[4])
	}
	if _, err := s.StepApplication(city, app.ID, &sishui.ApplicationStep{Action: "withdraw"}); sishui.ErrorCode(err) != sishui.ECONFLICT {
		t.Fatalf("withdrew a certified application: %v", err)
	}

	// Annual plan and report.
	must(t, s.UpsertAnnualPlan(ent, &sishui.AnnualPlan{PermitID: p.ID, Year: year + 1, PlannedM3: 55_000}))
	wantCode(t, s.UpsertAnnualPlan(ent, &sishui.AnnualPlan{PermitID: p.ID, Year: year + 1, PlannedM3: 70_000}), sishui.EINVALID, "planned_m3")
	must(t, s.UpsertAnnualPlan(ent, &sishui.AnnualPlan{PermitID: p.ID, Year: year + 1, PlannedM3: 55_000, ReportedM3: 51_000}))
	plans, err := s.ListAnnualPlans(city, p.ID, 0)
	must(t, err)
	if len(plans) != 1 || plans[0].ReportedM3 != 51_000 || plans[0].ReportedAt.IsZero() {
		t.Fatalf("annual plans %+v", plans)
	}
	if all, err := s.ListAnnualPlans(city, 0, year+1); err != nil || len(all) != 1 {
		t.Fatalf("plans of %d: %v %v", year+1, all, err)
	}
	if seen, err := s.ListAnnualPlans(as(sishui.RoleEnterprise, "", other.ID), 0, 0); err != nil || len(seen) != 0 {
		t.Fatalf("another enterprise sees plans: %v %v", seen, err)
	}

	// 限批 at approval: a taking that would put the permitted total above the
	// cap is refused with its rule and numbers; the bureau records the refusal.
	big := *app
	big.ID, big.Source, big.AnnualM3, big.ZoneID, big.Lon, big.Lat, big.Project = 0, sishui.SourceYellowRiver, 950_000, 0, 0, 0, "大型项目"
	must(t, s.CreateApplication(city, &big, "代为申请"))
	step(t, s, city, big.ID, sishui.ApplicationStep{Action: "accept"}, "accepted")
	_, err = s.StepApplication(city, big.ID, &sishui.ApplicationStep{Action: "approve"})
	wantCode(t, err, sishui.ECONFLICT, "region")
	if !strings.Contains(err.Error(), "60000 + 950000 = 1010000") {
		t.Fatalf("refusal without its numbers: %v", err)
	}
	raw, err := s.CheckApplication(city, big.ID)
	must(t, err)
	if r := refusingRules(t, raw); len(r) == 0 || r[0] != "permitted_total_cap" {
		t.Fatalf("check %s", raw)
	}
	_, err = s.StepApplication(city, big.ID, &sishui.ApplicationStep{Action: "approve", Override: true, Justification: "x"})
	wantCode(t, err, sishui.EFORBIDDEN, "")
	a = step(t, s, city, big.ID, sishui.ApplicationStep{Action: "refuse", Comment: "超过用水总量控制指标"}, "refused")
	if r := refusingRules(t, a.Check); len(r) == 0 || r[0] != "permitted_total_cap" {
		t.Fatalf("refusal check %s", a.Check)
	}

	// A limited zone: ≥ 5万 m³ of groundwater goes to the province, and the
	// stricter path refuses; a plan area without a passed assessment and a
	// public-mains area refuse too.
	must(t, s.UpsertPlan(city, &sishui.Plan{Code: "P_PARK", Name: "化工产业园", Kind: "industrial_park", Region: CountyA, Area: square(116.2, 36.5), Status: sishui.PlanPending, DemandM3: 2_000_000}))
	wantCode(t, s.UpsertPlan(city, &sishui.Plan{Code: "P_BAD", Name: "x", Kind: "industrial_park", Region: CountyA, Area: json.RawMessage(`{"type":"Point","coordinates":[1,2]}`), Status: sishui.PlanPending}), sishui.EINVALID, "area")
	must(t, s.UpsertMainsArea(city, &sishui.MainsArea{Code: "M_CITY", Name: "城区供水管网", Region: CountyA, Area: square(116.2, 36.5)}))
	gw := *app
	gw.ID, gw.ZoneID, gw.Lon, gw.Lat, gw.AnnualM3, gw.Project = 0, limited, 116.21, 36.49, 50_000, "园区自备井"
	must(t, s.CreateApplication(ent, &gw, ""))
	if gw.Level != "province" || !strings.Contains(gw.LevelReason, "限采区") {
		t.Fatalf("level %s (%s)", gw.Level, gw.LevelReason)
	}
	raw, err = s.CheckApplication(city, gw.ID)
	must(t, err)
	if r := strings.Join(refusingRules(t, raw), ","); r != "limited_zone,public_mains,planning_assessment" {
		t.Fatalf("refusals %s", raw)
	}
	step(t, s, city, gw.ID, sishui.ApplicationStep{Action: "accept"}, "accepted")
	// The province decides: the bureau forwards it (with the letter's
	// number), once; a city decision has nothing to forward.
	_, err = s.StepApplication(city, gw.ID, &sishui.ApplicationStep{Action: "forward"})
	wantCode(t, err, sishui.EINVALID, "reference")
	if a := step(t, s, city, gw.ID, sishui.ApplicationStep{Action: "forward", Reference: "聊水转〔2026〕1号"}, "accepted"); a.ForwardedAt.IsZero() {
		t.Fatal("forwarding not recorded")
	}
	if got, err := s.GetApplication(city, gw.ID); err != nil || got.ForwardedAt.IsZero() {
		t.Fatalf("forwarding not stored: %+v %v", got, err)
	}
	_, err = s.StepApplication(city, gw.ID, &sishui.ApplicationStep{Action: "forward", Reference: "again"})
	wantCode(t, err, sishui.ECONFLICT, "action")
	_, err = s.StepApplication(city, gw.ID, &sishui.ApplicationStep{Action: "refuse", Comment: "限采区"})
	wantCode(t, err, sishui.EINVALID, "reference")
	step(t, s, city, gw.ID, sishui.ApplicationStep{Action: "refuse", Comment: "限采区", Reference: "鲁水许字〔2026〕1号"}, "refused")
	// Passing the plan's assessment lifts that refusal.
	must(t, s.UpsertPlan(city, &sishui.Plan{Code: "P_PARK", Name: "化工产业园", Kind: "industrial_park", Region: CountyA, Area: square(116.2, 36.5), Status: sishui.PlanPassed, CapsAllow: true}))
	pl, err := s.GetPlan(city, "P_PARK")
	must(t, err)
	if pl.Status != sishui.PlanPassed || !pl.CapsAllow {
		t.Fatalf("plan %+v", pl)
	}

	// Renewal, at least 45 days before expiry.
	ren := *app
	ren.ID, ren.Kind, ren.PermitID, ren.Project = 0, sishui.ApplicationRenewal, p.ID, "延续"
	must(t, s.CreateApplication(ent, &ren, "申请延续"))
	step(t, s, city, ren.ID, sishui.ApplicationStep{Action: "accept"}, "accepted")
	a = step(t, s, city, ren.ID, sishui.ApplicationStep{Action: "approve"}, "approved")
	if !a.ValidFrom.Equal(p.ValidTo.AddDate(0, 0, 1)) {
		t.Fatalf("renewal term starts %s, want the day after %s", a.ValidFrom, p.ValidTo)
	}
	step(t, s, city, ren.ID, sishui.ApplicationStep{Action: "certify", Certificate: "取水(聊东)字[2031]第101号"}, "certified")
	renewed, err := s.GetPermit(city, p.ID)
	must(t, err)
	if renewed.Number != "取水(聊东)字[2031]第101号" || !renewed.ValidTo.Equal(a.ValidTo) {
		t.Fatalf("renewed permit %+v", renewed)
	}
	// Expiry: refused while the term runs; a permit past its term expires (audited).
	_, err = s.PermitAction(admin, p.ID, "expire", "too early")
	wantCode(t, err, sishui.ECONFLICT, "action")
	old := newPermit("OLD-1", u.ID, CountyA, sishui.SourceYellowRiver, 1000)
	old.ValidFrom = time.Now().UTC().Truncate(24*time.Hour).AddDate(-5, 0, -3)
	old.ValidTo = time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, -2)
	must(t, s.CreatePermit(ctx, old))
	if x, err := s.PermitAction(sishui.WithActor(ctx, sishui.SystemActor), old.ID, "expire", "term ended"); err != nil || x.Status != sishui.PermitExpired {
		t.Fatalf("expire: %+v %v", x, err)
	}
	soon := newPermit("SOON-1", u.ID, CountyA, sishui.SourceYellowRiver, 1000)
	soon.ValidFrom = time.Now().UTC().Truncate(24*time.Hour).AddDate(-4, 0, 0)
	soon.ValidTo = time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, 30)
	must(t, s.CreatePermit(ctx, soon))
	must(t, s.PutCertificate(city, &sishui.Certificate{PermitID: soon.ID, ZoneID: limited, Layer: "shallow", ReturnPoint: "徒骇河", ReturnMethod: "明渠", ReturnM3: 300}))
	if c, err := s.GetCertificate(ent, soon.ID); err != nil || c.Number != "SOON-1" || c.ReturnM3 != 300 || c.ZoneID != limited || !c.IssuedAt.Equal(soon.ValidFrom) {
		t.Fatalf("imported certificate %+v %v", c, err)
	}
	wantCode(t, s.PutCertificate(city, &sishui.Certificate{PermitID: soon.ID, Layer: "middle"}), sishui.EINVALID, "layer")
	imp := newPermit("IMP-1", u.ID, CountyB, sishui.SourceYellowRiver, 5000)
	must(t, s.ImportCertificate(city, imp, &sishui.Certificate{ReturnPoint: "马颊河", ReturnM3: 100}))
	if c, err := s.GetCertificate(city, imp.ID); err != nil || c.ReturnPoint != "马颊河" || !c.IssuedAt.Equal(imp.ValidFrom) {
		t.Fatalf("imported %+v %v", c, err)
	}
	dup := newPermit("IMP-1", u.ID, CountyB, sishui.SourceYellowRiver, 5000)
	wantCode(t, s.ImportCertificate(city, dup, &sishui.Certificate{}), sishui.ECONFLICT, "")
	badImp := newPermit("IMP-2", u.ID, CountyB, sishui.SourceYellowRiver, 5000)
	wantCode(t, s.ImportCertificate(city, badImp, &sishui.Certificate{ZoneID: 99999}), sishui.EINVALID, "zone_id")
	if _, n, _ := s.ListPermits(city, sishui.PermitFilter{Query: "IMP-2"}); n != 0 {
		t.Fatal("a refused import left its permit behind")
	}
	late := ren
	late.ID, late.PermitID, late.Source, late.AnnualM3, late.ReturnM3 = 0, soon.ID, sishui.SourceYellowRiver, 1000, 0
	wantCode(t, s.CreateApplication(ent, &late, ""), sishui.ECONFLICT, "permit_id")

	// The permit's own lifecycle.
	for _, tc := range []struct{ action, want string }{{"suspend", "suspended"}, {"reinstate", "active"}, {"cancel", "cancelled"}} {
		got, err := s.PermitAction(city, soon.ID, tc.action, "测试")
		must(t, err)
		if got.Status != tc.want {
			t.Fatalf("%s: %s", tc.action, got.Status)
		}
	}
	_, err = s.PermitAction(city, soon.ID, "revoke", "测试")
	wantCode(t, err, sishui.ECONFLICT, "action")
	_, err = s.PermitAction(ent, p.ID, "suspend", "测试")
	wantCode(t, err, sishui.EFORBIDDEN, "")

	// The register's 限批 now counts the permitted total over the term; an
	// administrator's override stays.
	over := newPermit("OVER-1", u.ID, CountyA, sishui.SourceYellowRiver, 990_000)
	over.ValidFrom = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	over.ValidTo = time.Date(year+2, 12, 31, 0, 0, 0, 0, time.UTC)
	err = s.CreatePermit(ctx, over)
	wantCode(t, err, sishui.ECONFLICT, "region")
	must(t, s.CreatePermit(sishui.WithPermitOverride(admin, "省级重点项目"), over))

	// Holiday calendars.
	cal := &sishui.HolidayCalendar{Name: "liaocheng", Source: "test", Days: []sishui.HolidayDay{{Date: "2030-03-04"}, {Date: "2030-03-09", Workday: true}}}
	must(t, s.PutCalendar(city, cal))
	gotCal, err := s.GetCalendar(ent, "liaocheng")
	must(t, err)
	if len(gotCal.Days) != 2 || !gotCal.Days[1].Workday {
		t.Fatalf("calendar %+v", gotCal)
	}
	wantCode(t, s.PutCalendar(city, &sishui.HolidayCalendar{Name: "x", Days: []sishui.HolidayDay{{Date: "2030-03-09"}}}), sishui.EINVALID, "days")
	wantCode(t, s.PutCalendar(ent, cal), sishui.EFORBIDDEN, "")
	_, err = s.GetCalendar(city, "none")
	wantCode(t, err, sishui.ENOTFOUND, "")

	// The permit rules' metering thresholds decide which permits must be
	// metered online (Shandong's 10万 m³ of groundwater here).
	if c, ok := s.(interface{ SetPermitting(permitting.Config) }); ok {
		cfg := permitting.DefaultConfig()
		cfg.Metering.GroundwaterM3 = 100_000
		c.SetPermitting(cfg)
		defer c.SetPermitting(permitting.DefaultConfig())
		if got := permitview.ConfigOf(s); got.Metering.GroundwaterM3 != 100_000 {
			t.Fatalf("config %+v", got.Metering)
		}
		for _, tc := range []struct {
			number string
			annual int64
			want   bool
		}{{"MET-60K", 60_000, false}, {"MET-120K", 120_000, true}} {
			mp := newPermit(tc.number, u.ID, CountyA, sishui.SourceGroundShallow, tc.annual)
			must(t, s.CreatePermit(sishui.WithPermitOverride(admin, "计量阈值测试"), mp))
			if mp.OnlineRequired != tc.want {
				t.Errorf("%s: online required %v, want %v", tc.number, mp.OnlineRequired, tc.want)
			}
		}
	}
}
