package gateway

import (
	"math"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// Mapping holds the per-deployment part of turning decoded values into
// samples. The zero value maps the standard identifiers only.
type Mapping struct {
	// SL651Vendor maps vendor identifiers (reserved 76H–EFH, or FFxxH) of
	// SL 651 frames to metrics, e.g. a vendor's cumulative-volume identifier
	// to sishui.MetricVolumeM3. SL 651 has no cumulative volume of its own.
	SL651Vendor map[uint16]sishui.Metric
}

// sl651Rule says which metric an SL 651 identifier feeds. A lower rank wins
// when several identifiers of one frame feed the same metric at the same time.
type sl651Rule struct {
	metric sishui.Metric
	rank   int
	scale  float64 // value × scale = metric unit; 0 means 1
}

// sl651Rules is the standard part of the SL 651 mapping (Appendix C ids).
var sl651Rules = map[string]sl651Rule{
	"Z": {metric: sishui.MetricLevelM, rank: 0}, "Z1": {metric: sishui.MetricLevelM, rank: 1},
	"ZU": {metric: sishui.MetricLevelM, rank: 2},
	"Q":  {metric: sishui.MetricFlowM3s, rank: 0}, "Q1": {metric: sishui.MetricFlowM3s, rank: 1},
	"QA": {metric: sishui.MetricFlowM3s, rank: 2}, "QZ": {metric: sishui.MetricFlowM3s, rank: 3},
	// Rain in the interval: the current rain PJ, else the shortest period sent.
	"PJ": {metric: sishui.MetricRainMM, rank: 0}, "PN01": {metric: sishui.MetricRainMM, rank: 1},
	"PN05": {metric: sishui.MetricRainMM, rank: 2}, "PN10": {metric: sishui.MetricRainMM, rank: 3},
	"PN30": {metric: sishui.MetricRainMM, rank: 4}, "P1": {metric: sishui.MetricRainMM, rank: 5},
	"VT":  {metric: sishui.MetricVoltageV},
	"H":   {metric: sishui.MetricDepthM},
	"C":   {metric: sishui.MetricTemperatureC},
	"WP1": {metric: sishui.MetricPressureMPa, scale: 0.001}, // kPa → MPa
	"ZT":  {metric: sishui.MetricAlarm},
}

// sl651Arrays maps the hourly arrays (DRP, DRZ1) to metrics; their slots
// are stored at their own times. At the report's own time DRP's last slot
// wins over PJ/PN/P1 (a 5-minute amount beside 5-minute amounts), while a
// level Z, Z1 or ZU wins over DRZ1 (a relative level, UNVERIFIED whether
// vendors send it above the station datum).
var sl651Arrays = map[string]sl651Rule{"DRP": {metric: sishui.MetricRainMM, rank: -1}, "DRZ1": {metric: sishui.MetricLevelM, rank: 10}}

// SL651Samples appends to dst the samples of a decoded SL 651 report from
// point p. An element's time is its observation time (F0F0 group, Beijing
// time, stored UTC), else the frame's, else arrival. The 12 slots of a DRP
// (5-minute rain) or DRZ1 (5-minute level) array cover the hour up to that
// time: slot i is stored at time − 55 min + 5i min; invalid slots (FF) are
// skipped. Missing or undecodable elements, other arrays (DRZ2–8) and
// unmapped identifiers are skipped; vendor
// identifiers named in m.SL651Vendor are mapped, a cumulative volume times
// the point's multiplier. When several identifiers give one metric at one
// time, the preferred one is kept (Z over Z1, PJ over PN05 …).
func (m *Mapping) SL651Samples(dst []sishui.Sample, f *sl651.Frame, p *sishui.Point, arrival time.Time) []sishui.Sample {
	start := len(dst)
	var rankBuf [16]int // on the stack unless a report has more samples
	ranks := rankBuf[:0]
	for i := range f.Elements {
		e := &f.Elements[i]
		if e.Missing || e.Invalid {
			continue
		}
		if e.Values != nil {
			if r, ok := sl651Arrays[e.ID]; ok {
				end := e.Observed
				if end.IsZero() {
					end = f.Observed
				}
				if end.IsZero() {
					end = arrival
				}
				for k, v := range e.Values {
					if math.IsNaN(v) {
						continue
					}
					t := end.Add(time.Duration(k-len(e.Values)+1) * 5 * time.Minute)
					dst, ranks = putRanked(dst, start, ranks, sishui.Sample{Point: p.ID, Metric: r.metric, Time: t.UTC(), Value: v}, r.rank)
				}
			}
			continue
		}
		var r sl651Rule
		var ok bool
		if e.ID != "" {
			r, ok = sl651Rules[e.ID]
		}
		if !ok && m != nil && m.SL651Vendor != nil {
			var met sishui.Metric
			met, ok = m.SL651Vendor[e.Code]
			r = sl651Rule{metric: met}
		}
		if !ok || r.metric == 0 {
			continue
		}
		v := e.Value
		if r.scale != 0 {
			v *= r.scale
		}
		if r.metric == sishui.MetricVolumeM3 {
			v *= multiplier(p)
		}
		t := e.Observed
		if t.IsZero() {
			t = f.Observed
		}
		if t.IsZero() {
			t = arrival
		}
		s := sishui.Sample{Point: p.ID, Metric: r.metric, Time: t.UTC(), Value: v}
		dst, ranks = putRanked(dst, start, ranks, s, r.rank)
	}
	return dst
}

// putRanked adds s to dst[start:] unless a sample of the same metric and time
// with a better (lower) rank is there; a worse one is replaced.
func putRanked(dst []sishui.Sample, start int, ranks []int, s sishui.Sample, rank int) ([]sishui.Sample, []int) {
	for j := start; j < len(dst); j++ {
		if dst[j].Metric == s.Metric && dst[j].Time.Equal(s.Time) {
			if rank < ranks[j-start] {
				dst[j], ranks[j-start] = s, rank
			}
			return dst, ranks
		}
	}
	return append(dst, s), append(ranks, rank)
}

// SZY206Samples appends to dst the samples of a decoded SZY 206 report from
// point p. Only the first meter or gauge of each class is mapped (a
// multi-meter terminal has one point per meter address). The sample time is
// the time tag Tp resolved against the arrival time (Beijing time, stored
// UTC), else the arrival time. Flow is converted to m³/s, water pressure from
// kPa to MPa, cumulative volume times the point's multiplier; on a
// groundwater point the water-level class becomes the groundwater level. The
// alarm and status words become the alarm and pump-state metrics.
func (m *Mapping) SZY206Samples(dst []sishui.Sample, f *szy206.Frame, p *sishui.Point, arrival time.Time) []sishui.Sample {
	t := arrival
	if f.HasTime {
		if tt, ok := f.Time.Time(arrival); ok {
			t = tt
		}
	}
	t = t.UTC()
	add := func(met sishui.Metric, v float64) {
		for _, s := range dst {
			if s.Point == p.ID && s.Metric == met && s.Time.Equal(t) {
				return
			}
		}
		dst = append(dst, sishui.Sample{Point: p.ID, Metric: met, Time: t, Value: v})
	}
	for _, r := range f.Readings {
		if r.Missing || r.Index > 1 {
			continue
		}
		switch r.Kind {
		case szy206.KindRain:
			add(sishui.MetricRainMM, r.Value())
		case szy206.KindLevel:
			if p.Kind == sishui.PointWell {
				add(sishui.MetricGroundLevelM, r.Value())
			} else {
				add(sishui.MetricLevelM, r.Value())
			}
		case szy206.KindDepth:
			add(sishui.MetricDepthM, r.Value())
		case szy206.KindFlow:
			add(sishui.MetricFlowM3s, r.FlowM3s())
		case szy206.KindVolume:
			add(sishui.MetricVolumeM3, r.Value()*multiplier(p))
		case szy206.KindElectricity:
			add(sishui.MetricEnergyKWh, r.Value())
		case szy206.KindPressure:
			add(sishui.MetricPressureMPa, r.Value()/1000)
		case szy206.KindWaterTemp:
			add(sishui.MetricTemperatureC, r.Value())
		case szy206.KindVoltage:
			add(sishui.MetricVoltageV, r.Value())
		}
	}
	if f.HasState {
		add(sishui.MetricAlarm, float64(f.Alarm))
		add(sishui.MetricPumpState, float64(f.Status))
	}
	return dst
}

func multiplier(p *sishui.Point) float64 {
	if p.Multiplier > 0 {
		return p.Multiplier
	}
	return 1
}
