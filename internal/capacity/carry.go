package capacity

import (
	"fmt"
	"math"
)

// Names of the constraint that binds a maximum.
const (
	BindSupply         = "available_supply" // the water available (可供水量)
	BindUseCap         = "total_use_cap"    // 用水总量控制指标, below the supply
	BindDomesticSource = "domestic_source"  // water fit for domestic use (优水优用)
	BindFixedDemands   = "fixed_demands"    // the demands held fixed already take all the water
)

// Efficiency holds the efficiency targets the maxima are computed at.
type Efficiency struct {
	DomesticLPerCapitaDay float64 `json:"domestic_l_per_capita_day"` // comprehensive domestic quota (urban and rural together)
	NetworkLossRate       float64 `json:"network_loss_rate"`         // domestic demand is grossed up by 1/(1 − loss)
	IndustryM3Per10kCNY   float64 `json:"industry_m3_per_10k_cny"`   // 万元工业增加值用水量
	GDPM3Per10kCNY        float64 `json:"gdp_m3_per_10k_cny"`        // 万元GDP用水量 (all uses per 万元 GDP)
	IrrigationNetM3PerMu  float64 `json:"irrigation_net_m3_per_mu"`  // mean net irrigation quota
	IrrigationEfficiency  float64 `json:"irrigation_efficiency"`     // η
}

// Current are the present quantities, held fixed while another is maximised.
type Current struct {
	Population       float64 `json:"population"` // persons
	IndustryVA10kCNY float64 `json:"industry_va_10k_cny"`
	GDP10kCNY        float64 `json:"gdp_10k_cny"`
	IrrigatedAreaMu  float64 `json:"irrigated_area_mu"`
	OtherDemandM3    float64 `json:"other_demand_m3"` // everything else (livestock, ecology, services …), held fixed
}

// CarryInput is one region's water and present state.
type CarryInput struct {
	Region      string  `json:"region"`
	AvailableM3 float64 `json:"available_m3"` // available supply (e.g. the supply model's net at 75 %)
	UseCapM3    float64 `json:"use_cap_m3"`   // total-use cap W₀; 0 = none
	// DomesticSourceM3, when set, is the water fit for domestic use (e.g.
	// 长江水 and deep groundwater), which also limits the population.
	DomesticSourceM3 *float64   `json:"domestic_source_m3"`
	Current          Current    `json:"current"`
	Efficiency       Efficiency `json:"efficiency"`
}

// Carry is what a region's water can carry (以水定城/地/人/产).
//
// The calculation is deliberately transparent. Water W = min(available
// supply, total-use cap). At the target efficiencies the present demands are
//
//	domestic   D_d = P · q_d · 365 / 1000 / (1 − loss)
//	industry   D_i = VA · q_i
//	irrigation D_a = A · m / η
//	other      D_o (given)
//
// and each maximum holds the others at their present values:
//
//	population        P_max  = (W − D_i − D_a − D_o) / (q_d · 365 / 1000 / (1 − loss)),
//	                           and ≤ domestic-fit water / the same per-capita figure
//	irrigated area    A_max  = (W − D_d − D_i − D_o) · η / m
//	industrial VA     VA_max = (W − D_d − D_a − D_o) / q_i
//	GDP               GDP_max = W / (m³ per 万元 GDP)   (the intensity covers all uses)
//
// A maximum is 0 when the fixed demands already exceed W (binding
// BindFixedDemands).
type Carry struct {
	Region       string  `json:"region"`
	WaterM3      float64 `json:"water_m3"`    // W
	WaterLimit   string  `json:"water_limit"` // BindSupply or BindUseCap
	DomesticM3   float64 `json:"domestic_m3"` // present demands at target efficiency
	IndustryM3   float64 `json:"industry_m3"`
	IrrigationM3 float64 `json:"irrigation_m3"`
	OtherM3      float64 `json:"other_m3"`
	DemandM3     float64 `json:"demand_m3"`  // their sum
	SurplusM3    float64 `json:"surplus_m3"` // W − DemandM3 (negative = shortage)

	MaxPopulation       float64 `json:"max_population"`
	MaxIrrigatedAreaMu  float64 `json:"max_irrigated_area_mu"`
	MaxIndustryVA10kCNY float64 `json:"max_industry_va_10k_cny"`
	MaxGDP10kCNY        float64 `json:"max_gdp_10k_cny"`

	PopulationBinding string `json:"population_binding"`
	AreaBinding       string `json:"area_binding"`
	IndustryBinding   string `json:"industry_binding"`
	GDPBinding        string `json:"gdp_binding"`
}

// CarryCapacity computes the maxima of one region.
func CarryCapacity(in CarryInput) (Carry, error) {
	e, cur := in.Efficiency, in.Current
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"available", in.AvailableM3}, {"use cap", in.UseCapM3}, {"population", cur.Population},
		{"industry value added", cur.IndustryVA10kCNY}, {"GDP", cur.GDP10kCNY}, {"irrigated area", cur.IrrigatedAreaMu},
		{"other demand", cur.OtherDemandM3}, {"network loss rate", e.NetworkLossRate}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v < 0 {
			return Carry{}, fmt.Errorf("capacity: carry %s: %s %v must be finite and ≥ 0", in.Region, f.name, f.v)
		}
	}
	for _, f := range [...]struct {
		name string
		v    float64
	}{{"domestic quota", e.DomesticLPerCapitaDay}, {"industry intensity", e.IndustryM3Per10kCNY},
		{"GDP intensity", e.GDPM3Per10kCNY}, {"irrigation net quota", e.IrrigationNetM3PerMu},
		{"irrigation efficiency", e.IrrigationEfficiency}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v <= 0 {
			return Carry{}, fmt.Errorf("capacity: carry %s: %s %v must be positive", in.Region, f.name, f.v)
		}
	}
	if e.NetworkLossRate >= 1 || e.IrrigationEfficiency > 1 {
		return Carry{}, fmt.Errorf("capacity: carry %s: loss rate %v must be < 1 and η %v ≤ 1", in.Region, e.NetworkLossRate, e.IrrigationEfficiency)
	}
	if d := in.DomesticSourceM3; d != nil && (math.IsNaN(*d) || math.IsInf(*d, 0) || *d < 0) {
		return Carry{}, fmt.Errorf("capacity: carry %s: domestic source %v must be finite and ≥ 0", in.Region, *d)
	}

	c := Carry{Region: in.Region, WaterM3: in.AvailableM3, WaterLimit: BindSupply}
	if in.UseCapM3 > 0 && in.UseCapM3 < in.AvailableM3 {
		c.WaterM3, c.WaterLimit = in.UseCapM3, BindUseCap
	}
	perCapita := e.DomesticLPerCapitaDay * 365 / 1000 / (1 - e.NetworkLossRate) // m³ per person-year, gross
	c.DomesticM3 = cur.Population * perCapita
	c.IndustryM3 = cur.IndustryVA10kCNY * e.IndustryM3Per10kCNY
	c.IrrigationM3 = cur.IrrigatedAreaMu * e.IrrigationNetM3PerMu / e.IrrigationEfficiency
	c.OtherM3 = cur.OtherDemandM3
	c.DemandM3 = c.DomesticM3 + c.IndustryM3 + c.IrrigationM3 + c.OtherM3
	c.SurplusM3 = c.WaterM3 - c.DemandM3

	// residual is the water left for one use when the others keep their demand.
	residual := func(own float64) (float64, string) {
		r := c.WaterM3 - (c.DemandM3 - own)
		if r <= 0 {
			return 0, BindFixedDemands
		}
		return r, c.WaterLimit
	}
	var r float64
	r, c.PopulationBinding = residual(c.DomesticM3)
	c.MaxPopulation = r / perCapita
	if d := in.DomesticSourceM3; d != nil && *d/perCapita < c.MaxPopulation {
		c.MaxPopulation, c.PopulationBinding = *d/perCapita, BindDomesticSource
	}
	r, c.AreaBinding = residual(c.IrrigationM3)
	c.MaxIrrigatedAreaMu = r * e.IrrigationEfficiency / e.IrrigationNetM3PerMu
	r, c.IndustryBinding = residual(c.IndustryM3)
	c.MaxIndustryVA10kCNY = r / e.IndustryM3Per10kCNY
	c.MaxGDP10kCNY, c.GDPBinding = c.WaterM3/e.GDPM3Per10kCNY, c.WaterLimit
	return c, nil
}
