package bus

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/nats-io/nats.go/jetstream"
)

// SessionsBucket is the JetStream key-value bucket of live terminal
// sessions across gateways (key PROTOCOL.ADDRESS).
const SessionsBucket = "sishui_sessions"

// Session is a terminal's live connection as a gateway registers it.
type Session struct {
	Protocol  string    `json:"protocol"`
	Address   string    `json:"address"`
	Gateway   string    `json:"gateway"`
	Peer      string    `json:"peer"`
	Connected time.Time `json:"connected"`
	Seen      time.Time `json:"seen"` // last registration
}

// Sessions registers a gateway's bound terminals in the sessions bucket, so
// that every gateway (and the hardening issue's impersonation signals) sees
// a terminal that is connected to another gateway at the same time.
type Sessions struct {
	KV      jetstream.KeyValue
	Gateway string
	Log     *slog.Logger
	// TTL is how long an entry outlives its gateway's last refresh; the
	// bucket's own TTL. Refreshes happen every TTL/3.
	TTL time.Duration

	known     map[string]Session // registered by us: key → what we wrote
	elsewhere *metrics.Counter
}

// OpenSessions creates or binds the bucket (replicas as the frames stream).
func OpenSessions(ctx context.Context, js jetstream.JetStream, gateway string, replicas int, ttl time.Duration, log *slog.Logger, set *metrics.Set) (*Sessions, error) {
	if ttl <= 0 {
		ttl = 2 * time.Minute
	}
	if replicas <= 0 {
		replicas = 3
	}
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: SessionsBucket, TTL: ttl, Replicas: replicas,
		Storage: jetstream.FileStorage, Description: "sishui terminal sessions across gateways"})
	if err != nil {
		return nil, err
	}
	return &Sessions{KV: kv, Gateway: gateway, Log: log, TTL: ttl, known: map[string]Session{},
		elsewhere: set.GetOrCreateCounter(`sishui_gateway_terminal_elsewhere_total`)}, nil
}

func sessionKey(protocol, address string) string { return token(protocol) + "." + token(address) }

// Sync registers the gateway's live sessions: new ones are checked against
// the bucket first (a live entry of another gateway or peer is an
// impersonation signal: counted and logged), known ones are refreshed every
// TTL/3. Not safe for concurrent use; one goroutine calls it periodically.
func (s *Sessions) Sync(ctx context.Context, live []Session, now time.Time) error {
	cur := map[string]bool{}
	var firstErr error
	for _, x := range live {
		if x.Address == "" {
			continue
		}
		k := sessionKey(x.Protocol, x.Address)
		cur[k] = true
		old, ok := s.known[k]
		if ok && old.Peer == x.Peer && now.Sub(old.Seen) < s.TTL/3 {
			continue
		}
		if !ok || old.Peer != x.Peer {
			if e, err := s.Lookup(ctx, x.Protocol, x.Address); err == nil && (e.Gateway != s.Gateway || e.Peer != x.Peer) && now.Sub(e.Seen) < s.TTL {
				s.elsewhere.Inc()
				s.Log.Warn("terminal connected through two gateways at once", "protocol", x.Protocol, "address", x.Address,
					"here_peer", x.Peer, "other_gateway", e.Gateway, "other_peer", e.Peer)
			}
		}
		x.Gateway, x.Seen = s.Gateway, now.UTC()
		b, _ := json.Marshal(x)
		if _, err := s.KV.Put(ctx, k, b); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		s.known[k] = x
	}
	for k := range s.known {
		if !cur[k] {
			delete(s.known, k)
			// Remove our entry only if it is still ours (a newer gateway may hold it).
			if e, err := s.KV.Get(ctx, k); err == nil {
				var x Session
				if json.Unmarshal(e.Value(), &x) == nil && x.Gateway == s.Gateway {
					_ = s.KV.Delete(ctx, k, jetstream.LastRevision(e.Revision()))
				}
			}
		}
	}
	return firstErr
}

// Lookup returns a terminal's registered session.
func (s *Sessions) Lookup(ctx context.Context, protocol, address string) (Session, error) {
	e, err := s.KV.Get(ctx, sessionKey(protocol, address))
	if err != nil {
		return Session{}, err
	}
	var x Session
	if err := json.Unmarshal(e.Value(), &x); err != nil {
		return Session{}, errors.New("bus: bad session entry")
	}
	return x, nil
}
