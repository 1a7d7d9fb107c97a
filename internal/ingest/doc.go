// Package ingest turns observations from meters, systems and people into
// stored samples: it resolves points, validates and quality-flags each value
// (internal/quality), and appends through a group committer that batches
// concurrent submitters into one durable store transaction. Nothing is
// acknowledged before the transaction that holds it has committed.
//
// The inputs are an API (Ingester.Submit; internal/api serves it as
// POST /api/v1/observations, its body parsed by ParseObservations), and a resumable CSV importer
// (Ingester.ImportCSV). IntervalVolumes derives the interval volumes the
// accounting uses from cumulative meter readings, or from pumping
// electricity (以电折水) for electricity-metered wells.
//
// # Per-item results
//
// Every observation gets a Result: accepted (stored now), duplicate (the key
// point, metric, time was already stored; the stored value is kept) or
// rejected with a reason. Times are stored at millisecond resolution, so two
// observations less than a millisecond apart are the same key.
//
// To tell accepted from duplicate exactly while still appending whole
// batches, the committer keeps a high-water mark per series (the newest time
// known to be stored, loaded once per point with LatestSamples): a sample
// newer than it is new; an older one is looked up with QuerySamples before the
// append. This is exact as long as this Ingester is the only writer of its
// series; when another writer (say the gateway's IngestFrames) stores the same
// key between the look-up and the append, the store still keeps one copy, but
// the sample may be reported accepted although it was a duplicate.
// Ingester.Stats counts such disagreements (Mismatches).
package ingest
