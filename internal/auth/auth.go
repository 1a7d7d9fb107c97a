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

// Store is what the service keeps in the database.
type Store interface {
	sishui.AccountStore
	sishui.LoginGuardStore
}

// Service authenticates callers. Its exported fields are its configuration.
type Service struct {
	Store Store
	Now   func() time.Time
	// Sleep waits for d or until ctx ends (time.Sleep-like when nil); tests replace it.
	Sleep func(ctx context.Context, d time.Duration)
	// BcryptCost of new password hashes (bcrypt.DefaultCost when 0).
	BcryptCost int
	// SessionTTL is how long a login lasts (12 h when 0).
	SessionTTL time.Duration
	// MaxFailures bad logins for one account from one client address block that
	// pair for LockFor, doubling with every further failure up to MaxLock
	// (5, 1 min and 1 h when 0). A good login from the address clears its count;
	// counts older than ResetAfter (24 h when 0) start afresh.
	MaxFailures int
	LockFor     time.Duration
	MaxLock     time.Duration
	ResetAfter  time.Duration
	// SlowAfter failures of an account from every address within SlowWindow slow
	// each further attempt on it by SlowDelay; the account is never locked
	// (20, 15 min and 2 s when 0).
	SlowAfter  int
	SlowWindow time.Duration
	SlowDelay  time.Duration
	// MaxCounters bounds the failure counters kept; the oldest go first (100 000 when 0).
	MaxCounters int
	// AttemptsPerMinute limits login attempts per client address (10 when 0).
	AttemptsPerMinute int
	// SecureCookies sets the Secure attribute (serve over TLS).
	SecureCookies bool
	// CacheTTL is how long an authenticated credential and its account are
	// kept in memory (5 s when 0, off when negative), so that a client
	// sending many requests does not read both from the store each time.
	// The cache is used only with a store that reports an AuthGeneration:
	// a change made through this process (revocation, logout, disabling,
	// a new password) drops the cache at once; one made by another process
	// or node takes effect within CacheTTL. Expiry is checked on every
	// request.
	CacheTTL time.Duration
	// CacheSize bounds the credentials cached (10 000 when 0).
	CacheSize int

	cacheMu sync.Mutex
	cache   map[string]cachedCred

	mu       sync.Mutex
	attempts map[string][]time.Time
	failures int
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

func orDefault[T int | time.Duration](v, def T) T {
	if v == 0 {
		return def
	}
	return v
}

// HashPassword checks a password's length and returns its bcrypt hash. It
// does not apply the policy (CheckPassword): demo and existing passwords stay valid.
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

// ErrCodeRequired answers a right password on an account with a second factor
// when no one-time code came with it.
var ErrCodeRequired = &sishui.Error{Code: sishui.EUNAUTHORIZED, Field: "totp", Message: "a one-time code (TOTP) is required"}

var errBadCode = &sishui.Error{Code: sishui.EUNAUTHORIZED, Field: "totp", Message: "invalid one-time code"}

// Login checks a password and opens a session; see LoginWithCode.
func (s *Service) Login(ctx context.Context, username, password, client string) (*Session, error) {
	return s.LoginWithCode(ctx, username, password, "", client)
}

// LoginWithCode checks a password (and the one-time code of an account with a
// second factor) and opens a session. Every failure looks the same to the
// caller; the time taken does not depend on whether the account exists.
// Failures are counted per (account, client): a client that keeps failing is
// blocked with back-off, while the right password from elsewhere still works.
func (s *Service) LoginWithCode(ctx context.Context, username, password, code, client string) (*Session, error) {
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
	pair, acct, err := s.Store.LoginFailures(ctx, a.ID, client)
	if err != nil {
		return nil, err
	}
	if until := s.BlockedUntil(pair); now.Before(until) {
		_ = bcrypt.CompareHashAndPassword(s.dummy, []byte(password))
		return nil, errBadCredentials
	}
	if acct.Failures >= orDefault(s.SlowAfter, 20) && now.Sub(acct.Last) < orDefault(s.SlowWindow, 15*time.Minute) {
		s.sleep(ctx, orDefault(s.SlowDelay, 2*time.Second))
	}
	hash := []byte(a.PasswordHash)
	if len(hash) == 0 {
		hash = s.dummy
	}
	ok := bcrypt.CompareHashAndPassword(hash, []byte(password)) == nil && a.PasswordHash != ""
	if a.Disabled {
		return nil, errBadCredentials
	}
	if !ok {
		return nil, s.fail(ctx, a, client, now, errBadCredentials)
	}
	if a.TOTPEnabled {
		if code == "" {
			return nil, ErrCodeRequired
		}
		step, ok := s.checkCode(a.TOTPSecret, code, now)
		if !ok {
			return nil, s.fail(ctx, a, client, now, errBadCode)
		}
		if fresh, err := s.Store.UseTOTPStep(ctx, a.ID, step); err != nil {
			return nil, err
		} else if !fresh {
			return nil, s.fail(ctx, a, client, now, errBadCode)
		}
	}
	if pair.Failures != 0 {
		if err := s.Store.ClearLoginFailures(ctx, a.ID, client); err != nil {
			return nil, err
		}
	}
	secret, csrf := sessionPrefix+randomString(), randomString()
	ttl := orDefault(s.SessionTTL, 12*time.Hour)
	c := &sishui.Credential{Kind: sishui.CredentialSession, AccountID: a.ID, Hash: HashSecret(secret), CSRF: csrf, Created: now, Expires: now.Add(ttl)}
	if err := s.Store.CreateCredential(sishui.WithActor(ctx, a.Actor()), c); err != nil {
		return nil, err
	}
	return &Session{Token: secret, CSRF: csrf, Expires: c.Expires, Account: a}, nil
}

// BlockedUntil is when a client with these failures may try the account again:
// LockFor after MaxFailures failures, doubling with each further one, at most MaxLock.
func (s *Service) BlockedUntil(f sishui.LoginFailures) time.Time {
	maxF := orDefault(s.MaxFailures, 5)
	if f.Failures < maxF {
		return time.Time{}
	}
	d, maxLock := orDefault(s.LockFor, time.Minute), orDefault(s.MaxLock, time.Hour)
	for i := maxF; i < f.Failures && d < maxLock; i++ {
		d *= 2
	}
	return f.Last.Add(min(d, maxLock))
}

// fail counts a failure and now and then evicts the oldest counters.
func (s *Service) fail(ctx context.Context, a *sishui.Account, client string, now time.Time, answer error) error {
	if err := s.Store.AddLoginFailure(ctx, a.ID, client, now, orDefault(s.ResetAfter, 24*time.Hour)); err != nil {
		return err
	}
	s.mu.Lock()
	s.failures++
	evict := s.failures%256 == 0
	s.mu.Unlock()
	if evict {
		if _, err := s.Store.EvictLoginFailures(ctx, orDefault(s.MaxCounters, 100_000)); err != nil {
			return err
		}
	}
	return answer
}

func (s *Service) sleep(ctx context.Context, d time.Duration) {
	if s.Sleep != nil {
		s.Sleep(ctx, d)
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// allow applies the per-client sliding-window limit on login attempts. Under a
// spray of addresses it forgets idle clients first, then the longest idle.
func (s *Service) allow(client string) bool {
	limit := orDefault(s.AttemptsPerMinute, 10)
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
		s.forgetIdle(now)
	}
	return true
}

// forgetIdle drops clients with no attempt in the last minute, or else the one idle longest.
func (s *Service) forgetIdle(now time.Time) {
	oldest, oldestAt := "", now
	for c, ts := range s.attempts {
		last := ts[len(ts)-1]
		if now.Sub(last) >= time.Minute {
			delete(s.attempts, c)
		} else if last.Before(oldestAt) {
			oldest, oldestAt = c, last
		}
	}
	if len(s.attempts) > 100_000 {
		delete(s.attempts, oldest)
	}
}

// CreateToken issues an API token for the account; the secret is returned once.
func (s *Service) CreateToken(ctx context.Context, a *sishui.Account, name string, ttl time.Duration) (string, *sishui.Credential, error) {
	if strings.TrimSpace(name) == "" {
		return "", nil, sishui.Invalid("name", "is required")
	}
	if err := sishui.CheckName("name", name); err != nil {
		return "", nil, err
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
	cred, a, err := s.credential(r.Context(), HashSecret(secret))
	if err != nil {
		return nil, err
	}
	if viaCookie && !safeMethod(r.Method) {
		got := r.Header.Get(CSRFHeader)
		if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(cred.CSRF)) != 1 {
			return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Message: "missing or wrong " + CSRFHeader + " header"}
		}
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
