// Package web serves sishui's embedded web dashboard: the files Vite builds
// from web/ into dist, with a fallback to index.html for the dashboard's own
// page paths (it routes with the history API), long-lived caching for the
// content-hashed assets, ETags, precompressed gzip and a Content-Security-Policy.
//
// The built dist is committed so that `go build` works on a fresh clone; a test
// checks that dist/build.json records the hash of the current front-end sources.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// CSP is the Content-Security-Policy of every response. Scripts and styles come
// from this origin only; inline style attributes are allowed because ECharts
// writes tooltip markup with them; data: images serve chart exports.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// ErrNoIndex reports a file system without index.html at its root.
var ErrNoIndex = errors.New("web: no index.html")

// file is one asset held in memory with its precomputed headers.
type file struct {
	body  []byte
	gz    []byte // gzip of body when that is worth sending, else nil
	etag  string
	ctype string
	cache string
}

type handler struct {
	files map[string]*file // by slash path without the leading slash
	index *file
}

// Handler serves the embedded dashboard. Mount it at "/" after the API routes.
func Handler() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err == nil {
		var h http.Handler
		if h, err = NewHandler(sub); err == nil {
			return h
		}
	}
	// Only a broken build gets here: say so instead of failing the server.
	msg := fmt.Sprintf("sishui web dashboard is not built (%v): run `npm --prefix web ci && npm --prefix web run build`\n", err)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(msg))
	})
}

// NewHandler serves the dashboard from fsys, which must hold index.html at its
// root and the hashed assets under assets/. Every file is read once, here.
func NewHandler(fsys fs.FS) (http.Handler, error) {
	h := &handler{files: map[string]*file{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		h.files[p] = newFile(p, b)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: read assets: %w", err)
	}
	if h.index = h.files["index.html"]; h.index == nil {
		return nil, ErrNoIndex
	}
	return h, nil
}

func newFile(p string, b []byte) *file {
	sum := sha256.Sum256(b)
	f := &file{body: b, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
	f.ctype = mime.TypeByExtension(path.Ext(p))
	switch path.Ext(p) {
	case ".js", ".mjs":
		f.ctype = "text/javascript; charset=utf-8"
	case ".css":
		f.ctype = "text/css; charset=utf-8"
	case ".html":
		f.ctype = "text/html; charset=utf-8"
	case ".json":
		f.ctype = "application/json"
	case ".svg":
		f.ctype = "image/svg+xml"
	}
	if f.ctype == "" {
		f.ctype = http.DetectContentType(b)
	}
	if strings.HasPrefix(p, "assets/") {
		f.cache = "public, max-age=31536000, immutable" // names carry a content hash
	} else {
		f.cache = "no-cache" // revalidate (cheap with the ETag)
	}
	if len(b) >= 1024 && compressible(f.ctype) {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = zw.Write(b)
		_ = zw.Close()
		if buf.Len() < len(b)*9/10 {
			f.gz = buf.Bytes()
		}
	}
	return f
}

func compressible(ctype string) bool {
	for _, p := range []string{"text/", "application/json", "application/javascript", "image/svg+xml"} {
		if strings.HasPrefix(ctype, p) {
			return true
		}
	}
	return false
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", CSP)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "same-origin")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hd.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	f := h.files[p]
	switch {
	case f != nil:
	case p == "" || p == "index.html":
		f = h.index
	case isAPIPath(p) || strings.Contains(path.Base(p), "."):
		// A missing file (e.g. a stale asset name) or an unknown API path is
		// a 404, never the page: a script must not receive HTML.
		http.NotFound(w, r)
		return
	default:
		f = h.index // a dashboard page path: the router in the page takes over
	}
	hd.Set("Cache-Control", f.cache)
	hd.Set("ETag", f.etag)
	hd.Set("Content-Type", f.ctype)
	if f.gz != nil {
		hd.Add("Vary", "Accept-Encoding")
	}
	if etagMatch(r.Header.Get("If-None-Match"), f.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := f.body
	if f.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		body = f.gz
		hd.Set("Content-Encoding", "gzip")
	}
	hd.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(body)
}

func isAPIPath(p string) bool {
	return p == "api" || strings.HasPrefix(p, "api/") || p == "healthz" || p == "metrics"
}

func etagMatch(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

// acceptsGzip reads Accept-Encoding, honouring an explicit q=0.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.TrimSpace(name) != "*" {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return params != "q=0" && params != "q=0.0" && params != "q=0.00" && params != "q=0.000"
	}
	return false
}
