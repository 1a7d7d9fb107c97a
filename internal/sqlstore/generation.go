package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sishui/sishui"
)

// AddGeneration stores generation reports, each as the next version of its
// permit, month and kind, in one transaction (one audit entry per report).
func (s *DB) AddGeneration(ctx context.Context, rs []*sishui.GenerationReport) error {
	const op = "add generation"
	for i, r := range rs {
		if r == nil {
			return sishui.Invalid(fmt.Sprintf("[%d]", i), "must be an object")
		}
		if err := r.Validate(); err != nil {
			return s.mapErr(op, err, "")
		}
	}
	permits := make([]*sishui.Permit, len(rs))
	for i, r := range rs { // scoped: an unknown permit and another county's look the same
		p, err := s.GetPermit(ctx, r.PermitID)
		if err != nil {
			return s.mapErr(op, sishui.Invalid("permit_id", "unknown permit %d", r.PermitID), "")
		}
		if err := s.canWrite(ctx, op, p.Region); err != nil {
			return err
		}
		permits[i] = p
	}
	actor := sishui.ActorFrom(ctx).Username
	now := s.Now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i, r := range rs {
			p := permits[i]
			var v int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT COALESCE(MAX(version), 0) FROM generation_reports WHERE permit_id = ? AND month = ? AND kind = ?`),
				r.PermitID, r.Month, r.Kind).Scan(&v); err != nil {
				return err
			}
			r.Version, r.UserID, r.Region, r.Actor, r.Created = v+1, p.UserID, p.Region, actor, fromMS(ms(now))
			var err error
			if r.ID, err = s.insertID(ctx, tx, `INSERT INTO generation_reports (permit_id, month, kind, kwh, version, source, note, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				r.PermitID, r.Month, r.Kind, r.KWh, r.Version, r.Source, r.Note, actor, ms(now)); err != nil {
				return err
			}
			if err := s.audit(ctx, tx, "create", "generation_report", fmt.Sprintf("%d/%d/%s/v%d", r.PermitID, r.Month, r.Kind, r.Version), nil, r, r.Source); err != nil {
				return err
			}
		}
		return nil
	})
	return s.mapErr(op, err, "a concurrent report of the same permit, month and kind; retry")
}

// ListGeneration lists reports in scope by permit, month, kind and version:
// the latest version of each unless f.History.
func (s *DB) ListGeneration(ctx context.Context, f sishui.GenerationFilter) ([]*sishui.GenerationReport, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	w := where{}
	if f.PermitID != 0 {
		w.add("g.permit_id = ?", f.PermitID)
	}
	if f.FromMonth != 0 {
		w.add("g.month >= ?", f.FromMonth)
	}
	if f.ToMonth != 0 {
		w.add("g.month <= ?", f.ToMonth)
	}
	if !f.History {
		w.add("g.version = (SELECT MAX(x.version) FROM generation_reports x WHERE x.permit_id = g.permit_id AND x.month = g.month AND x.kind = g.kind)")
	}
	sc.apply(&w, "p.region", "p.user_id")
	return all(ctx, s, `SELECT g.id, g.permit_id, p.user_id, p.region, g.month, g.kind, g.kwh, g.version, g.source, g.note, g.actor, g.created_ms
		FROM generation_reports g JOIN permits p ON p.id = g.permit_id`+w.String()+` ORDER BY g.permit_id, g.month, g.kind, g.version`, w.args,
		func(sc scanner) (*sishui.GenerationReport, error) {
			var g sishui.GenerationReport
			var c int64
			err := sc.Scan(&g.ID, &g.PermitID, &g.UserID, &g.Region, &g.Month, &g.Kind, &g.KWh, &g.Version, &g.Source, &g.Note, &g.Actor, &c)
			g.Created = fromMS(c)
			return &g, err
		})
}
