package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sishui/sishui"
)

// TestRightsReport writes the annual and this month's water-rights reports
// after the 2026 allocation and reads the workbooks back.
func TestRightsReport(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "r.db")
	if code, _, errs := runCmd(t, "", nil, "import", "--db", db, "../../data/liaocheng"); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	if code, out, errs := runCmd(t, "", nil, "rights", "allocate", "--db", db, "--year", "2026", "--adopt"); code != 0 {
		t.Fatalf("adopt: %d %s %s", code, out, errs)
	}
	annual := filepath.Join(dir, "annual.xlsx")
	if code, _, errs := runCmd(t, "", nil, "rights", "report", "--db", db, "--kind", "annual", "--year", "2026", "--out", annual); code != 0 {
		t.Fatalf("annual report: %s", errs)
	}
	f, err := excelize.OpenFile(annual)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("用水权余额")
	if err != nil || len(rows) < 10 || !strings.Contains(rows[0][0], "聊城市 2026年 用水权年报") || !strings.Contains(fmt.Sprint(rows), "东昌府区 区域用水权") {
		t.Fatalf("balances sheet: %v %v", rows, err)
	}
	// This month's report holds the allocation made today (4 transactions, one per source).
	now := time.Now().In(sishui.BeijingTime)
	monthly := filepath.Join(dir, "monthly.xlsx")
	if code, _, errs := runCmd(t, "", nil, "rights", "report", "--db", db, "--kind", "monthly", "--year", fmt.Sprint(now.Year()), "--month", fmt.Sprint(int(now.Month())), "--out", monthly); code != 0 {
		t.Fatalf("monthly report: %s", errs)
	}
	m, err := excelize.OpenFile(monthly)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	mv, err := m.GetRows("台账变动")
	if err != nil || len(mv) != 3 || mv[2][0] != "初始分配" || mv[2][1] != "4" || mv[2][2] != "1900000000" {
		t.Fatalf("movements sheet: %v %v", mv, err)
	}
	if code, _, errs := runCmd(t, "", nil, "rights", "report", "--db", db, "--kind", "monthly", "--year", "2026", "--month", "13", "--out", monthly); code == 0 || !strings.Contains(errs, "month") {
		t.Fatalf("month 13: %d %s", code, errs)
	}
}
