package forecast

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

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
