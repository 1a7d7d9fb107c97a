package simulate

import (
	"context"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/gateway"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/protocol/szy206"
	"github.com/sishui/sishui/internal/sqlite"
)

type env struct {
	store *sqlite.DB
	gw    *gateway.Server
	addr  map[string]string
	pts   map[string][]*sishui.Point
}

// newEnv starts a gateway on a fresh SQLite store with n default stations
// per protocol registered (as groundwater points, which need no permit).
func newEnv(t testing.TB, n int) *env {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sim.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, r := range []*sishui.Region{
		{Code: "370000", Name: "山东省", Level: sishui.LevelProvince},
		{Code: "371500", Name: "聊城市", Level: sishui.LevelCity, Parent: "370000"},
		{Code: "371502", Name: "东昌府区", Level: sishui.LevelCounty, Parent: "371500"},
	} {
		if err := st.UpsertRegion(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	ing := ingest.New(st, ingest.Config{})
	t.Cleanup(func() { ing.Close() })
	e := &env{store: st, gw: &gateway.Server{Ingest: ing}, addr: map[string]string{}, pts: map[string][]*sishui.Point{}}
	for _, protocol := range []string{sishui.ProtocolSL651, sishui.ProtocolSZY206} {
		for i := range n {
			p := &sishui.Point{Code: StationCode(protocol, i, szy206.ProfileSZY206()), Name: "站", Kind: sishui.PointWell,
				Protocol: protocol, Region: "371502", Multiplier: 1, IntervalSeconds: 3600}
			if protocol == sishui.ProtocolSL651 {
				p.Password = "0000" // what default stations send; SL 651 passwords are required
			}
			if err := st.CreatePoint(ctx, p); err != nil {
				t.Fatal(err)
			}
			e.pts[protocol] = append(e.pts[protocol], p)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		e.addr[protocol] = ln.Addr().String()
		go e.gw.Serve(ctx, ln, protocol)
	}
	t.Cleanup(func() { e.gw.Close() })
	return e
}

// count returns the number of samples of metric m over the protocol's points.
func (e *env) count(t testing.TB, protocol string, m sishui.Metric) int {
	t.Helper()
	n := 0
	for _, p := range e.pts[protocol] {
		s, err := e.store.QuerySamples(context.Background(), sishui.SeriesQuery{Point: p.ID, Metric: m,
			From: time.Now().AddDate(0, 0, -2), To: time.Now().AddDate(0, 0, 3)})
		if err != nil {
			t.Fatal(err)
		}
		n += len(s)
	}
	return n
}

func TestRunAgainstGateway(t *testing.T) {
	const stations = 50
	e := newEnv(t, stations)
	for _, tc := range []struct {
		name     string
		protocol string
		burst    bool
		// metric present in every report, and one only in some
		every, some sishui.Metric
	}{
		{"sl651 jittered", sishui.ProtocolSL651, false, sishui.MetricVoltageV, sishui.MetricLevelM},
		{"szy206 burst", sishui.ProtocolSZY206, true, sishui.MetricAlarm, sishui.MetricVolumeM3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Run(context.Background(), Config{Gateway: e.addr[tc.protocol], Protocol: tc.protocol,
				Stations: stations, Interval: 200 * time.Millisecond, Burst: tc.burst, Duration: 1500 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			t.Log(rep)
			if rep.Failed != 0 || rep.Confirmed != rep.Sent || rep.Sent < stations {
				t.Fatalf("report %s: want every report confirmed, at least one per station", rep)
			}
			if got := e.count(t, tc.protocol, tc.every); int64(got) != rep.Confirmed {
				t.Errorf("%s samples = %d, want one per confirmed report (%d)", tc.every, got, rep.Confirmed)
			}
			if got := e.count(t, tc.protocol, tc.some); got == 0 {
				t.Errorf("no %s samples", tc.some)
			}
			if rep.P50 <= 0 || rep.P50 > rep.P99 || rep.P99 > rep.Max {
				t.Errorf("latency percentiles out of order: %s", rep)
			}
		})
	}
}

func TestRunFramesLimit(t *testing.T) {
	e := newEnv(t, 10)
	for _, tc := range []struct {
		name     string
		protocol string
		frames   int
	}{
		{"sl651", sishui.ProtocolSL651, 200},
		{"szy206", sishui.ProtocolSZY206, 300},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Run(context.Background(), Config{Gateway: e.addr[tc.protocol], Protocol: tc.protocol,
				Stations: 10, Frames: tc.frames})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Sent != int64(tc.frames) || rep.Confirmed != int64(tc.frames) || rep.Failed != 0 {
				t.Fatalf("report %s: want exactly %d sent and confirmed", rep, tc.frames)
			}
		})
	}
}

// TestRunUnknownStations: a gateway that confirms nothing (terminals not
// registered) makes every report fail after ConfirmTimeout.
func TestRunUnknownStations(t *testing.T) {
	e := newEnv(t, 0)
	rep, err := Run(context.Background(), Config{Gateway: e.addr[sishui.ProtocolSL651], Protocol: sishui.ProtocolSL651,
		Stations: 3, Frames: 3, ConfirmTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Confirmed != 0 || rep.Failed != 3 {
		t.Fatalf("report %s: want 3 failed", rep)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"protocol", Config{Gateway: "x:1", Protocol: "modbus", Stations: 1}, "protocol"},
		{"gateway", Config{Protocol: "sl651", Stations: 1}, "gateway"},
		{"stations", Config{Gateway: "x:1", Protocol: "sl651"}, "stations"},
		{"sl651 address", Config{Gateway: "x:1", Protocol: "sl651", Points: []sishui.Point{{Code: "12"}}}, "address"},
		{"password", Config{Gateway: "x:1", Protocol: "sl651", Points: []sishui.Point{{Code: "3715000001", Password: "xyz"}}}, "password"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Run(context.Background(), tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one mentioning %q", err, tc.want)
			}
		})
	}
}

func TestStationCode(t *testing.T) {
	for _, tc := range []struct {
		protocol string
		i        int
		p        szy206.Profile
		want     string
	}{
		{sishui.ProtocolSL651, 0, szy206.Profile{}, "3715000001"},
		{sishui.ProtocolSL651, 299, szy206.Profile{}, "371500012C"},
		{sishui.ProtocolSZY206, 0, szy206.ProfileSZY206(), "3715000100"},
		{sishui.ProtocolSZY206, 0, szy206.ProfileSZY206BE(), "3715000001"},
		{sishui.ProtocolSZY206, 299, szy206.ProfileSZY206(), "3715002C01"},
	} {
		if got := StationCode(tc.protocol, tc.i, tc.p); got != tc.want {
			t.Errorf("StationCode(%s, %d, %s) = %s, want %s", tc.protocol, tc.i, tc.p.Name, got, tc.want)
		}
	}
}
