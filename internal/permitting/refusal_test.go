package permitting

import (
	"reflect"
	"testing"
)

func TestDecide(t *testing.T) {
	base := Request{Region: "371502", AnnualM3: 100_000, Expands: true, FromYear: 2026, ToYear: 2030}
	gw := base
	gw.Groundwater = true
	county := RegionFacts{Region: "371502", PermittedM3: 900_000, PermittedGroundwaterM3: 300_000,
		Caps:     []Cap{{Year: 2026, TotalM3: 2_000_000, GroundwaterM3: 500_000}, {Year: 2028, TotalM3: 950_000, GroundwaterM3: 500_000}},
		LastYear: 2025, LastYearUsedM3: 800_000, LastYearCapM3: 2_000_000, Year: 2026, UsedM3: 100_000, UsedGroundwaterM3: 50_000}
	city := RegionFacts{Region: "371500", PermittedM3: 5_000_000, Caps: []Cap{{Year: 2026, TotalM3: 10_000_000}}}
	with := func(r Request, f func(*Request)) Request { f(&r); return r }
	facts := func(f func(*RegionFacts)) []RegionFacts { c := county; f(&c); return []RegionFacts{c, city} }
	ok := []RegionFacts{{Region: "371502", PermittedM3: 0, Caps: []Cap{{Year: 2026, TotalM3: 2_000_000, GroundwaterM3: 500_000}}, Year: 2026}, city}

	for _, tc := range []struct {
		name      string
		rules     Rules
		req       Request
		regions   []RegionFacts
		want      []string // refusing rules in order
		waived    []string
		exception string
	}{
		{"allowed", DefaultRules(), base, ok, nil, nil, ""},
		{"not expanding passes even over cap", DefaultRules(), with(base, func(r *Request) { r.Expands = false }), facts(func(c *RegionFacts) { c.UsedM3 = 5_000_000 }), nil, nil, ""},
		{"no-extraction zone", DefaultRules(), with(gw, func(r *Request) { r.Zone = &ZoneFacts{Code: "Z1", Kind: "no_extraction"} }), ok, []string{RuleNoExtractionZone}, nil, ""},
		{"no-extraction zone, surface water is fine", DefaultRules(), with(base, func(r *Request) { r.Zone = &ZoneFacts{Code: "Z1", Kind: "no_extraction"} }), ok, nil, nil, ""},
		{"limited zone, stricter path", DefaultRules(), with(gw, func(r *Request) { r.Zone = &ZoneFacts{Code: "Z2", Kind: "limited"} }), ok, []string{RuleLimitedZone}, nil, ""},
		{"limited zone, Shandong path within allowable", Rules{}, with(gw, func(r *Request) {
			r.Zone = &ZoneFacts{Code: "Z2", Kind: "limited", AllowableM3: 200_000, PermittedM3: 100_000}
		}), ok, nil, nil, ""},
		{"limited zone, Shandong path above allowable", Rules{}, with(gw, func(r *Request) {
			r.Zone = &ZoneFacts{Code: "Z2", Kind: "limited", AllowableM3: 200_000, PermittedM3: 100_001}
		}), ok, []string{RuleAllowable}, nil, ""},
		{"allowable extraction, normal zone", DefaultRules(), with(gw, func(r *Request) {
			r.Zone = &ZoneFacts{Code: "Z3", Kind: "normal", AllowableM3: 150_000, PermittedM3: 60_000}
		}), ok, []string{RuleAllowable}, nil, ""},
		{"permitted total above cap of a later year of the term", DefaultRules(), base, facts(func(c *RegionFacts) {}), []string{RulePermittedTotal}, nil, ""},
		{"permitted total exactly at cap", DefaultRules(), with(base, func(r *Request) { r.ToYear = 2027 }), facts(func(c *RegionFacts) { c.PermittedM3 = 1_900_000 }), nil, nil, ""},
		{"permitted total one above cap", DefaultRules(), with(base, func(r *Request) { r.ToYear = 2027 }), facts(func(c *RegionFacts) { c.PermittedM3 = 1_900_001 }), []string{RulePermittedTotal}, nil, ""},
		{"cap year outside term ignored", DefaultRules(), with(base, func(r *Request) { r.FromYear, r.ToYear = 2029, 2030 }), facts(func(c *RegionFacts) { c.PermittedM3 = 5_000_000 }), nil, nil, ""},
		{"parent region's cap", DefaultRules(), with(base, func(r *Request) { r.ToYear = 2026 }), []RegionFacts{ok[0], {Region: "371500", PermittedM3: 9_950_000, Caps: []Cap{{Year: 2026, TotalM3: 10_000_000}}}}, []string{RulePermittedTotal}, nil, ""},
		{"groundwater cap", DefaultRules(), with(gw, func(r *Request) { r.ToYear = 2026; r.AnnualM3 = 200_001 }), facts(func(c *RegionFacts) {}), []string{RulePermittedGround}, nil, ""},
		{"self-supply well inside mains", DefaultRules(), with(gw, func(r *Request) { r.ToYear = 2026; r.MainsArea = "东昌府城区供水管网" }), facts(func(c *RegionFacts) {}), []string{RulePublicMains}, nil, ""},
		{"public supplier's well inside mains", DefaultRules(), with(gw, func(r *Request) { r.ToYear = 2026; r.MainsArea = "城区"; r.PublicSupplier = true }), facts(func(c *RegionFacts) {}), nil, nil, ""},
		{"surface intake inside mains", DefaultRules(), with(base, func(r *Request) { r.ToYear = 2026; r.MainsArea = "城区" }), facts(func(c *RegionFacts) {}), nil, nil, ""},
		{"last year overrun", DefaultRules(), with(base, func(r *Request) { r.ToYear = 2026 }), facts(func(c *RegionFacts) { c.LastYearUsedM3 = 2_000_000 }), []string{RuleLastYearOverrun}, nil, ""},
		{"last year just below cap", DefaultRules(), with(base, func(r *Request) { r.ToYear = 2026 }), facts(func(c *RegionFacts) { c.LastYearUsedM3 = 1_999_999 }), nil, nil, ""},
		{"current use reached cap (the first rule)", DefaultRules(), with(base, func(r *Request) { r.ToYear = 2026 }), facts(func(c *RegionFacts) { c.UsedM3 = 2_000_000 }), []string{RuleCurrentUse}, nil, ""},
		{"current use rule off", Rules{}, with(base, func(r *Request) { r.ToYear = 2026 }), facts(func(c *RegionFacts) { c.UsedM3 = 2_000_000 }), nil, nil, ""},
		{"current groundwater use reached groundwater cap", DefaultRules(), with(gw, func(r *Request) { r.ToYear = 2026 }), facts(func(c *RegionFacts) { c.UsedGroundwaterM3 = 500_000 }), []string{RuleCurrentUse}, nil, ""},
		{"plan without passed assessment", DefaultRules(), with(base, func(r *Request) { r.ToYear = 2026; r.Plan = &PlanFacts{Code: "P1", Name: "化工园区"} }), facts(func(c *RegionFacts) {}), []string{RulePlanningAssessment}, nil, ""},
		{"plan with passed assessment", DefaultRules(), with(base, func(r *Request) { r.ToYear = 2026; r.Plan = &PlanFacts{Code: "P1", Passed: true} }), facts(func(c *RegionFacts) {}), nil, nil, ""},
		{"planning rule off", Rules{}, with(base, func(r *Request) { r.ToYear = 2026; r.Plan = &PlanFacts{Code: "P1"} }), facts(func(c *RegionFacts) {}), nil, nil, ""},
		{"domestic waives caps and limited zone", DefaultRules(), with(gw, func(r *Request) {
			r.Domestic = true
			r.Zone = &ZoneFacts{Code: "Z2", Kind: "limited"}
		}), facts(func(c *RegionFacts) { c.LastYearUsedM3 = 3_000_000 }), nil, []string{RuleLimitedZone, RulePermittedTotal, RuleLastYearOverrun}, ExceptDomestic},
		{"domestic does not waive 禁采区 or mains", DefaultRules(), with(gw, func(r *Request) {
			r.ToYear = 2026
			r.Domestic = true
			r.Zone = &ZoneFacts{Code: "Z1", Kind: "no_extraction"}
			r.MainsArea = "城区"
		}), facts(func(c *RegionFacts) {}), []string{RuleNoExtractionZone, RulePublicMains}, nil, ""},
		{"rights trade waives the caps", DefaultRules(), with(base, func(r *Request) { r.TradeRef = "JY-2026-001" }), facts(func(c *RegionFacts) { c.UsedM3 = 2_000_000 }), nil, []string{RulePermittedTotal, RuleCurrentUse}, ExceptRightsTrade},
		{"rights trade does not waive the plan rule", DefaultRules(), with(base, func(r *Request) { r.ToYear = 2026; r.TradeRef = "JY-1"; r.Plan = &PlanFacts{Code: "P1"} }), facts(func(c *RegionFacts) {}), []string{RulePlanningAssessment}, nil, ""},
	} {
		d := Decide(tc.rules, tc.req, tc.regions)
		if got := rulesOf(d.Refusals); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: refusals %v, want %v (%s)", tc.name, got, tc.want, d.Reason())
		}
		if got := rulesOf(d.Waived); !reflect.DeepEqual(got, tc.waived) {
			t.Errorf("%s: waived %v, want %v", tc.name, got, tc.waived)
		}
		if d.Exception != tc.exception || (tc.exception != "" && d.Basis == "") {
			t.Errorf("%s: exception %q basis %q, want %q with a basis", tc.name, d.Exception, d.Basis, tc.exception)
		}
		if d.Refused() != (len(tc.want) > 0) {
			t.Errorf("%s: Refused() = %v", tc.name, d.Refused())
		}
		for _, r := range d.Refusals {
			if r.Message == "" {
				t.Errorf("%s: refusal %s without message", tc.name, r.Rule)
			}
		}
	}
}

func TestDecideNamesNumbers(t *testing.T) {
	d := Decide(DefaultRules(), Request{Region: "371502", AnnualM3: 100, Expands: true, FromYear: 2026, ToYear: 2026},
		[]RegionFacts{{Region: "371502", PermittedM3: 950, Caps: []Cap{{Year: 2026, TotalM3: 1000}}}})
	if len(d.Refusals) != 1 {
		t.Fatalf("refusals %v", d.Refusals)
	}
	r := d.Refusals[0]
	want := map[string]int64{"permitted_m3": 950, "requested_m3": 100, "cap_m3": 1000}
	if !reflect.DeepEqual(r.Numbers, want) || r.Region != "371502" || r.Year != 2026 {
		t.Errorf("refusal %+v", r)
	}
	if r.Message != "限批: region 371502 would have 950 + 100 = 1050 m³ permitted, above its 2026 cap of 1000 m³ (取水许可条例 art. 20)" {
		t.Errorf("message %q", r.Message)
	}
}

func rulesOf(rs []Refusal) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Rule)
	}
	return out
}

func TestProposeCapReduction(t *testing.T) {
	if p := ProposeCapReduction("371502", 2027, 1000, nil, 500); p != nil {
		t.Errorf("no missed target: %+v", p)
	}
	p := ProposeCapReduction("371502", 2027, 1_000_003, []string{"water_per_gdp"}, 0)
	if !p.FlagOnly || p.ReductionM3 != 0 || p.ProposedCapM3 != 1_000_003 {
		t.Errorf("default flag only: %+v", p)
	}
	p = ProposeCapReduction("371502", 2027, 1_000_003, []string{"water_per_gdp"}, 250) // 2.5 %
	if p.FlagOnly || p.ReductionM3 != 25_000 || p.ProposedCapM3 != 975_003 {
		t.Errorf("2.5 %%: %+v", p)
	}
}

func TestLevel(t *testing.T) {
	r := DefaultLevelRule()
	for _, tc := range []struct {
		name string
		in   LevelInput
		want string
	}{
		{"small surface", LevelInput{AnnualM3: 14_999_999}, LevelCity},
		{"large surface", LevelInput{AnnualM3: 15_000_000}, LevelProvince},
		{"groundwater below", LevelInput{AnnualM3: 4_999_999, Groundwater: true}, LevelCity},
		{"groundwater at threshold", LevelInput{AnnualM3: 5_000_000, Groundwater: true}, LevelProvince},
		{"limited zone small", LevelInput{AnnualM3: 49_999, Groundwater: true, LimitedZone: true}, LevelCity},
		{"limited zone at threshold", LevelInput{AnnualM3: 50_000, Groundwater: true, LimitedZone: true}, LevelProvince},
		{"limited zone surface", LevelInput{AnnualM3: 50_000, LimitedZone: true}, LevelCity},
		{"geothermal", LevelInput{AnnualM3: 1, Groundwater: true, Geothermal: true}, LevelProvince},
		{"border waters", LevelInput{AnnualM3: 1, BorderWaters: true}, LevelProvince},
	} {
		got, why := r.Level(tc.in)
		if got != tc.want || why == "" {
			t.Errorf("%s: %s (%s), want %s", tc.name, got, why, tc.want)
		}
	}
}
