package gateway

import (
	"math"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

type wantSample struct {
	metric sishui.Metric
	value  float64
	time   time.Time
}

func checkSamples(t *testing.T, got []sishui.Sample, want []wantSample) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d samples %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Point != 7 || g.Metric != w.metric || math.Abs(g.Value-w.value) > 1e-9 || !g.Time.Equal(w.time) || g.Time.Location() != time.UTC {
			t.Errorf("sample %d = %+v, want %s=%v at %s (UTC)", i, g, w.metric, w.value, w.time)
		}
	}
}

func TestSL651Mapping(t *testing.T) {
	bj := sl651.Beijing()
	obs := time.Date(2025, 3, 1, 9, 0, 0, 0, bj)
	later := obs.Add(time.Hour)
	arrival := time.Date(2025, 3, 1, 1, 30, 0, 0, time.UTC)
	vendor := sl651.ElemDef(0xFF01, 0x4A, 1234.5) // a vendor's cumulative volume
	ztElem := sl651.ElemDef(0x45, 0x20, 3)
	ztElem.ID = "ZT"
	nan := math.NaN()
	drp := sl651.Element{ID: "DRP", Code: sl651.CodeDRP, Values: []float64{0.1, nan, 0.3, nan, nan, nan, nan, nan, nan, nan, nan, 0.2}}
	drz := sl651.Element{ID: "DRZ1", Code: sl651.CodeDRZ1, Values: []float64{nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, 1.5, 1.7}}
	for _, tc := range []struct {
		name     string
		observed time.Time
		elems    []sl651.Element
		mapping  Mapping
		kind     string
		want     []wantSample
	}{
		{"river", obs, []sl651.Element{sl651.Elem("Z", 31.2), sl651.Elem("Q", 5.5), sl651.Elem("VT", 12.1)}, Mapping{}, sishui.PointRiver,
			[]wantSample{{sishui.MetricLevelM, 31.2, obs}, {sishui.MetricFlowM3s, 5.5, obs}, {sishui.MetricVoltageV, 12.1, obs}}},
		{"preferred id wins either order", obs, []sl651.Element{sl651.Elem("PN05", 0.5), sl651.Elem("PJ", 2), sl651.Elem("Z1", 3), sl651.Elem("Z", 4)}, Mapping{}, sishui.PointRain,
			[]wantSample{{sishui.MetricRainMM, 2, obs}, {sishui.MetricLevelM, 4, obs}}},
		{"groundwater, temperature, pressure in MPa", obs, []sl651.Element{sl651.Elem("H", 12.34), sl651.Elem("C", 15.5), sl651.Elem("WP1", 250)}, Mapping{}, sishui.PointWell,
			[]wantSample{{sishui.MetricDepthM, 12.34, obs}, {sishui.MetricTemperatureC, 15.5, obs}, {sishui.MetricPressureMPa, 0.25, obs}}},
		{"missing and unmapped skipped", obs, []sl651.Element{sl651.MissingElem("Z"), sl651.Elem("PT", 100), sl651.Elem("AC", 3)}, Mapping{}, sishui.PointRiver, nil},
		{"element time, else arrival", time.Time{}, []sl651.Element{func() sl651.Element { e := sl651.Elem("Z", 1); e.Observed = later; return e }(), sl651.Elem("VT", 12)}, Mapping{}, sishui.PointRiver,
			[]wantSample{{sishui.MetricLevelM, 1, later}, {sishui.MetricVoltageV, 12, arrival}}},
		{"vendor volume times multiplier", obs, []sl651.Element{vendor}, Mapping{SL651Vendor: map[uint16]sishui.Metric{0xFF01: sishui.MetricVolumeM3}}, sishui.PointWithdrawal,
			[]wantSample{{sishui.MetricVolumeM3, 12345, obs}}},
		{"vendor id unmapped by default", obs, []sl651.Element{vendor}, Mapping{}, sishui.PointWithdrawal, nil},
		{"status word", obs, []sl651.Element{ztElem}, Mapping{}, sishui.PointRiver, []wantSample{{sishui.MetricAlarm, 3, obs}}},
		{"DRP and DRZ1 slots at their own times; the array wins at the hour", obs, []sl651.Element{sl651.Elem("PJ", 9), sl651.Elem("Z", 31.2), drp, drz}, Mapping{}, sishui.PointRiver,
			[]wantSample{{sishui.MetricRainMM, 0.2, obs}, {sishui.MetricLevelM, 31.2, obs},
				{sishui.MetricRainMM, 0.1, obs.Add(-55 * time.Minute)}, {sishui.MetricRainMM, 0.3, obs.Add(-45 * time.Minute)},
				{sishui.MetricLevelM, 1.5, obs.Add(-5 * time.Minute)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &sl651.Frame{Observed: tc.observed, Elements: tc.elems}
			p := &sishui.Point{ID: 7, Kind: tc.kind, Multiplier: 10}
			checkSamples(t, tc.mapping.SL651Samples(nil, f, p, arrival), tc.want)
		})
	}
}

func TestSZY206Mapping(t *testing.T) {
	arrival := time.Date(2025, 3, 9, 1, 0, 30, 0, time.UTC)
	tagged := time.Date(2025, 3, 9, 8, 45, 0, 0, sl651.Beijing())
	tt := szy206.NewTimeTag(tagged, 10, 5)
	r := szy206.NewReading
	for _, tc := range []struct {
		name     string
		kind     string
		readings []szy206.Reading
		tp       *szy206.TimeTag
		state    bool
		want     []wantSample
	}{
		{"flow and volume, second meter ignored", sishui.PointWithdrawal,
			[]szy206.Reading{r(szy206.KindFlow, 1, 5.9), r(szy206.KindVolume, 1, 106182), r(szy206.KindFlow, 2, 1), r(szy206.KindVolume, 2, 2)}, &tt, false,
			[]wantSample{{sishui.MetricFlowM3s, 5.9, tagged}, {sishui.MetricVolumeM3, 1061820, tagged}}},
		{"missing flow", sishui.PointWithdrawal, []szy206.Reading{szy206.MissingReading(szy206.KindFlow, 1), r(szy206.KindVolume, 1, 4)}, nil, false,
			[]wantSample{{sishui.MetricVolumeM3, 40, arrival}}},
		{"level on a river, ground level in a well", sishui.PointRiver, []szy206.Reading{r(szy206.KindLevel, 1, 30.5)}, nil, false,
			[]wantSample{{sishui.MetricLevelM, 30.5, arrival}}},
		{"level in a well", sishui.PointWell, []szy206.Reading{r(szy206.KindLevel, 1, 22.25)}, nil, false,
			[]wantSample{{sishui.MetricGroundLevelM, 22.25, arrival}}},
		{"depth, rain, voltage, temperature, pressure, energy", sishui.PointWell,
			[]szy206.Reading{r(szy206.KindDepth, 1, 12.5), r(szy206.KindRain, 1, 3.5), r(szy206.KindVoltage, 1, 12.6),
				r(szy206.KindWaterTemp, 1, 16.1), r(szy206.KindPressure, 1, 320), r(szy206.KindElectricity, 1, 1500.25)}, nil, false,
			[]wantSample{{sishui.MetricDepthM, 12.5, arrival}, {sishui.MetricRainMM, 3.5, arrival}, {sishui.MetricVoltageV, 12.6, arrival},
				{sishui.MetricTemperatureC, 16.1, arrival}, {sishui.MetricPressureMPa, 0.32, arrival}, {sishui.MetricEnergyKWh, 1500.25, arrival}}},
		{"alarm and status words", sishui.PointWithdrawal, nil, nil, true,
			[]wantSample{{sishui.MetricAlarm, 0x1001, arrival}, {sishui.MetricPumpState, 0x60, arrival}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &szy206.Frame{Readings: tc.readings}
			if tc.tp != nil {
				f.Time, f.HasTime = *tc.tp, true
			}
			if tc.state {
				f.HasState, f.Alarm, f.Status = true, 0x1001, 0x60
			}
			p := &sishui.Point{ID: 7, Kind: tc.kind, Multiplier: 10}
			var m Mapping
			checkSamples(t, m.SZY206Samples(nil, f, p, arrival), tc.want)
		})
	}
}
