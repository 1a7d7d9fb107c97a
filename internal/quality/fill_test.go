package quality

import (
	"math"
	"testing"
	"time"
)

func TestFillGaps(t *testing.T) {
	h := time.Hour
	at := func(d time.Duration, v float64) Sample { return Sample{1, "x", t0.Add(d), v} }
	tests := []struct {
		name     string
		in       []Sample
		interval time.Duration
		maxGap   time.Duration
		method   FillMethod
		want     []Sample
	}{
		{"no gap", []Sample{at(0, 1), at(h, 2), at(2*h, 3)}, h, 6 * h, Linear, nil},
		{"linear", []Sample{at(0, 0), at(4*h, 8)}, h, 6 * h, Linear,
			[]Sample{at(h, 2), at(2*h, 4), at(3*h, 6)}},
		{"previous", []Sample{at(0, 5), at(3*h, 8)}, h, 6 * h, Previous,
			[]Sample{at(h, 5), at(2*h, 5)}},
		{"gap longer than maxGap left alone", []Sample{at(0, 0), at(7*h, 7)}, h, 6 * h, Linear, nil},
		{"gap exactly maxGap filled", []Sample{at(0, 0), at(3*h, 3)}, h, 3 * h, Linear,
			[]Sample{at(h, 1), at(2*h, 2)}},
		{"late by under half an interval: no fill", []Sample{at(0, 0), at(h+25*time.Minute, 1)}, h, 6 * h, Linear, nil},
		{"late by half an interval: fill", []Sample{at(0, 0), at(2*h+30*time.Minute, 5)}, h, 6 * h, Linear,
			[]Sample{at(h, 2), at(2*h, 4)}},
		{"unsorted input", []Sample{at(4*h, 8), at(0, 0)}, h, 6 * h, Linear,
			[]Sample{at(h, 2), at(2*h, 4), at(3*h, 6)}},
		{"NaN is no anchor", []Sample{at(0, 0), at(2*h, math.NaN()), at(4*h, 8)}, h, 6 * h, Linear,
			[]Sample{at(h, 2), at(2*h, 4), at(3*h, 6)}},
		{"same time: first wins", []Sample{at(0, 0), at(0, 100), at(2*h, 2)}, h, 6 * h, Linear,
			[]Sample{at(h, 1)}},
		{"series kept apart", []Sample{at(0, 0), {2, "x", t0.Add(h), 50}, at(2*h, 2), {2, "x", t0.Add(3 * h), 70}}, h, 6 * h, Previous,
			[]Sample{at(h, 0), {2, "x", t0.Add(2 * h), 50}}},
		{"maxGap under interval fills nothing", []Sample{at(0, 0), at(3*h, 3)}, h, 30 * time.Minute, Linear, nil},
		{"zero interval fills nothing", []Sample{at(0, 0), at(3*h, 3)}, 0, 6 * h, Linear, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]Sample(nil), tt.in...)
			got := FillGaps(tt.in, tt.interval, tt.maxGap, tt.method)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d samples %v, want %d %v", len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				g, w := got[i], tt.want[i]
				if g.Point != w.Point || g.Metric != w.Metric || !g.Time.Equal(w.Time) || math.Abs(g.Value-w.Value) > 1e-12 {
					t.Errorf("sample %d: got %+v, want %+v", i, g, w)
				}
			}
			for i := range in {
				if in[i] != tt.in[i] && !(math.IsNaN(in[i].Value) && math.IsNaN(tt.in[i].Value)) {
					t.Fatalf("input changed at %d", i)
				}
			}
		})
	}
}
