package api

import (
	"compress/gzip"
	"net/http"
	"strings"
	"sync"
)

var gzipPool = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed); return w }}

// gzipResponse compresses a response for clients that accept gzip. Flush
// passes through (server-sent events keep streaming).
type gzipResponse struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (g *gzipResponse) Write(b []byte) (int, error) { return g.gz.Write(b) }

func (g *gzipResponse) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipResponse) Flush() {
	g.gz.Flush()
	if f, ok := g.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Close ends the gzip stream and returns the writer to the pool.
func (g *gzipResponse) Close() {
	g.gz.Close()
	gzipPool.Put(g.gz)
}

// gzipWriter returns a compressing writer when the client accepts gzip and
// the request is a read; nil otherwise (downloads and writes stay as they are).
func gzipWriter(w http.ResponseWriter, r *http.Request) *gzipResponse {
	if r.Method != http.MethodGet || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		return nil
	}
	if strings.HasPrefix(r.URL.Path, "/api/v1/reports/") { // xlsx is already compressed
		return nil
	}
	gz := gzipPool.Get().(*gzip.Writer)
	gz.Reset(w)
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Add("Vary", "Accept-Encoding")
	return &gzipResponse{ResponseWriter: w, gz: gz}
}
