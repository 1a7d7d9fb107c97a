package bus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/sishui/sishui"
)

// Names on the bus.
const (
	// FramesStream holds accepted terminal frames until a writer commits them.
	FramesStream = "SISHUI_FRAMES"
	// FramesSubject prefixes the frames' subjects: sishui.frames.PROTOCOL.STATION.
	FramesSubject = "sishui.frames"
	// WritersConsumer is the writers' shared durable pull consumer.
	WritersConsumer = "writers"
	// RegistrySubject carries "the registry changed" to every gateway's point cache.
	RegistrySubject = "sishui.registry.changed"
	// LiveSubject carries newly stored samples to every API node (live updates).
	LiveSubject = "sishui.live.samples"
	// AlertsSubject carries alert events to every API node.
	AlertsSubject = "sishui.alerts"
)

// Limits are the frames stream's explicit limits. When the stream is full new
// frames are refused (DiscardNew): gateways stop confirming and terminals
// retry, nothing stored is dropped.
type Limits struct {
	MaxBytes   int64         // default 1 GiB
	MaxMsgs    int64         // default 10,000,000
	MaxAge     time.Duration // default 7 days (unwritten frames older than this are lost: alarm long before)
	Replicas   int           // default 3
	Duplicates time.Duration // de-duplication window by frame id; default 10 min
}

func (l *Limits) defaults() {
	if l.MaxBytes <= 0 {
		l.MaxBytes = 1 << 30
	}
	if l.MaxMsgs <= 0 {
		l.MaxMsgs = 10_000_000
	}
	if l.MaxAge <= 0 {
		l.MaxAge = 7 * 24 * time.Hour
	}
	if l.Replicas <= 0 {
		l.Replicas = 3
	}
	if l.Duplicates <= 0 {
		l.Duplicates = 10 * time.Minute
	}
}

// StreamConfig is the frames stream's configuration under l.
func StreamConfig(l Limits) jetstream.StreamConfig {
	l.defaults()
	return jetstream.StreamConfig{
		Name:        FramesStream,
		Description: "sishui accepted terminal frames, gateway to writers",
		Subjects:    []string{FramesSubject + ".>"},
		Storage:     jetstream.FileStorage,
		Retention:   jetstream.WorkQueuePolicy,
		Discard:     jetstream.DiscardNew,
		Replicas:    l.Replicas,
		MaxBytes:    l.MaxBytes,
		MaxMsgs:     l.MaxMsgs,
		MaxAge:      l.MaxAge,
		MaxMsgSize:  64 << 10,
		Duplicates:  l.Duplicates,
	}
}

// EnsureStream creates the frames stream or updates its limits.
func EnsureStream(ctx context.Context, js jetstream.JetStream, l Limits) (jetstream.Stream, error) {
	var err error
	for range 30 { // a fresh cluster elects its meta leader first
		var s jetstream.Stream
		actx, cancel := context.WithTimeout(ctx, 5*time.Second)
		s, err = js.CreateOrUpdateStream(actx, StreamConfig(l))
		cancel()
		if err == nil {
			return s, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(time.Second):
		}
	}
	return nil, fmt.Errorf("bus: stream %s: %w", FramesStream, err)
}

// FrameID is the deterministic id of a frame: a resent frame (same protocol
// and bytes) has the same id, so JetStream stores it once (Nats-Msg-Id) and
// the writer archives it once.
func FrameID(protocol string, raw []byte) string {
	h := sha256.New()
	h.Write([]byte(protocol))
	h.Write([]byte{0})
	h.Write(raw)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Subject is the subject of a terminal's frames.
func Subject(protocol, station string) string {
	return FramesSubject + "." + token(protocol) + "." + token(station)
}

func token(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == '.' || r == '*' || r == '>' || r > '~' {
			return '_'
		}
		return r
	}, s)
}

// Envelope is one frame on the bus: the raw bytes, peer, arrival, the
// gateway's decode result and the samples it mapped.
type Envelope struct {
	ID       string          `json:"id"`
	Received time.Time       `json:"received"`
	Protocol string          `json:"protocol"`
	Peer     string          `json:"peer"`
	Station  string          `json:"station,omitempty"`
	Function string          `json:"function,omitempty"`
	Bytes    []byte          `json:"bytes"`
	Status   string          `json:"status"`
	Reason   string          `json:"reason,omitempty"`
	Offset   int             `json:"offset,omitempty"`
	Samples  []sishui.Sample `json:"samples,omitempty"`
	// Gateway names the gateway that accepted the frame.
	Gateway string `json:"gateway,omitempty"`
}

func envelopeOf(f *sishui.RawFrame, samples []sishui.Sample, gw string) Envelope {
	return Envelope{ID: FrameID(f.Protocol, f.Bytes), Received: f.Received.UTC(), Protocol: f.Protocol, Peer: f.Peer,
		Station: f.Station, Function: f.Function, Bytes: f.Bytes, Status: f.Status, Reason: f.Reason, Offset: f.Offset,
		Samples: samples, Gateway: gw}
}

// frame turns e back into an archive record.
func (e *Envelope) frame() *sishui.RawFrame {
	return &sishui.RawFrame{Received: e.Received, Protocol: e.Protocol, Peer: e.Peer, Station: e.Station,
		Function: e.Function, Bytes: e.Bytes, Status: e.Status, Reason: e.Reason, Offset: e.Offset, Samples: len(e.Samples)}
}

// DecodeEnvelope parses a message body.
func DecodeEnvelope(b []byte) (*Envelope, error) {
	var e Envelope
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, fmt.Errorf("bus: frame envelope: %w", err)
	}
	if e.Protocol == "" || len(e.Bytes) == 0 {
		return nil, fmt.Errorf("bus: frame envelope without protocol or bytes")
	}
	if e.ID != FrameID(e.Protocol, e.Bytes) {
		return nil, fmt.Errorf("bus: frame envelope id %q does not match its bytes", e.ID)
	}
	return &e, nil
}
