package sl651

import (
	"encoding/hex"
	"fmt"
	"time"
)

// Control characters (table 10 of the standard).
const (
	SOH byte = 0x01 // ASCII frame start
	STX byte = 0x02 // start of text, single packet
	ETX byte = 0x03 // end of text, nothing follows
	EOT byte = 0x04 // downlink confirm: transfer finished, RTU may leave
	ENQ byte = 0x05 // downlink query/command
	ACK byte = 0x06 // downlink confirm: send the next frame
	NAK byte = 0x15 // downlink: resend the packet named in the packet field
	SYN byte = 0x16 // start of text, multi-packet (M3)
	ETB byte = 0x17 // end of text, more frames follow
	ESC byte = 0x1B // downlink confirm: finished, stay online
)

// Frame size limits. The 12-bit length field allows 4095 bytes (HEX) or
// characters (ASCII) between the start and the end character.
const (
	MaxBodyLen  = 0x0FFF
	hexOverhead = 17 // 7E7E + 11 header bytes + STX + end + CRC(2)
	ascOverhead = 29 // SOH + 22 header chars + STX + end + CRC(4)
	// MaxFrameLen is the longest possible frame of either encoding.
	MaxFrameLen = MaxBodyLen + ascOverhead
)

// Function codes (Appendix B).
const (
	FuncKeepAlive          byte = 0x2F // 链路维持报
	FuncTest               byte = 0x30 // 测试报
	FuncInterval           byte = 0x31 // 均匀时段水文信息报
	FuncTimed              byte = 0x32 // 遥测站定时报
	FuncAdd                byte = 0x33 // 遥测站加报报
	FuncHourly             byte = 0x34 // 遥测站小时报
	FuncManual             byte = 0x35 // 遥测站人工置数报
	FuncImage              byte = 0x36 // 遥测站图片报 / 查询图片
	FuncQueryRealtime      byte = 0x37 // 中心站查询实时数据
	FuncQueryPeriod        byte = 0x38 // 中心站查询时段数据
	FuncQueryManual        byte = 0x39 // 中心站查询人工置数
	FuncQueryElements      byte = 0x3A // 中心站查询指定要素
	FuncWriteBasicConfig   byte = 0x40 // 修改基本配置表
	FuncReadBasicConfig    byte = 0x41 // 读取/自报基本配置表
	FuncWriteRuntimeConfig byte = 0x42 // 修改运行参数配置表
	FuncReadRuntimeConfig  byte = 0x43 // 读取/自报运行参数配置表
	FuncQueryPump          byte = 0x44 // 查询水泵电机实时数据
	FuncQueryVersion       byte = 0x45 // 查询软件版本
	FuncQueryStatus        byte = 0x46 // 查询状态和报警信息
	FuncInitStorage        byte = 0x47 // 初始化固态存储数据
	FuncFactoryReset       byte = 0x48 // 恢复出厂设置
	FuncChangePassword     byte = 0x49 // 修改密码
	FuncSetClock           byte = 0x4A // 设置时钟
	FuncSetICCard          byte = 0x4B // 设置IC卡状态
	FuncPump               byte = 0x4C // 水泵开关 / 状态自报
	FuncValve              byte = 0x4D // 阀门开关 / 状态自报
	FuncGate               byte = 0x4E // 闸门开关 / 状态自报
	FuncFixedVolume        byte = 0x4F // 水量定值控制
	FuncQueryEvents        byte = 0x50 // 查询事件记录
	FuncQueryClock         byte = 0x51 // 查询时钟
)

var functionNames = map[byte]string{
	0x2F: "keep-alive", 0x30: "test report", 0x31: "interval report", 0x32: "timed report",
	0x33: "add report", 0x34: "hourly report", 0x35: "manual-set report", 0x36: "image report",
	0x37: "query real-time data", 0x38: "query period data", 0x39: "query manual-set data",
	0x3A: "query elements", 0x40: "write basic config", 0x41: "read basic config",
	0x42: "write runtime config", 0x43: "read runtime config", 0x44: "query pump data",
	0x45: "query software version", 0x46: "query status", 0x47: "initialise storage",
	0x48: "factory reset", 0x49: "change password", 0x4A: "set clock", 0x4B: "set IC card",
	0x4C: "pump control", 0x4D: "valve control", 0x4E: "gate control", 0x4F: "fixed-volume control",
	0x50: "query events", 0x51: "query clock",
}

// FunctionName returns an English name for a function code, "user-defined" for
// E0H–FFH and "reserved" for the reserved ranges.
func FunctionName(fn byte) string {
	if s, ok := functionNames[fn]; ok {
		return s
	}
	if fn >= 0xE0 {
		return "user-defined"
	}
	return "reserved"
}

// KnownFunction reports whether fn is defined by Appendix B or lies in the
// user-defined range E0H–FFH.
func KnownFunction(fn byte) bool {
	_, ok := functionNames[fn]
	return ok || fn >= 0xE0
}

// Station type codes (Appendix A); the HEX code is the ASCII letter.
const (
	StationRain        byte = 'P' // 降水
	StationRiver       byte = 'H' // 河道
	StationReservoir   byte = 'K' // 水库(湖泊)
	StationGate        byte = 'Z' // 闸坝
	StationPump        byte = 'D' // 泵站
	StationTidal       byte = 'T' // 潮汐
	StationSoil        byte = 'M' // 墒情
	StationGroundwater byte = 'G' // 地下水
	StationQuality     byte = 'Q' // 水质
	StationIntake      byte = 'I' // 取水口
	StationOutfall     byte = 'O' // 排水口
)

// Format is the wire encoding of a frame.
type Format uint8

const (
	FormatHEX   Format = 1 // HEX/BCD, starts with 7E 7E
	FormatASCII Format = 2 // ASCII, starts with SOH
)

func (f Format) String() string {
	switch f {
	case FormatHEX:
		return "HEX"
	case FormatASCII:
		return "ASCII"
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// Direction tells who sent a frame.
type Direction uint8

const (
	Up   Direction = 0 // RTU → centre
	Down Direction = 1 // centre → RTU
)

func (d Direction) String() string {
	if d == Down {
		return "down"
	}
	return "up"
}

// Address is the 5-byte telemetry-station (RTU) address A5..A1. Treat it as an
// opaque key; String gives the ten hex digits used everywhere else in sishui.
type Address [5]byte

// String returns the address as ten upper-case hex digits, e.g. "0012345678".
func (a Address) String() string {
	var b [10]byte
	hex.Encode(b[:], a[:])
	for i, c := range b {
		if c >= 'a' {
			b[i] = c - 32
		}
	}
	return string(b[:])
}

// ParseAddress parses ten hex digits into an Address.
func ParseAddress(s string) (Address, error) {
	var a Address
	if len(s) != 10 {
		return a, fmt.Errorf("sl651: address %q: %w", s, ErrSyntax)
	}
	if _, err := hex.Decode(a[:], []byte(s)); err != nil {
		return a, fmt.Errorf("sl651: address %q: %w", s, ErrSyntax)
	}
	return a, nil
}

// Packet is the M3 packet field: total number of packets and this packet's
// sequence number (1-based). Zero for single-packet (STX) frames.
type Packet struct {
	Total uint16
	Seq   uint16
}

// Frame is one decoded SL 651 frame, or a frame to be encoded.
//
// Times are Beijing time (see Beijing). Byte slices (Body, Rest, element Raw)
// alias the buffer given to Decode; copy them to keep them past its reuse.
type Frame struct {
	Format    Format
	Direction Direction
	Center    byte
	Station   Address // header RTU address
	Password  uint16
	Function  byte
	Start     byte   // STX or SYN
	Packet    Packet // M3 packet field when Start is SYN
	End       byte   // ETX, ETB, ENQ, ACK, NAK, EOT or ESC
	CRC       uint16 // as received (decode) or computed (encode)
	CRCValid  bool   // received CRC matched (decode only)

	// Body is the raw text between the start character (and packet field) and
	// the end character. For M3 packets it is the slice to reassemble.
	Body []byte

	Serial uint16    // 流水号
	Sent   time.Time // 发报时间, Beijing time

	// Body station group (F1F1): the RTU address repeated in the body and, for
	// data reports, the station type (Appendix A letter, e.g. 'H').
	HasBodyStation bool
	BodyStation    Address
	StationType    byte

	// Observed is the first observation time (F0F0 / TT) in the body.
	Observed time.Time

	// Elements are the data elements in body order (reports 30H–3AH, 44H, 46H, 4BH).
	Elements []Element
	// Params are the configuration parameters of 40H–43H and 49H (Appendix D).
	Params []Element
	// Version is the software version of a 45H response.
	Version string
	// Events are the ERC1..ERC32 counters of a 50H response.
	Events []uint16
	// Rest holds body bytes the codec does not interpret further (control
	// states of 4CH–4FH, user-defined functions, trailing bytes), kept raw.
	Rest []byte
}

// Observe appends elements observed at t (one F0F0/TT group) and makes t the
// frame's Observed time if it has none yet.
func (f *Frame) Observe(t time.Time, els ...Element) {
	if f.Observed.IsZero() {
		f.Observed = t
	}
	for _, e := range els {
		e.Observed = t
		f.Elements = append(f.Elements, e)
	}
}

// IsMultiPacket reports whether the frame is an uplink M3 packet whose body is
// a slice of a longer message (any SYN uplink frame except packet 1 of 1): its
// Body is kept raw for a Reassembler and re-encoded as is.
func (f *Frame) IsMultiPacket() bool {
	return f.Start == SYN && f.Direction == Up && f.Packet.Total != 1
}

func (f *Frame) reset() {
	els, params, events := f.Elements[:0], f.Params[:0], f.Events[:0]
	*f = Frame{Elements: els, Params: params, Events: events}
}

func (f *Frame) resetBody() {
	f.Serial, f.Sent = 0, time.Time{}
	f.HasBodyStation, f.BodyStation, f.StationType = false, Address{}, 0
	f.Observed = time.Time{}
	f.Elements, f.Params, f.Events = f.Elements[:0], f.Params[:0], f.Events[:0]
	f.Version, f.Rest = "", nil
}

// addElement appends a zeroed element to list, reusing the capacity of a
// previous decode (including its Values slice).
func addElement(list *[]Element) *Element {
	s := *list
	if len(s) < cap(s) {
		s = s[:len(s)+1]
		e := &s[len(s)-1]
		vals := e.Values[:0]
		*e = Element{Values: vals}
	} else {
		s = append(s, Element{})
	}
	*list = s
	return &s[len(s)-1]
}

func validEnd(c byte) bool {
	switch c {
	case ETX, ETB, ENQ, ACK, NAK, EOT, ESC:
		return true
	}
	return false
}

// function body kinds
type bodyKind uint8

const (
	kindNone     bodyKind = iota // nothing after serial+time (2F) — anything else goes to Rest
	kindReport                   // F1F1 addr type, F0F0 time, elements
	kindElements                 // F1F1 addr, elements (46H, 4BH)
	kindParams                   // F1F1 addr, parameters (40H–43H, 49H)
	kindVersion                  // F1F1 addr, length byte, text (45H)
	kindEvents                   // F1F1 addr, 32 two-byte counters (50H)
	kindStation                  // F1F1 addr, then Rest (47H, 48H, 4AH, 4CH–4FH, 51H, user-defined)
)

func upKind(fn byte) bodyKind {
	switch {
	case fn == FuncKeepAlive:
		return kindNone
	case fn >= FuncTest && fn <= FuncQueryElements, fn == FuncQueryPump:
		return kindReport
	case fn == FuncQueryStatus, fn == FuncSetICCard:
		return kindElements
	case fn >= FuncWriteBasicConfig && fn <= FuncReadRuntimeConfig, fn == FuncChangePassword:
		return kindParams
	case fn == FuncQueryVersion:
		return kindVersion
	case fn == FuncQueryEvents:
		return kindEvents
	}
	return kindStation
}

func downKind(fn byte) bodyKind {
	switch fn {
	case FuncChangePassword, FuncWriteBasicConfig, FuncWriteRuntimeConfig:
		return kindParams
	case FuncSetICCard:
		return kindElements
	}
	return kindNone
}

func (f *Frame) kind() bodyKind {
	if f.Direction == Down {
		return downKind(f.Function)
	}
	return upKind(f.Function)
}

var beijing = time.FixedZone("CST", 8*3600)

// Beijing returns the fixed UTC+8 zone in which RTU clocks run.
func Beijing() *time.Location { return beijing }
