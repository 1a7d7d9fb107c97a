package scenario

import (
	"bytes"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	type doc struct {
		Name  string          `yaml:"name"`
		ByPct map[int]float64 `yaml:"by_pct"`
	}
	yml := []byte("name: x\nby_pct: {50: 1.5, 95: 0.5}\n")
	js, err := ToJSON(yml)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte(`"95":`)) {
		t.Fatalf("JSON form %s has no quoted integer key", js)
	}
	for _, tc := range []struct {
		name string
		in   []byte
		err  string
	}{
		{"yaml", yml, ""},
		{"json with quoted integer keys", js, ""},
		{"unknown field", []byte("name: x\ncolour: red\n"), "colour"},
		{"unknown JSON field", []byte(`{"name": "x", "colour": "red"}`), "colour"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d doc
			err := Decode(tc.in, &d)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || d.Name != "x" || d.ByPct[95] != 0.5 || d.ByPct[50] != 1.5 {
				t.Fatalf("decoded %+v, %v", d, err)
			}
		})
	}
}
