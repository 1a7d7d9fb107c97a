package sqlstore

import (
	"context"
	"database/sql"

	"github.com/sishui/sishui"
)

// PutReuseReport files or replaces an enterprise's yearly reuse report
// (indicator 8's register), audited with the report it replaces.
func (s *DB) PutReuseReport(ctx context.Context, r *sishui.ReuseReport) error {
	const op = "put reuse report"
	if err := r.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	a := sishui.ActorFrom(ctx)
	// The enterprise in scope (same 403 for out of scope and absent).
	u, err := s.GetWaterUser(ctx, r.UserID)
	if err != nil {
		if code := sishui.ErrorCode(err); code == sishui.ENOTFOUND || code == sishui.EFORBIDDEN {
			return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Field: "user_id", Message: "water user outside this account's scope"}
		}
		return err
	}
	if a.Role != sishui.RoleEnterprise {
		if err := s.canWrite(ctx, op, u.Region); err != nil {
			return err
		}
	} else if a.WaterUser != r.UserID {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Field: "user_id", Message: "an enterprise files its own report"}
	} else if r.Basis != sishui.ReuseReported {
		return sishui.Invalid("basis", "an enterprise's own report is reported")
	}
	r.Region, r.UserName, r.Actor, r.Created = u.Region, u.Name, a.Username, fromMS(ms(s.Now()))
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var before *sishui.ReuseReport
		old := sishui.ReuseReport{UserID: r.UserID, Year: r.Year, Region: r.Region}
		var created int64
		err := tx.QueryRowContext(ctx, s.q(`SELECT id, intake_m3, reused_m3, above_size, basis, note, actor, created_ms FROM industrial_reuse WHERE user_id = ? AND year = ?`),
			r.UserID, r.Year).Scan(&old.ID, &old.IntakeM3, &old.ReusedM3, &old.AboveSize, &old.Basis, &old.Note, &old.Actor, &created)
		switch {
		case err == nil:
			old.Created = fromMS(created)
			before = &old
		case err != sql.ErrNoRows:
			return err
		}
		if before == nil {
			if r.ID, err = s.insertID(ctx, tx, `INSERT INTO industrial_reuse (user_id, year, intake_m3, reused_m3, above_size, basis, note, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				r.UserID, r.Year, r.IntakeM3, r.ReusedM3, r.AboveSize, r.Basis, r.Note, r.Actor, ms(r.Created)); err != nil {
				return err
			}
		} else {
			r.ID = before.ID
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE industrial_reuse SET intake_m3 = ?, reused_m3 = ?, above_size = ?, basis = ?, note = ?, actor = ?, created_ms = ? WHERE id = ?`),
				r.IntakeM3, r.ReusedM3, r.AboveSize, r.Basis, r.Note, r.Actor, ms(r.Created), r.ID); err != nil {
				return err
			}
		}
		action := "create"
		if before != nil {
			action = "update"
		}
		return s.audit(ctx, tx, action, "reuse_report", itoa64(r.ID), before, r, "")
	})
	return s.mapErr(op, err, "")
}

// ListReuseReports lists the reports in the actor's scope, by region and enterprise.
func (s *DB) ListReuseReports(ctx context.Context, f sishui.ReuseFilter) ([]*sishui.ReuseReport, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	var w where
	switch {
	case sc.all:
	case sc.none:
		w.add("1 = 0")
	case sc.user > 0:
		w.add("r.user_id = ?", sc.user)
	default:
		w.add("u.region IN ("+placeholders(len(sc.regions))+")", stringArgs(sc.regions)...)
	}
	if f.Year != 0 {
		w.add("r.year = ?", f.Year)
	}
	if f.Region != "" {
		codes, err := s.regionTree(ctx, f.Region)
		if err != nil {
			return nil, err
		}
		w.add("u.region IN ("+placeholders(len(codes))+")", stringArgs(codes)...)
	}
	return all(ctx, s, `SELECT r.id, r.user_id, u.name, u.region, r.year, r.intake_m3, r.reused_m3, r.above_size, r.basis, r.note, r.actor, r.created_ms
		FROM industrial_reuse r JOIN water_users u ON u.id = r.user_id`+w.String()+` ORDER BY u.region, r.user_id, r.year`, w.args,
		func(sc scanner) (*sishui.ReuseReport, error) {
			var r sishui.ReuseReport
			var created int64
			err := sc.Scan(&r.ID, &r.UserID, &r.UserName, &r.Region, &r.Year, &r.IntakeM3, &r.ReusedM3, &r.AboveSize, &r.Basis, &r.Note, &r.Actor, &created)
			r.Created = fromMS(created)
			return &r, err
		})
}

func stringArgs(v []string) []any {
	out := make([]any, len(v))
	for i, x := range v {
		out[i] = x
	}
	return out
}
