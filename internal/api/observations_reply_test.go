package api

import (
	"net/http/httptest"
	"strings"
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

// TestReadSizedBody: the body is read whole whatever Content-Length says,
// and capped at max+1 bytes.
func TestReadSizedBody(t *testing.T) {
	for _, tc := range []struct {
		announced int64
		body      string
		max       int64
		want      string
	}{
		{10, "0123456789", 100, "0123456789"},
		{3, "0123456789", 100, "0123456789"},
		{20, "0123456789", 100, "0123456789"},
		{-1, "0123456789", 100, "0123456789"},
		{0, "", 100, ""},
		{5, "0123456789", 5, "012345"},
		{200, "0123456789", 5, "012345"},
	} {
		r := httptest.NewRequest("POST", "/", strings.NewReader(tc.body))
		r.ContentLength = tc.announced
		got, err := readSizedBody(r, tc.max)
		if err != nil || string(got) != tc.want {
			t.Errorf("Content-Length %d, %q, max %d: %q, %v; want %q", tc.announced, tc.body, tc.max, got, err, tc.want)
		}
	}
}
