package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestDispatchCommands(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "d.db")
	if code, _, errs := runCmd(t, "", nil, "import", "--db", db, "../../data/liaocheng"); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	code, out, errs := runCmd(t, "", nil, "dispatch", "plan", "--db", db, "--start", "2026-04-01", "--steps", "5", "--save")
	if code != 0 || !strings.Contains(out, "saved as plan 1") || !strings.Contains(out, "intake_weishan") {
		t.Fatalf("plan: %d %s %s", code, out, errs)
	}
	if code, out, _ = runCmd(t, "", nil, "dispatch", "ack", "--db", db, "--plan", "1", "--work", "intake_weishan", "--day", "2026-04-01"); code != 0 || !strings.Contains(out, "acknowledged") {
		t.Fatalf("ack: %d %s", code, out)
	}
	if code, out, _ = runCmd(t, "", nil, "dispatch", "list", "--db", db); code != 0 || !strings.Contains(out, "2026-04-01") {
		t.Fatalf("list: %d %s", code, out)
	}
	if code, out, _ = runCmd(t, "", nil, "dispatch", "orders", "--db", db, "--plan", "1", "--work", "intake_weishan"); code != 0 || strings.Count(out, "intake_weishan") != 5 || !strings.Contains(out, "system") {
		t.Fatalf("orders: %d %s", code, out)
	}
	if code, _, errs = runCmd(t, "", nil, "dispatch", "plan", "--db", db, "--step", "week"); code == 0 || !strings.Contains(errs, "step") {
		t.Fatalf("bad step: %d %s", code, errs)
	}
}
