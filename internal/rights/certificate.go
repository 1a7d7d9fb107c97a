package rights

import (
	"github.com/sishui/sishui"
)

// CertificateRow is one village collective or user association's claim to an
// irrigation users' right (用水权属凭证): contracted land area × irrigation quota.
type CertificateRow struct {
	Holder       int64   `json:"holder"`
	AreaMu       float64 `json:"area_mu"`
	QuotaM3PerMu int64   `json:"quota_m3_per_mu"`
}

// Certificates sizes the irrigation users' rights inside a district's right
// (疏勒河 practice, DOMAIN.md §5.2: contracted area × quota): each gets its
// area × quota in whole m³, scaled down in proportion (largest remainder)
// when together they would exceed the district's right. It returns the
// sub-allocation moving the volumes from the district's holder for the year.
func Certificates(district int64, source string, year int, rightM3 int64, rows []CertificateRow) (*sishui.RightsTx, error) {
	if rightM3 < 0 {
		return nil, sishui.Invalid("right_m3", "must not be negative")
	}
	want := make([]int64, len(rows))
	var total int64
	for i, r := range rows {
		if r.AreaMu < 0 || r.QuotaM3PerMu < 0 || r.Holder <= 0 {
			return nil, sishui.Invalid("rows", "row %d: holder, area and quota must be set and not negative", i)
		}
		want[i] = int64(r.AreaMu*float64(r.QuotaM3PerMu) + 0.5)
		total += want[i]
	}
	got := want
	if total > rightM3 {
		score := make([]float64, len(want))
		for i, v := range want {
			score[i] = float64(v)
		}
		got = fill(rightM3, score, want)
	}
	tx := &sishui.RightsTx{Reason: sishui.ReasonAllocation, Memo: "irrigation users' rights (用水权属凭证)"}
	for i, r := range rows {
		if got[i] > 0 {
			tx.Entries = append(tx.Entries,
				sishui.RightsEntry{Holder: district, Source: source, Year: year, VolumeM3: -got[i]},
				sishui.RightsEntry{Holder: r.Holder, Source: source, Year: year, VolumeM3: got[i]})
		}
	}
	return tx, nil
}
