package quality

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui/internal/testenv"
)

// framesPath finds <repo>/../shared/testdata/frames.tsv by walking up from the
// package directory; "" when it is absent.
func framesPath(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "testdata", "frames.tsv")
			if _, err := os.Stat(p); err == nil {
				return p
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestDefaultsAcceptRealVoltages checks that the supply voltages stated for
// the real telemetry frames in shared/testdata (12 V and 24 V terminals) pass
// the default voltage limits without a flag.
func TestDefaultsAcceptRealVoltages(t *testing.T) {
	p := framesPath(t)
	if p == "" {
		testenv.Skip(t, "shared/testdata/frames.tsv not found")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vt := regexp.MustCompile(`VT(?:\([0-9A-F]+\))?=([0-9.]+) ?V`)
	c := NewChecker(DefaultConfig(), nil)
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if line == 1 || len(cols) < 4 {
			continue
		}
		for _, m := range vt.FindAllStringSubmatch(cols[3], -1) {
			v, err := strconv.ParseFloat(m[1], 64)
			if err != nil {
				t.Fatalf("line %d: %v", line, err)
			}
			n++
			// A point per frame, so that no history check links them.
			if got := c.Check(Sample{int64(line), "voltage_v", now, v}, now); got != 0 {
				t.Errorf("line %d: %v V flagged %v", line, v, got)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Skip("no stated voltages in frames.tsv")
	}
	t.Logf("%d stated voltages checked", n)
}
