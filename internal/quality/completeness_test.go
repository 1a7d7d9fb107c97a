package quality

import (
	"testing"
	"time"
)

func TestCompleteness(t *testing.T) {
	bj := time.FixedZone("CST", 8*3600)
	day := time.Date(2024, 7, 1, 0, 0, 0, 0, bj) // Beijing midnight = 16:00 UTC the day before
	hourly := func(skip ...int) []time.Time {
		var ts []time.Time
	next:
		for i := range 24 {
			for _, s := range skip {
				if s == i {
					continue next
				}
			}
			ts = append(ts, day.Add(time.Duration(i)*time.Hour).UTC())
		}
		return ts
	}
	tests := []struct {
		name     string
		times    []time.Time
		from, to time.Time
		want     []DayStats
	}{
		{"full day", hourly(), day, day.Add(24 * time.Hour), []DayStats{{
			Expected: 24, Received: 24, Reports: 24, First: day, Last: day.Add(23 * time.Hour), LongestGap: time.Hour}}},
		{"missing 3 to 6", hourly(3, 4, 5, 6), day, day.Add(24 * time.Hour), []DayStats{{
			Expected: 24, Received: 20, Reports: 20, First: day, Last: day.Add(23 * time.Hour), LongestGap: 5 * time.Hour}}},
		{"silent day", nil, day, day.Add(24 * time.Hour), []DayStats{{Expected: 24, LongestGap: 24 * time.Hour}}},
		{"partial day up to now", hourly(), day, day.Add(10*time.Hour + 30*time.Minute), []DayStats{{
			Expected: 11, Received: 11, Reports: 11, First: day, Last: day.Add(10 * time.Hour), LongestGap: time.Hour}}},
		{"early and late reports count for the nearest time",
			[]time.Time{day.Add(-2 * time.Second), day.Add(time.Hour + 29*time.Minute), day.Add(2*time.Hour - time.Minute), day.Add(2 * time.Hour)},
			day, day.Add(3 * time.Hour), []DayStats{{
				Expected: 3, Received: 2, Reports: 3, First: day.Add(time.Hour + 29*time.Minute), Last: day.Add(2 * time.Hour),
				LongestGap: time.Hour + 29*time.Minute}}},
		{"two days, report before midnight counts for the next day",
			[]time.Time{day.Add(12 * time.Hour), day.Add(24*time.Hour - time.Minute)},
			day, day.Add(48 * time.Hour), []DayStats{
				{Expected: 24, Received: 1, Reports: 2, First: day.Add(12 * time.Hour), Last: day.Add(24*time.Hour - time.Minute), LongestGap: 12 * time.Hour},
				{Day: day.Add(24 * time.Hour), Expected: 24, Received: 1, LongestGap: 24 * time.Hour}}},
		{"from mid-day: only later times expected", hourly(), day.Add(12*time.Hour + time.Minute), day.Add(24 * time.Hour), []DayStats{{
			Expected: 11, Received: 11, Reports: 11, First: day.Add(13 * time.Hour), Last: day.Add(23 * time.Hour), LongestGap: time.Hour}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Completeness(9, tt.times, time.Hour, tt.from, tt.to, nil)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d days %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				w := tt.want[i]
				w.Point = 9
				if w.Day.IsZero() {
					w.Day = day
				}
				g := got[i]
				if g.Point != w.Point || !g.Day.Equal(w.Day) || g.Expected != w.Expected || g.Received != w.Received ||
					g.Reports != w.Reports || !g.First.Equal(w.First) || !g.Last.Equal(w.Last) || g.LongestGap != w.LongestGap {
					t.Errorf("day %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
	if got := Completeness(1, hourly(), 0, day, day.Add(time.Hour), nil); got != nil {
		t.Errorf("zero interval: %v", got)
	}
	if r := (DayStats{Expected: 24, Received: 18}).Rate(); r != 0.75 {
		t.Errorf("Rate = %v", r)
	}
}

func TestRollup(t *testing.T) {
	d1 := time.Date(2024, 7, 1, 0, 0, 0, 0, beijing)
	d2 := d1.AddDate(0, 0, 1)
	days := []DayStats{
		{Point: 1, Day: d1, Expected: 24, Received: 24, Reports: 24},
		{Point: 2, Day: d1, Expected: 24, Received: 12, Reports: 12},
		{Point: 3, Day: d1, Expected: 24, Received: 0, Reports: 0},
		{Point: 1, Day: d2, Expected: 24, Received: 24, Reports: 30},
		{Point: 4, Day: d1, Expected: 24, Received: 24, Reports: 24}, // in no group
	}
	county := map[int64]string{1: "371502", 2: "371502", 3: "371521"}
	got := Rollup(days, func(p int64) []string {
		if c, ok := county[p]; ok {
			return []string{c, "371500"}
		}
		return nil
	})
	want := []GroupStats{
		{Group: "371500", Day: d1, Points: 3, Expected: 72, Received: 36, Silent: 1, Complete: 1},
		{Group: "371500", Day: d2, Points: 1, Expected: 24, Received: 24, Complete: 1},
		{Group: "371502", Day: d1, Points: 2, Expected: 48, Received: 36, Complete: 1},
		{Group: "371502", Day: d2, Points: 1, Expected: 24, Received: 24, Complete: 1},
		{Group: "371521", Day: d1, Points: 1, Expected: 24, Silent: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d groups %+v", len(got), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("group %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if r := want[0].Rate(); r != 0.5 {
		t.Errorf("Rate = %v", r)
	}
}
