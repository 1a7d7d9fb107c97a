package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func sample() *Report {
	return &Report{Kind: Monthly, Region: "371500", RegionName: "聊城市", Year: 2026, Month: 3, Generated: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
		Tables: []Table{
			{Name: "use_by_source", Title: "用水量_按水源", Columns: []Column{{Key: "source", Header: "水源"}, {Key: "volume_m3", Header: "用水量", Unit: "m³"}, {Key: "share", Header: "占比", Unit: "%"}},
				Rows: [][]any{{"引黄水", 1234.5, 61.7}, {"再生水", int64(766), nil}}},
			{Name: "indicators", Title: "主要任务目标完成情况", Columns: []Column{{Key: "seq", Header: "序号"}, {Key: "name", Header: "指标名称"}, {Key: "binding", Header: "约束性"}},
				Rows: [][]any{{1, "用水总量", true}}},
		}}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(r *Report)
		ok     bool
	}{
		{"valid", func(r *Report) {}, true},
		{"short row", func(r *Report) { r.Tables[0].Rows[0] = []any{"x"} }, false},
		{"bad cell type", func(r *Report) { r.Tables[0].Rows[0][1] = time.Now() }, false},
		{"sheet title with a slash", func(r *Report) { r.Tables[0].Title = "a/b" }, false},
		{"sheet title too long", func(r *Report) { r.Tables[0].Title = strings.Repeat("水", 32) }, false},
		{"duplicate sheet", func(r *Report) { r.Tables[1].Title = r.Tables[0].Title }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sample()
			tt.change(r)
			err := r.Validate()
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrInvalid)) {
				t.Fatalf("Validate: %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := sample().WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\ufeff")) {
		t.Fatal("no byte-order mark")
	}
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff")))
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"聊城市 2026年3月 水资源刚性约束月报"},
		{"用水量_按水源"}, {"水源", "用水量（m³）", "占比（%）"}, {"引黄水", "1234.5", "61.7"}, {"再生水", "766", ""},
		{"主要任务目标完成情况"}, {"序号", "指标名称", "约束性"}, {"1", "用水总量", "是"},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records: %q", len(recs), recs)
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("record %d: %q, want %q", i, recs[i], want[i])
		}
	}
}

func TestWriteXLSX(t *testing.T) {
	var b bytes.Buffer
	if err := sample().WriteXLSX(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "用水量_按水源,主要任务目标完成情况" {
		t.Fatalf("sheets %q", got)
	}
	cells := []struct{ sheet, cell, want string }{
		{"用水量_按水源", "A2", "水源"},
		{"用水量_按水源", "B2", "用水量（m³）"},
		{"用水量_按水源", "A3", "引黄水"},
		{"用水量_按水源", "B3", "1234.5"},
		{"用水量_按水源", "C4", ""},
		{"主要任务目标完成情况", "B3", "用水总量"},
		{"主要任务目标完成情况", "C3", "是"},
	}
	for _, c := range cells {
		got, err := f.GetCellValue(c.sheet, c.cell)
		if err != nil || got != c.want {
			t.Errorf("%s!%s = %q (%v), want %q", c.sheet, c.cell, got, err, c.want)
		}
	}
	if typ, _ := f.GetCellType("用水量_按水源", "B3"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("B3 type %v, want a number", typ)
	}
}

func TestWriteInvalid(t *testing.T) {
	r := sample()
	r.Tables[0].Rows[0] = r.Tables[0].Rows[0][:1]
	var b bytes.Buffer
	if err := r.WriteXLSX(&b); !errors.Is(err, ErrInvalid) {
		t.Fatalf("xlsx: %v", err)
	}
	if err := r.WriteCSV(&b); !errors.Is(err, ErrInvalid) {
		t.Fatalf("csv: %v", err)
	}
}

func BenchmarkWriteXLSX(b *testing.B) {
	r := sample()
	for i := 0; i < 1000; i++ {
		r.Tables[0].Rows = append(r.Tables[0].Rows, []any{"引黄水", float64(i), 1.5})
	}
	for b.Loop() {
		var buf bytes.Buffer
		if err := r.WriteXLSX(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
