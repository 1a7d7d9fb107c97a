package ingest

import (
	"fmt"
	"math"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/quality"
)

// request is one Submit call waiting for the committer.
type request struct {
	frames   []*sishui.RawFrame // terminal frames archived in the same transaction
	wait     bool               // wait for room in a full queue (terminals) rather than ErrBusy
	samples  []sishui.Sample
	index    []int    // result index of each sample
	status   []Status // set by the committer
	conflict []bool   // a duplicate whose value differs from the stored one
	// Terminal frames: samples at or before their series' newest stored
	// time (sent without a look-up), and how many of them the store found
	// stored already.
	maybeDup, storeDups int
	err                 error
	done                chan struct{}
}

// run is the committer: it gathers requests into batches of up to MaxBatch
// samples, waiting at most MaxDelay after the first, and commits each batch
// with one AppendSamples call.
func (ing *Ingester) run() {
	defer close(ing.done)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var batch []*request
	for {
		batch = batch[:0]
		var first *request
		select {
		case first = <-ing.reqs:
		case <-ing.quit:
			ing.drain()
			return
		}
		batch = append(batch, first)
		n := len(first.samples) + len(first.frames)
		timer.Reset(ing.cfg.MaxDelay)
		quitting := false
	collect:
		for n < ing.cfg.MaxBatch {
			select {
			case r := <-ing.reqs:
				batch = append(batch, r)
				n += len(r.samples) + len(r.frames)
			case <-timer.C:
				break collect
			case <-ing.quit:
				quitting = true
				break collect
			}
		}
		timer.Stop()
		ing.commit(batch)
		if quitting {
			ing.drain()
			return
		}
	}
}

// drain commits every request still queued; no new ones can arrive.
func (ing *Ingester) drain() {
	for {
		var batch []*request
		n := 0
	gather:
		for n < ing.cfg.MaxBatch {
			select {
			case r := <-ing.reqs:
				batch = append(batch, r)
				n += len(r.samples) + len(r.frames)
			default:
				break gather
			}
		}
		if len(batch) == 0 {
			return
		}
		ing.commit(batch)
	}
}

type sampleKey struct {
	point  int64
	metric sishui.Metric
	t      int64
}

type sampleRef struct {
	r *request
	i int
}

// batchScratch holds commitBatch's working buffers from one commit to the
// next (the committer's own; the samples sent to the store are not among
// them, as the Committed hook may keep those).
type batchScratch struct {
	refs []sampleRef
	seen map[sampleKey]int
}

// commit appends one batch and releases its submitters.
func (ing *Ingester) commit(batch []*request) {
	err := ing.commitBatch(batch)
	if err != nil && len(batch) > 1 && sishui.ErrorCode(err) == sishui.EINVALID {
		// One submitter's bad sample must not fail the others: retry alone.
		for _, r := range batch {
			for _, f := range r.frames {
				f.ID = 0
			}
			r.err = ing.commitBatch([]*request{r})
		}
	} else {
		for _, r := range batch {
			r.err = err
		}
	}
	for _, r := range batch {
		if r.err == nil {
			for _, s := range r.status {
				if s == Accepted {
					ing.accepted.Add(1)
				} else {
					ing.duplicates.Add(1)
				}
			}
			ing.accepted.Add(-int64(r.storeDups))
			ing.duplicates.Add(int64(r.storeDups))
		}
		close(r.done)
	}
}

// commitBatch classifies the batch's samples as new or already stored, appends
// the new ones in one call and sets the statuses.
func (ing *Ingester) commitBatch(batch []*request) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ingest: commit panicked: %v", r)
			ing.cfg.Logger.Error("ingest: commit panicked", "panic", r)
		}
	}()
	n, nf := 0, 0
	for _, r := range batch {
		r.maybeDup, r.storeDups = 0, 0
		n += len(r.samples) + len(r.frames)
		nf += len(r.frames)
	}
	var frames []*sishui.RawFrame
	if nf > 0 {
		frames = make([]*sishui.RawFrame, 0, nf)
		for _, r := range batch {
			frames = append(frames, r.frames...)
		}
	}
	send := make([]sishui.Sample, 0, n)
	refs := ing.batch.refs[:0]
	seen := ing.batch.seen
	if seen == nil {
		seen = make(map[sampleKey]int, n)
		ing.batch.seen = seen
	}
	defer func() {
		clear(refs[:cap(refs)]) // no request kept alive till the next commit
		ing.batch.refs = refs[:0]
		clear(seen)
	}()
	var uncertain []int // indices into send at or before their series' high-water mark
	for _, r := range batch {
		for i, s := range r.samples {
			k := sampleKey{s.Point, s.Metric, s.Time.UnixMilli()}
			if j, ok := seen[k]; ok {
				// The same key twice in one batch: the first is kept.
				r.status[i] = Duplicate
				r.conflict[i] = quality.CheckDuplicate(send[j].Value, s.Value) != 0
				continue
			}
			hw, err := ing.highWater(s.Point, s.Metric)
			if err != nil {
				return err
			}
			seen[k] = len(send)
			if k.t <= hw {
				if r.frames == nil {
					uncertain = append(uncertain, len(send))
				} else {
					// A terminal's resend (after a lost confirm or a
					// restart) needs no look-up: the store keeps the stored
					// value (ON CONFLICT DO NOTHING) and counts it.
					r.maybeDup++
				}
			}
			send = append(send, s)
			refs = append(refs, sampleRef{r, i})
			r.status[i] = Accepted
		}
	}
	if len(uncertain) > 0 {
		stored, err := ing.storedValues(send, uncertain)
		if err != nil {
			return err
		}
		keep := send[:0]
		keepRefs := refs[:0]
		for j, s := range send {
			ref := refs[j]
			if v, ok := stored[sampleKey{s.Point, s.Metric, s.Time.UnixMilli()}]; ok {
				ref.r.status[ref.i] = Duplicate
				ref.r.conflict[ref.i] = quality.CheckDuplicate(v, s.Value) != 0
				continue
			}
			keep = append(keep, s)
			keepRefs = append(keepRefs, ref)
		}
		send, refs = keep, keepRefs
	}
	if len(send) == 0 && len(frames) == 0 {
		return nil
	}
	ing.batches.Add(1)
	var res sishui.AppendResult
	if len(frames) > 0 {
		res, err = ing.store.IngestFrames(ing.sysCtx, frames, send)
	} else {
		res, err = ing.store.AppendSamples(ing.sysCtx, send)
	}
	if err != nil {
		ing.cfg.Logger.Error("ingest: append failed", "frames", len(frames), "samples", len(send), "err", err)
		return fmt.Errorf("ingest: append: %w", err)
	}
	ing.frames.Add(int64(len(frames)))
	if res.Duplicates > 0 && len(frames) == 0 {
		// Another writer stored some of these keys after the look-up.
		ing.mismatches.Add(int64(res.Duplicates))
		ing.cfg.Logger.Warn("ingest: store counted duplicates the ingester thought new", "duplicates", res.Duplicates)
	}
	if len(frames) > 0 {
		// The store's duplicates are among the frames' possible resends.
		left := res.Duplicates
		for _, r := range batch {
			r.storeDups = min(r.maybeDup, left)
			left -= r.storeDups
		}
	}
	for _, s := range send {
		k := seriesKey{s.Point, s.Metric}
		if t := s.Time.UnixMilli(); t > ing.hwm[k] {
			ing.hwm[k] = t
		}
	}
	if ing.cfg.Committed != nil && len(send) > 0 {
		ing.cfg.Committed(send)
	}
	return nil
}

// highWater returns the newest stored time of a series (Unix ms), loading
// the point's latest samples on first use; math.MinInt64 when none is stored.
func (ing *Ingester) highWater(point int64, metric sishui.Metric) (int64, error) {
	k := seriesKey{point, metric}
	if t, ok := ing.hwm[k]; ok {
		return t, nil
	}
	if !ing.loaded[point] {
		var latest []sishui.Sample
		if v, ok := ing.points.latest.LoadAndDelete(point); ok {
			latest = v.([]sishui.Sample) // read when the point was resolved
		} else {
			var err error
			if latest, err = ing.store.LatestSamples(ing.sysCtx, point); err != nil {
				return 0, fmt.Errorf("ingest: latest samples of point %d: %w", point, err)
			}
		}
		for _, s := range latest {
			ing.hwm[seriesKey{point, s.Metric}] = s.Time.UnixMilli()
		}
		ing.loaded[point] = true
		if t, ok := ing.hwm[k]; ok {
			return t, nil
		}
	}
	ing.hwm[k] = math.MinInt64
	return math.MinInt64, nil
}

// storedValues returns the stored values of the keys of send[uncertain], one
// range query per series.
func (ing *Ingester) storedValues(send []sishui.Sample, uncertain []int) (map[sampleKey]float64, error) {
	type span struct{ from, to int64 }
	spans := make(map[seriesKey]span)
	for _, j := range uncertain {
		s := send[j]
		k := seriesKey{s.Point, s.Metric}
		t := s.Time.UnixMilli()
		sp, ok := spans[k]
		if !ok {
			sp = span{t, t}
		}
		sp.from, sp.to = min(sp.from, t), max(sp.to, t)
		spans[k] = sp
	}
	want := make(map[sampleKey]bool, len(uncertain))
	for _, j := range uncertain {
		s := send[j]
		want[sampleKey{s.Point, s.Metric, s.Time.UnixMilli()}] = true
	}
	stored := make(map[sampleKey]float64)
	for k, sp := range spans {
		got, err := ing.store.QuerySamples(ing.sysCtx, sishui.SeriesQuery{
			Point: k.point, Metric: k.metric,
			From: time.UnixMilli(sp.from), To: time.UnixMilli(sp.to + 1),
		})
		if err != nil {
			return nil, fmt.Errorf("ingest: look up stored samples: %w", err)
		}
		for _, g := range got {
			sk := sampleKey{k.point, k.metric, g.Time.UnixMilli()}
			if want[sk] {
				stored[sk] = g.Value
			}
		}
	}
	return stored, nil
}
