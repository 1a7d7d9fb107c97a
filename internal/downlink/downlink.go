// Package downlink sends users' commands to terminals (下行命令: query
// real-time data, set or query the clock, read the configuration, change the
// password or the reporting interval). Commands are queued durably in the
// store (sishui.CommandStore); a Dispatcher encodes and hands a command to
// the gateway as soon as its terminal is online (at once when it is
// connected, else when it next connects), records it as sent, matches the
// terminal's reply (same function code or AFN) and records it, and times
// out commands that got none.
package downlink

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// Gateway is what the dispatcher needs of the gateway; *gateway.Server has it.
type Gateway interface {
	Online(protocol, address string) bool
	Enqueue(protocol, address string, frame []byte) error
}

// Store is what the dispatcher needs of a store.
type Store interface {
	sishui.CommandStore
	GetPoint(ctx context.Context, id int64) (*sishui.Point, error)
	UpdatePoint(ctx context.Context, p *sishui.Point) error
}

// Defaults.
const (
	DefaultEvery   = time.Second
	DefaultTimeout = 2 * time.Minute
)

type termKey struct{ protocol, station string }

type reply struct {
	key      termKey
	function string
	frame    []byte
	at       time.Time
}

// Dispatcher moves commands from the store to the gateway and records
// replies. Set the fields before Run.
type Dispatcher struct {
	Store   Store
	Gateway Gateway
	Every   time.Duration // how often the queue is looked at; DefaultEvery
	Timeout time.Duration // a sent command without reply this long times out; DefaultTimeout
	// SZY206Profile encodes SZY 206 commands (zero: szy206.ProfileSZY206).
	SZY206Profile szy206.Profile
	Now           func() time.Time
	Logger        *slog.Logger

	mu      sync.Mutex
	queued  map[termKey]bool // terminals with queued commands (refreshed every tick)
	waiting map[termKey]bool // terminals with sent commands awaiting a reply
	replies chan reply
	once    sync.Once
}

func (d *Dispatcher) init() {
	d.once.Do(func() {
		if d.Every <= 0 {
			d.Every = DefaultEvery
		}
		if d.Timeout <= 0 {
			d.Timeout = DefaultTimeout
		}
		if d.Now == nil {
			d.Now = time.Now
		}
		if d.Logger == nil {
			d.Logger = slog.New(slog.DiscardHandler)
		}
		if d.SZY206Profile.TimeTagLen == 0 {
			d.SZY206Profile = szy206.ProfileSZY206()
		}
		d.queued, d.waiting = map[termKey]bool{}, map[termKey]bool{}
		d.replies = make(chan reply, 1024)
	})
}

func system(ctx context.Context) context.Context { return sishui.WithActor(ctx, sishui.SystemActor) }

// Run dispatches until ctx ends.
func (d *Dispatcher) Run(ctx context.Context) {
	d.init()
	t := time.NewTicker(d.Every)
	defer t.Stop()
	for {
		d.Tick(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case r := <-d.replies:
			d.answer(ctx, r)
		}
	}
}

// Tick sends the queued commands of online terminals, times out sent ones
// and refreshes which terminals have commands.
func (d *Dispatcher) Tick(ctx context.Context) {
	d.init()
	ctx = system(ctx)
	queued, err := d.Store.ListTerminalCommands(ctx, sishui.TerminalCommandFilter{Status: sishui.CommandQueued, Limit: sishui.MaxPageLimit})
	if err != nil {
		d.Logger.Warn("downlink: queued commands", "err", err)
		return
	}
	q := map[termKey]bool{}
	for i := len(queued) - 1; i >= 0; i-- { // oldest first
		c := queued[i]
		k := termKey{c.Protocol, c.Station}
		q[k] = true
		if d.Gateway.Online(c.Protocol, c.Station) {
			d.send(ctx, c)
		}
	}
	sent, err := d.Store.ListTerminalCommands(ctx, sishui.TerminalCommandFilter{Status: sishui.CommandSent, Limit: sishui.MaxPageLimit})
	if err != nil {
		d.Logger.Warn("downlink: sent commands", "err", err)
		return
	}
	w := map[termKey]bool{}
	now := d.Now()
	for _, c := range sent {
		if c.Sent != nil && now.Sub(*c.Sent) > d.Timeout {
			c.Status, c.Error = sishui.CommandTimeout, fmt.Sprintf("no reply within %s", d.Timeout)
			t := now.UTC()
			c.Done = &t
			if err := d.Store.UpdateTerminalCommand(ctx, c, sishui.CommandSent); err != nil {
				d.Logger.Warn("downlink: time out", "command", c.ID, "err", err)
			}
			continue
		}
		w[termKey{c.Protocol, c.Station}] = true
	}
	d.mu.Lock()
	d.queued, d.waiting = q, w
	d.mu.Unlock()
}

// Online is the gateway's hook when a terminal's session starts: its queued
// commands are handed over at once (before the confirm of its first frame,
// so that an SL 651 terminal is told to stay online). It does store I/O only
// for terminals with queued commands.
func (d *Dispatcher) Online(protocol, station string) {
	d.init()
	k := termKey{protocol, station}
	d.mu.Lock()
	has := d.queued[k]
	d.mu.Unlock()
	if !has {
		return
	}
	ctx := system(context.Background())
	cs, err := d.Store.ListTerminalCommands(ctx, sishui.TerminalCommandFilter{Status: sishui.CommandQueued, Limit: sishui.MaxPageLimit})
	if err != nil {
		d.Logger.Warn("downlink: queued commands", "err", err)
		return
	}
	for i := len(cs) - 1; i >= 0; i-- {
		if c := cs[i]; c.Protocol == protocol && c.Station == station {
			d.send(ctx, c)
		}
	}
}

// Uplink is the gateway's hook for every accepted frame: a frame of a
// terminal with sent commands may be the reply to one of them. It never
// blocks.
func (d *Dispatcher) Uplink(protocol, station, function string, frame []byte, at time.Time) {
	d.init()
	k := termKey{protocol, station}
	d.mu.Lock()
	w := d.waiting[k]
	d.mu.Unlock()
	if !w {
		return
	}
	select {
	case d.replies <- reply{key: k, function: function, frame: append([]byte(nil), frame...), at: at}:
	default:
		d.Logger.Warn("downlink: reply queue full; the reply is dropped", "station", station)
	}
}

// send encodes c, records it as sent and hands it to the gateway.
func (d *Dispatcher) send(ctx context.Context, c *sishui.TerminalCommand) {
	p, err := d.Store.GetPoint(ctx, c.PointID)
	if err != nil {
		d.Logger.Warn("downlink: point", "command", c.ID, "err", err)
		return
	}
	now := d.Now().UTC()
	frame, fn, err := Encode(c, p, now, d.SZY206Profile)
	if err != nil {
		c.Status, c.Error, c.Done = sishui.CommandFailed, err.Error(), &now
		if err := d.Store.UpdateTerminalCommand(ctx, c, sishui.CommandQueued); err != nil {
			d.Logger.Warn("downlink: fail", "command", c.ID, "err", err)
		}
		return
	}
	c.Status, c.Function, c.Frame, c.Sent = sishui.CommandSent, fn, strings.ToUpper(hex.EncodeToString(frame)), &now
	if err := d.Store.UpdateTerminalCommand(ctx, c, sishui.CommandQueued); err != nil {
		return // cancelled meanwhile, or sent by another dispatcher
	}
	if err := d.Gateway.Enqueue(c.Protocol, c.Station, frame); err != nil {
		c.Status, c.Frame, c.Sent = sishui.CommandQueued, "", nil
		if err2 := d.Store.UpdateTerminalCommand(ctx, c, sishui.CommandSent); err2 != nil {
			d.Logger.Warn("downlink: requeue", "command", c.ID, "err", errors.Join(err, err2))
		}
		return
	}
	d.mu.Lock()
	d.waiting[termKey{c.Protocol, c.Station}] = true
	d.mu.Unlock()
}

// answer records r as the reply of the oldest sent command of its terminal
// with the same function.
func (d *Dispatcher) answer(ctx context.Context, r reply) {
	ctx = system(ctx)
	sent, err := d.Store.ListTerminalCommands(ctx, sishui.TerminalCommandFilter{Status: sishui.CommandSent, Limit: sishui.MaxPageLimit})
	if err != nil {
		d.Logger.Warn("downlink: sent commands", "err", err)
		return
	}
	for i := len(sent) - 1; i >= 0; i-- {
		c := sent[i]
		if c.Protocol != r.key.protocol || c.Station != r.key.station || !strings.EqualFold(c.Function, r.function) {
			continue
		}
		at := r.at.UTC()
		c.Status, c.Reply, c.Done = sishui.CommandAnswered, strings.ToUpper(hex.EncodeToString(r.frame)), &at
		p, perr := d.Store.GetPoint(ctx, c.PointID)
		if perr == nil {
			if err := CheckReply(c, p, r.frame, d.SZY206Profile); err != nil {
				c.Status, c.Error = sishui.CommandFailed, err.Error()
			}
		}
		if err := d.Store.UpdateTerminalCommand(ctx, c, sishui.CommandSent); err != nil {
			d.Logger.Warn("downlink: answer", "command", c.ID, "err", err)
			return
		}
		if c.Kind == sishui.CommandSetPassword && c.Status == sishui.CommandAnswered {
			// The terminal now signs with the new password.
			err := perr
			if err == nil {
				p.Password = c.Password
				err = d.Store.UpdatePoint(ctx, p)
			}
			if err != nil {
				d.Logger.Error("downlink: the terminal's new password is not stored; set it on the point", "point", c.PointID, "err", err)
			}
		}
		return
	}
}

// Encode builds the frame of command c for point p at now and returns it
// with the function code (SL 651) or AFN (SZY 206) its reply carries, hex.
func Encode(c *sishui.TerminalCommand, p *sishui.Point, now time.Time, prof szy206.Profile) ([]byte, string, error) {
	switch p.Protocol {
	case sishui.ProtocolSL651:
		return encodeSL651(c, p, now)
	case sishui.ProtocolSZY206:
		return encodeSZY206(c, p, now, prof)
	}
	return nil, "", fmt.Errorf("downlink: protocol %q takes no commands", p.Protocol)
}

func encodeSL651(c *sishui.TerminalCommand, p *sishui.Point, now time.Time) ([]byte, string, error) {
	a, err := sl651.ParseAddress(p.Code)
	if err != nil {
		return nil, "", err
	}
	var pw uint64
	if p.Password != "" {
		if pw, err = strconv.ParseUint(p.Password, 16, 16); err != nil {
			return nil, "", fmt.Errorf("point %s password: %w", p.Code, err)
		}
	}
	cmd := sl651.Command{Center: 1, Station: a, Password: uint16(pw), Sent: now.In(sl651.Beijing()).Truncate(time.Second)}
	var f *sl651.Frame
	switch c.Kind {
	case sishui.CommandQueryRealtime:
		f = cmd.QueryRealtime()
	case sishui.CommandSetClock:
		f = cmd.SetClock()
	case sishui.CommandQueryClock:
		f = cmd.QueryRealtime()
		f.Function = sl651.FuncQueryClock
	case sishui.CommandReadConfig:
		f = cmd.QueryRealtime()
		f.Function = sl651.FuncReadRuntimeConfig
	case sishui.CommandSetPassword:
		np, err := strconv.ParseUint(c.Password, 16, 16)
		if err != nil {
			return nil, "", fmt.Errorf("new password: %w", err)
		}
		f = cmd.ChangePassword(uint16(np))
	case sishui.CommandSetInterval:
		f = cmd.QueryRealtime()
		f.Function = sl651.FuncWriteRuntimeConfig
		// Appendix D parameter 20H: timed-report interval in hours, 1 byte.
		f.Params = []sl651.Element{{Code: 0x20, Def: 0x08, Value: float64(c.IntervalH)}}
	default:
		return nil, "", fmt.Errorf("downlink: %s is not an SL 651 command", c.Kind)
	}
	b, err := sl651.Encode(f)
	if err != nil {
		return nil, "", err
	}
	return b, fmt.Sprintf("%02X", f.Function), nil
}

func encodeSZY206(c *sishui.TerminalCommand, p *sishui.Point, now time.Time, prof szy206.Profile) ([]byte, string, error) {
	var a szy206.Address
	b, err := hex.DecodeString(p.Code)
	if err != nil || len(b) != len(a) {
		return nil, "", fmt.Errorf("point %s: not a 10-hex-digit SZY 206 address", p.Code)
	}
	copy(a[:], b)
	tp := szy206.NewTimeTag(now, 0, prof.TimeTagLen)
	aux := szy206.Aux{Time: tp, HasTime: true}
	cmd := &szy206.Command{Address: a, FCB: 3, Type: szy206.TypeCommand, Aux: aux}
	switch c.Kind {
	case sishui.CommandQueryRealtime:
		cmd.AFN, cmd.Type = prof.RealtimeQueryAFN, queryType(p.Kind)
	case sishui.CommandSetClock:
		// AFN 11H; data: second, minute, hour, day, month, year as BCD
		// (PROTOCOLS.md §2.4; the data layout is unverified with a real RTU).
		bj := now.In(sishui.BeijingTime)
		cmd.AFN = 0x11
		cmd.Data = []byte{bcd(bj.Second()), bcd(bj.Minute()), bcd(bj.Hour()), bcd(bj.Day()), bcd(int(bj.Month())), bcd(bj.Year() % 100)}
	case sishui.CommandQueryClock:
		cmd.AFN = 0x51
	case sishui.CommandReadConfig:
		cmd.AFN = 0x53
	case sishui.CommandSetPassword:
		// Profile.PasswordAFN (default 96H, unverified): data = the new
		// password, PW = the current one.
		np, err := szy206Password("new password", c.Password)
		if err != nil {
			return nil, "", err
		}
		if cmd.AFN = prof.PasswordAFN; cmd.AFN == 0 {
			return nil, "", fmt.Errorf("downlink: SZY 206 profile %s has no change-password AFN", prof.Name)
		}
		cmd.Data = szy206.AppendPasswordData(nil, np)
		if p.Password != "" {
			if cmd.Password, err = szy206Password("point "+p.Code+" password", p.Password); err != nil {
				return nil, "", err
			}
			cmd.HasPassword = true
		}
	case sishui.CommandSetInterval:
		// Profile.IntervalAFN (default A1H, unverified): the point's class
		// self-reports every IntervalH hours.
		if cmd.AFN = prof.IntervalAFN; cmd.AFN == 0 {
			return nil, "", fmt.Errorf("downlink: SZY 206 profile %s has no set-interval AFN", prof.Name)
		}
		var err error
		if cmd.Data, err = szy206.AppendIntervalData(nil, []szy206.ReportInterval{{Type: queryType(p.Kind), Minutes: c.IntervalH * 60}}); err != nil {
			return nil, "", err
		}
	default:
		return nil, "", fmt.Errorf("downlink: %s is not an SZY 206 command", c.Kind)
	}
	out, err := szy206.AppendCommand(nil, cmd)
	if err != nil {
		return nil, "", err
	}
	return out, fmt.Sprintf("%02X", byte(cmd.AFN)), nil
}

// szy206Password reads a password of 4 hex digits as the 16-bit PW.
func szy206Password(what, s string) (uint16, error) {
	v, err := strconv.ParseUint(s, 16, 16)
	if err != nil || len(s) != 4 {
		return 0, fmt.Errorf("%s %q: not 4 hex digits", what, s)
	}
	return uint16(v), nil
}

// CheckReply parses the terminal's reply to c where its content says
// whether the command took: an SZY 206 password or interval change must
// answer with the new setting. p is the command's point.
func CheckReply(c *sishui.TerminalCommand, p *sishui.Point, frame []byte, prof szy206.Profile) error {
	if c.Protocol != sishui.ProtocolSZY206 || c.Kind != sishui.CommandSetPassword && c.Kind != sishui.CommandSetInterval {
		return nil
	}
	f, err := szy206.Decode(frame, prof)
	if err != nil {
		return fmt.Errorf("reply: %w", err)
	}
	if c.Kind == sishui.CommandSetPassword {
		got, err := szy206.ParsePassword(f, prof)
		if err != nil {
			return fmt.Errorf("reply: %w", err)
		}
		if want, err := szy206Password("new password", c.Password); err != nil || got != want {
			return fmt.Errorf("reply: the terminal answered password %04X, not the new one", got)
		}
		return nil
	}
	ivs, err := szy206.ParseIntervals(f, prof)
	if err != nil {
		return fmt.Errorf("reply: %w", err)
	}
	class := queryType(p.Kind)
	for _, iv := range ivs {
		if iv.Type == class {
			if iv.Minutes != c.IntervalH*60 {
				return fmt.Errorf("reply: the terminal answered %d minutes for class %d, not %d", iv.Minutes, class, c.IntervalH*60)
			}
			return nil
		}
	}
	return fmt.Errorf("reply: the terminal's answer leaves out class %d", class)
}

// queryType is the parameter class of a real-time query by point kind.
func queryType(kind string) szy206.TypeCode {
	switch kind {
	case sishui.PointRain:
		return szy206.TypeCode(1)
	case sishui.PointRiver, sishui.PointReservoir, sishui.PointWell:
		return szy206.TypeCode(2)
	}
	return szy206.TypeFlow
}

func bcd(v int) byte { return byte(v/10<<4 | v%10) }
