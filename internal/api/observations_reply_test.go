package api

import (
	"net/http/httptest"
	"testing"

	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/quality"
)

// TestObservationsReplyEncoding: the reply of POST /api/v1/observations is
// byte for byte what writeJSON writes.
func TestObservationsReplyEncoding(t *testing.T) {
	for _, out := range []ObservationsReply{
		{},
		{Results: []ingest.Result{}},
		{Accepted: 2, Duplicates: 1, Rejected: 3, Results: []ingest.Result{
			{Status: ingest.Accepted, Point: 12},
			{Status: ingest.Accepted, Point: 13, Flags: quality.FlagSpike | quality.FlagFlatLine},
			{Status: ingest.Duplicate, Point: 12, Flags: quality.FlagDuplicateConflict},
			{Status: ingest.Rejected, Reason: `unknown metric "snow_mm"`},
			{Status: ingest.Rejected, Reason: "unknown point: no point has terminal code <A&B> 水位 \u2028 \\ \x01"},
			{Status: ingest.Rejected, Point: 14, Flags: quality.FlagSpike | quality.FlagFlatLine, Reason: "point 14 is retired"},
			{Status: "odd\"status"},
		}},
	} {
		w := httptest.NewRecorder()
		if err := writeJSON(w, 200, out); err != nil {
			t.Fatal(err)
		}
		if got := string(appendObservationsReply(nil, &out)); got != w.Body.String() {
			t.Errorf("encoded\n%s\nwriteJSON writes\n%s", got, w.Body)
		}
	}
}
