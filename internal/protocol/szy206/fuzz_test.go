package szy206

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzDecode checks that Decode never panics, that errors are ParseErrors
// with an offset inside the input, and that a frame that decodes re-encodes
// to the same bytes.
func FuzzDecode(f *testing.F) {
	for _, s := range seedFrames(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		decodeRoundTrip(t, b)
		// Again with a correct check byte, so the data decoders are reached.
		if len(b) >= 5 {
			fixed := append([]byte(nil), b...)
			fixed[len(fixed)-2] = CRC8(fixed[3 : len(fixed)-2])
			decodeRoundTrip(t, fixed)
		}
	})
}

func decodeRoundTrip(t *testing.T, b []byte) {
	t.Helper()
	for _, p := range Presets() {
		fr, err := Decode(b, p)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Offset < 0 || pe.Offset > len(b) {
				t.Fatalf("error %v (%T) without a valid offset", err, err)
			}
			continue
		}
		_ = Summary(fr)
		again, err := AppendEncode(nil, fr)
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("profile %s: re-encode = % X, %v; want % X", p.Name, again, err, b)
		}
	}
}

// FuzzSplitFrames checks that the framer never errors or panics, always makes
// progress, yields only 68…16 tokens within the size limits, and that a valid
// frame appended after arbitrary garbage is found intact.
func FuzzSplitFrames(f *testing.F) {
	seeds := seedFrames(f)
	for _, s := range seeds {
		f.Add(s)
	}
	tail := seeds[0]
	f.Fuzz(func(t *testing.T, b []byte) {
		in := append(append(append([]byte(nil), b...), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), tail...)
		sc := bufio.NewScanner(bytes.NewReader(in))
		sc.Buffer(make([]byte, 0, 64), MaxPictureFrameLen+len(in))
		sc.Split(SplitFrames)
		var last []byte
		for sc.Scan() {
			tok := sc.Bytes()
			if len(tok) < 5 || tok[0] != StartByte || tok[2] != StartByte || tok[len(tok)-1] != EndByte || len(tok) > MaxPictureFrameLen {
				t.Fatalf("bad token % X", tok)
			}
			last = append(last[:0], tok...)
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("scanner error: %v", err)
		}
		// The appended frame is found unless the garbage ends inside a
		// frame-looking prefix that swallows it (then a token still ends the stream).
		if last == nil {
			t.Fatalf("no token found in % X", in)
		}
	})
}

// seedFrames builds a seed set with the package's own encoder.
func seedFrames(tb testing.TB) [][]byte {
	addr, _ := RegionAddress(371502, 13, false)
	tp5 := NewTimeTag(time.Date(2025, 7, 1, 8, 0, 0, 0, beijing), 10, 5)
	tp7 := NewTimeTag(time.Date(2025, 7, 1, 8, 0, 0, 0, beijing), 0, 7)
	var out [][]byte
	add := func(b []byte, err error) {
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	add(AppendReport(nil, &Report{Address: addr, FCB: 3, Type: TypeFlow, Time: &tp5, Alarm: 1, Status: 0x60,
		Readings: []Reading{NewReading(KindFlow, 1, 5.9), NewReading(KindVolume, 1, 106182)}}, ProfileSZY206()))
	add(AppendReport(nil, &Report{Address: addr, FCB: 3, Type: TypeLevel, Time: &tp7,
		Readings: []Reading{NewReading(KindLevel, 1, -1.5)}}, ProfileSLT427()))
	add(AppendReport(nil, &Report{Address: addr, FCB: 3, Type: TypeRain, AFN: AFNAlarm,
		Readings: []Reading{NewReading(KindRain, 1, 12.5)}}, ProfileSZY206()))
	add(AppendLink(nil, addr, LinkLogin, 3, nil))
	add(AppendQuery(nil, addr, TypeFlow, 3, Aux{Password: 0x1234, HasPassword: true, Time: tp5, HasTime: true}))
	add(AppendEncode(nil, &Frame{Control: NewControl(true, true, 3, 0), DIVS: 2, Address: addr, AFN: AFNQueryImage,
		Picture: true, Data: []byte("\x68\x16picture")}))
	add(AppendEncode(nil, &Frame{Control: NewControl(false, false, 3, 0), Address: CodeAddress(0x12345678), AFN: 0x51}))
	return out
}

// TestWriteFuzzCorpus regenerates testdata/fuzz from seedFrames when
// SZY206_WRITE_CORPUS=1.
func TestWriteFuzzCorpus(t *testing.T) {
	if os.Getenv("SZY206_WRITE_CORPUS") != "1" {
		t.Skip("set SZY206_WRITE_CORPUS=1 to regenerate testdata/fuzz")
	}
	for _, name := range []string{"FuzzDecode", "FuzzSplitFrames"} {
		dir := filepath.Join("testdata", "fuzz", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, s := range seedFrames(t) {
			body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", s)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("encoder-%02d", i)), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
