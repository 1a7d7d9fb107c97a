package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/quality"
)

// Status says what became of one observation.
type Status string

// Statuses.
const (
	Accepted  Status = "accepted"  // stored now
	Duplicate Status = "duplicate" // the same (point, metric, time) was already stored; the stored value is kept
	Rejected  Status = "rejected"  // not stored; Result.Reason says why
)

// Observation is one value as a meter, system or person reports it. The point
// is named by its ID, or by its terminal Code with the Protocol it is
// registered under.
type Observation struct {
	Point    int64     `json:"point,omitempty"`
	Code     string    `json:"code,omitempty"`
	Protocol string    `json:"protocol,omitempty"`
	Metric   string    `json:"metric"` // a metric name, e.g. "flow_m3s" (sishui.ParseMetric)
	Time     time.Time `json:"time"`
	Value    float64   `json:"value"`
}

// Result is what became of one observation.
type Result struct {
	Status Status       `json:"status"`
	Point  int64        `json:"point,omitempty"`  // the resolved point
	Flags  quality.Flag `json:"flags"`            // quality reasons (also for duplicates)
	Reason string       `json:"reason,omitempty"` // why it was rejected
}

// Store is what an Ingester needs of a store; sishui.Store provides it.
type Store interface {
	sishui.SeriesStore
	GetPoint(ctx context.Context, id int64) (*sishui.Point, error)
	PointByCode(ctx context.Context, protocol, code string) (*sishui.Point, error)
	ListPoints(ctx context.Context, f sishui.PointFilter) ([]*sishui.Point, int, error)
}

// Config tunes an Ingester. The zero value is usable.
type Config struct {
	// MaxBatch is the number of samples at which a batch is committed at
	// once; default 5000. A single Submit larger than that is one batch.
	MaxBatch int
	// MaxDelay is how long a batch waits for more submitters once the first
	// has arrived; default 2 ms. While a commit runs, later submitters queue
	// and go into the next batch.
	MaxDelay time.Duration
	// QueueLen is how many submissions may wait for the committer before
	// Submit blocks; default 4096.
	QueueLen int
	// MaxFuture rejects observations later than now + MaxFuture; default 24 h.
	// (The quality checker flags smaller clock errors as future_timestamp.)
	MaxFuture time.Duration
	// Checker adds quality flags; nil means a checker of Quality (or
	// quality.DefaultConfig) with the point kinds from the registry.
	Checker *quality.Checker
	// Quality is the data-quality configuration when Checker is nil; the
	// zero value means quality.DefaultConfig.
	Quality *quality.Config
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Logger receives commit failures and warnings; nil means slog.Default.
	Logger *slog.Logger
	// PointTTL is how long a resolved point (or a refusal) is cached at
	// most; default 1 h. It is the safety net only: the cache is dropped
	// whenever the store's registry version moved (checked every
	// PointCheck), so a registry change by another process is seen within
	// PointCheck, and InvalidatePoints and ForgetPoint drop entries at once.
	PointTTL time.Duration
	// PointCheck is how often the point cache compares the registry version
	// (one tiny query, off the submitters' goroutines); default 5 s.
	PointCheck time.Duration
	// PreloadPoints: when the registry holds at most this many points, an
	// empty point cache loads them all in one query (and the quality
	// checker's latest samples of all in another); a larger registry is
	// looked up point by point. Default 50,000; negative: never.
	PreloadPoints int
	// BusyAfter is how long Submit waits for room in a full queue before it
	// gives up with ErrBusy (HTTP answers 503 with Retry-After); default 1 s.
	// Terminals' frames (SubmitFrames) wait as long as their context allows:
	// the terminal waits for its confirm.
	BusyAfter time.Duration
	// Committed, when set, is called by the committer after each durable
	// append with the samples sent to the store (those not found stored
	// beforehand), before any submitter of the batch is released. Use it to
	// feed the forwarder; it must not keep the slice and should be quick.
	Committed func(samples []sishui.Sample)
}

func (c *Config) defaults() {
	if c.MaxBatch <= 0 {
		c.MaxBatch = 5000
	}
	if c.MaxDelay <= 0 {
		c.MaxDelay = 2 * time.Millisecond
	}
	if c.QueueLen <= 0 {
		c.QueueLen = 4096
	}
	if c.MaxFuture <= 0 {
		c.MaxFuture = 24 * time.Hour
	}
	if c.PointTTL <= 0 {
		c.PointTTL = time.Hour
	}
	if c.PointCheck <= 0 {
		c.PointCheck = 5 * time.Second
	}
	if c.PreloadPoints == 0 {
		c.PreloadPoints = 50_000
	}
	if c.BusyAfter <= 0 {
		c.BusyAfter = time.Second
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// ErrClosed is returned by Submit after Close.
var ErrClosed error = &sishui.Error{Code: sishui.EUNAVAILABLE, Op: "ingest", Message: "ingester closed"}

// ErrBusy is returned by Submit when the committer's queue stayed full for
// Config.BusyAfter: nothing of the call was stored; try again later.
var ErrBusy error = &sishui.Error{Code: sishui.EUNAVAILABLE, Op: "ingest", Message: "busy, try again later"}

// Stats counts what an Ingester did since it started.
type Stats struct {
	Submitted  int64 // observations given to Submit
	Accepted   int64
	Duplicates int64
	Rejected   int64
	Batches    int64 // AppendSamples calls
	Mismatches int64 // samples predicted new that the store counted as duplicates (another writer)
	Busy       int64 // submissions refused with ErrBusy
	Frames     int64 // terminal frames archived
}

// Ingester validates, flags and durably appends observations, batching
// concurrent submitters into one store transaction (group commit). It is
// safe for concurrent use; Close it to stop its committer.
type Ingester struct {
	store   Store
	cfg     Config
	checker *quality.Checker
	sysCtx  context.Context

	mu     sync.RWMutex // guards closed against sends on reqs
	closed bool
	reqs   chan *request
	quit   chan struct{}
	done   chan struct{}

	points pointCache

	submitted, accepted, duplicates, rejected, batches, mismatches, busy, frames atomic.Int64

	// Owned by the committer goroutine.
	hwm    map[seriesKey]int64 // newest stored time (Unix ms) per series
	loaded map[int64]bool      // points whose hwm entries are loaded
	batch  batchScratch        // commitBatch's buffers, kept between commits
}

type seriesKey struct {
	point  int64
	metric sishui.Metric
}

// New starts an Ingester in front of store.
func New(store Store, cfg Config) *Ingester {
	cfg.defaults()
	ing := &Ingester{
		store:  store,
		cfg:    cfg,
		sysCtx: sishui.WithActor(context.Background(), sishui.SystemActor),
		reqs:   make(chan *request, cfg.QueueLen),
		quit:   make(chan struct{}),
		done:   make(chan struct{}),
		points: pointCache{byID: make(map[int64]*pointEntry), byCode: make(map[codeKey]*pointEntry), seeded: make(map[int64]*sync.Once), kinds: make(map[int64]string)},
		hwm:    make(map[seriesKey]int64),
		loaded: make(map[int64]bool),
	}
	ing.checker = cfg.Checker
	if ing.checker == nil {
		qc := quality.DefaultConfig()
		if cfg.Quality != nil {
			qc = *cfg.Quality
		}
		ing.checker = quality.NewChecker(qc, ing.kindOf)
	}
	go ing.run()
	return ing
}

// Close commits what is queued and stops the committer. Submit calls after
// Close fail with ErrClosed.
func (ing *Ingester) Close() error {
	ing.mu.Lock()
	if ing.closed {
		ing.mu.Unlock()
		<-ing.done
		return nil
	}
	ing.closed = true
	ing.mu.Unlock()
	close(ing.quit)
	<-ing.done
	ing.stopPoints()
	return nil
}

// Stats returns the counters.
func (ing *Ingester) Stats() Stats {
	return Stats{
		Submitted: ing.submitted.Load(), Accepted: ing.accepted.Load(), Duplicates: ing.duplicates.Load(),
		Rejected: ing.rejected.Load(), Batches: ing.batches.Load(), Mismatches: ing.mismatches.Load(),
		Busy: ing.busy.Load(), Frames: ing.frames.Load(),
	}
}

// Submit validates, flags and stores observations and returns one Result per
// observation, in order. It returns only after every accepted sample is
// durable. The context's actor must be allowed to write data (EFORBIDDEN
// otherwise); points outside its scope are rejected as unknown. An error
// means nothing of this call was acknowledged (some samples may have been
// stored; a resend reports them as duplicates).
func (ing *Ingester) Submit(ctx context.Context, obs []Observation) ([]Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("ingest: submit: %w", err)
	}
	actor := sishui.ActorFrom(ctx)
	if !actor.CanWrite() {
		return nil, &sishui.Error{Code: sishui.EFORBIDDEN, Op: "ingest", Message: "this account may not write data"}
	}
	shared := actor.SeesAll()
	ing.submitted.Add(int64(len(obs)))
	results := make([]Result, len(obs))
	req := &request{samples: make([]sishui.Sample, 0, len(obs)), index: make([]int, 0, len(obs))}
	now := ing.cfg.Now()
	var last *pointEntry
	var misses map[codeKey]*Refusal // refused points seen in this call
	for i := range obs {
		o := &obs[i]
		r := &results[i]
		metric, ok := sishui.ParseMetric(o.Metric)
		if !ok {
			r.reject("unknown metric %q", o.Metric)
			continue
		}
		if reason := ing.checkValue(o.Time, o.Value, now); reason != "" {
			r.reject("%s", reason)
			continue
		}
		e := last
		if e == nil || !e.matches(o) {
			k := refKey(o)
			if rf := misses[k]; rf != nil {
				r.reject("%s", rf.Reason)
				continue
			}
			var err error
			e, err = ing.resolve(ctx, o.Point, o.Protocol, strings.ToUpper(o.Code), shared)
			if err != nil {
				if rf, ok := asRefusal(err); ok {
					if misses == nil {
						misses = make(map[codeKey]*Refusal)
					}
					misses[k] = rf
					r.reject("%s", rf.Reason)
					continue
				}
				return nil, err
			}
			last = e
		}
		r.Point = e.p.ID
		x := sishui.Sample{Point: e.p.ID, Metric: metric, Time: o.Time, Value: o.Value}
		ing.flag(&x, now)
		r.Flags = quality.Flag(x.Flags)
		req.samples = append(req.samples, x)
		req.index = append(req.index, i)
	}
	rejected := len(obs) - len(req.samples)
	ing.rejected.Add(int64(rejected))
	if len(req.samples) == 0 {
		return results, nil
	}
	req.status = make([]Status, len(req.samples))
	req.conflict = make([]bool, len(req.samples))
	req.done = make(chan struct{})
	if err := ing.enqueue(ctx, req); err != nil {
		return nil, err
	}
	select {
	case <-req.done:
	case <-ctx.Done():
		return nil, fmt.Errorf("ingest: submit: waiting for commit: %w", ctx.Err())
	}
	if req.err != nil {
		return nil, req.err
	}
	for j, i := range req.index {
		results[i].Status = req.status[j]
		if req.conflict[j] {
			results[i].Flags |= quality.FlagDuplicateConflict
		}
	}
	return results, nil
}

func (r *Result) reject(format string, args ...any) {
	r.Status = Rejected
	r.Reason = fmt.Sprintf(format, args...)
}

// checkValue returns why a sample's time or value is not acceptable, or "".
func (ing *Ingester) checkValue(t time.Time, v float64, now time.Time) string {
	if reason := checkTime(t, now, ing.cfg.MaxFuture); reason != "" {
		return reason
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "value must be a finite number"
	}
	return ""
}

// flag truncates the sample's time to the millisecond (the stored
// resolution) and adds the quality checker's flags.
func (ing *Ingester) flag(x *sishui.Sample, now time.Time) {
	x.Time = time.UnixMilli(x.Time.UnixMilli()).UTC()
	x.Flags |= uint32(ing.checker.Check(quality.Sample{Point: x.Point, Metric: x.Metric.String(), Time: x.Time, Value: x.Value}, now))
}

// checkTime returns why t is not acceptable, or "".
func checkTime(t, now time.Time, maxFuture time.Duration) string {
	switch {
	case t.IsZero():
		return "time is required"
	case t.Year() < 1970 || t.Year() > 2200:
		return "time must be between 1970 and 2200"
	case t.After(now.Add(maxFuture)):
		return fmt.Sprintf("time %s is more than %s in the future", t.Format(time.RFC3339), maxFuture)
	}
	return ""
}

func (e *pointEntry) matches(o *Observation) bool {
	if o.Point != 0 {
		return o.Point == e.p.ID
	}
	return o.Code == e.p.Code && (o.Protocol == e.p.Protocol || o.Protocol == "")
}

func refKey(o *Observation) codeKey {
	if o.Point != 0 {
		return codeKey{"#id", strconv.FormatInt(o.Point, 10)}
	}
	return codeKey{o.Protocol, o.Code}
}

func (ing *Ingester) enqueue(ctx context.Context, req *request) error {
	ing.mu.RLock()
	defer ing.mu.RUnlock()
	if ing.closed {
		return ErrClosed
	}
	select {
	case ing.reqs <- req:
		return nil
	default:
	}
	var busy <-chan time.Time
	if !req.wait {
		t := time.NewTimer(ing.cfg.BusyAfter)
		defer t.Stop()
		busy = t.C
	}
	select {
	case ing.reqs <- req:
		return nil
	case <-busy:
		ing.busy.Add(1)
		return ErrBusy
	case <-ctx.Done():
		return fmt.Errorf("ingest: submit: queue full: %w", ctx.Err())
	}
}
