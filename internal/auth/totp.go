package auth

import (
	"context"
	"crypto/subtle"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/sishui/sishui"
)

// TOTP parameters: RFC 6238 defaults, which every authenticator app reads
// from the otpauth:// URL (30 s steps, 6 digits, HMAC-SHA1). A code of the
// step before or after is accepted for clock drift; each step is used once.
const totpPeriod = 30

var totpOpts = totp.ValidateOpts{Period: totpPeriod, Skew: 0, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// checkCode returns the time step whose code matches, trying now's step and
// its neighbours.
func (s *Service) checkCode(secret, code string, now time.Time) (int64, bool) {
	if secret == "" || len(code) != 6 {
		return 0, false
	}
	step := now.Unix() / totpPeriod
	for _, d := range []int64{0, -1, 1} {
		want, err := totp.GenerateCodeCustom(secret, time.Unix((step+d)*totpPeriod, 0), totpOpts)
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return step + d, true
		}
	}
	return 0, false
}

// Enrolment is a pending second factor: the secret and the otpauth:// URL an
// authenticator app reads (usually as a QR code).
type Enrolment struct {
	Secret string `json:"secret"`
	URL    string `json:"url"`
}

// EnrolTOTP starts a second factor for an administrator or city account; it
// becomes live when ConfirmTOTP gets a right code.
func (s *Service) EnrolTOTP(ctx context.Context, a *sishui.Account) (*Enrolment, error) {
	if !sishui.TOTPRole(a.Role) {
		return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Message: "one-time codes are for administrator and city accounts"}
	}
	if a.TOTPEnabled {
		return nil, &sishui.Error{Code: sishui.ECONFLICT, Message: "a second factor is already on; disable it first"}
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: "sishui", AccountName: a.Username, Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		return nil, err
	}
	if err := s.Store.SetTOTP(ctx, a.Username, key.Secret(), false); err != nil {
		return nil, err
	}
	return &Enrolment{Secret: key.Secret(), URL: key.URL()}, nil
}

// ConfirmTOTP turns an enrolled second factor on once code matches it.
func (s *Service) ConfirmTOTP(ctx context.Context, a *sishui.Account, code string) error {
	if a.TOTPSecret == "" || a.TOTPEnabled {
		return &sishui.Error{Code: sishui.ECONFLICT, Message: "no second factor is waiting for confirmation; enrol first"}
	}
	step, ok := s.checkCode(a.TOTPSecret, code, s.now())
	if !ok {
		return sishui.Invalid("code", "does not match; check the authenticator's clock")
	}
	if err := s.Store.SetTOTP(ctx, a.Username, a.TOTPSecret, true); err != nil {
		return err
	}
	_, err := s.Store.UseTOTPStep(ctx, a.ID, step)
	return err
}

// DisableTOTP removes an account's own second factor; it needs a right code.
// Administrators remove another account's with Store.SetTOTP(username, "", false).
func (s *Service) DisableTOTP(ctx context.Context, a *sishui.Account, code string) error {
	if !a.TOTPEnabled {
		if a.TOTPSecret == "" {
			return &sishui.Error{Code: sishui.ECONFLICT, Message: "no second factor is on"}
		}
		return s.Store.SetTOTP(ctx, a.Username, "", false) // drops a pending enrolment
	}
	step, ok := s.checkCode(a.TOTPSecret, code, s.now())
	if !ok {
		return sishui.Invalid("code", "does not match")
	}
	if fresh, err := s.Store.UseTOTPStep(ctx, a.ID, step); err != nil {
		return err
	} else if !fresh {
		return sishui.Invalid("code", "was already used; wait for the next one")
	}
	return s.Store.SetTOTP(ctx, a.Username, "", false)
}
