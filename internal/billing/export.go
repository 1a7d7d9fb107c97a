package billing

import (
	"bytes"
	"fmt"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
	"github.com/xuri/excelize/v2"
)

// verificationHeaders are the columns of a verification sheet (zh-CN / English).
var verificationHeaders = []string{
	"水源 source", "用途 purpose", "分区 zone", "单位 unit", "水量 quantity", "其中估算 estimated", "免税水量 exempt",
	"免税原因 exempt reason", "允许损耗 allowed loss", "应税水量 taxable", "超计划档 band", "税额标准(元) rate",
	"倍数 factor", "减征 relief", "税额(元) amount", "来源 trace (permit, points, months, metered litres)",
}

// VerificationXLSX renders a verification (取用水量核定表) as an xlsx
// workbook: a heading with the taxpayer, period and status, one row per
// line with its trace to the metered and estimated volumes, and the total.
func VerificationXLSX(v *sishui.TaxVerification, u *sishui.WaterUser) ([]byte, error) {
	lines, err := VerificationLines(v)
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "取用水量核定"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	set := func(col, row int, val any) error {
		cell, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		return f.SetCellValue(sheet, cell, val)
	}
	head := [][2]any{
		{"取用水量核定表 Water-volume verification", ""},
		{"纳税人 Taxpayer", fmt.Sprintf("%s (%s)", u.Name, u.CreditCode)},
		{"所属期 Period", v.Period},
		{"状态 Status", v.Status},
		{"税额表版本 Tax table", v.Rule},
	}
	for i, h := range head {
		if err := set(1, i+1, h[0]); err != nil {
			return nil, err
		}
		if err := set(2, i+1, h[1]); err != nil {
			return nil, err
		}
	}
	row := len(head) + 2
	for c, h := range verificationHeaders {
		if err := set(c+1, row, h); err != nil {
			return nil, err
		}
	}
	for _, l := range lines {
		row++
		cells := []any{l.Source, l.Purpose, l.Zone, l.Unit, l.Quantity, l.Estimated, l.ExemptM3, l.ExemptReason, l.LossM3, l.TaxableM3,
			l.Band, l.Rate.String(), l.Factor.String(), l.Relief.String(), l.AmountFen.String(), l.Ref}
		for c, val := range cells {
			if err := set(c+1, row, val); err != nil {
				return nil, err
			}
		}
	}
	row++
	if err := set(14, row, "合计 Total"); err != nil {
		return nil, err
	}
	if err := set(15, row, pricing.Fen(v.TotalFen).String()); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
