package downlink_test

import (
	"bytes"
	"context"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/downlink"
	"github.com/sishui/sishui/internal/gateway"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

const wait = 20 * time.Second // a safety net, not an assertion

type env struct {
	st   *sqlite.DB
	gw   *gateway.Server
	d    *downlink.Dispatcher
	addr string
	pt   *sishui.Point
	ctx  context.Context
}

func newEnv(t *testing.T, timeout time.Duration) *env {
	t.Helper()
	ctx := sishui.WithActor(context.Background(), sishui.SystemActor)
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dl.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	storetest.Seed(t, st)
	pt := &sishui.Point{Code: "3715000001", Name: "测站", Kind: sishui.PointWell, Protocol: sishui.ProtocolSL651,
		Region: storetest.CountyA, Multiplier: 1, IntervalSeconds: 3600, Password: "1234"}
	if err := st.CreatePoint(ctx, pt); err != nil {
		t.Fatal(err)
	}
	ing := ingest.New(st, ingest.Config{})
	t.Cleanup(func() { ing.Close() })
	gw := &gateway.Server{Ingest: ing}
	d := &downlink.Dispatcher{Store: st, Gateway: gw, Every: 20 * time.Millisecond, Timeout: timeout}
	gw.OnOnline, gw.OnUplink = d.Online, d.Uplink
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	rctx, cancel := context.WithCancel(ctx)
	go gw.Serve(rctx, ln, sishui.ProtocolSL651)
	done := make(chan struct{})
	go func() { d.Run(rctx); close(done) }()
	t.Cleanup(func() { cancel(); gw.Close(); <-done })
	return &env{st: st, gw: gw, d: d, addr: ln.Addr().String(), pt: pt, ctx: ctx}
}

// terminal is a test SL 651 RTU.
type terminal struct {
	t   *testing.T
	nc  net.Conn
	buf []byte
}

func (e *env) dial(t *testing.T) *terminal {
	nc, err := net.Dial("tcp", e.addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	return &terminal{t: t, nc: nc}
}

func (c *terminal) send(f *sl651.Frame) {
	c.t.Helper()
	b, err := sl651.Encode(f)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := c.nc.Write(b); err != nil {
		c.t.Fatal(err)
	}
}

func (c *terminal) next() *sl651.Frame {
	c.t.Helper()
	c.nc.SetReadDeadline(time.Now().Add(wait))
	for {
		if adv, tok, _ := sl651.SplitFrames(c.buf, false); adv > 0 {
			c.buf = c.buf[adv:]
			if tok != nil {
				f, err := sl651.Decode(bytes.Clone(tok))
				if err != nil {
					c.t.Fatal(err)
				}
				return f
			}
			continue
		}
		var b [1024]byte
		n, err := c.nc.Read(b[:])
		if err != nil {
			c.t.Fatalf("waiting for the gateway: %v", err)
		}
		c.buf = append(c.buf, b[:n]...)
	}
}

func up(addr sl651.Address, fn byte, serial uint16) *sl651.Frame {
	now := time.Now().In(sl651.Beijing()).Truncate(time.Second)
	return &sl651.Frame{Format: sl651.FormatHEX, Direction: sl651.Up, Center: 1, Station: addr, Password: 0x1234,
		Function: fn, Serial: serial, Sent: now, HasBodyStation: true, BodyStation: addr, StationType: sl651.StationRiver,
		Observed: now.Truncate(time.Minute), Elements: []sl651.Element{sl651.Elem("Z", 1.5)}}
}

func (e *env) waitStatus(t *testing.T, id int64, status string) *sishui.TerminalCommand {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		c, err := e.st.GetTerminalCommand(e.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if c.Status == status {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("command %d is %s, want %s", id, c.Status, status)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestQueuedUntilOnline: a command queued while the terminal is offline is
// sent when it next connects — its report's confirm says stay online (ESC) —
// and the terminal's reply is recorded; a new password, once answered, is the
// point's.
func TestQueuedUntilOnline(t *testing.T) {
	e := newEnv(t, time.Hour)
	addr, _ := sl651.ParseAddress(e.pt.Code)
	query := &sishui.TerminalCommand{PointID: e.pt.ID, Kind: sishui.CommandQueryRealtime}
	if err := e.st.CreateTerminalCommand(e.ctx, query); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // several dispatcher ticks: nothing to send to
	if c := e.waitStatus(t, query.ID, sishui.CommandQueued); c.Sent != nil {
		t.Fatal("sent while the terminal was offline")
	}
	term := e.dial(t)
	term.send(up(addr, sl651.FuncTimed, 1))
	conf := term.next()
	if conf.Function != sl651.FuncTimed || conf.End != sl651.ESC {
		t.Fatalf("confirm %02X end %02X: want the report's confirm with ESC (commands waiting)", conf.Function, conf.End)
	}
	cmd := term.next()
	if cmd.Direction != sl651.Down || cmd.Function != sl651.FuncQueryRealtime || cmd.Password != 0x1234 {
		t.Fatalf("got %02X (direction %v, password %04X), want the 37H query", cmd.Function, cmd.Direction, cmd.Password)
	}
	sent := e.waitStatus(t, query.ID, sishui.CommandSent)
	if sent.Function != "37" || sent.Frame == "" {
		t.Fatalf("sent command %+v", sent)
	}
	term.send(up(addr, sl651.FuncQueryRealtime, 2))
	answered := e.waitStatus(t, query.ID, sishui.CommandAnswered)
	if answered.Reply == "" || answered.Done == nil {
		t.Fatalf("answered command %+v", answered)
	}

	// Connected now: a command goes out at once.
	pw := &sishui.TerminalCommand{PointID: e.pt.ID, Kind: sishui.CommandSetPassword, Password: "ABCD"}
	if err := e.st.CreateTerminalCommand(e.ctx, pw); err != nil {
		t.Fatal(err)
	}
	for {
		f := term.next()
		if f.Function == sl651.FuncChangePassword {
			break
		}
	}
	e.waitStatus(t, pw.ID, sishui.CommandSent)
	term.send(up(addr, sl651.FuncChangePassword, 3))
	e.waitStatus(t, pw.ID, sishui.CommandAnswered)
	deadline := time.Now().Add(wait)
	for {
		p, err := e.st.GetPoint(e.ctx, e.pt.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Password == "ABCD" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("point password %q after the answered set_password", p.Password)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestTimeoutAndCancel: a sent command without reply times out; a queued
// one can be cancelled, a sent one not; bad input names its field.
func TestTimeoutAndCancel(t *testing.T) {
	e := newEnv(t, 50*time.Millisecond)
	addr, _ := sl651.ParseAddress(e.pt.Code)
	term := e.dial(t)
	term.send(up(addr, sl651.FuncTimed, 1))
	term.next()
	c := &sishui.TerminalCommand{PointID: e.pt.ID, Kind: sishui.CommandSetClock}
	if err := e.st.CreateTerminalCommand(e.ctx, c); err != nil {
		t.Fatal(err)
	}
	if f := term.next(); f.Function != sl651.FuncSetClock {
		t.Fatalf("got %02X, want 4AH", f.Function)
	}
	to := e.waitStatus(t, c.ID, sishui.CommandTimeout)
	if to.Error == "" {
		t.Fatal("timeout without a reason")
	}
	to.Status = sishui.CommandCancelled
	if err := e.st.UpdateTerminalCommand(e.ctx, to, sishui.CommandQueued); sishui.ErrorCode(err) != sishui.ECONFLICT {
		t.Fatalf("cancel a timed-out command: %v, want conflict", err)
	}
	for _, bad := range []struct {
		c     sishui.TerminalCommand
		field string
	}{
		{sishui.TerminalCommand{PointID: e.pt.ID, Kind: "reboot"}, "kind"},
		{sishui.TerminalCommand{PointID: e.pt.ID, Kind: sishui.CommandSetPassword, Password: "XYZ1"}, "password"},
		{sishui.TerminalCommand{PointID: e.pt.ID, Kind: sishui.CommandSetInterval, IntervalH: 25}, "interval_h"},
		{sishui.TerminalCommand{PointID: 999, Kind: sishui.CommandSetClock}, "point_id"},
	} {
		err := e.st.CreateTerminalCommand(e.ctx, &bad.c)
		var de *sishui.Error
		if !asErr(err, &de) || de.Code != sishui.EINVALID || de.Field != bad.field {
			t.Errorf("%+v: %v, want invalid %s", bad.c, err, bad.field)
		}
	}
}

func asErr(err error, de **sishui.Error) bool {
	e, ok := err.(*sishui.Error)
	if ok {
		*de = e
	}
	return ok
}

// TestEncodeSZY206: each SZY 206 command encodes to a downlink frame that
// decodes, with the AFN its reply carries.
func TestEncodeSZY206(t *testing.T) {
	p := &sishui.Point{Code: "3715020100", Protocol: sishui.ProtocolSZY206, Kind: sishui.PointWithdrawal}
	for kind, afn := range map[string]string{sishui.CommandQueryRealtime: "B0", sishui.CommandSetClock: "11", sishui.CommandQueryClock: "51", sishui.CommandReadConfig: "53"} {
		b, fn, err := downlink.Encode(&sishui.TerminalCommand{Kind: kind}, p, time.Now(), szy206.ProfileSZY206())
		if err != nil || fn != afn {
			t.Fatalf("%s: %v, AFN %s want %s", kind, err, fn, afn)
		}
		f, err := szy206.Decode(b, szy206.ProfileSZY206())
		if err != nil || f.Control.Up() || f.Address.String() != "3715020100" {
			t.Fatalf("%s: % X decodes to %+v, %v", kind, b, f, err)
		}
	}
	if _, _, err := downlink.Encode(&sishui.TerminalCommand{Kind: sishui.CommandSetPassword, Password: "1234"}, p, time.Now(), szy206.ProfileSZY206()); err == nil {
		t.Fatal("set_password encoded for SZY 206")
	}
}
