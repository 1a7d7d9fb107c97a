package quality

import (
	"cmp"
	"slices"
	"time"
)

// beijing is the fixed UTC+8 zone of terminal clocks and reporting days.
var beijing = time.FixedZone("CST", 8*3600)

// DayStats is the report completeness (到报率) of one point on one day.
type DayStats struct {
	Point      int64
	Day        time.Time     // midnight starting the day, in the reporting zone
	Expected   int           // expected report times in the day's window
	Received   int           // expected report times that got a report
	Reports    int           // distinct report times in the window (event reports included)
	First      time.Time     // first report in the window; zero if none
	Last       time.Time     // last report in the window; zero if none
	LongestGap time.Duration // longest stretch of the window without a report, edges included
}

// Rate is Received / Expected (0 when nothing was expected).
func (d DayStats) Rate() float64 {
	if d.Expected == 0 {
		return 0
	}
	return float64(d.Received) / float64(d.Expected)
}

// Completeness returns, for each day of [from, to) in loc (nil means Beijing
// time, UTC+8), the completeness of one point's reports at the given times.
//
// The expected report times of a day are midnight + k·interval, k = 0, 1 …,
// that fall in the day's window: the day cut to [from, to), so that today can
// be measured up to "now". A report counts for the expected time nearest to it
// (a report at 09:59:58 counts for 10:00); one report fills one expected time,
// and extra reports only raise Reports. First, Last, Reports and LongestGap use
// the report times themselves within the window. Times outside [from, to) are
// ignored; times need not be sorted. An interval under one second, or an
// empty [from, to), returns nil.
func Completeness(point int64, times []time.Time, interval time.Duration, from, to time.Time, loc *time.Location) []DayStats {
	if interval < time.Second || !from.Before(to) {
		return nil
	}
	if loc == nil {
		loc = beijing
	}
	ts := make([]time.Time, 0, len(times))
	for _, t := range times {
		if !t.Before(from) && t.Before(to) {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	ts = slices.CompactFunc(ts, func(a, b time.Time) bool { return a.Equal(b) })

	var out []DayStats
	fy, fm, fd := from.In(loc).Date()
	day := time.Date(fy, fm, fd, 0, 0, 0, 0, loc)
	i := 0 // next report of ts to look at
	for day.Before(to) {
		next := day.AddDate(0, 0, 1)
		winStart, winEnd := later(day, from), earlier(next, to)
		d := DayStats{Point: point, Day: day}

		// Expected times: day + k·interval in [winStart, winEnd).
		kFirst := ceilDiv(winStart.Sub(day), interval)
		kEnd := ceilDiv(winEnd.Sub(day), interval) // exclusive
		if kEnd > kFirst {
			d.Expected = int(kEnd - kFirst)
		}
		got := make([]bool, max(d.Expected, 0))

		// Reports near the window: up to half an interval either side may
		// count for an expected time inside it.
		j := i
		for j > 0 && ts[j-1].After(winStart.Add(-interval/2)) {
			j--
		}
		cursor := winStart
		for ; j < len(ts) && ts[j].Before(winEnd.Add(interval/2)); j++ {
			t := ts[j]
			k := roundDiv(t.Sub(day), interval)
			if k >= kFirst && k < kEnd && !got[k-kFirst] {
				got[k-kFirst] = true
				d.Received++
			}
			if t.Before(winStart) || !t.Before(winEnd) {
				continue
			}
			if d.Reports == 0 {
				d.First = t
			}
			d.Last = t
			d.Reports++
			d.LongestGap = max(d.LongestGap, t.Sub(cursor))
			cursor = t
		}
		d.LongestGap = max(d.LongestGap, winEnd.Sub(cursor))
		for i < len(ts) && ts[i].Before(winEnd) {
			i++
		}
		out = append(out, d)
		day = next
	}
	return out
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// ceilDiv returns ⌈d / iv⌉ for d ≥ 0, iv > 0.
func ceilDiv(d, iv time.Duration) int64 {
	return int64((d + iv - 1) / iv)
}

// roundDiv returns d / iv rounded to the nearest integer (halves up); d may be negative.
func roundDiv(d, iv time.Duration) int64 {
	q, r := d/iv, d%iv
	if r < 0 {
		q, r = q-1, r+iv
	}
	if 2*r >= iv {
		q++
	}
	return int64(q)
}

// GroupStats is the completeness of a group of points (a county, the city) on one day.
type GroupStats struct {
	Group    string
	Day      time.Time
	Points   int // points counted
	Expected int // sum over the points
	Received int // sum over the points
	Silent   int // points that expected reports and got none
	Complete int // points that got every expected report
}

// Rate is the group's Received / Expected, weighting each point by its expected
// reports (0 when nothing was expected).
func (g GroupStats) Rate() float64 {
	if g.Expected == 0 {
		return 0
	}
	return float64(g.Received) / float64(g.Expected)
}

// Rollup sums day statistics into groups. groupOf returns the groups a point
// counts in (for example its county and its city); a point in no group is
// left out. The result is ordered by group, then day.
func Rollup(days []DayStats, groupOf func(point int64) []string) []GroupStats {
	type key struct {
		group string
		day   int64
	}
	acc := make(map[key]*GroupStats)
	for _, d := range days {
		for _, g := range groupOf(d.Point) {
			k := key{g, d.Day.UnixNano()}
			gs := acc[k]
			if gs == nil {
				gs = &GroupStats{Group: g, Day: d.Day}
				acc[k] = gs
			}
			gs.Points++
			gs.Expected += d.Expected
			gs.Received += d.Received
			if d.Expected > 0 && d.Reports == 0 {
				gs.Silent++
			}
			if d.Received == d.Expected {
				gs.Complete++
			}
		}
	}
	out := make([]GroupStats, 0, len(acc))
	for _, gs := range acc {
		out = append(out, *gs)
	}
	slices.SortFunc(out, func(a, b GroupStats) int {
		if c := cmp.Compare(a.Group, b.Group); c != 0 {
			return c
		}
		return a.Day.Compare(b.Day)
	})
	return out
}
