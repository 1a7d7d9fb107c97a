package gateway

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
	"github.com/sishui/sishui/internal/sqlite"
)

// testWait bounds every wait in the tests; it is a safety net, not an assertion.
const testWait = 20 * time.Second

// testStore is the part of a store the tests use.
type testStore interface {
	ingest.Store
	CreatePoint(ctx context.Context, p *sishui.Point) error
}

// Fixture regions.
const (
	testCity   = "371500"
	testCounty = "371502"
)

func newStore(t testing.TB) testStore {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "gw.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	seedRegions(t, s)
	return s
}

func seedRegions(t testing.TB, s interface {
	UpsertRegion(context.Context, *sishui.Region) error
}) {
	t.Helper()
	ctx := context.Background()
	for _, r := range []*sishui.Region{
		{Code: "370000", Name: "山东省", Level: sishui.LevelProvince},
		{Code: testCity, Name: "聊城市", Level: sishui.LevelCity, Parent: "370000"},
		{Code: testCounty, Name: "东昌府区", Level: sishui.LevelCounty, Parent: testCity},
	} {
		if err := s.UpsertRegion(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
}

// addPoint registers a groundwater point (no permit or section needed). An
// SL 651 point without a password gets "0000" (passwords are required), which
// the test reports send; addPointNoPassword registers one without.
func addPoint(t testing.TB, s testStore, protocol, code, password string, mult float64) *sishui.Point {
	t.Helper()
	if protocol == sishui.ProtocolSL651 && password == "" {
		password = "0000"
	}
	return addPointNoPassword(t, s, protocol, code, password, mult)
}

func addPointNoPassword(t testing.TB, s testStore, protocol, code, password string, mult float64) *sishui.Point {
	t.Helper()
	p := &sishui.Point{Code: code, Name: "测站" + code, Kind: sishui.PointWell, Protocol: protocol,
		Region: testCounty, Multiplier: mult, IntervalSeconds: 3600, Password: password}
	if err := s.CreatePoint(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

type testServer struct {
	*Server
	ing     *ingest.Ingester
	store   testStore // set by tests that need it
	sl, szy string    // listen addresses
}

func startServer(t testing.TB, store ingest.Store, tune func(*Server)) *testServer {
	t.Helper()
	return startServerWith(t, store, ingest.Config{}, tune)
}

// startServerWith starts a gateway in front of an ingester of store with cfg.
func startServerWith(t testing.TB, store ingest.Store, cfg ingest.Config, tune func(*Server)) *testServer {
	t.Helper()
	ing := ingest.New(store, cfg)
	s := &Server{Ingest: ing}
	if tune != nil {
		tune(s)
	}
	ts := &testServer{Server: s, ing: ing}
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, 2)
	for _, p := range []string{sishui.ProtocolSL651, sishui.ProtocolSZY206} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		if p == sishui.ProtocolSL651 {
			ts.sl = ln.Addr().String()
		} else {
			ts.szy = ln.Addr().String()
		}
		go func() { errs <- s.Serve(ctx, ln, p) }()
	}
	t.Cleanup(func() {
		cancel()
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		ing.Close()
		for range 2 {
			if err := <-errs; err != nil {
				t.Errorf("serve: %v", err)
			}
		}
	})
	return ts
}

func (ts *testServer) addr(protocol string) string {
	if protocol == sishui.ProtocolSL651 {
		return ts.sl
	}
	return ts.szy
}

func (ts *testServer) counter(name string) uint64 {
	return ts.MetricsSet().GetOrCreateCounter(name).Get()
}

// client is a test terminal.
type client struct {
	t        testing.TB
	protocol string
	nc       net.Conn
	buf      []byte
}

func dial(t testing.TB, ts *testServer, protocol string) *client {
	t.Helper()
	nc, err := net.Dial("tcp", ts.addr(protocol))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	return &client{t: t, protocol: protocol, nc: nc}
}

func (c *client) send(b []byte) {
	c.t.Helper()
	if _, err := c.nc.Write(b); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// next returns the next frame from the gateway, or an error (EOF when the
// gateway closed the connection).
func (c *client) next() ([]byte, error) {
	c.nc.SetReadDeadline(time.Now().Add(testWait))
	for {
		for len(c.buf) > 0 {
			var adv int
			var tok []byte
			if c.protocol == sishui.ProtocolSL651 {
				adv, tok, _ = sl651.SplitFrames(c.buf, false)
			} else {
				adv, tok, _ = szy206.SplitFrames(c.buf, false)
			}
			if adv == 0 {
				break
			}
			tok = bytes.Clone(tok)
			c.buf = c.buf[adv:]
			if tok != nil {
				return tok, nil
			}
		}
		var b [1024]byte
		n, err := c.nc.Read(b[:])
		c.buf = append(c.buf, b[:n]...)
		if err != nil && n == 0 {
			return nil, err
		}
	}
}

func (c *client) mustNext() []byte {
	c.t.Helper()
	b, err := c.next()
	if err != nil {
		c.t.Fatalf("waiting for a frame from the gateway: %v", err)
	}
	return b
}

// mustClosed waits until the gateway closes the connection.
func (c *client) mustClosed() {
	c.t.Helper()
	b, err := c.next()
	if err == nil {
		c.t.Fatalf("got frame % X, want the connection closed", b)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		c.t.Fatalf("connection still open after %s", testWait)
	}
}

// testObserved is the observation time of the first test report: recent, so
// that series queries span few day buckets.
var testObserved = time.Now().In(sl651.Beijing()).Truncate(time.Hour).Add(-2 * time.Hour)

// slReport builds an SL 651 timed report with level Z, serial and minute offset.
func slReport(t testing.TB, code string, password uint16, serial uint16, minute int, z float64) []byte {
	t.Helper()
	a, err := sl651.ParseAddress(code)
	if err != nil {
		t.Fatal(err)
	}
	obs := testObserved.Add(time.Duration(minute) * time.Minute)
	f := &sl651.Frame{Format: sl651.FormatHEX, Direction: sl651.Up, Center: 1, Station: a, Password: password,
		Function: sl651.FuncTimed, Serial: serial, Sent: slSent(obs), HasBodyStation: true, BodyStation: a,
		StationType: sl651.StationRiver, Observed: obs,
		Elements: []sl651.Element{sl651.Elem("Z", z), sl651.Elem("VT", 12.5)}}
	b, err := sl651.Encode(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func szyAddr(t testing.TB, code string) szy206.Address {
	t.Helper()
	var a szy206.Address
	if _, err := fmt.Sscanf(code, "%02X%02X%02X%02X%02X", &a[0], &a[1], &a[2], &a[3], &a[4]); err != nil {
		t.Fatal(err)
	}
	return a
}

// szyBase is the time tag of the first test SZY 206 report: near now (a time
// tag far from arrival would be a clock_skew signal).
var szyBase = time.Now().Truncate(time.Minute)

// szyReport builds an SZY 206 flow/volume self-report observed at second sec.
func szyReport(t testing.TB, code string, sec int, flow, volume float64) []byte {
	t.Helper()
	tt := szy206.NewTimeTag(szyBase.Add(time.Duration(sec)*time.Second), 0, 5)
	r := &szy206.Report{Address: szyAddr(t, code), FCB: 3, Type: szy206.TypeFlow, Time: &tt,
		Readings: []szy206.Reading{szy206.NewReading(szy206.KindFlow, 1, flow), szy206.NewReading(szy206.KindVolume, 1, volume)}}
	b, err := szy206.AppendReport(nil, r, szy206.ProfileSZY206())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wantSLConfirm checks that b confirms serial with end character end.
func wantSLConfirm(t testing.TB, b []byte, serial uint16, end byte) {
	t.Helper()
	f, err := sl651.Decode(b)
	if err != nil {
		t.Fatalf("confirm % X: %v", b, err)
	}
	if f.Direction != sl651.Down || f.Serial != serial || f.End != end {
		t.Fatalf("confirm: direction %v serial %d end %02X, want down %d %02X", f.Direction, f.Serial, f.End, serial, end)
	}
}

func frames(t testing.TB, s testStore, ff sishui.FrameFilter) []*sishui.RawFrame {
	t.Helper()
	ff.Limit = 100000
	out, _, err := s.ListFrames(context.Background(), ff)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func series(t testing.TB, s testStore, point int64, m sishui.Metric) []sishui.Sample {
	t.Helper()
	out, err := s.QuerySamples(context.Background(), sishui.SeriesQuery{Point: point, Metric: m,
		From: testObserved.Add(-3 * time.Hour), To: time.Now().Add(3 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// waitFor polls cond until it holds (a safety-net bound, not a timing assertion).
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(testWait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("still waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// framesTSV returns the path of the shared sample frames, or skips.
func framesTSV(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, "shared", "testdata", "frames.tsv")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		if filepath.Dir(d) == d {
			t.Skip("shared/testdata/frames.tsv not found")
		}
	}
}

// slSent is the send time of a test report: now, to the second (a send time
// hours from arrival would be a clock_skew signal).
func slSent(time.Time) time.Time {
	return time.Now().In(sl651.Beijing()).Truncate(time.Second)
}
