package postgres_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/sqlstore"
	"github.com/sishui/sishui/internal/storetest"
)

func testDSN(t testing.TB) string { return pgtest.DSN(t) }

func openStore(t testing.TB) *postgres.DB { return pgtest.Open(t) }

func newStore(t *testing.T) (sishui.Store, *sql.DB) {
	s := openStore(t)
	return s, s.DB.DB
}

func TestConformance(t *testing.T) {
	testDSN(t)
	storetest.Run(t, newStore)
}

func TestMigrateTwice(t *testing.T) {
	s := openStore(t)
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.DB.DB.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	migs, err := postgres.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if n != len(migs) || n == 0 {
		t.Fatalf("schema_migrations has %d rows, want %d", n, len(migs))
	}
}

func TestOpenBadDSN(t *testing.T) {
	for _, tc := range []struct {
		name string
		dsn  string
	}{
		{"unparsable", "postgres://%zz"},
		{"unknown key", "nosuchkey=1"},
		{"no server", "postgres://postgres@127.0.0.1:1/test?sslmode=disable&connect_timeout=2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := postgres.Open(context.Background(), tc.dsn)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.HasPrefix(err.Error(), "postgres: ") {
				t.Fatalf("error %q lacks the package prefix", err)
			}
		})
	}
}

// seedPoints creates n points under one permit in county A.
func seedPoints(t testing.TB, s sishui.Store, n int) []int64 {
	t.Helper()
	ctx := context.Background()
	storetest.Seed(t, s)
	code := "91" + storetest.CountyA + "000000001"
	c, _ := sishui.CreditCodeCheck(code)
	u := &sishui.WaterUser{Name: "用水户", CreditCode: code + string(c), Region: storetest.CountyA, Sector: "industry"}
	if err := s.CreateWaterUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	p := &sishui.Permit{Number: "P1", UserID: u.ID, Region: storetest.CountyA, Source: sishui.SourceYellowRiver, Sector: "industry", AnnualM3: 1_000_000,
		ValidFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2028, 12, 31, 0, 0, 0, 0, time.UTC), Status: sishui.PermitActive}
	if err := s.CreatePermit(ctx, p); err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, n)
	for i := range ids {
		pt := &sishui.Point{Code: fmt.Sprintf("%010d", i+1), Name: fmt.Sprintf("计量点%d", i+1), Kind: sishui.PointWithdrawal,
			Protocol: sishui.ProtocolSZY206, Region: storetest.CountyA, PermitID: p.ID, Multiplier: 1, IntervalSeconds: 3600}
		if err := s.CreatePoint(ctx, pt); err != nil {
			t.Fatal(err)
		}
		ids[i] = pt.ID
	}
	return ids
}

// series makes n samples of one point and metric, step apart from start.
func series(point int64, start time.Time, step time.Duration, n int) []sishui.Sample {
	out := make([]sishui.Sample, n)
	for i := range out {
		out[i] = sishui.Sample{Point: point, Metric: sishui.MetricVolumeM3, Time: start.Add(time.Duration(i) * step), Value: float64(i)}
	}
	return out
}

func TestPartitionsAcrossMonths(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	pt := seedPoints(t, s, 1)[0]
	if parts, err := s.Partitions(ctx); err != nil || len(parts) != 0 {
		t.Fatalf("fresh store partitions %v, %v; want none", parts, err)
	}
	for _, tc := range []struct {
		name      string
		samples   []sishui.Sample
		inserted  int
		wantParts []string
	}{
		{"one month", series(pt, time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC), time.Hour, 24), 24, []string{"samples_p202601"}},
		{"same month again", series(pt, time.Date(2026, 1, 11, 0, 0, 0, 0, time.UTC), time.Hour, 24), 24, []string{"samples_p202601"}},
		// The last sample of January (23:59:59.999) and the first of March.
		{"across two boundaries", series(pt, time.Date(2026, 1, 31, 23, 59, 59, 999_000_000, time.UTC), 28*24*time.Hour+time.Millisecond, 2), 2,
			[]string{"samples_p202601", "samples_p202603"}},
		{"year boundary", series(pt, time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC), time.Hour, 2), 2,
			[]string{"samples_p202601", "samples_p202603", "samples_p202612", "samples_p202701"}},
		{"epoch", series(pt, time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Second, 3), 3,
			[]string{"samples_p197001", "samples_p202601", "samples_p202603", "samples_p202612", "samples_p202701"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := s.AppendSamples(ctx, tc.samples)
			if err != nil {
				t.Fatal(err)
			}
			if res.Inserted != tc.inserted || res.Duplicates != len(tc.samples)-tc.inserted {
				t.Fatalf("append %+v, want %d inserted", res, tc.inserted)
			}
			parts, err := s.Partitions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(parts, ",") != strings.Join(tc.wantParts, ",") {
				t.Fatalf("partitions %v, want %v", parts, tc.wantParts)
			}
			// Every row sits in the partition named for its UTC month.
			var misplaced int
			if err := s.DB.DB.QueryRow(`SELECT COUNT(*) FROM samples
				WHERE tableoid::regclass::text <> 'samples_p' || to_char(to_timestamp(t / 1000.0) AT TIME ZONE 'UTC', 'YYYYMM')`).Scan(&misplaced); err != nil {
				t.Fatal(err)
			}
			if misplaced != 0 {
				t.Fatalf("%d rows in the wrong partition", misplaced)
			}
			for _, x := range tc.samples {
				got, err := s.QuerySamples(ctx, sishui.SeriesQuery{Point: pt, Metric: x.Metric, From: x.Time, To: x.Time.Add(time.Millisecond)})
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != 1 || !got[0].Time.Equal(x.Time) {
					t.Fatalf("query at %v returned %+v", x.Time, got)
				}
			}
		})
	}
	// A query spanning the partitions sees every row in time order.
	all, err := s.QuerySamples(ctx, sishui.SeriesQuery{Point: pt, Metric: sishui.MetricVolumeM3, From: time.Unix(0, 0), To: time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 24+24+2+2+3 {
		t.Fatalf("spanning query returned %d rows", len(all))
	}
	for i := 1; i < len(all); i++ {
		if !all[i].Time.After(all[i-1].Time) {
			t.Fatalf("not in time order at %d", i)
		}
	}
}

func TestEnsurePartitions(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	pt := seedPoints(t, s, 1)[0]
	for _, tc := range []struct {
		name     string
		from, to time.Time
		want     string
	}{
		{"empty range", time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), ""},
		{"exclusive end", time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC), time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), "samples_p202605,samples_p202606"},
		{"overlap is idempotent", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 7, 1, 0, 0, 0, 1_000_000, time.UTC), "samples_p202605,samples_p202606,samples_p202607"},
		// Beijing midnight on 1 August is still July in UTC.
		{"non-UTC times", time.Date(2026, 8, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600)), time.Date(2026, 8, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)), "samples_p202605,samples_p202606,samples_p202607"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := s.EnsurePartitions(ctx, tc.from, tc.to); err != nil {
				t.Fatal(err)
			}
			parts, err := s.Partitions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(parts, ","); got != tc.want {
				t.Fatalf("partitions %q, want %q", got, tc.want)
			}
		})
	}
	// A partition dropped behind the store's back is recreated by the next append.
	if _, err := s.DB.DB.Exec(`DROP TABLE samples_p202606`); err != nil {
		t.Fatal(err)
	}
	res, err := s.AppendSamples(ctx, series(pt, time.Date(2026, 6, 2, 0, 0, 0, 0, time.UTC), time.Hour, 3))
	if err != nil || res.Inserted != 3 {
		t.Fatalf("append after drop: %+v %v", res, err)
	}
}

func TestCopyPath(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	pts := seedPoints(t, s, 3)
	copies := 0
	s.CopyMin = sqlstore.CopyThreshold // the COPY path from 1,000 samples, as this test's batches are
	hook := s.CopySamples
	s.CopySamples = func(ctx context.Context, conn *sql.Conn, tx *sql.Tx, samples []sishui.Sample) (int, error) {
		copies++
		return hook(ctx, conn, tx, samples)
	}
	base := time.Date(2026, 2, 27, 0, 0, 0, 0, time.UTC)
	first := series(pts[0], base, time.Minute, 1500) // 27 Feb 00:00 to 28 Feb 00:59
	// Every 3 minutes from 27 Feb 08:20 to 2 Mar: 334 old samples, the rest
	// new and reaching March, so the COPY path also creates a partition.
	overlap := series(pts[0], base.Add(500*time.Minute), 3*time.Minute, 1500)
	newInOverlap := countNew(first, overlap)
	if newInOverlap != 1500-334 {
		t.Fatalf("fixture: %d new samples in the overlap", newInOverlap)
	}
	for _, tc := range []struct {
		name       string
		samples    []sishui.Sample
		inserted   int
		copied     bool
		latestPt   int64
		latestTime time.Time
	}{
		{"fresh", first, 1500, true, pts[0], base.Add(1499 * time.Minute)},
		{"resend", first, 0, true, pts[0], base.Add(1499 * time.Minute)},
		{"overlap into a new month", overlap, newInOverlap, true, pts[0], overlap[1499].Time},
		{"duplicates within the batch", append(series(pts[1], base, time.Second, 1000), series(pts[1], base, time.Second, 1000)...), 1000, true,
			pts[1], base.Add(999 * time.Second)},
		{"below the threshold", series(pts[2], base, time.Second, 999), 999, false, pts[2], base.Add(998 * time.Second)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := copies
			res, err := s.AppendSamples(ctx, tc.samples)
			if err != nil {
				t.Fatal(err)
			}
			if res.Inserted != tc.inserted || res.Duplicates != len(tc.samples)-tc.inserted {
				t.Fatalf("append %+v, want %d inserted of %d", res, tc.inserted, len(tc.samples))
			}
			if used := copies > before; used != tc.copied {
				t.Fatalf("COPY used = %v, want %v", used, tc.copied)
			}
			latest, err := s.LatestSamples(ctx, tc.latestPt)
			if err != nil {
				t.Fatal(err)
			}
			if len(latest) != 1 || !latest[0].Time.Equal(tc.latestTime) {
				t.Fatalf("latest %+v, want time %v", latest, tc.latestTime)
			}
		})
	}
	var n int
	if err := s.DB.DB.QueryRow(`SELECT COUNT(*) FROM samples WHERE point_id = $1`, pts[0]).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if want := 1500 + newInOverlap; n != want {
		t.Fatalf("point 0 has %d rows, want %d", n, want)
	}
	// A failing COPY batch (unknown point) leaves nothing behind.
	bad := series(pts[2], base.Add(time.Hour), time.Second, 1200)
	bad[1100].Point = 999_999
	if _, err := s.AppendSamples(ctx, bad); sishui.ErrorCode(err) != sishui.EINVALID {
		t.Fatalf("unknown point: %v, want EINVALID", err)
	}
	if err := s.DB.DB.QueryRow(`SELECT COUNT(*) FROM samples WHERE point_id = $1`, pts[2]).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 999 {
		t.Fatalf("point 2 has %d rows after a failed batch, want 999", n)
	}
}

// countNew counts the samples of b whose times are not in a.
func countNew(a, b []sishui.Sample) int {
	seen := map[int64]bool{}
	for _, x := range a {
		seen[x.Time.UnixMilli()] = true
	}
	n := 0
	for _, x := range b {
		if !seen[x.Time.UnixMilli()] {
			seen[x.Time.UnixMilli()] = true
			n++
		}
	}
	return n
}

func TestConcurrentAudit(t *testing.T) {
	s := openStore(t)
	ctx := sishui.WithActor(context.Background(), &sishui.Actor{Username: "admin", Role: sishui.RoleAdmin})
	storetest.Seed(t, s)
	const writers, each = 8, 6
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				n := w*each + i + 1
				code := fmt.Sprintf("91%s%09d", storetest.CountyB, n)
				c, _ := sishui.CreditCodeCheck(code)
				u := &sishui.WaterUser{Name: fmt.Sprintf("用水户%d", n), CreditCode: code + string(c), Region: storetest.CountyB, Sector: "industry"}
				if err := s.CreateWaterUser(ctx, u); err != nil {
					errs <- err
					return
				}
				u.Phone = "0635-1"
				if err := s.UpdateWaterUser(ctx, u); err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	bad, err := s.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if bad != 0 {
		t.Fatalf("chain broken at %d", bad)
	}
	_, n, err := s.ListAudit(ctx, sishui.AuditFilter{Entity: "water_user"})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2*writers*each {
		t.Fatalf("%d water-user audit entries, want %d", n, 2*writers*each)
	}
	var maxSeq, count int64
	if err := s.DB.DB.QueryRow(`SELECT MAX(seq), COUNT(*) FROM audit`).Scan(&maxSeq, &count); err != nil {
		t.Fatal(err)
	}
	if maxSeq != count {
		t.Fatalf("audit seq has gaps: max %d over %d rows", maxSeq, count)
	}
}

func TestConcurrentCopy(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	pts := seedPoints(t, s, 2)
	// Every writer sends the same 1,200 samples of two points, crossing into
	// a month without a partition: racing partition creation, COPY and the
	// series_latest upserts must neither deadlock nor double-count.
	base := time.Date(2026, 9, 30, 23, 30, 0, 0, time.UTC)
	batch := append(series(pts[0], base, time.Second*6, 600), series(pts[1], base, time.Second*6, 600)...)
	const writers = 6
	var wg sync.WaitGroup
	results := make(chan sishui.AppendResult, writers)
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := s.AppendSamples(ctx, batch)
			if err != nil {
				errs <- err
				return
			}
			results <- res
		}()
	}
	wg.Wait()
	close(errs)
	close(results)
	for err := range errs {
		t.Fatal(err)
	}
	inserted, dups := 0, 0
	for r := range results {
		inserted += r.Inserted
		dups += r.Duplicates
	}
	if inserted != len(batch) || dups != (writers-1)*len(batch) {
		t.Fatalf("inserted %d, duplicates %d; want %d and %d", inserted, dups, len(batch), (writers-1)*len(batch))
	}
	parts, err := s.Partitions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(parts, ",") != "samples_p202609,samples_p202610" {
		t.Fatalf("partitions %v", parts)
	}
}

// TestIngestOneStatement: a group commit goes to the server as one statement
// (frames, samples, latest values); frame ids map back to their own frames,
// resent samples count as duplicates, the newest value wins in
// series_latest, and a failing sample leaves no frame behind.
func TestIngestOneStatement(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	points := seedPoints(t, s, 3)
	at := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	var frames []*sishui.RawFrame
	var samples []sishui.Sample
	for i := range 250 { // more than one 100-row INSERT of the transaction path
		frames = append(frames, &sishui.RawFrame{Protocol: sishui.ProtocolSL651, Station: fmt.Sprintf("%010d", i), Bytes: []byte{byte(i), byte(i >> 8)},
			Received: at, Samples: 1})
		// Newest first, across points: the store sorts.
		samples = append(samples, sishui.Sample{Point: points[i%3], Metric: sishui.MetricLevelM, Time: at.Add(-time.Duration(i) * time.Minute), Value: float64(i)})
	}
	res, err := s.IngestFrames(ctx, frames, samples)
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 250 || res.Duplicates != 0 {
		t.Fatalf("result %+v", res)
	}
	for i, f := range frames {
		var station string
		var raw []byte
		if err := s.DB.DB.QueryRow(`SELECT station, bytes FROM frames WHERE id = $1`, f.ID).Scan(&station, &raw); err != nil {
			t.Fatalf("frame %d (id %d): %v", i, f.ID, err)
		}
		if station != f.Station || !bytes.Equal(raw, f.Bytes) || f.Status != sishui.FrameOK {
			t.Fatalf("frame %d: id %d holds %s %x", i, f.ID, station, raw)
		}
	}
	// A resend of two samples and one new, newer one.
	newer := sishui.Sample{Point: points[0], Metric: sishui.MetricLevelM, Time: at.Add(time.Minute), Value: 99}
	res, err = s.IngestFrames(ctx, []*sishui.RawFrame{{Protocol: sishui.ProtocolSL651, Bytes: []byte{1}}}, []sishui.Sample{samples[0], samples[1], newer})
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 1 || res.Duplicates != 2 {
		t.Fatalf("resend result %+v", res)
	}
	latest, err := s.LatestSamples(ctx, points[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(latest) != 1 || latest[0].Value != 99 {
		t.Fatalf("latest %+v", latest)
	}
	latest, err = s.LatestSamples(ctx, points[1])
	if err != nil {
		t.Fatal(err)
	}
	if len(latest) != 1 || latest[0].Value != 1 { // sample 1 is point 1's newest
		t.Fatalf("latest of point 1: %+v", latest)
	}
	// An unknown point fails the whole statement: no frame is archived.
	var before int
	if err := s.DB.DB.QueryRow(`SELECT count(*) FROM frames`).Scan(&before); err != nil {
		t.Fatal(err)
	}
	orphan := &sishui.RawFrame{Protocol: sishui.ProtocolSL651, Bytes: []byte{2}}
	if _, err := s.IngestFrames(ctx, []*sishui.RawFrame{orphan}, []sishui.Sample{{Point: 987654, Metric: sishui.MetricLevelM, Time: at, Value: 1}}); sishui.ErrorCode(err) != sishui.EINVALID {
		t.Fatalf("unknown point: %v", err)
	}
	var after int
	if err := s.DB.DB.QueryRow(`SELECT count(*) FROM frames`).Scan(&after); err != nil {
		t.Fatal(err)
	}
	if after != before || orphan.ID != 0 {
		t.Fatalf("frames %d → %d, orphan id %d", before, after, orphan.ID)
	}
}
