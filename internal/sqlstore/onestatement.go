package sqlstore

import (
	"context"
	"slices"

	"github.com/sishui/sishui"
)

// IngestBatch is one append as the IngestOne hook stores it.
type IngestBatch struct {
	Frames  []*sishui.RawFrame // receive time and status set; IngestOne sets the IDs
	Samples []sishui.Sample    // in key order (CompareSampleKey)
	Latest  []sishui.Sample    // the newest sample of each series, in (point, metric) order
	Forward []sishui.Metric    // the metrics the national link forwards: their new samples go to the outbox
}

// oneStatement reports whether an append of n samples goes through the
// IngestOne hook: set, and the batch below the COPY threshold.
func (s *DB) oneStatement(n int) bool {
	return s.IngestOne != nil && (s.CopySamples == nil || n < s.copyMin())
}

// ingestOne stores frames and samples with the IngestOne hook: one round
// trip and one commit for the whole append.
func (s *DB) ingestOne(ctx context.Context, frames []*sishui.RawFrame, samples []sishui.Sample) (sishui.AppendResult, error) {
	for _, f := range frames {
		s.frameDefaults(f)
	}
	if !slices.IsSortedFunc(samples, compareSampleKey) {
		samples = slices.Clone(samples)
		slices.SortFunc(samples, compareSampleKey)
	}
	b := IngestBatch{Frames: frames, Samples: samples, Latest: latestRows(samples), Forward: s.outbox.metrics()}
	inserted, err := s.IngestOne(ctx, s.DB, b)
	if err != nil {
		for _, f := range frames {
			f.ID = 0
		}
		return sishui.AppendResult{}, err
	}
	return sishui.AppendResult{Inserted: inserted, Duplicates: len(samples) - inserted}, nil
}
