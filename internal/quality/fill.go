package quality

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// FillMethod says how FillGaps makes up a value.
type FillMethod uint8

// Fill methods.
const (
	Linear   FillMethod = iota // interpolate linearly in time between the values around the gap
	Previous                   // repeat the value before the gap
)

func (m FillMethod) String() string {
	switch m {
	case Linear:
		return "linear"
	case Previous:
		return "previous"
	}
	return "unknown"
}

// FillGaps returns made-up values for the gaps of series; it never returns or
// changes the input samples. Every returned sample is a filled value, to be
// stored with FilledFlags (gap_filled|estimated), in (point, metric, time)
// order.
//
// The rule: samples are grouped by (point, metric) and ordered by time;
// samples with a NaN or infinite value are skipped, and of samples at the same
// time the first is used. For consecutive samples a and b with
// b.Time − a.Time ≤ maxGap, values are made at a.Time + k·interval (k = 1, 2 …)
// for every such time at least interval/2 before b.Time, so that reports that
// are late by less than half an interval do not create a fill. A gap longer
// than maxGap is left unfilled, as are the times before the first and after
// the last sample. interval ≤ 0 or maxGap < interval fills nothing.
func FillGaps(series []Sample, interval, maxGap time.Duration, method FillMethod) []Sample {
	if interval <= 0 || maxGap < interval || len(series) < 2 {
		return nil
	}
	idx := make([]int, 0, len(series))
	for i, s := range series {
		if !math.IsNaN(s.Value) && !math.IsInf(s.Value, 0) {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := &series[i], &series[j]
		if c := cmp.Compare(a.Point, b.Point); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Metric, b.Metric); c != 0 {
			return c
		}
		return a.Time.Compare(b.Time)
	})
	// Of samples of one series at one time, keep the first.
	idx = slices.CompactFunc(idx, func(i, j int) bool {
		a, b := &series[i], &series[j]
		return a.Point == b.Point && a.Metric == b.Metric && a.Time.Equal(b.Time)
	})
	var out []Sample
	for n := 1; n < len(idx); n++ {
		a, b := series[idx[n-1]], series[idx[n]]
		if a.Point != b.Point || a.Metric != b.Metric {
			continue
		}
		gap := b.Time.Sub(a.Time)
		if gap > maxGap || gap < interval+interval/2 {
			continue
		}
		for t := a.Time.Add(interval); b.Time.Sub(t) >= interval/2; t = t.Add(interval) {
			v := a.Value
			if method == Linear {
				frac := float64(t.Sub(a.Time)) / float64(gap)
				v = a.Value + (b.Value-a.Value)*frac
			}
			out = append(out, Sample{Point: a.Point, Metric: a.Metric, Time: t, Value: v})
		}
	}
	return out
}
