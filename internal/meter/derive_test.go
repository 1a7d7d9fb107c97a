package meter

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/sishui/sishui/internal/quality"
)

var t0 = time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)

func hr(n float64) time.Time { return t0.Add(time.Duration(n * float64(time.Hour))) }

// iv is an expected interval: start and end in hours after t0.
type iv struct {
	start, end float64
	vol        float64
	flags      quality.Flag
	rollovers  int
	event      EventKind
}

func TestDerive(t *testing.T) {
	nan := math.NaN()
	r := func(h, v float64) Reading { return Reading{hr(h), v} }
	spec := MeterSpec{Rollover: 100000}
	tests := []struct {
		name   string
		in     []Reading
		spec   MeterSpec
		events []Event
		want   []iv
	}{
		{"empty", nil, spec, nil, nil},
		{"one reading", []Reading{r(0, 5)}, spec, nil, nil},
		{"simple", []Reading{r(0, 100), r(1, 110), r(2, 125)}, spec, nil,
			[]iv{{0, 1, 10, 0, 0, 0}, {1, 2, 15, 0, 0, 0}}},
		{"multiplier", []Reading{r(0, 100), r(1, 110)}, MeterSpec{Multiplier: 10}, nil,
			[]iv{{0, 1, 100, 0, 0, 0}}},
		{"zero use", []Reading{r(0, 100), r(1, 100)}, spec, nil, []iv{{0, 1, 0, 0, 0, 0}}},
		{"rollover", []Reading{r(0, 99990), r(1, 5)}, spec, nil, []iv{{0, 1, 15, 0, 1, 0}}},
		{"rollover from the very top", []Reading{r(0, 99999), r(1, 0)}, spec, nil, []iv{{0, 1, 1, 0, 1, 0}}},
		{"double rollover", []Reading{r(0, 99000), r(1, 500), r(2, 50000), r(3, 99500), r(4, 1000)}, spec, nil,
			[]iv{{0, 1, 1500, 0, 1, 0}, {1, 2, 49500, 0, 0, 0}, {2, 3, 49500, 0, 0, 0}, {3, 4, 1500, 0, 1, 0}}},
		{"rollover with multiplier", []Reading{r(0, 99990), r(1, 5)}, MeterSpec{Rollover: 100000, Multiplier: 0.1}, nil,
			[]iv{{0, 1, 1.5, 0, 1, 0}}},
		{"drop not near the top is a rollback", []Reading{r(0, 50000), r(1, 10), r(2, 50010)}, spec, nil,
			[]iv{{0, 1, 0, quality.FlagMeterRollback, 0, 0}, {1, 2, 10, 0, 0, 0}}},
		{"drop near the top to a large value is a rollback", []Reading{r(0, 99990), r(1, 50000)}, spec, nil,
			[]iv{{0, 1, 0, quality.FlagMeterRollback, 0, 0}}},
		{"backwards reading without rollover", []Reading{r(0, 100), r(1, 90), r(2, 95), r(3, 120)}, MeterSpec{}, nil,
			[]iv{{0, 1, 0, quality.FlagMeterRollback, 0, 0}, {1, 2, 0, quality.FlagMeterRollback, 0, 0}, {2, 3, 20, 0, 0, 0}}},
		{"rollover too fast for max flow is a rollback", []Reading{r(0, 95000), r(1, 4000)}, MeterSpec{Rollover: 100000, MaxFlowM3h: 1000}, nil,
			[]iv{{0, 1, 0, quality.FlagMeterRollback, 0, 0}}},
		{"rollover within max flow", []Reading{r(0, 99500), r(1, 300)}, MeterSpec{Rollover: 100000, MaxFlowM3h: 1000}, nil,
			[]iv{{0, 1, 800, 0, 1, 0}}},
		{"over max flow: flagged, kept", []Reading{r(0, 0), r(1, 1500), r(3, 2500)}, MeterSpec{MaxFlowM3h: 1000}, nil,
			[]iv{{0, 1, 1500, quality.FlagRateOfChange, 0, 0}, {1, 3, 1000, 0, 0, 0}}},
		{"gap: one long interval", []Reading{r(0, 100), r(1, 110), r(49, 590)}, MeterSpec{MaxFlowM3h: 20}, nil,
			[]iv{{0, 1, 10, 0, 0, 0}, {1, 49, 480, 0, 0, 0}}},
		{"out of order input is sorted", []Reading{r(2, 125), r(0, 100), r(1, 110)}, spec, nil,
			[]iv{{0, 1, 10, 0, 0, 0}, {1, 2, 15, 0, 0, 0}}},
		{"resend of a backwards reading", []Reading{r(0, 100), r(1, 90), r(1, 90), r(2, 120)}, MeterSpec{}, nil,
			[]iv{{0, 1, 0, quality.FlagMeterRollback, 0, 0}, {1, 2, 20, 0, 0, 0}}},
		{"duplicate resend", []Reading{r(0, 100), r(1, 110), r(1, 110), r(2, 120)}, spec, nil,
			[]iv{{0, 1, 10, 0, 0, 0}, {1, 2, 10, 0, 0, 0}}},
		{"duplicate with different value: first wins, flagged", []Reading{r(0, 100), r(1, 110), r(1, 180), r(2, 120)}, spec, nil,
			[]iv{{0, 1, 10, 0, 0, 0}, {1, 2, 10, quality.FlagDuplicateConflict, 0, 0}}},
		{"invalid readings skipped and flagged", []Reading{r(0, 100), r(1, nan), r(2, -5), r(3, 100000), r(4, 140)}, spec, nil,
			[]iv{{0, 4, 40, quality.FlagHardRange, 0, 0}}},
		{"replacement with final reading", []Reading{r(0, 100), r(1, 110), r(3, 7)}, spec,
			[]Event{{Kind: Replacement, Time: hr(2), Final: 118, HasFinal: true, Start: 2}},
			[]iv{{0, 1, 10, 0, 0, 0}, {1, 2, 8, 0, 0, Replacement}, {2, 3, 5, 0, 0, 0}}},
		{"replacement without final reading", []Reading{r(0, 100), r(1, 110), r(3, 7)}, spec,
			[]Event{{Kind: Replacement, Time: hr(2), Start: 2}},
			[]iv{{0, 1, 10, 0, 0, 0}, {1, 2, 0, quality.FlagMissing, 0, Replacement}, {2, 3, 5, 0, 0, 0}}},
		{"replacement changes the spec", []Reading{r(0, 99990), r(1, 5), r(3, 50)}, spec,
			[]Event{{Kind: Replacement, Time: hr(2), Final: 8, HasFinal: true, Start: 0, Spec: &MeterSpec{Multiplier: 10}}},
			[]iv{{0, 1, 15, 0, 1, 0}, {1, 2, 3, 0, 0, Replacement}, {2, 3, 500, 0, 0, 0}}},
		{"reading at the event time belongs to the new meter", []Reading{r(0, 100), r(2, 0), r(3, 10)}, spec,
			[]Event{{Kind: Replacement, Time: hr(2), Final: 120, HasFinal: true}},
			[]iv{{0, 2, 20, 0, 0, Replacement}, {2, 3, 10, 0, 0, 0}}},
		{"reset", []Reading{r(0, 500), r(1, 600), r(2, 30)}, MeterSpec{},
			[]Event{{Kind: Reset, Time: hr(1.5), Final: 650, HasFinal: true, Start: 0}},
			[]iv{{0, 1, 100, 0, 0, 0}, {1, 1.5, 50, 0, 0, Reset}, {1.5, 2, 30, 0, 0, 0}}},
		{"event before the first reading only sets the spec", []Reading{r(1, 100), r(2, 110)}, spec,
			[]Event{{Kind: Replacement, Time: hr(0), Start: 0, Spec: &MeterSpec{Multiplier: 2}}},
			[]iv{{1, 2, 20, 0, 0, 0}}},
		{"event after the last reading", []Reading{r(0, 100), r(1, 110)}, spec,
			[]Event{{Kind: Reset, Time: hr(5), Final: 130, HasFinal: true}},
			[]iv{{0, 1, 10, 0, 0, 0}, {1, 5, 20, 0, 0, Reset}}},
		{"two events between readings", []Reading{r(0, 100), r(4, 30)}, MeterSpec{},
			[]Event{{Kind: Reset, Time: hr(1), Final: 110, HasFinal: true}, {Kind: Replacement, Time: hr(2), Final: 5, HasFinal: true, Start: 10}},
			[]iv{{0, 1, 10, 0, 0, Reset}, {1, 2, 5, 0, 0, Replacement}, {2, 4, 20, 0, 0, 0}}},
		{"invalid spec: volumes missing", []Reading{r(0, 100), r(1, 110)}, MeterSpec{Multiplier: -1}, nil,
			[]iv{{0, 1, 0, quality.FlagMissing, 0, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]Reading(nil), tt.in...)
			got := Derive(tt.in, tt.spec, tt.events)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d intervals %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if !g.Start.Equal(hr(w.start)) || !g.End.Equal(hr(w.end)) || math.Abs(g.VolumeM3-w.vol) > 1e-9 ||
					g.Flags != w.flags || g.Rollovers != w.rollovers || g.Event != w.event || g.Method != Metered {
					t.Errorf("interval %d: got %v–%v %v m³ %v rollovers %d event %v; want %+v",
						i, g.Start.Sub(t0), g.End.Sub(t0), g.VolumeM3, g.Flags, g.Rollovers, g.Event, w)
				}
			}
			for i := range in {
				if in[i] != tt.in[i] && !math.IsNaN(in[i].Value) {
					t.Fatalf("input changed at %d", i)
				}
			}
		})
	}
}

func TestMeterSpecValidate(t *testing.T) {
	tests := []struct {
		name string
		spec MeterSpec
		ok   bool
	}{
		{"zero", MeterSpec{}, true},
		{"typical", MeterSpec{Multiplier: 0.1, Rollover: 1e8, RolloverWindow: 0.05, MaxFlowM3h: 500}, true},
		{"negative multiplier", MeterSpec{Multiplier: -1}, false},
		{"NaN rollover", MeterSpec{Rollover: math.NaN()}, false},
		{"window too wide", MeterSpec{RolloverWindow: 0.5}, false},
		{"infinite max flow", MeterSpec{MaxFlowM3h: math.Inf(1)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.spec.Validate()
			if (err == nil) != tt.ok {
				t.Errorf("Validate() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

// TestDeriveReconciles builds random meter histories with known true usage and
// checks that the interval volumes add up: to the true usage, and to
// Σ segments Multiplier × (last − first + Rollover × rollovers).
func TestDeriveReconciles(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for run := range 300 {
		mod := []float64{1e4, 1e5, 1e8}[run%3]
		mult := []float64{1, 10, 0.1}[run/3%3]
		spec := MeterSpec{Rollover: mod, Multiplier: mult}
		step := 0.1 * mod // increments stay below the rollover window
		reg := math.Floor(rng.Float64() * mod)
		var readings []Reading
		var events []Event
		var trueUse float64  // register units × multiplier
		var expected float64 // from the segment formula
		segFirst, segLast, segRolls, segMult := reg, reg, 0, mult
		closeSeg := func() { expected += segMult * (segLast - segFirst + mod*float64(segRolls)) }
		tm := t0
		readings = append(readings, Reading{tm, reg})
		n := 50 + rng.IntN(100)
		for range n {
			tm = tm.Add(time.Duration(1+rng.IntN(120)) * time.Minute)
			if rng.IntN(40) == 0 { // replacement or reset with a final reading
				inc := math.Floor(rng.Float64() * step)
				final := reg + inc
				if final >= mod {
					final -= mod
					segRolls++
				}
				segLast = final
				trueUse += inc * segMult
				closeSeg()
				start := math.Floor(rng.Float64() * 100)
				e := Event{Kind: Reset, Time: tm, Final: final, HasFinal: true, Start: start}
				if rng.IntN(2) == 0 {
					e.Kind = Replacement
					segMult = []float64{1, 10, 0.1}[rng.IntN(3)]
					e.Spec = &MeterSpec{Rollover: mod, Multiplier: segMult}
				}
				events = append(events, e)
				reg, segFirst, segLast, segRolls = start, start, start, 0
				continue
			}
			inc := math.Floor(rng.Float64() * step)
			reg += inc
			if reg >= mod {
				reg -= mod
				segRolls++
			}
			trueUse += inc * segMult
			segLast = reg
			readings = append(readings, Reading{tm, reg})
		}
		closeSeg()
		rng.Shuffle(len(readings), func(i, j int) { readings[i], readings[j] = readings[j], readings[i] })
		got := Derive(readings, spec, events)
		var rolls int
		for _, iv := range got {
			if iv.Flags != 0 {
				t.Fatalf("run %d: unexpected flags %v in %+v", run, iv.Flags, iv)
			}
			rolls += iv.Rollovers
		}
		sum := TotalM3(got)
		tol := 1e-9 * math.Max(1, trueUse)
		if math.Abs(sum-trueUse) > tol || math.Abs(sum-expected) > tol {
			t.Fatalf("run %d: sum %v, true use %v, segment formula %v", run, sum, trueUse, expected)
		}
	}
}

func TestRoundM3(t *testing.T) {
	tests := []struct {
		name string
		in   float64
		want int64
	}{
		{"down", 10.49, 10},
		{"half up", 10.5, 11},
		{"exact", 7, 7},
		{"sum then round", TotalM3([]Interval{{VolumeM3: 0.4}, {VolumeM3: 0.4}, {VolumeM3: 0.4}}), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RoundM3(tt.in); got != tt.want {
				t.Errorf("RoundM3(%v) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzDerive(f *testing.F) {
	f.Add([]byte{0, 10, 20, 30, 255, 1, 2}, uint16(100), uint8(1), uint8(3))
	f.Add([]byte{250, 5, 5, 240, 0}, uint16(256), uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, mod uint16, mult uint8, evAt uint8) {
		var readings []Reading
		for i, b := range data {
			// Times may repeat and go backwards; values may exceed mod.
			readings = append(readings, Reading{t0.Add(time.Duration(int(b)%7*i) * time.Minute), float64(b) * 3})
		}
		spec := MeterSpec{Rollover: float64(mod), Multiplier: float64(mult) / 4, MaxFlowM3h: float64(mod % 50)}
		events := []Event{{Kind: Reset, Time: t0.Add(time.Duration(evAt) * time.Minute), Final: float64(evAt), HasFinal: evAt%2 == 0, Start: float64(evAt % 5)}}
		got := Derive(readings, spec, events)
		for i, iv := range got {
			if !(iv.VolumeM3 >= 0) || math.IsInf(iv.VolumeM3, 0) {
				t.Fatalf("interval %d: volume %v", i, iv.VolumeM3)
			}
			if iv.End.Before(iv.Start) || (i > 0 && iv.Start.Before(got[i-1].End)) {
				t.Fatalf("interval %d out of order: %+v after %+v", i, iv, got[i-1])
			}
		}
	})
}

func BenchmarkDerive(b *testing.B) {
	readings := make([]Reading, 10000)
	v := 99000.0
	for i := range readings {
		v += float64(i % 13)
		if v >= 1e5 {
			v -= 1e5
		}
		readings[i] = Reading{t0.Add(time.Duration(i) * 15 * time.Minute), v}
	}
	spec := MeterSpec{Rollover: 1e5, Multiplier: 0.1}
	b.ReportAllocs()
	for b.Loop() {
		Derive(readings, spec, nil)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(readings)), "ns/reading")
}
