// Package forward is the store-and-forward link from sishui to the national
// water-resources platform: accepted samples wait in an outbox and are sent
// upstream over TCP as SZY 206 reports, one confirmed frame at a time, in
// order per station, with retries and exponential back-off. The outbox is
// the store's own (StoreOutbox: filled by the transaction that stores the
// samples, so no side file and no gap after a crash); Queue is a stand-alone
// SQLite-file outbox for tools without a store. A sample leaves the outbox
// only after the upstream confirmed it, so delivery is at-least-once: after a
// lost confirm the same frame is sent again, and the upstream de-duplicates
// by station and time.
package forward

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/sishui/sishui"
)

// Item is one sample waiting to go upstream.
type Item struct {
	ID      int64         // queue order; set by the queue
	Station string        // the terminal address upstream knows, 10 hex digits
	Metric  sishui.Metric //
	Time    time.Time     //
	Value   float64       //
	Alarm   uint16        // the station's alarm word (报警状态) at the time
	Status  uint16        // the station's status word (终端状态: pump, door, supply)
}

// Queue is the durable outbound queue: a SQLite file with one table. Enqueue
// is idempotent on (station, metric, time). It is safe for concurrent use.
type Queue struct {
	db *sql.DB

	mu      sync.Mutex
	backlog map[string]int
	total   int
}

const schema = `
CREATE TABLE IF NOT EXISTS outbox (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	station TEXT    NOT NULL,
	metric  INTEGER NOT NULL,
	t       INTEGER NOT NULL, -- Unix ms
	value   REAL    NOT NULL,
	UNIQUE (station, metric, t)
);
CREATE TABLE IF NOT EXISTS marks (
	station TEXT PRIMARY KEY,
	last_ms INTEGER NOT NULL -- newest observation time ever queued for the station
);`

// OpenQueue opens (creating if needed) the queue file at path.
func OpenQueue(ctx context.Context, path string) (*Queue, error) {
	if path == "" || path == ":memory:" {
		return nil, errors.New("forward: a queue file path is required")
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "synchronous(FULL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("forward: open queue %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("forward: open queue %s: %w", path, err)
	}
	qu := &Queue{db: db, backlog: map[string]int{}}
	rows, err := db.QueryContext(ctx, `SELECT station, COUNT(*) FROM outbox GROUP BY station`)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("forward: open queue: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			db.Close()
			return nil, fmt.Errorf("forward: open queue: %w", err)
		}
		qu.backlog[st] = n
		qu.total += n
	}
	if err := rows.Err(); err != nil {
		db.Close()
		return nil, fmt.Errorf("forward: open queue: %w", err)
	}
	return qu, nil
}

// Close closes the queue file.
func (q *Queue) Close() error { return q.db.Close() }

// ErrBadStation is returned for an item whose station is not 10 hex digits.
var ErrBadStation = errors.New("forward: station must be a 10-hex-digit address")

// Enqueue stores items durably in one transaction and returns how many were
// new (an item already queued with the same station, metric and time is
// skipped). Items whose metric has no SZY 206 class (see Encode) are refused
// with ErrUnsupported, and bad stations with ErrBadStation; nothing is
// stored then.
func (q *Queue) Enqueue(ctx context.Context, items []Item) (int, error) {
	for _, it := range items {
		if _, err := parseStation(it.Station); err != nil {
			return 0, err
		}
		if _, ok := classOf(it.Metric); !ok {
			return 0, fmt.Errorf("forward: %s: %w", it.Metric, ErrUnsupported)
		}
	}
	tx, err := q.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("forward: enqueue: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO outbox (station, metric, t, value) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`)
	if err != nil {
		return 0, fmt.Errorf("forward: enqueue: %w", err)
	}
	defer stmt.Close()
	added := map[string]int{}
	n := 0
	for _, it := range items {
		res, err := stmt.ExecContext(ctx, it.Station, int64(it.Metric), it.Time.UnixMilli(), it.Value)
		if err != nil {
			return 0, fmt.Errorf("forward: enqueue: %w", err)
		}
		if k, _ := res.RowsAffected(); k > 0 {
			added[it.Station]++
			n++
		}
	}
	newest := map[string]int64{}
	for _, it := range items {
		newest[it.Station] = max(newest[it.Station], it.Time.UnixMilli())
	}
	for st, t := range newest {
		if _, err := tx.ExecContext(ctx, `INSERT INTO marks (station, last_ms) VALUES (?, ?)
			ON CONFLICT (station) DO UPDATE SET last_ms = MAX(last_ms, excluded.last_ms)`, st, t); err != nil {
			return 0, fmt.Errorf("forward: enqueue: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("forward: enqueue: %w", err)
	}
	q.mu.Lock()
	for st, k := range added {
		q.backlog[st] += k
		q.total += k
	}
	q.mu.Unlock()
	return n, nil
}

// EnqueueSamples queues accepted samples (for example from
// ingest.Config.Committed) whose point stationOf maps to an upstream station
// and whose metric SZY 206 can carry; the others are left out.
func (q *Queue) EnqueueSamples(ctx context.Context, samples []sishui.Sample, stationOf func(point int64) (string, bool)) (int, error) {
	items := make([]Item, 0, len(samples))
	for _, s := range samples {
		st, ok := stationOf(s.Point)
		if !ok {
			continue
		}
		if _, ok := classOf(s.Metric); !ok {
			continue
		}
		items = append(items, Item{Station: st, Metric: s.Metric, Time: s.Time, Value: s.Value})
	}
	return q.Enqueue(ctx, items)
}

// Mark returns the newest observation time ever queued for a station.
func (q *Queue) Mark(ctx context.Context, station string) (time.Time, bool, error) {
	var ms int64
	err := q.db.QueryRowContext(ctx, `SELECT last_ms FROM marks WHERE station = ?`, station).Scan(&ms)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("forward: mark: %w", err)
	}
	return time.UnixMilli(ms).UTC(), true, nil
}

// SeriesReader reads stored samples; sishui.Store is one.
type SeriesReader interface {
	QuerySamples(ctx context.Context, q sishui.SeriesQuery) ([]sishui.Sample, error)
}

// CatchUp queues what the store holds for the points after each station's
// mark, up to now: samples committed to the store whose queueing a crash cut
// off (the queue lives in its own file, so the two commits are not one).
// A station never queued before starts at now: turning the link on does not
// send the whole history. It returns how many items it queued.
func (q *Queue) CatchUp(ctx context.Context, st SeriesReader, points []*sishui.Point, now time.Time) (int, error) {
	n := 0
	for _, p := range points {
		station := strings.ToUpper(p.Code)
		if _, err := parseStation(station); err != nil {
			continue
		}
		from, ok, err := q.Mark(ctx, station)
		if err != nil {
			return n, err
		}
		if !ok {
			if _, err := q.db.ExecContext(ctx, `INSERT INTO marks (station, last_ms) VALUES (?, ?) ON CONFLICT DO NOTHING`, station, now.UnixMilli()); err != nil {
				return n, fmt.Errorf("forward: mark: %w", err)
			}
			continue
		}
		var items []Item
		for _, m := range []sishui.Metric{sishui.MetricVolumeM3, sishui.MetricFlowM3s, sishui.MetricLevelM, sishui.MetricRainMM, sishui.MetricTemperatureC} {
			xs, err := st.QuerySamples(ctx, sishui.SeriesQuery{Point: p.ID, Metric: m, From: from.Add(time.Millisecond), To: now.Add(time.Millisecond)})
			if err != nil {
				return n, fmt.Errorf("forward: catch up %s: %w", station, err)
			}
			for _, x := range xs {
				items = append(items, Item{Station: station, Metric: m, Time: x.Time, Value: x.Value})
			}
		}
		sort.SliceStable(items, func(i, j int) bool { return items[i].Time.Before(items[j].Time) })
		k, err := q.Enqueue(ctx, items)
		if err != nil {
			return n, err
		}
		n += k
	}
	return n, nil
}

// Backlog returns the number of queued items per station and in total.
func (q *Queue) Backlog() (perStation map[string]int, total int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make(map[string]int, len(q.backlog))
	for st, n := range q.backlog {
		if n > 0 {
			out[st] = n
		}
	}
	return out, q.total
}

// head returns the oldest queued item, or false when the queue is empty.
func (q *Queue) head(ctx context.Context) (Item, bool, error) {
	var it Item
	var t, m int64
	err := q.db.QueryRowContext(ctx, `SELECT id, station, metric, t, value FROM outbox ORDER BY id LIMIT 1`).
		Scan(&it.ID, &it.Station, &m, &t, &it.Value)
	if errors.Is(err, sql.ErrNoRows) {
		return it, false, nil
	}
	if err != nil {
		return it, false, fmt.Errorf("forward: queue head: %w", err)
	}
	it.Metric, it.Time = sishui.Metric(m), time.UnixMilli(t).UTC()
	return it, true, nil
}

// done removes a confirmed item.
func (q *Queue) done(ctx context.Context, it Item) error {
	res, err := q.db.ExecContext(ctx, `DELETE FROM outbox WHERE id = ?`, it.ID)
	if err != nil {
		return fmt.Errorf("forward: remove confirmed item: %w", err)
	}
	if k, _ := res.RowsAffected(); k > 0 {
		q.mu.Lock()
		q.backlog[it.Station]--
		q.total--
		if q.backlog[it.Station] <= 0 {
			delete(q.backlog, it.Station)
		}
		q.mu.Unlock()
	}
	return nil
}
