package szy206

import "fmt"

// AppendEncode appends the wire form of f's envelope: Control, DIVS (when
// split), Address, AFN (+UserAFN), Data, then PW and Tp when present. The
// decoded fields (Readings, Link, …) are ignored; use the Append* builders
// to produce Data from values. Picture frames (f.Picture) are written with
// L = ceil(len(Data)/1024) and the 16-bit count.
func AppendEncode(dst []byte, f *Frame) ([]byte, error) {
	start := len(dst)
	dst = append(dst, StartByte, 0, StartByte, byte(f.Control))
	if f.Control.Split() {
		if f.DIVS == 0 {
			return dst[:start], fmt.Errorf("szy206: encode: %w: split frame with DIVS 0", ErrSyntax)
		}
		dst = append(dst, f.DIVS)
	}
	dst = append(dst, f.Address[:]...)
	dst = append(dst, byte(f.AFN))
	if f.AFN == AFNUser {
		dst = append(dst, f.UserAFN)
	}
	if f.Picture {
		n := len(f.Data)
		if n > MaxPictureL*pictureUnit {
			return dst[:start], fmt.Errorf("szy206: encode: %w: picture data %d bytes", ErrLength, n)
		}
		l := max(1, (n+pictureUnit-1)/pictureUnit)
		if int(f.PictureL) > MaxPictureL || f.PictureL != 0 && int(f.PictureL) < l {
			return dst[:start], fmt.Errorf("szy206: encode: %w: picture L %d for %d bytes", ErrLength, f.PictureL, n)
		}
		if f.PictureL != 0 {
			l = int(f.PictureL)
		}
		dst[start+1] = byte(l)
		dst = append(dst, byte(n), byte(n>>8))
		dst = append(dst, f.Data...)
	} else {
		dst = append(dst, f.Data...)
		if f.HasPassword {
			dst = append(dst, byte(f.Password>>8), byte(f.Password))
		}
		if f.HasTime {
			var err error
			if dst, err = appendTime(dst, f.Time); err != nil {
				return dst[:start], err
			}
		}
		l := len(dst) - start - 3
		if l > MaxUserData || l < minUserData {
			return dst[:start], fmt.Errorf("szy206: encode: %w: user data %d bytes", ErrLength, l)
		}
		dst[start+1] = byte(l)
	}
	dst = append(dst, CRC8(dst[start+3:]), EndByte)
	return dst, nil
}

func appendTime(dst []byte, t TimeTag) ([]byte, error) {
	if t.Len != 5 && t.Len != 7 {
		return dst, fmt.Errorf("szy206: encode: %w: time tag length %d", ErrLength, t.Len)
	}
	v := [6]uint8{t.Second, t.Minute, t.Hour, t.Day, t.Month, t.Year}
	limits := [6]uint8{59, 59, 23, 31, 12, 99}
	for k := 0; k < int(t.Len)-1; k++ {
		if v[k] > limits[k] {
			return dst, fmt.Errorf("szy206: encode: %w: time tag field %d = %d", ErrRange, k, v[k])
		}
		dst = append(dst, v[k]/10<<4|v[k]%10)
	}
	return append(dst, t.DelayMin), nil
}

// Report describes an uplink frame carrying real-time values: a self-report
// (AFN C0), alarm (81), manual data (82), input voltage (84) or a reply to
// a real-time query (B0).
type Report struct {
	Address Address
	AFN     AFN // AFNSelfReport when zero
	FCB     uint8
	Type    TypeCode // parameter class; sets the data layout
	// Readings in wire order. Flow class: flow₁, volume₁, flow₂, … (use
	// MissingReading for AAH fill); soil class: moisture, depth pairs;
	// quality class: KindQuality with Index = parameter bit, ascending;
	// SL/T 427 weather: air pressure, wind speed, air temperature.
	Readings []Reading
	Alarm    AlarmWord
	Status   StatusWord
	Time     *TimeTag // nil: no Tp
}

// AppendReport appends an uplink report frame built from r under profile p.
func AppendReport(dst []byte, r *Report, p Profile) ([]byte, error) {
	if err := p.Validate(); err != nil {
		return dst, err
	}
	afn := r.AFN
	if afn == 0 {
		afn = AFNSelfReport
	}
	if r.Type == TypeCommand || r.Type == TypeComposite && p.Edition == Edition2016 {
		return dst, fmt.Errorf("szy206: encode report: %w: type %s", ErrUnknownFunction, r.Type.Name(p.Edition, true))
	}
	f := Frame{Control: NewControl(true, false, r.FCB, r.Type), Address: r.Address, AFN: afn}
	var buf [MaxUserData]byte
	data := buf[:0]
	if err := checkKinds(r, &p); err != nil {
		return dst, err
	}
	if r.Type == TypeQuality {
		var mask [5]byte
		last := -1
		for _, q := range r.Readings {
			if int(q.Index) >= 40 || int(q.Index) <= last {
				return dst, fmt.Errorf("szy206: encode report: %w: quality parameter bits must ascend below 40", ErrRange)
			}
			last = int(q.Index)
			mask[q.Index/8] |= 1 << (q.Index % 8)
		}
		data = append(data, mask[:]...)
	}
	var err error
	for k := range r.Readings {
		q := &r.Readings[k]
		if q.Kind == KindRainStat {
			data = append(data, q.Aux)
		}
		if data, err = appendValue(data, q, &p); err != nil {
			return dst, err
		}
		if len(data) > MaxUserData {
			return dst, fmt.Errorf("szy206: encode report: %w: too many readings", ErrLength)
		}
	}
	if p.AlarmBigEndian {
		data = append(data, byte(r.Alarm>>8), byte(r.Alarm), byte(r.Status>>8), byte(r.Status))
	} else {
		data = append(data, byte(r.Alarm), byte(r.Alarm>>8), byte(r.Status), byte(r.Status>>8))
	}
	f.Data = data
	if r.Time != nil {
		if int(r.Time.Len) != p.TimeTagLen {
			return dst, fmt.Errorf("szy206: encode report: %w: %d-byte Tp in profile %q", ErrLength, r.Time.Len, p.Name)
		}
		f.Time, f.HasTime = *r.Time, true
	}
	return AppendEncode(dst, &f)
}

// checkKinds verifies that the readings fit the layout of r.Type.
func checkKinds(r *Report, p *Profile) error {
	bad := func(i int) error {
		return fmt.Errorf("szy206: encode report: %w: reading %d (%s) in class %s",
			ErrUnknownFunction, i, r.Readings[i].Kind, r.Type.Name(p.Edition, true))
	}
	for i, q := range r.Readings {
		var want Kind
		switch r.Type {
		case TypeFlow:
			want = [2]Kind{KindFlow, KindVolume}[i%2]
		case TypeSoil:
			want = [2]Kind{KindSoilMoisture, KindSoilDepth}[i%2]
		case TypeQuality:
			want = KindQuality
		case TypeWeather:
			if p.Edition == Edition2021 {
				if i >= 3 {
					return bad(i)
				}
				want = [3]Kind{KindAirPressure, KindWindSpeed, KindAirTemp}[i]
			} else {
				want = KindAirPressure
			}
		case TypeComposite:
			want = KindRainStat
		default:
			want = kindOf(r.Type, p)
		}
		if q.Kind != want {
			return bad(i)
		}
	}
	switch n := len(r.Readings); {
	case (r.Type == TypeFlow || r.Type == TypeSoil) && n%2 != 0:
		return fmt.Errorf("szy206: encode report: %w: readings must come in pairs", ErrLength)
	case r.Type == TypeWeather && p.Edition == Edition2021 && n != 0 && n != 3:
		return fmt.Errorf("szy206: encode report: %w: weather needs 3 readings", ErrLength)
	}
	return nil
}

// AppendConfirm appends the centre's reply to uplink frame req:
//   - AFN 02 link frames: data 00H (or the echoed link byte with
//     Profile.LinkReplyEcho);
//   - reports (C0, 81, 82, 83, 84): data = the work mode the terminal
//     should use;
//   - any split frame (DIV = 1, e.g. picture slices): the same AFN with DIV
//     and DIVS echoed and the work mode as data.
//
// The control byte has DIR = 0 and echoes FCB (and the type code when
// Profile.ConfirmKeepsType). tp, when not nil, is appended (the terminal
// sets its clock from it).
func AppendConfirm(dst []byte, req *Frame, p Profile, mode WorkMode, tp *TimeTag) ([]byte, error) {
	if !req.Control.Up() {
		return dst, fmt.Errorf("szy206: confirm: %w: request is a downlink frame", ErrUnknownFunction)
	}
	t := TypeCommand
	if p.ConfirmKeepsType {
		t = req.Control.Type()
	}
	f := Frame{Control: NewControl(false, req.Control.Split(), req.Control.FCB(), t),
		DIVS: req.DIVS, Address: req.Address, AFN: req.AFN, UserAFN: req.UserAFN}
	var data [1]byte
	switch {
	case req.AFN == AFNLink:
		if p.LinkReplyEcho {
			data[0] = byte(req.Link)
		}
	case isReportAFN(req.AFN), req.Control.Split():
		data[0] = byte(mode)
	default:
		return dst, fmt.Errorf("szy206: confirm: %w: AFN %02X is not confirmed", ErrUnknownFunction, byte(req.AFN))
	}
	f.Data = data[:]
	if tp != nil {
		f.Time, f.HasTime = *tp, true
	}
	return AppendEncode(dst, &f)
}

// Command describes a downlink command or query from the centre.
type Command struct {
	Address Address
	AFN     AFN
	UserAFN uint8
	FCB     uint8    // the initiator starts at 3 and decrements on retries
	Type    TypeCode // parameter class for queries; TypeCommand for commands
	Data    []byte
	Aux     // optional PW and Tp
}

// AppendCommand appends a downlink frame for c.
func AppendCommand(dst []byte, c *Command) ([]byte, error) {
	f := Frame{Control: NewControl(false, false, c.FCB, c.Type), Address: c.Address,
		AFN: c.AFN, UserAFN: c.UserAFN, Data: c.Data, Aux: c.Aux}
	return AppendEncode(dst, &f)
}

// AppendQuery appends a real-time value query (AFN B0) for class t.
func AppendQuery(dst []byte, addr Address, t TypeCode, fcb uint8, aux Aux) ([]byte, error) {
	return AppendCommand(dst, &Command{Address: addr, AFN: AFNQuery, FCB: fcb, Type: t, Aux: aux})
}

// AppendLink appends an uplink AFN 02 link frame (log-in, log-out, keep-alive).
func AppendLink(dst []byte, addr Address, code LinkCode, fcb uint8, tp *TimeTag) ([]byte, error) {
	f := Frame{Control: NewControl(true, false, fcb, TypeCommand), Address: addr, AFN: AFNLink,
		Data: []byte{byte(code)}}
	if tp != nil {
		f.Time, f.HasTime = *tp, true
	}
	return AppendEncode(dst, &f)
}
