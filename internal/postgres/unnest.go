package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/sqlstore"
)

// copyMin is the batch size from which appends COPY into a temporary table
// (bulk imports): below it a group commit sends its samples as arrays in one
// INSERT … SELECT FROM unnest, which costs no catalog work (creating and
// dropping the temporary table did, in every commit).
const copyMin = 20_000

// insertSamplesUnnest inserts samples in key order in one statement,
// skipping existing keys (also repeated keys within the batch).
func insertSamplesUnnest(ctx context.Context, tx *sql.Tx, samples []sishui.Sample) (int, error) {
	if !slices.IsSortedFunc(samples, sqlstore.CompareSampleKey) {
		samples = slices.Clone(samples)
		slices.SortFunc(samples, sqlstore.CompareSampleKey)
	}
	n := len(samples)
	bucket, metric := make([]int32, n), make([]int32, n)
	point, t, flags := make([]int64, n), make([]int64, n), make([]int64, n)
	value := make([]float64, n)
	for i := range samples {
		x := &samples[i]
		ms := x.Time.UnixMilli()
		bucket[i], metric[i], point[i], t[i], value[i], flags[i] = int32(ms/sqlstore.BucketMS), int32(x.Metric), x.Point, ms, x.Value, int64(x.Flags)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO samples (bucket, metric, point_id, t, value, flags)
		SELECT * FROM unnest($1::integer[], $2::integer[], $3::bigint[], $4::bigint[], $5::double precision[], $6::bigint[])
		ON CONFLICT (bucket, point_id, metric, t) DO NOTHING`, bucket, metric, point, t, value, flags)
	if err != nil {
		return 0, fmt.Errorf("insert samples: %w", err)
	}
	k, err := res.RowsAffected()
	return int(k), err
}

// upsertLatestUnnest keeps the newest sample of each series in
// series_latest: one statement for the whole batch (rows are one per series,
// in (point, metric) order, so that writers lock rows in the same order).
func upsertLatestUnnest(ctx context.Context, tx *sql.Tx, rows []sishui.Sample) error {
	n := len(rows)
	if n == 0 {
		return nil
	}
	point, t, flags := make([]int64, n), make([]int64, n), make([]int64, n)
	metric, value := make([]int32, n), make([]float64, n)
	for i := range rows {
		x := &rows[i]
		point[i], metric[i], t[i], value[i], flags[i] = x.Point, int32(x.Metric), x.Time.UnixMilli(), x.Value, int64(x.Flags)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO series_latest (point_id, metric, t, value, flags)
		SELECT * FROM unnest($1::bigint[], $2::integer[], $3::bigint[], $4::double precision[], $5::bigint[])
		ON CONFLICT (point_id, metric) DO UPDATE SET t = excluded.t, value = excluded.value, flags = excluded.flags
		WHERE excluded.t > series_latest.t`, point, metric, t, value, flags)
	if err != nil {
		return fmt.Errorf("update latest: %w", err)
	}
	return nil
}
