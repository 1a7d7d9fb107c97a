package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"text/tabwriter"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/billing"
	"github.com/sishui/sishui/internal/budget"
	"github.com/sishui/sishui/internal/pricing"
)

const billingUsage = `usage:
  sishui billing run --period 2026-11 [--issue]    bill every customer account and permit holder (idempotent)
  sishui billing issue --period 2026-11            issue the month's drafts
  sishui billing import accounts|reads|norms FILE.csv   import (per-row errors, resumable)
  sishui billing rules load [FILE.json|DIR]        load rule tables (default: the Liaocheng demo set)
  sishui billing rules list                        list rule versions`

// cmdBilling is `sishui billing …`.
func cmdBilling(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, billingUsage)
		return exitError(2)
	}
	sub, args := args[0], args[1:]
	if sub == "rules" && len(args) > 0 {
		sub, args = "rules "+args[0], args[1:]
	}
	fset, cfg, err := e.newFlags("billing "+sub, args)
	if err != nil {
		return err
	}
	period := fset.String("period", "", "billing month, yyyy-mm")
	issue := fset.Bool("issue", false, "issue the drafts after the run")
	st, ctx, err := openAsSystem(ctx, fset, cfg, args)
	if err != nil {
		return err
	}
	defer st.Close()
	month := func() (billing.Month, error) {
		if *period == "" {
			return billing.Month{}, fmt.Errorf("--period yyyy-mm is required")
		}
		return billing.ParseMonth(*period)
	}
	switch sub {
	case "run":
		m, err := month()
		if err != nil {
			return err
		}
		if err := runBatch(e, "bills", func(p billing.Progress) (billing.Summary, error) { return billing.RunBilling(ctx, st, m, p) }); err != nil {
			return err
		}
		if *issue {
			return issueBills(ctx, e, st, m)
		}
		return nil
	case "issue":
		m, err := month()
		if err != nil {
			return err
		}
		return issueBills(ctx, e, st, m)
	case "import":
		if fset.NArg() != 2 {
			return fmt.Errorf("usage: sishui billing import accounts|reads|norms|generation FILE.csv|FILE.xlsx")
		}
		data, err := os.ReadFile(fset.Arg(1))
		if err != nil {
			return err
		}
		lines := int64(strings.Count(string(data), "\n"))
		if strings.HasSuffix(strings.ToLower(fset.Arg(1)), ".xlsx") {
			lines = 0 // rows unknown until read
		}
		bar := newProgressBar(e.stderr, lines)
		sum, err := billing.ImportAny(ctx, st, fset.Arg(0), fset.Arg(1), billing.ImportOptions{Progress: func(line int) { bar.set(int64(line)) }})
		fmt.Fprintln(e.stderr)
		fmt.Fprintf(e.stdout, "rows %d, accepted %d, rejected %d, skipped (already imported) %d\n", sum.Rows, sum.Accepted, sum.Rejected, sum.Skipped)
		for _, re := range sum.Errors {
			fmt.Fprintln(e.stdout, " ", re.Error())
		}
		if err != nil {
			return fmt.Errorf("%w (rerun the same command to resume after line %d)", err, sum.LastLine)
		}
		return nil
	case "rules load":
		var fsys fs.FS = liaocheng.Pricing
		dir := "pricing"
		if fset.NArg() == 1 {
			fsys, dir = os.DirFS(fset.Arg(0)), "."
			if info, err := os.Stat(fset.Arg(0)); err == nil && !info.IsDir() {
				fsys, dir = os.DirFS(path.Dir(fset.Arg(0))), path.Base(fset.Arg(0))
			}
		}
		n, err := loadRules(ctx, st, fsys, dir)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "loaded %d rule versions\n", n)
		return nil
	case "rules list":
		rules, err := st.ListRules(ctx, sishui.RuleFilter{})
		if err != nil {
			return err
		}
		for _, r := range rules {
			mark := "unverified"
			if r.Verified {
				mark = "verified"
			}
			if r.Demo {
				mark += ", demo"
			}
			fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\tfrom %s\t%s\t%s\n", r.ID, r.Kind, r.Region, r.Key, r.EffectiveFrom.Format("2006-01-02"), mark, r.Source)
		}
		return nil
	}
	fmt.Fprintln(e.stderr, billingUsage)
	return exitError(2)
}

func issueBills(ctx context.Context, e *env, st sishui.Store, m billing.Month) error {
	for _, subject := range []string{sishui.BillAccount, sishui.BillPermit, sishui.BillPermitYear, sishui.BillAccountYear} {
		n, err := st.IssueBills(ctx, subject, m.Key())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "issued %d %s bills of %s\n", n, subject, m)
	}
	return nil
}

// openAsSystem parses the flags and opens the store, acting as the system
// (the batch commands run with the platform's own authority).
func openAsSystem(ctx context.Context, fset *flag.FlagSet, cfg *Config, args []string) (sishui.Store, context.Context, error) {
	if err := fset.Parse(args); err != nil {
		return nil, ctx, err
	}
	st, err := openStore(ctx, cfg)
	return st, sishui.WithActor(ctx, sishui.SystemActor), err
}

// runBatch runs a batch job with a progress bar and prints its summary.
func runBatch(e *env, what string, job func(billing.Progress) (billing.Summary, error)) error {
	var bar *progressBar
	sum, err := job(func(done, total int) {
		if bar == nil {
			bar = newProgressBar(e.stderr, int64(total))
		}
		bar.set(int64(done))
	})
	if bar != nil {
		bar.done()
	}
	if err != nil {
		return err
	}
	printSummary(e, what, sum)
	return nil
}

func printSummary(e *env, what string, s billing.Summary) {
	fmt.Fprintf(e.stdout, "subjects %d, draft %s %d (adjustments %d), unchanged %d, skipped %d, total %s 元\n",
		s.Subjects, what, s.Drafts, s.Adjustments, s.Unchanged, s.Skipped, pricing.Fen(s.TotalFen))
	for _, p := range s.Problems {
		fmt.Fprintln(e.stdout, " ", p)
	}
}

// loadRules loads rule files: a JSON array of rules each (the file, or every
// *.json file of the directory).
func loadRules(ctx context.Context, st sishui.BillingStore, fsys fs.FS, name string) (int, error) {
	files := []string{name}
	if info, err := fs.Stat(fsys, name); err == nil && info.IsDir() {
		if files, err = fs.Glob(fsys, path.Join(name, "*.json")); err != nil {
			return 0, err
		}
	}
	n := 0
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return n, err
		}
		var rules []*sishui.Rule
		if err := json.Unmarshal(b, &rules); err != nil {
			return n, fmt.Errorf("%s: %w", f, err)
		}
		for i, r := range rules {
			if err := billing.SaveRule(ctx, st, r); err != nil {
				return n, fmt.Errorf("%s: rule %d (%s %s %s): %w", f, i, r.Kind, r.Region, r.Key, err)
			}
			n++
		}
	}
	return n, nil
}

// cmdTax is `sishui tax …`.
func cmdTax(ctx context.Context, e *env, args []string) error {
	const usage = `usage:
  sishui tax run --period 2026Q4       draft the 取用水量核定 of every taxpayer (idempotent)
  sishui tax send --id N               send a draft to the taxpayer and the tax bureau
  sishui tax export --id N --out F.xlsx`
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, usage)
		return exitError(2)
	}
	sub, args := args[0], args[1:]
	fset, cfg, err := e.newFlags("tax "+sub, args)
	if err != nil {
		return err
	}
	period := fset.String("period", "", "declaration period: yyyyQn or yyyy-mm")
	id := fset.Int64("id", 0, "verification id")
	out := fset.String("out", "", "output file")
	purposes := fset.String("purposes", "", "tax purpose of sectors beyond the defaults, e.g. mining=dewatering,car_wash=special")
	st, ctx, err := openAsSystem(ctx, fset, cfg, args)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "run":
		p, err := billing.ParseTaxPeriod(*period)
		if err != nil {
			return err
		}
		tp := billing.TaxPurpose{Purposes: map[string]string{}}
		for _, kv := range strings.Split(*purposes, ",") {
			if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok {
				tp.Purposes[k] = v
			} else if kv != "" {
				return fmt.Errorf("--purposes: want sector=purpose, got %q", kv)
			}
		}
		return runBatch(e, "verifications", func(pr billing.Progress) (billing.Summary, error) {
			return billing.RunTax(ctx, st, p, tp, pr)
		})
	case "send":
		return st.SendVerification(ctx, *id)
	case "export":
		v, err := st.GetVerification(ctx, *id)
		if err != nil {
			return err
		}
		u, err := st.GetWaterUser(ctx, v.UserID)
		if err != nil {
			return err
		}
		b, err := billing.VerificationXLSX(v, u)
		if err != nil {
			return err
		}
		if *out == "" {
			*out = fmt.Sprintf("verification-%s-%d.xlsx", strings.ToLower(v.Period), v.ID)
		}
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "wrote", *out)
		return nil
	}
	fmt.Fprintln(e.stderr, usage)
	return exitError(2)
}

// cmdBudget is `sishui budget …`.
func cmdBudget(ctx context.Context, e *env, args []string) error {
	const usage = `usage:
  sishui budget derive --year 2026 [--major 100000]   budgets from caps and major users' permit plans
  sishui budget report --year 2026 [--month 11]       execution against metered use, with variance levels`
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, usage)
		return exitError(2)
	}
	sub, args := args[0], args[1:]
	fset, cfg, err := e.newFlags("budget "+sub, args)
	if err != nil {
		return err
	}
	year := fset.Int("year", 0, "budget year")
	month := fset.Int("month", 12, "report months 1..month")
	major := fset.Int64("major", 100_000, "users whose permits allow at least this many m³ a year get a budget of their own")
	warn := fset.Int64("warn", -1, "override: warn above this cumulative variance, thousandths (default: the budget rule)")
	over := fset.Int64("over", -1, "override: over above this cumulative variance, thousandths")
	st, ctx, err := openAsSystem(ctx, fset, cfg, args)
	if err != nil {
		return err
	}
	defer st.Close()
	if *year == 0 {
		return fmt.Errorf("--year is required")
	}
	switch sub {
	case "derive":
		n, err := billing.DeriveBudgets(ctx, st, *year, *major)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %d budgets for %d\n", n, *year)
		return nil
	case "report":
		var override *budget.Thresholds
		if *warn >= 0 || *over >= 0 {
			override = &budget.Thresholds{Warn: max(*warn, 0), Over: max(*over, *warn, 0)}
		}
		reps, err := billing.BudgetExecution(ctx, st, *year, *month, override)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SUBJECT\tID\tSOURCE\tSECTOR\tANNUAL m³\tBUDGET TO DATE\tUSE TO DATE\tVARIANCE ‰\tLEVEL\tSURPLUS m³")
		for _, r := range reps {
			last := r.Execution.Months[len(r.Execution.Months)-1]
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\t%d\n", r.Budget.Subject, r.Budget.SubjectID, r.Budget.Source, r.Budget.Sector,
				r.Execution.AnnualM3, last.CumBudgetM3, last.CumUseM3, last.Variance, r.Execution.Level, r.Execution.SurplusM3)
		}
		return tw.Flush()
	}
	fmt.Fprintln(e.stderr, usage)
	return exitError(2)
}
