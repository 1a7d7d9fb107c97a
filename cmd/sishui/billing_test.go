package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBillingCommands loads the demo rules into a store with regions, imports
// accounts and reads, bills a month twice (idempotent) and issues it.
func TestBillingCommands(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "b.db")
	if code, out, errs := runCmd(t, "", nil, "import", "--db", db, "../../data/liaocheng"); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCmd(t, "", nil, "billing", "rules", "load", "--db", db); code != 0 || !strings.Contains(out, "loaded 14") {
		t.Fatalf("rules load: %d %s %s", code, out, errs)
	}
	accts := filepath.Join(dir, "accounts.csv")
	reads := filepath.Join(dir, "reads.csv")
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(accts, []byte("number,name,region,class,meter,opened\nH1,住户,371502,residential,individual,2020-01-01\nX,坏,371502,residential,nope,2020-01-01\n"), 0o644))
	must(os.WriteFile(reads, []byte("number,read_on,reading_m3\nH1,2026-10-31,100\nH1,2026-11-30,112\n"), 0o644))
	code, out, _ := runCmd(t, "", nil, "billing", "import", "--db", db, "accounts", accts)
	if code != 0 || !strings.Contains(out, "accepted 1, rejected 1") || !strings.Contains(out, "line 3: meter") {
		t.Fatalf("import accounts: %d %s", code, out)
	}
	if code, out, _ := runCmd(t, "", nil, "billing", "import", "--db", db, "reads", reads); code != 0 || !strings.Contains(out, "accepted 2") {
		t.Fatalf("import reads: %d %s", code, out)
	}
	for range 2 {
		// 12 m³ in tier 1 at 2.40 + 0.95 + 0.50 = 3.85 元/m³.
		code, out, errs := runCmd(t, "", nil, "billing", "run", "--db", db, "--period", "2026-11")
		if code != 0 || !strings.Contains(out, "draft bills 1 ") || !strings.Contains(out, "total 46.20 元") {
			t.Fatalf("billing run: %d %s %s", code, out, errs)
		}
	}
	if code, out, _ := runCmd(t, "", nil, "billing", "issue", "--db", db, "--period", "2026-11"); code != 0 || !strings.Contains(out, "issued 1 account bills") {
		t.Fatalf("issue: %d %s", code, out)
	}
	if code, out, _ := runCmd(t, "", nil, "billing", "run", "--db", db, "--period", "2026-11"); code != 0 || !strings.Contains(out, "unchanged 1") {
		t.Fatalf("rerun after issue: %d %s", code, out)
	}
	if code, out, errs := runCmd(t, "", nil, "tax", "run", "--db", db, "--period", "2026Q4"); code != 0 || !strings.Contains(out, "draft verifications") {
		t.Fatalf("tax run: %d %s %s", code, out, errs)
	}
	if code, _, errs := runCmd(t, "", nil, "tax", "run", "--db", db, "--period", "2026Q4", "--purposes", "industry"); code == 0 || !strings.Contains(errs, "sector=purpose") {
		t.Fatalf("bad --purposes accepted: %s", errs)
	}
	if code, _, errs := runCmd(t, "", nil, "tax", "run", "--db", db, "--period", "2026Q5"); code == 0 || !strings.Contains(errs, "yyyyQn") {
		t.Fatalf("bad period accepted: %s", errs)
	}
	if code, out, errs := runCmd(t, "", nil, "budget", "derive", "--db", db, "--year", "2026"); code != 0 || !strings.Contains(out, "wrote ") {
		t.Fatalf("budget derive: %d %s %s", code, out, errs)
	}
	if code, out, errs := runCmd(t, "", nil, "budget", "report", "--db", db, "--year", "2026", "--month", "11"); code != 0 || !strings.Contains(out, "371502") {
		t.Fatalf("budget report: %d %s %s", code, out, errs)
	}
}
