package storetest

import (
	"database/sql"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

func testMeters(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := as(sishui.RoleCity, "", 0)
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("P", u.ID, CountyA, sishui.SourceYellowRiver, 10)
	must(t, s.CreatePermit(ctx, p))
	meterPt := newPoint("A0", p.ID, CountyA)
	must(t, s.CreatePoint(ctx, meterPt))
	well := &sishui.Point{Code: "E1", Name: "机井", Kind: sishui.PointElectricity, Protocol: sishui.ProtocolSZY206, Region: CountyA, Multiplier: 1, IntervalSeconds: 3600}
	must(t, s.CreatePoint(ctx, well))
	at := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	final := 9_876.0
	e := &sishui.MeterEvent{Point: meterPt.ID, Time: at, Kind: sishui.MeterReplace, FinalReading: &final, StartReading: 0, Note: "表计更换"}
	must(t, s.AddMeterEvent(ctx, e))
	must(t, s.AddMeterEvent(ctx, &sishui.MeterEvent{Point: meterPt.ID, Time: at.Add(-24 * time.Hour), Kind: sishui.MeterReset, StartReading: 0}))
	evs, err := s.ListMeterEvents(ctx, meterPt.ID)
	must(t, err)
	if len(evs) != 2 || evs[1].ID != e.ID || evs[1].FinalReading == nil || *evs[1].FinalReading != final || evs[0].FinalReading != nil || evs[1].Actor != "city" {
		t.Fatalf("events %+v", evs)
	}
	for _, tc := range []struct {
		name  string
		e     sishui.MeterEvent
		field string
	}{
		{"bad kind", sishui.MeterEvent{Point: meterPt.ID, Time: at, Kind: "swap"}, "kind"},
		{"no time", sishui.MeterEvent{Point: meterPt.ID, Kind: sishui.MeterReset}, "time"},
		{"negative start", sishui.MeterEvent{Point: meterPt.ID, Time: at, Kind: sishui.MeterReset, StartReading: -1}, "start_reading"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantCode(t, s.AddMeterEvent(ctx, &tc.e), sishui.EINVALID, tc.field) })
	}
	wantCode(t, s.AddMeterEvent(as(sishui.RoleCounty, CountyB, 0), &sishui.MeterEvent{Point: meterPt.ID, Time: at, Kind: sishui.MeterReset}), sishui.ENOTFOUND, "")
	wantCode(t, s.AddMeterEvent(as(sishui.RoleAuditor, "", 0), &sishui.MeterEvent{Point: meterPt.ID, Time: at, Kind: sishui.MeterReset}), sishui.EFORBIDDEN, "")

	c := &sishui.EnergyCoefficient{Point: well.ID, ValidFrom: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), M3PerKWh: 0.85, Source: "泵效测试报告 2026-017"}
	must(t, s.AddCoefficient(ctx, c))
	cs, err := s.ListCoefficients(ctx, well.ID)
	must(t, err)
	if len(cs) != 1 || cs[0].M3PerKWh != 0.85 || !cs[0].ValidTo.Equal(c.ValidTo) {
		t.Fatalf("coefficients %+v", cs)
	}
	wantCode(t, s.AddCoefficient(ctx, &sishui.EnergyCoefficient{Point: meterPt.ID, ValidFrom: c.ValidFrom, M3PerKWh: 1, Source: "x"}), sishui.EINVALID, "point")
	wantCode(t, s.AddCoefficient(ctx, &sishui.EnergyCoefficient{Point: well.ID, ValidFrom: c.ValidFrom, M3PerKWh: 0, Source: "x"}), sishui.EINVALID, "m3_per_kwh")
	wantCode(t, s.AddCoefficient(ctx, &sishui.EnergyCoefficient{Point: well.ID, ValidFrom: c.ValidFrom, M3PerKWh: 1}), sishui.EINVALID, "source")
	_, n, err := s.ListAudit(as(sishui.RoleAdmin, "", 0), sishui.AuditFilter{Entity: "energy_coefficient"})
	must(t, err)
	if n != 1 {
		t.Fatalf("coefficient audit entries %d", n)
	}
}
