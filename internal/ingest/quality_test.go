package ingest_test

import (
	"context"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/quality"
)

// TestQualityConfig: a city's own limits (Config.Quality) decide the flags.
func TestQualityConfig(t *testing.T) {
	s := newSQLite(t)
	pts := newPoints(t, s, sishui.PointWell, 1)
	qc, err := quality.ParseConfig([]byte("kinds:\n  groundwater:\n    depth_m:\n      soft_max: 40\n      hard_max: 50\n"))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		quality *quality.Config
		flagged bool
	}{
		{"defaults", nil, false},
		{"city limits", &qc, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ing := ingest.New(s, ingest.Config{Quality: tc.quality, Now: func() time.Time { return now }})
			defer ing.Close()
			res, err := ing.Submit(ctx, []ingest.Observation{{Point: pts[0].ID, Metric: "depth_m", Time: now.Add(-time.Duration(len(tc.name)) * time.Minute), Value: 60}})
			if err != nil || res[0].Status != ingest.Accepted {
				t.Fatalf("%+v %v", res, err)
			}
			if got := res[0].Flags&quality.FlagHardRange != 0; got != tc.flagged {
				t.Fatalf("flags %v, hard_range wanted %v", res[0].Flags, tc.flagged)
			}
		})
	}
}
