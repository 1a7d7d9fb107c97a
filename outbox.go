package sishui

import (
	"context"
	"time"
)

// OutboxItem is a stored sample waiting to be sent to the national
// water-resources platform (国家水资源监控平台).
type OutboxItem struct {
	ID     int64     `json:"id"`
	Point  int64     `json:"point"`
	Metric Metric    `json:"metric"`
	Time   time.Time `json:"time"`
	Value  float64   `json:"value"`
}

// OutboxStore is the national-link outbox (上报队列). While metrics are
// enabled, every append (AppendSamples, IngestFrames) queues its samples of
// those metrics in the same transaction that stores them, so nothing
// acknowledged can miss the link and no side file is needed.
type OutboxStore interface {
	// EnableOutbox sets the metrics later appends through this store handle
	// queue; none turns queueing off (the default).
	EnableOutbox(metrics ...Metric)
	// OutboxHead returns up to limit queued items with ID > after, oldest
	// first; an empty slice when there are none.
	OutboxHead(ctx context.Context, after int64, limit int) ([]OutboxItem, error)
	// OutboxDone removes items once the upstream confirmed them; unknown IDs
	// are ignored.
	OutboxDone(ctx context.Context, ids ...int64) error
	// OutboxBacklog counts the queued items per point.
	OutboxBacklog(ctx context.Context) (map[int64]int, error)
}

// StationBacklog is one station's national-link backlog (上报积压): how many
// of its samples wait in the outbox and the time of the oldest, whose age is
// the station's lag behind the national platform.
type StationBacklog struct {
	Point    int64     `json:"point"`
	Code     string    `json:"code"`
	Name     string    `json:"name"`
	Protocol string    `json:"protocol"`
	Region   string    `json:"region"`
	Queued   int       `json:"queued"`
	Oldest   time.Time `json:"oldest"`
	// LagSeconds is the age of the oldest queued sample when read.
	LagSeconds int64 `json:"lag_seconds"`
}

// OutboxStationStore lists the backlog per station.
type OutboxStationStore interface {
	// OutboxStations lists the stations in scope that have queued items,
	// most queued first.
	OutboxStations(ctx context.Context) ([]StationBacklog, error)
}
