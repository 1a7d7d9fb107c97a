package alerting

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/warning"
)

// namesTTL is how long the registry's names are cached for alerts: a renamed
// section or point shows under its new name within this time.
const namesTTL = 30 * time.Second

// nameIndex maps alert subjects and region codes to the names people use.
type nameIndex struct {
	subjects map[string]string // "section:jdh_yanggu" → "金堤河阳谷断面"
	regions  map[string]string // "371521" → "阳谷县"
	built    time.Time
}

// alertNames caches the nameIndex; its own mutex, apart from the warning
// scheduler's.
type alertNames struct {
	mu  sync.Mutex
	idx *nameIndex
}

// NameAlerts sets each alert's SubjectName and RegionName from the registry:
// a section's, point's (well's) or zone's name, a permit's number with its
// holder, a region's name. Names come from a cache read as the platform and
// refreshed every namesTTL; the alerts themselves are the caller's, already
// scoped by the store or the broker, so no row outside the caller's scope is
// read on its behalf. A subject the registry does not know keeps an empty
// name.
func (s *Service) NameAlerts(ctx context.Context, alerts ...*sishui.Alert) error {
	if len(alerts) == 0 {
		return nil
	}
	idx, err := s.nameIndex(ctx)
	if err != nil {
		return err
	}
	for _, a := range alerts {
		if a == nil {
			continue
		}
		a.SubjectName = idx.subjects[a.Subject]
		a.RegionName = idx.regions[a.Region]
		if a.SubjectName == "" && strings.HasPrefix(a.Subject, "region:") {
			a.SubjectName = idx.regions[strings.TrimPrefix(a.Subject, "region:")]
		}
	}
	return nil
}

func (s *Service) nameIndex(ctx context.Context) (*nameIndex, error) {
	s.alertNames.mu.Lock()
	defer s.alertNames.mu.Unlock()
	now := s.now()
	if idx := s.alertNames.idx; idx != nil && now.Sub(idx.built) < namesTTL && !now.Before(idx.built) {
		return idx, nil
	}
	idx, err := s.buildNames(system(ctx))
	if err != nil {
		return nil, err
	}
	idx.built = now
	s.alertNames.idx = idx
	return idx, nil
}

// buildNames reads the registry's names of every kind of alert subject that
// the producers yield.
func (s *Service) buildNames(ctx context.Context) (*nameIndex, error) {
	idx := &nameIndex{subjects: map[string]string{}, regions: map[string]string{}}
	regions, err := s.store.ListRegions(ctx, sishui.RegionFilter{})
	if err != nil {
		return nil, err
	}
	for _, r := range regions {
		idx.regions[r.Code] = r.Name
	}
	sections, err := s.store.ListSections(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, sc := range sections {
		idx.subjects["section:"+sc.Code] = sc.Name
		idx.subjects["section-warning:"+sc.Code] = sc.Name
	}
	zones, err := s.store.ListZones(ctx, "")
	if err != nil {
		return nil, err
	}
	for _, z := range zones {
		idx.subjects["zone:"+z.Code] = z.Name
	}
	points, err := sishui.AllPoints(ctx, s.store, sishui.PointFilter{})
	if err != nil {
		return nil, err
	}
	for _, p := range points {
		for _, subj := range []string{warning.PointSubject(p.Code), warning.WellSubject(p.Code), warning.GeothermalSubject(p.Code)} {
			if _, taken := idx.subjects[subj]; !taken || !p.Retired {
				idx.subjects[subj] = p.Name
			}
		}
	}
	users, err := sishui.AllPages(func(p sishui.Page) ([]*sishui.WaterUser, int, error) {
		return s.store.ListWaterUsers(ctx, sishui.WaterUserFilter{Page: p})
	})
	if err != nil {
		return nil, err
	}
	holders := map[int64]string{}
	for _, u := range users {
		holders[u.ID] = u.Name
	}
	permits, err := allPermits(ctx, s.store)
	if err != nil {
		return nil, err
	}
	for _, pm := range permits {
		name := pm.Number
		if h := holders[pm.UserID]; h != "" {
			name += " " + h
		}
		// The permit-process warnings (permits.go) name the permit too.
		for _, kind := range []string{"permit:", "permit-renewal:", "permit-report:", "permit-metering:", "permit-rights:"} {
			idx.subjects[kind+pm.Number] = name
		}
	}
	// The plan tasks' report reminders (tasks.go): task title and region.
	tasks, err := s.store.ListTasks(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range tasks {
		for code, rn := range idx.regions {
			idx.subjects["task-report:"+t.Code+"@"+code] = t.Code + " " + t.Title + " · " + rn
		}
	}
	return idx, nil
}
