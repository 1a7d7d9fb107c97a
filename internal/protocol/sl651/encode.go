package sl651

import (
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"time"
)

// Encode returns the wire bytes of f (see AppendFrame).
func Encode(f *Frame) ([]byte, error) {
	return AppendFrame(make([]byte, 0, 64+len(f.Body)+len(f.Rest)+16*len(f.Elements)), f)
}

// AppendFrame appends the encoding of f to dst and computes the CRC.
//
// The body is built from the fields (Serial, Sent, body station, Observed,
// Elements, Params, Version, Events, Rest), except for M3 uplink packets of a
// multi-packet message (Start SYN, Packet.Total > 1), whose Body is sent as is.
// Start defaults to STX (SYN when Packet.Total > 0); End defaults to ETX for
// uplink frames and must be set for downlink frames. On error dst is returned
// unchanged in length.
func AppendFrame(dst []byte, f *Frame) ([]byte, error) {
	start := len(dst)
	var err error
	switch f.Format {
	case FormatHEX:
		dst, err = appendHEXFrame(dst, f)
	case FormatASCII:
		dst, err = appendASCIIFrame(dst, f)
	default:
		err = fmt.Errorf("sl651: encode: %w: format %d", ErrUnsupported, f.Format)
	}
	if err != nil {
		return dst[:start], err
	}
	return dst, nil
}

func frameChars(f *Frame) (startChar, end byte, err error) {
	startChar = f.Start
	if startChar == 0 {
		startChar = STX
		if f.Packet.Total > 0 {
			startChar = SYN
		}
	}
	if startChar != STX && startChar != SYN {
		return 0, 0, fmt.Errorf("sl651: encode: %w: start character %02X", ErrSyntax, startChar)
	}
	end = f.End
	if end == 0 && f.Direction == Up {
		end = ETX
	}
	if !validEnd(end) {
		return 0, 0, fmt.Errorf("sl651: encode: %w: end character %02X", ErrSyntax, end)
	}
	return startChar, end, nil
}

func appendHEXFrame(dst []byte, f *Frame) ([]byte, error) {
	startChar, end, err := frameChars(f)
	if err != nil {
		return dst, err
	}
	start := len(dst)
	dst = append(dst, 0x7E, 0x7E)
	if f.Direction == Down {
		dst = append(dst, f.Station[:]...)
		dst = append(dst, f.Center)
	} else {
		dst = append(dst, f.Center)
		dst = append(dst, f.Station[:]...)
	}
	dst = append(dst, byte(f.Password>>8), byte(f.Password), f.Function, 0, 0, startChar)
	bodyStart := len(dst)
	if startChar == SYN {
		if f.Packet.Total > 0xFFF || f.Packet.Seq > 0xFFF {
			return dst, fmt.Errorf("sl651: encode: %w: packet %d/%d", ErrPacket, f.Packet.Seq, f.Packet.Total)
		}
		pf := uint32(f.Packet.Total)<<12 | uint32(f.Packet.Seq)
		dst = append(dst, byte(pf>>16), byte(pf>>8), byte(pf))
	}
	if startChar == SYN && f.Direction == Up && f.Packet.Total != 1 {
		dst = append(dst, f.Body...)
	} else if dst, err = appendHEXBody(dst, f); err != nil {
		return dst, err
	}
	n := len(dst) - bodyStart
	if n > MaxBodyLen {
		return dst, fmt.Errorf("sl651: encode: %w: body of %d bytes", ErrLength, n)
	}
	dl := uint16(n)
	if f.Direction == Down {
		dl |= 0x8000
	}
	dst[start+11], dst[start+12] = byte(dl>>8), byte(dl)
	dst = append(dst, end)
	crc := Checksum(dst[start:])
	f.CRC = crc
	return append(dst, byte(crc>>8), byte(crc)), nil
}

func appendHEXTime(dst []byte, t time.Time, seconds bool) ([]byte, error) {
	t = t.In(beijing)
	if y := t.Year(); y < 2000 || y > 2099 {
		return dst, fmt.Errorf("sl651: encode time %v: %w (years 2000–2099)", t, ErrRange)
	}
	dst = append(dst, bcd(t.Year()%100), bcd(int(t.Month())), bcd(t.Day()), bcd(t.Hour()), bcd(t.Minute()))
	if seconds {
		dst = append(dst, bcd(t.Second()))
	}
	return dst, nil
}

func bcd(v int) byte { return byte(v/10)<<4 | byte(v%10) }

func appendHEXBody(dst []byte, f *Frame) ([]byte, error) {
	dst = append(dst, byte(f.Serial>>8), byte(f.Serial))
	dst, err := appendHEXTime(dst, f.Sent, true)
	if err != nil {
		return dst, err
	}
	kind := f.kind()
	if f.HasBodyStation && kind != kindNone {
		dst = append(dst, 0xF1, 0xF1)
		dst = append(dst, f.BodyStation[:]...)
		if kind == kindReport {
			dst = append(dst, f.StationType)
		}
	}
	switch kind {
	case kindReport, kindElements:
		var p obsPlan
		for i := range f.Elements {
			e := &f.Elements[i]
			times, err := p.before(f, e)
			if err != nil {
				return dst, err
			}
			for _, t := range times {
				if dst, err = appendHEXObs(dst, t); err != nil {
					return dst, err
				}
			}
			if dst, err = appendHEXElement(dst, e); err != nil {
				return dst, err
			}
		}
		if t, ok := p.after(f); ok {
			if dst, err = appendHEXObs(dst, t); err != nil {
				return dst, err
			}
		}
	case kindParams:
		for i := range f.Params {
			if dst, err = appendHEXParam(dst, &f.Params[i]); err != nil {
				return dst, err
			}
		}
	case kindVersion:
		if len(f.Version) > 255 {
			return dst, fmt.Errorf("sl651: encode version: %w", ErrLength)
		}
		if f.Version != "" || len(f.Rest) > 0 {
			dst = append(dst, byte(len(f.Version)))
			dst = append(dst, f.Version...)
		}
	case kindEvents:
		for _, v := range f.Events {
			dst = append(dst, byte(v>>8), byte(v))
		}
	}
	return append(dst, f.Rest...), nil
}

func appendHEXObs(dst []byte, t time.Time) ([]byte, error) {
	return appendHEXTime(append(dst, 0xF0, 0xF0), t, false)
}

func appendHEXElement(dst []byte, e *Element) ([]byte, error) {
	switch {
	case e.Code == CodeST && e.Def == 0xF1:
		raw := e.Raw
		if len(raw) >= 10 { // ASCII text "AAAAAAAAAA T"
			b, err := stationTextToBytes(raw)
			if err != nil {
				return dst, err
			}
			raw = b
		}
		dst = append(dst, 0xF1, 0xF1)
		return append(dst, raw...), nil
	case e.Code == CodeRGZS && e.Def == 0xF2, e.Code == CodePIC && e.Def == 0xF3, e.Code == CodeDATA && e.Def == 0xF6:
		dst = append(dst, byte(e.Code), e.Def)
		return append(dst, e.Raw...), nil
	}
	if e.Code > 0xFF {
		if e.Code>>8 != 0xFF {
			return dst, fmt.Errorf("sl651: encode element %04X: %w", e.Code, ErrRange)
		}
		dst = append(dst, 0xFF)
	}
	dst = append(dst, byte(e.Code), e.Def)
	return appendHEXValue(dst, e)
}

func stationTextToBytes(raw []byte) ([]byte, error) {
	var b [6]byte
	if len(raw) < 10 {
		return nil, fmt.Errorf("sl651: encode ST: %w", ErrSyntax)
	}
	if _, err := hex.Decode(b[:5], raw[:10]); err != nil {
		return nil, fmt.Errorf("sl651: encode ST: %w", ErrSyntax)
	}
	if len(raw) >= 12 {
		b[5] = raw[len(raw)-1]
		return b[:6], nil
	}
	return b[:5], nil
}

// appendHEXValue appends the data bytes of e as defined by e.Def.
func appendHEXValue(dst []byte, e *Element) ([]byte, error) {
	n := int(e.Def >> 3)
	if e.Invalid {
		if len(e.Raw) != n {
			return dst, fmt.Errorf("sl651: encode element %s: raw data has %d bytes, definition %d: %w", e.Name(), len(e.Raw), n, ErrLength)
		}
		return append(dst, e.Raw...), nil
	}
	switch kindOfElement(e.Code, e.Def) {
	case valZT:
		if e.Missing {
			break
		}
		return appendUint(dst, e.Value, n, e)
	case valStep:
		if e.Missing {
			break
		}
		m := e.Value
		if m < 0 || m != math.Trunc(m) || m >= 100*1440 {
			return dst, fmt.Errorf("sl651: encode time step %v: %w", m, ErrRange)
		}
		mi := int(m)
		return append(dst, bcd(mi/1440), bcd(mi%1440/60), bcd(mi%60)), nil
	case valDRP:
		if len(e.Values) != n {
			return dst, fmt.Errorf("sl651: encode DRP: %d values for %d bytes: %w", len(e.Values), n, ErrLength)
		}
		for _, v := range e.Values {
			if math.IsNaN(v) {
				dst = append(dst, 0xFF)
				continue
			}
			x := math.Round(v * 10)
			if x < 0 || x > 254 {
				return dst, fmt.Errorf("sl651: encode DRP value %v: %w", v, ErrRange)
			}
			dst = append(dst, byte(x))
		}
		return dst, nil
	case valDRZ:
		if 2*len(e.Values) != n {
			return dst, fmt.Errorf("sl651: encode %s: %d values for %d bytes: %w", e.Name(), len(e.Values), n, ErrLength)
		}
		for _, v := range e.Values {
			if math.IsNaN(v) {
				dst = append(dst, 0xFF, 0xFF)
				continue
			}
			x := math.Round(v * 100)
			if x < 0 || x > 0xFFFE {
				return dst, fmt.Errorf("sl651: encode %s value %v: %w", e.Name(), v, ErrRange)
			}
			dst = append(dst, byte(int(x)>>8), byte(int(x)))
		}
		return dst, nil
	}
	if e.Missing {
		for range n {
			dst = append(dst, 0xFF)
		}
		return dst, nil
	}
	return appendBCDNumber(dst, e.Value, n, int(e.Def&7))
}

func appendUint(dst []byte, v float64, n int, e *Element) ([]byte, error) {
	if v < 0 || v != math.Trunc(v) || n > 6 || v >= math.Ldexp(1, 8*n) {
		return dst, fmt.Errorf("sl651: encode %s value %v in %d bytes: %w", e.Name(), v, n, ErrRange)
	}
	w := uint64(v)
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, byte(w>>(8*uint(i))))
	}
	return dst, nil
}

func appendHEXParam(dst []byte, p *Element) ([]byte, error) {
	code := byte(p.Code)
	if p.Code > 0xFF {
		return dst, fmt.Errorf("sl651: encode parameter %04X: %w", p.Code, ErrRange)
	}
	n := paramLen(code, p.Def)
	dst = append(dst, code, p.Def)
	switch {
	case paramRaw(code) || p.Invalid:
		if len(p.Raw) != n {
			return dst, fmt.Errorf("sl651: encode parameter %02X: raw data has %d bytes, definition %d: %w", code, len(p.Raw), n, ErrLength)
		}
		return append(dst, p.Raw...), nil
	case code == 0x03:
		return appendUint(dst, p.Value, n, p)
	case p.Missing:
		for range n {
			dst = append(dst, 0xFF)
		}
		return dst, nil
	}
	return appendBCDNumber(dst, p.Value, n, int(p.Def&7))
}

// ---- ASCII ----

const hexDigits = "0123456789ABCDEF"

func appendHexText(dst []byte, v uint64, width int) []byte {
	for i := width - 1; i >= 0; i-- {
		dst = append(dst, hexDigits[v>>(4*uint(i))&0xF])
	}
	return dst
}

func appendASCIIFrame(dst []byte, f *Frame) ([]byte, error) {
	startChar, end, err := frameChars(f)
	if err != nil {
		return dst, err
	}
	start := len(dst)
	dst = append(dst, SOH)
	if f.Direction == Down {
		dst = hex.AppendEncode(dst, f.Station[:])
		dst = appendHexText(dst, uint64(f.Center), 2)
	} else {
		dst = appendHexText(dst, uint64(f.Center), 2)
		dst = hex.AppendEncode(dst, f.Station[:])
	}
	for i := start + 1; i < len(dst); i++ {
		if c := dst[i]; c >= 'a' {
			dst[i] = c - 32
		}
	}
	dst = appendHexText(dst, uint64(f.Password), 4)
	dst = appendHexText(dst, uint64(f.Function), 2)
	dst = append(dst, '0', '0', '0', '0', startChar)
	bodyStart := len(dst)
	if startChar == SYN {
		if f.Packet.Total > 0xFFF || f.Packet.Seq > 0xFFF {
			return dst, fmt.Errorf("sl651: encode: %w: packet %d/%d", ErrPacket, f.Packet.Seq, f.Packet.Total)
		}
		dst = appendHexText(dst, uint64(f.Packet.Total), 3)
		dst = appendHexText(dst, uint64(f.Packet.Seq), 3)
	}
	if startChar == SYN && f.Direction == Up && f.Packet.Total != 1 {
		dst = append(dst, f.Body...)
	} else if dst, err = appendASCIIBody(dst, f); err != nil {
		return dst, err
	}
	n := len(dst) - bodyStart
	if n > MaxBodyLen {
		return dst, fmt.Errorf("sl651: encode: %w: body of %d characters", ErrLength, n)
	}
	dl := uint64(n)
	if f.Direction == Down {
		dl |= 0x8000
	}
	appendHexText(dst[:start+19], dl, 4)
	dst = append(dst, end)
	crc := Checksum(dst[start:])
	f.CRC = crc
	return appendHexText(dst, uint64(crc), 4), nil
}

func appendASCIITime(dst []byte, t time.Time, seconds bool) ([]byte, error) {
	t = t.In(beijing)
	if y := t.Year(); y < 2000 || y > 2099 {
		return dst, fmt.Errorf("sl651: encode time %v: %w (years 2000–2099)", t, ErrRange)
	}
	vals := [6]int{t.Year() % 100, int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second()}
	k := 5
	if seconds {
		k = 6
	}
	for _, v := range vals[:k] {
		dst = append(dst, byte('0'+v/10), byte('0'+v%10))
	}
	return dst, nil
}

func appendASCIIBody(dst []byte, f *Frame) ([]byte, error) {
	dst = appendHexText(dst, uint64(f.Serial), 4)
	dst, err := appendASCIITime(dst, f.Sent, true)
	if err != nil {
		return dst, err
	}
	kind := f.kind()
	if f.HasBodyStation && kind != kindNone {
		dst = append(dst, "ST "...)
		dst = hex.AppendEncode(dst, f.BodyStation[:])
		upper(dst[len(dst)-10:])
		dst = append(dst, ' ')
		if kind == kindReport && f.StationType != 0 {
			dst = append(dst, f.StationType, ' ')
		}
	}
	switch kind {
	case kindReport, kindElements:
		var p obsPlan
		for i := range f.Elements {
			e := &f.Elements[i]
			times, err := p.before(f, e)
			if err != nil {
				return dst, err
			}
			for _, t := range times {
				if dst, err = appendASCIIObs(dst, t); err != nil {
					return dst, err
				}
			}
			if dst, err = appendASCIIElement(dst, e); err != nil {
				return dst, err
			}
		}
		if t, ok := p.after(f); ok {
			if dst, err = appendASCIIObs(dst, t); err != nil {
				return dst, err
			}
		}
	case kindParams, kindVersion, kindEvents:
		if len(f.Params) > 0 || f.Version != "" || len(f.Events) > 0 {
			return dst, fmt.Errorf("sl651: encode function %02X: %w: ASCII parameters, versions and events", f.Function, ErrUnsupported)
		}
	}
	return append(dst, f.Rest...), nil
}

func upper(b []byte) {
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
}

func appendASCIIObs(dst []byte, t time.Time) ([]byte, error) {
	dst, err := appendASCIITime(append(dst, "TT "...), t, false)
	return append(dst, ' '), err
}

func appendASCIIElement(dst []byte, e *Element) ([]byte, error) {
	id := e.ID
	if e.Code == CodeTimeStep && id == "DRxnn" || id == "" && e.Code == CodeTimeStep {
		if e.Missing || e.Invalid {
			return dst, fmt.Errorf("sl651: encode time step: %w", ErrUnsupported)
		}
		m := int(e.Value)
		var unit byte
		var n int
		switch {
		case float64(m) != e.Value || m < 0:
		case m == 0:
			unit = 'H' // DRH00: the fixed pairing with DRP/DRZ hour arrays
		case m < 100 && m%60 != 0:
			unit, n = 'N', m
		case m%1440 == 0 && m/1440 < 100:
			unit, n = 'D', m/1440
		case m%60 == 0 && m/60 < 100:
			unit, n = 'H', m/60
		}
		if unit == 0 {
			return dst, fmt.Errorf("sl651: encode time step %v min as DRxnn: %w", e.Value, ErrRange)
		}
		return append(dst, 'D', 'R', unit, byte('0'+n/10), byte('0'+n%10), ' '), nil
	}
	if id == "" {
		if info := LookupCode(e.Code); info != nil {
			id = info.ID
		} else {
			return dst, fmt.Errorf("sl651: encode element %s in ASCII: %w: no identifier", e.Name(), ErrUnsupported)
		}
	}
	if !isIdent([]byte(id)) {
		return dst, fmt.Errorf("sl651: encode element %q in ASCII: %w", id, ErrSyntax)
	}
	switch {
	case e.Code == CodeST && e.Def == 0xF1:
		raw := e.Raw
		dst = append(dst, "ST "...)
		if len(raw) < 10 { // binary from a HEX frame
			if len(raw) < 5 {
				return dst, fmt.Errorf("sl651: encode ST: %w", ErrLength)
			}
			dst = hex.AppendEncode(dst, raw[:5])
			upper(dst[len(dst)-10:])
			if len(raw) > 5 {
				dst = append(dst, ' ', raw[5])
			}
			return append(dst, ' '), nil
		}
		dst = append(dst, raw...)
		return append(dst, ' '), nil
	case e.Code == CodeRGZS || e.Code == CodePIC || e.Code == CodeDATA:
		if id == "RGZS" || id == "PIC" || id == "DATA" {
			dst = append(dst, id...)
			dst = append(dst, ' ')
			return append(dst, e.Raw...), nil
		}
	}
	dst = append(dst, id...)
	dst = append(dst, ' ')
	if e.Missing {
		return append(dst, 'M', ' '), nil
	}
	if e.Invalid {
		for _, c := range e.Raw {
			if c == ' ' {
				return dst, fmt.Errorf("sl651: encode element %s in ASCII: %w: raw data contains a space", id, ErrUnsupported)
			}
		}
		if len(e.Raw) == 0 || (len(e.Raw) == 1 && e.Raw[0] == 'M') {
			return dst, fmt.Errorf("sl651: encode element %s in ASCII: %w: raw data", id, ErrUnsupported)
		}
		dst = append(dst, e.Raw...)
		return append(dst, ' '), nil
	}
	switch kindOfElement(e.Code, e.Def) {
	case valZT:
		n := int(e.Def >> 3)
		if _, err := appendUint(nil, e.Value, n, e); err != nil {
			return dst, err
		}
		dst = appendHexText(dst, uint64(e.Value), 2*n)
		return append(dst, ' '), nil
	case valDRP, valDRZ:
		var tmp [64]byte
		b, err := appendHEXValue(tmp[:0], e)
		if err != nil {
			return dst, err
		}
		dst = hex.AppendEncode(dst, b)
		upper(dst[len(dst)-2*len(b):])
		return append(dst, ' '), nil
	}
	if _, _, ok := scaled(e.Value, int(e.Def&7)); !ok {
		return dst, fmt.Errorf("sl651: encode %s value %v: %w", id, e.Value, ErrRange)
	}
	v := e.Value
	if v == 0 {
		v = 0 // no "-0"
	}
	dst = strconv.AppendFloat(dst, v, 'f', int(e.Def&7), 64)
	return append(dst, ' '), nil
}

// ---- downlink frames ----

// NewConfirm returns the M2/M3 confirm of an uplink frame: same function,
// station, centre and password, the uplink's serial and send time echoed, and
// end character end (EOT: you may leave; ESC: stay online; ACK: send the next
// frame). For M3 messages pass the reassembled frame: the confirm is a SYN
// frame with packet field total/total. Set Sent on the result to send the
// centre's clock instead of the echo.
func NewConfirm(up *Frame, end byte) *Frame {
	c := &Frame{
		Format: up.Format, Direction: Down, Center: up.Center, Station: up.Station,
		Password: up.Password, Function: up.Function, Start: STX, End: end,
		Serial: up.Serial, Sent: up.Sent,
	}
	if up.Start == SYN && up.Packet.Total > 0 {
		c.Start = SYN
		c.Packet = Packet{Total: up.Packet.Total, Seq: up.Packet.Total}
	}
	return c
}

// NewNAK returns the M3 negative answer asking the RTU to resend packet seq.
func NewNAK(up *Frame, seq uint16) *Frame {
	c := NewConfirm(up, NAK)
	c.Start = SYN
	c.Packet = Packet{Total: up.Packet.Total, Seq: seq}
	return c
}

// Command addresses a centre-initiated (M4) downlink frame.
type Command struct {
	Format   Format
	Center   byte
	Station  Address
	Password uint16
	Serial   uint16    // 0 for messages the centre originates
	Sent     time.Time // centre clock (Beijing); for SetClock the time to set
}

func (c Command) frame(fn byte) *Frame {
	format := c.Format
	if format == 0 {
		format = FormatHEX
	}
	return &Frame{
		Format: format, Direction: Down, Center: c.Center, Station: c.Station, Password: c.Password,
		Function: fn, Start: STX, End: ENQ, Serial: c.Serial, Sent: c.Sent,
	}
}

// QueryRealtime builds the 37H real-time data query.
func (c Command) QueryRealtime() *Frame { return c.frame(FuncQueryRealtime) }

// SetClock builds the 4AH set-clock command; the RTU takes the time from Sent.
func (c Command) SetClock() *Frame { return c.frame(FuncSetClock) }

// ChangePassword builds the 49H command: old password c.Password, new one
// given (each as parameter 03H, 2 bytes HEX). HEX format only.
func (c Command) ChangePassword(newPassword uint16) *Frame {
	f := c.frame(FuncChangePassword)
	f.Params = []Element{
		{Code: 0x03, Def: 0x10, Value: float64(c.Password)},
		{Code: 0x03, Def: 0x10, Value: float64(newPassword)},
	}
	return f
}

// EncodePackets encodes f as an M3 multi-packet message: the body built from
// f's fields is cut into slices of at most maxSlice bytes, each sent in a SYN
// frame with its packet field, ETB on all but the last (ETX). With a body that
// fits one slice it still produces one SYN frame (1/1).
func EncodePackets(f *Frame, maxSlice int) ([][]byte, error) {
	if maxSlice < 1 || maxSlice > MaxBodyLen-6 {
		return nil, fmt.Errorf("sl651: encode packets: %w: slice size %d", ErrRange, maxSlice)
	}
	var body []byte
	var err error
	g := *f
	g.Start, g.Packet = STX, Packet{}
	if f.Format == FormatASCII {
		body, err = appendASCIIBody(nil, &g)
	} else {
		body, err = appendHEXBody(nil, &g)
	}
	if err != nil {
		return nil, err
	}
	total := (len(body) + maxSlice - 1) / maxSlice
	if total > 0xFFF {
		return nil, fmt.Errorf("sl651: encode packets: %w: %d packets", ErrLength, total)
	}
	out := make([][]byte, 0, total)
	for i := range total {
		p := g
		p.Start = SYN
		p.Packet = Packet{Total: uint16(total), Seq: uint16(i + 1)}
		p.Body = body[i*maxSlice : min((i+1)*maxSlice, len(body))]
		p.End = ETB
		if i == total-1 {
			p.End = ETX
		}
		if total == 1 {
			p.Packet.Total = 1
		}
		b, err := AppendFrame(nil, &p)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// obsPlan places observation-time (F0F0 / TT) groups. An element's Observed is
// the time of the group it follows; zero means no group precedes it, which is
// only possible before the first group. Frame.Observed is the first group: it
// is written before the first element with an observation time (or at the end
// when no element has one).
type obsPlan struct {
	cur       time.Time
	frameDone bool
	buf       [2]time.Time
}

func (p *obsPlan) before(f *Frame, e *Element) ([]time.Time, error) {
	out := p.buf[:0]
	if e.Observed.IsZero() {
		if !p.cur.IsZero() {
			return nil, fmt.Errorf("sl651: encode element %s: %w: no observation time after a TT group (set Element.Observed)", e.Name(), ErrSyntax)
		}
		return out, nil
	}
	if !p.frameDone {
		p.frameDone = true
		if !f.Observed.IsZero() && !f.Observed.Equal(e.Observed) {
			out = append(out, f.Observed)
			p.cur = f.Observed
		}
	}
	if !e.Observed.Equal(p.cur) {
		out = append(out, e.Observed)
		p.cur = e.Observed
	}
	return out, nil
}

func (p *obsPlan) after(f *Frame) (time.Time, bool) {
	if p.frameDone || f.Observed.IsZero() {
		return time.Time{}, false
	}
	return f.Observed, true
}
