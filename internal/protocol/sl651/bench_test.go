package sl651

import (
	"bufio"
	"bytes"
	"testing"
)

// typical32H is a timed report like the field samples: PJ, PT, Z, VT.
func typical32H(b *testing.B, format Format) []byte {
	f := simReport(format)
	f.Elements = nil
	f.Observe(f.Observed, Elem("PJ", 4), Elem("PT", 4), Elem("Z", 10.49), Elem("VT", 10.99))
	raw, err := Encode(f)
	if err != nil {
		b.Fatal(err)
	}
	return raw
}

func BenchmarkDecodeHEX32H(b *testing.B) {
	raw := typical32H(b, FormatHEX)
	var d Decoder
	var f Frame
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if err := d.Decode(raw, &f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeASCII32H(b *testing.B) {
	raw := typical32H(b, FormatASCII)
	var d Decoder
	var f Frame
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if err := d.Decode(raw, &f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeHEXLargeReport(b *testing.B) {
	raw, err := Encode(simReport(FormatHEX))
	if err != nil {
		b.Fatal(err)
	}
	var d Decoder
	var f Frame
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if err := d.Decode(raw, &f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendFrameHEX32H(b *testing.B) {
	f, err := Decode(typical32H(b, FormatHEX))
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		if buf, err = AppendFrame(buf[:0], f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSplitFrames(b *testing.B) {
	var stream []byte
	for range 100 {
		stream = append(stream, typical32H(b, FormatHEX)...)
		stream = append(stream, "noise"...)
	}
	b.SetBytes(int64(len(stream)))
	b.ReportAllocs()
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(stream))
		sc.Split(SplitFrames)
		n := 0
		for sc.Scan() {
			n++
		}
		if n != 100 {
			b.Fatalf("%d frames", n)
		}
	}
}

func BenchmarkChecksum(b *testing.B) {
	data := bytes.Repeat([]byte{0x5A}, 1024)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Checksum(data)
	}
}
