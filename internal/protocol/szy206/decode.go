package szy206

import (
	"fmt"
	"math/bits"
)

// Decode decodes one complete frame (68H … 16H) under profile p.
// On error the returned *ParseError gives the byte offset.
func Decode(b []byte, p Profile) (*Frame, error) {
	f := new(Frame)
	if err := DecodeInto(f, b, p); err != nil {
		return nil, err
	}
	return f, nil
}

// DecodeInto decodes b into f, reusing f's storage; it does not allocate
// when f.Readings has enough capacity. f.Data aliases b. On error f holds
// whatever was decoded before the error.
func DecodeInto(f *Frame, b []byte, p Profile) error {
	f.reset()
	if p.TimeTagLen != 5 && p.TimeTagLen != 7 {
		return p.Validate()
	}
	f.Profile = p
	if len(b) < 5 {
		return perr(len(b), ErrTruncated)
	}
	if b[0] != StartByte {
		return perr(0, fmt.Errorf("%w: start byte %02X", ErrSyntax, b[0]))
	}
	if b[2] != StartByte {
		return perr(2, fmt.Errorf("%w: second start byte %02X", ErrSyntax, b[2]))
	}
	L := int(b[1])
	var end int // index of CS
	switch {
	case L == 0:
		return perr(1, fmt.Errorf("%w: L = 0", ErrLength))
	case L <= MaxPictureL:
		n, err := pictureLen(b)
		if err != nil {
			return err
		}
		f.Picture, f.PictureL = true, uint8(L)
		end = n - 2
	default:
		end = 3 + L
	}
	if len(b) < end+2 {
		return perr(len(b), ErrTruncated)
	}
	if len(b) > end+2 {
		return perr(end+2, fmt.Errorf("%w: %d bytes after the end of the frame", ErrLength, len(b)-end-2))
	}
	if b[end+1] != EndByte {
		return perr(end+1, fmt.Errorf("%w: end byte %02X", ErrSyntax, b[end+1]))
	}
	if cs := CRC8(b[3:end]); cs != b[end] {
		return perr(end, fmt.Errorf("%w: CS %02X, computed %02X", ErrChecksum, b[end], cs))
	}

	// User-data area b[3:end].
	i := 3
	f.Control = Control(b[i])
	i++
	if f.Control.Split() {
		if i >= end {
			return perr(i, ErrLength)
		}
		f.DIVS = b[i]
		if f.DIVS == 0 {
			return perr(i, fmt.Errorf("%w: DIVS = 0", ErrSyntax))
		}
		i++
	}
	if end-i < 6 {
		return perr(i, fmt.Errorf("%w: user data too short for address and AFN", ErrLength))
	}
	copy(f.Address[:], b[i:i+5])
	if f.Address.Mode() == 1 {
		f.Station = f.Address.Station(p.StationBigEndian)
	}
	i += 5
	f.AFN = AFN(b[i])
	i++
	if f.AFN == AFNUser {
		if i >= end {
			return perr(i, fmt.Errorf("%w: user-defined AFN without second byte", ErrLength))
		}
		f.UserAFN = b[i]
		i++
	}
	if f.Picture {
		f.Data = b[i+2 : end]
		return nil
	}
	body := b[i:end]
	up := f.Control.Up()
	switch {
	case f.Control.Split():
		f.Data = body // a fragment: interpret after reassembly
	case f.AFN == AFNLink:
		if err := f.splitAux(b, i, end, 1, false, &p); err != nil {
			return err
		}
		f.Link = LinkCode(f.Data[0])
	case up && f.isRealtime(&p):
		return f.decodeRealtime(b, i, end, &p)
	case !up && isReportAFN(f.AFN):
		if err := f.splitAux(b, i, end, 1, false, &p); err != nil {
			return err
		}
		f.WorkMode, f.HasWorkMode = WorkMode(f.Data[0]), true
	case !up && f.AFN == p.RealtimeQueryAFN:
		return f.splitAux(b, i, end, 0, true, &p)
	default:
		if ok, err := f.decodeSettings(b, i, end, &p); ok {
			return err
		}
		f.Data = body
	}
	return nil
}

// pictureLen returns the total length of the picture frame starting at b[0]
// (L ≤ MaxPictureL), or an error if the header is short or implausible.
func pictureLen(b []byte) (int, error) {
	h := 4 // C
	if len(b) <= 3 {
		return 0, perr(len(b), ErrTruncated)
	}
	if Control(b[3]).Split() {
		h++
	}
	h += 5 + 1 // A, AFN
	if len(b) > h-1 && AFN(b[h-1]) == AFNUser {
		h++ // the user-defined AFN's second byte comes before the count
	}
	if len(b) < h+2 {
		return 0, perr(len(b), ErrTruncated)
	}
	n := int(b[h]) | int(b[h+1])<<8
	if n > int(b[1])*pictureUnit {
		return 0, perr(h, fmt.Errorf("%w: picture data %d bytes for L = %d", ErrLength, n, b[1]))
	}
	return h + 2 + n + 2, nil
}

func isReportAFN(a AFN) bool {
	switch a {
	case AFNSelfReport, AFNAlarm, AFNManual, AFNPicture, AFNVoltage:
		return true
	}
	return false
}

// isRealtime reports whether an uplink frame's data is real-time values
// plus the alarm and status words.
func (f *Frame) isRealtime(p *Profile) bool {
	switch f.AFN {
	case AFNSelfReport, AFNAlarm, AFNManual, AFNVoltage:
	default:
		if f.AFN != p.RealtimeQueryAFN {
			return false
		}
	}
	return f.Control.Type() != TypeCommand
}

// splitAux separates data of dataLen bytes from an optional PW (if pw) and
// an optional Tp in b[i:end].
func (f *Frame) splitAux(b []byte, i, end, dataLen int, pw bool, p *Profile) error {
	rem := end - i - dataLen
	tp := p.TimeTagLen
	if rem < 0 {
		return perr(end, fmt.Errorf("%w: need %d data bytes, have %d", ErrLength, dataLen, end-i))
	}
	f.Data = b[i : i+dataLen]
	j := i + dataLen
	switch {
	case rem == 0:
		return nil
	case rem == tp:
	case pw && rem == 2:
	case pw && rem == 2+tp:
	default:
		return perr(j, fmt.Errorf("%w: %d bytes after %d data bytes fit neither PW nor a %d-byte Tp", ErrLength, rem, dataLen, tp))
	}
	if pw && (rem == 2 || rem == 2+tp) {
		f.Password, f.HasPassword = uint16(b[j])<<8|uint16(b[j+1]), true
		j += 2
	}
	if j < end {
		return f.parseTime(b, j, p)
	}
	return nil
}

func bcd2(x byte) (uint8, bool) {
	hi, lo := x>>4, x&0x0F
	return hi*10 + lo, hi <= 9 && lo <= 9
}

// parseTime reads a Tp of p.TimeTagLen bytes at b[j].
func (f *Frame) parseTime(b []byte, j int, p *Profile) error {
	n := p.TimeTagLen
	t := TimeTag{Len: uint8(n)}
	limits := [6]uint8{59, 59, 23, 31, 12, 99}
	var v [6]uint8
	for k := 0; k < n-1; k++ {
		x, ok := bcd2(b[j+k])
		if !ok || x > limits[k] || (k >= 3 && x == 0 && k != 5) {
			return perr(j+k, fmt.Errorf("%w: time tag byte %02X", ErrSyntax, b[j+k]))
		}
		v[k] = x
	}
	t.Second, t.Minute, t.Hour, t.Day = v[0], v[1], v[2], v[3]
	if n == 7 {
		t.Month, t.Year = v[4], v[5]
	}
	t.DelayMin = b[j+n-1]
	f.Time, f.HasTime = t, true
	return nil
}

// elemFit reports whether n bytes (values + 4 state bytes) are a valid data
// field for type code t whose data starts at d.
func elemFit(t TypeCode, d []byte, n int, p *Profile) bool {
	if n < 4 {
		return false
	}
	v := n - 4
	switch t {
	case TypeQuality:
		if v < 5 {
			return false
		}
		return v == 5+4*popcount5(d)
	case TypeComposite:
		if p.Edition == Edition2021 {
			return v%4 == 0
		}
		if v < 1 {
			return false
		}
		return v == 1+compositeLen(d[0], p)
	case TypeWeather:
		if p.Edition == Edition2021 {
			return v == 0 || v == 8
		}
	}
	s := typeElemSize(t, p)
	return s > 0 && v%s == 0
}

func popcount5(d []byte) int {
	return bits.OnesCount32(uint32(d[0])|uint32(d[1])<<8|uint32(d[2])<<16|uint32(d[3])<<24) + bits.OnesCount8(d[4])
}

// Composite (SZY 206 type 1110) parameter bits, D7 first, and their sizes.
var compositeTypes = [8]TypeCode{TypeRain, TypeLevel, TypeFlow, TypeGate, TypeWeather, TypePower, TypeSoil, TypePressure}

func compositeLen(mask byte, p *Profile) int {
	n := 0
	for k, t := range compositeTypes {
		if mask&(0x80>>k) != 0 {
			if t == TypeWeather {
				n += 8
			} else {
				n += typeElemSize(t, p)
			}
		}
	}
	return n
}

// typeElemSize is the size of one gauge's values for a fixed-size class.
func typeElemSize(t TypeCode, p *Profile) int {
	switch t {
	case TypeRain, TypeVelocity, TypeGate, TypePower, TypeEvaporation:
		return 3
	case TypeLevel, TypeSoil, TypePressure:
		return 4
	case TypeFlow:
		return 10
	case TypeWaterTemp, TypeAlarm:
		return 2
	case TypeWeather: // SZY 206 air pressure
		return 3
	case TypeElectricity:
		if p.Edition == Edition2021 {
			return 4
		}
		return 3 // SZY 206 wind speed
	}
	return 0
}

// decodeRealtime decodes values + alarm/status + optional Tp in b[i:end].
func (f *Frame) decodeRealtime(b []byte, i, end int, p *Profile) error {
	t := f.Control.Type()
	body := b[i:end]
	n := len(body)
	tp := p.TimeTagLen
	// Peek at the bitmap bytes needed by elemFit.
	need := 0
	switch t {
	case TypeQuality:
		need = 5
	case TypeComposite:
		need = 1
	}
	if n < need {
		return perr(end, fmt.Errorf("%w: %d data bytes", ErrLength, n))
	}
	fitNo := elemFit(t, body, n, p)
	fitTp := n >= tp && elemFit(t, body, n-tp, p)
	var dn int
	switch {
	case fitNo && fitTp:
		// Ambiguous only for odd layouts: prefer a Tp when it parses.
		dn = n - tp
		if err := f.parseTime(b, i+dn, p); err != nil {
			f.HasTime = false
			dn = n
		}
	case fitTp:
		dn = n - tp
		if err := f.parseTime(b, i+dn, p); err != nil {
			return err
		}
	case fitNo:
		dn = n
	default:
		return perr(i, fmt.Errorf("%w: %d bytes do not fit type %s with or without a %d-byte Tp",
			ErrLength, n, t.Name(p.Edition, true), tp))
	}
	d := body[:dn]
	st := d[dn-4:]
	if p.AlarmBigEndian {
		f.Alarm = AlarmWord(uint16(st[0])<<8 | uint16(st[1]))
		f.Status = StatusWord(uint16(st[2])<<8 | uint16(st[3]))
	} else {
		f.Alarm = AlarmWord(uint16(st[1])<<8 | uint16(st[0]))
		f.Status = StatusWord(uint16(st[3])<<8 | uint16(st[2]))
	}
	f.HasState = true
	f.Data = d
	return f.decodeValues(t, d[:dn-4], i, p)
}

// decodeValues appends the readings of type class t found in v (at frame offset off).
func (f *Frame) decodeValues(t TypeCode, v []byte, off int, p *Profile) error {
	switch t {
	case TypeFlow:
		for j := 0; j+10 <= len(v); j += 10 {
			idx := uint8(j/10 + 1)
			if err := f.value(KindFlow, idx, v, j, off, p); err != nil {
				return err
			}
			if err := f.value(KindVolume, idx, v, j+5, off, p); err != nil {
				return err
			}
		}
	case TypeSoil:
		for j := 0; j+4 <= len(v); j += 4 {
			idx := uint8(j/4 + 1)
			if err := f.value(KindSoilMoisture, idx, v, j, off, p); err != nil {
				return err
			}
			if err := f.value(KindSoilDepth, idx, v, j+2, off, p); err != nil {
				return err
			}
		}
	case TypeQuality:
		j := 5
		for bit := range 40 {
			if v[bit/8]&(1<<(bit%8)) == 0 {
				continue
			}
			if err := f.value(KindQuality, uint8(bit), v, j, off, p); err != nil {
				return err
			}
			j += 4
		}
	case TypeWeather:
		if p.Edition == Edition2021 {
			if len(v) == 0 {
				return nil
			}
			for _, e := range [3]struct {
				k Kind
				o int
			}{{KindAirPressure, 0}, {KindWindSpeed, 3}, {KindAirTemp, 6}} {
				if err := f.value(e.k, 1, v, e.o, off, p); err != nil {
					return err
				}
			}
			return nil
		}
		return f.values(KindAirPressure, v, off, p)
	case TypeComposite:
		if p.Edition == Edition2021 {
			for j := 0; j+4 <= len(v); j += 4 {
				if err := f.value(KindRainStat, uint8(j/4+1), v, j+1, off, p); err != nil {
					return err
				}
				f.Readings[len(f.Readings)-1].Aux = v[j]
			}
			return nil
		}
		mask := v[0]
		j := 1
		for k, ct := range compositeTypes {
			if mask&(0x80>>k) == 0 {
				continue
			}
			sz := typeElemSize(ct, p)
			if ct == TypeWeather {
				sz = 8
			}
			// Composite decoding reuses the class decoders on one gauge.
			q := *p
			if ct == TypeWeather {
				q.Edition = Edition2021
			}
			if err := f.decodeValues(ct, v[j:j+sz], off+j, &q); err != nil {
				return err
			}
			j += sz
		}
	default:
		k := kindOf(t, p)
		if k == 0 {
			return perr(off, fmt.Errorf("%w: type code %d", ErrUnknownFunction, t))
		}
		return f.values(k, v, off, p)
	}
	return nil
}

func kindOf(t TypeCode, p *Profile) Kind {
	switch t {
	case TypeRain:
		return KindRain
	case TypeLevel:
		if p.LevelIsDepth {
			return KindDepth
		}
		return KindLevel
	case TypeVelocity:
		return KindVelocity
	case TypeGate:
		return KindGate
	case TypePower:
		return KindPower
	case TypeElectricity:
		if p.Edition == Edition2021 {
			return KindElectricity
		}
		return KindWindSpeed
	case TypeWaterTemp:
		return KindWaterTemp
	case TypeEvaporation:
		return KindEvaporation
	case TypeAlarm:
		return KindVoltage
	case TypePressure:
		return KindPressure
	}
	return 0
}

// values decodes consecutive values of one kind filling v.
func (f *Frame) values(k Kind, v []byte, off int, p *Profile) error {
	s := specs[k].size
	for j := 0; j+s <= len(v); j += s {
		if err := f.value(k, uint8(j/s+1), v, j, off, p); err != nil {
			return err
		}
	}
	return nil
}

func (f *Frame) value(k Kind, idx uint8, v []byte, j, off int, p *Profile) error {
	r, bad := decodeValue(k, idx, v[j:j+specs[k].size], p)
	if bad >= 0 {
		return perr(off+j+bad, fmt.Errorf("%w: %s value byte %02X", ErrSyntax, k, v[j+bad]))
	}
	f.Readings = append(f.Readings, r)
	return nil
}
