package testenv

import (
	"testing"
)

type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper()           {}
func (r *recorder) Skip(args ...any)  { r.skipped = true }
func (r *recorder) Fatal(args ...any) { r.failed = true }

func TestSkipFailsInCI(t *testing.T) {
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		r := &recorder{}
		Skip(r, "no server")
		if r.failed != (ci == "true") || r.skipped == (ci == "true") {
			t.Errorf("CI=%q: skipped %v failed %v", ci, r.skipped, r.failed)
		}
	}
}
