package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestRightsCommands(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "r.db")
	if code, _, errs := runCmd(t, "", nil, "import", "--db", db, "../../data/liaocheng"); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	code, out, errs := runCmd(t, "", nil, "rights", "allocate", "--db", db, "--year", "2026")
	if code != 0 || !strings.Contains(out, "proposal only") || !strings.Contains(out, "371525") {
		t.Fatalf("allocate: %d %s %s", code, out, errs)
	}
	if code, out, _ = runCmd(t, "", nil, "rights", "verify", "--db", db); code != 0 || !strings.Contains(out, "0 transactions") {
		t.Fatalf("verify before adoption: %d %s", code, out)
	}
	if code, out, errs = runCmd(t, "", nil, "rights", "allocate", "--db", db, "--year", "2026", "--adopt"); code != 0 || !strings.Contains(out, "adopted: 4") {
		t.Fatalf("adopt: %d %s %s", code, out, errs)
	}
	if code, _, errs = runCmd(t, "", nil, "rights", "allocate", "--db", db, "--year", "2026", "--adopt"); code == 0 || !strings.Contains(errs, "already adopted") {
		t.Fatalf("second adoption: %d %s", code, errs)
	}
	if code, _, errs = runCmd(t, "", nil, "rights", "allocate", "--db", db, "--year", "2031"); code == 0 || !strings.Contains(errs, "2031") {
		t.Fatalf("year without data: %d %s", code, errs)
	}
	if code, out, _ = runCmd(t, "", nil, "rights", "verify", "--db", db); code != 0 || !strings.Contains(out, "every invariant holds") {
		t.Fatalf("verify: %d %s", code, out)
	}
	xlsx := filepath.Join(dir, "rights.xlsx")
	if code, _, errs = runCmd(t, "", nil, "rights", "export", "--db", db, "--out", xlsx); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("余额 Balances")
	if err != nil || len(rows) < 10 {
		t.Fatalf("balances sheet: %d rows, %v", len(rows), err)
	}
	// Tampering with the stored ledger is found.
	raw, err := sql.Open("sqlite", filepath.Join(dir, "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE rights_entries SET volume_m3 = volume_m3 + 1 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if code, out, _ = runCmd(t, "", nil, "rights", "verify", "--db", db); code != 1 || !strings.Contains(out, "BROKEN") {
		t.Fatalf("verify after tampering: %d %s", code, out)
	}
}
