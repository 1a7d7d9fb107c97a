package sishui

import (
	"context"
	"strings"
	"time"
)

// Monitoring point kinds.
const (
	PointWithdrawal  = "withdrawal"  // withdrawal meter at an intake 取水口计量
	PointRiver       = "river"       // river control section 控制断面
	PointWell        = "groundwater" // groundwater monitoring well 地下水监测井
	PointReservoir   = "reservoir"   // 水库
	PointRain        = "rain"        // rain gauge 雨量站
	PointReclaimed   = "reclaimed"   // reclaimed-water plant 再生水厂
	PointGeothermal  = "geothermal"  // geothermal well (extraction and reinjection) 地热井
	PointElectricity = "electricity" // farm well metered by electricity (以电折水)
)

// Terminal protocols.
const (
	ProtocolSL651  = "sl651"
	ProtocolSZY206 = "szy206"
	ProtocolHTTP   = "http"
	ProtocolMQTT   = "mqtt"
	ProtocolManual = "manual"
)

// PointKinds lists the valid point kinds.
var PointKinds = []string{PointWithdrawal, PointRiver, PointWell, PointReservoir, PointRain, PointReclaimed, PointGeothermal, PointElectricity}

// Point is a monitoring point: where a terminal (RTU) or a person reports values.
type Point struct {
	ID              int64     `json:"id"`
	Code            string    `json:"code"` // terminal address as the protocol spells it: SL651 station 10 hex digits, SZY206 address 10 hex digits
	Name            string    `json:"name"`
	Kind            string    `json:"kind"`
	Protocol        string    `json:"protocol"`
	Region          string    `json:"region"`
	Lon             float64   `json:"lon,omitempty"`
	Lat             float64   `json:"lat,omitempty"`
	PermitID        int64     `json:"permit_id,omitempty"`
	SectionID       int64     `json:"section_id,omitempty"`
	ZoneID          int64     `json:"zone_id,omitempty"`
	Source          string    `json:"source,omitempty"` // the source the point measures, when it meters a withdrawal
	Multiplier      float64   `json:"multiplier"`       // meter reading × multiplier = m³
	RolloverM3      float64   `json:"rollover_m3,omitempty"`
	IntervalSeconds int       `json:"interval_seconds"`       // expected reporting interval
	Password        string    `json:"-"`                      // terminal password, checked when set; never serialised
	AllowedNets     []string  `json:"allowed_nets,omitempty"` // source networks (CIDR) the terminal may report from; empty: any the gateway allows
	Retired         bool      `json:"retired"`
	Note            string    `json:"note,omitempty"`
	CreatedAt       time.Time `json:"created_at"`
	UpdatedAt       time.Time `json:"updated_at"`
}

// Validate checks the point's own fields.
func (p *Point) Validate() error {
	if !isHex(p.Code) || len(p.Code) < 2 || len(p.Code) > 20 {
		return Invalid("code", "must be the terminal address in 2–20 hex digits, got %q", p.Code)
	}
	if strings.TrimSpace(p.Name) == "" {
		return Invalid("name", "is required")
	}
	if err := firstErr(CheckName("name", p.Name), CheckNote("note", p.Note)); err != nil {
		return err
	}
	if p.Password != "" {
		if err := CheckTerminalPassword("password", p.Password); err != nil {
			return err
		}
	}
	if err := CheckAllowedNets("allowed_nets", p.AllowedNets); err != nil {
		return err
	}
	if !contains(PointKinds, p.Kind) {
		return Invalid("kind", "must be one of %s", strings.Join(PointKinds, ", "))
	}
	switch p.Protocol {
	case ProtocolSL651, ProtocolSZY206, ProtocolHTTP, ProtocolMQTT, ProtocolManual:
	default:
		return Invalid("protocol", "must be one of sl651, szy206, http, mqtt, manual")
	}
	if !isDigits(p.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if !(p.Multiplier > 0) || p.Multiplier > 1e6 {
		return Invalid("multiplier", "must be positive")
	}
	if p.RolloverM3 < 0 || p.RolloverM3 != p.RolloverM3 {
		return Invalid("rollover_m3", "must not be negative")
	}
	if p.IntervalSeconds < 60 || p.IntervalSeconds > 7*86400 {
		return Invalid("interval_seconds", "must be between 60 and 604800")
	}
	if p.Kind == PointWithdrawal && p.PermitID == 0 {
		return Invalid("permit_id", "a withdrawal meter must name its permit")
	}
	if p.Kind == PointRiver && p.SectionID == 0 {
		return Invalid("section_id", "a river point must name its control section")
	}
	if p.Source != "" && !isCode(p.Source) {
		return Invalid("source", "must be a source code")
	}
	return validateLonLat(p.Lon, p.Lat)
}

// PointFilter selects points.
type PointFilter struct {
	Region   string
	Kind     string
	Protocol string
	Code     string // exact terminal address (any protocol unless Protocol is set)
	PermitID int64
	UserID   int64 // points whose permit belongs to this water user
	Query    string
	Page
}

// Section is a river control section (控制断面) with its ecological base-flow target.
type Section struct {
	ID             int64   `json:"id"`
	Code           string  `json:"code"`
	Name           string  `json:"name"`
	River          string  `json:"river"`
	Region         string  `json:"region"`
	Lon            float64 `json:"lon,omitempty"`
	Lat            float64 `json:"lat,omitempty"`
	BaseFlowM3s    float64 `json:"base_flow_m3s"`    // 生态基流 target
	WarningFlowM3s float64 `json:"warning_flow_m3s"` // warn when flow falls below this (≥ base flow)
	Note           string  `json:"note,omitempty"`
}

// Validate checks the section's fields.
func (s *Section) Validate() error {
	if !isCode(strings.ToLower(s.Code)) {
		return Invalid("code", "must be letters, digits and _")
	}
	if err := firstErr(CheckName("name", s.Name), CheckName("river", s.River), CheckNote("note", s.Note)); err != nil {
		return err
	}
	if strings.TrimSpace(s.Name) == "" {
		return Invalid("name", "is required")
	}
	if strings.TrimSpace(s.River) == "" {
		return Invalid("river", "is required")
	}
	if !isDigits(s.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	if !(s.BaseFlowM3s >= 0) {
		return Invalid("base_flow_m3s", "must not be negative")
	}
	if !(s.WarningFlowM3s >= s.BaseFlowM3s) {
		return Invalid("warning_flow_m3s", "must be at least base_flow_m3s")
	}
	return validateLonLat(s.Lon, s.Lat)
}

// Groundwater zone kinds.
const (
	ZoneOverExtraction = "over_extraction" // 超采区
	ZoneNoExtraction   = "no_extraction"   // 禁采区
	ZoneLimited        = "limited"         // 限采区
	ZoneNormal         = "normal"
)

// Zone is a groundwater management zone with its extraction cap and level red line.
type Zone struct {
	ID            int64   `json:"id"`
	Code          string  `json:"code"`
	Name          string  `json:"name"`
	Region        string  `json:"region"`
	Kind          string  `json:"kind"`
	Layer         string  `json:"layer"` // shallow | deep
	AnnualCapM3   int64   `json:"annual_cap_m3"`
	RedLineDepthM float64 `json:"red_line_depth_m"` // depth to water beyond which the red line is crossed
	WarnDepthM    float64 `json:"warn_depth_m"`     // depth at which warnings start (≤ red line)
	Note          string  `json:"note,omitempty"`
}

// Validate checks the zone's fields.
func (z *Zone) Validate() error {
	if !isCode(strings.ToLower(z.Code)) {
		return Invalid("code", "must be letters, digits and _")
	}
	if err := firstErr(CheckName("name", z.Name), CheckNote("note", z.Note), CheckVolume("annual_cap_m3", z.AnnualCapM3)); err != nil {
		return err
	}
	if strings.TrimSpace(z.Name) == "" {
		return Invalid("name", "is required")
	}
	if !isDigits(z.Region, 6) {
		return Invalid("region", "must be a 6-digit region code")
	}
	switch z.Kind {
	case ZoneOverExtraction, ZoneNoExtraction, ZoneLimited, ZoneNormal:
	default:
		return Invalid("kind", "must be one of over_extraction, no_extraction, limited, normal")
	}
	if z.Layer != "shallow" && z.Layer != "deep" {
		return Invalid("layer", "must be shallow or deep")
	}
	if z.AnnualCapM3 < 0 {
		return Invalid("annual_cap_m3", "must not be negative")
	}
	if !(z.RedLineDepthM >= 0) {
		return Invalid("red_line_depth_m", "must not be negative")
	}
	if !(z.WarnDepthM >= 0 && z.WarnDepthM <= z.RedLineDepthM) {
		return Invalid("warn_depth_m", "must be between 0 and red_line_depth_m")
	}
	return nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return s != ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// AllPoints lists every point f selects (f.Page is ignored), page by page.
func AllPoints(ctx context.Context, st RegistryStore, f PointFilter) ([]*Point, error) {
	return AllPages(func(p Page) ([]*Point, int, error) {
		f.Page = p
		return st.ListPoints(ctx, f)
	})
}
