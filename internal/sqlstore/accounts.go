package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/sishui/sishui"
)

const accountCols = `id, username, display_name, role, COALESCE(region, ''), COALESCE(water_user, 0), COALESCE(unit, ''), disabled, password_hash, totp_secret, totp_enabled, totp_last_step, models_granted, created_ms`

func scanAccount(sc scanner) (*sishui.Account, error) {
	var a sishui.Account
	var created int64
	err := sc.Scan(&a.ID, &a.Username, &a.DisplayName, &a.Role, &a.Region, &a.WaterUser, &a.Unit, &a.Disabled, &a.PasswordHash, &a.TOTPSecret, &a.TOTPEnabled, &a.TOTPLastStep, &a.ModelsGranted, &created)
	a.CreatedAt = fromMS(created)
	return &a, err
}

func canManageAccounts(ctx context.Context, op string) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleSystem:
		return nil
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only administrators may manage accounts"}
}

// auditAccount is what the audit log keeps of an account: never the hash.
func auditAccount(a *sishui.Account) map[string]any {
	return map[string]any{"username": a.Username, "role": a.Role, "region": a.Region, "water_user": a.WaterUser, "unit": a.Unit, "disabled": a.Disabled, "display_name": a.DisplayName, "totp_enabled": a.TOTPEnabled, "totp_enrolling": a.TOTPSecret != "" && !a.TOTPEnabled, "models_granted": a.ModelsGranted}
}

// CreateAccount creates an account.
func (s *DB) CreateAccount(ctx context.Context, a *sishui.Account) error {
	const op = "create account"
	if err := canManageAccounts(ctx, op); err != nil {
		return err
	}
	if err := a.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	a.CreatedAt = fromMS(ms(s.Now()))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if a.Region != "" {
			if err := exists(ctx, s, tx, "regions", "code", a.Region, "region"); err != nil {
				return err
			}
		}
		if a.WaterUser != 0 {
			if err := exists(ctx, s, tx, "water_users", "id", a.WaterUser, "water_user"); err != nil {
				return err
			}
		}
		if a.Unit != "" {
			if err := exists(ctx, s, tx, "units", "code", a.Unit, "unit"); err != nil {
				return err
			}
		}
		id, err := s.insertID(ctx, tx, `INSERT INTO accounts (username, display_name, role, region, water_user, unit, disabled, password_hash, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.Username, a.DisplayName, a.Role, nullStr(a.Region), nullInt(a.WaterUser), nullStr(a.Unit), a.Disabled, a.PasswordHash, ms(a.CreatedAt))
		if err != nil {
			return err
		}
		a.ID = id
		return s.audit(ctx, tx, "create", "account", a.Username, nil, auditAccount(a), "")
	})
	return s.mapErr(op, err, "username "+a.Username+" is taken")
}

// AccountByUsername returns an account by name.
func (s *DB) AccountByUsername(ctx context.Context, username string) (*sishui.Account, error) {
	a, err := scanAccount(s.DB.QueryRowContext(ctx, s.q(`SELECT `+accountCols+` FROM accounts WHERE username = ?`), username))
	if err != nil {
		return nil, s.mapErr("account "+username, err, "")
	}
	return a, nil
}

// GetAccount returns an account by id.
func (s *DB) GetAccount(ctx context.Context, id int64) (*sishui.Account, error) {
	a, err := scanAccount(s.DB.QueryRowContext(ctx, s.q(`SELECT `+accountCols+` FROM accounts WHERE id = ?`), id))
	if err != nil {
		return nil, s.mapErr("get account", err, "")
	}
	return a, nil
}

// ListAccounts lists accounts (administrators and auditors), by username
// unless the page sorts otherwise.
func (s *DB) ListAccounts(ctx context.Context, f sishui.AccountFilter) ([]*sishui.Account, int, error) {
	if err := canReadAudit(ctx); err != nil {
		return nil, 0, err
	}
	var w where
	if f.Role != "" {
		w.add("role = ?", f.Role)
	}
	w.search(f.Query, "username", "display_name")
	order, err := accountSort.orderBy(f.Page)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, "accounts", accountCols, &w, order, f.Page, scanAccount)
}

func (s *DB) updateAccount(ctx context.Context, op, username, action string, query string, args ...any) error {
	if err := canManageAccounts(ctx, op); err != nil {
		return err
	}
	return s.changeAccount(ctx, op, username, action, query, args...)
}

// changeAccount runs query on one account and audits the change; the caller checked permission.
func (s *DB) changeAccount(ctx context.Context, op, username, action string, query string, args ...any) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanAccount(tx.QueryRowContext(ctx, s.q(`SELECT `+accountCols+` FROM accounts WHERE username = ?`), username))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(query), args...); err != nil {
			return err
		}
		after, err := scanAccount(tx.QueryRowContext(ctx, s.q(`SELECT `+accountCols+` FROM accounts WHERE username = ?`), username))
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, action, "account", username, auditAccount(before), auditAccount(after), "")
	})
	s.authChanged()
	return s.mapErr(op, err, "")
}

// AuthGeneration moves whenever this process changes an account or revokes
// a credential (after the change commits): a cache of authenticated
// credentials keyed on it sees the change at once (auth.Service).
func (s *DB) AuthGeneration() uint64 { return s.authGen.Load() }

func (s *DB) authChanged() { s.authGen.Add(1) }

// SetAccountDisabled disables or enables an account; disabling revokes its credentials.
func (s *DB) SetAccountDisabled(ctx context.Context, username string, disabled bool) error {
	action := "enable"
	if disabled {
		action = "disable"
	}
	if err := s.updateAccount(ctx, action+" account", username, action, `UPDATE accounts SET disabled = ? WHERE username = ?`, disabled, username); err != nil {
		return err
	}
	if disabled {
		_, err := s.DB.ExecContext(ctx, s.q(`UPDATE credentials SET revoked = TRUE WHERE account_id = (SELECT id FROM accounts WHERE username = ?)`), username)
		s.authChanged()
		return err
	}
	return nil
}

// SetPassword replaces an account's password hash: an administrator, or the
// account itself (self-service change; the caller checked the current password).
func (s *DB) SetPassword(ctx context.Context, username, hash string) error {
	if a := sishui.ActorFrom(ctx); a.Username == username && a.Role != "" && a.Role != sishui.RoleAdmin {
		return s.changeAccount(ctx, "set password", username, "change_own_password",
			`UPDATE accounts SET password_hash = ? WHERE username = ?`, hash, username)
	}
	return s.updateAccount(ctx, "set password", username, "set_password",
		`UPDATE accounts SET password_hash = ? WHERE username = ?`, hash, username)
}

// SetTOTP stores an account's second factor; the account itself or an administrator.
func (s *DB) SetTOTP(ctx context.Context, username, secret string, enabled bool) error {
	const op = "set second factor"
	if a := sishui.ActorFrom(ctx); a.Username != username {
		if err := canManageAccounts(ctx, op); err != nil {
			return err
		}
	}
	action := "totp_enrol"
	switch {
	case enabled:
		action = "totp_enable"
	case secret == "":
		action = "totp_disable"
	}
	return s.changeAccount(ctx, op, username, action,
		`UPDATE accounts SET totp_secret = ?, totp_enabled = ?, totp_last_step = 0 WHERE username = ?`, secret, enabled, username)
}

// SetModelsGranted lets an account run models, or not.
func (s *DB) SetModelsGranted(ctx context.Context, username string, granted bool) error {
	action := "revoke_models"
	if granted {
		action = "grant_models"
	}
	return s.updateAccount(ctx, "grant models", username, action, `UPDATE accounts SET models_granted = ? WHERE username = ?`, granted, username)
}

// UseTOTPStep marks a time step used, refusing a step at or before the last one used.
func (s *DB) UseTOTPStep(ctx context.Context, accountID, step int64) (bool, error) {
	res, err := s.DB.ExecContext(ctx, s.q(`UPDATE accounts SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?`), step, accountID, step)
	if err != nil {
		return false, s.mapErr("use one-time code", err, "")
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

const credCols = `c.id, c.kind, c.account_id, a.username, c.name, c.hash, c.csrf, c.created_ms, c.expires_ms, c.revoked, c.last_used_ms`

func scanCred(sc scanner) (*sishui.Credential, error) {
	var c sishui.Credential
	var created, expires, used int64
	err := sc.Scan(&c.ID, &c.Kind, &c.AccountID, &c.Username, &c.Name, &c.Hash, &c.CSRF, &created, &expires, &c.Revoked, &used)
	c.Created, c.Expires, c.LastUsed = fromMS(created), fromMS(expires), fromMS(used)
	return &c, err
}

// CreateCredential stores a session or token; tokens are audited.
func (s *DB) CreateCredential(ctx context.Context, c *sishui.Credential) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := s.insertID(ctx, tx, `INSERT INTO credentials (kind, account_id, name, hash, csrf, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			c.Kind, c.AccountID, c.Name, c.Hash, c.CSRF, ms(c.Created), ms(c.Expires))
		if err != nil {
			return err
		}
		c.ID = id
		if c.Kind == sishui.CredentialToken {
			return s.audit(ctx, tx, "create", "token", itoa64(id), nil, map[string]any{"account_id": c.AccountID, "name": c.Name, "expires": c.Expires}, "")
		}
		return nil
	})
	return s.mapErr("create credential", err, "credential exists")
}

// CredentialByHash finds a live credential.
func (s *DB) CredentialByHash(ctx context.Context, hash string, now time.Time) (*sishui.Credential, error) {
	c, err := scanCred(s.DB.QueryRowContext(ctx, s.q(`SELECT `+credCols+` FROM credentials c JOIN accounts a ON a.id = c.account_id
		WHERE c.hash = ? AND c.revoked = FALSE AND c.expires_ms > ? AND a.disabled = FALSE`), hash, ms(now)))
	if err != nil {
		return nil, s.mapErr("credential", err, "")
	}
	return c, nil
}

// ListCredentials lists an account's credentials of a kind (0: every account, for administrators).
func (s *DB) ListCredentials(ctx context.Context, accountID int64, kind string) ([]*sishui.Credential, error) {
	var w where
	if accountID != 0 {
		w.add("c.account_id = ?", accountID)
	}
	if kind != "" {
		w.add("c.kind = ?", kind)
	}
	return all(ctx, s, `SELECT `+credCols+` FROM credentials c JOIN accounts a ON a.id = c.account_id`+w.String()+` ORDER BY c.id`, w.args, scanCred)
}

// RevokeCredential revokes a credential. Non-administrators may revoke only their own.
func (s *DB) RevokeCredential(ctx context.Context, id int64) error {
	actor := sishui.ActorFrom(ctx)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := scanCred(tx.QueryRowContext(ctx, s.q(`SELECT `+credCols+` FROM credentials c JOIN accounts a ON a.id = c.account_id WHERE c.id = ?`), id))
		if err != nil {
			return err
		}
		if actor.Role != sishui.RoleAdmin && actor.Role != sishui.RoleSystem && c.AccountID != actor.ID {
			return sishui.NotFound("credential %d not found", id)
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE credentials SET revoked = TRUE WHERE id = ?`), id); err != nil {
			return err
		}
		if c.Kind == sishui.CredentialToken {
			return s.audit(ctx, tx, "revoke", "token", itoa64(id), nil, nil, "")
		}
		return nil
	})
	s.authChanged()
	return s.mapErr("revoke credential", err, "")
}

// TouchCredential records a credential's last use.
func (s *DB) TouchCredential(ctx context.Context, id int64, now time.Time) error {
	_, err := s.DB.ExecContext(ctx, s.q(`UPDATE credentials SET last_used_ms = ? WHERE id = ?`), ms(now), id)
	return err
}
