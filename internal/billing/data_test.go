package billing

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
	"github.com/xuri/excelize/v2"

	liaocheng "github.com/sishui/sishui/data/liaocheng"
)

// TestShippedTaxTables: the shipped Shandong tax tables decode; the 2024
// version follows the 2017 one, is marked unverified, and every rate names
// its basis ([V] or [U], DOMAIN.md §3).
func TestShippedTaxTables(t *testing.T) {
	b, err := liaocheng.Pricing.ReadFile("pricing/tax.json")
	must(t, err)
	var rules []*sishui.Rule
	must(t, json.Unmarshal(b, &rules))
	var tables []*pricing.TaxTable
	for _, r := range rules {
		v, err := Decode(r)
		must(t, err)
		tables = append(tables, v.(*pricing.TaxTable))
	}
	t24, ok := pricing.Select(tables, []string{"371502", "371500", "370000"}, "", day(2025, 1, 1))
	if !ok || !t24.EffectiveFrom.Equal(day(2024, 12, 1)) || t24.Verified {
		t.Fatalf("2024 table %+v", t24)
	}
	t17, ok := pricing.Select(tables, []string{"370000"}, "", day(2024, 11, 30))
	if !ok || !t17.EffectiveFrom.Equal(day(2017, 12, 1)) {
		t.Fatalf("2017 table %+v", t17)
	}
	for _, r := range t24.Rates {
		if !strings.HasPrefix(r.Basis, "[V]") && !strings.HasPrefix(r.Basis, "[U]") {
			t.Errorf("rate %+v names no basis", r)
		}
	}
	if r, ok := t24.RateOf(pricing.TaxSurface, pricing.PurposeHydropower, ""); !ok || r != 80 {
		t.Errorf("hydropower rate %v (0.008 元/kWh is 80)", r)
	}
	if _, ok := t24.RateOf(pricing.TaxSurface, pricing.PurposeCooling, ""); !ok {
		t.Error("no cooling rate for the generation feed")
	}
}

// TestImportNormsXLSX: a provincial norm table as a spreadsheet; bad rows
// are listed by their row number in the sheet, the rest stored.
func TestImportNormsXLSX(t *testing.T) {
	st := openSQLite(t)
	seed(t, st)
	f := excelize.NewFile()
	rows := [][]any{
		{"region", "sector", "product", "name", "unit", "general", "advanced", "standard", "effective_from", "verified"},
		{"370000", "industry", "cement", "水泥", "t", "0.5", "0.35", "DB37/T 1639.x", "2024-01-01", "false"},
		{},
		{"370000", "industry", "steel", "粗钢", "t", "3.6", "4.0", "DB37/T 1639.x", "2024-01-01", "false"}, // advanced above general
		{"370000", "irrigation", "maize", "玉米", "mu", "120", "", "DB37/T 3772", "2024-13-01", ""},        // bad date
		{"370000", "irrigation", "wheat", "小麦", "mu", "180.5", "150", "DB37/T 3772", "2024-01-01", ""},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(t, f.SetSheetRow("Sheet1", cell, &row))
	}
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	sum, err := ImportXLSX(sys, st, ImportNorms, &buf, ImportOptions{})
	must(t, err)
	if sum.Accepted != 2 || sum.Rejected != 2 || sum.Errors[0].Line != 4 || !strings.Contains(sum.Errors[0].Reason, "advanced") ||
		sum.Errors[1].Line != 5 || !strings.Contains(sum.Errors[1].Reason, "effective_from") {
		t.Fatalf("xlsx import %+v", sum)
	}
	cat, err := LoadCatalog(sys, st)
	must(t, err)
	if n, ok := cat.NormFor(county, "irrigation", "wheat", day(2026, 6, 1)); !ok || n.GeneralMilli != 180_500 || n.Verified {
		t.Fatalf("wheat norm %+v", n)
	}
	if _, err := ImportXLSX(sys, st, ImportNorms, strings.NewReader("not a workbook"), ImportOptions{}); sishui.ErrorField(err) != "xlsx" {
		t.Fatalf("not xlsx: %v", err)
	}
}
