package bus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sishui/sishui"
)

func freeBase(t *testing.T, n int) int {
	t.Helper()
	b, err := FreeLoopbackBase(n)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// startCluster starts an n-node JetStream cluster in this process.
func startCluster(t *testing.T, n int) ([]*server.Server, []NodeConfig) {
	t.Helper()
	dir := t.TempDir()
	nodes := LoopbackCluster(dir, n, freeBase(t, n))
	var srv []*server.Server
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	for _, nc := range nodes {
		p, err := WriteConf(dir, nc)
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() { // cluster nodes wait for each other before they are ready
			defer wg.Done()
			s, err := StartNode(p, false)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = err
			}
			if s != nil {
				srv = append(srv, s)
			}
		}()
	}
	wg.Wait()
	t.Cleanup(func() {
		for _, s := range srv {
			s.Shutdown()
		}
	})
	if firstErr != nil {
		t.Fatal(firstErr)
	}
	return srv, nodes
}

func connect(t *testing.T, urls string) jetstream.JetStream { return connectB(t, urls) }

func connectB(t testing.TB, urls string) jetstream.JetStream {
	t.Helper()
	nc, err := nats.Connect(urls, nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

type noTerminals struct{}

func (noTerminals) Terminal(string, string) (*sishui.Point, error) { return nil, errors.New("none") }

// memSink is a store that archives frames and keeps samples by key.
type memSink struct {
	mu      sync.Mutex
	frames  []*sishui.RawFrame
	samples map[string]int
	fail    bool
}

func (m *memSink) SubmitFrames(_ context.Context, fs []*sishui.RawFrame, ss []sishui.Sample) (sishui.AppendResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail {
		return sishui.AppendResult{}, errors.New("store down")
	}
	m.frames = append(m.frames, fs...)
	if m.samples == nil {
		m.samples = map[string]int{}
	}
	for _, x := range ss {
		m.samples[fmt.Sprint(x.Point, x.Metric, x.Time.UnixMilli())]++
	}
	return sishui.AppendResult{Inserted: len(ss)}, nil
}

// memArchive answers from the sink's frames.
type memArchive struct{ s *memSink }

func (a memArchive) Archived(_ context.Context, envs []*Envelope) (map[string]bool, error) {
	a.s.mu.Lock()
	defer a.s.mu.Unlock()
	out := map[string]bool{}
	for _, f := range a.s.frames {
		out[FrameID(f.Protocol, f.Bytes)] = true
	}
	return out, nil
}

func frame(i int) (*sishui.RawFrame, []sishui.Sample) {
	f := &sishui.RawFrame{Received: time.Now(), Protocol: sishui.ProtocolSL651, Peer: "127.0.0.1:1",
		Station: fmt.Sprintf("%010d", i%7), Bytes: []byte(fmt.Sprintf("frame %d", i)), Status: sishui.FrameOK, Samples: 2}
	t0 := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute)
	return f, []sishui.Sample{{Point: int64(i%7 + 1), Metric: 1, Time: t0, Value: float64(i)}, {Point: int64(i%7 + 1), Metric: 2, Time: t0, Value: 1}}
}

// TestPublishConsumeExactlyOnce publishes frames (each twice, as a terminal
// resends an unconfirmed frame) through a 3-node cluster and consumes them
// with two writers: every frame is stored once, its samples once.
func TestPublishConsumeExactlyOnce(t *testing.T) {
	_, nodes := startCluster(t, 3)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	js := connect(t, URLs(nodes))
	if _, err := EnsureStream(ctx, js, Limits{Replicas: 3}); err != nil {
		t.Fatal(err)
	}
	set := metrics.NewSet()
	pub := NewPublisher(js, noTerminals{}, "gw1", set)
	const n = 300
	for round := range 2 {
		for i := 0; i < n; i += 10 {
			var fs []*sishui.RawFrame
			var ss []sishui.Sample
			for k := i; k < i+10; k++ {
				f, s := frame(k)
				fs, ss = append(fs, f), append(ss, s...)
			}
			res, err := pub.SubmitFrames(ctx, fs, ss)
			if err != nil {
				t.Fatal(err)
			}
			if round == 0 && res.Inserted != 20 || round == 1 && res.Duplicates != 20 {
				t.Fatalf("round %d: %+v", round, res)
			}
		}
	}
	info, err := js.Stream(ctx, FramesStream)
	if err != nil {
		t.Fatal(err)
	}
	if si, _ := info.Info(ctx); si.State.Msgs != n || si.Config.Replicas != 3 {
		t.Fatalf("stream holds %d messages at R%d, want %d at R3", si.State.Msgs, si.Config.Replicas, n)
	}
	sink := &memSink{}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	wctx, wcancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range 2 {
		w := NewWriter(connect(t, URLs(nodes)), sink, memArchive{sink}, log, metrics.NewSet())
		w.Batch = 50
		wg.Add(1)
		go func() { defer wg.Done(); w.Run(wctx) }()
	}
	deadline := time.Now().Add(time.Minute)
	for {
		sink.mu.Lock()
		got := len(sink.frames)
		sink.mu.Unlock()
		si, _ := info.Info(ctx)
		if got >= n && si.State.Msgs == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("drained %d of %d frames, %d left in the stream", got, n, si.State.Msgs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	wcancel()
	wg.Wait()
	if len(sink.frames) != n || len(sink.samples) != 2*n {
		t.Fatalf("%d frames, %d sample keys; want %d, %d", len(sink.frames), len(sink.samples), n, 2*n)
	}
	for k, c := range sink.samples {
		if c != 1 {
			t.Fatalf("sample %s stored %d times", k, c)
		}
	}
}

// TestStreamFullRefuses fills a small stream: the publisher refuses (the
// gateway will not confirm) and counts it as stream_full.
func TestStreamFullRefuses(t *testing.T) {
	_, nodes := startCluster(t, 1)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	js := connect(t, URLs(nodes))
	if _, err := EnsureStream(ctx, js, Limits{Replicas: 1, MaxMsgs: 5}); err != nil {
		t.Fatal(err)
	}
	set := metrics.NewSet()
	pub := NewPublisher(js, noTerminals{}, "gw1", set)
	for i := range 5 {
		f, s := frame(i)
		if _, err := pub.SubmitFrames(ctx, []*sishui.RawFrame{f}, s); err != nil {
			t.Fatal(err)
		}
	}
	f, s := frame(99)
	_, err := pub.SubmitFrames(ctx, []*sishui.RawFrame{f}, s)
	if !errors.Is(err, ErrStreamFull) {
		t.Fatalf("6th frame into a 5-message stream: %v, want ErrStreamFull", err)
	}
	if c := set.GetOrCreateCounter(`sishui_bus_publish_failed_total{reason="stream_full"}`).Get(); c != 1 {
		t.Fatalf("stream_full counter %d, want 1", c)
	}
}

// TestUnavailableRefuses: with its only node gone the publisher refuses
// within its ack timeout and counts it as unavailable.
func TestUnavailableRefuses(t *testing.T) {
	srv, nodes := startCluster(t, 1)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	js := connect(t, URLs(nodes))
	if _, err := EnsureStream(ctx, js, Limits{Replicas: 1}); err != nil {
		t.Fatal(err)
	}
	set := metrics.NewSet()
	pub := NewPublisher(js, noTerminals{}, "gw1", set)
	pub.AckTimeout = time.Second
	srv[0].Shutdown()
	f, s := frame(1)
	if _, err := pub.SubmitFrames(ctx, []*sishui.RawFrame{f}, s); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("publish with the server down: %v, want ErrUnavailable", err)
	}
	if c := set.GetOrCreateCounter(`sishui_bus_publish_failed_total{reason="unavailable"}`).Get(); c != 1 {
		t.Fatalf("unavailable counter %d, want 1", c)
	}
}

// TestWriterRedeliversAfterFailedCommit: a failed commit is not acked; the
// frame is committed once the store is back.
func TestWriterRedeliversAfterFailedCommit(t *testing.T) {
	_, nodes := startCluster(t, 1)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	js := connect(t, URLs(nodes))
	if _, err := EnsureStream(ctx, js, Limits{Replicas: 1}); err != nil {
		t.Fatal(err)
	}
	pub := NewPublisher(js, noTerminals{}, "gw1", metrics.NewSet())
	f, s := frame(1)
	if _, err := pub.SubmitFrames(ctx, []*sishui.RawFrame{f}, s); err != nil {
		t.Fatal(err)
	}
	sink := &memSink{fail: true}
	set := metrics.NewSet()
	w := NewWriter(js, sink, memArchive{sink}, slog.New(slog.NewTextHandler(io.Discard, nil)), set)
	wctx, wcancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); w.Run(wctx) }()
	for set.GetOrCreateCounter(`sishui_writer_commit_failed_total`).Get() == 0 {
		if ctx.Err() != nil {
			t.Fatal("no failed commit")
		}
		time.Sleep(20 * time.Millisecond)
	}
	sink.mu.Lock()
	sink.fail = false
	sink.mu.Unlock()
	for {
		sink.mu.Lock()
		n := len(sink.frames)
		sink.mu.Unlock()
		if n == 1 {
			break
		}
		if ctx.Err() != nil {
			t.Fatal("frame not committed after the store came back")
		}
		time.Sleep(20 * time.Millisecond)
	}
	wcancel()
	<-done
}

func TestFrameIDAndSubject(t *testing.T) {
	a, b := FrameID("sl651", []byte{1, 2}), FrameID("szy206", []byte{1, 2})
	if a == b || a != FrameID("sl651", []byte{1, 2}) || len(a) != 32 {
		t.Fatalf("frame ids %s %s", a, b)
	}
	if got := Subject("sl651", "00.1*>"); got != "sishui.frames.sl651.00_1__" {
		t.Fatalf("subject %q", got)
	}
	if got := Subject("sl651", ""); got != "sishui.frames.sl651._" {
		t.Fatalf("subject %q", got)
	}
	e := envelopeOf(&sishui.RawFrame{Protocol: "sl651", Bytes: []byte{1}}, nil, "g")
	e.Bytes = []byte{2}
	if _, err := DecodeEnvelope([]byte(`{"id":"` + e.ID + `","protocol":"sl651","bytes":"Ag=="}`)); err == nil {
		t.Fatal("envelope whose id does not match its bytes accepted")
	}
}
