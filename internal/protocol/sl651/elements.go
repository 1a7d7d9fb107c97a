package sl651

import (
	"fmt"
	"math"
	"time"
)

// Element is one identifier group of a report body.
//
// For HEX frames Code is the guide byte (or FFxxH for user-defined
// identifiers) and Def the data-definition byte as received: its high five bits
// give the data length in bytes, its low three bits the decimals. Values are
// decoded by the received Def, never by the nominal table. For ASCII frames Def
// is synthesised from the decimal text so that the value re-encodes unchanged.
type Element struct {
	ID   string // ASCII identifier ("Z", "PJ", "DRP"); "" for identifiers not in Appendix C
	Code uint16 // guide byte, 0xFFxx for user-defined identifiers
	Def  byte   // data definition byte
	Unit string // unit from Appendix C ("" if unknown)

	Value   float64   // decimal value (or status word for ZT, minutes for a time step)
	Values  []float64 // DRP / DRZ arrays, one per 5-minute slot; NaN marks an invalid slot
	Missing bool      // the whole value is a missing-value marker (all FF, ASCII "M")
	Invalid bool      // the data could not be decoded (e.g. not BCD); Raw keeps it
	Raw     []byte    // the data bytes (HEX) or value text (ASCII) as received

	Observed time.Time // observation time of the F0F0/TT group this element follows
}

// Name returns ID, or the identifier in hex ("0x76", "0xFF0A") when ID is empty.
func (e *Element) Name() string {
	if e.ID != "" {
		return e.ID
	}
	if e.Code > 0xFF {
		return fmt.Sprintf("0x%04X", e.Code)
	}
	return fmt.Sprintf("0x%02X", e.Code)
}

// Decimals returns the number of decimals of the data definition.
func (e *Element) Decimals() int { return int(e.Def & 7) }

// Status returns the ZT status/alarm word of a ZT element.
func (e *Element) Status() (StatusWord, bool) {
	if e.Code != CodeZT || e.Missing || e.Invalid {
		return 0, false
	}
	return StatusWord(e.Value), true
}

// Identifier codes with special encodings.
const (
	CodeTimeStep uint16 = 0x04 // DRxnn 时间步长码, 3 BCD bytes d h m
	CodeZT       uint16 = 0x45 // 遥测站状态及报警信息, 4 bytes HEX
	CodeTT       uint16 = 0xF0 // observation time
	CodeST       uint16 = 0xF1 // station address
	CodeRGZS     uint16 = 0xF2 // manual-set data, rest of body
	CodePIC      uint16 = 0xF3 // picture, rest of body
	CodeDRP      uint16 = 0xF4 // 12 × 5-minute rain, 1 byte HEX each, 0.1 mm
	CodeDRZ1     uint16 = 0xF5 // DRZ1..DRZ8 = F5..FC, 12 × 2-byte HEX levels, 0.01 m
	CodeDATA     uint16 = 0xFD // bulk velocity data, rest of body
)

// StatusWord is the 32-bit ZT status and alarm word (table 58; bit 0 = LSB).
type StatusWord uint32

// Bit returns bit n of the word.
func (s StatusWord) Bit(n uint) bool { return s>>n&1 == 1 }

func (s StatusWord) ACPowerLost() bool        { return s.Bit(0) }  // 交流电停电
func (s StatusWord) BatteryLow() bool         { return s.Bit(1) }  // 蓄电池电压低
func (s StatusWord) LevelAlarm() bool         { return s.Bit(2) }  // 水位超限
func (s StatusWord) FlowAlarm() bool          { return s.Bit(3) }  // 流量超限
func (s StatusWord) QualityAlarm() bool       { return s.Bit(4) }  // 水质超限
func (s StatusWord) FlowMeterFault() bool     { return s.Bit(5) }  // 流量仪表故障
func (s StatusWord) LevelMeterFault() bool    { return s.Bit(6) }  // 水位仪表故障
func (s StatusWord) DoorClosed() bool         { return s.Bit(7) }  // 终端箱门关闭 (0 = open)
func (s StatusWord) StorageFault() bool       { return s.Bit(8) }  // 存储器异常
func (s StatusWord) ICCardActive() bool       { return s.Bit(9) }  // IC卡有效
func (s StatusWord) PumpStopped() bool        { return s.Bit(10) } // 水泵停机 (0 = running)
func (s StatusWord) RemainingVolumeLow() bool { return s.Bit(11) } // 剩余水量超限

// ElementInfo describes one identifier of Appendix C.
type ElementInfo struct {
	Code        uint16
	ID          string // ASCII identifier
	Digits      int    // N(D,d): D
	Decimals    int    // N(D,d): d
	Def         byte   // nominal data-definition byte
	Unit        string
	Description string
}

// Appendix C, table C.1. Digits/Decimals are N(D,d); the nominal data definition
// is ceil(D/2) bytes with d decimals, except the special groups.
var elementTable = []ElementInfo{
	{Code: 0xF0, ID: "TT", Digits: 10, Def: 0xF0, Description: "observation time"},
	{Code: 0xF1, ID: "ST", Digits: 10, Def: 0xF1, Description: "station address"},
	{Code: 0xF2, ID: "RGZS", Def: 0xF2, Description: "manual-set data (raw)"},
	{Code: 0xF3, ID: "PIC", Def: 0xF3, Description: "picture (JPEG)"},
	{Code: 0xF4, ID: "DRP", Def: 0x60, Unit: "mm", Description: "5-minute rain in the hour (12 × 0.1 mm)"},
	{Code: 0xF5, ID: "DRZ1", Def: 0xC0, Unit: "m", Description: "5-minute relative level 1 in the hour (12 × 0.01 m)"},
	{Code: 0xF6, ID: "DRZ2", Def: 0xC0, Unit: "m", Description: "5-minute relative level 2 in the hour"},
	{Code: 0xF7, ID: "DRZ3", Def: 0xC0, Unit: "m", Description: "5-minute relative level 3 in the hour"},
	{Code: 0xF8, ID: "DRZ4", Def: 0xC0, Unit: "m", Description: "5-minute relative level 4 in the hour"},
	{Code: 0xF9, ID: "DRZ5", Def: 0xC0, Unit: "m", Description: "5-minute relative level 5 in the hour"},
	{Code: 0xFA, ID: "DRZ6", Def: 0xC0, Unit: "m", Description: "5-minute relative level 6 in the hour"},
	{Code: 0xFB, ID: "DRZ7", Def: 0xC0, Unit: "m", Description: "5-minute relative level 7 in the hour"},
	{Code: 0xFC, ID: "DRZ8", Def: 0xC0, Unit: "m", Description: "5-minute relative level 8 in the hour"},
	{Code: 0xFD, ID: "DATA", Def: 0xF6, Description: "bulk flow/velocity data (raw)"},
	{Code: 0x01, ID: "AC", Digits: 8, Decimals: 2, Unit: "m²", Description: "section area"},
	{Code: 0x02, ID: "AI", Digits: 3, Decimals: 1, Unit: "°C", Description: "air temperature"},
	{Code: 0x03, ID: "C", Digits: 3, Decimals: 1, Unit: "°C", Description: "water temperature"},
	{Code: 0x04, ID: "DRxnn", Def: 0x18, Unit: "min", Description: "time step (days, hours, minutes)"},
	{Code: 0x05, ID: "DT", Digits: 4, Decimals: 2, Unit: "h.min", Description: "period length (HH.mm)"},
	{Code: 0x06, ID: "ED", Digits: 5, Decimals: 1, Unit: "mm", Description: "daily evaporation"},
	{Code: 0x07, ID: "EJ", Digits: 5, Decimals: 1, Unit: "mm", Description: "current evaporation"},
	{Code: 0x08, ID: "FL", Digits: 5, Unit: "hPa", Description: "air pressure"},
	{Code: 0x09, ID: "GH", Digits: 5, Decimals: 2, Unit: "m", Description: "gate opening height"},
	{Code: 0x0A, ID: "GN", Digits: 3, Description: "gate / device number"},
	{Code: 0x0B, ID: "GS", Digits: 1, Description: "device class"},
	{Code: 0x0C, ID: "GT", Digits: 3, Description: "number of open gate holes"},
	{Code: 0x0D, ID: "GTP", Digits: 3, Decimals: 1, Unit: "°C", Description: "ground temperature"},
	{Code: 0x0E, ID: "H", Digits: 6, Decimals: 2, Unit: "m", Description: "groundwater depth below surface"},
	{Code: 0x0F, ID: "HW", Digits: 5, Decimals: 2, Unit: "m", Description: "wave height"},
	{Code: 0x10, ID: "M10", Digits: 4, Decimals: 1, Unit: "%", Description: "soil moisture at 10 cm"},
	{Code: 0x11, ID: "M20", Digits: 4, Decimals: 1, Unit: "%", Description: "soil moisture at 20 cm"},
	{Code: 0x12, ID: "M30", Digits: 4, Decimals: 1, Unit: "%", Description: "soil moisture at 30 cm"},
	{Code: 0x13, ID: "M40", Digits: 4, Decimals: 1, Unit: "%", Description: "soil moisture at 40 cm"},
	{Code: 0x14, ID: "M50", Digits: 4, Decimals: 1, Unit: "%", Description: "soil moisture at 50 cm"},
	{Code: 0x15, ID: "M60", Digits: 4, Decimals: 1, Unit: "%", Description: "soil moisture at 60 cm"},
	{Code: 0x16, ID: "M80", Digits: 4, Decimals: 1, Unit: "%", Description: "soil moisture at 80 cm"},
	{Code: 0x17, ID: "M100", Digits: 4, Decimals: 1, Unit: "%", Description: "soil moisture at 100 cm"},
	{Code: 0x18, ID: "MST", Digits: 4, Decimals: 1, Unit: "%", Description: "humidity"},
	{Code: 0x19, ID: "NS", Digits: 2, Description: "number of machines running"},
	{Code: 0x1A, ID: "P1", Digits: 5, Decimals: 1, Unit: "mm", Description: "1-hour rain"},
	{Code: 0x1B, ID: "P2", Digits: 5, Decimals: 1, Unit: "mm", Description: "2-hour rain"},
	{Code: 0x1C, ID: "P3", Digits: 5, Decimals: 1, Unit: "mm", Description: "3-hour rain"},
	{Code: 0x1D, ID: "P6", Digits: 5, Decimals: 1, Unit: "mm", Description: "6-hour rain"},
	{Code: 0x1E, ID: "P12", Digits: 5, Decimals: 1, Unit: "mm", Description: "12-hour rain"},
	{Code: 0x1F, ID: "PD", Digits: 5, Decimals: 1, Unit: "mm", Description: "daily rain"},
	{Code: 0x20, ID: "PJ", Digits: 5, Decimals: 1, Unit: "mm", Description: "current rain"},
	{Code: 0x21, ID: "PN01", Digits: 5, Decimals: 1, Unit: "mm", Description: "1-minute rain"},
	{Code: 0x22, ID: "PN05", Digits: 5, Decimals: 1, Unit: "mm", Description: "5-minute rain"},
	{Code: 0x23, ID: "PN10", Digits: 5, Decimals: 1, Unit: "mm", Description: "10-minute rain"},
	{Code: 0x24, ID: "PN30", Digits: 5, Decimals: 1, Unit: "mm", Description: "30-minute rain"},
	{Code: 0x25, ID: "PR", Digits: 5, Decimals: 1, Unit: "mm", Description: "storm rain"},
	{Code: 0x26, ID: "PT", Digits: 6, Decimals: 1, Unit: "mm", Description: "cumulative rain"},
	{Code: 0x27, ID: "Q", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "instantaneous / pump flow"},
	{Code: 0x28, ID: "Q1", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "intake/outfall flow 1"},
	{Code: 0x29, ID: "Q2", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "intake/outfall flow 2"},
	{Code: 0x2A, ID: "Q3", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "intake/outfall flow 3"},
	{Code: 0x2B, ID: "Q4", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "intake/outfall flow 4"},
	{Code: 0x2C, ID: "Q5", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "intake/outfall flow 5"},
	{Code: 0x2D, ID: "Q6", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "intake/outfall flow 6"},
	{Code: 0x2E, ID: "Q7", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "intake/outfall flow 7"},
	{Code: 0x2F, ID: "Q8", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "intake/outfall flow 8"},
	{Code: 0x30, ID: "QA", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "total outflow / total gate flow"},
	{Code: 0x31, ID: "QZ", Digits: 9, Decimals: 3, Unit: "m³/s", Description: "device / gate-group flow"},
	{Code: 0x32, ID: "SW", Digits: 11, Decimals: 3, Unit: "10⁴ t", Description: "sediment discharge"},
	{Code: 0x33, ID: "UC", Digits: 2, Description: "wind direction"},
	{Code: 0x34, ID: "UE", Digits: 2, Description: "wind force (Beaufort)"},
	{Code: 0x35, ID: "US", Digits: 4, Decimals: 1, Unit: "m/s", Description: "wind speed"},
	{Code: 0x36, ID: "VA", Digits: 5, Decimals: 3, Unit: "m/s", Description: "section mean velocity"},
	{Code: 0x37, ID: "VJ", Digits: 5, Decimals: 3, Unit: "m/s", Description: "current velocity"},
	{Code: 0x38, ID: "VT", Digits: 4, Decimals: 2, Unit: "V", Description: "supply voltage"},
	{Code: 0x39, ID: "Z", Digits: 7, Decimals: 3, Unit: "m", Description: "river water level / tide level"},
	{Code: 0x3A, ID: "ZB", Digits: 7, Decimals: 3, Unit: "m", Description: "downstream level (reservoir, gate, pump station)"},
	{Code: 0x3B, ID: "ZU", Digits: 7, Decimals: 3, Unit: "m", Description: "upstream level (reservoir, gate, pump station)"},
	{Code: 0x3C, ID: "Z1", Digits: 7, Decimals: 3, Unit: "m", Description: "intake/outfall level 1"},
	{Code: 0x3D, ID: "Z2", Digits: 7, Decimals: 3, Unit: "m", Description: "intake/outfall level 2"},
	{Code: 0x3E, ID: "Z3", Digits: 7, Decimals: 3, Unit: "m", Description: "intake/outfall level 3"},
	{Code: 0x3F, ID: "Z4", Digits: 7, Decimals: 3, Unit: "m", Description: "intake/outfall level 4"},
	{Code: 0x40, ID: "Z5", Digits: 7, Decimals: 3, Unit: "m", Description: "intake/outfall level 5"},
	{Code: 0x41, ID: "Z6", Digits: 7, Decimals: 3, Unit: "m", Description: "intake/outfall level 6"},
	{Code: 0x42, ID: "Z7", Digits: 7, Decimals: 3, Unit: "m", Description: "intake/outfall level 7"},
	{Code: 0x43, ID: "Z8", Digits: 7, Decimals: 3, Unit: "m", Description: "intake/outfall level 8"},
	{Code: 0x44, ID: "SQ", Digits: 9, Decimals: 3, Unit: "kg/m³", Description: "sediment concentration"},
	{Code: 0x45, ID: "ZT", Def: 0x20, Description: "status and alarm word (4 bytes HEX)"},
	{Code: 0x46, ID: "pH", Digits: 4, Decimals: 2, Description: "pH"},
	{Code: 0x47, ID: "DO", Digits: 4, Decimals: 1, Unit: "mg/L", Description: "dissolved oxygen"},
	{Code: 0x48, ID: "COND", Digits: 5, Unit: "μS/cm", Description: "conductivity"},
	{Code: 0x49, ID: "TURB", Digits: 3, Unit: "°", Description: "turbidity"},
	{Code: 0x4A, ID: "CODMN", Digits: 4, Decimals: 1, Unit: "mg/L", Description: "permanganate index"},
	{Code: 0x4B, ID: "REDOX", Digits: 5, Decimals: 1, Unit: "mV", Description: "redox potential"},
	{Code: 0x4C, ID: "NH4N", Digits: 6, Decimals: 2, Unit: "mg/L", Description: "ammonia nitrogen"},
	{Code: 0x4D, ID: "TP", Digits: 5, Decimals: 3, Unit: "mg/L", Description: "total phosphorus"},
	{Code: 0x4E, ID: "TN", Digits: 5, Decimals: 2, Unit: "mg/L", Description: "total nitrogen"},
	{Code: 0x4F, ID: "TOC", Digits: 4, Decimals: 2, Unit: "mg/L", Description: "total organic carbon"},
	{Code: 0x50, ID: "CU", Digits: 7, Decimals: 4, Unit: "mg/L", Description: "copper"},
	{Code: 0x51, ID: "ZN", Digits: 6, Decimals: 4, Unit: "mg/L", Description: "zinc"},
	{Code: 0x52, ID: "SE", Digits: 7, Decimals: 5, Unit: "mg/L", Description: "selenium"},
	{Code: 0x53, ID: "AS", Digits: 7, Decimals: 5, Unit: "mg/L", Description: "arsenic"},
	{Code: 0x54, ID: "THG", Digits: 7, Decimals: 5, Unit: "mg/L", Description: "total mercury"},
	{Code: 0x55, ID: "CD", Digits: 7, Decimals: 5, Unit: "mg/L", Description: "cadmium"},
	{Code: 0x56, ID: "PB", Digits: 7, Decimals: 5, Unit: "mg/L", Description: "lead"},
	{Code: 0x57, ID: "CHLA", Digits: 4, Decimals: 2, Unit: "mg/L", Description: "chlorophyll a"},
	{Code: 0x58, ID: "WP1", Digits: 5, Decimals: 2, Unit: "kPa", Description: "water pressure 1"},
	{Code: 0x59, ID: "WP2", Digits: 5, Decimals: 2, Unit: "kPa", Description: "water pressure 2"},
	{Code: 0x5A, ID: "WP3", Digits: 5, Decimals: 2, Unit: "kPa", Description: "water pressure 3"},
	{Code: 0x5B, ID: "WP4", Digits: 5, Decimals: 2, Unit: "kPa", Description: "water pressure 4"},
	{Code: 0x5C, ID: "WP5", Digits: 5, Decimals: 2, Unit: "kPa", Description: "water pressure 5"},
	{Code: 0x5D, ID: "WP6", Digits: 5, Decimals: 2, Unit: "kPa", Description: "water pressure 6"},
	{Code: 0x5E, ID: "WP7", Digits: 5, Decimals: 2, Unit: "kPa", Description: "water pressure 7"},
	{Code: 0x5F, ID: "WP8", Digits: 5, Decimals: 2, Unit: "kPa", Description: "water pressure 8"},
	{Code: 0x60, ID: "SYL1", Digits: 11, Decimals: 3, Unit: "m³", Description: "water meter 1 remaining volume"},
	{Code: 0x61, ID: "SYL2", Digits: 11, Decimals: 3, Unit: "m³", Description: "water meter 2 remaining volume"},
	{Code: 0x62, ID: "SYL3", Digits: 11, Decimals: 3, Unit: "m³", Description: "water meter 3 remaining volume"},
	{Code: 0x63, ID: "SYL4", Digits: 11, Decimals: 3, Unit: "m³", Description: "water meter 4 remaining volume"},
	{Code: 0x64, ID: "SYL5", Digits: 11, Decimals: 3, Unit: "m³", Description: "water meter 5 remaining volume"},
	{Code: 0x65, ID: "SYL6", Digits: 11, Decimals: 3, Unit: "m³", Description: "water meter 6 remaining volume"},
	{Code: 0x66, ID: "SYL7", Digits: 11, Decimals: 3, Unit: "m³", Description: "water meter 7 remaining volume"},
	{Code: 0x67, ID: "SYL8", Digits: 11, Decimals: 3, Unit: "m³", Description: "water meter 8 remaining volume"},
	{Code: 0x68, ID: "SBL1", Digits: 10, Decimals: 2, Unit: "m³/h", Description: "water meter 1 hourly volume"},
	{Code: 0x69, ID: "SBL2", Digits: 10, Decimals: 2, Unit: "m³/h", Description: "water meter 2 hourly volume"},
	{Code: 0x6A, ID: "SBL3", Digits: 10, Decimals: 2, Unit: "m³/h", Description: "water meter 3 hourly volume"},
	{Code: 0x6B, ID: "SBL4", Digits: 10, Decimals: 2, Unit: "m³/h", Description: "water meter 4 hourly volume"},
	{Code: 0x6C, ID: "SBL5", Digits: 10, Decimals: 2, Unit: "m³/h", Description: "water meter 5 hourly volume"},
	{Code: 0x6D, ID: "SBL6", Digits: 10, Decimals: 2, Unit: "m³/h", Description: "water meter 6 hourly volume"},
	{Code: 0x6E, ID: "SBL7", Digits: 10, Decimals: 2, Unit: "m³/h", Description: "water meter 7 hourly volume"},
	{Code: 0x6F, ID: "SBL8", Digits: 10, Decimals: 2, Unit: "m³/h", Description: "water meter 8 hourly volume"},
	{Code: 0x70, ID: "VTA", Digits: 4, Decimals: 1, Unit: "V", Description: "AC phase A voltage"},
	{Code: 0x71, ID: "VTB", Digits: 4, Decimals: 1, Unit: "V", Description: "AC phase B voltage"},
	{Code: 0x72, ID: "VTC", Digits: 4, Decimals: 1, Unit: "V", Description: "AC phase C voltage"},
	{Code: 0x73, ID: "VIA", Digits: 4, Decimals: 1, Unit: "A", Description: "AC phase A current"},
	{Code: 0x74, ID: "VIB", Digits: 4, Decimals: 1, Unit: "A", Description: "AC phase B current"},
	{Code: 0x75, ID: "VIC", Digits: 4, Decimals: 1, Unit: "A", Description: "AC phase C current"},
}

var (
	elementByCode [256]*ElementInfo
	elementByID   = make(map[string]*ElementInfo, len(elementTable))
)

func init() {
	for i := range elementTable {
		e := &elementTable[i]
		if e.Def == 0 {
			e.Def = byte((e.Digits+1)/2)<<3 | byte(e.Decimals)
		}
		elementByCode[e.Code] = e
		elementByID[e.ID] = e
	}
}

// LookupCode returns the Appendix C entry for an identifier code (nil for
// reserved 76H–EFH and user-defined FFxxH identifiers).
func LookupCode(code uint16) *ElementInfo {
	if code > 0xFF {
		return nil
	}
	return elementByCode[code]
}

// LookupID returns the Appendix C entry for an ASCII identifier (nil if unknown).
func LookupID(id string) *ElementInfo { return elementByID[id] }

// Elements returns a copy of the Appendix C table.
func Elements() []ElementInfo { return append([]ElementInfo(nil), elementTable...) }

// Elem builds a numeric element for encoding, with the nominal data definition
// of Appendix C. It panics if id is not in the table; use ElemDef for vendor
// or non-nominal identifiers.
func Elem(id string, v float64) Element {
	info := elementByID[id]
	if info == nil {
		panic("sl651: unknown element identifier " + id)
	}
	return Element{ID: info.ID, Code: info.Code, Def: info.Def, Unit: info.Unit, Value: v}
}

// ElemDef builds an element with an explicit code and data definition
// (e.g. 0x39, 0x22 for a level with 2 decimals, or 0xFF01 for a vendor value).
func ElemDef(code uint16, def byte, v float64) Element {
	e := Element{Code: code, Def: def, Value: v}
	if info := LookupCode(code); info != nil {
		e.ID, e.Unit = info.ID, info.Unit
	}
	return e
}

// MissingElem builds a missing-value element (all FF in HEX, "M" in ASCII).
func MissingElem(id string) Element {
	e := Elem(id, 0)
	e.Missing = true
	return e
}

// element value kinds
type valueKind uint8

const (
	valNumber valueKind = iota
	valZT
	valStep
	valDRP
	valDRZ
)

func kindOfElement(code uint16, def byte) valueKind {
	switch {
	case code == CodeZT:
		return valZT
	case code == CodeTimeStep && def>>3 == 3:
		return valStep
	case code == CodeDRP:
		return valDRP
	case code >= CodeDRZ1 && code <= CodeDRZ1+7:
		return valDRZ
	}
	return valNumber
}

var pow10 = [...]float64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7}

// maxExact bounds decoded integers so that value*10^d round-trips exactly.
const maxExact = 1_000_000_000_000_000 // 10^15

// decodeHEXValue fills Value/Values/Missing/Invalid of e from e.Raw.
func decodeHEXValue(e *Element) {
	data := e.Raw
	switch kindOfElement(e.Code, e.Def) {
	case valZT:
		if len(data) > 6 {
			e.Invalid = true
			return
		}
		var w uint64
		for _, c := range data {
			w = w<<8 | uint64(c)
		}
		e.Value = float64(w)
		return
	case valStep:
		d, ok1 := bcdByte(data[0])
		h, ok2 := bcdByte(data[1])
		m, ok3 := bcdByte(data[2])
		if !ok1 || !ok2 || !ok3 {
			e.Invalid = true
			return
		}
		e.Value = float64(d*1440 + h*60 + m)
		return
	case valDRP:
		for _, c := range data {
			v := math.NaN()
			if c != 0xFF {
				v = float64(c) / 10
			}
			e.Values = append(e.Values, v)
		}
		return
	case valDRZ:
		if len(data)%2 != 0 {
			e.Invalid = true
			return
		}
		for i := 0; i < len(data); i += 2 {
			w := uint16(data[i])<<8 | uint16(data[i+1])
			v := math.NaN()
			if w != 0xFFFF {
				v = float64(w) / 100
			}
			e.Values = append(e.Values, v)
		}
		return
	}
	decodeNumber(e)
}

// decodeNumber decodes e.Raw as BCD with e.Def decimals: all FF is a missing
// value, a leading FF byte a minus sign.
func decodeNumber(e *Element) {
	data := e.Raw
	if len(data) == 0 {
		return
	}
	allFF := true
	for _, c := range data {
		if c != 0xFF {
			allFF = false
			break
		}
	}
	if allFF {
		e.Missing = true
		return
	}
	neg := false
	if data[0] == 0xFF {
		neg, data = true, data[1:]
	}
	var n uint64
	for _, c := range data {
		hi, lo := c>>4, c&0x0F
		if hi > 9 || lo > 9 {
			e.Invalid = true
			return
		}
		n = n*100 + uint64(hi)*10 + uint64(lo)
		if n >= maxExact {
			e.Invalid = true
			return
		}
	}
	v := float64(n) / pow10[e.Def&7]
	if neg {
		v = -v
	}
	e.Value = v
}

func bcdByte(c byte) (int, bool) {
	hi, lo := c>>4, c&0x0F
	if hi > 9 || lo > 9 {
		return 0, false
	}
	return int(hi)*10 + int(lo), true
}

// scaled returns round(|v|·10^dec) and whether v is negative, or ok=false if v
// is not finite or too large to be exact.
func scaled(v float64, dec int) (n uint64, neg, ok bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false, false
	}
	neg = v < 0
	a := math.Abs(v) * pow10[dec&7]
	r := math.Round(a)
	if r >= maxExact {
		return 0, neg, false
	}
	return uint64(r), neg, true
}

// appendBCDNumber appends v as an n-byte BCD field with dec decimals; negative
// values get a leading FF byte.
func appendBCDNumber(dst []byte, v float64, n, dec int) ([]byte, error) {
	u, neg, ok := scaled(v, dec)
	if !ok {
		return dst, fmt.Errorf("sl651: encode %v: %w", v, ErrRange)
	}
	if u == 0 {
		neg = false
	}
	digits := 2 * n
	if neg {
		if n < 2 {
			return dst, fmt.Errorf("sl651: encode %v in %d byte(s): %w", v, n, ErrRange)
		}
		digits -= 2
	}
	if digits < 20 && u >= uint64(math.Pow10(digits)) {
		return dst, fmt.Errorf("sl651: encode %v in %d digit(s): %w", v, digits, ErrRange)
	}
	start := len(dst)
	for range n {
		dst = append(dst, 0)
	}
	out := dst[start:]
	if neg {
		out[0] = 0xFF
	}
	for i := n - 1; i >= 0 && u > 0; i-- {
		if neg && i == 0 {
			break
		}
		out[i] = byte(u%10) | byte(u/10%10)<<4
		u /= 100
	}
	return dst, nil
}
