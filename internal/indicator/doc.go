// Package indicator is the pure accounting behind the "四水四定" targets: it rolls
// daily water volumes up by region × source × sector × day/month/year (with the
// measured / estimated / entered shares), folds the region tree (zones into their
// host county, counties into the city) without double counting, holds the plan's
// annex target table as the canonical Go data (Annex), and computes each indicator's
// year-to-date value, year-end projection and status against its target.
//
// The package does no I/O and reads no clock: callers pass records, statistics and
// the "through" date explicitly.
//
// Volumes are kept internally as exact integer litres so that incremental updates
// (add a record, subtract a corrected one) and a full recompute give identical
// totals; VolumeM3 values are rounded to the nearest litre on entry.
package indicator
