package quality

import (
	"math"
	"sync"
	"testing"
	"time"
)

func f64(v float64) *float64            { return &v }
func ip(v int) *int                     { return &v }
func dp(d time.Duration) *time.Duration { return &d }

var t0 = time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)

// obs is a sample of series (1, "x") at t0 + at.
type obs struct {
	at time.Duration
	v  float64
}

func TestCheckerChecks(t *testing.T) {
	base := Limits{FutureTolerance: dp(5 * time.Minute), MaxAge: dp(48 * time.Hour)}
	with := func(f func(*Limits)) Limits { l := base; f(&l); return l }
	nan := math.NaN()
	tests := []struct {
		name   string
		limits Limits
		now    time.Duration // now = t0 + now; default 1 h after the last sample
		in     []obs
		want   []Flag
	}{
		{"clean", with(func(l *Limits) { l.HardMin, l.HardMax = f64(0), f64(10) }),
			0, []obs{{0, 1}, {time.Hour, 2}}, []Flag{0, 0}},
		{"hard and soft range", with(func(l *Limits) { l.HardMin, l.HardMax, l.SoftMin, l.SoftMax = f64(0), f64(10), f64(2), f64(8) }),
			0, []obs{{0, -1}, {1, 11}, {2, 1}, {3, 9}, {4, 10}, {5, 0}, {6, 5}},
			[]Flag{FlagHardRange, FlagHardRange, FlagSoftRange, FlagSoftRange, FlagSoftRange, FlagSoftRange, 0}},
		{"missing value", base, 0, []obs{{0, nan}, {1, math.Inf(1)}, {2, 3}}, []Flag{FlagMissing, FlagMissing, 0}},
		{"future timestamp", base, 0,
			[]obs{{0, 1}, {time.Hour, 1}, {2 * time.Hour, 1}},
			nil}, // filled below with now = t0+55m
		{"too old", base, 100 * time.Hour, []obs{{0, 1}, {60 * time.Hour, 1}}, []Flag{FlagTooOld, 0}},
		{"negative increment", with(func(l *Limits) { l.Series = Increment }), 0,
			[]obs{{0, 0}, {1, -0.5}, {2, 3}}, []Flag{0, FlagNegativeIncrement, 0}},
		{"meter rollback", with(func(l *Limits) { l.Series = Cumulative; l.MaxRatePerHour = f64(1) }), 0,
			[]obs{{0, 100}, {time.Hour, 100.5}, {2 * time.Hour, 90}, {3 * time.Hour, 90.5}},
			[]Flag{0, 0, FlagMeterRollback, 0}},
		{"rate of change", with(func(l *Limits) { l.MaxRatePerHour = f64(1) }), 0,
			[]obs{{0, 10}, {time.Hour, 11}, {90 * time.Minute, 12}, {2 * time.Hour, 11.5}, {3 * time.Hour, 10.4}},
			[]Flag{0, 0, FlagRateOfChange, 0, FlagRateOfChange}},
		{"flat line", with(func(l *Limits) { l.FlatLineCount, l.FlatLineTolerance = ip(3), f64(0.01) }), 0,
			[]obs{{0, 5}, {1, 5.01}, {2, 4.99}, {3, 5}, {4, 5.02}, {5, 5.02}, {6, 5.02}},
			[]Flag{0, 0, FlagFlatLine, FlagFlatLine, 0, 0, FlagFlatLine}},
		{"spike absolute", with(func(l *Limits) { l.SpikeAbs = f64(2) }), 0,
			[]obs{{0, 10}, {1, 10.5}, {2, 20}, {3, 10.4}, {4, 10.3}},
			[]Flag{0, 0, FlagSpike, 0, 0}},
		{"spike needs stable step before", with(func(l *Limits) { l.SpikeAbs = f64(2) }), 0,
			[]obs{{0, 10}, {1, 15}, {2, 25}}, []Flag{0, 0, 0}},
		{"spike relative and absolute both needed", with(func(l *Limits) { l.SpikeAbs, l.SpikeRel = f64(1), f64(0.5) }), 0,
			[]obs{{0, 100}, {1, 100}, {2, 140}, {3, 100}, {4, 100}, {5, 160}, {6, 1}, {7, 1}, {8, 1.9}, {9, 1}, {10, 1}, {11, 2.1}},
			[]Flag{0, 0, 0, 0, 0, FlagSpike, 0, 0, 0, 0, 0, FlagSpike}},
		{"duplicate with different value", base, 0,
			[]obs{{0, 1}, {time.Hour, 2}, {time.Hour, 3}, {time.Hour, 2}},
			[]Flag{0, 0, FlagDuplicateConflict, 0}},
		{"late sample only stateless", with(func(l *Limits) { l.Series = Cumulative; l.HardMax = f64(50) }), 0,
			[]obs{{0, 10}, {2 * time.Hour, 20}, {time.Hour, 5}, {time.Hour, 60}, {3 * time.Hour, 21}},
			[]Flag{0, 0, 0, FlagHardRange, 0}},
		{"hard-range value does not enter history", with(func(l *Limits) { l.HardMax = f64(50); l.MaxRatePerHour = f64(5) }), 0,
			[]obs{{0, 10}, {time.Hour, 99}, {2 * time.Hour, 11}},
			[]Flag{0, FlagHardRange | FlagRateOfChange, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := t0.Add(tt.in[len(tt.in)-1].at + time.Hour)
			if tt.now != 0 {
				now = t0.Add(tt.now)
			}
			want := tt.want
			if tt.name == "future timestamp" {
				now = t0.Add(55 * time.Minute) // +5 min tolerance: 1 h ahead is fine, 2 h is not
				want = []Flag{0, 0, FlagFutureTimestamp}
			}
			c := NewChecker(Config{Metrics: map[string]Limits{"x": tt.limits}}, nil)
			for i, o := range tt.in {
				got := c.Check(Sample{Point: 1, Metric: "x", Time: t0.Add(o.at), Value: o.v}, now)
				if got != want[i] {
					t.Errorf("sample %d (%v, %v): got %v, want %v", i, o.at, o.v, got, want[i])
				}
			}
		})
	}
}

func TestCheckerSeriesIndependent(t *testing.T) {
	c := NewChecker(Config{Metrics: map[string]Limits{"x": {Series: Cumulative}}}, nil)
	now := t0.Add(time.Hour)
	c.Check(Sample{1, "x", t0, 100}, now)
	if f := c.Check(Sample{2, "x", t0.Add(time.Minute), 5}, now); f != 0 {
		t.Errorf("another point: %v", f)
	}
	if f := c.Check(Sample{1, "y", t0.Add(time.Minute), 5}, now); f != 0 {
		t.Errorf("another metric: %v", f)
	}
	if f := c.Check(Sample{1, "x", t0.Add(time.Minute), 5}, now); f != FlagMeterRollback {
		t.Errorf("same series: %v", f)
	}
	c.Forget(1, "x")
	if f := c.Check(Sample{1, "x", t0.Add(2 * time.Minute), 4}, now); f != 0 {
		t.Errorf("after Forget: %v", f)
	}
}

func TestCheckerKindsAndSeed(t *testing.T) {
	kinds := map[int64]string{1: "river", 2: "groundwater"}
	c := NewChecker(DefaultConfig(), func(p int64) string { return kinds[p] })
	now := t0.Add(time.Hour)
	tests := []struct {
		name string
		s    Sample
		want Flag
	}{
		{"river level in range", Sample{1, "level_m", t0, 35}, 0},
		{"river level soft", Sample{1, "level_m", t0.Add(time.Minute), 14}, FlagSoftRange | FlagRateOfChange},
		{"well depth 35 ok", Sample{2, "depth_m", t0, 35}, 0},
		{"well depth 0.2 soft", Sample{2, "depth_m", t0.Add(time.Minute), 0.2}, FlagSoftRange | FlagRateOfChange | FlagSpike},
		{"voltage everywhere", Sample{2, "voltage_v", t0, 37}, FlagHardRange},
		{"unknown kind: only generic layers", Sample{3, "level_m", t0, 1000}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "well depth 0.2 soft" {
				c.Seed(Sample{2, "depth_m", t0.Add(-time.Hour), 35.1}) // older than the state: ignored
				c.Seed(Sample{2, "depth_m", t0.Add(30 * time.Second), 35.05})
			}
			if got := c.Check(tt.s, now); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheckBatchSpike(t *testing.T) {
	cfg := Config{Metrics: map[string]Limits{"x": {SpikeAbs: f64(2)}}}
	tests := []struct {
		name string
		in   []float64
		want []Flag
	}{
		{"spike up and back", []float64{10, 10, 20, 10, 10}, []Flag{0, 0, FlagSpike, 0, 0}},
		{"spike down and back", []float64{10, 10, 1, 10, 10}, []Flag{0, 0, FlagSpike, 0, 0}},
		{"step is not a spike", []float64{10, 10, 20, 20, 20}, []Flag{0, 0, 0, 0, 0}},
		{"step at the end keeps the streaming rule", []float64{10, 10, 10, 20}, []Flag{0, 0, 0, FlagSpike}},
		{"ramp", []float64{10, 13, 16, 19}, []Flag{0, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			series := make([]Sample, len(tt.in))
			for i, v := range tt.in {
				series[i] = Sample{1, "x", t0.Add(time.Duration(i) * time.Hour), v}
			}
			got := NewChecker(cfg, nil).CheckBatch(series, t0.Add(24*time.Hour))
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("sample %d: got %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestCheckBatchMixedSeries(t *testing.T) {
	cfg := Config{Metrics: map[string]Limits{"x": {SpikeAbs: f64(2)}}}
	var series []Sample
	for i, v := range []float64{10, 10, 20, 20, 20} { // point 1: a step
		series = append(series, Sample{1, "x", t0.Add(time.Duration(i) * time.Hour), v})
		series = append(series, Sample{2, "x", t0.Add(time.Duration(i) * time.Hour), []float64{5, 5, 15, 5, 5}[i]})
	}
	got := NewChecker(cfg, nil).CheckBatch(series, t0.Add(24*time.Hour))
	for i, f := range got {
		want := Flag(0)
		if i == 5 { // point 2, third sample
			want = FlagSpike
		}
		if f != want {
			t.Errorf("sample %d (%+v): got %v, want %v", i, series[i], f, want)
		}
	}
}

func TestCheckDuplicate(t *testing.T) {
	tests := []struct {
		name             string
		stored, incoming float64
		want             Flag
	}{
		{"equal", 1.5, 1.5, 0},
		{"different", 1.5, 1.6, FlagDuplicateConflict},
		{"both NaN", math.NaN(), math.NaN(), 0},
		{"one NaN", 1, math.NaN(), FlagDuplicateConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CheckDuplicate(tt.stored, tt.incoming); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheckerConcurrent(t *testing.T) {
	c := NewChecker(DefaultConfig(), func(int64) string { return "river" })
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				c.Check(Sample{int64(g), "level_m", t0.Add(time.Duration(i) * time.Minute), 30}, t0.Add(24*time.Hour))
			}
		}()
	}
	wg.Wait()
	// 200 equal values a minute apart: the 48th and later are a flat line.
	if f := c.Check(Sample{0, "level_m", t0.Add(201 * time.Minute), 30}, t0.Add(24*time.Hour)); f != FlagFlatLine {
		t.Errorf("got %v, want flat_line", f)
	}
}

func BenchmarkCheck(b *testing.B) {
	kinds := []string{"river", "groundwater", "withdrawal"}
	metrics := []string{"level_m", "depth_m", "volume_m3"}
	c := NewChecker(DefaultConfig(), func(p int64) string { return kinds[p%3] })
	const points = 1000
	now := t0.Add(1000 * time.Hour)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := int64(i % points)
		step := i / points
		c.Check(Sample{p, metrics[p%3], t0.Add(time.Duration(step) * time.Minute), 30 + float64(step%7)*0.01}, now)
	}
}
