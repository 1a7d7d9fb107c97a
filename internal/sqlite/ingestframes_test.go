package sqlite_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// TestIngestFramesChunks: a group commit of 230 frames and 460 samples
// goes through statements of several sizes (100, then the tail in powers of
// two) on the driver connection: the frames get consecutive ids in order,
// every sample is stored and counted, the newest of each series is its
// latest, every sample is queued for the national link once (a resend
// queues nothing more), and a commit that fails (an unknown point) stores
// none of its frames and queues none of its samples.
func TestIngestFramesChunks(t *testing.T) {
	s, points := benchStore(t)
	ctx := context.Background()
	s.EnableOutbox(sishui.MetricLevelM)
	queued := func(want int, when string) {
		t.Helper()
		items, err := s.OutboxHead(ctx, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != want {
			t.Errorf("%s: %d samples queued for the national link, want %d", when, len(items), want)
		}
	}
	batch := func(minute int) ([]*sishui.RawFrame, []sishui.Sample) {
		at := benchBase.Add(time.Duration(minute) * time.Minute)
		var frames []*sishui.RawFrame
		var samples []sishui.Sample
		for i := range 230 {
			frames = append(frames, &sishui.RawFrame{Received: at, Protocol: sishui.ProtocolSL651, Peer: "127.0.0.1:40000",
				Station: fmt.Sprintf("%010d", i+1), Function: "32", Bytes: []byte{0x7E, 0x7E, byte(i)}, Samples: 2})
			samples = append(samples,
				sishui.Sample{Point: points[i], Metric: sishui.MetricLevelM, Time: at, Value: float64(minute*1000 + i)},
				sishui.Sample{Point: points[i], Metric: sishui.MetricLevelM, Time: at.Add(-time.Minute), Value: -1})
		}
		return frames, samples
	}
	frames, samples := batch(10)
	res, err := s.IngestFrames(ctx, frames, samples)
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != len(samples) || res.Duplicates != 0 {
		t.Fatalf("first commit: %+v", res)
	}
	queued(len(samples), "first commit")
	for i, f := range frames {
		if f.ID == 0 || i > 0 && f.ID != frames[i-1].ID+1 {
			t.Fatalf("frame %d has id %d after %d", i, f.ID, frames[max(i-1, 0)].ID)
		}
	}
	for _, i := range []int{0, 99, 100, 229} {
		latest, err := s.LatestSamples(ctx, points[i])
		if err != nil {
			t.Fatal(err)
		}
		if len(latest) != 1 || latest[0].Value != float64(10_000+i) {
			t.Errorf("point %d latest %+v", i, latest)
		}
	}
	again, samples2 := batch(10)
	res, err = s.IngestFrames(ctx, again, samples2)
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 0 || res.Duplicates != len(samples2) || again[0].ID != frames[229].ID+1 {
		t.Fatalf("resend: %+v, first id %d", res, again[0].ID)
	}
	queued(len(samples), "resend")
	bad, badSamples := batch(20)
	badSamples[300].Point = 999_999
	if _, err := s.IngestFrames(ctx, bad, badSamples); sishui.ErrorCode(err) != sishui.EINVALID {
		t.Fatalf("unknown point: %v", err)
	}
	queued(len(samples), "failed commit")
	_, n, err := s.ListFrames(ctx, sishui.FrameFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n != 460 {
		t.Errorf("%d frames archived, want 460 (none of the failed commit)", n)
	}
}
