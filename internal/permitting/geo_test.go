package permitting

import "testing"

func TestArea(t *testing.T) {
	// A square 115.9–116.1 × 36.4–36.6 with a hole 115.98–116.02 × 36.48–36.52,
	// and a second square in a MultiPolygon.
	fc := `{"type":"FeatureCollection","features":[
	 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[
	  [[115.9,36.4],[116.1,36.4],[116.1,36.6],[115.9,36.6],[115.9,36.4]],
	  [[115.98,36.48],[116.02,36.48],[116.02,36.52],[115.98,36.52],[115.98,36.48]]]}},
	 {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[116.5,36.0],[116.6,36.0],[116.6,36.1],[116.5,36.0]]]]}}]}`
	a, err := ParseArea([]byte(fc))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lon, lat float64
		want     bool
	}{
		{116.0, 36.45, true}, {116.0, 36.5, false}, {115.8, 36.5, false}, {116.59, 36.05, true}, {116.51, 36.09, false},
	} {
		if got := a.Contains(tc.lon, tc.lat); got != tc.want {
			t.Errorf("Contains(%v, %v) = %v", tc.lon, tc.lat, got)
		}
	}
	for name, bad := range map[string]string{
		"point":    `{"type":"Point","coordinates":[1,2]}`,
		"open":     `{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}`,
		"short":    `{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}`,
		"range":    `{"type":"Polygon","coordinates":[[[0,0],[200,0],[1,1],[0,0]]]}`,
		"not json": `{`,
		"empty":    `{"type":"FeatureCollection","features":[]}`,
	} {
		if _, err := ParseArea([]byte(bad)); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
}
