package szy206

import (
	"encoding/hex"
	"fmt"
	"time"
)

// Frame delimiters and size limits.
const (
	StartByte = 0x68
	EndByte   = 0x16

	// MaxUserData is the largest user-data area of an ordinary frame (L is one byte).
	MaxUserData = 255
	// MaxFrameLen is the largest ordinary frame on the wire (L + 5).
	MaxFrameLen = MaxUserData + 5

	// pictureUnit is the "1 K" unit of L in picture frames (SL/T 427: total = L × 1K).
	pictureUnit = 1024
	// MaxPictureL is the largest L accepted as a picture-frame length
	// multiplier; an ordinary frame has L ≥ 7, so 1…6 never collide with it.
	MaxPictureL = 6
	// MaxPictureFrameLen is the largest picture frame on the wire:
	// 68 L 68, C, DIVS, A, AFN, 2-byte count, data, CS, 16.
	MaxPictureFrameLen = 3 + 2 + 5 + 1 + 2 + MaxPictureL*pictureUnit + 2

	minUserData = 7 // C + A(5) + AFN
)

// beijing is the fixed UTC+8 zone of terminal clocks.
var beijing = time.FixedZone("UTC+8", 8*60*60)

// Control is the control byte C: D7 DIR, D6 DIV, D5–D4 FCB, D3–D0 type code.
type Control byte

// NewControl builds a control byte. fcb is masked to 2 bits.
func NewControl(up, split bool, fcb uint8, t TypeCode) Control {
	c := Control(fcb&3)<<4 | Control(t&0x0F)
	if up {
		c |= 0x80
	}
	if split {
		c |= 0x40
	}
	return c
}

// Up reports DIR = 1 (terminal to centre).
func (c Control) Up() bool { return c&0x80 != 0 }

// Split reports DIV = 1: the message is split and a DIVS byte follows C.
func (c Control) Split() bool { return c&0x40 != 0 }

// FCB returns the frame count bits (0–3).
func (c Control) FCB() uint8 { return uint8(c>>4) & 3 }

// Type returns the command/type code D3–D0.
func (c Control) Type() TypeCode { return TypeCode(c & 0x0F) }

// TypeCode is the command and type code of the control byte (parameter class).
type TypeCode uint8

// Type codes. Uplink 0 is a confirm, downlink 0 a send/confirm command; the
// others name the parameter class of a report or query. 7, 8 and 14 differ
// between editions, see Profile.Edition.
const (
	TypeCommand     TypeCode = 0x0 // downlink send/confirm command; uplink confirm
	TypeRain        TypeCode = 0x1
	TypeLevel       TypeCode = 0x2
	TypeFlow        TypeCode = 0x3 // flow and cumulative volume
	TypeVelocity    TypeCode = 0x4
	TypeGate        TypeCode = 0x5
	TypePower       TypeCode = 0x6
	TypeWeather     TypeCode = 0x7 // SZY 206: air pressure; SL/T 427: weather
	TypeElectricity TypeCode = 0x8 // SZY 206: wind speed; SL/T 427: electricity
	TypeWaterTemp   TypeCode = 0x9
	TypeQuality     TypeCode = 0xA
	TypeSoil        TypeCode = 0xB
	TypeEvaporation TypeCode = 0xC
	TypeAlarm       TypeCode = 0xD // alarm/status, also terminal input voltage
	TypeComposite   TypeCode = 0xE // SZY 206 composite; SL/T 427 uplink: statistical rain
	TypePressure    TypeCode = 0xF // water pressure
)

var typeNames = [16]string{"command", "rain", "level", "flow", "velocity", "gate", "power",
	"weather", "electricity", "water_temperature", "water_quality", "soil_moisture",
	"evaporation", "alarm_status", "composite", "pressure"}

// Name returns a short English name of the type code under edition e.
func (t TypeCode) Name(e Edition, up bool) string {
	switch {
	case t == TypeCommand && up:
		return "confirm"
	case t == TypeWeather && e == Edition2016:
		return "air_pressure"
	case t == TypeElectricity && e == Edition2016:
		return "wind_speed"
	case t == TypeComposite && up && e == Edition2021:
		return "rain_statistics"
	}
	return typeNames[t&0x0F]
}

// AFN is the application function code.
type AFN uint8

// Function codes that the codec interprets; all others are carried raw.
const (
	AFNLink        AFN = 0x02 // link check: log-in, log-out, keep-alive
	AFNQueryImage  AFN = 0x61 // query image record; replies are split picture frames
	AFNAlarm       AFN = 0x81 // random alarm self-report
	AFNManual      AFN = 0x82 // manual-set data
	AFNPicture     AFN = 0x83 // self-report picture (SL/T 427)
	AFNVoltage     AFN = 0x84 // self-report input voltage (SL/T 427)
	AFNQuery       AFN = 0xB0 // query real-time values
	AFNQueryStored AFN = 0xB1
	AFNSelfReport  AFN = 0xC0 // self-report of real-time data
	AFNUser        AFN = 0xFF // user-defined: a second AFN byte follows
)

var afnNames = map[AFN]string{
	0x02: "link", 0x10: "set_address", 0x11: "set_clock", 0x12: "set_work_mode",
	0x15: "set_recharge_volume", 0x16: "set_remaining_alarm", 0x17: "set_level_limits",
	0x18: "set_pressure_limits", 0x19: "set_quality_upper", 0x1A: "set_quality_lower",
	0x1B: "set_meter_base", 0x1C: "set_relay", 0x1D: "set_relay", 0x1E: "set_relay",
	0x1F: "set_flow_limit", 0x20: "set_thresholds", 0x30: "ic_card_on", 0x31: "ic_card_off",
	0x32: "fixed_value_on", 0x33: "fixed_value_off", 0x34: "set_fixed_volume",
	0x50: "query_address", 0x51: "query_clock", 0x52: "query_work_mode",
	0x53: "query_report_types", 0x54: "query_query_types", 0x55: "query_recharge",
	0x56: "query_remaining", 0x57: "query_level_limits", 0x58: "query_pressure_limits",
	0x59: "query_quality_upper", 0x5A: "query_quality_lower", 0x5D: "query_events",
	0x5E: "query_status", 0x5F: "query_pump", 0x60: "query_relay", 0x61: "query_image",
	0x62: "query_relay", 0x63: "query_relay", 0x64: "query_flow_limit",
	0x81: "alarm_report", 0x82: "manual_data", 0x83: "picture_report", 0x84: "voltage_report",
	0x90: "reset_parameters", 0x91: "clear_history", 0x92: "start_pump", 0x93: "stop_pump",
	0x94: "switch_comms", 0x95: "switch_relay", 0x96: "change_password",
	0xA0: "set_query_types", 0xA1: "set_report_types",
	0xB0: "query_realtime", 0xB1: "query_stored", 0xB2: "query_memory_reports",
	0xC0: "self_report", 0xFF: "user_defined",
}

// Name returns a short English name of the function code, or "" if unknown.
func (a AFN) Name() string { return afnNames[a] }

// Known reports whether the AFN is in the function-code table.
func (a AFN) Known() bool { _, ok := afnNames[a]; return ok }

// Address is the 5-byte address field A as sent.
//
// Mode 1: A1 = 3-byte BCD administrative code in reading order, A2 = 2-byte
// binary station number (byte order per Profile.StationBigEndian).
// Mode 2: first byte 00H, then an 8-digit station code as 4 packed bytes,
// most significant digit first.
type Address [5]byte

// Mode returns 2 when the first byte is 00H (no GB/T 2260 code starts with
// 00), otherwise 1.
func (a Address) Mode() int {
	if a[0] == 0 {
		return 2
	}
	return 1
}

// Region returns the mode-1 administrative code as a 6-digit number (e.g.
// 371502); ok is false for mode 2 or when the bytes are not BCD.
func (a Address) Region() (code uint32, ok bool) {
	if a.Mode() != 1 {
		return 0, false
	}
	for _, b := range a[:3] {
		hi, lo := b>>4, b&0x0F
		if hi > 9 || lo > 9 {
			return 0, false
		}
		code = code*100 + uint32(hi)*10 + uint32(lo)
	}
	return code, true
}

// Station returns the mode-1 station number A2.
func (a Address) Station(bigEndian bool) uint16 {
	if bigEndian {
		return uint16(a[3])<<8 | uint16(a[4])
	}
	return uint16(a[4])<<8 | uint16(a[3])
}

// Code returns the mode-2 station code: the 8 hex digits of bytes 2–5.
func (a Address) Code() uint32 {
	return uint32(a[1])<<24 | uint32(a[2])<<16 | uint32(a[3])<<8 | uint32(a[4])
}

// String returns the address as 10 hex digits, as sent.
func (a Address) String() string { return hex.EncodeToString(a[:]) }

// RegionAddress builds a mode-1 address from a 6-digit administrative code
// and a station number.
func RegionAddress(region uint32, station uint16, stationBigEndian bool) (Address, error) {
	var a Address
	if region > 999999 || region < 10000 {
		return a, fmt.Errorf("szy206: region code %d: %w", region, ErrRange)
	}
	for i := 2; i >= 0; i-- {
		d := region % 100
		region /= 100
		a[i] = byte(d/10)<<4 | byte(d%10)
	}
	if stationBigEndian {
		a[3], a[4] = byte(station>>8), byte(station)
	} else {
		a[3], a[4] = byte(station), byte(station>>8)
	}
	return a, nil
}

// CodeAddress builds a mode-2 address from an 8-hex-digit station code.
func CodeAddress(code uint32) Address {
	return Address{0, byte(code >> 24), byte(code >> 16), byte(code >> 8), byte(code)}
}

// TimeTag is the time tag Tp: seconds to day (SZY 206, 5 bytes) or to year
// (SL/T 427, 7 bytes) in Beijing time, plus the allowed transmission delay.
type TimeTag struct {
	Second, Minute, Hour, Day uint8
	Month, Year               uint8 // only when Len == 7; Year is 0–99 for 2000–2099
	DelayMin                  uint8 // allowed transmission delay in minutes; 0 = do not check
	Len                       uint8 // 5 or 7
}

// NewTimeTag builds a time tag of n bytes (5 or 7) from t, converted to Beijing time.
func NewTimeTag(t time.Time, delayMin uint8, n int) TimeTag {
	t = t.In(beijing)
	tt := TimeTag{Second: uint8(t.Second()), Minute: uint8(t.Minute()), Hour: uint8(t.Hour()),
		Day: uint8(t.Day()), DelayMin: delayMin, Len: 5}
	if n == 7 {
		tt.Len = 7
		tt.Month = uint8(t.Month())
		tt.Year = uint8(t.Year() % 100)
	}
	return tt
}

// Complete reports whether the tag carries month and year.
func (tt TimeTag) Complete() bool { return tt.Len == 7 }

// Time resolves the tag to an instant. A 7-byte tag is complete (years
// 2000–2099). A 5-byte tag lacks month and year; they are taken from ref
// (typically the arrival time) so that the result is the candidate nearest to
// ref. ok is false for a 5-byte tag with a zero ref or an impossible date.
func (tt TimeTag) Time(ref time.Time) (t time.Time, ok bool) {
	if tt.Len == 7 {
		t = time.Date(2000+int(tt.Year), time.Month(tt.Month), int(tt.Day), int(tt.Hour),
			int(tt.Minute), int(tt.Second), 0, beijing)
		return t, t.Day() == int(tt.Day)
	}
	if ref.IsZero() {
		return time.Time{}, false
	}
	r := ref.In(beijing)
	var best time.Time
	var bestD time.Duration = -1
	for dm := -1; dm <= 1; dm++ {
		y, m := r.Year(), r.Month()+time.Month(dm)
		c := time.Date(y, m, int(tt.Day), int(tt.Hour), int(tt.Minute), int(tt.Second), 0, beijing)
		if c.Day() != int(tt.Day) {
			continue // e.g. day 31 in a 30-day month
		}
		d := c.Sub(r)
		if d < 0 {
			d = -d
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD >= 0
}

// LinkCode is the data byte of an AFN 02 link frame.
type LinkCode uint8

// Link codes.
const (
	LinkLogin     LinkCode = 0xF0
	LinkLogout    LinkCode = 0xF1
	LinkKeepAlive LinkCode = 0xF2
)

func (l LinkCode) String() string {
	switch l {
	case LinkLogin:
		return "login"
	case LinkLogout:
		return "logout"
	case LinkKeepAlive:
		return "keepalive"
	}
	return fmt.Sprintf("%02X", uint8(l))
}

// WorkMode is the terminal work mode (confirm data byte, status bits D1–D0).
type WorkMode uint8

// Work modes.
const (
	ModeCompatible WorkMode = 0 // self-report and query/answer
	ModeSelfReport WorkMode = 1 // self-report with confirm
	ModeQuery      WorkMode = 2 // query/answer
	ModeMaintain   WorkMode = 3 // debugging/maintenance
)

func (m WorkMode) String() string {
	switch m {
	case ModeCompatible:
		return "compatible"
	case ModeSelfReport:
		return "self_report"
	case ModeQuery:
		return "query"
	case ModeMaintain:
		return "maintenance"
	}
	return fmt.Sprintf("%02X", uint8(m))
}

// Aux is the additional-information area: password PW and time tag Tp.
type Aux struct {
	Password    uint16 // as sent: D15–D12 key 1 (BCD), D11–D0 key 2 (BCD)
	HasPassword bool
	Time        TimeTag
	HasTime     bool
}

// Frame is one decoded frame. Decode fills it; it can be reused with
// DecodeInto, which keeps the capacity of Readings. Data aliases the input
// buffer: copy it if the buffer is reused.
type Frame struct {
	Control Control
	DIVS    uint8 // split counter (255…1, 1 = last) when Control.Split()
	Address Address
	AFN     AFN
	UserAFN uint8 // second function byte when AFN == AFNUser

	// Data is the data field D: for interpreted functions without PW/Tp,
	// for picture frames the bytes after the 2-byte count, otherwise
	// everything after the AFN (PW/Tp cannot be told apart there).
	Data []byte
	Aux

	Picture bool // picture frame: L counts 1 K units and a 16-bit count follows the AFN
	// PictureL is L of a picture frame (1…MaxPictureL); 0 lets the encoder
	// use the smallest L that holds Data.
	PictureL uint8

	// Decoded per function.
	Link        LinkCode // AFN 02
	WorkMode    WorkMode // downlink confirms of reports
	HasWorkMode bool
	Readings    []Reading // real-time values of reports and query replies
	Alarm       AlarmWord
	Status      StatusWord
	HasState    bool // Alarm and Status are present

	// Station is A2 read with the profile's byte order (mode 1 only).
	Station uint16
	// Profile is the profile the frame was decoded with.
	Profile Profile
}

func (f *Frame) reset() {
	r := f.Readings[:0]
	*f = Frame{}
	f.Readings = r
}
