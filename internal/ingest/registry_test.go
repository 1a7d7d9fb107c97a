package ingest_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/postgres"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/quality"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

// twoHandles opens two stores on the same database, as two processes would
// (the server and the CLI): SQLite twice on one file, PostgreSQL twice on
// one schema.
func twoHandles(t *testing.T, engine string) (sishui.Store, sishui.Store) {
	t.Helper()
	ctx := context.Background()
	var a, b sishui.Store
	switch engine {
	case "sqlite":
		path := filepath.Join(t.TempDir(), "sishui.db")
		for _, s := range []*sishui.Store{&a, &b} {
			db, err := sqlite.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			*s = db
		}
	case "postgres":
		dsn := pgtest.Schema(t)
		for _, s := range []*sishui.Store{&a, &b} {
			db, err := postgres.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			*s = db
		}
	}
	storetest.Seed(t, a)
	return a, b
}

var engines = []string{"sqlite", "postgres"}

// TestPointCacheSeesOtherProcess: a change made through another handle on
// the same database (another process: the CLI, another node) reaches the
// cache at the first registry version check after it, and not before; a
// point added by it is found at once, loaded or not.
func TestPointCacheSeesOtherProcess(t *testing.T) {
	for _, engine := range engines {
		for _, preload := range []int{0, -1} {
			t.Run(fmt.Sprint(engine, " preload ", preload), func(t *testing.T) {
				if engine == "postgres" {
					pgtest.DSN(t)
				}
				s, other := twoHandles(t, engine)
				p := newPoints(t, s, sishui.PointRain, 1)[0]
				var now atomic.Int64
				now.Store(fixedNow().UnixNano())
				ing := newIngester(t, s, ingest.Config{PointCheck: 5 * time.Second, PreloadPoints: preload,
					Now: func() time.Time { return time.Unix(0, now.Load()) }})
				terminal := func(p *sishui.Point) error {
					t.Helper()
					_, err := ing.Terminal(p.Protocol, p.Code)
					ing.AwaitPointCheck()
					var r *ingest.Refusal
					if err != nil && !errors.As(err, &r) {
						t.Fatal(err)
					}
					return err
				}
				if err := terminal(p); err != nil {
					t.Fatal(err)
				}
				ctx := context.Background()
				if err := other.RetirePoint(ctx, p.ID); err != nil {
					t.Fatal(err)
				}
				now.Add(int64(4 * time.Second))
				if err := terminal(p); err != nil {
					t.Fatalf("before the check: %v, want the cached point", err)
				}
				now.Add(int64(time.Second)) // the check is due: it runs while this call is answered
				terminal(p)
				if err := terminal(p); err == nil || err.Error() != fmt.Sprintf("point %d is retired", p.ID) {
					t.Fatalf("after the check: %v, want retired", err)
				}
				added := newPoints(t, other, sishui.PointRain, 1)[0]
				if err := terminal(added); err != nil {
					t.Fatalf("a point added by the other: %v", err)
				}
				p.Retired = false
				if err := other.UpdatePoint(ctx, p); err != nil {
					t.Fatal(err)
				}
				now.Add(int64(5 * time.Second))
				terminal(p)
				if err := terminal(p); err != nil {
					t.Fatalf("reactivated: %v", err)
				}
			})
		}
	}
}

// registryStore counts the point reads an ingester makes of a store.
type registryStore struct {
	sishui.Store
	reg                                    ingest.PointRegistry
	versions, all, allLatest, byCode, byID atomic.Int64
	latest                                 atomic.Int64
}

func (s *registryStore) RegistryVersion(ctx context.Context) (int64, int, error) {
	s.versions.Add(1)
	return s.reg.RegistryVersion(ctx)
}

func (s *registryStore) AllPoints(ctx context.Context) ([]*sishui.Point, error) {
	s.all.Add(1)
	return s.reg.AllPoints(ctx)
}

func (s *registryStore) AllLatestSamples(ctx context.Context) ([]sishui.Sample, error) {
	s.allLatest.Add(1)
	return s.reg.AllLatestSamples(ctx)
}

func (s *registryStore) PointByCode(ctx context.Context, protocol, code string) (*sishui.Point, error) {
	s.byCode.Add(1)
	return s.Store.PointByCode(ctx, protocol, code)
}

func (s *registryStore) GetPoint(ctx context.Context, id int64) (*sishui.Point, error) {
	s.byID.Add(1)
	return s.Store.GetPoint(ctx, id)
}

func (s *registryStore) LatestSamples(ctx context.Context, point int64) ([]sishui.Sample, error) {
	s.latest.Add(1)
	return s.Store.LatestSamples(ctx, point)
}

// TestPointPreload: terminals connecting at once to an empty cache cost one
// read of all points and one of all latest samples, however many they are
// (the load runs once, the others wait for it), and the quality checker is
// primed from it; after an invalidation the points are read again at once;
// a registry larger than Config.PreloadPoints is looked up point by point.
func TestPointPreload(t *testing.T) {
	st := newSQLite(t)
	const n = 300
	pts := newPoints(t, st, sishui.PointReservoir, n)
	if _, err := st.AppendSamples(context.Background(), benchRows(pts, n, 0)); err != nil {
		t.Fatal(err)
	}
	connect := func(ing *ingest.Ingester) {
		t.Helper()
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for _, p := range pts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, err := ing.Terminal(p.Protocol, p.Code)
				if err == nil && got.ID != p.ID {
					err = fmt.Errorf("%s: point %d, want %d", p.Code, got.ID, p.ID)
				}
				if err != nil {
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
	}

	t.Run("preloaded", func(t *testing.T) {
		s := &registryStore{Store: st, reg: st.(ingest.PointRegistry)}
		ing := newIngester(t, s, ingest.Config{PointCheck: time.Hour})
		connect(ing)
		ing.AwaitPointCheck()
		if s.all.Load() != 1 || s.allLatest.Load() != 1 || s.byCode.Load() != 0 || s.byID.Load() != 0 || s.latest.Load() != 0 {
			t.Fatalf("reads: %d all points, %d all latest, %d by code, %d by id, %d latest; want one bulk read each and no other",
				s.all.Load(), s.allLatest.Load(), s.byCode.Load(), s.byID.Load(), s.latest.Load())
		}
		// The checker was primed from the bulk read: a value far from the
		// stored one (0 a minute before) rises too fast.
		res, err := ing.Submit(context.Background(), []ingest.Observation{{Point: pts[0].ID, Metric: "level_m", Time: base.Add(time.Minute), Value: 10}})
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Status != ingest.Accepted || res[0].Flags&quality.FlagRateOfChange == 0 {
			t.Fatalf("a jump after the bulk seed: %+v, want accepted and flagged", res[0])
		}
		ing.InvalidatePoints()
		connect(ing)
		if s.all.Load() != 2 || s.allLatest.Load() != 1 || s.byCode.Load() != 0 || s.latest.Load() != 0 {
			t.Fatalf("after an invalidation: %d all points, %d all latest, %d by code, %d latest; want the points read again, the checker kept",
				s.all.Load(), s.allLatest.Load(), s.byCode.Load(), s.latest.Load())
		}
	})

	t.Run("lazy above the limit", func(t *testing.T) {
		s := &registryStore{Store: st, reg: st.(ingest.PointRegistry)}
		ing := newIngester(t, s, ingest.Config{PointCheck: time.Hour, PreloadPoints: n - 1})
		for _, p := range pts {
			if _, err := ing.Terminal(p.Protocol, p.Code); err != nil {
				t.Fatal(err)
			}
		}
		connect(ing) // cached now
		if s.all.Load() != 0 || s.allLatest.Load() != 0 || s.byCode.Load() != n || s.latest.Load() != n {
			t.Fatalf("reads: %d all points, %d all latest, %d by code, %d latest; want each point read once",
				s.all.Load(), s.allLatest.Load(), s.byCode.Load(), s.latest.Load())
		}
	})
}

// TestRegistryVersion: every insert, update and delete of a point moves the
// registry version and keeps its count of points; what a report writes
// (frames, samples, latest values) does not move it.
func TestRegistryVersion(t *testing.T) {
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			var s sishui.Store
			var db *sql.DB
			if engine == "sqlite" {
				st := newSQLite(t)
				s, db = st, st.(*sqlite.DB).DB.DB
			} else {
				st := newPostgres(t)
				s, db = st, st.(*postgres.DB).DB.DB
			}
			reg := s.(ingest.PointRegistry)
			ctx := context.Background()
			v, n, err := reg.RegistryVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			expect := func(what string, moved bool, points int) {
				t.Helper()
				v1, n1, err := reg.RegistryVersion(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if (v1 != v) != moved || n1 != points {
					t.Fatalf("%s: version %d → %d, %d points; want moved %v, %d points", what, v, v1, n1, moved, points)
				}
				v = v1
			}
			pts := newPoints(t, s, sishui.PointRain, 2)
			expect("created", true, n+2)
			p := pts[0]
			p.Name = "renamed"
			if err := s.UpdatePoint(ctx, p); err != nil {
				t.Fatal(err)
			}
			expect("updated", true, n+2)
			if err := s.RetirePoint(ctx, p.ID); err != nil {
				t.Fatal(err)
			}
			expect("retired", true, n+2)

			ing := newIngester(t, s, ingest.Config{})
			q := pts[1]
			if _, err := ing.Submit(ctx, []ingest.Observation{{Code: q.Code, Metric: "rain_mm", Time: base, Value: 1}}); err != nil {
				t.Fatal(err)
			}
			frame := &sishui.RawFrame{Received: base, Protocol: q.Protocol, Station: q.Code, Bytes: []byte{1}, Samples: 1}
			if _, err := ing.SubmitFrames(ctx, []*sishui.RawFrame{frame}, []sishui.Sample{{Point: q.ID, Metric: sishui.MetricRainMM, Time: base.Add(time.Hour), Value: 2}}); err != nil {
				t.Fatal(err)
			}
			expect("reports stored", false, n+2)

			if _, err := db.ExecContext(ctx, `DELETE FROM points WHERE id = `+strconv.FormatInt(pts[0].ID, 10)); err != nil {
				t.Fatal(err)
			}
			expect("deleted", true, n+1)
		})
	}
}
