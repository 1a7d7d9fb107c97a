// Package permitimport reads batches of existing withdrawal-permit
// certificates (取水许可证) from CSV or xlsx: one header row naming the
// columns (English or Chinese), one certificate a row. Each row is parsed on
// its own: a bad row carries its error with its line and field, and the good
// rows still load.
package permitimport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sishui/sishui"
)

// Row is one certificate as read.
type Row struct {
	Line       int // 1-based line (CSV) or row (xlsx) of the file, the header being 1
	Permit     sishui.Permit
	CreditCode string // the holder's 统一社会信用代码
	Cert       sishui.Certificate
	ZoneCode   string
	Err        error // the row's error, naming the field
}

// columns maps the accepted header names to canonical names.
var columns = map[string]string{
	"number": "number", "证号": "number", "取水许可证编号": "number", "许可证编号": "number",
	"credit_code": "credit_code", "统一社会信用代码": "credit_code",
	"region": "region", "行政区划代码": "region", "行政区划": "region",
	"source": "source", "水源": "source", "水源类型": "source",
	"sector": "sector", "行业": "sector",
	"purpose": "purpose", "取水用途": "purpose",
	"intake_name": "intake_name", "取水地点": "intake_name",
	"lon": "lon", "经度": "lon", "lat": "lat", "纬度": "lat",
	"annual_m3": "annual_m3", "年取水量": "annual_m3", "许可水量": "annual_m3",
	"valid_from": "valid_from", "有效期起": "valid_from", "valid_to": "valid_to", "有效期止": "valid_to",
	"status": "status", "状态": "status",
	"zone_code": "zone_code", "地下水分区": "zone_code",
	"layer": "layer", "开采层位": "layer",
	"return_point": "return_point", "退水地点": "return_point",
	"return_method": "return_method", "退水方式": "return_method",
	"return_m3": "return_m3", "退水量": "return_m3",
	"issued_on": "issued_on", "发证日期": "issued_on",
	"note": "note", "备注": "note",
}

var required = []string{"number", "credit_code", "region", "source", "sector", "annual_m3", "valid_from", "valid_to"}

// ReadCSV reads a CSV file (UTF-8, optional BOM).
func ReadCSV(r io.Reader) ([]Row, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var records [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		records, lines = append(records, rec), append(lines, line)
	}
	return parse(records, lines)
}

// ReadXLSX reads the first sheet of an xlsx workbook.
func ReadXLSX(r io.Reader) ([]Row, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("xlsx: no sheet")
	}
	records, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	lines := make([]int, len(records))
	for i := range lines {
		lines[i] = i + 1
	}
	return parse(records, lines)
}

// parse reads the header and the rows; lines[i] is the file line of records[i].
func parse(records [][]string, lines []int) ([]Row, error) {
	if len(records) == 0 {
		return nil, fmt.Errorf("empty file: a header row is required")
	}
	index := map[string]int{}
	for i, h := range records[0] {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		name, ok := columns[strings.ToLower(h)]
		if !ok {
			name, ok = columns[h]
		}
		if !ok {
			return nil, fmt.Errorf("header column %d: unknown column %q", i+1, h)
		}
		if _, dup := index[name]; dup {
			return nil, fmt.Errorf("header column %d: %q given twice", i+1, h)
		}
		index[name] = i
	}
	for _, c := range required {
		if _, ok := index[c]; !ok {
			return nil, fmt.Errorf("header: column %q is required", c)
		}
	}
	var rows []Row
	for n, rec := range records[1:] {
		get := func(c string) string {
			if i, ok := index[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		empty := true
		for _, v := range rec {
			if strings.TrimSpace(v) != "" {
				empty = false
			}
		}
		if empty {
			continue
		}
		row := Row{Line: lines[n+1]}
		row.Err = row.fill(get)
		rows = append(rows, row)
	}
	return rows, nil
}

func (row *Row) fill(get func(string) string) error {
	p := &row.Permit
	p.Number, p.Region, p.Source, p.Sector = get("number"), get("region"), get("source"), get("sector")
	p.Purpose, p.IntakeName, p.Note = get("purpose"), get("intake_name"), get("note")
	p.Status = get("status")
	if p.Status == "" {
		p.Status = sishui.PermitActive
	}
	row.CreditCode, row.ZoneCode = get("credit_code"), get("zone_code")
	c := &row.Cert
	c.Layer, c.ReturnPoint, c.ReturnMethod = get("layer"), get("return_point"), get("return_method")
	var err error
	if p.AnnualM3, err = integer(get("annual_m3"), "annual_m3"); err != nil {
		return err
	}
	if c.ReturnM3, err = integer(get("return_m3"), "return_m3"); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		dst  *float64
	}{{"lon", &p.Lon}, {"lat", &p.Lat}} {
		if v := get(f.name); v != "" {
			if *f.dst, err = strconv.ParseFloat(v, 64); err != nil {
				return sishui.Invalid(f.name, "must be a number, got %q", v)
			}
		}
	}
	for _, f := range []struct {
		name string
		dst  *time.Time
	}{{"valid_from", &p.ValidFrom}, {"valid_to", &p.ValidTo}, {"issued_on", &c.IssuedAt}} {
		if v := get(f.name); v != "" {
			if *f.dst, err = parseDate(v); err != nil {
				return sishui.Invalid(f.name, "must be a date YYYY-MM-DD, got %q", v)
			}
		}
	}
	if err := sishui.ValidateCreditCode(row.CreditCode); err != nil {
		return err
	}
	p.UserID = 1 // resolved from the credit code by the loader; set so that Validate checks the rest
	err = p.Validate()
	p.UserID = 0
	if err != nil {
		return err
	}
	if c.ReturnM3 > p.AnnualM3 {
		return sishui.Invalid("return_m3", "is more than annual_m3")
	}
	if c.Layer != "" && c.Layer != "shallow" && c.Layer != "deep" {
		return sishui.Invalid("layer", "must be shallow or deep")
	}
	return nil
}

// integer parses whole m³, allowing thousands separators ("" is 0).
func integer(v, field string) (int64, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(v, ",", ""), 10, 64)
	if err != nil || n < 0 {
		return 0, sishui.Invalid(field, "must be a whole non-negative number of m³, got %q", v)
	}
	return n, nil
}

func parseDate(v string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006/1/2", "2006.1.2", "2006年1月2日"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q", v)
}

// Describe formats a row's error as "line N: field: message".
func (row *Row) Describe() string {
	if row.Err == nil {
		return ""
	}
	f := sishui.ErrorField(row.Err)
	msg := row.Err.Error()
	var e *sishui.Error
	if errors.As(row.Err, &e) {
		msg = e.Message
	}
	if f != "" {
		return fmt.Sprintf("line %d: %s: %s", row.Line, f, msg)
	}
	return fmt.Sprintf("line %d: %s", row.Line, msg)
}
