package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/permitting"
)

// ---- applications

const appCols = `id, kind, COALESCE(permit_id, 0), user_id, project, region, source, sector, purpose, annual_m3, term_years, intake_name, lon, lat,
	COALESCE(zone_id, 0), layer, return_point, return_method, return_m3, public_supplier, domestic, domestic_basis, trade_ref, state, level, level_reason,
	check_json, certificate_number, valid_from, valid_to, received_ms, accepted_ms, decided_ms, created_by, created_ms, updated_ms, forwarded_ms`

func scanApp(sc scanner) (*sishui.PermitApplication, error) {
	var a sishui.PermitApplication
	var check, from, to string
	var rec, acc, dec, c, u, fwd int64
	err := sc.Scan(&a.ID, &a.Kind, &a.PermitID, &a.UserID, &a.Project, &a.Region, &a.Source, &a.Sector, &a.Purpose, &a.AnnualM3, &a.TermYears,
		&a.IntakeName, &a.Lon, &a.Lat, &a.ZoneID, &a.Layer, &a.ReturnPoint, &a.ReturnMethod, &a.ReturnM3, &a.PublicSupplier, &a.Domestic,
		&a.DomesticBasis, &a.TradeRef, &a.State, &a.Level, &a.LevelReason, &check, &a.CertificateNumber, &from, &to, &rec, &acc, &dec,
		&a.CreatedBy, &c, &u, &fwd)
	if err != nil {
		return nil, err
	}
	if check != "" {
		a.Check = json.RawMessage(check)
	}
	a.ValidFrom, a.ValidTo = parseDate(from), parseDate(to)
	a.ReceivedAt, a.AcceptedAt, a.DecidedAt, a.CreatedAt, a.UpdatedAt = fromMS(rec), fromMS(acc), fromMS(dec), fromMS(c), fromMS(u)
	if fwd != 0 {
		a.ForwardedAt = fromMS(fwd)
	}
	return &a, nil
}

// canApply checks that the actor may act for an application of user in
// region: the enterprise for itself, the bureau in its scope.
func (s *DB) canApply(ctx context.Context, op string, user int64, region string) error {
	a := sishui.ActorFrom(ctx)
	if a.Role == sishui.RoleEnterprise {
		if a.WaterUser > 0 && a.WaterUser == user {
			return nil
		}
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "an enterprise account applies only for itself"}
	}
	return s.canWrite(ctx, op, region)
}

func (s *DB) getApp(ctx context.Context, q sqlQuerier, id int64) (*sishui.PermitApplication, error) {
	a, err := scanApp(s.get(ctx, "get application", q, "permit_applications", appCols, id, "region", "user_id"))
	if err == sql.ErrNoRows {
		return nil, sishui.NotFound("application %d not found", id)
	}
	return a, err
}

func (s *DB) level(ctx context.Context, tx *sql.Tx, a *sishui.PermitApplication) error {
	rule := permitting.DefaultLevelRule()
	if s.PermitLevels != nil {
		rule = *s.PermitLevels
	}
	gw, err := s.isGroundwater(ctx, tx, a.Source)
	if err != nil {
		return err
	}
	in := permitting.LevelInput{AnnualM3: a.AnnualM3, Groundwater: gw, Geothermal: strings.Contains(a.Source, "geothermal")}
	if a.ZoneID != 0 {
		var kind string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT kind FROM zones WHERE id = ?`), a.ZoneID).Scan(&kind); err == sql.ErrNoRows {
			return sishui.Invalid("zone_id", "zone %d does not exist", a.ZoneID)
		} else if err != nil {
			return err
		}
		in.LimitedZone = kind == sishui.ZoneLimited
	}
	a.Level, a.LevelReason = rule.Level(in)
	return nil
}

// CreateApplication submits an application.
func (s *DB) CreateApplication(ctx context.Context, a *sishui.PermitApplication, comment string) error {
	const op = "create application"
	if err := a.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	if err := s.canApply(ctx, op, a.UserID, a.Region); err != nil {
		return err
	}
	now := s.Now().UTC()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		p := &sishui.Permit{UserID: a.UserID, Region: a.Region, Source: a.Source, Sector: a.Sector}
		if err := s.checkPermitRefs(ctx, tx, p); err != nil {
			return err
		}
		if a.ZoneID != 0 {
			if err := exists(ctx, s, tx, "zones", "id", a.ZoneID, "zone_id"); err != nil {
				return err
			}
		}
		if a.Kind != sishui.ApplicationNew {
			old, err := getEntity(ctx, s, permitEntity, tx, a.PermitID)
			if err != nil {
				return sishui.Invalid("permit_id", "permit %d does not exist", a.PermitID)
			}
			if old.UserID != a.UserID {
				return sishui.Invalid("permit_id", "permit %s belongs to another water user", old.Number)
			}
			if a.Kind == sishui.ApplicationRenewal && !permitting.RenewalTimely(old.ValidTo, now.In(sishui.BeijingTime)) {
				return &sishui.Error{Code: sishui.ECONFLICT, Field: "permit_id", Message: fmt.Sprintf("a renewal must be applied for by %s, %d days before permit %s expires on %s (条例 art. 25); apply for a new permit",
					dateStr(permitting.RenewalDeadline(old.ValidTo)), permitting.RenewalLeadDays, old.Number, dateStr(old.ValidTo))}
			}
		}
		if err := s.level(ctx, tx, a); err != nil {
			return err
		}
		actor := sishui.ActorFrom(ctx)
		a.State, a.ReceivedAt, a.CreatedBy, a.CreatedAt, a.UpdatedAt = permitting.StateSubmitted, fromMS(ms(now)), actor.Username, fromMS(ms(now)), fromMS(ms(now))
		id, err := s.insertID(ctx, tx, `INSERT INTO permit_applications (kind, permit_id, user_id, project, region, source, sector, purpose, annual_m3, term_years,
			intake_name, lon, lat, zone_id, layer, return_point, return_method, return_m3, public_supplier, domestic, domestic_basis, trade_ref, state, level,
			level_reason, received_ms, created_by, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Kind, nullInt(a.PermitID), a.UserID, a.Project, a.Region, a.Source, a.Sector, a.Purpose, a.AnnualM3, a.TermYears, a.IntakeName, a.Lon, a.Lat,
			nullInt(a.ZoneID), a.Layer, a.ReturnPoint, a.ReturnMethod, a.ReturnM3, a.PublicSupplier, a.Domestic, a.DomesticBasis, a.TradeRef, a.State,
			a.Level, a.LevelReason, ms(now), a.CreatedBy, ms(now), ms(now))
		if err != nil {
			return err
		}
		a.ID = id
		st := &sishui.ApplicationStep{ApplicationID: id, Action: permitting.ActSubmit, ToState: a.State, Comment: comment}
		if err := s.insertStep(ctx, tx, st, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, "create", "permit_application", itoa64(id), nil, a, comment)
	})
	return s.mapErr(op, err, "")
}

func (s *DB) insertStep(ctx context.Context, tx *sql.Tx, st *sishui.ApplicationStep, now time.Time) error {
	actor := sishui.ActorFrom(ctx)
	st.Actor, st.Role, st.Time = actor.Username, actor.Role, fromMS(ms(now))
	detail, err := json.Marshal(stepDetail{st.Comment, st.Reviewers, st.Reviewer, st.Opinion, st.Reference, st.Certificate, st.Attachments, st.Override, st.Justification})
	if err != nil {
		return err
	}
	st.ID, err = s.insertID(ctx, tx, `INSERT INTO application_steps (application_id, action, from_state, to_state, actor, role, t_ms, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		st.ApplicationID, st.Action, st.FromState, st.ToState, st.Actor, st.Role, ms(now), string(detail))
	return err
}

type stepDetail struct {
	Comment       string   `json:"comment,omitempty"`
	Reviewers     []string `json:"reviewers,omitempty"`
	Reviewer      string   `json:"reviewer,omitempty"`
	Opinion       string   `json:"opinion,omitempty"`
	Reference     string   `json:"reference,omitempty"`
	Certificate   string   `json:"certificate,omitempty"`
	Attachments   []int64  `json:"attachments,omitempty"`
	Override      bool     `json:"override,omitempty"`
	Justification string   `json:"justification,omitempty"`
}

// GetApplication returns an application in scope.
func (s *DB) GetApplication(ctx context.Context, id int64) (*sishui.PermitApplication, error) {
	a, err := s.getApp(ctx, s.DB, id)
	return a, s.mapErr("get application", err, "")
}

// ListApplications lists applications in scope, oldest received first.
func (s *DB) ListApplications(ctx context.Context, f sishui.ApplicationFilter) ([]*sishui.PermitApplication, int, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, 0, err
	}
	sc.apply(&w, "region", "user_id")
	if err := s.regionFilter(ctx, &w, "region", f.Region); err != nil {
		return nil, 0, err
	}
	if f.UserID != 0 {
		w.add("user_id = ?", f.UserID)
	}
	if f.State != "" {
		w.add("state = ?", f.State)
	}
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	if f.Open {
		w.add("state NOT IN (?, ?, ?)", permitting.StateRefused, permitting.StateCertified, permitting.StateWithdrawn)
	}
	w.search(f.Query, "project", "certificate_number")
	order, err := appSort.orderBy(f.Page)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, "permit_applications", appCols, &w, order, f.Page, scanApp)
}

// appSort orders applications: oldest received first by default.
var appSort = sortSpec{allowed: sishui.ApplicationSorts, def: "received_at", tie: "id", cols: map[string]string{
	"id": "id", "project": "project", "region": "region", "kind": "kind", "state": "state", "annual_m3": "annual_m3",
	"received_at": "received_ms", "updated_at": "updated_ms"}}

// ListApplicationSteps returns an application's steps in order.
func (s *DB) ListApplicationSteps(ctx context.Context, id int64) ([]*sishui.ApplicationStep, error) {
	if _, err := s.GetApplication(ctx, id); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT id, application_id, action, from_state, to_state, actor, role, t_ms, detail FROM application_steps WHERE application_id = ? ORDER BY id`,
		[]any{id}, func(sc scanner) (*sishui.ApplicationStep, error) {
			var st sishui.ApplicationStep
			var t int64
			var detail string
			if err := sc.Scan(&st.ID, &st.ApplicationID, &st.Action, &st.FromState, &st.ToState, &st.Actor, &st.Role, &t, &detail); err != nil {
				return nil, err
			}
			st.Time = fromMS(t)
			var d stepDetail
			if detail != "" {
				if err := json.Unmarshal([]byte(detail), &d); err != nil {
					return nil, err
				}
			}
			st.Comment, st.Reviewers, st.Reviewer, st.Opinion, st.Reference, st.Certificate, st.Attachments, st.Override, st.Justification =
				d.Comment, d.Reviewers, d.Reviewer, d.Opinion, d.Reference, d.Certificate, d.Attachments, d.Override, d.Justification
			return &st, nil
		})
}

// appRequest is the 限批 request of an application, with its zone and the
// plan and mains areas its intake lies in.
func (s *DB) appRequest(ctx context.Context, tx *sql.Tx, a *sishui.PermitApplication) (permitting.Request, excluded, error) {
	ex := excluded{application: a.ID}
	gw, err := s.isGroundwater(ctx, tx, a.Source)
	if err != nil {
		return permitting.Request{}, ex, err
	}
	from, to := termOf(s.Now(), a.TermYears, nil)
	req := permitting.Request{Region: a.Region, AnnualM3: a.AnnualM3, Groundwater: gw, Expands: true, PublicSupplier: a.PublicSupplier,
		Domestic: a.Domestic, DomesticBasis: a.DomesticBasis, TradeRef: a.TradeRef}
	if a.Kind != sishui.ApplicationNew {
		old, err := getEntity(ctx, s, permitEntity, tx, a.PermitID)
		if err != nil {
			return req, ex, err
		}
		ex.permit = old.ID
		live := old.Status == sishui.PermitActive || old.Status == sishui.PermitPending
		req.Expands = !live || old.Region != a.Region || old.Source != a.Source || a.AnnualM3 > old.AnnualM3
		if a.Kind == sishui.ApplicationRenewal {
			from, to = termOf(s.Now(), a.TermYears, old)
		}
	}
	req.FromYear, req.ToYear = from.Year(), to.Year()
	if a.TradeRef != "" {
		if _, err := s.checkTradeRef(ctx, tx, a); err != nil {
			return req, ex, err
		}
	}
	if a.ZoneID != 0 && gw {
		if req.Zone, err = s.zoneFacts(ctx, tx, a.ZoneID, ex); err != nil {
			return req, ex, err
		}
	}
	if req.MainsArea, req.Plan, err = s.areasAt(ctx, tx, a.Lon, a.Lat); err != nil {
		return req, ex, err
	}
	return req, ex, nil
}

// CheckApplication runs the 限批 decision without writing.
func (s *DB) CheckApplication(ctx context.Context, id int64) (json.RawMessage, error) {
	var out json.RawMessage
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		a, err := s.getApp(ctx, tx, id)
		if err != nil {
			return err
		}
		req, ex, err := s.appRequest(ctx, tx, a)
		if err != nil {
			return err
		}
		d, err := s.decide(ctx, tx, req, ex)
		if err != nil {
			return err
		}
		out, err = json.Marshal(d)
		return err
	})
	return out, s.mapErr("check application", err, "")
}

// StepApplication takes one action on an application.
func (s *DB) StepApplication(ctx context.Context, id int64, st *sishui.ApplicationStep) (*sishui.PermitApplication, error) {
	op := "application " + st.Action
	actor := sishui.ActorFrom(ctx)
	now := s.Now().UTC()
	var out *sishui.PermitApplication
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		a, err := s.getApp(ctx, tx, id)
		if err != nil {
			return err
		}
		before := *a
		if actor.Role == sishui.RoleEnterprise && !permitting.ApplicantActions[st.Action] {
			return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "the bureau takes this step"}
		}
		if err := s.canApply(ctx, op, a.UserID, a.Region); err != nil {
			return err
		}
		next, err := permitting.Next(a.State, st.Action)
		if err != nil || st.Action == permitting.ActSubmit {
			return &sishui.Error{Code: sishui.ECONFLICT, Field: "action", Message: fmt.Sprintf("action %q is not allowed in state %q", st.Action, a.State)}
		}
		st.ApplicationID, st.FromState, st.ToState = id, a.State, next
		for _, att := range st.Attachments {
			if err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM application_attachments WHERE id = ? AND application_id = ?`), att, id).Scan(new(int64)); err != nil {
				return sishui.Invalid("attachments", "attachment %d is not one of this application's", att)
			}
		}
		if err := s.applyStep(ctx, tx, a, st, now); err != nil {
			return err
		}
		a.State, a.UpdatedAt = next, fromMS(ms(now))
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE permit_applications SET state = ?, permit_id = ?, check_json = ?, certificate_number = ?, valid_from = ?, valid_to = ?,
			received_ms = ?, accepted_ms = ?, decided_ms = ?, updated_ms = ?, forwarded_ms = ? WHERE id = ?`),
			a.State, nullInt(a.PermitID), string(a.Check), a.CertificateNumber, dateStr(a.ValidFrom), dateStr(a.ValidTo),
			ms(a.ReceivedAt), ms(a.AcceptedAt), ms(a.DecidedAt), ms(now), fwdMS(a.ForwardedAt), id); err != nil {
			return err
		}
		if err := s.insertStep(ctx, tx, st, now); err != nil {
			return err
		}
		out = a
		return s.audit(ctx, tx, st.Action, "permit_application", itoa64(id), &before, a, st.Comment)
	})
	if err != nil {
		return nil, s.mapErr(op, err, "a permit with this certificate number already exists")
	}
	return out, nil
}

// applyStep checks an action's own inputs and does its work.
func (s *DB) applyStep(ctx context.Context, tx *sql.Tx, a *sishui.PermitApplication, st *sishui.ApplicationStep, now time.Time) error {
	switch st.Action {
	case permitting.ActResubmit:
		a.ReceivedAt = fromMS(ms(now))
	case permitting.ActReturn:
		if strings.TrimSpace(st.Comment) == "" {
			return sishui.Invalid("comment", "say which papers are missing")
		}
	case permitting.ActAccept:
		a.AcceptedAt = fromMS(ms(now))
	case permitting.ActForward:
		if a.Level == "" || a.Level == permitting.LevelCity {
			return &sishui.Error{Code: sishui.ECONFLICT, Field: "action", Message: "the city decides this application: there is nothing to forward"}
		}
		if !a.ForwardedAt.IsZero() {
			return &sishui.Error{Code: sishui.ECONFLICT, Field: "action", Message: "the application was forwarded already"}
		}
		if strings.TrimSpace(st.Reference) == "" {
			return sishui.Invalid("reference", "record the forwarding letter's document number (转报文号)")
		}
		a.ForwardedAt = fromMS(ms(now))
	case permitting.ActReview:
		if len(st.Reviewers) == 0 {
			return sishui.Invalid("reviewers", "name the reviewers of the 水资源论证 report")
		}
	case permitting.ActOpinion:
		if strings.TrimSpace(st.Reviewer) == "" {
			return sishui.Invalid("reviewer", "is required")
		}
		switch st.Opinion {
		case sishui.OpinionAgree, sishui.OpinionAgreeConditions, sishui.OpinionDisagree:
		default:
			return sishui.Invalid("opinion", "must be one of agree, agree_with_conditions, disagree")
		}
	case permitting.ActApprove, permitting.ActRefuse:
		if a.Level == permitting.LevelProvince && strings.TrimSpace(st.Reference) == "" {
			return sishui.Invalid("reference", "the province decides this permit (%s): record its decision's document number", a.LevelReason)
		}
		if st.Action == permitting.ActRefuse && strings.TrimSpace(st.Comment) == "" {
			return sishui.Invalid("comment", "a refusal states its reason")
		}
		req, ex, err := s.appRequest(ctx, tx, a)
		if err != nil {
			return err
		}
		d, err := s.decide(ctx, tx, req, ex)
		if err != nil {
			return err
		}
		if a.Check, err = json.Marshal(d); err != nil {
			return err
		}
		a.DecidedAt = fromMS(ms(now))
		if st.Action == permitting.ActApprove {
			if d.Refused() {
				if !st.Override {
					return errRefused(d)
				}
				if err := s.recordOverride(ctx, tx, a.PermitID, "application-"+itoa64(a.ID), a.Region, "approve", strings.TrimSpace(st.Justification), d.Reason()); err != nil {
					return err
				}
			}
			var old *sishui.Permit
			if a.Kind == sishui.ApplicationRenewal {
				if old, err = getEntity(ctx, s, permitEntity, tx, a.PermitID); err != nil {
					return err
				}
			}
			a.ValidFrom, a.ValidTo = termOf(now, a.TermYears, old)
		}
	case permitting.ActCertify:
		return s.certify(ctx, tx, a, st, now)
	}
	return nil
}

// certify issues the certificate: a new permit, or the changed or renewed
// one, with its certificate fields.
func (s *DB) certify(ctx context.Context, tx *sql.Tx, a *sishui.PermitApplication, st *sishui.ApplicationStep, now time.Time) error {
	number := strings.TrimSpace(st.Certificate)
	if number == "" {
		return sishui.Invalid("certificate", "the certificate number is required")
	}
	p := &sishui.Permit{Number: number, UserID: a.UserID, Region: a.Region, Source: a.Source, Sector: a.Sector, Purpose: a.Purpose,
		IntakeName: a.IntakeName, Lon: a.Lon, Lat: a.Lat, AnnualM3: a.AnnualM3, ValidFrom: a.ValidFrom, ValidTo: a.ValidTo, Status: sishui.PermitActive,
		Note: "application " + itoa64(a.ID)}
	if err := p.Validate(); err != nil {
		return err
	}
	if err := s.checkPermitRefs(ctx, tx, p); err != nil {
		return err
	}
	var before *sishui.Permit
	if a.Kind == sishui.ApplicationNew {
		if _, err := s.insertPermit(ctx, tx, p, now); err != nil {
			return err
		}
		a.PermitID = p.ID
		if a.TradeRef != "" {
			trade, err := s.checkTradeRef(ctx, tx, a)
			if err != nil {
				return err
			}
			if err := s.recordTradePermit(ctx, tx, trade, p.ID, tradeSideBuyer, 0, p.AnnualM3); err != nil {
				return err
			}
		}
	} else {
		old, err := getEntity(ctx, s, permitEntity, tx, a.PermitID)
		if err != nil {
			return err
		}
		before, p.ID = old, old.ID
		if _, err := updateOne(ctx, s, tx, p.ID, `UPDATE permits SET number = ?, region = ?, source = ?, sector = ?, purpose = ?, intake_name = ?, lon = ?, lat = ?,
			annual_m3 = ?, valid_from = ?, valid_to = ?, status = ?, online_required = ?, updated_ms = ? WHERE id = ?`,
			p.Number, p.Region, p.Source, p.Sector, p.Purpose, p.IntakeName, p.Lon, p.Lat, p.AnnualM3, dateStr(p.ValidFrom), dateStr(p.ValidTo),
			p.Status, p.OnlineRequired, ms(now), p.ID); err != nil {
			return err
		}
	}
	a.CertificateNumber = number
	if err := s.writeCertificate(ctx, tx, &sishui.Certificate{PermitID: p.ID, Number: number, ApplicationID: a.ID, ZoneID: a.ZoneID, Layer: a.Layer,
		ReturnPoint: a.ReturnPoint, ReturnMethod: a.ReturnMethod, ReturnM3: a.ReturnM3, Level: a.Level, Issuer: sishui.ActorFrom(ctx).Username, IssuedAt: now}); err != nil {
		return err
	}
	action := "create"
	if before != nil {
		action = "update"
	}
	return s.audit(ctx, tx, action, "permit", strconv.FormatInt(p.ID, 10), before, p, "certificate of application "+itoa64(a.ID))
}

// ---- attachments

// AddAttachment stores a document of an application.
func (s *DB) AddAttachment(ctx context.Context, at *sishui.Attachment) error {
	const op = "add attachment"
	if err := at.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	a, err := s.GetApplication(ctx, at.ApplicationID)
	if err != nil {
		return err
	}
	if err := s.canApply(ctx, op, a.UserID, a.Region); err != nil {
		return err
	}
	if permitting.Closed(a.State) {
		return &sishui.Error{Code: sishui.ECONFLICT, Op: op, Message: "the application is closed (" + a.State + ")"}
	}
	now := s.Now().UTC()
	sum := sha256.Sum256(at.Data)
	at.Size, at.SHA256, at.Actor, at.CreatedAt = int64(len(at.Data)), hex.EncodeToString(sum[:]), sishui.ActorFrom(ctx).Username, fromMS(ms(now))
	if at.ContentType == "" {
		at.ContentType = "application/octet-stream"
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := s.insertID(ctx, tx, `INSERT INTO application_attachments (application_id, name, content_type, size, sha256, data, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			at.ApplicationID, at.Name, at.ContentType, at.Size, at.SHA256, at.Data, at.Actor, ms(now))
		if err != nil {
			return err
		}
		at.ID = id
		return s.audit(ctx, tx, "attach", "permit_application", itoa64(at.ApplicationID), nil, at, at.Name)
	})
	return s.mapErr(op, err, "")
}

const attachmentCols = `id, application_id, name, content_type, size, sha256, actor, created_ms`

func scanAttachment(sc scanner, data *[]byte) (*sishui.Attachment, error) {
	var at sishui.Attachment
	var c int64
	dest := []any{&at.ID, &at.ApplicationID, &at.Name, &at.ContentType, &at.Size, &at.SHA256, &at.Actor, &c}
	if data != nil {
		dest = append(dest, data)
	}
	err := sc.Scan(dest...)
	at.CreatedAt = fromMS(c)
	return &at, err
}

// ListAttachments lists an application's documents without their data.
func (s *DB) ListAttachments(ctx context.Context, application int64) ([]*sishui.Attachment, error) {
	if _, err := s.GetApplication(ctx, application); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT `+attachmentCols+` FROM application_attachments WHERE application_id = ? ORDER BY id`, []any{application},
		func(sc scanner) (*sishui.Attachment, error) { return scanAttachment(sc, nil) })
}

// GetAttachment returns a document with its data, when its application is in scope.
func (s *DB) GetAttachment(ctx context.Context, id int64) (*sishui.Attachment, error) {
	var data []byte
	at, err := scanAttachment(s.DB.QueryRowContext(ctx, s.q(`SELECT `+attachmentCols+`, data FROM application_attachments WHERE id = ?`), id), &data)
	if err == sql.ErrNoRows {
		return nil, &sishui.Error{Code: sishui.ENOTFOUND, Op: "get attachment", Message: fmt.Sprintf("attachment %d not found", id)}
	}
	if err != nil {
		return nil, fmt.Errorf("get attachment: %w", err)
	}
	if _, err := s.GetApplication(ctx, at.ApplicationID); err != nil {
		return nil, &sishui.Error{Code: sishui.ENOTFOUND, Op: "get attachment", Message: fmt.Sprintf("attachment %d not found", id)}
	}
	at.Data = data
	return at, nil
}

// ---- certificates, permit actions, annual plans

// GetCertificate returns a permit's certificate fields.
func (s *DB) GetCertificate(ctx context.Context, permit int64) (*sishui.Certificate, error) {
	if _, err := s.GetPermit(ctx, permit); err != nil {
		return nil, err
	}
	var c sishui.Certificate
	var issued int64
	err := s.DB.QueryRowContext(ctx, s.q(`SELECT permit_id, number, COALESCE(application_id, 0), COALESCE(zone_id, 0), layer, return_point, return_method, return_m3, level, issuer, issued_ms
		FROM permit_certificates WHERE permit_id = ?`), permit).Scan(&c.PermitID, &c.Number, &c.ApplicationID, &c.ZoneID, &c.Layer, &c.ReturnPoint, &c.ReturnMethod,
		&c.ReturnM3, &c.Level, &c.Issuer, &issued)
	if err == sql.ErrNoRows {
		return nil, &sishui.Error{Code: sishui.ENOTFOUND, Op: "get certificate", Message: fmt.Sprintf("permit %d has no certificate record", permit)}
	}
	if err != nil {
		return nil, fmt.Errorf("get certificate: %w", err)
	}
	c.IssuedAt = fromMS(issued)
	return &c, nil
}

// insertPermit inserts a checked permit and sets its ID and timestamps.
func (s *DB) insertPermit(ctx context.Context, tx *sql.Tx, p *sishui.Permit, now time.Time) (int64, error) {
	id, err := s.insertID(ctx, tx, `INSERT INTO permits (number, user_id, region, source, sector, purpose, intake_name, lon, lat, annual_m3, monthly_plan,
		valid_from, valid_to, status, online_required, note, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Number, p.UserID, p.Region, p.Source, p.Sector, p.Purpose, p.IntakeName, p.Lon, p.Lat, p.AnnualM3, planJSON(p),
		dateStr(p.ValidFrom), dateStr(p.ValidTo), p.Status, p.OnlineRequired, p.Note, ms(now), ms(now))
	p.ID, p.CreatedAt, p.UpdatedAt = id, fromMS(ms(now)), fromMS(ms(now))
	return id, err
}

// ImportCertificate registers an existing certificate's permit and fields in one transaction.
func (s *DB) ImportCertificate(ctx context.Context, p *sishui.Permit, c *sishui.Certificate) error {
	const op = "import certificate"
	if err := p.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	if c.ReturnM3 < 0 || c.ReturnM3 > p.AnnualM3 {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "return_m3", Message: "must be between 0 and annual_m3"}
	}
	if c.Layer != "" && c.Layer != "shallow" && c.Layer != "deep" {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "layer", Message: "must be shallow or deep"}
	}
	now := s.Now().UTC()
	return writeEntity(ctx, s, permitEntity, op, 0, p.Region, struct {
		*sishui.Permit
		Certificate *sishui.Certificate `json:"certificate"`
	}{p, c},
		func(tx *sql.Tx) error {
			if err := s.checkPermitRefs(ctx, tx, p); err != nil {
				return err
			}
			if c.ZoneID != 0 {
				if err := exists(ctx, s, tx, "zones", "id", c.ZoneID, "zone_id"); err != nil {
					return err
				}
			}
			return s.checkPermitCap(ctx, tx, p, false)
		},
		func(tx *sql.Tx) (int64, error) {
			id, err := s.insertPermit(ctx, tx, p, now)
			if err != nil {
				return 0, err
			}
			c.PermitID, c.Number = id, p.Number
			if c.IssuedAt.IsZero() {
				c.IssuedAt = p.ValidFrom
			}
			return id, s.writeCertificate(ctx, tx, c)
		})
}

// writeCertificate replaces a permit's certificate row.
func (s *DB) writeCertificate(ctx context.Context, tx *sql.Tx, c *sishui.Certificate) error {
	c.IssuedAt = fromMS(ms(c.IssuedAt))
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM permit_certificates WHERE permit_id = ?`), c.PermitID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO permit_certificates (permit_id, number, application_id, zone_id, layer, return_point, return_method, return_m3, level, issuer, issued_ms)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`), c.PermitID, c.Number, nullInt(c.ApplicationID), nullInt(c.ZoneID), c.Layer, c.ReturnPoint, c.ReturnMethod, c.ReturnM3,
		c.Level, c.Issuer, ms(c.IssuedAt))
	return err
}

// PutCertificate records the certificate fields of a permit.
func (s *DB) PutCertificate(ctx context.Context, c *sishui.Certificate) error {
	const op = "put certificate"
	if c.ReturnM3 < 0 {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "return_m3", Message: "must not be negative"}
	}
	if c.Layer != "" && c.Layer != "shallow" && c.Layer != "deep" {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "layer", Message: "must be shallow or deep"}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := getEntity(ctx, s, permitEntity, tx, c.PermitID)
		if err != nil {
			return err
		}
		if err := s.canWrite(ctx, op, p.Region); err != nil {
			return err
		}
		if c.ZoneID != 0 {
			if err := exists(ctx, s, tx, "zones", "id", c.ZoneID, "zone_id"); err != nil {
				return err
			}
		}
		c.Number = p.Number
		if c.IssuedAt.IsZero() {
			c.IssuedAt = p.ValidFrom
		}
		if err := s.writeCertificate(ctx, tx, c); err != nil {
			return err
		}
		return s.audit(ctx, tx, "put", "certificate", itoa64(p.ID), nil, c, "")
	})
	return s.mapErr(op, err, "")
}

// PermitAction suspends, reinstates, revokes or cancels a permit.
func (s *DB) PermitAction(ctx context.Context, id int64, action, reason string) (*sishui.Permit, error) {
	op := "permit " + action
	if strings.TrimSpace(reason) == "" {
		return nil, &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "reason", Message: "is required"}
	}
	var out *sishui.Permit
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := getEntity(ctx, s, permitEntity, tx, id)
		if err != nil {
			return err
		}
		if err := s.canWrite(ctx, op, p.Region); err != nil {
			return err
		}
		next, err := permitting.PermitNext(p.Status, action)
		if err != nil {
			return &sishui.Error{Code: sishui.ECONFLICT, Field: "action", Message: err.Error()}
		}
		if d := s.Now().In(sishui.BeijingTime); action == permitting.PermitExpire && !time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).After(p.ValidTo) {
			return &sishui.Error{Code: sishui.ECONFLICT, Field: "action", Message: "the permit's term runs to " + dateStr(p.ValidTo) + ": it has not expired"}
		}
		before := *p
		p.Status, p.UpdatedAt = next, fromMS(ms(s.Now()))
		if _, err := updateOne(ctx, s, tx, id, `UPDATE permits SET status = ?, updated_ms = ? WHERE id = ?`, next, ms(p.UpdatedAt), id); err != nil {
			return err
		}
		out = p
		return s.audit(ctx, tx, action, "permit", itoa64(id), &before, p, reason)
	})
	return out, s.mapErr(op, err, "")
}

// UpsertAnnualPlan records a permit's annual plan and, when ReportedM3 is
// set, the year's report (the holder for its own permit, or the bureau).
func (s *DB) UpsertAnnualPlan(ctx context.Context, ap *sishui.AnnualPlan) error {
	const op = "upsert annual plan"
	if err := ap.Validate(); err != nil {
		return err
	}
	if ap.Year < 1990 || ap.Year > 2100 {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "year", Message: "must be between 1990 and 2100"}
	}
	if ap.PlannedM3 < 0 || ap.ReportedM3 < 0 {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "planned_m3", Message: "volumes must not be negative"}
	}
	p, err := s.GetPermit(ctx, ap.PermitID)
	if err != nil {
		return err
	}
	if ap.PlannedM3 > p.AnnualM3 {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "planned_m3", Message: fmt.Sprintf("%d m³ is more than the permit's %d m³", ap.PlannedM3, p.AnnualM3)}
	}
	if err := s.canApply(ctx, op, p.UserID, p.Region); err != nil {
		return err
	}
	if ap.ReportedM3 > 0 && ap.ReportedAt.IsZero() {
		ap.ReportedAt = s.Now().UTC()
	}
	ap.ReportedAt = fromMS(ms(ap.ReportedAt))
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM permit_annual_plans WHERE permit_id = ? AND year = ?`), ap.PermitID, ap.Year); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO permit_annual_plans (permit_id, year, planned_m3, reported_m3, reported_ms, note) VALUES (?, ?, ?, ?, ?, ?)`),
			ap.PermitID, ap.Year, ap.PlannedM3, ap.ReportedM3, ms(ap.ReportedAt), ap.Note); err != nil {
			return err
		}
		return s.audit(ctx, tx, "upsert", "annual_plan", itoa64(ap.PermitID)+"/"+strconv.Itoa(ap.Year), nil, ap, "")
	})
	return s.mapErr(op, err, "")
}

// ListAnnualPlans lists annual plans by permit and year: of one permit (0:
// every permit in scope), of one year (0: every year).
func (s *DB) ListAnnualPlans(ctx context.Context, permit int64, year int) ([]*sishui.AnnualPlan, error) {
	var w where
	if permit != 0 {
		if _, err := s.GetPermit(ctx, permit); err != nil {
			return nil, err
		}
		w.add("a.permit_id = ?", permit)
	} else {
		sc, err := s.scopeOf(ctx)
		if err != nil {
			return nil, err
		}
		sc.apply(&w, "p.region", "p.user_id")
	}
	if year != 0 {
		w.add("a.year = ?", year)
	}
	return all(ctx, s, `SELECT a.permit_id, a.year, a.planned_m3, a.reported_m3, a.reported_ms, a.note FROM permit_annual_plans a JOIN permits p ON p.id = a.permit_id`+
		w.String()+` ORDER BY a.permit_id, a.year`, w.args,
		func(sc scanner) (*sishui.AnnualPlan, error) {
			var ap sishui.AnnualPlan
			var r int64
			err := sc.Scan(&ap.PermitID, &ap.Year, &ap.PlannedM3, &ap.ReportedM3, &r, &ap.Note)
			ap.ReportedAt = fromMS(r)
			return &ap, err
		})
}

// ---- plans and mains areas

// checkArea validates an area-holding row, its GeoJSON and the actor's right to write in region.
func (s *DB) checkArea(ctx context.Context, op string, v interface{ Validate() error }, region string, area json.RawMessage) error {
	if err := v.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	if _, err := permitting.ParseArea(area); err != nil {
		return s.mapErr(op, sishui.Invalid("area", "%v", err), "")
	}
	return s.canWrite(ctx, op, region)
}

// UpsertPlan creates or replaces a plan by code.
func (s *DB) UpsertPlan(ctx context.Context, p *sishui.Plan) error {
	const op = "upsert plan"
	if err := s.checkArea(ctx, op, p, p.Region, p.Area); err != nil {
		return err
	}
	now := s.Now().UTC()
	p.UpdatedAt = fromMS(ms(now))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, s, tx, "regions", "code", p.Region, "region"); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE plans SET name = ?, kind = ?, region = ?, area = ?, status = ?, demand_m3 = ?, sources = ?, caps_allow = ?, conclusion = ?,
			assessed_on = ?, updated_ms = ? WHERE code = ?`), p.Name, p.Kind, p.Region, string(p.Area), p.Status, p.DemandM3, p.Sources, p.CapsAllow, p.Conclusion,
			dateStr(p.AssessedOn), ms(now), p.Code)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if p.ID, err = s.insertID(ctx, tx, `INSERT INTO plans (code, name, kind, region, area, status, demand_m3, sources, caps_allow, conclusion, assessed_on, updated_ms)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.Code, p.Name, p.Kind, p.Region, string(p.Area), p.Status, p.DemandM3, p.Sources, p.CapsAllow,
				p.Conclusion, dateStr(p.AssessedOn), ms(now)); err != nil {
				return err
			}
		} else if err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM plans WHERE code = ?`), p.Code).Scan(&p.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, "upsert", "plan", p.Code, nil, p, "")
	})
	return s.mapErr(op, err, "")
}

const planCols = `id, code, name, kind, region, area, status, demand_m3, sources, caps_allow, conclusion, assessed_on, updated_ms`

func scanPlan(sc scanner) (*sishui.Plan, error) {
	var p sishui.Plan
	var area, on string
	var u int64
	err := sc.Scan(&p.ID, &p.Code, &p.Name, &p.Kind, &p.Region, &area, &p.Status, &p.DemandM3, &p.Sources, &p.CapsAllow, &p.Conclusion, &on, &u)
	p.Area, p.AssessedOn, p.UpdatedAt = json.RawMessage(area), parseDate(on), fromMS(u)
	return &p, err
}

// GetPlan returns a plan by code.
func (s *DB) GetPlan(ctx context.Context, code string) (*sishui.Plan, error) {
	p, err := scanPlan(s.DB.QueryRowContext(ctx, s.q(`SELECT `+planCols+` FROM plans WHERE code = ?`), code))
	if err == sql.ErrNoRows {
		return nil, &sishui.Error{Code: sishui.ENOTFOUND, Op: "get plan", Message: fmt.Sprintf("plan %q not found", code)}
	}
	return p, s.mapErr("get plan", err, "")
}

// ListPlans lists plans, in a region's tree when given.
func (s *DB) ListPlans(ctx context.Context, region string) ([]*sishui.Plan, error) {
	var w where
	if err := s.regionFilter(ctx, &w, "region", region); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT `+planCols+` FROM plans`+w.String()+` ORDER BY code`, w.args, scanPlan)
}

// UpsertMainsArea creates or replaces a public-mains area by code.
func (s *DB) UpsertMainsArea(ctx context.Context, m *sishui.MainsArea) error {
	const op = "upsert mains area"
	if err := s.checkArea(ctx, op, m, m.Region, m.Area); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, s, tx, "regions", "code", m.Region, "region"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM mains_areas WHERE code = ?`), m.Code); err != nil {
			return err
		}
		var err error
		if m.ID, err = s.insertID(ctx, tx, `INSERT INTO mains_areas (code, name, region, supplier, area) VALUES (?, ?, ?, ?, ?)`,
			m.Code, m.Name, m.Region, m.Supplier, string(m.Area)); err != nil {
			return err
		}
		return s.audit(ctx, tx, "upsert", "mains_area", m.Code, nil, m, "")
	})
	return s.mapErr(op, err, "")
}

// ListMainsAreas lists public-mains areas, in a region's tree when given.
func (s *DB) ListMainsAreas(ctx context.Context, region string) ([]*sishui.MainsArea, error) {
	var w where
	if err := s.regionFilter(ctx, &w, "region", region); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT id, code, name, region, supplier, area FROM mains_areas`+w.String()+` ORDER BY code`, w.args,
		func(sc scanner) (*sishui.MainsArea, error) {
			var m sishui.MainsArea
			var area string
			err := sc.Scan(&m.ID, &m.Code, &m.Name, &m.Region, &m.Supplier, &area)
			m.Area = json.RawMessage(area)
			return &m, err
		})
}

// ---- holiday calendars

// PutCalendar replaces a holiday calendar (city staff and administrators).
func (s *DB) PutCalendar(ctx context.Context, c *sishui.HolidayCalendar) error {
	const op = "put calendar"
	if err := canWriteVocabulary(ctx, op); err != nil {
		return err
	}
	if !isName(c.Name) {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "name", Message: "must be 1–64 letters, digits, - or _"}
	}
	pc := permitting.Calendar{Name: c.Name, Verified: c.Verified, Source: c.Source}
	for _, d := range c.Days {
		pc.Days = append(pc.Days, permitting.Day{Date: d.Date, Workday: d.Workday, Name: d.Name})
	}
	if err := pc.Validate(); err != nil {
		return &sishui.Error{Code: sishui.EINVALID, Op: op, Field: "days", Message: err.Error()}
	}
	days, err := json.Marshal(c.Days)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM holiday_calendars WHERE name = ?`), c.Name); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO holiday_calendars (name, verified, source, days) VALUES (?, ?, ?, ?)`), c.Name, c.Verified, c.Source, string(days)); err != nil {
			return err
		}
		return s.audit(ctx, tx, "put", "holiday_calendar", c.Name, nil, map[string]any{"days": len(c.Days), "verified": c.Verified, "source": c.Source}, "")
	})
	return s.mapErr(op, err, "")
}

// GetCalendar returns a holiday calendar.
func (s *DB) GetCalendar(ctx context.Context, name string) (*sishui.HolidayCalendar, error) {
	var c sishui.HolidayCalendar
	var days string
	err := s.DB.QueryRowContext(ctx, s.q(`SELECT name, verified, source, days FROM holiday_calendars WHERE name = ?`), name).Scan(&c.Name, &c.Verified, &c.Source, &days)
	if err == sql.ErrNoRows {
		return nil, &sishui.Error{Code: sishui.ENOTFOUND, Op: "get calendar", Message: fmt.Sprintf("calendar %q not found", name)}
	}
	if err != nil {
		return nil, fmt.Errorf("get calendar: %w", err)
	}
	return &c, json.Unmarshal([]byte(days), &c.Days)
}

func isName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// fwdMS is a forwarding time in ms (0: not forwarded).
func fwdMS(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return ms(t)
}
