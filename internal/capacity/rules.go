package capacity

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// RuleVersion is one version of the grading rules for a city or a county,
// in force from EffectiveFrom. Its Bands are fields of Config laid over the
// broader rule (DefaultConfig, then the city's, then the county's): fields
// absent keep the broader value.
type RuleVersion struct {
	Region        string    // city or county code
	EffectiveFrom time.Time // first day it applies (UTC midnight)
	Verified      bool      // checked against the official text
	Source        string    // the document the numbers come from
	// DeepConfinedZone, when set, says whether the region counts as a deep
	// confined over-extraction zone, over what the groundwater-zone
	// register says.
	DeepConfinedZone *bool
	bands            yaml.Node
}

// Rules are the versions of the grading rules (a rules file).
type Rules struct {
	Versions []RuleVersion
}

type ruleRow struct {
	Region           string    `yaml:"region"`
	EffectiveFrom    string    `yaml:"effective_from"`
	Verified         bool      `yaml:"verified"`
	Source           string    `yaml:"source"`
	DeepConfinedZone *bool     `yaml:"deep_confined_zone"`
	Bands            yaml.Node `yaml:"bands"`
}

// LoadRules reads a rules file: a YAML list of versions
//
//   - region: "371500"            # city or county code (6 digits)
//     effective_from: "2016-01-01"
//     verified: false             # false until checked against the official text
//     source: 大纲2016 (recalled)
//     deep_confined_zone: true     # optional: the region is (not) a deep confined over-extraction zone
//     bands: {level: {…}, …}        # optional: fields of Config over the broader rule
//
// Every version is checked laid over DefaultConfig; a bad row is an error
// naming its item number and field.
func LoadRules(r io.Reader) (*Rules, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("capacity: rules: %w", err)
	}
	var rows []ruleRow
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&rows); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("capacity: rules: %w", err)
	}
	out := &Rules{}
	seen := map[string]bool{}
	for i, row := range rows {
		at := func(field, format string, args ...any) error {
			return fmt.Errorf("capacity: rules: item %d: %s: %s", i+1, field, fmt.Sprintf(format, args...))
		}
		if len(row.Region) != 6 || strings.Trim(row.Region, "0123456789") != "" {
			return nil, at("region", "must be a 6-digit region code, got %q", row.Region)
		}
		from, err := time.Parse("2006-01-02", row.EffectiveFrom)
		if err != nil {
			return nil, at("effective_from", "must be yyyy-mm-dd, got %q", row.EffectiveFrom)
		}
		if key := row.Region + " " + row.EffectiveFrom; seen[key] {
			return nil, at("effective_from", "a second version for %s from %s", row.Region, row.EffectiveFrom)
		} else {
			seen[key] = true
		}
		if strings.TrimSpace(row.Source) == "" {
			return nil, at("source", "is required")
		}
		v := RuleVersion{Region: row.Region, EffectiveFrom: from, Verified: row.Verified, Source: row.Source,
			DeepConfinedZone: row.DeepConfinedZone, bands: row.Bands}
		c := DefaultConfig()
		if err := v.over(&c); err != nil {
			return nil, at("bands", "%v", err)
		}
		if err := c.Validate(); err != nil {
			return nil, at("bands", "%v", err)
		}
		out.Versions = append(out.Versions, v)
	}
	return out, nil
}

// over lays the version's bands over c.
func (v RuleVersion) over(c *Config) error {
	if v.bands.Kind == 0 {
		return nil
	}
	if v.bands.Kind != yaml.MappingNode {
		return fmt.Errorf("must be a mapping")
	}
	// Decode through bytes so that unknown fields are errors.
	b, err := yaml.Marshal(&v.bands)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	return dec.Decode(c)
}

// Applied is the configuration in force for a region on a day, with the
// versions it was built from.
type Applied struct {
	Config Config
	// DeepConfinedZone is the most specific version's zone setting (nil when
	// no version sets it).
	DeepConfinedZone *bool
	Versions         []RuleVersion // broadest first
	Verified         bool          // every version used is verified
}

// Describe names the versions used, e.g. "371500 from 2016-01-01
// (unverified)", with their sources when sources is true.
func (a Applied) Describe(sources bool) string {
	var parts []string
	for _, v := range a.Versions {
		ver := "unverified"
		if v.Verified {
			ver = "verified"
		}
		p := fmt.Sprintf("%s from %s (%s)", v.Region, v.EffectiveFrom.Format("2006-01-02"), ver)
		if sources {
			p += ": " + v.Source
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return "defaults (unverified)"
	}
	return strings.Join(parts, "; ")
}

// For returns the rules in force on day at for a region, given its chain of
// regions from the broadest (city) to the most specific (county): for each
// region in turn, the latest version not after at is laid over the
// configuration so far, starting from DefaultConfig.
func (rs *Rules) For(chain []string, at time.Time) (Applied, error) {
	a := Applied{Config: DefaultConfig(), Verified: true}
	for _, region := range chain {
		var best *RuleVersion
		for i := range rs.Versions {
			v := &rs.Versions[i]
			if v.Region != region || v.EffectiveFrom.After(at) {
				continue
			}
			if best == nil || v.EffectiveFrom.After(best.EffectiveFrom) {
				best = v
			}
		}
		if best == nil {
			continue
		}
		if err := best.over(&a.Config); err != nil {
			return Applied{}, fmt.Errorf("capacity: rules %s from %s: %w", best.Region, best.EffectiveFrom.Format("2006-01-02"), err)
		}
		if best.DeepConfinedZone != nil {
			a.DeepConfinedZone = best.DeepConfinedZone
		}
		a.Versions = append(a.Versions, *best)
		a.Verified = a.Verified && best.Verified
	}
	if len(a.Versions) == 0 {
		a.Verified = false // DefaultConfig alone: recalled, unverified
	}
	if err := a.Config.Validate(); err != nil {
		return Applied{}, err
	}
	return a, nil
}
