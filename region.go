package sishui

import (
	"strings"
	"time"
)

// Region levels.
const (
	LevelProvince = "province"
	LevelCity     = "city"
	LevelCounty   = "county" // county-level unit: 区, 县, 县级市
	LevelZone     = "zone"   // functional zone (开发区, 高新区, 度假区) reported as a statistical unit inside a host county
)

// Region is an administrative or statistical unit identified by its GB/T 2260 code.
// Functional zones have no GB/T 2260 code; they carry the statistical code the
// city uses and name their host county in Host, whose totals fold them in.
type Region struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	NameEN string `json:"name_en,omitempty"`
	Level  string `json:"level"`
	Parent string `json:"parent,omitempty"`
	Host   string `json:"host,omitempty"`
	Note   string `json:"note,omitempty"`
}

// Validate checks the region's own fields.
func (r *Region) Validate() error {
	if !isDigits(r.Code, 6) {
		return Invalid("code", "must be a 6-digit GB/T 2260 code, got %q", r.Code)
	}
	if strings.TrimSpace(r.Name) == "" {
		return Invalid("name", "is required")
	}
	if err := firstErr(CheckName("name", r.Name), CheckName("name_en", r.NameEN), CheckNote("note", r.Note)); err != nil {
		return err
	}
	switch r.Level {
	case LevelProvince, LevelCity, LevelCounty:
		if r.Host != "" {
			return Invalid("host", "only functional zones have a host county")
		}
	case LevelZone:
		if r.Host == "" {
			return Invalid("host", "a functional zone must name its host county")
		}
	default:
		return Invalid("level", "must be one of province, city, county, zone")
	}
	if r.Parent != "" && !isDigits(r.Parent, 6) {
		return Invalid("parent", "must be a 6-digit code")
	}
	if r.Parent == r.Code {
		return Invalid("parent", "a region cannot be its own parent")
	}
	return nil
}

// RegionFilter selects regions.
type RegionFilter struct {
	Parent string
	Level  string
}

// Source kinds (水源). Conventional sources first.
const (
	SourceYellowRiver    = "yellow_river"   // 引黄水
	SourceYangtze        = "yangtze"        // 引江水 (南水北调东线)
	SourceSurface        = "surface"        // local surface water 当地地表水
	SourceGroundShallow  = "ground_shallow" // shallow groundwater 浅层地下水
	SourceGroundDeep     = "ground_deep"    // deep groundwater 深层地下水
	SourceReclaimed      = "reclaimed"      // 再生水
	SourceStormwater     = "stormwater"     // 雨洪水
	SourceUnconventional = "unconventional" // other non-conventional (brackish, mine water …)
)

// Source is a kind of water the plan allocates (五水统筹).
type Source struct {
	Code           string `json:"code"`
	Name           string `json:"name"`
	NameEN         string `json:"name_en,omitempty"`
	Groundwater    bool   `json:"groundwater"`
	Unconventional bool   `json:"unconventional"`
}

// Validate checks the source's fields.
func (s *Source) Validate() error {
	if !isCode(s.Code) {
		return Invalid("code", "must be lower-case letters, digits and _, got %q", s.Code)
	}
	if strings.TrimSpace(s.Name) == "" {
		return Invalid("name", "is required")
	}
	if err := firstErr(CheckName("name", s.Name), CheckName("name_en", s.NameEN)); err != nil {
		return err
	}
	if s.Groundwater && s.Unconventional {
		return Invalid("unconventional", "a groundwater source is conventional")
	}
	return nil
}

// Sector groups used by the plan's indicators.
const (
	GroupDomestic    = "domestic"
	GroupIndustry    = "industry"
	GroupAgriculture = "agriculture"
	GroupEcology     = "ecology"
	GroupPublic      = "public"
)

// Sector is a use of water (用水行业).
type Sector struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	NameEN string `json:"name_en,omitempty"`
	Group  string `json:"group"`
}

// Validate checks the sector's fields.
func (s *Sector) Validate() error {
	if !isCode(s.Code) {
		return Invalid("code", "must be lower-case letters, digits and _, got %q", s.Code)
	}
	if strings.TrimSpace(s.Name) == "" {
		return Invalid("name", "is required")
	}
	if err := firstErr(CheckName("name", s.Name), CheckName("name_en", s.NameEN)); err != nil {
		return err
	}
	switch s.Group {
	case GroupDomestic, GroupIndustry, GroupAgriculture, GroupEcology, GroupPublic:
	default:
		return Invalid("group", "must be one of domestic, industry, agriculture, ecology, public")
	}
	return nil
}

// RegionCap is a region's annual total-use cap (用水总量控制指标) and its groundwater
// extraction cap (地下水取水总量指标), in whole m³.
type RegionCap struct {
	Region        string `json:"region"`
	Year          int    `json:"year"`
	TotalM3       int64  `json:"total_m3"`
	GroundwaterM3 int64  `json:"groundwater_m3"`
	Note          string `json:"note,omitempty"`
}

// Validate checks the cap's fields.
func (c *RegionCap) Validate() error {
	if !isDigits(c.Region, 6) {
		return Invalid("region", "must be a 6-digit code")
	}
	if c.Year < 1990 || c.Year > 2100 {
		return Invalid("year", "must be between 1990 and 2100")
	}
	if c.TotalM3 <= 0 {
		return Invalid("total_m3", "must be positive")
	}
	if c.GroundwaterM3 < 0 || c.GroundwaterM3 > c.TotalM3 {
		return Invalid("groundwater_m3", "must be between 0 and total_m3")
	}
	return firstErr(CheckVolume("total_m3", c.TotalM3), CheckNote("note", c.Note))
}

// BeijingTime is the fixed UTC+8 zone of terminal clocks and of what people see.
var BeijingTime = time.FixedZone("CST", 8*3600)

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isCode(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
