package gateway

import (
	"context"
	"fmt"
	"time"

	"github.com/sishui/sishui"
)

// batch is what one connection hands to the committer: the frames of one
// read and their samples. The committer sets err and res and signals done.
type batch struct {
	frames  []*sishui.RawFrame
	samples []sishui.Sample
	err     error
	res     sishui.AppendResult
	done    chan struct{}
}

// committer group-commits batches from many connections: it takes what has
// queued up (waiting up to BatchDelay for more, at most BatchFrames frames),
// makes one IngestFrames call and releases every batch. When the group fails,
// each batch is retried alone so that one bad batch cannot hold back others.
func (s *Server) committer() {
	defer close(s.committerDone)
	var group []*batch
	var timer *time.Timer
	for {
		b, ok := <-s.commits
		if !ok {
			return
		}
		group = append(group[:0], b)
		n := len(b.frames)
		closed := false
		var deadline time.Time
	drain:
		for n < s.BatchFrames {
			select {
			case b, ok := <-s.commits:
				if !ok {
					closed = true
					break drain
				}
				group = append(group, b)
				n += len(b.frames)
				continue
			default:
			}
			if s.BatchDelay <= 0 {
				break drain
			}
			if deadline.IsZero() {
				deadline = time.Now().Add(s.BatchDelay)
			}
			wait := time.Until(deadline)
			if wait <= 0 {
				break drain
			}
			if timer == nil {
				timer = time.NewTimer(wait)
			} else {
				timer.Reset(wait)
			}
			select {
			case b, ok := <-s.commits:
				timer.Stop()
				if !ok {
					closed = true
					break drain
				}
				group = append(group, b)
				n += len(b.frames)
			case <-timer.C:
				break drain
			}
		}
		s.commitGroup(group, n)
		clear(group)
		if closed {
			return
		}
	}
}

func (s *Server) commitGroup(group []*batch, n int) {
	s.m.batch.Update(float64(n))
	if len(group) == 1 {
		b := group[0]
		b.res, b.err = s.ingest(b.frames, b.samples)
		s.finish(b)
		return
	}
	frames := make([]*sishui.RawFrame, 0, n)
	var samples []sishui.Sample
	for _, b := range group {
		frames = append(frames, b.frames...)
		samples = append(samples, b.samples...)
	}
	res, err := s.ingest(frames, samples)
	if err == nil {
		// Counts are per group; attribute them to the first batch.
		group[0].res = res
		for _, b := range group {
			s.finish(b)
		}
		return
	}
	s.log.Warn("gateway: group commit failed, retrying batches one by one", "frames", n, "err", err)
	for _, b := range group {
		for _, f := range b.frames {
			f.ID = 0
		}
		b.res, b.err = s.ingest(b.frames, b.samples)
		s.finish(b)
	}
}

func (s *Server) finish(b *batch) {
	if b.err == nil {
		s.m.inserted.Add(b.res.Inserted)
		s.m.dups.Add(b.res.Duplicates)
	}
	b.done <- struct{}{}
}

// ingest makes one IngestFrames call, never panicking.
func (s *Server) ingest(frames []*sishui.RawFrame, samples []sishui.Sample) (res sishui.AppendResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("gateway: ingest panicked: %v", r)
		}
		if err != nil {
			s.m.failed.Inc()
		}
	}()
	s.m.commits.Inc()
	ctx, cancel := context.WithTimeout(context.Background(), s.CommitTimeout)
	defer cancel()
	res, err = s.Store.IngestFrames(ctx, frames, samples)
	if err != nil {
		return res, fmt.Errorf("gateway: ingest %d frames: %w", len(frames), err)
	}
	if s.Committed != nil && len(samples) > 0 {
		s.Committed(samples)
	}
	return res, nil
}
