package sl651

import (
	"time"
)

// Decoder decodes SL 651 frames. The zero value is ready to use; a Decoder has
// no state and may be shared.
type Decoder struct {
	// AcceptBadChecksum makes Decode process frames whose CRC does not match
	// (Frame.CRCValid reports it) instead of failing with ErrChecksum. The
	// standard says the centre must ignore such frames; some deployments want
	// them processed (a per-RTU choice).
	AcceptBadChecksum bool
}

// Decode decodes one complete frame (HEX or ASCII, told by the first byte).
func Decode(b []byte) (*Frame, error) {
	f := new(Frame)
	var d Decoder
	if err := d.Decode(b, f); err != nil {
		return f, err
	}
	return f, nil
}

// Decode decodes one complete frame into f, reusing f's slices. On error f
// holds whatever was decoded before it (header fields in particular, so that a
// frame with a bad CRC can still be attributed to a station).
//
// Single-packet frames and one-packet M3 frames are decoded completely. For
// other M3 packets only the header, the packet field, Body and (in packet 1)
// serial and send time are decoded: feed them to a Reassembler and decode the
// whole body with DecodeBody.
func (d *Decoder) Decode(b []byte, f *Frame) error {
	f.reset()
	if len(b) == 0 {
		return parseErr(0, ErrTruncated, "empty frame")
	}
	switch b[0] {
	case 0x7E:
		return d.decodeHEX(b, f)
	case SOH:
		return d.decodeASCII(b, f)
	}
	return parseErr(0, ErrSyntax, "frame does not start with 7E7E or SOH")
}

// DecodeBody decodes a (reassembled) body for the header already in f
// (Format, Direction, Function), replacing the body fields of f. Offsets in
// errors count from the start of body.
func (d *Decoder) DecodeBody(body []byte, f *Frame) error {
	f.resetBody()
	f.Body = body
	r := reader{b: body}
	if f.Format == FormatASCII {
		r.asciiBody(f)
	} else {
		r.hexBody(f)
	}
	return r.err
}

func (d *Decoder) decodeHEX(b []byte, f *Frame) error {
	f.Format = FormatHEX
	if len(b) < hexOverhead {
		return parseErr(len(b), ErrTruncated, "short HEX frame")
	}
	if b[1] != 0x7E {
		return parseErr(1, ErrSyntax, "frame does not start with 7E7E")
	}
	dl := uint16(b[11])<<8 | uint16(b[12])
	switch dl >> 12 {
	case 0:
		f.Direction = Up
		f.Center = b[2]
		copy(f.Station[:], b[3:8])
	case 8:
		f.Direction = Down
		copy(f.Station[:], b[2:7])
		f.Center = b[7]
	default:
		return parseErr(11, ErrSyntax, "direction nibble not 0 or 8")
	}
	f.Password = uint16(b[8])<<8 | uint16(b[9])
	f.Function = b[10]
	n := int(dl & MaxBodyLen)
	total := n + hexOverhead
	if len(b) < total {
		return parseErr(len(b), ErrTruncated, "frame shorter than its length field")
	}
	if len(b) > total {
		return parseErr(total, ErrLength, "bytes after the CRC")
	}
	f.Start = b[13]
	f.End = b[14+n]
	f.CRC = uint16(b[15+n])<<8 | uint16(b[16+n])
	f.CRCValid = Checksum(b[:15+n]) == f.CRC
	if !f.CRCValid && !d.AcceptBadChecksum {
		return parseErr(15+n, ErrChecksum, "")
	}
	if !validEnd(f.End) {
		return parseErr(14+n, ErrSyntax, "bad end character")
	}
	body := b[14 : 14+n]
	base := 14
	switch f.Start {
	case STX:
	case SYN:
		if n < 3 {
			return parseErr(14, ErrLength, "no room for the packet field")
		}
		pf := uint32(body[0])<<16 | uint32(body[1])<<8 | uint32(body[2])
		f.Packet = Packet{Total: uint16(pf >> 12), Seq: uint16(pf & 0xFFF)}
		body, base = body[3:], 17
	default:
		return parseErr(13, ErrSyntax, "start character is not STX or SYN")
	}
	f.Body = body
	if !KnownFunction(f.Function) {
		return parseErr(10, ErrUnknownFunction, "")
	}
	r := reader{b: body, base: base}
	if f.IsMultiPacket() {
		if f.Packet.Seq == 1 {
			f.Serial = r.u16()
			f.Sent = r.hexTime(6)
		}
		return r.err
	}
	r.hexBody(f)
	return r.err
}

// reader walks a body keeping the first error (checked once by the caller).
type reader struct {
	b    []byte
	off  int
	base int // offset of b[0] in the frame, for errors
	err  error
}

func (r *reader) fail(off int, err error, detail string) {
	if r.err == nil {
		r.err = parseErr(r.base+off, err, detail)
	}
}

func (r *reader) left() int { return len(r.b) - r.off }

func (r *reader) next(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b)-r.off {
		r.fail(len(r.b), ErrTruncated, "field runs past the end of the body")
		r.off = len(r.b)
		return nil
	}
	s := r.b[r.off : r.off+n : r.off+n]
	r.off += n
	return s
}

func (r *reader) u16() uint16 {
	s := r.next(2)
	if s == nil {
		return 0
	}
	return uint16(s[0])<<8 | uint16(s[1])
}

// hexTime reads a 5- (YYMMDDhhmm) or 6-byte (…ss) BCD time.
func (r *reader) hexTime(n int) time.Time {
	off := r.off
	s := r.next(n)
	if s == nil {
		return time.Time{}
	}
	var v [6]int
	for i, c := range s {
		d, ok := bcdByte(c)
		if !ok {
			r.fail(off+i, ErrSyntax, "bad BCD digit in time")
			return time.Time{}
		}
		v[i] = d
	}
	t, ok := makeTime(v)
	if !ok {
		r.fail(off, ErrSyntax, "invalid calendar time")
	}
	return t
}

// makeTime builds a Beijing time from YY MM DD hh mm ss, rejecting impossible
// dates. Years are 20YY (a year such as 59 is kept, not rejected).
func makeTime(v [6]int) (time.Time, bool) {
	if v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 59 {
		return time.Time{}, false
	}
	t := time.Date(2000+v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], 0, beijing)
	if t.Day() != v[2] {
		return time.Time{}, false
	}
	return t, true
}

// hexStation reads an F1F1 group's address (the F1F1 already consumed).
func (r *reader) hexStation(f *Frame, withType bool, start int, obs time.Time) {
	addr := r.next(5)
	if addr == nil {
		return
	}
	typ, hasType := byte(0), false
	if withType {
		if t := r.next(1); t != nil {
			typ, hasType = t[0], true
		}
	}
	if !f.HasBodyStation {
		f.HasBodyStation = true
		copy(f.BodyStation[:], addr)
		f.StationType = typ
		return
	}
	// A further station in a multi-station message: kept as an ST element.
	e := addElement(&f.Elements)
	e.ID, e.Code, e.Def, e.Observed = "ST", CodeST, 0xF1, obs
	e.Raw = r.b[start+2 : r.off : r.off]
	_ = hasType
}

func (r *reader) hexBody(f *Frame) {
	f.Serial = r.u16()
	f.Sent = r.hexTime(6)
	if r.err != nil {
		return
	}
	kind := f.kind()
	if kind != kindNone && r.left() >= 2 && r.b[r.off] == 0xF1 && r.b[r.off+1] == 0xF1 {
		start := r.off
		r.off += 2
		r.hexStation(f, kind == kindReport, start, time.Time{})
	}
	switch kind {
	case kindReport, kindElements:
		r.hexElements(f, kind == kindReport)
	case kindParams:
		r.hexParams(f)
	case kindVersion:
		if r.left() > 0 {
			n := int(r.next(1)[0])
			f.Version = string(r.next(n))
		}
	case kindEvents:
		if r.left()%2 != 0 {
			r.fail(r.off, ErrLength, "odd event-record length")
			return
		}
		for r.left() > 0 {
			f.Events = append(f.Events, r.u16())
		}
	}
	if r.err == nil && r.left() > 0 {
		f.Rest = r.b[r.off:len(r.b):len(r.b)]
		r.off = len(r.b)
	}
}

func (r *reader) hexElements(f *Frame, withType bool) {
	obs := f.Observed
	for r.err == nil && r.left() > 0 {
		start := r.off
		var code uint16
		var def byte
		if r.b[r.off] == 0xFF {
			s := r.next(3)
			if s == nil {
				return
			}
			code, def = 0xFF00|uint16(s[1]), s[2]
		} else {
			s := r.next(2)
			if s == nil {
				return
			}
			code, def = uint16(s[0]), s[1]
		}
		switch {
		case code == CodeTT && def == 0xF0:
			t := r.hexTime(5)
			if r.err != nil {
				return
			}
			obs = t
			if f.Observed.IsZero() {
				f.Observed = t
			}
			continue
		case code == CodeST && def == 0xF1:
			r.hexStation(f, withType, start, obs)
			continue
		}
		e := addElement(&f.Elements)
		e.Code, e.Def, e.Observed = code, def, obs
		if info := LookupCode(code); info != nil {
			e.ID, e.Unit = info.ID, info.Unit
		}
		if (code == CodeRGZS && def == 0xF2) || (code == CodePIC && def == 0xF3) || (code == CodeDATA && def == 0xF6) {
			e.Raw = r.b[r.off:len(r.b):len(r.b)]
			r.off = len(r.b)
			return
		}
		e.Raw = r.next(int(def >> 3))
		if r.err != nil {
			f.Elements = f.Elements[:len(f.Elements)-1]
			return
		}
		decodeHEXValue(e)
	}
}

// Parameter kinds (Appendix D): raw bytes, 2-byte HEX password, or BCD number.
func paramRaw(code byte) bool {
	switch {
	case code == 0x01, code == 0x02, code >= 0x04 && code <= 0x0B, code >= 0x0D && code <= 0x0F:
		return true
	}
	return false
}

// paramLen returns the data length of a parameter from its definition byte:
// 0EH (relay service addresses) uses all 8 bits as a byte count.
func paramLen(code, def byte) int {
	if code == 0x0E {
		return int(def)
	}
	return int(def >> 3)
}

func (r *reader) hexParams(f *Frame) {
	for r.err == nil && r.left() > 0 {
		s := r.next(2)
		if s == nil {
			return
		}
		code, def := s[0], s[1]
		data := r.next(paramLen(code, def))
		if r.err != nil {
			return
		}
		p := addElement(&f.Params)
		p.Code, p.Def, p.Raw = uint16(code), def, data
		decodeParam(p)
	}
}

func decodeParam(p *Element) {
	code := byte(p.Code)
	switch {
	case paramRaw(code):
	case code == 0x03:
		var w uint64
		for _, c := range p.Raw {
			w = w<<8 | uint64(c)
		}
		if len(p.Raw) > 6 {
			p.Invalid = true
			return
		}
		p.Value = float64(w)
	default:
		decodeNumber(p)
	}
}
