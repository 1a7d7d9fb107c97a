package storetest

import (
	"database/sql"
	"testing"

	"github.com/sishui/sishui"
)

// testWorks: the works register, its links, and measurements on works.
func testWorks(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := as(sishui.RoleCity, "", 0)
	Seed(t, s)
	res := &sishui.Work{Code: "res_a", Kind: sishui.WorkReservoir, Name: "大沙河水库", Region: CountyA, Status: sishui.WorkConstructing, Basis: sishui.BasisMixed,
		Source: "plan 四(一)", CapacityM3: 10_000_000, DeadStorageM3: 500_000,
		LevelStorage: []sishui.LevelStorage{{LevelM: 30, StorageM3: 500_000}, {LevelM: 34, StorageM3: 10_000_000}}}
	must(t, s.UpsertWork(ctx, res))
	must(t, s.UpsertWork(ctx, res))
	dist := &sishui.Work{Code: "irr_a", Kind: sishui.WorkDistrict, Name: "位山灌区", Region: City, Counties: []string{CountyA, CountyB}, Status: sishui.WorkInService,
		Basis: sishui.BasisFact, Source: "DOMAIN.md §1.7", DistrictType: sishui.DistrictLarge, DesignAreaMu: 5_400_000}
	must(t, s.UpsertWork(ctx, dist))
	wantCode(t, s.UpsertWork(ctx, &sishui.Work{Code: "x", Kind: sishui.WorkDistrict, Name: "x", Region: City, Status: sishui.WorkInService, Basis: sishui.BasisInvented}), sishui.EINVALID, "district_type")
	wantCode(t, s.UpsertWork(ctx, &sishui.Work{Code: "x", Kind: sishui.WorkRiver, Name: "x", Region: City, Status: sishui.WorkInService, Basis: sishui.BasisFact}), sishui.EINVALID, "source")
	wantCode(t, s.UpsertWork(ctx, &sishui.Work{Code: "x", Kind: sishui.WorkRiver, Name: "x", Region: City, Status: sishui.WorkInService, Basis: sishui.BasisInvented, Points: []string{"nope"}}), sishui.EINVALID, "points")
	wantCode(t, s.UpsertWork(as(sishui.RoleCounty, CountyA, 0), &sishui.Work{Code: "y", Kind: sishui.WorkPond, Name: "y", Region: CountyA, Status: sishui.WorkInService, Basis: sishui.BasisInvented}), sishui.EFORBIDDEN, "")
	wantCode(t, s.UpsertWork(ctx, &sishui.Work{Code: "x", Kind: sishui.WorkReservoir, Name: "x", Region: City, Status: sishui.WorkInService, Basis: sishui.BasisInvented,
		LevelStorage: []sishui.LevelStorage{{LevelM: 30, StorageM3: 5}, {LevelM: 29, StorageM3: 6}}}), sishui.EINVALID, "level_storage")

	must(t, s.UpsertWorkLink(ctx, &sishui.WorkLink{From: "res_a", To: "irr_a", Kind: "canal", CapacityM3s: 12.5, Basis: sishui.BasisInvented}))
	wantCode(t, s.UpsertWorkLink(ctx, &sishui.WorkLink{From: "res_a", To: "ghost", Kind: "canal", Basis: sishui.BasisInvented}), sishui.EINVALID, "to")
	links, err := s.ListWorkLinks(ctx)
	must(t, err)
	if len(links) != 1 || links[0].CapacityM3s != 12.5 {
		t.Fatalf("links %+v", links)
	}
	ws, err := s.ListWorks(ctx, sishui.WorkFilter{Region: CountyB})
	must(t, err)
	if len(ws) != 1 || ws[0].Code != "irr_a" {
		t.Fatalf("works crossing %s: %+v", CountyB, ws)
	}
	got, err := s.GetWork(ctx, "res_a")
	must(t, err)
	if v, ok := got.StorageAt(32); !ok || v != 5_250_000 {
		t.Fatalf("storage at 32 m: %d %v", v, ok)
	}

	m := &sishui.Measurement{Work: "irr_a", Year: 2025, Metric: sishui.MeasGrossWithdrawalM3, Season: "春灌", Value: 1e8, Basis: "measured"}
	must(t, s.PutMeasurement(ctx, m))
	m.Value = 1.1e8
	must(t, s.PutMeasurement(ctx, m)) // replaces
	must(t, s.PutMeasurement(ctx, &sishui.Measurement{Work: "res_a", Year: 2025, Metric: "storage_m3", Value: 1, Basis: "entered"}))
	wantCode(t, s.PutMeasurement(as(sishui.RoleCounty, CountyB, 0), &sishui.Measurement{Work: "res_a", Year: 2025, Metric: "storage_m3", Value: 1, Basis: "entered"}), sishui.EFORBIDDEN, "")
	wantCode(t, s.PutMeasurement(ctx, &sishui.Measurement{Work: "ghost", Year: 2025, Metric: "storage_m3", Value: 1, Basis: "entered"}), sishui.EINVALID, "work")
	ms, err := s.ListMeasurements(ctx, 2025, sishui.WorkDistrict)
	must(t, err)
	if len(ms) != 1 || ms[0].Value != 1.1e8 || ms[0].Season != "春灌" {
		t.Fatalf("measurements %+v", ms)
	}
}

// testProjects: the project register, progress updates with photos, scope.
func testProjects(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := as(sishui.RoleCity, "", 0)
	Seed(t, s)
	p := &sishui.Project{Code: "p1", Name: "雨污分流", Kind: "sewer_separation", Owner: "住建局", Region: CountyA, BudgetFen: 150_000_000_00,
		Start: "2025-01-01", End: "2027-06-30", ProgressPct: 10, Status: sishui.ProjectInProgress, Basis: sishui.BasisInvented,
		Milestones: []sishui.Milestone{{Name: "排查", Due: "2025-06-30"}, {Name: "清零", Due: "2027-06-30"}}}
	must(t, s.UpsertProject(ctx, p))
	wantCode(t, s.UpsertProject(ctx, &sishui.Project{Code: "p2", Name: "x", Region: CountyA, Start: "2026-01-01", End: "2025-01-01", Status: sishui.ProjectPlanned, Basis: sishui.BasisInvented}), sishui.EINVALID, "end")
	wantCode(t, s.UpsertProject(ctx, &sishui.Project{Code: "p2", Name: "x", Region: CountyA, Start: "2025-01-01", End: "2026-01-01", Status: sishui.ProjectPlanned, Basis: sishui.BasisInvented,
		Milestones: []sishui.Milestone{{Name: "m", Due: "2025/06/30"}}}), sishui.EINVALID, "milestones[0].due")
	wantCode(t, s.UpsertProject(ctx, &sishui.Project{Code: "p2", Name: "x", Region: CountyA, Start: "2025-01-01", End: "2026-01-01", Status: sishui.ProjectPlanned, Basis: sishui.BasisInvented, Tasks: []string{"nope"}}), sishui.EINVALID, "tasks")

	pct := 45.0
	_, err := s.UpdateProject(as(sishui.RoleCounty, CountyB, 0), "p1", &sishui.ProjectUpdate{ProgressPct: &pct})
	wantCode(t, err, sishui.EFORBIDDEN, "")
	bad := 120.0
	_, err = s.UpdateProject(ctx, "p1", &sishui.ProjectUpdate{ProgressPct: &bad})
	wantCode(t, err, sishui.EINVALID, "progress_pct")
	_, err = s.UpdateProject(ctx, "p1", &sishui.ProjectUpdate{Reached: map[int]string{5: "2025-06-30"}})
	wantCode(t, err, sishui.EINVALID, "reached")
	got, err := s.UpdateProject(as(sishui.RoleCounty, CountyA, 0), "p1", &sishui.ProjectUpdate{ProgressPct: &pct, Reached: map[int]string{0: "2025-07-02"},
		Attachments: []sishui.StoredFile{{Name: "工地.jpg", ContentType: "image/jpeg", Data: []byte("jpeg")}}, Note: "排查完成"})
	must(t, err)
	if got.ProgressPct != 45 || got.Milestones[0].Done != "2025-07-02" || len(got.Attachments) != 1 || got.Attachments[0].Data != nil {
		t.Fatalf("updated %+v", got)
	}
	// Reloading the register keeps the reported progress and the photos.
	p.BudgetFen = 160_000_000_00
	must(t, s.UpsertProject(ctx, p))
	back, err := s.GetProject(ctx, "p1")
	must(t, err)
	if len(back.Attachments) != 1 || back.BudgetFen != 160_000_000_00 || back.ProgressPct != 45 || back.Milestones[0].Done != "2025-07-02" {
		t.Fatalf("project %+v", back)
	}
	att, err := s.GetStoredFile(ctx, back.Attachments[0].ID)
	must(t, err)
	if string(att.Data) != "jpeg" {
		t.Fatalf("photo %q", att.Data)
	}
	list, err := s.ListProjects(ctx, sishui.ProjectFilter{Region: CountyA})
	must(t, err)
	if len(list) != 1 {
		t.Fatalf("projects in %s: %d", CountyA, len(list))
	}
	audit, _, err := s.ListAudit(as(sishui.RoleAdmin, "", 0), sishui.AuditFilter{Entity: "project", EntityID: "p1"})
	must(t, err)
	if len(audit) != 3 {
		t.Fatalf("project audit: %d entries, want 3", len(audit))
	}
}
