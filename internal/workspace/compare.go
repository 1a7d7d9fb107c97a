package workspace

import "math"

// Side is one scenario's numbers for a county in a comparison.
type Side struct {
	ShortageM3       map[string]float64 `json:"shortage_m3"`
	ShortageTotalM3  float64            `json:"shortage_total_m3"`
	SourceMixM3      map[string]float64 `json:"source_mix_m3"`
	UseCapM3         float64            `json:"use_cap_m3"`
	GroundwaterCapM3 float64            `json:"groundwater_cap_m3"`
	ForecastDemandM3 float64            `json:"forecast_demand_m3"`
	SupplyM3         float64            `json:"supply_m3"`
	Grade            string             `json:"grade"`
	GradeName        string             `json:"grade_name"`
	MaxPopulation    float64            `json:"max_population"`
}

// CountyComparison is a county in both scenarios, with B − A.
type CountyComparison struct {
	Region          string             `json:"region"`
	Name            string             `json:"name"`
	A               Side               `json:"a"`
	B               Side               `json:"b"`
	ShortageDeltaM3 map[string]float64 `json:"shortage_delta_m3"`
	GradeChanged    bool               `json:"grade_changed"`
}

// Comparison sets two results side by side.
type Comparison struct {
	NameA             string             `json:"name_a"`
	NameB             string             `json:"name_b"`
	YearA             int                `json:"year_a"`
	YearB             int                `json:"year_b"`
	GuaranteePctA     int                `json:"guarantee_pct_a"`
	GuaranteePctB     int                `json:"guarantee_pct_b"`
	ShortageA         float64            `json:"shortage_a_m3"`
	ShortageB         float64            `json:"shortage_b_m3"`
	ShortageBySectorA map[string]float64 `json:"shortage_by_sector_a_m3"`
	ShortageBySectorB map[string]float64 `json:"shortage_by_sector_b_m3"`
	SourceMixA        map[string]float64 `json:"source_mix_a_m3"`
	SourceMixB        map[string]float64 `json:"source_mix_b_m3"`
	GradesA           map[string]int     `json:"grades_a"`
	GradesB           map[string]int     `json:"grades_b"`
	Counties          []CountyComparison `json:"counties"`
}

func side(c County) Side {
	return Side{ShortageM3: c.ShortageM3, ShortageTotalM3: c.ShortageTotalM3, SourceMixM3: c.SourceMixM3, UseCapM3: c.UseCapM3,
		GroundwaterCapM3: c.GroundwaterCapM3, ForecastDemandM3: math.Round(c.ForecastDemandM3), SupplyM3: math.Round(c.SupplyM3),
		Grade: c.Grade, GradeName: c.GradeName, MaxPopulation: math.Round(c.Carry.MaxPopulation)}
}

// Compare sets result b beside result a, county by county (a's order; a
// county in only one of them has an empty other side).
func Compare(nameA string, a *Result, nameB string, b *Result) *Comparison {
	cmp := &Comparison{NameA: nameA, NameB: nameB, YearA: a.Year, YearB: b.Year, GuaranteePctA: a.GuaranteePct, GuaranteePctB: b.GuaranteePct,
		ShortageA: math.Round(a.ShortageM3), ShortageB: math.Round(b.ShortageM3), ShortageBySectorA: a.ShortageBySectorM3,
		ShortageBySectorB: b.ShortageBySectorM3, SourceMixA: a.SourceMixM3, SourceMixB: b.SourceMixM3, GradesA: a.Grades, GradesB: b.Grades,
		Counties: []CountyComparison{}}
	inB := map[string]County{}
	for _, c := range b.Counties {
		inB[c.Region] = c
	}
	seen := map[string]bool{}
	add := func(region, name string, ca, cb County) {
		cc := CountyComparison{Region: region, Name: name, A: side(ca), B: side(cb), ShortageDeltaM3: map[string]float64{}}
		for _, s := range AllocSectors {
			cc.ShortageDeltaM3[s] = cb.ShortageM3[s] - ca.ShortageM3[s]
		}
		cc.ShortageDeltaM3["total"] = cb.ShortageTotalM3 - ca.ShortageTotalM3
		cc.GradeChanged = ca.Grade != cb.Grade
		cmp.Counties = append(cmp.Counties, cc)
	}
	for _, c := range a.Counties {
		seen[c.Region] = true
		add(c.Region, c.Name, c, inB[c.Region])
	}
	for _, c := range b.Counties {
		if !seen[c.Region] {
			add(c.Region, c.Name, County{}, c)
		}
	}
	return cmp
}
