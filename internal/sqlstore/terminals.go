package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sishui/sishui"
)

// FrameSignals counts each terminal's suspicious frames received since: the
// gateway's signals in accepted frames' reasons (internal/gateway/signals.go)
// and frames quarantined for a wrong password or source network. It reads
// only frames with a reason (a partial index, migration 016) and only
// terminals in the actor's scope.
func (s *DB) FrameSignals(ctx context.Context, since time.Time) ([]sishui.FrameSignal, error) {
	var w where
	w.add("reason <> ''")
	w.add("received_ms >= ?", since.UnixMilli())
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	if !sc.all {
		var pw where
		sc.apply(&pw, "region", pointUserExpr)
		w.add("station IN (SELECT code FROM points"+pw.String()+")", pw.args...)
	}
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT protocol, station,
		SUM(CASE WHEN status = 'ok' AND reason LIKE '%replay: %' THEN 1 ELSE 0 END),
		SUM(CASE WHEN status = 'ok' AND reason LIKE '%impersonation: %' THEN 1 ELSE 0 END),
		SUM(CASE WHEN status = 'ok' AND reason LIKE '%clock_skew: %' THEN 1 ELSE 0 END),
		SUM(CASE WHEN status = 'quarantined' AND (reason LIKE 'password:%' OR reason LIKE 'source_network:%') THEN 1 ELSE 0 END)
		FROM frames`+w.String()+` GROUP BY protocol, station ORDER BY protocol, station`), w.args...)
	if err != nil {
		return nil, fmt.Errorf("frame signals: %w", err)
	}
	defer rows.Close()
	var out []sishui.FrameSignal
	for rows.Next() {
		var x sishui.FrameSignal
		if err := rows.Scan(&x.Protocol, &x.Station, &x.Replay, &x.Impersonation, &x.ClockSkew, &x.Forged); err != nil {
			return nil, fmt.Errorf("frame signals: %w", err)
		}
		if x.Total() > 0 {
			out = append(out, x)
		}
	}
	return out, rows.Err()
}

// ---- downlink commands

type commandParams struct {
	Password  string `json:"password,omitempty"`
	IntervalH int    `json:"interval_h,omitempty"`
}

const commandCols = `id, point_id, protocol, station, kind, params, status, function, frame, reply, error, created_by, created_ms, sent_ms, done_ms`

func scanCommand(sc scanner) (*sishui.TerminalCommand, error) {
	var c sishui.TerminalCommand
	var params string
	var created, sent, done int64
	if err := sc.Scan(&c.ID, &c.PointID, &c.Protocol, &c.Station, &c.Kind, &params, &c.Status, &c.Function, &c.Frame, &c.Reply, &c.Error,
		&c.CreatedBy, &created, &sent, &done); err != nil {
		return nil, err
	}
	var p commandParams
	if params != "" {
		if err := json.Unmarshal([]byte(params), &p); err != nil {
			return nil, fmt.Errorf("command %d params: %w", c.ID, err)
		}
	}
	c.Password, c.IntervalH = p.Password, p.IntervalH
	c.Created = time.UnixMilli(created).UTC()
	if sent != 0 {
		t := time.UnixMilli(sent).UTC()
		c.Sent = &t
	}
	if done != 0 {
		t := time.UnixMilli(done).UTC()
		c.Done = &t
	}
	return &c, nil
}

// CreateTerminalCommand queues a downlink command for a point in the
// actor's (write) scope.
func (s *DB) CreateTerminalCommand(ctx context.Context, c *sishui.TerminalCommand) error {
	const op = "create terminal command"
	p, err := s.GetPoint(ctx, c.PointID)
	if err != nil {
		if sishui.ErrorCode(err) == sishui.ENOTFOUND {
			return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "point_id", Message: "no such point"}
		}
		return err
	}
	if p.Retired {
		return sishui.Invalid("point_id", "point %d is retired", p.ID)
	}
	c.Protocol, c.Station = p.Protocol, p.Code
	if err := c.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	if err := s.canWrite(ctx, op, p.Region); err != nil {
		return err
	}
	params, err := json.Marshal(commandParams{Password: c.Password, IntervalH: c.IntervalH})
	if err != nil {
		return err
	}
	c.Status = sishui.CommandQueued
	c.CreatedBy = sishui.ActorFrom(ctx).Username
	c.Created = time.UnixMilli(ms(s.Now())).UTC()
	c.Sent, c.Done, c.Frame, c.Reply, c.Error = nil, nil, "", "", ""
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := s.insertID(ctx, tx, `INSERT INTO terminal_commands (point_id, protocol, station, kind, params, status, created_by, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			c.PointID, c.Protocol, c.Station, c.Kind, string(params), c.Status, c.CreatedBy, ms(c.Created))
		if err != nil {
			return err
		}
		c.ID = id
		return s.audit(ctx, tx, "create", "terminal_command", strconv.FormatInt(id, 10), nil, c, "")
	})
	return s.mapErr(op, err, "")
}

func (s *DB) commandScope(ctx context.Context, w *where) error {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	if !sc.all {
		var pw where
		sc.apply(&pw, "region", pointUserExpr)
		w.add("point_id IN (SELECT id FROM points"+pw.String()+")", pw.args...)
	}
	return nil
}

// ListTerminalCommands lists commands in the actor's scope, newest first.
func (s *DB) ListTerminalCommands(ctx context.Context, f sishui.TerminalCommandFilter) ([]*sishui.TerminalCommand, error) {
	var w where
	if err := s.commandScope(ctx, &w); err != nil {
		return nil, err
	}
	if f.PointID != 0 {
		w.add("point_id = ?", f.PointID)
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	limit := f.Limit
	if limit <= 0 || limit > sishui.MaxPageLimit {
		limit = 100
	}
	out, err := all(ctx, s, `SELECT `+commandCols+` FROM terminal_commands`+w.String()+fmt.Sprintf(` ORDER BY id DESC LIMIT %d`, limit), w.args,
		func(sc interface{ Scan(...any) error }) (*sishui.TerminalCommand, error) { return scanCommand(sc) })
	return out, s.mapErr("list terminal commands", err, "")
}

// GetTerminalCommand returns one command in the actor's scope.
func (s *DB) GetTerminalCommand(ctx context.Context, id int64) (*sishui.TerminalCommand, error) {
	var w where
	w.add("id = ?", id)
	if err := s.commandScope(ctx, &w); err != nil {
		return nil, err
	}
	c, err := scanCommand(s.DB.QueryRowContext(ctx, s.q(`SELECT `+commandCols+` FROM terminal_commands`+w.String()), w.args...))
	return c, s.mapErr("get terminal command", err, "")
}

// UpdateTerminalCommand moves a command on (status, frame, reply, error,
// times) if its stored status is one of from.
func (s *DB) UpdateTerminalCommand(ctx context.Context, c *sishui.TerminalCommand, from ...string) error {
	const op = "update terminal command"
	if len(from) == 0 {
		return sishui.Invalid("status", "no status to move from")
	}
	old, err := s.GetTerminalCommand(ctx, c.ID)
	if err != nil {
		return err
	}
	// Scope: GetTerminalCommand found it through its point in the actor's scope.
	var w where
	w.add("id = ?", c.ID)
	w.in("status", from)
	args := append([]any{c.Status, c.Function, c.Frame, c.Reply, c.Error, msPtr(c.Sent), msPtr(c.Done)}, w.args...)
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE terminal_commands SET status = ?, function = ?, frame = ?, reply = ?, error = ?, sent_ms = ?, done_ms = ?`+w.String()), args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &sishui.Error{Code: sishui.ECONFLICT, Op: op, Field: "status", Message: fmt.Sprintf("command %d is %s, not %s", c.ID, old.Status, strings.Join(from, " or "))}
		}
		if c.Status == sishui.CommandCancelled {
			return s.audit(ctx, tx, "update", "terminal_command", strconv.FormatInt(c.ID, 10), old, c, "cancelled")
		}
		return nil
	})
	return s.mapErr(op, err, "")
}

func msPtr(t *time.Time) int64 {
	if t == nil {
		return 0
	}
	return t.UnixMilli()
}
