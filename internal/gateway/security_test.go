package gateway

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/sl651"
)

// archived returns the archived frame with exactly these bytes, or nil.
func archived(t testing.TB, s testStore, protocol string, b []byte) *sishui.RawFrame {
	t.Helper()
	for _, f := range frames(t, s, sishui.FrameFilter{Protocol: protocol}) {
		if bytes.Equal(f.Bytes, b) {
			return f
		}
	}
	return nil
}

// TestNoPassword: an SL 651 point without a password has its frames
// quarantined (no_password) and never confirmed, unless AllowNoPassword.
func TestNoPassword(t *testing.T) {
	for _, allow := range []bool{false, true} {
		t.Run(map[bool]string{false: "required", true: "allowed"}[allow], func(t *testing.T) {
			store := newStore(t)
			p := addPointNoPassword(t, store, sishui.ProtocolSL651, slCode, "", 1)
			addPoint(t, store, sishui.ProtocolSL651, "3715000002", "A1B2", 1)
			ts := startServer(t, store, func(s *Server) { s.AllowNoPassword = allow })
			c := dial(t, ts, sishui.ProtocolSL651)
			bad := slReport(t, slCode, 0, 7, 0, 5)
			c.send(bad)
			if allow {
				wantSLConfirm(t, c.mustNext(), 7, sl651.EOT)
				if n := len(series(t, store, p.ID, sishui.MetricLevelM)); n != 1 {
					t.Fatalf("stored %d levels, want 1", n)
				}
				return
			}
			// A good frame of another terminal on its own connection is
			// confirmed; the first one never is.
			c2 := dial(t, ts, sishui.ProtocolSL651)
			c2.send(slReport(t, "3715000002", 0xA1B2, 8, 0, 5))
			wantSLConfirm(t, c2.mustNext(), 8, sl651.EOT)
			var f *sishui.RawFrame
			waitFor(t, "the quarantined frame", func() bool { f = archived(t, store, "sl651", bad); return f != nil })
			if f.Status != sishui.FrameQuarantined || !strings.HasPrefix(f.Reason, KindNoPassword) || f.Samples != 0 {
				t.Fatalf("archived %+v", f)
			}
			if n := len(series(t, store, p.ID, sishui.MetricLevelM)); n != 0 {
				t.Fatalf("stored %d levels of a point without password", n)
			}
			c.nc.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
			var one [1]byte
			if n, _ := c.nc.Read(one[:]); n != 0 {
				t.Fatal("a frame of a point without password was answered")
			}
		})
	}
}
