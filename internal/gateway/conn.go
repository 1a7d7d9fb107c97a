package gateway

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
	"github.com/sishui/sishui/internal/quality"
)

const initialReadBuf = 512

// conn is one terminal connection. Only its own goroutine reads and writes
// the socket; others wake it (Enqueue, Shutdown) through the read deadline.
type conn struct {
	s        *Server
	nc       net.Conn
	ln       net.Listener
	protocol string
	peer     string
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

	badRun int
	done   chan struct{}
	b      batch
	work   []work
	out    []byte
	sl651r *sl651.Reassembler
}

// work is one received frame on its way through decode, commit and confirm.
type work struct {
	raw      *sishui.RawFrame
	arrival  time.Time
	accepted bool
	confirm  bool
	sl       *sl651.Frame
	szy      *szy206.Frame
	prof     szy206.Profile
}

func newConn(s *Server, nc net.Conn, ln net.Listener, protocol string) *conn {
	return &conn{s: s, nc: nc, ln: ln, protocol: protocol, peer: nc.RemoteAddr().String(),
		since: s.now(), pm: s.m.proto(protocol), done: make(chan struct{}, 1)}
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

func (c *conn) maxWire() int {
	if c.protocol == sishui.ProtocolSL651 {
		return sl651.MaxFrameLen
	}
	return szy206.MaxPictureFrameLen
}

func (c *conn) split(data []byte) (int, []byte) {
	var adv int
	var tok []byte
	if c.protocol == sishui.ProtocolSL651 {
		adv, tok, _ = sl651.SplitFrames(data, false)
	} else {
		adv, tok, _ = szy206.SplitFrames(data, false)
	}
	return adv, tok
}

// serve runs the connection until the peer leaves, a limit is hit or the
// server stops. A panic is recovered, counted and ends only this connection.
func (c *conn) serve() {
	s := c.s
	defer s.connWG.Done()
	defer s.unregister(c)
	defer c.nc.Close()
	defer func() {
		if r := recover(); r != nil {
			c.pm.panics.Inc()
			s.log.Error("gateway: connection panicked", "protocol", c.protocol, "peer", c.peer, "panic", r,
				"stack", string(debug.Stack()))
		}
	}()
	reason := c.loop()
	s.log.Debug("gateway: connection closed", "protocol", c.protocol, "peer", c.peer, "address", c.key.address, "reason", reason)
}

func (c *conn) loop() string {
	s := c.s
	buf := make([]byte, 0, initialReadBuf)
	maxBuf := c.maxWire() + 1
	var partialSince time.Time
	for {
		if c.stopping.Load() {
			return "server stopping"
		}
		now := time.Now()
		dl := now.Add(s.IdleTimeout)
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
		if err := c.nc.SetReadDeadline(dl); err != nil {
			return "set deadline: " + err.Error()
		}
		if c.wake.Swap(false) {
			if err := c.flushQueue(); err != nil {
				return "downlink: " + err.Error()
			}
			continue
		}
		if c.stopping.Load() {
			return "server stopping"
		}
		if len(buf) == cap(buf) {
			if cap(buf) < maxBuf {
				nb := make([]byte, len(buf), min(2*cap(buf), maxBuf))
				copy(nb, buf)
				buf = nb
			} else {
				// No frame fits in the largest possible frame: drop a byte.
				copy(buf, buf[1:])
				buf = buf[:len(buf)-1]
				c.pm.garbage.Inc()
			}
		}
		n, err := c.nc.Read(buf[len(buf):cap(buf)])
		if n > 0 {
			arrival := s.now()
			buf = buf[:len(buf)+n]
			off := 0
			c.work = c.work[:0]
			for off < len(buf) {
				adv, tok := c.split(buf[off:])
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
			if len(buf) == 0 && cap(buf) > 4*initialReadBuf {
				buf = make([]byte, 0, initialReadBuf)
			}
			if len(c.work) > 0 {
				if why := c.process(); why != "" {
					return why
				}
			}
		}
		if err != nil {
			var ne net.Error
			timeout := errors.As(err, &ne) && ne.Timeout() || errors.Is(err, os.ErrDeadlineExceeded)
			switch {
			case timeout && c.stopping.Load():
				return "server stopping"
			case timeout && c.wake.Load():
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

// process decodes the frames of c.work, commits them in one batch, then
// confirms the accepted ones and sends queued downlink frames. It returns a
// reason to close the connection, or "".
func (c *conn) process() string {
	s := c.s
	b := &c.b
	b.frames, b.samples, b.err, b.res = b.frames[:0], b.samples[:0], nil, sishui.AppendResult{}
	b.done = c.done
	var bad, good int
	for i := range c.work {
		w := &c.work[i]
		w.raw.Received = w.arrival.UTC()
		w.raw.Protocol = c.protocol
		w.raw.Peer = c.peer
		w.raw.Status = sishui.FrameOK
		c.pm.frames.Inc()
		n0 := len(b.samples)
		if s.MaxFrameLen > 0 && len(w.raw.Bytes) > s.MaxFrameLen {
			c.reject(w, sishui.FrameError, KindTooLong, fmt.Errorf("frame of %d bytes exceeds %d", len(w.raw.Bytes), s.MaxFrameLen), 0)
		} else if c.protocol == sishui.ProtocolSL651 {
			b.samples = c.handleSL651(w, b.samples)
		} else {
			b.samples = c.handleSZY206(w, b.samples)
		}
		w.raw.Samples = len(b.samples) - n0
		for j := n0; j < len(b.samples); j++ {
			x := &b.samples[j]
			x.Flags |= uint32(s.Checker.Check(quality.Sample{Point: x.Point, Metric: x.Metric.String(), Time: x.Time, Value: x.Value}, w.arrival))
		}
		if w.accepted {
			good++
		} else {
			bad++
		}
		b.frames = append(b.frames, w.raw)
	}
	s.commits <- b
	<-c.done
	c.mu.Lock()
	c.frames += int64(len(c.work))
	c.errs += int64(bad)
	c.last = c.work[len(c.work)-1].arrival
	c.mu.Unlock()
	if b.err != nil {
		c.pm.errors[KindStore].Add(len(c.work))
		s.log.Error("gateway: frames not stored, not confirming", "protocol", c.protocol, "peer", c.peer, "frames", len(c.work), "err", b.err)
		return ""
	}
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
		out, err := c.confirmFrame(w)
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
	clear(c.work)
	return ""
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

func (c *conn) write(b []byte) error {
	if err := c.nc.SetWriteDeadline(time.Now().Add(c.s.WriteTimeout)); err != nil {
		return err
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

// accept looks up the terminal's point; it rejects w and returns nil when
// the terminal is unknown, retired or the lookup failed.
func (c *conn) accept(w *work, code string) *sishui.Point {
	p, err := c.s.lookupPoint(c.protocol, code)
	switch {
	case err != nil:
		c.reject(w, sishui.FrameError, KindStore, err, 0)
		return nil
	case p == nil:
		c.reject(w, sishui.FrameQuarantined, KindUnknownTerminal, fmt.Errorf("no %s point with code %s", c.protocol, code), 0)
		return nil
	case p.Retired:
		c.reject(w, sishui.FrameQuarantined, KindRetired, fmt.Errorf("point %d is retired", p.ID), 0)
		return nil
	}
	return p
}
