package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sishui/sishui"
)

// Sink stores frames with their samples durably (*ingest.Ingester).
type Sink interface {
	SubmitFrames(ctx context.Context, frames []*sishui.RawFrame, samples []sishui.Sample) (sishui.AppendResult, error)
}

// Archive tells which frames the raw-frame archive holds already, by frame
// id (a redelivery after a writer died between its commit and its acks, or
// a resend past the stream's de-duplication window).
type Archive interface {
	Archived(ctx context.Context, envs []*Envelope) (map[string]bool, error)
}

// Writer is the writer role: it fetches frames from the writers' durable
// pull consumer in batches, commits each batch through the ingest pipeline
// (one transaction; PostgreSQL COPY for big batches) and acknowledges the
// messages only after the commit. Any number of writers share the consumer.
// Idempotent: frames already archived are not archived again, and samples
// are keyed by (point, metric, time) in the store.
type Writer struct {
	JS      jetstream.JetStream
	Sink    Sink
	Archive Archive // nil: no archive check (tests of the stream alone)
	Log     *slog.Logger
	// Batch is the most messages fetched at once (default 1000).
	Batch int
	// AckWait is how long a fetched message stays with this writer before
	// the stream redelivers it to another (default 30 s); commits are bounded
	// well below it.
	AckWait time.Duration

	frames, samples, skipped, poison, failed, batches *metrics.Counter
	commit                                            *metrics.Histogram
}

// NewWriter registers the writer's counters in set.
func NewWriter(js jetstream.JetStream, sink Sink, arch Archive, log *slog.Logger, set *metrics.Set) *Writer {
	return &Writer{JS: js, Sink: sink, Archive: arch, Log: log,
		frames:  set.GetOrCreateCounter(`sishui_writer_frames_total`),
		samples: set.GetOrCreateCounter(`sishui_writer_samples_total`),
		skipped: set.GetOrCreateCounter(`sishui_writer_frames_already_archived_total`),
		poison:  set.GetOrCreateCounter(`sishui_writer_bad_messages_total`),
		failed:  set.GetOrCreateCounter(`sishui_writer_commit_failed_total`),
		batches: set.GetOrCreateCounter(`sishui_writer_batches_total`),
		commit:  set.GetOrCreateHistogram(`sishui_writer_commit_seconds`),
	}
}

// Consumer creates or updates the writers' durable consumer.
func (w *Writer) Consumer(ctx context.Context) (jetstream.Consumer, error) {
	aw := w.AckWait
	if aw <= 0 {
		aw = 30 * time.Second
	}
	return w.JS.CreateOrUpdateConsumer(ctx, FramesStream, jetstream.ConsumerConfig{
		Durable:       WritersConsumer,
		Description:   "sishui writers: commit frames to the store, ack after commit",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       aw,
		MaxAckPending: 50_000,
		MaxDeliver:    -1,
		FilterSubject: FramesSubject + ".>",
	})
}

// Run consumes until ctx ends.
func (w *Writer) Run(ctx context.Context) error {
	if w.Batch <= 0 {
		w.Batch = 1000
	}
	var cons jetstream.Consumer
	var err error
	for cons == nil {
		if cons, err = w.Consumer(ctx); err != nil {
			w.Log.Warn("writer: consumer not ready", "err", err)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(time.Second):
			}
		}
	}
	for ctx.Err() == nil {
		b, err := cons.Fetch(w.Batch, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			w.Log.Warn("writer: fetch", "err", err)
			time.Sleep(200 * time.Millisecond)
			continue
		}
		var msgs []jetstream.Msg
		for m := range b.Messages() {
			msgs = append(msgs, m)
		}
		if err := b.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && ctx.Err() == nil {
			w.Log.Debug("writer: fetch ended", "err", err)
		}
		if len(msgs) > 0 {
			w.process(ctx, msgs)
		}
	}
	return nil
}

// process commits one fetched batch and acknowledges it.
func (w *Writer) process(ctx context.Context, msgs []jetstream.Msg) {
	var envs []*Envelope
	var good []jetstream.Msg
	seen := map[string]bool{}
	var dupMsgs []jetstream.Msg
	for _, m := range msgs {
		e, err := DecodeEnvelope(m.Data())
		if err != nil {
			w.poison.Inc()
			w.Log.Error("writer: bad message, terminated", "subject", m.Subject(), "err", err)
			_ = m.Term()
			continue
		}
		if seen[e.ID] { // the same frame twice in one batch
			dupMsgs = append(dupMsgs, m)
			continue
		}
		seen[e.ID] = true
		envs = append(envs, e)
		good = append(good, m)
	}
	start := time.Now()
	cctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	var done map[string]bool
	if w.Archive != nil && len(envs) > 0 {
		var err error
		if done, err = w.Archive.Archived(cctx, envs); err != nil {
			w.nak(good, err)
			return
		}
	}
	var frames []*sishui.RawFrame
	var samples []sishui.Sample
	for _, e := range envs {
		if done[e.ID] {
			w.skipped.Inc()
			continue
		}
		frames = append(frames, e.frame())
		samples = append(samples, e.Samples...)
	}
	if len(frames) > 0 {
		if _, err := w.Sink.SubmitFrames(cctx, frames, samples); err != nil {
			w.nak(good, err)
			return
		}
	}
	w.commit.UpdateDuration(start)
	w.batches.Inc()
	w.frames.Add(len(frames))
	w.samples.Add(len(samples))
	for _, m := range append(good, dupMsgs...) {
		// DoubleAck would wait a round trip per message; a lost ack only
		// means a redelivery, which the archive check absorbs.
		if err := m.Ack(); err != nil {
			w.Log.Warn("writer: ack", "err", err)
		}
	}
}

func (w *Writer) nak(msgs []jetstream.Msg, err error) {
	w.failed.Inc()
	w.Log.Error("writer: commit failed, redelivering", "messages", len(msgs), "err", err)
	for _, m := range msgs {
		_ = m.NakWithDelay(time.Second)
	}
}

// PGArchive checks the PostgreSQL frame archive (migration 012 indexes the
// frames' bytes by hash for it).
type PGArchive struct{ Pool *pgxpool.Pool }

// Archived implements Archive.
func (a PGArchive) Archived(ctx context.Context, envs []*Envelope) (map[string]bool, error) {
	raws := make([][]byte, len(envs))
	for i, e := range envs {
		raws[i] = e.Bytes
	}
	rows, err := a.Pool.Query(ctx, `SELECT DISTINCT f.protocol, f.bytes FROM unnest($1::bytea[]) AS u(b) JOIN frames f ON f.bytes = u.b`, raws)
	if err != nil {
		return nil, fmt.Errorf("bus: archive check: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var proto string
		var b []byte
		if err := rows.Scan(&proto, &b); err != nil {
			return nil, err
		}
		out[FrameID(proto, b)] = true
	}
	return out, rows.Err()
}
