package gateway

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/protocol/sl651"
)

// plainConn hides the socket beneath a connection (as a TLS or proxy
// wrapper would): the gateway then reads with a buffer of its own instead of
// waiting for readability without one.
type plainConn struct{ net.Conn }

type plainListener struct{ net.Listener }

func (l plainListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return plainConn{c}, nil
}

// TestReadPaths: frames split byte by byte, and a frame larger than the
// pooled read buffer arriving in one piece, are confirmed both on a raw TCP
// socket (read when ready into a pooled buffer) and on a wrapped connection
// (a buffer of its own).
func TestReadPaths(t *testing.T) {
	if rawConnOf(plainConn{}) != nil {
		t.Fatal("a wrapped connection exposes its socket")
	}
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	ing := ingest.New(store, ingest.Config{})
	t.Cleanup(func() { ing.Close() })
	s := &Server{Ingest: ing}
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, 2)
	addrs := map[string]string{}
	for _, wrap := range []bool{false, true} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		name := "raw"
		var l net.Listener = ln
		if wrap {
			name, l = "wrapped", plainListener{ln}
		}
		addrs[name] = ln.Addr().String()
		go func() { errs <- s.Serve(ctx, l, sishui.ProtocolSL651) }()
	}
	t.Cleanup(func() {
		cancel()
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		for range 2 {
			if err := <-errs; err != nil {
				t.Errorf("serve: %v", err)
			}
		}
	})
	serial := uint16(0)
	for _, name := range []string{"raw", "wrapped"} {
		t.Run(name, func(t *testing.T) {
			nc, err := net.Dial("tcp", addrs[name])
			if err != nil {
				t.Fatal(err)
			}
			c := &client{t: t, protocol: sishui.ProtocolSL651, nc: nc}
			t.Cleanup(func() { nc.Close() })
			var glued []byte
			for range 12 { // 12 reports of ~60 bytes: more than initialReadBuf at once
				serial++
				glued = append(glued, slReport(t, slCode, 0, serial, int(serial), float64(serial))...)
			}
			if len(glued) <= initialReadBuf {
				t.Fatalf("%d bytes fit the read buffer", len(glued))
			}
			first := serial - 11
			c.send(glued)
			for k := range uint16(12) {
				wantSLConfirm(t, c.mustNext(), first+k, sl651.EOT)
			}
			serial++
			one := slReport(t, slCode, 0, serial, int(serial), 1)
			for _, b := range one {
				c.send([]byte{b})
			}
			wantSLConfirm(t, c.mustNext(), serial, sl651.EOT)
		})
	}
}

// TestIdleCountsFromLastFrame: the read deadline is armed once and moved
// on only when it fires, so a terminal reporting more often than
// IdleTimeout keeps its connection for longer than IdleTimeout in all, and
// one that then falls silent is closed as idle.
func TestIdleCountsFromLastFrame(t *testing.T) {
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	ts := startServer(t, store, func(s *Server) { s.IdleTimeout = 600 * time.Millisecond })
	c := dial(t, ts, sishui.ProtocolSL651)
	start := time.Now()
	for serial := uint16(1); time.Since(start) < 1500*time.Millisecond; serial++ {
		c.send(slReport(t, slCode, 0, serial, int(serial), 1))
		wantSLConfirm(t, c.mustNext(), serial, sl651.EOT)
		time.Sleep(100 * time.Millisecond)
	}
	if n := ts.counter(`sishui_gateway_idle_timeouts_total{protocol="sl651"}`); n != 0 {
		t.Fatalf("idle timeouts while reporting = %d", n)
	}
	c.mustClosed()
	if n := ts.counter(`sishui_gateway_idle_timeouts_total{protocol="sl651"}`); n != 1 {
		t.Errorf("idle timeouts = %d", n)
	}
}

// TestCommitContext: submissions close together share one commit context,
// whose deadline is CommitTimeout to a sixteenth more away; a later one gets
// a new context.
func TestCommitContext(t *testing.T) {
	s := &Server{CommitTimeout: 320 * time.Millisecond}
	before := time.Now()
	a := s.commitContext()
	b := s.commitContext()
	after := time.Now()
	if a != b {
		t.Error("two submissions at once got two contexts")
	}
	dl, ok := a.Deadline()
	if !ok || dl.Before(before.Add(s.CommitTimeout)) || dl.After(after.Add(s.CommitTimeout+s.CommitTimeout/16)) {
		t.Errorf("deadline %v after the call, want %v to %v", dl.Sub(before), s.CommitTimeout, s.CommitTimeout+s.CommitTimeout/16)
	}
	time.Sleep(s.CommitTimeout/16 + 10*time.Millisecond)
	if c := s.commitContext(); c == a {
		t.Error("a later submission shares the old context")
	}
	select {
	case <-a.Done():
	case <-time.After(testWait):
		t.Fatal("the shared context never ends")
	}
}
