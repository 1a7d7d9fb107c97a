package permitting

import (
	"encoding/json"
	"fmt"
)

// Area is a parsed GeoJSON area: one or more polygons, each an outer ring
// and holes, in lon/lat.
type Area struct {
	polygons [][][][2]float64
}

type geometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
	Geometry    *geometry       `json:"geometry"` // Feature
	Features    []geometry      `json:"features"` // FeatureCollection
}

// ParseArea parses a GeoJSON Polygon, MultiPolygon, Feature or
// FeatureCollection of those.
func ParseArea(b []byte) (*Area, error) {
	var g geometry
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("geojson: %w", err)
	}
	var a Area
	if err := a.add(&g); err != nil {
		return nil, err
	}
	if len(a.polygons) == 0 {
		return nil, fmt.Errorf("geojson: no polygon")
	}
	return &a, nil
}

func (a *Area) add(g *geometry) error {
	switch g.Type {
	case "Polygon":
		var p [][][2]float64
		if err := json.Unmarshal(g.Coordinates, &p); err != nil {
			return fmt.Errorf("geojson: Polygon coordinates: %w", err)
		}
		return a.polygon(p)
	case "MultiPolygon":
		var mp [][][][2]float64
		if err := json.Unmarshal(g.Coordinates, &mp); err != nil {
			return fmt.Errorf("geojson: MultiPolygon coordinates: %w", err)
		}
		for _, p := range mp {
			if err := a.polygon(p); err != nil {
				return err
			}
		}
		return nil
	case "Feature":
		if g.Geometry == nil {
			return fmt.Errorf("geojson: Feature without geometry")
		}
		return a.add(g.Geometry)
	case "FeatureCollection":
		for i := range g.Features {
			if err := a.add(&g.Features[i]); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("geojson: type %q is not an area (want Polygon, MultiPolygon, Feature or FeatureCollection)", g.Type)
}

func (a *Area) polygon(p [][][2]float64) error {
	if len(p) == 0 {
		return fmt.Errorf("geojson: polygon without rings")
	}
	for i, ring := range p {
		if len(ring) < 4 {
			return fmt.Errorf("geojson: ring %d has %d positions, want at least 4", i, len(ring))
		}
		if ring[0] != ring[len(ring)-1] {
			return fmt.Errorf("geojson: ring %d is not closed", i)
		}
		for _, pt := range ring {
			if pt[0] < -180 || pt[0] > 180 || pt[1] < -90 || pt[1] > 90 {
				return fmt.Errorf("geojson: ring %d: position %v outside lon/lat range", i, pt)
			}
		}
	}
	a.polygons = append(a.polygons, p)
	return nil
}

// Contains reports whether the point (lon, lat) lies inside the area: inside
// an outer ring and outside its holes (even-odd rule; a point on an edge may
// fall either way).
func (a *Area) Contains(lon, lat float64) bool {
	for _, p := range a.polygons {
		if inRing(p[0], lon, lat) {
			hole := false
			for _, h := range p[1:] {
				if inRing(h, lon, lat) {
					hole = true
					break
				}
			}
			if !hole {
				return true
			}
		}
	}
	return false
}

func inRing(ring [][2]float64, x, y float64) bool {
	in := false
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		xi, yi, xj, yj := ring[i][0], ring[i][1], ring[j][0], ring[j][1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}
