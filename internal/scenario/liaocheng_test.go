package scenario_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/sishui/sishui/internal/forecast"
	"github.com/sishui/sishui/internal/scenario"
	"github.com/sishui/sishui/internal/supply"
)

// TestJSONScenarios reads each Liaocheng demo scenario as JSON (integer map
// keys quoted, as JSON has them) and gets the same result as from the YAML,
// which itself encodes as JSON with snake_case cells.
func TestJSONScenarios(t *testing.T) {
	for _, tc := range []struct {
		file string
		run  func(t *testing.T, src []byte) (cells any, n int, out []byte)
	}{
		{"forecast.yaml", func(t *testing.T, src []byte) (any, int, []byte) {
			s, err := forecast.LoadScenario(bytes.NewReader(src))
			if err != nil {
				t.Fatal(err)
			}
			r, err := forecast.Run(s)
			if err != nil {
				t.Fatal(err)
			}
			out, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			return r.Cells, len(r.Cells), out
		}},
		{"supply.yaml", func(t *testing.T, src []byte) (any, int, []byte) {
			s, err := supply.LoadScenario(bytes.NewReader(src))
			if err != nil {
				t.Fatal(err)
			}
			r, err := supply.Run(s)
			if err != nil {
				t.Fatal(err)
			}
			out, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			return r.Cells, len(r.Cells), out
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile("../../data/liaocheng/models/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			js, err := scenario.ToJSON(src)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(js, []byte(`"75":`)) {
				t.Fatalf("the JSON form has no quoted integer key: %.300s", js)
			}
			fromYAML, _, _ := tc.run(t, src)
			fromJSON, n, out := tc.run(t, js)
			if !reflect.DeepEqual(fromYAML, fromJSON) {
				t.Error("JSON and YAML scenarios give different results")
			}
			var back map[string]any
			if err := json.Unmarshal(out, &back); err != nil {
				t.Fatal(err)
			}
			cells, _ := back["cells"].([]any)
			if len(cells) != n {
				t.Fatalf("JSON has %d cells, want %d", len(cells), n)
			}
			if _, ok := cells[0].(map[string]any)["region"]; !ok {
				t.Errorf("cell fields are not snake_case: %v", cells[0])
			}
		})
	}
}
