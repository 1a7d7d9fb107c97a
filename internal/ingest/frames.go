package ingest

import (
	"context"
	"fmt"
	"strings"

	"github.com/sishui/sishui"
)

// SubmitFrames is the gateway's way in: it archives a terminal connection's
// raw frames and stores their samples (already mapped to points found with
// Terminal) in one transaction of the group committer, under the same policy
// as Submit: samples with an unacceptable time or value are not stored (the
// frame's Reason says so and its Samples count drops), the others get the
// quality flags. It returns after the frames and samples are durable, so a
// confirm may follow; it waits for room in a full queue as long as ctx
// allows (back-pressure: the terminal waits for its confirm). Samples must
// be grouped by frame, in frame order, frame i owning frames[i].Samples of
// them.
func (ing *Ingester) SubmitFrames(ctx context.Context, frames []*sishui.RawFrame, samples []sishui.Sample) (sishui.AppendResult, error) {
	if err := ctx.Err(); err != nil {
		return sishui.AppendResult{}, fmt.Errorf("ingest: submit frames: %w", err)
	}
	now := ing.cfg.Now()
	req := &request{frames: frames, wait: true, samples: samples[:0]}
	ing.submitted.Add(int64(len(samples)))
	j := 0
	for _, f := range frames {
		n := f.Samples
		var refused []string
		for _, x := range samples[j : j+n] {
			if reason := ing.checkValue(x.Time, x.Value, now); reason != "" {
				f.Samples--
				refused = append(refused, x.Metric.String()+": "+reason)
				continue
			}
			ing.flag(&x, now)
			req.samples = append(req.samples, x)
		}
		j += n
		if len(refused) > 0 {
			ing.rejected.Add(int64(len(refused)))
			if f.Reason != "" {
				f.Reason += "; "
			}
			f.Reason += "samples not stored: " + strings.Join(refused, "; ")
		}
	}
	req.status = make([]Status, len(req.samples))
	req.conflict = make([]bool, len(req.samples))
	req.done = make(chan struct{})
	if err := ing.enqueue(ctx, req); err != nil {
		return sishui.AppendResult{}, err
	}
	select {
	case <-req.done:
	case <-ctx.Done():
		return sishui.AppendResult{}, fmt.Errorf("ingest: submit frames: waiting for commit: %w", ctx.Err())
	}
	if req.err != nil {
		return sishui.AppendResult{}, req.err
	}
	res := sishui.AppendResult{Duplicates: req.storeDups}
	for _, st := range req.status {
		if st == Accepted {
			res.Inserted++
		} else {
			res.Duplicates++
		}
	}
	res.Inserted -= req.storeDups
	return res, nil
}
