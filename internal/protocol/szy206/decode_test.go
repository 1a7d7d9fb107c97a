package szy206

import (
	"errors"
	"testing"
	"time"
)

// wrap builds 68 L 68 <user data> CS 16 independently of AppendEncode.
func wrap(t testing.TB, user string) []byte {
	t.Helper()
	u := mustHex(t, user)
	b := append([]byte{0x68, byte(len(u)), 0x68}, u...)
	return append(b, crcBitwise(u), 0x16)
}

func TestDecode(t *testing.T) {
	szy, be, sl := ProfileSZY206(), ProfileSZY206BE(), ProfileSLT427()
	tests := []struct {
		name  string
		frame []byte
		p     Profile
		check func(t *testing.T, f *Frame)
	}{
		{"26-byte C0 flow sample, little-endian profile",
			flowSample(t), szy,
			func(t *testing.T, f *Frame) {
				wantHeader(t, f, true, 3, TypeFlow, AFNSelfReport)
				wantRegion(t, f, 371502, 7)
				wantReadings(t, f, "flow/1=12.345 m3/s", "volume/1=204816 m3")
				if f.Readings[1].Raw != 204816 || f.Readings[1].Scale != 0 {
					t.Errorf("volume not exact: %+v", f.Readings[1])
				}
				wantState(t, f, AlarmACPower|AlarmRemaining, 0x0060)
				want := TimeTag{Second: 15, Minute: 30, Hour: 10, Day: 21, DelayMin: 5, Len: 5}
				if !f.HasTime || f.Time != want {
					t.Errorf("time tag %+v (has %v), want %+v", f.Time, f.HasTime, want)
				}
			}},
		{"26-byte C0 flow sample, big-endian profile", flowSample(t), be,
			func(t *testing.T, f *Frame) {
				wantRegion(t, f, 371502, 0x0700)
				wantState(t, f, AlarmQuality|AlarmPressure, 0x6000)
			}},
		{"21-byte C0 sample without Tp, flow not measured", noTimeSample(t), szy,
			func(t *testing.T, f *Frame) {
				wantReadings(t, f, "flow/1=missing", "volume/1=345678 m3")
				wantState(t, f, 0, 0x0101)
				if f.HasTime {
					t.Error("unexpected time tag")
				}
				if f.Status.WorkMode() != ModeSelfReport {
					t.Errorf("work mode %v", f.Status.WorkMode())
				}
			}},
		{"link log-in", wrap(t, "B05303810D0002F0"), szy,
			func(t *testing.T, f *Frame) {
				wantHeader(t, f, true, 3, TypeCommand, AFNLink)
				if f.Link != LinkLogin || f.HasTime {
					t.Errorf("link %v time %v", f.Link, f.HasTime)
				}
			}},
		{"link keep-alive with 5-byte Tp", wrap(t, "B05303810D0002F2 30201512 00"), szy,
			func(t *testing.T, f *Frame) {
				if f.Link != LinkKeepAlive || !f.HasTime || f.Time.Hour != 15 || f.Time.Day != 12 {
					t.Errorf("link %v time %+v", f.Link, f.Time)
				}
			}},
		{"centre confirm of C0 (hm1212 rule)", mustHex(t, "680868335303810D00C0003E16"), szy,
			func(t *testing.T, f *Frame) {
				wantHeader(t, f, false, 3, TypeFlow, AFNSelfReport)
				if !f.HasWorkMode || f.WorkMode != ModeCompatible {
					t.Errorf("work mode %v %v", f.HasWorkMode, f.WorkMode)
				}
			}},
		{"B0 query with PW and 7-byte Tp", wrap(t, "235303810D00B0 1234 00301512062503"), sl,
			func(t *testing.T, f *Frame) {
				wantHeader(t, f, false, 2, TypeFlow, AFNQuery)
				if !f.HasPassword || f.Password != 0x1234 {
					t.Errorf("password %04X %v", f.Password, f.HasPassword)
				}
				got, ok := f.Time.Time(time.Time{})
				want := time.Date(2025, 6, 12, 15, 30, 0, 0, beijing)
				if !ok || !got.Equal(want) || f.Time.DelayMin != 3 {
					t.Errorf("time %v ok=%v delay %d, want %v", got, ok, f.Time.DelayMin, want)
				}
			}},
		{"B0 reply, two levels, one negative", wrap(t, "B25303810D00B0 34120000 341201F2 0000 0000"), szy,
			func(t *testing.T, f *Frame) {
				wantReadings(t, f, "level/1=1.234 m", "level/2=-2011.234 m")
			}},
		{"groundwater depth profile", wrap(t, "B25303810D00C0 50120000 0000 0000"), func() Profile { p := szy; p.LevelIsDepth = true; return p }(),
			func(t *testing.T, f *Frame) { wantReadings(t, f, "depth/1=1.250 m") }},
		{"SL/T 427 flow with unit flag: negative m3/h", wrap(t, "B35303810D00C0 00590000F3 8261100000 0000 0000"), sl,
			func(t *testing.T, f *Frame) {
				wantReadings(t, f, "flow/1=-300005.900 m3/h", "volume/1=106182 m3")
				if got := f.Readings[0].FlowM3s(); got > -83.3 || got < -83.4 {
					t.Errorf("FlowM3s = %v", got)
				}
			}},
		{"SZY 206 negative flow sign nibble", wrap(t, "B35303810D00C0 00590000F0 8261100080 0000 0000"), szy,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "flow/1=-5.900 m3/s", "volume/1=-106182 m3") }},
		{"rain and evaporation", wrap(t, "B15303810D00C0 341200 991900 0000 0000"), szy,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "rain/1=123.4 mm", "rain/2=199.9 mm") }},
		{"negative velocity", wrap(t, "B45303810D00C0 5634F1 0000 0000"), szy,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "velocity/1=-13.456 m/s") }},
		{"gate position", wrap(t, "B55303810D00C0 503401 0000 0000"), szy,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "gate/1=134.50 m") }},
		{"power", wrap(t, "B65303810D00C0 563412 0000 0000"), szy,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "power/1=123456 kW") }},
		{"SL/T 427 electricity", wrap(t, "B85303810D00C0 56341200 0000 0000"), sl,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "electricity/1=1234.56 kWh") }},
		{"SZY 206 wind speed with direction", wrap(t, "B85303810D00C0 502135 0000 0000"), szy,
			func(t *testing.T, f *Frame) {
				wantReadings(t, f, "wind_speed/1=521.50 m/s")
				if f.Readings[0].Aux != 3 {
					t.Errorf("direction %d", f.Readings[0].Aux)
				}
			}},
		{"SL/T 427 weather", wrap(t, "B75303810D00C0 131000 502132 55F1 0000 0000"), sl,
			func(t *testing.T, f *Frame) {
				wantReadings(t, f, "air_pressure/1=1013 hPa", "wind_speed/1=221.50 m/s", "air_temperature/1=-15.5 degC")
			}},
		{"water temperature", wrap(t, "B95303810D00C0 5501 0000 0000"), szy,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "water_temperature/1=15.5 degC") }},
		{"water pressure", wrap(t, "BF5303810D00C0 25013000 0000 0000"), szy,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "pressure/1=3001.25 kPa") }},
		{"water quality bitmap", wrap(t, "BA5303810D00C0 0102000000 21070000 00500000 0000 0000"), szy,
			func(t *testing.T, f *Frame) {
				wantReadings(t, f, "water_quality/0=721", "water_quality/9=5000")
			}},
		{"soil moisture", wrap(t, "BB5303810D00C0 5502 2001 0000 0000"), szy,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "soil_moisture/1=25.5", "soil_depth/1=120 cm") }},
		{"evaporation", wrap(t, "BC5303810D00C0 551201 0000 0000"), szy,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "evaporation/1=1125.5 mm") }},
		{"input voltage self-report (AFN 84)", wrap(t, "BD5303810D0084 3412 0000 4000"), sl,
			func(t *testing.T, f *Frame) {
				wantReadings(t, f, "voltage/1=12.34 V")
				if !f.Status.OnBattery() {
					t.Error("status D6 not decoded")
				}
			}},
		{"alarm report (AFN 81) without values", wrap(t, "BD5303810D0081 0820 0000"), szy,
			func(t *testing.T, f *Frame) {
				wantReadings(t, f)
				wantState(t, f, AlarmFlow|AlarmDoor, 0)
			}},
		{"manual data (AFN 82) rain", wrap(t, "B15303810D0082 100000 0000 0000 0000091000"), szy,
			func(t *testing.T, f *Frame) { wantReadings(t, f, "rain/1=1.0 mm") }},
		{"SL/T 427 statistical rain", wrap(t, "BE5303810D00C0 41 250000 0000 0000"), sl,
			func(t *testing.T, f *Frame) {
				wantReadings(t, f, "rain_stat/1=2.5 mm")
				if f.Readings[0].Aux != 0x41 {
					t.Errorf("rain type %02X", f.Readings[0].Aux)
				}
			}},
		{"SZY 206 composite: rain + flow", wrap(t, "BE5303810D00C0 A0 100000 0059000000 8261100000 0000 0000"), szy,
			func(t *testing.T, f *Frame) {
				wantReadings(t, f, "rain/1=1.0 mm", "flow/1=5.900 m3/s", "volume/1=106182 m3")
			}},
		{"mode-2 address", wrap(t, "B30012345678C0 0059000000 8261100000 0000 0000"), szy,
			func(t *testing.T, f *Frame) {
				if f.Address.Mode() != 2 || f.Address.Code() != 0x12345678 {
					t.Errorf("mode %d code %08X", f.Address.Mode(), f.Address.Code())
				}
			}},
		{"user-defined AFN", wrap(t, "B05303810D00FF07 0102"), szy,
			func(t *testing.T, f *Frame) {
				if f.AFN != AFNUser || f.UserAFN != 7 || len(f.Data) != 2 {
					t.Errorf("AFN %02X/%02X data % X", byte(f.AFN), f.UserAFN, f.Data)
				}
			}},
		{"other AFN kept raw", wrap(t, "B05303810D0051 00301512062503"), sl,
			func(t *testing.T, f *Frame) {
				if f.AFN != 0x51 || len(f.Data) != 7 || f.HasState || f.HasTime {
					t.Errorf("AFN %02X data % X", byte(f.AFN), f.Data)
				}
			}},
		{"split fragment kept raw", wrap(t, "F3025303810D00C0 0059000000"), szy,
			func(t *testing.T, f *Frame) {
				if !f.Control.Split() || f.DIVS != 2 || len(f.Data) != 5 || len(f.Readings) != 0 {
					t.Errorf("split %v DIVS %d data % X", f.Control.Split(), f.DIVS, f.Data)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Decode(tt.frame, tt.p)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			tt.check(t, f)
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	good := flowSample(t)
	mut := func(i int, v byte) []byte {
		b := append([]byte(nil), good...)
		b[i] = v
		return b
	}
	tests := []struct {
		name    string
		frame   []byte
		p       Profile
		want    error
		wantOff int
	}{
		{"bad check byte", mut(29, good[29]^1), ProfileSZY206(), ErrChecksum, 29},
		{"payload bit flip", mut(12, good[12]^1), ProfileSZY206(), ErrChecksum, 29},
		{"truncated", good[:20], ProfileSZY206(), ErrTruncated, 20},
		{"too short for a header", good[:3], ProfileSZY206(), ErrTruncated, 3},
		{"bad start byte", mut(0, 0x69), ProfileSZY206(), ErrSyntax, 0},
		{"bad second start byte", mut(2, 0x00), ProfileSZY206(), ErrSyntax, 2},
		{"bad end byte", mut(30, 0x17), ProfileSZY206(), ErrSyntax, 30},
		{"trailing bytes", append(append([]byte(nil), good...), 0x00), ProfileSZY206(), ErrLength, 31},
		{"L = 0", mustHex(t, "680068C016"), ProfileSZY206(), ErrLength, 1},
		{"5-byte Tp under SL/T 427", good, ProfileSLT427(), ErrLength, 10},
		{"zero profile", good, Profile{}, nil, -1},
		{"bad BCD in flow", wrap(t, "B35303810D00C0 005A000000 8261100000 0000 0000"), ProfileSZY206(), ErrSyntax, 11},
		{"bad sign nibble in level", wrap(t, "B25303810D00C0 34120050 0000 0000"), ProfileSZY206(), ErrSyntax, 13},
		{"bad unit bits in SL/T 427 flow", wrap(t, "B35303810D00C0 0059000010 8261100000 0000 0000"), ProfileSLT427(), ErrSyntax, 14},
		{"hour 25 in time tag", wrap(t, "B35303810D00C0 0059000000 8261100000 0000 0000 00452509 0A"), ProfileSZY206(), ErrSyntax, 26},
		{"day 0 in time tag", wrap(t, "B35303810D00C0 0059000000 8261100000 0000 0000 00450800 0A"), ProfileSZY206(), ErrSyntax, 27},
		{"flow data not a multiple of 10", wrap(t, "B35303810D00C0 0059000000 82611000 0000 0000"), ProfileSZY206(), ErrLength, 10},
		{"link frame with stray bytes", wrap(t, "B05303810D0002F0 0000"), ProfileSZY206(), ErrLength, 11},
		{"DIVS = 0", wrap(t, "F3005303810D00C0 00"), ProfileSZY206(), ErrSyntax, 4},
		{"split frame too short", wrap(t, "F3025303810D00"), ProfileSZY206(), ErrLength, 5},
		{"picture count over L×1K", mustHex(t, "680168F0024406070001610104"), ProfileSZY206(), ErrLength, 11},
		{"unknown type code in quality bitmap length", wrap(t, "BA5303810D00C0 0300000000 21070000 0000 0000"), ProfileSZY206(), ErrLength, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.frame, tt.p)
			if err == nil {
				t.Fatal("Decode succeeded")
			}
			if tt.want == nil {
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err %T is not a *ParseError", err)
			}
			if pe.Offset != tt.wantOff {
				t.Errorf("offset %d, want %d (%v)", pe.Offset, tt.wantOff, err)
			}
		})
	}
}

func TestTimeTagResolve(t *testing.T) {
	tag := TimeTag{Second: 0, Minute: 45, Hour: 8, Day: 31, DelayMin: 10, Len: 5}
	tests := []struct {
		name string
		ref  time.Time
		want time.Time
		ok   bool
	}{
		{"same month", time.Date(2025, 1, 31, 1, 0, 0, 0, time.UTC), time.Date(2025, 1, 31, 8, 45, 0, 0, beijing), true},
		{"previous month across a year", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 12, 31, 8, 45, 0, 0, beijing), true},
		{"skips a 30-day month", time.Date(2025, 4, 2, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 31, 8, 45, 0, 0, beijing), true},
		{"no reference", time.Time{}, time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tag.Time(tt.ref)
			if ok != tt.ok || !got.Equal(tt.want) {
				t.Errorf("Time = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestAddress(t *testing.T) {
	tests := []struct {
		name    string
		region  uint32
		station uint16
		be      bool
		want    string
	}{
		{"Liaocheng little-endian", 371502, 13, false, "3715020d00"},
		{"big-endian", 440607, 1, true, "4406070001"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := RegionAddress(tt.region, tt.station, tt.be)
			if err != nil {
				t.Fatal(err)
			}
			if a.String() != tt.want {
				t.Errorf("address %s, want %s", a, tt.want)
			}
			r, ok := a.Region()
			if !ok || r != tt.region || a.Station(tt.be) != tt.station || a.Mode() != 1 {
				t.Errorf("round trip: region %d %v station %d", r, ok, a.Station(tt.be))
			}
		})
	}
	if _, err := RegionAddress(1234567, 1, false); !errors.Is(err, ErrRange) {
		t.Errorf("7-digit region: err %v", err)
	}
}
