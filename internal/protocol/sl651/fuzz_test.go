package sl651

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// seedFrames are frames built with this package's encoder (not sample rows).
func seedFrames(t testing.TB) [][]byte {
	var out [][]byte
	add := func(f *Frame) {
		inheritObserved(f)
		b, err := Encode(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	for _, format := range []Format{FormatHEX, FormatASCII} {
		add(simReport(format))
		add(NewConfirm(simReport(format), ESC))
		st, _ := ParseAddress("0012345678")
		add(Command{Format: format, Station: st, Center: 1, Sent: bj(2024, 2, 29, 23, 59, 59)}.QueryRealtime())
		ka := simReport(format)
		ka.Function, ka.Elements, ka.HasBodyStation, ka.Observed = FuncKeepAlive, nil, false, time.Time{}
		add(ka)
	}
	add(Command{Station: Address{1, 2, 3, 4, 5}, Password: 0xBEEF, Sent: bj(2030, 1, 1, 0, 0, 0)}.ChangePassword(0x1234))
	v := simReport(FormatHEX)
	v.Function, v.Elements, v.Version = FuncQueryVersion, nil, "V1.0"
	add(v)
	ev := simReport(FormatHEX)
	ev.Function, ev.Elements, ev.Events = FuncQueryEvents, nil, make([]uint16, 32)
	add(ev)
	img := simReport(FormatHEX)
	img.Function = FuncImage
	img.Elements = []Element{{ID: "PIC", Code: CodePIC, Def: 0xF3, Raw: []byte{0xFF, 0xD8, 1, 2, 3, 0xFF, 0xD9}}}
	packets, err := EncodePackets(img, 20)
	if err != nil {
		t.Fatal(err)
	}
	return append(out, packets...)
}

// TestWriteFuzzSeeds regenerates testdata/fuzz seed files when SL651_WRITE_SEEDS=1.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("SL651_WRITE_SEEDS") != "1" {
		t.Skip("set SL651_WRITE_SEEDS=1 to rewrite testdata/fuzz")
	}
	frames := seedFrames(t)
	write := func(name string, i int, data []byte) {
		dir := filepath.Join("testdata", "fuzz", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		content := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed%02d", i)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, b := range frames {
		write("FuzzDecode", i, b)
	}
	write("FuzzSplitFrames", 0, bytes.Join(frames, []byte("garbage\x7e\x7e\x01")))
	write("FuzzSplitFrames", 1, append([]byte("\x01\x7e"), frames[0][:len(frames[0])/2]...))
}

func FuzzDecode(f *testing.F) {
	for _, b := range seedFrames(f) {
		f.Add(b)
	}
	d := Decoder{AcceptBadChecksum: true} // reach the body parsers
	f.Fuzz(func(t *testing.T, data []byte) {
		var fr Frame
		if err := d.Decode(data, &fr); err != nil {
			return
		}
		_ = Summary(&fr)
		enc, err := Encode(&fr)
		if err != nil {
			t.Fatalf("decoded frame does not encode: %v\n%q", err, data)
		}
		var g Frame
		if err := d.Decode(enc, &g); err != nil {
			t.Fatalf("re-encoded frame does not decode: %v\nin  %q\nout %q", err, data, enc)
		}
		if diff := frameDiff(&fr, &g); diff != "" {
			t.Fatalf("round trip changed the frame: %s\nin  %q\nout %q", diff, data, enc)
		}
		enc2, err := Encode(&g)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding not stable (%v)\n%q\n%q", err, enc, enc2)
		}
	})
}

func FuzzSplitFrames(f *testing.F) {
	frames := seedFrames(f)
	f.Add(bytes.Join(frames, []byte("xx\x7e")))
	f.Add(frames[0][:7])
	f.Fuzz(func(t *testing.T, data []byte) {
		var fr Framer
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 64), 4*MaxFrameLen)
		sc.Split(fr.Split)
		total := 0
		for sc.Scan() {
			tok := sc.Bytes()
			total += len(tok)
			if len(tok) > MaxFrameLen || len(tok) < hexOverhead {
				t.Fatalf("token of %d bytes", len(tok))
			}
			if tok[0] != 0x7E && tok[0] != SOH {
				t.Fatalf("token starts with %02X", tok[0])
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("scanner error %v", err)
		}
		if int64(total)+fr.Skipped != int64(len(data)) {
			t.Fatalf("tokens %d + skipped %d != %d", total, fr.Skipped, len(data))
		}
	})
}
