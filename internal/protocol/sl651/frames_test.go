package sl651

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sishui/sishui/internal/testenv"
)

type tsvFrame struct {
	protocol, source, meaning string
	raw                       []byte
	crcOK                     bool
	line                      int
}

// loadFrames reads the shared sample frames (<repo>/../shared/testdata/frames.tsv)
// and returns the SL651 rows; it skips the test when the file is absent.
func loadFrames(t testing.TB) []tsvFrame {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	var path string
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, "shared", "testdata", "frames.tsv")
		if _, err := os.Stat(p); err == nil {
			path = p
			break
		}
		if filepath.Dir(d) == d {
			testenv.Skip(t, "shared/testdata/frames.tsv not found")
		}
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var out []tsvFrame
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		cols := strings.Split(sc.Text(), "\t")
		if line == 1 || len(cols) < 5 || !strings.HasPrefix(cols[0], "SL651") {
			continue
		}
		raw, err := hex.DecodeString(cols[1])
		if err != nil {
			t.Fatalf("line %d: %v", line, err)
		}
		out = append(out, tsvFrame{protocol: cols[0], raw: raw, source: cols[2], meaning: cols[3], crcOK: cols[4] == "yes", line: line})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Skip("no SL651 rows")
	}
	return out
}

var (
	reValue   = regexp.MustCompile(`\b([A-Za-z][A-Za-z0-9]*)(?:\([0-9A-F ]+\))?=(-?\d+(?:\.\d+)?)`)
	reStation = regexp.MustCompile(`(?:^|[,:;(] )station ([0-9A-F]{10})\b`)
	reSent    = regexp.MustCompile(`sent (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})`)
	reSerial  = regexp.MustCompile(`serial (0x[0-9A-F]+|[0-9A-F]{4}\b|\d+\b)`)
	reFunc    = regexp.MustCompile(`^([0-9A-F]{2}) `)
)

// statedValues extracts "ID=number" / "ID(hex)=number" claims for identifiers of
// Appendix C. Numbers written as raw digit strings with a leading zero are raw
// data, not values, and are skipped.
func statedValues(meaning string) map[string]float64 {
	out := map[string]float64{}
	for _, m := range reValue.FindAllStringSubmatch(meaning, -1) {
		if LookupID(m[1]) == nil {
			continue
		}
		if len(m[2]) > 1 && m[2][0] == '0' && m[2][1] != '.' {
			continue
		}
		v, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			continue
		}
		if _, dup := out[m[1]]; !dup {
			out[m[1]] = v
		}
	}
	return out
}

func TestSampleFrames(t *testing.T) {
	frames := loadFrames(t)
	var d Decoder
	var re Reassembler
	checkedValues := 0
	for _, tf := range frames {
		t.Run("line"+strconv.Itoa(tf.line), func(t *testing.T) {
			var f Frame
			err := d.Decode(tf.raw, &f)
			if !tf.crcOK {
				if !errors.Is(err, ErrChecksum) {
					t.Fatalf("bad-CRC sample: err = %v, want ErrChecksum", err)
				}
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Offset != len(tf.raw)-crcWidth(f.Format) {
					t.Errorf("error %v: want ParseError at the CRC", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("decode %s: %v", tf.meaning, err)
			}
			if want := strings.Contains(tf.meaning, "downlink"); want != (f.Direction == Down) {
				t.Errorf("direction %v, meaning says downlink=%v", f.Direction, want)
			}
			if m := reFunc.FindStringSubmatch(tf.meaning); m != nil {
				if got := Summary(&f).Function; got != m[1] {
					t.Errorf("function %s, want %s", got, m[1])
				}
			}
			if m := reStation.FindStringSubmatch(tf.meaning); m != nil && f.Station.String() != m[1] {
				t.Errorf("station %s, want %s", f.Station, m[1])
			}
			if m := reSent.FindStringSubmatch(tf.meaning); m != nil {
				if got := f.Sent.Format("2006-01-02 15:04:05"); got != m[1] {
					t.Errorf("sent %s, want %s", got, m[1])
				}
			}
			if m := reSerial.FindStringSubmatch(tf.meaning); m != nil && !f.IsMultiPacket() {
				want := parseSerial(m[1])
				if int(f.Serial) != want {
					t.Errorf("serial %d, want %d (%s)", f.Serial, want, m[1])
				}
			}
			for id, want := range statedValues(tf.meaning) {
				e := findElement(&f, id, want)
				if e == nil {
					t.Errorf("%s = %v stated, decoded elements %v", id, want, Summary(&f).Elements)
					continue
				}
				checkedValues++
			}
			if f.IsMultiPacket() {
				body, done, err := re.Add(&f)
				if err != nil {
					t.Fatal(err)
				}
				if done {
					checkImage(t, &d, &f, body)
				}
				return
			}
			// Re-encoding a decoded HEX frame reproduces it byte for byte.
			out, err := Encode(&f)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			if f.Format == FormatHEX && string(out) != string(tf.raw) {
				t.Errorf("re-encoded\n got %X\nwant %X", out, tf.raw)
			}
			var g Frame
			if err := d.Decode(out, &g); err != nil {
				t.Fatalf("decode re-encoded: %v", err)
			}
			if diff := frameDiff(&f, &g); diff != "" {
				t.Errorf("round trip: %s", diff)
			}
		})
	}
	if n, _ := re.Pending(); n != 0 {
		t.Errorf("%d M3 messages left incomplete", n)
	}
	if checkedValues < 40 {
		t.Errorf("only %d stated values checked", checkedValues)
	}
}

func crcWidth(f Format) int {
	if f == FormatASCII {
		return 4
	}
	return 2
}

func parseSerial(s string) int {
	if strings.HasPrefix(s, "0x") {
		v, _ := strconv.ParseInt(s[2:], 16, 32)
		return int(v)
	}
	if len(s) == 4 {
		v, _ := strconv.ParseInt(s, 16, 32)
		return int(v)
	}
	v, _ := strconv.Atoi(s)
	return v
}

func findElement(f *Frame, id string, want float64) *Element {
	for i := range f.Elements {
		e := &f.Elements[i]
		if e.ID == id && !e.Missing && !e.Invalid && math.Abs(e.Value-want) < 1e-9 {
			return e
		}
	}
	return nil
}

func checkImage(t *testing.T, d *Decoder, last *Frame, body []byte) {
	t.Helper()
	f := *last
	if err := d.DecodeBody(body, &f); err != nil {
		t.Fatalf("decode reassembled body: %v", err)
	}
	if len(f.Elements) != 1 || f.Elements[0].ID != "PIC" {
		t.Fatalf("reassembled image: elements %v", Summary(&f).Elements)
	}
	pic := f.Elements[0].Raw
	if len(pic) < 4 || pic[0] != 0xFF || pic[1] != 0xD8 || !bytes.Contains(pic[len(pic)-4:], []byte{0xFF, 0xD9}) {
		t.Errorf("reassembled picture (%d bytes) is not a JPEG SOI…EOI", len(pic))
	}
	if f.StationType != StationRiver || f.Observed.IsZero() || f.Serial == 0 {
		t.Errorf("image header: type %q observed %v serial %d", f.StationType, f.Observed, f.Serial)
	}
}
