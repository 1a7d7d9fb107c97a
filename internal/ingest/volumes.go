package ingest

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/meter"
	"github.com/sishui/sishui/internal/quality"
)

// VolumeOptions says what IntervalVolumes needs beyond the stored readings.
// The zero value suits a metered point with no recorded meter events.
type VolumeOptions struct {
	// Coefficients are the 以电折水 coefficients of an electricity point
	// (required for one; ignored otherwise).
	Coefficients []meter.Coefficient
	// Events are the meter's replacements and resets.
	Events []meter.Event
	// MaxFlowM3h is the meter's largest plausible mean flow (0: no limit).
	MaxFlowM3h float64
	// Lookback is how far before from (and after to) readings are looked
	// for to close the intervals that span the period's edges; default 7 days.
	Lookback time.Duration
}

// unusable marks stored readings that Derive must skip.
const unusable = quality.FlagHardRange | quality.FlagFutureTimestamp | quality.FlagMissing

// IntervalVolumes returns the volumes that passed point p during [from, to),
// for the accounting to call per point and period.
//
// For a point of kind electricity (以电折水) the cumulative energy_kwh readings
// are derived into kWh per interval (meter.Derive) and converted with the
// coefficients valid over each interval (meter.Convert): Method Electricity,
// flagged estimated. For every other point the cumulative volume_m3 readings
// (stored in m³, after the multiplier; RolloverM3 is the register's
// modulus) are derived into metered volumes.
//
// Intervals run between consecutive readings. Those that cross from or to are
// cut at the edge and their volume shared out in proportion to time (flow
// taken as even over the interval), so that consecutive periods add up with
// nothing counted twice; the reading just before from and just after to are
// looked for within opts.Lookback. Readings flagged hard_range,
// future_timestamp or missing are skipped (the interval spanning them is
// flagged hard_range). Sum with meter.TotalM3 and round the period's total
// with meter.RoundM3.
func IntervalVolumes(ctx context.Context, store sishui.SeriesStore, p *sishui.Point, from, to time.Time, opts VolumeOptions) ([]meter.Interval, error) {
	if !to.After(from) {
		return nil, nil
	}
	if opts.Lookback <= 0 {
		opts.Lookback = 7 * 24 * time.Hour
	}
	metric := sishui.MetricVolumeM3
	if p.Kind == sishui.PointElectricity {
		metric = sishui.MetricEnergyKWh
		if len(opts.Coefficients) == 0 {
			return nil, fmt.Errorf("ingest: interval volumes of point %d: %w", p.ID, meter.ErrNoCoefficient)
		}
	}
	samples, err := store.QuerySamples(ctx, sishui.SeriesQuery{Point: p.ID, Metric: metric,
		From: from.Add(-opts.Lookback), To: to.Add(opts.Lookback)})
	if err != nil {
		return nil, fmt.Errorf("ingest: interval volumes of point %d: %w", p.ID, err)
	}
	// Keep the readings in [from, to], plus the last before from and the first after to.
	lo, hi := 0, len(samples)
	for lo+1 < len(samples) && !samples[lo+1].Time.After(from) {
		lo++
	}
	for hi-1 > lo && !samples[hi-2].Time.Before(to) {
		hi--
	}
	readings := make([]meter.Reading, 0, hi-lo)
	for _, s := range samples[lo:hi] {
		v := s.Value
		if quality.Flag(s.Flags).Any(unusable) {
			v = math.NaN()
		}
		readings = append(readings, meter.Reading{Time: s.Time, Value: v})
	}
	spec := meter.MeterSpec{Multiplier: 1, Rollover: p.RolloverM3, MaxFlowM3h: opts.MaxFlowM3h}
	ivs := clip(meter.Derive(readings, spec, opts.Events), from, to)
	if metric == sishui.MetricEnergyKWh {
		energy := make([]meter.EnergyInterval, len(ivs))
		for i, iv := range ivs {
			energy[i] = meter.EnergyInterval{Start: iv.Start, End: iv.End, KWh: iv.VolumeM3, Flags: iv.Flags}
		}
		ivs, err = meter.Convert(energy, opts.Coefficients)
		if err != nil {
			return nil, fmt.Errorf("ingest: interval volumes of point %d: %w", p.ID, err)
		}
	}
	return ivs, nil
}

// clip cuts intervals to [from, to), sharing volumes in proportion to time.
func clip(ivs []meter.Interval, from, to time.Time) []meter.Interval {
	out := ivs[:0]
	for _, iv := range ivs {
		if !iv.End.After(from) || !iv.Start.Before(to) {
			continue
		}
		start, end := iv.Start, iv.End
		if start.Before(from) {
			start = from
		}
		if end.After(to) {
			end = to
		}
		if full := iv.End.Sub(iv.Start); full > 0 && (start != iv.Start || end != iv.End) {
			iv.VolumeM3 *= float64(end.Sub(start)) / float64(full)
			iv.Rollovers = 0
			if !end.Equal(iv.End) {
				iv.Event = meter.NoEvent
			}
		}
		iv.Start, iv.End = start, end
		out = append(out, iv)
	}
	return out
}

// VolumeSamples turns intervals into interval_m3 samples of a point, each at
// its interval's end, with the intervals' flags, for storing the derived
// series.
func VolumeSamples(point int64, ivs []meter.Interval) []sishui.Sample {
	out := make([]sishui.Sample, len(ivs))
	for i, iv := range ivs {
		out[i] = sishui.Sample{Point: point, Metric: sishui.MetricIntervalM3, Time: iv.End, Value: iv.VolumeM3, Flags: uint32(iv.Flags)}
	}
	return out
}
