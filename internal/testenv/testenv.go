// Package testenv holds what tests share about their surroundings: in CI
// (CI=true) a test that would skip for want of a server or of shared test
// data fails instead, so that CI never passes by running less.
package testenv

import (
	"fmt"
	"os"
	"testing"
)

// InCI reports whether the tests run in CI.
func InCI() bool { return os.Getenv("CI") == "true" }

// Skip skips t, or fails it in CI.
func Skip(t testing.TB, args ...any) {
	t.Helper()
	if InCI() {
		t.Fatal("CI=true, so this may not skip: " + fmt.Sprint(args...))
		return
	}
	t.Skip(args...)
}

// Skipf is Skip with a format.
func Skipf(t testing.TB, format string, args ...any) {
	t.Helper()
	Skip(t, fmt.Sprintf(format, args...))
}
