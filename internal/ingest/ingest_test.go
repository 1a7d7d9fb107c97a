package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/quality"
)

func TestSubmitResults(t *testing.T) {
	s := newSQLite(t)
	pts := newPoints(t, s, sishui.PointRain, 1)
	p := pts[0]
	ing := newIngester(t, s, ingest.Config{})
	ctx := context.Background()
	at := base.Add(time.Hour)
	for _, tc := range []struct {
		name   string
		obs    ingest.Observation
		status ingest.Status
		flags  quality.Flag
		reason string
	}{
		{"by id", ingest.Observation{Point: p.ID, Metric: "rain_mm", Time: at, Value: 1.5}, ingest.Accepted, 0, ""},
		{"by code", ingest.Observation{Code: p.Code, Protocol: sishui.ProtocolHTTP, Metric: "rain_mm", Time: at.Add(time.Hour), Value: 2}, ingest.Accepted, 0, ""},
		{"soft range flagged", ingest.Observation{Point: p.ID, Metric: "rain_mm", Time: at.Add(2 * time.Hour), Value: 150}, ingest.Accepted, quality.FlagSoftRange, ""},
		{"hard range flagged", ingest.Observation{Point: p.ID, Metric: "voltage_v", Time: at, Value: 50}, ingest.Accepted, quality.FlagHardRange, ""},
		{"slightly future flagged", ingest.Observation{Point: p.ID, Metric: "voltage_v", Time: fixedNow().Add(time.Hour), Value: 12}, ingest.Accepted, quality.FlagFutureTimestamp, ""},
		{"unknown point", ingest.Observation{Point: 9999, Metric: "rain_mm", Time: at, Value: 1}, ingest.Rejected, 0, "unknown point 9999"},
		{"unknown code", ingest.Observation{Code: "FFFF", Protocol: sishui.ProtocolHTTP, Metric: "rain_mm", Time: at, Value: 1}, ingest.Rejected, 0, "unknown point: no http point has terminal code FFFF"},
		{"code without protocol finds the one point", ingest.Observation{Code: p.Code, Metric: "rain_mm", Time: at.Add(3 * time.Hour), Value: 1}, ingest.Accepted, 0, ""},
		{"code under another protocol", ingest.Observation{Code: p.Code, Protocol: sishui.ProtocolSZY206, Metric: "rain_mm", Time: at, Value: 1}, ingest.Rejected, 0,
			fmt.Sprintf("unknown point: no szy206 point has terminal code %s (held by http point %d)", p.Code, p.ID)},
		{"unknown metric", ingest.Observation{Point: p.ID, Metric: "rain_inches", Time: at, Value: 1}, ingest.Rejected, 0, `unknown metric "rain_inches"`},
		{"NaN", ingest.Observation{Point: p.ID, Metric: "rain_mm", Time: at, Value: math.NaN()}, ingest.Rejected, 0, "value must be a finite number"},
		{"Inf", ingest.Observation{Point: p.ID, Metric: "rain_mm", Time: at, Value: math.Inf(1)}, ingest.Rejected, 0, "value must be a finite number"},
		{"far future", ingest.Observation{Point: p.ID, Metric: "rain_mm", Time: fixedNow().Add(48 * time.Hour), Value: 1}, ingest.Rejected, 0, "time 2026-03-04T00:00:00Z is more than 24h0m0s in the future"},
		{"no time", ingest.Observation{Point: p.ID, Metric: "rain_mm", Value: 1}, ingest.Rejected, 0, "time is required"},
		{"before 1970", ingest.Observation{Point: p.ID, Metric: "rain_mm", Time: time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), Value: 1}, ingest.Rejected, 0, "time must be between 1970 and 2200"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ing.Submit(ctx, []ingest.Observation{tc.obs})
			if err != nil {
				t.Fatal(err)
			}
			r := res[0]
			if r.Status != tc.status || r.Flags != tc.flags || r.Reason != tc.reason {
				t.Fatalf("got %+v (flags %s), want %s %s %q", r, r.Flags, tc.status, tc.flags, tc.reason)
			}
			if r.Status != ingest.Rejected && r.Point != p.ID {
				t.Fatalf("resolved point %d, want %d", r.Point, p.ID)
			}
		})
	}
	// The flags were stored with the samples.
	got, err := s.QuerySamples(ctx, sishui.SeriesQuery{Point: p.ID, Metric: sishui.MetricRainMM, From: base, To: base.AddDate(0, 0, 2)})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || quality.Flag(got[2].Flags) != quality.FlagSoftRange || got[0].Flags != 0 {
		t.Fatalf("stored %+v", got)
	}
	if st := ing.Stats(); st.Rejected != 9 || st.Accepted != 6 {
		t.Fatalf("stats %+v", st)
	}
}

func TestSubmitForbidden(t *testing.T) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointRain, 1)[0]
	ing := newIngester(t, s, ingest.Config{})
	for _, role := range []string{sishui.RoleEnterprise, sishui.RoleAuditor, sishui.RolePublic} {
		t.Run(role, func(t *testing.T) {
			ctx := sishui.WithActor(context.Background(), &sishui.Actor{ID: 5, Username: "u", Role: role})
			_, err := ing.Submit(ctx, []ingest.Observation{{Point: p.ID, Metric: "rain_mm", Time: base, Value: 1}})
			if sishui.ErrorCode(err) != sishui.EFORBIDDEN {
				t.Fatalf("err %v, want forbidden", err)
			}
		})
	}
	// A county account sees its own county's points only.
	for _, tc := range []struct {
		region string
		want   ingest.Status
	}{{"371502", ingest.Accepted}, {"371522", ingest.Rejected}} {
		t.Run("county "+tc.region, func(t *testing.T) {
			ctx := sishui.WithActor(context.Background(), &sishui.Actor{ID: 6, Username: "c", Role: sishui.RoleCounty, Region: tc.region})
			res, err := ing.Submit(ctx, []ingest.Observation{{Point: p.ID, Metric: "rain_mm", Time: base.Add(time.Minute), Value: 1}})
			if err != nil {
				t.Fatal(err)
			}
			if res[0].Status != tc.want && !(tc.want == ingest.Accepted && res[0].Status == ingest.Duplicate) {
				t.Fatalf("got %+v, want %s", res[0], tc.want)
			}
		})
	}
}

func series(point int64, metric string, from time.Time, n int, value func(i int) float64) []ingest.Observation {
	out := make([]ingest.Observation, n)
	for i := range out {
		out[i] = ingest.Observation{Point: point, Metric: metric, Time: from.Add(time.Duration(i) * time.Minute), Value: value(i)}
	}
	return out
}

func TestIdempotentResend(t *testing.T) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointWell, 1)[0]
	ctx := context.Background()
	obs := series(p.ID, "depth_m", base, 200, func(i int) float64 { return 20 + float64(i%7)/10 })
	ing := newIngester(t, s, ingest.Config{})
	changed := append([]ingest.Observation(nil), obs[:50]...)
	for i := range changed {
		changed[i].Value += 1
	}
	// Half new, half old, and one key twice in the same call.
	mixed := append(append([]ingest.Observation(nil), obs[150:]...), series(p.ID, "depth_m", base.Add(200*time.Minute), 50, func(int) float64 { return 21 })...)
	mixed = append(mixed, mixed[len(mixed)-1])
	for _, tc := range []struct {
		name        string
		ing         *ingest.Ingester
		obs         []ingest.Observation
		acc, dup    int
		conflicts   int
		storedAfter int
	}{
		{name: "first", ing: ing, obs: obs, acc: 200, storedAfter: 200},
		{name: "resend", ing: ing, obs: obs, dup: 200, storedAfter: 200},
		{name: "resend with other values", ing: ing, obs: changed, dup: 50, conflicts: 50, storedAfter: 200},
		{name: "resend to a fresh ingester", ing: newIngester(t, s, ingest.Config{}), obs: obs, dup: 200, storedAfter: 200},
		{name: "half new, one key twice", ing: ing, obs: mixed, acc: 50, dup: 51, conflicts: 0, storedAfter: 250},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := tc.ing.Submit(ctx, tc.obs)
			if err != nil {
				t.Fatal(err)
			}
			acc, dup, rej := tally(res)
			conflicts := 0
			for _, r := range res {
				if r.Flags.Has(quality.FlagDuplicateConflict) && r.Status == ingest.Duplicate {
					conflicts++
				}
			}
			if acc != tc.acc || dup != tc.dup || rej != 0 || conflicts != tc.conflicts {
				t.Fatalf("accepted %d duplicates %d rejected %d conflicts %d, want %d %d 0 %d", acc, dup, rej, conflicts, tc.acc, tc.dup, tc.conflicts)
			}
			if n := count(t, s, p.ID, sishui.MetricDepthM); n != tc.storedAfter {
				t.Fatalf("stored %d, want %d", n, tc.storedAfter)
			}
		})
	}
	// The stored values are the first ones.
	got, err := s.QuerySamples(ctx, sishui.SeriesQuery{Point: p.ID, Metric: sishui.MetricDepthM, From: base, To: base.Add(time.Minute)})
	if err != nil || len(got) != 1 || got[0].Value != obs[0].Value {
		t.Fatalf("stored %+v %v", got, err)
	}
	if st := ing.Stats(); st.Mismatches != 0 {
		t.Fatalf("mismatches %d", st.Mismatches)
	}
}

func TestConcurrentSubmitters(t *testing.T) {
	s := newSQLite(t)
	pts := newPoints(t, s, sishui.PointWell, 4)
	ing := newIngester(t, s, ingest.Config{MaxBatch: 500})
	ctx := context.Background()
	const workers, calls, per = 16, 20, 25
	// Workers 2k and 2k+1 send the same keys: half of everything is a duplicate.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var acc, dup int
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for c := 0; c < calls; c++ {
				obs := make([]ingest.Observation, per)
				for i := range obs {
					k := (w/2)*calls*per + c*per + i
					obs[i] = ingest.Observation{Point: pts[k%len(pts)].ID, Metric: "level_m", Time: base.Add(time.Duration(k) * time.Second), Value: float64(k)}
				}
				res, err := ing.Submit(ctx, obs)
				if err != nil {
					errs <- err
					return
				}
				a, d, _ := tally(res)
				mu.Lock()
				acc += a
				dup += d
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	unique := workers / 2 * calls * per
	if acc != unique || dup != unique {
		t.Fatalf("accepted %d duplicates %d, want %d each", acc, dup, unique)
	}
	total := 0
	for _, p := range pts {
		total += count(t, s, p.ID, sishui.MetricLevelM)
	}
	if total != unique {
		t.Fatalf("stored %d, want %d", total, unique)
	}
	if st := ing.Stats(); st.Batches >= int64(workers*calls) || st.Mismatches != 0 {
		t.Fatalf("stats %+v: no batching or mismatches", st)
	}
}

func TestGroupCommitBatching(t *testing.T) {
	for _, tc := range []struct {
		name      string
		maxBatch  int
		maxDelay  time.Duration
		callers   int
		per       int
		wantCalls int
	}{
		// The batch waits (up to an hour) until all callers are in it.
		{"all callers in one commit", 8 * 50, time.Hour, 8, 50, 1},
		// Each caller fills a batch on its own.
		{"one commit per full caller", 50, time.Hour, 4, 50, 4},
		// Two callers fill each batch.
		{"two callers per commit", 100, time.Hour, 6, 50, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSQLite(t)
			p := newPoints(t, s, sishui.PointRain, 1)[0]
			cs := &countingStore{Store: s}
			ing := newIngester(t, cs, ingest.Config{MaxBatch: tc.maxBatch, MaxDelay: tc.maxDelay})
			var wg sync.WaitGroup
			errs := make(chan error, tc.callers)
			for c := 0; c < tc.callers; c++ {
				wg.Add(1)
				go func(c int) {
					defer wg.Done()
					res, err := ing.Submit(context.Background(), series(p.ID, "rain_mm", base.Add(time.Duration(c*tc.per)*time.Minute), tc.per, func(int) float64 { return 1 }))
					if err != nil {
						errs <- err
						return
					}
					if a, _, _ := tally(res); a != tc.per {
						errs <- errors.New("not all accepted")
					}
				}(c)
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			if got := cs.Calls(); got != tc.wantCalls {
				t.Fatalf("AppendSamples called %d times, want %d", got, tc.wantCalls)
			}
			if n := count(t, s, p.ID, sishui.MetricRainMM); n != tc.callers*tc.per {
				t.Fatalf("stored %d", n)
			}
		})
	}
}

// A caller is released only after its batch committed: a failing store fails
// every caller of the batch and acknowledges nothing.
func TestNothingAcknowledgedOnFailure(t *testing.T) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointRain, 1)[0]
	fs := &failingStore{Store: s, err: errors.New("disk full")}
	ing := newIngester(t, fs, ingest.Config{})
	_, err := ing.Submit(context.Background(), series(p.ID, "rain_mm", base, 10, func(int) float64 { return 1 }))
	if err == nil || !errors.Is(err, fs.err) {
		t.Fatalf("err %v", err)
	}
	if n := count(t, s, p.ID, sishui.MetricRainMM); n != 0 {
		t.Fatalf("stored %d", n)
	}
}

type failingStore struct {
	sishui.Store
	err error
}

func (f *failingStore) AppendSamples(context.Context, []sishui.Sample) (sishui.AppendResult, error) {
	return sishui.AppendResult{}, f.err
}

func TestCloseCommitsQueued(t *testing.T) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointRain, 1)[0]
	ing := ingest.New(s, ingest.Config{MaxDelay: time.Hour, MaxBatch: 1 << 20, Now: fixedNow})
	done := make(chan error, 1)
	go func() {
		_, err := ing.Submit(context.Background(), series(p.ID, "rain_mm", base, 10, func(int) float64 { return 1 }))
		done <- err
	}()
	// Wait until the submission is queued (the committer lingers for an hour).
	for ing.Stats().Submitted == 0 {
		time.Sleep(time.Millisecond)
	}
	ing.Close()
	if err := <-done; err != nil && !errors.Is(err, ingest.ErrClosed) {
		t.Fatal(err)
	}
	if _, err := ing.Submit(context.Background(), series(p.ID, "rain_mm", base, 1, func(int) float64 { return 1 })); !errors.Is(err, ingest.ErrClosed) {
		t.Fatalf("submit after close: %v", err)
	}
}

func TestPostgres(t *testing.T) {
	s := newPostgres(t)
	p := newPoints(t, s, sishui.PointWell, 1)[0]
	ing := newIngester(t, s, ingest.Config{})
	obs := series(p.ID, "depth_m", base, 300, func(i int) float64 { return 20 })
	for _, want := range []ingest.Status{ingest.Accepted, ingest.Duplicate} {
		res, err := ing.Submit(context.Background(), obs)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Status != want {
				t.Fatalf("got %+v, want %s", r, want)
			}
		}
	}
}

// TestConflictAfterEarlierCommit: the committer keeps its key index from
// one commit to the next; a resend in a later commit, with another value,
// is a duplicate flagged as conflicting with the stored value, not compared
// with whatever sat at its index in the earlier batch.
func TestConflictAfterEarlierCommit(t *testing.T) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointRain, 1)[0]
	ing := newIngester(t, s, ingest.Config{})
	ctx := context.Background()
	at := base.Add(time.Hour)
	first := ingest.Observation{Point: p.ID, Metric: "rain_mm", Time: at, Value: 1}
	if res, err := ing.Submit(ctx, []ingest.Observation{first}); err != nil || res[0].Status != ingest.Accepted {
		t.Fatalf("first: %+v, %v", res, err)
	}
	other := ingest.Observation{Point: p.ID, Metric: "rain_mm", Time: at.Add(time.Hour), Value: 5}
	again := first
	again.Value = 5
	res, err := ing.Submit(ctx, []ingest.Observation{other, again})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Status != ingest.Accepted {
		t.Errorf("other: %+v", res[0])
	}
	if res[1].Status != ingest.Duplicate || res[1].Flags&quality.FlagDuplicateConflict == 0 {
		t.Errorf("resend with another value: %+v (flags %s), want a conflicting duplicate", res[1], res[1].Flags)
	}
}
