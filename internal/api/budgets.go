package api

import (
	"net/http"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/billing"
	"github.com/sishui/sishui/internal/budget"
)

// DeriveInput asks for a year's budgets from caps and permits.
type DeriveInput struct {
	Year    int   `json:"year"`
	MajorM3 int64 `json:"major_m3"` // users whose permits allow at least this much a year get a budget of their own
}

// DeriveOutput counts the budgets written.
type DeriveOutput struct {
	Budgets int `json:"budgets"`
}

func qYear(r *http.Request) (int, error) {
	y, err := qInt(r, "year")
	if err == nil && (y < 1990 || y > 2100) {
		err = sishui.Invalid("year", "is required (1990–2100)")
	}
	return y, err
}

// budgetRoutes are the routes of water budgets (水预算), contract water
// saving (合同节水) and 节水贷 candidates.
func (s *Server) budgetRoutes() []Route {
	st := s.Store
	return []Route{
		{Method: "GET", Path: "/api/v1/budgets", Summary: "A year's water budgets (水预算) of regions and major users", Tag: "budgets", Out: []*sishui.WaterBudget{},
			Query: []Param{{"year", "integer", "year"}, {"subject", "string", "region | user"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				y, err := qYear(r)
				if err != nil {
					return err
				}
				bs, err := st.ListBudgets(r.Context(), y, r.URL.Query().Get("subject"))
				return reply(w, bs, err)
			}},
		{Method: "PUT", Path: "/api/v1/budgets", Summary: "Set a budget (12 monthly values summing to the annual)", Tag: "budgets", In: sishui.WaterBudget{}, Out: sishui.WaterBudget{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in sishui.WaterBudget
				if err := decode(r, &in); err != nil {
					return err
				}
				return reply(w, &in, st.UpsertBudget(r.Context(), &in))
			}},
		{Method: "POST", Path: "/api/v1/budgets/derive", Summary: "Derive a year's budgets from the caps (split like last year's use) and major users' permit plans", Tag: "budgets", In: DeriveInput{}, Out: DeriveOutput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in DeriveInput
				if err := decode(r, &in); err != nil {
					return err
				}
				if in.Year < 1990 || in.Year > 2100 {
					return sishui.Invalid("year", "is required (1990–2100)")
				}
				n, err := billing.DeriveBudgets(r.Context(), st, in.Year, in.MajorM3)
				return reply(w, DeriveOutput{n}, err)
			}},
		{Method: "GET", Path: "/api/v1/budgets/execution", Summary: "Monthly execution of every budget against metered use, with variance levels and tradeable surplus", Tag: "budgets", Out: []billing.BudgetReport{},
			Query: []Param{{"year", "integer", "year"}, {"month", "integer", "months 1..month (default 12)"},
				{"warn", "integer", "override: warn above this cumulative variance, thousandths (default: the budget rule)"}, {"over", "integer", "override: over above this, thousandths"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				y, err := qYear(r)
				if err != nil {
					return err
				}
				m, err := qInt(r, "month")
				if err != nil {
					return err
				}
				if m == 0 {
					m = 12
				}
				var override *budget.Thresholds
				if q := r.URL.Query(); q.Has("warn") || q.Has("over") {
					override = &budget.Thresholds{}
					if override.Warn, err = qInt64(r, "warn"); err != nil {
						return err
					}
					if override.Over, err = qInt64(r, "over"); err != nil {
						return err
					}
				}
				reps, err := billing.BudgetExecution(r.Context(), st, y, m, override)
				return reply(w, reps, err)
			}},
		{Method: "GET", Path: "/api/v1/saving-contracts", Summary: "Contract water-saving (合同节水管理) contracts", Tag: "budgets", Out: []*sishui.SavingContract{},
			Query: []Param{{"user_id", "integer", "water user"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				u, err := qInt64(r, "user_id")
				if err != nil {
					return err
				}
				cs, err := st.ListSavingContracts(r.Context(), u)
				return reply(w, cs, err)
			}},
		{Method: "POST", Path: "/api/v1/saving-contracts", Summary: "Register a contract water-saving contract", Tag: "budgets", In: sishui.SavingContract{}, Out: sishui.SavingContract{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in sishui.SavingContract
				if err := decode(r, &in); err != nil {
					return err
				}
				return replyCreated(w, &in, st.CreateSavingContract(r.Context(), &in))
			}},
		{Method: "GET", Path: "/api/v1/saving-contracts/{id}/savings", Summary: "A year's verified saving (IPMVP option C: output-adjusted baseline) and the payments due", Tag: "budgets", Out: billing.SavingReport{},
			Query: []Param{{"year", "integer", "reporting year"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				y, err := qYear(r)
				if err != nil {
					return err
				}
				rep, err := billing.ContractSavings(r.Context(), st, id, y)
				return reply(w, rep, err)
			}},
		{Method: "GET", Path: "/api/v1/saving-loans/candidates", Summary: "节水贷 candidates: users certified at the advanced quota, or whose use was within it", Tag: "budgets", Out: []billing.LoanCandidate{},
			Query: []Param{{"year", "integer", "year"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				y, err := qYear(r)
				if err != nil {
					return err
				}
				cs, err := billing.LoanCandidates(r.Context(), st, y)
				return reply(w, cs, err)
			}},
	}
}
