// Package mqttin feeds observations published on an MQTT broker into the
// ingester. It subscribes with QoS 1 on a persistent session (clean session
// off, a fixed client ID), so the broker keeps messages for it across
// disconnects and restarts, and acknowledges a message (PUBACK) only after
// ingest.Ingester.Submit has returned with the message's samples durable.
//
// # Payload
//
// A message is JSON: either one observation object or a batch in the shape
// of POST /api/v1/observations:
//
//	{"point": 12, "metric": "flow_m3s", "time": "2026-03-01T08:00:00+08:00", "value": 1.25}
//	{"code": "0012345678", "metric": "volume_m3", "time": "…", "value": 1234.5}
//	{"observations": [ …the same objects… ]}
//
// An observation without "point" or "code" takes its code from the topic,
// through the topic template (for example sishui/obs/{code}: a message on
// sishui/obs/0012345678 is for the point with code 0012345678). The protocol
// of a code is "mqtt" unless the observation names another.
//
// Messages that cannot be parsed, and observations the ingester rejects, are
// logged and acknowledged (a redelivery would not fix them). When Submit
// fails (the store is unavailable) the message is retried with back-off and
// is not acknowledged until it succeeds; if the subscriber is closed first,
// the broker delivers it again on the next connection.
package mqttin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
)

// Config says where to subscribe.
type Config struct {
	Broker   string   // e.g. tcp://127.0.0.1:1883 (required)
	ClientID string   // fixed client ID of the persistent session (required)
	Username string   //
	Password string   //
	Topics   []string // subscription filters; default the template with {code} as +
	// Template is the topic template that names the point code, e.g.
	// "sishui/obs/{code}"; default "sishui/obs/{code}".
	Template string
	// Protocol of codes without one; default "" (the one point holding the
	// code, whatever its protocol).
	Protocol string
	// MinBackoff and MaxBackoff bound the retry delay of failing submits;
	// defaults 100 ms and 30 s.
	MinBackoff, MaxBackoff time.Duration
	Logger                 *slog.Logger // nil: slog.Default
}

// Stats counts what a Subscriber did.
type Stats struct {
	Messages  int64 // received
	Acked     int64 // acknowledged
	Malformed int64 // acknowledged without storing anything: unparsable
	Failures  int64 // failed Submit attempts
}

// Subscriber is a running MQTT subscription.
type Subscriber struct {
	cfg    Config
	ing    *ingest.Ingester
	client mqtt.Client
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	messages, acked, malformed, failures atomic.Int64
}

// Start connects to the broker and subscribes. It returns once the first
// connection and subscription succeeded; the client reconnects by itself
// afterwards.
func Start(ctx context.Context, ing *ingest.Ingester, cfg Config) (*Subscriber, error) {
	if cfg.Broker == "" || cfg.ClientID == "" {
		return nil, errors.New("mqttin: broker and client id are required")
	}
	if cfg.Template == "" {
		cfg.Template = "sishui/obs/{code}"
	}
	if !strings.Contains(cfg.Template, "{code}") {
		return nil, fmt.Errorf("mqttin: topic template %q lacks {code}", cfg.Template)
	}
	if len(cfg.Topics) == 0 {
		cfg.Topics = []string{strings.ReplaceAll(cfg.Template, "{code}", "+")}
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = 100 * time.Millisecond
	}
	if cfg.MaxBackoff < cfg.MinBackoff {
		cfg.MaxBackoff = max(30*time.Second, cfg.MinBackoff)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Subscriber{cfg: cfg, ing: ing}
	s.ctx, s.cancel = context.WithCancel(sishui.WithActor(context.WithoutCancel(ctx), sishui.SystemActor))
	subscribed := make(chan error, 1)
	opts := mqtt.NewClientOptions().
		AddBroker(cfg.Broker).
		SetClientID(cfg.ClientID).
		SetUsername(cfg.Username).
		SetPassword(cfg.Password).
		SetCleanSession(false).
		SetAutoAckDisabled(true).
		SetOrderMatters(true).
		SetAutoReconnect(true).
		// A persistent session's queued messages arrive as soon as the
		// connection opens, before the subscription is (re)made: route them too.
		SetDefaultPublishHandler(s.handle).
		SetMaxReconnectInterval(10 * time.Second).
		SetOnConnectHandler(func(c mqtt.Client) {
			filters := make(map[string]byte, len(cfg.Topics))
			for _, t := range cfg.Topics {
				filters[t] = 1
			}
			tok := c.SubscribeMultiple(filters, s.handle)
			tok.Wait()
			if err := tok.Error(); err != nil {
				cfg.Logger.Error("mqttin: subscribe", "err", err)
			}
			select {
			case subscribed <- tok.Error():
			default:
			}
		})
	s.client = mqtt.NewClient(opts)
	tok := s.client.Connect()
	select {
	case <-tok.Done():
	case <-ctx.Done():
		s.client.Disconnect(0)
		return nil, fmt.Errorf("mqttin: connect: %w", ctx.Err())
	}
	if err := tok.Error(); err != nil {
		return nil, fmt.Errorf("mqttin: connect %s: %w", cfg.Broker, err)
	}
	select {
	case err := <-subscribed:
		if err != nil {
			s.client.Disconnect(0)
			return nil, fmt.Errorf("mqttin: subscribe: %w", err)
		}
	case <-ctx.Done():
		s.client.Disconnect(0)
		return nil, fmt.Errorf("mqttin: subscribe: %w", ctx.Err())
	}
	return s, nil
}

// Close stops the subscription: a message whose Submit has not succeeded
// stays unacknowledged, and the broker delivers it again to the next session
// with the same client ID.
func (s *Subscriber) Close() {
	s.cancel()
	s.client.Disconnect(250)
	s.wg.Wait()
}

// Stats returns the counters.
func (s *Subscriber) Stats() Stats {
	return Stats{Messages: s.messages.Load(), Acked: s.acked.Load(), Malformed: s.malformed.Load(), Failures: s.failures.Load()}
}

func (s *Subscriber) handle(_ mqtt.Client, m mqtt.Message) {
	s.wg.Add(1)
	defer s.wg.Done()
	s.messages.Add(1)
	obs, err := ParsePayload(m.Payload(), m.Topic(), s.cfg.Template, s.cfg.Protocol)
	if err != nil {
		s.malformed.Add(1)
		s.cfg.Logger.Warn("mqttin: malformed message acknowledged", "topic", m.Topic(), "err", err)
		m.Ack()
		s.acked.Add(1)
		return
	}
	backoff := s.cfg.MinBackoff
	for {
		res, err := s.ing.Submit(s.ctx, obs)
		if err == nil {
			for i, r := range res {
				if r.Status == ingest.Rejected {
					s.cfg.Logger.Warn("mqttin: observation rejected", "topic", m.Topic(), "index", i, "reason", r.Reason)
				}
			}
			m.Ack()
			s.acked.Add(1)
			return
		}
		s.failures.Add(1)
		if s.ctx.Err() != nil || errors.Is(err, ingest.ErrClosed) {
			return // not acknowledged: redelivered to the next session
		}
		s.cfg.Logger.Warn("mqttin: submit failed, retrying", "topic", m.Topic(), "in", backoff, "err", err)
		t := time.NewTimer(backoff)
		select {
		case <-s.ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		backoff = min(backoff*2, s.cfg.MaxBackoff)
	}
}

// ParsePayload decodes a message: one observation object, or
// {"observations": [...]}. Observations without point or code take the code
// from topic through template; codes without a protocol get protocol.
func ParsePayload(payload []byte, topic, template, protocol string) ([]ingest.Observation, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(payload, &probe); err != nil {
		return nil, fmt.Errorf("mqttin: payload must be a JSON object: %w", err)
	}
	var body []byte
	if _, batch := probe["observations"]; batch {
		body = payload
	} else {
		body = append(append([]byte(`{"observations":[`), payload...), ']', '}')
	}
	code, hasCode := codeFromTopic(topic, template)
	// Fill the code from the topic before parsing, so that the parser's
	// "point or code is required" rule sees it.
	var env struct {
		Observations []map[string]json.RawMessage `json:"observations"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, fmt.Errorf("mqttin: %w", err)
	}
	for _, o := range env.Observations {
		if o == nil {
			continue
		}
		_, p := o["point"]
		_, c := o["code"]
		if !p && !c && hasCode {
			o["code"], _ = json.Marshal(code)
		}
		if _, ok := o["protocol"]; !ok && (c || !p) {
			o["protocol"], _ = json.Marshal(protocol)
		}
	}
	body, err := json.Marshal(env)
	if err != nil {
		return nil, fmt.Errorf("mqttin: %w", err)
	}
	obs, err := ingest.ParseObservations(body)
	if err != nil {
		return nil, fmt.Errorf("mqttin: %w", err)
	}
	return obs, nil
}

// codeFromTopic matches topic against template and returns the {code} part.
func codeFromTopic(topic, template string) (string, bool) {
	i := strings.Index(template, "{code}")
	if i < 0 {
		return "", false
	}
	prefix, suffix := template[:i], template[i+len("{code}"):]
	if !strings.HasPrefix(topic, prefix) || !strings.HasSuffix(topic, suffix) || len(topic) <= len(prefix)+len(suffix) {
		return "", false
	}
	code := topic[len(prefix) : len(topic)-len(suffix)]
	if strings.Contains(code, "/") {
		return "", false
	}
	return code, true
}
