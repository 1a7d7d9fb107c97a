package api_test

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// TestGzip: reads are compressed for clients that ask; the body is the same JSON.
func TestGzip(t *testing.T) {
	f := newFixture(t)
	tr := &http.Transport{DisableCompression: true} // see the raw encoding
	for _, tc := range []struct {
		name, accept, want string
	}{
		{"gzip", "gzip, deflate", "gzip"},
		{"identity", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", f.srv.URL+"/api/v1/points?limit=1000", nil)
			req.Header.Set("Authorization", "Bearer "+f.tokens["city"])
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept)
			}
			resp, err := tr.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if got := resp.Header.Get("Content-Encoding"); got != tc.want {
				t.Fatalf("Content-Encoding %q, want %q", got, tc.want)
			}
			var body io.Reader = resp.Body
			if tc.want == "gzip" {
				zr, err := gzip.NewReader(resp.Body)
				if err != nil {
					t.Fatal(err)
				}
				body = zr
			}
			var out struct{ Total int }
			if err := json.NewDecoder(body).Decode(&out); err != nil || out.Total < 250 {
				t.Fatalf("body: total %d, %v", out.Total, err)
			}
		})
	}
}
