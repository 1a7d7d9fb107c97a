package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/permitimport"
	"github.com/sishui/sishui/internal/permitting"
)

// applyPermitRules loads --permit-rules (empty: the defaults) into the store.
func applyPermitRules(st sishui.Store, path string) error {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("--permit-rules: %w", err)
	}
	c, err := permitting.ParseConfig(b)
	if err != nil {
		return fmt.Errorf("--permit-rules %s: %w", path, err)
	}
	for {
		w, ok := st.(interface{ Unwrap() sishui.Store })
		if !ok {
			break
		}
		st = w.Unwrap()
	}
	s, ok := st.(interface{ SetPermitting(permitting.Config) })
	if !ok {
		return fmt.Errorf("--permit-rules: this store does not take permit rules")
	}
	s.SetPermitting(c)
	return nil
}

// cmdPermit is `sishui permit import`: batches of existing certificates.
func cmdPermit(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "import" {
		return fmt.Errorf("usage: sishui permit import [--db DSN] [--dry-run] [--override JUSTIFICATION] FILE.csv|FILE.xlsx")
	}
	args = args[1:]
	fs, cfg, err := e.newFlags("permit import", args)
	if err != nil {
		return err
	}
	dry := fs.Bool("dry-run", false, "check every row and its holder and zone without writing (duplicates and 限批 are found only when writing)")
	override := fs.String("override", "", "let rows that 限批 refuses in, recording an audited administrator override with this justification")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: sishui permit import [--db DSN] [--dry-run] [--override JUSTIFICATION] FILE.csv|FILE.xlsx")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitError(2)
	}
	rows, err := readPermitFile(fs.Arg(0))
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := applyPermitRules(st, cfg.PermitRules); err != nil {
		return err
	}
	n, failed, err := importPermits(ctx, st, rows, *dry, *override, e.stdout)
	if err != nil {
		return err
	}
	verb := "imported"
	if *dry {
		verb = "would import"
	}
	fmt.Fprintf(e.stdout, "rows %d, %s %d, failed %d\n", len(rows), verb, n, failed)
	if failed > 0 {
		return exitError(1)
	}
	return nil
}

func readPermitFile(path string) ([]permitimport.Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var read func(io.Reader) ([]permitimport.Row, error) = permitimport.ReadCSV
	if strings.HasSuffix(strings.ToLower(path), ".xlsx") {
		read = permitimport.ReadXLSX
	}
	rows, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows, nil
}

// importPermits registers each good row on its own (a failed row writes
// nothing) and prints every failed row with its line and field.
func importPermits(ctx context.Context, st sishui.Store, rows []permitimport.Row, dry bool, override string, out io.Writer) (int, int, error) {
	actor := &sishui.Actor{Username: "permit-import", Role: sishui.RoleSystem}
	if override != "" {
		actor.Role = sishui.RoleAdmin // the CLI holds the database: it may record an override
	}
	ctx = sishui.WithActor(ctx, actor)
	if override != "" {
		ctx = sishui.WithPermitOverride(ctx, override)
	}
	zones, err := st.ListZones(ctx, "")
	if err != nil {
		return 0, 0, err
	}
	zoneID := map[string]int64{}
	for _, z := range zones {
		zoneID[z.Code] = z.ID
	}
	users := map[string]int64{}
	ok, failed := 0, 0
	for i := range rows {
		r := &rows[i]
		if r.Err == nil {
			r.Err = resolveRow(ctx, st, r, users, zoneID)
		}
		if r.Err == nil && !dry {
			r.Err = st.ImportCertificate(ctx, &r.Permit, &r.Cert)
		}
		if r.Err != nil {
			failed++
			fmt.Fprintln(out, " ", r.Describe())
			continue
		}
		ok++
	}
	return ok, failed, nil
}

func resolveRow(ctx context.Context, st sishui.Store, r *permitimport.Row, users map[string]int64, zones map[string]int64) error {
	id, seen := users[r.CreditCode]
	if !seen {
		us, _, err := st.ListWaterUsers(ctx, sishui.WaterUserFilter{Query: r.CreditCode, Page: sishui.Page{Limit: 10}})
		if err != nil {
			return err
		}
		for _, u := range us {
			if u.CreditCode == r.CreditCode {
				id = u.ID
			}
		}
		users[r.CreditCode] = id
	}
	if id == 0 {
		return sishui.Invalid("credit_code", "no water user with credit code %s is registered", r.CreditCode)
	}
	r.Permit.UserID = id
	if r.ZoneCode != "" {
		z, ok := zones[r.ZoneCode]
		if !ok {
			return sishui.Invalid("zone_code", "zone %q does not exist", r.ZoneCode)
		}
		r.Cert.ZoneID = z
	}
	return nil
}
