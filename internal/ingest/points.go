package ingest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/quality"
)

// Refusal is why an input's point is not accepted: unknown, ambiguous or
// retired. Terminals' frames are quarantined with it; observations are
// rejected with its text as the reason.
type Refusal struct {
	Kind   string // RefusedUnknown, RefusedAmbiguous or RefusedRetired
	Reason string
}

// Refusal kinds.
const (
	RefusedUnknown   = "unknown_point"
	RefusedAmbiguous = "ambiguous_code"
	RefusedRetired   = "retired_point"
)

func (r *Refusal) Error() string { return r.Reason }

// PointRegistry is what the point cache uses of a store that has it
// (sqlstore does): the registry's version, which every change of a point
// moves, and bulk reads. Without it points are looked up one by one and
// cached for Config.PointTTL.
type PointRegistry interface {
	// RegistryVersion returns the registry's version and number of points.
	RegistryVersion(ctx context.Context) (version int64, points int, err error)
	// AllPoints returns every point.
	AllPoints(ctx context.Context) ([]*sishui.Point, error)
	// AllLatestSamples returns the newest sample of every series.
	AllLatestSamples(ctx context.Context) ([]sishui.Sample, error)
}

// pointEntry is a cached point (p nil: a cached refusal).
type pointEntry struct {
	p       *sishui.Point
	refusal *Refusal
	exp     time.Time
	seed    *sync.Once      // primes the quality checker with p's history (nil for refusals)
	latest  []sishui.Sample // p's latest samples read in bulk for seed; nil: not read
}

// maxCachedPoints bounds the point cache; it is cleared when full.
const maxCachedPoints = 200_000

// bulkSeedMin is the number of points not yet seeded from which a load
// reads the latest samples of all points at once rather than each point's
// when it is first resolved.
const bulkSeedMin = 100

// pointCache holds resolved points by id and by (protocol, code), for
// actors who see every point. With a PointRegistry store an empty cache
// loads every point at once (a small registry, see Config.PreloadPoints),
// and a background check drops everything when the registry version moved;
// entries live for Config.PointTTL at most.
type pointCache struct {
	mu     sync.RWMutex
	byID   map[int64]*pointEntry
	byCode map[codeKey]*pointEntry // protocol "" : by code in any protocol
	seeded map[int64]*sync.Once    // quality checker primed (kept across invalidations)
	kinds  map[int64]string        // point kinds for the quality checker (kept across invalidations)
	// latest holds the latest samples read to prime the checker, until the
	// committer takes them as its high-water marks (one read per point).
	latest sync.Map // point id → []sishui.Sample

	// Guarded by mu.
	gen       uint64        // moved by every drop: a look-up begun before one is not cached
	version   int64         // the registry version the entries are not older than
	versioned bool          // version is known
	full      bool          // every point was loaded (until loadExp); a miss is looked up
	loadExp   time.Time     // when the loaded points expire (PointTTL)
	lazy      bool          // the registry is too large to load at this version
	loading   chan struct{} // a load runs; closed when it ended
	retryAt   time.Time     // a load failed: none before then

	closed bool           // the ingester closed: no more checks or loads
	bg     sync.WaitGroup // checks and loads running (added to under mu)

	checkDue atomic.Int64 // Unix ns when the next version check is due
	checking atomic.Bool  // a version check runs
}

// stopPoints waits for the cache's checks and loads to end and starts no
// more (Close of the ingester: the store may be closed next).
func (ing *Ingester) stopPoints() {
	ing.points.mu.Lock()
	ing.points.closed = true
	ing.points.mu.Unlock()
	ing.points.bg.Wait()
}

type codeKey struct{ protocol, code string }

func (c *pointCache) get(k codeKey, id int64, now time.Time) *pointEntry {
	c.mu.RLock()
	defer c.mu.RUnlock()
	var e *pointEntry
	if id != 0 {
		e = c.byID[id]
	} else {
		e = c.byCode[k]
	}
	if e == nil || now.After(e.exp) {
		return nil
	}
	return e
}

// dropLocked forgets every entry; c.mu is held.
func (c *pointCache) dropLocked() {
	clear(c.byID)
	clear(c.byCode)
	c.gen++
	c.full, c.lazy = false, false
}

// InvalidatePoints forgets every cached point, so that the next input reads
// the registry again (a small one at once). Call it after the registry
// changed.
func (ing *Ingester) InvalidatePoints() {
	ing.points.mu.Lock()
	ing.points.dropLocked()
	ing.points.mu.Unlock()
}

// ForgetPoint drops a point from the cache (and every cached refusal), so
// that the next observation reads it again after the registry changed it.
func (ing *Ingester) ForgetPoint(id int64) {
	ing.points.mu.Lock()
	defer ing.points.mu.Unlock()
	ing.points.gen++ // a look-up in flight may have read the point as it was
	delete(ing.points.byID, id)
	for k, e := range ing.points.byCode {
		if e.p == nil || e.p.ID == id {
			delete(ing.points.byCode, k)
		}
	}
}

// checkRegistry starts a version check when one is due (every
// Config.PointCheck) and none runs. The check runs on a goroutine of its
// own, not the caller's: the caller goes on with what is cached.
func (ing *Ingester) checkRegistry(now time.Time) {
	reg, ok := ing.store.(PointRegistry)
	c := &ing.points
	if !ok || now.UnixNano() < c.checkDue.Load() || !c.checking.CompareAndSwap(false, true) {
		return
	}
	c.checkDue.Store(now.Add(ing.cfg.PointCheck).UnixNano())
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		c.checking.Store(false)
		return
	}
	c.bg.Add(1)
	c.mu.Unlock()
	go func() {
		defer c.bg.Done()
		defer c.checking.Store(false)
		v, _, err := reg.RegistryVersion(ing.sysCtx)
		if err != nil {
			ing.cfg.Logger.Warn("ingest: checking the point registry version", "err", err)
			return
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		switch {
		case c.loading != nil: // the load reads the version itself
		case !c.versioned || v != c.version:
			c.dropLocked()
			c.version, c.versioned = v, true
		}
	}()
}

// preload loads every point into an empty cache, once however many callers
// miss at the same time (they wait for the one load). It reports whether
// the cache may now hold what was missed: false when the cache is already
// complete, the registry too large, or the store cannot load in bulk. A
// registry too large is only counted, its version read: what is looked up
// after that is not older than the version.
func (ing *Ingester) preload(now time.Time) bool {
	reg, ok := ing.store.(PointRegistry)
	if !ok {
		return false
	}
	c := &ing.points
	c.mu.Lock()
	if c.full && now.After(c.loadExp) {
		c.dropLocked() // the safety net: load again
	}
	if c.full || c.lazy || c.closed || now.Before(c.retryAt) {
		c.mu.Unlock()
		return false
	}
	done := c.loading
	if done == nil {
		done = make(chan struct{})
		c.loading = done
		// On a goroutine of its own: SQLite's deep stack grows that
		// goroutine's, not a terminal's.
		c.bg.Add(1)
		go ing.load(reg, c.gen, now, done)
	}
	c.mu.Unlock()
	<-done
	return true
}

// load reads the registry version, every point (when there are at most
// Config.PreloadPoints) and, when many are not yet seeded, the latest
// samples of all points, and caches the points unless the cache was
// dropped meanwhile (gen moved).
func (ing *Ingester) load(reg PointRegistry, gen uint64, now time.Time, done chan struct{}) {
	defer ing.points.bg.Done()
	defer close(done)
	c := &ing.points
	var pts []*sishui.Point
	var latest map[int64][]sishui.Sample
	v, n, err := reg.RegistryVersion(ing.sysCtx) // before the points: a change after it is seen by the next check
	if err == nil && ing.cfg.PreloadPoints >= 0 && n <= min(ing.cfg.PreloadPoints, maxCachedPoints/3) {
		pts, err = reg.AllPoints(ing.sysCtx)
	}
	if err == nil {
		latest, err = ing.readSeeds(reg, pts)
	}
	c.mu.Lock()
	c.loading = nil
	if err != nil {
		c.retryAt = now.Add(ing.cfg.PointCheck) // look up one by one until then
		c.mu.Unlock()
		ing.cfg.Logger.Warn("ingest: loading the point registry", "err", err)
		return
	}
	exp := now.Add(ing.cfg.PointTTL)
	entries := make([]*pointEntry, len(pts))
	for i, p := range pts {
		c.kinds[p.ID] = p.Kind
		e := &pointEntry{p: p, exp: exp}
		if p.Retired {
			e.refusal = retiredRefusal(p)
		} else {
			e.seed = c.seedOf(p.ID)
			if latest != nil {
				e.latest = latest[p.ID]
				if e.latest == nil {
					e.latest = []sishui.Sample{}
				}
			}
		}
		entries[i] = e
	}
	if c.gen == gen { // else dropped meanwhile: what was read may be older than the drop
		c.install(v, entries, pts == nil, exp)
	}
	c.mu.Unlock()
	// Prime the checker before the waiting callers go on (each would else
	// read its point's latest samples itself); kindOf knows the points now.
	for _, e := range entries {
		if e.latest != nil {
			ing.seedEntry(e)
		}
	}
}

// install caches the entries of a load at registry version v (lazy: the
// registry was too large to load); c.mu is held.
func (c *pointCache) install(v int64, entries []*pointEntry, lazy bool, exp time.Time) {
	if c.versioned && v != c.version {
		c.dropLocked() // entries cached one by one may be older than v
	}
	c.version, c.versioned = v, true
	if lazy {
		c.lazy = true
		return
	}
	byCode := make(map[string][]*sishui.Point, len(entries))
	for _, e := range entries {
		c.byID[e.p.ID] = e
		c.byCode[codeKey{e.p.Protocol, e.p.Code}] = e
		byCode[e.p.Code] = append(byCode[e.p.Code], e.p)
	}
	// By code in any protocol, as lookup answers it.
	for code, holders := range byCode {
		e := c.byCode[codeKey{holders[0].Protocol, code}]
		if len(holders) > 1 {
			e = &pointEntry{refusal: ambiguousRefusal(code, holders), exp: exp}
		}
		c.byCode[codeKey{"", code}] = e
	}
	c.full, c.loadExp = true, exp
}

// readSeeds reads the latest samples of all points at once, by point, when
// many of pts (bulkSeedMin) have not primed the quality checker yet; nil
// when fewer have not: they are seeded each when first resolved.
func (ing *Ingester) readSeeds(reg PointRegistry, pts []*sishui.Point) (map[int64][]sishui.Sample, error) {
	c := &ing.points
	c.mu.RLock()
	todo := 0
	for _, p := range pts {
		if !p.Retired && c.seeded[p.ID] == nil {
			todo++
		}
	}
	c.mu.RUnlock()
	if todo < bulkSeedMin {
		return nil, nil
	}
	latest, err := reg.AllLatestSamples(ing.sysCtx)
	if err != nil {
		return nil, err
	}
	byPoint := make(map[int64][]sishui.Sample, len(pts))
	for i := 0; i < len(latest); {
		j := i + 1
		for j < len(latest) && latest[j].Point == latest[i].Point {
			j++
		}
		byPoint[latest[i].Point] = latest[i:j:j]
		i = j
	}
	return byPoint, nil
}

// seedEntry primes the quality checker with the entry's point's history,
// once per point: from the samples the entry carries, else read now.
func (ing *Ingester) seedEntry(e *pointEntry) {
	e.seed.Do(func() {
		if e.latest != nil {
			ing.seed(e.p.ID, e.latest)
		} else {
			ing.seedChecker(e.p.ID)
		}
	})
}

// seedOf returns the once that seeds a point's checker; c.mu is held.
func (c *pointCache) seedOf(id int64) *sync.Once {
	o := c.seeded[id]
	if o == nil {
		o = new(sync.Once)
		c.seeded[id] = o
	}
	return o
}

func (ing *Ingester) kindOf(point int64) string {
	ing.points.mu.RLock()
	defer ing.points.mu.RUnlock()
	return ing.points.kinds[point]
}

// Terminal returns the point of a terminal address for the gateway, under
// the one acceptance policy: a *Refusal when no point of that protocol has
// the code or the point is retired; another error when the store failed.
func (ing *Ingester) Terminal(protocol, code string) (*sishui.Point, error) {
	e, err := ing.resolve(ing.sysCtx, 0, protocol, strings.ToUpper(code), true)
	if err != nil {
		return nil, err
	}
	return e.p, nil
}

// resolve finds a point by id, or by code in protocol, or by code in any
// protocol when protocol is "", and applies the acceptance policy (retired
// points are refused). Actors who see everything share the cache; others
// look up with their own (scoped) context every time. Refusals are
// *Refusal errors; other errors are store failures.
func (ing *Ingester) resolve(ctx context.Context, id int64, protocol, code string, shared bool) (*pointEntry, error) {
	k := codeKey{protocol, code}
	now := ing.cfg.Now()
	if shared {
		ing.checkRegistry(now)
		e := ing.points.get(k, id, now)
		if e == nil && ing.preload(now) {
			e = ing.points.get(k, id, now)
		}
		if e != nil {
			if e.refusal != nil {
				return nil, e.refusal
			}
			if e.seed != nil {
				ing.seedEntry(e)
			}
			return e, nil
		}
	}
	ing.points.mu.RLock()
	gen := ing.points.gen
	ing.points.mu.RUnlock()
	p, refusal, err := ing.lookup(ctx, id, protocol, code)
	if err != nil {
		return nil, err
	}
	if refusal == nil && p.Retired {
		refusal = retiredRefusal(p)
	}
	if !shared {
		if refusal != nil {
			return nil, refusal
		}
		return &pointEntry{p: p}, nil
	}
	e := &pointEntry{p: p, refusal: refusal, exp: now.Add(ing.cfg.PointTTL)}
	ing.points.mu.Lock()
	if len(ing.points.byCode)+len(ing.points.byID) >= maxCachedPoints {
		ing.points.dropLocked()
	}
	if p != nil {
		ing.points.kinds[p.ID] = p.Kind
	}
	if refusal == nil {
		e.seed = ing.points.seedOf(p.ID)
	}
	if ing.points.gen == gen { // not dropped since the look-up began
		if refusal == nil {
			ing.points.byID[p.ID] = e
			ing.points.byCode[codeKey{p.Protocol, p.Code}] = e
		} else if id != 0 {
			ing.points.byID[id] = e
		}
		if id == 0 {
			ing.points.byCode[k] = e
		}
	}
	ing.points.mu.Unlock()
	if refusal != nil {
		return nil, refusal
	}
	ing.seedEntry(e)
	return e, nil
}

// retiredRefusal refuses a retired point.
func retiredRefusal(p *sishui.Point) *Refusal {
	return &Refusal{Kind: RefusedRetired, Reason: fmt.Sprintf("point %d is retired", p.ID)}
}

// ambiguousRefusal refuses a code that several protocols' points hold,
// given without a protocol.
func ambiguousRefusal(code string, holders []*sishui.Point) *Refusal {
	return &Refusal{Kind: RefusedAmbiguous, Reason: fmt.Sprintf("ambiguous terminal code %s: %s; name the protocol", code, holderText(holders))}
}

// lookup reads a point from the store; a refusal says why there is none.
func (ing *Ingester) lookup(ctx context.Context, id int64, protocol, code string) (*sishui.Point, *Refusal, error) {
	var p *sishui.Point
	var err error
	switch {
	case id != 0:
		p, err = ing.store.GetPoint(ctx, id)
		if sishui.ErrorCode(err) == sishui.ENOTFOUND {
			return nil, &Refusal{Kind: RefusedUnknown, Reason: "unknown point " + strconv.FormatInt(id, 10)}, nil
		}
	case code == "":
		return nil, &Refusal{Kind: RefusedUnknown, Reason: "unknown point: no point id or code"}, nil
	case protocol != "":
		p, err = ing.store.PointByCode(ctx, protocol, code)
		if sishui.ErrorCode(err) == sishui.ENOTFOUND {
			holders, err := ing.holders(ctx, code)
			if err != nil {
				return nil, nil, err
			}
			reason := fmt.Sprintf("unknown point: no %s point has terminal code %s", protocol, code)
			if len(holders) > 0 {
				reason += " (" + holderText(holders) + ")"
			}
			return nil, &Refusal{Kind: RefusedUnknown, Reason: reason}, nil
		}
	default:
		pts, _, lerr := ing.store.ListPoints(ctx, sishui.PointFilter{Code: code, Page: sishui.Page{Limit: 10}})
		if lerr != nil {
			return nil, nil, fmt.Errorf("ingest: resolve point: %w", lerr)
		}
		switch len(pts) {
		case 0:
			return nil, &Refusal{Kind: RefusedUnknown, Reason: "unknown point: no point has terminal code " + code}, nil
		case 1:
			p = pts[0]
		default:
			return nil, ambiguousRefusal(code, pts), nil
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("ingest: resolve point: %w", err)
	}
	return p, nil, nil
}

// holders lists the points with a code, in any protocol.
func (ing *Ingester) holders(ctx context.Context, code string) ([]*sishui.Point, error) {
	pts, _, err := ing.store.ListPoints(ctx, sishui.PointFilter{Code: code, Page: sishui.Page{Limit: 10}})
	if err != nil {
		return nil, fmt.Errorf("ingest: resolve point: %w", err)
	}
	return pts, nil
}

// holderText says which protocols hold a code: "held by sl651 point 3 and
// szy206 point 9".
func holderText(pts []*sishui.Point) string {
	pts = slices.Clone(pts)
	slices.SortFunc(pts, func(a, b *sishui.Point) int { return strings.Compare(a.Protocol, b.Protocol) })
	parts := make([]string, len(pts))
	for i, p := range pts {
		parts[i] = fmt.Sprintf("%s point %d", p.Protocol, p.ID)
	}
	return "held by " + strings.Join(parts, " and ")
}

// asRefusal returns err's refusal, if it is one.
func asRefusal(err error) (*Refusal, bool) {
	var r *Refusal
	if errors.As(err, &r) {
		return r, true
	}
	return nil, false
}

// seedChecker primes the quality checker with the point's latest stored
// values, so that the first new value is compared with history.
func (ing *Ingester) seedChecker(point int64) {
	latest, err := ing.store.LatestSamples(ing.sysCtx, point)
	if err != nil {
		ing.cfg.Logger.Warn("ingest: seeding quality checker", "point", point, "err", err)
		return
	}
	ing.seed(point, latest)
}

// seed primes the quality checker with a point's latest stored values and
// hands them to the committer.
func (ing *Ingester) seed(point int64, latest []sishui.Sample) {
	for _, s := range latest {
		ing.checker.Seed(quality.Sample{Point: s.Point, Metric: s.Metric.String(), Time: s.Time, Value: s.Value})
	}
	// Read before any later commit of this ingester, so never newer than
	// the store: a high-water mark from it errs only towards a look-up.
	ing.points.latest.Store(point, latest)
}
