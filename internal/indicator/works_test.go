package indicator

import (
	"errors"
	"math"
	"testing"
)

func close9(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestIrrigationCoefficient checks the 首尾法 against a hand calculation.
func TestIrrigationCoefficient(t *testing.T) {
	ds := []DistrictSurvey{
		// A: spring 2000 亩 × mean(200, 220, 240) = 440,000; summer 1000 亩 × 180 = 180,000; net 620,000 / 1,000,000 = 0.62.
		{Code: "a", Type: "large", GrossM3: 1_000_000, Seasons: []SeasonSurvey{
			{Season: "春灌", AreaMu: 2000, FieldsM3PerMu: []float64{200, 220, 240}},
			{Season: "夏灌", AreaMu: 1000, FieldsM3PerMu: []float64{180}},
		}},
		// B: 1500 亩 × mean(210, 230) = 330,000 / 500,000 = 0.66.
		{Code: "b", Type: "large", GrossM3: 500_000, Seasons: []SeasonSurvey{{Season: "春灌", AreaMu: 1500, FieldsM3PerMu: []float64{210, 230}}}},
		// C (well irrigation): 400 亩 × 200 = 80,000 / 100,000 = 0.8.
		{Code: "c", Type: "well", GrossM3: 100_000, Seasons: []SeasonSurvey{{Season: "春灌", AreaMu: 400, FieldsM3PerMu: []float64{200}}}},
	}
	per, city, err := IrrigationCoefficient(ds)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{0.62, 0.66, 0.8} {
		if !close9(per[i].Coefficient, want) {
			t.Errorf("district %s: %v, want %v", per[i].Code, per[i].Coefficient, want)
		}
	}
	// large: (0.62 × 1e6 + 0.66 × 5e5) / 1.5e6 = 0.63333; city: (0.63333 × 1.5e6 + 0.8 × 1e5) / 1.6e6 = 0.64375.
	if !close9(city, 0.64375) {
		t.Errorf("city %v, want 0.64375", city)
	}
	for name, bad := range map[string][]DistrictSurvey{
		"no districts":    nil,
		"no gross":        {{Code: "x", Type: "large", Seasons: ds[1].Seasons}},
		"no fields":       {{Code: "x", Type: "large", GrossM3: 1, Seasons: []SeasonSurvey{{AreaMu: 1}}}},
		"net above gross": {{Code: "x", Type: "large", GrossM3: 1000, Seasons: []SeasonSurvey{{AreaMu: 10, FieldsM3PerMu: []float64{200}}}}},
	} {
		if _, _, err := IrrigationCoefficient(bad); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestLeakageRate checks CJJ 92-2016's corrections against hand calculations.
func TestLeakageRate(t *testing.T) {
	p := DefaultLeakageParams()
	base := WaterWorksYear{SuppliedM3: 10_000_000, RegisteredM3: 8_800_000, ResidentialM3: 5_000_000, PipeLengthKm: 400, MeanPressureMPa: 0.40, FrostDepthM: 0.5}
	for _, tc := range []struct {
		name string
		ws   []WaterWorksYear
		want Leakage
	}{
		// R_WL 12 %; R1 = 0.08 × 0.5 = 4 %; A = 400 / (1e7/365) = 0.0146 → R2 = 0.99 × (0.0146 − 0.0693) = −5.4 %, capped at −3 %;
		// R3 = 1 % (0.35 < 0.40 ≤ 0.55); R4 = 0. Rate = 12 − (4 − 3 + 1) = 10 %.
		{"short network, middle pressure", []WaterWorksYear{base}, Leakage{Comprehensive: 12, R1: 4, R2: -3, R3: 1, R4: 0, Rate: 10}},
		// A = 2500 × 365 / 1e7 = 0.09125 → R2 = 0.99 × 0.02195 = 2.17305 %; R3 = 2 % (> 0.55); R4 = 1 % (frost 1.5 m > 1.4).
		// Rate = 12 − (4 + 2.17305 + 2 + 1) = 2.82695 %.
		{"long network, high pressure, deep frost", []WaterWorksYear{{SuppliedM3: 1e7, RegisteredM3: 8.8e6, ResidentialM3: 5e6, PipeLengthKm: 2500, MeanPressureMPa: 0.6, FrostDepthM: 1.5}},
			Leakage{Comprehensive: 12, R1: 4, R2: 2.17305, R3: 2, R4: 1, Rate: 2.82695}},
		// Two works add up: supplied 1.5e7, registered 1.3e7 → 13.3333 %; residential 7.5e6 → R1 = 4 %;
		// A = 600 × 365 / 1.5e7 = 0.0146 → −3 %; pressure (0.40 × 1e7 + 0.30 × 5e6) / 1.5e7 = 0.3667 → 1 %.
		{"two works", []WaterWorksYear{base, {SuppliedM3: 5_000_000, RegisteredM3: 4_200_000, ResidentialM3: 2_500_000, PipeLengthKm: 200, MeanPressureMPa: 0.30}},
			Leakage{Comprehensive: 13.333333, R1: 4, R2: -3, R3: 1, Rate: 11.333333}},
	} {
		got, err := LeakageRate(tc.ws, p)
		if err != nil {
			t.Fatal(tc.name, err)
		}
		if math.Abs(got.Comprehensive-tc.want.Comprehensive) > 1e-5 || math.Abs(got.R2-tc.want.R2) > 1e-5 || math.Abs(got.Rate-tc.want.Rate) > 1e-5 ||
			got.R1 != tc.want.R1 || got.R3 != tc.want.R3 || got.R4 != tc.want.R4 {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if _, err := LeakageRate([]WaterWorksYear{{SuppliedM3: 1, RegisteredM3: 2}}, p); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("registered above supplied: %v", err)
	}
}

func TestSharePercent(t *testing.T) {
	// Parks (30 non-conventional, 70 conventional) and (10, 90): 40 / 200 = 20 %.
	got, err := SharePercent([]float64{30, 10}, []float64{70, 90})
	if err != nil || got != 20 {
		t.Fatalf("share %v %v", got, err)
	}
	if _, err := SharePercent([]float64{0}, []float64{0}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("nothing measured: %v", err)
	}
}
