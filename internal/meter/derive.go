package meter

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/sishui/sishui/internal/quality"
)

// Reading is one value of a meter's cumulative register, in register units
// (before the multiplier).
type Reading struct {
	Time  time.Time
	Value float64
}

// MeterSpec describes a meter's register.
type MeterSpec struct {
	// Multiplier converts register units to m³ (for an electricity meter, to
	// kWh). Zero means 1. Readings already in m³ use 1.
	Multiplier float64
	// Rollover is the register's modulus: the count at which it wraps to 0,
	// 10^digits for a decimal register (1e8 for eight digits, 99999999 → 0).
	// Zero means the register never wraps.
	Rollover float64
	// RolloverWindow is the fraction of Rollover that counts as "near the
	// top" and "near zero" for rollover detection; zero means 0.1.
	RolloverWindow float64
	// MaxFlowM3h is the largest plausible mean flow, m³ per hour (after the
	// multiplier). Zero means no limit. An interval above it is flagged
	// rate_of_change (its volume is kept), and a drop is only taken for a
	// rollover if the volume it implies stays within it.
	MaxFlowM3h float64
}

// ErrInvalidSpec is wrapped by MeterSpec.Validate errors.
var ErrInvalidSpec = errors.New("invalid meter spec")

// Validate checks the spec's fields.
func (m MeterSpec) Validate() error {
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	switch {
	case !finite(m.Multiplier) || m.Multiplier < 0:
		return fmt.Errorf("meter: multiplier %g: %w", m.Multiplier, ErrInvalidSpec)
	case !finite(m.Rollover) || m.Rollover < 0:
		return fmt.Errorf("meter: rollover %g: %w", m.Rollover, ErrInvalidSpec)
	case !finite(m.RolloverWindow) || m.RolloverWindow < 0 || m.RolloverWindow >= 0.5:
		return fmt.Errorf("meter: rollover window %g must be in [0, 0.5): %w", m.RolloverWindow, ErrInvalidSpec)
	case !finite(m.MaxFlowM3h) || m.MaxFlowM3h < 0:
		return fmt.Errorf("meter: max flow %g: %w", m.MaxFlowM3h, ErrInvalidSpec)
	}
	return nil
}

func (m MeterSpec) multiplier() float64 {
	if m.Multiplier == 0 {
		return 1
	}
	return m.Multiplier
}

func (m MeterSpec) window() float64 {
	if m.RolloverWindow == 0 {
		return 0.1
	}
	return m.RolloverWindow
}

// EventKind says what happened to a meter.
type EventKind uint8

// Event kinds.
const (
	NoEvent     EventKind = iota
	Replacement           // a new meter was fitted
	Reset                 // the register was set to a value (usually 0)
)

func (k EventKind) String() string {
	switch k {
	case NoEvent:
		return "none"
	case Replacement:
		return "replacement"
	case Reset:
		return "reset"
	}
	return fmt.Sprintf("event_%d", k)
}

// Event is a recorded change of a meter's register.
type Event struct {
	Kind EventKind
	Time time.Time
	// Final is the old register's last value at Time, when someone read it
	// (HasFinal). Without it the volume since the last reading is unknown.
	Final    float64
	HasFinal bool
	// Start is the register's value right after the event (the new meter's
	// starting value; 0 after most resets).
	Start float64
	// Spec is the new meter's register, for a replacement that changes it;
	// nil keeps the current one.
	Spec *MeterSpec
}

// Method says how an interval volume was obtained.
type Method uint8

// Methods.
const (
	Metered     Method = iota // from meter readings
	Electricity               // converted from electricity (以电折水), an estimate
)

func (m Method) String() string {
	switch m {
	case Metered:
		return "metered"
	case Electricity:
		return "electricity"
	}
	return fmt.Sprintf("method_%d", m)
}

// Interval is the volume that passed a meter between two instants.
type Interval struct {
	Start, End time.Time
	VolumeM3   float64      // ≥ 0; in kWh when the meter is an electricity meter
	Method     Method       //
	Flags      quality.Flag // why the volume needs a look; see Derive
	Rollovers  int          // register wraps counted in the interval (0 or 1)
	Event      EventKind    // the event that ends the interval, if any
}

// Derive returns the interval volumes between consecutive readings of one
// meter. Readings and events need not be sorted (both are sorted by time,
// stably); neither slice is changed.
//
// Between a baseline register value p (the previous reading) and the next
// value c, the register advanced by:
//
//   - c − p when c ≥ p;
//   - c + Rollover − p, counted as one rollover, when c < p, Rollover > 0,
//     p ≥ (1 − w)·Rollover and c < w·Rollover (w is RolloverWindow, default
//     0.1: the register was near its top and is now near zero), and, if
//     MaxFlowM3h is set, that volume is within MaxFlowM3h over the interval;
//   - otherwise the reading went backwards: the interval's volume is 0, it is
//     flagged meter_rollback, and the baseline stays at p (its time moves on),
//     so the volume is counted once, when the register passes p again. A
//     backwards reading that is a real unrecorded reset keeps flagging every
//     later interval until the reset is recorded as an Event.
//
// The volume is the advance × Multiplier. An interval over MaxFlowM3h is
// flagged rate_of_change and keeps its volume.
//
// Readings that are NaN, infinite, negative or not below Rollover are
// skipped; the interval spanning them is flagged hard_range. Of readings at
// the same time the first is used; a later one with a different value flags
// the interval ending there duplicate_conflict; an equal one is a resend.
// A long gap between readings is one long interval; its volume is exact.
//
// Events split the readings into segments. At an event (at equal times events
// come before readings, so a reading at the event time is the new register's):
// if there is a baseline, an interval from it to the event gets the volume up
// to Final (rules as for a reading), or, without Final, volume 0 flagged
// missing; either way its Event is the event's kind. Then Start becomes the
// baseline and Spec, if set, the spec. Events before the first reading only
// change the spec: the first reading is the baseline.
//
// An invalid spec (see Validate) gives volume 0 flagged missing for every
// interval.
//
// Reconciliation: when no interval is flagged meter_rollback or missing, the
// volumes add up to Σ over segments of Multiplier × (last − first + Rollover
// × rollovers), where a segment runs from its first value (the first reading,
// or an event's Start) to its last (the last reading before the next event,
// or that event's Final).
func Derive(readings []Reading, m MeterSpec, events []Event) []Interval {
	rs := sortedByTime(readings, func(r Reading) time.Time { return r.Time })
	es := sortedByTime(events, func(e Event) time.Time { return e.Time })

	d := deriver{spec: m, valid: m.Validate() == nil}
	out := make([]Interval, 0, len(rs))
	j := 0
	for _, r := range rs {
		for j < len(es) && !es[j].Time.After(r.Time) {
			out = d.event(out, es[j])
			j++
		}
		out = d.reading(out, r)
	}
	for ; j < len(es); j++ {
		out = d.event(out, es[j])
	}
	return out
}

// sortedByTime returns s when it is already in time order, else a stably
// sorted copy; s itself is never changed.
func sortedByTime[T any](s []T, at func(T) time.Time) []T {
	byTime := func(a, b T) int { return at(a).Compare(at(b)) }
	if slices.IsSortedFunc(s, byTime) {
		return s
	}
	s = slices.Clone(s)
	slices.SortStableFunc(s, byTime)
	return s
}

// deriver is the state of one Derive call.
type deriver struct {
	spec    MeterSpec
	valid   bool         // spec passes Validate
	hasBase bool         // a baseline exists
	known   bool         // the baseline value is known
	baseT   time.Time    // baseline time
	baseV   float64      // baseline register value (the high-water mark after a rollback)
	atBase  float64      // the value read at baseT, to tell resends from conflicts
	pending quality.Flag // flags for the next interval (skipped readings, duplicates)
}

func (d *deriver) validValue(v float64) bool {
	return !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0 && (d.spec.Rollover == 0 || v < d.spec.Rollover)
}

func (d *deriver) reading(out []Interval, r Reading) []Interval {
	if !d.validValue(r.Value) {
		d.pending |= quality.FlagHardRange
		return out
	}
	if !d.hasBase {
		d.hasBase, d.known, d.baseT, d.baseV, d.atBase = true, true, r.Time, r.Value, r.Value
		return out
	}
	if r.Time.Equal(d.baseT) {
		if !d.known || r.Value != d.atBase {
			d.pending |= quality.FlagDuplicateConflict
		}
		return out
	}
	iv := Interval{Start: d.baseT, End: r.Time, Flags: d.pending}
	d.pending = 0
	if !d.known {
		iv.Flags |= quality.FlagMissing
		d.known, d.baseT, d.baseV, d.atBase = true, r.Time, r.Value, r.Value
		return append(out, iv)
	}
	d.advance(&iv, r.Value)
	return append(out, iv)
}

func (d *deriver) event(out []Interval, e Event) []Interval {
	if d.hasBase && (e.Time.After(d.baseT) || e.HasFinal) {
		iv := Interval{Start: d.baseT, End: e.Time, Flags: d.pending, Event: e.Kind}
		d.pending = 0
		switch {
		case !d.known || !e.HasFinal || !d.validValue(e.Final):
			iv.Flags |= quality.FlagMissing
		default:
			d.advance(&iv, e.Final)
		}
		out = append(out, iv)
	}
	if e.Spec != nil {
		d.spec = *e.Spec
		d.valid = d.spec.Validate() == nil
	}
	if d.hasBase {
		d.baseT = e.Time
		d.baseV, d.atBase = e.Start, e.Start
		d.known = d.validValue(e.Start)
	}
	return out
}

// advance sets iv's volume for the register moving from the baseline to c and
// moves the baseline.
func (d *deriver) advance(iv *Interval, c float64) {
	if !d.valid {
		iv.Flags |= quality.FlagMissing
		d.baseT, d.baseV = iv.End, c
		return
	}
	d.atBase = c
	p, mod, mult := d.baseV, d.spec.Rollover, d.spec.multiplier()
	hours := iv.End.Sub(iv.Start).Hours()
	within := func(vol float64) bool { return d.spec.MaxFlowM3h == 0 || vol <= d.spec.MaxFlowM3h*hours }
	switch {
	case c >= p:
		iv.VolumeM3 = (c - p) * mult
	case mod > 0 && p >= (1-d.spec.window())*mod && c < d.spec.window()*mod && within((c+mod-p)*mult):
		iv.VolumeM3 = (c + mod - p) * mult
		iv.Rollovers = 1
	default:
		iv.Flags |= quality.FlagMeterRollback
		d.baseT = iv.End // the baseline value stays at the high-water mark p
		return
	}
	if !within(iv.VolumeM3) {
		iv.Flags |= quality.FlagRateOfChange
	}
	d.baseT, d.baseV = iv.End, c
}

// TotalM3 sums the volumes of intervals.
func TotalM3(intervals []Interval) float64 {
	var sum float64
	for _, iv := range intervals {
		sum += iv.VolumeM3
	}
	return sum
}

// RoundM3 rounds a volume to whole m³ for billing, halves away from zero.
// Round a period's total, not each interval, so rounding errors do not add up.
func RoundM3(v float64) int64 {
	return int64(math.Round(v))
}
