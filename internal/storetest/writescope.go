package storetest

import (
	"context"
	"database/sql"
	"testing"

	"github.com/sishui/sishui"
)

// Every foreign key a caller names must lie in its scope, and the answer for a
// row outside the scope is the answer for a row that does not exist.
func testWriteScope(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	uA, uB := newUser(CountyA, 1), newUser(CountyB, 2)
	must(t, s.CreateWaterUser(ctx, uA))
	must(t, s.CreateWaterUser(ctx, uB))
	pB := newPermit("B-1", uB.ID, CountyB, sishui.SourceYellowRiver, 100)
	must(t, s.CreatePermit(ctx, pB))
	secB := &sishui.Section{Code: "secB", Name: "B", River: "徒骇河", Region: CountyB, BaseFlowM3s: 1, WarningFlowM3s: 2, Lon: 115.5, Lat: 36.2}
	must(t, s.UpsertSection(ctx, secB))
	zoneB := &sishui.Zone{Code: "zoneB", Name: "B", Region: CountyB, Kind: sishui.ZoneOverExtraction, Layer: "deep", AnnualCapM3: 1000, RedLineDepthM: 60, WarnDepthM: 50}
	if err := s.UpsertZone(ctx, zoneB); err != nil {
		t.Fatal(err)
	}
	countyA := as(sishui.RoleCounty, CountyA, 0)

	// A county creating a permit for another county's water user.
	foreign := newPermit("A-1", uB.ID, CountyA, sishui.SourceYellowRiver, 100)
	errForeign := s.CreatePermit(countyA, foreign)
	wantCode(t, errForeign, sishui.EFORBIDDEN, "user_id")
	missing := newPermit("A-2", 987654, CountyA, sishui.SourceYellowRiver, 100)
	errMissing := s.CreatePermit(countyA, missing)
	wantCode(t, errMissing, sishui.EFORBIDDEN, "user_id")
	if stripIDs(errForeign.Error(), uB.ID) != stripIDs(errMissing.Error(), 987654) {
		t.Fatalf("an id outside the scope is told apart from a missing one:\n%v\n%v", errForeign, errMissing)
	}
	// Unscoped callers still learn that a row does not exist.
	wantCode(t, s.CreatePermit(ctx, newPermit("C-1", 987654, CountyA, sishui.SourceYellowRiver, 100)), sishui.EINVALID, "user_id")
	// Its own water user is fine.
	pA := newPermit("A-3", uA.ID, CountyA, sishui.SourceYellowRiver, 100)
	must(t, s.CreatePermit(countyA, pA))

	// A county linking its point to another county's permit, section or zone.
	for _, tc := range []struct {
		field string
		set   func(p *sishui.Point)
	}{
		{"permit_id", func(p *sishui.Point) { p.PermitID = pB.ID }},
		{"section_id", func(p *sishui.Point) { p.SectionID = secB.ID }},
		{"zone_id", func(p *sishui.Point) { p.ZoneID = zoneB.ID }},
	} {
		pt := newPoint("9001", pA.ID, CountyA)
		tc.set(pt)
		wantCode(t, s.CreatePoint(countyA, pt), sishui.EFORBIDDEN, tc.field)
	}
	// Taking over another county's section or zone by naming its code.
	wantCode(t, s.UpsertSection(countyA, &sishui.Section{Code: "secB", Name: "mine", River: "徒骇河", Region: CountyA, BaseFlowM3s: 1, WarningFlowM3s: 2, Lon: 115.5, Lat: 36.2}), sishui.EFORBIDDEN, "")
	wantCode(t, s.UpsertZone(countyA, &sishui.Zone{Code: "zoneB", Name: "mine", Region: CountyA, Kind: zoneB.Kind, Layer: "deep", AnnualCapM3: 1000, RedLineDepthM: 60, WarnDepthM: 50}), sishui.EFORBIDDEN, "")
	if got, _ := s.GetSection(ctx, secB.ID); got.Region != CountyB || got.Name != "B" {
		t.Fatalf("section taken over: %+v", got)
	}
	// Read-only roles are refused before their input is looked at.
	for _, role := range []string{sishui.RoleAuditor, sishui.RoleEnterprise} {
		wantCode(t, s.UpsertSection(as(role, "", uA.ID), &sishui.Section{}), sishui.EFORBIDDEN, "")
		wantCode(t, s.UpsertZone(as(role, "", uA.ID), &sishui.Zone{}), sishui.EFORBIDDEN, "")
	}
}

// stripIDs removes the id from an error text so two answers can be compared.
func stripIDs(s string, id int64) string {
	out := []byte{}
	num := []byte(itoa(id))
	for i := 0; i < len(s); i++ {
		if i+len(num) <= len(s) && s[i:i+len(num)] == string(num) {
			i += len(num) - 1
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}

func itoa(v int64) string {
	b := []byte{}
	for v > 0 {
		b = append([]byte{byte('0' + v%10)}, b...)
		v /= 10
	}
	return string(b)
}
