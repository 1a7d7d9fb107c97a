package szy206

import (
	"fmt"
	"math"
)

// Unit is the unit of a reading.
type Unit uint8

// Units.
const (
	UnitNone    Unit = iota
	UnitMM           // millimetre (rain, evaporation)
	UnitM            // metre (level, gate position)
	UnitM3s          // m³/s
	UnitM3h          // m³/h
	UnitM3           // m³ (cumulative volume)
	UnitMs           // m/s
	UnitKW           // kW
	UnitHPa          // hPa = 10² Pa
	UnitCelsius      // °C
	UnitKWh          // kW·h
	UnitV            // volt
	UnitKPa          // kPa
	UnitCM           // centimetre
)

var unitNames = [...]string{"", "mm", "m", "m3/s", "m3/h", "m3", "m/s", "kW", "hPa", "degC", "kWh", "V", "kPa", "cm"}

func (u Unit) String() string {
	if int(u) < len(unitNames) {
		return unitNames[u]
	}
	return fmt.Sprintf("unit(%d)", uint8(u))
}

// Kind says what a reading measures.
type Kind uint8

// Reading kinds. Their String is the id used in summaries.
const (
	KindRain Kind = iota + 1
	KindLevel
	KindDepth // water-level class read as groundwater depth (Profile.LevelIsDepth)
	KindFlow
	KindVolume
	KindVelocity
	KindGate
	KindPower
	KindAirPressure
	KindWindSpeed // Aux = wind direction 0–8
	KindAirTemp
	KindElectricity
	KindWaterTemp
	KindQuality // Index = parameter bit D0–D39, Raw = 8 BCD digits unscaled
	KindSoilMoisture
	KindSoilDepth
	KindEvaporation
	KindVoltage
	KindPressure
	KindRainStat // Aux = rain type byte (D7–D6 period kind, D5–D0 period length)
	kindCount
)

var kindNames = [kindCount]string{"", "rain", "level", "depth", "flow", "volume", "velocity", "gate", "power",
	"air_pressure", "wind_speed", "air_temperature", "electricity", "water_temperature", "water_quality",
	"soil_moisture", "soil_depth", "evaporation", "voltage", "pressure", "rain_stat"}

func (k Kind) String() string {
	if k < kindCount {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// top says what the high nibble of a value's last byte holds.
type top uint8

const (
	topDigit  top = iota // a BCD digit like the others
	topIgnore            // unused ("-" in the standard's tables); ignored on decode, 0 on encode
	topSign              // 0 = positive, F = negative
	topFlow              // flow sign/unit nibble, see Profile.FlowUnitFlag
	topVolume            // 0 = positive, sign bit D7 set = negative
	topDir               // wind direction 0–8
)

type spec struct {
	size  int
	scale uint8
	unit  Unit
	top   top
}

var specs = [kindCount]spec{
	KindRain:         {3, 1, UnitMM, topDigit},
	KindLevel:        {4, 3, UnitM, topSign},
	KindDepth:        {4, 3, UnitM, topSign},
	KindFlow:         {5, 3, UnitM3s, topFlow},
	KindVolume:       {5, 0, UnitM3, topVolume},
	KindVelocity:     {3, 3, UnitMs, topSign},
	KindGate:         {3, 2, UnitM, topIgnore},
	KindPower:        {3, 0, UnitKW, topDigit},
	KindAirPressure:  {3, 0, UnitHPa, topIgnore},
	KindWindSpeed:    {3, 2, UnitMs, topDir},
	KindAirTemp:      {2, 1, UnitCelsius, topSign},
	KindElectricity:  {4, 2, UnitKWh, topDigit},
	KindWaterTemp:    {2, 1, UnitCelsius, topIgnore},
	KindQuality:      {4, 0, UnitNone, topDigit},
	KindSoilMoisture: {2, 1, UnitNone, topIgnore},
	KindSoilDepth:    {2, 0, UnitCM, topIgnore},
	KindEvaporation:  {3, 1, UnitMM, topIgnore},
	KindVoltage:      {2, 2, UnitV, topDigit},
	KindPressure:     {4, 2, UnitKPa, topDigit},
	KindRainStat:     {3, 1, UnitMM, topDigit},
}

// Size returns the number of bytes of one value of this kind.
func (k Kind) Size() int {
	if k < kindCount {
		return specs[k].size
	}
	return 0
}

var pow10 = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000}

// Reading is one decoded value. The number is kept exact as a scaled
// integer: the value is Raw / 10^Scale in Unit.
type Reading struct {
	Kind    Kind
	Index   uint8 // 1-based meter/gauge number; for KindQuality the parameter bit
	Missing bool  // the terminal sent AAH fill: no measurement
	Scale   uint8 // decimal places of Raw
	Raw     int64
	Unit    Unit
	Aux     uint8 // kind-specific extra byte, see the Kind constants
}

// NewReading builds a reading of kind k with the standard scale and unit of
// that kind (flows in m³/s), rounding v to the scale.
func NewReading(k Kind, index uint8, v float64) Reading {
	s := specs[k]
	return Reading{Kind: k, Index: index, Scale: s.scale, Unit: s.unit,
		Raw: int64(math.Round(v * float64(pow10[s.scale])))}
}

// MissingReading builds a reading that encodes as AAH fill.
func MissingReading(k Kind, index uint8) Reading {
	s := specs[k]
	return Reading{Kind: k, Index: index, Missing: true, Scale: s.scale, Unit: s.unit}
}

// Value returns the reading as a float64 in r.Unit (0 if Missing).
func (r Reading) Value() float64 {
	if r.Missing {
		return 0
	}
	return float64(r.Raw) / float64(pow10[r.Scale])
}

// FlowM3s returns a flow reading converted to m³/s.
func (r Reading) FlowM3s() float64 {
	if r.Unit == UnitM3h {
		return r.Value() / 3600
	}
	return r.Value()
}

func allAA(b []byte) bool {
	for _, x := range b {
		if x != 0xAA {
			return false
		}
	}
	return true
}

// decodeValue decodes one value of kind k from b (len(b) == k.Size()).
// On a format error it returns the index of the offending byte in b.
func decodeValue(k Kind, index uint8, b []byte, p *Profile) (Reading, int) {
	s := specs[k]
	r := Reading{Kind: k, Index: index, Scale: s.scale, Unit: s.unit}
	if k == KindFlow && !p.FlowUnitFlag {
		r.Unit = p.FlowUnit
	}
	if allAA(b) {
		r.Missing = true
		return r, -1
	}
	last := len(b) - 1
	var v int64
	for i := last; i >= 0; i-- {
		hi, lo := b[i]>>4, b[i]&0x0F
		if i == last && s.top != topDigit {
			hi = 0
		}
		if hi > 9 || lo > 9 {
			return r, i
		}
		v = v*100 + int64(hi)*10 + int64(lo)
	}
	neg := false
	h := b[last] >> 4
	switch s.top {
	case topSign:
		switch h {
		case 0:
		case 0xF:
			neg = true
		default:
			return r, last
		}
	case topFlow:
		if p.FlowUnitFlag {
			switch h >> 2 {
			case 0:
			case 3:
				neg = true
			default:
				return r, last
			}
			switch h & 3 {
			case 0:
				r.Unit = UnitM3s
			case 3:
				r.Unit = UnitM3h
			default:
				return r, last
			}
		} else {
			switch h {
			case 0:
			case 0x8, 0xF:
				neg = true
			default:
				return r, last
			}
		}
	case topVolume:
		switch h {
		case 0:
		case 0x8, 0xF:
			neg = true
		default:
			return r, last
		}
	case topDir:
		if h > 8 {
			return r, last
		}
		r.Aux = h
	}
	if neg {
		v = -v
	}
	r.Raw = v
	return r, -1
}

// appendValue appends the wire form of r (whose Kind selects the format).
func appendValue(dst []byte, r *Reading, p *Profile) ([]byte, error) {
	if r.Kind == 0 || r.Kind >= kindCount {
		return dst, fmt.Errorf("szy206: reading kind %d: %w", r.Kind, ErrUnknownFunction)
	}
	s := specs[r.Kind]
	if r.Missing {
		for range s.size {
			dst = append(dst, 0xAA)
		}
		return dst, nil
	}
	v := r.Raw
	switch {
	case r.Scale < s.scale:
		v *= pow10[s.scale-r.Scale]
	case r.Scale > s.scale:
		d := pow10[r.Scale-s.scale]
		q := v / d
		if rem := v % d; rem*2 >= d {
			q++
		} else if rem*2 <= -d {
			q--
		}
		v = q
	}
	neg := v < 0
	if neg {
		v = -v
	}
	digits := 2 * s.size
	if s.top != topDigit {
		digits--
	}
	if digits > len(pow10)-1 || v >= pow10[digits] {
		return dst, fmt.Errorf("szy206: %s %v: %w", r.Kind, r.Value(), ErrRange)
	}
	var h byte
	switch s.top {
	case topSign:
		if neg {
			h = 0xF
		}
	case topVolume:
		if neg {
			h = 0x8
		}
	case topFlow:
		unit := r.Unit
		if unit == UnitNone {
			unit = UnitM3s
		}
		if p.FlowUnitFlag {
			if neg {
				h = 0xC
			}
			switch unit {
			case UnitM3s:
			case UnitM3h:
				h |= 0x3
			default:
				return dst, fmt.Errorf("szy206: flow unit %s: %w", unit, ErrRange)
			}
		} else {
			if unit != p.FlowUnit {
				return dst, fmt.Errorf("szy206: flow unit %s in profile %q (unit %s): %w", unit, p.Name, p.FlowUnit, ErrRange)
			}
			if neg {
				h = 0xF
			}
		}
	case topDir:
		if r.Aux > 8 {
			return dst, fmt.Errorf("szy206: wind direction %d: %w", r.Aux, ErrRange)
		}
		h = r.Aux
	}
	if neg && h == 0 {
		return dst, fmt.Errorf("szy206: negative %s: %w", r.Kind, ErrRange)
	}
	for i := 0; i < s.size; i++ {
		lo := byte(v % 10)
		v /= 10
		hi := byte(v % 10)
		v /= 10
		if i == s.size-1 && s.top != topDigit {
			hi = h
		}
		dst = append(dst, hi<<4|lo)
	}
	return dst, nil
}

// AlarmWord is the 16-bit terminal alarm word.
type AlarmWord uint16

// Alarm bits.
const (
	AlarmACPower     AlarmWord = 1 << 0
	AlarmBattery     AlarmWord = 1 << 1
	AlarmLevel       AlarmWord = 1 << 2
	AlarmFlow        AlarmWord = 1 << 3
	AlarmQuality     AlarmWord = 1 << 4
	AlarmFlowMeter   AlarmWord = 1 << 5
	AlarmPump        AlarmWord = 1 << 6 // pump running/stopped state
	AlarmLevelMeter  AlarmWord = 1 << 7
	AlarmPressure    AlarmWord = 1 << 8
	AlarmTemperature AlarmWord = 1 << 9 // SL/T 427 only; reserved in SZY 206
	AlarmICCard      AlarmWord = 1 << 10
	AlarmFixedValue  AlarmWord = 1 << 11
	AlarmRemaining   AlarmWord = 1 << 12
	AlarmDoor        AlarmWord = 1 << 13
)

var alarmNames = [16]string{"ac_power_lost", "battery_voltage", "level_limit", "flow_limit",
	"quality_limit", "flow_meter_fault", "pump_state", "level_meter_fault", "pressure_limit",
	"temperature_limit", "ic_card", "fixed_value_control", "remaining_volume_low", "cabinet_door",
	"reserved14", "reserved15"}

// Names returns the names of the set bits under edition e (bit 9 is
// "reserved9" in SZY 206).
func (a AlarmWord) Names(e Edition) []string {
	var out []string
	for i := range 16 {
		if a&(1<<i) == 0 {
			continue
		}
		n := alarmNames[i]
		if i == 9 && e == Edition2016 {
			n = "reserved9"
		}
		out = append(out, n)
	}
	return out
}

// StatusWord is the 16-bit terminal status word.
type StatusWord uint16

// WorkMode returns bits D1–D0.
func (s StatusWord) WorkMode() WorkMode { return WorkMode(s & 3) }

// ICCardValid reports D2: IC-card function enabled.
func (s StatusWord) ICCardValid() bool { return s&(1<<2) != 0 }

// FixedValueOn reports D3: fixed-value control engaged.
func (s StatusWord) FixedValueOn() bool { return s&(1<<3) != 0 }

// PumpStopped reports D4 (0 = running, 1 = stopped).
func (s StatusWord) PumpStopped() bool { return s&(1<<4) != 0 }

// DoorClosed reports D5 (0 = open, 1 = closed).
func (s StatusWord) DoorClosed() bool { return s&(1<<5) != 0 }

// OnBattery reports D6 (0 = AC supply, 1 = battery).
func (s StatusWord) OnBattery() bool { return s&(1<<6) != 0 }
