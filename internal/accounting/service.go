// Package accounting is the store-backed service of the rigid water-use
// constraints (四水四定, 一.一 and 一.三): it accounts daily use per monitoring
// point (meter readings, 以电折水 estimates, entered figures) into maintained
// rollups, reports the plan's ten indicators against their targets, the use
// of each county against its caps with the carrying-capacity grade, and
// builds the monthly and annual reports. 限批 itself is enforced by the store,
// inside CreatePermit and UpdatePermit. The warnings over these figures are
// internal/alerting's, which reads them through UseToDate (usetodate.go).
//
// The pure rules live in internal/indicator, internal/meter and
// internal/capacity; this package reads the store, calls them, and writes
// back.
package accounting

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/capacity"
	"github.com/sishui/sishui/internal/indicator"
	"github.com/sishui/sishui/internal/meter"
)

// DefaultM3PerKWh is the 以电折水 coefficient used for electricity points with
// no calibrated coefficient. INVENTED: Shandong's official coefficients are
// not found (DOMAIN.md §7.3 [NF]); replace it with pump-test values.
const DefaultM3PerKWh = 0.8

// Config configures the service. The zero value of every field has a default.
type Config struct {
	// Coefficients are calibrated 以电折水 coefficients per point id.
	Coefficients map[int64][]meter.Coefficient
	// DefaultM3PerKWh applies to electricity points without coefficients
	// (DefaultM3PerKWh when 0).
	DefaultM3PerKWh float64
	// SectorByKind is the sector of points without a permit, by point kind.
	SectorByKind map[string]string
	// SourceByKind is the source of points without a permit and without a
	// Source of their own, by point kind.
	SourceByKind map[string]string
	// UseKinds are the point kinds whose volumes count as water use.
	UseKinds []string
	// UnconventionalSources count towards indicator 5; nil means the
	// sources the store marks unconventional.
	UnconventionalSources []string
	// Capacity grades counties (capacity.DefaultConfig when zero).
	Capacity capacity.Config
	// AccountEvery is the scheduler period (5 min); SweepEvery is how often
	// every use point is re-accounted for yesterday and today (1 h).
	AccountEvery time.Duration
	SweepEvery   time.Duration
	// AtRiskMargin is indicator.Assess's margin (0.05 when 0).
	AtRiskMargin float64
	// Leakage are the CJJ 92-2016 corrections of indicator 7 (unverified defaults when zero).
	Leakage indicator.LeakageParams
	// LateIntervals: a point silent longer than 2 intervals is late, longer
	// than LateIntervals intervals offline (24 when 0).
	LateIntervals float64
	// Now returns the current time (time.Now when nil).
	Now    func() time.Time
	Logger *slog.Logger
}

func (c *Config) defaults() {
	if c.DefaultM3PerKWh <= 0 {
		c.DefaultM3PerKWh = DefaultM3PerKWh
	}
	if c.SectorByKind == nil {
		c.SectorByKind = map[string]string{
			sishui.PointElectricity: "irrigation",
			sishui.PointReclaimed:   "ecology",
			sishui.PointGeothermal:  "public_services",
			sishui.PointWithdrawal:  "industry",
		}
	}
	if c.SourceByKind == nil {
		c.SourceByKind = map[string]string{
			sishui.PointElectricity: sishui.SourceGroundShallow,
			sishui.PointReclaimed:   sishui.SourceReclaimed,
			sishui.PointGeothermal:  sishui.SourceGroundDeep,
			sishui.PointWithdrawal:  sishui.SourceSurface,
		}
	}
	if c.UseKinds == nil {
		c.UseKinds = []string{sishui.PointWithdrawal, sishui.PointElectricity, sishui.PointReclaimed}
	}
	if c.Capacity.TotalUse.Critical == 0 {
		c.Capacity = capacity.DefaultConfig()
	}
	if c.AccountEvery <= 0 {
		c.AccountEvery = 5 * time.Minute
	}
	if c.SweepEvery <= 0 {
		c.SweepEvery = time.Hour
	}
	if c.AtRiskMargin <= 0 {
		c.AtRiskMargin = 0.05
	}
	if c.Leakage.LengthFactor == 0 {
		c.Leakage = indicator.DefaultLeakageParams()
	}
	if c.LateIntervals <= 0 {
		c.LateIntervals = 24
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
}

// Service is the accounting and indicator service.
type Service struct {
	store sishui.Store
	cfg   Config
	log   *slog.Logger

	acctMu sync.Mutex // serialises accounting writes of one process
	dirty  map[int64]time.Time
	dmu    sync.Mutex
}

// New returns a service on store.
func New(store sishui.Store, cfg Config) (*Service, error) {
	cfg.defaults()
	if err := cfg.Capacity.Validate(); err != nil {
		return nil, fmt.Errorf("accounting: %w", err)
	}
	return &Service{store: store, cfg: cfg, log: cfg.Logger, dirty: map[int64]time.Time{}}, nil
}

// Store returns the service's store.
func (s *Service) Store() sishui.Store { return s.store }

// Start runs the scheduler (accounting of newly arrived data and a daily
// sweep) until ctx ends; it returns at once.
func (s *Service) Start(ctx context.Context) {
	go s.RunAccounting(ctx, s.cfg.AccountEvery)
}

func (s *Service) now() time.Time { return s.cfg.Now().UTC() }

// system returns ctx acting as the platform.
func system(ctx context.Context) context.Context { return sishui.WithActor(ctx, sishui.SystemActor) }

// allPoints lists every point in the actor's scope.
func (s *Service) allPoints(ctx context.Context, f sishui.PointFilter) ([]*sishui.Point, error) {
	return sishui.AllPoints(ctx, s.store, f)
}

func (s *Service) allAlerts(ctx context.Context, f sishui.AlertFilter) ([]*sishui.Alert, error) {
	return sishui.AllPages(func(p sishui.Page) ([]*sishui.Alert, int, error) {
		f.Page = p
		return s.store.ListAlerts(ctx, f)
	})
}

// regionInfo is the region tree as the service needs it.
type regionInfo struct {
	byCode map[string]*sishui.Region
	root   string              // the city
	below  map[string][]string // direct children and hosted zones
}

func (s *Service) regions(ctx context.Context) (*regionInfo, error) {
	rs, err := s.store.ListRegions(ctx, sishui.RegionFilter{})
	if err != nil {
		return nil, fmt.Errorf("accounting: regions: %w", err)
	}
	ri := &regionInfo{byCode: map[string]*sishui.Region{}, below: map[string][]string{}}
	for _, r := range rs {
		ri.byCode[r.Code] = r
	}
	for _, r := range rs {
		up := r.Host
		if up == "" {
			up = r.Parent
		}
		if up != "" {
			ri.below[up] = append(ri.below[up], r.Code)
		}
		if r.Level == sishui.LevelCity && ri.root == "" {
			ri.root = r.Code
		}
	}
	if ri.root == "" && len(rs) > 0 {
		ri.root = rs[0].Code
	}
	return ri, nil
}

// within reports whether code is root or below it.
func (ri *regionInfo) within(code, root string) bool {
	for c, n := code, 0; c != "" && n < 16; n++ {
		if c == root {
			return true
		}
		r := ri.byCode[c]
		if r == nil {
			return false
		}
		if r.Host != "" {
			c = r.Host
		} else {
			c = r.Parent
		}
	}
	return false
}

// counties returns the county-level regions below the city, in code order.
func (ri *regionInfo) counties() []string {
	var out []string
	for _, c := range ri.below[ri.root] {
		if r := ri.byCode[c]; r != nil && r.Level == sishui.LevelCounty {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// resolveRegion applies the caller's scope to a requested region: empty
// means the caller's own (the city for city-wide and public callers, the
// county for county staff); public callers may only ask for the city.
func (s *Service) resolveRegion(ctx context.Context, ri *regionInfo, region string) (string, error) {
	a := sishui.ActorFrom(ctx)
	if region == "" {
		region = ri.root
		if a.Role == sishui.RoleCounty {
			region = a.Region
		}
	}
	if _, ok := ri.byCode[region]; !ok {
		return "", sishui.NotFound("region %s not found", region)
	}
	switch {
	case a.Role == sishui.RolePublic && region != ri.root:
		return "", &sishui.Error{Code: sishui.EFORBIDDEN, Message: "public callers see city-level aggregates only"}
	case a.Role == sishui.RoleCounty && !ri.within(region, a.Region):
		return "", sishui.NotFound("region %s not found", region)
	}
	return region, nil
}
