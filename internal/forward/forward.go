package forward

import (
	"bufio"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strconv"
	"time"

	"github.com/VictoriaMetrics/metrics"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/protocol/szy206"
)

// ErrUnsupported is returned for a metric that has no SZY 206 class here.
var ErrUnsupported = errors.New("metric not forwarded in SZY 206")

// classOf maps a metric to its SZY 206 parameter class.
func classOf(m sishui.Metric) (szy206.TypeCode, bool) {
	switch m {
	case sishui.MetricRainMM:
		return szy206.TypeRain, true
	case sishui.MetricLevelM:
		return szy206.TypeLevel, true
	case sishui.MetricFlowM3s, sishui.MetricVolumeM3:
		return szy206.TypeFlow, true
	case sishui.MetricTemperatureC:
		return szy206.TypeWaterTemp, true
	case sishui.MetricDepthM: // SZY 206 has no depth class (PROTOCOLS.md §2.7)
		return szy206.TypeLevel, true
	case sishui.MetricEnergyKWh: // SL/T 427 only (carries checks the profile)
		return szy206.TypeElectricity, true
	}
	return 0, false
}

// carries reports whether profile p can send metric m as a report of its
// own: energy only under SL/T 427 (in SZY 206-2016 its type code is wind
// speed).
func carries(m sishui.Metric, p szy206.Profile) bool {
	_, ok := classOf(m)
	return ok && (m != sishui.MetricEnergyKWh || p.Edition == szy206.Edition2021)
}

// Metrics are the metrics the national link queues under profile p: those
// it sends as reports, and the alarm and pump-state words that ride in the
// status bytes of every report.
func Metrics(p szy206.Profile) []sishui.Metric {
	var out []sishui.Metric
	for m := sishui.Metric(1); m < 64; m++ {
		if carries(m, p) || m == sishui.MetricAlarm || m == sishui.MetricPumpState {
			out = append(out, m)
		}
	}
	return out
}

// GroundwaterRule says how groundwater depth (埋深, metres below ground)
// goes upstream in SZY 206's water-level class, per profile. The vendors'
// convention is an open question (PROTOCOLS.md §2.7): the default sends the
// depth as it is, UNVERIFIED.
type GroundwaterRule struct {
	// AsLevel sends DatumM − depth (a level above the datum) instead.
	AsLevel bool
	DatumM  float64
}

func (g GroundwaterRule) value(depthM float64) float64 {
	if g.AsLevel {
		return g.DatumM - depthM
	}
	return depthM
}

func parseStation(s string) (szy206.Address, error) {
	var a szy206.Address
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != len(a) {
		return a, fmt.Errorf("%w: %q", ErrBadStation, s)
	}
	copy(a[:], b)
	return a, nil
}

// Encode appends the SZY 206 self-report (AFN C0) that carries one item
// under profile p: rain, level (also a groundwater depth, converted by the
// forwarder's GroundwaterRule), water temperature, energy (SL/T 427 only),
// or the flow class (a flow with the volume marked missing, or a cumulative
// volume with the flow marked missing), with the item's time as Tp and its
// alarm and status words.
func Encode(dst []byte, it Item, p szy206.Profile) ([]byte, error) {
	addr, err := parseStation(it.Station)
	if err != nil {
		return dst, err
	}
	t, ok := classOf(it.Metric)
	if !ok {
		return dst, fmt.Errorf("forward: %s: %w", it.Metric, ErrUnsupported)
	}
	var rs []szy206.Reading
	switch it.Metric {
	case sishui.MetricRainMM:
		rs = []szy206.Reading{szy206.NewReading(szy206.KindRain, 1, it.Value)}
	case sishui.MetricLevelM:
		rs = []szy206.Reading{szy206.NewReading(szy206.KindLevel, 1, it.Value)}
	case sishui.MetricTemperatureC:
		rs = []szy206.Reading{szy206.NewReading(szy206.KindWaterTemp, 1, it.Value)}
	case sishui.MetricFlowM3s:
		rs = []szy206.Reading{szy206.NewReading(szy206.KindFlow, 1, it.Value), szy206.MissingReading(szy206.KindVolume, 1)}
	case sishui.MetricVolumeM3:
		rs = []szy206.Reading{szy206.MissingReading(szy206.KindFlow, 1), szy206.NewReading(szy206.KindVolume, 1, it.Value)}
	case sishui.MetricDepthM:
		rs = []szy206.Reading{szy206.NewReading(szy206.KindLevel, 1, it.Value)}
	case sishui.MetricEnergyKWh:
		if !carries(it.Metric, p) {
			return dst, fmt.Errorf("forward: %s under profile %s: %w", it.Metric, p.Name, ErrUnsupported)
		}
		rs = []szy206.Reading{szy206.NewReading(szy206.KindElectricity, 1, it.Value)}
	}
	tp := szy206.NewTimeTag(it.Time, 0, p.TimeTagLen)
	out, err := szy206.AppendReport(dst, &szy206.Report{Address: addr, Type: t, Readings: rs, Time: &tp,
		Alarm: szy206.AlarmWord(it.Alarm), Status: szy206.StatusWord(it.Status)}, p)
	if err != nil {
		return dst, fmt.Errorf("forward: encode: %w", err)
	}
	return out, nil
}

// Config says where and how to forward. Addr is required.
type Config struct {
	Addr           string         // upstream host:port
	Profile        szy206.Profile // zero value: szy206.ProfileSZY206()
	ConfirmTimeout time.Duration  // wait for a confirm before resending; default 10 s
	DialTimeout    time.Duration  // default 10 s
	MinBackoff     time.Duration  // first retry delay; default 1 s
	MaxBackoff     time.Duration  // cap of the doubling delay; default 5 min
	Poll           time.Duration  // how often an empty queue is looked at; default 1 s
	// Groundwater says how depths go upstream (default: as they are, unverified).
	Groundwater GroundwaterRule
	Logger      *slog.Logger // nil: slog.Default
	// Metrics receives the forwarder's metrics; nil makes a new set
	// (Forwarder.Metrics returns it).
	Metrics *metrics.Set
}

// Forwarder sends the queue upstream. Run it in its own goroutine.
type Forwarder struct {
	q   Outbox
	cfg Config

	set                             *metrics.Set
	sent, confirmed, retries, dials *metrics.Counter
	wake                            chan struct{}
}

// New returns a Forwarder of q's items.
func New(q Outbox, cfg Config) *Forwarder {
	if cfg.Profile.Name == "" {
		cfg.Profile = szy206.ProfileSZY206()
	}
	if cfg.ConfirmTimeout <= 0 {
		cfg.ConfirmTimeout = 10 * time.Second
	}
	if cfg.DialTimeout <= 0 {
		cfg.DialTimeout = 10 * time.Second
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = time.Second
	}
	if cfg.MaxBackoff < cfg.MinBackoff {
		cfg.MaxBackoff = max(5*time.Minute, cfg.MinBackoff)
	}
	if cfg.Poll <= 0 {
		cfg.Poll = time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	set := cfg.Metrics
	if set == nil {
		set = metrics.NewSet()
	}
	f := &Forwarder{q: q, cfg: cfg, set: set, wake: make(chan struct{}, 1)}
	f.sent = set.GetOrCreateCounter(`sishui_forward_frames_sent_total`)
	f.confirmed = set.GetOrCreateCounter(`sishui_forward_frames_confirmed_total`)
	f.retries = set.GetOrCreateCounter(`sishui_forward_retries_total`)
	f.dials = set.GetOrCreateCounter(`sishui_forward_connects_total`)
	set.GetOrCreateGauge(`sishui_forward_backlog`, func() float64 {
		_, n := q.Backlog()
		return float64(n)
	})
	return f
}

// Metrics returns the forwarder's metric set: frames sent and confirmed,
// retries, connects, the total backlog, and a backlog gauge per station
// (sishui_forward_station_backlog{station="…"}, registered as stations
// appear).
func (f *Forwarder) Metrics() *metrics.Set { return f.set }

// Backlog returns the queue's backlog per station and in total.
func (f *Forwarder) Backlog() (perStation map[string]int, total int) { return f.q.Backlog() }

// Wake tells the forwarder that items were queued, so that it does not wait
// for the next poll.
func (f *Forwarder) Wake() {
	select {
	case f.wake <- struct{}{}:
	default:
	}
}

// Run forwards until ctx ends, then returns ctx's error. Connection errors,
// missing confirms and upstream stalls are retried with a doubling delay
// from MinBackoff to MaxBackoff; the head item is resent until confirmed, so
// items go out in queue order (and so in order per station).
func (f *Forwarder) Run(ctx context.Context) error {
	backoff := f.cfg.MinBackoff
	var conn net.Conn
	var rd *bufio.Scanner
	defer func() {
		if conn != nil {
			conn.Close()
		}
	}()
	stations := map[string]bool{}
	var buf []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		it, ok, err := f.q.head(ctx)
		if err != nil {
			return err
		}
		if !ok {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-f.wake:
			case <-time.After(f.cfg.Poll):
			}
			continue
		}
		if !stations[it.Station] {
			stations[it.Station] = true
			st := it.Station
			f.set.GetOrCreateGauge(`sishui_forward_station_backlog{station=`+strconv.Quote(st)+`}`, func() float64 {
				m, _ := f.q.Backlog()
				return float64(m[st])
			})
		}
		if it.Metric == sishui.MetricDepthM {
			it.Value = f.cfg.Groundwater.value(it.Value)
		}
		buf, err = Encode(buf[:0], it, f.cfg.Profile)
		if err != nil {
			// Cannot happen for items Enqueue accepted; drop it rather than block the queue.
			f.cfg.Logger.Error("forward: dropping unencodable item", "item", it, "err", err)
			if err := f.q.done(ctx, it); err != nil {
				return err
			}
			continue
		}
		if conn == nil {
			f.dials.Inc()
			d := net.Dialer{Timeout: f.cfg.DialTimeout}
			conn, err = d.DialContext(ctx, "tcp", f.cfg.Addr)
			if err != nil {
				conn = nil
				if !f.sleep(ctx, &backoff, "connect", err) {
					return ctx.Err()
				}
				continue
			}
			rd = bufio.NewScanner(conn)
			rd.Buffer(make([]byte, 4096), 64<<10)
			rd.Split(szy206.SplitFrames)
		}
		err = f.exchange(ctx, conn, rd, buf, it)
		if err != nil {
			conn.Close()
			conn = nil
			if !f.sleep(ctx, &backoff, "send", err) {
				return ctx.Err()
			}
			continue
		}
		backoff = f.cfg.MinBackoff
		if err := f.q.done(ctx, it); err != nil {
			return err
		}
	}
}

// errNoConfirm is returned when the upstream did not confirm in time.
var errNoConfirm = errors.New("forward: no confirm from upstream")

// exchange sends one frame and waits for the upstream's confirm of it.
func (f *Forwarder) exchange(ctx context.Context, conn net.Conn, rd *bufio.Scanner, frame []byte, it Item) error {
	deadline := time.Now().Add(f.cfg.ConfirmTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	if err := conn.SetDeadline(deadline); err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()
	if _, err := conn.Write(frame); err != nil {
		return fmt.Errorf("forward: write: %w", err)
	}
	f.sent.Inc()
	addr, _ := parseStation(it.Station)
	for rd.Scan() {
		fr, err := szy206.Decode(rd.Bytes(), f.cfg.Profile)
		if err != nil || fr.Control.Up() || fr.Address != addr || fr.AFN != szy206.AFNSelfReport {
			continue // not our confirm: ignore
		}
		f.confirmed.Inc()
		return nil
	}
	err := rd.Err()
	if err == nil {
		err = io.EOF
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return errNoConfirm
	}
	return fmt.Errorf("forward: read confirm: %w", err)
}

// sleep waits the back-off delay and doubles it; false when ctx ended.
func (f *Forwarder) sleep(ctx context.Context, backoff *time.Duration, what string, err error) bool {
	f.retries.Inc()
	f.cfg.Logger.Warn("forward: retrying", "op", what, "in", *backoff, "err", err)
	t := time.NewTimer(*backoff)
	defer t.Stop()
	*backoff = min(*backoff*2, f.cfg.MaxBackoff)
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
