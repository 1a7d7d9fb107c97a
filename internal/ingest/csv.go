package ingest

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/sishui/sishui"
)

// Beijing is the fixed UTC+8 zone of terminal clocks and of CSV times written
// without an offset.
var Beijing = time.FixedZone("CST", 8*3600)

// ImportOptions tunes ImportCSV. The zero value is usable.
type ImportOptions struct {
	// Location is the zone of times written without an offset; nil means
	// Beijing (+08:00).
	Location *time.Location
	// Protocol is the protocol of points named by terminal code when the file
	// has no protocol column; "" (the default) finds the point holding the
	// code in any protocol, when only one does.
	Protocol string
	// BatchSize is the number of rows submitted at once; default 5000.
	BatchSize int
	// Comma is the field separator; 0 means ','.
	Comma rune
	// Checkpoint is the path of the progress file; "" means no checkpoint.
	// After each durable batch it holds the last committed line number; a run
	// with an existing checkpoint skips the rows up to that line. The file is
	// removed when the import finishes. ImportFile uses FILE.progress.
	Checkpoint string
	// Progress, when set, is called after each batch.
	Progress func(Progress)
	// MaxErrors caps Summary.Errors (the count in Summary.Rejected goes on);
	// default 1000.
	MaxErrors int
}

// Progress is the state of an import after a batch.
type Progress struct {
	Line      int   // last line committed
	BytesRead int64 // bytes consumed from the reader (for a bar against the file size)
	Summary   Summary
}

// Summary counts what an import did.
type Summary struct {
	Rows       int        // data rows read in this run (skipped ones not included)
	Skipped    int        // rows skipped because an earlier run committed them
	Accepted   int        //
	Duplicates int        //
	Rejected   int        // rows with an error, parse or validation
	Errors     []RowError // the first MaxErrors row errors
	LastLine   int        // last line committed (the checkpoint)
}

// RowError is a bad row.
type RowError struct {
	Line   int    `json:"line"`
	Column string `json:"column,omitempty"`
	Reason string `json:"reason"`
}

func (e RowError) Error() string {
	if e.Column != "" {
		return fmt.Sprintf("line %d: %s: %s", e.Line, e.Column, e.Reason)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// ErrBadHeader is returned when the CSV header lacks a required column.
var ErrBadHeader = errors.New("ingest: csv header must name point (or point_id / code), metric, time and value")

// ImportFile imports the CSV file at path with a checkpoint at path+".progress"
// (unless opts.Checkpoint is set), so that a rerun after an interruption
// continues after the last committed line.
func (ing *Ingester) ImportFile(ctx context.Context, path string, opts ImportOptions) (Summary, error) {
	f, err := os.Open(path)
	if err != nil {
		return Summary{}, fmt.Errorf("ingest: import: %w", err)
	}
	defer f.Close()
	if opts.Checkpoint == "" {
		opts.Checkpoint = path + ".progress"
	}
	return ing.ImportCSV(ctx, f, opts)
}

// column indices of a CSV file.
type columns struct {
	point, pointID, code, protocol, metric, time, value int
}

// ImportCSV reads observations from CSV with a header naming the columns
// (case-insensitive, any order, other columns ignored):
//
//   - point: a point ID or a terminal code. A value of 1–9 decimal digits
//     without a leading zero is an ID; anything else is a code. Use point_id
//     or code instead to say which.
//   - protocol (optional): the protocol of a code; default opts.Protocol
//     (none: the one point with that code, whatever its protocol).
//   - metric: a metric name (flow_m3s, volume_m3, …).
//   - time: RFC 3339 with an offset (2026-03-01T08:00:00+08:00, …Z), or
//     "2006-01-02 15:04:05" / "2006-01-02T15:04:05" / "2006-01-02 15:04"
//     without one, read in opts.Location (default +08:00, Beijing time).
//   - value: a decimal number.
//
// A bad row never stops the import: it is counted in Summary.Rejected and
// listed in Summary.Errors with its line number, as are rows the Ingester
// rejects. Rows are submitted in batches; after each durable batch the
// checkpoint is written. On a context cancel or a store error the import
// stops with the error, and the Summary and checkpoint say how far it got.
func (ing *Ingester) ImportCSV(ctx context.Context, r io.Reader, opts ImportOptions) (Summary, error) {
	if opts.Location == nil {
		opts.Location = Beijing
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 5000
	}
	if opts.MaxErrors <= 0 {
		opts.MaxErrors = 1000
	}
	var sum Summary
	resumeAfter := 0
	if opts.Checkpoint != "" {
		n, err := readCheckpoint(opts.Checkpoint)
		if err != nil {
			return sum, err
		}
		resumeAfter = n
		sum.LastLine = n
	}
	cr := &countingReader{r: r}
	rd := csv.NewReader(cr)
	if opts.Comma != 0 {
		rd.Comma = opts.Comma
	}
	rd.FieldsPerRecord = -1
	rd.ReuseRecord = true
	header, err := rd.Read()
	if err != nil {
		return sum, fmt.Errorf("ingest: csv header: %w", err)
	}
	cols, err := headerColumns(header)
	if err != nil {
		return sum, err
	}
	addErr := func(e RowError) {
		sum.Rejected++
		if len(sum.Errors) < opts.MaxErrors {
			sum.Errors = append(sum.Errors, e)
		}
	}
	// The batch grows to BatchSize as rows come: a small file (an upload of
	// a few hundred rows) does not allocate a full batch.
	batch := make([]Observation, 0, min(opts.BatchSize, 256))
	lines := make([]int, 0, min(opts.BatchSize, 256))
	lastLine := 0 // last line read into the batch or handled
	flush := func() error {
		if len(batch) > 0 {
			res, err := ing.Submit(ctx, batch)
			if err != nil {
				return err
			}
			for i, x := range res {
				switch x.Status {
				case Accepted:
					sum.Accepted++
				case Duplicate:
					sum.Duplicates++
				default:
					addErr(RowError{Line: lines[i], Reason: x.Reason})
				}
			}
		}
		batch, lines = batch[:0], lines[:0]
		if lastLine > sum.LastLine {
			sum.LastLine = lastLine
			if opts.Checkpoint != "" {
				if err := writeCheckpoint(opts.Checkpoint, lastLine); err != nil {
					return err
				}
			}
		}
		if opts.Progress != nil {
			opts.Progress(Progress{Line: sum.LastLine, BytesRead: cr.n, Summary: sum})
		}
		return nil
	}
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		line, _ := rd.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return sum, fmt.Errorf("ingest: csv: %w", err)
			}
			if pe.StartLine <= resumeAfter {
				continue
			}
			sum.Rows++
			addErr(RowError{Line: pe.StartLine, Reason: pe.Err.Error()})
			lastLine = max(lastLine, pe.StartLine)
			continue
		}
		if line <= resumeAfter {
			sum.Skipped++
			continue
		}
		sum.Rows++
		lastLine = line
		var o Observation
		if e := parseRow(rec, cols, opts, &o); e != nil {
			e.Line = line
			addErr(*e)
		} else {
			batch = append(batch, o)
			lines = append(lines, line)
		}
		if len(batch) >= opts.BatchSize {
			if err := flush(); err != nil {
				return sum, fmt.Errorf("ingest: import: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return sum, fmt.Errorf("ingest: import: %w", err)
	}
	if opts.Checkpoint != "" {
		if err := os.Remove(opts.Checkpoint); err != nil && !errors.Is(err, os.ErrNotExist) {
			return sum, fmt.Errorf("ingest: remove checkpoint: %w", err)
		}
	}
	return sum, nil
}

func headerColumns(header []string) (columns, error) {
	c := columns{-1, -1, -1, -1, -1, -1, -1}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		switch h {
		case "point":
			c.point = i
		case "point_id":
			c.pointID = i
		case "code":
			c.code = i
		case "protocol":
			c.protocol = i
		case "metric":
			c.metric = i
		case "time":
			c.time = i
		case "value":
			c.value = i
		}
	}
	if c.point < 0 && c.pointID < 0 && c.code < 0 || c.metric < 0 || c.time < 0 || c.value < 0 {
		return c, ErrBadHeader
	}
	return c, nil
}

func field(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// parseRow fills o from a record; a non-nil RowError says what is wrong.
func parseRow(rec []string, c columns, opts ImportOptions, o *Observation) *RowError {
	var idText, code string
	switch {
	case c.pointID >= 0 && field(rec, c.pointID) != "":
		idText = field(rec, c.pointID)
	case c.code >= 0 && field(rec, c.code) != "":
		code = field(rec, c.code)
	case c.point >= 0:
		v := field(rec, c.point)
		if isPointID(v) {
			idText = v
		} else {
			code = v
		}
	}
	switch {
	case idText != "":
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil || id <= 0 {
			return &RowError{Column: "point", Reason: fmt.Sprintf("bad point id %q", idText)}
		}
		o.Point = id
	case code != "":
		o.Code = code
		o.Protocol = field(rec, c.protocol)
		if o.Protocol == "" {
			o.Protocol = opts.Protocol
		}
	default:
		return &RowError{Column: "point", Reason: "is empty"}
	}
	o.Metric = field(rec, c.metric)
	if o.Metric == "" {
		return &RowError{Column: "metric", Reason: "is empty"}
	}
	if _, ok := sishui.ParseMetric(o.Metric); !ok {
		return &RowError{Column: "metric", Reason: fmt.Sprintf("unknown metric %q", o.Metric)}
	}
	t, err := ParseTime(field(rec, c.time), opts.Location)
	if err != nil {
		return &RowError{Column: "time", Reason: err.Error()}
	}
	o.Time = t
	vs := field(rec, c.value)
	v, err := strconv.ParseFloat(vs, 64)
	if err != nil {
		return &RowError{Column: "value", Reason: fmt.Sprintf("bad number %q", vs)}
	}
	o.Value = v
	return nil
}

// isPointID reports whether a point column value is an ID (1–9 decimal digits,
// no leading zero) rather than a terminal code.
func isPointID(s string) bool {
	if s == "" || len(s) > 9 || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var zonelessLayouts = []string{
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
}

// ParseTime parses an RFC 3339 time with an offset, or one of the zoneless
// layouts ImportCSV lists, read in loc.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("is empty")
	}
	// A time parses in at most one of the forms (RFC 3339 needs an offset,
	// the others end without one), so the order only saves failed attempts,
	// which are slow: the likely form first.
	zoned := s[len(s)-1] == 'Z' || s[len(s)-1] == 'z' || len(s) > 6 && (s[len(s)-6] == '+' || s[len(s)-6] == '-')
	if zoned {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return t, nil
		}
	}
	for _, l := range zonelessLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, nil
		}
	}
	if !zoned {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad time %q (want RFC 3339, or 2006-01-02 15:04:05 in %s)", s, loc)
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readCheckpoint returns the last committed line of an earlier run, 0 if none.
func readCheckpoint(path string) (int, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("ingest: read checkpoint: %w", err)
	}
	s := strings.TrimSpace(string(b))
	n, err := strconv.Atoi(strings.TrimPrefix(s, "line "))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("ingest: checkpoint %s: bad content %q", path, s)
	}
	return n, nil
}

// writeCheckpoint replaces the checkpoint atomically (write, sync, rename).
func writeCheckpoint(path string, line int) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("ingest: write checkpoint: %w", err)
	}
	if _, err := fmt.Fprintf(f, "line %d\n", line); err != nil {
		f.Close()
		return fmt.Errorf("ingest: write checkpoint: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("ingest: write checkpoint: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("ingest: write checkpoint: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("ingest: write checkpoint: %w", err)
	}
	return nil
}
