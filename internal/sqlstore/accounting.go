package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sishui/sishui"
)

// canAccount checks that the actor may write accounting rows.
func canAccount(ctx context.Context, op string) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem:
		return nil
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only city staff, administrators and the system may change the accounting"}
}

func monthOf(day string) int {
	if len(day) < 7 {
		return 0
	}
	y, _ := strconv.Atoi(day[:4])
	m, _ := strconv.Atoi(day[5:7])
	return y*100 + m
}

type cellKey struct {
	month                  int
	region, source, sector string
}

type cellDelta struct{ measured, estimated, entered int64 }

type pointDelta struct {
	user                         int64
	measured, estimated          int64
	received, expected, daysUsed int64
}

func (d *cellDelta) add(basis string, l int64) {
	switch basis {
	case sishui.BasisMeasured:
		d.measured += l
	case sishui.BasisEstimated:
		d.estimated += l
	default:
		d.entered += l
	}
}

func validBasis(b string) bool {
	return b == sishui.BasisMeasured || b == sishui.BasisEstimated || b == sishui.BasisEntered
}

// ReplaceDailyUse replaces a point's daily rows in [from, to) and moves the
// rollups by the difference.
func (s *DB) ReplaceDailyUse(ctx context.Context, point int64, from, to time.Time, rows []sishui.DailyUse) error {
	const op = "replace daily use"
	if err := canAccount(ctx, op); err != nil {
		return err
	}
	lo, hi := dateStr(from), dateStr(to)
	if !from.Before(to) {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "to", Message: "must be after from"}
	}
	seen := map[string]bool{}
	for _, r := range rows {
		d := dateStr(r.Day)
		switch {
		case r.Point != point:
			return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "point", Message: fmt.Sprintf("row of point %d in a replace of point %d", r.Point, point)}
		case d < lo || d >= hi:
			return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "day", Message: fmt.Sprintf("%s outside [%s, %s)", d, lo, hi)}
		case seen[d]:
			return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "day", Message: "duplicate day " + d}
		case !validBasis(r.Basis) || r.Basis == sishui.BasisEntered:
			return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "basis", Message: "must be measured or estimated"}
		case r.Litres < 0 || r.Region == "" || r.Source == "" || r.Sector == "":
			return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "volume", Message: "needs a region, source, sector and a non-negative volume"}
		}
		seen[d] = true
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		cells := map[cellKey]*cellDelta{}
		points := map[cellKey]*pointDelta{}
		apply := func(r sishui.DailyUse, day string, sign int64) {
			k := cellKey{monthOf(day), r.Region, r.Source, r.Sector}
			c := cells[k]
			if c == nil {
				c = &cellDelta{}
				cells[k] = c
			}
			c.add(r.Basis, sign*r.Litres)
			p := points[k]
			if p == nil {
				p = &pointDelta{}
				points[k] = p
			}
			if sign > 0 {
				p.user = r.UserID
			}
			if r.Basis == sishui.BasisMeasured {
				p.measured += sign * r.Litres
			} else {
				p.estimated += sign * r.Litres
			}
			p.received += sign * int64(r.Received)
			p.expected += sign * int64(r.Expected)
			p.daysUsed += sign
		}
		old, err := s.dailyRows(ctx, tx, point, lo, hi)
		if err != nil {
			return err
		}
		for _, r := range old {
			apply(r, dateStr(r.Day), -1)
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM daily_use WHERE point_id = ? AND day >= ? AND day < ?`), point, lo, hi); err != nil {
			return err
		}
		if len(rows) > 0 {
			stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO daily_use (point_id, day, region, source, sector, user_id, litres, basis, method, flags, received, expected)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
			if err != nil {
				return err
			}
			defer stmt.Close()
			for _, r := range rows {
				d := dateStr(r.Day)
				if _, err := stmt.ExecContext(ctx, point, d, r.Region, r.Source, r.Sector, r.UserID, r.Litres, r.Basis, r.Method, int64(r.Flags), r.Received, r.Expected); err != nil {
					return err
				}
				apply(r, d, +1)
			}
		}
		if err := s.applyCells(ctx, tx, cells); err != nil {
			return err
		}
		return s.applyPointCells(ctx, tx, point, points)
	})
	return s.mapErr(op, err, "")
}

func (s *DB) applyCells(ctx context.Context, tx *sql.Tx, cells map[cellKey]*cellDelta) error {
	keys := sortedCellKeys(cells)
	for _, k := range keys {
		c := cells[k]
		if *c == (cellDelta{}) {
			continue
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO use_monthly (region, source, sector, month, measured_l, estimated_l, entered_l) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (month, region, source, sector) DO UPDATE SET measured_l = use_monthly.measured_l + excluded.measured_l,
			estimated_l = use_monthly.estimated_l + excluded.estimated_l, entered_l = use_monthly.entered_l + excluded.entered_l`),
			k.region, k.source, k.sector, k.month, c.measured, c.estimated, c.entered); err != nil {
			return fmt.Errorf("rollup: %w", err)
		}
	}
	return nil
}

func (s *DB) applyPointCells(ctx context.Context, tx *sql.Tx, point int64, cells map[cellKey]*pointDelta) error {
	for _, k := range sortedCellKeys(cells) {
		c := cells[k]
		if c.measured == 0 && c.estimated == 0 && c.received == 0 && c.expected == 0 && c.daysUsed == 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO use_point_monthly (point_id, month, region, source, sector, user_id, measured_l, estimated_l, received, expected, days)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (month, point_id, region, source, sector) DO UPDATE SET measured_l = use_point_monthly.measured_l + excluded.measured_l,
			estimated_l = use_point_monthly.estimated_l + excluded.estimated_l, received = use_point_monthly.received + excluded.received,
			expected = use_point_monthly.expected + excluded.expected, days = use_point_monthly.days + excluded.days,
			user_id = excluded.user_id`),
			point, k.month, k.region, k.source, k.sector, c.user, c.measured, c.estimated, c.received, c.expected, c.daysUsed); err != nil {
			return fmt.Errorf("point rollup: %w", err)
		}
	}
	return nil
}

func sortedCellKeys[V any](m map[cellKey]V) []cellKey {
	keys := make([]cellKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b cellKey) int {
		return cmp.Or(cmp.Compare(a.month, b.month), cmp.Compare(a.region, b.region), cmp.Compare(a.source, b.source), cmp.Compare(a.sector, b.sector))
	})
	return keys
}

const dailyCols = `point_id, day, region, source, sector, user_id, litres, basis, method, flags, received, expected`

func scanDaily(sc scanner) (sishui.DailyUse, error) {
	var r sishui.DailyUse
	var day string
	var flags int64
	err := sc.Scan(&r.Point, &day, &r.Region, &r.Source, &r.Sector, &r.UserID, &r.Litres, &r.Basis, &r.Method, &flags, &r.Received, &r.Expected)
	r.Day, r.Flags = parseDate(day), uint32(flags)
	return r, err
}

func (s *DB) dailyRows(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, point int64, lo, hi string) ([]sishui.DailyUse, error) {
	rows, err := q.QueryContext(ctx, s.q(`SELECT `+dailyCols+` FROM daily_use WHERE point_id = ? AND day >= ? AND day < ? ORDER BY day`), point, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []sishui.DailyUse
	for rows.Next() {
		r, err := scanDaily(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ListDailyUse returns a point's daily rows in [from, to), when the point is in scope.
func (s *DB) ListDailyUse(ctx context.Context, point int64, from, to time.Time) ([]sishui.DailyUse, error) {
	if _, err := s.GetPoint(ctx, point); err != nil {
		return nil, err
	}
	out, err := s.dailyRows(ctx, s.DB, point, dateStr(from), dateStr(to))
	if err != nil {
		return nil, fmt.Errorf("list daily use: %w", err)
	}
	if out == nil {
		out = []sishui.DailyUse{}
	}
	return out, nil
}

// UpsertEnteredUse creates or replaces an entered volume and moves use_monthly by the difference.
func (s *DB) UpsertEnteredUse(ctx context.Context, e *sishui.EnteredUse) error {
	const op = "upsert entered use"
	if err := e.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	if err := s.canWrite(ctx, op, e.Region); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, c := range []struct{ table, col, val, field string }{
			{"regions", "code", e.Region, "region"}, {"sources", "code", e.Source, "source"}, {"sectors", "code", e.Sector, "sector"}} {
			if err := exists(ctx, s, tx, c.table, c.col, c.val, c.field); err != nil {
				return err
			}
		}
		var before *sishui.EnteredUse
		var oldM3 int64
		var note string
		err := tx.QueryRowContext(ctx, s.q(`SELECT volume_m3, note FROM entered_use WHERE region = ? AND source = ? AND sector = ? AND month = ?`),
			e.Region, e.Source, e.Sector, e.Month).Scan(&oldM3, &note)
		switch {
		case err == sql.ErrNoRows:
		case err != nil:
			return err
		default:
			before = &sishui.EnteredUse{Region: e.Region, Source: e.Source, Sector: e.Sector, Month: e.Month, VolumeM3: oldM3, Note: note}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO entered_use (region, source, sector, month, volume_m3, note, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (region, source, sector, month) DO UPDATE SET volume_m3 = excluded.volume_m3, note = excluded.note, updated_ms = excluded.updated_ms`),
			e.Region, e.Source, e.Sector, e.Month, e.VolumeM3, e.Note, ms(s.Now())); err != nil {
			return err
		}
		cells := map[cellKey]*cellDelta{{e.Month, e.Region, e.Source, e.Sector}: {entered: (e.VolumeM3 - oldM3) * 1000}}
		if err := s.applyCells(ctx, tx, cells); err != nil {
			return err
		}
		id := fmt.Sprintf("%s/%s/%s/%d", e.Region, e.Source, e.Sector, e.Month)
		action := "update"
		if before == nil {
			action = "create"
		}
		return s.audit(ctx, tx, action, "entered_use", id, before, e, "")
	})
	return s.mapErr(op, err, "")
}

// ListEnteredUse lists entered volumes in scope.
func (s *DB) ListEnteredUse(ctx context.Context, f sishui.UseFilter) ([]*sishui.EnteredUse, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	sc.apply(&w, "region", "")
	if err := s.regionFilter(ctx, &w, "region", f.Region); err != nil {
		return nil, err
	}
	monthRange(&w, "month", f)
	return all(ctx, s, `SELECT region, source, sector, month, volume_m3, note FROM entered_use`+w.String()+` ORDER BY month, region, source, sector`, w.args,
		func(sc scanner) (*sishui.EnteredUse, error) {
			var e sishui.EnteredUse
			err := sc.Scan(&e.Region, &e.Source, &e.Sector, &e.Month, &e.VolumeM3, &e.Note)
			return &e, err
		})
}

func monthRange(w *where, col string, f sishui.UseFilter) {
	if f.FromMonth != 0 {
		w.add(col+" >= ?", f.FromMonth)
	}
	if f.ToMonth != 0 {
		w.add(col+" <= ?", f.ToMonth)
	}
}

// isCityRoot reports whether region is a top-level region (no parent, not hosted).
func (s *DB) isCityRoot(ctx context.Context, region string) (bool, error) {
	var parent, host sql.NullString
	err := s.DB.QueryRowContext(ctx, s.q(`SELECT parent, host FROM regions WHERE code = ?`), region).Scan(&parent, &host)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var plevel string
	if parent.String != "" {
		// A city under a province counts as a root for public aggregates.
		if err := s.DB.QueryRowContext(ctx, s.q(`SELECT level FROM regions WHERE code = ?`), parent.String).Scan(&plevel); err != nil && err != sql.ErrNoRows {
			return false, err
		}
	}
	return host.String == "" && (parent.String == "" || plevel == sishui.LevelProvince), nil
}

// MonthlyUse returns rollup cells in scope.
func (s *DB) MonthlyUse(ctx context.Context, f sishui.UseFilter) ([]sishui.UseCell, error) {
	const op = "monthly use"
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	a := sishui.ActorFrom(ctx)
	if a.Role == sishui.RolePublic {
		if f.Region == "" {
			return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "public callers see city-level totals only: name the city"}
		}
		root, err := s.isCityRoot(ctx, f.Region)
		if err != nil {
			return nil, err
		}
		if !root || f.Point != 0 {
			return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "public callers see city-level totals only"}
		}
		sc = scope{all: true}
	}
	var w where
	scanCell := func(sc scanner) (sishui.UseCell, error) {
		var c sishui.UseCell
		err := sc.Scan(&c.Region, &c.Source, &c.Sector, &c.Month, &c.Measured, &c.Estimated, &c.Entered)
		return c, err
	}
	if sc.user > 0 || f.Point != 0 {
		sc.apply(&w, "region", "user_id")
		if f.Point != 0 {
			w.add("point_id = ?", f.Point)
		}
		if err := s.regionFilter(ctx, &w, "region", f.Region); err != nil {
			return nil, err
		}
		monthRange(&w, "month", f)
		out, err := all(ctx, s, `SELECT region, source, sector, month, CAST(SUM(measured_l) AS BIGINT), CAST(SUM(estimated_l) AS BIGINT), 0 FROM use_point_monthly`+w.String()+
			` GROUP BY month, region, source, sector ORDER BY month, region, source, sector`, w.args, scanCell)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		return out, nil
	}
	sc.apply(&w, "region", "")
	if err := s.regionFilter(ctx, &w, "region", f.Region); err != nil {
		return nil, err
	}
	monthRange(&w, "month", f)
	out, err := all(ctx, s, `SELECT region, source, sector, month, measured_l, estimated_l, entered_l FROM use_monthly`+w.String()+
		` ORDER BY month, region, source, sector`, w.args, scanCell)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return out, nil
}

// PointMonthlyUse returns per-point monthly rollups in scope.
func (s *DB) PointMonthlyUse(ctx context.Context, f sishui.UseFilter) ([]sishui.PointMonth, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	var w where
	sc.apply(&w, "region", "user_id")
	if f.Point != 0 {
		w.add("point_id = ?", f.Point)
	}
	if err := s.regionFilter(ctx, &w, "region", f.Region); err != nil {
		return nil, err
	}
	monthRange(&w, "month", f)
	out, err := all(ctx, s, `SELECT point_id, month, region, source, sector, measured_l, estimated_l, received, expected FROM use_point_monthly`+w.String()+
		` ORDER BY month, point_id`, w.args, func(sc scanner) (sishui.PointMonth, error) {
		var p sishui.PointMonth
		err := sc.Scan(&p.Point, &p.Month, &p.Region, &p.Source, &p.Sector, &p.Measured, &p.Estimated, &p.Received, &p.Expected)
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("point monthly use: %w", err)
	}
	return out, nil
}

// RebuildRollups recomputes the rollups of year from daily_use and entered_use.
func (s *DB) RebuildRollups(ctx context.Context, year int) error {
	const op = "rebuild rollups"
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleSystem:
	default:
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only administrators may rebuild the rollups"}
	}
	lo, hi := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1)
	mlo, mhi := year*100+1, year*100+12
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, t := range []string{"use_monthly", "use_point_monthly"} {
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+t+` WHERE month >= ? AND month <= ?`), mlo, mhi); err != nil {
				return err
			}
		}
		cells := map[cellKey]*cellDelta{}
		rows, err := tx.QueryContext(ctx, s.q(`SELECT region, source, sector, substr(day, 1, 7), basis, CAST(SUM(litres) AS BIGINT) FROM daily_use WHERE day >= ? AND day < ?
			GROUP BY region, source, sector, substr(day, 1, 7), basis`), lo, hi)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k cellKey
			var m, basis string
			var l int64
			if err := rows.Scan(&k.region, &k.source, &k.sector, &m, &basis, &l); err != nil {
				rows.Close()
				return err
			}
			k.month = monthOf(m)
			c := cells[k]
			if c == nil {
				c = &cellDelta{}
				cells[k] = c
			}
			c.add(basis, l)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, s.q(`SELECT region, source, sector, month, volume_m3 FROM entered_use WHERE month >= ? AND month <= ?`), mlo, mhi)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k cellKey
			var v int64
			if err := rows.Scan(&k.region, &k.source, &k.sector, &k.month, &v); err != nil {
				rows.Close()
				return err
			}
			c := cells[k]
			if c == nil {
				c = &cellDelta{}
				cells[k] = c
			}
			c.entered += v * 1000
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := s.applyCells(ctx, tx, cells); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO use_point_monthly (point_id, month, region, source, sector, user_id, measured_l, estimated_l, received, expected, days)
			SELECT point_id, CAST(substr(day, 1, 4) AS INTEGER) * 100 + CAST(substr(day, 6, 2) AS INTEGER), region, source, sector, MAX(user_id),
				SUM(CASE WHEN basis = 'measured' THEN litres ELSE 0 END), SUM(CASE WHEN basis = 'measured' THEN 0 ELSE litres END),
				SUM(received), SUM(expected), COUNT(*)
			FROM daily_use WHERE day >= ? AND day < ?
			GROUP BY point_id, CAST(substr(day, 1, 4) AS INTEGER) * 100 + CAST(substr(day, 6, 2) AS INTEGER), region, source, sector`), lo, hi); err != nil {
			return err
		}
		return nil
	})
	return s.mapErr(op, err, "")
}

// LastSeen returns each point's newest report in scope.
func (s *DB) LastSeen(ctx context.Context) ([]sishui.PointSeen, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	var w where
	sc.apply(&w, "region", pointUserExpr)
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT point_id, metric, t, value, flags FROM series_latest WHERE point_id IN (SELECT id FROM points`+w.String()+`) ORDER BY point_id`), w.args...)
	if err != nil {
		return nil, fmt.Errorf("last seen: %w", err)
	}
	defer rows.Close()
	out := []sishui.PointSeen{}
	for rows.Next() {
		var id, metric, t, flags int64
		var v float64
		if err := rows.Scan(&id, &metric, &t, &v, &flags); err != nil {
			return nil, fmt.Errorf("last seen: %w", err)
		}
		if n := len(out); n == 0 || out[n-1].Point != id {
			out = append(out, sishui.PointSeen{Point: id, Latest: map[sishui.Metric]float64{}})
		}
		p := &out[len(out)-1]
		tt := fromMS(t)
		if tt.After(p.LastSeen) {
			p.LastSeen = tt
		}
		p.Flags |= uint32(flags)
		p.Latest[sishui.Metric(metric)] = v
		if sishui.Metric(metric) == sishui.MetricAlarm {
			p.Alarm = v
		}
	}
	return out, rows.Err()
}

// ---- alerts

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

// ---- 限批

// capRegions returns region and its ancestors (parent, or host for zones).
func (s *DB) capRegions(ctx context.Context, tx *sql.Tx, region string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for r := region; r != "" && !seen[r]; {
		seen[r] = true
		out = append(out, r)
		var parent, host sql.NullString
		err := tx.QueryRowContext(ctx, s.q(`SELECT parent, host FROM regions WHERE code = ?`), r).Scan(&parent, &host)
		if err == sql.ErrNoRows {
			break
		}
		if err != nil {
			return nil, err
		}
		r = host.String
		if r == "" {
			r = parent.String
		}
	}
	return out, nil
}

// treeOf is regionTree inside a transaction.
func (s *DB) treeOf(ctx context.Context, tx *sql.Tx, root string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT code, parent, host FROM regions`)
	if err != nil {
		return nil, err
	}
	below := map[string][]string{}
	for rows.Next() {
		var code string
		var parent, host sql.NullString
		if err := rows.Scan(&code, &parent, &host); err != nil {
			rows.Close()
			return nil, err
		}
		if host.String != "" {
			below[host.String] = append(below[host.String], code)
		} else if parent.String != "" {
			below[parent.String] = append(below[parent.String], code)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := []string{root}
	for i := 0; i < len(out); i++ {
		out = append(out, below[out[i]]...)
	}
	return out, nil
}

func (s *DB) groundwaterSources(ctx context.Context, tx *sql.Tx) []string {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT code FROM sources WHERE groundwater = ?`), true)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if rows.Scan(&c) == nil {
			out = append(out, c)
		}
	}
	return out
}

// checkPermitCap enforces 限批 inside CreatePermit and UpdatePermit: a new
// permit, or one enlarged (more AnnualM3, or moved to another region or
// source), that permitting.Decide refuses (this year's use reaching the cap,
// the permitted total above the cap of a year of its term, last year's
// overrun …) is refused with ECONFLICT naming the rule and its numbers,
// unless the context carries an administrator's override, which is recorded
// and audited with its justification. Permits that are not pending or active
// take no water and are let through.
func (s *DB) checkPermitCap(ctx context.Context, tx *sql.Tx, p *sishui.Permit, update bool) error {
	if p.Status != sishui.PermitActive && p.Status != sishui.PermitPending {
		return nil
	}
	action := "create"
	if update {
		action = "update"
		var oldAnnual int64
		var oldRegion, oldSource, oldStatus string
		err := tx.QueryRowContext(ctx, s.q(`SELECT annual_m3, region, source, status FROM permits WHERE id = ?`), p.ID).Scan(&oldAnnual, &oldRegion, &oldSource, &oldStatus)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		live := oldStatus == sishui.PermitActive || oldStatus == sishui.PermitPending
		if err == nil && live && oldRegion == p.Region && oldSource == p.Source && p.AnnualM3 <= oldAnnual {
			return nil // not enlarged
		}
	}
	req, err := s.permitRequest(ctx, tx, p)
	if err != nil {
		return err
	}
	d, err := s.decide(ctx, tx, req, excluded{permit: p.ID})
	if err != nil || !d.Refused() {
		return err
	}
	justification, ok := sishui.PermitOverrideFrom(ctx)
	if !ok {
		return errRefused(d)
	}
	return s.recordOverride(ctx, tx, p.ID, p.Number, p.Region, action, justification, d.Reason())
}

// recordOverride lets an administrator through 限批 with a justification,
// recorded in permit_overrides and audited.
func (s *DB) recordOverride(ctx context.Context, tx *sql.Tx, permitID int64, number, region, action, justification, reason string) error {
	a := sishui.ActorFrom(ctx)
	if a.Role != sishui.RoleAdmin {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Message: "only administrators may override 限批"}
	}
	if justification == "" {
		return sishui.Invalid("justification", "an override needs a justification")
	}
	o := sishui.PermitOverride{PermitID: permitID, Number: number, Region: region, Action: action, Justification: justification,
		Reason: reason, Actor: a.Username, Time: fromMS(ms(s.Now()))}
	if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO permit_overrides (permit_id, number, region, action, justification, reason, actor, time_ms)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`), o.PermitID, o.Number, o.Region, o.Action, o.Justification, o.Reason, o.Actor, ms(o.Time)).Scan(&o.ID); err != nil {
		return err
	}
	return s.audit(ctx, tx, "override", "permit", strings.TrimSpace(number), nil, o, justification)
}

// ListPermitOverrides lists the 限批 overrides (city-wide accounts only).
func (s *DB) ListPermitOverrides(ctx context.Context, p sishui.Page) ([]*sishui.PermitOverride, int, error) {
	if !sishui.ActorFrom(ctx).SeesAll() {
		return nil, 0, &sishui.Error{Code: sishui.EFORBIDDEN, Op: "list permit overrides", Message: "only city-wide accounts see the overrides"}
	}
	var w where
	// A create's override is recorded before the permit has its id: the
	// permit is found by its number.
	return list(ctx, s, "permit_overrides o LEFT JOIN permits p ON p.number = o.number",
		`o.id, COALESCE(p.id, o.permit_id), o.number, o.region, o.action, o.justification, o.reason, o.actor, o.time_ms`, &w, "o.id DESC", p,
		func(sc scanner) (*sishui.PermitOverride, error) {
			var o sishui.PermitOverride
			var t int64
			err := sc.Scan(&o.ID, &o.PermitID, &o.Number, &o.Region, &o.Action, &o.Justification, &o.Reason, &o.Actor, &t)
			o.Time = fromMS(t)
			return &o, err
		})
}
