package accounting

import (
	"context"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// TestMeterEventsAndCoefficients: a registered meter replacement turns a drop
// in the register into the right volume instead of a rollback, and a
// registered 以电折水 coefficient replaces the default.
func TestMeterEventsAndCoefficients(t *testing.T) {
	for name, open := range engines(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			c := &clock{T: bj("2026-03-05T12:00")}
			s := newService(t, st, c, Config{})
			meterPt := pointByCode(t, st, "3715020100")
			farmWell := pointByCode(t, st, "3715021300")
			start := bj("2026-03-02T00:00")
			// Hourly readings at 10 m³/h from 5,000; the meter is replaced at 12:00 on
			// 3 March (the old register then read 5,360), the new one starts at 0.
			readings := hourly(meterPt.ID, sishui.MetricVolumeM3, start, 37, 5_000, 10)
			swap := bj("2026-03-03T12:00")
			for i := range readings {
				if !readings[i].Time.Before(swap) {
					readings[i].Value = float64(i-36) * 10 // 0 at 12:00, then +10 an hour
				}
			}
			readings = append(readings, hourly(meterPt.ID, sishui.MetricVolumeM3, swap.Add(time.Hour), 11, 10, 10)...)
			appendSamples(t, st, readings)
			appendSamples(t, st, hourly(farmWell.ID, sishui.MetricEnergyKWh, start, 25, 1000, 10))
			dayFrom, dayTo := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
			update := func() {
				for _, p := range []int64{meterPt.ID, farmWell.ID} {
					if err := s.Update(ctx, p, start, bj("2026-03-04T00:00")); err != nil {
						t.Fatal(err)
					}
				}
			}
			update()
			without := pointLitres(t, st, meterPt.ID, dayFrom, dayTo)
			well := pointLitres(t, st, farmWell.ID, dayFrom, dayTo)
			final := 5_360.0
			sys := sishui.WithActor(ctx, sishui.SystemActor)
			if err := st.AddMeterEvent(sys, &sishui.MeterEvent{Point: meterPt.ID, Time: swap, Kind: sishui.MeterReplace, FinalReading: &final, StartReading: 0}); err != nil {
				t.Fatal(err)
			}
			if err := st.AddCoefficient(sys, &sishui.EnergyCoefficient{Point: farmWell.ID, ValidFrom: bj("2026-01-01T00:00"), M3PerKWh: 0.5, Source: "test"}); err != nil {
				t.Fatal(err)
			}
			update()
			with := pointLitres(t, st, meterPt.ID, dayFrom, dayTo)
			// 36 h × 10 m³ on the old meter (5,000 → 5,360) + 11 h × 10 m³ on the new one.
			if want := int64((36 + 11) * 10 * 1000); with != want {
				t.Fatalf("with the replacement registered: %d L, want %d L (without it: %d L)", with, want, without)
			}
			if without >= with {
				t.Fatalf("without the event the drop should lose volume: %d L vs %d L", without, with)
			}
			// 24 intervals × 10 kWh: 0.8 m³/kWh by default, 0.5 once calibrated.
			if got := pointLitres(t, st, farmWell.ID, dayFrom, dayTo); well != 240*800 || got != 240*500 {
				t.Fatalf("以电折水: %d L by default, %d L calibrated; want %d and %d", well, got, 240*800, 240*500)
			}
		})
	}
}
