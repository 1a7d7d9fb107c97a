package sishui

import (
	"context"
	"strings"
	"time"
)

// FrameSignal counts one terminal's suspicious frames in a window (issue 12,
// 数据真实): accepted frames marked replay, impersonation or clock_skew by the
// gateway, and frames quarantined for a wrong password or a source outside the
// allowed networks ("forged").
type FrameSignal struct {
	Protocol      string `json:"protocol"`
	Station       string `json:"station"`
	Replay        int    `json:"replay"`
	Impersonation int    `json:"impersonation"`
	ClockSkew     int    `json:"clock_skew"`
	Forged        int    `json:"forged"`
}

// Total is the number of signals.
func (s FrameSignal) Total() int { return s.Replay + s.Impersonation + s.ClockSkew + s.Forged }

// TerminalStore holds what concerns terminals beyond their samples: the
// security signals read from the frame archive and the downlink commands.
type TerminalStore interface {
	CommandStore
	// FrameSignals counts the signals per terminal in frames received since.
	FrameSignals(ctx context.Context, since time.Time) ([]FrameSignal, error)
}

// Downlink command kinds (下行命令) and what each asks of the terminal.
const (
	CommandQueryRealtime = "query_realtime" // SL 651 37H, SZY 206 AFN B0H: send real-time values now
	CommandSetClock      = "set_clock"      // SL 651 4AH, SZY 206 AFN 11H: set the clock to the send time
	CommandQueryClock    = "query_clock"    // SL 651 51H, SZY 206 AFN 51H
	CommandReadConfig    = "read_config"    // SL 651 43H (runtime parameters), SZY 206 AFN 53H (self-report types and intervals)
	CommandSetPassword   = "set_password"   // SL 651 49H, SZY 206 profile's PasswordAFN (default 96H, unverified)
	CommandSetInterval   = "set_interval"   // SL 651 42H parameter 20H, timed-report interval in hours; SZY 206 profile's IntervalAFN (default A1H, unverified), the point's class in minutes
)

// CommandKinds lists the kinds per protocol.
var CommandKinds = map[string][]string{
	ProtocolSL651:  {CommandQueryRealtime, CommandSetClock, CommandQueryClock, CommandReadConfig, CommandSetPassword, CommandSetInterval},
	ProtocolSZY206: {CommandQueryRealtime, CommandSetClock, CommandQueryClock, CommandReadConfig, CommandSetPassword, CommandSetInterval},
}

// Command statuses: queued (waiting for the terminal to be online), sent
// (written to its connection, waiting for the reply), answered (the reply
// arrived), timeout (no reply in time), cancelled, failed (not encodable).
const (
	CommandQueued    = "queued"
	CommandSent      = "sent"
	CommandAnswered  = "answered"
	CommandTimeout   = "timeout"
	CommandCancelled = "cancelled"
	CommandFailed    = "failed"
)

// TerminalCommand is one downlink command to a terminal, stored durably.
type TerminalCommand struct {
	ID        int64      `json:"id"`
	PointID   int64      `json:"point_id"`
	Protocol  string     `json:"protocol"`
	Station   string     `json:"station"`
	Kind      string     `json:"kind"`
	Password  string     `json:"-"`                    // set_password: the new password (write-only)
	IntervalH int        `json:"interval_h,omitempty"` // set_interval: hours
	Status    string     `json:"status"`
	Function  string     `json:"function,omitempty"` // function code (SL 651) or AFN (SZY 206) of the command and its reply, hex
	Frame     string     `json:"frame,omitempty"`    // the frame sent, hex
	Reply     string     `json:"reply,omitempty"`    // the terminal's reply, hex
	Error     string     `json:"error,omitempty"`
	CreatedBy string     `json:"created_by,omitempty"`
	Created   time.Time  `json:"created"`
	Sent      *time.Time `json:"sent,omitempty"`
	Done      *time.Time `json:"done,omitempty"`
}

// Validate checks the kind against the protocol and the kind's parameters.
func (c *TerminalCommand) Validate() error {
	kinds := CommandKinds[c.Protocol]
	if len(kinds) == 0 {
		return Invalid("point_id", "the point's protocol %q takes no downlink commands (sl651 and szy206 do)", c.Protocol)
	}
	if !contains(kinds, c.Kind) {
		return Invalid("kind", "must be one of %s for %s", strings.Join(kinds, ", "), c.Protocol)
	}
	switch c.Kind {
	case CommandSetPassword:
		if c.Password == "" {
			return Invalid("password", "is required: the new terminal password, 4 hex digits")
		}
		if err := CheckTerminalPassword("password", c.Password); err != nil {
			return err
		}
	case CommandSetInterval:
		if c.IntervalH < 1 || c.IntervalH > 24 {
			return Invalid("interval_h", "must be 1–24 hours")
		}
	}
	if c.Kind != CommandSetPassword && c.Password != "" {
		return Invalid("password", "only for set_password")
	}
	if c.Kind != CommandSetInterval && c.IntervalH != 0 {
		return Invalid("interval_h", "only for set_interval")
	}
	return nil
}

// TerminalCommandFilter selects commands.
type TerminalCommandFilter struct {
	PointID int64
	Status  string
	Limit   int // 0: 100
}

// CommandStore holds the downlink command queue.
type CommandStore interface {
	// CreateTerminalCommand queues a command for the point c.PointID (in the
	// actor's scope), filling protocol and station from the point.
	CreateTerminalCommand(ctx context.Context, c *TerminalCommand) error
	// ListTerminalCommands lists commands in the actor's scope, newest first.
	ListTerminalCommands(ctx context.Context, f TerminalCommandFilter) ([]*TerminalCommand, error)
	// GetTerminalCommand returns one command in the actor's scope.
	GetTerminalCommand(ctx context.Context, id int64) (*TerminalCommand, error)
	// UpdateTerminalCommand stores c's status, frame, reply, error and times
	// if the stored status is one of from; else ECONFLICT.
	UpdateTerminalCommand(ctx context.Context, c *TerminalCommand, from ...string) error
}
