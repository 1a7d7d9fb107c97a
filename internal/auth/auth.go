// Package auth identifies the people and machines that call sishui: password
// logins with bcrypt, sessions in HttpOnly cookies with a CSRF token, API
// tokens for machines (shown once, stored hashed, revocable, expiring), login
// rate limiting and lockout. What an identified caller may see and change is
// decided where data is queried (the stores scope by sishui.Actor).
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/sishui/sishui"
)

// Cookie names.
const (
	SessionCookie = "sishui_session"
	CSRFCookie    = "sishui_csrf"
	CSRFHeader    = "X-CSRF-Token"
)

// Secret prefixes make leaked secrets recognisable.
const (
	sessionPrefix = "sss_"
	tokenPrefix   = "sst_"
)

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 8

// Service authenticates callers. Its exported fields are its configuration.
type Service struct {
	Store sishui.AccountStore
	Now   func() time.Time
	// BcryptCost of new password hashes (bcrypt.DefaultCost when 0).
	BcryptCost int
	// SessionTTL is how long a login lasts (12 h when 0).
	SessionTTL time.Duration
	// MaxFailures consecutive bad passwords lock an account for LockFor (5 and 15 min when 0).
	MaxFailures int
	LockFor     time.Duration
	// AttemptsPerMinute limits login attempts per client address (10 when 0).
	AttemptsPerMinute int
	// SecureCookies sets the Secure attribute (serve over TLS).
	SecureCookies bool

	mu       sync.Mutex
	attempts map[string][]time.Time
	dummy    []byte
	once     sync.Once
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) cost() int {
	if s.BcryptCost == 0 {
		return bcrypt.DefaultCost
	}
	return s.BcryptCost
}

// HashPassword checks a password's length and returns its bcrypt hash.
func (s *Service) HashPassword(pw string) (string, error) {
	if len(pw) < MinPasswordLen {
		return "", sishui.Invalid("password", "must be at least %d characters", MinPasswordLen)
	}
	if len(pw) > 72 {
		return "", sishui.Invalid("password", "must be at most 72 bytes")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), s.cost())
	return string(h), err
}

// Session is the result of a login.
type Session struct {
	Token   string
	CSRF    string
	Expires time.Time
	Account *sishui.Account
}

var errBadCredentials = &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "invalid username or password"}

// Login checks a password and opens a session. Every failure looks the same to
// the caller; the time taken does not depend on whether the account exists.
func (s *Service) Login(ctx context.Context, username, password, client string) (*Session, error) {
	if !s.allow(client) {
		return nil, &sishui.Error{Code: sishui.ETOOMANY, Message: "too many login attempts; wait a minute"}
	}
	s.once.Do(func() { s.dummy, _ = bcrypt.GenerateFromPassword([]byte("timing-equaliser"), s.cost()) })
	a, err := s.Store.AccountByUsername(ctx, username)
	if err != nil {
		_ = bcrypt.CompareHashAndPassword(s.dummy, []byte(password))
		if sishui.ErrorCode(err) == sishui.ENOTFOUND {
			return nil, errBadCredentials
		}
		return nil, err
	}
	now := s.now()
	hash := []byte(a.PasswordHash)
	if len(hash) == 0 {
		hash = s.dummy
	}
	ok := bcrypt.CompareHashAndPassword(hash, []byte(password)) == nil && a.PasswordHash != ""
	if a.Disabled || now.Before(a.LockedUntil) {
		return nil, errBadCredentials
	}
	if !ok {
		failed, until := a.FailedLogins+1, time.Time{}
		if failed >= s.maxFailures() {
			until = now.Add(s.lockFor())
			failed = 0
		}
		if err := s.Store.RecordLogin(ctx, a.ID, failed, until); err != nil {
			return nil, err
		}
		return nil, errBadCredentials
	}
	if a.FailedLogins != 0 || !a.LockedUntil.IsZero() {
		if err := s.Store.RecordLogin(ctx, a.ID, 0, time.Time{}); err != nil {
			return nil, err
		}
	}
	secret, csrf := sessionPrefix+randomString(), randomString()
	ttl := s.SessionTTL
	if ttl == 0 {
		ttl = 12 * time.Hour
	}
	c := &sishui.Credential{Kind: sishui.CredentialSession, AccountID: a.ID, Hash: HashSecret(secret), CSRF: csrf, Created: now, Expires: now.Add(ttl)}
	if err := s.Store.CreateCredential(sishui.WithActor(ctx, a.Actor()), c); err != nil {
		return nil, err
	}
	return &Session{Token: secret, CSRF: csrf, Expires: c.Expires, Account: a}, nil
}

func (s *Service) maxFailures() int {
	if s.MaxFailures == 0 {
		return 5
	}
	return s.MaxFailures
}

func (s *Service) lockFor() time.Duration {
	if s.LockFor == 0 {
		return 15 * time.Minute
	}
	return s.LockFor
}

// allow applies the per-client sliding-window limit on login attempts.
func (s *Service) allow(client string) bool {
	limit := s.AttemptsPerMinute
	if limit == 0 {
		limit = 10
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.attempts == nil {
		s.attempts = map[string][]time.Time{}
	}
	recent := s.attempts[client][:0]
	for _, t := range s.attempts[client] {
		if now.Sub(t) < time.Minute {
			recent = append(recent, t)
		}
	}
	if len(recent) >= limit {
		s.attempts[client] = recent
		return false
	}
	s.attempts[client] = append(recent, now)
	if len(s.attempts) > 100_000 { // bound memory under a spray of addresses
		s.attempts = map[string][]time.Time{}
	}
	return true
}

// CreateToken issues an API token for the account; the secret is returned once.
func (s *Service) CreateToken(ctx context.Context, a *sishui.Account, name string, ttl time.Duration) (string, *sishui.Credential, error) {
	if strings.TrimSpace(name) == "" {
		return "", nil, sishui.Invalid("name", "is required")
	}
	if ttl <= 0 || ttl > 3*365*24*time.Hour {
		return "", nil, sishui.Invalid("expires_in_days", "must be between 1 and 1095 days")
	}
	secret := tokenPrefix + randomString()
	now := s.now()
	c := &sishui.Credential{Kind: sishui.CredentialToken, AccountID: a.ID, Username: a.Username, Name: name, Hash: HashSecret(secret), Created: now, Expires: now.Add(ttl)}
	if err := s.Store.CreateCredential(ctx, c); err != nil {
		return "", nil, err
	}
	return secret, c, nil
}

// Authenticate identifies a request by its bearer token or session cookie.
// It returns (nil, nil) for an anonymous request, EUNAUTHORIZED for a bad or
// expired credential, and EFORBIDDEN for a cookie request that changes state
// without the CSRF token.
func (s *Service) Authenticate(r *http.Request) (*sishui.Actor, error) {
	secret, viaCookie := "", false
	if h := r.Header.Get("Authorization"); h != "" {
		v, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return nil, &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "Authorization must be 'Bearer TOKEN'"}
		}
		secret = strings.TrimSpace(v)
	} else if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		secret, viaCookie = c.Value, true
	}
	if secret == "" {
		return nil, nil
	}
	cred, err := s.Store.CredentialByHash(r.Context(), HashSecret(secret), s.now())
	if err != nil {
		if sishui.ErrorCode(err) == sishui.ENOTFOUND {
			return nil, &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "the session or token is invalid, expired or revoked; log in again"}
		}
		return nil, err
	}
	if viaCookie && !safeMethod(r.Method) {
		got := r.Header.Get(CSRFHeader)
		if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(cred.CSRF)) != 1 {
			return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Message: "missing or wrong " + CSRFHeader + " header"}
		}
	}
	a, err := s.Store.GetAccount(r.Context(), cred.AccountID)
	if err != nil {
		return nil, err
	}
	if cred.Kind == sishui.CredentialToken && s.now().Sub(cred.LastUsed) > time.Minute {
		_ = s.Store.TouchCredential(r.Context(), cred.ID, s.now())
	}
	actor := a.Actor()
	actor.Credential = cred.ID
	return actor, nil
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// SetSessionCookies writes the session and CSRF cookies.
func (s *Service) SetSessionCookies(w http.ResponseWriter, sess *Session) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: sess.Token, Path: "/", Expires: sess.Expires, HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: CSRFCookie, Value: sess.CSRF, Path: "/", Expires: sess.Expires, HttpOnly: false, Secure: s.SecureCookies, SameSite: http.SameSiteStrictMode})
}

// ClearSessionCookies removes them.
func (s *Service) ClearSessionCookies(w http.ResponseWriter) {
	for _, n := range []string{SessionCookie, CSRFCookie} {
		http.SetCookie(w, &http.Cookie{Name: n, Value: "", Path: "/", MaxAge: -1, HttpOnly: n == SessionCookie, Secure: s.SecureCookies})
	}
}

// ClientAddr is the address rate limits key on.
func ClientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// HashSecret is how secrets are stored: SHA-256, hex. Secrets are 256-bit random,
// so a fast hash is enough (unlike passwords).
func HashSecret(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

func randomString() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("auth: no randomness: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// RandomPassword returns a password for generated accounts.
func RandomPassword() string { return randomString()[:16] }
