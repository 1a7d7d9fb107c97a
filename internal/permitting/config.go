package permitting

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"
)

// Config is a city's configuration of the permit process's rules: the 限批
// switches, which level decides, and the proposed cap cut for missed
// intensity targets. Fields left out keep their defaults.
type Config struct {
	Limits Rules     `yaml:"limits"`
	Levels LevelRule `yaml:"levels"`
	// CapReductionBasisPoints cuts next year's cap of a region that missed its
	// intensity targets by this many 1/10000 (0: flag only, the default).
	CapReductionBasisPoints int64 `yaml:"cap_reduction_basis_points"`
	// CapReductionIndicators are the intensity targets whose miss last year
	// proposes the cut (《山东省水资源条例》 arts. 39–40: water per 万元 GDP, per
	// 万元 industrial value added, the irrigation coefficient).
	CapReductionIndicators []string `yaml:"cap_reduction_indicators"`
	// Metering: which permits must be metered online (national thresholds by
	// default; Shandong's law says 10万 m³ groundwater: DOMAIN.md §4.2).
	Metering MeteringThresholds `yaml:"metering"`
	// Compliance: when a terminal counts as silent and data as incomplete
	// (no authoritative source: unverified proposals).
	Compliance ComplianceRule `yaml:"compliance"`
}

// MeteringThresholds are the annual volumes from which a permit must be
// metered online (sishui.MeteringRule).
type MeteringThresholds struct {
	GroundwaterM3 int64 `yaml:"groundwater_m3"`
	SurfaceM3     int64 `yaml:"surface_m3"`
}

// DefaultCapReductionIndicators are the intensity targets of arts. 39–40.
var DefaultCapReductionIndicators = []string{"water_per_gdp", "water_per_industrial_va", "irrigation_efficiency"}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{Limits: DefaultRules(), Levels: DefaultLevelRule(),
		CapReductionIndicators: append([]string(nil), DefaultCapReductionIndicators...),
		Metering:               MeteringThresholds{GroundwaterM3: 50_000, SurfaceM3: 500_000},
		Compliance:             DefaultComplianceRule()}
}

// ParseConfig reads a YAML configuration over the defaults; unknown keys and
// negative thresholds are errors.
func ParseConfig(b []byte) (Config, error) {
	c := DefaultConfig()
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return c, fmt.Errorf("permit rules: %w", err)
	}
	switch {
	case c.Levels.SurfaceM3 < 0, c.Levels.GroundwaterM3 < 0, c.Levels.LimitedGroundwaterM3 < 0:
		return c, fmt.Errorf("permit rules: levels: thresholds must not be negative")
	case c.CapReductionBasisPoints < 0 || c.CapReductionBasisPoints > 10000:
		return c, fmt.Errorf("permit rules: cap_reduction_basis_points must be between 0 and 10000")
	case c.Metering.GroundwaterM3 <= 0 || c.Metering.SurfaceM3 <= 0:
		return c, fmt.Errorf("permit rules: metering: thresholds must be positive")
	case c.Compliance.SilentAfter <= 0:
		return c, fmt.Errorf("permit rules: compliance: silent_after must be positive (e.g. 48h)")
	case c.Compliance.MinCompleteness < 0 || c.Compliance.MinCompleteness > 1:
		return c, fmt.Errorf("permit rules: compliance: min_completeness must be between 0 and 1")
	}
	return c, nil
}
