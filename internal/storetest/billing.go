package storetest

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func testBilling(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := as(sishui.RoleCity, "", 0)
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))

	// Rules: versions by effective date; same key and date replaces.
	r := &sishui.Rule{Kind: sishui.RuleTariff, Region: City, Key: "residential", EffectiveFrom: date(2026, 1, 1), Source: "demo", Demo: true, Body: json.RawMessage(`{"a":1}`)}
	must(t, s.UpsertRule(ctx, r))
	r2 := *r
	r2.ID, r2.EffectiveFrom = 0, date(2027, 1, 1)
	must(t, s.UpsertRule(ctx, &r2))
	r3 := *r
	r3.ID, r3.Body = 0, json.RawMessage(`{"a":2}`)
	must(t, s.UpsertRule(ctx, &r3))
	if r3.ID != r.ID {
		t.Fatalf("same key and date must replace: %d vs %d", r3.ID, r.ID)
	}
	rules, err := s.ListRules(as(sishui.RolePublic, "", 0), sishui.RuleFilter{Kind: sishui.RuleTariff})
	must(t, err)
	if len(rules) != 2 || string(rules[0].Body) != `{"a":2}` || !rules[1].EffectiveFrom.Equal(date(2027, 1, 1)) || !rules[0].Demo {
		t.Fatalf("rules %+v", rules)
	}
	bad := *r
	bad.Body = json.RawMessage(`[1]`)
	wantCode(t, s.UpsertRule(ctx, &bad), sishui.EINVALID, "body")
	bad = *r
	bad.EffectiveFrom = date(2026, 1, 1).Add(time.Hour)
	wantCode(t, s.UpsertRule(ctx, &bad), sishui.EINVALID, "effective_from")
	wantCode(t, s.UpsertRule(as(sishui.RoleCounty, CountyA, 0), &r2), sishui.EFORBIDDEN, "")

	// Outputs.
	must(t, s.UpsertOutput(ctx, &sishui.OutputDeclaration{UserID: u.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 1000}))
	must(t, s.UpsertOutput(ctx, &sishui.OutputDeclaration{UserID: u.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 1200}))
	outs, err := s.AllOutputs(ctx, 2026)
	must(t, err)
	if len(outs) != 1 || outs[0].Output != 1200 || outs[0].UserName != u.Name {
		t.Fatalf("outputs %+v, want one of 1200 by %q", outs, u.Name)
	}
	if outs, _ := s.AllOutputs(as(sishui.RoleCounty, CountyB, 0), 2026); len(outs) != 0 {
		t.Fatalf("county B sees %+v", outs)
	}
	// Deleting a declaration removes it and its per-permit parts, nothing
	// else (another product, another year); audited with the old values.
	pa, pb := newPermit("P-OUT-A", u.ID, CountyA, sishui.SourceYellowRiver, 10), newPermit("P-OUT-B", u.ID, CountyA, sishui.SourceYellowRiver, 10)
	must(t, s.CreatePermit(ctx, pa))
	must(t, s.CreatePermit(ctx, pb))
	other := newUser(CountyA, 2) // the same product declared by another user stays
	must(t, s.CreateWaterUser(ctx, other))
	pc := newPermit("P-OUT-C", other.ID, CountyA, sishui.SourceYellowRiver, 10)
	must(t, s.CreatePermit(ctx, pc))
	for _, o := range []sishui.OutputDeclaration{
		{UserID: other.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 80},
		{UserID: other.ID, PermitID: pc.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 80},
		{UserID: u.ID, PermitID: pa.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 500},
		{UserID: u.ID, PermitID: pb.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 700},
		{UserID: u.ID, PermitID: pa.ID, Year: 2026, Sector: "industry", Product: "pulp", Output: 5},
		{UserID: u.ID, Year: 2026, Sector: "industry", Product: "pulp", Output: 50},
		{UserID: u.ID, Year: 2027, Sector: "industry", Product: "paper", Output: 900},
	} {
		must(t, s.UpsertOutput(ctx, &o))
	}
	wantCode(t, s.DeleteOutput(as(sishui.RoleCounty, CountyB, 0), u.ID, 2026, "industry", "paper"), sishui.ENOTFOUND, "")
	wantCode(t, s.DeleteOutput(as(sishui.RoleEnterprise, "", u.ID+1), u.ID, 2026, "industry", "paper"), sishui.ENOTFOUND, "")
	wantCode(t, s.DeleteOutput(ctx, u.ID, 2026, "industry", " "), sishui.EINVALID, "product")
	must(t, s.DeleteOutput(as(sishui.RoleCounty, CountyA, 0), u.ID, 2026, "industry", "paper"))
	if outs, err := s.AllOutputs(ctx, 2026); err != nil || len(outs) != 2 || outs[0].Product != "pulp" || outs[0].Output != 50 || outs[1].UserID != other.ID {
		t.Fatalf("outputs after the delete %+v %v, want pulp 50 and the other user's paper", outs, err)
	}
	if parts, err := s.ListPermitOutputs(ctx, 2026); err != nil || len(parts) != 2 || parts[0].Product != "pulp" || parts[0].PermitID != pa.ID || parts[1].PermitID != pc.ID {
		t.Fatalf("permit parts after the delete %+v %v, want P-OUT-A's pulp and P-OUT-C's paper", parts, err)
	}
	if outs, err := s.AllOutputs(ctx, 2027); err != nil || len(outs) != 1 || outs[0].Output != 900 {
		t.Fatalf("2027 outputs after deleting 2026's %+v %v", outs, err)
	}
	wantCode(t, s.DeleteOutput(ctx, u.ID, 2026, "industry", "paper"), sishui.ENOTFOUND, "")
	wantDeleted(t, s, "output_declaration", fmt.Sprintf("%d/2026/paper", u.ID), "county"+CountyA, `"output":1200`)
	wantDeleted(t, s, "permit_output", fmt.Sprintf("%d/2026/paper", pa.ID), "county"+CountyA, `"output":500`)
	wantDeleted(t, s, "permit_output", fmt.Sprintf("%d/2026/paper", pb.ID), "county"+CountyA, `"output":700`)
	// The enterprise declares and withdraws its own output, no one else's.
	own := as(sishui.RoleEnterprise, "", u.ID)
	must(t, s.UpsertOutput(own, &sishui.OutputDeclaration{UserID: u.ID, Year: 2028, Sector: "industry", Product: "paper", Output: 30}))
	if outs, err := s.AllOutputs(own, 2028); err != nil || len(outs) != 1 || outs[0].Output != 30 {
		t.Fatalf("the enterprise's own 2028 outputs %+v %v", outs, err)
	}
	must(t, s.DeleteOutput(own, u.ID, 2028, "industry", "paper"))
	if outs, err := s.AllOutputs(ctx, 2028); err != nil || len(outs) != 0 {
		t.Fatalf("2028 outputs after the enterprise's delete %+v %v", outs, err)
	}

	// Customer accounts and reads.
	accts := []*sishui.CustomerAccount{
		{Number: "H001", Name: "住户一", Region: CountyA, Class: "residential", Meter: sishui.MeterIndividual, Opened: date(2020, 1, 1)},
		{Number: "N001", Name: "商户", Region: CountyB, Class: "non_residential", Meter: sishui.MeterIndividual, UserID: u.ID, PlanM3: 100, Opened: date(2020, 1, 1)},
	}
	must(t, s.UpsertCustomerAccounts(ctx, accts))
	id0 := accts[0].ID
	accts[0].Name = "住户一(改)"
	must(t, s.UpsertCustomerAccounts(ctx, accts[:1]))
	if accts[0].ID != id0 {
		t.Fatal("an upsert by number must keep the id")
	}
	got, err := s.GetCustomerAccount(ctx, id0)
	must(t, err)
	if got.Name != "住户一(改)" || !got.Opened.Equal(date(2020, 1, 1)) {
		t.Fatalf("account %+v", got)
	}
	wantCode(t, s.UpsertCustomerAccounts(ctx, []*sishui.CustomerAccount{{Number: "S", Name: "x", Region: CountyA, Class: "residential", Meter: sishui.MeterShared, Opened: date(2020, 1, 1)}}), sishui.EINVALID, "accounts[0].persons")
	wantCode(t, s.UpsertCustomerAccounts(as(sishui.RoleCounty, CountyB, 0), accts[:1]), sishui.EFORBIDDEN, "")
	// Account-year plans: replaced by account and year, scoped like the account.
	must(t, s.UpsertAccountPlan(ctx, &sishui.AccountPlan{Account: accts[1].ID, Year: 2026, PlanM3: 1000}))
	must(t, s.UpsertAccountPlan(ctx, &sishui.AccountPlan{Account: accts[1].ID, Year: 2026, PlanM3: 1100}))
	if ps, err := s.AllAccountPlans(ctx, 2026); err != nil || len(ps) != 1 || ps[0].PlanM3 != 1100 ||
		ps[0].Number != "N001" || ps[0].Name != "商户" || ps[0].Region != CountyB || ps[0].UserID != u.ID {
		t.Fatalf("account plans %+v %v", ps, err)
	}
	// By number too; a residential account has no plan.
	must(t, s.UpsertAccountPlan(ctx, &sishui.AccountPlan{Number: "N001", Year: 2026, PlanM3: 1200}))
	if ps, err := s.AllAccountPlans(ctx, 2026); err != nil || len(ps) != 1 || ps[0].PlanM3 != 1200 || ps[0].Account != accts[1].ID {
		t.Fatalf("account plans by number %+v %v", ps, err)
	}
	wantCode(t, s.UpsertAccountPlan(ctx, &sishui.AccountPlan{Number: "X404", Year: 2026, PlanM3: 1}), sishui.EINVALID, "number")
	wantCode(t, s.UpsertAccountPlan(ctx, &sishui.AccountPlan{Number: "H001", Year: 2026, PlanM3: 1}), sishui.EINVALID, "number")
	wantCode(t, s.UpsertAccountPlan(ctx, &sishui.AccountPlan{Account: accts[0].ID, Year: 2026, PlanM3: 1}), sishui.EINVALID, "account")
	wantCode(t, s.UpsertAccountPlan(as(sishui.RoleCounty, CountyA, 0), &sishui.AccountPlan{Number: "N001", Year: 2026, PlanM3: 1}), sishui.EINVALID, "number")
	if ps, _ := s.AllAccountPlans(as(sishui.RoleCounty, CountyA, 0), 2026); len(ps) != 0 {
		t.Fatalf("county A sees county B's plans %+v", ps)
	}
	wantCode(t, s.UpsertAccountPlan(as(sishui.RoleCounty, CountyA, 0), &sishui.AccountPlan{Account: accts[1].ID, Year: 2026, PlanM3: 1}), sishui.EINVALID, "account")
	// Deleting a plan removes that account-year only: invisible out of
	// scope, refused to a reader; audited with the old plan.
	must(t, s.UpsertAccountPlan(ctx, &sishui.AccountPlan{Number: "N001", Year: 2027, PlanM3: 1300}))
	plan := func(id int64, number string, year int) *sishui.AccountPlan {
		return &sishui.AccountPlan{Account: id, Number: number, Year: year}
	}
	wantCode(t, s.DeleteAccountPlan(as(sishui.RoleCounty, CountyA, 0), plan(accts[1].ID, "", 2026)), sishui.ENOTFOUND, "")
	wantCode(t, s.DeleteAccountPlan(as(sishui.RoleCounty, CountyA, 0), plan(0, "N001", 2026)), sishui.ENOTFOUND, "")
	wantCode(t, s.DeleteAccountPlan(as(sishui.RoleEnterprise, "", u.ID), plan(accts[1].ID, "", 2026)), sishui.EFORBIDDEN, "")
	wantCode(t, s.DeleteAccountPlan(ctx, plan(accts[1].ID, "", 26)), sishui.EINVALID, "year")
	wantCode(t, s.DeleteAccountPlan(ctx, plan(0, " ", 2026)), sishui.EINVALID, "account")
	wantCode(t, s.DeleteAccountPlan(ctx, plan(0, "X404", 2026)), sishui.ENOTFOUND, "")
	p26 := plan(accts[1].ID, "", 2026)
	must(t, s.DeleteAccountPlan(as(sishui.RoleCounty, CountyB, 0), p26))
	if p26.PlanM3 != 1200 || p26.Number != "N001" {
		t.Fatalf("the deleted plan is returned: %+v", p26)
	}
	if ps, err := s.AllAccountPlans(ctx, 2026); err != nil || len(ps) != 0 {
		t.Fatalf("account plans after the delete %+v %v", ps, err)
	}
	if ps, err := s.AllAccountPlans(ctx, 2027); err != nil || len(ps) != 1 || ps[0].PlanM3 != 1300 {
		t.Fatalf("2027 account plans after deleting 2026's %+v %v", ps, err)
	}
	wantCode(t, s.DeleteAccountPlan(ctx, plan(accts[1].ID, "", 2026)), sishui.ENOTFOUND, "")
	wantCode(t, s.DeleteAccountPlan(ctx, plan(accts[0].ID, "", 2027)), sishui.ENOTFOUND, "")
	// By number, as the API names it.
	must(t, s.DeleteAccountPlan(as(sishui.RoleCounty, CountyB, 0), plan(0, "N001", 2027)))
	if ps, err := s.AllAccountPlans(ctx, 2027); err != nil || len(ps) != 0 {
		t.Fatalf("2027 account plans after deleting by number %+v %v", ps, err)
	}
	wantDeleted(t, s, "customer_account_plan", "N001/2026", "county"+CountyB, `"plan_m3":1200`)
	wantDeleted(t, s, "customer_account_plan", "N001/2027", "county"+CountyB, `"plan_m3":1300`)
	wantDeleted(t, s, "customer_account_plan", "N001/2026", "county"+CountyB, `"plan_m3":1200`)
	list, n, err := s.ListCustomerAccounts(as(sishui.RoleCounty, CountyA, 0), "", sishui.Page{})
	must(t, err)
	if n != 1 || list[0].Number != "H001" {
		t.Fatalf("county A accounts %d %+v", n, list)
	}
	if _, err := s.GetCustomerAccount(as(sishui.RoleEnterprise, "", u.ID), id0); sishui.ErrorCode(err) != sishui.ENOTFOUND {
		t.Fatalf("enterprise sees a household: %v", err)
	}

	must(t, s.AddMeterReads(ctx, []sishui.MeterRead{
		{Number: "H001", ReadOn: date(2026, 10, 31), ReadingM3: 100},
		{Number: "H001", ReadOn: date(2026, 11, 30), ReadingM3: 112, Estimated: true},
		{Account: accts[1].ID, ReadOn: date(2026, 11, 30), ReadingM3: 500},
	}))
	must(t, s.AddMeterReads(ctx, []sishui.MeterRead{{Number: "H001", ReadOn: date(2026, 11, 30), ReadingM3: 115}})) // actual replaces the estimate
	reads, err := s.MeterReads(ctx, 0, date(2026, 10, 1), date(2026, 12, 1))
	must(t, err)
	if len(reads) != 3 || reads[1].ReadingM3 != 115 || reads[1].Estimated || reads[0].Account != id0 {
		t.Fatalf("reads %+v", reads)
	}
	wantCode(t, s.AddMeterReads(ctx, []sishui.MeterRead{{Number: "NOPE", ReadOn: date(2026, 11, 30), ReadingM3: 1}}), sishui.EINVALID, "account")
	wantCode(t, s.AddMeterReads(ctx, []sishui.MeterRead{{Number: "H001", ReadOn: date(2026, 11, 30), ReadingM3: -1}}), sishui.EINVALID, "reading_m3")
	if rs, _ := s.MeterReads(as(sishui.RoleCounty, CountyB, 0), id0, date(2026, 1, 1), date(2027, 1, 1)); len(rs) != 0 {
		t.Fatalf("county B sees reads %+v", rs)
	}

	// Bills: drafts are replaced, issued bills stay.
	mk := func(sub int64, region string, total int64, kind string) *sishui.Bill {
		return &sishui.Bill{Subject: sishui.BillAccount, SubjectID: sub, Region: region, Period: 202611, Kind: kind, VolumeM3: 15, TotalFen: total, Rules: []int64{r.ID}, Lines: json.RawMessage(`[]`)}
	}
	must(t, s.ReplaceDraftBills(ctx, sishui.BillAccount, 202611, []*sishui.Bill{mk(id0, CountyA, 100, sishui.BillRegular), mk(accts[1].ID, CountyB, 200, sishui.BillRegular)}))
	must(t, s.ReplaceDraftBills(ctx, sishui.BillAccount, 202611, []*sishui.Bill{mk(id0, CountyA, 101, sishui.BillRegular)}))
	bills, n, err := s.ListBills(ctx, sishui.BillFilter{Period: 202611})
	must(t, err)
	if n != 1 || bills[0].TotalFen != 101 || bills[0].Status != sishui.StatusDraft || len(bills[0].Rules) != 1 {
		t.Fatalf("after rerun %d %+v", n, bills)
	}
	wantCode(t, s.ReplaceDraftBills(ctx, sishui.BillAccount, 202611, []*sishui.Bill{mk(id0, CountyA, 1, sishui.BillRegular), mk(id0, CountyA, 2, sishui.BillRegular)}), sishui.ECONFLICT, "")
	wantCode(t, s.ReplaceDraftBills(as(sishui.RoleCounty, CountyA, 0), sishui.BillAccount, 202611, nil), sishui.EFORBIDDEN, "")
	k, err := s.IssueBills(ctx, sishui.BillAccount, 202611)
	must(t, err)
	if k != 1 {
		t.Fatalf("issued %d", k)
	}
	must(t, s.ReplaceDraftBills(ctx, sishui.BillAccount, 202611, []*sishui.Bill{mk(id0, CountyA, -5, sishui.BillAdjustment)}))
	issued, err := s.IssuedBills(ctx, sishui.BillAccount, 202611)
	must(t, err)
	if len(issued) != 1 || issued[0].TotalFen != 101 || issued[0].Issued.IsZero() {
		t.Fatalf("issued %+v", issued)
	}
	if all, err := s.PeriodBills(ctx, sishui.BillAccount, 202611); err != nil || len(all) != 2 || all[0].Status != sishui.StatusIssued || all[1].TotalFen != -5 {
		t.Fatalf("issued and draft bills of the period %+v %v", all, err)
	}
	if _, n, _ := s.ListBills(as(sishui.RoleCounty, CountyB, 0), sishui.BillFilter{}); n != 0 {
		t.Fatalf("county B sees %d bills", n)
	}
	if _, err := s.GetBill(ctx, issued[0].ID); err != nil {
		t.Fatal(err)
	}

	// Verifications: draft → sent → disputed; a rerun replaces only drafts.
	v := &sishui.TaxVerification{UserID: u.ID, Region: CountyA, Period: "2026Q4", TotalFen: 300, Rule: 1, Lines: json.RawMessage(`[]`)}
	must(t, s.ReplaceDraftVerifications(ctx, "2026Q4", []*sishui.TaxVerification{v}))
	must(t, s.ReplaceDraftVerifications(ctx, "2026Q4", []*sishui.TaxVerification{v}))
	vs, n, err := s.ListVerifications(ctx, sishui.VerificationFilter{Period: "2026Q4"})
	must(t, err)
	if n != 1 {
		t.Fatalf("verifications %d", n)
	}
	ent := as(sishui.RoleEnterprise, "", u.ID)
	wantCode(t, s.AnswerVerification(ent, vs[0].ID, true, ""), sishui.ECONFLICT, "")
	wantCode(t, s.SendVerification(ent, vs[0].ID), sishui.EFORBIDDEN, "")
	must(t, s.SendVerification(ctx, vs[0].ID))
	wantCode(t, s.ReplaceDraftVerifications(ctx, "2026Q4", []*sishui.TaxVerification{v}), sishui.ECONFLICT, "")
	wantCode(t, s.AnswerVerification(ent, vs[0].ID, false, " "), sishui.EINVALID, "reason")
	if err := s.AnswerVerification(as(sishui.RoleEnterprise, "", u.ID+1), vs[0].ID, true, ""); sishui.ErrorCode(err) != sishui.ENOTFOUND {
		t.Fatalf("another taxpayer answers: %v", err)
	}
	must(t, s.AnswerVerification(ent, vs[0].ID, false, "3 月表计故障期间估算偏高"))
	got2, err := s.GetVerification(ent, vs[0].ID)
	must(t, err)
	if got2.Status != sishui.VerifyDisputed || got2.Reason == "" || got2.Sent.IsZero() || got2.Answered.IsZero() {
		t.Fatalf("verification %+v", got2)
	}
	must(t, s.ReplaceDraftVerifications(ctx, "2026Q4", []*sishui.TaxVerification{v})) // back at the bureau: a new draft

	// Certifications: applied → reviewed → certified, valid a year.
	c := &sishui.Certification{UserID: u.ID, Year: 2025, Sector: "industry", Product: "paper", UsedM3: 18000, Output: 1000}
	must(t, s.ApplyCertification(ent, c))
	wantCode(t, s.AdvanceCertification(ctx, c.ID, sishui.CertCertified, "", date(2026, 1, 1)), sishui.ECONFLICT, "")
	wantCode(t, s.AdvanceCertification(ent, c.ID, sishui.CertReviewed, "", time.Time{}), sishui.EFORBIDDEN, "")
	must(t, s.AdvanceCertification(ctx, c.ID, sishui.CertReviewed, "水利局审核通过", time.Time{}))
	wantCode(t, s.AdvanceCertification(ctx, c.ID, sishui.CertCertified, "", time.Time{}), sishui.EINVALID, "valid_from")
	must(t, s.AdvanceCertification(ctx, c.ID, sishui.CertCertified, "税务局认定", date(2026, 3, 1)))
	certs, err := s.ListCertifications(ent, 0)
	must(t, err)
	if len(certs) != 1 || !certs[0].ValidTo.Equal(date(2027, 2, 28)) || !certs[0].ValidOn(date(2027, 2, 28)) || certs[0].ValidOn(date(2027, 3, 1)) {
		t.Fatalf("certifications %+v", certs)
	}
	if cs, _ := s.ListCertifications(as(sishui.RoleCounty, CountyB, 0), 0); len(cs) != 0 {
		t.Fatalf("county B sees %+v", cs)
	}
}

func testBudgets(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := as(sishui.RoleCity, "", 0)
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))
	months := func(v int64) []int64 {
		m := make([]int64, 12)
		for i := range m {
			m[i] = v
		}
		return m
	}
	rb := &sishui.WaterBudget{Year: 2026, Subject: sishui.BudgetRegion, SubjectID: CountyA, AnnualM3: 1200, MonthlyM3: months(100), Basis: "cap"}
	must(t, s.UpsertBudget(ctx, rb))
	ub := &sishui.WaterBudget{Year: 2026, Subject: sishui.BudgetUser, SubjectID: strconv.FormatInt(u.ID, 10), AnnualM3: 120, MonthlyM3: months(10), Basis: "permits"}
	must(t, s.UpsertBudget(as(sishui.RoleCounty, CountyA, 0), ub))
	if ub.Region != CountyA {
		t.Fatalf("user budget region %q", ub.Region)
	}
	rb2 := *rb
	rb2.AnnualM3, rb2.MonthlyM3 = 2400, months(200)
	must(t, s.UpsertBudget(ctx, &rb2))
	if rb2.ID != rb.ID {
		t.Fatal("an upsert of the same key must replace")
	}
	bs, err := s.ListBudgets(ctx, 2026, "")
	must(t, err)
	if len(bs) != 2 || bs[0].AnnualM3 != 2400 || bs[0].MonthlyM3[11] != 200 {
		t.Fatalf("budgets %+v", bs)
	}
	if bs, _ := s.ListBudgets(as(sishui.RoleEnterprise, "", u.ID), 2026, ""); len(bs) != 1 || bs[0].Subject != sishui.BudgetUser {
		t.Fatalf("enterprise sees %+v", bs)
	}
	if bs, _ := s.ListBudgets(as(sishui.RoleCounty, CountyB, 0), 2026, ""); len(bs) != 0 {
		t.Fatalf("county B sees %+v", bs)
	}
	bad := *rb
	bad.MonthlyM3 = months(99)
	wantCode(t, s.UpsertBudget(ctx, &bad), sishui.EINVALID, "monthly_m3")
	bad = *ub
	bad.SubjectID = "999999"
	wantCode(t, s.UpsertBudget(ctx, &bad), sishui.EINVALID, "subject_id")
	wantCode(t, s.UpsertBudget(as(sishui.RoleCounty, CountyB, 0), rb), sishui.EFORBIDDEN, "")

	c := &sishui.SavingContract{UserID: u.ID, Company: "节水服务公司", Model: "share", Sector: "industry", Product: "paper",
		BaselineYear: 2025, StartYear: 2026, EndYear: 2030, Share: 600, Price: 50000}
	must(t, s.CreateSavingContract(ctx, c))
	got, err := s.GetSavingContract(as(sishui.RoleEnterprise, "", u.ID), c.ID)
	must(t, err)
	if got.Region != CountyA || got.Share != 600 || got.Company != c.Company {
		t.Fatalf("contract %+v", got)
	}
	bc := *c
	bc.StartYear = 2025
	wantCode(t, s.CreateSavingContract(ctx, &bc), sishui.EINVALID, "start_year")
	if cs, _ := s.ListSavingContracts(as(sishui.RoleCounty, CountyB, 0), 0); len(cs) != 0 {
		t.Fatalf("county B sees %+v", cs)
	}
}

// wantDeleted checks that the newest audit entry of the entity is a delete by
// actor whose before holds old.
func wantDeleted(t *testing.T, s sishui.Store, entity, id, actor, old string) {
	t.Helper()
	es, _, err := s.ListAudit(as(sishui.RoleAuditor, "", 0), sishui.AuditFilter{Entity: entity, EntityID: id, Page: sishui.Page{Limit: 1}})
	must(t, err)
	if len(es) != 1 || es[0].Action != "delete" || es[0].Actor != actor || !strings.Contains(string(es[0].Before), old) || len(es[0].After) != 0 {
		t.Fatalf("audit of %s %s: %+v, want a delete by %s from %s", entity, id, es, actor, old)
	}
}
