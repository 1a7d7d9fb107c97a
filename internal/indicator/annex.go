package indicator

import (
	"fmt"
	"slices"
)

// ID is the stable identifier of an indicator.
type ID string

// The ten indicators of the plan's annex (聊城市落实"四水四定"主要任务目标表), in annex order.
const (
	TotalUse                    ID = "total_use"                      // 1 用水总量
	WaterPerGDP                 ID = "water_per_gdp"                  // 2 万元GDP用水量
	WaterPerIndustrialVA        ID = "water_per_industrial_va"        // 3 万元工业增加值用水量
	IrrigationEfficiency        ID = "irrigation_efficiency"          // 4 农田灌溉水有效利用系数
	UnconventionalUse           ID = "unconventional_use"             // 5 非常规水利用量
	ReclaimedReuseRate          ID = "reclaimed_reuse_rate"           // 6 城市污水再生利用率
	NetworkLeakageRate          ID = "network_leakage_rate"           // 7 城镇公共供水管网漏损率
	IndustrialReuseRate         ID = "industrial_reuse_rate"          // 8 规模以上工业用水重复利用率
	ChemParkUnconventionalShare ID = "chem_park_unconventional_share" // 9 化工园区非常规水源配置率
	WWTPUpgradeRate             ID = "wwtp_upgrade_rate"              // 10 城市污水处理厂提标改造完成率
)

// Attribute is the annex's 指标属性.
type Attribute string

const (
	Binding  Attribute = "binding"  // 约束性
	Expected Attribute = "expected" // 预期性 (indicative)
)

// Direction says which side of the target is compliant.
type Direction string

const (
	Ceiling Direction = "ceiling" // the value must stay at or below the target (控制在…以内)
	Floor   Direction = "floor"   // the value must reach at least the target (达到…以上)
)

// Target is one yearly target value, in the indicator's unit.
type Target struct {
	Year  int
	Value float64
}

// Definition describes one indicator: names, unit, attribute, direction, yearly
// targets, lead units and the source document.
type Definition struct {
	Seq         int    // 序号 in the annex, 1..10
	ID          ID     // stable id
	NameZH      string // 指标名称
	NameEN      string
	UnitZH      string // 单位 as printed in the annex
	UnitEN      string
	Attribute   Attribute
	Direction   Direction
	Cumulative  bool // the value is a volume summed over the year (year-to-date grows towards the final value)
	Targets     []Target
	LeadUnitsZH []string // 牵头单位
	LeadUnitsEN []string
	Source      string // document and version the targets come from
}

// Target returns the target value for year and whether the annex has one.
func (d Definition) Target(year int) (float64, bool) {
	for _, t := range d.Targets {
		if t.Year == year {
			return t.Value, true
		}
	}
	return 0, false
}

// AnnexSource names the document the annex targets come from.
const AnnexSource = "《聊城市贯彻落实\"四水四定\"实施方案（征求意见稿）》附件：聊城市落实\"四水四定\"主要任务目标表"

// AnnexYears are the target years of the annex columns.
var annexYears = [...]int{2023, 2024, 2025, 2026, 2027, 2030}

// AnnexYears returns the year columns of the annex (2023..2027 and 2030).
func AnnexYears() []int { return annexYears[:] }

func targets(v ...float64) []Target {
	if len(v) != len(annexYears) {
		panic(fmt.Sprintf("indicator: annex row has %d values, want %d", len(v), len(annexYears)))
	}
	ts := make([]Target, len(v))
	for i, x := range v {
		ts[i] = Target{Year: annexYears[i], Value: x}
	}
	return ts
}

const (
	leadWater    = "市水利局"
	leadStats    = "市统计局"
	leadUrban    = "市城管局"
	leadIndustry = "市工业和信息化局"

	leadWaterEN    = "Water Resources Bureau"
	leadStatsEN    = "Statistics Bureau"
	leadUrbanEN    = "Urban Management Bureau"
	leadIndustryEN = "Industry and Information Technology Bureau"
)

// Annex returns the plan's annex table: the ten indicators with their targets for
// 2023..2027 and 2030 (values for 聊城市), in annex order. The result is a fresh
// copy the caller may modify.
//
// Directions: 1, 2, 3 and 7 are ceilings and 4, 6, 8, 9, 10 floors as the plan text
// states; indicator 5 (non-conventional use) appears only in the annex and is read
// as a floor (the plan widens non-conventional use).
func Annex() []Definition {
	defs := []Definition{
		{1, TotalUse, "用水总量", "Total water use", "亿立方米", "10^8 m3", Binding, Ceiling, true,
			targets(18.02, 18.8, 20.1, 20.1, 20, 20),
			[]string{leadWater}, []string{leadWaterEN}, AnnexSource},
		{2, WaterPerGDP, "万元GDP用水量", "Water use per 10^4 CNY of GDP", "立方米", "m3 per 10^4 CNY", Binding, Ceiling, false,
			targets(59.4, 54.3, 52.1, 49.9, 47.5, 41.3),
			[]string{leadWater, leadStats}, []string{leadWaterEN, leadStatsEN}, AnnexSource},
		{3, WaterPerIndustrialVA, "万元工业增加值用水量", "Water use per 10^4 CNY of industrial value added", "立方米", "m3 per 10^4 CNY", Binding, Ceiling, false,
			targets(20.3, 16, 15.7, 15.4, 14.9, 14.1),
			[]string{leadWater, leadStats}, []string{leadWaterEN, leadStatsEN}, AnnexSource},
		{4, IrrigationEfficiency, "农田灌溉水有效利用系数", "Farm irrigation water effective-use coefficient", "/", "dimensionless", Binding, Floor, false,
			targets(0.6374, 0.6380, 0.6386, 0.6393, 0.64, 0.642),
			[]string{leadWater}, []string{leadWaterEN}, AnnexSource},
		{5, UnconventionalUse, "非常规水利用量", "Non-conventional water use", "亿立方米", "10^8 m3", Binding, Floor, true,
			targets(0.96, 1.07, 1.1, 1.15, 1.2, 1.3),
			[]string{leadWater}, []string{leadWaterEN}, AnnexSource},
		{6, ReclaimedReuseRate, "城市污水再生利用率", "Urban sewage reclamation rate", "%", "%", Expected, Floor, false,
			targets(54, 54.5, 55, 55.5, 57, 58),
			[]string{leadUrban, leadWater}, []string{leadUrbanEN, leadWaterEN}, AnnexSource},
		{7, NetworkLeakageRate, "城镇公共供水管网漏损率", "Urban public supply-network leakage rate", "%", "%", Binding, Ceiling, false,
			targets(8.1, 8.0, 7.9, 7.8, 7.7, 7.5),
			[]string{leadUrban}, []string{leadUrbanEN}, AnnexSource},
		{8, IndustrialReuseRate, "规模以上工业用水重复利用率", "Water reuse rate of industry above designated size", "%", "%", Expected, Floor, false,
			targets(90, 91, 92, 93, 94, 97),
			[]string{leadWater, leadIndustry}, []string{leadWaterEN, leadIndustryEN}, AnnexSource},
		{9, ChemParkUnconventionalShare, "化工园区非常规水源配置率", "Non-conventional-source allocation rate of chemical parks", "%", "%", Expected, Floor, false,
			targets(23, 25, 28, 30, 35, 35),
			[]string{leadIndustry, leadWater}, []string{leadIndustryEN, leadWaterEN}, AnnexSource},
		{10, WWTPUpgradeRate, "城市污水处理厂提标改造完成率", "Completion rate of urban sewage-treatment-plant upgrades", "%", "%", Expected, Floor, false,
			targets(75, 81.25, 81.25, 81.25, 85, 90),
			[]string{leadUrban}, []string{leadUrbanEN}, AnnexSource},
	}
	return defs
}

// Lookup returns the annex definition of id.
func Lookup(id ID) (Definition, bool) {
	defs := Annex()
	i := slices.IndexFunc(defs, func(d Definition) bool { return d.ID == id })
	if i < 0 {
		return Definition{}, false
	}
	return defs[i], true
}
