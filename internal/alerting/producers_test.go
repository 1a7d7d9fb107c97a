package alerting

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui/internal/citytest"
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

// TestProducerKindChecked: a producer yielding a kind it does not declare
// fails the evaluation instead of feeding rules it does not own.
func TestProducerKindChecked(t *testing.T) {
	st := citytest.SQLite(t)
	now := time.Now().UTC()
	s := newService(t, st, &citytest.Clock{T: now}, Config{})
	yield := func(k warning.Kind) []producer {
		return []producer{{"test", []warning.Kind{warning.PermitUse}, func(*Service, context.Context, *inputs) ([]observed, error) {
			return []observed{{warning.Observation{Kind: k, Subject: "permit:X"}, owner{region: "371502"}}}, nil
		}}}
	}
	obs, owners, err := s.observations(context.Background(), now, yield(warning.PermitUse))
	if err != nil || len(obs) != 1 || !obs[0].Time.Equal(now) || owners["permit:X"].region != "371502" {
		t.Fatalf("declared kind: %+v %+v %v", obs, owners, err)
	}
	if _, _, err := s.observations(context.Background(), now, yield(warning.TaskReport)); err == nil || !strings.Contains(err.Error(), "does not declare") {
		t.Fatalf("undeclared kind: %v", err)
	}
}
