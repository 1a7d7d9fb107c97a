package sishui

import (
	"context"
	"strings"
	"time"
)

// Account is a person who logs in (or a machine's owner). Terminals are not accounts.
type Account struct {
	ID           int64     `json:"id"`
	Username     string    `json:"username"`
	DisplayName  string    `json:"display_name,omitempty"`
	Role         string    `json:"role"`
	Region       string    `json:"region,omitempty"`     // county accounts: their county
	WaterUser    int64     `json:"water_user,omitempty"` // enterprise accounts: their water user
	Disabled     bool      `json:"disabled"`
	PasswordHash string    `json:"-"`
	FailedLogins int       `json:"failed_logins"`
	LockedUntil  time.Time `json:"locked_until,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
}

// AccountFilter selects accounts.
type AccountFilter struct {
	Role  string
	Query string // case-insensitive substring of the username or display name
	Page
}

// Roles that accounts may have.
var AccountRoles = []string{RoleAdmin, RoleCity, RoleCounty, RoleEnterprise, RoleAuditor}

// Validate checks the account's fields.
func (a *Account) Validate() error {
	if len(a.Username) < 3 || len(a.Username) > 64 || strings.TrimFunc(a.Username, func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-'
	}) != "" {
		return Invalid("username", "must be 3–64 characters of a–z, 0–9, _, . and -")
	}
	if !contains(AccountRoles, a.Role) {
		return Invalid("role", "must be one of %s", strings.Join(AccountRoles, ", "))
	}
	if a.Role == RoleCounty && !isDigits(a.Region, 6) {
		return Invalid("region", "a county account must name its 6-digit region")
	}
	if a.Role != RoleCounty && a.Region != "" {
		return Invalid("region", "only county accounts have a region")
	}
	if a.Role == RoleEnterprise && a.WaterUser <= 0 {
		return Invalid("water_user", "an enterprise account must name its water user")
	}
	if a.Role != RoleEnterprise && a.WaterUser != 0 {
		return Invalid("water_user", "only enterprise accounts have a water user")
	}
	return nil
}

// Actor returns the actor this account acts as.
func (a *Account) Actor() *Actor {
	return &Actor{ID: a.ID, Username: a.Username, Role: a.Role, Region: a.Region, WaterUser: a.WaterUser}
}

// Credential kinds.
const (
	CredentialSession = "session" // web UI login, in a cookie
	CredentialToken   = "token"   // API token for machines
)

// Credential is a session or an API token. Only the SHA-256 hash of its secret is stored.
type Credential struct {
	ID        int64     `json:"id"`
	Kind      string    `json:"kind"`
	AccountID int64     `json:"account_id"`
	Username  string    `json:"username"`
	Name      string    `json:"name,omitempty"` // a token's label
	Hash      string    `json:"-"`
	CSRF      string    `json:"-"` // a session's CSRF token
	Created   time.Time `json:"created"`
	Expires   time.Time `json:"expires"`
	Revoked   bool      `json:"revoked"`
	LastUsed  time.Time `json:"last_used,omitempty"`
}

// AccountStore holds accounts and credentials. Writes are audited (never with
// secrets or hashes). Only administrators (and the system) change accounts.
type AccountStore interface {
	// CreateAccount sets ID; ECONFLICT on a taken username; EINVALID for a bad field
	// or a region/water user that does not exist.
	CreateAccount(ctx context.Context, a *Account) error
	// AccountByUsername returns ENOTFOUND for an unknown name. It is unscoped (login uses it).
	AccountByUsername(ctx context.Context, username string) (*Account, error)
	GetAccount(ctx context.Context, id int64) (*Account, error)
	ListAccounts(ctx context.Context, f AccountFilter) ([]*Account, int, error)
	SetAccountDisabled(ctx context.Context, username string, disabled bool) error
	SetPassword(ctx context.Context, username, hash string) error
	// RecordLogin stores the outcome of a login attempt: failures and lock, or a reset on success.
	RecordLogin(ctx context.Context, id int64, failed int, lockedUntil time.Time) error

	CreateCredential(ctx context.Context, c *Credential) error
	// CredentialByHash returns ENOTFOUND for an unknown, revoked or expired credential.
	CredentialByHash(ctx context.Context, hash string, now time.Time) (*Credential, error)
	ListCredentials(ctx context.Context, accountID int64, kind string) ([]*Credential, error)
	// RevokeCredential revokes a credential of the account (any account's, for administrators).
	RevokeCredential(ctx context.Context, id int64) error
	TouchCredential(ctx context.Context, id int64, now time.Time) error
}
