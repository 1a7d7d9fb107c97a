package sqlstore

import (
	"errors"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// TestLatestRows: one row per series, its newest sample, in (point,
// metric) order, whatever the input order.
func TestLatestRows(t *testing.T) {
	at := func(min int) time.Time { return time.Date(2026, 5, 1, 8, min, 0, 0, time.UTC) }
	in := []sishui.Sample{
		{Point: 2, Metric: 1, Time: at(5), Value: 25},
		{Point: 1, Metric: 2, Time: at(1), Value: 12},
		{Point: 2, Metric: 1, Time: at(9), Value: 29},
		{Point: 1, Metric: 1, Time: at(7), Value: 17},
		{Point: 1, Metric: 2, Time: at(3), Value: 13},
		{Point: 2, Metric: 1, Time: at(2), Value: 22},
	}
	want := []float64{17, 13, 29}
	got := latestRows(in)
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(got), len(want), got)
	}
	for i, x := range got {
		if x.Value != want[i] {
			t.Errorf("row %d = %+v, want value %v", i, x, want[i])
		}
	}
	if in[0].Value != 25 || in[5].Value != 22 {
		t.Error("the input was reordered")
	}
}

// TestMapErrConflict: a unique violation becomes ECONFLICT with the caller's
// text, or a generic one when the caller gave none (never an empty message).
func TestMapErrConflict(t *testing.T) {
	unique := errors.New("UNIQUE constraint failed: samples.t")
	s := &DB{Dialect: Dialect{IsConflict: func(err error) bool { return err == unique }}}
	for _, tc := range []struct{ msg, want string }{
		{"", "ingest frames: conflicts with a stored record"},
		{"number taken", "ingest frames: number taken"},
	} {
		err := s.mapErr("ingest frames", unique, tc.msg)
		if sishui.ErrorCode(err) != sishui.ECONFLICT || err.Error() != tc.want {
			t.Errorf("mapErr(%q) = %v (%s), want %q", tc.msg, err, sishui.ErrorCode(err), tc.want)
		}
	}
	if err := s.mapErr("op", errors.New("other"), ""); sishui.ErrorCode(err) == sishui.ECONFLICT {
		t.Errorf("another error became a conflict: %v", err)
	}
}
