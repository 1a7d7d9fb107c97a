package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/permitting"
)

// 限批 facts: the store only supplies the numbers; permitting.Decide decides.

func (s *DB) limitRules() permitting.Rules {
	if s.PermitRules != nil {
		return *s.PermitRules
	}
	return permitting.DefaultRules()
}

// excluded names the permit a request replaces and the application it comes
// from, so neither counts twice.
type excluded struct{ permit, application int64 }

// liveSum returns the annual_m3 of live permits (active or pending) and
// approved, not yet certified applications in regions, optionally only from
// sources, without the excluded ones.
func (s *DB) liveSum(ctx context.Context, tx *sql.Tx, regions, sources []string, ex excluded) (int64, error) {
	var total int64
	for _, q := range []struct {
		table string
		cond  string
		args  []any
		id    int64
	}{
		{"permits", "status IN (?, ?)", []any{sishui.PermitActive, sishui.PermitPending}, ex.permit},
		{"permit_applications", "state = ?", []any{permitting.StateApproved}, ex.application},
	} {
		var w where
		w.in("region", regions)
		if sources != nil {
			w.in("source", sources)
		}
		w.add(q.cond, q.args...)
		w.add("id <> ?", q.id)
		var v sql.NullInt64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT CAST(SUM(annual_m3) AS BIGINT) FROM `+q.table+w.String()), w.args...).Scan(&v); err != nil {
			return 0, err
		}
		total += v.Int64
	}
	return total, nil
}

// usedM3 sums the rollups of regions in year (only sources, when given), in m³.
func (s *DB) usedM3(ctx context.Context, tx *sql.Tx, regions, sources []string, year int) (int64, error) {
	var w where
	w.in("region", regions)
	w.add("month >= ? AND month <= ?", year*100+1, year*100+12)
	if sources != nil {
		w.in("source", sources)
	}
	var used sql.NullInt64
	err := tx.QueryRowContext(ctx, s.q(`SELECT CAST(SUM(measured_l + estimated_l + entered_l) AS BIGINT) FROM use_monthly`+w.String()), w.args...).Scan(&used)
	return used.Int64 / 1000, err
}

// limitFacts gathers the numbers of the request's region and each ancestor:
// permitted totals, the caps of the term's years and of this year, last
// year's use and cap, this year's use.
func (s *DB) limitFacts(ctx context.Context, tx *sql.Tx, req permitting.Request, ex excluded) ([]permitting.RegionFacts, error) {
	year := s.Now().In(sishui.BeijingTime).Year()
	regions, err := s.capRegions(ctx, tx, req.Region)
	if err != nil {
		return nil, err
	}
	gwSources := s.groundwaterSources(ctx, tx)
	if gwSources == nil {
		gwSources = []string{}
	}
	// The effective caps: settled regional water-rights trades move a region's
	// caps for their term (the caps table itself is never edited).
	shifts, err := s.capShifts(ctx, tx, s.today())
	if err != nil {
		return nil, err
	}
	var out []permitting.RegionFacts
	for _, r := range regions {
		f := permitting.RegionFacts{Region: r, Year: year, LastYear: year - 1}
		rows, err := tx.QueryContext(ctx, s.q(`SELECT year, total_m3, groundwater_m3 FROM caps WHERE region = ? AND ((year >= ? AND year <= ?) OR year = ? OR year = ?) ORDER BY year`),
			r, req.FromYear, req.ToYear, year, year-1)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c permitting.Cap
			if err := rows.Scan(&c.Year, &c.TotalM3, &c.GroundwaterM3); err != nil {
				rows.Close()
				return nil, err
			}
			if c.Year == year {
				c.TotalM3, c.GroundwaterM3 = c.TotalM3+shifts[r].TotalM3(), c.GroundwaterM3+shifts[r].GroundM3
			}
			if c.Year == year-1 {
				f.LastYearCapM3 = c.TotalM3
				if c.Year < req.FromYear || c.Year > req.ToYear {
					continue
				}
			}
			f.Caps = append(f.Caps, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(f.Caps) == 0 && f.LastYearCapM3 == 0 {
			continue // no cap: nothing to count against
		}
		tree, err := s.treeOf(ctx, tx, r)
		if err != nil {
			return nil, err
		}
		if f.PermittedM3, err = s.liveSum(ctx, tx, tree, nil, ex); err != nil {
			return nil, err
		}
		if req.Groundwater {
			if f.PermittedGroundwaterM3, err = s.liveSum(ctx, tx, tree, gwSources, ex); err != nil {
				return nil, err
			}
			if f.UsedGroundwaterM3, err = s.usedM3(ctx, tx, tree, gwSources, year); err != nil {
				return nil, err
			}
		}
		if f.UsedM3, err = s.usedM3(ctx, tx, tree, nil, year); err != nil {
			return nil, err
		}
		if f.LastYearCapM3 > 0 {
			if f.LastYearUsedM3, err = s.usedM3(ctx, tx, tree, nil, year-1); err != nil {
				return nil, err
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// zoneFacts returns a zone's kind, allowable extraction (its annual cap) and
// approved groundwater (certified permits and approved applications in it).
func (s *DB) zoneFacts(ctx context.Context, tx *sql.Tx, zone int64, ex excluded) (*permitting.ZoneFacts, error) {
	var z permitting.ZoneFacts
	err := tx.QueryRowContext(ctx, s.q(`SELECT code, kind, annual_cap_m3 FROM zones WHERE id = ?`), zone).Scan(&z.Code, &z.Kind, &z.AllowableM3)
	if err == sql.ErrNoRows {
		return nil, sishui.Invalid("zone_id", "zone %d does not exist", zone)
	}
	if err != nil {
		return nil, err
	}
	var a, b sql.NullInt64
	if err := tx.QueryRowContext(ctx, s.q(`SELECT CAST(SUM(p.annual_m3) AS BIGINT) FROM permits p JOIN permit_certificates c ON c.permit_id = p.id
		WHERE c.zone_id = ? AND p.status IN (?, ?) AND p.id <> ?`), zone, sishui.PermitActive, sishui.PermitPending, ex.permit).Scan(&a); err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, s.q(`SELECT CAST(SUM(annual_m3) AS BIGINT) FROM permit_applications WHERE zone_id = ? AND state = ? AND id <> ?`),
		zone, permitting.StateApproved, ex.application).Scan(&b); err != nil {
		return nil, err
	}
	z.PermittedM3 = a.Int64 + b.Int64
	return &z, nil
}

// areasAt returns the first public-mains area and the plans whose GeoJSON
// contains (lon, lat); a plan not passed comes first.
func (s *DB) areasAt(ctx context.Context, tx *sql.Tx, lon, lat float64) (mains string, plan *permitting.PlanFacts, err error) {
	if lon == 0 && lat == 0 {
		return "", nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT 'm', code, name, area, '' FROM mains_areas UNION ALL SELECT 'p', code, name, area, status FROM plans`)
	if err != nil {
		return "", nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, code, name, area, status string
		if err := rows.Scan(&kind, &code, &name, &area, &status); err != nil {
			return "", nil, err
		}
		a, err := permitting.ParseArea([]byte(area))
		if err != nil || !a.Contains(lon, lat) {
			continue
		}
		switch {
		case kind == "m" && mains == "":
			mains = code
		case kind == "p" && (plan == nil || plan.Passed):
			plan = &permitting.PlanFacts{Code: code, Name: name, Passed: status == sishui.PlanPassed}
		}
	}
	return mains, plan, rows.Err()
}

// decide gathers the facts of req and applies every 限批 rule.
func (s *DB) decide(ctx context.Context, tx *sql.Tx, req permitting.Request, ex excluded) (permitting.Decision, error) {
	regions, err := s.limitFacts(ctx, tx, req, ex)
	if err != nil {
		return permitting.Decision{}, err
	}
	return permitting.Decide(s.limitRules(), req, regions), nil
}

func (s *DB) isGroundwater(ctx context.Context, tx *sql.Tx, source string) (bool, error) {
	var gw bool
	err := tx.QueryRowContext(ctx, s.q(`SELECT groundwater FROM sources WHERE code = ?`), source).Scan(&gw)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return gw, err
}

// permitRequest is the 限批 request of a permit written directly (register
// edits and imports): it names no zone, plan or exception.
func (s *DB) permitRequest(ctx context.Context, tx *sql.Tx, p *sishui.Permit) (permitting.Request, error) {
	gw, err := s.isGroundwater(ctx, tx, p.Source)
	if err != nil {
		return permitting.Request{}, err
	}
	return permitting.Request{Region: p.Region, AnnualM3: p.AnnualM3, Groundwater: gw, Expands: true,
		FromYear: p.ValidFrom.Year(), ToYear: p.ValidTo.Year()}, nil
}

// termOf returns the term of an approval decided on day: from the next day
// after the old permit's term for a renewal, else from day, for years.
func termOf(day time.Time, years int, renewalOf *sishui.Permit) (time.Time, time.Time) {
	d := day.In(sishui.BeijingTime)
	from := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	if renewalOf != nil && renewalOf.ValidTo.After(from) {
		from = renewalOf.ValidTo.AddDate(0, 0, 1)
	}
	return from, from.AddDate(years, 0, -1)
}

func errRefused(d permitting.Decision) error {
	return &sishui.Error{Code: sishui.ECONFLICT, Field: "region", Message: fmt.Sprintf("%s; new or enlarged permits are suspended (《山东省水资源条例》 arts. 39–40) unless an administrator records an override", d.Reason())}
}

// SetPermitting applies a city's permit rules (限批 switches, who decides).
func (s *DB) SetPermitting(c permitting.Config) {
	s.PermitRules, s.PermitLevels = &c.Limits, &c.Levels
	s.Metering = sishui.MeteringRule{GroundwaterM3: c.Metering.GroundwaterM3, SurfaceM3: c.Metering.SurfaceM3}
	s.PermitConfig = &c
}

// PermittingConfig is the city's permit configuration (the defaults until
// SetPermitting): the compliance rule, the cap-cut proposal.
func (s *DB) PermittingConfig() permitting.Config {
	if s.PermitConfig != nil {
		return *s.PermitConfig
	}
	return permitting.DefaultConfig()
}
