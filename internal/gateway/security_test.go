package gateway

import (
	"bytes"
	"context"
	"net/netip"
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

// TestAllowedNets: frames from a peer outside the gateway's or the point's
// allowed networks are quarantined (source_network) and not confirmed.
func TestAllowedNets(t *testing.T) {
	for _, tc := range []struct {
		name      string
		gateway   string
		point     []string
		wantAllow bool
	}{
		{"point allows loopback", "", []string{"127.0.0.0/8"}, true},
		{"point allows an address", "", []string{"10.0.0.0/8", "127.0.0.1"}, true},
		{"point elsewhere", "", []string{"10.20.0.0/16"}, false},
		{"gateway elsewhere", "10.0.0.0/8", nil, false},
		{"gateway allows, point elsewhere", "127.0.0.0/8", []string{"10.0.0.0/8"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store := newStore(t)
			p := &sishui.Point{Code: slCode, Name: "测站", Kind: sishui.PointWell, Protocol: sishui.ProtocolSL651,
				Region: testCounty, Multiplier: 1, IntervalSeconds: 3600, Password: "0000", AllowedNets: tc.point}
			if err := store.CreatePoint(context.Background(), p); err != nil {
				t.Fatal(err)
			}
			z := &sishui.Point{Code: szyCode, Name: "测站", Kind: sishui.PointWell, Protocol: sishui.ProtocolSZY206,
				Region: testCounty, Multiplier: 1, IntervalSeconds: 3600, AllowedNets: tc.point}
			if err := store.CreatePoint(context.Background(), z); err != nil {
				t.Fatal(err)
			}
			ts := startServer(t, store, func(s *Server) {
				if tc.gateway != "" {
					s.AllowedNets = []netip.Prefix{netip.MustParsePrefix(tc.gateway)}
				}
			})
			sl := slReport(t, slCode, 0, 9, 0, 5)
			szy := szyReport(t, szyCode, 5, 1, 2)
			for _, x := range []struct {
				protocol string
				b        []byte
			}{{"sl651", sl}, {"szy206", szy}} {
				c := dial(t, ts, x.protocol)
				c.send(x.b)
				if tc.wantAllow {
					c.mustNext()
					continue
				}
				var f *sishui.RawFrame
				waitFor(t, "the quarantined frame", func() bool { f = archived(t, store, x.protocol, x.b); return f != nil })
				if f.Status != sishui.FrameQuarantined || !strings.HasPrefix(f.Reason, KindSourceNet) || f.Samples != 0 {
					t.Fatalf("%s archived %+v", x.protocol, f)
				}
			}
			n := len(series(t, store, p.ID, sishui.MetricLevelM))
			if tc.wantAllow != (n == 1) {
				t.Fatalf("stored %d levels", n)
			}
		})
	}
}
