package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/sishui/sishui"
)

func testVocabulary(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	Seed(t, s) // idempotent
	regions, err := s.ListRegions(ctx, sishui.RegionFilter{Parent: City})
	must(t, err)
	if len(regions) != 3 {
		t.Fatalf("children of city = %d, want 3 (two counties and a zone)", len(regions))
	}
	r, err := s.GetRegion(ctx, ZoneA)
	must(t, err)
	if r.Host != CountyA || r.Level != sishui.LevelZone {
		t.Fatalf("zone = %+v", r)
	}
	_, err = s.GetRegion(ctx, "379999")
	wantCode(t, err, sishui.ENOTFOUND, "")
	err = s.UpsertRegion(ctx, &sishui.Region{Code: "371599", Name: "x", Level: sishui.LevelCounty, Parent: "379999"})
	wantCode(t, err, sishui.EINVALID, "parent")
	err = s.UpsertRegion(ctx, &sishui.Region{Code: "37150", Name: "x", Level: sishui.LevelCounty})
	wantCode(t, err, sishui.EINVALID, "code")
	srcs, err := s.ListSources(ctx)
	must(t, err)
	if len(srcs) != 3 || !srcs[0].Groundwater && srcs[0].Code == sishui.SourceGroundShallow {
		t.Fatalf("sources = %+v", srcs)
	}
	secs, err := s.ListSectors(ctx)
	must(t, err)
	if len(secs) != 2 {
		t.Fatalf("sectors = %d", len(secs))
	}
	err = s.UpsertSector(ctx, &sishui.Sector{Code: "x", Name: "x", Group: "nope"})
	wantCode(t, err, sishui.EINVALID, "group")
}

func testWaterUsers(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))
	if u.ID == 0 || u.CreatedAt.IsZero() {
		t.Fatalf("created user = %+v", u)
	}
	got, err := s.GetWaterUser(ctx, u.ID)
	must(t, err)
	if got.Name != u.Name || got.CreditCode != u.CreditCode || !got.CreatedAt.Equal(u.CreatedAt) {
		t.Fatalf("got %+v, want %+v", got, u)
	}
	dup := newUser(CountyA, 1)
	wantCode(t, s.CreateWaterUser(ctx, dup), sishui.ECONFLICT, "")

	for _, tc := range []struct {
		name  string
		edit  func(u *sishui.WaterUser)
		field string
	}{
		{"bad check digit", func(u *sishui.WaterUser) { u.CreditCode = u.CreditCode[:17] + "0" }, "credit_code"},
		{"short credit code", func(u *sishui.WaterUser) { u.CreditCode = "9137" }, "credit_code"},
		{"no name", func(u *sishui.WaterUser) { u.Name = " " }, "name"},
		{"unknown region", func(u *sishui.WaterUser) { u.Region = "371599"; u.CreditCode = creditCode("371599", 9) }, "region"},
		{"unknown sector", func(u *sishui.WaterUser) { u.Sector = "mining" }, "sector"},
		{"longitude outside China", func(u *sishui.WaterUser) { u.Lon, u.Lat = 10, 36 }, "lon"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := newUser(CountyA, 50)
			tc.edit(bad)
			wantCode(t, s.CreateWaterUser(ctx, bad), sishui.EINVALID, tc.field)
		})
	}
	// Nothing half-written: the failed creates left one row.
	_, n, err := s.ListWaterUsers(ctx, sishui.WaterUserFilter{})
	must(t, err)
	if n != 1 {
		t.Fatalf("users after failed creates = %d, want 1", n)
	}

	u.Phone = "0635-1234567"
	must(t, s.UpdateWaterUser(ctx, u))
	got, err = s.GetWaterUser(ctx, u.ID)
	must(t, err)
	if got.Phone != u.Phone || !got.CreatedAt.Equal(u.CreatedAt) {
		t.Fatalf("after update %+v", got)
	}
	missing := *u
	missing.ID = 999
	wantCode(t, s.UpdateWaterUser(ctx, &missing), sishui.ENOTFOUND, "")

	for i := 2; i <= 5; i++ {
		must(t, s.CreateWaterUser(ctx, newUser(CountyB, i)))
	}
	must(t, s.CreateWaterUser(ctx, newUser(ZoneA, 6)))
	for _, tc := range []struct {
		name string
		f    sishui.WaterUserFilter
		want int
	}{
		{"all", sishui.WaterUserFilter{}, 6},
		{"city tree", sishui.WaterUserFilter{Region: City}, 6},
		{"county with its zone", sishui.WaterUserFilter{Region: CountyA}, 2},
		{"county B", sishui.WaterUserFilter{Region: CountyB}, 4},
		{"query", sishui.WaterUserFilter{Query: "用水户3"}, 1},
		{"page", sishui.WaterUserFilter{Page: sishui.Page{Limit: 2, Offset: 4}}, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, total, err := s.ListWaterUsers(ctx, tc.f)
			must(t, err)
			if total != tc.want {
				t.Fatalf("total = %d, want %d", total, tc.want)
			}
			if tc.f.Limit > 0 && len(rows) != 2 {
				t.Fatalf("page rows = %d, want 2", len(rows))
			}
		})
	}
	must(t, s.RetireWaterUser(ctx, u.ID))
	ret := true
	_, n, err = s.ListWaterUsers(ctx, sishui.WaterUserFilter{Retired: &ret})
	must(t, err)
	if n != 1 {
		t.Fatalf("retired = %d", n)
	}
}

func testPermits(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyB, 1)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("取水(聊莘)字[2024]第001号", u.ID, CountyB, sishui.SourceGroundShallow, 60_000)
	p.MonthlyPlanM3 = []int64{5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000}
	must(t, s.CreatePermit(ctx, p))
	if !p.OnlineRequired {
		t.Fatal("60,000 m³/yr of groundwater must require online metering (≥ 50,000)")
	}
	got, err := s.GetPermit(ctx, p.ID)
	must(t, err)
	if got.Number != p.Number || got.AnnualM3 != 60_000 || len(got.MonthlyPlanM3) != 12 || !got.ValidTo.Equal(p.ValidTo) {
		t.Fatalf("got %+v", got)
	}
	surface := newPermit("P-2", u.ID, CountyB, sishui.SourceYellowRiver, 400_000)
	must(t, s.CreatePermit(ctx, surface))
	if surface.OnlineRequired {
		t.Fatal("400,000 m³/yr of surface water is below the 500,000 threshold")
	}
	wantCode(t, s.CreatePermit(ctx, newPermit(p.Number, u.ID, CountyB, sishui.SourceYellowRiver, 1)), sishui.ECONFLICT, "")
	for _, tc := range []struct {
		name  string
		edit  func(p *sishui.Permit)
		field string
	}{
		{"unknown holder", func(p *sishui.Permit) { p.UserID = 999 }, "user_id"},
		{"unknown source", func(p *sishui.Permit) { p.Source = "seawater" }, "source"},
		{"zero volume", func(p *sishui.Permit) { p.AnnualM3 = 0 }, "annual_m3"},
		{"eleven years", func(p *sishui.Permit) { p.ValidTo = p.ValidFrom.AddDate(11, 0, 0) }, "valid_to"},
		{"ends before start", func(p *sishui.Permit) { p.ValidTo = p.ValidFrom.AddDate(0, 0, -1) }, "valid_to"},
		{"plan over annual", func(p *sishui.Permit) { p.AnnualM3 = 10; p.MonthlyPlanM3 = make([]int64, 12); p.MonthlyPlanM3[0] = 11 }, "monthly_plan_m3"},
		{"plan of 11 months", func(p *sishui.Permit) { p.MonthlyPlanM3 = make([]int64, 11) }, "monthly_plan_m3"},
		{"bad status", func(p *sishui.Permit) { p.Status = "ok" }, "status"},
		{"unknown region", func(p *sishui.Permit) { p.Region = "371599" }, "region"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := newPermit("BAD-"+tc.name, u.ID, CountyB, sishui.SourceYellowRiver, 100)
			tc.edit(bad)
			wantCode(t, s.CreatePermit(ctx, bad), sishui.EINVALID, tc.field)
		})
	}
	p.AnnualM3 = 40_000
	p.MonthlyPlanM3 = nil
	must(t, s.UpdatePermit(ctx, p))
	got, err = s.GetPermit(ctx, p.ID)
	must(t, err)
	if got.AnnualM3 != 40_000 || got.OnlineRequired {
		t.Fatalf("after update %+v", got)
	}
	rows, n, err := s.ListPermits(ctx, sishui.PermitFilter{Source: sishui.SourceYellowRiver})
	must(t, err)
	if n != 1 || rows[0].Number != "P-2" {
		t.Fatalf("filtered permits = %d", n)
	}
}

func testPoints(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyB, 1)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("P-1", u.ID, CountyB, sishui.SourceGroundShallow, 60_000)
	must(t, s.CreatePermit(ctx, p))
	pt := newPoint("0012345678", p.ID, CountyB)
	must(t, s.CreatePoint(ctx, pt))
	if pt.Source != sishui.SourceGroundShallow {
		t.Fatalf("point source = %q, want the permit's", pt.Source)
	}
	got, err := s.PointByCode(ctx, sishui.ProtocolSZY206, "0012345678")
	must(t, err)
	if got.ID != pt.ID || got.PermitID != p.ID {
		t.Fatalf("by code = %+v", got)
	}
	_, err = s.PointByCode(ctx, sishui.ProtocolSL651, "0012345678")
	wantCode(t, err, sishui.ENOTFOUND, "")
	wantCode(t, s.CreatePoint(ctx, newPoint("0012345678", p.ID, CountyB)), sishui.ECONFLICT, "")
	for _, tc := range []struct {
		name  string
		edit  func(p *sishui.Point)
		field string
	}{
		{"region differs from permit", func(x *sishui.Point) { x.Region = CountyA }, "region"},
		{"unknown permit", func(x *sishui.Point) { x.PermitID = 999 }, "permit_id"},
		{"withdrawal without permit", func(x *sishui.Point) { x.PermitID = 0 }, "permit_id"},
		{"bad code", func(x *sishui.Point) { x.Code = "XYZ" }, "code"},
		{"bad kind", func(x *sishui.Point) { x.Kind = "tank" }, "kind"},
		{"zero multiplier", func(x *sishui.Point) { x.Multiplier = 0 }, "multiplier"},
		{"interval too short", func(x *sishui.Point) { x.IntervalSeconds = 5 }, "interval_seconds"},
		{"unknown zone", func(x *sishui.Point) { x.ZoneID = 77 }, "zone_id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := newPoint("00AB"+fmt.Sprint(len(tc.name)), p.ID, CountyB)
			tc.edit(bad)
			wantCode(t, s.CreatePoint(ctx, bad), sishui.EINVALID, tc.field)
		})
	}
	// Moving the permit to another region would strand its point.
	p.Region = CountyA
	wantCode(t, s.UpdatePermit(ctx, p), sishui.EINVALID, "region")
	_, n, err := s.ListPoints(ctx, sishui.PointFilter{UserID: u.ID})
	must(t, err)
	if n != 1 {
		t.Fatalf("points of user = %d", n)
	}
	must(t, s.RetirePoint(ctx, pt.ID))
	got, err = s.GetPoint(ctx, pt.ID)
	must(t, err)
	if !got.Retired {
		t.Fatal("not retired")
	}
}

func testSectionsZones(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	sec := &sishui.Section{Code: "thh_01", Name: "徒骇河某断面", River: "徒骇河", Region: CountyA, BaseFlowM3s: 1.2, WarningFlowM3s: 1.5}
	must(t, s.UpsertSection(ctx, sec))
	id := sec.ID
	sec.BaseFlowM3s = 1.3
	must(t, s.UpsertSection(ctx, sec))
	if sec.ID != id {
		t.Fatalf("upsert changed id %d → %d", id, sec.ID)
	}
	got, err := s.GetSection(ctx, id)
	must(t, err)
	if got.BaseFlowM3s != 1.3 {
		t.Fatalf("section %+v", got)
	}
	wantCode(t, s.UpsertSection(ctx, &sishui.Section{Code: "x", Name: "x", River: "x", Region: CountyA, BaseFlowM3s: 2, WarningFlowM3s: 1}), sishui.EINVALID, "warning_flow_m3s")
	z := &sishui.Zone{Code: "gw_shen_deep", Name: "莘县深层超采区", Region: CountyB, Kind: sishui.ZoneOverExtraction, Layer: "deep", AnnualCapM3: 1_000_000, RedLineDepthM: 60, WarnDepthM: 50}
	must(t, s.UpsertZone(ctx, z))
	zs, err := s.ListZones(ctx, CountyB)
	must(t, err)
	if len(zs) != 1 || zs[0].ID != z.ID {
		t.Fatalf("zones %+v", zs)
	}
	wantCode(t, s.UpsertZone(ctx, &sishui.Zone{Code: "z", Name: "z", Region: CountyB, Kind: "bad", Layer: "deep"}), sishui.EINVALID, "kind")
	// A river point must lie in its section's region.
	pt := &sishui.Point{Code: "0000000001", Name: "断面站", Kind: sishui.PointRiver, Protocol: sishui.ProtocolSL651, Region: CountyB, SectionID: id, Multiplier: 1, IntervalSeconds: 3600}
	wantCode(t, s.CreatePoint(ctx, pt), sishui.EINVALID, "region")
	pt.Region = CountyA
	must(t, s.CreatePoint(ctx, pt))
}

func testTargetsStatistics(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	must(t, s.UpsertIndicator(ctx, &sishui.Indicator{ID: "total_use", Seq: 1, Name: "用水总量", Unit: "亿立方米", Binding: true, Direction: sishui.Ceiling}))
	must(t, s.UpsertIndicator(ctx, &sishui.Indicator{ID: "reclaimed_reuse_rate", Seq: 6, Name: "城市污水再生利用率", Unit: "%", Binding: false, Direction: sishui.Floor}))
	for y, v := range map[int]float64{2023: 18.02, 2024: 18.8, 2027: 20} {
		must(t, s.UpsertTarget(ctx, &sishui.Target{Indicator: "total_use", Region: City, Year: y, Value: v}))
	}
	must(t, s.UpsertTarget(ctx, &sishui.Target{Indicator: "reclaimed_reuse_rate", Region: City, Year: 2027, Value: 57}))
	wantCode(t, s.UpsertTarget(ctx, &sishui.Target{Indicator: "nope", Region: City, Year: 2027, Value: 1}), sishui.EINVALID, "indicator")
	wantCode(t, s.UpsertTarget(ctx, &sishui.Target{Indicator: "total_use", Region: City, Year: 1800, Value: 1}), sishui.EINVALID, "year")
	ts, err := s.ListTargets(ctx, sishui.TargetFilter{Year: 2027})
	must(t, err)
	if len(ts) != 2 || ts[0].Indicator != "total_use" || ts[0].Value != 20 || !ts[0].Binding || ts[1].Binding || ts[0].Unit != "亿立方米" {
		t.Fatalf("targets 2027 = %+v %+v", ts[0], ts[1])
	}
	ts, err = s.ListTargets(ctx, sishui.TargetFilter{Indicator: "total_use"})
	must(t, err)
	if len(ts) != 3 || ts[0].Year != 2023 {
		t.Fatalf("total_use targets = %d", len(ts))
	}
	must(t, s.UpsertStatistic(ctx, &sishui.Statistic{Region: CountyA, Year: 2024, Metric: "gdp_10k_cny", Value: 5_000_000}))
	must(t, s.UpsertStatistic(ctx, &sishui.Statistic{Region: CountyA, Year: 2024, Metric: "gdp_10k_cny", Value: 5_100_000}))
	wantCode(t, s.UpsertStatistic(ctx, &sishui.Statistic{Region: CountyA, Year: 2024, Metric: "happiness", Value: 1}), sishui.EINVALID, "metric")
	st, err := s.ListStatistics(ctx, sishui.StatisticFilter{Region: CountyA})
	must(t, err)
	if len(st) != 1 || st[0].Value != 5_100_000 {
		t.Fatalf("statistics %+v", st)
	}
	must(t, s.UpsertCap(ctx, &sishui.RegionCap{Region: CountyB, Year: 2026, TotalM3: 200_000_000, GroundwaterM3: 90_000_000}))
	wantCode(t, s.UpsertCap(ctx, &sishui.RegionCap{Region: CountyB, Year: 2026, TotalM3: 1, GroundwaterM3: 2}), sishui.EINVALID, "groundwater_m3")
	caps, err := s.ListCaps(ctx, CountyB, 2026)
	must(t, err)
	if len(caps) != 1 || caps[0].TotalM3 != 200_000_000 {
		t.Fatalf("caps %+v", caps)
	}
}
