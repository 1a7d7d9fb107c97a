package indicator

import (
	"fmt"
	"math"
	"sort"
)

// Indicators computed from the works register and the measurements on works:
// 4 (irrigation coefficient, 首尾法), 7 (leakage, CJJ 92-2016), 9 (chemical
// parks' non-conventional share), 10 (WWTP upgrades) and 8 (industrial reuse).

// SeasonSurvey is one irrigation season of a district: the area irrigated and
// the net water per 亩 measured on its typical fields (典型田块).
type SeasonSurvey struct {
	Season        string
	AreaMu        float64
	FieldsM3PerMu []float64 // net irrigation water per 亩 of each typical field
}

// DistrictSurvey is one irrigation district's year: its type and the gross
// water withdrawn at its head (渠首毛引水量), with its seasons.
type DistrictSurvey struct {
	Code    string
	Type    string // large | medium | small | well
	GrossM3 float64
	Seasons []SeasonSurvey
}

// DistrictCoefficient is a district's coefficient by the 首尾法 (head–tail method).
type DistrictCoefficient struct {
	Code        string  `json:"code"`
	Type        string  `json:"type"`
	NetM3       float64 `json:"net_m3"`
	GrossM3     float64 `json:"gross_m3"`
	Coefficient float64 `json:"coefficient"`
}

// IrrigationCoefficient computes each district's coefficient η = W_net / W_gross,
// where W_net = Σ over seasons (mean net m³/亩 of the season's typical fields ×
// the season's irrigated area), and the city value: each type's value is the
// withdrawal-weighted mean of its districts, and the city's the
// withdrawal-weighted mean of the types (large, medium, small, well).
func IrrigationCoefficient(ds []DistrictSurvey) ([]DistrictCoefficient, float64, error) {
	if len(ds) == 0 {
		return nil, 0, fmt.Errorf("indicator: irrigation coefficient: no district: %w", ErrInvalidInput)
	}
	out := make([]DistrictCoefficient, 0, len(ds))
	type acc struct{ etaW, w float64 }
	byType := map[string]*acc{}
	for _, d := range ds {
		if !(d.GrossM3 > 0) || math.IsInf(d.GrossM3, 0) {
			return nil, 0, fmt.Errorf("indicator: irrigation coefficient: district %s: gross withdrawal %v: %w", d.Code, d.GrossM3, ErrInvalidInput)
		}
		var net float64
		for _, s := range d.Seasons {
			if len(s.FieldsM3PerMu) == 0 || !(s.AreaMu >= 0) {
				return nil, 0, fmt.Errorf("indicator: irrigation coefficient: district %s season %s needs its area and typical fields: %w", d.Code, s.Season, ErrInvalidInput)
			}
			var sum float64
			for _, f := range s.FieldsM3PerMu {
				if !(f >= 0) || math.IsInf(f, 0) {
					return nil, 0, fmt.Errorf("indicator: irrigation coefficient: district %s: field value %v: %w", d.Code, f, ErrInvalidInput)
				}
				sum += f
			}
			net += sum / float64(len(s.FieldsM3PerMu)) * s.AreaMu
		}
		eta := net / d.GrossM3
		if eta > 1 {
			return nil, 0, fmt.Errorf("indicator: irrigation coefficient: district %s: net %v exceeds gross %v: %w", d.Code, net, d.GrossM3, ErrInvalidInput)
		}
		out = append(out, DistrictCoefficient{Code: d.Code, Type: d.Type, NetM3: net, GrossM3: d.GrossM3, Coefficient: eta})
		a := byType[d.Type]
		if a == nil {
			a = &acc{}
			byType[d.Type] = a
		}
		a.etaW += eta * d.GrossM3
		a.w += d.GrossM3
	}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Strings(types)
	var num, den float64
	for _, t := range types {
		a := byType[t]
		num += a.etaW // the type's withdrawal-weighted mean × the type's withdrawal
		den += a.w
	}
	return out, num / den, nil
}

// LeakageParams are the corrections of CJJ 92-2016 (城镇供水管网漏损控制及评定标准)
// §5.3 to the comprehensive leakage rate. The coefficients are configuration:
// recalled from the standard, not checked against its text (Verified false).
type LeakageParams struct {
	ResidentialFactor float64 `json:"residential_factor" yaml:"residential_factor"` // R1 = factor × r (r: share of supply metered to households); 0.08
	LengthFactor      float64 `json:"length_factor" yaml:"length_factor"`           // R2 = factor × (A − LengthRef); 0.99
	LengthRef         float64 `json:"length_ref" yaml:"length_ref"`                 // km of DN ≥ 75 pipe per m³/d supplied; 0.0693
	LengthCap         float64 `json:"length_cap" yaml:"length_cap"`                 // |R2| at most this (fraction); 0.03
	PressureLow       float64 `json:"pressure_low_mpa" yaml:"pressure_low_mpa"`     // mean outlet pressure above which R3 = PressureStep; 0.35
	PressureHigh      float64 `json:"pressure_high_mpa" yaml:"pressure_high_mpa"`   // above which R3 = 2 × PressureStep; 0.55
	PressureStep      float64 `json:"pressure_step" yaml:"pressure_step"`           // 0.01
	FrostDepthM       float64 `json:"frost_depth_m" yaml:"frost_depth_m"`           // maximum frost depth above which R4 = FrostStep; 1.4
	FrostStep         float64 `json:"frost_step" yaml:"frost_step"`                 // 0.01
	Verified          bool    `json:"verified" yaml:"verified"`
}

// DefaultLeakageParams are CJJ 92-2016's corrections as recalled; unverified.
func DefaultLeakageParams() LeakageParams {
	return LeakageParams{ResidentialFactor: 0.08, LengthFactor: 0.99, LengthRef: 0.0693, LengthCap: 0.03,
		PressureLow: 0.35, PressureHigh: 0.55, PressureStep: 0.01, FrostDepthM: 1.4, FrostStep: 0.01}
}

// WaterWorksYear is one water works' (or a whole network's) year.
type WaterWorksYear struct {
	SuppliedM3      float64 // 供水总量
	RegisteredM3    float64 // 注册用户用水量
	ResidentialM3   float64 // of which residential, metered to the household (抄表到户)
	PipeLengthKm    float64 // DN ≥ 75
	MeanPressureMPa float64 // mean outlet pressure (年平均出厂压力)
	FrostDepthM     float64 // maximum frost depth of the place
}

// Leakage is the CJJ 92-2016 result, in percent.
type Leakage struct {
	Comprehensive float64 `json:"comprehensive_pct"` // R_WL = (Q_s − Q_a) / Q_s
	R1            float64 `json:"r1_pct"`            // residential metering correction
	R2            float64 `json:"r2_pct"`            // pipe length per supply correction
	R3            float64 `json:"r3_pct"`            // pressure correction
	R4            float64 `json:"r4_pct"`            // frost correction
	Rate          float64 `json:"rate_pct"`          // R_BL = R_WL − (R1 + R2 + R3 + R4): indicator 7
}

// LeakageRate sums the works (a city's network is the sum of its water works)
// and applies the corrections: A is the pipe length per m³/d of the year's
// mean daily supply, pressure and frost are the supply-weighted means.
func LeakageRate(ws []WaterWorksYear, p LeakageParams) (Leakage, error) {
	var sum WaterWorksYear
	var pressW, frostW float64
	for _, w := range ws {
		if !(w.SuppliedM3 > 0) || w.RegisteredM3 < 0 || w.RegisteredM3 > w.SuppliedM3 || w.ResidentialM3 < 0 || w.ResidentialM3 > w.RegisteredM3 || w.PipeLengthKm < 0 {
			return Leakage{}, fmt.Errorf("indicator: leakage: supplied %v, registered %v, residential %v: %w", w.SuppliedM3, w.RegisteredM3, w.ResidentialM3, ErrInvalidInput)
		}
		sum.SuppliedM3 += w.SuppliedM3
		sum.RegisteredM3 += w.RegisteredM3
		sum.ResidentialM3 += w.ResidentialM3
		sum.PipeLengthKm += w.PipeLengthKm
		pressW += w.MeanPressureMPa * w.SuppliedM3
		frostW += w.FrostDepthM * w.SuppliedM3
	}
	if len(ws) == 0 {
		return Leakage{}, fmt.Errorf("indicator: leakage: no water works: %w", ErrInvalidInput)
	}
	var l Leakage
	qs := sum.SuppliedM3
	l.Comprehensive = (qs - sum.RegisteredM3) / qs
	l.R1 = p.ResidentialFactor * sum.ResidentialM3 / qs
	if sum.PipeLengthKm > 0 {
		a := sum.PipeLengthKm / (qs / 365)
		l.R2 = math.Max(-p.LengthCap, math.Min(p.LengthCap, p.LengthFactor*(a-p.LengthRef)))
	}
	switch press := pressW / qs; {
	case press > p.PressureHigh:
		l.R3 = 2 * p.PressureStep
	case press > p.PressureLow:
		l.R3 = p.PressureStep
	}
	if frostW/qs > p.FrostDepthM {
		l.R4 = p.FrostStep
	}
	l.Rate = l.Comprehensive - (l.R1 + l.R2 + l.R3 + l.R4)
	for _, v := range []*float64{&l.Comprehensive, &l.R1, &l.R2, &l.R3, &l.R4, &l.Rate} {
		*v = math.Round(*v*100*1e6) / 1e6
	}
	return l, nil
}

// SharePercent is Σ part / Σ total × 100 over several units (parks,
// enterprises), each giving (part, rest): part / (part + rest).
func SharePercent(parts, rests []float64) (float64, error) {
	if len(parts) != len(rests) || len(parts) == 0 {
		return 0, fmt.Errorf("indicator: share: %d parts, %d rests: %w", len(parts), len(rests), ErrInvalidInput)
	}
	var p, t float64
	for i := range parts {
		if !(parts[i] >= 0) || !(rests[i] >= 0) || math.IsInf(parts[i]+rests[i], 0) {
			return 0, fmt.Errorf("indicator: share: %v, %v: %w", parts[i], rests[i], ErrInvalidInput)
		}
		p += parts[i]
		t += parts[i] + rests[i]
	}
	if t == 0 {
		return 0, fmt.Errorf("indicator: share: nothing measured: %w", ErrInvalidInput)
	}
	return 100 * p / t, nil
}

// ComputedValue wraps a value computed from the works as a Measure of the year.
func ComputedValue(id ID, region string, year int, through Date, value float64) (Measure, error) {
	m, err := EnterValue(id, region, year, through, value)
	m.Method = Computed
	return m, err
}
