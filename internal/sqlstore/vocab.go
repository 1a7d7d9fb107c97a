package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/sishui/sishui"
)

type scanner = interface{ Scan(...any) error }

// upsert validates v, checks permission, and writes it with an audit entry whose
// before value is read back by get (nil when new).
func upsert[T any](ctx context.Context, s *DB, op, entity, id string, v T, validate func() error,
	get func(tx *sql.Tx) (T, error), write func(tx *sql.Tx) error) error {
	if err := canWriteVocabulary(ctx, op); err != nil {
		return err
	}
	if err := validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var before any
		if old, err := get(tx); err == nil {
			before = old
		} else if err != sql.ErrNoRows {
			return err
		}
		if err := write(tx); err != nil {
			return err
		}
		action := "update"
		if before == nil {
			action = "create"
		}
		return s.audit(ctx, tx, action, entity, id, before, v, "")
	})
	return s.mapErr(op, err, entity+" "+id+" conflicts with an existing row")
}

const regionCols = `code, name, name_en, level, COALESCE(parent, ''), COALESCE(host, ''), note`

func scanRegion(sc scanner) (*sishui.Region, error) {
	var r sishui.Region
	err := sc.Scan(&r.Code, &r.Name, &r.NameEN, &r.Level, &r.Parent, &r.Host, &r.Note)
	return &r, err
}

// UpsertRegion creates or replaces a region.
func (s *DB) UpsertRegion(ctx context.Context, r *sishui.Region) error {
	return upsert(ctx, s, "upsert region", "region", r.Code, r, r.Validate,
		func(tx *sql.Tx) (*sishui.Region, error) {
			return scanRegion(tx.QueryRowContext(ctx, s.q(`SELECT `+regionCols+` FROM regions WHERE code = ?`), r.Code))
		},
		func(tx *sql.Tx) error {
			for field, code := range map[string]string{"parent": r.Parent, "host": r.Host} {
				if code == "" {
					continue
				}
				var n int
				if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM regions WHERE code = ?`), code).Scan(&n); err != nil {
					return err
				}
				if n == 0 {
					return sishui.Invalid(field, "region %s does not exist", code)
				}
			}
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO regions (code, name, name_en, level, parent, host, note) VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, level = excluded.level,
				parent = excluded.parent, host = excluded.host, note = excluded.note`),
				r.Code, r.Name, r.NameEN, r.Level, nullStr(r.Parent), nullStr(r.Host), r.Note)
			return err
		})
}

// ListRegions lists regions by code.
func (s *DB) ListRegions(ctx context.Context, f sishui.RegionFilter) ([]*sishui.Region, error) {
	var w where
	if f.Parent != "" {
		w.add("(parent = ? OR host = ?)", f.Parent, f.Parent)
	}
	if f.Level != "" {
		w.add("level = ?", f.Level)
	}
	return all(ctx, s, `SELECT `+regionCols+` FROM regions`+w.String()+` ORDER BY code`, w.args, scanRegion)
}

// GetRegion returns a region by code.
func (s *DB) GetRegion(ctx context.Context, code string) (*sishui.Region, error) {
	r, err := scanRegion(s.DB.QueryRowContext(ctx, s.q(`SELECT `+regionCols+` FROM regions WHERE code = ?`), code))
	if err != nil {
		return nil, s.mapErr("get region "+code, err, "")
	}
	return r, nil
}

const sourceCols = `code, name, name_en, groundwater, unconventional`

func scanSource(sc scanner) (*sishui.Source, error) {
	var v sishui.Source
	err := sc.Scan(&v.Code, &v.Name, &v.NameEN, &v.Groundwater, &v.Unconventional)
	return &v, err
}

// UpsertSource creates or replaces a source.
func (s *DB) UpsertSource(ctx context.Context, v *sishui.Source) error {
	return upsert(ctx, s, "upsert source", "source", v.Code, v, v.Validate,
		func(tx *sql.Tx) (*sishui.Source, error) {
			return scanSource(tx.QueryRowContext(ctx, s.q(`SELECT `+sourceCols+` FROM sources WHERE code = ?`), v.Code))
		},
		func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO sources (code, name, name_en, groundwater, unconventional) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,
				groundwater = excluded.groundwater, unconventional = excluded.unconventional`),
				v.Code, v.Name, v.NameEN, v.Groundwater, v.Unconventional)
			return err
		})
}

// ListSources lists sources by code.
func (s *DB) ListSources(ctx context.Context) ([]*sishui.Source, error) {
	return all(ctx, s, `SELECT `+sourceCols+` FROM sources ORDER BY code`, nil, scanSource)
}

const sectorCols = `code, name, name_en, grp`

func scanSector(sc scanner) (*sishui.Sector, error) {
	var v sishui.Sector
	err := sc.Scan(&v.Code, &v.Name, &v.NameEN, &v.Group)
	return &v, err
}

// UpsertSector creates or replaces a sector.
func (s *DB) UpsertSector(ctx context.Context, v *sishui.Sector) error {
	return upsert(ctx, s, "upsert sector", "sector", v.Code, v, v.Validate,
		func(tx *sql.Tx) (*sishui.Sector, error) {
			return scanSector(tx.QueryRowContext(ctx, s.q(`SELECT `+sectorCols+` FROM sectors WHERE code = ?`), v.Code))
		},
		func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO sectors (code, name, name_en, grp) VALUES (?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, grp = excluded.grp`),
				v.Code, v.Name, v.NameEN, v.Group)
			return err
		})
}

// ListSectors lists sectors by code.
func (s *DB) ListSectors(ctx context.Context) ([]*sishui.Sector, error) {
	return all(ctx, s, `SELECT `+sectorCols+` FROM sectors ORDER BY code`, nil, scanSector)
}

const capCols = `region, year, total_m3, groundwater_m3, note`

func scanCap(sc scanner) (*sishui.RegionCap, error) {
	var v sishui.RegionCap
	err := sc.Scan(&v.Region, &v.Year, &v.TotalM3, &v.GroundwaterM3, &v.Note)
	return &v, err
}

// UpsertCap creates or replaces a region's annual cap.
func (s *DB) UpsertCap(ctx context.Context, v *sishui.RegionCap) error {
	id := v.Region + "/" + strconv.Itoa(v.Year)
	return upsert(ctx, s, "upsert cap", "cap", id, v, v.Validate,
		func(tx *sql.Tx) (*sishui.RegionCap, error) {
			return scanCap(tx.QueryRowContext(ctx, s.q(`SELECT `+capCols+` FROM caps WHERE region = ? AND year = ?`), v.Region, v.Year))
		},
		func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO caps (region, year, total_m3, groundwater_m3, note) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (region, year) DO UPDATE SET total_m3 = excluded.total_m3, groundwater_m3 = excluded.groundwater_m3, note = excluded.note`),
				v.Region, v.Year, v.TotalM3, v.GroundwaterM3, v.Note)
			return err
		})
}

// ListCaps lists caps, optionally of one region (exactly) and year.
func (s *DB) ListCaps(ctx context.Context, region string, year int) ([]*sishui.RegionCap, error) {
	var w where
	if region != "" {
		w.add("region = ?", region)
	}
	if year != 0 {
		w.add("year = ?", year)
	}
	return all(ctx, s, `SELECT `+capCols+` FROM caps`+w.String()+` ORDER BY region, year`, w.args, scanCap)
}

const indicatorCols = `id, seq, name, name_en, unit, binding, direction, lead, source`

func scanIndicator(sc scanner) (*sishui.Indicator, error) {
	var v sishui.Indicator
	err := sc.Scan(&v.ID, &v.Seq, &v.Name, &v.NameEN, &v.Unit, &v.Binding, &v.Direction, &v.Lead, &v.Source)
	return &v, err
}

// UpsertIndicator creates or replaces an indicator.
func (s *DB) UpsertIndicator(ctx context.Context, v *sishui.Indicator) error {
	return upsert(ctx, s, "upsert indicator", "indicator", v.ID, v, v.Validate,
		func(tx *sql.Tx) (*sishui.Indicator, error) {
			return scanIndicator(tx.QueryRowContext(ctx, s.q(`SELECT `+indicatorCols+` FROM indicators WHERE id = ?`), v.ID))
		},
		func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO indicators (id, seq, name, name_en, unit, binding, direction, lead, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, name = excluded.name, name_en = excluded.name_en, unit = excluded.unit,
				binding = excluded.binding, direction = excluded.direction, lead = excluded.lead, source = excluded.source`),
				v.ID, v.Seq, v.Name, v.NameEN, v.Unit, v.Binding, v.Direction, v.Lead, v.Source)
			return err
		})
}

// ListIndicators lists indicators in their plan order.
func (s *DB) ListIndicators(ctx context.Context) ([]*sishui.Indicator, error) {
	return all(ctx, s, `SELECT `+indicatorCols+` FROM indicators ORDER BY seq, id`, nil, scanIndicator)
}

const targetCols = `t.indicator, t.region, t.year, t.value, i.unit, i.binding, i.direction`

func scanTarget(sc scanner) (*sishui.Target, error) {
	var v sishui.Target
	err := sc.Scan(&v.Indicator, &v.Region, &v.Year, &v.Value, &v.Unit, &v.Binding, &v.Direction)
	return &v, err
}

// UpsertTarget creates or replaces a target. EINVALID when the indicator or region is unknown.
func (s *DB) UpsertTarget(ctx context.Context, v *sishui.Target) error {
	id := v.Indicator + "/" + v.Region + "/" + strconv.Itoa(v.Year)
	return upsert(ctx, s, "upsert target", "target", id, v, v.Validate,
		func(tx *sql.Tx) (*sishui.Target, error) {
			return scanTarget(tx.QueryRowContext(ctx, s.q(`SELECT `+targetCols+` FROM targets t JOIN indicators i ON i.id = t.indicator
				WHERE t.indicator = ? AND t.region = ? AND t.year = ?`), v.Indicator, v.Region, v.Year))
		},
		func(tx *sql.Tx) error {
			if err := exists(ctx, s, tx, "indicators", "id", v.Indicator, "indicator"); err != nil {
				return err
			}
			if err := exists(ctx, s, tx, "regions", "code", v.Region, "region"); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO targets (indicator, region, year, value) VALUES (?, ?, ?, ?)
				ON CONFLICT (indicator, region, year) DO UPDATE SET value = excluded.value`),
				v.Indicator, v.Region, v.Year, v.Value)
			return err
		})
}

// ListTargets lists targets by indicator order and year.
func (s *DB) ListTargets(ctx context.Context, f sishui.TargetFilter) ([]*sishui.Target, error) {
	var w where
	if f.Indicator != "" {
		w.add("t.indicator = ?", f.Indicator)
	}
	if f.Region != "" {
		w.add("t.region = ?", f.Region)
	}
	if f.Year != 0 {
		w.add("t.year = ?", f.Year)
	}
	return all(ctx, s, `SELECT `+targetCols+` FROM targets t JOIN indicators i ON i.id = t.indicator`+w.String()+` ORDER BY i.seq, t.region, t.year`, w.args, scanTarget)
}

const statCols = `region, year, metric, value, source, note`

func scanStat(sc scanner) (*sishui.Statistic, error) {
	var v sishui.Statistic
	err := sc.Scan(&v.Region, &v.Year, &v.Metric, &v.Value, &v.Source, &v.Note)
	return &v, err
}

// UpsertStatistic creates or replaces a statistic. County staff may enter their own county's.
func (s *DB) UpsertStatistic(ctx context.Context, v *sishui.Statistic) error {
	const op = "upsert statistic"
	if err := v.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	if err := s.canWrite(ctx, op, v.Region); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error { return s.writeStatistic(ctx, tx, v, "") })
	return s.mapErr(op, err, "")
}

// writeStatistic writes a validated statistic inside tx, with its audit entry.
func (s *DB) writeStatistic(ctx context.Context, tx *sql.Tx, v *sishui.Statistic, reason string) error {
	if err := exists(ctx, s, tx, "regions", "code", v.Region, "region"); err != nil {
		return err
	}
	var before any
	old, err := scanStat(tx.QueryRowContext(ctx, s.q(`SELECT `+statCols+` FROM statistics WHERE region = ? AND year = ? AND metric = ?`), v.Region, v.Year, v.Metric))
	if err == nil {
		before = old
	} else if err != sql.ErrNoRows {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO statistics (region, year, metric, value, source, note) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (region, year, metric) DO UPDATE SET value = excluded.value, source = excluded.source, note = excluded.note`),
		v.Region, v.Year, v.Metric, v.Value, v.Source, v.Note); err != nil {
		return err
	}
	action := "update"
	if before == nil {
		action = "create"
	}
	return s.audit(ctx, tx, action, "statistic", v.Region+"/"+strconv.Itoa(v.Year)+"/"+v.Metric, before, v, reason)
}

// ListStatistics lists statistics in the actor's scope.
func (s *DB) ListStatistics(ctx context.Context, f sishui.StatisticFilter) ([]*sishui.Statistic, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	if !sc.all {
		// Enterprise and public accounts see statistics of the city only (published figures).
		if sc.user > 0 || sc.none {
			w.add("region IN (SELECT code FROM regions WHERE level = 'city')")
		} else {
			sc.apply(&w, "region", "")
		}
	}
	if f.Region != "" {
		w.add("region = ?", f.Region)
	}
	if f.Year != 0 {
		w.add("year = ?", f.Year)
	}
	if f.Metric != "" {
		w.add("metric = ?", f.Metric)
	}
	return all(ctx, s, `SELECT `+statCols+` FROM statistics`+w.String()+` ORDER BY region, year, metric`, w.args, scanStat)
}

// exists returns EINVALID naming field when no row of table has col = val.
func exists(ctx context.Context, s *DB, tx *sql.Tx, table, col string, val any, field string) error {
	var n int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM `+table+` WHERE `+col+` = ?`), val).Scan(&n); err != nil {
		return fmt.Errorf("check %s: %w", field, err)
	}
	if n == 0 {
		return sishui.Invalid(field, "%v does not exist", val)
	}
	return nil
}
