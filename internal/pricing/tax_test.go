package pricing

import "testing"

// shandong2017 is Shandong's 2017 table as far as DOMAIN.md §3.2 gives it
// (public supply 0.4/0.8, agriculture over quota 0.1/0.2), with the industrial
// minimum averages (0.4/1.5, unverified), a 9 % allowed loss (Zhejiang's) and
// the default multipliers.
func shandong2017() *TaxTable {
	bands, unp := OverUse2024()
	return &TaxTable{
		Version: Version{Region: "370000", EffectiveFrom: day(2017, 12, 1)},
		Rates: []TaxRate{
			{Source: TaxSurface, Purpose: PurposePublicSupply, Rate: 4000},
			{Source: TaxGround, Purpose: PurposePublicSupply, Rate: 8000},
			{Source: TaxSurface, Purpose: PurposeAgriculture, Rate: 1000},
			{Source: TaxGround, Purpose: PurposeAgriculture, Rate: 2000},
			{Source: TaxSurface, Purpose: PurposeIndustry, Rate: 4000},
			{Source: TaxGround, Purpose: PurposeIndustry, Rate: 15000},
			{Source: TaxGround, Purpose: PurposeIndustry, Zone: ZoneOverExtraction, Rate: 30000},
			{Source: TaxSurface, Purpose: PurposeHydropower, Rate: 80},
			{Source: TaxGround, Purpose: PurposeDewatering, Rate: 15000},
		},
		Exempt:      []string{PurposeEcological, PurposeReinjected, PurposeMilitary, PurposePumpedStorage},
		AllowedLoss: 90, OverUse: bands, Unpermitted: unp, AdvancedRelief: 200,
	}
}

func TestTaxGolden(t *testing.T) {
	tt := shandong2017()
	if err := tt.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		use      TaxUse
		advanced bool
		want     Fen
	}{
		{"public supply net of 9 % loss: 1,000,000 × 0.91 × 0.4", TaxUse{Source: TaxSurface, Purpose: PurposePublicSupply, Quantity: 1_000_000}, false, 36_400_000},
		{"hydropower 0.008 元/kWh × 1,000,000 kWh", TaxUse{Source: TaxSurface, Purpose: PurposeHydropower, Quantity: 1_000_000}, false, 800_000},
		{"dewatering by volume drained", TaxUse{Source: TaxGround, Purpose: PurposeDewatering, Quantity: 2000}, false, 300_000},
		{"agriculture: 800 of 1000 m³ within quota exempt, 200 × 0.1", TaxUse{Source: TaxSurface, Purpose: PurposeAgriculture, Quantity: 1000, QuotaM3: 800}, false, 2000},
		{"commissioned ecological use exempt", TaxUse{Source: TaxSurface, Purpose: PurposeEcological, Quantity: 50_000}, false, 0},
		{"within plan", TaxUse{Source: TaxGround, Purpose: PurposeIndustry, Quantity: 1000, PlanM3: 1000}, false, 150_000},
		// 1000 × 1.5 + 200 × 1.5 × 2 + 200 × 1.5 × 2.5 + 100 × 1.5 × 3 = 1500 + 600 + 750 + 450
		{"over plan 50 %: 2×/2.5×/3×", TaxUse{Source: TaxGround, Purpose: PurposeIndustry, Quantity: 1500, PlanM3: 1000}, false, 330_000},
		{"unpermitted 2×", TaxUse{Source: TaxGround, Purpose: PurposeIndustry, Quantity: 100, Unpermitted: true}, false, 30_000},
		{"advanced-quota relief 20 %: 1000 × 0.4 × 0.8", TaxUse{Source: TaxSurface, Purpose: PurposeIndustry, Quantity: 1000}, true, 32_000},
		{"relief only for industry", TaxUse{Source: TaxSurface, Purpose: PurposePublicSupply, Quantity: 1000}, true, 36_400},
		{"over-extraction zone rate", TaxUse{Source: TaxGround, Purpose: PurposeIndustry, Zone: ZoneOverExtraction, Quantity: 10}, false, 3000},
		{"unknown zone falls back to the zone-less rate", TaxUse{Source: TaxGround, Purpose: PurposeIndustry, Zone: ZoneSerious, Quantity: 10}, false, 1500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines, total, err := ComputeTax(tt, []TaxUse{tc.use}, tc.advanced)
			if err != nil {
				t.Fatal(err)
			}
			if total != tc.want {
				t.Fatalf("tax = %v, want %v; lines %+v", total, tc.want, lines)
			}
			var q, sum int64
			for _, l := range lines {
				q += l.Quantity
				sum += int64(l.AmountFen)
			}
			if q != tc.use.Quantity || Fen(sum) != total {
				t.Fatalf("lines cover %d of %d, Σ %d vs %v", q, tc.use.Quantity, sum, total)
			}
		})
	}
}

func TestTaxShanxiMultiplierOnSubFenRate(t *testing.T) {
	// Shanxi's agricultural surface rate 0.05 with the 2.5× band: 0.125 元/m³.
	tt := &TaxTable{Version: Version{Region: "140000", EffectiveFrom: day(2024, 12, 1)},
		Rates:   []TaxRate{{Source: TaxSurface, Purpose: PurposeSpecial, Rate: 500}},
		OverUse: []Band{{UpTo: 200, Factor: 2000}, {UpTo: 400, Factor: 2500}, {Factor: 3000}}}
	lines, total, err := ComputeTax(tt, []TaxUse{{Source: TaxSurface, Purpose: PurposeSpecial, Quantity: 13, PlanM3: 10}}, false)
	if err != nil {
		t.Fatal(err)
	}
	// 10 × 0.05 = 0.50; 2 × 0.05 × 2 = 0.20; 1 × 0.05 × 2.5 = 0.125 → 0.13
	if len(lines) != 3 || lines[2].AmountFen != 13 || total != 83 {
		t.Fatalf("lines %+v total %v", lines, total)
	}
}

func TestTaxErrors(t *testing.T) {
	tt := shandong2017()
	if _, _, err := ComputeTax(tt, []TaxUse{{Source: TaxSurface, Purpose: PurposeGeothermal, Quantity: 1}}, false); !hasField(err, "uses[0].purpose") {
		t.Errorf("no rate: %v", err)
	}
	if _, _, err := ComputeTax(tt, []TaxUse{{Source: TaxSurface, Purpose: PurposeIndustry, Quantity: 1, Estimated: 2}}, false); !hasField(err, "uses[0].quantity") {
		t.Errorf("estimated > quantity: %v", err)
	}
	bad := shandong2017()
	bad.OverUse = []Band{{UpTo: 400, Factor: 2000}, {UpTo: 200, Factor: 2500}}
	if err := bad.Validate(); !hasField(err, "over_use") {
		t.Errorf("descending bands: %v", err)
	}
	bad = shandong2017()
	bad.AllowedLoss = 1000
	if err := bad.Validate(); !hasField(err, "allowed_loss") {
		t.Errorf("loss 100 %%: %v", err)
	}
}

func TestTaxEstimatedTraced(t *testing.T) {
	lines, _, err := ComputeTax(shandong2017(), []TaxUse{{Source: TaxGround, Purpose: PurposeIndustry, Quantity: 1500, Estimated: 1100, PlanM3: 1000}}, false)
	if err != nil {
		t.Fatal(err)
	}
	var est int64
	for _, l := range lines {
		est += l.Estimated
	}
	if est != 1100 || lines[0].Estimated != 1000 || lines[1].Estimated != 100 {
		t.Fatalf("estimated parts %+v", lines)
	}
}
