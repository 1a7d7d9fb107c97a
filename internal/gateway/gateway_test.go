package gateway

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
	"github.com/sishui/sishui/internal/quality"
)

const (
	slCode  = "3715000001"
	szyCode = "3715000100"
)

func TestSL651ReportArchivedStoredConfirmed(t *testing.T) {
	store := newStore(t)
	p := addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	ts := startServer(t, store, nil)
	c := dial(t, ts, sishui.ProtocolSL651)
	c.send(slReport(t, slCode, 0, 7, 0, 31.25))
	wantSLConfirm(t, c.mustNext(), 7, sl651.EOT)

	fs := frames(t, store, sishui.FrameFilter{Station: slCode})
	if len(fs) != 1 || fs[0].Status != sishui.FrameOK || fs[0].Function != "32" || fs[0].Samples != 2 || fs[0].Protocol != "sl651" {
		t.Fatalf("archive = %+v", fs)
	}
	z := series(t, store, p.ID, sishui.MetricLevelM)
	if len(z) != 1 || z[0].Value != 31.25 || !z[0].Time.Equal(testObserved) {
		t.Fatalf("level samples = %+v, want 31.25 at %s", z, testObserved.UTC())
	}
	if v := series(t, store, p.ID, sishui.MetricVoltageV); len(v) != 1 || v[0].Value != 12.5 {
		t.Fatalf("voltage samples = %+v", v)
	}
	ss := ts.Sessions()
	if len(ss) != 1 || ss[0].Address != slCode || ss[0].Frames != 1 || ss[0].Errors != 0 || ss[0].Protocol != "sl651" {
		t.Fatalf("sessions = %+v", ss)
	}
	// The counter moves just after the confirm is written, so the client may read first.
	waitFor(t, "the confirms counter", func() bool { return ts.counter(`sishui_gateway_confirms_sent_total{protocol="sl651"}`) == 1 })
}

func TestSZY206ReportArchivedStoredConfirmed(t *testing.T) {
	store := newStore(t)
	p := addPoint(t, store, sishui.ProtocolSZY206, szyCode, "", 10)
	ts := startServer(t, store, nil)
	c := dial(t, ts, sishui.ProtocolSZY206)
	login, err := szy206.AppendLink(nil, szyAddr(t, szyCode), szy206.LinkLogin, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.send(login)
	if f, err := szy206.Decode(c.mustNext(), szy206.ProfileSZY206()); err != nil || f.AFN != szy206.AFNLink || f.Control.Up() {
		t.Fatalf("link reply %+v, %v", f, err)
	}
	c.send(szyReport(t, szyCode, 30, 0.125, 4321))
	f, err := szy206.Decode(c.mustNext(), szy206.ProfileSZY206())
	if err != nil || f.AFN != szy206.AFNSelfReport || f.Control.Up() || f.Address.String() != szyCode || !f.HasTime {
		t.Fatalf("confirm %+v, %v", f, err)
	}
	vol := series(t, store, p.ID, sishui.MetricVolumeM3)
	if len(vol) != 1 || vol[0].Value != 43210 {
		t.Fatalf("volume = %+v, want 4321 × multiplier 10", vol)
	}
	if q := series(t, store, p.ID, sishui.MetricFlowM3s); len(q) != 1 || q[0].Value != 0.125 {
		t.Fatalf("flow = %+v", q)
	}
	if fs := frames(t, store, sishui.FrameFilter{Station: szyCode}); len(fs) != 2 || fs[0].Function != "C0" || fs[1].Function != "02" {
		t.Fatalf("archive = %+v", fs)
	}
}

// TestFraming sends frames split byte by byte, glued together and with
// garbage between them: every frame is confirmed, in order.
func TestFraming(t *testing.T) {
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	ts := startServer(t, store, nil)
	f1, f2, f3 := slReport(t, slCode, 0, 1, 0, 1), slReport(t, slCode, 0, 2, 1, 2), slReport(t, slCode, 0, 3, 2, 3)
	garbage := []byte{0x00, 0x7E, 0x41, 0x7E, 0x7E, 0xFF, 0x13}
	for _, tc := range []struct {
		name   string
		writes [][]byte
	}{
		{"split", func() [][]byte {
			var w [][]byte
			for _, b := range append(append(bytes.Clone(f1), f2...), f3...) {
				w = append(w, []byte{b})
			}
			return w
		}()},
		{"glued", [][]byte{append(append(bytes.Clone(f1), f2...), f3...)}},
		{"garbage", [][]byte{garbage, f1, garbage, append(bytes.Clone(f2[:5]), 0x7E), f2, garbage[:2], f3}},
		{"split inside header", [][]byte{f1[:3], append(bytes.Clone(f1[3:]), f2[:20]...), append(bytes.Clone(f2[20:]), f3...)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := dial(t, ts, sishui.ProtocolSL651)
			for _, w := range tc.writes {
				c.send(w)
			}
			for _, serial := range []uint16{1, 2, 3} {
				wantSLConfirm(t, c.mustNext(), serial, sl651.EOT)
			}
		})
	}
	if got := len(frames(t, store, sishui.FrameFilter{Status: sishui.FrameOK})); got != 12 {
		t.Errorf("archived ok frames = %d, want 12", got)
	}
}

// TestRejected sends a bad frame, then a good one: the first answer must be
// the good frame's confirm (the bad one was not confirmed), and the bad frame
// must be archived with its status and reason.
func TestRejected(t *testing.T) {
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	addPoint(t, store, sishui.ProtocolSL651, "3715000002", "A1B2", 1)
	addPoint(t, store, sishui.ProtocolSZY206, szyCode, "", 1)
	ts := startServer(t, store, nil)
	badCRC := slReport(t, slCode, 0, 40, 0, 5)
	badCRC[len(badCRC)-1] ^= 0xFF
	szyBad := szyReport(t, szyCode, 1, 1, 1)
	szyBad[len(szyBad)-2] ^= 0x01
	for _, tc := range []struct {
		name, protocol, station, status, kind string
		bad, good                             []byte
	}{
		{"sl651 checksum", "sl651", slCode, sishui.FrameQuarantined, KindChecksum, badCRC, slReport(t, slCode, 0, 41, 1, 5)},
		{"sl651 unknown terminal", "sl651", "3715000099", sishui.FrameQuarantined, KindUnknownTerminal,
			slReport(t, "3715000099", 0, 42, 0, 5), slReport(t, slCode, 0, 43, 2, 5)},
		{"sl651 wrong password", "sl651", "3715000002", sishui.FrameQuarantined, KindPassword,
			slReport(t, "3715000002", 0xA1B3, 44, 0, 5), slReport(t, "3715000002", 0xA1B2, 45, 1, 5)},
		{"szy206 checksum", "szy206", szyCode, sishui.FrameQuarantined, KindChecksum, szyBad, szyReport(t, szyCode, 2, 1, 1)},
		{"szy206 unknown terminal", "szy206", "3715006300", sishui.FrameQuarantined, KindUnknownTerminal,
			szyReport(t, "3715006300", 3, 1, 1), szyReport(t, szyCode, 3, 1, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := ts.counter(fmt.Sprintf(`sishui_gateway_frame_errors_total{protocol=%q,kind=%q}`, tc.protocol, tc.kind))
			c := dial(t, ts, tc.protocol)
			c.send(tc.bad)
			c.send(tc.good)
			got := c.mustNext()
			if tc.protocol == "sl651" {
				g, _ := sl651.Decode(tc.good)
				wantSLConfirm(t, got, g.Serial, sl651.EOT)
			} else if f, err := szy206.Decode(got, szy206.ProfileSZY206()); err != nil || f.Address.String() != szyCode {
				t.Fatalf("answer %+v, %v: want the good frame's confirm", f, err)
			}
			var found *sishui.RawFrame
			for _, f := range frames(t, store, sishui.FrameFilter{Protocol: tc.protocol, Status: tc.status}) {
				if bytes.Equal(f.Bytes, tc.bad) {
					found = f
				}
			}
			if found == nil || found.Station != tc.station || !strings.HasPrefix(found.Reason, tc.kind) || found.Samples != 0 {
				t.Fatalf("archived bad frame = %+v", found)
			}
			after := ts.counter(fmt.Sprintf(`sishui_gateway_frame_errors_total{protocol=%q,kind=%q}`, tc.protocol, tc.kind))
			if after != before+1 {
				t.Errorf("%s counter %d → %d", tc.kind, before, after)
			}
		})
	}
}

// TestResend: the same frame twice is confirmed twice and archived twice,
// but its samples are stored once and counted as duplicates.
func TestResend(t *testing.T) {
	store := newStore(t)
	p := addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	ts := startServer(t, store, nil)
	c := dial(t, ts, sishui.ProtocolSL651)
	f := slReport(t, slCode, 0, 9, 0, 4.5)
	for range 2 {
		c.send(f)
		wantSLConfirm(t, c.mustNext(), 9, sl651.EOT)
	}
	if n := len(frames(t, store, sishui.FrameFilter{Station: slCode})); n != 2 {
		t.Errorf("archived %d frames, want 2", n)
	}
	if z := series(t, store, p.ID, sishui.MetricLevelM); len(z) != 1 {
		t.Errorf("level samples = %d, want 1", len(z))
	}
	if d := ts.counter("sishui_gateway_samples_duplicate_total"); d != 2 {
		t.Errorf("duplicates = %d, want 2 (Z and VT)", d)
	}
	if n := ts.counter("sishui_gateway_samples_inserted_total"); n != 2 {
		t.Errorf("inserted = %d, want 2", n)
	}
}

// TestManyTerminals runs 200 terminals (100 per protocol) concurrently, each
// sending several reports and waiting for every confirm; every confirmed
// frame must be archived and its samples stored once.
func TestManyTerminals(t *testing.T) {
	const perProto, reports = 100, 4
	store := newStore(t)
	var slPts, szyPts []*sishui.Point
	for i := range perProto {
		slPts = append(slPts, addPoint(t, store, sishui.ProtocolSL651, fmt.Sprintf("371501%04X", i+1), "", 1))
		szyPts = append(szyPts, addPoint(t, store, sishui.ProtocolSZY206, fmt.Sprintf("3715%02X%04X", 0x10, i+1), "", 1))
	}
	ts := startServer(t, store, nil)
	var wg sync.WaitGroup
	errs := make(chan error, 2*perProto)
	for i := range perProto {
		for _, protocol := range []string{sishui.ProtocolSL651, sishui.ProtocolSZY206} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := dial(t, ts, protocol)
				for k := range reports {
					if protocol == sishui.ProtocolSL651 {
						c.send(slReport(t, slPts[i].Code, 0, uint16(k+1), k, float64(i)+float64(k)/10))
					} else {
						c.send(szyReport(t, szyPts[i].Code, k, 0.5, float64(1000+k)))
					}
					if _, err := c.next(); err != nil {
						errs <- fmt.Errorf("%s terminal %d report %d: %w", protocol, i, k, err)
						return
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, protocol := range []string{"sl651", "szy206"} {
		if n := len(frames(t, store, sishui.FrameFilter{Protocol: protocol, Status: sishui.FrameOK})); n != perProto*reports {
			t.Errorf("%s: %d frames archived, want %d", protocol, n, perProto*reports)
		}
		if n := ts.counter(fmt.Sprintf(`sishui_gateway_confirms_sent_total{protocol=%q}`, protocol)); n != perProto*reports {
			t.Errorf("%s: %d confirms, want %d", protocol, n, perProto*reports)
		}
	}
	// Each SL 651 report carries Z and VT, each SZY 206 report flow, volume
	// and the alarm and status words: the store must have inserted each once.
	const want = perProto * reports * (2 + 4)
	if n := ts.counter("sishui_gateway_samples_inserted_total"); n != want {
		t.Errorf("inserted samples = %d, want %d", n, want)
	}
	// Spot-check series (QuerySamples is slow under -race).
	for _, i := range []int{0, perProto - 1} {
		if z := series(t, store, slPts[i].ID, sishui.MetricLevelM); len(z) != reports {
			t.Errorf("sl651 point %d: %d level samples, want %d", i, len(z), reports)
		}
		if v := series(t, store, szyPts[i].ID, sishui.MetricVolumeM3); len(v) != reports {
			t.Errorf("szy206 point %d: %d volume samples, want %d", i, len(v), reports)
		}
	}
	if d := ts.counter("sishui_gateway_samples_duplicate_total"); d != 0 {
		t.Errorf("duplicates = %d", d)
	}
}

// TestAbruptDisconnect: a terminal that drops mid-frame does not disturb
// another one, and its session disappears.
func TestAbruptDisconnect(t *testing.T) {
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	addPoint(t, store, sishui.ProtocolSL651, "3715000002", "", 1)
	ts := startServer(t, store, nil)
	a := dial(t, ts, sishui.ProtocolSL651)
	a.send(slReport(t, slCode, 0, 1, 0, 1))
	wantSLConfirm(t, a.mustNext(), 1, sl651.EOT)
	half := slReport(t, slCode, 0, 2, 1, 1)
	a.send(half[:len(half)/2])
	a.nc.Close()
	b := dial(t, ts, sishui.ProtocolSL651)
	b.send(slReport(t, "3715000002", 0, 5, 0, 1))
	wantSLConfirm(t, b.mustNext(), 5, sl651.EOT)
	waitFor(t, "the dropped session to go", func() bool {
		_, ok := ts.Session(sishui.ProtocolSL651, slCode)
		return !ok
	})
	if n := len(frames(t, store, sishui.FrameFilter{Station: slCode})); n != 1 {
		t.Errorf("archived %d frames of the dropped terminal, want 1 (the half frame never arrived)", n)
	}
}

// TestNewerConnectionReplacesOlder: the second connection of a terminal
// takes over its session and the first is closed.
func TestNewerConnectionReplacesOlder(t *testing.T) {
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	ts := startServer(t, store, nil)
	old := dial(t, ts, sishui.ProtocolSL651)
	old.send(slReport(t, slCode, 0, 1, 0, 1))
	wantSLConfirm(t, old.mustNext(), 1, sl651.EOT)
	newer := dial(t, ts, sishui.ProtocolSL651)
	newer.send(slReport(t, slCode, 0, 2, 1, 1))
	wantSLConfirm(t, newer.mustNext(), 2, sl651.EOT)
	old.mustClosed()
	si, ok := ts.Session(sishui.ProtocolSL651, slCode)
	if !ok || si.Peer != newer.nc.LocalAddr().String() {
		t.Fatalf("session = %+v, %v; want peer %s", si, ok, newer.nc.LocalAddr())
	}
	if n := ts.counter(`sishui_gateway_sessions_replaced_total{protocol="sl651"}`); n != 1 {
		t.Errorf("replaced counter = %d", n)
	}
}

// TestDownlink: a command queued while the terminal is away goes out after
// its next report (confirmed with ESC: stay online); one queued while it is
// online goes out at once.
func TestDownlink(t *testing.T) {
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	addPoint(t, store, sishui.ProtocolSZY206, szyCode, "", 1)
	ts := startServer(t, store, func(s *Server) { s.QueueLen = 2 })
	addr, _ := sl651.ParseAddress(slCode)
	query, err := sl651.Encode(sl651.Command{Station: addr, Center: 1, Sent: testObserved}.QueryRealtime())
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.Enqueue(sishui.ProtocolSL651, slCode, query); err != nil {
		t.Fatal(err)
	}
	if err := ts.Enqueue(sishui.ProtocolSL651, slCode, query); err != nil {
		t.Fatal(err)
	}
	if err := ts.Enqueue(sishui.ProtocolSL651, slCode, query); !errors.Is(err, ErrQueueFull) {
		t.Fatalf("third enqueue: %v, want ErrQueueFull", err)
	}
	c := dial(t, ts, sishui.ProtocolSL651)
	c.send(slReport(t, slCode, 0, 3, 0, 1))
	wantSLConfirm(t, c.mustNext(), 3, sl651.ESC)
	for range 2 {
		if got := c.mustNext(); !bytes.Equal(got, query) {
			t.Fatalf("got % X, want the queued query", got)
		}
	}
	waitFor(t, "the queue to empty", func() bool { return ts.Queued(sishui.ProtocolSL651, slCode) == 0 })
	// Online now: a new command goes out without waiting for a report.
	if err := ts.Enqueue(sishui.ProtocolSL651, slCode, query); err != nil {
		t.Fatal(err)
	}
	if got := c.mustNext(); !bytes.Equal(got, query) {
		t.Fatalf("got % X, want the query sent while online", got)
	}
	// The next report is confirmed with EOT again: nothing is waiting.
	c.send(slReport(t, slCode, 0, 4, 1, 1))
	wantSLConfirm(t, c.mustNext(), 4, sl651.EOT)

	// SZY 206: queued command after the log-in reply.
	sq, err := szy206.AppendQuery(nil, szyAddr(t, szyCode), szy206.TypeFlow, 3, szy206.Aux{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.Enqueue(sishui.ProtocolSZY206, szyCode, sq); err != nil {
		t.Fatal(err)
	}
	z := dial(t, ts, sishui.ProtocolSZY206)
	login, _ := szy206.AppendLink(nil, szyAddr(t, szyCode), szy206.LinkLogin, 3, nil)
	z.send(login)
	if f, err := szy206.Decode(z.mustNext(), szy206.ProfileSZY206()); err != nil || f.AFN != szy206.AFNLink {
		t.Fatalf("link reply %+v, %v", f, err)
	}
	if got := z.mustNext(); !bytes.Equal(got, sq) {
		t.Fatalf("got % X, want the queued query", got)
	}
	if n := ts.counter(`sishui_gateway_downlink_sent_total{protocol="sl651"}`); n != 3 {
		t.Errorf("sl651 downlink counter = %d", n)
	}
}

func TestMaxConns(t *testing.T) {
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	addPoint(t, store, sishui.ProtocolSL651, "3715000002", "", 1)
	ts := startServer(t, store, func(s *Server) { s.MaxConns = 2 })
	a, b := dial(t, ts, sishui.ProtocolSL651), dial(t, ts, sishui.ProtocolSZY206)
	a.send(slReport(t, slCode, 0, 1, 0, 1))
	wantSLConfirm(t, a.mustNext(), 1, sl651.EOT)
	waitFor(t, "two open connections", func() bool { return len(ts.Sessions()) == 2 })
	_ = b
	third := dial(t, ts, sishui.ProtocolSL651)
	third.mustClosed()
	if n := ts.counter(`sishui_gateway_connections_refused_total{protocol="sl651"}`); n != 1 {
		t.Errorf("refused = %d, want 1", n)
	}
	// The first connection is unaffected.
	a.send(slReport(t, slCode, 0, 2, 1, 1))
	wantSLConfirm(t, a.mustNext(), 2, sl651.EOT)
}

func TestIdleTimeout(t *testing.T) {
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	for _, tc := range []struct {
		name string
		send []byte
	}{
		{"silent", nil},
		{"half a frame", slReport(t, slCode, 0, 1, 0, 1)[:20]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := startServer(t, store, func(s *Server) {
				s.IdleTimeout = 300 * 1e6
				s.ReadTimeout = 200 * 1e6
			})
			c := dial(t, ts, sishui.ProtocolSL651)
			if tc.send != nil {
				c.send(tc.send)
			}
			c.mustClosed()
			if n := ts.counter(`sishui_gateway_idle_timeouts_total{protocol="sl651"}`); n != 1 {
				t.Errorf("idle timeouts = %d", n)
			}
		})
	}
}

// TestFramesTSV feeds every sample frame of the shared file through the
// gateway: nothing panics, every frame is archived, the bad-CRC ones are
// quarantined, and none is confirmed (no sample terminal is registered).
func TestFramesTSV(t *testing.T) {
	path := framesTSV(t)
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	type row struct {
		protocol string
		b        []byte
		crcOK    bool
	}
	var rows []row
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 5 || cols[0] == "protocol" {
			continue
		}
		var r row
		switch {
		case strings.HasPrefix(cols[0], "SL651-HEX"):
			r.protocol = sishui.ProtocolSL651
			if r.b, err = hex.DecodeString(cols[1]); err != nil {
				t.Fatal(err)
			}
		case strings.HasPrefix(cols[0], "SL651-ASCII"):
			r.protocol = sishui.ProtocolSL651
			r.b = []byte(cols[1])
			if b, err := hex.DecodeString(cols[1]); err == nil {
				r.b = b
			}
		case strings.HasPrefix(cols[0], "SZY206"):
			r.protocol = sishui.ProtocolSZY206
			if r.b, err = hex.DecodeString(cols[1]); err != nil {
				t.Fatal(err)
			}
		default:
			continue
		}
		r.crcOK = strings.HasPrefix(cols[4], "y") || cols[4] == "true" || cols[4] == "1"
		rows = append(rows, r)
	}
	store := newStore(t)
	ts := startServer(t, store, func(s *Server) { s.MaxBadFrames = 1000 })
	want := map[string]int{}
	for _, protocol := range []string{sishui.ProtocolSL651, sishui.ProtocolSZY206} {
		c := dial(t, ts, protocol)
		for _, r := range rows {
			if r.protocol == protocol {
				c.send(r.b)
				want[protocol]++
			}
		}
	}
	for protocol, n := range want {
		waitFor(t, protocol+" frames archived", func() bool {
			return len(frames(t, store, sishui.FrameFilter{Protocol: protocol})) >= n
		})
	}
	if n := ts.counter(`sishui_gateway_confirms_sent_total{protocol="sl651"}`) + ts.counter(`sishui_gateway_confirms_sent_total{protocol="szy206"}`); n != 0 {
		t.Errorf("%d confirms for unregistered terminals", n)
	}
	bad := 0
	for _, r := range rows {
		if !r.crcOK {
			bad++
		}
	}
	if n := ts.counter(`sishui_gateway_frame_errors_total{protocol="sl651",kind="checksum"}`); int(n) != bad {
		t.Errorf("checksum errors = %d, want %d", n, bad)
	}
	if n := ts.counter(`sishui_gateway_panics_total{protocol="sl651"}`) + ts.counter(`sishui_gateway_panics_total{protocol="szy206"}`); n != 0 {
		t.Errorf("%d panics", n)
	}
}

// panicStore panics in PointByCode for one terminal.
type panicStore struct {
	testStore
	code string
}

func (s panicStore) PointByCode(ctx context.Context, protocol, code string) (*sishui.Point, error) {
	if code == s.code {
		panic("boom")
	}
	return s.testStore.PointByCode(ctx, protocol, code)
}

// failStore fails IngestFrames while fail is set.
type failStore struct {
	testStore
	mu   sync.Mutex
	fail bool
}

func (s *failStore) IngestFrames(ctx context.Context, f []*sishui.RawFrame, x []sishui.Sample) (sishui.AppendResult, error) {
	s.mu.Lock()
	fail := s.fail
	s.mu.Unlock()
	if fail {
		return sishui.AppendResult{}, errors.New("disk on fire")
	}
	return s.testStore.IngestFrames(ctx, f, x)
}

// TestPanicIsolated: a panic while handling one connection closes that
// connection only and is counted.
func TestPanicIsolated(t *testing.T) {
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	ts := startServer(t, panicStore{testStore: store, code: "3715000666"}, nil)
	bad := dial(t, ts, sishui.ProtocolSL651)
	bad.send(slReport(t, "3715000666", 0, 1, 0, 1))
	bad.mustClosed()
	good := dial(t, ts, sishui.ProtocolSL651)
	good.send(slReport(t, slCode, 0, 2, 0, 1))
	wantSLConfirm(t, good.mustNext(), 2, sl651.EOT)
	if n := ts.counter(`sishui_gateway_panics_total{protocol="sl651"}`); n != 1 {
		t.Errorf("panics = %d, want 1", n)
	}
}

// TestStoreFailureNotConfirmed: when the store fails nothing is confirmed;
// the resend after recovery is.
func TestStoreFailureNotConfirmed(t *testing.T) {
	store := newStore(t)
	p := addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	fs := &failStore{testStore: store, fail: true}
	ts := startServer(t, fs, nil)
	c := dial(t, ts, sishui.ProtocolSL651)
	c.send(slReport(t, slCode, 0, 1, 0, 1))
	waitFor(t, "the failed commit", func() bool { return ts.counter("sishui_gateway_commit_errors_total") >= 1 })
	fs.mu.Lock()
	fs.fail = false
	fs.mu.Unlock()
	c.send(slReport(t, slCode, 0, 1, 0, 1)) // the terminal's retry
	wantSLConfirm(t, c.mustNext(), 1, sl651.EOT)
	if z := series(t, store, p.ID, sishui.MetricLevelM); len(z) != 1 {
		t.Errorf("level samples = %d", len(z))
	}
	if n := len(frames(t, store, sishui.FrameFilter{})); n != 1 {
		t.Errorf("archived %d frames, want 1 (the failed transaction left nothing)", n)
	}
}

func TestShutdownGraceful(t *testing.T) {
	store := newStore(t)
	addPoint(t, store, sishui.ProtocolSL651, slCode, "", 1)
	ts := startServer(t, store, nil)
	c := dial(t, ts, sishui.ProtocolSL651)
	c.send(slReport(t, slCode, 0, 1, 0, 1))
	wantSLConfirm(t, c.mustNext(), 1, sl651.EOT)
	if err := ts.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	c.mustClosed()
	if err := ts.Enqueue(sishui.ProtocolSL651, slCode, []byte{1}); !errors.Is(err, ErrServerClosed) {
		t.Errorf("enqueue after shutdown: %v", err)
	}
	if len(ts.Sessions()) != 0 {
		t.Errorf("sessions after shutdown: %+v", ts.Sessions())
	}
}

// TestQualityFlags: samples from terminals get the same data-quality flags as
// any other input; the value is stored as sent.
func TestQualityFlags(t *testing.T) {
	store := newStore(t)
	p := addPoint(t, store, sishui.ProtocolSZY206, szyCode, "", 1)
	var mu sync.Mutex
	var committed []sishui.Sample
	ts := startServerWith(t, store, ingest.Config{
		Committed: func(x []sishui.Sample) { mu.Lock(); committed = append(committed, x...); mu.Unlock() },
	}, nil)
	c := dial(t, ts, sishui.ProtocolSZY206)
	c.send(szyReport(t, szyCode, 30, 0.5, -4321)) // a meter register below zero is impossible
	c.mustNext()
	mu.Lock()
	var vol int
	for _, x := range committed { // handed on before the confirm
		if x.Metric == sishui.MetricVolumeM3 && x.Value == -4321 {
			vol++
		}
	}
	if vol != 1 {
		t.Fatalf("Committed saw %+v: want the volume sample once", committed)
	}
	mu.Unlock()
	v := series(t, store, p.ID, sishui.MetricVolumeM3)
	if len(v) != 1 || v[0].Value != -4321 || quality.Flag(v[0].Flags)&quality.FlagHardRange == 0 {
		t.Fatalf("volume = %+v: want -4321 as sent, flagged hard_range", v)
	}
	if q := series(t, store, p.ID, sishui.MetricFlowM3s); len(q) != 1 || q[0].Flags != 0 {
		t.Fatalf("flow = %+v: want no flags", q)
	}
}
