package ingest_test

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/auth"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/sqlite"
)

// benchRows makes n samples over the points, time-major (each tick reports
// every point), as live traffic arrives.
func benchRows(pts []*sishui.Point, n int, offset time.Duration) []sishui.Sample {
	out := make([]sishui.Sample, n)
	for i := range out {
		p := pts[i%len(pts)]
		out[i] = sishui.Sample{Point: p.ID, Metric: sishui.MetricLevelM, Time: base.Add(offset + time.Duration(i/len(pts))*time.Second), Value: float64(i % 100)}
	}
	return out
}

// BenchmarkIngest compares sustained ingest through the Ingester (16
// goroutines submitting 100 samples each, group-committed: the HTTP and CSV
// path) with the store's own bulk AppendSamples of the same kind of rows in
// 5000-row batches, and with the raw ceiling measured in the same run: the
// same number of rows appended into a bare keyed SQLite table
// (sqlite.RawAppendRate). ratio = ingester / store bulk; bare_ratio =
// ingester / bare table. PostgreSQL runs when SISHUI_TEST_POSTGRES is set.
func BenchmarkIngest(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchIngest(b, newSQLite(b)) })
	b.Run("postgres", func(b *testing.B) { benchIngest(b, newPostgres(b)) })
}

func benchIngest(b *testing.B, s sishui.Store) {
	pts := newPoints(b, s, sishui.PointWell, 1000)
	const rows = 200_000
	ctx := context.Background()
	var rawRate, ingRate, bareRate float64
	var rawCPU, ingCPU, bareCPU time.Duration // process CPU time: the machine is shared
	for i := 0; i < b.N; i++ {
		// Raw: one goroutine, 5000-row AppendSamples calls.
		raw := benchRows(pts, rows, time.Duration(2*i)*time.Hour*100)
		start, c0 := time.Now(), processCPU()
		for j := 0; j < len(raw); j += 5000 {
			if _, err := s.AppendSamples(ctx, raw[j:j+5000]); err != nil {
				b.Fatal(err)
			}
		}
		rawRate += rows / time.Since(start).Seconds()
		rawCPU += processCPU() - c0
		c0 = processCPU()
		bare, err := sqlite.RawAppendRate(filepath.Join(b.TempDir(), "bare.db"), rows, len(pts))
		if err != nil {
			b.Fatal(err)
		}
		bareRate += bare
		bareCPU += processCPU() - c0

		// Ingester: the same rows 100 hours later, 16 submitters of 100 samples.
		chunks := chunkObservations(benchRows(pts, rows, time.Duration(2*i+1)*time.Hour*100))
		ing := warmIngester(b, s, pts, i)
		start, c0 = time.Now(), processCPU()
		err = submitConcurrently(len(chunks), func(j int) error {
			res, err := ing.Submit(ctx, chunks[j])
			if err != nil {
				return err
			}
			for _, r := range res {
				if r.Status != ingest.Accepted {
					return fmt.Errorf("%+v", r)
				}
			}
			return nil
		})
		ingRate += rows / time.Since(start).Seconds()
		ingCPU += processCPU() - c0
		ing.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(rawRate/float64(b.N), "raw_samples/s")
	b.ReportMetric(ingRate/float64(b.N), "ingest_samples/s")
	b.ReportMetric(ingRate/rawRate, "ratio")
	b.ReportMetric(bareRate/float64(b.N), "bare_samples/s")
	b.ReportMetric(ingRate/bareRate, "bare_ratio")
	n := float64(b.N * rows)
	b.ReportMetric(float64(ingCPU.Nanoseconds())/1e3/n, "ingest-cpu-µs/sample")
	b.ReportMetric(float64(rawCPU.Nanoseconds())/1e3/n, "store-cpu-µs/sample")
	b.ReportMetric(float64(bareCPU.Nanoseconds())/1e3/n, "bare-cpu-µs/sample")
	b.ReportMetric(float64(bareCPU)/float64(ingCPU), "cpu_bare_ratio")
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkIngestHTTP measures the whole HTTP path: 16 clients POST
// /api/v1/observations bodies of 100 observations each (JSON decoding,
// validation, point resolution, quality checks, group commit, the JSON
// reply), served by the observations handler, against a bare keyed table
// append of the same number of rows measured in the same run (bare_ratio by
// rate, cpu_bare_ratio by process CPU time).
// The served variants go through the whole server (Server.Handler: routing,
// token authentication, logging) with a city account's API token.
func BenchmarkIngestHTTP(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchPath(b, newSQLite(b), httpSubmitter) })
	b.Run("postgres", func(b *testing.B) { benchPath(b, newPostgres(b), httpSubmitter) })
	b.Run("sqlite/served", func(b *testing.B) { s := newSQLite(b); benchPath(b, s, servedSubmitter(s)) })
	b.Run("postgres/served", func(b *testing.B) { s := newPostgres(b); benchPath(b, s, servedSubmitter(s)) })
}

// BenchmarkIngestCSV is BenchmarkIngestHTTP for CSV imports of 100 rows each
// (ImportCSV: CSV parsing, zoneless Beijing times, per-row errors).
func BenchmarkIngestCSV(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchPath(b, newSQLite(b), csvSubmitter) })
	b.Run("postgres", func(b *testing.B) { benchPath(b, newPostgres(b), csvSubmitter) })
}

// A submitter turns 100-row chunks into its input form (outside the timed
// part) and returns the function that submits one chunk.
type submitter func(b *testing.B, ing *ingest.Ingester, chunks [][]ingest.Observation) func(ctx context.Context, i int) error

func httpSubmitter(b *testing.B, ing *ingest.Ingester, chunks [][]ingest.Observation) func(ctx context.Context, i int) error {
	return postSubmitter(chunks, (&api.Server{Ingest: ing}).ObservationsHandler(), "")
}

// servedSubmitter posts through Server.Handler with an API token of a new
// city account of st.
func servedSubmitter(st sishui.Store) submitter {
	return func(b *testing.B, ing *ingest.Ingester, chunks [][]ingest.Observation) func(ctx context.Context, i int) error {
		ctx := context.Background()
		svc := &auth.Service{Store: st}
		acc := &sishui.Account{Username: fmt.Sprintf("bench%d", codeSeq.Add(1)), Role: sishui.RoleCity}
		if err := st.CreateAccount(ctx, acc); err != nil {
			b.Fatal(err)
		}
		token, _, err := svc.CreateToken(ctx, acc, "bench", time.Hour)
		if err != nil {
			b.Fatal(err)
		}
		return postSubmitter(chunks, (&api.Server{Store: st, Auth: svc, Ingest: ing, Version: "bench"}).Handler(), token)
	}
}

// postSubmitter posts each chunk as a JSON body to h, with a bearer token
// when one is given.
func postSubmitter(chunks [][]ingest.Observation, h http.Handler, token string) func(ctx context.Context, i int) error {
	bodies := make([][]byte, len(chunks))
	for i, c := range chunks {
		var sb strings.Builder
		sb.WriteString(`{"observations":[`)
		for j, o := range c {
			if j > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, `{"point":%d,"metric":%q,"time":%q,"value":%g}`, o.Point, o.Metric, o.Time.In(ingest.Beijing).Format(time.RFC3339), o.Value)
		}
		sb.WriteString("]}")
		bodies[i] = []byte(sb.String())
	}
	return func(ctx context.Context, i int) error {
		req := httptest.NewRequestWithContext(ctx, "POST", "/api/v1/observations", bytes.NewReader(bodies[i]))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			return fmt.Errorf("POST: %d %s", w.Code, w.Body)
		}
		// The counts lead the reply; decoding all of it would be the
		// client's work, not the server's.
		if want := fmt.Sprintf(`{"accepted":%d,"duplicates":0,"rejected":0,`, len(chunks[i])); !bytes.HasPrefix(w.Body.Bytes(), []byte(want)) {
			return fmt.Errorf("POST: %s", w.Body)
		}
		return nil
	}
}

func csvSubmitter(b *testing.B, ing *ingest.Ingester, chunks [][]ingest.Observation) func(ctx context.Context, i int) error {
	files := make([]string, len(chunks))
	for i, c := range chunks {
		var sb strings.Builder
		sb.WriteString("point,metric,time,value\n")
		for _, o := range c {
			fmt.Fprintf(&sb, "%d,%s,%s,%g\n", o.Point, o.Metric, o.Time.In(ingest.Beijing).Format("2006-01-02 15:04:05"), o.Value)
		}
		files[i] = sb.String()
	}
	return func(ctx context.Context, i int) error {
		sum, err := ing.ImportCSV(ctx, strings.NewReader(files[i]), ingest.ImportOptions{})
		if err != nil {
			return err
		}
		if sum.Accepted != len(chunks[i]) {
			return fmt.Errorf("import: %+v", sum)
		}
		return nil
	}
}

// benchPath runs 16 concurrent submitters of 100-row chunks through one
// input path and reports it against the bare keyed table.
func benchPath(b *testing.B, s sishui.Store, sub submitter) {
	pts := newPoints(b, s, sishui.PointWell, 1000)
	const rows = 200_000
	ctx := context.Background()
	var pathRate, bareRate float64
	var pathCPU, bareCPU time.Duration
	var batches int64
	for i := 0; i < b.N; i++ {
		c0 := processCPU()
		bare, err := sqlite.RawAppendRate(filepath.Join(b.TempDir(), "bare.db"), rows, len(pts))
		if err != nil {
			b.Fatal(err)
		}
		bareRate += bare
		bareCPU += processCPU() - c0

		chunks := chunkObservations(benchRows(pts, rows, time.Duration(i+1)*time.Hour*100))
		ing := warmIngester(b, s, pts, i)
		submit := sub(b, ing, chunks)
		start := time.Now()
		c0 = processCPU()
		err = submitConcurrently(len(chunks), func(j int) error { return submit(ctx, j) })
		pathRate += rows / time.Since(start).Seconds()
		pathCPU += processCPU() - c0
		batches += ing.Stats().Batches - 1 // less the warming one
		ing.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	n := float64(b.N * rows)
	b.ReportMetric(pathRate/float64(b.N), "samples/s")
	b.ReportMetric(bareRate/float64(b.N), "bare_samples/s")
	b.ReportMetric(pathRate/bareRate, "bare_ratio")
	b.ReportMetric(float64(pathCPU.Nanoseconds())/1e3/n, "cpu-µs/sample")
	b.ReportMetric(float64(bareCPU.Nanoseconds())/1e3/n, "bare-cpu-µs/sample")
	b.ReportMetric(float64(bareCPU)/float64(pathCPU), "cpu_bare_ratio")
	b.ReportMetric(n/float64(batches), "samples/commit")
}

// chunkObservations cuts samples into observations of 100.
func chunkObservations(in []sishui.Sample) [][]ingest.Observation {
	var chunks [][]ingest.Observation
	for j := 0; j < len(in); j += 100 {
		c := make([]ingest.Observation, 0, 100)
		for _, x := range in[j:min(j+100, len(in))] {
			c = append(c, ingest.Observation{Point: x.Point, Metric: "level_m", Time: x.Time, Value: x.Value})
		}
		chunks = append(chunks, c)
	}
	return chunks
}

// warmIngester returns a new Ingester of s whose point cache and high-water
// marks hold the points (a running ingester has them), for iteration i.
func warmIngester(b *testing.B, s sishui.Store, pts []*sishui.Point, i int) *ingest.Ingester {
	ing := ingest.New(s, ingest.Config{Now: func() time.Time { return base.AddDate(0, 0, 400) }})
	warm := make([]ingest.Observation, len(pts))
	for j, p := range pts {
		warm[j] = ingest.Observation{Point: p.ID, Metric: "level_m", Time: base.Add(-time.Duration(i+1) * time.Hour), Value: 1}
	}
	if _, err := ing.Submit(context.Background(), warm); err != nil {
		b.Fatal(err)
	}
	return ing
}

// submitConcurrently calls submit for 0..n-1 from 16 goroutines and returns
// the first error.
func submitConcurrently(n int, submit func(j int) error) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j := int(next.Add(1)) - 1
				if j >= n {
					return
				}
				if err := submit(j); err != nil {
					mu.Lock()
					first = cmp.Or(first, err)
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}
