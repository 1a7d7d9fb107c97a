package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/sishui/sishui"
)

// RegistryVersion returns the point registry's version, which every insert,
// update and delete of a point moves (triggers of migration 024), and the
// number of points. Ingesters compare it to drop their point caches when the
// registry changed, also when another process changed it.
func (s *DB) RegistryVersion(ctx context.Context) (version int64, points int, err error) {
	err = s.prepared().QueryRowContext(ctx, `SELECT version, points FROM registry_version WHERE id = 1`).Scan(&version, &points)
	if err != nil {
		return 0, 0, fmt.Errorf("registry version: %w", err)
	}
	return version, points, nil
}

// AllPoints returns every point in the actor's scope in one query (the
// ingester's point cache loads a small registry at once).
func (s *DB) AllPoints(ctx context.Context) ([]*sishui.Point, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	sc.apply(&w, "region", pointUserExpr)
	pts, err := all(ctx, s, `SELECT `+pointEntity.cols+` FROM points`+w.String()+` ORDER BY id`, w.args,
		func(sc interface{ Scan(...any) error }) (*sishui.Point, error) { return pointEntity.scan(sc) })
	if err != nil {
		return nil, fmt.Errorf("all points: %w", err)
	}
	return pts, nil
}

// AllLatestSamples returns the newest sample of each series of every point
// in the actor's scope, in (point, metric) order: LatestSamples of all
// points in one query.
func (s *DB) AllLatestSamples(ctx context.Context) ([]sishui.Sample, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	sc.apply(&w, "region", pointUserExpr)
	query := `SELECT point_id, metric, t, value, flags FROM series_latest ORDER BY point_id, metric`
	if len(w.conds) > 0 {
		query = `SELECT point_id, metric, t, value, flags FROM series_latest WHERE point_id IN (SELECT id FROM points` + w.String() + `) ORDER BY point_id, metric`
	}
	out, err := all(ctx, s, query, w.args, func(sc interface{ Scan(...any) error }) (sishui.Sample, error) {
		var point int64
		var x sishui.Sample
		var t, m, f int64
		err := sc.Scan(&point, &m, &t, &x.Value, &f)
		x.Point, x.Metric, x.Time, x.Flags = point, sishui.Metric(m), fromMS(t), uint32(f)
		return x, err
	})
	if err != nil {
		return nil, fmt.Errorf("all latest samples: %w", err)
	}
	return out, nil
}

// maxPreparedQueries bounds the statements prepared by prepared(); further
// query texts (say, county scopes with many regions) run unprepared.
const maxPreparedQueries = 256

// preparedQueries holds statements prepared once on the pool for the point
// look-ups that remain after the ingester's cache (GetPoint, PointByCode,
// RegistryVersion): SQLite otherwise parses and plans the SQL at every call
// (measured: about half of a cold look-up's CPU). database/sql prepares a
// statement again on each connection that runs it, once. They are prepared
// outside transactions only (see stmtCache for why).
type preparedQueries struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// prepared returns a querier that runs the query texts it is given (already
// rebound with s.q, as for *sql.DB) as statements prepared on the pool.
func (s *DB) prepared() sqlQuerier { return preparedQuerier{s} }

type preparedQuerier struct{ s *DB }

func (p preparedQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	s := p.s
	s.queries.mu.Lock()
	st, ok := s.queries.m[query]
	full := len(s.queries.m) >= maxPreparedQueries
	s.queries.mu.Unlock()
	if !ok && !full {
		var err error
		if st, err = s.DB.PrepareContext(ctx, query); err == nil {
			s.queries.mu.Lock()
			if old, dup := s.queries.m[query]; dup {
				st.Close() // prepared concurrently: keep the first
				st = old
			} else {
				if s.queries.m == nil {
					s.queries.m = map[string]*sql.Stmt{}
				}
				s.queries.m[query] = st
			}
			s.queries.mu.Unlock()
			ok = true
		}
	}
	if !ok {
		return s.DB.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// closeQueries closes the prepared look-ups (Close of the store).
func (s *DB) closeQueries() {
	s.queries.mu.Lock()
	defer s.queries.mu.Unlock()
	for k, st := range s.queries.m {
		st.Close()
		delete(s.queries.m, k)
	}
}
