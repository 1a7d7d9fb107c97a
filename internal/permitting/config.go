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
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{Limits: DefaultRules(), Levels: DefaultLevelRule()}
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
	}
	return c, nil
}
