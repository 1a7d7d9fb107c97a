package billing

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/pricing"
	"github.com/sishui/sishui/internal/sqlite"
)

// engines lists the stores the tests run on: SQLite always, PostgreSQL when
// SISHUI_TEST_POSTGRES is set.
func engines() map[string]func(t *testing.T) sishui.Store {
	m := map[string]func(t *testing.T) sishui.Store{"sqlite": func(t *testing.T) sishui.Store { return openSQLite(t) }}
	if os.Getenv("SISHUI_TEST_POSTGRES") != "" {
		m["postgres"] = func(t *testing.T) sishui.Store { return pgtest.Open(t) }
	}
	return m
}

func openSQLite(t testing.TB) sishui.Store {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

const (
	city   = "371500"
	county = "371502"
)

var sys = sishui.WithActor(context.Background(), sishui.SystemActor)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// seed loads regions, sources, sectors and the demo-style rules used here.
func seed(t testing.TB, st sishui.Store) {
	t.Helper()
	must(t, st.UpsertRegion(sys, &sishui.Region{Code: "370000", Name: "山东省", Level: sishui.LevelProvince}))
	must(t, st.UpsertRegion(sys, &sishui.Region{Code: city, Name: "聊城市", Level: sishui.LevelCity, Parent: "370000"}))
	must(t, st.UpsertRegion(sys, &sishui.Region{Code: county, Name: "东昌府区", Level: sishui.LevelCounty, Parent: city}))
	for _, s := range []sishui.Source{{Code: sishui.SourceSurface, Name: "地表水"}, {Code: sishui.SourceGroundShallow, Name: "浅层地下水", Groundwater: true}} {
		must(t, st.UpsertSource(sys, &s))
	}
	for _, s := range []sishui.Sector{{Code: "industry", Name: "工业", Group: sishui.GroupIndustry}, {Code: "domestic_urban", Name: "城镇生活", Group: sishui.GroupDomestic}} {
		must(t, st.UpsertSector(sys, &s))
	}
	rule := func(kind, region, key string, from time.Time, body any) {
		b, err := json.Marshal(body)
		must(t, err)
		must(t, SaveRule(sys, st, &sishui.Rule{Kind: kind, Region: region, Key: key, EffectiveFrom: from, Source: "test", Body: b}))
	}
	r := func(s string) pricing.Rate { v, err := pricing.ParseRate(s); must(t, err); return v }
	rule(sishui.RuleTariff, city, pricing.ClassResidential, day(2026, 1, 1), pricing.Tariff{
		Tiers: pricing.Tiers{Cycle: pricing.CycleYear, Basis: pricing.PerHousehold, UpToM3: []int64{144, 204}},
		Components: []pricing.Component{{Code: "basic", Name: "基本水价", Rates: []pricing.Rate{r("2.40"), r("3.35"), r("6.20")}},
			{Code: "sewage", Name: "污水处理费", Rates: []pricing.Rate{r("0.90")}}}})
	rule(sishui.RuleTariff, city, pricing.ClassNonResidential, day(2026, 1, 1), pricing.Tariff{
		Tiers:      pricing.Tiers{Cycle: pricing.CycleMonth, Basis: pricing.PerHousehold},
		Components: []pricing.Component{{Code: "basic", Rates: []pricing.Rate{r("3.60")}}, {Code: "sewage", Rates: []pricing.Rate{r("1.40")}}}})
	g := pricing.Guideline2017(city)
	rule(sishui.RuleSurcharge, city, pricing.ClassNonResidential, g.EffectiveFrom, pricing.SurchargeRule{Period: g.Period, Bands: g.Bands})
	bands, unp := pricing.OverUse2024()
	rule(sishui.RuleTax, "370000", "", day(2024, 12, 1), pricing.TaxTable{
		Rates: []pricing.TaxRate{{Source: pricing.TaxSurface, Purpose: pricing.PurposeIndustry, Rate: r("0.4")},
			{Source: pricing.TaxGround, Purpose: pricing.PurposeIndustry, Rate: r("1.5")},
			{Source: pricing.TaxSurface, Purpose: pricing.PurposePublicSupply, Rate: r("0.4")}},
		Exempt: []string{pricing.PurposeEcological}, AllowedLoss: 120, OverUse: bands, Unpermitted: unp, AdvancedRelief: 200})
}
