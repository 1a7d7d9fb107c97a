package downlink_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"net"
	"path/filepath"
	"strings"
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
	return newEnvWith(t, timeout, &sishui.Point{Code: "3715000001", Name: "测站", Kind: sishui.PointWell, Protocol: sishui.ProtocolSL651,
		Region: storetest.CountyA, Multiplier: 1, IntervalSeconds: 3600, Password: "1234"})
}

// newEnvWith serves pt's protocol with a dispatcher, pt registered.
func newEnvWith(t *testing.T, timeout time.Duration, pt *sishui.Point) *env {
	t.Helper()
	ctx := sishui.WithActor(context.Background(), sishui.SystemActor)
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dl.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	storetest.Seed(t, st)
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
	go gw.Serve(rctx, ln, pt.Protocol)
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
	f, err := sl651.Decode(readFrame(c.t, c.nc, &c.buf, sl651.SplitFrames))
	if err != nil {
		c.t.Fatal(err)
	}
	return f
}

// readFrame reads the next frame the gateway sends on nc, buf holding what
// was read past the previous one.
func readFrame(t *testing.T, nc net.Conn, buf *[]byte, split bufio.SplitFunc) []byte {
	t.Helper()
	nc.SetReadDeadline(time.Now().Add(wait))
	for {
		if adv, tok, _ := split(*buf, false); adv > 0 {
			*buf = (*buf)[adv:]
			if tok != nil {
				return bytes.Clone(tok)
			}
			continue
		}
		var b [1024]byte
		n, err := nc.Read(b[:])
		if err != nil {
			t.Fatalf("waiting for the gateway: %v", err)
		}
		*buf = append(*buf, b[:n]...)
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
	// The settings commands take their AFNs from the profile.
	prof := szy206.ProfileSZY206()
	prof.IntervalAFN = 0x20
	p.Password = "0123"
	b, fn, err := downlink.Encode(&sishui.TerminalCommand{Kind: sishui.CommandSetPassword, Password: "4567"}, p, time.Now(), prof)
	if err != nil || fn != "96" {
		t.Fatalf("set_password: %v, AFN %s", err, fn)
	}
	f, err := szy206.Decode(b, prof)
	if err != nil {
		t.Fatal(err)
	}
	if pw, err := szy206.ParsePassword(f, prof); err != nil || pw != 0x4567 || !f.HasPassword || f.Password != 0x0123 || !f.HasTime {
		t.Fatalf("set_password frame: new %04X (%v), PW %04X (%v), Tp %v", pw, err, f.Password, f.HasPassword, f.HasTime)
	}
	b, fn, err = downlink.Encode(&sishui.TerminalCommand{Kind: sishui.CommandSetInterval, IntervalH: 6}, p, time.Now(), prof)
	if err != nil || fn != "20" {
		t.Fatalf("set_interval: %v, AFN %s", err, fn)
	}
	if f, err = szy206.Decode(b, prof); err != nil {
		t.Fatal(err)
	}
	if ivs, err := szy206.ParseIntervals(f, prof); err != nil || len(ivs) != 1 || ivs[0] != (szy206.ReportInterval{Type: szy206.TypeFlow, Minutes: 360}) {
		t.Fatalf("set_interval frame: %+v, %v", ivs, err)
	}
	prof.PasswordAFN = 0
	if _, _, err := downlink.Encode(&sishui.TerminalCommand{Kind: sishui.CommandSetPassword, Password: "1234"}, p, time.Now(), prof); err == nil {
		t.Fatal("set_password encoded under a profile without a password AFN")
	}
}

func szyAddr(t *testing.T, code string) szy206.Address {
	var a szy206.Address
	if b, err := hex.DecodeString(code); err != nil || copy(a[:], b) != len(a) {
		t.Fatalf("address %s", code)
	}
	return a
}

// szyTerminal is a test SZY 206 RTU on a connection.
type szyTerminal struct {
	t    *testing.T
	nc   net.Conn
	buf  []byte
	addr szy206.Address
	prof szy206.Profile
}

func (c *szyTerminal) write(b []byte, err error) {
	c.t.Helper()
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := c.nc.Write(b); err != nil {
		c.t.Fatal(err)
	}
}

func (c *szyTerminal) next() *szy206.Frame {
	c.t.Helper()
	f, err := szy206.Decode(readFrame(c.t, c.nc, &c.buf, szy206.SplitFrames), c.prof)
	if err != nil {
		c.t.Fatal(err)
	}
	return f
}

// nextAFN skips frames until one with AFN a.
func (c *szyTerminal) nextAFN(a szy206.AFN) *szy206.Frame {
	c.t.Helper()
	for {
		if f := c.next(); f.AFN == a {
			return f
		}
	}
}

// reply sends the terminal's answer to a settings command: same AFN, data d.
func (c *szyTerminal) reply(a szy206.AFN, d []byte) {
	c.t.Helper()
	c.write(szy206.AppendEncode(nil, &szy206.Frame{Control: szy206.NewControl(true, false, 3, szy206.TypeCommand),
		Address: c.addr, AFN: a, Data: d}))
}

// TestSZY206Settings: an SZY 206 terminal gets set_password (new password
// as data, the current one as PW) and set_interval (its class in minutes)
// under the profile's AFNs; an answer echoing the new password is recorded
// and makes it the point's; an answer with another interval fails the
// command with the reason.
func TestSZY206Settings(t *testing.T) {
	e := newEnvWith(t, time.Hour, &sishui.Point{Code: "3715020100", Name: "地下水井", Kind: sishui.PointWell,
		Protocol: sishui.ProtocolSZY206, Region: storetest.CountyA, Multiplier: 1, IntervalSeconds: 3600, Password: "0123"})
	prof := szy206.ProfileSZY206()
	a := szyAddr(t, "3715020100")
	nc, err := net.Dial("tcp", e.addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	term := &szyTerminal{t: t, nc: nc, addr: a, prof: prof}
	term.write(szy206.AppendLink(nil, a, szy206.LinkLogin, 3, nil))
	term.nextAFN(szy206.AFNLink)

	pw := &sishui.TerminalCommand{PointID: e.pt.ID, Kind: sishui.CommandSetPassword, Password: "4567"}
	if err := e.st.CreateTerminalCommand(e.ctx, pw); err != nil {
		t.Fatal(err)
	}
	f := term.nextAFN(szy206.DefaultPasswordAFN)
	if got, err := szy206.ParsePassword(f, prof); err != nil || got != 0x4567 || f.Password != 0x0123 || f.Control.Up() {
		t.Fatalf("password command: new %04X (%v), PW %04X", got, err, f.Password)
	}
	e.waitStatus(t, pw.ID, sishui.CommandSent)
	term.reply(szy206.DefaultPasswordAFN, szy206.AppendPasswordData(nil, 0x4567))
	if c := e.waitStatus(t, pw.ID, sishui.CommandAnswered); c.Reply == "" || c.Error != "" {
		t.Fatalf("answered %+v", c)
	}
	deadline := time.Now().Add(wait)
	for {
		p, err := e.st.GetPoint(e.ctx, e.pt.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Password == "4567" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("point password %q after the answered set_password", p.Password)
		}
		time.Sleep(10 * time.Millisecond)
	}

	iv := &sishui.TerminalCommand{PointID: e.pt.ID, Kind: sishui.CommandSetInterval, IntervalH: 2}
	if err := e.st.CreateTerminalCommand(e.ctx, iv); err != nil {
		t.Fatal(err)
	}
	f = term.nextAFN(szy206.DefaultIntervalAFN)
	ivs, err := szy206.ParseIntervals(f, prof)
	if err != nil || len(ivs) != 1 || ivs[0].Type != szy206.TypeLevel || ivs[0].Minutes != 120 {
		t.Fatalf("interval command: %+v, %v", ivs, err)
	}
	e.waitStatus(t, iv.ID, sishui.CommandSent)
	d, err := szy206.AppendIntervalData(nil, []szy206.ReportInterval{{Type: szy206.TypeLevel, Minutes: 60}})
	if err != nil {
		t.Fatal(err)
	}
	term.reply(szy206.DefaultIntervalAFN, d)
	if c := e.waitStatus(t, iv.ID, sishui.CommandFailed); !strings.Contains(c.Error, "60 minutes") || c.Reply == "" {
		t.Fatalf("a reply with another interval: %+v", c)
	}
}

// TestCheckReply: replies that do not confirm the new setting are refused
// with the reason; other commands' replies are not examined.
func TestCheckReply(t *testing.T) {
	prof := szy206.ProfileSZY206()
	p := &sishui.Point{Code: "3715020100", Protocol: sishui.ProtocolSZY206, Kind: sishui.PointRain}
	a := szyAddr(t, p.Code)
	frame := func(afn szy206.AFN, d []byte) []byte {
		b, err := szy206.AppendEncode(nil, &szy206.Frame{Control: szy206.NewControl(true, false, 3, 0), Address: a, AFN: afn, Data: d})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	rain, _ := szy206.AppendIntervalData(nil, []szy206.ReportInterval{{Type: 1, Minutes: 300}, {Type: szy206.TypeFlow, Minutes: 60}})
	flowOnly, _ := szy206.AppendIntervalData(nil, []szy206.ReportInterval{{Type: szy206.TypeFlow, Minutes: 300}})
	pw := &sishui.TerminalCommand{Protocol: sishui.ProtocolSZY206, Kind: sishui.CommandSetPassword, Password: "4567"}
	iv := &sishui.TerminalCommand{Protocol: sishui.ProtocolSZY206, Kind: sishui.CommandSetInterval, IntervalH: 5}
	for _, tt := range []struct {
		name  string
		c     *sishui.TerminalCommand
		frame []byte
		want  string // "" = accepted
	}{
		{"password echoed", pw, frame(0x96, []byte{0x45, 0x67}), ""},
		{"another password", pw, frame(0x96, []byte{0x45, 0x68}), "4568"},
		{"password data short", pw, frame(0x96, []byte{0x45}), "byte"},
		{"wrong AFN", pw, frame(0xA1, rain), "not the profile's change-password AFN"},
		{"interval for the rain class", iv, frame(0xA1, rain), ""},
		{"rain class left out", iv, frame(0xA1, flowOnly), "leaves out class 1"},
		{"bad BCD interval", iv, frame(0xA1, []byte{0x01, 0x00, 0x0A, 0x00}), "not BCD"},
		{"not a frame", iv, []byte{0x68, 0x01}, "reply"},
		{"query reply not examined", &sishui.TerminalCommand{Protocol: sishui.ProtocolSZY206, Kind: sishui.CommandQueryClock}, []byte{0x00}, ""},
	} {
		err := downlink.CheckReply(tt.c, p, tt.frame, prof)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}
