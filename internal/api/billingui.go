package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/allocate"
	"github.com/sishui/sishui/internal/billing"
)

// ImportInput is an import of customer accounts, meter reads or norms as
// CSV text with a header row (the same columns as `sishui billing import`).
type ImportInput struct {
	Kind string `json:"kind"` // accounts | reads | norms | generation
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

// AllocationBudgetInput derives a year's budgets from an allocation result.
type AllocationBudgetInput struct {
	Year   int              `json:"year"`
	Result *allocate.Result `json:"result"`
	// RegionCodes maps the model's region names to region codes (default:
	// the Liaocheng scenario's counties; 6-digit names are codes already).
	RegionCodes map[string]string `json:"region_codes,omitempty"`
	// Regions keeps only the budgets of these region codes (default all).
	Regions []string `json:"regions,omitempty"`
	// DryRun writes nothing: the answer shows what would be created.
	DryRun bool `json:"dry_run,omitempty"`
}

// AllocationBudgetOutput counts and lists the budgets written (or, for a dry
// run, those that would be), each with the annual volume it replaces.
type AllocationBudgetOutput struct {
	Budgets int                       `json:"budgets"`
	DryRun  bool                      `json:"dry_run,omitempty"`
	Items   []billing.AllocatedBudget `json:"items"`
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
				switch in.Kind {
				case billing.ImportAccounts, billing.ImportReads, billing.ImportNorms, billing.ImportGeneration:
				default:
					return sishui.Invalid("kind", "must be accounts, reads, norms or generation")
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
		{Method: "POST", Path: "/api/v1/budgets/from-allocation", Summary: "Derive a year's water budgets (basis allocation) per region and sector from an allocation model's result (the months it delivered, whole m³)", Tag: "budgets", In: AllocationBudgetInput{}, Out: AllocationBudgetOutput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in AllocationBudgetInput
				if err := decode(r, &in); err != nil {
					return err
				}
				if in.Year < 1990 || in.Year > 2100 {
					return sishui.Invalid("year", "is required (1990–2100)")
				}
				codes := billing.LiaochengCounties
				if in.RegionCodes != nil {
					codes = in.RegionCodes
				}
				items, err := billing.DeriveFromAllocation(r.Context(), st, in.Result, in.Year, codes, in.Regions, in.DryRun)
				return reply(w, AllocationBudgetOutput{Budgets: len(items), DryRun: in.DryRun, Items: items}, err)
			}},
		{Method: "GET", Path: "/api/v1/budgets/surplus-listings", Summary: "Budget surpluses listed on the water-rights market, in any state (open, closed, cancelled), newest first", Tag: "budgets", Out: []billing.SurplusListing{},
			Query: []Param{{"year", "integer", "budget year (default every year)"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				y, err := qInt(r, "year")
				if err != nil {
					return err
				}
				ls, err := billing.SurplusListings(r.Context(), st, y)
				return reply(w, ls, err)
			}},
		{Method: "GET", Path: "/api/v1/contract-tariffs", Summary: "Contract tariffs (key contract:NUMBER, an account's negotiated price): every version, newest first per account", Tag: "pricing", Out: []*sishui.Rule{},
			Query: []Param{{"number", "string", "customer account number"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				rules, err := billing.ContractTariffs(r.Context(), st, r.URL.Query().Get("number"))
				return reply(w, rules, err)
			}},
		{Method: "POST", Path: "/api/v1/contract-tariffs", Summary: "Enter a new version of an account's contract tariff: components with rates as decimal strings (元, at most 4 decimals); never an edit (city staff; audited)", Tag: "pricing", In: billing.ContractTariffFields{}, Out: sishui.Rule{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in billing.ContractTariffFields
				if err := decode(r, &in); err != nil {
					return err
				}
				rule, err := billing.SaveContractTariff(r.Context(), st, in)
				return replyCreated(w, rule, err)
			}},
		{Method: "POST", Path: "/api/v1/budgets/surplus-listings", Summary: "List a budget's tradeable surplus (节余额度: annual − projected use) on the water-rights market, from the budget holder's rights (escrowed by the ledger); an enterprise lists only its own budget's", Tag: "budgets", In: billing.SurplusInput{}, Out: sishui.Listing{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in billing.SurplusInput
				if err := decode(r, &in); err != nil {
					return err
				}
				if in.Year < 1990 || in.Year > 2100 {
					return sishui.Invalid("year", "is required (1990–2100)")
				}
				// The surplus is projected from the complete months to date.
				now := time.Now().In(sishui.BeijingTime)
				upTo := 12
				switch {
				case in.Year > now.Year() || in.Year == now.Year() && now.Month() == time.January:
					return sishui.Errorf(sishui.ECONFLICT, "no complete month of %d yet: no surplus to list", in.Year)
				case in.Year == now.Year():
					upTo = int(now.Month()) - 1
				}
				l, err := billing.ListSurplus(r.Context(), st, in, upTo)
				return replyCreated(w, l, err)
			}},
		{Method: "POST", Path: "/api/v1/generation", Summary: "Report monthly generation (发电量, kWh) of hydropower or once-through cooling permits; each report is a new version (the tax uses the latest)", Tag: "tax", In: []*sishui.GenerationReport{}, Out: []*sishui.GenerationReport{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in []*sishui.GenerationReport
				if err := decode(r, &in); err != nil {
					return err
				}
				if len(in) == 0 {
					return sishui.Invalid("body", "name at least one report")
				}
				return reply(w, in, st.AddGeneration(r.Context(), in))
			}},
		{Method: "GET", Path: "/api/v1/generation", Summary: "Generation reports: the latest version of each permit, month and kind, or every version with history=true", Tag: "tax", Out: []*sishui.GenerationReport{},
			Query: []Param{{"permit_id", "integer", "permit"}, {"from", "integer", "yyyymm"}, {"to", "integer", "yyyymm"}, {"history", "boolean", "every version"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var f sishui.GenerationFilter
				var err error
				if f.PermitID, err = qInt64(r, "permit_id"); err != nil {
					return err
				}
				if f.FromMonth, err = qInt(r, "from"); err != nil {
					return err
				}
				if f.ToMonth, err = qInt(r, "to"); err != nil {
					return err
				}
				f.History = r.URL.Query().Get("history") == "true"
				gs, err := st.ListGeneration(r.Context(), f)
				return reply(w, gs, err)
			}},
	}
}
