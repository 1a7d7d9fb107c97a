package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/billing"
)

// PeriodInput names the period of a batch run: yyyy-mm for bills, yyyyQn or yyyy-mm for tax.
type PeriodInput struct {
	Period string `json:"period"`
}

// AnswerInput is a taxpayer's answer to a verification.
type AnswerInput struct {
	Confirm bool   `json:"confirm"`
	Reason  string `json:"reason"` // required for a dispute
}

// AdvanceInput moves a certification on: reviewed, certified (with valid_from) or rejected.
type AdvanceInput struct {
	Status    string    `json:"status"`
	Note      string    `json:"note"`
	ValidFrom time.Time `json:"valid_from"`
}

// AccountPlanInput sets an account's plan for a year, by the account's number.
type AccountPlanInput struct {
	Number string `json:"number"`
	Year   int    `json:"year"`
	PlanM3 int64  `json:"plan_m3"`
}

// IssueOutput counts issued bills.
type IssueOutput struct {
	Accounts int `json:"accounts"`
	Permits  int `json:"permits"`
	Yearly   int `json:"yearly"` // yearly surcharge bills of permits and accounts (December)
}

// qDate reads a calendar date yyyy-mm-dd as UTC midnight (reads and bills are by date).
func qDate(r *http.Request, name string, def time.Time) (time.Time, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return t, sishui.Invalid(name, "must be a date yyyy-mm-dd, got %q", v)
	}
	return t, nil
}

func periodOf(in PeriodInput) (billing.Month, error) {
	m, err := billing.ParseMonth(in.Period)
	if err != nil {
		return m, sishui.Invalid("period", "must be yyyy-mm, got %q", in.Period)
	}
	return m, nil
}

// billingRoutes are the routes of norms, tariffs and other rule tables,
// customer accounts and reads, bills, tax verifications and certifications.
func (s *Server) billingRoutes() []Route {
	st := s.Store
	return append(append(s.budgetRoutes(), s.billingUIRoutes()...), []Route{
		{Method: "GET", Path: "/api/v1/rules", Summary: "Rule table versions: tariffs (水价), surcharges (累进加价), tax tables (水资源税) and norms (用水定额)", Tag: "pricing", Public: true, Out: []*sishui.Rule{},
			Query: []Param{{"kind", "string", "tariff | surcharge | tax | norm"}, {"region", "string", "exactly this region"}, {"key", "string", "class, or sector/product for norms"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				q := r.URL.Query()
				rules, err := st.ListRules(r.Context(), sishui.RuleFilter{Kind: q.Get("kind"), Region: q.Get("region"), Key: q.Get("key")})
				return reply(w, rules, err)
			}},
		{Method: "POST", Path: "/api/v1/rules", Summary: "Create a rule version, or replace the one of the same kind, region, key and effective date (city staff; audited)", Tag: "pricing", In: sishui.Rule{}, Out: sishui.Rule{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in sishui.Rule
				if err := decode(r, &in); err != nil {
					return err
				}
				return replyCreated(w, &in, billing.SaveRule(r.Context(), st, &in))
			}},
		{Method: "GET", Path: "/api/v1/outputs", Summary: "Declared outputs and areas (产量/面积) of a year, for quota volumes; a page at a time, searched by user name or product", Tag: "pricing", Out: List[*sishui.OutputDeclaration]{},
			Query: sortedList(sishui.OutputSorts, "the user's name or the product", Param{"year", "integer", "year (required)"}, regionQ),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f, err := qYearFilter(r, sishui.OutputSorts)
				if err != nil {
					return err
				}
				outs, total, err := st.ListOutputs(r.Context(), f)
				return replyList(w, outs, total, f.Page, err)
			}},
		{Method: "PUT", Path: "/api/v1/outputs", Summary: "Declare a user's output of a product or crop for a year", Tag: "pricing", In: sishui.OutputDeclaration{}, Out: sishui.OutputDeclaration{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in sishui.OutputDeclaration
				if err := decode(r, &in); err != nil {
					return err
				}
				return reply(w, &in, st.UpsertOutput(r.Context(), &in))
			}},
		{Method: "DELETE", Path: "/api/v1/outputs", Summary: "Remove a user's declared output of a product or crop for a year, with its per-permit parts (staff of the user's region, or the enterprise for itself; audited)", Tag: "pricing",
			Query: []Param{{"user_id", "integer", "water user"}, {"year", "integer", "year"}, {"sector", "string", "sector code"}, {"product", "string", "product or crop"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				user, err := qInt64(r, "user_id")
				if err != nil {
					return err
				}
				y, err := qInt(r, "year")
				if err != nil {
					return err
				}
				q := r.URL.Query()
				return replyNoContent(w, st.DeleteOutput(r.Context(), user, y, q.Get("sector"), q.Get("product")))
			}},
		{Method: "GET", Path: "/api/v1/outputs/permits", Summary: "Per-permit parts of declared outputs of a year (the weights a user's quota is split by across its permits)", Tag: "pricing", Out: []*sishui.OutputDeclaration{},
			Query: []Param{{"year", "integer", "year"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				y, err := qInt(r, "year")
				if err != nil {
					return err
				}
				outs, err := st.ListPermitOutputs(r.Context(), y)
				return reply(w, outs, err)
			}},
		{Method: "GET", Path: "/api/v1/account-plans", Summary: "Non-residential accounts' plans (计划用水) of a year, the limits of their yearly surcharges; a page at a time, searched by account number or name", Tag: "billing", Out: List[*sishui.AccountPlan]{},
			Query: sortedList(sishui.PlanSorts, "the account number or name", Param{"year", "integer", "year (required)"}, regionQ),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				f, err := qYearFilter(r, sishui.PlanSorts)
				if err != nil {
					return err
				}
				ps, total, err := st.ListAccountPlans(r.Context(), f)
				return replyList(w, ps, total, f.Page, err)
			}},
		{Method: "PUT", Path: "/api/v1/account-plans", Summary: "Set a non-residential account's plan (计划用水) for a year, by account number (staff of its region; audited)", Tag: "billing",
			In: AccountPlanInput{}, Out: sishui.AccountPlan{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in AccountPlanInput
				if err := decodeRequired(r, &in, "number", "year", "plan_m3"); err != nil {
					return err
				}
				p := sishui.AccountPlan{Number: in.Number, Year: in.Year, PlanM3: in.PlanM3}
				return reply(w, &p, st.UpsertAccountPlan(r.Context(), &p))
			}},
		{Method: "DELETE", Path: "/api/v1/account-plans", Summary: "Remove a non-residential account's plan (计划用水) for a year, by account number (staff of its region; audited)", Tag: "billing",
			Query: []Param{{"number", "string", "account number"}, {"year", "integer", "year"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				number := r.URL.Query().Get("number")
				if strings.TrimSpace(number) == "" {
					return sishui.Invalid("number", "is required")
				}
				y, err := qYear(r)
				if err != nil {
					return err
				}
				return replyNoContent(w, st.DeleteAccountPlan(r.Context(), &sishui.AccountPlan{Number: number, Year: y}))
			}},
		{Method: "PUT", Path: "/api/v1/customer-accounts/{id}/plans/{year}", Summary: "Set a non-residential account's plan for a year (staff of its region; audited)", Tag: "billing",
			In: sishui.AccountPlan{}, Out: sishui.AccountPlan{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, year, err := pathIDYear(r)
				if err != nil {
					return err
				}
				var in sishui.AccountPlan
				if err := decodeRequired(r, &in, "plan_m3"); err != nil {
					return err
				}
				in.Account, in.Year = id, year
				return reply(w, &in, st.UpsertAccountPlan(r.Context(), &in))
			}},
		{Method: "DELETE", Path: "/api/v1/customer-accounts/{id}/plans/{year}", Summary: "Remove a non-residential account's plan for a year (staff of its region; audited)", Tag: "billing",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, year, err := pathIDYear(r)
				if err != nil {
					return err
				}
				return replyNoContent(w, st.DeleteAccountPlan(r.Context(), &sishui.AccountPlan{Account: id, Year: year}))
			}},
		{Method: "GET", Path: "/api/v1/customer-accounts", Summary: "Customer accounts of the water suppliers", Tag: "billing", Query: withPage(regionQ), Out: List[*sishui.CustomerAccount]{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := qPage(r)
				if err != nil {
					return err
				}
				items, total, err := st.ListCustomerAccounts(r.Context(), r.URL.Query().Get("region"), p)
				return replyList(w, items, total, p, err)
			}},
		{Method: "POST", Path: "/api/v1/customer-accounts", Summary: "Create or update customer accounts by number (one transaction)", Tag: "billing", In: []*sishui.CustomerAccount{}, Out: []*sishui.CustomerAccount{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in []*sishui.CustomerAccount
				if err := decode(r, &in); err != nil {
					return err
				}
				return reply(w, in, st.UpsertCustomerAccounts(r.Context(), in))
			}},
		{Method: "GET", Path: "/api/v1/customer-accounts/{id}", Summary: "A customer account", Tag: "billing", Out: sishui.CustomerAccount{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				a, err := st.GetCustomerAccount(r.Context(), id)
				return reply(w, a, err)
			}},
		{Method: "GET", Path: "/api/v1/customer-accounts/{id}/reads", Summary: "An account's meter reads on days in [from, to)", Tag: "billing", Out: []sishui.MeterRead{},
			Query: []Param{{"from", "string", "yyyy-mm-dd (default a year ago)"}, {"to", "string", "yyyy-mm-dd (default far future)"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				from, err := qDate(r, "from", time.Unix(0, 0).UTC())
				if err != nil {
					return err
				}
				to, err := qDate(r, "to", time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC))
				if err != nil {
					return err
				}
				if _, err := st.GetCustomerAccount(r.Context(), id); err != nil {
					return err
				}
				reads, err := st.MeterReads(r.Context(), id, from, to)
				return reply(w, reads, err)
			}},
		{Method: "POST", Path: "/api/v1/meter-reads", Summary: "Add meter reads (by account id or number); a read of the same day replaces the earlier one", Tag: "billing", In: []sishui.MeterRead{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in []sishui.MeterRead
				if err := decode(r, &in); err != nil {
					return err
				}
				return replyNoContent(w, st.AddMeterReads(r.Context(), in))
			}},
		{Method: "POST", Path: "/api/v1/billing/runs", Summary: "Bill a month: every customer account and permit holder's over-plan use (idempotent; drafts replaced, issued bills adjusted)", Tag: "billing", In: PeriodInput{}, Out: billing.Summary{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in PeriodInput
				if err := decode(r, &in); err != nil {
					return err
				}
				m, err := periodOf(in)
				if err != nil {
					return err
				}
				sum, err := billing.RunBilling(r.Context(), st, m, nil)
				return reply(w, sum, err)
			}},
		{Method: "POST", Path: "/api/v1/billing/issue", Summary: "Issue a month's draft bills", Tag: "billing", In: PeriodInput{}, Out: IssueOutput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in PeriodInput
				if err := decode(r, &in); err != nil {
					return err
				}
				m, err := periodOf(in)
				if err != nil {
					return err
				}
				var out IssueOutput
				if out.Accounts, err = st.IssueBills(r.Context(), sishui.BillAccount, m.Key()); err != nil {
					return err
				}
				if out.Permits, err = st.IssueBills(r.Context(), sishui.BillPermit, m.Key()); err != nil {
					return err
				}
				for _, subject := range []string{sishui.BillPermitYear, sishui.BillAccountYear} {
					n, err := st.IssueBills(r.Context(), subject, m.Key())
					if err != nil {
						return err
					}
					out.Yearly += n
				}
				return reply(w, out, nil)
			}},
		{Method: "GET", Path: "/api/v1/billing/registered", Summary: "Billed (registered) volume of a month per water works, from the bills in force (for the leakage indicator)", Tag: "billing", Out: map[string]int64{},
			Query: []Param{{"period", "string", "yyyy-mm"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				m, err := periodOf(PeriodInput{Period: r.URL.Query().Get("period")})
				if err != nil {
					return err
				}
				v, err := billing.RegisteredVolumes(r.Context(), st, m)
				return reply(w, v, err)
			}},
		{Method: "GET", Path: "/api/v1/bills", Summary: "Bills (lines itemised, estimated volumes marked)", Tag: "billing", Out: List[*sishui.Bill]{},
			Query: withPage(regionQ, Param{"subject", "string", "account | permit"}, Param{"subject_id", "integer", "account or permit id"},
				Param{"period", "integer", "yyyymm"}, Param{"status", "string", "draft | issued"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := qPage(r)
				if err != nil {
					return err
				}
				f := sishui.BillFilter{Subject: r.URL.Query().Get("subject"), Status: r.URL.Query().Get("status"), Region: r.URL.Query().Get("region"), Page: p}
				if f.SubjectID, err = qInt64(r, "subject_id"); err != nil {
					return err
				}
				if f.Period, err = qInt(r, "period"); err != nil {
					return err
				}
				items, total, err := st.ListBills(r.Context(), f)
				return replyList(w, items, total, p, err)
			}},
		{Method: "GET", Path: "/api/v1/bills/{id}", Summary: "A bill", Tag: "billing", Out: sishui.Bill{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				b, err := st.GetBill(r.Context(), id)
				return reply(w, b, err)
			}},
		{Method: "POST", Path: "/api/v1/tax/runs", Summary: "Draft the 取用水量核定 of every taxpayer for a period (idempotent; sent or confirmed ones are kept)", Tag: "tax", In: PeriodInput{}, Out: billing.Summary{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in PeriodInput
				if err := decode(r, &in); err != nil {
					return err
				}
				p, err := billing.ParseTaxPeriod(in.Period)
				if err != nil {
					return sishui.Invalid("period", "must be yyyyQn or yyyy-mm, got %q", in.Period)
				}
				sum, err := billing.RunTax(r.Context(), st, p, billing.TaxPurpose{}, nil)
				return reply(w, sum, err)
			}},
		{Method: "GET", Path: "/api/v1/tax/verifications", Summary: "Volume verifications (取用水量核定)", Tag: "tax", Out: List[*sishui.TaxVerification]{},
			Query: withPage(Param{"user_id", "integer", "taxpayer"}, Param{"period", "string", "2026Q4 or 2026-11"}, Param{"status", "string", "draft | sent | confirmed | disputed"}),
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				p, err := qPage(r)
				if err != nil {
					return err
				}
				f := sishui.VerificationFilter{Period: r.URL.Query().Get("period"), Status: r.URL.Query().Get("status"), Page: p}
				if f.UserID, err = qInt64(r, "user_id"); err != nil {
					return err
				}
				items, total, err := st.ListVerifications(r.Context(), f)
				return replyList(w, items, total, p, err)
			}},
		{Method: "GET", Path: "/api/v1/tax/verifications/{id}", Summary: "A verification, as JSON or xlsx", Tag: "tax", Out: sishui.TaxVerification{},
			Query: []Param{{"format", "string", "json | xlsx"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				v, err := st.GetVerification(r.Context(), id)
				if err != nil {
					return err
				}
				switch r.URL.Query().Get("format") {
				case "", "json":
					return writeJSON(w, http.StatusOK, v)
				case "xlsx":
					u, err := st.GetWaterUser(r.Context(), v.UserID)
					if err != nil {
						return err
					}
					b, err := billing.VerificationXLSX(v, u)
					if err != nil {
						return err
					}
					w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
					w.Header().Set("Content-Disposition", disposition("verification-"+v.Period+"-"+strconv.FormatInt(v.ID, 10)+".xlsx"))
					_, err = w.Write(b)
					return err
				}
				return sishui.Invalid("format", "must be json or xlsx")
			}},
		{Method: "POST", Path: "/api/v1/tax/verifications/{id}/send", Summary: "Send a draft verification to the taxpayer and the tax bureau", Tag: "tax",
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				return replyNoContent(w, st.SendVerification(r.Context(), id))
			}},
		{Method: "POST", Path: "/api/v1/tax/verifications/{id}/answer", Summary: "The taxpayer confirms, or disputes with a reason", Tag: "tax", In: AnswerInput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var in AnswerInput
				if err := decode(r, &in); err != nil {
					return err
				}
				return replyNoContent(w, st.AnswerVerification(r.Context(), id, in.Confirm, in.Reason))
			}},
		{Method: "GET", Path: "/api/v1/certifications", Summary: "Advanced-quota certifications (先进定额认定)", Tag: "tax", Out: []*sishui.Certification{},
			Query: []Param{{"user_id", "integer", "water user"}},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				u, err := qInt64(r, "user_id")
				if err != nil {
					return err
				}
				cs, err := st.ListCertifications(r.Context(), u)
				return reply(w, cs, err)
			}},
		{Method: "POST", Path: "/api/v1/certifications", Summary: "Apply for the advanced-quota certification (申请)", Tag: "tax", In: sishui.Certification{}, Out: sishui.Certification{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				var in sishui.Certification
				if err := decode(r, &in); err != nil {
					return err
				}
				return replyCreated(w, &in, st.ApplyCertification(r.Context(), &in))
			}},
		{Method: "POST", Path: "/api/v1/certifications/{id}/advance", Summary: "Review (审核: use per output checked against the advanced value of the norm), certify (认定, valid a year) or reject an application", Tag: "tax", In: AdvanceInput{},
			Handler: func(w http.ResponseWriter, r *http.Request) error {
				id, err := pathID(r)
				if err != nil {
					return err
				}
				var in AdvanceInput
				if err := decode(r, &in); err != nil {
					return err
				}
				if in.Status == sishui.CertReviewed { // the review checks the evidence against the norm
					return replyNoContent(w, billing.ReviewCertification(r.Context(), st, id, in.Note))
				}
				return replyNoContent(w, st.AdvanceCertification(r.Context(), id, in.Status, in.Note, in.ValidFrom))
			}},
	}...)
}
