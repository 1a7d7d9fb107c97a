package billing

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

// TestSplitQuotas: a user's quota goes to its holdings of the declaration's
// sector, by declared output per permit when declared, else by metered use;
// the shares of each declaration add up to its quota exactly.
func TestSplitQuotas(t *testing.T) {
	p := func(id, user int64, sector string, used int64) holding {
		return holding{subject: sishui.BillPermit, id: id, user: user, sector: sector, usedM3: used}
	}
	acct := func(id, user int64, sector string, used int64) holding {
		return holding{subject: sishui.BillAccount, id: id, user: user, sector: sector, usedM3: used}
	}
	type want map[holdKey]int64
	P := func(id int64) holdKey { return holdKey{sishui.BillPermit, id} }
	A := func(id int64) holdKey { return holdKey{sishui.BillAccount, id} }
	for _, c := range []struct {
		name   string
		decls  []quotaDecl
		hs     []holding
		strict bool
		want   want
	}{
		{"one permit takes the user's quota",
			[]quotaDecl{{user: 1, sector: "industry", quotaM3: 10_000}},
			[]holding{p(10, 1, "industry", 3)}, false, want{P(10): 10_000}},
		// The 2-permit user: 7,200 and 4,800 m³ metered split 10,000 m³ as
		// 6,000 / 4,000 (without the split each permit had all 10,000).
		{"two permits by metered use",
			[]quotaDecl{{user: 1, sector: "industry", quotaM3: 10_000}},
			[]holding{p(11, 1, "industry", 4_800), p(10, 1, "industry", 7_200)}, false, want{P(10): 6_000, P(11): 4_000}},
		// Declared output per permit (100 t and 300 t) wins over metered use.
		{"two permits by declared output",
			[]quotaDecl{{user: 1, sector: "industry", quotaM3: 10_000, parts: map[int64]int64{10: 100, 11: 300}}},
			[]holding{p(10, 1, "industry", 7_200), p(11, 1, "industry", 4_800)}, false, want{P(10): 2_500, P(11): 7_500}},
		// 1,001 m³ by thirds: 333.67 each; the m³ left over goes to the first.
		{"remainder deterministic",
			[]quotaDecl{{user: 1, sector: "industry", quotaM3: 1_001}},
			[]holding{p(12, 1, "industry", 10), p(10, 1, "industry", 10), acct(5, 1, "industry", 10)}, false, want{P(10): 334, P(12): 334, A(5): 333}},
		// Wheat goes to the agricultural permits only; paper to the industrial one.
		{"by sector",
			[]quotaDecl{{user: 1, sector: "agriculture", quotaM3: 903}, {user: 1, sector: "industry", quotaM3: 500}},
			[]holding{p(10, 1, "agriculture", 900), p(11, 1, "agriculture", 300), p(12, 1, "industry", 100)}, true,
			want{P(10): 677, P(11): 226, P(12): 500}},
		// No holding of the sector: all holdings share it, unless strict.
		{"sector fallback", []quotaDecl{{user: 1, sector: "services", quotaM3: 90}},
			[]holding{p(10, 1, "industry", 1), acct(3, 1, "industry", 2)}, false, want{P(10): 30, A(3): 60}},
		{"sector strict", []quotaDecl{{user: 1, sector: "services", quotaM3: 90}},
			[]holding{p(10, 1, "industry", 1)}, true, want{}},
		{"other users untouched",
			[]quotaDecl{{user: 1, sector: "industry", quotaM3: 100}, {user: 2, sector: "industry", quotaM3: 50}},
			[]holding{p(10, 1, "industry", 0), p(11, 1, "industry", 0), p(20, 2, "industry", 0)}, false, want{P(10): 50, P(11): 50, P(20): 50}},
	} {
		got := splitQuotas(c.decls, c.hs, c.strict)
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%s: %v = %d, want %d (all %v)", c.name, k, got[k], v, got)
			}
		}
		if len(got) > len(c.want) {
			for k, v := range got {
				if _, ok := c.want[k]; !ok && v != 0 {
					t.Errorf("%s: unexpected share %v = %d", c.name, k, v)
				}
			}
		}
		// Σ shares per user = Σ quotas of its declarations that found holdings.
		perUser := map[int64]int64{}
		for _, h := range c.hs {
			perUser[h.user] += got[holdKey{h.subject, h.id}]
		}
		for _, d := range c.decls {
			perUser[d.user] -= d.quotaM3
		}
		for u, d := range perUser {
			if d != 0 && !c.strict {
				t.Errorf("%s: user %d's shares differ from its quota by %d", c.name, u, d)
			}
		}
	}
}

// addPermit gives a user a permit with one metered point whose accounted
// use is perMonth m³ in every month of 2026.
func addPermit(t *testing.T, st sishui.Store, u *sishui.WaterUser, n int, sector string, annual int64, perMonth float64) *sishui.Permit {
	t.Helper()
	p := &sishui.Permit{Number: fmt.Sprintf("取水(聊)字[2026]第%03d号", 100+n), UserID: u.ID, Region: county, Source: sishui.SourceGroundShallow, Sector: sector,
		AnnualM3: annual, ValidFrom: day(2024, 1, 1), ValidTo: day(2028, 12, 31), Status: sishui.PermitActive}
	must(t, st.CreatePermit(sys, p))
	pt := &sishui.Point{Code: fmt.Sprintf("%010d", 100+n), Name: fmt.Sprintf("%d号井", 100+n), Kind: sishui.PointWithdrawal, Protocol: sishui.ProtocolSZY206,
		Region: county, PermitID: p.ID, Multiplier: 1, IntervalSeconds: 86400}
	must(t, st.CreatePoint(sys, pt))
	meter2026(t, st, pt.ID, perMonth)
	return p
}

func newUser(t *testing.T, st sishui.Store, name, code, sector string) *sishui.WaterUser {
	t.Helper()
	u := &sishui.WaterUser{Name: name, CreditCode: code, Region: county, Sector: sector}
	if c, ok := sishui.CreditCodeCheck(u.CreditCode[:17]); ok {
		u.CreditCode = u.CreditCode[:17] + string(c)
	}
	must(t, st.CreateWaterUser(sys, u))
	return u
}

// TestQuotaSplitAcrossPermits: a user with two permits has one quota; the
// yearly over-quota surcharges of its permits are measured against their
// shares (by metered use, then by declared output per permit), and the
// agricultural in-quota exemption of the tax counts the quota once.
func TestQuotaSplitAcrossPermits(t *testing.T) {
	for name, open := range engines() {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			seed(t, st)
			u := newUser(t, st, "聊城纸业集团", "91371502000000003X", "industry")
			a := addPermit(t, st, u, 1, "industry", 6_000, 600) // 7,200 m³ in the year
			b := addPermit(t, st, u, 2, "industry", 4_800, 400) // 4,800 m³
			g := pricing.Guideline2017(city)
			body, err := json.Marshal(pricing.SurchargeRule{Period: pricing.CycleYear, Limit: pricing.LimitQuota, Bands: g.Bands})
			must(t, err)
			for _, class := range permitClasses {
				must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleSurcharge, Region: city, Key: class, EffectiveFrom: g.EffectiveFrom, Source: "test", Body: body}))
			}
			must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleNorm, Region: city, Key: "industry/paper", EffectiveFrom: day(2020, 1, 1), Source: "test",
				Body: json.RawMessage(`{"sector":"industry","product":"paper","unit":"t","general_milli":25000,"advanced_milli":18000,"standard":"test"}`)}))
			must(t, st.UpsertOutput(sys, &sishui.OutputDeclaration{UserID: u.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 400})) // 10,000 m³

			byPermit := func() map[int64]int64 {
				out := map[int64]int64{}
				for _, bl := range yearBills(t, st) {
					out[bl.SubjectID] += bl.TotalFen
				}
				return out
			}
			// By metered use: 6,000 and 4,000 m³. Permit a: 1,200 over 6,000
			// (band 1 up to 1,200): 1,200 × 0.5 × 5.00 = 3,000 元; permit b:
			// 800 over 4,000: 800 × 0.5 × 5.00 = 2,000 元.
			_, err = RunBilling(sys, st, Month{2026, 12}, nil)
			must(t, err)
			if got := byPermit(); got[a.ID] != 300_000 || got[b.ID] != 200_000 || len(got) != 2 {
				t.Fatalf("yearly bills by metered share %v", got)
			}
			// Declared output per permit: 100 t with a, 300 t with b → 2,500 /
			// 7,500 m³. Permit a: 4,700 over 2,500: 500 × 0.5 × 5 + 500 × 1 × 5
			// + 3,700 × 2 × 5 = 1,250 + 2,500 + 37,000 = 40,750 元; b within.
			must(t, st.UpsertOutput(sys, &sishui.OutputDeclaration{UserID: u.ID, PermitID: a.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 100}))
			must(t, st.UpsertOutput(sys, &sishui.OutputDeclaration{UserID: u.ID, PermitID: b.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 300}))
			if outs, err := st.AllOutputs(sys, 2026); err != nil || len(outs) != 1 {
				t.Fatalf("the per-permit parts are not user declarations: %+v %v", outs, err)
			}
			if parts, err := st.ListPermitOutputs(sys, 2026); err != nil || len(parts) != 2 || parts[0].PermitID != a.ID || parts[0].UserID != u.ID || parts[1].Output != 300 {
				t.Fatalf("per-permit outputs %+v %v", parts, err)
			}
			_, err = RunBilling(sys, st, Month{2026, 12}, nil)
			must(t, err)
			if got := byPermit(); got[a.ID] != 4_075_000 || got[b.ID] != 0 || len(got) != 1 {
				t.Fatalf("yearly bills by declared output %v", got)
			}
			// Against the lower of plan and quota, with b's recorded 2026 plan
			// (年度取水计划) of 4,500 m³: b is 300 over: 300 × 0.5 × 5 = 750 元.
			body, err = json.Marshal(pricing.SurchargeRule{Period: pricing.CycleYear, Limit: pricing.LimitLower, Bands: g.Bands})
			must(t, err)
			for _, class := range permitClasses {
				must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleSurcharge, Region: city, Key: class, EffectiveFrom: g.EffectiveFrom, Source: "test", Body: body}))
			}
			must(t, st.UpsertAnnualPlan(sys, &sishui.AnnualPlan{PermitID: b.ID, Year: 2026, PlannedM3: 4_500}))
			_, err = RunBilling(sys, st, Month{2026, 12}, nil)
			must(t, err)
			if got := byPermit(); got[a.ID] != 4_075_000 || got[b.ID] != 75_000 || len(got) != 2 {
				t.Fatalf("yearly bills against the lower of plan and quota %v", got)
			}
			// Another user's permit is not a part of this user's output.
			other := newUser(t, st, "东昌化工", "91371502000000004X", "industry")
			c := addPermit(t, st, other, 3, "industry", 1_200, 100)
			err = st.UpsertOutput(sys, &sishui.OutputDeclaration{UserID: u.ID, PermitID: c.ID, Year: 2026, Sector: "industry", Product: "paper", Output: 1})
			if sishui.ErrorField(err) != "permit_id" {
				t.Fatalf("another user's permit: %v", err)
			}

			// The tax: the user's 20 mu of wheat (180.5 m³/mu: 3,610 m³ a year,
			// 903 m³ in a quarter) split over its two agricultural permits
			// (900 and 300 m³ in 2026Q4) as 677 / 226 m³, not 903 each. A
			// certification for the industry sector relieves the industry
			// permit's line only, not the chemical one's.
			for _, s := range []sishui.Sector{{Code: "agriculture", Name: "农业", Group: sishui.GroupAgriculture}, {Code: "chemical", Name: "化工", Group: sishui.GroupIndustry}} {
				must(t, st.UpsertSector(sys, &s))
			}
			farm := newUser(t, st, "聊城农场", "91371502000000005X", "agriculture")
			fa := addPermit(t, st, farm, 4, "agriculture", 100_000, 300)
			fb := addPermit(t, st, farm, 5, "agriculture", 100_000, 100)
			fc := addPermit(t, st, farm, 6, "industry", 100_000, 100)
			fd := addPermit(t, st, farm, 7, "chemical", 100_000, 100)
			r := func(s string) pricing.Rate { v, err := pricing.ParseRate(s); must(t, err); return v }
			tb, err := json.Marshal(pricing.TaxTable{Rates: []pricing.TaxRate{{Source: pricing.TaxGround, Purpose: pricing.PurposeIndustry, Rate: r("1.5")},
				{Source: pricing.TaxGround, Purpose: pricing.PurposeAgriculture, Rate: r("0.2")}}, AdvancedRelief: 200})
			must(t, err)
			must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleTax, Region: city, EffectiveFrom: day(2024, 12, 1), Source: "test", Body: tb}))
			must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleNorm, Region: city, Key: "agriculture/wheat", EffectiveFrom: day(2020, 1, 1), Source: "test",
				Body: json.RawMessage(`{"sector":"agriculture","product":"wheat","unit":"mu","general_milli":180500,"standard":"test"}`)}))
			must(t, st.UpsertOutput(sys, &sishui.OutputDeclaration{UserID: farm.ID, Year: 2026, Sector: "agriculture", Product: "wheat", Output: 20}))
			cert := &sishui.Certification{UserID: farm.ID, Year: 2025, Sector: "industry", Product: "paper", UsedM3: 1, Output: 1}
			must(t, st.ApplyCertification(sys, cert))
			must(t, st.AdvanceCertification(sys, cert.ID, sishui.CertReviewed, "", time.Time{}))
			must(t, st.AdvanceCertification(sys, cert.ID, sishui.CertCertified, "", day(2026, 1, 1)))
			_, err = RunTax(sys, st, TaxPeriod{Label: "2026Q4", Months: []Month{{2026, 10}, {2026, 11}, {2026, 12}}}, TaxPurpose{}, nil)
			must(t, err)
			vs, _, err := st.ListVerifications(sys, sishui.VerificationFilter{UserID: farm.ID, Period: "2026Q4"})
			must(t, err)
			if len(vs) != 1 {
				t.Fatalf("verifications %+v", vs)
			}
			lines, err := VerificationLines(vs[0])
			must(t, err)
			exempt, amount := map[string]int64{}, map[string]pricing.Fen{}
			for _, l := range lines {
				var ref TraceRef
				must(t, json.Unmarshal([]byte(l.Ref), &ref))
				exempt[ref.Permit] += l.ExemptM3
				amount[ref.Permit] += l.AmountFen
			}
			// a: 223 × 0.2 = 44.60; b: 74 × 0.2 = 14.80; c: 300 × 1.5 × 0.8 =
			// 360.00; d: 300 × 1.5 = 450.00 → 869.40 元.
			if exempt[fa.Number] != 677 || exempt[fb.Number] != 226 || amount[fa.Number] != 4_460 || amount[fb.Number] != 1_480 ||
				amount[fc.Number] != 36_000 || amount[fd.Number] != 45_000 || vs[0].TotalFen != 86_940 {
				t.Fatalf("exempt %v amounts %v total %d", exempt, amount, vs[0].TotalFen)
			}
		})
	}
}
