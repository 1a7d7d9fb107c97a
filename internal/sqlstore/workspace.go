package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"

	"github.com/sishui/sishui"
)

// The scenario workspace: scenarios, their versions and shares; and the live
// carrying-capacity history.

func canCreateScenario(ctx context.Context, op string) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleCounty, sishui.RoleSystem:
		return nil
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "this account may not create scenarios"}
}

// scenarioAccess returns the caller's access to a scenario ("owner", "edit",
// "read") or ENOTFOUND when it has none or the scenario does not exist.
func (s *DB) scenarioAccess(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, op string, id int64) (string, error) {
	a := sishui.ActorFrom(ctx)
	var owner string
	if err := q.QueryRowContext(ctx, s.q(`SELECT owner FROM scenarios WHERE id = ?`), id).Scan(&owner); err != nil {
		if err == sql.ErrNoRows {
			return "", &sishui.Error{Code: sishui.ENOTFOUND, Op: op, Message: "scenario " + strconv.FormatInt(id, 10) + " not found"}
		}
		return "", err
	}
	if owner == a.Username && a.Role != sishui.RolePublic {
		return "owner", nil
	}
	var access string
	err := q.QueryRowContext(ctx, s.q(`SELECT access FROM scenario_shares WHERE scenario = ? AND account = ?`), id, a.Username).Scan(&access)
	if err != nil && err != sql.ErrNoRows {
		return "", err
	}
	if access != "" && a.Role != sishui.RolePublic {
		return access, nil
	}
	switch a.Role {
	case sishui.RoleAdmin, sishui.RoleAuditor, sishui.RoleSystem:
		return sishui.AccessRead, nil
	}
	return "", &sishui.Error{Code: sishui.ENOTFOUND, Op: op, Message: "scenario " + strconv.FormatInt(id, 10) + " not found"}
}

func canEditScenario(op, access string) error {
	if access == "owner" || access == sishui.AccessEdit {
		return nil
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "this scenario is shared read-only with this account"}
}

// CreateScenario stores version 1.
func (s *DB) CreateScenario(ctx context.Context, sc *sishui.Scenario) error {
	const op = "create scenario"
	if err := canCreateScenario(ctx, op); err != nil {
		return err
	}
	if err := sc.Validate(); err != nil {
		return err
	}
	a := sishui.ActorFrom(ctx)
	now := fromMS(ms(s.Now()))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if sc.Base != 0 {
			if _, err := s.scenarioAccess(ctx, tx, op, sc.Base); err != nil {
				return &sishui.Error{Code: sishui.EINVALID, Field: "base", Op: op, Message: "no scenario " + strconv.FormatInt(sc.Base, 10) + " visible to this account"}
			}
		}
		id, err := s.insertID(ctx, tx, `INSERT INTO scenarios (name, owner, base, version, note, created_ms, updated_ms) VALUES (?, ?, ?, 1, ?, ?, ?)`,
			sc.Name, a.Username, nullInt(sc.Base), sc.Note, ms(now), ms(now))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO scenario_versions (scenario, version, changes, actor, created_ms) VALUES (?, 1, ?, ?, ?)`),
			id, string(sc.Changes), a.Username, ms(now)); err != nil {
			return err
		}
		sc.ID, sc.Owner, sc.Version, sc.Created, sc.Updated, sc.Access, sc.Result = id, a.Username, 1, now, now, "owner", nil
		if sc.Shares == nil {
			sc.Shares = []sishui.ScenarioShare{}
		}
		return s.audit(ctx, tx, "create", "scenario", strconv.FormatInt(id, 10), nil, map[string]any{"name": sc.Name, "base": sc.Base, "changes": sc.Changes}, "")
	})
	return s.mapErr(op, err, "")
}

func scanScenario(sc scanner) (*sishui.Scenario, error) {
	var x sishui.Scenario
	var base sql.NullInt64
	var created, updated int64
	var changes string
	var result sql.NullString
	if err := sc.Scan(&x.ID, &x.Name, &x.Owner, &base, &x.Version, &x.Note, &created, &updated, &changes, &result); err != nil {
		return nil, err
	}
	x.Base, x.Created, x.Updated, x.Changes = base.Int64, fromMS(created), fromMS(updated), json.RawMessage(changes)
	if result.Valid {
		x.Result = json.RawMessage(result.String)
	}
	return &x, nil
}

const scenarioCols = `s.id, s.name, s.owner, s.base, s.version, s.note, s.created_ms, s.updated_ms, v.changes, v.result
	FROM scenarios s JOIN scenario_versions v ON v.scenario = s.id AND v.version = s.version`

func (s *DB) shares(ctx context.Context, id int64) ([]sishui.ScenarioShare, error) {
	return all(ctx, s, `SELECT account, access FROM scenario_shares WHERE scenario = ? ORDER BY account`, []any{id},
		func(sc interface{ Scan(...any) error }) (sishui.ScenarioShare, error) {
			var x sishui.ScenarioShare
			return x, sc.Scan(&x.Account, &x.Access)
		})
}

// GetScenario returns a scenario with its current version's changes and result.
func (s *DB) GetScenario(ctx context.Context, id int64) (*sishui.Scenario, error) {
	const op = "get scenario"
	access, err := s.scenarioAccess(ctx, s.DB, op, id)
	if err != nil {
		return nil, s.mapErr(op, err, "")
	}
	x, err := scanScenario(s.DB.QueryRowContext(ctx, s.q(`SELECT `+scenarioCols+` WHERE s.id = ?`), id))
	if err != nil {
		return nil, s.mapErr(op, err, "")
	}
	x.Access = access
	if x.Shares, err = s.shares(ctx, id); err != nil {
		return nil, s.mapErr(op, err, "")
	}
	return x, nil
}

// ListScenarios lists the visible scenarios, newest first, without results.
func (s *DB) ListScenarios(ctx context.Context) ([]*sishui.Scenario, error) {
	const op = "list scenarios"
	a := sishui.ActorFrom(ctx)
	if a.Role == sishui.RolePublic {
		return []*sishui.Scenario{}, nil
	}
	var w where
	switch a.Role {
	case sishui.RoleAdmin, sishui.RoleAuditor, sishui.RoleSystem:
	default:
		w.add("(s.owner = ? OR s.id IN (SELECT scenario FROM scenario_shares WHERE account = ?))", a.Username, a.Username)
	}
	list, err := all(ctx, s, `SELECT `+scenarioCols+w.String()+` ORDER BY s.updated_ms DESC, s.id DESC`, w.args, scanScenario)
	if err != nil {
		return nil, s.mapErr(op, err, "")
	}
	shares, err := all(ctx, s, `SELECT scenario, account, access FROM scenario_shares ORDER BY account`, nil,
		func(sc interface{ Scan(...any) error }) (struct {
			id int64
			sh sishui.ScenarioShare
		}, error) {
			var x struct {
				id int64
				sh sishui.ScenarioShare
			}
			return x, sc.Scan(&x.id, &x.sh.Account, &x.sh.Access)
		})
	if err != nil {
		return nil, s.mapErr(op, err, "")
	}
	byID := map[int64][]sishui.ScenarioShare{}
	for _, x := range shares {
		byID[x.id] = append(byID[x.id], x.sh)
	}
	for _, x := range list {
		x.Result = nil
		x.Shares = byID[x.ID]
		if x.Shares == nil {
			x.Shares = []sishui.ScenarioShare{}
		}
		switch {
		case x.Owner == a.Username:
			x.Access = "owner"
		default:
			x.Access = sishui.AccessRead
			for _, sh := range x.Shares {
				if sh.Account == a.Username {
					x.Access = sh.Access
				}
			}
		}
	}
	return list, nil
}

// SaveScenario stores a new version.
func (s *DB) SaveScenario(ctx context.Context, id int64, version int, name, note string, changes json.RawMessage) (*sishui.Scenario, error) {
	const op = "save scenario"
	probe := sishui.Scenario{Name: name, Note: note, Changes: changes}
	if probe.Name == "" {
		probe.Name = "-"
	}
	if err := probe.Validate(); err != nil {
		return nil, err
	}
	a := sishui.ActorFrom(ctx)
	now := fromMS(ms(s.Now()))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		access, err := s.scenarioAccess(ctx, tx, op, id)
		if err != nil {
			return err
		}
		if err := canEditScenario(op, access); err != nil {
			return err
		}
		var cur int
		var oldName, oldNote string
		if err := tx.QueryRowContext(ctx, s.q(`SELECT version, name, note FROM scenarios WHERE id = ?`), id).Scan(&cur, &oldName, &oldNote); err != nil {
			return err
		}
		if cur != version {
			return &sishui.Error{Code: sishui.ECONFLICT, Field: "version", Op: op,
				Message: "the scenario is at version " + strconv.Itoa(cur) + ", not " + strconv.Itoa(version) + "; reload it"}
		}
		if name == "" {
			name = oldName
		}
		if note == "" {
			note = oldNote
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE scenarios SET version = ?, name = ?, note = ?, updated_ms = ? WHERE id = ? AND version = ?`),
			cur+1, name, note, ms(now), id, cur)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return &sishui.Error{Code: sishui.ECONFLICT, Field: "version", Op: op, Message: "saved by someone else meanwhile; reload it"}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO scenario_versions (scenario, version, changes, actor, created_ms) VALUES (?, ?, ?, ?, ?)`),
			id, cur+1, string(changes), a.Username, ms(now)); err != nil {
			return err
		}
		return s.audit(ctx, tx, "update", "scenario", strconv.FormatInt(id, 10), map[string]any{"version": cur},
			map[string]any{"version": cur + 1, "name": name, "changes": changes}, "")
	})
	if err != nil {
		return nil, s.mapErr(op, err, "")
	}
	return s.GetScenario(ctx, id)
}

// SetScenarioResult attaches a result to a version.
func (s *DB) SetScenarioResult(ctx context.Context, id int64, version int, result json.RawMessage) error {
	const op = "set scenario result"
	if !json.Valid(result) {
		return sishui.Invalid("result", "must be JSON")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		access, err := s.scenarioAccess(ctx, tx, op, id)
		if err != nil {
			return err
		}
		if err := canEditScenario(op, access); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE scenario_versions SET result = ?, run_ms = ? WHERE scenario = ? AND version = ?`),
			string(result), ms(s.Now()), id, version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return &sishui.Error{Code: sishui.ENOTFOUND, Op: op, Message: "version " + strconv.Itoa(version) + " not found"}
		}
		return s.audit(ctx, tx, "run", "scenario", strconv.FormatInt(id, 10), nil, map[string]any{"version": version}, "")
	})
	return s.mapErr(op, err, "")
}

func scanVersion(sc interface{ Scan(...any) error }) (*sishui.ScenarioVersion, error) {
	var v sishui.ScenarioVersion
	var changes string
	var result sql.NullString
	var created int64
	if err := sc.Scan(&v.Scenario, &v.Version, &changes, &result, &v.Actor, &created, &v.RunMS); err != nil {
		return nil, err
	}
	v.Changes, v.Created = json.RawMessage(changes), fromMS(created)
	if result.Valid {
		v.Result = json.RawMessage(result.String)
	}
	return &v, nil
}

// ListScenarioVersions lists every version, oldest first, without results.
func (s *DB) ListScenarioVersions(ctx context.Context, id int64) ([]*sishui.ScenarioVersion, error) {
	const op = "list scenario versions"
	if _, err := s.scenarioAccess(ctx, s.DB, op, id); err != nil {
		return nil, s.mapErr(op, err, "")
	}
	vs, err := all(ctx, s, `SELECT scenario, version, changes, NULL, actor, created_ms, run_ms FROM scenario_versions WHERE scenario = ? ORDER BY version`, []any{id}, scanVersion)
	return vs, s.mapErr(op, err, "")
}

// GetScenarioVersion returns one version with its result.
func (s *DB) GetScenarioVersion(ctx context.Context, id int64, version int) (*sishui.ScenarioVersion, error) {
	const op = "get scenario version"
	if _, err := s.scenarioAccess(ctx, s.DB, op, id); err != nil {
		return nil, s.mapErr(op, err, "")
	}
	v, err := scanVersion(s.DB.QueryRowContext(ctx, s.q(`SELECT scenario, version, changes, result, actor, created_ms, run_ms FROM scenario_versions WHERE scenario = ? AND version = ?`), id, version))
	return v, s.mapErr(op, err, "")
}

// ShareScenario grants, changes or removes an account's access.
func (s *DB) ShareScenario(ctx context.Context, id int64, account, access string) error {
	const op = "share scenario"
	switch access {
	case "", sishui.AccessRead, sishui.AccessEdit:
	default:
		return sishui.Invalid("access", "must be read, edit or empty (remove)")
	}
	if err := sishui.CheckName("account", account); err != nil {
		return err
	}
	if account == "" {
		return sishui.Invalid("account", "is required")
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		acc, err := s.scenarioAccess(ctx, tx, op, id)
		if err != nil {
			return err
		}
		if acc != "owner" {
			return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only the owner shares a scenario"}
		}
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM accounts WHERE username = ?`), account).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &sishui.Error{Code: sishui.EINVALID, Field: "account", Op: op, Message: "no account " + strconv.Quote(account)}
		}
		if account == sishui.ActorFrom(ctx).Username {
			return &sishui.Error{Code: sishui.EINVALID, Field: "account", Op: op, Message: "the owner already has every access"}
		}
		if access == "" {
			_, err = tx.ExecContext(ctx, s.q(`DELETE FROM scenario_shares WHERE scenario = ? AND account = ?`), id, account)
		} else {
			_, err = tx.ExecContext(ctx, s.q(`INSERT INTO scenario_shares (scenario, account, access) VALUES (?, ?, ?)
				ON CONFLICT (scenario, account) DO UPDATE SET access = excluded.access`), id, account, access)
		}
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "share", "scenario", strconv.FormatInt(id, 10), nil, map[string]any{"account": account, "access": access}, "")
	})
	return s.mapErr(op, err, "")
}

// DeleteScenario removes a scenario (owner only).
func (s *DB) DeleteScenario(ctx context.Context, id int64) error {
	const op = "delete scenario"
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		acc, err := s.scenarioAccess(ctx, tx, op, id)
		if err != nil {
			return err
		}
		if acc != "owner" && sishui.ActorFrom(ctx).Role != sishui.RoleAdmin {
			return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only the owner or an administrator deletes a scenario"}
		}
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM scenarios WHERE base = ?`), id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &sishui.Error{Code: sishui.ECONFLICT, Op: op, Message: strconv.Itoa(n) + " scenario(s) start from this one"}
		}
		for _, q := range []string{`DELETE FROM scenario_shares WHERE scenario = ?`, `DELETE FROM scenario_versions WHERE scenario = ?`, `DELETE FROM scenarios WHERE id = ?`} {
			if _, err := tx.ExecContext(ctx, s.q(q), id); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, "delete", "scenario", strconv.FormatInt(id, 10), nil, nil, "")
	})
	return s.mapErr(op, err, "")
}

// UpsertCapacityMonth stores a county's month of the live grade.
func (s *DB) UpsertCapacityMonth(ctx context.Context, m *sishui.CapacityMonth) error {
	const op = "upsert capacity month"
	if err := canWriteVocabulary(ctx, op); err != nil {
		return err
	}
	if m.Month < 194901 || m.Month > 220012 || m.Month%100 < 1 || m.Month%100 > 12 {
		return sishui.Invalid("month", "must be yyyymm, got %d", m.Month)
	}
	if m.Computed.IsZero() {
		m.Computed = s.Now()
	}
	m.Computed = fromMS(ms(m.Computed))
	_, err := s.DB.ExecContext(ctx, s.q(`INSERT INTO capacity_history (region, month, body, computed_ms) VALUES (?, ?, ?, ?)
		ON CONFLICT (region, month) DO UPDATE SET body = excluded.body, computed_ms = excluded.computed_ms`),
		m.Region, m.Month, mustJSON(m), ms(m.Computed))
	return s.mapErr(op, err, "")
}

// ListCapacityHistory lists stored months within the caller's scope.
func (s *DB) ListCapacityHistory(ctx context.Context, region string, from, to int) ([]*sishui.CapacityMonth, error) {
	const op = "list capacity history"
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	var w where
	if sishui.ActorFrom(ctx).Role != sishui.RolePublic {
		sc.apply(&w, "region", "")
	}
	if region != "" {
		w.add("region = ?", region)
	}
	if from > 0 {
		w.add("month >= ?", from)
	}
	if to > 0 {
		w.add("month <= ?", to)
	}
	out, err := all(ctx, s, `SELECT body FROM capacity_history`+w.String()+` ORDER BY region, month`, w.args, jsonBody[sishui.CapacityMonth])
	return out, s.mapErr(op, err, "")
}
