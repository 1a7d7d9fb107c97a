package storetest

import (
	"context"
	"database/sql"
	"testing"

	"github.com/sishui/sishui"
)

// testGeneration: generation reports are versioned per permit, month and
// kind (never edited), the latest version is listed unless history is asked,
// writes are scoped like the permit and bad input names its field.
func testGeneration(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyA, 7)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("取水(聊)字[2026]第水电001号", u.ID, CountyA, sishui.SourceYellowRiver, 400_000)
	must(t, s.CreatePermit(ctx, p))
	city := as(sishui.RoleCity, "", 0)
	first := []*sishui.GenerationReport{
		{PermitID: p.ID, Month: 202610, Kind: sishui.GenerationHydropower, KWh: 1_000_000, Source: "电网结算单"},
		{PermitID: p.ID, Month: 202611, Kind: sishui.GenerationHydropower, KWh: 900_000, Source: "电网结算单"},
	}
	must(t, s.AddGeneration(city, first))
	if first[0].Version != 1 || first[0].ID == 0 || first[0].UserID != u.ID || first[0].Region != CountyA {
		t.Fatalf("first report %+v", first[0])
	}
	fix := []*sishui.GenerationReport{{PermitID: p.ID, Month: 202610, Kind: sishui.GenerationHydropower, KWh: 1_050_000, Source: "电网结算单 (更正)", Note: "抄表错误"}}
	must(t, s.AddGeneration(as(sishui.RoleCounty, CountyA, 0), fix))
	if fix[0].Version != 2 {
		t.Fatalf("correction version %d", fix[0].Version)
	}
	latest, err := s.ListGeneration(city, sishui.GenerationFilter{FromMonth: 202610, ToMonth: 202612})
	must(t, err)
	if len(latest) != 2 || latest[0].KWh != 1_050_000 || latest[0].Version != 2 || latest[1].KWh != 900_000 {
		t.Fatalf("latest %+v", latest)
	}
	hist, err := s.ListGeneration(city, sishui.GenerationFilter{PermitID: p.ID, History: true})
	must(t, err)
	if len(hist) != 3 || hist[0].KWh != 1_000_000 {
		t.Fatalf("history %+v", hist)
	}
	if g, _ := s.ListGeneration(city, sishui.GenerationFilter{FromMonth: 202611}); len(g) != 1 {
		t.Fatalf("from 202611: %+v", g)
	}
	// Scope: another county neither reads nor writes; the enterprise reads its own.
	if g, _ := s.ListGeneration(as(sishui.RoleCounty, CountyB, 0), sishui.GenerationFilter{}); len(g) != 0 {
		t.Fatalf("another county reads %d reports", len(g))
	}
	if g, _ := s.ListGeneration(as(sishui.RoleEnterprise, "", u.ID), sishui.GenerationFilter{}); len(g) != 2 {
		t.Fatalf("the enterprise reads %d reports", len(g))
	}
	wantCode(t, s.AddGeneration(as(sishui.RoleCounty, CountyB, 0), []*sishui.GenerationReport{{PermitID: p.ID, Month: 202612, Kind: sishui.GenerationHydropower, KWh: 1, Source: "x"}}), sishui.EINVALID, "permit_id")
	wantCode(t, s.AddGeneration(as(sishui.RoleEnterprise, "", u.ID), []*sishui.GenerationReport{{PermitID: p.ID, Month: 202612, Kind: sishui.GenerationHydropower, KWh: 1, Source: "x"}}), sishui.EFORBIDDEN, "")
	for field, g := range map[string]sishui.GenerationReport{
		"month":  {PermitID: p.ID, Month: 202613, Kind: sishui.GenerationCooling, KWh: 1, Source: "x"},
		"kind":   {PermitID: p.ID, Month: 202612, Kind: "wind", KWh: 1, Source: "x"},
		"kwh":    {PermitID: p.ID, Month: 202612, Kind: sishui.GenerationCooling, KWh: -1, Source: "x"},
		"source": {PermitID: p.ID, Month: 202612, Kind: sishui.GenerationCooling, KWh: 1},
	} {
		// The bad one comes second: nothing of the batch is written.
		ok := sishui.GenerationReport{PermitID: p.ID, Month: 202612, Kind: sishui.GenerationHydropower, KWh: 5, Source: "x"}
		wantCode(t, s.AddGeneration(city, []*sishui.GenerationReport{&ok, &g}), sishui.EINVALID, field)
	}
	if g, _ := s.ListGeneration(city, sishui.GenerationFilter{FromMonth: 202612}); len(g) != 0 {
		t.Fatalf("a refused batch wrote %+v", g)
	}
}
