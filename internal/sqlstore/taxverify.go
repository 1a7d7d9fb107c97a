package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sishui/sishui"
)

const verificationCols = `id, user_id, region, period, status, total_fen, rule_id, lines, reason, created_ms, sent_ms, answered_ms`

func scanVerification(sc scanner) (*sishui.TaxVerification, error) {
	var v sishui.TaxVerification
	var lines string
	var c, se, an int64
	err := sc.Scan(&v.ID, &v.UserID, &v.Region, &v.Period, &v.Status, &v.TotalFen, &v.Rule, &lines, &v.Reason, &c, &se, &an)
	v.Lines, v.Created, v.Sent, v.Answered = json.RawMessage(lines), fromMS(c), fromMS(se), fromMS(an)
	return &v, err
}

// ReplaceDraftVerifications replaces a period's drafts.
func (s *DB) ReplaceDraftVerifications(ctx context.Context, period string, vs []*sishui.TaxVerification) error {
	const op = "replace draft verifications"
	if err := canRunBatch(ctx, op); err != nil {
		return err
	}
	now := ms(s.Now())
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM tax_verifications WHERE period = ? AND status = ?`), period, sishui.VerifyDraft); err != nil {
			return err
		}
		for i, v := range vs {
			if v.Period != period || !json.Valid(v.Lines) {
				return sishui.Invalid(fmt.Sprintf("verifications[%d]", i), "must be of period %s with JSON lines", period)
			}
			v.Status, v.Created = sishui.VerifyDraft, fromMS(now)
			var err error
			v.ID, err = s.insertID(ctx, tx, `INSERT INTO tax_verifications (user_id, region, period, status, total_fen, rule_id, lines, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				v.UserID, v.Region, period, v.Status, v.TotalFen, v.Rule, string(v.Lines), now)
			if err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, "replace", "draft_verifications", period, nil, map[string]int{"drafts": len(vs)}, "")
	})
	return s.mapErr(op, err, "a taxpayer's verification of this period is already sent or confirmed")
}

func (s *DB) verificationWhere(ctx context.Context) (where, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return w, err
	}
	sc.apply(&w, "region", "user_id")
	return w, nil
}

// ListVerifications lists verifications in scope.
func (s *DB) ListVerifications(ctx context.Context, f sishui.VerificationFilter) ([]*sishui.TaxVerification, int, error) {
	w, err := s.verificationWhere(ctx)
	if err != nil {
		return nil, 0, err
	}
	if f.UserID != 0 {
		w.add("user_id = ?", f.UserID)
	}
	if f.Period != "" {
		w.add("period = ?", f.Period)
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	return list(ctx, s, "tax_verifications", verificationCols, &w, "period DESC, user_id, id", f.Page, scanVerification)
}

// GetVerification returns a verification in scope.
func (s *DB) GetVerification(ctx context.Context, id int64) (*sishui.TaxVerification, error) {
	w, err := s.verificationWhere(ctx)
	if err != nil {
		return nil, err
	}
	w.add("id = ?", id)
	v, err := scanVerification(s.DB.QueryRowContext(ctx, s.q(`SELECT `+verificationCols+` FROM tax_verifications`+w.String()), w.args...))
	if err != nil {
		return nil, s.mapErr("get verification", err, "")
	}
	return v, nil
}

// moveVerification changes a verification's status from one to another.
func (s *DB) moveVerification(ctx context.Context, op string, id int64, from, to, reason string, col string) error {
	v, err := s.GetVerification(ctx, id)
	if err != nil {
		return err
	}
	if v.Status != from {
		return &sishui.Error{Code: sishui.ECONFLICT, Op: op, Message: fmt.Sprintf("verification %d is %s, not %s", id, v.Status, from)}
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE tax_verifications SET status = ?, reason = ?, `+col+` = ? WHERE id = ? AND status = ?`), to, reason, ms(s.Now()), id, from)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &sishui.Error{Code: sishui.ECONFLICT, Op: op, Message: "changed meanwhile"}
		}
		return s.audit(ctx, tx, to, "tax_verification", strconv.FormatInt(id, 10), map[string]string{"status": from}, map[string]string{"status": to}, reason)
	})
	return s.mapErr(op, err, "")
}

// SendVerification moves a draft to sent.
func (s *DB) SendVerification(ctx context.Context, id int64) error {
	const op = "send verification"
	if err := canRunBatch(ctx, op); err != nil {
		return err
	}
	return s.moveVerification(ctx, op, id, sishui.VerifyDraft, sishui.VerifySent, "", "sent_ms")
}

// AnswerVerification records the taxpayer's confirmation or dispute.
func (s *DB) AnswerVerification(ctx context.Context, id int64, confirm bool, reason string) error {
	const op = "answer verification"
	a := sishui.ActorFrom(ctx)
	if a.Role != sishui.RoleEnterprise && canRunBatch(ctx, op) != nil {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only the taxpayer or city staff answer a verification"}
	}
	to := sishui.VerifyConfirmed
	if !confirm {
		to = sishui.VerifyDisputed
		if strings.TrimSpace(reason) == "" {
			return sishui.Invalid("reason", "a dispute needs its reason")
		}
	}
	return s.moveVerification(ctx, op, id, sishui.VerifySent, to, reason, "answered_ms")
}

const certCols = `id, user_id, region, year, sector, product, used_m3, output, status, note, valid_from_ms, valid_to_ms, updated_ms, actor`

func scanCert(sc scanner) (*sishui.Certification, error) {
	var c sishui.Certification
	var f, t, u int64
	err := sc.Scan(&c.ID, &c.UserID, &c.Region, &c.Year, &c.Sector, &c.Product, &c.UsedM3, &c.Output, &c.Status, &c.Note, &f, &t, &u, &c.Actor)
	c.ValidFrom, c.ValidTo, c.Updated = fromMS(f), fromMS(t), fromMS(u)
	return &c, err
}

// ApplyCertification stores an application.
func (s *DB) ApplyCertification(ctx context.Context, c *sishui.Certification) error {
	const op = "apply certification"
	if err := c.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	u, err := s.GetWaterUser(ctx, c.UserID)
	if err != nil {
		return s.mapErr(op, sishui.Invalid("user_id", "unknown water user %d", c.UserID), "")
	}
	a := sishui.ActorFrom(ctx)
	if !(a.Role == sishui.RoleEnterprise && a.WaterUser == c.UserID) {
		if err := s.canWrite(ctx, op, u.Region); err != nil {
			return err
		}
	}
	c.Region, c.Status, c.Actor, c.Updated = u.Region, sishui.CertApplied, a.Username, fromMS(ms(s.Now()))
	c.ValidFrom, c.ValidTo = time.Time{}, time.Time{}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		c.ID, err = s.insertID(ctx, tx, `INSERT INTO certifications (user_id, region, year, sector, product, used_m3, output, status, note, updated_ms, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.UserID, c.Region, c.Year, c.Sector, c.Product, c.UsedM3, c.Output, c.Status, c.Note, ms(c.Updated), c.Actor)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "create", "certification", strconv.FormatInt(c.ID, 10), nil, c, c.Note)
	})
	return s.mapErr(op, err, "")
}

// AdvanceCertification moves an application on.
func (s *DB) AdvanceCertification(ctx context.Context, id int64, to, note string, validFrom time.Time) error {
	const op = "advance certification"
	if err := canRunBatch(ctx, op); err != nil {
		return err
	}
	if to != sishui.CertReviewed && to != sishui.CertCertified && to != sishui.CertRejected {
		return sishui.Invalid("status", "must be reviewed, certified or rejected")
	}
	var c *sishui.Certification
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = scanCert(tx.QueryRowContext(ctx, s.q(`SELECT `+certCols+` FROM certifications WHERE id = ?`), id))
		if err != nil {
			return err
		}
		before := *c
		if !sishui.CertificationNext(c.Status, to) {
			return &sishui.Error{Code: sishui.ECONFLICT, Op: op, Message: fmt.Sprintf("a certification cannot go from %s to %s", c.Status, to)}
		}
		if to == sishui.CertCertified {
			if validFrom.IsZero() {
				return sishui.Invalid("valid_from", "is required to certify")
			}
			c.ValidFrom = validFrom.UTC().Truncate(24 * time.Hour)
			c.ValidTo = c.ValidFrom.AddDate(1, 0, -1)
		}
		c.Status, c.Note, c.Actor, c.Updated = to, note, sishui.ActorFrom(ctx).Username, fromMS(ms(s.Now()))
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE certifications SET status = ?, note = ?, valid_from_ms = ?, valid_to_ms = ?, updated_ms = ?, actor = ? WHERE id = ?`),
			c.Status, c.Note, ms(c.ValidFrom), ms(c.ValidTo), ms(c.Updated), c.Actor, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, to, "certification", strconv.FormatInt(id, 10), before, c, note)
	})
	return s.mapErr(op, err, "")
}

// ListCertifications lists certifications in scope (of one user when userID > 0).
func (s *DB) ListCertifications(ctx context.Context, userID int64) ([]*sishui.Certification, error) {
	w, err := s.verificationWhere(ctx)
	if err != nil {
		return nil, err
	}
	if userID > 0 {
		w.add("user_id = ?", userID)
	}
	return all(ctx, s, `SELECT `+certCols+` FROM certifications`+w.String()+` ORDER BY user_id, year, id`, w.args, scanCert)
}
