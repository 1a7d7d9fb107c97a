package pricing

import (
	"testing"

	"github.com/sishui/sishui"
)

func hasField(err error, field string) bool { return sishui.ErrorField(err) == field }

func TestNormQuota(t *testing.T) {
	n := &Norm{Version: Version{Region: "371500", EffectiveFrom: day(2020, 1, 1)}, Sector: "industry", Product: "paper",
		Unit: "t", GeneralMilli: 25_500, AdvancedMilli: 18_000, Standard: "demo"}
	if err := n.Validate(); err != nil {
		t.Fatal(err)
	}
	if q := n.QuotaM3(1000, false); q != 25_500 {
		t.Errorf("general quota = %d", q)
	}
	if q := n.QuotaM3(3, true); q != 54 {
		t.Errorf("advanced quota = %d", q)
	}
	wheat := &Norm{Version: n.Version, Sector: "agriculture", Product: "wheat", Unit: "mu", GeneralMilli: 180_500}
	if q := wheat.QuotaM3(3, false); q != 542 { // 541.5 → 542
		t.Errorf("wheat quota = %d", q)
	}
	if !n.MeetsAdvanced(18_000, 1000) || n.MeetsAdvanced(18_001, 1000) || wheat.MeetsAdvanced(1, 1) {
		t.Error("MeetsAdvanced is wrong at the bound")
	}
	bad := *n
	bad.AdvancedMilli = 30_000
	if err := bad.Validate(); !hasField(err, "advanced_milli") {
		t.Errorf("advanced above general: %v", err)
	}
}
