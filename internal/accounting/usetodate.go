package accounting

import (
	"context"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/indicator"
)

// What the warning service (internal/alerting) reads of the accounting: the
// regions' use year to date, which points count as use, and the region tree.

// RegionUse is a region's use in a calendar year through a day and projected
// to the year's end (m³), in total and from groundwater sources.
type RegionUse struct {
	UseM3, ProjectedM3                    float64
	GroundwaterM3, GroundwaterProjectedM3 float64
}

// UseToDate returns the use of each of regions in now's Beijing year through
// now's day, from the rollups, read in ctx's scope; regions the registry does
// not know are left out.
func (s *Service) UseToDate(ctx context.Context, now time.Time, regions []string) (map[string]RegionUse, error) {
	ri, err := s.regions(ctx)
	if err != nil {
		return nil, err
	}
	y, _, err := s.loadYear(ctx, ri, ri.root, now.In(sishui.BeijingTime).Year())
	if err != nil {
		return nil, err
	}
	y.through = indicator.DateOf(now)
	gw := y.groundwaterSources()
	out := make(map[string]RegionUse, len(regions))
	for _, code := range regions {
		if _, ok := ri.byCode[code]; !ok {
			continue
		}
		t, proj := y.ytd(indicator.Filter{Region: code})
		g, gproj := y.ytd(indicator.Filter{Region: code, Sources: gw})
		out[code] = RegionUse{UseM3: t.VolumeM3(), ProjectedM3: proj, GroundwaterM3: g.VolumeM3(), GroundwaterProjectedM3: gproj}
	}
	return out, nil
}

// CountsAsUse reports whether the volumes of p count as water use (Config.UseKinds).
func (s *Service) CountsAsUse(p *sishui.Point) bool { return s.counts(p) }

// RegionTree is the registry's region tree.
type RegionTree struct{ ri *regionInfo }

// RegionTree reads the region tree in ctx's scope.
func (s *Service) RegionTree(ctx context.Context) (*RegionTree, error) {
	ri, err := s.regions(ctx)
	if err != nil {
		return nil, err
	}
	return &RegionTree{ri: ri}, nil
}

// Root is the city's code.
func (t *RegionTree) Root() string { return t.ri.root }

// Within reports whether code is root or below it (a hosted zone is below its host).
func (t *RegionTree) Within(code, root string) bool { return t.ri.within(code, root) }
