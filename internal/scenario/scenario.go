// Package scenario decodes the models' scenario files: YAML, or JSON read the
// way the same YAML would be, strictly (unknown fields are errors).
package scenario

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Decode decodes a YAML or JSON scenario into v. JSON object keys are always
// strings, but scenarios key maps by year or guarantee rate ({"75": 110});
// quoted keys that are integers are read as integers, as in YAML.
func Decode(data []byte, v any) error {
	if isJSON(data) {
		var err error
		if data, err = jsonAsYAML(data); err != nil {
			return err
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	return dec.Decode(v)
}

// ToJSON converts a YAML scenario to JSON (map keys become strings), as a
// client sending the scenario to the API would.
func ToJSON(src []byte) ([]byte, error) {
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		return nil, err
	}
	return json.Marshal(stringKeys(v))
}

func stringKeys(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = stringKeys(e)
		}
		return x
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[fmt.Sprint(k)] = stringKeys(e)
		}
		return m
	case []any:
		for i := range x {
			x[i] = stringKeys(x[i])
		}
	}
	return v
}

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

// Load reads a scenario from r, decodes it (Decode) and validates it;
// op prefixes read and decode errors, validation errors are returned as they are.
func Load[T any, PT interface {
	*T
	Validate() error
}](r io.Reader, op string) (*T, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: load scenario: %w", op, err)
	}
	var s T
	if err := Decode(data, &s); err != nil {
		return nil, fmt.Errorf("%s: load scenario: %w", op, err)
	}
	if err := PT(&s).Validate(); err != nil {
		return nil, err
	}
	return &s, nil
}
