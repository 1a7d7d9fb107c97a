package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/quality"
)

// approvedAt reports whether t lies in a period of the series whose latest
// approval is "approved".
func (s *DB) approvedAt(ctx context.Context, q sqlQuerier, point int64, metric sishui.Metric, t time.Time) (bool, error) {
	var level string
	err := q.QueryRowContext(ctx, s.q(`SELECT level FROM approvals WHERE point_id = ? AND metric = ? AND from_ms <= ? AND to_ms > ?
		ORDER BY id DESC LIMIT 1`), point, int64(metric), t.UnixMilli(), t.UnixMilli()).Scan(&level)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return level == sishui.LevelApproved, err
}

// checkSeriesWrite checks that the actor may change data of the point.
func (s *DB) checkSeriesWrite(ctx context.Context, op string, point int64) error {
	p, err := s.GetPoint(ctx, point)
	if err != nil {
		return err
	}
	return s.canWrite(ctx, op, p.Region)
}

// AddCorrections stores versioned corrections with audit entries.
func (s *DB) AddCorrections(ctx context.Context, cs []sishui.Correction, reason string) error {
	const op = "add corrections"
	if len(cs) == 0 {
		return nil
	}
	if reason == "" {
		return sishui.Invalid("reason", "is required: say why the data is corrected")
	}
	checked := map[int64]bool{}
	for i := range cs {
		c := &cs[i]
		field := func(f string) string { return fmt.Sprintf("corrections[%d].%s", i, f) }
		switch {
		case c.Kind != sishui.CorrectValue && c.Kind != sishui.CorrectFill && c.Kind != sishui.CorrectRemove:
			return sishui.Invalid(field("kind"), "must be correct, fill or remove")
		case c.Metric == 0:
			return sishui.Invalid(field("metric"), "is required")
		case c.Time.IsZero():
			return sishui.Invalid(field("time"), "is required")
		case math.IsNaN(c.Value) || math.IsInf(c.Value, 0):
			return sishui.Invalid(field("value"), "must be a finite number")
		}
		if !checked[c.Point] {
			if err := s.checkSeriesWrite(ctx, op, c.Point); err != nil {
				return err
			}
			checked[c.Point] = true
		}
	}
	actor := sishui.ActorFrom(ctx)
	now := fromMS(ms(s.Now()))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i := range cs {
			c := &cs[i]
			locked, err := s.approvedAt(ctx, tx, c.Point, c.Metric, c.Time)
			if err != nil {
				return err
			}
			if locked {
				return &sishui.Error{Code: sishui.ECONFLICT, Op: op, Message: fmt.Sprintf("point %d %s at %s lies in an approved period; corrections are locked",
					c.Point, c.Metric, c.Time.In(sishui.BeijingTime).Format(time.RFC3339))}
			}
			var prev sql.NullInt64
			var before any
			var pv float64
			var pk string
			err = tx.QueryRowContext(ctx, s.q(`SELECT version, value, kind FROM corrections WHERE point_id = ? AND metric = ? AND t = ? ORDER BY version DESC LIMIT 1`),
				c.Point, int64(c.Metric), c.Time.UnixMilli()).Scan(&prev, &pv, &pk)
			if err != nil && err != sql.ErrNoRows {
				return err
			}
			if prev.Valid {
				before = map[string]any{"value": pv, "kind": pk, "version": prev.Int64}
			} else {
				var raw float64
				if err := tx.QueryRowContext(ctx, s.q(`SELECT value FROM samples WHERE bucket = ? AND point_id = ? AND metric = ? AND t = ?`),
					c.Time.UnixMilli()/BucketMS, c.Point, int64(c.Metric), c.Time.UnixMilli()).Scan(&raw); err == nil {
					before = map[string]any{"value": raw, "kind": "raw"}
				} else if err != sql.ErrNoRows {
					return err
				}
			}
			if before == nil && c.Kind != sishui.CorrectFill {
				return sishui.Invalid(fmt.Sprintf("corrections[%d].time", i), "no value is stored at %s to %s; use kind fill for a gap", c.Time.Format(time.RFC3339), c.Kind)
			}
			c.Version, c.Actor, c.Created, c.Reason = int(prev.Int64)+1, actor.Username, now, reason
			c.Time = c.Time.UTC().Truncate(time.Millisecond)
			c.ID, err = s.insertID(ctx, tx, `INSERT INTO corrections (point_id, metric, t, value, kind, version, reason, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				c.Point, int64(c.Metric), c.Time.UnixMilli(), c.Value, c.Kind, c.Version, reason, c.Actor, ms(now))
			if err != nil {
				return err
			}
			id := strconv.FormatInt(c.Point, 10) + "/" + c.Metric.String() + "/" + c.Time.Format(time.RFC3339Nano)
			if err := s.audit(ctx, tx, c.Kind, "sample", id, before, map[string]any{"value": c.Value, "kind": c.Kind, "version": c.Version}, reason); err != nil {
				return err
			}
		}
		return nil
	})
	return s.mapErr(op, err, "a correction of this version exists; retry")
}

func scanCorrection(sc scanner) (sishui.Correction, error) {
	var c sishui.Correction
	var m, t, created int64
	err := sc.Scan(&c.ID, &c.Point, &m, &t, &c.Value, &c.Kind, &c.Version, &c.Reason, &c.Actor, &created)
	c.Metric, c.Time, c.Created = sishui.Metric(m), time.UnixMilli(t).UTC(), fromMS(created)
	return c, err
}

const correctionCols = `id, point_id, metric, t, value, kind, version, reason, actor, created_ms`

// ListCorrections lists every version of a series' corrections in [from, to).
func (s *DB) ListCorrections(ctx context.Context, point int64, metric sishui.Metric, from, to time.Time) ([]sishui.Correction, error) {
	if _, err := s.GetPoint(ctx, point); err != nil {
		return nil, err
	}
	if to.IsZero() {
		to = time.Unix(1<<40, 0)
	}
	return all(ctx, s, `SELECT `+correctionCols+` FROM corrections WHERE point_id = ? AND metric = ? AND t >= ? AND t < ? ORDER BY t, version`,
		[]any{point, int64(metric), from.UnixMilli(), to.UnixMilli()}, scanCorrection)
}

// overlay applies the corrections made up to asOf to raw samples.
func overlay(raw []sishui.Sample, cs []sishui.Correction, asOf time.Time) []sishui.Sample {
	latest := map[int64]sishui.Correction{}
	for _, c := range cs {
		if !asOf.IsZero() && c.Created.After(asOf) {
			continue
		}
		k := c.Time.UnixMilli()
		if cur, ok := latest[k]; !ok || c.Version > cur.Version {
			latest[k] = c
		}
	}
	if len(latest) == 0 {
		return raw
	}
	const flagCorrected, flagFilled = uint32(quality.FlagCorrected), uint32(quality.FilledFlags)
	out := make([]sishui.Sample, 0, len(raw)+len(latest))
	for _, x := range raw {
		k := x.Time.UnixMilli()
		c, ok := latest[k]
		if !ok {
			out = append(out, x)
			continue
		}
		delete(latest, k)
		if c.Kind == sishui.CorrectRemove {
			continue
		}
		x.Value, x.Flags = c.Value, x.Flags|flagCorrected
		out = append(out, x)
	}
	for _, c := range latest {
		if c.Kind == sishui.CorrectRemove {
			continue
		}
		flags := flagCorrected
		if c.Kind == sishui.CorrectFill {
			flags = flagFilled
		}
		out = append(out, sishui.Sample{Point: c.Point, Metric: c.Metric, Time: c.Time, Value: c.Value, Flags: flags})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.Before(out[j].Time) })
	return out
}

// Approve records an approval level for a period.
func (s *DB) Approve(ctx context.Context, a *sishui.Approval) error {
	const op = "approve"
	switch a.Level {
	case sishui.LevelRaw, sishui.LevelProvisional, sishui.LevelApproved:
	default:
		return sishui.Invalid("level", "must be raw, provisional or approved")
	}
	if a.Metric == 0 {
		return sishui.Invalid("metric", "is required")
	}
	if a.From.IsZero() || !a.To.After(a.From) {
		return sishui.Invalid("to", "the period must have from before to")
	}
	if err := s.checkSeriesWrite(ctx, op, a.Point); err != nil {
		return err
	}
	actor := sishui.ActorFrom(ctx)
	if a.Level == sishui.LevelApproved && actor.Role == sishui.RoleCounty {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "county staff may mark data provisional; approval is the city's"}
	}
	a.Actor, a.Created = actor.Username, fromMS(ms(s.Now()))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if a.Level != sishui.LevelApproved && actor.Role != sishui.RoleAdmin && actor.Role != sishui.RoleSystem {
			var n int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM approvals WHERE point_id = ? AND metric = ? AND level = 'approved' AND from_ms < ? AND to_ms > ?`),
				a.Point, int64(a.Metric), a.To.UnixMilli(), a.From.UnixMilli()).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "the period overlaps an approved one; only an administrator may reopen it"}
			}
		}
		var err error
		a.ID, err = s.insertID(ctx, tx, `INSERT INTO approvals (point_id, metric, from_ms, to_ms, level, note, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Point, int64(a.Metric), a.From.UnixMilli(), a.To.UnixMilli(), a.Level, a.Note, a.Actor, ms(a.Created))
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "approve", "series", strconv.FormatInt(a.Point, 10)+"/"+a.Metric.String(), nil, a, a.Note)
	})
	return s.mapErr(op, err, "")
}

// ListApprovals lists a point's approvals, newest first.
func (s *DB) ListApprovals(ctx context.Context, point int64) ([]sishui.Approval, error) {
	if _, err := s.GetPoint(ctx, point); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT id, point_id, metric, from_ms, to_ms, level, note, actor, created_ms FROM approvals WHERE point_id = ? ORDER BY id DESC`, []any{point},
		func(sc scanner) (sishui.Approval, error) {
			var a sishui.Approval
			var m, f, t, c int64
			err := sc.Scan(&a.ID, &a.Point, &m, &f, &t, &a.Level, &a.Note, &a.Actor, &c)
			a.Metric, a.From, a.To, a.Created = sishui.Metric(m), time.UnixMilli(f).UTC(), time.UnixMilli(t).UTC(), fromMS(c)
			return a, err
		})
}
