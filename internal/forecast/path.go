package forecast

import (
	"fmt"
	"math"
	"sort"

	"gopkg.in/yaml.v3"
)

// Path is a quantity that changes over the years: values given at some years,
// straight lines between them, the first value held before the first year, and
// compound growth at GrowthPerYear (a fraction, -0.01 = −1 % a year) after the
// last year. In YAML a path is either a bare number (constant) or
//
//	{values: {2023: 20.3, 2027: 14.9, 2030: 14.1}, growth_per_year: -0.01}
type Path struct {
	Values        map[int]float64 `yaml:"values"`
	GrowthPerYear float64         `yaml:"growth_per_year"`
}

// Const returns a path with the same value in every year.
func Const(v float64) Path { return Path{Values: map[int]float64{0: v}} }

// UnmarshalYAML accepts a bare number or a mapping.
func (p *Path) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		var v float64
		if err := n.Decode(&v); err != nil {
			return err
		}
		*p = Const(v)
		return nil
	}
	type plain Path
	var q plain
	if err := n.Decode(&q); err != nil {
		return err
	}
	*p = Path(q)
	return nil
}

// IsZero reports whether the path has no values.
func (p Path) IsZero() bool { return len(p.Values) == 0 }

// years returns the given years in order.
func (p Path) years() []int {
	ys := make([]int, 0, len(p.Values))
	for y := range p.Values {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// At returns the value in year y. An empty path is 0 everywhere. It scans
// the map once and allocates nothing.
func (p Path) At(y int) float64 {
	if len(p.Values) == 0 {
		return 0
	}
	first, last := math.MaxInt, math.MinInt
	lo, hi := math.MinInt, math.MaxInt // nearest given years ≤ y and ≥ y
	for k := range p.Values {
		first, last = min(first, k), max(last, k)
		if k <= y {
			lo = max(lo, k)
		}
		if k >= y {
			hi = min(hi, k)
		}
	}
	switch {
	case y <= first:
		return p.Values[first]
	case y >= last:
		return p.Values[last] * math.Pow(1+p.GrowthPerYear, float64(y-last))
	case lo == hi:
		return p.Values[y]
	}
	v0, v1 := p.Values[lo], p.Values[hi]
	return v0 + (v1-v0)*float64(y-lo)/float64(hi-lo)
}

// check reports the first problem with the path's numbers: NaN/Inf, a value
// outside [lo, hi], or growth at or below −100 %.
func (p Path) check(lo, hi float64) error {
	if p.GrowthPerYear <= -1 || math.IsNaN(p.GrowthPerYear) || math.IsInf(p.GrowthPerYear, 0) {
		return fmt.Errorf("growth_per_year %v must be a finite fraction above -1", p.GrowthPerYear)
	}
	for _, y := range p.years() {
		v := p.Values[y]
		if math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi {
			return fmt.Errorf("value %v for year %d outside [%v, %v]", v, y, lo, hi)
		}
	}
	return nil
}
