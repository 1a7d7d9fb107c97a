package ingest_test

import (
	"context"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/meter"
	"github.com/sishui/sishui/internal/quality"
)

func TestIntervalVolumes(t *testing.T) {
	s := newSQLite(t)
	ctx := context.Background()
	well := newPoints(t, s, sishui.PointWell, 1)[0]
	farm := newPoints(t, s, sishui.PointElectricity, 1)[0]
	ing := newIngester(t, s, ingest.Config{})
	// Hourly cumulative readings: volume +10 m³/h; energy +2 kWh/h; one bad reading.
	var obs []ingest.Observation
	for h := 0; h <= 24; h++ {
		at := base.Add(time.Duration(h) * time.Hour)
		obs = append(obs, ingest.Observation{Point: well.ID, Metric: "volume_m3", Time: at, Value: 1000 + 10*float64(h)})
		e := 500 + 2*float64(h)
		if h == 12 {
			e = -5 // hard_range: skipped
		}
		obs = append(obs, ingest.Observation{Point: farm.ID, Metric: "energy_kwh", Time: at, Value: e})
	}
	if _, err := ing.Submit(ctx, obs); err != nil {
		t.Fatal(err)
	}
	coeffs := []meter.Coefficient{{From: base.AddDate(-1, 0, 0), M3PerKWh: 3}}
	for _, tc := range []struct {
		name      string
		p         *sishui.Point
		from, to  time.Time
		opts      ingest.VolumeOptions
		total     float64
		n         int
		flagsAll  quality.Flag // every interval has these
		flagsAny  quality.Flag // some interval has these
		wantError bool
	}{
		{name: "whole day", p: well, from: base, to: base.Add(24 * time.Hour), total: 240, n: 24},
		{name: "half-hour edges are prorated", p: well, from: base.Add(30 * time.Minute), to: base.Add(150 * time.Minute), total: 20, n: 3},
		{name: "electricity converted and estimated", p: farm, from: base, to: base.Add(24 * time.Hour), opts: ingest.VolumeOptions{Coefficients: coeffs}, total: 48 * 3, n: 23, flagsAll: quality.FlagEstimated, flagsAny: quality.FlagHardRange},
		{name: "electricity without coefficients", p: farm, from: base, to: base.Add(time.Hour), wantError: true},
		{name: "empty period", p: well, from: base, to: base, n: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ivs, err := ingest.IntervalVolumes(ctx, s, tc.p, tc.from, tc.to, tc.opts)
			if tc.wantError {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(ivs) != tc.n || meter.TotalM3(ivs) != tc.total {
				t.Fatalf("%d intervals, %g m³; want %d, %g: %+v", len(ivs), meter.TotalM3(ivs), tc.n, tc.total, ivs)
			}
			var any quality.Flag
			for _, iv := range ivs {
				if !iv.Flags.Has(tc.flagsAll) || iv.Start.Before(tc.from) || iv.End.After(tc.to) {
					t.Fatalf("interval %+v", iv)
				}
				any |= iv.Flags
			}
			if !any.Has(tc.flagsAny) {
				t.Fatalf("flags %s lack %s", any, tc.flagsAny)
			}
			samples := ingest.VolumeSamples(tc.p.ID, ivs)
			if len(samples) != len(ivs) || (len(ivs) > 0 && samples[0].Metric != sishui.MetricIntervalM3) {
				t.Fatalf("samples %+v", samples)
			}
		})
	}
}
