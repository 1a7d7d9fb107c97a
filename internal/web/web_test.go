package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

var bigJS = strings.Repeat("console.log('sishui');\n", 200)

func testFS() fstest.MapFS {
	return fstest.MapFS{
		"index.html":           {Data: []byte("<!doctype html><title>t</title><script src=\"/assets/app-abc.js\"></script>")},
		"assets/app-abc.js":    {Data: []byte(bigJS)},
		"assets/style-def.css": {Data: []byte("body{}")},
		"build.json":           {Data: []byte(`{"source_sha256":"x"}`)},
	}
}

func TestHandler(t *testing.T) {
	h, err := NewHandler(testFS())
	if err != nil {
		t.Fatal(err)
	}
	index := string(testFS()["index.html"].Data)
	tests := []struct {
		name, method, path string
		header             map[string]string
		status             int
		body               string // exact body, when not empty
		ctype, cache       string
		gzip               bool
	}{
		{name: "root is the page", path: "/", status: 200, body: index, ctype: "text/html; charset=utf-8", cache: "no-cache"},
		{name: "index.html by name", path: "/index.html", status: 200, body: index, cache: "no-cache"},
		{name: "page path falls back to index", path: "/warnings", status: 200, body: index, cache: "no-cache"},
		{name: "nested page path falls back", path: "/points/42", status: 200, body: index},
		{name: "page path with query", path: "/regions/371502?year=2025", status: 200, body: index},
		{name: "hashed asset is immutable", path: "/assets/style-def.css", status: 200, body: "body{}", ctype: "text/css; charset=utf-8", cache: "public, max-age=31536000, immutable"},
		{name: "script type", path: "/assets/app-abc.js", status: 200, body: bigJS, ctype: "text/javascript; charset=utf-8"},
		{name: "gzip when accepted", path: "/assets/app-abc.js", header: map[string]string{"Accept-Encoding": "br, gzip"}, status: 200, body: bigJS, gzip: true},
		{name: "no gzip when refused", path: "/assets/app-abc.js", header: map[string]string{"Accept-Encoding": "gzip;q=0"}, status: 200, body: bigJS},
		{name: "small files are not compressed", path: "/assets/style-def.css", header: map[string]string{"Accept-Encoding": "gzip"}, status: 200, body: "body{}"},
		{name: "missing asset is 404 not the page", path: "/assets/app-old.js", status: 404},
		{name: "missing file with extension is 404", path: "/favicon.ico", status: 404},
		{name: "unknown api path is 404", path: "/api/v1/nothing", status: 404},
		{name: "healthz is not the page", path: "/healthz", status: 404},
		{name: "dot segments are cleaned", path: "/assets/../index.html", status: 200, body: index},
		{name: "post is refused", method: "POST", path: "/", status: 405},
		{name: "head has no body", method: "HEAD", path: "/", status: 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.method
			if m == "" {
				m = "GET"
			}
			req := httptest.NewRequest(m, tc.path, nil)
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.status)
			}
			if got := res.Header.Get("Content-Security-Policy"); got != CSP {
				t.Errorf("CSP %q", got)
			}
			if res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no nosniff")
			}
			b, _ := io.ReadAll(res.Body)
			if tc.gzip {
				if res.Header.Get("Content-Encoding") != "gzip" {
					t.Fatalf("Content-Encoding %q, want gzip", res.Header.Get("Content-Encoding"))
				}
				zr, err := gzip.NewReader(bytes.NewReader(b))
				if err != nil {
					t.Fatal(err)
				}
				if b, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			} else if ce := res.Header.Get("Content-Encoding"); ce != "" {
				t.Errorf("Content-Encoding %q, want none", ce)
			}
			if tc.body != "" && string(b) != tc.body {
				t.Errorf("body %.60q, want %.60q", b, tc.body)
			}
			if m == "HEAD" && len(b) != 0 {
				t.Errorf("HEAD sent %d bytes", len(b))
			}
			if tc.ctype != "" && res.Header.Get("Content-Type") != tc.ctype {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), tc.ctype)
			}
			if tc.cache != "" && res.Header.Get("Cache-Control") != tc.cache {
				t.Errorf("Cache-Control %q, want %q", res.Header.Get("Cache-Control"), tc.cache)
			}
		})
	}
}

func TestConditionalGet(t *testing.T) {
	h, err := NewHandler(testFS())
	if err != nil {
		t.Fatal(err)
	}
	first := httptest.NewRecorder()
	h.ServeHTTP(first, httptest.NewRequest("GET", "/assets/app-abc.js", nil))
	etag := first.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	tests := []struct {
		name, ifNoneMatch string
		status            int
	}{
		{"same etag", etag, 304},
		{"weak form of the same etag", "W/" + etag, 304},
		{"one of a list", `"zzz", ` + etag, 304},
		{"star", "*", 304},
		{"other etag", `"other"`, 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/assets/app-abc.js", nil)
			req.Header.Set("If-None-Match", tc.ifNoneMatch)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			if tc.status == 304 && rec.Body.Len() != 0 {
				t.Error("304 with a body")
			}
		})
	}
}

func TestNewHandlerNeedsIndex(t *testing.T) {
	_, err := NewHandler(fstest.MapFS{"assets/a.js": {Data: []byte("x")}})
	if err != ErrNoIndex {
		t.Fatalf("err %v, want ErrNoIndex", err)
	}
}

// TestEmbeddedDist checks the committed build: index.html's scripts and styles
// exist and are served with the right types.
func TestEmbeddedDist(t *testing.T) {
	h := Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 200 {
		t.Fatalf("GET / = %d: %s", rec.Code, rec.Body.String())
	}
	refs := regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`).FindAllStringSubmatch(rec.Body.String(), -1)
	if len(refs) < 2 {
		t.Fatalf("index.html references %d assets, want a script and a stylesheet", len(refs))
	}
	for _, m := range refs {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", m[1], nil))
		if rec.Code != 200 {
			t.Errorf("%s: status %d", m[1], rec.Code)
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/") {
			t.Errorf("%s: Content-Type %q", m[1], ct)
		}
	}
}

// TestDistUpToDate recomputes the front-end source hash the way
// web/scripts/sourcehash.js does and compares it with dist/build.json: a
// change under web/ without `npm run build` fails here.
func TestDistUpToDate(t *testing.T) {
	webDir := filepath.Join("..", "..", "web")
	if _, err := os.Stat(filepath.Join(webDir, "package.json")); err != nil {
		t.Skip("web/ sources not present")
	}
	var stamp struct {
		SourceSHA256 string `json:"source_sha256"`
	}
	b, err := fs.ReadFile(dist, "dist/build.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &stamp); err != nil {
		t.Fatal(err)
	}
	got, err := sourceHash(webDir)
	if err != nil {
		t.Fatal(err)
	}
	if got != stamp.SourceSHA256 {
		t.Fatalf("internal/web/dist is stale: sources hash %s, build.json says %s; run `npm --prefix web ci && npm --prefix web run build`", got, stamp.SourceSHA256)
	}
}

func sourceHash(webDir string) (string, error) {
	roots := []string{"src", "scripts", "index.html", "vite.config.js", "package.json", "package-lock.json"}
	var files []string
	for _, r := range roots {
		p := filepath.Join(webDir, r)
		st, err := os.Stat(p)
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			return "", err
		}
		if !st.IsDir() {
			files = append(files, r)
			continue
		}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(webDir, q)
			files = append(files, filepath.ToSlash(rel))
			return err
		})
		if err != nil {
			return "", err
		}
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(webDir, filepath.FromSlash(f)))
		if err != nil {
			return "", err
		}
		h.Write([]byte(f + "\x00"))
		h.Write(b)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func BenchmarkServeAsset(b *testing.B) {
	h := Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	m := regexp.MustCompile(`src="(/assets/[^"]+\.js)"`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		b.Fatal("no script in index.html")
	}
	req := httptest.NewRequest("GET", m[1], nil)
	req.Header.Set("Accept-Encoding", "gzip")
	b.ReportAllocs()
	for b.Loop() {
		h.ServeHTTP(discard{make(http.Header, 8)}, req)
	}
}

type discard struct{ h http.Header }

func (d discard) Header() http.Header         { return d.h }
func (d discard) Write(p []byte) (int, error) { return len(p), nil }
func (d discard) WriteHeader(int)             {}
