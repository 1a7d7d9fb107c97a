package quality

import (
	"math"
	"sync"
	"time"
)

// Sample is one value of one metric at one point at one time.
type Sample struct {
	Point  int64
	Metric string
	Time   time.Time
	Value  float64
}

// Checker runs the checks of a Config over streams of samples, keeping a few
// values of state per series (point, metric). It never drops or changes a
// sample; it only returns reason flags. A Checker is safe for concurrent use.
//
// The checks, for a sample s of series k with limits l (Config.Limits):
//
//   - future_timestamp: s.Time > now + l.FutureTolerance.
//   - too_old: now − s.Time > l.MaxAge.
//   - missing: s.Value is NaN or ±Inf; no value check runs.
//   - hard_range / soft_range: outside [HardMin, HardMax] / inside it but
//     outside [SoftMin, SoftMax].
//   - negative_increment: an Increment series below zero.
//   - duplicate_conflict: the same time as k's last value, but a different
//     value. An equal resend gets no flag and does not change the state.
//
// The checks against k's history use only "accepted" earlier values: those
// without hard_range, future_timestamp or missing, so one broken value does not
// poison the next. A sample older than k's last accepted value (a late report)
// gets only the checks above and leaves the state alone.
//
//   - meter_rollback: a Cumulative series below its last value.
//   - rate_of_change: |s.Value − last| > MaxRatePerHour × hours since last
//     (for a Cumulative series only when it went up).
//   - spike: the jump from the last value exceeds the spike thresholds while
//     the step before it (from the value before last) did not. Streaming sees
//     no next value, so a lasting step is flagged on its first sample;
//     CheckBatch, which sees both neighbours, flags only values that jump
//     away and come back (see SpikeBetween).
//   - flat_line: the sample lies within FlatLineTolerance of the first value
//     of the current run of such values, and the run is FlatLineCount long or
//     longer. A value outside the band starts a new run.
type Checker struct {
	cfg    Config
	kindOf func(point int64) string

	mu     sync.Mutex
	series map[seriesKey]*seriesState
	byKind map[kindKey]*rules
}

type seriesKey struct {
	point  int64
	metric string
}

type kindKey struct{ kind, metric string }

// seriesState is what a Checker remembers of one series.
type seriesState struct {
	r         *rules
	n         int   // accepted values remembered: 0, 1 or 2
	lastNanos int64 // time of last, Unix nanoseconds
	last      float64
	prev      float64 // the accepted value before last (when n == 2)
	runAnchor float64 // first value of the current flat run
	runCount  int
}

// NewChecker returns a Checker for cfg. kindOf returns a point's kind when the
// Config does not name it (Config.Points[point].Kind); it may be nil, in which
// case such points only get the Defaults and Metrics layers.
func NewChecker(cfg Config, kindOf func(point int64) string) *Checker {
	return &Checker{
		cfg:    cfg,
		kindOf: kindOf,
		series: make(map[seriesKey]*seriesState),
		byKind: make(map[kindKey]*rules),
	}
}

// state returns the state of a series, creating it; c.mu is held.
func (c *Checker) state(point int64, metric string) *seriesState {
	k := seriesKey{point, metric}
	if st, ok := c.series[k]; ok {
		return st
	}
	st := &seriesState{r: c.rulesFor(point, metric)}
	c.series[k] = st
	return st
}

func (c *Checker) rulesFor(point int64, metric string) *rules {
	pc, override := c.cfg.Points[point]
	kind := pc.Kind
	if kind == "" && c.kindOf != nil {
		kind = c.kindOf(point)
	}
	if override {
		if _, ok := pc.Metrics[metric]; ok {
			r := c.cfg.Limits(kind, point, metric).rules()
			return &r
		}
	}
	kk := kindKey{kind, metric}
	if r, ok := c.byKind[kk]; ok {
		return r
	}
	r := c.cfg.Limits(kind, math.MinInt64, metric).rules()
	c.byKind[kk] = &r
	return &r
}

// Check returns the reasons against s, given the current time, and remembers
// s for the checks of later samples of its series.
func (c *Checker) Check(s Sample, now time.Time) Flag {
	c.mu.Lock()
	f, _ := c.check(s, now)
	c.mu.Unlock()
	return f
}

// Seed sets the remembered state of the samples' series as if they had been
// checked, without checking them: use it after a restart with the latest
// stored values, oldest first.
func (c *Checker) Seed(samples ...Sample) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range samples {
		if math.IsNaN(s.Value) || math.IsInf(s.Value, 0) {
			continue
		}
		st := c.state(s.Point, s.Metric)
		t := s.Time.UnixNano()
		if st.n > 0 && t <= st.lastNanos {
			continue
		}
		st.accept(t, s.Value)
	}
}

// Forget drops the remembered state of one series (after maintenance or a
// meter change, so the next value is not compared with the old ones).
func (c *Checker) Forget(point int64, metric string) {
	c.mu.Lock()
	delete(c.series, seriesKey{point, metric})
	c.mu.Unlock()
}

// check runs every check; accepted reports whether s became the series' last
// value. c.mu is held.
func (c *Checker) check(s Sample, now time.Time) (f Flag, accepted bool) {
	st := c.state(s.Point, s.Metric)
	r := st.r
	if r.futureOn && s.Time.After(now.Add(r.future)) {
		f |= FlagFutureTimestamp
	}
	if r.maxAge > 0 && now.Sub(s.Time) > r.maxAge {
		f |= FlagTooOld
	}
	v := s.Value
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return f | FlagMissing, false
	}
	f |= r.rangeFlags(v)
	if st.n > 0 {
		t := s.Time.UnixNano()
		switch {
		case t == st.lastNanos:
			if v != st.last {
				f |= FlagDuplicateConflict
			}
			return f, false
		case t < st.lastNanos:
			return f, false
		}
		d := v - st.last
		if r.series == Cumulative && d < 0 {
			f |= FlagMeterRollback
		} else if r.maxRatePerHour > 0 && math.Abs(d) > r.maxRatePerHour*float64(t-st.lastNanos)/float64(time.Hour) {
			f |= FlagRateOfChange
		}
		if st.n == 2 && r.spikeOn() && r.exceeds(d, st.last) && !r.exceeds(st.last-st.prev, st.prev) {
			f |= FlagSpike
		}
	}
	if f.Any(FlagHardRange | FlagFutureTimestamp) {
		return f, false
	}
	if r.flatCount > 0 {
		if st.runCount > 0 && math.Abs(v-st.runAnchor) <= r.flatTol {
			st.runCount++
		} else {
			st.runAnchor, st.runCount = v, 1
		}
		if st.runCount >= r.flatCount {
			f |= FlagFlatLine
		}
	}
	st.accept(s.Time.UnixNano(), v)
	return f, true
}

func (st *seriesState) accept(t int64, v float64) {
	st.prev, st.last, st.lastNanos = st.last, v, t
	if st.n < 2 {
		st.n++
	}
}

// rangeFlags returns the range and sign reasons of a finite value.
func (r *rules) rangeFlags(v float64) Flag {
	var f Flag
	if v < r.hardMin || v > r.hardMax {
		f |= FlagHardRange
	} else if v < r.softMin || v > r.softMax {
		f |= FlagSoftRange
	}
	if r.series == Increment && v < 0 {
		f |= FlagNegativeIncrement
	}
	return f
}

func (r *rules) spikeOn() bool { return r.spikeAbs > 0 || r.spikeRel > 0 }

// exceeds reports whether a difference d from the reference value ref passes
// every spike threshold that is set.
func (r *rules) exceeds(d, ref float64) bool {
	ad := math.Abs(d)
	if r.spikeAbs > 0 && !(ad > r.spikeAbs) {
		return false
	}
	if r.spikeRel > 0 && !(ad > r.spikeRel*math.Abs(ref)) {
		return false
	}
	return r.spikeOn()
}

// spikeBetween is the two-sided spike rule; see SpikeBetween.
func (r *rules) spikeBetween(before, v, after float64) bool {
	d1, d2 := v-before, v-after
	return (d1 > 0) == (d2 > 0) && r.exceeds(d1, before) && r.exceeds(d2, after)
}

// SpikeBetween reports whether v is a spike between its neighbours under the
// spike thresholds of l: it differs from both by more than the thresholds,
// in the same direction.
func SpikeBetween(l Limits, before, v, after float64) bool {
	r := l.rules()
	return r.spikeBetween(before, v, after)
}

// CheckBatch checks a series in time order, continuing the Checker's state,
// and returns one Flag per sample. It differs from calling Check on each sample
// only in the spike check: a sample with an accepted neighbour on each side in
// the batch gets the two-sided rule (SpikeBetween); the first and last of each
// series keep the streaming rule. Samples of several series may be mixed as
// long as each series is in time order.
func (c *Checker) CheckBatch(series []Sample, now time.Time) []Flag {
	flags := make([]Flag, len(series))
	type window struct {
		idx [2]int // indices of the last two accepted samples, idx[1] newest
		n   int
		r   *rules
	}
	windows := make(map[seriesKey]*window)
	c.mu.Lock()
	defer c.mu.Unlock()
	for j, s := range series {
		f, accepted := c.check(s, now)
		flags[j] = f
		if !accepted {
			continue
		}
		k := seriesKey{s.Point, s.Metric}
		w := windows[k]
		if w == nil {
			w = &window{r: c.series[k].r}
			windows[k] = w
		}
		if w.n == 2 && w.r.spikeOn() {
			i, h := w.idx[1], w.idx[0]
			flags[i] &^= FlagSpike
			if w.r.spikeBetween(series[h].Value, series[i].Value, s.Value) {
				flags[i] |= FlagSpike
			}
		}
		w.idx[0], w.idx[1] = w.idx[1], j
		if w.n < 2 {
			w.n++
		}
	}
	return flags
}

// CheckDuplicate compares an incoming value with the value already stored for
// the same (point, metric, time): FlagDuplicateConflict when they differ, 0
// when they are equal (a resend). NaN equals NaN here.
func CheckDuplicate(stored, incoming float64) Flag {
	if stored == incoming || (math.IsNaN(stored) && math.IsNaN(incoming)) {
		return 0
	}
	return FlagDuplicateConflict
}
