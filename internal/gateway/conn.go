package gateway

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
)

const initialReadBuf = 512

// readBufs are the read buffers of connections between frames (readReady).
var readBufs = sync.Pool{New: func() any { b := make([]byte, initialReadBuf); return &b }}

// rawConnOf returns the connection's raw socket when it has one (TCP), nil
// otherwise (the connection then keeps a read buffer of its own).
func rawConnOf(nc net.Conn) syscall.RawConn {
	sc, ok := nc.(syscall.Conn)
	if !ok {
		return nil
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return nil
	}
	return rc
}

// sockReader reads a raw socket for readReady. Its read method, bound once
// per connection, is what rc.Read calls: a closure made per read would move
// the buffer, count and error to the heap at every frame.
type sockReader struct {
	pb   *[]byte
	n    int
	rerr error
	fn   func(fd uintptr) bool // r.read, bound once
}

func (r *sockReader) read(fd uintptr) bool {
	if r.pb == nil {
		r.pb = readBufs.Get().(*[]byte)
	}
	for {
		r.n, r.rerr = syscall.Read(int(fd), *r.pb)
		if r.rerr != syscall.EINTR {
			break
		}
	}
	if r.rerr == syscall.EAGAIN {
		readBufs.Put(r.pb)
		r.pb = nil
		return false // wait until readable
	}
	return true
}

// readReady waits until the socket is readable (honouring its read
// deadline), then reads into a buffer from readBufs: a connection waiting for
// its next frame holds no buffer. When n is 0 the buffer went back to the
// pool; at the end of the stream err is io.EOF, as from Read.
func readReady(rc syscall.RawConn, r *sockReader) (pb *[]byte, n int, err error) {
	if r.fn == nil {
		r.fn = r.read
	}
	r.pb, r.n, r.rerr = nil, 0, nil
	err = rc.Read(r.fn)
	pb, n = r.pb, r.n
	r.pb = nil
	if err == nil && r.rerr != nil {
		err = os.NewSyscallError("read", r.rerr)
	}
	if n < 0 {
		n = 0
	}
	if n == 0 {
		if pb != nil {
			readBufs.Put(pb)
			pb = nil
		}
		if err == nil {
			err = io.EOF
		}
	}
	return pb, n, err
}

// keepPartial gives the pooled buffer back once its frames are out: the
// bytes left (the start of a frame) move to a buffer of the connection's own.
func keepPartial(pooled *[]byte, left []byte) []byte {
	var own []byte
	if len(left) > 0 {
		own = make([]byte, len(left), max(2*len(left), initialReadBuf))
		copy(own, left)
	}
	readBufs.Put(pooled)
	return own
}

// conn is one terminal connection. Only its own goroutine reads and writes
// the socket; others wake it (Enqueue, Shutdown) through the read deadline.
type conn struct {
	s        *Server
	nc       net.Conn
	ln       net.Listener
	protocol string
	h        handler
	peer     string
	peerAddr netip.Addr // the peer's IP (invalid when the transport has none)
	since    time.Time
	pm       *protoMetrics

	key        termKey // bound terminal; guarded by s.mu
	wake       atomic.Bool
	stopping   atomic.Bool
	replacedBy atomic.Bool

	mu     sync.Mutex // guards the counters below
	last   time.Time
	frames int64
	errs   int64

	badRun      int
	closeReason string // why loop returned, for the log
	work        []work
	out         []byte
	wdl         time.Time // the socket's write deadline (write)
	state       any       // the protocol handler's per-connection state
}

// work is one received frame on its way through decode, commit and confirm.
type work struct {
	raw      *sishui.RawFrame
	arrival  time.Time
	accepted bool
	confirm  bool
	decoded  any // the handler's decoded frame, for its confirm
}

func newConn(s *Server, nc net.Conn, ln net.Listener, protocol string) *conn {
	c := &conn{s: s, nc: nc, ln: ln, protocol: protocol, h: handlers[protocol], peer: nc.RemoteAddr().String(),
		since: s.now(), pm: s.m.proto(protocol)}
	if ap, err := netip.ParseAddrPort(c.peer); err == nil {
		c.peerAddr = ap.Addr().Unmap()
	}
	return c
}

func (c *conn) info() SessionInfo {
	c.mu.Lock()
	defer c.mu.Unlock()
	return SessionInfo{Address: c.key.address, Protocol: c.protocol, Peer: c.peer, Connected: c.since.UTC(),
		LastFrame: c.last.UTC(), Frames: c.frames, Errors: c.errs}
}

// wakeUp interrupts a blocked Read so that the connection looks at its queue.
func (c *conn) wakeUp() {
	c.wake.Store(true)
	_ = c.nc.SetReadDeadline(time.Now())
}

// stop asks the connection to finish what it is doing and close.
func (c *conn) stop() {
	c.stopping.Store(true)
	_ = c.nc.SetReadDeadline(time.Now())
}

// serve runs the connection until the peer leaves, a limit is hit or the
// server stops. A panic is recovered, counted and ends only this connection.
// Its frame is small on purpose: an idle connection's goroutine is parked in
// Read below serve and loop, and the garbage collector halves a goroutine's
// stack (8 → 4 kB) only while less than a quarter of it is in use.
func (c *conn) serve() {
	defer c.finish()
	c.closeReason = c.loop()
}

// finish is serve's deferred end: it recovers a panic, closes the socket and
// unregisters the connection.
func (c *conn) finish() {
	s := c.s
	r := recover()
	if r != nil {
		c.pm.panics.Inc()
		s.log.Error("gateway: connection panicked", "protocol", c.protocol, "peer", c.peer, "panic", r,
			"stack", string(debug.Stack()))
	}
	c.nc.Close()
	if address := s.unregister(c); r == nil {
		s.log.Debug("gateway: connection closed", "protocol", c.protocol, "peer", c.peer, "address", address, "reason", c.closeReason)
	}
	s.connWG.Done()
}

func (c *conn) loop() string {
	s := c.s
	// buf holds the bytes of a frame not complete yet. Between frames it is
	// nil when the socket allows reading when ready (readReady): an idle
	// connection then holds no read buffer.
	var buf []byte
	raw := rawConnOf(c.nc)
	maxBuf := c.h.maxWire() + 1
	var partialSince time.Time
	var rd sockReader
	// The read deadline is due (dl) IdleTimeout after the last read bytes
	// were handled (active), or ReadTimeout after a partial frame began. The socket's
	// deadline (armed) is moved only when dl comes before it or it has
	// passed, not at every frame (each move is a runtime timer update): a
	// deadline that fires before dl re-arms and reads on.
	var armed time.Time
	active := time.Now()
	for {
		if c.stopping.Load() {
			return "server stopping"
		}
		now := time.Now()
		dl := active.Add(s.IdleTimeout)
		if len(buf) > 0 {
			if partialSince.IsZero() {
				partialSince = now
			}
			if pd := partialSince.Add(s.ReadTimeout); pd.Before(dl) {
				dl = pd
			}
		} else {
			partialSince = time.Time{}
		}
		if armed.IsZero() || dl.Before(armed) || !armed.After(now) {
			if err := c.nc.SetReadDeadline(dl); err != nil {
				return "set deadline: " + err.Error()
			}
			armed = dl
		}
		if c.wake.Swap(false) {
			armed = time.Time{} // wakeUp moved the deadline to now
			if err := c.flushQueue(); err != nil {
				return "downlink: " + err.Error()
			}
			continue
		}
		if c.stopping.Load() {
			return "server stopping"
		}
		if len(buf) == cap(buf) && (raw == nil || len(buf) > 0) {
			if cap(buf) < maxBuf {
				nb := make([]byte, len(buf), min(max(2*cap(buf), initialReadBuf), maxBuf))
				copy(nb, buf)
				buf = nb
			} else {
				// No frame fits in the largest possible frame: drop a byte.
				copy(buf, buf[1:])
				buf = buf[:len(buf)-1]
				c.pm.garbage.Inc()
			}
		}
		var n int
		var err error
		var pooled *[]byte
		if len(buf) == 0 && raw != nil {
			pooled, n, err = readReady(raw, &rd)
			if n > 0 {
				buf = (*pooled)[:0]
			}
		} else {
			n, err = c.nc.Read(buf[len(buf):cap(buf)])
		}
		if n > 0 {
			arrival := s.now()
			buf = buf[:len(buf)+n]
			off := 0
			c.work = c.work[:0]
			for off < len(buf) {
				adv, tok := c.h.split(buf[off:])
				if adv == 0 {
					break
				}
				if tok == nil {
					c.pm.garbage.Add(adv)
				} else {
					c.work = append(c.work, work{raw: &sishui.RawFrame{Bytes: bytes.Clone(tok)}, arrival: arrival})
				}
				off += adv
			}
			buf = buf[:copy(buf, buf[off:])]
			if off > 0 {
				partialSince = time.Time{}
			}
			switch {
			case pooled != nil:
				buf = keepPartial(pooled, buf)
			case len(buf) == 0 && raw != nil:
				buf = nil
			case len(buf) == 0 && cap(buf) > 4*initialReadBuf:
				buf = make([]byte, 0, initialReadBuf)
			}
			if len(c.work) > 0 {
				if why := c.process(); why != "" {
					return why
				}
			}
			active = time.Now() // idle from the end of the commit, as the terminal sees it
		}
		if err != nil {
			var ne net.Error
			timeout := errors.As(err, &ne) && ne.Timeout() || errors.Is(err, os.ErrDeadlineExceeded)
			switch {
			case timeout && c.stopping.Load():
				return "server stopping"
			case timeout && (c.wake.Load() || time.Now().Before(dl)):
				// A wake-up, or the armed deadline came before dl.
				armed = time.Time{}
				continue
			case timeout && len(buf) > 0:
				c.pm.idle.Inc()
				return "read timeout inside a frame"
			case timeout:
				c.pm.idle.Inc()
				return "idle timeout"
			case c.replacedBy.Load():
				return "replaced by a newer connection"
			default:
				return "read: " + err.Error()
			}
		}
	}
}

// process decodes the frames of c.work, commits them in one submission to
// the ingester, then confirms the accepted ones and sends queued downlink
// frames. It returns a reason to close the connection, or "".
func (c *conn) process() string {
	s := c.s
	defer c.releaseWork()
	// Not kept between reads: an idle connection holds no batch buffers.
	frames := make([]*sishui.RawFrame, 0, len(c.work))
	samples := make([]sishui.Sample, 0, 4*len(c.work)) // a report has a few
	var bad, good int
	for i := range c.work {
		w := &c.work[i]
		w.raw.Received = w.arrival.UTC()
		w.raw.Protocol = c.protocol
		w.raw.Peer = c.peer
		w.raw.Status = sishui.FrameOK
		c.pm.frames.Inc()
		n0 := len(samples)
		if s.MaxFrameLen > 0 && len(w.raw.Bytes) > s.MaxFrameLen {
			c.reject(w, sishui.FrameError, KindTooLong, fmt.Errorf("frame of %d bytes exceeds %d", len(w.raw.Bytes), s.MaxFrameLen), 0)
		} else {
			samples = c.h.handle(c, w, samples)
		}
		w.raw.Samples = len(samples) - n0
		if w.accepted {
			good++
		} else {
			bad++
		}
		frames = append(frames, w.raw)
	}
	res, err := s.submit(frames, samples)
	c.mu.Lock()
	c.frames += int64(len(c.work))
	c.errs += int64(bad)
	c.last = c.work[len(c.work)-1].arrival
	c.mu.Unlock()
	if err != nil {
		c.pm.errors[KindStore].Add(len(c.work))
		s.log.Error("gateway: frames not stored, not confirming", "protocol", c.protocol, "peer", c.peer, "frames", len(c.work), "err", err)
		return ""
	}
	if s.OnUplink != nil {
		for i := range c.work {
			if w := &c.work[i]; w.accepted && w.raw.Station != "" {
				s.OnUplink(c.protocol, w.raw.Station, w.raw.Function, w.raw.Bytes, w.arrival)
			}
		}
	}
	s.m.inserted.Add(res.Inserted)
	s.m.dups.Add(res.Duplicates)
	c.pm.accepted.Add(good)
	if good > 0 {
		c.badRun = 0
	}
	c.badRun += bad
	if bad > 0 && good == 0 && c.badRun >= s.MaxBadFrames {
		return fmt.Sprintf("%d consecutive rejected frames", c.badRun)
	}
	sent := false
	for i := range c.work {
		w := &c.work[i]
		if !w.accepted || !w.confirm {
			continue
		}
		out, err := c.h.confirm(c, w)
		if err != nil {
			s.log.Warn("gateway: cannot build confirm", "protocol", c.protocol, "peer", c.peer, "err", err)
			continue
		}
		if err := c.write(out); err != nil {
			return "write confirm: " + err.Error()
		}
		c.pm.confirms.Inc()
		c.pm.latency.Update(s.now().Sub(w.arrival).Seconds())
		sent = true
	}
	if sent || good > 0 {
		if err := c.flushQueue(); err != nil {
			return "downlink: " + err.Error()
		}
	}
	return ""
}

// releaseWork hands the batch's decoded frames back to the handler and
// drops the references to the batch.
func (c *conn) releaseWork() {
	for i := range c.work {
		c.h.release(&c.work[i])
	}
	clear(c.work)
}

// reject marks w as not accepted with status, kind and the error.
func (c *conn) reject(w *work, status, kind string, err error, offset int) {
	w.accepted = false
	w.raw.Status = status
	w.raw.Reason = kind
	if err != nil {
		w.raw.Reason = kind + ": " + err.Error()
	}
	w.raw.Offset = offset
	c.pm.reject(kind)
}

// write sends b within WriteTimeout: the socket's write deadline is moved
// only when less than WriteTimeout is left of it, to WriteTimeout plus a
// quarter ahead (each move is a runtime timer update), so a write may take
// up to 1.25 WriteTimeout.
func (c *conn) write(b []byte) error {
	now := time.Now()
	if c.wdl.Sub(now) < c.s.WriteTimeout {
		c.wdl = now.Add(c.s.WriteTimeout + c.s.WriteTimeout/4)
		if err := c.nc.SetWriteDeadline(c.wdl); err != nil {
			return err
		}
	}
	_, err := c.nc.Write(b)
	return err
}

// flushQueue sends the bound terminal's queued downlink frames.
func (c *conn) flushQueue() error {
	c.s.mu.Lock()
	k := c.key
	c.s.mu.Unlock()
	if k.address == "" {
		return nil
	}
	for {
		f := c.s.peekQueue(k)
		if f == nil {
			return nil
		}
		if err := c.write(f); err != nil {
			return err
		}
		c.s.popQueue(k, f)
		c.pm.downlink.Inc()
	}
}

// queued reports whether the bound terminal has downlink frames waiting.
func (c *conn) queued() bool {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	return c.key.address != "" && len(c.s.queues[c.key]) > 0
}

// checkSource rejects w (quarantined, source_network) when the peer lies
// outside the gateway's allowed networks or the point's; it reports whether
// the frame may go on.
func (c *conn) checkSource(w *work, p *sishui.Point) bool {
	if !sishui.NetsAllow(c.s.AllowedNets, c.peerAddr) {
		c.reject(w, sishui.FrameQuarantined, KindSourceNet, fmt.Errorf("peer %s is outside the gateway's allowed networks", c.peerAddr), 0)
		return false
	}
	if len(p.AllowedNets) == 0 {
		return true
	}
	nets, err := sishui.ParseAllowedNets("allowed_nets", p.AllowedNets)
	if err != nil || !sishui.NetsAllow(nets, c.peerAddr) {
		c.reject(w, sishui.FrameQuarantined, KindSourceNet, fmt.Errorf("peer %s is outside the point's allowed networks %s", c.peerAddr, strings.Join(p.AllowedNets, ",")), 0)
		return false
	}
	return true
}

// accept finds the terminal's point under the ingester's acceptance policy;
// it rejects w and returns nil when the terminal is unknown, retired or the
// lookup failed.
func (c *conn) accept(w *work, code string) *sishui.Point {
	p, err := c.s.Ingest.Terminal(c.protocol, code)
	if err == nil {
		return p
	}
	var rf *ingest.Refusal
	switch {
	case !errors.As(err, &rf):
		c.reject(w, sishui.FrameError, KindStore, err, 0)
	case rf.Kind == ingest.RefusedRetired:
		c.reject(w, sishui.FrameQuarantined, KindRetired, err, 0)
	default:
		c.reject(w, sishui.FrameQuarantined, KindUnknownTerminal, err, 0)
	}
	return nil
}
