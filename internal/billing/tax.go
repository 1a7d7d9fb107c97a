package billing

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

// TaxPurpose maps a permit's sector to a tax purpose: domestic sectors are
// public supply, agriculture agriculture, ecology commissioned ecological
// use, the rest (industry, services) industry and commerce (工商业).
// Purposes, by sector code, overrides the default.
type TaxPurpose struct {
	Purposes map[string]string // sector code → purpose
}

func (tp TaxPurpose) of(sector *sishui.Sector, code string) string {
	if p, ok := tp.Purposes[code]; ok {
		return p
	}
	switch code { // taxed by generation (DOMAIN.md §3.2)
	case "hydropower":
		return pricing.PurposeHydropower
	case "cooling", "thermal_cooling":
		return pricing.PurposeCooling
	}
	if sector == nil {
		return pricing.PurposeIndustry
	}
	switch sector.Group {
	case sishui.GroupDomestic:
		return pricing.PurposePublicSupply
	case sishui.GroupAgriculture:
		return pricing.PurposeAgriculture
	case sishui.GroupEcology:
		return pricing.PurposeEcological
	}
	return pricing.PurposeIndustry
}

// TraceRef is where a tax line's volume came from (in a line's ref as JSON).
type TraceRef struct {
	Permit      string  `json:"permit"`
	Points      []int64 `json:"points"`
	FromMonth   int     `json:"from_month"`
	ToMonth     int     `json:"to_month"`
	MeasuredL   int64   `json:"measured_litres"`
	EstimatedL  int64   `json:"estimated_litres"`
	PlanM3      int64   `json:"plan_m3"`
	QuotaM3     int64   `json:"quota_m3,omitempty"`
	Certified   int64   `json:"certification,omitempty"`
	Unpermitted bool    `json:"unpermitted,omitempty"`
	// GenerationKWh is the generation taxed on a hydropower or cooling line,
	// from the generation reports (their ids and versions) in force.
	GenerationKWh     int64    `json:"generation_kwh,omitempty"`
	GenerationReports []string `json:"generation_reports,omitempty"` // id/version
}

// RunTax makes the draft volume verifications (取用水量核定) of every
// taxpayer with metered use in the period. Idempotent: drafts are replaced;
// a taxpayer whose verification is sent or confirmed is left alone (a
// disputed one gets a new draft).
func RunTax(ctx context.Context, st sishui.Store, period TaxPeriod, purposes TaxPurpose, progress Progress) (Summary, error) {
	var sum Summary
	cat, err := LoadCatalog(ctx, st)
	if err != nil {
		return sum, err
	}
	start := period.Months[0].Start()
	last := period.Months[len(period.Months)-1]
	permits, err := allPermits(ctx, st)
	if err != nil {
		return sum, err
	}
	uses, points, err := usesByPermit(ctx, st, period.Months)
	if err != nil {
		return sum, err
	}
	sources, err := st.ListSources(ctx)
	if err != nil {
		return sum, err
	}
	srcs := map[string]*sishui.Source{}
	for _, s := range sources {
		srcs[s.Code] = s
	}
	sectors, err := st.ListSectors(ctx)
	if err != nil {
		return sum, err
	}
	secs := map[string]*sishui.Sector{}
	for _, s := range sectors {
		secs[s.Code] = s
	}
	zoneKinds := map[int64]string{}
	zones, err := st.ListZones(ctx, "")
	if err != nil {
		return sum, err
	}
	for _, z := range zones {
		zoneKinds[z.ID] = z.Kind
	}
	certs, err := st.ListCertifications(ctx, 0)
	if err != nil {
		return sum, err
	}
	// The users' quotas for the period (the year's pro-rated by months),
	// split across their permits by the period's metered use (or declared
	// output per permit): a permit's agricultural exemption is its share.
	var hs []holding
	for _, p := range permits {
		if u := uses[p.ID]; u != nil {
			hs = append(hs, holding{subject: sishui.BillPermit, id: p.ID, user: p.UserID, region: p.Region, sector: p.Sector, usedM3: pricing.LitresToM3(u.measured + u.estimated)})
		}
	}
	decls, err := quotaDecls(ctx, st, cat, period.Months[0].Year, start, hs, int64(len(period.Months)))
	if err != nil {
		return sum, err
	}
	quota := splitQuotas(decls, hs, true)
	gen, err := st.ListGeneration(ctx, sishui.GenerationFilter{FromMonth: period.Months[0].Key(), ToMonth: last.Key()})
	if err != nil {
		return sum, err
	}
	genOf := map[int64][]*sishui.GenerationReport{}
	for _, g := range gen {
		genOf[g.PermitID] = append(genOf[g.PermitID], g)
	}
	live := map[int64]bool{}
	existing, err := allVerifications(ctx, st, period.Label)
	if err != nil {
		return sum, err
	}
	for _, v := range existing {
		if v.Status == sishui.VerifySent || v.Status == sishui.VerifyConfirmed {
			live[v.UserID] = true
		}
	}
	// Uses per taxpayer.
	type payer struct {
		region string
		uses   []pricing.TaxUse
	}
	payers := map[int64]*payer{}
	for _, p := range permits {
		u := uses[p.ID]
		if u == nil && len(genOf[p.ID]) > 0 {
			u = &permitUse{} // a plant taxed by generation needs no water meter
		}
		if u == nil {
			continue
		}
		src := srcs[p.Source]
		if src != nil && src.Unconventional {
			continue // reclaimed, rain, brackish water: outside the tax
		}
		ref := TraceRef{Permit: p.Number, Points: u.points, FromMonth: period.Months[0].Key(), ToMonth: last.Key(),
			MeasuredL: u.measured, EstimatedL: u.estimated, PlanM3: planFor(p, period.Months)}
		tu := pricing.TaxUse{Source: pricing.TaxSurface, Purpose: purposes.of(secs[p.Sector], p.Sector),
			Quantity: pricing.LitresToM3(u.measured + u.estimated), PlanM3: ref.PlanM3, Unpermitted: !p.InForce(start)}
		tu.Estimated = min(pricing.LitresToM3(u.estimated), tu.Quantity)
		ref.Unpermitted = tu.Unpermitted
		if src != nil && src.Groundwater {
			tu.Source = pricing.TaxGround
		}
		for _, id := range u.points {
			if pt := points[id]; pt != nil && pt.ZoneID != 0 && zoneKinds[pt.ZoneID] == sishui.ZoneOverExtraction {
				tu.Zone = pricing.ZoneOverExtraction
			}
		}
		if pricing.ByGeneration(tu.Purpose) { // taxed by kWh generated, from the generation feed
			kind := sishui.GenerationHydropower
			if tu.Purpose == pricing.PurposeCooling {
				kind = sishui.GenerationCooling
			}
			months := map[int]bool{}
			for _, g := range genOf[p.ID] {
				if g.Kind == kind {
					ref.GenerationKWh += g.KWh
					ref.GenerationReports = append(ref.GenerationReports, fmt.Sprintf("%d/v%d", g.ID, g.Version))
					months[g.Month] = true
				}
			}
			if len(months) < len(period.Months) {
				sum.problem("permit %s: generation reported for %d of %d months of %s; its %s line waits for the rest", p.Number, len(months), len(period.Months), period.Label, tu.Purpose)
				continue
			}
			tu.Quantity, tu.Estimated = ref.GenerationKWh, 0
			tu.PlanM3 = 0 // over-use multipliers apply to water, not to kWh
		}
		if tu.Purpose == pricing.PurposeAgriculture {
			ref.QuotaM3 = quota[holdKey{sishui.BillPermit, p.ID}]
			tu.QuotaM3 = ref.QuotaM3
		}
		// The advanced-quota relief: a certification valid on the period's
		// start for the permit's sector covers this permit's use.
		for _, c := range certs {
			if c.UserID == p.UserID && c.Sector == p.Sector && c.ValidOn(start) {
				tu.Advanced, ref.Certified = true, c.ID
			}
		}
		b, _ := json.Marshal(ref)
		tu.Ref = string(b)
		py := payers[p.UserID]
		if py == nil {
			py = &payer{region: p.Region}
			payers[p.UserID] = py
		}
		py.uses = append(py.uses, tu)
	}
	ids := make([]int64, 0, len(payers))
	for id := range payers {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var drafts []*sishui.TaxVerification
	for i, id := range ids {
		if progress != nil {
			progress(i, len(ids))
		}
		sum.Subjects++
		if live[id] {
			sum.Unchanged++
			continue
		}
		py := payers[id]
		table, ok := pricing.Select(cat.Taxes, cat.Chain(py.region), "", start)
		if !ok {
			sum.problem("user %d: no tax table for region %s on %s", id, py.region, start.Format("2006-01-02"))
			continue
		}
		lines, total, err := pricing.ComputeTax(table, py.uses, false)
		if err != nil {
			sum.problem("user %d: %v", id, err)
			continue
		}
		b, err := json.Marshal(lines)
		if err != nil {
			return sum, err
		}
		drafts = append(drafts, &sishui.TaxVerification{UserID: id, Region: py.region, Period: period.Label, TotalFen: int64(total), Rule: table.ID, Lines: b})
		sum.Drafts++
		sum.TotalFen += int64(total)
	}
	if progress != nil {
		progress(len(ids), len(ids))
	}
	return sum, st.ReplaceDraftVerifications(ctx, period.Label, drafts)
}

func allVerifications(ctx context.Context, st sishui.BillingStore, period string) ([]*sishui.TaxVerification, error) {
	return sishui.AllPages(func(p sishui.Page) ([]*sishui.TaxVerification, int, error) {
		return st.ListVerifications(ctx, sishui.VerificationFilter{Period: period, Page: p})
	})
}

// VerificationLines decodes a verification's lines.
func VerificationLines(v *sishui.TaxVerification) ([]pricing.TaxLine, error) {
	var lines []pricing.TaxLine
	if err := json.Unmarshal(v.Lines, &lines); err != nil {
		return nil, fmt.Errorf("verification %d: %w", v.ID, err)
	}
	return lines, nil
}
