// Package leader elects one active instance among several with a
// PostgreSQL session-level advisory lock: the holder leads while its
// database connection lives; when the process dies (kill -9) the server
// drops the connection and the lock, and another instance takes over within
// its retry interval.
package leader

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// Elector runs lead while it holds the lock Key on the database DSN.
type Elector struct {
	DSN string
	// Key names the lock (one per kind of singleton work).
	Key int64
	// Every is how often a follower tries the lock and a leader checks its
	// connection (default 1 s).
	Every time.Duration
	Log   *slog.Logger

	leading atomic.Bool
	terms   atomic.Int64
}

// Leading reports whether this instance leads now.
func (e *Elector) Leading() bool { return e.leading.Load() }

// Terms counts the times this instance became leader.
func (e *Elector) Terms() int64 { return e.terms.Load() }

// Run tries the lock until ctx ends; while it holds it, lead runs with a
// context that ends when leadership is lost (connection broken) or ctx ends.
// lead should return soon after its context ends; Run waits for it.
func (e *Elector) Run(ctx context.Context, lead func(ctx context.Context)) {
	every := e.Every
	if every <= 0 {
		every = time.Second
	}
	log := e.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	for ctx.Err() == nil {
		if e.term(ctx, every, log, lead) {
			continue // lost leadership: try again at once
		}
		select {
		case <-ctx.Done():
		case <-time.After(every):
		}
	}
}

// term connects, tries the lock and leads while it holds it. It reports
// whether it led.
func (e *Elector) term(ctx context.Context, every time.Duration, log *slog.Logger, lead func(context.Context)) bool {
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	conn, err := pgx.Connect(cctx, e.DSN)
	cancel()
	if err != nil {
		log.Warn("leader: connect", "err", err)
		return false
	}
	defer conn.Close(context.Background())
	var got bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", e.Key).Scan(&got); err != nil || !got {
		if err != nil {
			log.Warn("leader: try lock", "err", err)
		}
		return false
	}
	e.terms.Add(1)
	e.leading.Store(true)
	defer e.leading.Store(false)
	log.Info("leader: leading", "key", e.Key)
	lctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); lead(lctx) }()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			stop()
			<-done
			return true
		case <-done:
			stop()
			return true
		case <-t.C:
			pctx, cancel := context.WithTimeout(ctx, every+2*time.Second)
			err := conn.Ping(pctx)
			cancel()
			if err != nil && ctx.Err() == nil {
				log.Warn("leader: lost the database connection, stepping down", "err", err)
				stop()
				<-done
				return true
			}
		}
	}
}
