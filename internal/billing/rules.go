// Package billing is the service over internal/pricing and the store: it
// decodes the versioned rule tables, runs the monthly billing of customer
// accounts and permit holders and the periodic water-resource tax
// verification (取用水量核定) as idempotent batch jobs, imports customer
// accounts and meter reads from CSV, and exports verifications as xlsx.
package billing

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/budget"
	"github.com/sishui/sishui/internal/pricing"
)

// Catalog is every rule table in the store, decoded.
type Catalog struct {
	Tariffs    []*pricing.Tariff
	Surcharges []*pricing.SurchargeRule
	Taxes      []*pricing.TaxTable
	Norms      []*pricing.Norm
	Budgets    []*BudgetRule
	regions    map[string]*sishui.Region
}

// BudgetRule is a region's budget variance thresholds from a date.
type BudgetRule struct {
	pricing.Version
	ID int64 `json:"id,omitempty"`
	budget.Thresholds
}

// Decode decodes and validates a rule's body into its pricing table, with
// the rule's envelope (region, key, date, verified, demo, source) as its
// Version: the envelope is the one truth, the body's copy is ignored.
func Decode(r *sishui.Rule) (any, error) {
	v := pricing.Version{Region: r.Region, Class: r.Key, EffectiveFrom: r.EffectiveFrom, Verified: r.Verified, Demo: r.Demo, Source: r.Source}
	dec := func(into any) error {
		d := json.NewDecoder(bytes.NewReader(r.Body))
		d.DisallowUnknownFields()
		if err := d.Decode(into); err != nil {
			return sishui.Invalid("body", "%v", err)
		}
		return nil
	}
	switch r.Kind {
	case sishui.RuleTariff:
		var t pricing.Tariff
		if err := dec(&t); err != nil {
			return nil, err
		}
		t.Version, t.ID = v, r.ID
		if t.Name == "" {
			t.Name = r.Name
		}
		return &t, prefix(t.Validate())
	case sishui.RuleSurcharge:
		var s pricing.SurchargeRule
		if err := dec(&s); err != nil {
			return nil, err
		}
		s.Version, s.ID = v, r.ID
		return &s, prefix(s.Validate())
	case sishui.RuleTax:
		var t pricing.TaxTable
		if err := dec(&t); err != nil {
			return nil, err
		}
		v.Class = ""
		t.Version, t.ID = v, r.ID
		return &t, prefix(t.Validate())
	case sishui.RuleBudget:
		var b BudgetRule
		if err := dec(&b.Thresholds); err != nil {
			return nil, err
		}
		v.Class = ""
		b.Version, b.ID = v, r.ID
		if err := b.Thresholds.Validate(); err != nil {
			return nil, sishui.Invalid("body.warn", "%v", err)
		}
		return &b, nil
	case sishui.RuleNorm:
		var n pricing.Norm
		if err := dec(&n); err != nil {
			return nil, err
		}
		v.Class = ""
		n.Version, n.ID = v, r.ID
		if want := n.Sector + "/" + n.Product; r.Key != want {
			return nil, sishui.Invalid("key", "a norm's key is sector/product: %q", want)
		}
		return &n, prefix(n.Validate())
	}
	return nil, sishui.Invalid("kind", "unknown rule kind %q", r.Kind)
}

// prefix puts "body." before the field of a body validation error.
func prefix(err error) error {
	if e, ok := err.(*sishui.Error); ok && e.Field != "" {
		e.Field = "body." + e.Field
	}
	return err
}

// SaveRule validates a rule's body and stores it.
func SaveRule(ctx context.Context, st sishui.BillingStore, r *sishui.Rule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if _, err := Decode(r); err != nil {
		return err
	}
	return st.UpsertRule(ctx, r)
}

// LoadCatalog reads and decodes every rule, and the regions for lookups.
func LoadCatalog(ctx context.Context, st sishui.Store) (*Catalog, error) {
	rules, err := st.ListRules(ctx, sishui.RuleFilter{})
	if err != nil {
		return nil, err
	}
	c := &Catalog{regions: map[string]*sishui.Region{}}
	for _, r := range rules {
		v, err := Decode(r)
		if err != nil {
			return nil, fmt.Errorf("rule %d (%s %s %s): %w", r.ID, r.Kind, r.Region, r.Key, err)
		}
		switch t := v.(type) {
		case *pricing.Tariff:
			c.Tariffs = append(c.Tariffs, t)
		case *pricing.SurchargeRule:
			c.Surcharges = append(c.Surcharges, t)
		case *pricing.TaxTable:
			c.Taxes = append(c.Taxes, t)
		case *pricing.Norm:
			c.Norms = append(c.Norms, t)
		case *BudgetRule:
			c.Budgets = append(c.Budgets, t)
		}
	}
	regions, err := st.ListRegions(ctx, sishui.RegionFilter{})
	if err != nil {
		return nil, err
	}
	for _, r := range regions {
		c.regions[r.Code] = r
	}
	return c, nil
}

// Chain returns a region and the regions above it, most specific first (a
// functional zone goes through its host county).
func (c *Catalog) Chain(code string) []string {
	var out []string
	seen := map[string]bool{}
	for code != "" && !seen[code] {
		seen[code] = true
		out = append(out, code)
		r := c.regions[code]
		if r == nil {
			break
		}
		if r.Host != "" {
			code = r.Host
		} else {
			code = r.Parent
		}
	}
	return out
}

// NormFor returns the norm in force for a sector's product in a region.
func (c *Catalog) NormFor(region, sector, product string, at timeT) (*pricing.Norm, bool) {
	var cands []*pricing.Norm
	for _, n := range c.Norms {
		if n.Sector == sector && n.Product == product {
			cands = append(cands, n)
		}
	}
	return pricing.Select(cands, c.Chain(region), "", at)
}

// ContractPrefix starts the key of a tariff negotiated for one account (a
// reclaimed-water supply contract, 再生水协商价): "contract:" and the account
// number. Versioned like every tariff; in force it replaces the class tariff.
const ContractPrefix = "contract:"

// contractTariff returns the account's own negotiated tariff in force, if any.
func (c *Catalog) contractTariff(a *sishui.CustomerAccount, at timeT) (*pricing.Tariff, bool) {
	key := ContractPrefix + a.Number
	var cands []*pricing.Tariff
	for _, t := range c.Tariffs {
		if t.Class == key {
			cands = append(cands, t)
		}
	}
	if len(cands) == 0 {
		return nil, false
	}
	return pricing.Select(cands, c.Chain(a.Region), key, at)
}
