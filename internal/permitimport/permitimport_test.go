package permitimport

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const good = "91371502000000001T"

func TestReadCSV(t *testing.T) {
	in := "\ufeff证号,统一社会信用代码,行政区划代码,水源,行业,年取水量,有效期起,有效期止,退水量,退水方式,开采层位\n" +
		"取水(聊东)字[2021]第1号," + good + ",371502,ground_shallow,industry,\"60,000\",2021-01-01,2025-12-31,20000,管道,shallow\n" +
		"\n" +
		"取水(聊东)字[2021]第2号," + good + ",371502,ground_shallow,industry,abc,2021-01-01,2025-12-31,,,\n" +
		"取水(聊东)字[2021]第3号,123,371502,ground_shallow,industry,100,2021-01-01,2025-12-31,,,\n" +
		"取水(聊东)字[2021]第4号," + good + ",371502,ground_shallow,industry,100,2021/1/1,2020-12-31,,,\n" +
		"取水(聊东)字[2021]第5号," + good + ",371502,ground_shallow,industry,100,2021-01-01,2025-12-31,200,,\n" +
		"取水(聊东)字[2021]第6号," + good + ",371502,ground_shallow,industry,100,2021年1月1日,2025-12-31,,,middle\n"
	rows, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		line  int
		field string
	}{{2, ""}, {4, "annual_m3"}, {5, "credit_code"}, {6, "valid_to"}, {7, "return_m3"}, {8, "layer"}}
	if len(rows) != len(want) {
		t.Fatalf("%d rows", len(rows))
	}
	for i, w := range want {
		r := rows[i]
		if r.Line != w.line {
			t.Errorf("row %d: line %d, want %d", i, r.Line, w.line)
		}
		if w.field == "" && r.Err != nil || w.field != "" && !strings.Contains(r.Describe(), w.field) {
			t.Errorf("line %d: %q, want field %q", r.Line, r.Describe(), w.field)
		}
	}
	p := rows[0]
	if p.Permit.AnnualM3 != 60_000 || p.Cert.ReturnM3 != 20_000 || p.Permit.Status != "active" || p.CreditCode != good || p.Permit.ValidTo.Year() != 2025 {
		t.Fatalf("row %+v", p)
	}
}

func TestHeaderErrors(t *testing.T) {
	for name, in := range map[string]string{
		"empty":    "",
		"unknown":  "number,colour\n",
		"missing":  "number,credit_code\n",
		"repeated": "number,证号\n",
	} {
		if _, err := ReadCSV(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestReadXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"number", "credit_code", "region", "source", "sector", "annual_m3", "valid_from", "valid_to", "return_point"},
		{"X-1", good, "371502", "yellow_river", "industry", "500000", "2022-01-01", "2026-12-31", "徒骇河"},
		{"X-2", good, "3715", "yellow_river", "industry", "1", "2022-01-01", "2026-12-31", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadXLSX(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Err != nil || got[0].Cert.ReturnPoint != "徒骇河" || got[1].Line != 3 || !strings.Contains(got[1].Describe(), "region") {
		t.Fatalf("rows %+v / %s", got, got[1].Describe())
	}
}
