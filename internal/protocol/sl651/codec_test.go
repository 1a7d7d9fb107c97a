package sl651

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

func bj(y, mo, d, h, mi, s int) time.Time {
	return time.Date(y, time.Month(mo), d, h, mi, s, 0, Beijing())
}

func row(t *testing.T, frames []tsvFrame, substr string) tsvFrame {
	t.Helper()
	for _, f := range frames {
		if strings.Contains(f.meaning, substr) || strings.Contains(f.source, substr) {
			return f
		}
	}
	t.Fatalf("no sample frame matching %q", substr)
	return tsvFrame{}
}

func mustDecode(t *testing.T, b []byte) *Frame {
	t.Helper()
	f, err := Decode(b)
	if err != nil {
		t.Fatalf("decode %X: %v", b, err)
	}
	return f
}

func TestChecksum(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want uint16
	}{
		{"catalogue check value", "123456789", 0x4B37},
		{"empty", "", 0xFFFF},
		{"one byte", "\x01", 0x807E},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Checksum([]byte(tt.in)); got != tt.want {
				t.Errorf("Checksum(%q) = %04X, want %04X", tt.in, got, tt.want)
			}
		})
	}
}

func nan() float64 { return math.NaN() }

// TestSampleDetails checks values of the sample frames that TestSampleFrames
// cannot read from the stated meanings (arrays, vendor codes, status words…).
func TestSampleDetails(t *testing.T) {
	frames := loadFrames(t)
	tests := []struct {
		name  string
		match string
		check func(t *testing.T, f *Frame)
	}{
		{"32H worked example header", "samples/regular_report.hex", func(t *testing.T, f *Frame) {
			if f.Center != 1 || f.Password != 0xA000 || f.Serial != 12 || f.StationType != StationRiver ||
				!f.Sent.Equal(bj(2020, 7, 24, 17, 23, 49)) || !f.Observed.Equal(bj(2020, 7, 24, 17, 23, 0)) ||
				f.End != ETX || f.CRC != 0x8397 || !f.CRCValid {
				t.Errorf("header %+v", f)
			}
			wantIDs := []string{"PJ", "PN05", "Z", "VT"}
			for i, id := range wantIDs {
				if f.Elements[i].ID != id {
					t.Errorf("element %d = %s, want %s", i, f.Elements[i].ID, id)
				}
			}
			if _, off := f.Sent.Zone(); off != 8*3600 {
				t.Errorf("sent zone offset %d", off)
			}
		}},
		{"34H hourly arrays and three observation groups", "34 hourly report", func(t *testing.T, f *Frame) {
			drp := elementByIDIn(f, "DRP")
			drz := elementByIDIn(f, "DRZ1")
			if drp == nil || drz == nil {
				t.Fatalf("no DRP/DRZ1: %v", Summary(f).Elements)
			}
			wantP := []float64{0.5, 0, 0, 0, 2.0, nan(), nan(), nan(), nan(), nan(), 0, 0}
			wantZ := []float64{0.12, 0.12, 0.28, 0.49, 0.49, nan(), nan(), nan(), nan(), nan(), 0.49, 0.49}
			checkArray(t, "DRP", drp.Values, wantP)
			checkArray(t, "DRZ1", drz.Values, wantZ)
			if !drp.Observed.Equal(bj(2017, 7, 18, 10, 5, 0)) || !elementByIDIn(f, "PT").Observed.Equal(bj(2017, 7, 18, 11, 0, 0)) {
				t.Errorf("observation groups: DRP %v PT %v", drp.Observed, elementByIDIn(f, "PT").Observed)
			}
			if !f.Observed.Equal(bj(2017, 7, 18, 10, 5, 0)) {
				t.Errorf("frame observed %v", f.Observed)
			}
		}},
		{"38H time step", "38 response to period-data query", func(t *testing.T, f *Frame) {
			e := elementByIDIn(f, "DRxnn")
			if e == nil || e.Value != 5 || e.Unit != "min" {
				t.Errorf("time step %+v", e)
			}
		}},
		{"vendor identifiers 76H-78H kept and decoded, negative", "40590235C2", func(t *testing.T, f *Frame) {
			want := []struct {
				code uint16
				v    float64
			}{{0x76, -1.72}, {0x77, -0.21}, {0x78, 1.52}}
			if len(f.Elements) != len(want) {
				t.Fatalf("elements %v", Summary(f).Elements)
			}
			for i, w := range want {
				e := f.Elements[i]
				if e.Code != w.code || e.ID != "" || e.Value != w.v || len(e.Raw) == 0 {
					t.Errorf("element %d = %+v, want code %02X value %v", i, e, w.code, w.v)
				}
			}
			if f.Elements[0].Name() != "0x76" || f.StationType != StationGate {
				t.Errorf("name %q type %q", f.Elements[0].Name(), f.StationType)
			}
		}},
		{"46H status word", "46 response to status/alarm query", func(t *testing.T, f *Frame) {
			st, ok := f.Elements[0].Status()
			if !ok || st != 0x400 || !st.PumpStopped() || st.ACPowerLost() || st.DoorClosed() {
				t.Errorf("status %08X ok=%v", uint32(st), ok)
			}
		}},
		{"45H software version", "45 response to software-version", func(t *testing.T, f *Frame) {
			if f.Version != "DATA86-SW-V1.2(H)" || !f.HasBodyStation || len(f.Rest) != 0 {
				t.Errorf("version %q rest %X", f.Version, f.Rest)
			}
		}},
		{"41H parameters", "41 response to read-basic-config", func(t *testing.T, f *Frame) {
			var pw *Element
			for i := range f.Params {
				if f.Params[i].Code == 0x03 {
					pw = &f.Params[i]
				}
			}
			if len(f.Params) != 8 || pw == nil || pw.Value != 0x1234 {
				t.Errorf("params %+v", f.Params)
			}
			if f.Params[0].Code != 0x01 || string(f.Params[0].Raw) != "\x05\x00\x00\x00" {
				t.Errorf("centre addresses %+v", f.Params[0])
			}
		}},
		{"42H runtime parameters as numbers", "42 response to modify-runtime-config", func(t *testing.T, f *Frame) {
			want := map[uint16]float64{0x20: 1, 0x21: 5, 0x23: 300, 0x25: 1.0}
			for _, p := range f.Params {
				if w, ok := want[p.Code]; ok && p.Value != w {
					t.Errorf("param %02X = %v, want %v", p.Code, p.Value, w)
				}
			}
		}},
		{"49H new password", "49 response to change-password", func(t *testing.T, f *Frame) {
			if len(f.Params) != 1 || f.Params[0].Value != 0x03E8 {
				t.Errorf("params %+v", f.Params)
			}
		}},
		{"50H event counters", "50 response to event-record query", func(t *testing.T, f *Frame) {
			if len(f.Events) != 32 || f.Events[0] != 0x1111 || f.Events[31] != 0 {
				t.Errorf("events %v", f.Events)
			}
		}},
		{"39H manual-set data kept raw", "39 response to manual-set query", func(t *testing.T, f *Frame) {
			e := elementByIDIn(f, "RGZS")
			if e == nil || string(e.Raw) != "Q 1.234" || f.HasBodyStation {
				t.Errorf("manual data %+v", e)
			}
		}},
		{"51H clock", "51 response to clock query", func(t *testing.T, f *Frame) {
			if !f.Sent.Equal(bj(2021, 4, 9, 8, 46, 5)) || f.Center != 0 || f.BodyStation != f.Station {
				t.Errorf("clock %v centre %d body station %s", f.Sent, f.Center, f.BodyStation)
			}
		}},
		{"year 59 kept", "dummy year 59", func(t *testing.T, f *Frame) {
			if f.Sent.Year() != 2059 || f.Function != FuncKeepAlive {
				t.Errorf("sent %v", f.Sent)
			}
		}},
		{"absent sensor sent as all nines", "no sensor", func(t *testing.T, f *Frame) {
			if e := elementByIDIn(f, "Z"); e == nil || e.Value != 9999.999 || e.Missing {
				t.Errorf("Z %+v", e)
			}
		}},
		{"ASCII timed report", "ASCII 32 timed report", func(t *testing.T, f *Frame) {
			if f.Format != FormatASCII || f.Center != 2 || f.Password != 0x04D2 || f.Serial != 0x12 ||
				f.StationType != StationRiver || !f.Observed.Equal(bj(2014, 12, 5, 11, 0, 0)) {
				t.Errorf("header %+v", f)
			}
			z := elementByIDIn(f, "Z")
			if z == nil || z.Value != 14.42 || z.Decimals() != 3 {
				t.Errorf("Z %+v", z)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, mustDecode(t, row(t, frames, tt.match).raw))
		})
	}
}

func elementByIDIn(f *Frame, id string) *Element {
	for i := range f.Elements {
		if f.Elements[i].ID == id {
			return &f.Elements[i]
		}
	}
	return nil
}

func checkArray(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", name, len(got), len(want))
	}
	for i := range want {
		if !sameFloat(got[i], want[i]) && math.Abs(got[i]-want[i]) > 1e-9 {
			t.Errorf("%s[%d] = %v, want %v", name, i, got[i], want[i])
		}
	}
}

// TestConfirmMatchesSamples rebuilds every captured downlink confirm from the
// uplink frame it answers.
func TestConfirmMatchesSamples(t *testing.T) {
	frames := loadFrames(t)
	var ups []*Frame
	for _, tf := range frames {
		if f, err := Decode(tf.raw); err == nil && f.Direction == Up {
			ups = append(ups, f)
		}
	}
	matched := 0
	for _, tf := range frames {
		dl, err := Decode(tf.raw)
		if err != nil || dl.Direction != Down || dl.End == ENQ {
			continue
		}
		for _, up := range ups {
			if up.Station != dl.Station || up.Function != dl.Function || up.Serial != dl.Serial || up.Format != dl.Format {
				continue
			}
			t.Run("line"+strconv.Itoa(tf.line), func(t *testing.T) {
				c := NewConfirm(up, dl.End)
				if !c.Sent.Equal(dl.Sent) {
					c.Sent = dl.Sent // the centre sent its own clock
				}
				got, err := Encode(c)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != string(tf.raw) {
					t.Errorf("confirm\n got %X\nwant %X", got, tf.raw)
				}
			})
			matched++
			break
		}
	}
	if matched < 7 {
		t.Errorf("only %d confirms matched an uplink sample", matched)
	}
}

func TestCommands(t *testing.T) {
	station, _ := ParseAddress("0012345678")
	cmd := Command{Center: 2, Station: station, Password: 0x04D2, Sent: bj(2014, 12, 5, 11, 5, 0)}
	t.Run("ASCII 37H query matches sample", func(t *testing.T) {
		frames := loadFrames(t)
		want := row(t, frames, "ASCII downlink 37 real-time query").raw
		c := cmd
		c.Format = FormatASCII
		got, err := Encode(c.QueryRealtime())
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
	})
	tests := []struct {
		name     string
		frame    *Frame
		fn       byte
		wantBody string // hex of the body after serial+time
	}{
		{"37H real-time query", cmd.QueryRealtime(), FuncQueryRealtime, ""},
		{"4AH set clock", cmd.SetClock(), FuncSetClock, ""},
		{"49H change password", cmd.ChangePassword(0x03E8), FuncChangePassword, "031004D2031003E8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Encode(tt.frame)
			if err != nil {
				t.Fatal(err)
			}
			f := mustDecode(t, b)
			if f.Direction != Down || f.End != ENQ || f.Function != tt.fn || f.Station != station || f.Center != 2 ||
				f.Serial != 0 || !f.Sent.Equal(cmd.Sent) || b[11] != 0x80 {
				t.Errorf("decoded %+v", f)
			}
			if got := strings.ToUpper(hexs(f.Body[8:])); got != tt.wantBody {
				t.Errorf("body tail %s, want %s", got, tt.wantBody)
			}
		})
	}
}

func hexs(b []byte) string {
	const d = "0123456789ABCDEF"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, d[c>>4], d[c&15])
	}
	return string(out)
}

// simReport builds the kind of timed report the simulator sends.
func simReport(format Format) *Frame {
	st, _ := ParseAddress("3715020001")
	obs := bj(2025, 6, 1, 8, 0, 0)
	els := []Element{
		Elem("Z", 31.257), Elem("Q", 1.234), Elem("PJ", 12.5), Elem("PT", 345.6), Elem("VT", 12.68),
		Elem("SBL1", 4521.37), Elem("SYL1", 98765.432), Elem("WP1", 210.45), Elem("H", 12.34),
		Elem("Z1", -1.25), MissingElem("WP2"), Elem("ZT", 0x481),
		{ID: "DRP", Code: CodeDRP, Def: 0x60, Unit: "mm", Values: []float64{0, 0.5, 1, 25.4, nan(), 0, 0, 0, 0, 0, 0, 0.1}},
		{ID: "DRZ1", Code: CodeDRZ1, Def: 0xC0, Unit: "m", Values: []float64{1.23, 1.24, nan(), 655.34, 0, 0, 0, 0, 0, 0, 0, 0}},
		ElemDef(0x39, 0x22, 98.36), // a level sent with 2 decimals in 4 bytes
	}
	for i := range els {
		els[i].Observed = obs
	}
	last := Elem("PN05", 0.5)
	last.Observed = obs.Add(5 * time.Minute)
	els = append(els, last)
	return &Frame{
		Format: format, Center: 1, Station: st, Password: 0x1234, Function: FuncTimed, Start: STX, End: ETX,
		Serial: 77, Sent: bj(2025, 6, 1, 8, 0, 12),
		HasBodyStation: true, BodyStation: st, StationType: StationIntake,
		Observed: obs, Elements: els,
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	vendor := simReport(FormatHEX)
	vendor.Elements = append(vendor.Elements, ElemDef(0xFF01, 0x2B, -12345.678), Element{Code: 0x90, Def: 0x10, Invalid: true, Raw: []byte{0xAB, 0xCD}})
	rgzs := simReport(FormatASCII)
	rgzs.Function = FuncManual
	rgzs.Elements = []Element{{ID: "RGZS", Code: CodeRGZS, Def: 0xF2, Raw: []byte("Q 1.234 ")}}
	step := simReport(FormatASCII)
	step.Function = FuncQueryPeriod
	step.Elements = append([]Element{{ID: "DRxnn", Code: CodeTimeStep, Def: 0x18, Unit: "min", Value: 60}}, step.Elements[:3]...)
	multi := simReport(FormatHEX)
	multi.Elements = append(multi.Elements, Element{ID: "ST", Code: CodeST, Def: 0xF1, Raw: []byte{0, 0x12, 0x34, 0x56, 0x78, 'P'}}, Elem("PJ", 3))
	tests := []struct {
		name  string
		frame *Frame
	}{
		{"HEX timed report", simReport(FormatHEX)},
		{"ASCII timed report", simReport(FormatASCII)},
		{"HEX with vendor and undecodable elements", vendor},
		{"ASCII manual-set", rgzs},
		{"ASCII period data with time step", step},
		{"HEX multi-station", multi},
	}
	var d Decoder
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inheritObserved(tt.frame)
			b, err := Encode(tt.frame)
			if err != nil {
				t.Fatal(err)
			}
			var f Frame
			if err := d.Decode(b, &f); err != nil {
				t.Fatalf("decode %q: %v", b, err)
			}
			if diff := frameDiff(tt.frame, &f); diff != "" {
				t.Errorf("%s\nframe %q", diff, b)
			}
			b2, err := Encode(&f)
			if err != nil || string(b2) != string(b) {
				t.Errorf("re-encode differs (%v):\n%q\n%q", err, b, b2)
			}
		})
	}
}

func TestEncodeErrors(t *testing.T) {
	base := func(els ...Element) *Frame {
		f := simReport(FormatHEX)
		f.Elements = els
		return f
	}
	asc := func(els ...Element) *Frame {
		f := base(els...)
		f.Format = FormatASCII
		return f
	}
	tests := []struct {
		name  string
		frame *Frame
		want  error
	}{
		{"level too large for N(7,3)", base(Elem("Z", 123456.789)), ErrRange},
		{"negative in one byte", base(ElemDef(0x20, 0x08, -1)), ErrRange},
		{"NaN value", base(Elem("Z", nan())), ErrRange},
		{"DRP slot over 25.4 mm", base(Element{Code: CodeDRP, Def: 0x08, Values: []float64{25.5}}), ErrRange},
		{"DRP count mismatch", base(Element{Code: CodeDRP, Def: 0x60, Values: []float64{1}}), ErrLength},
		{"vendor code in ASCII", asc(ElemDef(0xFF01, 0x10, 1)), ErrUnsupported},
		{"send time before 2000", &Frame{Format: FormatHEX, Function: FuncKeepAlive, Sent: bj(1999, 1, 1, 0, 0, 0)}, ErrRange},
		{"downlink without end character", &Frame{Format: FormatHEX, Direction: Down, Function: FuncTimed, Sent: bj(2020, 1, 1, 0, 0, 0)}, ErrSyntax},
		{"no format", &Frame{}, ErrUnsupported},
		{"body too long", base(Element{ID: "PIC", Code: CodePIC, Def: 0xF3, Raw: make([]byte, 5000)}), ErrLength},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := []byte("prefix")
			out, err := AppendFrame(dst, tt.frame)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if string(out) != "prefix" {
				t.Errorf("dst changed on error: %q", out)
			}
		})
	}
}

// fixCRC recomputes the CRC of a HEX frame after a test edits it.
func fixCRC(b []byte) []byte {
	c := Checksum(b[:len(b)-2])
	b[len(b)-2], b[len(b)-1] = byte(c>>8), byte(c)
	return b
}

func TestDecodeErrors(t *testing.T) {
	good, err := Encode(simReport(FormatHEX))
	if err != nil {
		t.Fatal(err)
	}
	goodASCII, err := Encode(simReport(FormatASCII))
	if err != nil {
		t.Fatal(err)
	}
	edit := func(b []byte, f func(b []byte) []byte) []byte { return f(append([]byte(nil), b...)) }
	one := simReport(FormatHEX)
	one.Elements = nil
	one.Observe(one.Observed, Elem("Z", 1)) // … 39 23 <4 bytes> ETX CRC CRC
	short, _ := Encode(one)
	unknown := simReport(FormatHEX)
	unknown.Function = 0x10
	unknownFn, _ := Encode(unknown)
	tests := []struct {
		name   string
		in     []byte
		want   error
		offset int
	}{
		{"empty", nil, ErrTruncated, 0},
		{"not a frame", []byte("hello world, this is text"), ErrSyntax, 0},
		{"short", good[:10], ErrTruncated, 10},
		{"cut before the CRC", good[:len(good)-1], ErrTruncated, len(good) - 1},
		{"trailing byte", append(append([]byte(nil), good...), 0), ErrLength, len(good)},
		{"checksum", edit(good, func(b []byte) []byte { b[len(b)-1]++; return b }), ErrChecksum, len(good) - 2},
		{"direction nibble", edit(good, func(b []byte) []byte { b[11] |= 0x40; return fixCRC(b) }), ErrSyntax, 11},
		{"start character", edit(good, func(b []byte) []byte { b[13] = 0x99; return fixCRC(b) }), ErrSyntax, 13},
		{"end character", edit(good, func(b []byte) []byte { b[len(b)-3] = 0x99; return fixCRC(b) }), ErrSyntax, len(good) - 3},
		{"unknown function", unknownFn, ErrUnknownFunction, 10},
		{"bad BCD in send time", edit(good, func(b []byte) []byte { b[16] = 0x1A; return fixCRC(b) }), ErrSyntax, 16},
		{"month 13", edit(good, func(b []byte) []byte { b[17] = 0x13; return fixCRC(b) }), ErrSyntax, 16},
		{"element runs past the body", edit(short, func(b []byte) []byte { b[len(b)-8] = 0x2B; return fixCRC(b) }), ErrTruncated, len(short) - 3},
		{"ASCII non-hex header", edit(goodASCII, func(b []byte) []byte { b[5] = 'G'; return b }), ErrSyntax, 5},
		{"ASCII checksum", edit(goodASCII, func(b []byte) []byte { b[len(b)-1] ^= 1; return b }), ErrChecksum, len(goodASCII) - 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d Decoder
			var f Frame
			err := d.Decode(tt.in, &f)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Offset != tt.offset {
				t.Errorf("err = %v, want offset %d", err, tt.offset)
			}
			if !strings.Contains(err.Error(), "offset") {
				t.Errorf("message %q lacks the offset", err)
			}
		})
	}
	t.Run("AcceptBadChecksum", func(t *testing.T) {
		bad := edit(good, func(b []byte) []byte { b[len(b)-1]++; return b })
		d := Decoder{AcceptBadChecksum: true}
		var f Frame
		if err := d.Decode(bad, &f); err != nil || f.CRCValid || len(f.Elements) == 0 {
			t.Errorf("err %v valid %v elements %d", err, f.CRCValid, len(f.Elements))
		}
	})
	t.Run("header kept on checksum error", func(t *testing.T) {
		bad := edit(good, func(b []byte) []byte { b[len(b)-1]++; return b })
		f, err := Decode(bad)
		if !errors.Is(err, ErrChecksum) || f.Station.String() != "3715020001" || f.Function != FuncTimed {
			t.Errorf("err %v station %s", err, f.Station)
		}
	})
}

func TestInvalidElementKept(t *testing.T) {
	f := simReport(FormatHEX)
	f.Elements = nil
	f.Observe(f.Observed, Elem("Z", 1))
	b, _ := Encode(f)
	// Z data are the 4 bytes before ETX: make them non-BCD.
	b[len(b)-5] = 0xAB
	g := mustDecode(t, fixCRC(b))
	e := g.Elements[0]
	if !e.Invalid || e.Value != 0 || len(e.Raw) != 4 || e.Raw[2] != 0xAB {
		t.Errorf("element %+v", e)
	}
	out, err := Encode(g)
	if err != nil || string(out) != string(b) {
		t.Errorf("invalid element not re-encoded verbatim: %v", err)
	}
}

func TestSummaryJSON(t *testing.T) {
	f := simReport(FormatHEX)
	f.Elements = []Element{Elem("Z", 31.257), MissingElem("WP2"),
		{ID: "DRP", Code: CodeDRP, Def: 0x10, Unit: "mm", Values: []float64{0.5, nan()}}, ElemDef(0x76, 0x19, -1.5)}
	for i := range f.Elements {
		f.Elements[i].Observed = f.Observed
	}
	b, err := Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(Summary(mustDecode(t, b)))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"protocol":"sl651","function":"32","station":"3715020001","center":1,"serial":77,` +
		`"sent":"2025-06-01T08:00:12+08:00","observed":"2025-06-01T08:00:00+08:00","elements":[` +
		`{"id":"Z","value":31.257,"unit":"m"},{"id":"WP2","value":null,"unit":"kPa"},` +
		`{"id":"DRP","value":[0.5,null],"unit":"mm"},{"id":"0x76","value":-1.5}]}`
	if string(got) != want {
		t.Errorf("summary\n got %s\nwant %s", got, want)
	}
}

func TestAddress(t *testing.T) {
	tests := []struct {
		in      string
		wantErr bool
	}{{"0012345678", false}, {"40590235C2", false}, {"40590235c2", false}, {"123", true}, {"00123456XY", true}}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, err := ParseAddress(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err == nil && a.String() != strings.ToUpper(tt.in) {
				t.Errorf("String() = %s", a)
			}
			if err != nil && !errors.Is(err, ErrSyntax) {
				t.Errorf("err = %v, want ErrSyntax", err)
			}
		})
	}
}

func TestFunctionNames(t *testing.T) {
	tests := []struct {
		fn    byte
		known bool
		name  string
	}{{0x2F, true, "keep-alive"}, {0x34, true, "hourly report"}, {0x51, true, "query clock"},
		{0x3B, false, "reserved"}, {0x00, false, "reserved"}, {0xE5, true, "user-defined"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if KnownFunction(tt.fn) != tt.known || FunctionName(tt.fn) != tt.name {
				t.Errorf("%02X: known %v name %q", tt.fn, KnownFunction(tt.fn), FunctionName(tt.fn))
			}
		})
	}
}

// inheritObserved gives elements without an observation time the time of the
// group they will be encoded in (what the decoder reports).
func inheritObserved(f *Frame) {
	cur := f.Observed
	for i := range f.Elements {
		if f.Elements[i].Observed.IsZero() {
			f.Elements[i].Observed = cur
		}
		cur = f.Elements[i].Observed
	}
}
