package szy206

import "fmt"

// Settings commands whose AFN numbering PROTOCOLS.md §2.4 leaves open: the
// AFNs are profile settings (Profile.PasswordAFN, Profile.IntervalAFN) and
// the data layouts below follow the p206 list's descriptions; both are
// unverified with a real RTU.
//
// Change password (default 96H): data = the new password, 2 bytes in the
// PW layout (D15–D12 key 1, D11–D0 key 2, sent as the PW field is); the
// command also carries the current password as PW. The terminal answers
// with the same AFN and the new password.
//
// Set self-report types and intervals (default A1H): data = a 2-byte
// bitmap of the classes to self-report, low byte first, bit n−1 for type
// code n (D0 rain, D1 water level, D2 flow …), then for each set bit in
// rising order its interval in minutes, 2 bytes BCD low byte first
// (1–9999). The terminal answers with the same AFN and the settings it
// now uses.

// Default AFNs of the settings commands (unverified, PROTOCOLS.md §2.4).
const (
	DefaultPasswordAFN AFN = 0x96 // change password (p206 list)
	DefaultIntervalAFN AFN = 0xA1 // set self-report types & intervals (p206 list; vendor lists differ)
)

// MaxIntervalMin is the longest self-report interval the 4-digit BCD field holds.
const MaxIntervalMin = 9999

// ReportInterval is one parameter class's self-report interval.
type ReportInterval struct {
	Type    TypeCode
	Minutes int
}

// AppendPasswordData appends the data field of a change-password command
// or reply: the password pw in the PW layout.
func AppendPasswordData(dst []byte, pw uint16) []byte {
	return append(dst, byte(pw>>8), byte(pw))
}

// AppendIntervalData appends the data field of a set-interval command or
// reply. Classes must be distinct type codes 1–15 in rising order.
func AppendIntervalData(dst []byte, iv []ReportInterval) ([]byte, error) {
	if len(iv) == 0 {
		return dst, fmt.Errorf("szy206: intervals: %w: no class", ErrLength)
	}
	var bits uint16
	prev := TypeCode(0)
	for _, x := range iv {
		if x.Type < 1 || x.Type > 15 || x.Type <= prev {
			return dst, fmt.Errorf("szy206: intervals: %w: type code %d (1–15, rising, once each)", ErrSyntax, x.Type)
		}
		if x.Minutes < 1 || x.Minutes > MaxIntervalMin {
			return dst, fmt.Errorf("szy206: intervals: %w: %d minutes (1–%d)", ErrSyntax, x.Minutes, MaxIntervalMin)
		}
		bits |= 1 << (x.Type - 1)
		prev = x.Type
	}
	dst = append(dst, byte(bits), byte(bits>>8))
	for _, x := range iv {
		m := x.Minutes
		dst = append(dst, byte(m/10%10<<4|m%10), byte(m/1000<<4|m/100%10))
	}
	return dst, nil
}

// intervalDataLen returns the length of the interval data at b[i:end] from
// its bitmap, or an error with a frame offset.
func intervalDataLen(b []byte, i, end int) (int, error) {
	if end-i < 2 {
		return 0, perr(end, fmt.Errorf("%w: self-report class bitmap needs 2 bytes", ErrLength))
	}
	bits := uint16(b[i]) | uint16(b[i+1])<<8
	if bits == 0 || bits&0x8000 != 0 {
		return 0, perr(i, fmt.Errorf("%w: self-report class bitmap %04X", ErrSyntax, bits))
	}
	n := 0
	for ; bits != 0; bits &= bits - 1 {
		n++
	}
	return 2 + 2*n, nil
}

// ParsePassword returns the password in the data of a change-password
// frame (command or reply) decoded under p.
func ParsePassword(f *Frame, p Profile) (uint16, error) {
	if p.PasswordAFN == 0 || f.AFN != p.PasswordAFN {
		return 0, fmt.Errorf("szy206: AFN %02X is not the profile's change-password AFN %02X", byte(f.AFN), byte(p.PasswordAFN))
	}
	if len(f.Data) != 2 {
		return 0, fmt.Errorf("szy206: password data: %w: %d bytes, want 2", ErrLength, len(f.Data))
	}
	return uint16(f.Data[0])<<8 | uint16(f.Data[1]), nil
}

// ParseIntervals returns the classes and intervals in the data of a
// set-interval frame (command or reply) decoded under p. Offsets in its
// errors count from the start of the data field.
func ParseIntervals(f *Frame, p Profile) ([]ReportInterval, error) {
	if p.IntervalAFN == 0 || f.AFN != p.IntervalAFN {
		return nil, fmt.Errorf("szy206: AFN %02X is not the profile's set-interval AFN %02X", byte(f.AFN), byte(p.IntervalAFN))
	}
	d := f.Data
	n, err := intervalDataLen(d, 0, len(d))
	if err != nil {
		return nil, err
	}
	if n != len(d) {
		return nil, perr(len(d), fmt.Errorf("%w: %d data bytes, the bitmap names %d", ErrLength, len(d), n))
	}
	bits := uint16(d[0]) | uint16(d[1])<<8
	var out []ReportInterval
	j := 2
	for t := TypeCode(1); t <= 15; t++ {
		if bits&(1<<(t-1)) == 0 {
			continue
		}
		lo, ok1 := bcd2(d[j])
		hi, ok2 := bcd2(d[j+1])
		if !ok1 || !ok2 {
			return nil, perr(j, fmt.Errorf("%w: interval % X is not BCD", ErrSyntax, d[j:j+2]))
		}
		out = append(out, ReportInterval{Type: t, Minutes: int(hi)*100 + int(lo)})
		j += 2
	}
	return out, nil
}

// decodeSettings splits the data, PW (downlink only) and Tp of a
// change-password or set-interval frame; ok is false for other AFNs.
func (f *Frame) decodeSettings(b []byte, i, end int, p *Profile) (ok bool, err error) {
	var n int
	switch {
	case p.PasswordAFN != 0 && f.AFN == p.PasswordAFN:
		n = 2
	case p.IntervalAFN != 0 && f.AFN == p.IntervalAFN:
		if n, err = intervalDataLen(b, i, end); err != nil {
			return true, err
		}
	default:
		return false, nil
	}
	return true, f.splitAux(b, i, end, n, !f.Control.Up(), p)
}
