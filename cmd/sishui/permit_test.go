package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sishui/sishui"
)

func TestPermitImport(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "p.db")
	if code, out, errs := runCmd(t, "", nil, "import", "--db", db, "../../data/liaocheng"); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	ctx := context.Background()
	st, err := openDB(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	users, _, err := st.ListWaterUsers(ctx, sishui.WaterUserFilter{Region: "371502", Page: sishui.Page{Limit: 1}})
	st.Close()
	if err != nil || len(users) == 0 {
		t.Fatalf("users %v", err)
	}
	cc := users[0].CreditCode
	csv := filepath.Join(dir, "certs.csv")
	os.WriteFile(csv, []byte("取水许可证编号,统一社会信用代码,行政区划代码,水源,行业,取水用途,年取水量,有效期起,有效期止,退水地点,退水量\n"+
		"取水(聊东)字[2022]第501号,"+cc+",371502,yellow_river,"+users[0].Sector+",生产,1000,2022-01-01,2026-12-31,徒骇河,100\n"+
		"取水(聊东)字[2022]第502号,91371502000000001T,371502,yellow_river,industry,生产,1000,2022-01-01,2026-12-31,,\n"+
		"取水(聊东)字[2022]第503号,"+cc+",371502,yellow_river,industry,生产,-5,2022-01-01,2026-12-31,,\n"), 0o644)
	code, out, errs := runCmd(t, "", nil, "permit", "import", "--db", db, "--dry-run", csv)
	if code != 1 || !strings.Contains(out, "would import 1, failed 2") || !strings.Contains(out, "line 3: credit_code") || !strings.Contains(out, "line 4: annual_m3") {
		t.Fatalf("dry run: %d %s %s", code, out, errs)
	}
	code, out, _ = runCmd(t, "", nil, "permit", "import", "--db", db, csv)
	if code != 1 || !strings.Contains(out, "imported 1, failed 2") {
		t.Fatalf("import: %d %s", code, out)
	}
	code, out, _ = runCmd(t, "", nil, "permit", "import", "--db", db, csv)
	if code != 1 || !strings.Contains(out, "imported 0, failed 3") || !strings.Contains(out, "line 2: a permit with this number already exists") {
		t.Fatalf("re-import: %d %s", code, out)
	}
	st, _ = openDB(ctx, db)
	defer st.Close()
	ps, _, _ := st.ListPermits(ctx, sishui.PermitFilter{Query: "第501号"})
	if len(ps) != 1 {
		t.Fatalf("permits %v", ps)
	}
	c, err := st.GetCertificate(ctx, ps[0].ID)
	if err != nil || c.ReturnPoint != "徒骇河" || c.ReturnM3 != 100 {
		t.Fatalf("certificate %+v %v", c, err)
	}
	bad := filepath.Join(dir, "rules.yaml")
	os.WriteFile(bad, []byte("limits:\n  colour: red\n"), 0o644)
	if code, _, errs := runCmd(t, "", nil, "permit", "import", "--db", db, "--permit-rules", bad, csv); code != 1 || !strings.Contains(errs, "colour") {
		t.Fatalf("bad permit rules: %d %s", code, errs)
	}
	good := filepath.Join(dir, "rules-ok.yaml")
	os.WriteFile(good, []byte("limits:\n  planning_assessment: false\n"), 0o644)
	if code, out, errs := runCmd(t, "", nil, "permit", "import", "--db", db, "--dry-run", "--permit-rules", good, csv); code != 1 || !strings.Contains(out, "would import 1, failed 2") {
		t.Fatalf("permit rules: %d %s %s", code, out, errs)
	}
	if code, _, _ := runCmd(t, "", nil, "permit", "export"); code != 1 {
		t.Fatalf("unknown subcommand exit %d", code)
	}
}
