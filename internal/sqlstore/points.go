package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/sishui/sishui"
)

const pointUserExpr = "(SELECT user_id FROM permits WHERE permits.id = points.permit_id)"

var pointEntity = entity[*sishui.Point]{
	name: "point", table: "points", regionCol: "region", userExpr: pointUserExpr,
	cols: `id, code, name, kind, protocol, region, lon, lat, COALESCE(permit_id, 0), COALESCE(section_id, 0), COALESCE(zone_id, 0), COALESCE(source, ''),
		multiplier, rollover_m3, interval_s, password, retired, note, created_ms, updated_ms, allowed_nets`,
	scan: func(sc scanner) (*sishui.Point, error) {
		var p sishui.Point
		var c, up int64
		var nets string
		err := sc.Scan(&p.ID, &p.Code, &p.Name, &p.Kind, &p.Protocol, &p.Region, &p.Lon, &p.Lat, &p.PermitID, &p.SectionID, &p.ZoneID, &p.Source,
			&p.Multiplier, &p.RolloverM3, &p.IntervalSeconds, &p.Password, &p.Retired, &p.Note, &c, &up, &nets)
		p.CreatedAt, p.UpdatedAt = fromMS(c), fromMS(up)
		p.AllowedNets = splitNets(nets)
		return &p, err
	},
	conflict: "a point with this protocol and terminal address already exists",
}

// checkPointRefs enforces that the linked permit, section and zone exist and
// lie in the point's region.
func (s *DB) checkPointRefs(ctx context.Context, tx *sql.Tx, p *sishui.Point) error {
	p.Code = strings.ToUpper(p.Code)
	if err := exists(ctx, s, tx, "regions", "code", p.Region, "region"); err != nil {
		return err
	}
	if p.Source != "" {
		if err := exists(ctx, s, tx, "sources", "code", p.Source, "source"); err != nil {
			return err
		}
	}
	for _, link := range []struct {
		field, table string
		id           int64
	}{{"permit_id", "permits", p.PermitID}, {"section_id", "sections", p.SectionID}, {"zone_id", "zones", p.ZoneID}} {
		if link.id == 0 {
			continue
		}
		region, err := s.refRegion(ctx, tx, link.table, strings.TrimSuffix(link.field, "_id"), link.field, link.id)
		if err != nil {
			return err
		}
		if region != p.Region {
			return sishui.Invalid("region", "the point is in %s but its %s %d is in %s", p.Region, strings.TrimSuffix(link.field, "_id"), link.id, region)
		}
	}
	if p.Source == "" && p.PermitID != 0 {
		if err := tx.QueryRowContext(ctx, s.q(`SELECT source FROM permits WHERE id = ?`), p.PermitID).Scan(&p.Source); err != nil {
			return err
		}
	}
	return nil
}

// CreatePoint registers a monitoring point.
func (s *DB) CreatePoint(ctx context.Context, p *sishui.Point) error {
	const op = "create point"
	if err := p.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	now := s.Now().UTC()
	p.CreatedAt, p.UpdatedAt = fromMS(ms(now)), fromMS(ms(now))
	return writeEntity(ctx, s, pointEntity, op, 0, p.Region, p,
		func(tx *sql.Tx) error { return s.checkPointRefs(ctx, tx, p) },
		func(tx *sql.Tx) (int64, error) {
			id, err := s.insertID(ctx, tx, `INSERT INTO points (code, name, kind, protocol, region, lon, lat, permit_id, section_id, zone_id, source,
				multiplier, rollover_m3, interval_s, password, retired, note, created_ms, updated_ms, allowed_nets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				p.Code, p.Name, p.Kind, p.Protocol, p.Region, p.Lon, p.Lat, nullInt(p.PermitID), nullInt(p.SectionID), nullInt(p.ZoneID), nullStr(p.Source),
				p.Multiplier, p.RolloverM3, p.IntervalSeconds, p.Password, p.Retired, p.Note, ms(now), ms(now), joinNets(p.AllowedNets))
			p.ID = id
			return id, err
		})
}

// UpdatePoint replaces a point's fields.
func (s *DB) UpdatePoint(ctx context.Context, p *sishui.Point) error {
	const op = "update point"
	if err := p.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	now := s.Now().UTC()
	return writeEntity(ctx, s, pointEntity, op, p.ID, p.Region, p,
		func(tx *sql.Tx) error { return s.checkPointRefs(ctx, tx, p) },
		func(tx *sql.Tx) (int64, error) {
			var created int64
			if err := tx.QueryRowContext(ctx, s.q(`SELECT created_ms FROM points WHERE id = ?`), p.ID).Scan(&created); err != nil {
				return 0, err
			}
			p.CreatedAt, p.UpdatedAt = fromMS(created), fromMS(ms(now))
			return updateOne(ctx, s, tx, p.ID, `UPDATE points SET code = ?, name = ?, kind = ?, protocol = ?, region = ?, lon = ?, lat = ?, permit_id = ?,
				section_id = ?, zone_id = ?, source = ?, multiplier = ?, rollover_m3 = ?, interval_s = ?, password = ?, retired = ?, note = ?, updated_ms = ?, allowed_nets = ? WHERE id = ?`,
				p.Code, p.Name, p.Kind, p.Protocol, p.Region, p.Lon, p.Lat, nullInt(p.PermitID), nullInt(p.SectionID), nullInt(p.ZoneID), nullStr(p.Source),
				p.Multiplier, p.RolloverM3, p.IntervalSeconds, p.Password, p.Retired, p.Note, ms(now), joinNets(p.AllowedNets), p.ID)
		})
}

// GetPoint returns a point in the actor's scope.
func (s *DB) GetPoint(ctx context.Context, id int64) (*sishui.Point, error) {
	p, err := getEntity(ctx, s, pointEntity, s.prepared(), id)
	if err != nil {
		return nil, s.mapErr("get point", err, "")
	}
	return p, nil
}

// PointByCode returns the point with a terminal address; the gateway uses it.
func (s *DB) PointByCode(ctx context.Context, protocol, code string) (*sishui.Point, error) {
	var w where
	w.add("protocol = ?", protocol)
	w.add("code = ?", strings.ToUpper(code))
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	sc.apply(&w, "region", pointUserExpr)
	p, err := pointEntity.scan(s.prepared().QueryRowContext(ctx, s.q(`SELECT `+pointEntity.cols+` FROM points`+w.String()), w.args...))
	if err != nil {
		return nil, s.mapErr("point "+protocol+"/"+code, err, "")
	}
	return p, nil
}

// ListPoints lists points in the actor's scope.
func (s *DB) ListPoints(ctx context.Context, f sishui.PointFilter) ([]*sishui.Point, int, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, 0, err
	}
	sc.apply(&w, "region", pointUserExpr)
	if err := s.regionFilter(ctx, &w, "region", f.Region); err != nil {
		return nil, 0, err
	}
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	if f.Protocol != "" {
		w.add("protocol = ?", f.Protocol)
	}
	if f.Code != "" {
		w.add("code = ?", strings.ToUpper(f.Code))
	}
	if f.PermitID != 0 {
		w.add("permit_id = ?", f.PermitID)
	}
	if f.UserID != 0 {
		w.add(pointUserExpr+" = ?", f.UserID)
	}
	w.search(f.Query, "name", "code")
	order, err := pointSort.orderBy(f.Page)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, "points", pointEntity.cols, &w, order, f.Page, pointEntity.scan)
}

// RetirePoint marks a point retired; its data stays.
func (s *DB) RetirePoint(ctx context.Context, id int64) error {
	p, err := s.GetPoint(ctx, id)
	if err != nil {
		return err
	}
	p.Retired = true
	return s.UpdatePoint(ctx, p)
}

// ---- sections and zones (keyed by code on upsert)

const sectionCols = `id, code, name, river, region, lon, lat, base_flow_m3s, warning_flow_m3s, note`

func scanSection(sc scanner) (*sishui.Section, error) {
	var v sishui.Section
	err := sc.Scan(&v.ID, &v.Code, &v.Name, &v.River, &v.Region, &v.Lon, &v.Lat, &v.BaseFlowM3s, &v.WarningFlowM3s, &v.Note)
	return &v, err
}

// UpsertSection creates or replaces a control section by code and sets its ID.
func (s *DB) UpsertSection(ctx context.Context, v *sishui.Section) error {
	const op = "upsert section"
	if !sishui.ActorFrom(ctx).CanWrite() {
		return s.canWrite(ctx, op, v.Region) // authorisation before validation
	}
	if err := v.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	if err := s.canWrite(ctx, op, v.Region); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, s, tx, "regions", "code", v.Region, "region"); err != nil {
			return err
		}
		var before any
		old, err := scanSection(tx.QueryRowContext(ctx, s.q(`SELECT `+sectionCols+` FROM sections WHERE code = ?`), v.Code))
		if err == nil {
			before = old
			if err := s.keepInScope(ctx, op, "section", v.Code, old.Region); err != nil {
				return err
			}
		} else if err != sql.ErrNoRows {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO sections (code, name, river, region, lon, lat, base_flow_m3s, warning_flow_m3s, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, river = excluded.river, region = excluded.region,
			lon = excluded.lon, lat = excluded.lat, base_flow_m3s = excluded.base_flow_m3s, warning_flow_m3s = excluded.warning_flow_m3s, note = excluded.note
			RETURNING id`), v.Code, v.Name, v.River, v.Region, v.Lon, v.Lat, v.BaseFlowM3s, v.WarningFlowM3s, v.Note).Scan(&v.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actionOf(before), "section", v.Code, before, v, "")
	})
	return s.mapErr(op, err, "")
}

// ListSections lists control sections, optionally within a region tree.
func (s *DB) ListSections(ctx context.Context, region string) ([]*sishui.Section, error) {
	var w where
	if err := s.regionFilter(ctx, &w, "region", region); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT `+sectionCols+` FROM sections`+w.String()+` ORDER BY code`, w.args, scanSection)
}

// GetSection returns a control section.
func (s *DB) GetSection(ctx context.Context, id int64) (*sishui.Section, error) {
	v, err := scanSection(s.DB.QueryRowContext(ctx, s.q(`SELECT `+sectionCols+` FROM sections WHERE id = ?`), id))
	if err != nil {
		return nil, s.mapErr("get section", err, "")
	}
	return v, nil
}

const zoneCols = `id, code, name, region, kind, layer, annual_cap_m3, red_line_depth_m, warn_depth_m, note`

func scanZone(sc scanner) (*sishui.Zone, error) {
	var v sishui.Zone
	err := sc.Scan(&v.ID, &v.Code, &v.Name, &v.Region, &v.Kind, &v.Layer, &v.AnnualCapM3, &v.RedLineDepthM, &v.WarnDepthM, &v.Note)
	return &v, err
}

// UpsertZone creates or replaces a groundwater zone by code and sets its ID.
func (s *DB) UpsertZone(ctx context.Context, v *sishui.Zone) error {
	const op = "upsert zone"
	if !sishui.ActorFrom(ctx).CanWrite() {
		return s.canWrite(ctx, op, v.Region) // authorisation before validation
	}
	if err := v.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	if err := s.canWrite(ctx, op, v.Region); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, s, tx, "regions", "code", v.Region, "region"); err != nil {
			return err
		}
		var before any
		old, err := scanZone(tx.QueryRowContext(ctx, s.q(`SELECT `+zoneCols+` FROM zones WHERE code = ?`), v.Code))
		if err == nil {
			before = old
			if err := s.keepInScope(ctx, op, "zone", v.Code, old.Region); err != nil {
				return err
			}
		} else if err != sql.ErrNoRows {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO zones (code, name, region, kind, layer, annual_cap_m3, red_line_depth_m, warn_depth_m, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, region = excluded.region, kind = excluded.kind,
			layer = excluded.layer, annual_cap_m3 = excluded.annual_cap_m3, red_line_depth_m = excluded.red_line_depth_m, warn_depth_m = excluded.warn_depth_m,
			note = excluded.note RETURNING id`), v.Code, v.Name, v.Region, v.Kind, v.Layer, v.AnnualCapM3, v.RedLineDepthM, v.WarnDepthM, v.Note).Scan(&v.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actionOf(before), "zone", v.Code, before, v, "")
	})
	return s.mapErr(op, err, "")
}

// ListZones lists groundwater zones, optionally within a region tree.
func (s *DB) ListZones(ctx context.Context, region string) ([]*sishui.Zone, error) {
	var w where
	if err := s.regionFilter(ctx, &w, "region", region); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT `+zoneCols+` FROM zones`+w.String()+` ORDER BY code`, w.args, scanZone)
}

// GetZone returns a groundwater zone.
func (s *DB) GetZone(ctx context.Context, id int64) (*sishui.Zone, error) {
	v, err := scanZone(s.DB.QueryRowContext(ctx, s.q(`SELECT `+zoneCols+` FROM zones WHERE id = ?`), id))
	if err != nil {
		return nil, s.mapErr("get zone", err, "")
	}
	return v, nil
}

func actionOf(before any) string {
	if before == nil {
		return "create"
	}
	return "update"
}

// joinNets and splitNets store a point's allowed source networks as one
// comma-separated column (normalised: trimmed, "" for none).
func joinNets(nets []string) string {
	out := make([]string, 0, len(nets))
	for _, n := range nets {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, ",")
}

func splitNets(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
