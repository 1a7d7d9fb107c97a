package forward_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/forward"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

// TestCatchUp: samples committed to the store but never queued (a crash
// between the two commits) are queued on the next start; a station the link
// has never seen starts from now.
func TestCatchUp(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	storetest.Seed(t, st)
	mk := func(code string) *sishui.Point {
		p := &sishui.Point{Code: code, Name: code, Kind: sishui.PointWell, Protocol: sishui.ProtocolSZY206, Region: storetest.CountyA, Multiplier: 1, IntervalSeconds: 3600}
		if err := st.CreatePoint(ctx, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	seen, fresh := mk("3715020100"), mk("3715020200")
	q, err := forward.OpenQueue(ctx, filepath.Join(dir, "forward.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	var samples []sishui.Sample
	for h := 0; h < 6; h++ {
		for _, p := range []*sishui.Point{seen, fresh} {
			samples = append(samples, sishui.Sample{Point: p.ID, Metric: sishui.MetricLevelM, Time: base.Add(time.Duration(h) * time.Hour), Value: float64(h)},
				sishui.Sample{Point: p.ID, Metric: sishui.MetricVoltageV, Time: base.Add(time.Duration(h) * time.Hour), Value: 12})
		}
	}
	if _, err := st.AppendSamples(ctx, samples); err != nil {
		t.Fatal(err)
	}
	// The link had queued `seen` up to 02:00 when the process died.
	if _, err := q.Enqueue(ctx, []forward.Item{{Station: seen.Code, Metric: sishui.MetricLevelM, Time: base.Add(2 * time.Hour), Value: 2}}); err != nil {
		t.Fatal(err)
	}
	now := base.Add(5*time.Hour + 30*time.Minute)
	n, err := q.CatchUp(ctx, st, []*sishui.Point{seen, fresh}, now)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 { // 03:00, 04:00, 05:00 of `seen`; voltage is not forwarded; `fresh` starts now
		t.Fatalf("caught up %d items, want 3", n)
	}
	per, total := q.Backlog()
	if total != 4 || per[seen.Code] != 4 || per[fresh.Code] != 0 {
		t.Fatalf("backlog %v %d", per, total)
	}
	if m, ok, _ := q.Mark(ctx, fresh.Code); !ok || !m.Equal(now) {
		t.Fatalf("fresh station's mark %v %v, want now", m, ok)
	}
	// Running it again queues nothing new.
	if n, err := q.CatchUp(ctx, st, []*sishui.Point{seen, fresh}, now); err != nil || n != 0 {
		t.Fatalf("second catch-up %d %v", n, err)
	}
}
