package billing

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

// RowError is a bad row of an import.
type RowError struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

func (e RowError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// ImportSummary counts what an import did.
type ImportSummary struct {
	Rows     int        `json:"rows"`     // data rows read in this run
	Skipped  int        `json:"skipped"`  // rows an earlier run committed
	Accepted int        `json:"accepted"` // rows stored
	Rejected int        `json:"rejected"`
	Errors   []RowError `json:"errors,omitempty"` // the first 1000
	LastLine int        `json:"last_line"`        // last line committed (the checkpoint)
}

func (s *ImportSummary) reject(line int, err error) {
	s.Rejected++
	if len(s.Errors) < 1000 {
		s.Errors = append(s.Errors, RowError{line, err.Error()})
	}
}

// Import kinds.
const (
	ImportAccounts = "accounts" // number,name,region,class,meter[,persons,supplier,user_id,plan_m3],opened[,closed]
	ImportReads    = "reads"    // number,read_on,reading_m3[,estimated]
	// ImportNorms loads a standard's norm table (用水定额):
	// region,sector,product,name,unit,general,advanced,standard,effective_from[,verified,demo,source],
	// values in m³ per unit with at most 3 decimals.
	ImportNorms = "norms"
	// ImportGeneration loads the generation feed of hydropower and cooling
	// plants: permit_id,month,kind,kwh,source[,note] (month yyyy-mm); each row
	// is a new version of its permit, month and kind.
	ImportGeneration = "generation"
)

// ImportStore is what an import writes to.
type ImportStore interface {
	sishui.BillingStore
	sishui.GenerationStore
}

func importKind(kind string) error {
	switch kind {
	case ImportAccounts, ImportReads, ImportNorms, ImportGeneration:
		return nil
	}
	return sishui.Invalid("kind", "must be accounts, reads, norms or generation, got %q", kind)
}

// ImportOptions tune an import.
type ImportOptions struct {
	// Checkpoint is the progress file: after each durable batch it holds the
	// last committed line, and a rerun skips the rows up to it; removed when
	// the import finishes. "" means none.
	Checkpoint string
	BatchSize  int // rows per transaction; default 5000
	Progress   func(line int)
}

// ImportFile imports a CSV file of accounts or reads with its checkpoint at FILE.progress.
func ImportFile(ctx context.Context, st ImportStore, kind, path string, opts ImportOptions) (ImportSummary, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportSummary{}, err
	}
	defer f.Close()
	if opts.Checkpoint == "" {
		opts.Checkpoint = path + ".progress"
	}
	return ImportCSV(ctx, st, kind, f, opts)
}

// ImportCSV imports customer accounts or meter reads from CSV with a header
// naming the columns (any order, others ignored; dates yyyy-mm-dd). A bad row
// never stops the import: it is listed with its line and reason. Rows are
// stored in batches; when the store refuses a batch for bad input, its rows
// are stored one by one so that only the bad ones are rejected. Accounts
// upsert by number and reads by account and day, so a rerun is harmless.
func ImportCSV(ctx context.Context, st ImportStore, kind string, r io.Reader, opts ImportOptions) (ImportSummary, error) {
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
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	return importRows(ctx, st, kind, cr.Read, opts, sum, resume)
}

// importRows imports the rows next yields (the header first, then data rows;
// io.EOF at the end; a *csv.ParseError rejects one row).
func importRows(ctx context.Context, st ImportStore, kind string, next func() ([]string, error), opts ImportOptions, sum ImportSummary, resume int) (ImportSummary, error) {
	header, err := next()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return sum, sishui.Invalid("csv", "is empty: a header row naming the columns is required")
		}
		return sum, sishui.Invalid("csv", "header: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	need := []string{"number", "read_on", "reading_m3"}
	switch kind {
	case ImportAccounts:
		need = []string{"number", "name", "region", "class", "meter", "opened"}
	case ImportNorms:
		need = []string{"region", "sector", "product", "unit", "general", "standard", "effective_from"}
	case ImportGeneration:
		need = []string{"permit_id", "month", "kind", "kwh", "source"}
	}
	for _, n := range need {
		if _, ok := col[n]; !ok {
			return sum, sishui.Invalid("csv", "the header must name %s (missing %s)", strings.Join(need, ", "), n)
		}
	}
	type row struct {
		line int
		acct *sishui.CustomerAccount
		read sishui.MeterRead
		rule *sishui.Rule
		gen  *sishui.GenerationReport
	}
	var batch []row
	store := func(rows []row) error {
		switch kind {
		case ImportGeneration:
			gs := make([]*sishui.GenerationReport, len(rows))
			for i, r := range rows {
				gs[i] = r.gen
			}
			return st.AddGeneration(ctx, gs)
		case ImportNorms:
			for _, r := range rows {
				if err := SaveRule(ctx, st, r.rule); err != nil {
					return err
				}
			}
			return nil
		case ImportAccounts:
			as := make([]*sishui.CustomerAccount, len(rows))
			for i, r := range rows {
				as[i] = r.acct
			}
			return st.UpsertCustomerAccounts(ctx, as)
		}
		rs := make([]sishui.MeterRead, len(rows))
		for i, r := range rows {
			rs[i] = r.read
		}
		return st.AddMeterReads(ctx, rs)
	}
	flush := func(last int) error {
		if len(batch) > 0 {
			err := store(batch)
			if code := sishui.ErrorCode(err); code == sishui.EINVALID || code == sishui.ECONFLICT {
				err = nil
				for _, r := range batch {
					if e := store([]row{r}); e != nil {
						if c := sishui.ErrorCode(e); c != sishui.EINVALID && c != sishui.ECONFLICT {
							return e
						}
						sum.reject(r.line, e)
						continue
					}
					sum.Accepted++
				}
			} else if err != nil {
				return err
			} else {
				sum.Accepted += len(batch)
			}
		}
		batch = batch[:0]
		sum.LastLine = last
		if opts.Progress != nil {
			opts.Progress(last)
		}
		return writeCheckpoint(opts.Checkpoint, last)
	}
	line := 1
	for {
		rec, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		line++
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if line > resume {
					sum.Rows++
					sum.reject(line, err)
				}
				continue
			}
			return sum, err
		}
		if line <= resume {
			sum.Skipped++
			continue
		}
		if len(rec) == 0 { // an empty spreadsheet row
			continue
		}
		sum.Rows++
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		var rw row
		rw.line = line
		switch kind {
		case ImportAccounts:
			rw.acct, err = parseAccount(get)
		case ImportNorms:
			rw.rule, err = parseNorm(get)
		case ImportGeneration:
			rw.gen, err = parseGeneration(get)
		default:
			rw.read, err = parseRead(get)
		}
		if err != nil {
			sum.reject(line, err)
			continue
		}
		batch = append(batch, rw)
		if len(batch) >= opts.BatchSize {
			if err := flush(line); err != nil {
				return sum, err
			}
		}
		if err := ctx.Err(); err != nil {
			return sum, err
		}
	}
	if err := flush(line); err != nil {
		return sum, err
	}
	if opts.Checkpoint != "" {
		if err := os.Remove(opts.Checkpoint); err != nil && !errors.Is(err, os.ErrNotExist) {
			return sum, err
		}
	}
	return sum, nil
}

func parseDate(field, s string, required bool) (time.Time, error) {
	if s == "" && !required {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, sishui.Invalid(field, "must be a date yyyy-mm-dd, got %q", s)
	}
	return t, nil
}

func parseInt(field, s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, sishui.Invalid(field, "must be a whole number, got %q", s)
	}
	return v, nil
}

func parseAccount(get func(string) string) (*sishui.CustomerAccount, error) {
	a := &sishui.CustomerAccount{Number: get("number"), Name: get("name"), Region: get("region"), Class: get("class"),
		Meter: get("meter"), Supplier: get("supplier")}
	var err error
	var persons int64
	if persons, err = parseInt("persons", get("persons")); err != nil {
		return nil, err
	}
	a.Persons = int(persons)
	if a.UserID, err = parseInt("user_id", get("user_id")); err != nil {
		return nil, err
	}
	if a.PlanM3, err = parseInt("plan_m3", get("plan_m3")); err != nil {
		return nil, err
	}
	if a.Opened, err = parseDate("opened", get("opened"), true); err != nil {
		return nil, err
	}
	if a.Closed, err = parseDate("closed", get("closed"), false); err != nil {
		return nil, err
	}
	return a, a.Validate()
}

func parseBool(field, s string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "0", "false", "no", "否":
		return false, nil
	case "1", "true", "yes", "是", "估":
		return true, nil
	}
	return false, sishui.Invalid(field, "must be true or false")
}

func parseNorm(get func(string) string) (*sishui.Rule, error) {
	f := NormFields{Region: get("region"), Sector: get("sector"), Product: get("product"), Name: get("name"), Unit: get("unit"),
		General: get("general"), Advanced: get("advanced"), Standard: get("standard"), EffectiveFrom: get("effective_from"), Source: get("source")}
	var err error
	if f.Verified, err = parseBool("verified", get("verified")); err != nil {
		return nil, err
	}
	if f.Demo, err = parseBool("demo", get("demo")); err != nil {
		return nil, err
	}
	return NormRule(f)
}

// NormFields is a norm as a row or a form gives it: values in m³ per unit
// with at most 3 decimals, the date yyyy-mm-dd.
type NormFields struct {
	Region, Sector, Product, Name, Unit string
	General, Advanced                   string
	Standard, EffectiveFrom, Source     string
	Verified, Demo                      bool
}

// NormRule makes the norm rule version of a row or form (validated; errors
// name the field: general, advanced, effective_from, …).
func NormRule(f NormFields) (*sishui.Rule, error) {
	n := pricing.Norm{Sector: f.Sector, Product: f.Product, Name: f.Name, Unit: f.Unit, Standard: f.Standard}
	if strings.TrimSpace(f.General) == "" {
		return nil, sishui.Invalid("general", "is required (m³ per unit)")
	}
	g, err := pricing.ParseMilli(f.General)
	if err != nil {
		return nil, sishui.Invalid("general", "%v", err)
	}
	var a pricing.Milli
	if f.Advanced != "" {
		if a, err = pricing.ParseMilli(f.Advanced); err != nil {
			return nil, sishui.Invalid("advanced", "%v", err)
		}
	}
	n.GeneralMilli, n.AdvancedMilli = int64(g), int64(a)
	r := &sishui.Rule{Kind: sishui.RuleNorm, Region: f.Region, Key: n.Sector + "/" + n.Product, Name: n.Name, Source: f.Source, Verified: f.Verified, Demo: f.Demo}
	if r.Source == "" {
		r.Source = n.Standard
	}
	if r.EffectiveFrom, err = parseDate("effective_from", f.EffectiveFrom, true); err != nil {
		return nil, err
	}
	if r.Body, err = json.Marshal(n); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if _, err = Decode(r); err != nil {
		if e, ok := err.(*sishui.Error); ok { // name the form's fields, not the body's
			switch strings.TrimPrefix(e.Field, "body.") {
			case "general_milli":
				e.Field = "general"
			case "advanced_milli":
				e.Field = "advanced"
			case "sector", "product", "unit", "region":
				e.Field = strings.TrimPrefix(e.Field, "body.")
			}
		}
		return nil, err
	}
	return r, nil
}

func parseRead(get func(string) string) (sishui.MeterRead, error) {
	r := sishui.MeterRead{Number: get("number")}
	var err error
	if r.ReadOn, err = parseDate("read_on", get("read_on"), true); err != nil {
		return r, err
	}
	if get("reading_m3") == "" {
		return r, sishui.Invalid("reading_m3", "is required")
	}
	if r.ReadingM3, err = parseInt("reading_m3", get("reading_m3")); err != nil {
		return r, err
	}
	if r.Estimated, err = parseBool("estimated", get("estimated")); err != nil {
		return r, err
	}
	return r, r.Validate()
}

func readCheckpoint(path string) (int, error) {
	if path == "" {
		return 0, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(string(b)), "line "))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("import: checkpoint %s: bad content %q", path, b)
	}
	return n, nil
}

// writeCheckpoint replaces the checkpoint atomically.
func writeCheckpoint(path string, line int) error {
	if path == "" {
		return nil
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(fmt.Sprintf("line %d\n", line)), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func parseGeneration(get func(string) string) (*sishui.GenerationReport, error) {
	g := &sishui.GenerationReport{Kind: get("kind"), Source: get("source"), Note: get("note")}
	id, err := parseInt("permit_id", get("permit_id"))
	if err != nil {
		return nil, err
	}
	g.PermitID = id
	m, err := ParseMonth(get("month"))
	if err != nil {
		return nil, sishui.Invalid("month", "must be yyyy-mm, got %q", get("month"))
	}
	g.Month = m.Key()
	if g.KWh, err = parseInt("kwh", get("kwh")); err != nil {
		return nil, err
	}
	return g, g.Validate()
}
