package gateway

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/VictoriaMetrics/metrics"

	"github.com/sishui/sishui"
)

// Rejection kinds: the "kind" label of sishui_gateway_frame_errors_total and
// the prefix of an archived frame's Reason.
const (
	KindChecksum        = "checksum"
	KindTruncated       = "truncated"
	KindLength          = "length"
	KindSyntax          = "syntax"
	KindUnknownFunction = "unknown_function"
	KindPacket          = "packet" // SL 651 M3 packet or SZY 206 split sequence
	KindUnknownTerminal = "unknown_terminal"
	KindRetired         = "retired_terminal"
	KindPassword        = "password"
	KindNoPassword      = "no_password"    // SL 651 point without a terminal password (Server.AllowNoPassword off)
	KindSourceNet       = "source_network" // peer outside the allowed source networks
	KindDirection       = "direction"      // a downlink frame sent by a terminal
	KindTooLong         = "too_long"       // over Server.MaxFrameLen
	KindStore           = "store"          // the store failed; the frame was not confirmed
	KindOther           = "other"
)

var allKinds = []string{KindChecksum, KindTruncated, KindLength, KindSyntax, KindUnknownFunction, KindPacket,
	KindUnknownTerminal, KindRetired, KindPassword, KindNoPassword, KindSourceNet, KindDirection, KindTooLong, KindStore, KindOther}

// protoMetrics are the counters of one protocol.
type protoMetrics struct {
	frames       *metrics.Counter // frames received (all outcomes)
	accepted     *metrics.Counter
	confirms     *metrics.Counter
	connsTotal   *metrics.Counter
	connsRefused *metrics.Counter
	idle         *metrics.Counter
	replaced     *metrics.Counter
	garbage      *metrics.Counter // bytes skipped between frames
	downlink     *metrics.Counter
	panics       *metrics.Counter
	errors       map[string]*metrics.Counter
	latency      *metrics.Histogram // arrival → confirm written, seconds
	open         atomic.Int64
}

type serverMetrics struct {
	mu       sync.Mutex
	set      *metrics.Set
	protos   map[string]*protoMetrics
	commits  *metrics.Counter
	failed   *metrics.Counter // failed group commits
	inserted *metrics.Counter
	dups     *metrics.Counter
	batch    *metrics.Histogram // frames per group commit
}

func newServerMetrics(set *metrics.Set) *serverMetrics {
	m := &serverMetrics{
		set:      set,
		protos:   map[string]*protoMetrics{},
		commits:  set.GetOrCreateCounter("sishui_gateway_commits_total"),
		failed:   set.GetOrCreateCounter("sishui_gateway_commit_errors_total"),
		inserted: set.GetOrCreateCounter("sishui_gateway_samples_inserted_total"),
		dups:     set.GetOrCreateCounter("sishui_gateway_samples_duplicate_total"),
		batch:    set.GetOrCreateHistogram("sishui_gateway_commit_frames"),
	}
	m.proto(sishui.ProtocolSL651)
	m.proto(sishui.ProtocolSZY206)
	return m
}

func (m *serverMetrics) proto(p string) *protoMetrics {
	m.mu.Lock()
	defer m.mu.Unlock()
	if pm := m.protos[p]; pm != nil {
		return pm
	}
	l := fmt.Sprintf(`{protocol=%q}`, p)
	c := func(name string) *metrics.Counter { return m.set.GetOrCreateCounter(name + l) }
	pm := &protoMetrics{
		frames:       c("sishui_gateway_frames_received_total"),
		accepted:     c("sishui_gateway_frames_accepted_total"),
		confirms:     c("sishui_gateway_confirms_sent_total"),
		connsTotal:   c("sishui_gateway_connections_total"),
		connsRefused: c("sishui_gateway_connections_refused_total"),
		idle:         c("sishui_gateway_idle_timeouts_total"),
		replaced:     c("sishui_gateway_sessions_replaced_total"),
		garbage:      c("sishui_gateway_garbage_bytes_total"),
		downlink:     c("sishui_gateway_downlink_sent_total"),
		panics:       c("sishui_gateway_panics_total"),
		latency:      m.set.GetOrCreateHistogram("sishui_gateway_confirm_latency_seconds" + l),
		errors:       map[string]*metrics.Counter{},
	}
	for _, k := range allKinds {
		pm.errors[k] = m.set.GetOrCreateCounter(fmt.Sprintf(`sishui_gateway_frame_errors_total{protocol=%q,kind=%q}`, p, k))
	}
	m.set.GetOrCreateGauge("sishui_gateway_connections_open"+l, func() float64 { return float64(pm.open.Load()) })
	m.protos[p] = pm
	return pm
}

func (pm *protoMetrics) reject(kind string) {
	if c := pm.errors[kind]; c != nil {
		c.Inc()
		return
	}
	pm.errors[KindOther].Inc()
}
