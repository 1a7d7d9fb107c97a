package gateway

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sishui/sishui"
)

// ParseVendorMapping reads the per-vendor mapping of SL 651 extension
// identifiers from YAML, identifier (hex, e.g. "80" or "FF0A") to metric name:
//
//	sl651:
//	  "80": volume_m3    # vendor X's cumulative withdrawal volume
//	  "FF0A": energy_kwh
func ParseVendorMapping(b []byte) (Mapping, error) {
	var f struct {
		SL651 map[string]string `yaml:"sl651"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return Mapping{}, fmt.Errorf("gateway: vendor mapping: %w", err)
	}
	m := Mapping{SL651Vendor: map[uint16]sishui.Metric{}}
	for id, name := range f.SL651 {
		code, err := strconv.ParseUint(strings.TrimSuffix(strings.ToUpper(id), "H"), 16, 16)
		if err != nil || !(code >= 0x76 && code <= 0xEF || code >= 0xFF00) {
			return Mapping{}, fmt.Errorf("gateway: vendor mapping: sl651.%s: not an extension identifier (76H–EFH or FFxxH)", id)
		}
		met, ok := sishui.ParseMetric(name)
		if !ok {
			return Mapping{}, fmt.Errorf("gateway: vendor mapping: sl651.%s: unknown metric %q", id, name)
		}
		m.SL651Vendor[uint16(code)] = met
	}
	return m, nil
}
