package accounting

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/meter"
	"github.com/sishui/sishui/internal/quality"
)

// dayStart returns the Beijing midnight starting t's Beijing day.
func dayStart(t time.Time) time.Time {
	y, m, d := t.In(sishui.BeijingTime).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, sishui.BeijingTime)
}

// dayKey returns the UTC-midnight key of a Beijing day starting at bj.
func dayKey(bj time.Time) time.Time {
	y, m, d := bj.In(sishui.BeijingTime).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dims is where a point's use counts.
type dims struct {
	region, source, sector string
	user                   int64
}

func (s *Service) counts(p *sishui.Point) bool { return slices.Contains(s.cfg.UseKinds, p.Kind) }

func (s *Service) dimsOf(ctx context.Context, p *sishui.Point) (dims, error) {
	if p.PermitID != 0 {
		pm, err := s.store.GetPermit(ctx, p.PermitID)
		if err != nil {
			return dims{}, fmt.Errorf("accounting: permit of point %d: %w", p.ID, err)
		}
		return dims{pm.Region, pm.Source, pm.Sector, pm.UserID}, nil
	}
	d := dims{region: p.Region, source: p.Source, sector: s.cfg.SectorByKind[p.Kind]}
	if d.source == "" {
		d.source = s.cfg.SourceByKind[p.Kind]
	}
	if d.source == "" || d.sector == "" {
		return dims{}, fmt.Errorf("accounting: point %d (%s): no source or sector configured for its kind", p.ID, p.Kind)
	}
	return d, nil
}

// coefficients are a well's 以电折水 coefficients: those registered in the
// store, else those of the configuration, else the (invented) default.
func (s *Service) coefficients(ctx context.Context, p *sishui.Point) ([]meter.Coefficient, error) {
	stored, err := s.store.ListCoefficients(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	if len(stored) > 0 {
		out := make([]meter.Coefficient, len(stored))
		for i, c := range stored {
			out[i] = meter.Coefficient{From: c.ValidFrom, To: c.ValidTo, M3PerKWh: c.M3PerKWh, Source: c.Source}
		}
		return out, nil
	}
	if cs := s.cfg.Coefficients[p.ID]; len(cs) > 0 {
		return cs, nil
	}
	return []meter.Coefficient{{From: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), M3PerKWh: s.cfg.DefaultM3PerKWh, Source: "default (invented)"}}, nil
}

// meterEvents are the point's registered replacements and resets.
func (s *Service) meterEvents(ctx context.Context, p *sishui.Point) ([]meter.Event, error) {
	evs, err := s.store.ListMeterEvents(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	out := make([]meter.Event, 0, len(evs))
	for _, e := range evs {
		ev := meter.Event{Kind: meter.Replacement, Time: e.Time, Start: e.StartReading}
		if e.Kind == sishui.MeterReset {
			ev.Kind = meter.Reset
		}
		if e.FinalReading != nil {
			ev.Final, ev.HasFinal = *e.FinalReading, true
		}
		out = append(out, ev)
	}
	return out, nil
}

// Update recomputes the daily use of a point for the Beijing days touching
// [from, to) (cut at today) and replaces those days' rows and their share of
// the rollups: call it after new data, resends or corrections; running it
// twice counts nothing twice. Points of kinds that are not use are ignored.
//
// A day's volume comes from, in order: the cumulative volume_m3 register
// (meter.Derive via ingest.IntervalVolumes, basis measured); daily_volume_m3
// reports (measured); for electricity points the energy_kwh register ×
// 以电折水 coefficient (estimated). Intervals that cross midnight are shared
// between the days in proportion to time.
func (s *Service) Update(ctx context.Context, pointID int64, from, to time.Time) error {
	ctx = system(ctx)
	p, err := s.store.GetPoint(ctx, pointID)
	if err != nil {
		return fmt.Errorf("accounting: update point %d: %w", pointID, err)
	}
	return s.update(ctx, p, from, to)
}

func (s *Service) update(ctx context.Context, p *sishui.Point, from, to time.Time) error {
	if !s.counts(p) {
		return nil
	}
	lo := dayStart(from)
	end := dayStart(s.now()).AddDate(0, 0, 1)
	if to.After(end) {
		to = end
	}
	hi := dayStart(to.Add(-time.Nanosecond)).AddDate(0, 0, 1)
	if !hi.After(lo) {
		return nil
	}
	d, err := s.dimsOf(ctx, p)
	if err != nil {
		return err
	}
	rows, err := s.daily(ctx, p, d, lo, hi)
	if err != nil {
		return err
	}
	s.acctMu.Lock()
	defer s.acctMu.Unlock()
	if err := s.store.ReplaceDailyUse(ctx, p.ID, dayKey(lo), dayKey(hi), rows); err != nil {
		return fmt.Errorf("accounting: update point %d: %w", p.ID, err)
	}
	return nil
}

type dayAcc struct {
	m3    float64
	flags quality.Flag
}

// daily computes a point's rows for the Beijing days in [lo, hi).
func (s *Service) daily(ctx context.Context, p *sishui.Point, d dims, lo, hi time.Time) ([]sishui.DailyUse, error) {
	ndays := int(math.Round(hi.Sub(lo).Hours() / 24))
	acc := make([]dayAcc, ndays)
	basis, method := sishui.BasisMeasured, "cumulative"
	metric := sishui.MetricVolumeM3
	events, err := s.meterEvents(ctx, p)
	if err != nil {
		return nil, err
	}
	opts := ingest.VolumeOptions{Events: events}
	if p.Kind == sishui.PointElectricity {
		basis, method, metric = sishui.BasisEstimated, "electricity", sishui.MetricEnergyKWh
		if opts.Coefficients, err = s.coefficients(ctx, p); err != nil {
			return nil, err
		}
	}
	ivs, err := ingest.IntervalVolumes(ctx, s.store, p, lo, hi, opts)
	if err != nil {
		return nil, fmt.Errorf("accounting: volumes of point %d: %w", p.ID, err)
	}
	times, err := s.sampleTimes(ctx, p.ID, metric, lo, hi)
	if err != nil {
		return nil, err
	}
	if len(ivs) == 0 && p.Kind != sishui.PointElectricity {
		// No register readings: daily reports, each for the day that ends at
		// or contains its time (a report at 00:00 closes the previous day).
		daily, err := s.store.QuerySamples(ctx, sishui.SeriesQuery{Point: p.ID, Metric: sishui.MetricDailyVolumeM3, From: lo.Add(time.Second), To: hi.Add(time.Second)})
		if err != nil {
			return nil, fmt.Errorf("accounting: daily volumes of point %d: %w", p.ID, err)
		}
		if len(daily) > 0 {
			method = "daily"
			times = times[:0]
			for _, x := range daily {
				times = append(times, x.Time)
				i := int(dayStart(x.Time.Add(-time.Second)).Sub(lo).Hours() / 24)
				if i < 0 || i >= ndays || !(x.Value >= 0) || math.IsInf(x.Value, 0) {
					continue
				}
				acc[i].m3 += x.Value
				acc[i].flags |= quality.Flag(x.Flags)
			}
		}
	}
	for _, iv := range ivs {
		spread(acc, lo, iv)
	}
	interval := time.Duration(p.IntervalSeconds) * time.Second
	if method == "daily" {
		interval = 24 * time.Hour
	}
	stats := quality.Completeness(p.ID, times, interval, lo, hi, sishui.BeijingTime)
	out := make([]sishui.DailyUse, ndays)
	for i := range out {
		day := lo.AddDate(0, 0, i)
		out[i] = sishui.DailyUse{Point: p.ID, Day: dayKey(day), Region: d.region, Source: d.source, Sector: d.sector, UserID: d.user,
			Litres: int64(math.Round(acc[i].m3 * 1000)), Basis: basis, Method: method, Flags: uint32(acc[i].flags)}
		if i < len(stats) {
			out[i].Received, out[i].Expected = stats[i].Received, stats[i].Expected
		}
	}
	return out, nil
}

// spread adds an interval's volume to the days it overlaps, in proportion to time.
func spread(acc []dayAcc, lo time.Time, iv meter.Interval) {
	if !(iv.VolumeM3 >= 0) || math.IsInf(iv.VolumeM3, 0) {
		return
	}
	full := iv.End.Sub(iv.Start)
	if full <= 0 {
		if i := int(iv.Start.Sub(lo) / (24 * time.Hour)); i >= 0 && i < len(acc) {
			acc[i].m3 += iv.VolumeM3
			acc[i].flags |= iv.Flags
		}
		return
	}
	for t := iv.Start; t.Before(iv.End); {
		i := int(t.Sub(lo) / (24 * time.Hour))
		next := lo.AddDate(0, 0, i+1)
		end := iv.End
		if next.Before(end) {
			end = next
		}
		if i >= 0 && i < len(acc) {
			acc[i].m3 += iv.VolumeM3 * float64(end.Sub(t)) / float64(full)
			acc[i].flags |= iv.Flags
		}
		t = end
	}
}

func (s *Service) sampleTimes(ctx context.Context, point int64, m sishui.Metric, lo, hi time.Time) ([]time.Time, error) {
	xs, err := s.store.QuerySamples(ctx, sishui.SeriesQuery{Point: point, Metric: m, From: lo, To: hi})
	if err != nil {
		return nil, fmt.Errorf("accounting: samples of point %d: %w", point, err)
	}
	out := make([]time.Time, len(xs))
	for i, x := range xs {
		out[i] = x.Time
	}
	return out, nil
}

// MarkDirty notes that samples of point at time t arrived (or changed); the
// accounting scheduler recomputes from t's day at its next run. Ingestion
// calls it after a durable append.
func (s *Service) MarkDirty(point int64, t time.Time) {
	s.dmu.Lock()
	defer s.dmu.Unlock()
	if old, ok := s.dirty[point]; !ok || t.Before(old) {
		s.dirty[point] = t
	}
}

// AccountDirty recomputes every point marked dirty since the last call.
func (s *Service) AccountDirty(ctx context.Context) error {
	s.dmu.Lock()
	dirty := s.dirty
	s.dirty = map[int64]time.Time{}
	s.dmu.Unlock()
	var errs []error
	ids := make([]int64, 0, len(dirty))
	for id := range dirty {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := s.Update(ctx, id, dirty[id], s.now()); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Sweep recomputes every use point for the Beijing days touching [from, to):
// the scheduler runs it for yesterday and today, so that silent points get
// their (empty) days and their completeness.
func (s *Service) Sweep(ctx context.Context, from, to time.Time) error {
	ctx = system(ctx)
	ps, err := s.allPoints(ctx, sishui.PointFilter{})
	if err != nil {
		return fmt.Errorf("accounting: sweep: %w", err)
	}
	var errs []error
	for _, p := range ps {
		if p.Retired || !s.counts(p) {
			continue
		}
		if err := s.update(ctx, p, from, to); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// RunAccounting accounts dirty points every period, and sweeps every use
// point for yesterday and today at start, after each Beijing midnight and
// every SweepEvery (so that data is accounted even where ingestion does not
// call MarkDirty), until ctx ends.
func (s *Service) RunAccounting(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	var swept time.Time
	for {
		now := s.now()
		if now.Sub(swept) >= s.cfg.SweepEvery || !dayStart(now).Equal(dayStart(swept)) {
			if err := s.Sweep(ctx, dayStart(now).AddDate(0, 0, -1), now); err != nil {
				s.log.Warn("accounting sweep", "err", err)
			}
			swept = now
		} else if err := s.AccountDirty(ctx); err != nil {
			s.log.Warn("accounting", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
