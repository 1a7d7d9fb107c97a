package szy206

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

func testAddr(t testing.TB) Address {
	a, err := RegionAddress(371502, 13, false)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestReportRoundTrip(t *testing.T) {
	szy, sl, be := ProfileSZY206(), ProfileSLT427(), ProfileSZY206BE()
	at := time.Date(2025, 7, 1, 10, 20, 30, 0, time.UTC)
	tp5, tp7 := NewTimeTag(at, 5, 5), NewTimeTag(at, 0, 7)
	flowH := NewReading(KindFlow, 1, 360.5)
	flowH.Unit = UnitM3h
	wind := NewReading(KindWindSpeed, 1, 3.25)
	wind.Aux = 7
	stat := NewReading(KindRainStat, 1, 12.5)
	stat.Aux = 0x81
	q0, q9 := NewReading(KindQuality, 0, 721), NewReading(KindQuality, 9, 5000)
	q0.Index, q9.Index = 0, 9
	tests := []struct {
		name string
		p    Profile
		r    Report
	}{
		{"flow and volume, two meters, Tp5", szy, Report{Type: TypeFlow, Time: &tp5, Alarm: AlarmACPower, Status: 0x61,
			Readings: []Reading{NewReading(KindFlow, 1, 5.9), NewReading(KindVolume, 1, 106182),
				MissingReading(KindFlow, 2), NewReading(KindVolume, 2, 799999999)}}},
		{"negative flow, big-endian words", be, Report{Type: TypeFlow, Alarm: 0x1234, Status: 0x0042,
			Readings: []Reading{NewReading(KindFlow, 1, -12.345), NewReading(KindVolume, 1, -5)}}},
		{"SL/T 427 flow in m3/h, Tp7", sl, Report{Type: TypeFlow, Time: &tp7,
			Readings: []Reading{flowH, NewReading(KindVolume, 1, 1)}}},
		{"SL/T 427 negative m3/h", sl, Report{Type: TypeFlow,
			Readings: []Reading{func() Reading { r := flowH; r.Raw = -r.Raw; return r }(), NewReading(KindVolume, 1, 0)}}},
		{"levels", szy, Report{Type: TypeLevel, AFN: AFNQuery, Readings: []Reading{NewReading(KindLevel, 1, 35.125), NewReading(KindLevel, 2, -9999.999)}}},
		{"rain alarm", szy, Report{Type: TypeRain, AFN: AFNAlarm, Alarm: AlarmLevel, Readings: []Reading{NewReading(KindRain, 1, 99999.9)}}},
		{"velocity", szy, Report{Type: TypeVelocity, Readings: []Reading{NewReading(KindVelocity, 1, -2.5)}}},
		{"gate", szy, Report{Type: TypeGate, Readings: []Reading{NewReading(KindGate, 1, 999.99)}}},
		{"power", szy, Report{Type: TypePower, Readings: []Reading{NewReading(KindPower, 1, 75)}}},
		{"air pressure (SZY 206)", szy, Report{Type: TypeWeather, Readings: []Reading{NewReading(KindAirPressure, 1, 1013)}}},
		{"weather (SL/T 427)", sl, Report{Type: TypeWeather, Readings: []Reading{NewReading(KindAirPressure, 1, 1013), wind, NewReading(KindAirTemp, 1, -3.5)}}},
		{"wind speed (SZY 206)", szy, Report{Type: TypeElectricity, Readings: []Reading{wind}}},
		{"electricity (SL/T 427)", sl, Report{Type: TypeElectricity, Readings: []Reading{NewReading(KindElectricity, 1, 123456.78)}}},
		{"water temperature", szy, Report{Type: TypeWaterTemp, Readings: []Reading{NewReading(KindWaterTemp, 1, 18.5)}}},
		{"water quality", szy, Report{Type: TypeQuality, Readings: []Reading{q0, q9}}},
		{"soil", szy, Report{Type: TypeSoil, Readings: []Reading{NewReading(KindSoilMoisture, 1, 32.5), NewReading(KindSoilDepth, 1, 40)}}},
		{"evaporation", szy, Report{Type: TypeEvaporation, Readings: []Reading{NewReading(KindEvaporation, 1, 5.5)}}},
		{"voltage (AFN 84)", sl, Report{Type: TypeAlarm, AFN: AFNVoltage, Readings: []Reading{NewReading(KindVoltage, 1, 12.6)}}},
		{"state only", szy, Report{Type: TypeAlarm, AFN: AFNAlarm, Alarm: AlarmDoor}},
		{"water pressure", szy, Report{Type: TypePressure, Readings: []Reading{NewReading(KindPressure, 1, 0.25)}}},
		{"statistical rain (SL/T 427)", sl, Report{Type: TypeComposite, Readings: []Reading{stat}}},
		{"mode-2 address", szy, Report{Address: CodeAddress(0x37150201), Type: TypeRain, Readings: []Reading{NewReading(KindRain, 1, 1)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r
			if r.Address == (Address{}) {
				r.Address = testAddr(t)
			}
			r.FCB = 3
			b, err := AppendReport(nil, &r, tt.p)
			if err != nil {
				t.Fatalf("AppendReport: %v", err)
			}
			f, err := Decode(b, tt.p)
			if err != nil {
				t.Fatalf("Decode(% X): %v", b, err)
			}
			wantAFN := r.AFN
			if wantAFN == 0 {
				wantAFN = AFNSelfReport
			}
			wantHeader(t, f, true, 3, r.Type, wantAFN)
			if f.Address != r.Address {
				t.Errorf("address %s, want %s", f.Address, r.Address)
			}
			wantState(t, f, r.Alarm, r.Status)
			if (r.Time != nil) != f.HasTime || r.Time != nil && *r.Time != f.Time {
				t.Errorf("time %+v (%v), want %+v", f.Time, f.HasTime, r.Time)
			}
			var want []string
			for _, q := range r.Readings {
				want = append(want, readingString(q))
			}
			wantReadings(t, f, want...)
			for i, q := range r.Readings {
				if f.Readings[i].Aux != q.Aux {
					t.Errorf("reading %d aux %02X, want %02X", i, f.Readings[i].Aux, q.Aux)
				}
			}
			// Re-encoding the decoded frame reproduces the bytes.
			again, err := AppendEncode(nil, f)
			if err != nil || !bytes.Equal(again, b) {
				t.Errorf("AppendEncode(decoded) = % X, %v; want % X", again, err, b)
			}
		})
	}
}

func TestReportErrors(t *testing.T) {
	szy := ProfileSZY206()
	tp7 := NewTimeTag(time.Now(), 0, 7)
	tests := []struct {
		name string
		p    Profile
		r    Report
		want error
	}{
		{"value too large", szy, Report{Type: TypeRain, Readings: []Reading{NewReading(KindRain, 1, 100000)}}, ErrRange},
		{"negative rain", szy, Report{Type: TypeRain, Readings: []Reading{NewReading(KindRain, 1, -1)}}, ErrRange},
		{"wrong kind for class", szy, Report{Type: TypeRain, Readings: []Reading{NewReading(KindLevel, 1, 1)}}, ErrUnknownFunction},
		{"unpaired flow", szy, Report{Type: TypeFlow, Readings: []Reading{NewReading(KindFlow, 1, 1)}}, ErrLength},
		{"m3/h without unit flag", szy, Report{Type: TypeFlow, Readings: []Reading{{Kind: KindFlow, Unit: UnitM3h, Scale: 3, Raw: 1}, NewReading(KindVolume, 1, 1)}}, ErrRange},
		{"7-byte Tp in a 5-byte profile", szy, Report{Type: TypeRain, Time: &tp7}, ErrLength},
		{"readings without a kind", szy, Report{Type: TypeLevel, Readings: make([]Reading, 3)}, ErrUnknownFunction},
		{"confirm type", szy, Report{Type: TypeCommand}, ErrUnknownFunction},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := AppendReport(nil, &tt.r, tt.p); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	levels := make([]Reading, 70)
	for i := range levels {
		levels[i] = NewReading(KindLevel, uint8(i+1), 1)
	}
	if _, err := AppendReport(nil, &Report{Type: TypeLevel, Readings: levels}, szy); !errors.Is(err, ErrLength) {
		t.Errorf("70 levels: err = %v, want ErrLength", err)
	}
}

func TestAppendConfirm(t *testing.T) {
	sample := flowSample(t)
	tp := TimeTag{Second: 1, Minute: 2, Hour: 3, Day: 4, Len: 5}
	tests := []struct {
		name  string
		req   []byte
		p     Profile
		mode  WorkMode
		tp    *TimeTag
		want  string
		check func(t *testing.T, f *Frame)
	}{
		// PROTOCOLS.md §2.8: the confirm computed from hm1212's rule.
		{"C0 confirm per hm1212", sample, ProfileSZY206(), ModeCompatible, nil, encodeHex(wrap(t, "33 3715020700 C0 00")), nil},
		{"C0 confirm with Tp and mode", sample, ProfileSZY206(), ModeQuery, &tp, "", func(t *testing.T, f *Frame) {
			if f.WorkMode != ModeQuery || !f.HasTime || f.Time != tp || f.Control.Up() {
				t.Errorf("mode %v time %+v", f.WorkMode, f.Time)
			}
		}},
		{"confirm with type 0", sample, func() Profile { p := ProfileSZY206(); p.ConfirmKeepsType = false; return p }(), ModeCompatible, nil, "", func(t *testing.T, f *Frame) {
			wantHeader(t, f, false, 3, TypeCommand, AFNSelfReport)
		}},
		{"link reply 00", wrap(t, "B05303810D0002F2"), ProfileSZY206(), 0, nil, "", func(t *testing.T, f *Frame) {
			if f.AFN != AFNLink || f.Data[0] != 0 || f.Control.Up() {
				t.Errorf("link reply % X", f.Data)
			}
		}},
		{"link reply echo", wrap(t, "B05303810D0002F2"), func() Profile { p := ProfileSZY206(); p.LinkReplyEcho = true; return p }(), 0, nil, "", func(t *testing.T, f *Frame) {
			if f.Link != LinkKeepAlive {
				t.Errorf("link reply %v", f.Link)
			}
		}},
		{"split fragment confirm echoes DIVS", wrap(t, "F3025303810D00C0 0059000000"), ProfileSZY206(), ModeCompatible, nil, "", func(t *testing.T, f *Frame) {
			if !f.Control.Split() || f.DIVS != 2 || f.Control.Up() {
				t.Errorf("split %v DIVS %d", f.Control.Split(), f.DIVS)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := Decode(tt.req, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			b, err := AppendConfirm(nil, req, tt.p, tt.mode, tt.tp)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != "" && !bytes.Equal(b, mustHex(t, tt.want)) {
				t.Errorf("confirm % X, want %s", b, tt.want)
			}
			f, err := Decode(b, tt.p)
			if err != nil {
				t.Fatalf("decode confirm: %v", err)
			}
			if f.Address != req.Address || f.AFN != req.AFN {
				t.Errorf("address/AFN not echoed")
			}
			if tt.check != nil {
				tt.check(t, f)
			}
		})
	}
	down, _ := Decode(mustHex(t, "680868335303810D00C0003E16"), ProfileSZY206())
	if _, err := AppendConfirm(nil, down, ProfileSZY206(), 0, nil); !errors.Is(err, ErrUnknownFunction) {
		t.Errorf("confirm of a downlink frame: err %v", err)
	}
	raw, _ := Decode(wrap(t, "B05303810D0051 00"), ProfileSZY206())
	if _, err := AppendConfirm(nil, raw, ProfileSZY206(), 0, nil); !errors.Is(err, ErrUnknownFunction) {
		t.Errorf("confirm of AFN 51: err %v", err)
	}
}

func TestQueryAndLinkRoundTrip(t *testing.T) {
	addr := testAddr(t)
	tp := NewTimeTag(time.Date(2025, 3, 4, 5, 6, 7, 0, beijing), 2, 7)
	tests := []struct {
		name  string
		build func() ([]byte, error)
		p     Profile
		check func(t *testing.T, f *Frame)
	}{
		{"B0 query plain", func() ([]byte, error) { return AppendQuery(nil, addr, TypeFlow, 3, Aux{}) }, ProfileSZY206(),
			func(t *testing.T, f *Frame) { wantHeader(t, f, false, 3, TypeFlow, AFNQuery) }},
		{"B0 query with PW and Tp7", func() ([]byte, error) {
			return AppendQuery(nil, addr, TypeLevel, 2, Aux{Password: 0x1234, HasPassword: true, Time: tp, HasTime: true})
		}, ProfileSLT427(), func(t *testing.T, f *Frame) {
			wantHeader(t, f, false, 2, TypeLevel, AFNQuery)
			if f.Password != 0x1234 || f.Time != tp {
				t.Errorf("PW %04X time %+v", f.Password, f.Time)
			}
		}},
		{"log-in", func() ([]byte, error) { return AppendLink(nil, addr, LinkLogin, 3, nil) }, ProfileSZY206(),
			func(t *testing.T, f *Frame) {
				if f.Link != LinkLogin || !f.Control.Up() {
					t.Errorf("link %v", f.Link)
				}
			}},
		{"user-defined command", func() ([]byte, error) {
			return AppendCommand(nil, &Command{Address: addr, AFN: AFNUser, UserAFN: 0x10, FCB: 3, Data: []byte{1, 2, 3}})
		}, ProfileSZY206(), func(t *testing.T, f *Frame) {
			if f.UserAFN != 0x10 || !bytes.Equal(f.Data, []byte{1, 2, 3}) {
				t.Errorf("user AFN %02X data % X", f.UserAFN, f.Data)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.build()
			if err != nil {
				t.Fatal(err)
			}
			f, err := Decode(b, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, f)
		})
	}
}

func TestPictureRoundTrip(t *testing.T) {
	data := bytes.Repeat([]byte{0x68, 0x16, 0xAA}, 400)
	f := Frame{Control: NewControl(true, true, 3, 0), DIVS: 5, Address: testAddr(t), AFN: AFNQueryImage, Picture: true, Data: data}
	b, err := AppendEncode(nil, &f)
	if err != nil {
		t.Fatal(err)
	}
	if b[1] != 2 {
		t.Errorf("L = %d, want 2 (K units)", b[1])
	}
	g, err := Decode(b, ProfileSZY206())
	if err != nil {
		t.Fatal(err)
	}
	if !g.Picture || g.DIVS != 5 || !bytes.Equal(g.Data, data) {
		t.Errorf("picture %v DIVS %d data %d bytes", g.Picture, g.DIVS, len(g.Data))
	}
}
