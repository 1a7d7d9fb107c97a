package forecast

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"gopkg.in/yaml.v3"
)

// finite returns v, or nil when it is NaN or infinite (JSON has no NaN).
func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// MarshalJSON writes the comparison with rel_diff null when the trend is not
// positive.
func (c Comparison) MarshalJSON() ([]byte, error) {
	type plain Comparison
	return json.Marshal(struct {
		plain
		RelDiff *float64 `json:"rel_diff"`
	}{plain(c), finite(c.RelDiff)})
}

// MarshalJSON writes the fit with r2 null when it is undefined.
func (l Line) MarshalJSON() ([]byte, error) {
	type plain Line
	return json.Marshal(struct {
		plain
		R2 *float64 `json:"r2"`
	}{plain(l), finite(l.R2)})
}

// jsonAsYAML rewrites a JSON document so that YAML decoding treats it as it
// would the same YAML: object keys are strings in JSON, but the scenario's
// maps keyed by year or guarantee rate (e.g. {"75": 110}) need integer keys,
// so quoted keys that are integers lose their quotes.
func jsonAsYAML(data []byte) ([]byte, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, err
	}
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if _, err := strconv.Atoi(k.Value); err == nil && k.Kind == yaml.ScalarNode {
					k.Style, k.Tag = 0, "!!int"
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&n)
	out, err := yaml.Marshal(&n)
	if err != nil {
		return nil, fmt.Errorf("re-encode: %w", err)
	}
	return out, nil
}

func isJSON(data []byte) bool { return bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) }
