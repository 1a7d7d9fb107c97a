package gateway

import (
	"fmt"
	"hash/maphash"
	"net/netip"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/quality"
)

// Replay and impersonation signals (一.二 数据真实). A frame that passes
// every acceptance check is still looked at against what its terminal sent
// before; what looks forged or replayed is stored, confirmed and marked: the
// frame's Reason names the signal (status stays ok) and its samples get a
// quality flag, so the terminal_security warning and the data review see it.
//
//   - replay: the frame repeats a serial number and send time (SL 651) or a
//     time tag (SZY 206) of a recent frame of the terminal with other
//     contents, or its send time goes back behind the latest one by more
//     than ClockSkew; an identical resend (an unconfirmed frame sent again)
//     is not a signal.
//   - impersonation: the terminal's first frame on a new connection comes
//     from another peer address while its session from the old address is
//     alive (the old one is closed, as before), and "alternating" when the
//     address goes back to one it left within ImpersonationWindow.
//   - clock_skew: the send time is further than ClockSkew from arrival.

// Signal kinds: the prefixes of an accepted frame's Reason and the "kind"
// label of sishui_gateway_signals_total.
const (
	SignalReplay        = "replay"
	SignalImpersonation = "impersonation"
	SignalClockSkew     = "clock_skew"
)

// Defaults of the signal settings.
const (
	DefaultClockSkew           = 10 * time.Minute
	DefaultImpersonationWindow = time.Hour
	recentFrames               = 8 // frames remembered per terminal for replay checks
)

// frameMark is what a frame says about itself for the replay checks.
type frameMark struct {
	serial int       // SL 651 serial number (流水号); -1: none
	sent   time.Time // send time (SL 651 发报时间, SZY 206 time tag); zero: none
	sum    uint64    // hash of the frame's bytes
}

type seenFrame struct {
	serial int
	sent   int64
	sum    uint64
}

// termTrack is what the server remembers of one terminal for the signals;
// guarded by Server.mu.
type termTrack struct {
	recent   [recentFrames]seenFrame
	n        int   // frames recorded (ring position = n % recentFrames)
	lastSent int64 // latest send time seen, Unix ms
	prevIP   netip.Addr
	switched time.Time // when the session last moved to another address
}

var frameSeed = maphash.MakeSeed()

func markOf(b []byte, serial int, sent time.Time) frameMark {
	return frameMark{serial: serial, sent: sent, sum: maphash.Bytes(frameSeed, b)}
}

// signals are the signals found for one frame.
type signals struct {
	flags   quality.Flag
	reasons []string
}

func (g *signals) add(kind string, f quality.Flag, format string, args ...any) {
	g.flags |= f
	g.reasons = append(g.reasons, kind+": "+fmt.Sprintf(format, args...))
}

// bindAndCheck makes c the session of terminal k (replacing an older
// connection) and checks the frame for replay, impersonation and clock
// signals.
func (s *Server) bindAndCheck(c *conn, k termKey, m frameMark, arrival time.Time) signals {
	var sig signals
	s.mu.Lock()
	tr := s.tracks[k]
	if tr == nil {
		tr = &termTrack{}
		s.tracks[k] = tr
	}
	old, bound := s.bindLocked(c, k)
	if old != nil && old.peerAddr != c.peerAddr {
		if tr.prevIP == c.peerAddr && arrival.Sub(tr.switched) < s.ImpersonationWindow {
			sig.add(SignalImpersonation, quality.FlagImpersonation, "two connections alternate for the terminal: back to %s from %s within %s",
				c.peerAddr, old.peerAddr, arrival.Sub(tr.switched).Round(time.Second))
		} else {
			sig.add(SignalImpersonation, quality.FlagImpersonation, "reported from %s while its session from %s was alive", c.peerAddr, old.peerAddr)
		}
		tr.prevIP, tr.switched = old.peerAddr, arrival
	}
	if !m.sent.IsZero() || m.serial >= 0 {
		s.checkReplayLocked(tr, m, arrival, &sig)
	}
	s.mu.Unlock()
	if bound && s.OnOnline != nil {
		s.OnOnline(k.protocol, k.address)
	}
	if !m.sent.IsZero() && s.ClockSkew > 0 {
		if d := m.sent.Sub(arrival); d > s.ClockSkew || -d > s.ClockSkew {
			sig.add(SignalClockSkew, quality.FlagClockSkew, "send time %s is %s off arrival", m.sent.UTC().Format(time.RFC3339), d.Round(time.Second))
		}
	}
	for _, r := range sig.reasons {
		kind, _, _ := strings.Cut(r, ":")
		s.Metrics.GetOrCreateCounter(fmt.Sprintf(`sishui_gateway_signals_total{protocol=%q,kind=%q}`, k.protocol, kind)).Inc()
	}
	return sig
}

func (s *Server) checkReplayLocked(tr *termTrack, m frameMark, arrival time.Time, sig *signals) {
	sent := int64(0)
	if !m.sent.IsZero() {
		sent = m.sent.UnixMilli()
	}
	for i := range min(tr.n, recentFrames) {
		x := tr.recent[i]
		if x.sum == m.sum {
			return // an identical resend: the terminal missed its confirm
		}
	}
	for i := range min(tr.n, recentFrames) {
		x := tr.recent[i]
		if x.serial == m.serial && x.sent == sent {
			what := "time tag"
			if m.serial >= 0 {
				what = fmt.Sprintf("serial %d and send time", m.serial)
			}
			if sent == 0 {
				what = fmt.Sprintf("serial %d", m.serial)
			}
			sig.add(SignalReplay, quality.FlagReplay, "%s repeated with other contents", what)
			break
		}
	}
	if sent != 0 && tr.lastSent != 0 && sent < tr.lastSent-s.ClockSkew.Milliseconds() {
		sig.add(SignalReplay, quality.FlagReplay, "send time %s is behind the terminal's latest %s",
			m.sent.UTC().Format(time.RFC3339), time.UnixMilli(tr.lastSent).UTC().Format(time.RFC3339))
	}
	tr.recent[tr.n%recentFrames] = seenFrame{serial: m.serial, sent: sent, sum: m.sum}
	tr.n++
	// A send time far from arrival (clock_skew) does not become the
	// reference: the terminal's clock, not later frames, is off.
	if d := m.sent.Sub(arrival); sent > tr.lastSent && (s.ClockSkew <= 0 || d <= s.ClockSkew && -d <= s.ClockSkew) {
		tr.lastSent = sent
	}
}

// mark applies a frame's signals: the Reason of the (accepted) frame and the
// quality flags of its samples.
func (g signals) mark(w *work, samples []sishui.Sample) {
	if len(g.reasons) == 0 {
		return
	}
	w.raw.Reason = strings.Join(g.reasons, "; ")
	for i := range samples {
		samples[i].Flags |= uint32(g.flags)
	}
}
