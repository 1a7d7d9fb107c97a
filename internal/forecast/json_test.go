package forecast

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"testing"

	"github.com/sishui/sishui/internal/scenario"
)

func yamlToJSON(t *testing.T, src []byte) []byte {
	t.Helper()
	b, err := scenario.ToJSON(src)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestJSONScenario reads the demo scenario as JSON (integer map keys quoted,
// as JSON has them) and gets the same result, which itself encodes as JSON.
func TestJSONScenario(t *testing.T) {
	src, err := os.ReadFile("../../data/liaocheng/models/forecast.yaml")
	if err != nil {
		t.Fatal(err)
	}
	js := yamlToJSON(t, src)
	if !bytes.Contains(js, []byte(`"75":`)) {
		t.Fatalf("the JSON form has no quoted integer key: %.300s", js)
	}
	fromYAML, err := LoadScenario(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := LoadScenario(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Run(fromYAML)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Run(fromJSON)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Cells, b.Cells) {
		t.Error("JSON and YAML scenarios give different results")
	}
	out, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	cells, _ := back["cells"].([]any)
	if len(cells) != len(b.Cells) {
		t.Fatalf("JSON has %d cells, want %d", len(cells), len(b.Cells))
	}
	if _, ok := cells[0].(map[string]any)["region"]; !ok {
		t.Errorf("cell fields are not snake_case: %v", cells[0])
	}
}

func TestComparisonJSON(t *testing.T) {
	tests := []struct {
		name    string
		c       Comparison
		want    []string
		notWant string
	}{
		{"undefined ratios are null", Comparison{Region: "r", RelDiff: math.NaN(), Fit: Line{R2: math.NaN()}},
			[]string{`"rel_diff":null`, `"r2":null`, `"region":"r"`}, "NaN"},
		{"finite ratios are numbers", Comparison{RelDiff: 0.25, Fit: Line{R2: 0.5, N: 4}},
			[]string{`"rel_diff":0.25`, `"r2":0.5`, `"n":4`}, "null"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.c)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !bytes.Contains(b, []byte(w)) {
					t.Errorf("%s lacks %s", b, w)
				}
			}
			if bytes.Contains(b, []byte(tt.notWant)) {
				t.Errorf("%s contains %s", b, tt.notWant)
			}
			if bytes.Count(b, []byte(`"rel_diff"`)) != 1 {
				t.Errorf("rel_diff written twice: %s", b)
			}
		})
	}
}
