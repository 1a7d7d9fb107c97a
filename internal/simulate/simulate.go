// Package simulate drives virtual telemetry terminals (RTUs) against a
// gateway over TCP: each station keeps a connection, sends realistic SL 651
// or SZY 206 reports, waits for and checks every confirm, and the run ends
// with counts and confirm-latency percentiles. It serves `sishui simulate`,
// the demo, load benchmarks and crash tests.
package simulate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// Config describes a simulation run.
type Config struct {
	// Gateway is the gateway's host:port for Protocol.
	Gateway string
	// Protocol is "sl651" or "szy206".
	Protocol string
	// Stations is the number of virtual terminals. When Points are given and
	// Stations is 0 or larger than len(Points), one station per point runs.
	Stations int
	// Interval between two reports of a station. 0 sends back to back: the
	// next report as soon as the previous one is confirmed (load mode).
	Interval time.Duration
	// Burst makes all stations report at the same instants; otherwise each
	// station starts at a random offset within the first Interval.
	Burst bool
	// Duration ends the run after this long (0: no time limit).
	Duration time.Duration
	// Frames ends the run after this many reports in total (0: no limit).
	// With neither Duration nor Frames the run ends when ctx does.
	Frames int
	// Points, when given, supply the stations' terminal addresses (Code),
	// kinds (what they report), passwords (SL 651) and multipliers.
	Points []sishui.Point
	// Profile is the SZY 206 profile (zero: szy206.ProfileSZY206).
	Profile szy206.Profile
	// ConfirmTimeout is how long a station waits for a confirm (default 10 s).
	ConfirmTimeout time.Duration
	// Start is the simulated observation clock's origin (zero: now). Report k
	// of a station is observed at Start + k·step, step = Interval rounded up
	// to the protocol's time resolution (SL 651: 1 min, SZY 206: 1 s), so that
	// every report carries a distinct observation time even in load mode.
	Start time.Time
	// Seed makes the values reproducible (0: a fixed default seed).
	Seed uint64
	// Center is the SL 651 centre address (0: 1).
	Center byte
	// OnConfirm, when set, is called for every confirmed report with the
	// terminal address and the report's observation time (from the stations'
	// goroutines: it must be safe for concurrent use).
	OnConfirm func(code string, observed time.Time)
	// Meters continue existing registers, by terminal address: a station
	// starts from these readings instead of made-up ones, so that a
	// simulation joins a stored history without a jump.
	Meters map[string]Meter
}

// Meter is where a station's registers start.
type Meter struct {
	VolumeM3  float64 // cumulative volume (m³, before the multiplier is undone)
	EnergyKWh float64 // cumulative electricity
	FlowM3s   float64 // typical withdrawal flow (0: made up)
}

// Report is the outcome of a run.
type Report struct {
	Protocol   string
	Stations   int
	Sent       int64 // reports written to the gateway
	Confirmed  int64 // reports whose matching confirm arrived
	Failed     int64 // reports not confirmed (dial, write, timeout or mismatch)
	Mismatched int64 // confirms that did not match the report (counted in Failed)
	Reconnects int64
	Elapsed    time.Duration
	P50, P90   time.Duration // confirm latency percentiles
	P99, Max   time.Duration
}

// Rate returns confirmed reports per second.
func (r Report) Rate() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Confirmed) / r.Elapsed.Seconds()
}

// String formats the report for the command line.
func (r Report) String() string {
	return fmt.Sprintf("%s: %d stations, %s: sent %d, confirmed %d, failed %d (mismatched %d), reconnects %d, %.0f confirmed/s; confirm latency p50 %s p90 %s p99 %s max %s",
		r.Protocol, r.Stations, r.Elapsed.Round(time.Millisecond), r.Sent, r.Confirmed, r.Failed, r.Mismatched,
		r.Reconnects, r.Rate(), r.P50, r.P90, r.P99, r.Max)
}

// Default station addresses (when Config.Points is empty). Station i
// (0-based) of SL 651 has the address 371500 (Liaocheng's administrative
// code, BCD) followed by the station number i+1 as 4 hex digits, e.g.
// "3715000001"; of SZY 206 the mode-1 address with administrative code
// 371500 and station number i+1 in the profile's A2 byte order, e.g.
// "3715000100" low byte first. Default kinds: SZY 206 stations are
// withdrawal meters; SL 651 stations cycle river, groundwater, rain.
const DefaultRegion = 371500

// StationCode returns the default terminal address of station i.
func StationCode(protocol string, i int, p szy206.Profile) string {
	if protocol == sishui.ProtocolSZY206 {
		a, err := szy206.RegionAddress(DefaultRegion, uint16(i+1), p.StationBigEndian)
		if err != nil {
			return ""
		}
		return strings.ToUpper(a.String())
	}
	return fmt.Sprintf("%06d%04X", DefaultRegion, uint16(i+1))
}

// StationKind returns the default point kind of station i.
func StationKind(protocol string, i int) string {
	if protocol == sishui.ProtocolSZY206 {
		return sishui.PointWithdrawal
	}
	return []string{sishui.PointRiver, sishui.PointWell, sishui.PointRain}[i%3]
}

// Run simulates the stations until the limits of cfg or ctx end the run.
func Run(ctx context.Context, cfg Config) (Report, error) {
	if cfg.Protocol != sishui.ProtocolSL651 && cfg.Protocol != sishui.ProtocolSZY206 {
		return Report{}, fmt.Errorf("simulate: unknown protocol %q", cfg.Protocol)
	}
	if cfg.Gateway == "" {
		return Report{}, errors.New("simulate: gateway address is required")
	}
	n := cfg.Stations
	if len(cfg.Points) > 0 && (n <= 0 || n > len(cfg.Points)) {
		n = len(cfg.Points)
	}
	if n <= 0 {
		return Report{}, errors.New("simulate: no stations")
	}
	if cfg.Profile.TimeTagLen == 0 {
		cfg.Profile = szy206.ProfileSZY206()
	}
	if err := cfg.Profile.Validate(); err != nil {
		return Report{}, fmt.Errorf("simulate: %w", err)
	}
	if cfg.ConfirmTimeout <= 0 {
		cfg.ConfirmTimeout = 10 * time.Second
	}
	if cfg.Center == 0 {
		cfg.Center = 1
	}
	seed := cfg.Seed
	if seed == 0 {
		seed = 651206
	}
	start := time.Now()
	if cfg.Start.IsZero() {
		cfg.Start = start
	}
	// soft ends the sending; a report in flight still waits for its confirm
	// (up to ConfirmTimeout) unless ctx itself ends.
	soft := ctx
	if cfg.Duration > 0 {
		var cancel context.CancelFunc
		soft, cancel = context.WithTimeout(ctx, cfg.Duration)
		defer cancel()
	}
	r := &run{cfg: cfg}
	stations := make([]*station, n)
	for i := range stations {
		st, err := newStation(r, i, seed)
		if err != nil {
			return Report{}, err
		}
		stations[i] = st
	}
	var wg sync.WaitGroup
	for _, st := range stations {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st.run(ctx, soft)
		}()
	}
	wg.Wait()
	rep := Report{Protocol: cfg.Protocol, Stations: n, Sent: r.sent.Load(), Confirmed: r.confirmed.Load(),
		Failed: r.failed.Load(), Mismatched: r.mismatched.Load(), Reconnects: r.reconnects.Load(), Elapsed: time.Since(start)}
	var lat []time.Duration
	for _, st := range stations {
		lat = append(lat, st.latencies...)
	}
	slices.Sort(lat)
	if len(lat) > 0 {
		q := func(p float64) time.Duration { return lat[min(len(lat)-1, int(math.Ceil(p*float64(len(lat))))-1)] }
		rep.P50, rep.P90, rep.P99, rep.Max = q(0.50), q(0.90), q(0.99), lat[len(lat)-1]
	}
	return rep, nil
}

type run struct {
	cfg                                             Config
	claimed                                         atomic.Int64
	sent, confirmed, failed, mismatched, reconnects atomic.Int64
}

// claim reserves one report under the Frames limit.
func (r *run) claim() bool {
	if r.cfg.Frames <= 0 {
		return true
	}
	return r.claimed.Add(1) <= int64(r.cfg.Frames)
}

// station is one virtual RTU.
type station struct {
	r        *run
	i        int
	code     string
	kind     string
	password uint16
	mult     float64
	rng      *rand.Rand
	slAddr   sl651.Address
	szAddr   szy206.Address

	k        int     // reports built
	serial   uint16  // SL 651 serial
	meterM3  float64 // true cumulative volume, m³
	kwh      float64
	baseQ    float64   // typical flow, m³/s
	observed time.Time // observation time of the last report built

	nc        net.Conn
	rbuf      []byte
	wbuf      []byte
	latencies []time.Duration
}

func newStation(r *run, i int, seed uint64) (*station, error) {
	cfg := &r.cfg
	st := &station{r: r, i: i, mult: 1, rng: rand.New(rand.NewPCG(seed, uint64(i)+1))}
	if len(cfg.Points) > 0 {
		p := &cfg.Points[i]
		st.code, st.kind = strings.ToUpper(p.Code), p.Kind
		if p.Multiplier > 0 {
			st.mult = p.Multiplier
		}
		if p.Password != "" {
			v, err := strconv.ParseUint(p.Password, 16, 16)
			if err != nil {
				return nil, fmt.Errorf("simulate: point %s: password %q is not 4 hex digits", p.Code, p.Password)
			}
			st.password = uint16(v)
		}
	} else {
		st.code, st.kind = StationCode(cfg.Protocol, i, cfg.Profile), StationKind(cfg.Protocol, i)
	}
	if cfg.Protocol == sishui.ProtocolSL651 {
		a, err := sl651.ParseAddress(st.code)
		if err != nil {
			return nil, fmt.Errorf("simulate: station %d: %w", i, err)
		}
		st.slAddr = a
	} else {
		if len(st.code) != 10 {
			return nil, fmt.Errorf("simulate: station %d: address %q is not 10 hex digits", i, st.code)
		}
		for j := 0; j < 5; j++ {
			v, err := strconv.ParseUint(st.code[2*j:2*j+2], 16, 8)
			if err != nil {
				return nil, fmt.Errorf("simulate: station %d: address %q: %w", i, st.code, err)
			}
			st.szAddr[j] = byte(v)
		}
	}
	st.baseQ = 0.02 + 0.2*st.rng.Float64()
	st.meterM3 = float64(10000 + st.rng.IntN(900000))
	st.kwh = float64(1000 + st.rng.IntN(90000))
	if m, ok := cfg.Meters[st.code]; ok {
		if m.VolumeM3 > 0 {
			st.meterM3 = m.VolumeM3
		}
		if m.EnergyKWh > 0 {
			st.kwh = m.EnergyKWh
		}
		if m.FlowM3s > 0 {
			st.baseQ = m.FlowM3s
		}
	}
	st.serial = uint16(st.rng.IntN(60000))
	return st, nil
}

// step is the simulated time between two reports.
func (st *station) step() time.Duration {
	res := time.Second
	if st.r.cfg.Protocol == sishui.ProtocolSL651 {
		res = time.Minute
	}
	d := st.r.cfg.Interval
	if d < res {
		return res
	}
	return (d + res - 1) / res * res
}

func (st *station) run(ctx, soft context.Context) {
	defer st.close()
	cfg := &st.r.cfg
	if cfg.Interval > 0 && !cfg.Burst {
		if !sleep(soft, time.Duration(st.rng.Int64N(int64(cfg.Interval)))) {
			return
		}
	}
	var tick *time.Ticker
	if cfg.Interval > 0 {
		tick = time.NewTicker(cfg.Interval)
		defer tick.Stop()
	}
	backoff := 100 * time.Millisecond
	for soft.Err() == nil {
		if !st.r.claim() {
			return
		}
		if err := st.report(ctx); err != nil {
			st.r.failed.Add(1)
			st.close()
			if ctx.Err() != nil {
				return
			}
			if cfg.Interval == 0 && !sleep(soft, backoff) {
				return
			}
			backoff = min(2*backoff, 5*time.Second)
		} else {
			backoff = 100 * time.Millisecond
		}
		if tick != nil {
			select {
			case <-soft.Done():
				return
			case <-tick.C:
			}
		}
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

func (st *station) close() {
	if st.nc != nil {
		st.nc.Close()
		st.nc = nil
	}
}

// report sends one report and waits for its confirm.
func (st *station) report(ctx context.Context) error {
	if st.nc == nil {
		var d net.Dialer
		dctx, cancel := context.WithTimeout(ctx, st.r.cfg.ConfirmTimeout)
		nc, err := d.DialContext(dctx, "tcp", st.r.cfg.Gateway)
		cancel()
		if err != nil {
			return err
		}
		if st.k > 0 {
			st.r.reconnects.Add(1)
		}
		st.nc, st.rbuf = nc, st.rbuf[:0]
	}
	check, err := st.build()
	if err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() { st.nc.SetDeadline(time.Now()) })
	defer stop()
	t0 := time.Now()
	st.nc.SetDeadline(t0.Add(st.r.cfg.ConfirmTimeout))
	if _, err := st.nc.Write(st.wbuf); err != nil {
		return err
	}
	st.r.sent.Add(1)
	for {
		fr, err := st.readFrame()
		if err != nil {
			return err
		}
		ok, err := check(fr)
		if err != nil {
			st.r.mismatched.Add(1)
			return err
		}
		if ok {
			st.latencies = append(st.latencies, time.Since(t0))
			st.r.confirmed.Add(1)
			if st.r.cfg.OnConfirm != nil {
				st.r.cfg.OnConfirm(st.code, st.observed)
			}
			return nil
		}
		// Another downlink frame (a queued command): not our confirm.
	}
}

// readFrame returns the next frame the gateway sent.
func (st *station) readFrame() ([]byte, error) {
	for {
		var adv int
		var tok []byte
		for len(st.rbuf) > 0 {
			if st.r.cfg.Protocol == sishui.ProtocolSL651 {
				adv, tok, _ = sl651.SplitFrames(st.rbuf, false)
			} else {
				adv, tok, _ = szy206.SplitFrames(st.rbuf, false)
			}
			if adv == 0 {
				break
			}
			var fr []byte
			if tok != nil {
				fr = bytes.Clone(tok) // tok aliases the buffer compacted below
			}
			st.rbuf = st.rbuf[:copy(st.rbuf, st.rbuf[adv:])]
			if fr != nil {
				return fr, nil
			}
		}
		if cap(st.rbuf)-len(st.rbuf) < 512 {
			nb := make([]byte, len(st.rbuf), 2*cap(st.rbuf)+1024)
			copy(nb, st.rbuf)
			st.rbuf = nb
		}
		n, err := st.nc.Read(st.rbuf[len(st.rbuf):cap(st.rbuf)])
		st.rbuf = st.rbuf[:len(st.rbuf)+n]
		if err != nil && n == 0 {
			return nil, err
		}
	}
}
