package sishui

import (
	"context"
	"time"
)

// LoginFailures counts failed logins for one account from one client address
// (Client "*" counts them from every address). Counters live in the store so
// that every API node sees the same.
type LoginFailures struct {
	AccountID int64     `json:"account_id"`
	Client    string    `json:"client"`
	Failures  int       `json:"failures"`
	First     time.Time `json:"first"`
	Last      time.Time `json:"last"`
}

// AnyClient is the Client of an account's counter over every address.
const AnyClient = "*"

// LoginGuardStore keeps failed-login counters. It is not audited (counting is
// not a change of data), except UnlockAccount, which an administrator does.
type LoginGuardStore interface {
	// LoginFailures returns the counters of (account, client) and (account, AnyClient);
	// a counter never written has Failures 0.
	LoginFailures(ctx context.Context, accountID int64, client string) (pair, account LoginFailures, err error)
	// AddLoginFailure adds one failure to (account, client) and (account, AnyClient),
	// starting a counter afresh when its last failure is older than now-reset.
	AddLoginFailure(ctx context.Context, accountID int64, client string, now time.Time, reset time.Duration) error
	// ClearLoginFailures removes the (account, client) counter after a good login.
	ClearLoginFailures(ctx context.Context, accountID int64, client string) error
	// EvictLoginFailures deletes the counters with the oldest last failure until
	// at most keep remain; it never deletes more than that.
	EvictLoginFailures(ctx context.Context, keep int) (int, error)
	// UnlockAccount removes every counter of the account (administrators; audited).
	// ENOTFOUND for an unknown account.
	UnlockAccount(ctx context.Context, username string) error
}
