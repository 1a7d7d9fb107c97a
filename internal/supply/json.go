package supply

import (
	"bytes"
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"
)

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
