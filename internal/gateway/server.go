package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/VictoriaMetrics/metrics"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// Errors returned by the Server.
var (
	// ErrServerClosed: Serve or Enqueue after Shutdown/Close.
	ErrServerClosed = errors.New("gateway: server closed")
	// ErrProtocol: the protocol is not one the gateway speaks.
	ErrProtocol = errors.New("gateway: unknown protocol")
	// ErrQueueFull: the terminal's downlink queue holds QueueLen frames already.
	ErrQueueFull = errors.New("gateway: downlink queue full")
)

// Defaults of the zero-valued Server fields.
const (
	DefaultMaxConns      = 20000
	DefaultIdleTimeout   = 10 * time.Minute
	DefaultReadTimeout   = 30 * time.Second
	DefaultWriteTimeout  = 10 * time.Second
	DefaultCommitTimeout = 30 * time.Second
	DefaultQueueLen      = 16
	DefaultMaxBadFrames  = 32
)

// Server is the telemetry gateway. Set the exported fields before the first
// Serve or ListenAndServe and do not change them afterwards; zero values take
// the defaults above. A Server is safe for concurrent use.
type Server struct {
	// Ingest finds terminals' points and stores every frame with its samples
	// (one acceptance policy, one group committer for every input). Required;
	// an *ingest.Ingester.
	Ingest Ingester

	// Listen addresses for ListenAndServe ("" = do not listen), e.g. ":5651".
	SL651Addr  string
	SZY206Addr string

	// MaxConns is the maximum number of open connections (all protocols);
	// beyond it new connections are closed at once and counted as refused.
	MaxConns int
	// MaxFrameLen caps the size of an accepted frame in bytes; larger frames
	// are archived as errors and not confirmed. 0 = the protocol's maximum.
	MaxFrameLen int
	// IdleTimeout closes a connection that sends nothing for this long.
	IdleTimeout time.Duration
	// ReadTimeout closes a connection that takes longer than this to send the
	// rest of a frame it has started (slow-sender protection).
	ReadTimeout time.Duration
	// WriteTimeout is the deadline of every write to a terminal (slow reader).
	WriteTimeout time.Duration
	// CommitTimeout bounds one store transaction.
	CommitTimeout time.Duration
	// QueueLen is the length of each terminal's downlink queue.
	QueueLen int
	// MaxBadFrames closes a connection after this many consecutive rejected
	// frames (quarantined or undecodable).
	MaxBadFrames int

	// SZY206Profile is the default profile of SZY 206 terminals
	// (zero: szy206.ProfileSZY206); SZY206Profiles overrides it per terminal
	// address (10 upper-case hex digits, as sent).
	SZY206Profile  szy206.Profile
	SZY206Profiles map[string]szy206.Profile
	// SZY206WorkMode is the work mode sent in SZY 206 report confirms.
	SZY206WorkMode szy206.WorkMode

	// AllowNoPassword accepts SL 651 frames of points that have no terminal
	// password (a migration period). Off: their frames are quarantined with
	// reason no_password and never confirmed.
	AllowNoPassword bool
	// AllowedNets are the source networks terminals may report from (empty:
	// any); a point's own AllowedNets narrow it further. Frames from elsewhere
	// are quarantined with reason source_network and never confirmed.
	AllowedNets []netip.Prefix
	// ClockSkew: a frame whose send time is further than this from its
	// arrival is marked clock_skew, and one whose send time goes back behind
	// the terminal's latest by more than this is marked replay (signals.go).
	// 0: DefaultClockSkew; negative: no clock check.
	ClockSkew time.Duration
	// ImpersonationWindow: a terminal whose session moves back to an address
	// it left this recently is marked as two connections alternating.
	ImpersonationWindow time.Duration

	// OnOnline, when set, is called (outside the server's locks, on the
	// connection's goroutine, before the confirm of its first frame) when a
	// terminal's session starts: a downlink dispatcher hands over the
	// terminal's queued commands. It must be quick for terminals with none.
	OnOnline func(protocol, address string)
	// OnUplink, when set, is called for every accepted frame once it is
	// durable, with its function code (SL 651) or AFN (SZY 206) in hex: the
	// downlink dispatcher matches replies to its commands. It must not block.
	OnUplink func(protocol, address, function string, frame []byte, at time.Time)

	// Mapping turns decoded values into samples.
	Mapping Mapping

	// Logger receives connection-level events (nil: discarded).
	Logger *slog.Logger
	// Metrics receives the gateway's counters (nil: a private set, see MetricsSet).
	Metrics *metrics.Set
	// Now is the clock for arrival times (nil: time.Now). Deadlines always use
	// the real clock.
	Now func() time.Time

	once      sync.Once
	mu        sync.Mutex
	closing   bool
	conns     map[*conn]struct{}
	byAddr    map[termKey]*conn
	queues    map[termKey][][]byte
	tracks    map[termKey]*termTrack // replay and impersonation state (signals.go)
	listeners map[net.Listener]struct{}
	connWG    sync.WaitGroup

	m      *serverMetrics
	log    *slog.Logger
	prof   szy206.Profile
	commit atomic.Pointer[commitCtx] // see commitContext
}

// commitCtx is a commit context that submissions share for a short while.
type commitCtx struct {
	ctx    context.Context
	cancel context.CancelFunc // not called: the context expires by itself while others wait on it
	until  time.Time          // submissions from then on make a new one
}

// commitContext returns a context that ends CommitTimeout or a sixteenth
// more after now. Submissions within a sixteenth of CommitTimeout share one:
// a context with a timeout of its own per report is a runtime timer set and
// stopped and a handful of allocations.
func (s *Server) commitContext() context.Context {
	now := time.Now()
	if cc := s.commit.Load(); cc != nil && now.Before(cc.until) {
		return cc.ctx
	}
	slack := s.CommitTimeout / 16
	ctx, cancel := context.WithDeadline(context.Background(), now.Add(s.CommitTimeout+slack))
	s.commit.Store(&commitCtx{ctx: ctx, cancel: cancel, until: now.Add(slack)})
	return ctx
}

// Ingester is what the gateway needs of the ingest pipeline;
// *ingest.Ingester has it.
type Ingester interface {
	// Terminal returns the point of a terminal address, or an
	// *ingest.Refusal (unknown or retired) or a store error.
	Terminal(protocol, code string) (*sishui.Point, error)
	// SubmitFrames archives frames and stores their samples durably in one
	// transaction (quality-flagged, refused samples dropped).
	SubmitFrames(ctx context.Context, frames []*sishui.RawFrame, samples []sishui.Sample) (sishui.AppendResult, error)
}

// termKey identifies a terminal: protocol and address (upper-case hex).
type termKey struct {
	protocol string
	address  string
}

// SessionInfo describes one live connection for the API.
type SessionInfo struct {
	Address   string    `json:"address,omitempty"` // terminal address; "" until a frame is accepted
	Protocol  string    `json:"protocol"`
	Peer      string    `json:"peer"`
	Connected time.Time `json:"connected"`
	LastFrame time.Time `json:"last_frame,omitempty"`
	Frames    int64     `json:"frames"`
	Errors    int64     `json:"errors"`
	Queued    int       `json:"queued"` // downlink frames waiting
}

func (s *Server) init() {
	s.once.Do(func() {
		if s.MaxConns <= 0 {
			s.MaxConns = DefaultMaxConns
		}
		if s.IdleTimeout <= 0 {
			s.IdleTimeout = DefaultIdleTimeout
		}
		if s.ReadTimeout <= 0 {
			s.ReadTimeout = DefaultReadTimeout
		}
		if s.WriteTimeout <= 0 {
			s.WriteTimeout = DefaultWriteTimeout
		}
		if s.CommitTimeout <= 0 {
			s.CommitTimeout = DefaultCommitTimeout
		}
		if s.QueueLen <= 0 {
			s.QueueLen = DefaultQueueLen
		}
		if s.MaxBadFrames <= 0 {
			s.MaxBadFrames = DefaultMaxBadFrames
		}
		s.prof = s.SZY206Profile
		if s.prof.TimeTagLen == 0 {
			s.prof = szy206.ProfileSZY206()
		}
		if s.Metrics == nil {
			s.Metrics = metrics.NewSet()
		}
		s.log = s.Logger
		if s.log == nil {
			s.log = slog.New(slog.DiscardHandler)
		}
		s.conns = map[*conn]struct{}{}
		s.byAddr = map[termKey]*conn{}
		s.queues = map[termKey][][]byte{}
		s.tracks = map[termKey]*termTrack{}
		if s.ClockSkew == 0 {
			s.ClockSkew = DefaultClockSkew
		}
		if s.ImpersonationWindow <= 0 {
			s.ImpersonationWindow = DefaultImpersonationWindow
		}
		s.listeners = map[net.Listener]struct{}{}
		s.m = newServerMetrics(s.Metrics)
	})
}

// MetricsSet returns the set the counters are registered in (Metrics, or
// the private set created when Metrics was nil).
func (s *Server) MetricsSet() *metrics.Set {
	s.init()
	return s.Metrics
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// ListenAndServe listens on SL651Addr and SZY206Addr (those set) and serves
// until ctx is cancelled or the server is closed. It returns the first
// listener error, or nil after a cancellation or Shutdown.
func (s *Server) ListenAndServe(ctx context.Context) error {
	type l struct {
		ln       net.Listener
		protocol string
	}
	var ls []l
	for _, a := range []struct{ addr, protocol string }{{s.SL651Addr, sishui.ProtocolSL651}, {s.SZY206Addr, sishui.ProtocolSZY206}} {
		if a.addr == "" {
			continue
		}
		ln, err := net.Listen("tcp", a.addr)
		if err != nil {
			for _, x := range ls {
				x.ln.Close()
			}
			return fmt.Errorf("gateway: listen %s: %w", a.protocol, err)
		}
		ls = append(ls, l{ln, a.protocol})
	}
	if len(ls) == 0 {
		return errors.New("gateway: no listen address set")
	}
	errs := make(chan error, len(ls))
	for _, x := range ls {
		go func() { errs <- s.Serve(ctx, x.ln, x.protocol) }()
	}
	var first error
	for range ls {
		if err := <-errs; err != nil && first == nil {
			first = err
			for _, x := range ls {
				x.ln.Close()
			}
		}
	}
	return first
}

// Serve accepts connections of one protocol ("sl651" or "szy206") on ln
// until ctx is cancelled, the listener fails or the server is shut down.
// Cancelling ctx also closes the connections accepted here (each finishes the
// frames it is processing). It returns nil after a cancellation or Shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener, protocol string) error {
	if err := checkProtocol(protocol); err != nil {
		return err
	}
	if s.Ingest == nil {
		return errors.New("gateway: Ingest is required")
	}
	s.init()
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		ln.Close()
		return ErrServerClosed
	}
	s.listeners[ln] = struct{}{}
	s.mu.Unlock()
	var cancelled atomic.Bool
	stop := context.AfterFunc(ctx, func() {
		cancelled.Store(true)
		ln.Close()
		s.mu.Lock()
		for c := range s.conns {
			if c.ln == ln {
				c.stop()
			}
		}
		s.mu.Unlock()
	})
	defer stop()
	defer func() {
		s.mu.Lock()
		delete(s.listeners, ln)
		s.mu.Unlock()
	}()
	pm := s.m.proto(protocol)
	backoff := 5 * time.Millisecond
	for {
		nc, err := ln.Accept()
		if err != nil {
			s.mu.Lock()
			closing := s.closing
			s.mu.Unlock()
			if closing || cancelled.Load() {
				return nil
			}
			if errors.Is(err, net.ErrClosed) {
				return fmt.Errorf("gateway: accept %s: %w", protocol, err)
			}
			// Temporary trouble (e.g. out of file descriptors): wait and retry.
			s.log.Warn("gateway: accept", "protocol", protocol, "err", err)
			time.Sleep(backoff)
			backoff = min(backoff*2, time.Second)
			continue
		}
		backoff = 5 * time.Millisecond
		pm.connsTotal.Inc()
		c := newConn(s, nc, ln, protocol)
		s.mu.Lock()
		if s.closing || cancelled.Load() || len(s.conns) >= s.MaxConns {
			s.mu.Unlock()
			pm.connsRefused.Inc()
			nc.Close()
			continue
		}
		s.conns[c] = struct{}{}
		pm.open.Add(1)
		s.connWG.Add(1)
		s.mu.Unlock()
		go c.serve()
	}
}

// Shutdown stops accepting, lets every connection finish the frames it is
// processing (commit and confirm), closes the connections and stops the
// committer. If ctx ends first, the remaining connections are closed at once
// and ctx's error is returned. Shutdown is idempotent.
func (s *Server) Shutdown(ctx context.Context) error {
	s.init()
	s.mu.Lock()
	s.closing = true
	for ln := range s.listeners {
		ln.Close()
	}
	for c := range s.conns {
		c.stop()
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.connWG.Wait(); close(done) }()
	var err error
	select {
	case <-done:
	case <-ctx.Done():
		err = ctx.Err()
		s.mu.Lock()
		for c := range s.conns {
			c.nc.Close()
		}
		s.mu.Unlock()
		<-done
	}
	return err
}

// Close closes every connection at once and stops the server. Frames whose
// commit is under way are still committed, and nothing unconfirmed is lost:
// the terminals resend.
func (s *Server) Close() error {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Shutdown(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// Sessions returns the live connections, bound ones with their terminal
// address.
func (s *Server) Sessions() []SessionInfo {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]SessionInfo, 0, len(s.conns))
	for c := range s.conns {
		si := c.info()
		if c.key.address != "" {
			si.Queued = len(s.queues[c.key])
		}
		out = append(out, si)
	}
	return out
}

// Session returns the live session of a terminal.
func (s *Server) Session(protocol, address string) (SessionInfo, bool) {
	s.init()
	k := termKey{protocol, strings.ToUpper(address)}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.byAddr[k]
	if c == nil {
		return SessionInfo{}, false
	}
	si := c.info()
	si.Queued = len(s.queues[k])
	return si, true
}

// Enqueue queues a downlink frame (a command or query, already encoded) for
// a terminal. It is sent as soon as the terminal is online: at once if it is
// connected, else after its next accepted frame (SL 651 terminals are then
// told to stay online with ESC). The frame is copied.
func (s *Server) Enqueue(protocol, address string, frame []byte) error {
	if err := checkProtocol(protocol); err != nil {
		return err
	}
	if len(frame) == 0 {
		return errors.New("gateway: enqueue: empty frame")
	}
	s.init()
	k := termKey{protocol, strings.ToUpper(address)}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return ErrServerClosed
	}
	q := s.queues[k]
	if len(q) >= s.QueueLen {
		return fmt.Errorf("%w: %s %s", ErrQueueFull, protocol, k.address)
	}
	s.queues[k] = append(q, append([]byte(nil), frame...))
	if c := s.byAddr[k]; c != nil {
		c.wakeUp()
	}
	return nil
}

// Online reports whether a terminal has a live session.
func (s *Server) Online(protocol, address string) bool {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byAddr[termKey{protocol, strings.ToUpper(address)}] != nil
}

// Queued returns the number of downlink frames waiting for a terminal.
func (s *Server) Queued(protocol, address string) int {
	s.init()
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queues[termKey{protocol, strings.ToUpper(address)}])
}

// bind makes c the session of terminal k, replacing an older connection.
func (s *Server) bind(c *conn, k termKey) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bindLocked(c, k)
}

// bindLocked binds c to k and returns the older connection it replaced (nil
// when none, or when c was bound already); bound says c was bound now.
func (s *Server) bindLocked(c *conn, k termKey) (old *conn, bound bool) {
	if c.key.address != "" {
		return nil, false // a connection keeps the first terminal it spoke for
	}
	if _, live := s.conns[c]; !live {
		return nil, false
	}
	c.key = k
	old = s.byAddr[k]
	if old != nil && old != c {
		s.m.proto(k.protocol).replaced.Inc()
		s.log.Info("gateway: newer connection replaces older", "protocol", k.protocol, "address", k.address,
			"old_peer", old.peer, "new_peer", c.peer)
		old.key = termKey{}
		old.replacedBy.Store(true)
		old.nc.Close()
	} else {
		old = nil
	}
	s.byAddr[k] = c
	return old, true
}

// unregister forgets c and returns the address of the terminal it spoke for
// (empty when none, or when a newer connection replaced it): c.key is read
// here under s.mu, as bindLocked on another connection may clear it.
func (s *Server) unregister(c *conn) (address string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
	if c.key.address != "" && s.byAddr[c.key] == c {
		delete(s.byAddr, c.key)
	}
	s.m.proto(c.protocol).open.Add(-1)
	return c.key.address
}

// peekQueue returns the first queued frame of k.
func (s *Server) peekQueue(k termKey) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q := s.queues[k]; len(q) > 0 {
		return q[0]
	}
	return nil
}

// popQueue removes frame from the head of k's queue (if still there).
func (s *Server) popQueue(k termKey, frame []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queues[k]
	if len(q) > 0 && &q[0][0] == &frame[0] {
		q[0] = nil
		q = q[1:]
	}
	if len(q) == 0 {
		delete(s.queues, k)
	} else {
		s.queues[k] = q
	}
}

// submit hands a connection's frames to the ingester, never panicking.
func (s *Server) submit(frames []*sishui.RawFrame, samples []sishui.Sample) (res sishui.AppendResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("gateway: ingest panicked: %v", r)
		}
		if err != nil {
			s.m.failed.Inc()
		}
	}()
	s.m.commits.Inc()
	s.m.batch.Update(float64(len(frames)))
	res, err = s.Ingest.SubmitFrames(s.commitContext(), frames, samples)
	if err != nil {
		return res, fmt.Errorf("gateway: ingest %d frames: %w", len(frames), err)
	}
	return res, nil
}
