package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/sishui/sishui/internal/sqlite"
)

// cmdBackup copies a SQLite database online. PostgreSQL is backed up with its
// own tools (pg_dump), as the README shows.
func cmdBackup(ctx context.Context, e *env, args []string) error {
	fset, cfg, err := e.newFlags("backup", args)
	if err != nil {
		return err
	}
	fset.Usage = func() { fmt.Fprintln(e.stderr, "usage: sishui backup [--db sqlite:PATH] FILE") }
	if err := fset.Parse(args); err != nil {
		return err
	}
	if fset.NArg() != 1 {
		fset.Usage()
		return exitError(2)
	}
	path, ok := strings.CutPrefix(cfg.DB, "sqlite:")
	if !ok {
		return fmt.Errorf("sishui backup copies SQLite databases; for PostgreSQL run: pg_dump --format=custom --file=%s '%s' (restore with pg_restore --dbname=DSN)", fset.Arg(0), cfg.DB)
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("--db: %w", err)
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, fset.Arg(0)); err != nil {
		return err
	}
	info, err := os.Stat(fset.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backup of %s written to %s (%d bytes); copy the audit files (%s) with it\n", path, fset.Arg(0), info.Size(), auditFiles(cfg).Public)
	return nil
}
