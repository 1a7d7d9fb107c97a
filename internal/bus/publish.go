package bus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sishui/sishui"
)

// Terminals finds a terminal's point under the ingest acceptance policy
// (*ingest.Ingester has it: its point cache, loaded from the store).
type Terminals interface {
	Terminal(protocol, code string) (*sishui.Point, error)
}

// Publisher is the gateway role's sink: it implements the gateway's Ingester
// by publishing each frame with its samples to the frames stream and
// returning only once the stream acknowledged every one of them (replicated
// to a quorum, on disk). A frame the stream refuses (full, no quorum,
// timeout) fails the whole submission: the gateway does not confirm, the
// terminal retries, and the failure is counted by reason in /metrics.
type Publisher struct {
	JS        jetstream.JetStream
	Terminals Terminals
	// Gateway names this gateway in the envelopes.
	Gateway string
	// AckTimeout bounds the wait for the stream's acknowledgements (default 5 s).
	AckTimeout time.Duration

	full, unavailable, failed, published, duplicates *metrics.Counter
	ack                                              *metrics.Histogram
}

// NewPublisher registers the publisher's counters in set.
func NewPublisher(js jetstream.JetStream, t Terminals, gateway string, set *metrics.Set) *Publisher {
	return &Publisher{JS: js, Terminals: t, Gateway: gateway,
		full:        set.GetOrCreateCounter(`sishui_bus_publish_failed_total{reason="stream_full"}`),
		unavailable: set.GetOrCreateCounter(`sishui_bus_publish_failed_total{reason="unavailable"}`),
		failed:      set.GetOrCreateCounter(`sishui_bus_publish_failed_total{reason="error"}`),
		published:   set.GetOrCreateCounter(`sishui_bus_published_total`),
		duplicates:  set.GetOrCreateCounter(`sishui_bus_published_duplicates_total`),
		ack:         set.GetOrCreateHistogram(`sishui_bus_ack_seconds`),
	}
}

// Terminal implements gateway.Ingester.
func (p *Publisher) Terminal(protocol, code string) (*sishui.Point, error) {
	return p.Terminals.Terminal(protocol, code)
}

// ErrStreamFull: the frames stream is at its limits; nothing was confirmed.
var ErrStreamFull = errors.New("bus: frames stream full")

// ErrUnavailable: the stream did not acknowledge in time (no quorum, no server).
var ErrUnavailable = errors.New("bus: frames stream unavailable")

// SubmitFrames implements gateway.Ingester: it publishes frames (samples
// grouped by frame, frame i owning frames[i].Samples of them) and waits for
// every acknowledgement. Inserted counts the samples of newly stored
// messages, Duplicates those of frames the stream had already (a resend).
func (p *Publisher) SubmitFrames(ctx context.Context, frames []*sishui.RawFrame, samples []sishui.Sample) (sishui.AppendResult, error) {
	start := time.Now()
	to := p.AckTimeout
	if to <= 0 {
		to = 5 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, to)
	defer cancel()
	futs := make([]jetstream.PubAckFuture, 0, len(frames))
	j := 0
	for _, f := range frames {
		env := envelopeOf(f, samples[j:j+f.Samples], p.Gateway)
		j += f.Samples
		data, err := json.Marshal(env)
		if err != nil {
			return sishui.AppendResult{}, err
		}
		m := nats.NewMsg(Subject(f.Protocol, f.Station))
		m.Data = data
		fut, err := p.JS.PublishMsgAsync(m, jetstream.WithMsgID(env.ID))
		if err != nil {
			return sishui.AppendResult{}, p.fail(err)
		}
		futs = append(futs, fut)
	}
	var res sishui.AppendResult
	for i, fut := range futs {
		select {
		case ack := <-fut.Ok():
			if ack.Duplicate {
				res.Duplicates += frames[i].Samples
				p.duplicates.Inc()
			} else {
				res.Inserted += frames[i].Samples
				p.published.Inc()
			}
		case err := <-fut.Err():
			return sishui.AppendResult{}, p.fail(err)
		case <-ctx.Done():
			return sishui.AppendResult{}, p.fail(ctx.Err())
		}
	}
	p.ack.UpdateDuration(start)
	return res, nil
}

// fail classifies and counts a refused publication.
func (p *Publisher) fail(err error) error {
	var api *jetstream.APIError
	switch {
	case errors.As(err, &api) && (api.ErrorCode == 10077 || strings.Contains(api.Description, "maximum")),
		strings.Contains(err.Error(), "maximum messages") || strings.Contains(err.Error(), "maximum bytes") ||
			strings.Contains(err.Error(), "resource limits exceeded"):
		p.full.Inc()
		return fmt.Errorf("%w: %v", ErrStreamFull, err)
	case errors.As(err, &api) && api.ErrorCode == 10158: // the same frame id is being stored (a resend racing its first publish)
		p.unavailable.Inc()
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, nats.ErrNoResponders), errors.Is(err, jetstream.ErrNoStreamResponse),
		errors.Is(err, nats.ErrConnectionClosed), errors.Is(err, nats.ErrTimeout), errors.Is(err, jetstream.ErrAsyncPublishTimeout),
		errors.Is(err, nats.ErrDisconnected), errors.Is(err, jetstream.ErrTooManyStalledMsgs):
		p.unavailable.Inc()
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	default:
		p.failed.Inc()
		return fmt.Errorf("bus: publish: %w", err)
	}
}
