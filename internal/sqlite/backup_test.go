package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/cityfile"
	"github.com/sishui/sishui/internal/sqlite"
)

// A backup taken while the database is written to restores to exactly the
// rows of every table as they stood.
func TestBackupRestoresEveryTable(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "live.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := cityfile.Load(ctx, fs.FS(liaocheng.FS), s); err != nil {
		t.Fatal(err)
	}
	points, err := sishui.AllPoints(ctx, s, sishui.PointFilter{})
	if err != nil || len(points) < 10 {
		t.Fatalf("%d points: %v", len(points), err)
	}
	var batch []sishui.Sample
	t0 := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range points[:10] {
		for h := 0; h < 100; h++ {
			batch = append(batch, sishui.Sample{Point: p.ID, Metric: sishui.MetricFlowM3s, Time: t0.Add(time.Duration(h) * time.Hour), Value: float64(h) / 10})
		}
	}
	if _, err := s.AppendSamples(ctx, batch); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "copy.db")
	if err := s.Backup(ctx, copyPath); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, copyPath); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("backup over a file: %v", err)
	}
	want := dumpTables(t, s.DB.DB)
	r, err := sqlite.Open(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got := dumpTables(t, r.DB.DB)
	if len(want) < 20 {
		t.Fatalf("only %d tables", len(want))
	}
	rows := 0
	for table, w := range want {
		if g := got[table]; g != w {
			t.Errorf("table %s differs after restore (%d vs %d bytes)", table, len(g), len(w))
		}
		rows += strings.Count(w, "\n")
	}
	if len(got) != len(want) {
		t.Errorf("%d tables restored, want %d", len(got), len(want))
	}
	t.Logf("%d tables, %d rows compared", len(want), rows)
}

// dumpTables renders every table's rows, in a stable order, as text.
func dumpTables(t *testing.T, db *sql.DB) map[string]string {
	t.Helper()
	names, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for names.Next() {
		var n string
		names.Scan(&n)
		tables = append(tables, n)
	}
	names.Close()
	out := map[string]string{}
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM "` + table + `" ORDER BY 1, 2`)
		if err != nil {
			rows, err = db.Query(`SELECT * FROM "` + table + `" ORDER BY 1`)
		}
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		cols, _ := rows.Columns()
		var b strings.Builder
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				fmt.Fprintf(&b, "%v\x1f", v)
			}
			b.WriteByte('\n')
		}
		rows.Close()
		out[table] = b.String()
	}
	return out
}
