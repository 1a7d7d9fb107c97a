package billing

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sishui/sishui"
	"github.com/xuri/excelize/v2"
)

// ImportXLSX imports the first sheet of an xlsx workbook like ImportCSV: the
// first row names the columns, each later row is one record, and a bad row is
// listed with its row number and reason (a provincial standard's norm table,
// or a supplier's accounts and reads exported from a spreadsheet). Entirely
// empty rows are skipped.
func ImportXLSX(ctx context.Context, st ImportStore, kind string, r io.Reader, opts ImportOptions) (ImportSummary, error) {
	var sum ImportSummary
	if err := importKind(kind); err != nil {
		return sum, err
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 5000
	}
	resume, err := readCheckpoint(opts.Checkpoint)
	if err != nil {
		return sum, err
	}
	sum.LastLine = resume
	f, err := excelize.OpenReader(r)
	if err != nil {
		return sum, sishui.Invalid("xlsx", "not a readable xlsx workbook: %v", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return sum, sishui.Invalid("xlsx", "the workbook has no sheet")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return sum, sishui.Invalid("xlsx", "sheet %s: %v", sheets[0], err)
	}
	defer rows.Close()
	// Row numbers are the sheet's (1 = the header), so an error names the row
	// a person sees in the spreadsheet; an empty row still counts as a line.
	next := func() ([]string, error) {
		if !rows.Next() {
			if err := rows.Error(); err != nil {
				return nil, err
			}
			return nil, io.EOF
		}
		cols, err := rows.Columns()
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(strings.Join(cols, "")) == "" {
			return []string{}, nil
		}
		return cols, nil
	}
	return importRows(ctx, st, kind, next, opts, sum, resume)
}

// ImportAny imports a CSV or xlsx file (by its extension) with its checkpoint at FILE.progress.
func ImportAny(ctx context.Context, st ImportStore, kind, path string, opts ImportOptions) (ImportSummary, error) {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return ImportFile(ctx, st, kind, path, opts)
	}
	f, err := os.Open(path)
	if err != nil {
		return ImportSummary{}, err
	}
	defer f.Close()
	if opts.Checkpoint == "" {
		opts.Checkpoint = path + ".progress"
	}
	return ImportXLSX(ctx, st, kind, f, opts)
}
