package gateway

import (
	"bytes"
	"context"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/quality"
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

// slAt builds an SL 651 report with an explicit send time.
func slAt(t testing.TB, code string, serial uint16, sent time.Time, minute int, z float64) []byte {
	t.Helper()
	a, err := sl651.ParseAddress(code)
	if err != nil {
		t.Fatal(err)
	}
	obs := testObserved.Add(time.Duration(minute) * time.Minute)
	f := &sl651.Frame{Format: sl651.FormatHEX, Direction: sl651.Up, Center: 1, Station: a,
		Function: sl651.FuncTimed, Serial: serial, Sent: sent.In(sl651.Beijing()).Truncate(time.Second), HasBodyStation: true, BodyStation: a,
		StationType: sl651.StationRiver, Observed: obs, Elements: []sl651.Element{sl651.Elem("Z", z)}}
	b, err := sl651.Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dialFrom connects from a local loopback address (127.0.0.x), so that a
// test can play terminals at different peer addresses.
func dialFrom(t testing.TB, ts *testServer, protocol, local string) *client {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}}
	nc, err := d.Dial("tcp", ts.addr(protocol))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	return &client{t: t, protocol: protocol, nc: nc}
}

// TestSignals: replayed, impersonating and clock-skewed frames are stored
// and confirmed, with the signal as the frame's reason and a quality flag on
// their samples; an identical resend is no signal.
func TestSignals(t *testing.T) {
	store := newStore(t)
	p := addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	ts := startServer(t, store, nil)
	now := time.Now()
	type step struct {
		name  string
		from  string // local address; "" = the previous connection
		frame []byte
		want  string // signal kind expected in the reason ("" none)
		flag  quality.Flag
	}
	first := slAt(t, slCode, 1, now, 0, 1.0)
	steps := []step{
		{"first", "127.0.0.1", first, "", 0},
		{"identical resend", "", first, "", 0},
		{"same serial and send time, other value", "", slAt(t, slCode, 1, now, 1, 1.5), SignalReplay, quality.FlagReplay},
		{"next", "", slAt(t, slCode, 2, now.Add(time.Minute), 2, 1.1), "", 0},
		{"send time far behind", "", slAt(t, slCode, 3, now.Add(-time.Hour), 3, 1.2), SignalReplay, quality.FlagReplay},
		{"clock far from arrival", "", slAt(t, slCode, 4, now.Add(3*time.Hour), 4, 1.3), SignalClockSkew, quality.FlagClockSkew},
		{"new peer while the old session is alive", "127.0.0.2", slAt(t, slCode, 5, now.Add(2*time.Minute), 5, 1.4), SignalImpersonation, quality.FlagImpersonation},
		{"back to the first peer: alternating", "127.0.0.1", slAt(t, slCode, 6, now.Add(3*time.Minute), 6, 1.5), SignalImpersonation, quality.FlagImpersonation},
		{"same peer reconnects", "127.0.0.1", slAt(t, slCode, 7, now.Add(4*time.Minute), 7, 1.6), "", 0},
	}
	var c *client
	for i, st := range steps {
		if st.from != "" {
			c = dialFrom(t, ts, sishui.ProtocolSL651, st.from)
		}
		c.send(st.frame)
		f, _ := sl651.Decode(st.frame)
		wantSLConfirm(t, c.mustNext(), f.Serial, sl651.EOT)
		fs := frames(t, store, sishui.FrameFilter{Protocol: "sl651"})
		// The newest archived frame is this step's.
		var got *sishui.RawFrame
		for _, x := range fs {
			if got == nil || x.ID > got.ID {
				got = x
			}
		}
		if got.Status != sishui.FrameOK || !bytes.Equal(got.Bytes, st.frame) {
			t.Fatalf("step %d %s: archived %+v", i, st.name, got)
		}
		if (st.want == "") != (got.Reason == "") || !strings.Contains(got.Reason, st.want) {
			t.Fatalf("step %d %s: reason %q, want %q", i, st.name, got.Reason, st.want)
		}
		if st.name == "back to the first peer: alternating" && !strings.Contains(got.Reason, "alternate") {
			t.Fatalf("reason %q does not say the connections alternate", got.Reason)
		}
		obs := testObserved.Add(time.Duration(max(i-1, 0)) * time.Minute)
		if i == 1 {
			continue // the resend's samples are the first step's
		}
		var flags quality.Flag
		for _, x := range series(t, store, p.ID, sishui.MetricLevelM) {
			if x.Time.Equal(obs) {
				flags = quality.Flag(x.Flags)
			}
		}
		if st.flag != 0 && !flags.Has(st.flag) || st.flag == 0 && flags.Any(quality.FlagReplay|quality.FlagImpersonation|quality.FlagClockSkew) {
			t.Fatalf("step %d %s: sample flags %s, want %s", i, st.name, flags, st.flag)
		}
	}
	if n := ts.counter(`sishui_gateway_signals_total{protocol="sl651",kind="impersonation"}`); n != 2 {
		t.Errorf("impersonation signals counted %d, want 2", n)
	}
}
