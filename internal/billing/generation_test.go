package billing

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

// TestGenerationTax: a hydropower plant's tax line is its generation in the
// period (the latest version of each month's report) × 0.008 元/kWh, with the
// reports traced; a month missing holds the line back.
func TestGenerationTax(t *testing.T) {
	for name, open := range engines() {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			seed(t, st)
			must(t, st.UpsertSector(sys, &sishui.Sector{Code: "hydropower", Name: "水力发电", Group: sishui.GroupIndustry}))
			r := func(s string) pricing.Rate { v, err := pricing.ParseRate(s); must(t, err); return v }
			b, err := json.Marshal(pricing.TaxTable{Rates: []pricing.TaxRate{{Source: pricing.TaxSurface, Purpose: pricing.PurposeHydropower, Rate: r("0.008")}}})
			must(t, err)
			must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleTax, Region: city, EffectiveFrom: day(2024, 12, 1), Source: "test", Body: b}))
			u := &sishui.WaterUser{Name: "聊城水电站", CreditCode: "91371502000000003X", Region: county, Sector: "hydropower"}
			if c, ok := sishui.CreditCodeCheck(u.CreditCode[:17]); ok {
				u.CreditCode = u.CreditCode[:17] + string(c)
			}
			must(t, st.CreateWaterUser(sys, u))
			p := &sishui.Permit{Number: "取水(聊)字[2026]第水电号", UserID: u.ID, Region: county, Source: sishui.SourceSurface, Sector: "hydropower",
				AnnualM3: 50_000_000, ValidFrom: day(2024, 1, 1), ValidTo: day(2028, 12, 31), Status: sishui.PermitActive}
			must(t, st.CreatePermit(sys, p))
			q4 := TaxPeriod{Label: "2026Q4", Months: []Month{{2026, 10}, {2026, 11}, {2026, 12}}}
			rep := func(month int, kwh int64) *sishui.GenerationReport {
				return &sishui.GenerationReport{PermitID: p.ID, Month: month, Kind: sishui.GenerationHydropower, KWh: kwh, Source: "电网结算单"}
			}
			must(t, st.AddGeneration(sys, []*sishui.GenerationReport{rep(202610, 1_000_000), rep(202611, 900_000)}))
			sum, err := RunTax(sys, st, q4, TaxPurpose{}, nil)
			must(t, err)
			if sum.Drafts != 0 || len(sum.Problems) != 1 || !strings.Contains(sum.Problems[0], "2 of 3 months") {
				t.Fatalf("a missing month: %+v", sum)
			}
			must(t, st.AddGeneration(sys, []*sishui.GenerationReport{rep(202612, 800_000), rep(202611, 950_000)})) // November corrected
			sum, err = RunTax(sys, st, q4, TaxPurpose{}, nil)
			must(t, err)
			vs, _, err := st.ListVerifications(sys, sishui.VerificationFilter{Period: "2026Q4"})
			must(t, err)
			// (1,000,000 + 950,000 + 800,000) kWh × 0.008 元 = 22,000 元.
			if len(vs) != 1 || vs[0].TotalFen != 2_200_000 || sum.Drafts != 1 {
				t.Fatalf("verification %+v %+v", vs, sum)
			}
			lines, err := VerificationLines(vs[0])
			must(t, err)
			var ref TraceRef
			must(t, json.Unmarshal([]byte(lines[0].Ref), &ref))
			if lines[0].Unit != "kwh" || lines[0].Quantity != 2_750_000 || ref.GenerationKWh != 2_750_000 || len(ref.GenerationReports) != 3 || !strings.HasSuffix(ref.GenerationReports[1], "/v2") {
				t.Fatalf("line %+v ref %+v", lines[0], ref)
			}
		})
	}
}

// TestContractTariff: an account's own negotiated tariff (key contract:NUMBER,
// e.g. a reclaimed-water contract) replaces its class tariff from its date.
func TestContractTariff(t *testing.T) {
	st := openSQLite(t)
	seed(t, st)
	r := func(s string) pricing.Rate { v, err := pricing.ParseRate(s); must(t, err); return v }
	save := func(key string, rate string, from time.Time) {
		b, err := json.Marshal(pricing.Tariff{Tiers: pricing.Tiers{Cycle: pricing.CycleMonth, Basis: pricing.PerHousehold},
			Components: []pricing.Component{{Code: "negotiated", Name: "再生水价", Rates: []pricing.Rate{r(rate)}}}})
		must(t, err)
		must(t, SaveRule(sys, st, &sishui.Rule{Kind: sishui.RuleTariff, Region: city, Key: key, EffectiveFrom: from, Source: "test", Body: b}))
	}
	save("reclaimed", "1.00", day(2026, 1, 1))
	save(ContractPrefix+"R1", "0.85", day(2026, 1, 1))
	save(ContractPrefix+"R1", "0.80", day(2026, 12, 1)) // the contract's next version, from December
	accts := []*sishui.CustomerAccount{
		{Number: "R1", Name: "热电厂再生水", Region: county, Class: "reclaimed", Meter: sishui.MeterIndividual, Opened: day(2026, 1, 1)},
		{Number: "R2", Name: "园区再生水", Region: county, Class: "reclaimed", Meter: sishui.MeterIndividual, Opened: day(2026, 1, 1)},
	}
	must(t, st.UpsertCustomerAccounts(sys, accts))
	var reads []sishui.MeterRead
	for _, n := range []string{"R1", "R2"} {
		reads = append(reads, sishui.MeterRead{Number: n, ReadOn: day(2026, 10, 31), ReadingM3: 0}, sishui.MeterRead{Number: n, ReadOn: day(2026, 11, 30), ReadingM3: 1000})
	}
	must(t, st.AddMeterReads(sys, reads))
	_, err := RunBilling(sys, st, Month{2026, 11}, nil)
	must(t, err)
	bills, _, err := st.ListBills(sys, sishui.BillFilter{Subject: sishui.BillAccount, Period: 202611})
	must(t, err)
	got := map[int64]int64{}
	for _, b := range bills {
		got[b.SubjectID] = b.TotalFen
	}
	if got[accts[0].ID] != 85_000 || got[accts[1].ID] != 100_000 {
		t.Fatalf("bills %v", got)
	}
}
