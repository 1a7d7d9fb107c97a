package ingest_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

// base is the tests' "now" and the start of their series.
var base = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return base.Add(24 * time.Hour) }

func newSQLite(t testing.TB) sishui.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sishui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	storetest.Seed(t, s)
	return s
}

// newPostgres returns the PostgreSQL store named by SISHUI_TEST_POSTGRES, or
// skips. Points get unique codes so that runs do not collide.
func newPostgres(t testing.TB) sishui.Store {
	t.Helper()
	s := pgtest.Open(t)
	storetest.Seed(t, s)
	return s
}

var codeSeq atomic.Int64

// newPoints creates n points of a kind that needs no permit or section.
func newPoints(t testing.TB, s sishui.Store, kind string, n int) []*sishui.Point {
	t.Helper()
	ctx := context.Background()
	prefix := time.Now().UnixNano() % 1_000_000
	out := make([]*sishui.Point, n)
	for i := range out {
		p := &sishui.Point{
			Code: fmt.Sprintf("%06d%06d", prefix, codeSeq.Add(1)), Name: fmt.Sprintf("测站%d", i), Kind: kind,
			Protocol: sishui.ProtocolHTTP, Region: storetest.CountyA, Multiplier: 1, IntervalSeconds: 3600,
		}
		if err := s.CreatePoint(ctx, p); err != nil {
			t.Fatal(err)
		}
		out[i] = p
	}
	return out
}

func newIngester(t testing.TB, s ingest.Store, cfg ingest.Config) *ingest.Ingester {
	t.Helper()
	if cfg.Now == nil {
		cfg.Now = fixedNow
	}
	ing := ingest.New(s, cfg)
	t.Cleanup(func() { ing.Close() })
	return ing
}

// countingStore counts AppendSamples calls and the samples they carry.
type countingStore struct {
	sishui.Store
	mu      sync.Mutex
	calls   int
	samples int
	hook    func(call int) // run inside AppendSamples, after the append
}

func (c *countingStore) AppendSamples(ctx context.Context, s []sishui.Sample) (sishui.AppendResult, error) {
	res, err := c.Store.AppendSamples(ctx, s)
	c.mu.Lock()
	c.calls++
	c.samples += len(s)
	n, hook := c.calls, c.hook
	c.mu.Unlock()
	if hook != nil && err == nil {
		hook(n)
	}
	return res, err
}

func (c *countingStore) Calls() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.calls
}

// count returns how many samples a series holds.
func count(t testing.TB, s sishui.Store, point int64, m sishui.Metric) int {
	t.Helper()
	got, err := s.QuerySamples(context.Background(), sishui.SeriesQuery{Point: point, Metric: m, From: time.Unix(0, 0), To: base.AddDate(1, 0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	return len(got)
}

func tally(res []ingest.Result) (acc, dup, rej int) {
	for _, r := range res {
		switch r.Status {
		case ingest.Accepted:
			acc++
		case ingest.Duplicate:
			dup++
		case ingest.Rejected:
			rej++
		}
	}
	return
}
