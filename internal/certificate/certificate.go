// Package certificate renders the withdrawal-permit certificate (取水许可证)
// as a PDF with the national form's fields (取水许可和水资源费征收管理条例
// art. 24): holder, term, volume and purpose, source type, intake and return
// points, return method and volume. It writes to an io.Writer and reads no
// files: the caller supplies the CJK TrueType font (Debian
// fonts-droid-fallback; TrueType collections such as wqy's .ttc are not
// accepted by the PDF library).
package certificate

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// DefaultFontPath is where Debian's fonts-droid-fallback puts its TrueType font.
const DefaultFontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// LoadFont reads a TrueType font file (path "" = DefaultFontPath).
func LoadFont(path string) ([]byte, error) {
	if path == "" {
		path = DefaultFontPath
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("certificate font: %w (install fonts-droid-fallback or set the font path)", err)
	}
	if len(b) < 4 || string(b[:4]) == "ttcf" {
		return nil, fmt.Errorf("certificate font %s: a TrueType collection (.ttc) is not accepted; use a .ttf", path)
	}
	return b, nil
}

// Data is what the certificate prints.
type Data struct {
	Number       string    // 取水许可证编号
	Holder       string    // 取水权人名称
	CreditCode   string    // 统一社会信用代码
	Project      string    // 建设项目 (optional)
	IntakeName   string    // 取水地点
	Lon, Lat     float64   // intake coordinates (0: not given)
	SourceType   string    // 水源类型, e.g. 地下水（浅层）
	Purpose      string    // 取水用途
	AnnualM3     int64     // 年取水量
	ReturnPoint  string    // 退水地点
	ReturnMethod string    // 退水方式
	ReturnM3     int64     // 年退水量
	ValidFrom    time.Time // 有效期限
	ValidTo      time.Time
	Authority    string    // 审批机关, e.g. 聊城市水利局
	IssuedOn     time.Time // 发证日期
}

// wan formats m³ as 万m³ with up to four decimals, plus the exact figure.
func wan(m3 int64) string {
	s := strconv.FormatFloat(float64(m3)/10000, 'f', -1, 64)
	return fmt.Sprintf("%s 万立方米（%d m³）", s, m3)
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// Render writes the certificate as a one-page A4 PDF.
func Render(w io.Writer, d Data, font []byte) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(d.IssuedOn)
	pdf.SetModificationDate(d.IssuedOn)
	pdf.AddUTF8FontFromBytes("cjk", "", font)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("certificate font: %w", err)
	}
	pdf.SetTitle("取水许可证 "+d.Number, true)
	pdf.SetAuthor(d.Authority, true)
	pdf.AddPage()
	pdf.SetFont("cjk", "", 24)
	pdf.CellFormat(0, 16, "取水许可证", "", 1, "C", false, 0, "")
	pdf.SetFont("cjk", "", 11)
	pdf.CellFormat(0, 8, "编号："+d.Number, "", 1, "R", false, 0, "")
	pdf.Ln(2)
	intake := d.IntakeName
	if d.Lon != 0 || d.Lat != 0 {
		intake += fmt.Sprintf("（东经 %.5f°，北纬 %.5f°）", d.Lon, d.Lat)
	}
	rows := [][2]string{
		{"取水权人", d.Holder},
		{"统一社会信用代码", d.CreditCode},
		{"建设项目", d.Project},
		{"取水地点", intake},
		{"水源类型", d.SourceType},
		{"取水用途", d.Purpose},
		{"年取水量", wan(d.AnnualM3)},
		{"退水地点", d.ReturnPoint},
		{"退水方式", d.ReturnMethod},
		{"年退水量", wan(d.ReturnM3)},
		{"有效期限", date(d.ValidFrom) + " 至 " + date(d.ValidTo)},
		{"审批机关", d.Authority},
		{"发证日期", date(d.IssuedOn)},
	}
	const labelW, h = 45.0, 9.0
	for _, r := range rows {
		if r[1] == "" {
			r[1] = "—"
		}
		x, y := pdf.GetXY()
		pdf.SetXY(x+labelW, y)
		pdf.MultiCell(0, h, r[1], "1", "L", false)
		end := pdf.GetY()
		pdf.SetXY(x, y)
		pdf.CellFormat(labelW, end-y, r[0], "1", 0, "C", false, 0, "")
		pdf.SetXY(x, end)
	}
	pdf.Ln(6)
	pdf.SetFont("cjk", "", 9)
	pdf.MultiCell(0, 5, "取水单位或个人应当按照本证规定的取水量和用途取水，依法缴纳水资源税，安装计量设施，"+
		"每年12月31日前报送本年度取水情况和下一年度取水计划建议；有效期届满需要延续的，应当在有效期届满45日前提出申请。", "", "L", false)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("certificate: %w", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("certificate: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
