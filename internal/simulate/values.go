package simulate

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// errMismatch: the gateway's confirm does not match the report.
var errMismatch = errors.New("simulate: confirm does not match the report")

// state is what a station measures at one observation time.
type state struct {
	flowM3s   float64 // withdrawal flow
	riverM3s  float64
	levelM    float64 // river stage
	depthM    float64 // groundwater depth below ground
	rainMM    float64
	voltageV  float64
	observed  time.Time
	meterRead float64 // meter register (m³ / multiplier)
}

// advance moves the station's clock one step and returns its readings.
// Withdrawal follows a daily pattern (low at night, high in the afternoon)
// and the cumulative meter integrates it; groundwater depth deepens while
// wells pump; river stage and flow follow the season; the battery charges
// by day.
func (st *station) advance() state {
	cfg := &st.r.cfg
	step := st.step()
	obs := cfg.Start.Truncate(step).Add(time.Duration(st.k) * step)
	st.k++
	st.observed = obs
	bj := obs.In(sl651.Beijing())
	h := float64(bj.Hour()) + float64(bj.Minute())/60
	day := 0.5 + 0.5*math.Sin(2*math.Pi*(h-8)/24) // 0 at 02:00, 1 at 14:00
	season := math.Sin(2 * math.Pi * float64(bj.YearDay()-100) / 365)
	flow := max(0, st.baseQ*(0.3+1.4*day)*(1+0.05*st.rng.NormFloat64()))
	st.meterM3 += flow * step.Seconds()
	st.kwh += flow * step.Seconds() * 0.4
	s := state{
		flowM3s:   round(flow, 3),
		riverM3s:  round(max(0.5, 8+5*season+0.3*st.rng.NormFloat64()), 3),
		levelM:    round(30+0.8*season+0.02*st.rng.NormFloat64(), 3),
		depthM:    round(12+0.4*day+0.01*st.rng.NormFloat64(), 2),
		voltageV:  round(12.4+0.8*day-0.1*st.rng.Float64(), 2),
		observed:  obs,
		meterRead: math.Floor(st.meterM3 / st.mult),
	}
	if st.rng.Float64() < 0.1 {
		s.rainMM = round(0.5*float64(1+st.rng.IntN(20)), 1)
	}
	return s
}

func round(v float64, dec int) float64 {
	p := math.Pow10(dec)
	return math.Round(v*p) / p
}

// build encodes the next report into st.wbuf and returns the check of the
// gateway's answer: (true, nil) for the matching confirm, (false, nil) for
// another downlink frame, an error for a confirm that does not match.
func (st *station) build() (func([]byte) (bool, error), error) {
	s := st.advance()
	if st.r.cfg.Protocol == sishui.ProtocolSL651 {
		return st.buildSL651(s)
	}
	return st.buildSZY206(s)
}

func (st *station) buildSL651(s state) (func([]byte) (bool, error), error) {
	st.serial++
	if st.serial == 0 {
		st.serial = 1
	}
	sent := time.Now().In(sl651.Beijing()).Truncate(time.Second)
	f := &sl651.Frame{
		Format: sl651.FormatHEX, Direction: sl651.Up, Center: st.r.cfg.Center, Station: st.slAddr,
		Password: st.password, Function: sl651.FuncTimed, Serial: st.serial, Sent: sent,
		HasBodyStation: true, BodyStation: st.slAddr, Observed: s.observed.In(sl651.Beijing()),
	}
	switch st.kind {
	case sishui.PointRiver, sishui.PointReservoir:
		f.StationType = sl651.StationRiver
		f.Elements = []sl651.Element{sl651.Elem("Z", s.levelM), sl651.Elem("Q", s.riverM3s)}
	case sishui.PointWell:
		f.StationType = sl651.StationGroundwater
		f.Elements = []sl651.Element{sl651.Elem("H", s.depthM)}
	case sishui.PointRain:
		f.StationType = sl651.StationRain
		f.Elements = []sl651.Element{sl651.Elem("PJ", s.rainMM)}
	default:
		f.StationType = sl651.StationIntake
		f.Elements = []sl651.Element{sl651.Elem("Q1", s.flowM3s)}
	}
	f.Elements = append(f.Elements, sl651.Elem("VT", s.voltageV))
	var err error
	if st.wbuf, err = sl651.AppendFrame(st.wbuf[:0], f); err != nil {
		return nil, fmt.Errorf("simulate: encode: %w", err)
	}
	serial, fn, addr := f.Serial, f.Function, st.slAddr
	return func(b []byte) (bool, error) {
		c, err := sl651.Decode(b)
		if err != nil {
			return false, fmt.Errorf("%w: %w", errMismatch, err)
		}
		if c.Direction != sl651.Down || c.Station != addr || c.End == sl651.ENQ {
			return false, nil
		}
		switch {
		case c.Function != fn || c.Serial != serial:
			return false, fmt.Errorf("%w: function %02X serial %d, want %02X %d", errMismatch, c.Function, c.Serial, fn, serial)
		case !c.Sent.Equal(sent):
			return false, fmt.Errorf("%w: time %s, want %s", errMismatch, c.Sent, sent)
		case c.End != sl651.EOT && c.End != sl651.ESC && c.End != sl651.ACK:
			return false, fmt.Errorf("%w: end character %02X", errMismatch, c.End)
		}
		return true, nil
	}, nil
}

func (st *station) buildSZY206(s state) (func([]byte) (bool, error), error) {
	p := st.r.cfg.Profile
	tt := szy206.NewTimeTag(s.observed, 0, p.TimeTagLen)
	r := &szy206.Report{Address: st.szAddr, FCB: 3, Time: &tt, Status: 0x21} // self-report mode, door closed
	flowReport := func() {
		r.Type = szy206.TypeFlow
		r.Readings = []szy206.Reading{szy206.NewReading(szy206.KindFlow, 1, s.flowM3s), szy206.NewReading(szy206.KindVolume, 1, s.meterRead)}
	}
	switch {
	case st.k%4 == 0:
		r.Type = szy206.TypeAlarm
		r.Readings = []szy206.Reading{szy206.NewReading(szy206.KindVoltage, 1, s.voltageV)}
	case st.kind == sishui.PointElectricity && p.Edition == szy206.Edition2021:
		r.Type = szy206.TypeElectricity
		r.Readings = []szy206.Reading{szy206.NewReading(szy206.KindElectricity, 1, round(st.kwh, 2))}
	case st.kind == sishui.PointWell && p.LevelIsDepth:
		r.Type = szy206.TypeLevel
		r.Readings = []szy206.Reading{szy206.NewReading(szy206.KindDepth, 1, s.depthM)}
	case st.kind == sishui.PointWell:
		r.Type = szy206.TypeLevel
		r.Readings = []szy206.Reading{szy206.NewReading(szy206.KindLevel, 1, round(35-s.depthM, 3))}
	case st.kind == sishui.PointRiver || st.kind == sishui.PointReservoir:
		r.Type = szy206.TypeLevel
		r.Readings = []szy206.Reading{szy206.NewReading(szy206.KindLevel, 1, s.levelM)}
	case st.kind == sishui.PointRain:
		r.Type = szy206.TypeRain
		r.Readings = []szy206.Reading{szy206.NewReading(szy206.KindRain, 1, s.rainMM)}
	default:
		flowReport()
	}
	var err error
	if st.wbuf, err = szy206.AppendReport(st.wbuf[:0], r, p); err != nil {
		return nil, fmt.Errorf("simulate: encode: %w", err)
	}
	addr := st.szAddr
	return func(b []byte) (bool, error) {
		c, err := szy206.Decode(b, p)
		if err != nil {
			return false, fmt.Errorf("%w: %w", errMismatch, err)
		}
		if c.Control.Up() || c.Address != addr || c.AFN != szy206.AFNSelfReport {
			return false, nil
		}
		return true, nil
	}, nil
}
