package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"github.com/sishui/sishui"
)

// LoginFailures returns the (account, client) and (account, any client) counters.
func (s *DB) LoginFailures(ctx context.Context, accountID int64, client string) (pair, account sishui.LoginFailures, err error) {
	pair = sishui.LoginFailures{AccountID: accountID, Client: client}
	account = sishui.LoginFailures{AccountID: accountID, Client: sishui.AnyClient}
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT client, failures, first_ms, last_ms FROM login_failures WHERE account_id = ? AND client IN (?, ?)`), accountID, client, sishui.AnyClient)
	if err != nil {
		return pair, account, s.mapErr("login failures", err, "")
	}
	defer rows.Close()
	for rows.Next() {
		var c string
		var n int
		var first, last int64
		if err := rows.Scan(&c, &n, &first, &last); err != nil {
			return pair, account, err
		}
		f := sishui.LoginFailures{AccountID: accountID, Client: c, Failures: n, First: fromMS(first), Last: fromMS(last)}
		if c == sishui.AnyClient {
			account = f
		} else {
			pair = f
		}
	}
	return pair, account, rows.Err()
}

// AddLoginFailure counts one failure on both counters in one statement each.
func (s *DB) AddLoginFailure(ctx context.Context, accountID int64, client string, now time.Time, reset time.Duration) error {
	stale := ms(now) - reset.Milliseconds()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, c := range []string{client, sishui.AnyClient} {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO login_failures (account_id, client, failures, first_ms, last_ms) VALUES (?, ?, 1, ?, ?)
				ON CONFLICT (account_id, client) DO UPDATE SET
				failures = CASE WHEN login_failures.last_ms < ? THEN 1 ELSE login_failures.failures + 1 END,
				first_ms = CASE WHEN login_failures.last_ms < ? THEN excluded.first_ms ELSE login_failures.first_ms END,
				last_ms = excluded.last_ms`), accountID, c, ms(now), ms(now), stale, stale); err != nil {
				return err
			}
		}
		return nil
	})
	return s.mapErr("add login failure", err, "")
}

// ClearLoginFailures removes one (account, client) counter.
func (s *DB) ClearLoginFailures(ctx context.Context, accountID int64, client string) error {
	_, err := s.DB.ExecContext(ctx, s.q(`DELETE FROM login_failures WHERE account_id = ? AND client = ?`), accountID, client)
	return s.mapErr("clear login failures", err, "")
}

// EvictLoginFailures keeps the keep most recent counters.
func (s *DB) EvictLoginFailures(ctx context.Context, keep int) (int, error) {
	if keep < 0 {
		keep = 0
	}
	var n int
	if err := s.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM login_failures`).Scan(&n); err != nil {
		return 0, s.mapErr("evict login failures", err, "")
	}
	if n <= keep {
		return 0, nil
	}
	// The oldest n-keep rows, chosen by (last_ms, account_id, client) so ties never take more.
	res, err := s.DB.ExecContext(ctx, s.q(`DELETE FROM login_failures WHERE EXISTS (
		SELECT 1 FROM (SELECT account_id, client FROM login_failures ORDER BY last_ms, account_id, client LIMIT ?) o
		WHERE o.account_id = login_failures.account_id AND o.client = login_failures.client)`), n-keep)
	if err != nil {
		return 0, s.mapErr("evict login failures", err, "")
	}
	d, err := res.RowsAffected()
	return int(d), err
}

// UnlockAccount removes every failure counter of the account, audited.
func (s *DB) UnlockAccount(ctx context.Context, username string) error {
	const op = "unlock account"
	if err := canManageAccounts(ctx, op); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM accounts WHERE username = ?`), username).Scan(&id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM login_failures WHERE account_id = ?`), id)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		return s.audit(ctx, tx, "unlock", "account", username, nil, map[string]any{"counters_cleared": n}, "")
	})
	return s.mapErr(op, err, "")
}
