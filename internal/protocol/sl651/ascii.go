package sl651

import (
	"math"
	"time"
)

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}

// parseHexText parses len(s) hex characters into an unsigned number.
func parseHexText(s []byte) (uint64, bool) {
	var v uint64
	for _, c := range s {
		h, ok := hexVal(c)
		if !ok {
			return 0, false
		}
		v = v<<4 | uint64(h)
	}
	return v, true
}

func (d *Decoder) decodeASCII(b []byte, f *Frame) error {
	f.Format = FormatASCII
	if len(b) < ascOverhead {
		return parseErr(len(b), ErrTruncated, "short ASCII frame")
	}
	for i := 1; i < 23; i++ {
		if _, ok := hexVal(b[i]); !ok {
			return parseErr(i, ErrSyntax, "header character is not a hex digit")
		}
	}
	dl, _ := parseHexText(b[19:23])
	switch dl >> 12 {
	case 0:
		f.Direction = Up
		c, _ := parseHexText(b[1:3])
		f.Center = byte(c)
		hexText(f.Station[:], b[3:13])
	case 8:
		f.Direction = Down
		hexText(f.Station[:], b[1:11])
		c, _ := parseHexText(b[11:13])
		f.Center = byte(c)
	default:
		return parseErr(19, ErrSyntax, "direction character not 0 or 8")
	}
	pw, _ := parseHexText(b[13:17])
	fn, _ := parseHexText(b[17:19])
	f.Password, f.Function = uint16(pw), byte(fn)
	n := int(dl & MaxBodyLen)
	total := n + ascOverhead
	if len(b) < total {
		return parseErr(len(b), ErrTruncated, "frame shorter than its length field")
	}
	if len(b) > total {
		return parseErr(total, ErrLength, "bytes after the CRC")
	}
	f.Start = b[23]
	f.End = b[24+n]
	crc, ok := parseHexText(b[25+n : 29+n])
	if !ok {
		return parseErr(25+n, ErrSyntax, "CRC is not hex text")
	}
	f.CRC = uint16(crc)
	f.CRCValid = Checksum(b[:25+n]) == f.CRC
	if !f.CRCValid && !d.AcceptBadChecksum {
		return parseErr(25+n, ErrChecksum, "")
	}
	if !validEnd(f.End) {
		return parseErr(24+n, ErrSyntax, "bad end character")
	}
	body := b[24 : 24+n]
	base := 24
	switch f.Start {
	case STX:
	case SYN:
		if n < 6 {
			return parseErr(24, ErrLength, "no room for the packet field")
		}
		tot, ok1 := parseHexText(body[:3])
		seq, ok2 := parseHexText(body[3:6])
		if !ok1 || !ok2 {
			return parseErr(24, ErrSyntax, "packet field is not hex text")
		}
		f.Packet = Packet{Total: uint16(tot), Seq: uint16(seq)}
		body, base = body[6:], 30
	default:
		return parseErr(23, ErrSyntax, "start character is not STX or SYN")
	}
	f.Body = body
	if !KnownFunction(f.Function) {
		return parseErr(17, ErrUnknownFunction, "")
	}
	r := reader{b: body, base: base}
	if f.IsMultiPacket() {
		if f.Packet.Seq == 1 {
			r.asciiHead(f)
		}
		return r.err
	}
	r.asciiBody(f)
	return r.err
}

// hexText decodes validated hex text into dst (len(src) == 2*len(dst)).
func hexText(dst, src []byte) {
	for i := range dst {
		h, _ := hexVal(src[2*i])
		l, _ := hexVal(src[2*i+1])
		dst[i] = h<<4 | l
	}
}

func (r *reader) asciiHead(f *Frame) {
	s := r.next(4)
	if s == nil {
		return
	}
	v, ok := parseHexText(s)
	if !ok {
		r.fail(0, ErrSyntax, "serial is not hex text")
		return
	}
	f.Serial = uint16(v)
	f.Sent = r.asciiTime(r.next(12), r.off-12)
}

func (r *reader) asciiTime(s []byte, off int) time.Time {
	if s == nil {
		return time.Time{}
	}
	var v [6]int
	for i := 0; i < len(s); i += 2 {
		a, b := s[i]-'0', s[i+1]-'0'
		if a > 9 || b > 9 {
			r.fail(off+i, ErrSyntax, "bad digit in time")
			return time.Time{}
		}
		v[i/2] = int(a)*10 + int(b)
	}
	t, ok := makeTime(v)
	if !ok {
		r.fail(off, ErrSyntax, "invalid calendar time")
	}
	return t
}

func (r *reader) skipSpaces() {
	for r.off < len(r.b) && r.b[r.off] == ' ' {
		r.off++
	}
}

// token returns the next space-delimited token (nil at the end of the body).
func (r *reader) token() []byte {
	r.skipSpaces()
	start := r.off
	for r.off < len(r.b) && r.b[r.off] != ' ' {
		r.off++
	}
	if start == r.off {
		return nil
	}
	return r.b[start:r.off:r.off]
}

func (r *reader) peekToken() []byte {
	save := r.off
	t := r.token()
	r.off = save
	return t
}

func (r *reader) asciiBody(f *Frame) {
	r.asciiHead(f)
	if r.err != nil {
		return
	}
	kind := f.kind()
	r.skipSpaces()
	if kind != kindNone && r.left() >= 2 && r.b[r.off] == 'S' && r.b[r.off+1] == 'T' &&
		(r.left() == 2 || r.b[r.off+2] == ' ') {
		r.off += 2
		r.asciiStation(f, kind == kindReport, time.Time{})
	}
	switch kind {
	case kindReport, kindElements:
		r.asciiElements(f, kind == kindReport)
	}
	r.skipSpaces()
	if r.err == nil && r.left() > 0 {
		f.Rest = r.b[r.off:len(r.b):len(r.b)]
		r.off = len(r.b)
	}
}

func (r *reader) asciiStation(f *Frame, withType bool, obs time.Time) {
	start := r.off
	r.skipSpaces()
	tokOff := r.off
	addr := r.token()
	if len(addr) != 10 {
		r.fail(tokOff, ErrSyntax, "station address is not 10 hex characters")
		return
	}
	if _, ok := parseHexText(addr); !ok {
		r.fail(tokOff, ErrSyntax, "station address is not hex text")
		return
	}
	var typ byte
	if withType {
		if t := r.peekToken(); len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z' {
			r.token()
			typ = t[0]
		}
	}
	if !f.HasBodyStation {
		f.HasBodyStation = true
		hexText(f.BodyStation[:], addr)
		f.StationType = typ
		return
	}
	e := addElement(&f.Elements)
	e.ID, e.Code, e.Def, e.Observed = "ST", CodeST, 0xF1, obs
	r.skipSpacesFrom(&start)
	e.Raw = r.b[start:r.off:r.off]
}

func (r *reader) skipSpacesFrom(p *int) {
	for *p < r.off && r.b[*p] == ' ' {
		*p++
	}
}

func isIdent(t []byte) bool {
	if len(t) == 0 || len(t) > 8 || !(t[0] >= 'A' && t[0] <= 'Z' || t[0] >= 'a' && t[0] <= 'z') {
		return false
	}
	for _, c := range t {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func (r *reader) asciiElements(f *Frame, withType bool) {
	obs := f.Observed
	for r.err == nil {
		r.skipSpaces()
		idOff := r.off
		tok := r.token()
		if tok == nil {
			return
		}
		if !isIdent(tok) {
			r.fail(idOff, ErrSyntax, "bad identifier")
			return
		}
		switch string(tok) {
		case "TT":
			vOff := r.off + 1
			v := r.token()
			if len(v) != 10 {
				r.fail(vOff, ErrSyntax, "observation time is not 10 digits")
				return
			}
			t := r.asciiTime(v, vOff)
			if r.err != nil {
				return
			}
			obs = t
			if f.Observed.IsZero() {
				f.Observed = t
			}
			continue
		case "ST":
			r.asciiStation(f, withType, obs)
			continue
		}
		e := addElement(&f.Elements)
		e.Observed = obs
		info := elementByID[string(tok)] // no allocation for the lookup
		if info != nil {
			e.ID, e.Code, e.Unit = info.ID, info.Code, info.Unit
		} else if step, ok := parseStepID(tok); ok {
			e.ID, e.Code, e.Def, e.Unit, e.Value, e.Raw = "DRxnn", CodeTimeStep, 0x18, "min", step, tok
			continue
		} else {
			e.ID = string(tok)
		}
		if info != nil && (info.Code == CodeRGZS || info.Code == CodePIC || info.Code == CodeDATA) {
			if r.off < len(r.b) {
				r.off++ // the single separating space
			}
			e.Def = byte(info.Def)
			e.Raw = r.b[r.off:len(r.b):len(r.b)]
			r.off = len(r.b)
			return
		}
		r.skipSpaces()
		vOff := r.off
		v := r.token()
		if v == nil {
			f.Elements = f.Elements[:len(f.Elements)-1]
			r.fail(vOff, ErrTruncated, "identifier without a value")
			return
		}
		e.Raw = v
		decodeASCIIValue(e, info)
	}
}

// parseStepID parses a time-step identifier DRDnn / DRHnn / DRNnn (minutes).
func parseStepID(t []byte) (float64, bool) {
	if len(t) != 5 || t[0] != 'D' || t[1] != 'R' {
		return 0, false
	}
	a, b := t[3]-'0', t[4]-'0'
	if a > 9 || b > 9 {
		return 0, false
	}
	n := float64(a)*10 + float64(b)
	switch t[2] {
	case 'D':
		return n * 1440, true
	case 'H':
		return n * 60, true
	case 'N':
		return n, true
	}
	return 0, false
}

func decodeASCIIValue(e *Element, info *ElementInfo) {
	v := e.Raw
	if info != nil {
		e.Def = info.Def
	}
	if len(v) == 1 && v[0] == 'M' {
		e.Missing = true
		return
	}
	switch kindOfElement(e.Code, e.Def) {
	case valZT:
		w, ok := parseHexText(v)
		if !ok || len(v) > 12 || len(v)%2 != 0 {
			e.Invalid = true
			return
		}
		e.Def = byte(len(v)/2) << 3
		e.Value = float64(w)
		return
	case valDRP, valDRZ:
		width := 2
		if kindOfElement(e.Code, e.Def) == valDRZ {
			width = 4
		}
		if len(v)%width != 0 || len(v)/2 > 31 {
			e.Invalid = true
			return
		}
		for i := 0; i < len(v); i += width {
			w, ok := parseHexText(v[i : i+width])
			if !ok {
				e.Values = e.Values[:0]
				e.Invalid = true
				return
			}
			x := float64(w)
			switch {
			case width == 2 && w == 0xFF, width == 4 && w == 0xFFFF:
				x = math.NaN()
			case width == 2:
				x /= 10
			default:
				x /= 100
			}
			e.Values = append(e.Values, x)
		}
		e.Def = byte(len(v)/2) << 3
		return
	}
	// decimal number: -?digits[.digits]
	i, neg := 0, false
	if v[0] == '-' {
		neg, i = true, 1
	}
	var n uint64
	digits, decimals, intDigits, dot := 0, 0, 0, false
	for ; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '.' && !dot:
			dot = true
		case c >= '0' && c <= '9':
			digits++
			if dot {
				decimals++
			} else if n > 0 || c != '0' {
				intDigits++ // integer digits without leading zeros
			}
			n = n*10 + uint64(c-'0')
			if n >= maxExact {
				e.Invalid = true
				return
			}
		default:
			e.Invalid = true
			return
		}
	}
	if digits == 0 || decimals > 7 || (dot && decimals == 0) || (neg && len(v) == 1) {
		e.Invalid = true
		return
	}
	if n == 0 {
		neg = false // "-0" is zero
	}
	intDigits = max(intDigits, 1)
	size := (intDigits + decimals + 1) / 2
	if neg {
		size++
	}
	if info != nil && int(info.Def>>3) >= size && kindOfElement(e.Code, info.Def) == valNumber {
		size = int(info.Def >> 3)
	}
	e.Def = byte(size)<<3 | byte(decimals)
	x := float64(n) / pow10[decimals]
	if neg {
		x = -x
	}
	e.Value = x
}
