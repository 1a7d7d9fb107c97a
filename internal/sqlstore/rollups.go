package sqlstore

// Water-use accounting rollups (用水量核算): daily rows per point, entered
// volumes, the monthly cells per region, source and sector, and last-seen.

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
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
