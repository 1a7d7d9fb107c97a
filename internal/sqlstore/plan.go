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

// canReadPlan checks that the actor may read the plan's tasks, reports and entries.
func canReadPlan(ctx context.Context, op string) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RolePublic, sishui.RoleEnterprise, "":
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "the plan's tasks and reports are for government accounts"}
	}
	return nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func scanUnit(sc scanner) (*sishui.Unit, error) {
	var u sishui.Unit
	var metrics string
	err := sc.Scan(&u.Code, &u.Name, &u.NameEN, &metrics)
	u.Metrics = splitList(metrics)
	return &u, err
}

const unitCols = `code, name, name_en, metrics`

// UpsertUnit creates or replaces a unit.
func (s *DB) UpsertUnit(ctx context.Context, u *sishui.Unit) error {
	return upsert(ctx, s, "upsert unit", "unit", u.Code, u, u.Validate,
		func(tx *sql.Tx) (*sishui.Unit, error) {
			return scanUnit(tx.QueryRowContext(ctx, s.q(`SELECT `+unitCols+` FROM units WHERE code = ?`), u.Code))
		},
		func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO units (code, name, name_en, metrics) VALUES (?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, metrics = excluded.metrics`),
				u.Code, u.Name, u.NameEN, strings.Join(u.Metrics, ","))
			return err
		})
}

// ListUnits lists the units by code.
func (s *DB) ListUnits(ctx context.Context) ([]*sishui.Unit, error) {
	return all(ctx, s, `SELECT `+unitCols+` FROM units ORDER BY code`, nil, scanUnit)
}

// GetUnit returns a unit.
func (s *DB) GetUnit(ctx context.Context, code string) (*sishui.Unit, error) {
	u, err := scanUnit(s.DB.QueryRowContext(ctx, s.q(`SELECT `+unitCols+` FROM units WHERE code = ?`), code))
	if err == sql.ErrNoRows {
		return nil, sishui.NotFound("unit %q not found", code)
	}
	return u, err
}

func scanTask(sc scanner) (*sishui.Task, error) {
	var body string
	if err := sc.Scan(&body); err != nil {
		return nil, err
	}
	var t sishui.Task
	return &t, json.Unmarshal([]byte(body), &t)
}

// UpsertTask creates or replaces a task and its units.
func (s *DB) UpsertTask(ctx context.Context, t *sishui.Task) error {
	return upsert(ctx, s, "upsert task", "task", t.Code, t, t.Validate,
		func(tx *sql.Tx) (*sishui.Task, error) {
			return scanTask(tx.QueryRowContext(ctx, s.q(`SELECT body FROM tasks WHERE code = ?`), t.Code))
		},
		func(tx *sql.Tx) error {
			for _, c := range t.Counties {
				if err := exists(ctx, s, tx, "regions", "code", c, "counties"); err != nil {
					return err
				}
			}
			body, err := json.Marshal(t)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO tasks (code, part, seq, body) VALUES (?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET part = excluded.part, seq = excluded.seq, body = excluded.body`),
				t.Code, t.Part, t.Seq, string(body)); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM task_units WHERE task = ?`), t.Code); err != nil {
				return err
			}
			seen := map[string]bool{}
			for _, list := range []struct {
				field string
				units []string
				lead  bool
			}{{"lead", t.Lead, true}, {"co_units", t.CoUnits, false}} {
				for _, u := range list.units {
					if seen[u] {
						return sishui.Invalid(list.field, "unit %q is named twice", u)
					}
					seen[u] = true
					if err := exists(ctx, s, tx, "units", "code", u, list.field); err != nil {
						return err
					}
					if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO task_units (task, unit, lead) VALUES (?, ?, ?)`), t.Code, u, list.lead); err != nil {
						return err
					}
				}
			}
			return nil
		})
}

// ListTasks lists the tasks in the plan's order.
func (s *DB) ListTasks(ctx context.Context) ([]*sishui.Task, error) {
	if err := canReadPlan(ctx, "list tasks"); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT body FROM tasks ORDER BY part, seq, code`, nil, scanTask)
}

// GetTask returns a task.
func (s *DB) GetTask(ctx context.Context, code string) (*sishui.Task, error) {
	if err := canReadPlan(ctx, "get task"); err != nil {
		return nil, err
	}
	t, err := scanTask(s.DB.QueryRowContext(ctx, s.q(`SELECT body FROM tasks WHERE code = ?`), code))
	if err == sql.ErrNoRows {
		return nil, sishui.NotFound("task %q not found", code)
	}
	return t, err
}

// canReport checks that the actor may report on the task for the region.
func (s *DB) canReport(ctx context.Context, op string, t *sishui.Task, region string) error {
	a := sishui.ActorFrom(ctx)
	switch a.Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem:
		return nil
	case sishui.RoleDepartment:
		if t.LedBy(a.Unit) {
			return nil
		}
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: fmt.Sprintf("unit %s does not lead task %s", a.Unit, t.Code)}
	case sishui.RoleCounty:
		return s.canWrite(ctx, op, region)
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "this account may not report on tasks"}
}

// AddTaskReport stores a progress report with its attachments.
func (s *DB) AddTaskReport(ctx context.Context, r *sishui.TaskReport) error {
	const op = "add task report"
	if err := r.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	t, err := s.GetTask(ctx, r.Task)
	if err != nil {
		if sishui.ErrorCode(err) == sishui.ENOTFOUND {
			return sishui.Invalid("task", "task %q does not exist", r.Task)
		}
		return err
	}
	if r.Year < t.StartYear || r.Year > t.EndYear {
		return sishui.Invalid("year", "task %s runs %d–%d", t.Code, t.StartYear, t.EndYear)
	}
	if err := s.canReport(ctx, op, t, r.Region); err != nil {
		return err
	}
	a := sishui.ActorFrom(ctx)
	if a.Role == sishui.RoleDepartment {
		r.Unit = a.Unit
	}
	if r.Unit != "" && !t.LedBy(r.Unit) && !contains(t.CoUnits, r.Unit) {
		return sishui.Invalid("unit", "unit %q neither leads nor co-operates on task %s", r.Unit, t.Code)
	}
	r.Actor, r.Created = a.Username, fromMS(ms(s.Now()))
	figures, err := json.Marshal(r.Figures)
	if err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := exists(ctx, s, tx, "regions", "code", r.Region, "region"); err != nil {
			return err
		}
		var err error
		r.ID, err = s.insertID(ctx, tx, `INSERT INTO task_reports (task, year, quarter, region, unit, text, progress_pct, figures, done, at_risk, risk_reason, invented, actor, created_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.Task, r.Year, r.Quarter, r.Region, r.Unit, r.Text, r.ProgressPct, string(figures), r.Done, r.AtRisk, r.RiskReason, r.Invented, r.Actor, ms(r.Created))
		if err != nil {
			return err
		}
		if err := s.addAttachments(ctx, tx, "task_report", r.ID, r.Attachments); err != nil {
			return err
		}
		return s.audit(ctx, tx, "report", "task", r.Task, nil, reportAudit(r), "")
	})
	return s.mapErr(op, err, "")
}

// reportAudit is what the audit log keeps of a report: no attachment bytes.
func reportAudit(r *sishui.TaskReport) map[string]any {
	names := make([]string, len(r.Attachments))
	for i, a := range r.Attachments {
		names[i] = a.Name
	}
	return map[string]any{"id": r.ID, "year": r.Year, "quarter": r.Quarter, "region": r.Region, "unit": r.Unit,
		"progress_pct": r.ProgressPct, "done": r.Done, "at_risk": r.AtRisk, "risk_reason": r.RiskReason, "attachments": names}
}

// addAttachments stores files owned by (owner, id) inside tx, setting their IDs.
func (s *DB) addAttachments(ctx context.Context, tx *sql.Tx, owner string, id int64, as []sishui.StoredFile) error {
	actor := sishui.ActorFrom(ctx).Username
	now := fromMS(ms(s.Now()))
	for i := range as {
		a := &as[i]
		a.Size, a.Actor, a.Created = len(a.Data), actor, now
		var err error
		a.ID, err = s.insertID(ctx, tx, `INSERT INTO attachments (owner, owner_id, name, content_type, size, data, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			owner, id, a.Name, a.ContentType, a.Size, a.Data, a.Actor, ms(a.Created))
		if err != nil {
			return err
		}
	}
	return nil
}

// attachmentsOf lists the attachments (without data) of owners, by owner id.
func (s *DB) attachmentsOf(ctx context.Context, owner string) (map[int64][]sishui.StoredFile, error) {
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT owner_id, id, name, content_type, size, actor, created_ms FROM attachments WHERE owner = ? ORDER BY id`), owner)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]sishui.StoredFile{}
	for rows.Next() {
		var oid, created int64
		var a sishui.StoredFile
		if err := rows.Scan(&oid, &a.ID, &a.Name, &a.ContentType, &a.Size, &a.Actor, &created); err != nil {
			return nil, err
		}
		a.Created = fromMS(created)
		out[oid] = append(out[oid], a)
	}
	return out, rows.Err()
}

// GetStoredFile returns an attachment with its data.
func (s *DB) GetStoredFile(ctx context.Context, id int64) (*sishui.StoredFile, error) {
	if err := canReadPlan(ctx, "get attachment"); err != nil {
		return nil, err
	}
	var a sishui.StoredFile
	var created int64
	err := s.DB.QueryRowContext(ctx, s.q(`SELECT id, name, content_type, size, data, actor, created_ms FROM attachments WHERE id = ?`), id).
		Scan(&a.ID, &a.Name, &a.ContentType, &a.Size, &a.Data, &a.Actor, &created)
	if err == sql.ErrNoRows {
		return nil, sishui.NotFound("attachment %d not found", id)
	}
	a.Created = fromMS(created)
	return &a, err
}

// ListTaskReports lists reports, oldest first.
func (s *DB) ListTaskReports(ctx context.Context, f sishui.TaskReportFilter) ([]*sishui.TaskReport, error) {
	if err := canReadPlan(ctx, "list task reports"); err != nil {
		return nil, err
	}
	var w where
	if f.Task != "" {
		w.add("task = ?", f.Task)
	}
	if f.Region != "" {
		w.add("region = ?", f.Region)
	}
	if f.Year != 0 {
		w.add("year = ?", f.Year)
	}
	out, err := all(ctx, s, `SELECT id, task, year, quarter, region, unit, text, progress_pct, figures, done, at_risk, risk_reason, invented, actor, created_ms
		FROM task_reports`+w.String()+` ORDER BY year, quarter, id`, w.args, func(sc scanner) (*sishui.TaskReport, error) {
		var r sishui.TaskReport
		var figures string
		var created int64
		err := sc.Scan(&r.ID, &r.Task, &r.Year, &r.Quarter, &r.Region, &r.Unit, &r.Text, &r.ProgressPct, &figures, &r.Done, &r.AtRisk, &r.RiskReason, &r.Invented, &r.Actor, &created)
		if err != nil {
			return nil, err
		}
		r.Created = fromMS(created)
		return &r, json.Unmarshal([]byte(figures), &r.Figures)
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	att, err := s.attachmentsOf(ctx, "task_report")
	if err != nil {
		return nil, err
	}
	for _, r := range out {
		r.Attachments = att[r.ID]
	}
	return out, nil
}

const statEntryCols = `id, region, year, metric, value, source, note, unit, status, entered_by, entered_ms, reviewed_by, reviewed_ms, review_note`

func scanStatEntry(sc scanner) (*sishui.StatisticEntry, error) {
	var e sishui.StatisticEntry
	var entered, reviewed int64
	err := sc.Scan(&e.ID, &e.Region, &e.Year, &e.Metric, &e.Value, &e.Source, &e.Note, &e.Unit, &e.Status, &e.EnteredBy, &entered, &e.ReviewedBy, &reviewed, &e.ReviewNote)
	e.Entered, e.Reviewed = fromMS(entered), fromMS(reviewed)
	return &e, err
}

// EnterStatistics stores entries for review, all or none.
func (s *DB) EnterStatistics(ctx context.Context, es []*sishui.StatisticEntry) error {
	const op = "enter statistics"
	a := sishui.ActorFrom(ctx)
	var unit *sishui.Unit
	switch a.Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem, sishui.RoleCounty:
	case sishui.RoleDepartment:
		var err error
		if unit, err = s.GetUnit(ctx, a.Unit); err != nil {
			return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "the account's unit " + a.Unit + " is not registered"}
		}
	default:
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "this account may not enter statistics"}
	}
	now := fromMS(ms(s.Now()))
	for i, e := range es {
		if err := e.Statistic.Validate(); err != nil {
			if len(es) > 1 {
				return sishui.Invalid(fmt.Sprintf("entries[%d].%s", i, sishui.ErrorField(err)), "%s", sishui.ErrorMessage(err))
			}
			return s.mapErr(op, err, "")
		}
		if a.Role == sishui.RoleCounty {
			if err := s.canWrite(ctx, op, e.Region); err != nil {
				return err
			}
		}
		e.Unit = ""
		if unit != nil {
			if !contains(unit.Metrics, e.Metric) {
				return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: fmt.Sprintf("%s (%s) does not enter %s", unit.Name, unit.Code, e.Metric)}
			}
			e.Unit = unit.Code
		}
		e.Status, e.EnteredBy, e.Entered = sishui.EntryEntered, a.Username, now
		e.ReviewedBy, e.Reviewed, e.ReviewNote = "", time.Time{}, ""
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, e := range es {
			if err := exists(ctx, s, tx, "regions", "code", e.Region, "region"); err != nil {
				return err
			}
			var err error
			e.ID, err = s.insertID(ctx, tx, `INSERT INTO statistic_entries (region, year, metric, value, source, note, unit, status, entered_by, entered_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				e.Region, e.Year, e.Metric, e.Value, e.Source, e.Note, e.Unit, e.Status, e.EnteredBy, ms(e.Entered))
			if err != nil {
				return err
			}
			if err := s.audit(ctx, tx, "enter", "statistic_entry", strconv.FormatInt(e.ID, 10), nil, e, ""); err != nil {
				return err
			}
		}
		return nil
	})
	return s.mapErr(op, err, "")
}

// ReviewStatistic accepts or rejects an entered statistic.
func (s *DB) ReviewStatistic(ctx context.Context, id int64, accept bool, note string) (*sishui.StatisticEntry, error) {
	const op = "review statistic"
	if err := canWriteVocabulary(ctx, op); err != nil {
		return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only the water bureau (city staff) and administrators review entered statistics"}
	}
	if !accept && strings.TrimSpace(note) == "" {
		return nil, sishui.Invalid("note", "is required when rejecting: say what is wrong")
	}
	a := sishui.ActorFrom(ctx)
	var e *sishui.StatisticEntry
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = scanStatEntry(tx.QueryRowContext(ctx, s.q(`SELECT `+statEntryCols+` FROM statistic_entries WHERE id = ?`), id))
		if err == sql.ErrNoRows {
			return sishui.NotFound("statistic entry %d not found", id)
		}
		if err != nil {
			return err
		}
		if e.Status != sishui.EntryEntered {
			return &sishui.Error{Code: sishui.ECONFLICT, Op: op, Message: fmt.Sprintf("entry %d is already %s", id, e.Status)}
		}
		before := *e
		e.Status, e.ReviewedBy, e.Reviewed, e.ReviewNote = sishui.EntryRejected, a.Username, fromMS(ms(s.Now())), note
		if accept {
			e.Status = sishui.EntryAccepted
		}
		if _, err := updateOne(ctx, s, tx, id, `UPDATE statistic_entries SET status = ?, reviewed_by = ?, reviewed_ms = ?, review_note = ? WHERE id = ? AND status = ?`,
			e.Status, e.ReviewedBy, ms(e.Reviewed), e.ReviewNote, id, sishui.EntryEntered); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, e.Status, "statistic_entry", strconv.FormatInt(id, 10), before, e, note); err != nil {
			return err
		}
		if !accept {
			return nil
		}
		st := e.Statistic
		if st.Source == "" {
			st.Source = e.Unit
		}
		return s.writeStatistic(ctx, tx, &st, "accepted entry "+strconv.FormatInt(id, 10))
	})
	if err != nil {
		return nil, s.mapErr(op, err, "")
	}
	return e, nil
}

// ListStatisticEntries lists entries, newest first. Departments see their unit's, counties their regions'.
func (s *DB) ListStatisticEntries(ctx context.Context, f sishui.StatisticEntryFilter) ([]*sishui.StatisticEntry, error) {
	if err := canReadPlan(ctx, "list statistic entries"); err != nil {
		return nil, err
	}
	var w where
	a := sishui.ActorFrom(ctx)
	switch a.Role {
	case sishui.RoleDepartment:
		w.add("unit = ?", a.Unit)
	case sishui.RoleCounty:
		sc, err := s.scopeOf(ctx)
		if err != nil {
			return nil, err
		}
		sc.apply(&w, "region", "")
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	if f.Unit != "" {
		w.add("unit = ?", f.Unit)
	}
	if f.Region != "" {
		w.add("region = ?", f.Region)
	}
	if f.Year != 0 {
		w.add("year = ?", f.Year)
	}
	return all(ctx, s, `SELECT `+statEntryCols+` FROM statistic_entries`+w.String()+` ORDER BY id DESC`, w.args, scanStatEntry)
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
