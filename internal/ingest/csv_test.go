package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
)

func TestImportCSVBadRows(t *testing.T) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointWell, 1)[0]
	ing := newIngester(t, s, ingest.Config{})
	data := fmt.Sprintf(`Point,Metric,Time,Value,note
%[1]d,depth_m,2026-03-01T08:00:00+08:00,20.5,ok
%[1]d,depth_m,2026-03-01 09:00:00,20.6,no zone
%[1]d,depth_mm,2026-03-01 10:00:00,20.7,bad metric
%[1]d,depth_m,yesterday,20.8,bad time
%[1]d,depth_m,2026-03-01 11:00:00,abc,bad value
999999,depth_m,2026-03-01 12:00:00,1,unknown point
%[2]s,depth_m,2026-03-01T05:00:00Z,20.9,by code
,depth_m,2026-03-01 14:00:00,1,no point
%[1]d,depth_m,"2026-03-01
15:00:00",1,multi-line quoted time
%[1]d,depth_m,2026-03-01 16:00:00,21,last
`, p.ID, p.Code)
	var progress []ingest.Progress
	sum, err := ing.ImportCSV(context.Background(), strings.NewReader(data), ingest.ImportOptions{
		Protocol: sishui.ProtocolHTTP, BatchSize: 3,
		Progress: func(pr ingest.Progress) { progress = append(progress, pr) },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []ingest.RowError{
		{Line: 4, Column: "metric", Reason: `unknown metric "depth_mm"`},
		{Line: 5, Column: "time", Reason: `bad time "yesterday" (want RFC 3339, or 2006-01-02 15:04:05 in CST)`},
		{Line: 6, Column: "value", Reason: `bad number "abc"`},
		{Line: 9, Column: "point", Reason: "is empty"},
		{Line: 10, Column: "time", Reason: `bad time "2026-03-01\n15:00:00" (want RFC 3339, or 2006-01-02 15:04:05 in CST)`},
		{Line: 7, Reason: "unknown point 999999"},
	}
	if sum.Rows != 10 || sum.Accepted != 4 || sum.Rejected != 6 || sum.Duplicates != 0 || sum.LastLine != 12 {
		t.Fatalf("summary %+v", sum)
	}
	if len(sum.Errors) != len(want) {
		t.Fatalf("errors %+v", sum.Errors)
	}
	for _, w := range want {
		found := false
		for _, e := range sum.Errors {
			if e == w {
				found = true
			}
		}
		if !found {
			t.Errorf("missing error %+v in %+v", w, sum.Errors)
		}
	}
	if len(progress) == 0 || progress[len(progress)-1].Line != 12 || progress[len(progress)-1].BytesRead != int64(len(data)) {
		t.Fatalf("progress %+v", progress)
	}
}

func TestImportCSVTimeZones(t *testing.T) {
	s := newSQLite(t)
	p := newPoints(t, s, sishui.PointWell, 1)[0]
	for _, tc := range []struct {
		name string
		text string
		loc  *time.Location
		want time.Time
	}{
		{"no zone is Beijing", "2026-03-01 08:00:00", nil, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"no zone, T, minutes", "2026-03-01T08:01", nil, time.Date(2026, 3, 1, 0, 1, 0, 0, time.UTC)},
		{"slashes", "2026/03/01 08:02:00", nil, time.Date(2026, 3, 1, 0, 2, 0, 0, time.UTC)},
		{"explicit +08:00", "2026-03-01T08:03:00+08:00", nil, time.Date(2026, 3, 1, 0, 3, 0, 0, time.UTC)},
		{"explicit Z", "2026-03-01T00:04:00Z", nil, time.Date(2026, 3, 1, 0, 4, 0, 0, time.UTC)},
		{"explicit offset wins over option", "2026-03-01T00:05:00Z", time.FixedZone("X", -5*3600), time.Date(2026, 3, 1, 0, 5, 0, 0, time.UTC)},
		{"option zone", "2026-03-01 00:06:00", time.FixedZone("X", -5*3600), time.Date(2026, 3, 1, 5, 6, 0, 0, time.UTC)},
		{"fraction", "2026-03-01 08:07:00.250", nil, time.Date(2026, 3, 1, 0, 7, 0, 250e6, time.UTC)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ing := newIngester(t, s, ingest.Config{})
			data := fmt.Sprintf("point_id,metric,time,value\n%d,depth_m,%s,7\n", p.ID, tc.text)
			sum, err := ing.ImportCSV(context.Background(), strings.NewReader(data), ingest.ImportOptions{Location: tc.loc})
			if err != nil || sum.Accepted != 1 {
				t.Fatalf("%+v %v", sum, err)
			}
			got, err := s.QuerySamples(context.Background(), sishui.SeriesQuery{Point: p.ID, Metric: sishui.MetricDepthM, From: tc.want, To: tc.want.Add(time.Millisecond)})
			if err != nil || len(got) != 1 {
				t.Fatalf("not stored at %s: %v %v", tc.want, got, err)
			}
		})
	}
}

func TestImportCSVHeader(t *testing.T) {
	s := newSQLite(t)
	ing := newIngester(t, s, ingest.Config{})
	for _, h := range []string{"point,metric,value", "code,time,value", "a,b,c,d"} {
		t.Run(h, func(t *testing.T) {
			_, err := ing.ImportCSV(context.Background(), strings.NewReader(h+"\n1,2,3\n"), ingest.ImportOptions{})
			if !errors.Is(err, ingest.ErrBadHeader) {
				t.Fatalf("err %v", err)
			}
		})
	}
}

// writeCSV writes n rows over pts and returns the path.
func writeCSV(t *testing.T, pts []*sishui.Point, n int) string {
	var b strings.Builder
	b.WriteString("point,metric,time,value\n")
	for i := 0; i < n; i++ {
		p := pts[i%len(pts)]
		at := base.Add(time.Duration(i/len(pts)) * time.Minute).In(ingest.Beijing)
		// Codes for even points, IDs for odd ones.
		ref := fmt.Sprint(p.ID)
		if i%2 == 0 {
			ref = p.Code
		}
		fmt.Fprintf(&b, "%s,level_m,%s,%d\n", ref, at.Format("2006-01-02 15:04:05"), i)
	}
	path := filepath.Join(t.TempDir(), "levels.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportResume(t *testing.T) {
	s := newSQLite(t)
	pts := newPoints(t, s, sishui.PointWell, 4)
	const rows, batch = 1000, 100
	path := writeCSV(t, pts, rows)
	opts := ingest.ImportOptions{Protocol: sishui.ProtocolHTTP, BatchSize: batch}

	// First run: the context is cancelled inside the 4th append.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cs := &countingStore{Store: s}
	var once sync.Once
	cs.hook = func(call int) {
		if call == 4 {
			once.Do(cancel)
		}
	}
	ing := newIngester(t, cs, ingest.Config{MaxDelay: time.Millisecond})
	first, err := ing.ImportFile(ctx, path, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("first run err %v", err)
	}
	b, err := os.ReadFile(path + ".progress")
	if err != nil {
		t.Fatal(err)
	}
	// 3 or 4 batches were acknowledged (the 4th races with the cancel).
	if cp := strings.TrimSpace(string(b)); cp != "line 301" && cp != "line 401" {
		t.Fatalf("checkpoint %q", cp)
	}
	if first.LastLine != 301 && first.LastLine != 401 {
		t.Fatalf("first %+v", first)
	}

	// Second run continues after the checkpoint.
	ing2 := newIngester(t, s, ingest.Config{})
	second, err := ing2.ImportFile(context.Background(), path, opts)
	if err != nil {
		t.Fatal(err)
	}
	if second.Skipped != first.LastLine-1 || second.Rows != rows-second.Skipped || second.Rejected != 0 {
		t.Fatalf("second %+v after first %+v", second, first)
	}
	if second.Accepted+second.Duplicates != second.Rows || first.Accepted+second.Accepted+second.Duplicates != rows {
		t.Fatalf("counts: first %+v second %+v", first, second)
	}
	if _, err := os.Stat(path + ".progress"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("checkpoint left behind: %v", err)
	}
	// Every row is stored exactly once, with its value.
	total := 0
	for _, p := range pts {
		got, err := s.QuerySamples(context.Background(), sishui.SeriesQuery{Point: p.ID, Metric: sishui.MetricLevelM, From: base, To: base.AddDate(0, 0, 1)})
		if err != nil {
			t.Fatal(err)
		}
		for j, g := range got {
			if !g.Time.Equal(base.Add(time.Duration(j) * time.Minute)) {
				t.Fatalf("point %d sample %d at %s", p.ID, j, g.Time)
			}
		}
		total += len(got)
	}
	if total != rows {
		t.Fatalf("stored %d, want %d", total, rows)
	}
	// A third run (no checkpoint) finds everything stored.
	third, err := ing2.ImportFile(context.Background(), path, opts)
	if err != nil || third.Duplicates != rows || third.Accepted != 0 {
		t.Fatalf("third %+v %v", third, err)
	}
}
