package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestStatisticSheetRoundTrip(t *testing.T) {
	v := 28_000_000.0
	rows := []TemplateRow{
		{Region: "371500", RegionName: "聊城市", Year: 2025, Metric: "gdp_10k_cny", Label: MetricLabels["gdp_10k_cny"], Value: &v},
		{Region: "371502", RegionName: "东昌府区", Year: 2025, Metric: "gdp_10k_cny"},
	}
	var b bytes.Buffer
	if err := WriteStatisticTemplate(&b, "市统计局 2025", rows); err != nil {
		t.Fatal(err)
	}
	// A department fills in the second row.
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	_ = f.SetCellValue(StatSheet, "G4", 4_500_000.5)
	_ = f.SetCellValue(StatSheet, "H4", "统计年鉴2025")
	var filled bytes.Buffer
	if _, err := f.WriteTo(&filled); err != nil {
		t.Fatal(err)
	}
	got, err := ReadStatisticSheet(&filled)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Value != v || got[1].Region != "371502" || got[1].Value != 4_500_000.5 || got[1].Source != "统计年鉴2025" || got[1].Year != 2025 {
		t.Fatalf("read back %+v", got)
	}
	_ = f.SetCellValue(StatSheet, "G4", "四百万")
	filled.Reset()
	_, _ = f.WriteTo(&filled)
	if _, err := ReadStatisticSheet(&filled); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "row 4, column G") {
		t.Fatalf("bad number: %v", err)
	}
	if _, err := ReadStatisticSheet(strings.NewReader("not a workbook")); !errors.Is(err, ErrInvalid) {
		t.Fatalf("garbage: %v", err)
	}
}
