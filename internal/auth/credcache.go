package auth

import (
	"context"
	"time"

	"github.com/sishui/sishui"
)

// generationer is a store that counts its changes to accounts and
// credentials (sqlstore.DB.AuthGeneration).
type generationer interface{ AuthGeneration() uint64 }

// generationOf finds the generation of st or of a store it wraps
// (Unwrap, as cmd/sishui's audit-signing wrapper has).
func generationOf(st any) (generationer, bool) {
	for range 8 {
		if g, ok := st.(generationer); ok {
			return g, true
		}
		u, ok := st.(interface{ Unwrap() sishui.Store })
		if !ok {
			return nil, false
		}
		st = u.Unwrap()
	}
	return nil, false
}

// cachedCred is a credential found in the store, with its account, as of
// generation gen and time at.
type cachedCred struct {
	cred *sishui.Credential
	acc  *sishui.Account
	gen  uint64
	at   time.Time
}

var errBadCredential = &sishui.Error{Code: sishui.EUNAUTHORIZED, Message: "the session or token is invalid, expired or revoked; log in again"}

// credential returns the live credential with the secret hash and its
// account, from the cache when it is fresh, else from the store. A token
// used more than a minute after its recorded last use is touched.
func (s *Service) credential(ctx context.Context, hash string) (*sishui.Credential, *sishui.Account, error) {
	now := s.now()
	g, cacheable := generationOf(s.Store)
	ttl := orDefault(s.CacheTTL, 5*time.Second)
	cacheable = cacheable && ttl > 0
	var gen uint64
	if cacheable {
		gen = g.AuthGeneration()
		s.cacheMu.Lock()
		c, ok := s.cache[hash]
		s.cacheMu.Unlock()
		if ok && c.gen == gen && now.Sub(c.at) < ttl && now.Before(c.cred.Expires) {
			s.touch(ctx, hash, c.cred, now)
			return c.cred, c.acc, nil
		}
	}
	cred, err := s.Store.CredentialByHash(ctx, hash, now)
	if err != nil {
		if sishui.ErrorCode(err) == sishui.ENOTFOUND {
			return nil, nil, errBadCredential
		}
		return nil, nil, err
	}
	a, err := s.Store.GetAccount(ctx, cred.AccountID)
	if err != nil {
		return nil, nil, err
	}
	if cacheable {
		// gen was read before the store: a change committed meanwhile
		// has moved the generation, so this entry is already stale.
		s.cacheMu.Lock()
		if s.cache == nil || len(s.cache) >= orDefault(s.CacheSize, 10_000) {
			s.cache = make(map[string]cachedCred)
		}
		s.cache[hash] = cachedCred{cred: cred, acc: a, gen: gen, at: now}
		s.cacheMu.Unlock()
	}
	s.touch(ctx, hash, cred, now)
	return cred, a, nil
}

// touch records a token's use at most once a minute; the cached copy
// carries the new time so that cached requests do not touch it again.
func (s *Service) touch(ctx context.Context, hash string, cred *sishui.Credential, now time.Time) {
	if cred.Kind != sishui.CredentialToken || now.Sub(cred.LastUsed) <= time.Minute {
		return
	}
	_ = s.Store.TouchCredential(ctx, cred.ID, now)
	s.cacheMu.Lock()
	if c, ok := s.cache[hash]; ok && c.cred.ID == cred.ID {
		used := *c.cred
		used.LastUsed = now
		c.cred = &used
		s.cache[hash] = c
	}
	s.cacheMu.Unlock()
}
