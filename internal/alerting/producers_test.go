package alerting

import (
	"slices"
	"testing"

	"github.com/sishui/sishui/internal/warning"
)

// TestProducersCoverKinds: every warning kind has exactly one producer, and
// no producer yields a kind warning.Kinds does not list.
func TestProducersCoverKinds(t *testing.T) {
	by := map[warning.Kind]string{}
	for _, p := range producers {
		if len(p.kinds) == 0 || p.observe == nil {
			t.Errorf("producer %q: no kinds or no function", p.name)
		}
		for _, k := range p.kinds {
			if !slices.Contains(warning.Kinds, k) {
				t.Errorf("producer %q yields %s, not in warning.Kinds", p.name, k)
			}
			if other, dup := by[k]; dup {
				t.Errorf("kind %s from producers %q and %q", k, other, p.name)
			}
			by[k] = p.name
		}
	}
	for _, k := range warning.Kinds {
		if _, ok := by[k]; !ok {
			t.Errorf("kind %s has no producer", k)
		}
	}
}
