package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sishui/sishui/internal/sqlite"
)

// The CLI signs every audit append (key and checkpoints beside the SQLite
// file), verifies against the signed checkpoints, survives a rotation and a
// lost key, and catches a deleted tail that the bare hash chain cannot.
func TestAuditSigningCLI(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	db := "sqlite:" + path
	ok := func(want string, args ...string) string {
		t.Helper()
		code, out, errs := runCmd(t, "", nil, args...)
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errs)
		}
		return out
	}
	ok("imported", "import", "--db", db, "../../data/liaocheng")
	for _, f := range []string{"audit.key", "audit.pub", "audit.checkpoints"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatalf("%s not beside the database: %v", f, err)
		}
	}
	if info, _ := os.Stat(filepath.Join(dir, "audit.key")); info.Mode().Perm() != 0o600 {
		t.Fatalf("audit.key mode %v", info.Mode())
	}
	out := ok("signed checkpoints", "audit", "verify", "--db", db)
	if !strings.Contains(out, "cover entries 1–") {
		t.Fatalf("every entry of a fresh database is signed: %s", out)
	}
	ok("password for wang", "user", "add", "--db", db, "--role", "county", "--region", "371522", "--password", "riverbank-71", "wang")
	ok("unlocked", "user", "unlock", "--db", db, "wang")
	if code, _, errs := runCmd(t, "", nil, "user", "add", "--db", db, "--role", "admin", "--password", "admin-demo", "boss"); code != 1 || !strings.Contains(errs, "at least 12") {
		t.Fatalf("short admin password accepted: %d %s", code, errs)
	}
	ok("installed", "audit", "rotate-key", "--db", db)
	if code, _, errs := runCmd(t, "", nil, "audit", "rotate-key", "--db", db, "--lost"); code != 1 || !strings.Contains(errs, "--reason") {
		t.Fatalf("rekey without a reason: %d %s", code, errs)
	}
	os.Remove(filepath.Join(dir, "audit.key"))
	ok("installed", "audit", "rotate-key", "--db", db, "--lost", "--reason", "key file lost with the old server")
	ok("password for liwei", "user", "add", "--db", db, "--role", "auditor", "liwei")
	out = ok("intact", "audit", "verify", "--db", db)
	if n := strings.Count(strings.SplitN(out, "keys ", 2)[1], ","); n != 2 {
		t.Fatalf("want three keys in the report: %s", out)
	}
	// From the server's working directory the files are found by --audit-dir; without them verify fails.
	if code, _, errs := runCmd(t, "", nil, "audit", "verify", "--db", db, "--audit-dir", t.TempDir()); code != 1 || !strings.Contains(errs, "--unsigned") {
		t.Fatalf("verify without keys: %d %s", code, errs)
	}
	ok("UNSIGNED", "audit", "verify", "--db", db, "--audit-dir", t.TempDir(), "--unsigned")

	// An insider deletes the last entries and their checkpoints and fixes the head.
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DELETE FROM audit WHERE seq > (SELECT MAX(seq) - 2 FROM audit)`,
		`DELETE FROM audit_checkpoints WHERE seq > (SELECT MAX(seq) FROM audit)`,
		`UPDATE audit_head SET seq = (SELECT MAX(seq) FROM audit), hash = (SELECT hash FROM audit ORDER BY seq DESC LIMIT 1)`,
	} {
		if _, err := st.DB.DB.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	ok("intact", "audit", "verify", "--db", db, "--audit-dir", t.TempDir(), "--unsigned") // the bare chain cannot tell
	code, out, _ := runCmd(t, "", nil, "audit", "verify", "--db", db)
	if code != 1 || !strings.Contains(out, "entries were deleted") {
		t.Fatalf("deleted tail not detected: %d %s", code, out)
	}
}

func TestBackupCLI(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "b.db")
	if code, _, errs := runCmd(t, "", nil, "import", "--db", db, "../../data/liaocheng"); code != 0 {
		t.Fatal(errs)
	}
	out := filepath.Join(dir, "copy.db")
	if code, o, errs := runCmd(t, "", nil, "backup", "--db", db, out); code != 0 || !strings.Contains(o, "written") {
		t.Fatalf("backup: %d %s %s", code, o, errs)
	}
	if code, _, errs := runCmd(t, "", nil, "backup", "--db", db, out); code != 1 || !strings.Contains(errs, "exists") {
		t.Fatalf("backup over an existing file: %d %s", code, errs)
	}
	if code, _, errs := runCmd(t, "", nil, "backup", "--db", "postgres://x@127.0.0.1/y", out+"2"); code != 1 || !strings.Contains(errs, "pg_dump") {
		t.Fatalf("postgres backup: %d %s", code, errs)
	}
	if code, o, _ := runCmd(t, "", nil, "audit", "verify", "--db", "sqlite:"+out, "--audit-dir", dir); code != 0 || !strings.Contains(o, "intact") {
		t.Fatalf("the backup's audit log: %d %s", code, o)
	}
}
