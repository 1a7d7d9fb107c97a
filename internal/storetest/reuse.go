package storetest

import (
	"context"
	"database/sql"
	"testing"

	"github.com/sishui/sishui"
)

// testReuse: indicator 8's register — an enterprise files its own report, a
// county its region's, a new filing replaces the old one (audited), reads
// follow the scope, bad input names its field.
func testReuse(t *testing.T, s sishui.Store, _ *sql.DB) {
	Seed(t, s)
	ctx := context.Background()
	a, b := newUser(CountyA, 31), newUser(CountyB, 32)
	must(t, s.CreateWaterUser(ctx, a))
	must(t, s.CreateWaterUser(ctx, b))
	ent := as(sishui.RoleEnterprise, "", a.ID)
	r := &sishui.ReuseReport{UserID: a.ID, Year: 2025, IntakeM3: 100_000, ReusedM3: 900_000, AboveSize: true}
	must(t, s.PutReuseReport(ent, r))
	if r.ID == 0 || r.Region != CountyA || r.Basis != sishui.ReuseReported || r.Actor == "" {
		t.Fatalf("filed %+v", r)
	}
	wantCode(t, s.PutReuseReport(ent, &sishui.ReuseReport{UserID: b.ID, Year: 2025, IntakeM3: 1, ReusedM3: 1}), sishui.EFORBIDDEN, "")
	wantCode(t, s.PutReuseReport(ent, &sishui.ReuseReport{UserID: a.ID, Year: 2025, IntakeM3: -1, ReusedM3: 1}), sishui.EINVALID, "intake_m3")
	wantCode(t, s.PutReuseReport(ent, &sishui.ReuseReport{UserID: a.ID, Year: 2025, IntakeM3: 1, ReusedM3: 1, Basis: sishui.ReuseEntered}), sishui.EINVALID, "basis")
	wantCode(t, s.PutReuseReport(as(sishui.RoleCounty, CountyA, 0), &sishui.ReuseReport{UserID: b.ID, Year: 2025, IntakeM3: 1, ReusedM3: 1}), sishui.EFORBIDDEN, "")
	must(t, s.PutReuseReport(as(sishui.RoleCounty, CountyB, 0), &sishui.ReuseReport{UserID: b.ID, Year: 2025, IntakeM3: 50_000, ReusedM3: 50_000, Basis: sishui.ReuseEntered}))
	// A new filing replaces the year's report.
	again := &sishui.ReuseReport{UserID: a.ID, Year: 2025, IntakeM3: 120_000, ReusedM3: 880_000, AboveSize: true}
	must(t, s.PutReuseReport(ent, again))
	if again.ID != r.ID {
		t.Fatalf("replaced report has id %d, want %d", again.ID, r.ID)
	}
	all, err := s.ListReuseReports(ctx, sishui.ReuseFilter{Year: 2025})
	must(t, err)
	if len(all) != 2 || all[0].IntakeM3 != 120_000 || all[0].UserName == "" || all[1].Basis != sishui.ReuseEntered {
		t.Fatalf("reports %+v", all)
	}
	mine, err := s.ListReuseReports(ent, sishui.ReuseFilter{})
	must(t, err)
	if len(mine) != 1 || mine[0].UserID != a.ID {
		t.Fatalf("the enterprise sees %+v", mine)
	}
	inB, err := s.ListReuseReports(ctx, sishui.ReuseFilter{Region: CountyB})
	must(t, err)
	if len(inB) != 1 || inB[0].UserID != b.ID {
		t.Fatalf("county B's reports %+v", inB)
	}
	audits, _, err := s.ListAudit(ctx, sishui.AuditFilter{Entity: "reuse_report"})
	must(t, err)
	if len(audits) != 3 {
		t.Fatalf("%d reuse audit entries, want 3", len(audits))
	}
}
