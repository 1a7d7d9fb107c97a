package sqlstore

// 限批: the regional caps a permit is checked against, and the overrides.

import (
	"context"
	"database/sql"
	"strings"

	"github.com/sishui/sishui"
)

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
