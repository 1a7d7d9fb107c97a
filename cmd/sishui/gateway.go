package main

import (
	"context"
	"fmt"
	"hash/crc32"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/downlink"
	"github.com/sishui/sishui/internal/gateway"
	"github.com/sishui/sishui/internal/protocol/szy206"
	"github.com/sishui/sishui/internal/simulate"
)

// telemetry is the TCP gateway and its listeners.
type telemetry struct {
	gw    *gateway.Server
	dl    *downlink.Dispatcher    // downlink commands from the store to the terminals
	lns   map[string]net.Listener // protocol → listener
	addrs map[string]string       // protocol → bound address
	wg    sync.WaitGroup
}

// listenGateway binds the configured gateway addresses (none: no gateway).
func (a *app) listenGateway() error {
	addrs := map[string]string{sishui.ProtocolSL651: a.cfg.SL651, sishui.ProtocolSZY206: a.cfg.SZY206}
	t := &telemetry{lns: map[string]net.Listener{}, addrs: map[string]string{}}
	for proto, addr := range addrs {
		if addr == "" {
			continue
		}
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			t.close()
			return fmt.Errorf("%s gateway: %w", proto, err)
		}
		t.lns[proto], t.addrs[proto] = ln, ln.Addr().String()
	}
	if len(t.lns) == 0 {
		return nil
	}
	// The gateway keeps the wire; its frames go through the one ingester.
	t.gw = &gateway.Server{Ingest: a.pipe.ing, MaxConns: a.cfg.MaxConns, IdleTimeout: a.cfg.IdleTimeout, Logger: a.log, Metrics: a.metrics,
		AllowNoPassword: a.cfg.AllowNoPassword}
	if a.cfg.AllowedNets != "" {
		nets, err := sishui.ParseAllowedNets("--allowed-nets", strings.Split(a.cfg.AllowedNets, ","))
		if err != nil {
			t.close()
			return err
		}
		t.gw.AllowedNets = nets
	}
	if a.cfg.VendorMap != "" {
		b, err := os.ReadFile(a.cfg.VendorMap)
		if err == nil {
			t.gw.Mapping, err = gateway.ParseVendorMapping(b)
		}
		if err != nil {
			t.close()
			return fmt.Errorf("--vendor-map: %w", err)
		}
	}
	prof, err := a.szy206Profile()
	if err != nil {
		t.close()
		return err
	}
	t.gw.SZY206Profile = prof
	t.dl = &downlink.Dispatcher{Store: a.store, Gateway: t.gw, Logger: a.log, SZY206Profile: prof}
	t.gw.OnOnline, t.gw.OnUplink = t.dl.Online, t.dl.Uplink
	a.tel = t
	a.api.Extra = append(a.api.Extra, api.Route{Method: "GET", Path: "/api/v1/gateway/sessions", Tag: "telemetry",
		Summary: "Terminals connected to the gateway now", Out: []gateway.SessionInfo{},
		Handler: func(w http.ResponseWriter, r *http.Request) error {
			if !sishui.ActorFrom(r.Context()).SeesAll() {
				return &sishui.Error{Code: sishui.EFORBIDDEN, Message: "the live connection list is for city-wide accounts"}
			}
			return api.WriteJSON(w, http.StatusOK, t.gw.Sessions())
		}})
	return nil
}

// serveGateway serves the bound listeners until ctx ends.
func (a *app) serveGateway(ctx context.Context) {
	t := a.tel
	if t == nil {
		return
	}
	a.logNoPassword(ctx)
	t.wg.Add(1)
	go func() { defer t.wg.Done(); t.dl.Run(ctx) }()
	for proto, ln := range t.lns {
		t.wg.Add(1)
		go func() {
			defer t.wg.Done()
			if err := t.gw.Serve(ctx, ln, proto); err != nil && ctx.Err() == nil {
				a.log.Error("gateway stopped", "protocol", proto, "err", err)
			}
		}()
		a.log.Info("gateway listening", "protocol", proto, "addr", t.addrs[proto])
	}
}

// logNoPassword says at start how many SL 651 points have no terminal
// password: their frames are quarantined (no_password) unless
// --allow-no-password.
func (a *app) logNoPassword(ctx context.Context) {
	if a.tel.lns[sishui.ProtocolSL651] == nil {
		return
	}
	pts, err := sishui.AllPoints(ctx, a.store, sishui.PointFilter{Protocol: sishui.ProtocolSL651})
	if err != nil {
		a.log.Error("gateway: counting SL 651 points without password", "err", err)
		return
	}
	n := 0
	for _, p := range pts {
		if p.Password == "" && !p.Retired {
			n++
		}
	}
	switch {
	case n > 0 && a.cfg.AllowNoPassword:
		a.log.Warn("gateway: SL 651 points without a terminal password are accepted (--allow-no-password)", "points", n)
	case n > 0:
		a.log.Warn("gateway: SL 651 points without a terminal password; their frames are quarantined as no_password until one is set", "points", n)
	default:
		a.log.Info("gateway: every SL 651 point has a terminal password", "points", len(pts))
	}
}

func (t *telemetry) close() {
	if t == nil {
		return
	}
	if t.gw != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		t.gw.Shutdown(ctx)
		cancel()
	}
	for _, ln := range t.lns {
		ln.Close()
	}
	t.wg.Wait()
}

// matchDemoIntervals makes the points' declared reporting intervals agree
// with the simulated terminals': a point declared to report more often than
// every is set to every, so that completeness (到报率) counts what the
// terminals really send. The made-up history follows the declared intervals.
func matchDemoIntervals(ctx context.Context, st sishui.Store, every time.Duration) error {
	pts, err := sishui.AllPoints(ctx, st, sishui.PointFilter{})
	if err != nil {
		return err
	}
	secs := int(every / time.Second)
	for _, p := range pts {
		if p.IntervalSeconds < secs {
			p.IntervalSeconds = secs
			if err := st.UpdatePoint(ctx, p); err != nil {
				return fmt.Errorf("point %s interval: %w", p.Code, err)
			}
		}
	}
	return nil
}

// demoTerminalPasswords gives every SL 651 point of the demo without a
// terminal password one (4 hex digits made from its address; invented), so
// that the demo runs with passwords required like a real deployment; its
// simulated terminals send them.
func demoTerminalPasswords(ctx context.Context, st sishui.Store) (int, error) {
	pts, err := sishui.AllPoints(ctx, st, sishui.PointFilter{Protocol: sishui.ProtocolSL651})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range pts {
		if p.Password != "" {
			continue
		}
		p.Password = fmt.Sprintf("%04X", crc32.ChecksumIEEE([]byte("sishui-demo:"+p.Code))&0xFFFF)
		if err := st.UpdatePoint(ctx, p); err != nil {
			return n, fmt.Errorf("point %s password: %w", p.Code, err)
		}
		n++
	}
	return n, nil
}

// simulateDemo drives the demo's own terminals through its gateway, each
// continuing its meter from the made-up history; the offline points stay
// silent.
func (a *app) simulateDemo(ctx context.Context, every time.Duration, offline []int64) error {
	if a.tel == nil {
		return nil
	}
	for proto, addr := range a.tel.addrs {
		pts, _, err := a.store.ListPoints(ctx, sishui.PointFilter{Protocol: proto, Page: sishui.Page{Limit: sishui.MaxPageLimit}})
		if err != nil {
			return err
		}
		cfg := simulate.Config{Gateway: addr, Protocol: proto, Interval: every, Meters: map[string]simulate.Meter{}}
		for _, p := range pts {
			if slices.Contains(offline, p.ID) {
				continue
			}
			cfg.Points = append(cfg.Points, *p)
			latest, err := a.store.LatestSamples(ctx, p.ID)
			if err != nil {
				return err
			}
			var m simulate.Meter
			for _, x := range latest {
				switch x.Metric {
				case sishui.MetricVolumeM3:
					m.VolumeM3 = x.Value
				case sishui.MetricEnergyKWh:
					m.EnergyKWh = x.Value
				case sishui.MetricFlowM3s:
					m.FlowM3s = x.Value
				}
			}
			cfg.Meters[p.Code] = m
		}
		a.bg.Add(1)
		go func() {
			defer a.bg.Done()
			rep, err := simulate.Run(ctx, cfg)
			if err != nil && ctx.Err() == nil {
				a.log.Error("demo terminals stopped", "protocol", proto, "err", err)
			}
			a.log.Info("demo terminals", "report", rep.String())
		}()
	}
	return nil
}

func cmdSimulate(ctx context.Context, e *env, args []string) error {
	fs, _, err := e.newFlags("simulate", args)
	if err != nil {
		return err
	}
	var cfg simulate.Config
	fs.StringVar(&cfg.Gateway, "gateway", "127.0.0.1:6001", "gateway host:port")
	fs.StringVar(&cfg.Protocol, "protocol", "szy206", "sl651 or szy206")
	fs.IntVar(&cfg.Stations, "stations", 100, "virtual terminals")
	fs.DurationVar(&cfg.Interval, "interval", time.Minute, "time between a terminal's reports (0: as fast as confirms allow)")
	fs.BoolVar(&cfg.Burst, "burst", false, "all terminals report at the same instants")
	fs.IntVar(&cfg.Frames, "frames", 0, "stop after this many reports in total (0: no limit)")
	fs.DurationVar(&cfg.Duration, "duration", 0, "stop after this long (0: until interrupted or --frames)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cfg.Frames == 0 && cfg.Duration == 0 {
		fmt.Fprintln(e.stderr, "simulate: running until interrupted (Ctrl-C)")
	}
	rep, err := simulate.Run(ctx, cfg)
	fmt.Fprintln(e.stdout, rep.String())
	if err != nil {
		return err
	}
	if rep.Failed > 0 {
		return exitError(1)
	}
	return nil
}

// szy206Profile is the SZY 206 profile of the gateway and its downlink
// commands: SZY 206-2016 with the settings AFNs of the configuration.
func (a *app) szy206Profile() (szy206.Profile, error) {
	prof := szy206.ProfileSZY206()
	for _, s := range []struct {
		name, val string
		afn       *szy206.AFN
	}{{"--szy206-password-afn", a.cfg.SZY206PasswordAFN, &prof.PasswordAFN}, {"--szy206-interval-afn", a.cfg.SZY206IntervalAFN, &prof.IntervalAFN}} {
		v, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSuffix(strings.ToUpper(s.val), "H"), "0X"), 16, 8)
		if err != nil {
			return prof, fmt.Errorf("%s %q: not a one-byte hex AFN", s.name, s.val)
		}
		*s.afn = szy206.AFN(v)
	}
	return prof, prof.Validate()
}
