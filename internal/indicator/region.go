package indicator

import (
	"fmt"
	"slices"
)

// RegionKind classifies a node of the region tree.
type RegionKind string

const (
	City   RegionKind = "city"
	County RegionKind = "county" // 县(市、区)
	Zone   RegionKind = "zone"   // functional zone (开发区, 高新区, 度假区), folded into a host county
)

// Region is one node of the region tree. Parent is empty for the root.
type Region struct {
	ID     string
	Name   string
	Kind   RegionKind
	Parent string
}

// Hierarchy is a region tree: city → counties, and functional zones under the
// county that hosts them in statistics, so that a county's total includes its
// zones and the city's total counts every record exactly once.
type Hierarchy struct {
	regions   map[string]Region
	ancestors map[string][]string // id → id, parent, grandparent, ...
}

// NewHierarchy checks the tree (unique ids, known parents, no cycles) and returns it.
func NewHierarchy(regions []Region) (*Hierarchy, error) {
	h := &Hierarchy{regions: make(map[string]Region, len(regions)), ancestors: make(map[string][]string, len(regions))}
	for _, r := range regions {
		if r.ID == "" {
			return nil, fmt.Errorf("indicator: hierarchy: empty region id: %w", ErrInvalidInput)
		}
		if _, dup := h.regions[r.ID]; dup {
			return nil, fmt.Errorf("indicator: hierarchy: duplicate region %q: %w", r.ID, ErrInvalidInput)
		}
		h.regions[r.ID] = r
	}
	for _, r := range regions {
		chain := []string{r.ID}
		for p := r.Parent; p != ""; p = h.regions[p].Parent {
			if _, ok := h.regions[p]; !ok {
				return nil, fmt.Errorf("indicator: hierarchy: region %q: parent %q: %w", r.ID, p, ErrUnknownRegion)
			}
			if contains(chain, p) {
				return nil, fmt.Errorf("indicator: hierarchy: cycle through %q: %w", p, ErrInvalidInput)
			}
			chain = append(chain, p)
		}
		h.ancestors[r.ID] = chain
	}
	return h, nil
}

// Has reports whether id is in the tree.
func (h *Hierarchy) Has(id string) bool { _, ok := h.regions[id]; return ok }

// Region returns the node id.
func (h *Hierarchy) Region(id string) (Region, bool) { r, ok := h.regions[id]; return r, ok }

// Within reports whether id is ancestor or one of its descendants.
func (h *Hierarchy) Within(id, ancestor string) bool {
	return contains(h.ancestors[id], ancestor)
}

// Children returns the direct children of id, sorted by id.
func (h *Hierarchy) Children(id string) []string {
	var out []string
	for _, r := range h.regions {
		if r.Parent == id {
			out = append(out, r.ID)
		}
	}
	slices.Sort(out)
	return out
}
