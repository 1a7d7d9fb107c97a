package sishui

import (
	"context"
	"strings"
	"time"
)

// Account is a person who logs in (or a machine's owner). Terminals are not accounts.
type Account struct {
	ID           int64  `json:"id"`
	Username     string `json:"username"`
	DisplayName  string `json:"display_name,omitempty"`
	Role         string `json:"role"`
	Region       string `json:"region,omitempty"`     // county accounts: their county
	WaterUser    int64  `json:"water_user,omitempty"` // enterprise accounts: their water user
	Unit         string `json:"unit,omitempty"`       // department accounts: their unit (Unit.Code)
	Disabled     bool   `json:"disabled"`
	PasswordHash string `json:"-"`
	// TOTPEnabled: logins need a one-time code (RFC 6238) besides the password.
	TOTPEnabled bool `json:"totp_enabled"`
	// TOTPSecret is the shared secret (base32), set at enrolment, live once confirmed.
	TOTPSecret string `json:"-"`
	// TOTPLastStep is the last time step whose code was accepted (codes are single-use).
	TOTPLastStep int64 `json:"-"`
	// ModelsGranted lets an enterprise account run the models (others may anyway).
	ModelsGranted bool      `json:"models_granted,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
}

// TOTPRole reports whether accounts of the role may use a second factor
// (administrators and city staff: the accounts that change the most).
func TOTPRole(role string) bool { return role == RoleAdmin || role == RoleCity }

// AccountFilter selects accounts.
type AccountFilter struct {
	Role  string
	Query string // case-insensitive substring of the username or display name
	Page
}

// Roles that accounts may have.
var AccountRoles = []string{RoleAdmin, RoleCity, RoleCounty, RoleEnterprise, RoleDepartment, RoleAuditor}

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
	if a.Role == RoleDepartment && !isCode(a.Unit) {
		return Invalid("unit", "a department account must name its unit")
	}
	if a.Role != RoleDepartment && a.Unit != "" {
		return Invalid("unit", "only department accounts have a unit")
	}
	return nil
}

// Actor returns the actor this account acts as.
func (a *Account) Actor() *Actor {
	return &Actor{ID: a.ID, Username: a.Username, Role: a.Role, Region: a.Region, WaterUser: a.WaterUser, Unit: a.Unit}
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
	// SetTOTP stores a second-factor secret and whether it is live ("" and false
	// remove it). Audited without the secret. ENOTFOUND for an unknown account.
	// The account itself may change its own; administrators any.
	SetTOTP(ctx context.Context, username, secret string, enabled bool) error
	// UseTOTPStep records that the code of time step was used; it returns false
	// when that step (or a later one) was already used: a replayed code.
	UseTOTPStep(ctx context.Context, accountID, step int64) (bool, error)
	// SetModelsGranted lets an enterprise account run models, or stops it (administrators; audited).
	SetModelsGranted(ctx context.Context, username string, granted bool) error

	CreateCredential(ctx context.Context, c *Credential) error
	// CredentialByHash returns ENOTFOUND for an unknown, revoked or expired credential.
	CredentialByHash(ctx context.Context, hash string, now time.Time) (*Credential, error)
	ListCredentials(ctx context.Context, accountID int64, kind string) ([]*Credential, error)
	// RevokeCredential revokes a credential of the account (any account's, for administrators).
	RevokeCredential(ctx context.Context, id int64) error
	TouchCredential(ctx context.Context, id int64, now time.Time) error
}
