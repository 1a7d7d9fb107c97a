package permitting

import "fmt"

// Decision levels.
const (
	LevelProvince = "province"
	LevelCity     = "city"
)

// LevelRule says which level of government decides a permit
// (《山东省水资源条例》 art. 44; DOMAIN.md §4.1). It is data: a province that
// changes its thresholds changes the rule, not the code.
type LevelRule struct {
	SurfaceM3            int64 `json:"surface_m3" yaml:"surface_m3"`                         // ≥ this surface water → province
	GroundwaterM3        int64 `json:"groundwater_m3" yaml:"groundwater_m3"`                 // ≥ this groundwater → province
	LimitedGroundwaterM3 int64 `json:"limited_groundwater_m3" yaml:"limited_groundwater_m3"` // ≥ this groundwater in a 限采区 → province
	GeothermalProvince   bool  `json:"geothermal_province" yaml:"geothermal_province"`
	Verified             bool  `json:"verified" yaml:"verified"`
}

// DefaultLevelRule is Shandong's art. 44 (verified in DOMAIN.md §4.1).
func DefaultLevelRule() LevelRule {
	return LevelRule{SurfaceM3: 15_000_000, GroundwaterM3: 5_000_000, LimitedGroundwaterM3: 50_000, GeothermalProvince: true, Verified: true}
}

// LevelInput describes the taking as far as the level rule needs it.
type LevelInput struct {
	AnnualM3     int64
	Groundwater  bool
	Geothermal   bool
	LimitedZone  bool // the intake lies in a 限采区
	BorderWaters bool // a river, lake or reservoir on the border of two prefecture-level cities
}

// Level returns the deciding level and the reason naming the rule and its numbers.
func (r LevelRule) Level(in LevelInput) (string, string) {
	switch {
	case in.BorderWaters:
		return LevelProvince, "border waters between prefecture-level cities (山东省水资源条例 art. 44)"
	case in.Geothermal && r.GeothermalProvince:
		return LevelProvince, "geothermal water (山东省水资源条例 art. 44)"
	case in.Groundwater && in.LimitedZone && r.LimitedGroundwaterM3 > 0 && in.AnnualM3 >= r.LimitedGroundwaterM3:
		return LevelProvince, fmt.Sprintf("groundwater in a 限采区: %d m³/yr ≥ %d m³/yr (山东省水资源条例 art. 44)", in.AnnualM3, r.LimitedGroundwaterM3)
	case in.Groundwater && r.GroundwaterM3 > 0 && in.AnnualM3 >= r.GroundwaterM3:
		return LevelProvince, fmt.Sprintf("groundwater %d m³/yr ≥ %d m³/yr (山东省水资源条例 art. 44)", in.AnnualM3, r.GroundwaterM3)
	case !in.Groundwater && r.SurfaceM3 > 0 && in.AnnualM3 >= r.SurfaceM3:
		return LevelProvince, fmt.Sprintf("surface water %d m³/yr ≥ %d m³/yr (山东省水资源条例 art. 44)", in.AnnualM3, r.SurfaceM3)
	}
	return LevelCity, "below the province's thresholds: the city decides"
}
