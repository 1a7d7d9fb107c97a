package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/sqlite"
)

func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkIngestFrames is the store's side of a gateway group commit: 800
// SL 651 reports of 1,000 terminals (one frame of 60 bytes and two samples
// each, every terminal reporting once a minute) archived and appended in one
// IngestFrames transaction, as the ingester commits them under load. It
// reports the process CPU time per report (the machine is shared: CPU time,
// not wall time, is the figure to compare) and, measured in the same run,
// the CPU time per row of the bare keyed table (sqlite.RawAppendRate).
// SISHUI_BENCH_OUTBOX=1 turns the national link on (both metrics queued).
func BenchmarkIngestFrames(b *testing.B) {
	s, points := benchStore(b)
	ctx := context.Background()
	const perCommit = 800
	payload := make([]byte, 60)
	var frames []*sishui.RawFrame
	var samples []sishui.Sample
	k := 0
	next := func() {
		frames, samples = frames[:0], samples[:0]
		for range perCommit {
			i := k % len(points)
			t := benchBase.Add(time.Duration(k/len(points)) * time.Minute)
			frames = append(frames, &sishui.RawFrame{Received: t, Protocol: sishui.ProtocolSL651, Peer: "127.0.0.1:40000",
				Station: fmt.Sprintf("%010d", i+1), Function: "32", Bytes: payload, Status: sishui.FrameOK, Samples: 2})
			samples = append(samples,
				sishui.Sample{Point: points[i], Metric: sishui.MetricLevelM, Time: t, Value: float64(k % 100)},
				sishui.Sample{Point: points[i], Metric: sishui.MetricRainMM, Time: t, Value: float64(k % 7)})
			k++
		}
	}
	if os.Getenv("SISHUI_BENCH_OUTBOX") != "" { // the national link on: both metrics queued
		s.EnableOutbox(sishui.MetricLevelM, sishui.MetricRainMM)
	}
	for _, q := range strings.Split(os.Getenv("XSQL"), ";") {
		if q != "" {
			if _, err := s.DB.DB.Exec(q); err != nil {
				b.Fatal(err)
			}
		}
	}
	// Fill an hour first so that the tables are the size they are in service.
	for range 60 * benchPoints / perCommit {
		next()
		if _, err := s.IngestFrames(ctx, frames, samples); err != nil {
			b.Fatal(err)
		}
	}
	reports := 0
	c0 := processCPU()
	b.ResetTimer()
	for b.Loop() {
		next()
		res, err := s.IngestFrames(ctx, frames, samples)
		if err != nil {
			b.Fatal(err)
		}
		if res.Inserted != len(samples) {
			b.Fatalf("inserted %d of %d", res.Inserted, len(samples))
		}
		reports += perCommit
	}
	cpu := processCPU() - c0
	b.StopTimer()
	c1 := processCPU()
	const rawRows = 200_000
	if _, err := sqlite.RawAppendRate(filepath.Join(b.TempDir(), "bare.db"), rawRows, benchPoints); err != nil {
		b.Fatal(err)
	}
	rawCPU := processCPU() - c1
	b.ReportMetric(float64(cpu.Nanoseconds())/1e3/float64(reports), "cpu-µs/report")
	b.ReportMetric(float64(rawCPU.Nanoseconds())/1e3/rawRows, "bare-cpu-µs/row")
	b.ReportMetric(float64(reports)/b.Elapsed().Seconds(), "reports/s")
}

// BenchmarkListStationFrames lists one station's newest 50 frames (with the
// total count, as the frames API does) in an archive of 400,000 frames of
// 1,000 terminals: an active station, and a station whose only frame is the
// archive's first, whose search walks every id group (migration 022).
func BenchmarkListStationFrames(b *testing.B) {
	s, _ := benchStore(b)
	ctx := context.Background()
	const total, stations = 400_000, 1000
	batch := make([]*sishui.RawFrame, 0, 5000)
	payload := make([]byte, 60)
	for i := range total {
		st := fmt.Sprintf("%010d", i%stations+1)
		if i == 0 {
			st = "0000099999"
		}
		batch = append(batch, &sishui.RawFrame{Received: benchBase.Add(time.Duration(i) * 60 * time.Millisecond), Protocol: sishui.ProtocolSL651,
			Station: st, Function: "32", Bytes: payload, Status: sishui.FrameOK, Samples: 2})
		if len(batch) == cap(batch) {
			if err := s.ArchiveFrames(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	for _, c := range []struct {
		name, station string
		want          int
	}{{"active", "0000000500", total / stations}, {"first-only", "0000099999", 1}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				fs, n, err := s.ListFrames(ctx, sishui.FrameFilter{Station: c.station, Page: sishui.Page{Limit: 50}})
				if err != nil {
					b.Fatal(err)
				}
				if n != c.want || len(fs) != min(50, c.want) {
					b.Fatalf("%d frames, %d listed", n, len(fs))
				}
			}
		})
	}
}
