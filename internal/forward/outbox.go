package forward

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// Outbox is what a Forwarder sends from: the store's outbox (StoreOutbox,
// filled in the transaction that stores the samples) or a Queue file.
type Outbox interface {
	// Backlog returns the number of queued items per station and in total.
	Backlog() (perStation map[string]int, total int)
	head(ctx context.Context) (Item, bool, error)
	done(ctx context.Context, it Item) error
}

// OutboxSource is the part of a store a StoreOutbox needs; sishui.Store has it.
type OutboxSource interface {
	sishui.OutboxStore
	GetPoint(ctx context.Context, id int64) (*sishui.Point, error)
}

// StoreOutbox sends the store's outbox: samples queued by the append that
// stored them, so nothing is lost between the two and no side file exists.
// Items of points without a 10-hex-digit terminal address are dropped.
type StoreOutbox struct {
	st OutboxSource
	p  szy206.Profile

	mu       sync.Mutex
	stations map[int64]string    // point → station ("": not forwarded)
	words    map[int64][2]uint16 // point → latest alarm and status words
	buf      []sishui.OutboxItem
	backlog  map[string]int
	total    int
	counted  time.Time // when backlog was read from the store
}

// NewStoreOutbox turns queueing on in st (the metrics of Metrics(p)) and
// returns the outbox to hand to New with the same profile. Alarm and pump
// state samples are not sent alone: they set the alarm and status words of
// the station's reports from their time on (a report and the words of the
// same time go together).
func NewStoreOutbox(st OutboxSource, p szy206.Profile) *StoreOutbox {
	if p.Name == "" {
		p = szy206.ProfileSZY206()
	}
	st.EnableOutbox(Metrics(p)...)
	return &StoreOutbox{st: st, p: p, stations: map[int64]string{}, words: map[int64][2]uint16{}, backlog: map[string]int{}}
}

// word records an alarm or pump-state sample; false for other metrics.
func (o *StoreOutbox) word(x sishui.OutboxItem) bool {
	w := o.words[x.Point]
	switch x.Metric {
	case sishui.MetricAlarm:
		w[0] = uint16(x.Value)
	case sishui.MetricPumpState:
		w[1] = uint16(x.Value)
	default:
		return false
	}
	o.words[x.Point] = w
	return true
}

// backlogEvery is how often Backlog's counts are read again from the store.
const backlogEvery = 10 * time.Second

// Backlog returns the queued items per station and in total, as counted
// at most backlogEvery ago and kept up to date by what was sent since.
func (o *StoreOutbox) Backlog() (map[string]int, int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := make(map[string]int, len(o.backlog))
	for st, n := range o.backlog {
		if n > 0 {
			out[st] = n
		}
	}
	return out, o.total
}

func (o *StoreOutbox) station(ctx context.Context, point int64) (string, error) {
	if st, ok := o.stations[point]; ok {
		return st, nil
	}
	p, err := o.st.GetPoint(ctx, point)
	if err != nil && sishui.ErrorCode(err) != sishui.ENOTFOUND {
		return "", fmt.Errorf("forward: station of point %d: %w", point, err)
	}
	st := ""
	if p != nil {
		if _, err := parseStation(strings.ToUpper(p.Code)); err == nil {
			st = strings.ToUpper(p.Code)
		}
	}
	o.stations[point] = st
	return st, nil
}

func (o *StoreOutbox) recount(ctx context.Context) error {
	per, err := o.st.OutboxBacklog(ctx)
	if err != nil {
		return fmt.Errorf("forward: backlog: %w", err)
	}
	backlog, total := map[string]int{}, 0
	for point, n := range per {
		st, err := o.station(ctx, point)
		if err != nil {
			return err
		}
		if st != "" {
			backlog[st] += n
			total += n
		}
	}
	o.backlog, o.total, o.counted = backlog, total, time.Now()
	return nil
}

func (o *StoreOutbox) head(ctx context.Context) (Item, bool, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if time.Since(o.counted) > backlogEvery {
		if err := o.recount(ctx); err != nil {
			return Item{}, false, err
		}
	}
	for {
		if len(o.buf) == 0 {
			items, err := o.st.OutboxHead(ctx, 0, 100)
			if err != nil {
				return Item{}, false, fmt.Errorf("forward: outbox head: %w", err)
			}
			if len(items) == 0 {
				return Item{}, false, nil
			}
			o.buf = items
		}
		x := o.buf[0]
		st, err := o.station(ctx, x.Point)
		if err != nil {
			return Item{}, false, err
		}
		if st != "" && !o.word(x) && carries(x.Metric, o.p) {
			// The words of the same time travel with the report.
			for _, y := range o.buf[1:] {
				if y.Point == x.Point && y.Time.Equal(x.Time) {
					o.word(y)
				}
			}
			w := o.words[x.Point]
			return Item{ID: x.ID, Station: st, Metric: x.Metric, Time: x.Time, Value: x.Value, Alarm: w[0], Status: w[1]}, true, nil
		}
		if err := o.st.OutboxDone(ctx, x.ID); err != nil { // nothing upstream can take
			return Item{}, false, fmt.Errorf("forward: outbox drop: %w", err)
		}
		o.buf = o.buf[1:]
	}
}

func (o *StoreOutbox) done(ctx context.Context, it Item) error {
	if err := o.st.OutboxDone(ctx, it.ID); err != nil {
		return fmt.Errorf("forward: remove confirmed item: %w", err)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.buf) > 0 && o.buf[0].ID == it.ID {
		o.buf = o.buf[1:]
	}
	if o.backlog[it.Station] > 0 {
		o.backlog[it.Station]--
		o.total--
	}
	return nil
}
