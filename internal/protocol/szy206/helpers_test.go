package szy206

import (
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sishui/sishui/internal/testenv"
)

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

// framesTSV finds <repo>/../shared/testdata/frames.tsv by walking up to the
// directory holding go.mod; it skips the test when the file is absent.
func framesTSV(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			testenv.Skip(t, "repository root not found")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "testdata", "frames.tsv")
	if _, err := os.Stat(p); err != nil {
		testenv.Skipf(t, "frames.tsv not available: %v", err)
	}
	return p
}

type tsvRow struct {
	line     int
	protocol string
	frame    []byte
	source   string
	meaning  string
	crcOK    string
}

func readTSV(t testing.TB) []tsvRow {
	t.Helper()
	b, err := os.ReadFile(framesTSV(t))
	if err != nil {
		t.Fatal(err)
	}
	var rows []tsvRow
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	head := strings.Split(lines[0], "\t")
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, c := range []string{"protocol", "hex", "source", "stated_meaning", "crc_ok"} {
		if _, ok := col[c]; !ok {
			t.Fatalf("frames.tsv: no column %q in %q", c, lines[0])
		}
	}
	for i, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) < len(head) {
			t.Fatalf("frames.tsv line %d: %d columns", i+2, len(f))
		}
		rows = append(rows, tsvRow{line: i + 2, protocol: f[col["protocol"]], frame: mustHex(t, f[col["hex"]]),
			source: f[col["source"]], meaning: f[col["stated_meaning"]], crcOK: f[col["crc_ok"]]})
	}
	return rows
}

func itoa(i int) string { return strconv.Itoa(i) }

func encodeHex(b []byte) string { return hex.EncodeToString(b) }

// The test frames below are built here, not copied from frames.tsv (project
// rule): they have the shapes of its two real C0 samples with other values.
// TestFramesTSV decodes the real ones when the file is present.

// flowSample is a 26-byte C0 flow self-report: address 371502, A2 bytes
// 07 00 (station 7 low byte first, 0x0700 high byte first), flow
// 12.345 m³/s, volume 204816 m³, alarm word 01 10 (D0 AC power lost, D12
// remaining volume low when read low byte first), status 60 00 (door
// closed, battery), Tp 10:30:15 on day 21 with a 5-minute delay.
func flowSample(t testing.TB) []byte {
	return wrap(t, "B3 3715020700 C0 4523010000 1648200000 0110 6000 1530102105")
}

// noTimeSample is a 21-byte C0 flow self-report without Tp: address
// 371502 station 2, flow not measured (AA…), volume 345678 m³, no alarm,
// status 01 01 (self-report mode).
func noTimeSample(t testing.TB) []byte {
	return wrap(t, "B3 3715020200 C0 AAAAAAAAAA 7856340000 0000 0101")
}
