package sl651

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"testing"
	"testing/iotest"
)

func testStream(t testing.TB) (frames [][]byte) {
	t.Helper()
	for _, format := range []Format{FormatHEX, FormatASCII} {
		f := simReport(format)
		b, err := Encode(f)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Encode(NewConfirm(f, ESC))
		if err != nil {
			t.Fatal(err)
		}
		frames = append(frames, b, c)
	}
	img := simReport(FormatHEX)
	img.Function = FuncImage
	img.Elements = []Element{{ID: "PIC", Code: CodePIC, Def: 0xF3, Raw: bytes.Repeat([]byte{0xFF, 0xD8, 0x7E, 0x7E, 0x01, 0x03}, 300)}}
	packets, err := EncodePackets(img, 700)
	if err != nil {
		t.Fatal(err)
	}
	return append(frames, packets...)
}

func scanAll(r io.Reader, fr *Framer) ([][]byte, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 512), MaxFrameLen*2)
	sc.Split(fr.Split)
	var out [][]byte
	for sc.Scan() {
		out = append(out, append([]byte(nil), sc.Bytes()...))
	}
	return out, sc.Err()
}

func TestSplitFrames(t *testing.T) {
	frames := testStream(t)
	glued := bytes.Join(frames, nil)
	// Garbage that looks like frame starts: 7E7E with a bad direction nibble, a
	// SOH followed by non-hex text, a lone 7E, a HEX header claiming 4095 bytes.
	fakeLong := []byte{0x7E, 0x7E, 1, 0, 0, 0, 0, 1, 0, 0, 0x32, 0x0F, 0xFF, STX, 0, 0}
	garbage := [][]byte{
		[]byte("junk"),
		{0x7E, 0x7E, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0x4F, 0xFF, 2},
		[]byte("\x01zz not ascii"),
		{0x7E, 0x00},
		fakeLong,
	}
	var withGarbage []byte
	garbageLen := 0
	for i, f := range frames {
		g := garbage[i%len(garbage)]
		withGarbage = append(withGarbage, g...)
		garbageLen += len(g)
		withGarbage = append(withGarbage, f...)
	}
	tail := []byte{0x7E, 0x7E, 0x01} // an incomplete frame at EOF is skipped
	tests := []struct {
		name        string
		reader      func() io.Reader
		wantSkipped int
	}{
		{"glued", func() io.Reader { return bytes.NewReader(glued) }, 0},
		{"one byte at a time", func() io.Reader { return iotest.OneByteReader(bytes.NewReader(glued)) }, 0},
		{"half reads", func() io.Reader { return iotest.HalfReader(bytes.NewReader(glued)) }, 0},
		{"data with EOF", func() io.Reader { return iotest.DataErrReader(bytes.NewReader(glued)) }, 0},
		{"garbage between frames", func() io.Reader { return bytes.NewReader(withGarbage) }, garbageLen},
		{"garbage, one byte at a time", func() io.Reader { return iotest.OneByteReader(bytes.NewReader(withGarbage)) }, garbageLen},
		{"incomplete tail", func() io.Reader { return io.MultiReader(bytes.NewReader(glued), bytes.NewReader(tail)) }, len(tail)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fr Framer
			got, err := scanAll(tt.reader(), &fr)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(frames) {
				t.Fatalf("%d frames, want %d", len(got), len(frames))
			}
			for i := range frames {
				if !bytes.Equal(got[i], frames[i]) {
					t.Errorf("frame %d differs", i)
				}
			}
			if fr.Frames != int64(len(frames)) || fr.Skipped != int64(tt.wantSkipped) {
				t.Errorf("Frames %d Skipped %d, want %d %d", fr.Frames, fr.Skipped, len(frames), tt.wantSkipped)
			}
		})
	}
	t.Run("error from the reader passes through", func(t *testing.T) {
		boom := errors.New("boom")
		r := io.MultiReader(bytes.NewReader(frames[0]), iotest.ErrReader(boom))
		got, err := scanAll(r, new(Framer))
		if !errors.Is(err, boom) || len(got) != 1 {
			t.Errorf("got %d frames, err %v", len(got), err)
		}
	})
	t.Run("bad CRC frames are still delivered", func(t *testing.T) {
		bad := append([]byte(nil), frames[0]...)
		bad[len(bad)-1] ^= 0xFF
		got, _ := scanAll(bytes.NewReader(bad), new(Framer))
		if len(got) != 1 {
			t.Fatalf("%d frames", len(got))
		}
		if _, err := Decode(got[0]); !errors.Is(err, ErrChecksum) {
			t.Errorf("err %v", err)
		}
	})
	t.Run("random garbage never errors", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		noise := make([]byte, 64<<10)
		for i := range noise {
			noise[i] = byte(rng.IntN(256))
			if rng.IntN(50) == 0 {
				noise[i] = 0x7E
			}
		}
		stream := append(append(noise, frames[0]...), noise[:999]...)
		got, err := scanAll(iotest.HalfReader(bytes.NewReader(stream)), new(Framer))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, g := range got {
			if bytes.Equal(g, frames[0]) {
				found = true
			}
			if len(g) > MaxFrameLen {
				t.Errorf("token of %d bytes", len(g))
			}
		}
		if !found {
			t.Error("frame after noise not found")
		}
	})
}

func TestSplitFramesDirect(t *testing.T) {
	frames := testStream(t)
	tests := []struct {
		name    string
		data    []byte
		atEOF   bool
		wantAdv int
		wantTok []byte
	}{
		{"empty", nil, false, 0, nil},
		{"empty at EOF", nil, true, 0, nil},
		{"whole frame", frames[0], false, len(frames[0]), frames[0]},
		{"partial frame waits", frames[0][:20], false, 0, nil},
		{"partial frame at EOF skipped", frames[0][:20], true, 20, nil},
		{"garbage before a partial frame is skipped", append([]byte("xyz"), frames[1][:5]...), false, 3, nil},
		{"pure garbage", []byte("abc"), false, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			adv, tok, err := SplitFrames(tt.data, tt.atEOF)
			if err != nil || adv != tt.wantAdv || !bytes.Equal(tok, tt.wantTok) {
				t.Errorf("= %d, %X, %v; want %d, %X", adv, tok, err, tt.wantAdv, tt.wantTok)
			}
		})
	}
}
