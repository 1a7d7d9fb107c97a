package ingest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
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

// pointEntry is a cached point (p nil: a cached refusal).
type pointEntry struct {
	p       *sishui.Point
	refusal *Refusal
	exp     time.Time
}

// maxCachedPoints bounds the point cache; it is cleared when full.
const maxCachedPoints = 200_000

// pointCache holds resolved points by id and by (protocol, code), for
// actors who see every point; entries live for Config.PointTTL.
type pointCache struct {
	mu     sync.RWMutex
	byID   map[int64]*pointEntry
	byCode map[codeKey]*pointEntry // protocol "" : by code in any protocol
	seeded map[int64]*sync.Once    // quality checker primed (kept across invalidations)
	// latest holds the latest samples read to prime the checker, until the
	// committer takes them as its high-water marks (one read per point).
	latest sync.Map // point id → []sishui.Sample
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

// InvalidatePoints forgets every cached point, so that the next input reads
// the registry again. Call it after the registry changed.
func (ing *Ingester) InvalidatePoints() {
	ing.points.mu.Lock()
	clear(ing.points.byID)
	clear(ing.points.byCode)
	ing.points.mu.Unlock()
}

// ForgetPoint drops a point from the cache (and every cached refusal), so
// that the next observation reads it again after the registry changed it.
func (ing *Ingester) ForgetPoint(id int64) {
	ing.points.mu.Lock()
	defer ing.points.mu.Unlock()
	delete(ing.points.byID, id)
	for k, e := range ing.points.byCode {
		if e.p == nil || e.p.ID == id {
			delete(ing.points.byCode, k)
		}
	}
}

func (ing *Ingester) kindOf(point int64) string {
	ing.points.mu.RLock()
	defer ing.points.mu.RUnlock()
	if e, ok := ing.points.byID[point]; ok && e.p != nil {
		return e.p.Kind
	}
	return ""
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
		if e := ing.points.get(k, id, now); e != nil {
			if e.refusal != nil {
				return nil, e.refusal
			}
			return e, nil
		}
	}
	p, refusal, err := ing.lookup(ctx, id, protocol, code)
	if err != nil {
		return nil, err
	}
	if refusal == nil && p.Retired {
		refusal = &Refusal{Kind: RefusedRetired, Reason: fmt.Sprintf("point %d is retired", p.ID)}
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
		clear(ing.points.byID)
		clear(ing.points.byCode)
	}
	var seed *sync.Once
	if refusal == nil {
		if seed = ing.points.seeded[p.ID]; seed == nil {
			seed = new(sync.Once)
			ing.points.seeded[p.ID] = seed
		}
		ing.points.byID[p.ID] = e
		ing.points.byCode[codeKey{p.Protocol, p.Code}] = e
	} else if id != 0 {
		ing.points.byID[id] = e
	}
	if id == 0 {
		ing.points.byCode[k] = e
	}
	ing.points.mu.Unlock()
	if refusal != nil {
		return nil, refusal
	}
	seed.Do(func() { ing.seedChecker(p.ID) })
	return e, nil
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
			return nil, &Refusal{Kind: RefusedAmbiguous, Reason: fmt.Sprintf("ambiguous terminal code %s: %s; name the protocol", code, holderText(pts))}, nil
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
	for _, s := range latest {
		ing.checker.Seed(quality.Sample{Point: s.Point, Metric: s.Metric.String(), Time: s.Time, Value: s.Value})
	}
	// Read before any later commit of this ingester, so never newer than
	// the store: a high-water mark from it errs only towards a look-up.
	ing.points.latest.Store(point, latest)
}
