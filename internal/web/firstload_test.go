package web

import (
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// firstLoad answers the files the overview's first load fetches from dist
// (index.html, what it links — script, modulepreload, stylesheet — and what
// those scripts import statically, not their lazy import() of other routes),
// with what each costs on the wire as the server sends it (its precompressed
// gzip when it has one, else the file).
func firstLoad(t *testing.T, fsys fs.FS) (files []string, wire map[string]int) {
	t.Helper()
	link := regexp.MustCompile(`(?:src|href)="/(assets/[^"]+)"`)
	// Static imports in Rollup's output: `import"./x.js"` and `...from"./x.js"`
	// (a lazy route is `import("./x.js")`, which neither form matches).
	static := regexp.MustCompile(`(?:\bimport|\bfrom)\s*"\./([^"]+\.js)"`)
	wire = map[string]int{}
	var visit func(p string)
	visit = func(p string) {
		if _, ok := wire[p]; ok {
			return
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			t.Fatalf("the first load needs %s: %v", p, err)
		}
		f := newFile(p, b)
		wire[p] = len(f.body)
		if f.gz != nil {
			wire[p] = len(f.gz)
		}
		files = append(files, p)
		switch {
		case p == "index.html":
			for _, m := range link.FindAllStringSubmatch(string(b), -1) {
				visit(m[1])
			}
		case strings.HasSuffix(p, ".js"):
			for _, m := range static.FindAllStringSubmatch(string(b), -1) {
				visit("assets/" + m[1])
			}
		}
	}
	visit("index.html")
	sort.Strings(files)
	return files, wire
}

// TestFirstLoadLeavesGLOut checks that the overview's first load holds none of
// ECharts GL (it loads with the 3D route only) and reports what that load
// costs in gzip bytes. SISHUI_FIRSTLOAD_DIST=dir measures another build
// (an older dist checked out into dir, to compare).
func TestFirstLoadLeavesGLOut(t *testing.T) {
	fsys, err := fs.Sub(dist, "dist")
	if err != nil {
		t.Fatal(err)
	}
	if d := os.Getenv("SISHUI_FIRSTLOAD_DIST"); d != "" {
		fsys = os.DirFS(d)
	}
	files, wire := firstLoad(t, fsys)
	total := 0
	for _, p := range files {
		total += wire[p]
		t.Logf("%-40s %8d B gzip", p, wire[p])
		if p == "index.html" {
			continue
		}
		b, _ := fs.ReadFile(fsys, p)
		// Names only ECharts GL's code holds (its series, components and claygl).
		for _, mark := range []string{"geo3D", "scatter3D", "bar3D", "lines3D", "claygl", "GLViewHelper"} {
			if strings.Contains(string(b), mark) {
				t.Errorf("the first load's %s holds %q: ECharts GL left its own route", p, mark)
			}
		}
	}
	t.Logf("the overview's first load: %d files, %.1f kB gzip", len(files), float64(total)/1024)
	if len(files) < 4 {
		t.Errorf("the first load found only %v: the link or import patterns no longer match the build", files)
	}
}
