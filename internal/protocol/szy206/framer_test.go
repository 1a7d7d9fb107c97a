package szy206

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

func scanAll(t *testing.T, r io.Reader) [][]byte {
	t.Helper()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 512), MaxPictureFrameLen)
	sc.Split(SplitFrames)
	var out [][]byte
	for sc.Scan() {
		out = append(out, append([]byte(nil), sc.Bytes()...))
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("scanner: %v", err)
	}
	return out
}

func TestSplitFrames(t *testing.T) {
	a := flowSample(t)
	b := noTimeSample(t)
	pic := func() []byte {
		f := Frame{Control: NewControl(true, true, 3, 0), DIVS: 1, Address: testAddr(t), AFN: AFNQueryImage, Picture: true,
			Data: bytes.Repeat([]byte{0x68, 0x01, 0x68, 0x16}, 100)}
		p, err := AppendEncode(nil, &f)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}()
	badCS := append([]byte(nil), a...)
	badCS[len(badCS)-2] ^= 0xFF
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name    string
		in      []byte
		oneByte bool
		want    [][]byte
	}{
		{"single frame", a, false, [][]byte{a}},
		{"glued frames", cat(a, b, a), false, [][]byte{a, b, a}},
		{"byte-by-byte reads", cat(a, b), true, [][]byte{a, b}},
		{"garbage before, between and after", cat([]byte{0, 1, 0x16, 0x68}, a, []byte{0x68, 0x68, 0x55}, b, []byte{0x68, 0x1A}), false, [][]byte{a, b}},
		{"false start with a large L before a frame", cat([]byte{0x68, 0xFF, 0x68, 0x00}, a), false, [][]byte{a}},
		{"false start with a large L, byte by byte", cat([]byte{0x68, 0xFF, 0x68, 0x00}, a, b), true, [][]byte{a, b}},
		{"bad check byte is still a token", cat(badCS, b), false, [][]byte{badCS, b}},
		{"picture frame with 68/16 inside", cat(a, pic, b), false, [][]byte{a, pic, b}},
		{"picture frame byte by byte", cat(pic, a), true, [][]byte{pic, a}},
		{"truncated tail dropped", cat(a, b[:10]), false, [][]byte{a}},
		{"only garbage", bytes.Repeat([]byte{0x68, 0x00}, 300), false, nil},
		{"implausible picture count", cat([]byte{0x68, 0x01, 0x68, 0xB0, 1, 2, 3, 4, 5, 0x61, 0xFF, 0xFF}, a), false, [][]byte{a}},
		{"empty", nil, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r io.Reader = bytes.NewReader(tt.in)
			if tt.oneByte {
				r = iotest.OneByteReader(r)
			}
			got := scanAll(t, r)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d frames, want %d: % X", len(got), len(tt.want), got)
			}
			for i := range got {
				if !bytes.Equal(got[i], tt.want[i]) {
					t.Errorf("frame %d = % X, want % X", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestSplitFramesDecode(t *testing.T) {
	a := flowSample(t)
	bad := append([]byte(nil), a...)
	bad[12] ^= 1
	got := scanAll(t, bytes.NewReader(append(bad, a...)))
	if len(got) != 2 {
		t.Fatalf("%d frames", len(got))
	}
	if _, err := Decode(got[0], ProfileSZY206()); !errors.Is(err, ErrChecksum) {
		t.Errorf("corrupted frame: %v", err)
	}
	if _, err := Decode(got[1], ProfileSZY206()); err != nil {
		t.Errorf("good frame: %v", err)
	}
}

func TestSplitFramesNeedsMore(t *testing.T) {
	a := flowSample(t)
	for n := 0; n < len(a); n++ {
		adv, tok, err := SplitFrames(a[:n], false)
		if err != nil || tok != nil || adv != 0 {
			t.Fatalf("prefix %d: advance %d token %v err %v", n, adv, tok, err)
		}
	}
}
