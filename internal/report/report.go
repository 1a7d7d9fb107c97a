// Package report holds sishui's report tables (monthly and annual reports of
// use by source and sector, indicators against the plan's targets in the
// annex layout, warnings and completeness) and writes them as CSV and as
// xlsx workbooks (one sheet per table, Chinese headers) with
// github.com/xuri/excelize/v2. It knows nothing of the store: the accounting
// service fills the tables.
package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Report kinds.
const (
	Monthly = "monthly"
	Annual  = "annual"
)

// ErrInvalid is wrapped by errors for malformed reports.
var ErrInvalid = errors.New("report: invalid")

// Column is one column of a table: a stable key for JSON, a header for people.
type Column struct {
	Key    string `json:"key"`
	Header string `json:"header"` // Chinese header, as printed
	Unit   string `json:"unit,omitempty"`
}

// Table is one table of a report; cells are string, int64, float64, nil or bool.
type Table struct {
	Name    string   `json:"name"`  // stable id, e.g. use_by_source
	Title   string   `json:"title"` // sheet name (Chinese, ≤ 31 characters)
	Columns []Column `json:"columns"`
	Rows    [][]any  `json:"rows"`
}

// Report is a monthly or annual report of one region.
type Report struct {
	Kind       string    `json:"kind"`
	Region     string    `json:"region"`
	RegionName string    `json:"region_name"`
	Year       int       `json:"year"`
	Month      int       `json:"month,omitempty"`
	Generated  time.Time `json:"generated"`
	Tables     []Table   `json:"tables"`
	// Subject names another report than the use report (e.g. 用水权 for the
	// water-rights reports); Slug is its file-name part (e.g. rights).
	Subject string `json:"subject,omitempty"`
	Slug    string `json:"-"`
}

// Title is the report's title, e.g. "聊城市 2026年3月 用水月报".
func (r *Report) Title() string {
	if r.Subject != "" {
		if r.Kind == Monthly {
			return fmt.Sprintf("%s %d年%d月 %s月报", r.RegionName, r.Year, r.Month, r.Subject)
		}
		return fmt.Sprintf("%s %d年 %s年报", r.RegionName, r.Year, r.Subject)
	}
	if r.Kind == Monthly {
		return fmt.Sprintf("%s %d年%d月 水资源刚性约束月报", r.RegionName, r.Year, r.Month)
	}
	return fmt.Sprintf("%s %d年 水资源刚性约束年报", r.RegionName, r.Year)
}

// FileName is a download name without extension.
func (r *Report) FileName() string {
	if r.Slug != "" {
		if r.Kind == Monthly {
			return fmt.Sprintf("sishui-%s-%s-%s-%04d-%02d", r.Slug, r.Kind, r.Region, r.Year, r.Month)
		}
		return fmt.Sprintf("sishui-%s-%s-%s-%04d", r.Slug, r.Kind, r.Region, r.Year)
	}
	if r.Kind == Monthly {
		return fmt.Sprintf("sishui-%s-%s-%04d-%02d", r.Kind, r.Region, r.Year, r.Month)
	}
	return fmt.Sprintf("sishui-%s-%s-%04d", r.Kind, r.Region, r.Year)
}

// Table returns the table named name, or nil.
func (r *Report) Table(name string) *Table {
	for i := range r.Tables {
		if r.Tables[i].Name == name {
			return &r.Tables[i]
		}
	}
	return nil
}

// Validate checks that every row has one cell per column, that sheet
// titles are valid and unique, and that cells have supported types.
func (r *Report) Validate() error {
	seen := map[string]bool{}
	for _, t := range r.Tables {
		if t.Title == "" || len([]rune(t.Title)) > 31 || strings.ContainsAny(t.Title, `[]:*?/\`) {
			return fmt.Errorf("report: table %s: sheet title %q: %w", t.Name, t.Title, ErrInvalid)
		}
		if seen[t.Title] {
			return fmt.Errorf("report: duplicate sheet title %q: %w", t.Title, ErrInvalid)
		}
		seen[t.Title] = true
		for i, row := range t.Rows {
			if len(row) != len(t.Columns) {
				return fmt.Errorf("report: table %s row %d: %d cells for %d columns: %w", t.Name, i, len(row), len(t.Columns), ErrInvalid)
			}
			for _, c := range row {
				switch c.(type) {
				case nil, string, int, int64, float64, bool:
				default:
					return fmt.Errorf("report: table %s row %d: cell type %T: %w", t.Name, i, c, ErrInvalid)
				}
			}
		}
	}
	return nil
}

func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		if x {
			return "是"
		}
		return "否"
	}
	return fmt.Sprint(v)
}

func header(c Column) string {
	if c.Unit != "" {
		return c.Header + "（" + c.Unit + "）"
	}
	return c.Header
}

// WriteCSV writes the report as one CSV file (UTF-8 with a byte-order mark so
// that spreadsheet programs read the Chinese headers): the title line, then
// each table as a line with its title, its header line and its rows,
// separated by empty lines.
func (r *Report) WriteCSV(w io.Writer) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("report: csv: %w", err)
	}
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{r.Title()})
	for _, t := range r.Tables {
		_ = cw.Write(nil)
		_ = cw.Write([]string{t.Title})
		hs := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			hs[i] = header(c)
		}
		_ = cw.Write(hs)
		for _, row := range t.Rows {
			rec := make([]string, len(row))
			for i, c := range row {
				rec[i] = cellText(c)
			}
			_ = cw.Write(rec)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("report: csv: %w", err)
	}
	return nil
}

// WriteTableCSV writes one table as a plain CSV (header line and rows).
func (t *Table) WriteTableCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	hs := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		hs[i] = header(c)
	}
	_ = cw.Write(hs)
	for _, row := range t.Rows {
		rec := make([]string, len(row))
		for i, c := range row {
			rec[i] = cellText(c)
		}
		_ = cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("report: csv: %w", err)
	}
	return nil
}

// WriteXLSX writes the report as an xlsx workbook: one sheet per table, the
// report title in A1, the Chinese headers in row 2 (bold, frozen) and the
// rows below; numbers stay numbers.
func (r *Report) WriteXLSX(w io.Writer) error {
	if err := r.Validate(); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	first := "Sheet1"
	for i, t := range r.Tables {
		name := t.Title
		if i == 0 {
			if err := f.SetSheetName(first, name); err != nil {
				return fmt.Errorf("report: xlsx: %w", err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("report: xlsx: %w", err)
		}
		if err := f.SetCellStr(name, "A1", r.Title()+" — "+t.Title); err != nil {
			return fmt.Errorf("report: xlsx: %w", err)
		}
		for c, col := range t.Columns {
			cell, _ := excelize.CoordinatesToCellName(c+1, 2)
			if err := f.SetCellStr(name, cell, header(col)); err != nil {
				return fmt.Errorf("report: xlsx: %w", err)
			}
			width := float64(len([]rune(header(col))))*2 + 2
			colName, _ := excelize.ColumnNumberToName(c + 1)
			_ = f.SetColWidth(name, colName, colName, min(max(width, 10), 50))
		}
		if len(t.Columns) > 0 {
			last, _ := excelize.CoordinatesToCellName(len(t.Columns), 2)
			_ = f.SetCellStyle(name, "A2", last, bold)
		}
		for ri, row := range t.Rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, ri+3)
				if v == nil {
					continue
				}
				if s, ok := v.(bool); ok {
					v = cellText(s)
				}
				if err := f.SetCellValue(name, cell, v); err != nil {
					return fmt.Errorf("report: xlsx: %w", err)
				}
			}
		}
		_ = f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	}
	if len(r.Tables) == 0 {
		_ = f.SetCellStr(first, "A1", r.Title())
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	return nil
}
