package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/sishui/sishui"
)

// StatSheet is the sheet name of the statistics template.
const StatSheet = "统计数据"

// statColumns are the template's columns; the English key is in brackets so a
// sheet edited in either language reads back.
var statColumns = []string{"地区代码 region", "地区 name", "年份 year", "指标 metric", "指标说明 label", "单位 unit", "数值 value", "来源 source", "备注 note"}

// TemplateRow is one row of a statistics template: a region, year and metric,
// with the value already accepted, if any.
type TemplateRow struct {
	Region, RegionName string
	Year               int
	Metric, Label      string
	Value              *float64
}

// WriteStatisticTemplate writes the xlsx template a department fills in:
// title in A1, headers in row 2, one row per region × metric.
func WriteStatisticTemplate(w io.Writer, title string, rows []TemplateRow) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", StatSheet); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	_ = f.SetCellStr(StatSheet, "A1", title+" — 填写“数值”列后上传 (fill in the value column, then upload)")
	for c, h := range statColumns {
		cell, _ := excelize.CoordinatesToCellName(c+1, 2)
		_ = f.SetCellStr(StatSheet, cell, h)
		col, _ := excelize.ColumnNumberToName(c + 1)
		_ = f.SetColWidth(StatSheet, col, col, 16)
	}
	for i, r := range rows {
		vals := []any{r.Region, r.RegionName, r.Year, r.Metric, r.Label, sishui.StatisticMetrics[r.Metric]}
		if r.Value != nil {
			vals = append(vals, *r.Value)
		}
		for c, v := range vals {
			cell, _ := excelize.CoordinatesToCellName(c+1, i+3)
			if err := f.SetCellValue(StatSheet, cell, v); err != nil {
				return fmt.Errorf("report: xlsx: %w", err)
			}
		}
	}
	_ = f.SetPanes(StatSheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("report: xlsx: %w", err)
	}
	return nil
}

// ReadStatisticSheet reads a filled-in template: every row with a value becomes
// a statistic; rows with an empty value are skipped. Errors name the row and
// column as the spreadsheet shows them.
func ReadStatisticSheet(r io.Reader) ([]sishui.Statistic, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: not an xlsx workbook: %v", ErrInvalid, err)
	}
	defer f.Close()
	rows, err := f.GetRows(StatSheet)
	if err != nil {
		return nil, fmt.Errorf("%w: no sheet %q: %v", ErrInvalid, StatSheet, err)
	}
	var out []sishui.Statistic
	cell := func(row []string, c int) string {
		if c < len(row) {
			return strings.TrimSpace(row[c])
		}
		return ""
	}
	for i, row := range rows {
		if i < 2 {
			continue // title and headers
		}
		line := i + 1
		v := cell(row, 6)
		if v == "" {
			continue
		}
		value, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(value) || math.IsInf(value, 0) {
			return nil, fmt.Errorf("%w: row %d, column G (数值 value): %q is not a number", ErrInvalid, line, v)
		}
		year, err := strconv.Atoi(cell(row, 2))
		if err != nil {
			return nil, fmt.Errorf("%w: row %d, column C (年份 year): %q is not a year", ErrInvalid, line, cell(row, 2))
		}
		out = append(out, sishui.Statistic{Region: cell(row, 0), Year: year, Metric: cell(row, 3), Value: value, Source: cell(row, 7), Note: cell(row, 8)})
	}
	return out, nil
}

// MetricLabels are the Chinese names of the statistic metrics, for templates.
var MetricLabels = map[string]string{
	"gdp_10k_cny":                  "地区生产总值（可比价）",
	"industrial_va_10k_cny":        "工业增加值",
	"population_10k":               "常住人口",
	"urban_population_10k":         "城镇常住人口",
	"irrigated_area_mu":            "有效灌溉面积",
	"irrigation_efficiency":        "农田灌溉水有效利用系数",
	"network_leakage_rate":         "城镇公共供水管网漏损率",
	"reclaimed_reuse_rate":         "城市污水再生利用率",
	"industrial_reuse_rate":        "规模以上工业用水重复利用率",
	"chem_park_unconventional":     "化工园区非常规水源配置率",
	"wwtp_upgrade_rate":            "城市污水处理厂提标改造完成率",
	"unmetered_use_m3":             "无计量用水量",
	"sewage_treated_10k_m3":        "污水处理量",
	"reclaimed_used_10k_m3":        "再生水利用量",
	"unconventional_use_10k_m3":    "非常规水利用量",
	"total_use_entered_10k_m3":     "用水总量（统计口径）",
	"livestock_10k_head":           "牲畜存栏",
	"groundwater_allowable_10k_m3": "地下水可开采量",
}
