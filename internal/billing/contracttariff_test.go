package billing

import (
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

// TestContractTariffRule: rates entered as decimal strings are exact to
// 0.0001 元 (0.008 → 80, 1.2345 → 12345); a fifth decimal, a bad count of
// rates or a bad tier list names the form's field.
func TestContractTariffRule(t *testing.T) {
	f := ContractTariffFields{Number: "RW-1", Region: "371502", EffectiveFrom: "2026-07-01", Name: "再生水协商价", UpToM3: "1000, 5000",
		Source: "合同 2026-07", Components: []ContractComponent{{Code: "basic", Name: "再生水价", Rates: []string{"1.2345", "1.1", "0.008"}}, {Code: "sewage", Rates: []string{"0.95"}}}}
	r, err := ContractTariffRule(f)
	must(t, err)
	v, err := Decode(r)
	must(t, err)
	tr := v.(*pricing.Tariff)
	if r.Key != "contract:RW-1" || tr.Class != "contract:RW-1" || tr.Tiers.Cycle != "month" || len(tr.Tiers.UpToM3) != 2 ||
		tr.Components[0].Rates[0] != 12345 || tr.Components[0].Rates[1] != 11000 || tr.Components[0].Rates[2] != 80 || tr.Components[1].Rates[0] != 9500 {
		t.Fatalf("tariff %+v from %s", tr, r.Body)
	}
	for _, c := range []struct {
		field string
		edit  func(f *ContractTariffFields)
	}{
		{"number", func(f *ContractTariffFields) { f.Number = " " }},
		{"effective_from", func(f *ContractTariffFields) { f.EffectiveFrom = "2026-13-01" }},
		{"region", func(f *ContractTariffFields) { f.Region = "3715" }},
		{"up_to_m3", func(f *ContractTariffFields) { f.UpToM3 = "5000,1000" }},
		{"cycle", func(f *ContractTariffFields) { f.Cycle = "week" }},
		{"source", func(f *ContractTariffFields) { f.Source = "" }},
		{"components", func(f *ContractTariffFields) { f.Components = nil }},
		{"components[0].rates[1]", func(f *ContractTariffFields) { f.Components[0].Rates = []string{"1", "0.00005", "1"} }},
		{"components[1].rates[0]", func(f *ContractTariffFields) { f.Components[1].Rates = []string{"1e-3"} }},
		{"components[1].rates[0]", func(f *ContractTariffFields) { f.Components[1].Rates = []string{"-0.5"} }},
		{"components[0].rates", func(f *ContractTariffFields) { f.Components[0].Rates = []string{"1", "2"} }},
		{"components[1].code", func(f *ContractTariffFields) { f.Components[1].Code = "basic" }},
	} {
		g := f
		g.Components = []ContractComponent{f.Components[0], f.Components[1]}
		c.edit(&g)
		if _, err := ContractTariffRule(g); sishui.ErrorField(err) != c.field {
			t.Errorf("want an error on %s, got %v", c.field, err)
		}
	}
}
