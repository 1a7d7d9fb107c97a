package api

import (
	"net/http"
	"strings"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/billing"
)

// ImportInput is an import of customer accounts, meter reads or norms as
// CSV text with a header row (the same columns as `sishui billing import`).
type ImportInput struct {
	Kind string `json:"kind"` // accounts | reads | norms
	CSV  string `json:"csv"`
}

// NormInput is one water-use norm (用水定额) as a form enters it: values in
// m³ per unit with up to 3 decimals.
type NormInput struct {
	Region        string `json:"region"`
	Sector        string `json:"sector"`
	Product       string `json:"product"`
	Name          string `json:"name"`
	Unit          string `json:"unit"`
	General       string `json:"general"`  // 通用值, m³ per unit
	Advanced      string `json:"advanced"` // 先进值, m³ per unit ("" when the standard gives none)
	Standard      string `json:"standard"`
	EffectiveFrom string `json:"effective_from"` // yyyy-mm-dd
	Verified      bool   `json:"verified"`
	Demo          bool   `json:"demo"`
	Source        string `json:"source"`
}

// billingUIRoutes are the writes the billing pages need beyond the batch
// endpoints: CSV imports with per-row errors and a norm entered as a form.
func (s *Server) billingUIRoutes() []Route {
	st := s.Store
	return []Route{
		{Method: "POST", Path: "/api/v1/billing/import", Summary: "Import customer accounts, meter reads or norms from CSV text (per-row errors; bad rows never stop the import)", Tag: "billing", In: ImportInput{}, Out: billing.ImportSummary{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in ImportInput
				if err := decode(r, &in); err != nil {
					return err
				}
				if in.Kind != billing.ImportAccounts && in.Kind != billing.ImportReads && in.Kind != billing.ImportNorms {
					return sishui.Invalid("kind", "must be accounts, reads or norms")
				}
				if strings.TrimSpace(in.CSV) == "" {
					return sishui.Invalid("csv", "is empty: a header row naming the columns is required")
				}
				sum, err := billing.ImportCSV(r.Context(), st, in.Kind, strings.NewReader(in.CSV), billing.ImportOptions{})
				return reply(w, sum, err)
			}},
		{Method: "PUT", Path: "/api/v1/norms", Summary: "Enter or edit a water-use norm (用水定额): a version of the norm rule for region, sector/product and effective date (city staff; audited)", Tag: "pricing", In: NormInput{}, Out: sishui.Rule{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in NormInput
				if err := decode(r, &in); err != nil {
					return err
				}
				rule, err := billing.NormRule(billing.NormFields{Region: in.Region, Sector: in.Sector, Product: in.Product, Name: in.Name, Unit: in.Unit,
					General: in.General, Advanced: in.Advanced, Standard: in.Standard, EffectiveFrom: in.EffectiveFrom,
					Verified: in.Verified, Demo: in.Demo, Source: in.Source})
				if err != nil {
					return err
				}
				return reply(w, rule, billing.SaveRule(r.Context(), st, rule))
			}},
	}
}
