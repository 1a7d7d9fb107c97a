package billing

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

// ContractComponent is one component of a contract tariff as a form enters
// it: rates in 元 per m³ as decimal strings with at most 4 decimals (exact:
// never through a float), one rate for every tier or one per tier.
type ContractComponent struct {
	Code  string   `json:"code"`
	Name  string   `json:"name"`
	Rates []string `json:"rates"`
}

// ContractTariffFields is a version of an account's negotiated tariff (a
// reclaimed-water supply contract, 再生水协商价) as a form enters it.
type ContractTariffFields struct {
	Number        string              `json:"number"` // the customer account's number: the tariff's key is "contract:NUMBER"
	Region        string              `json:"region"`
	EffectiveFrom string              `json:"effective_from"` // yyyy-mm-dd
	Name          string              `json:"name"`
	Cycle         string              `json:"cycle"`    // month | year (default month)
	UpToM3        string              `json:"up_to_m3"` // tier upper bounds, whole m³, comma-separated; "" for a flat price
	Components    []ContractComponent `json:"components"`
	Verified      bool                `json:"verified"`
	Source        string              `json:"source"` // the contract the prices come from
}

// ContractTariffRule checks a contract tariff's fields and makes its rule,
// naming the form's field of any error (components[i].rates[j] for a rate).
func ContractTariffRule(f ContractTariffFields) (*sishui.Rule, error) {
	num := strings.TrimSpace(f.Number)
	if num == "" {
		return nil, sishui.Invalid("number", "is required (the customer account's number)")
	}
	if err := sishui.CheckName("number", num); err != nil {
		return nil, err
	}
	if len(ContractPrefix+num) > 128 || strings.ContainsAny(num, " \t") {
		return nil, sishui.Invalid("number", "must be an account number of at most %d characters without spaces", 128-len(ContractPrefix))
	}
	if err := sishui.CheckName("name", f.Name); err != nil {
		return nil, err
	}
	if strings.TrimSpace(f.Source) == "" {
		return nil, sishui.Invalid("source", "name the contract the prices come from")
	}
	if err := sishui.CheckName("source", f.Source); err != nil {
		return nil, err
	}
	t := pricing.Tariff{Name: strings.TrimSpace(f.Name), Tiers: pricing.Tiers{Cycle: f.Cycle, Basis: pricing.PerHousehold}}
	if t.Tiers.Cycle == "" {
		t.Tiers.Cycle = pricing.CycleMonth
	}
	if t.Tiers.Cycle != pricing.CycleMonth && t.Tiers.Cycle != pricing.CycleYear {
		return nil, sishui.Invalid("cycle", "must be month or year")
	}
	if s := strings.TrimSpace(f.UpToM3); s != "" {
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
			v, err := strconv.ParseInt(part, 10, 64)
			if err != nil || v <= 0 || len(t.Tiers.UpToM3) > 0 && v <= t.Tiers.UpToM3[len(t.Tiers.UpToM3)-1] {
				return nil, sishui.Invalid("up_to_m3", "must be whole m³, positive and ascending, comma-separated (got %q)", part)
			}
			t.Tiers.UpToM3 = append(t.Tiers.UpToM3, v)
		}
	}
	if len(f.Components) == 0 {
		return nil, sishui.Invalid("components", "at least one component is required")
	}
	tiers := len(t.Tiers.UpToM3) + 1
	for i, c := range f.Components {
		code := strings.TrimSpace(c.Code)
		switch {
		case code == "":
			return nil, sishui.Invalid(fmt.Sprintf("components[%d].code", i), "is required")
		case slices.ContainsFunc(t.Components, func(x pricing.Component) bool { return x.Code == code }):
			return nil, sishui.Invalid(fmt.Sprintf("components[%d].code", i), "%q is given twice", code)
		case len(c.Rates) != 1 && len(c.Rates) != tiers:
			return nil, sishui.Invalid(fmt.Sprintf("components[%d].rates", i), "give 1 rate or %d (one per tier)", tiers)
		}
		if err := sishui.CheckName(fmt.Sprintf("components[%d].name", i), c.Name); err != nil {
			return nil, err
		}
		pc := pricing.Component{Code: code, Name: strings.TrimSpace(c.Name)}
		for j, s := range c.Rates {
			r, err := pricing.ParseRate(s)
			if err != nil {
				return nil, sishui.Invalid(fmt.Sprintf("components[%d].rates[%d]", i, j), "must be 元 per m³ with at most 4 decimals: %v", err)
			}
			if r < 0 {
				return nil, sishui.Invalid(fmt.Sprintf("components[%d].rates[%d]", i, j), "must not be negative")
			}
			pc.Rates = append(pc.Rates, r)
		}
		t.Components = append(t.Components, pc)
	}
	r := &sishui.Rule{Kind: sishui.RuleTariff, Region: f.Region, Key: ContractPrefix + num, Name: t.Name, Source: strings.TrimSpace(f.Source), Verified: f.Verified}
	var err error
	if r.EffectiveFrom, err = parseDate("effective_from", f.EffectiveFrom, true); err != nil {
		return nil, err
	}
	if r.Body, err = json.Marshal(struct {
		Name       string              `json:"name,omitempty"`
		Tiers      pricing.Tiers       `json:"tiers"`
		Components []pricing.Component `json:"components"`
	}{t.Name, t.Tiers, t.Components}); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if _, err := Decode(r); err != nil {
		return nil, err
	}
	return r, nil
}

// SaveContractTariff stores a new version of an account's contract tariff.
// A version is never edited: one already in force from the same day is
// ECONFLICT (a correction is a version from a later day).
func SaveContractTariff(ctx context.Context, st sishui.BillingStore, f ContractTariffFields) (*sishui.Rule, error) {
	r, err := ContractTariffRule(f)
	if err != nil {
		return nil, err
	}
	old, err := st.ListRules(ctx, sishui.RuleFilter{Kind: sishui.RuleTariff, Region: r.Region, Key: r.Key})
	if err != nil {
		return nil, err
	}
	for _, o := range old {
		if o.EffectiveFrom.Equal(r.EffectiveFrom) {
			return nil, sishui.Errorf(sishui.ECONFLICT, "%s already has a version from %s (rule %d): versions are never edited; enter one from a later day",
				r.Key, r.EffectiveFrom.Format("2006-01-02"), o.ID)
		}
	}
	return r, st.UpsertRule(ctx, r)
}

// ContractTariffs lists every version of the contract tariffs (of one
// account when number is given), by account, newest version first.
func ContractTariffs(ctx context.Context, st sishui.BillingStore, number string) ([]*sishui.Rule, error) {
	f := sishui.RuleFilter{Kind: sishui.RuleTariff}
	if number != "" {
		f.Key = ContractPrefix + number
	}
	rules, err := st.ListRules(ctx, f)
	if err != nil {
		return nil, err
	}
	out := slices.DeleteFunc(rules, func(r *sishui.Rule) bool { return !strings.HasPrefix(r.Key, ContractPrefix) })
	slices.SortStableFunc(out, func(a, b *sishui.Rule) int {
		if a.Key != b.Key {
			return strings.Compare(a.Key, b.Key)
		}
		return b.EffectiveFrom.Compare(a.EffectiveFrom)
	})
	if out == nil {
		out = []*sishui.Rule{}
	}
	return out, nil
}
