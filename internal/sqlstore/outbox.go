package sqlstore

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sishui/sishui"
)

// outboxMask is the set of metrics appends queue in the outbox, one bit per
// metric (metrics are small numbers); 0: the link is off.
type outboxMask struct{ bits atomic.Uint64 }

func (m *outboxMask) has(x sishui.Metric) bool { return x < 64 && m.bits.Load()&(1<<x) != 0 }

// metrics lists the set (nil when the link is off).
func (m *outboxMask) metrics() []sishui.Metric {
	bits := m.bits.Load()
	var out []sishui.Metric
	for x := sishui.Metric(0); bits != 0; x++ {
		if bits&1 != 0 {
			out = append(out, x)
		}
		bits >>= 1
	}
	return out
}

// EnableOutbox sets the metrics later appends queue for the national link.
func (s *DB) EnableOutbox(metrics ...sishui.Metric) {
	var bits uint64
	for _, m := range metrics {
		if m < 64 {
			bits |= 1 << m
		}
	}
	s.outbox.bits.Store(bits)
}

// queueOutbox queues the samples of enabled metrics inside the append's
// transaction, 100 rows per statement, before they are inserted: a sample
// whose key is stored already (a resend, perhaps forwarded and gone from the
// outbox, perhaps with another value than the one kept) is not queued, so
// the national link forwards each stored sample once, with the stored value.
// Existing outbox keys are kept.
func (s *DB) queueOutbox(e execer, samples []sishui.Sample) error {
	if s.outbox.bits.Load() == 0 {
		return nil
	}
	args := make([]any, 0, 4*outboxPerInsert)
	flush := func() error {
		if len(args) == 0 {
			return nil
		}
		_, _, err := e.exec(s.q(outboxSQL(len(args)/4)), args)
		args = args[:0]
		return err
	}
	for _, x := range samples {
		if !s.outbox.has(x.Metric) {
			continue
		}
		args = append(args, x.Point, int64(x.Metric), x.Time.UnixMilli(), x.Value)
		if len(args) == 4*outboxPerInsert {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

const outboxPerInsert = 100

// outboxSQL queues n rows (point, metric, t, value) whose sample key is not
// stored; the casts give PostgreSQL the VALUES columns' types.
func outboxSQL(n int) string {
	return `INSERT INTO outbox (point_id, metric, t, value) SELECT column1, column2, column3, column4 FROM (VALUES ` +
		strings.TrimSuffix(strings.Repeat("(CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION)), ", n), ", ") +
		fmt.Sprintf(`) AS v WHERE NOT EXISTS (SELECT 1 FROM samples WHERE bucket = v.column3 / %d AND point_id = v.column1 AND metric = v.column2 AND t = v.column3)`, BucketMS) +
		` ON CONFLICT (point_id, metric, t) DO NOTHING`
}

// OutboxHead returns up to limit queued items after an ID, oldest first.
func (s *DB) OutboxHead(ctx context.Context, after int64, limit int) ([]sishui.OutboxItem, error) {
	if limit <= 0 {
		limit = 100
	}
	items, err := all(ctx, s, `SELECT id, point_id, metric, t, value FROM outbox WHERE id > ? ORDER BY id LIMIT ?`, []any{after, limit},
		func(sc scanner) (sishui.OutboxItem, error) {
			var it sishui.OutboxItem
			var metric, t int64
			err := sc.Scan(&it.ID, &it.Point, &metric, &t, &it.Value)
			it.Metric, it.Time = sishui.Metric(metric), fromMS(t)
			return it, err
		})
	return items, s.mapErr("outbox head", err, "")
}

// OutboxDone removes confirmed items.
func (s *DB) OutboxDone(ctx context.Context, ids ...int64) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		q := `DELETE FROM outbox WHERE id IN (` + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + `)`
		if _, err := s.DB.ExecContext(ctx, s.q(q), args...); err != nil {
			return s.mapErr("outbox done", err, "")
		}
		ids = ids[n:]
	}
	return nil
}

// OutboxBacklog counts queued items per point.
func (s *DB) OutboxBacklog(ctx context.Context) (map[int64]int, error) {
	type row struct {
		point int64
		n     int
	}
	rows, err := all(ctx, s, `SELECT point_id, COUNT(*) FROM outbox GROUP BY point_id`, nil, func(sc scanner) (row, error) {
		var r row
		return r, sc.Scan(&r.point, &r.n)
	})
	if err != nil {
		return nil, s.mapErr("outbox backlog", err, "")
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.point] = r.n
	}
	return out, nil
}

// OutboxStations lists the per-station backlog of the stations in scope, most
// queued first; the lag is the age of the oldest queued sample.
func (s *DB) OutboxStations(ctx context.Context) ([]sishui.StationBacklog, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, s.mapErr("outbox stations", err, "")
	}
	var w where
	sc.apply(&w, "points.region", pointUserExpr)
	now := s.Now()
	out, err := all(ctx, s, `SELECT points.id, points.code, points.name, points.protocol, points.region, COUNT(*), MIN(outbox.t)
		FROM outbox JOIN points ON points.id = outbox.point_id`+w.String()+`
		GROUP BY points.id, points.code, points.name, points.protocol, points.region
		ORDER BY COUNT(*) DESC, points.code`, w.args,
		func(sc scanner) (sishui.StationBacklog, error) {
			var b sishui.StationBacklog
			var oldest int64
			err := sc.Scan(&b.Point, &b.Code, &b.Name, &b.Protocol, &b.Region, &b.Queued, &oldest)
			b.Oldest = fromMS(oldest)
			b.LagSeconds = max(0, int64(now.Sub(b.Oldest)/time.Second))
			return b, err
		})
	return out, s.mapErr("outbox stations", err, "")
}
