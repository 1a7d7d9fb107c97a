package auth

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sishui/sishui"
)

// MinStrongPasswordLen is the shortest password for the roles that can change
// the most (administrators and city staff).
const MinStrongPasswordLen = 12

//go:embed common-passwords.txt
var commonPasswordsText string

var commonPasswords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonPasswordsText, "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "#") {
			m[strings.ToLower(l)] = true
		}
	}
	return m
})

// CheckPassword applies the password policy to a password being set or
// changed for an account of role: at least 12 characters for administrators
// and city staff (8 for others), at most 72 bytes, not a common password, not
// the username. Passwords already set are not checked again.
func CheckPassword(role, username, pw string) error {
	minLen := MinPasswordLen
	if role == sishui.RoleAdmin || role == sishui.RoleCity {
		minLen = MinStrongPasswordLen
	}
	if n := utf8.RuneCountInString(pw); n < minLen {
		return sishui.Invalid("password", "must be at least %d characters for a %s account", minLen, role)
	}
	if len(pw) > 72 {
		return sishui.Invalid("password", "must be at most 72 bytes")
	}
	for _, r := range pw {
		if unicode.IsControl(r) {
			return sishui.Invalid("password", "must not contain control characters")
		}
	}
	lower := strings.ToLower(pw)
	if commonPasswords()[lower] {
		return sishui.Invalid("password", "is a commonly used password; choose another")
	}
	if rest := strings.ReplaceAll(lower, strings.ToLower(username), ""); username != "" && utf8.RuneCountInString(rest) < MinPasswordLen {
		return sishui.Invalid("password", "must not be built on the username")
	}
	return nil
}
