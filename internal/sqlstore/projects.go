package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sishui/sishui"
)

// UpsertProject creates or replaces a project of the register (attachments are kept).
func (s *DB) UpsertProject(ctx context.Context, p *sishui.Project) error {
	body := *p
	body.Attachments = nil
	return upsert(ctx, s, "upsert project", "project", p.Code, &body, p.Validate,
		func(tx *sql.Tx) (*sishui.Project, error) {
			return jsonBody[sishui.Project](tx.QueryRowContext(ctx, s.q(`SELECT body FROM projects WHERE code = ?`), p.Code))
		},
		func(tx *sql.Tx) error {
			if err := exists(ctx, s, tx, "regions", "code", p.Region, "region"); err != nil {
				return err
			}
			for _, t := range p.Tasks {
				if err := exists(ctx, s, tx, "tasks", "code", t, "tasks"); err != nil {
					return err
				}
			}
			for _, w := range p.Works {
				if err := exists(ctx, s, tx, "works", "code", w, "works"); err != nil {
					return err
				}
			}
			// Progress reported since (UpdateProject) survives a reload of the register.
			if old, err := jsonBody[sishui.Project](tx.QueryRowContext(ctx, s.q(`SELECT body FROM projects WHERE code = ?`), p.Code)); err == nil && !old.Updated.IsZero() {
				body.ProgressPct, body.Status, body.UpdatedBy, body.Updated = old.ProgressPct, old.Status, old.UpdatedBy, old.Updated
				done := map[string]string{}
				for _, m := range old.Milestones {
					done[m.Name] = m.Done
				}
				body.Milestones = append([]sishui.Milestone(nil), body.Milestones...)
				for i := range body.Milestones {
					if d := done[body.Milestones[i].Name]; d != "" {
						body.Milestones[i].Done = d
					}
				}
			} else if err != nil && err != sql.ErrNoRows {
				return err
			}
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO projects (code, region, body) VALUES (?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET region = excluded.region, body = excluded.body`), p.Code, p.Region, mustJSON(&body))
			return err
		})
}

// ListProjects lists projects by code, with their attachments (without data).
func (s *DB) ListProjects(ctx context.Context, f sishui.ProjectFilter) ([]*sishui.Project, error) {
	if err := canReadPlan(ctx, "list projects"); err != nil {
		return nil, err
	}
	var w where
	if f.Region != "" {
		w.add("region = ?", f.Region)
	}
	ps, err := all(ctx, s, `SELECT body FROM projects`+w.String()+` ORDER BY code`, w.args, jsonBody[sishui.Project])
	if err != nil {
		return nil, err
	}
	att, err := s.attachmentsOfProjects(ctx)
	if err != nil {
		return nil, err
	}
	out := ps[:0]
	for _, p := range ps {
		if f.Task != "" && !contains(p.Tasks, f.Task) {
			continue
		}
		p.Attachments = att[p.Code]
		out = append(out, p)
	}
	return out, nil
}

// attachmentsOfProjects maps project codes to their attachments. Project
// attachments are owned by "project:<code>" with owner_id 0.
func (s *DB) attachmentsOfProjects(ctx context.Context) (map[string][]sishui.StoredFile, error) {
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT owner, id, name, content_type, size, actor, created_ms FROM attachments WHERE owner LIKE 'project:%' ORDER BY id`))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]sishui.StoredFile{}
	for rows.Next() {
		var owner string
		var created int64
		var a sishui.StoredFile
		if err := rows.Scan(&owner, &a.ID, &a.Name, &a.ContentType, &a.Size, &a.Actor, &created); err != nil {
			return nil, err
		}
		a.Created = fromMS(created)
		code := owner[len("project:"):]
		out[code] = append(out[code], a)
	}
	return out, rows.Err()
}

// GetProject returns a project with its attachments (without data).
func (s *DB) GetProject(ctx context.Context, code string) (*sishui.Project, error) {
	if err := canReadPlan(ctx, "get project"); err != nil {
		return nil, err
	}
	p, err := jsonBody[sishui.Project](s.DB.QueryRowContext(ctx, s.q(`SELECT body FROM projects WHERE code = ?`), code))
	if err == sql.ErrNoRows {
		return nil, sishui.NotFound("project %q not found", code)
	}
	if err != nil {
		return nil, err
	}
	att, err := s.attachmentsOfProjects(ctx)
	p.Attachments = att[code]
	return p, err
}

// UpdateProject applies a progress update.
func (s *DB) UpdateProject(ctx context.Context, code string, u *sishui.ProjectUpdate) (*sishui.Project, error) {
	const op = "update project"
	p, err := s.GetProject(ctx, code)
	if err != nil {
		return nil, err
	}
	if err := s.canWrite(ctx, op, p.Region); err != nil {
		return nil, err
	}
	before := *p
	before.Milestones = append([]sishui.Milestone(nil), p.Milestones...)
	if u.ProgressPct != nil {
		p.ProgressPct = *u.ProgressPct
	}
	if u.Status != "" {
		p.Status = u.Status
	}
	for i, date := range u.Reached {
		if i < 0 || i >= len(p.Milestones) {
			return nil, sishui.Invalid("reached", "project %s has no milestone %d", code, i)
		}
		p.Milestones[i].Done = date
	}
	for i := range u.Attachments {
		if err := u.Attachments[i].Validate(fmt.Sprintf("attachments[%d]", i)); err != nil {
			return nil, err
		}
	}
	if err := p.Validate(); err != nil {
		return nil, s.mapErr(op, err, "")
	}
	p.UpdatedBy, p.Updated = sishui.ActorFrom(ctx).Username, fromMS(ms(s.Now()))
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		body := *p
		body.Attachments = nil
		if _, err := updateOne(ctx, s, tx, 0, `UPDATE projects SET body = ? WHERE code = ?`, mustJSON(&body), code); err != nil {
			return err
		}
		if err := s.addAttachments(ctx, tx, "project:"+code, 0, u.Attachments); err != nil {
			return err
		}
		before.Attachments = nil
		body.Attachments = nil
		return s.audit(ctx, tx, "update", "project", code, &before, map[string]any{"project": &body, "attachments": len(u.Attachments)}, u.Note)
	})
	if err != nil {
		return nil, s.mapErr(op, err, "")
	}
	p.Attachments = append(p.Attachments, u.Attachments...)
	for i := range p.Attachments {
		p.Attachments[i].Data = nil
	}
	return p, nil
}
