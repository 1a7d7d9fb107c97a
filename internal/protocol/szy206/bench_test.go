package szy206

import (
	"bufio"
	"bytes"
	"testing"
	"time"
)

func BenchmarkDecodeInto(b *testing.B) {
	benchFrame := flowSample(b)
	p := ProfileSZY206()
	var f Frame
	b.SetBytes(int64(len(benchFrame)))
	b.ReportAllocs()
	for b.Loop() {
		if err := DecodeInto(&f, benchFrame, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	benchFrame := flowSample(b)
	p := ProfileSZY206()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(benchFrame, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendReport(b *testing.B) {
	p := ProfileSZY206()
	tp := NewTimeTag(time.Date(2025, 7, 1, 8, 0, 0, 0, beijing), 10, 5)
	r := Report{Address: CodeAddress(0x12345678), FCB: 3, Type: TypeFlow, Time: &tp,
		Readings: []Reading{NewReading(KindFlow, 1, 5.9), NewReading(KindVolume, 1, 106182)}}
	buf := make([]byte, 0, MaxFrameLen)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if buf, err = AppendReport(buf[:0], &r, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSplitFrames(b *testing.B) {
	stream := bytes.Repeat(append([]byte{0x00, 0x68}, flowSample(b)...), 1000)
	b.SetBytes(int64(len(stream)))
	b.ReportAllocs()
	for b.Loop() {
		sc := bufio.NewScanner(bytes.NewReader(stream))
		sc.Split(SplitFrames)
		n := 0
		for sc.Scan() {
			n++
		}
		if n != 1000 {
			b.Fatalf("%d frames", n)
		}
	}
}
