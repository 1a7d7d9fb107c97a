package billing

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

const accountsCSV = `number,name,region,class,meter,persons,plan_m3,opened
H1,住户一,371502,residential,individual,,,2020-01-01
H2,新住户,371502,residential,individual,,,2026-09-01
N1,商户,371502,non_residential,individual,,100,2020-01-01
H3,缺抄户,371502,residential,individual,,,2020-01-01
BAD,坏行,3715,residential,individual,,,2020-01-01
S1,合表,371502,residential,shared,0,,2020-01-01
`

const readsCSV = `number,read_on,reading_m3,estimated
H1,2025-12-31,1000,
H1,2026-10-31,1130,
H1,2026-11-30,1160,true
H2,2026-09-01,0,
H2,2026-10-31,40,
H2,2026-11-30,80,
N1,2026-10-31,5000,
N1,2026-11-30,5150,
NOPE,2026-11-30,1,
H3,2026-09-30,10,
H1,2026-11-31,1,
`

func billsOf(t *testing.T, st sishui.Store, status string) map[int64]*sishui.Bill {
	t.Helper()
	bs, _, err := st.ListBills(sys, sishui.BillFilter{Subject: sishui.BillAccount, Period: 202611, Status: status, Page: sishui.Page{Limit: 1000}})
	must(t, err)
	out := map[int64]*sishui.Bill{}
	for _, b := range bs {
		out[b.SubjectID] = b
		var lines []pricing.Line
		must(t, json.Unmarshal(b.Lines, &lines))
		if int64(pricing.Sum(lines)) != b.TotalFen {
			t.Fatalf("bill %d: total %d != Σ lines %d", b.ID, b.TotalFen, pricing.Sum(lines))
		}
	}
	return out
}

func TestImportAndBillAccounts(t *testing.T) {
	st := openSQLite(t)
	seed(t, st)
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, []byte(s), 0o644))
		return p
	}
	sum, err := ImportFile(sys, st, ImportAccounts, write("a.csv", accountsCSV), ImportOptions{BatchSize: 2})
	must(t, err)
	if sum.Accepted != 4 || sum.Rejected != 2 || sum.Errors[0].Line != 6 || !strings.Contains(sum.Errors[1].Reason, "persons") {
		t.Fatalf("accounts import %+v", sum)
	}
	// Resumable: a checkpoint after line 4 skips the first three rows.
	rp := write("r.csv", readsCSV)
	must(t, os.WriteFile(rp+".progress", []byte("line 4\n"), 0o644))
	sum, err = ImportFile(sys, st, ImportReads, rp, ImportOptions{BatchSize: 3})
	must(t, err)
	if sum.Skipped != 3 || sum.Accepted != 6 || sum.Rejected != 2 || sum.Errors[0].Line != 10 || sum.Errors[1].Line != 12 {
		t.Fatalf("reads import %+v", sum)
	}
	if _, err := os.Stat(rp + ".progress"); !os.IsNotExist(err) {
		t.Fatal("the checkpoint must go when the import finishes")
	}
	sum, err = ImportFile(sys, st, ImportReads, rp, ImportOptions{}) // the full file again: idempotent
	must(t, err)
	if sum.Accepted != 9 {
		t.Fatalf("second import %+v", sum)
	}

	accts, err := st.AllCustomerAccounts(sys)
	must(t, err)
	id := map[string]int64{}
	for _, a := range accts {
		id[a.Number] = a.ID
	}
	run := func() Summary {
		s, err := RunBilling(sys, st, Month{2026, 11}, nil)
		must(t, err)
		return s
	}
	s := run()
	if s.Drafts != 3 || s.Skipped != 1 || !strings.Contains(s.Problems[0], "H3") {
		t.Fatalf("summary %+v", s)
	}
	b := billsOf(t, st, sishui.StatusDraft)
	// H1: 130 m³ used before November; 30 m³: 14 in tier 1 (3.30), 16 in tier 2 (4.25).
	if got := b[id["H1"]]; got.TotalFen != 14*330+16*425 || !got.Estimated || got.VolumeM3 != 30 {
		t.Fatalf("H1 %+v", got)
	}
	// H2 joined in September: tiers pro-rated to 4/12 (48, 68 m³); 40 m³ before, 40 now.
	if got := b[id["H2"]]; got.TotalFen != 8*330+20*425+12*(620+90) {
		t.Fatalf("H2 %d", got.TotalFen)
	}
	// N1: 150 m³ at 5.00 with a 100 m³ plan: 20 × 0.5 × 5 + 20 × 1 × 5 + 10 × 2 × 5.
	if got := b[id["N1"]]; got.TotalFen != 150*500+20*250+20*500+10*1000 {
		t.Fatalf("N1 %d", got.TotalFen)
	}
	if s2 := run(); s2.Drafts != 3 || len(billsOf(t, st, "")) != 3 {
		t.Fatalf("a rerun must replace the drafts: %+v", s2)
	}
	n, err := st.IssueBills(sys, sishui.BillAccount, 202611)
	must(t, err)
	if n != 3 {
		t.Fatalf("issued %d", n)
	}
	if s3 := run(); s3.Drafts != 0 || s3.Unchanged != 3 {
		t.Fatalf("after issuing, nothing changed: %+v", s3)
	}
	// The estimated read is replaced by the actual one: an adjustment bill.
	must(t, st.AddMeterReads(sys, []sishui.MeterRead{{Number: "H1", ReadOn: day(2026, 11, 30), ReadingM3: 1150}}))
	s4 := run()
	if s4.Adjustments != 1 {
		t.Fatalf("correction %+v", s4)
	}
	adj := billsOf(t, st, sishui.StatusDraft)[id["H1"]]
	issued := billsOf(t, st, sishui.StatusIssued)[id["H1"]]
	if adj.Kind != sishui.BillAdjustment || issued.TotalFen+adj.TotalFen != 14*330+6*425 || adj.Estimated {
		t.Fatalf("adjustment %+v (issued %d)", adj, issued.TotalFen)
	}
	if s5 := run(); s5.Adjustments != 1 || len(billsOf(t, st, sishui.StatusDraft)) != 1 {
		t.Fatalf("a rerun replaces the draft adjustment: %+v", s5)
	}
	// Registered volumes: 30 + 40 + 150 m³ issued; once the adjustment is
	// issued, H1 counts 20 m³.
	reg, err := RegisteredVolumes(sys, st, Month{2026, 11})
	must(t, err)
	if reg[""] != 220 {
		t.Fatalf("registered %v", reg)
	}
	_, err = st.IssueBills(sys, sishui.BillAccount, 202611)
	must(t, err)
	if reg, _ = RegisteredVolumes(sys, st, Month{2026, 11}); reg[""] != 210 {
		t.Fatalf("registered after the adjustment %v", reg)
	}
}

func TestRuleValidation(t *testing.T) {
	st := openSQLite(t)
	seed(t, st)
	for name, tc := range map[string]struct {
		r     sishui.Rule
		field string
	}{
		"unknown field":  {sishui.Rule{Kind: sishui.RuleTariff, Region: city, Key: "x", EffectiveFrom: day(2026, 1, 1), Source: "t", Body: json.RawMessage(`{"tierz":1}`)}, "body"},
		"bad tiers":      {sishui.Rule{Kind: sishui.RuleTariff, Region: city, Key: "x", EffectiveFrom: day(2026, 1, 1), Source: "t", Body: json.RawMessage(`{"tiers":{"cycle":"week","basis":"household"},"components":[{"code":"a","rates":[1]}]}`)}, "body.tiers.cycle"},
		"norm key":       {sishui.Rule{Kind: sishui.RuleNorm, Region: city, Key: "x", EffectiveFrom: day(2026, 1, 1), Source: "t", Body: json.RawMessage(`{"sector":"industry","product":"paper","unit":"t","general_milli":1}`)}, "key"},
		"tax loss":       {sishui.Rule{Kind: sishui.RuleTax, Region: city, EffectiveFrom: day(2026, 1, 1), Source: "t", Body: json.RawMessage(`{"rates":[{"source":"surface","purpose":"industry","rate":4000}],"allowed_loss":1000}`)}, "body.allowed_loss"},
		"float rate":     {sishui.Rule{Kind: sishui.RuleTax, Region: city, EffectiveFrom: day(2026, 1, 1), Source: "t", Body: json.RawMessage(`{"rates":[{"source":"surface","purpose":"industry","rate":0.4}]}`)}, "body"},
		"missing source": {sishui.Rule{Kind: sishui.RuleTax, Region: city, EffectiveFrom: day(2026, 1, 1), Body: json.RawMessage(`{}`)}, "source"},
	} {
		t.Run(name, func(t *testing.T) {
			err := SaveRule(context.Background(), st, &tc.r)
			if sishui.ErrorCode(err) != sishui.EINVALID || sishui.ErrorField(err) != tc.field {
				t.Fatalf("got %v (field %q), want field %q", err, sishui.ErrorField(err), tc.field)
			}
		})
	}
}

func TestImportNorms(t *testing.T) {
	st := openSQLite(t)
	seed(t, st)
	csv := "region,sector,product,name,unit,general,advanced,standard,effective_from,verified\n" +
		"371500,industry,paper,机制纸,t,25.5,18,DB37/T demo,2026-01-01,false\n" +
		"371500,irrigation,wheat,小麦,mu,180,150.25,DB37/T demo,2026-01-01,\n" +
		"371500,industry,beer,啤酒,kL,5.2,7,DB37/T demo,2026-01-01,\n" + // advanced above general
		"371500,industry,glass,玻璃,t,0.0001,,DB37/T demo,2026-01-01,\n" // four decimals
	sum, err := ImportCSV(sys, st, ImportNorms, strings.NewReader(csv), ImportOptions{})
	must(t, err)
	if sum.Accepted != 2 || sum.Rejected != 2 || !strings.Contains(sum.Errors[0].Reason, "advanced: ") || sum.Errors[1].Line != 5 {
		t.Fatalf("norms import %+v", sum)
	}
	cat, err := LoadCatalog(sys, st)
	must(t, err)
	n, ok := cat.NormFor(county, "industry", "paper", day(2026, 6, 1))
	if !ok || n.GeneralMilli != 25_500 || n.QuotaM3(100, false) != 2550 || n.QuotaM3(100, true) != 1800 || n.Verified {
		t.Fatalf("norm %+v", n)
	}
	if _, ok := cat.NormFor(county, "industry", "paper", day(2025, 12, 31)); ok {
		t.Fatal("a norm applies before its effective date")
	}
}

func TestTaxPurposeMapping(t *testing.T) {
	tp := TaxPurpose{Purposes: map[string]string{"mining": pricing.PurposeDewatering}}
	for _, tc := range []struct {
		sector *sishui.Sector
		code   string
		want   string
	}{
		{&sishui.Sector{Group: sishui.GroupDomestic}, "domestic_urban", pricing.PurposePublicSupply},
		{&sishui.Sector{Group: sishui.GroupAgriculture}, "irrigation", pricing.PurposeAgriculture},
		{&sishui.Sector{Group: sishui.GroupEcology}, "ecology", pricing.PurposeEcological},
		{&sishui.Sector{Group: sishui.GroupPublic}, "public_services", pricing.PurposeIndustry},
		{&sishui.Sector{Group: sishui.GroupIndustry}, "mining", pricing.PurposeDewatering},
		{nil, "unknown", pricing.PurposeIndustry},
	} {
		if got := tp.of(tc.sector, tc.code); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.code, got, tc.want)
		}
	}
}
