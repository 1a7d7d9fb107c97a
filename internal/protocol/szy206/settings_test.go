package szy206

import (
	"bytes"
	"errors"
	"testing"
)

// TestSettingsRoundTrip: the change-password and set-interval commands and
// the terminal's replies decode to what was encoded, under the default AFNs
// and under a profile that numbers them differently.
func TestSettingsRoundTrip(t *testing.T) {
	other := ProfileSZY206()
	other.Name, other.PasswordAFN, other.IntervalAFN = "vendor", 0x1C, 0x20
	tp := TimeTag{Second: 5, Minute: 4, Hour: 3, Day: 2, Len: 5}
	ivs := []ReportInterval{{Type: 1, Minutes: 5}, {Type: TypeFlow, Minutes: 1440}}
	ivData, err := AppendIntervalData(nil, ivs)
	if err != nil {
		t.Fatal(err)
	}
	// Bitmap D0 + D2 low byte first, then 0005 and 1440 as BCD low byte first.
	if want := []byte{0x05, 0x00, 0x05, 0x00, 0x40, 0x14}; !bytes.Equal(ivData, want) {
		t.Fatalf("interval data % X, want % X", ivData, want)
	}
	for _, p := range []Profile{ProfileSZY206(), ProfileSLT427(), other} {
		tp.Len, tp.Month, tp.Year = uint8(p.TimeTagLen), 0, 0
		if p.TimeTagLen == 7 {
			tp.Month, tp.Year = 6, 25
		}
		for _, up := range []bool{false, true} {
			pwCmd := Frame{Control: NewControl(up, false, 3, TypeCommand), Address: testAddr(t), AFN: p.PasswordAFN,
				Data: AppendPasswordData(nil, 0x4567)}
			ivCmd := Frame{Control: NewControl(up, false, 3, TypeFlow), Address: testAddr(t), AFN: p.IntervalAFN, Data: ivData}
			if !up { // the centre signs and stamps its commands
				pwCmd.Aux = Aux{Password: 0x0123, HasPassword: true, Time: tp, HasTime: true}
				ivCmd.Aux = Aux{Password: 0x0123, HasPassword: true}
			}
			b, err := AppendEncode(nil, &pwCmd)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Decode(b, p)
			if err != nil {
				t.Fatalf("%s up=%v: %v", p.Name, up, err)
			}
			if pw, err := ParsePassword(f, p); err != nil || pw != 0x4567 || f.HasPassword != !up || !up && (f.Password != 0x0123 || f.Time != tp) {
				t.Errorf("%s up=%v password: %04X %v, PW %04X (%v), Tp %+v", p.Name, up, pw, err, f.Password, f.HasPassword, f.Time)
			}
			if b, err = AppendEncode(nil, &ivCmd); err != nil {
				t.Fatal(err)
			}
			if f, err = Decode(b, p); err != nil {
				t.Fatalf("%s up=%v: %v", p.Name, up, err)
			}
			got, err := ParseIntervals(f, p)
			if err != nil || len(got) != 2 || got[0] != ivs[0] || got[1] != ivs[1] || f.HasPassword != !up {
				t.Errorf("%s up=%v intervals: %+v %v", p.Name, up, got, err)
			}
			if _, err := ParsePassword(f, p); err == nil {
				t.Errorf("%s: an interval frame read as a password", p.Name)
			}
		}
	}
	// A profile without the settings AFNs keeps such frames raw.
	none := ProfileSZY206()
	none.PasswordAFN, none.IntervalAFN = 0, 0
	b, _ := AppendEncode(nil, &Frame{Control: NewControl(true, false, 3, 0), Address: testAddr(t), AFN: 0x96, Data: []byte{1, 2, 3}})
	if f, err := Decode(b, none); err != nil || len(f.Data) != 3 {
		t.Fatalf("raw AFN 96: %v", err)
	}
}

func TestSettingsErrors(t *testing.T) {
	p := ProfileSZY206()
	for _, tt := range []struct {
		name string
		user string
		want error
		off  int
	}{
		{"password data short", "B0 3715020D00 96 45", ErrLength, 11},
		{"password reply with stray bytes", "B0 3715020D00 96 4567 00", ErrLength, 12},
		{"interval bitmap empty", "B0 3715020D00 A1 0000", ErrSyntax, 10},
		{"interval bitmap bit 15", "B0 3715020D00 A1 0080 0500", ErrSyntax, 10},
		{"interval bitmap without intervals", "B0 3715020D00 A1 0500 0500", ErrLength, 14},
		{"interval bitmap short", "B0 3715020D00 A1 05", ErrLength, 11},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(wrap(t, tt.user), p)
			var pe *ParseError
			if !errors.Is(err, tt.want) || !errors.As(err, &pe) || pe.Offset != tt.off {
				t.Errorf("err = %v, want %v at byte %d", err, tt.want, tt.off)
			}
		})
	}
	f, err := Decode(wrap(t, "B0 3715020D00 A1 0100 0A00"), p)
	if err != nil {
		t.Fatal(err)
	}
	var pe *ParseError
	if _, err := ParseIntervals(f, p); !errors.Is(err, ErrSyntax) || !errors.As(err, &pe) || pe.Offset != 2 {
		t.Errorf("bad BCD interval: %v", err)
	}
	for _, bad := range [][]ReportInterval{nil, {{Type: 0, Minutes: 5}}, {{Type: 3, Minutes: 5}, {Type: 1, Minutes: 5}},
		{{Type: 1, Minutes: 0}}, {{Type: 1, Minutes: 10000}}, {{Type: 16, Minutes: 5}}} {
		if _, err := AppendIntervalData(nil, bad); err == nil {
			t.Errorf("%+v encoded", bad)
		}
	}
	for _, q := range []func(*Profile){
		func(q *Profile) { q.PasswordAFN = AFNSelfReport },
		func(q *Profile) { q.IntervalAFN = AFNQuery },
		func(q *Profile) { q.IntervalAFN = q.PasswordAFN },
		func(q *Profile) { q.PasswordAFN = AFNLink },
	} {
		bad := ProfileSZY206()
		q(&bad)
		if bad.Validate() == nil {
			t.Errorf("profile %+v validates", bad)
		}
	}
	for _, good := range Presets() {
		if err := good.Validate(); err != nil || good.PasswordAFN != DefaultPasswordAFN || good.IntervalAFN != DefaultIntervalAFN {
			t.Errorf("preset %s: %v, AFNs %02X %02X", good.Name, err, byte(good.PasswordAFN), byte(good.IntervalAFN))
		}
	}
}
