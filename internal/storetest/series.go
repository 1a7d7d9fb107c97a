package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

func testAudit(t *testing.T, s sishui.Store, db *sql.DB) {
	ctx := as(sishui.RoleAdmin, "", 0)
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))
	u.Phone = "123"
	must(t, s.UpdateWaterUser(ctx, u))
	entries, n, err := s.ListAudit(ctx, sishui.AuditFilter{Entity: "water_user"})
	must(t, err)
	if n != 2 || entries[0].Action != "update" || entries[1].Action != "create" || entries[0].Actor != "admin" {
		t.Fatalf("audit entries = %d: %+v", n, entries)
	}
	if len(entries[0].Before) == 0 || len(entries[0].After) == 0 || len(entries[1].Before) != 0 {
		t.Fatal("before/after values missing")
	}
	bad, err := s.VerifyAudit(ctx)
	must(t, err)
	if bad != 0 {
		t.Fatalf("fresh chain broken at %d", bad)
	}
	_, total, err := s.ListAudit(ctx, sishui.AuditFilter{})
	must(t, err)

	for _, tc := range []struct {
		name string
		sql  string
		want int64
	}{
		{"edited row", `UPDATE audit SET after_json = '{"phone":"999"}' WHERE seq = 3`, 3},
		{"deleted row", `DELETE FROM audit WHERE seq = 2`, 2},
		{"deleted last row", `DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)`, int64(total)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			saved := snapshotAudit(t, db)
			defer restoreAudit(t, db, saved)
			if _, err := db.Exec(tc.sql); err != nil {
				t.Fatal(err)
			}
			bad, err := s.VerifyAudit(ctx)
			must(t, err)
			if bad != tc.want {
				t.Fatalf("verify = %d, want %d", bad, tc.want)
			}
		})
	}
	bad, err = s.VerifyAudit(ctx)
	must(t, err)
	if bad != 0 {
		t.Fatalf("restored chain broken at %d", bad)
	}
}

const auditCols = "seq, time_ms, actor, role, action, entity, entity_id, before_json, after_json, reason, prev_hash, hash"

func snapshotAudit(t *testing.T, db *sql.DB) [][]any {
	rows, err := db.Query("SELECT " + auditCols + " FROM audit ORDER BY seq")
	must(t, err)
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		var seq, tm int64
		var f [10]string
		must(t, rows.Scan(&seq, &tm, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6], &f[7], &f[8], &f[9]))
		row := []any{seq, tm}
		for _, v := range f {
			row = append(row, v)
		}
		out = append(out, row)
	}
	must(t, rows.Err())
	return out
}

func restoreAudit(t *testing.T, db *sql.DB, saved [][]any) {
	_, err := db.Exec("DELETE FROM audit")
	must(t, err)
	for _, row := range saved {
		_, err := db.Exec("INSERT INTO audit ("+auditCols+") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", row...)
		must(t, err)
	}
}

func testSamples(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("P", u.ID, CountyA, sishui.SourceYellowRiver, 10)
	must(t, s.CreatePermit(ctx, p))
	pt := newPoint("51", p.ID, CountyA)
	must(t, s.CreatePoint(ctx, pt))
	base := time.Date(2026, 3, 1, 23, 0, 0, 0, time.UTC) // crosses a day bucket
	var batch []sishui.Sample
	for i := 0; i < 250; i++ {
		batch = append(batch, sishui.Sample{Point: pt.ID, Metric: sishui.MetricVolumeM3, Time: base.Add(time.Duration(i) * time.Minute), Value: float64(1000 + i)})
	}
	// Out of order input is accepted.
	batch[0], batch[249] = batch[249], batch[0]
	res, err := s.AppendSamples(ctx, batch)
	must(t, err)
	if res.Inserted != 250 || res.Duplicates != 0 {
		t.Fatalf("first append %+v", res)
	}
	// A resend never double-counts, even with a different value.
	resend := append([]sishui.Sample(nil), batch[:10]...)
	resend[0].Value = -1
	resend = append(resend, sishui.Sample{Point: pt.ID, Metric: sishui.MetricVolumeM3, Time: base.Add(-time.Hour), Value: 999})
	res, err = s.AppendSamples(ctx, resend)
	must(t, err)
	if res.Inserted != 1 || res.Duplicates != 10 {
		t.Fatalf("resend %+v", res)
	}
	got, err := s.QuerySamples(ctx, sishui.SeriesQuery{Point: pt.ID, Metric: sishui.MetricVolumeM3, From: base.Add(-2 * time.Hour), To: base.Add(300 * time.Minute)})
	must(t, err)
	if len(got) != 251 {
		t.Fatalf("query returned %d, want 251", len(got))
	}
	for i := 1; i < len(got); i++ {
		if !got[i].Time.After(got[i-1].Time) {
			t.Fatalf("not in time order at %d", i)
		}
	}
	if got[1].Value != 1000 || got[250].Value != 1249 {
		t.Fatalf("values %v %v", got[1].Value, got[250].Value)
	}
	part, err := s.QuerySamples(ctx, sishui.SeriesQuery{Point: pt.ID, Metric: sishui.MetricVolumeM3, From: base, To: base.Add(10 * time.Minute)})
	must(t, err)
	if len(part) != 10 {
		t.Fatalf("half-open range returned %d, want 10", len(part))
	}
	limited, err := s.QuerySamples(ctx, sishui.SeriesQuery{Point: pt.ID, Metric: sishui.MetricVolumeM3, From: base, To: base.Add(24 * time.Hour), Limit: 5})
	must(t, err)
	if len(limited) != 5 {
		t.Fatalf("limit returned %d", len(limited))
	}
	latest, err := s.LatestSamples(ctx, pt.ID)
	must(t, err)
	if len(latest) != 1 || latest[0].Value != 1249 || !latest[0].Time.Equal(base.Add(249*time.Minute)) {
		t.Fatalf("latest %+v", latest)
	}
	for _, tc := range []struct {
		name  string
		s     sishui.Sample
		code  string
		field string
	}{
		{"unknown point", sishui.Sample{Point: 999, Metric: 1, Time: base, Value: 1}, sishui.EINVALID, ""},
		{"NaN", sishui.Sample{Point: pt.ID, Metric: 1, Time: base, Value: nan()}, sishui.EINVALID, "samples[1].value"},
		{"no time", sishui.Sample{Point: pt.ID, Metric: 1, Value: 1}, sishui.EINVALID, "samples[1].time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			good := sishui.Sample{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: base, Value: 1}
			_, err := s.AppendSamples(ctx, []sishui.Sample{good, tc.s})
			wantCode(t, err, tc.code, tc.field)
			// The whole batch failed: the good sample was not half-written.
			got, err := s.QuerySamples(ctx, sishui.SeriesQuery{Point: pt.ID, Metric: sishui.MetricFlowM3s, From: base, To: base.Add(time.Second)})
			must(t, err)
			if len(got) != 0 {
				t.Fatal("a failed batch left a sample behind")
			}
		})
	}
}

func nan() float64 { var z float64; return z / z }

func testFrames(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("P", u.ID, CountyA, sishui.SourceYellowRiver, 10)
	must(t, s.CreatePermit(ctx, p))
	pt := newPoint("0011223344", p.ID, CountyA)
	must(t, s.CreatePoint(ctx, pt))
	now := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	ok := &sishui.RawFrame{Received: now, Protocol: "szy206", Peer: "127.0.0.1:5000", Station: "0011223344", Function: "C0", Bytes: []byte{0x68, 0x01, 0x16}, Status: sishui.FrameOK, Samples: 1}
	bad := &sishui.RawFrame{Received: now, Protocol: "szy206", Peer: "127.0.0.1:5001", Bytes: []byte{0x68, 0xFF}, Status: sishui.FrameQuarantined, Reason: "checksum", Offset: 1}
	res, err := s.IngestFrames(ctx, []*sishui.RawFrame{ok}, []sishui.Sample{{Point: pt.ID, Metric: sishui.MetricVolumeM3, Time: now, Value: 5}})
	must(t, err)
	if res.Inserted != 1 || ok.ID == 0 {
		t.Fatalf("ingest %+v id=%d", res, ok.ID)
	}
	must(t, s.ArchiveFrames(ctx, []*sishui.RawFrame{bad}))
	// An ingest whose samples fail leaves no frame behind either.
	orphan := &sishui.RawFrame{Received: now, Protocol: "szy206", Station: "X", Bytes: []byte{1}}
	_, err = s.IngestFrames(ctx, []*sishui.RawFrame{orphan}, []sishui.Sample{{Point: 12345, Metric: 1, Time: now, Value: 1}})
	wantCode(t, err, sishui.EINVALID, "")
	frames, n, err := s.ListFrames(ctx, sishui.FrameFilter{})
	must(t, err)
	if n != 2 || frames[0].ID != bad.ID || frames[0].Reason != "checksum" || frames[0].Offset != 1 || frames[1].Hex != "680116" {
		t.Fatalf("frames %d: %+v", n, frames)
	}
	q, n, err := s.ListFrames(ctx, sishui.FrameFilter{Status: sishui.FrameQuarantined})
	must(t, err)
	if n != 1 || q[0].Peer != "127.0.0.1:5001" {
		t.Fatalf("quarantined %+v", q)
	}
	// County B cannot see county A's terminal's frames, nor the unknown terminal's.
	_, n, err = s.ListFrames(as(sishui.RoleCounty, CountyB, 0), sishui.FrameFilter{})
	must(t, err)
	if n != 0 {
		t.Fatalf("county B sees %d frames", n)
	}
	_, n, err = s.ListFrames(as(sishui.RoleCounty, CountyA, 0), sishui.FrameFilter{})
	must(t, err)
	if n != 1 {
		t.Fatalf("county A sees %d frames, want 1", n)
	}
}

// testFramesByStation lists one station's frames among 9,000 of many
// terminals: across several id groups of the SQLite index (4096 ids each),
// newest first and page by page, with its count, a station whose only
// frames are the archive's first and last, and a station with none.
func testFramesByStation(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	now := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	const total = 9000
	var want []int64 // station 0000000007's frames, in archive order
	var rare []int64 // station 0000009999's frames
	batch := make([]*sishui.RawFrame, 0, 1000)
	for i := range total {
		st := fmt.Sprintf("%010d", i%50)
		if i == 0 || i == total-1 {
			st = "0000009999"
		}
		batch = append(batch, &sishui.RawFrame{Received: now.Add(time.Duration(i) * time.Second), Protocol: "sl651", Station: st, Function: "32", Bytes: []byte{byte(i)}, Status: sishui.FrameOK})
		if len(batch) == cap(batch) || i == total-1 {
			must(t, s.ArchiveFrames(ctx, batch))
			for _, f := range batch {
				switch f.Station {
				case "0000000007":
					want = append(want, f.ID)
				case "0000009999":
					rare = append(rare, f.ID)
				}
			}
			batch = batch[:0]
		}
	}
	slices.Reverse(want)
	var got []int64
	for off := 0; ; off += 40 {
		fs, n, err := s.ListFrames(ctx, sishui.FrameFilter{Station: "0000000007", Page: sishui.Page{Limit: 40, Offset: off}})
		must(t, err)
		if n != len(want) {
			t.Fatalf("count %d, want %d", n, len(want))
		}
		if len(fs) == 0 {
			break
		}
		for _, f := range fs {
			if f.Station != "0000000007" {
				t.Fatalf("frame %d of station %s in station 0000000007's list", f.ID, f.Station)
			}
			got = append(got, f.ID)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("station's frames %d..., want %d... (%d, want %d)", got[:min(5, len(got))], want[:5], len(got), len(want))
	}
	fs, n, err := s.ListFrames(ctx, sishui.FrameFilter{Station: "0000009999"})
	must(t, err)
	if n != 2 || len(fs) != 2 || fs[0].ID != rare[1] || fs[1].ID != rare[0] {
		t.Fatalf("rare station: %d frames %+v, want ids %d", n, fs, rare)
	}
	fs, n, err = s.ListFrames(ctx, sishui.FrameFilter{Station: "0000009999", Page: sishui.Page{Sort: "received", Order: sishui.OrderAsc}})
	must(t, err)
	if n != 2 || len(fs) != 2 || fs[0].ID != rare[0] {
		t.Fatalf("rare station by time: %+v", fs)
	}
	fs, n, err = s.ListFrames(ctx, sishui.FrameFilter{Station: "0000008888"})
	must(t, err)
	if n != 0 || len(fs) != 0 {
		t.Fatalf("silent station: %d frames", n)
	}
}
