package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/bus"
	"github.com/sishui/sishui/internal/forward"
	"github.com/sishui/sishui/internal/leader"
)

// Roles of `sishui serve --role` (issue 18). "all" is the single process.
const (
	roleAll     = "all"
	roleGateway = "gateway"
	roleWriter  = "writer"
	roleAPI     = "api"
	roleWorker  = "worker"
)

// workerLockKey is the PostgreSQL advisory lock of the worker leader
// (accounting sweep, warnings, national link).
const workerLockKey = 0x7369736875690001

// dirtySubject carries "these points have new data from then" from the
// writers to the worker leader's accountant.
const dirtySubject = "sishui.accounting.dirty"

// singleProcess reports whether cfg runs everything in one process.
func singleProcess(cfg *Config) bool { return cfg.Role == "" || cfg.Role == roleAll }

// runRole runs one role of a province-scale deployment.
func runRole(ctx context.Context, e *env, cfg *Config) error {
	role := cfg.Role
	switch role {
	case roleGateway, roleWriter, roleAPI, roleWorker:
	default:
		return fmt.Errorf("--role %q: want all, gateway, writer, api or worker", role)
	}
	if cfg.NATS == "" {
		return fmt.Errorf("--role %s needs --nats (the NATS servers' URLs)", role)
	}
	if !strings.HasPrefix(cfg.DB, "postgres://") && !strings.HasPrefix(cfg.DB, "postgresql://") {
		return fmt.Errorf("--role %s needs a PostgreSQL --db (the system of record shared by every node)", role)
	}
	name := cfg.NodeName
	if name == "" {
		h, _ := os.Hostname()
		name = h + "-" + role
	}
	log := e.logger(cfg).With("role", role, "node", name)
	if role != roleGateway {
		cfg.SL651, cfg.SZY206 = "", ""
	} else if cfg.SL651 == "" && cfg.SZY206 == "" {
		return errors.New("--role gateway needs --sl651 and/or --szy206")
	}
	a, err := newApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	nc, err := connectNATS(cfg, name, log)
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(4096))
	if err != nil {
		return err
	}
	switch role {
	case roleGateway:
		return a.runGateway(ctx, nc, js, name)
	case roleWriter:
		return a.runWriter(ctx, nc, js)
	case roleWorker:
		return a.runWorker(ctx, nc)
	default:
		return a.runAPI(ctx, nc)
	}
}

func connectNATS(cfg *Config, name string, log *slog.Logger) (*nats.Conn, error) {
	opts := []nats.Option{nats.Name("sishui " + name), nats.MaxReconnects(-1), nats.ReconnectWait(250 * time.Millisecond),
		nats.RetryOnFailedConnect(true),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("nats: disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) { log.Info("nats: reconnected", "server", c.ConnectedUrl()) })}
	if cfg.NATSCreds != "" {
		opts = append(opts, nats.UserCredentials(cfg.NATSCreds))
	}
	if cfg.NATSCA != "" {
		opts = append(opts, nats.RootCAs(cfg.NATSCA))
	}
	nc, err := nats.Connect(cfg.NATS, opts...)
	if err != nil {
		return nil, fmt.Errorf("nats %s: %w", cfg.NATS, err)
	}
	return nc, nil
}

// serveOps serves /metrics and /healthz on --http for the roles without the
// API (gateway, writer, worker), until ctx ends.
func (a *app) serveOps(ctx context.Context, health func() map[string]any) error {
	ln, err := net.Listen("tcp", a.cfg.HTTP)
	if err != nil {
		return fmt.Errorf("http: %w", err)
	}
	a.URL = "http://" + ln.Addr().String()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		metrics.WriteProcessMetrics(w)
		a.metrics.WritePrometheus(w)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		h := health()
		h["role"] = a.cfg.Role
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(h)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	a.log.Info("serving", "role", a.cfg.Role, "url", a.URL)
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// runGateway: terminal sockets, framing, decoding and the registry check
// here; every accepted frame goes to the frames stream, and the terminal is
// confirmed after the stream's acknowledgement.
func (a *app) runGateway(ctx context.Context, nc *nats.Conn, js jetstream.JetStream, name string) error {
	if _, err := bus.EnsureStream(ctx, js, bus.Limits{MaxBytes: int64(a.cfg.StreamMaxMB) << 20, Replicas: a.cfg.StreamReplicas}); err != nil {
		return err
	}
	// Registry edits on any API node reach this gateway's point cache.
	sub, err := nc.Subscribe(bus.RegistrySubject, func(*nats.Msg) { a.pipe.ing.InvalidatePoints() })
	if err != nil {
		return err
	}
	defer sub.Unsubscribe()
	if err := a.listenGateway(); err != nil {
		return err
	}
	pub := bus.NewPublisher(js, a.pipe.ing, name, a.metrics)
	a.tel.gw.Ingest = pub
	a.serveGateway(ctx)
	// Terminal sessions across gateways (JetStream KV): a terminal connected
	// through two gateways at once is logged and counted.
	go func() {
		var sess *bus.Sessions
		for sess == nil { // not needed to confirm: opened in the background, retried
			octx, cancel := context.WithTimeout(ctx, 10*time.Second)
			s, err := bus.OpenSessions(octx, js, name, a.cfg.StreamReplicas, 2*time.Minute, a.log, a.metrics)
			cancel()
			if err == nil {
				sess = s
				break
			}
			a.log.Warn("gateway: session registry not ready", "err", err)
			select {
			case <-ctx.Done():
				return
			case <-time.After(2 * time.Second):
			}
		}
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			var live []bus.Session
			for _, si := range a.tel.gw.Sessions() {
				live = append(live, bus.Session{Protocol: si.Protocol, Address: si.Address, Peer: si.Peer, Connected: si.Connected})
			}
			if err := sess.Sync(ctx, live, time.Now()); err != nil && ctx.Err() == nil {
				a.log.Warn("gateway: session registry", "err", err)
			}
		}
	}()
	return a.serveOps(ctx, func() map[string]any {
		return map[string]any{"terminals": len(a.tel.gw.Sessions()), "nats": nc.Status().String()}
	})
}

// runWriter: the writers' durable consumer into the store through the ingest
// pipeline; newly stored samples are announced to the worker leader.
func (a *app) runWriter(ctx context.Context, nc *nats.Conn, js jetstream.JetStream) error {
	pcfg, err := pgxpool.ParseConfig(a.cfg.DB)
	if err != nil {
		return err
	}
	pcfg.MaxConns = 2
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return err
	}
	defer pool.Close()
	a.onCommitted = func(samples []sishui.Sample) {
		if b := dirtyMarks(samples); b != nil {
			_ = nc.Publish(dirtySubject, b)
		}
	}
	w := bus.NewWriter(js, a.pipe.ing, bus.PGArchive{Pool: pool}, a.log, a.metrics)
	var wg sync.WaitGroup
	wctx, cancel := context.WithCancel(ctx)
	wg.Add(1)
	go func() { defer wg.Done(); w.Run(wctx) }()
	err = a.serveOps(ctx, func() map[string]any { return map[string]any{"nats": nc.Status().String()} })
	cancel()
	wg.Wait()
	return err
}

// dirty is one point's earliest new sample time (Unix ms) in a commit.
type dirty struct {
	Point int64 `json:"p"`
	From  int64 `json:"t"`
}

func dirtyMarks(samples []sishui.Sample) []byte {
	first := map[int64]int64{}
	for _, x := range samples {
		t := x.Time.UnixMilli()
		if f, ok := first[x.Point]; !ok || t < f {
			first[x.Point] = t
		}
	}
	if len(first) == 0 {
		return nil
	}
	out := make([]dirty, 0, len(first))
	for p, t := range first {
		out = append(out, dirty{p, t})
	}
	b, _ := json.Marshal(out)
	return b
}

// runWorker: the accounting sweep, the warnings engine and the national
// link under one leader at a time (PostgreSQL advisory lock); followers wait
// to take over. Alerts fan out to every API node over NATS.
func (a *app) runWorker(ctx context.Context, nc *nats.Conn) error {
	el := &leader.Elector{DSN: a.cfg.DB, Key: workerLockKey, Log: a.log}
	a.metrics.NewGauge(`sishui_worker_leader`, func() float64 {
		if el.Leading() {
			return 1
		}
		return 0
	})
	sub, err := nc.Subscribe(dirtySubject, func(m *nats.Msg) {
		var ds []dirty
		if json.Unmarshal(m.Data, &ds) == nil {
			for _, d := range ds {
				a.acct.MarkDirty(d.Point, time.UnixMilli(d.From).UTC())
			}
		}
	})
	if err != nil {
		return err
	}
	defer sub.Unsubscribe()
	alerts, stopAlerts := a.alerts.Broker().Subscribe(nil)
	defer stopAlerts()
	go func() {
		for al := range alerts {
			if b, err := json.Marshal(al); err == nil {
				_ = nc.Publish(bus.AlertsSubject, b)
			}
		}
	}()
	var fwd *forward.Forwarder // one per process, run by each term of leadership
	if a.cfg.ForwardAddr != "" {
		if fwd, err = a.newForwarder(); err != nil {
			return err
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		el.Run(ctx, func(lctx context.Context) {
			a.log.Info("worker: leading (accounting, warnings, national link, live carrying capacity)")
			a.acct.Start(lctx)
			a.alerts.Start(lctx)
			if a.liveLoop != nil { // live carrying capacity, one writer of its history
				go a.liveLoop(lctx)
			}
			for fwd != nil && lctx.Err() == nil {
				if err := fwd.Run(lctx); err != nil && lctx.Err() == nil {
					a.log.Error("worker: national link stopped, restarting", "err", err)
					select {
					case <-lctx.Done():
					case <-time.After(time.Second):
					}
				}
			}
			<-lctx.Done()
			a.log.Info("worker: stepped down")
		})
	}()
	err = a.serveOps(ctx, func() map[string]any {
		return map[string]any{"leader": el.Leading(), "terms": el.Terms(), "nats": nc.Status().String()}
	})
	wg.Wait()
	return err
}

// runAPI: the HTTP API and web UI; sessions and login counters are in the
// database, so any number of API nodes serve behind a load balancer. Alerts
// arrive from the worker leader over NATS; registry edits tell every gateway.
func (a *app) runAPI(ctx context.Context, nc *nats.Conn) error {
	sub, err := nc.Subscribe(bus.AlertsSubject, func(m *nats.Msg) {
		var al sishui.Alert
		if json.Unmarshal(m.Data, &al) == nil {
			a.alerts.Broker().Publish(al)
		}
	})
	if err != nil {
		return err
	}
	defer sub.Unsubscribe()
	a.api.Store = registryBus{Store: a.api.Store, nc: nc}
	return a.run(ctx)
}

// registryBus announces registry edits to every gateway's point cache.
type registryBus struct {
	sishui.Store
	nc *nats.Conn
}

func (r registryBus) CreatePoint(ctx context.Context, p *sishui.Point) error {
	err := r.Store.CreatePoint(ctx, p)
	_ = r.nc.Publish(bus.RegistrySubject, nil)
	return err
}

func (r registryBus) UpdatePoint(ctx context.Context, p *sishui.Point) error {
	err := r.Store.UpdatePoint(ctx, p)
	_ = r.nc.Publish(bus.RegistrySubject, nil)
	return err
}

func (r registryBus) RetirePoint(ctx context.Context, id int64) error {
	err := r.Store.RetirePoint(ctx, id)
	_ = r.nc.Publish(bus.RegistrySubject, nil)
	return err
}

// cmdNATSNode runs one nats-server node from the Go module (JetStream with
// sync_interval: always), for the fault test and small deployments:
// `sishui nats-node FILE.conf`.
func cmdNATSNode(ctx context.Context, e *env, args []string) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(e.stderr, "usage: sishui nats-node FILE.conf (a nats-server configuration)")
		return exitError(2)
	}
	return bus.RunNode(ctx, args[0])
}
