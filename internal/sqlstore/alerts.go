package sqlstore

// Alerts (预警): the warning engine's saved state, alert changes and their
// listing.

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/sishui/sishui"
)

// LoadAlertState returns the saved engine state.
func (s *DB) LoadAlertState(ctx context.Context) ([]byte, error) {
	var st string
	err := s.DB.QueryRowContext(ctx, `SELECT state FROM alert_state WHERE id = 1`).Scan(&st)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load alert state: %w", err)
	}
	return []byte(st), nil
}

func (s *DB) saveState(ctx context.Context, tx *sql.Tx, state []byte) error {
	if state == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO alert_state (id, state, updated_ms) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_ms = excluded.updated_ms`), string(state), ms(s.Now()))
	return err
}

func valuesJSON(v map[string]float64) string {
	if len(v) == 0 {
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func parseValues(s string) map[string]float64 {
	if s == "" {
		return nil
	}
	var v map[string]float64
	_ = json.Unmarshal([]byte(s), &v)
	return v
}

// saveChange upserts an alert by key and appends its events.
func (s *DB) saveChange(ctx context.Context, tx *sql.Tx, c *sishui.AlertChange) error {
	a := &c.Alert
	a.UpdatedAt = fromMS(ms(s.Now()))
	err := tx.QueryRowContext(ctx, s.q(`INSERT INTO alerts (key, rule, kind, subject, region, user_id, state, level, max_level, message, values_json,
		active_since_ms, fired_at_ms, resolved_at_ms, ack_by, ack_comment, ack_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET state = excluded.state, level = excluded.level, max_level = excluded.max_level, message = excluded.message,
		values_json = excluded.values_json, fired_at_ms = excluded.fired_at_ms, resolved_at_ms = excluded.resolved_at_ms, ack_by = excluded.ack_by,
		ack_comment = excluded.ack_comment, ack_ms = excluded.ack_ms, updated_ms = excluded.updated_ms
		RETURNING id`),
		a.Key, a.Rule, a.Kind, a.Subject, a.Region, a.UserID, a.State, a.Level, a.MaxLevel, a.Message, valuesJSON(a.Values),
		ms(a.ActiveSince), ms(a.FiredAt), ms(a.ResolvedAt), a.AckBy, a.AckComment, ms(a.AckAt), ms(a.UpdatedAt)).Scan(&a.ID)
	if err != nil {
		return fmt.Errorf("save alert %s: %w", a.Key, err)
	}
	for i := range c.Events {
		ev := &c.Events[i]
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO alert_events (alert_id, type, time_ms, level, prev_level, state, message, values_json, username, comment)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`),
			a.ID, ev.Type, ms(ev.Time), ev.Level, ev.PrevLevel, ev.State, ev.Message, valuesJSON(ev.Values), ev.User, ev.Comment).Scan(&ev.Seq); err != nil {
			return fmt.Errorf("save alert event: %w", err)
		}
	}
	return nil
}

// SaveAlerts stores the engine state and the changed alerts.
func (s *DB) SaveAlerts(ctx context.Context, state []byte, changes []*sishui.AlertChange) error {
	const op = "save alerts"
	if sishui.ActorFrom(ctx).Role != sishui.RoleSystem {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only the warning scheduler saves alerts"}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, c := range changes {
			if err := s.saveChange(ctx, tx, c); err != nil {
				return err
			}
		}
		return s.saveState(ctx, tx, state)
	})
	return s.mapErr(op, err, "")
}

// AckAlert stores an acknowledgement, audited.
func (s *DB) AckAlert(ctx context.Context, state []byte, c *sishui.AlertChange) error {
	const op = "acknowledge alert"
	a := sishui.ActorFrom(ctx)
	switch a.Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem:
	case sishui.RoleCounty:
		sc, err := s.scopeOf(ctx)
		if err != nil {
			return err
		}
		if !sc.allowsRegion(c.Alert.Region) {
			return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "the alert concerns a region outside this account's scope"}
		}
	default:
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only city, county staff and administrators acknowledge alerts"}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.saveChange(ctx, tx, c); err != nil {
			return err
		}
		if err := s.saveState(ctx, tx, state); err != nil {
			return err
		}
		return s.audit(ctx, tx, "ack", "alert", itoa64(c.Alert.ID), nil, c.Alert, c.Alert.AckComment)
	})
	return s.mapErr(op, err, "")
}

const alertCols = `id, key, rule, kind, subject, region, user_id, state, level, max_level, message, values_json,
	active_since_ms, fired_at_ms, resolved_at_ms, ack_by, ack_comment, ack_ms, updated_ms`

func scanAlert(sc scanner) (*sishui.Alert, error) {
	var a sishui.Alert
	var vals string
	var act, fired, res, ack, upd int64
	if err := sc.Scan(&a.ID, &a.Key, &a.Rule, &a.Kind, &a.Subject, &a.Region, &a.UserID, &a.State, &a.Level, &a.MaxLevel, &a.Message, &vals,
		&act, &fired, &res, &a.AckBy, &a.AckComment, &ack, &upd); err != nil {
		return nil, err
	}
	a.Values = parseValues(vals)
	a.ActiveSince, a.FiredAt, a.ResolvedAt, a.AckAt, a.UpdatedAt = fromMS(act), fromMS(fired), fromMS(res), fromMS(ack), fromMS(upd)
	return &a, nil
}

func (s *DB) alertScope(ctx context.Context, w *where) error {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	sc.apply(w, "region", "user_id")
	return nil
}

// ListAlerts lists alerts in scope, newest first.
func (s *DB) ListAlerts(ctx context.Context, f sishui.AlertFilter) ([]*sishui.Alert, int, error) {
	var w where
	if err := s.alertScope(ctx, &w); err != nil {
		return nil, 0, err
	}
	switch f.State {
	case "":
	case "open":
		w.add("state <> ?", sishui.AlertResolved)
	default:
		w.add("state = ?", f.State)
	}
	if f.Level != "" {
		w.add("level = ?", f.Level)
	}
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	if err := s.regionFilter(ctx, &w, "region", f.Region); err != nil {
		return nil, 0, err
	}
	if !f.Since.IsZero() {
		w.add("(resolved_at_ms = 0 OR resolved_at_ms >= ?)", ms(f.Since))
	}
	if !f.Until.IsZero() {
		w.add("active_since_ms < ?", ms(f.Until))
	}
	w.search(f.Query, "subject", "message", alertSubjectName)
	order, err := alertSort.orderBy(f.Page)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, "alerts", alertCols, &w, order, f.Page, scanAlert)
}

// GetAlert returns an alert in scope with its history.
func (s *DB) GetAlert(ctx context.Context, id int64) (*sishui.Alert, error) {
	var w where
	w.add("id = ?", id)
	if err := s.alertScope(ctx, &w); err != nil {
		return nil, err
	}
	a, err := scanAlert(s.DB.QueryRowContext(ctx, s.q(`SELECT `+alertCols+` FROM alerts`+w.String()), w.args...))
	if err == sql.ErrNoRows {
		return nil, &sishui.Error{Code: sishui.ENOTFOUND, Op: "get alert", Message: fmt.Sprintf("alert %d not found", id)}
	}
	if err != nil {
		return nil, fmt.Errorf("get alert: %w", err)
	}
	a.History, err = all(ctx, s, `SELECT seq, type, time_ms, level, prev_level, state, message, values_json, username, comment FROM alert_events WHERE alert_id = ? ORDER BY seq`,
		[]any{id}, func(sc scanner) (sishui.AlertEvent, error) {
			var ev sishui.AlertEvent
			var t int64
			var vals string
			err := sc.Scan(&ev.Seq, &ev.Type, &t, &ev.Level, &ev.PrevLevel, &ev.State, &ev.Message, &vals, &ev.User, &ev.Comment)
			ev.Time, ev.Values = fromMS(t), parseValues(vals)
			return ev, err
		})
	if err != nil {
		return nil, fmt.Errorf("get alert history: %w", err)
	}
	return a, nil
}

// AlertByKey returns an alert in scope by its engine id.
func (s *DB) AlertByKey(ctx context.Context, key string) (*sishui.Alert, error) {
	var w where
	w.add("key = ?", key)
	if err := s.alertScope(ctx, &w); err != nil {
		return nil, err
	}
	a, err := scanAlert(s.DB.QueryRowContext(ctx, s.q(`SELECT `+alertCols+` FROM alerts`+w.String()), w.args...))
	if err == sql.ErrNoRows {
		return nil, &sishui.Error{Code: sishui.ENOTFOUND, Op: "get alert", Message: fmt.Sprintf("alert %q not found", key)}
	}
	if err != nil {
		return nil, fmt.Errorf("get alert: %w", err)
	}
	return a, nil
}
