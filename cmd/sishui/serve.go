package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/VictoriaMetrics/metrics"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/accounting"
	"github.com/sishui/sishui/internal/alerting"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/auth"
	"github.com/sishui/sishui/internal/cityfile"
	"github.com/sishui/sishui/internal/demo"
	"github.com/sishui/sishui/internal/quality"
	"github.com/sishui/sishui/internal/warning/webhook"
	"github.com/sishui/sishui/internal/web"
)

// app is the running platform: the testable Main of the binary.
type app struct {
	cfg     *Config
	log     *slog.Logger
	store   sishui.Store
	metrics *metrics.Set
	api     *api.Server
	auth    *auth.Service
	pipe    *pipeline
	acct    *accounting.Service
	alerts  *alerting.Service
	tel     *telemetry
	quality *quality.Config // data-quality limits from --quality (nil: the defaults)
	bg      sync.WaitGroup  // background work (demo terminals) to wait for on close
	http    *http.Server
	httpLn  net.Listener
	// onCommitted, when set, also receives every durable batch (a writer role
	// announces it over NATS).
	onCommitted func([]sishui.Sample)
	// URL is the base URL of the HTTP server once listening.
	URL string
	// liveLoop keeps the live carrying-capacity history current (workspace.go).
	liveLoop func(context.Context)
}

func newApp(ctx context.Context, cfg *Config, log *slog.Logger) (*app, error) {
	st, err := openStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := applyPermitRules(st, cfg.PermitRules); err != nil {
		st.Close()
		return nil, err
	}
	if err := applyRightsRules(st, cfg); err != nil {
		st.Close()
		return nil, err
	}
	a := &app{cfg: cfg, log: log, store: st, metrics: metrics.NewSet()}
	a.auth = &auth.Service{Store: st, SecureCookies: cfg.TLSCert != "", AttemptsPerMinute: cfg.LoginAttempts, CacheTTL: authCacheTTL(cfg.AuthCache)}
	a.api = &api.Server{Store: st, Logger: log, Metrics: a.metrics, Version: Version, Auth: a.auth, Fallback: web.Handler()}
	a.api.Extra = append(a.api.Extra, api.ModelRoutes(map[string]fs.FS{"liaocheng": embeddedModels()})...)
	a.acct, err = accounting.New(st, accounting.Config{Logger: log})
	if err != nil {
		st.Close()
		return nil, err
	}
	if a.alerts, err = newAlerting(st, a.acct, cfg, log); err != nil {
		st.Close()
		return nil, err
	}
	a.api.Extra = append(a.api.Extra, api.AccountingRoutes(a.acct)...)
	a.api.Extra = append(a.api.Extra, api.AlertRoutes(a.alerts)...)
	a.api.Extra = append(a.api.Extra, api.ScorecardRoutes(a.acct, a.api.PlanRules)...)
	if err := a.startWorkspace(ctx); err != nil {
		st.Close()
		return nil, err
	}
	if err := a.startPipeline(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return a, nil
}

// newAlerting builds the warning service over the accounting: the built-in
// rules plus --warning-rules, notifying the --alert-webhooks.
func newAlerting(st sishui.Store, acct *accounting.Service, cfg *Config, log *slog.Logger) (*alerting.Service, error) {
	acfg := alerting.Config{Logger: log}
	for _, h := range strings.Split(cfg.AlertWebhooks, ",") {
		if h = strings.TrimSpace(h); h != "" {
			acfg.Notifiers = append(acfg.Notifiers, &webhook.Notifier{URL: h})
		}
	}
	if cfg.WarningRules != "" {
		b, err := os.ReadFile(cfg.WarningRules)
		if err == nil {
			acfg.ExtraRules, err = alerting.LoadRules(b)
		}
		if err != nil {
			return nil, fmt.Errorf("--warning-rules: %w", err)
		}
	}
	return alerting.New(st, acct, acfg)
}

// listen binds the HTTP port so that the URL is known before serving.
func (a *app) listen() error {
	ln, err := net.Listen("tcp", a.cfg.HTTP)
	if err != nil {
		return fmt.Errorf("http: %w", err)
	}
	a.httpLn = ln
	scheme := "http"
	if a.cfg.TLSCert != "" {
		scheme = "https"
	}
	a.URL = scheme + "://" + ln.Addr().String()
	return a.listenGateway()
}

// run serves until ctx ends, then shuts down gracefully.
func (a *app) run(ctx context.Context) error {
	if a.httpLn == nil {
		if err := a.listen(); err != nil {
			return err
		}
	}
	a.http = &http.Server{
		Handler:           a.api.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      0, // server-sent events stream; handlers bound their own work
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() {
		var err error
		if a.cfg.TLSCert != "" && a.cfg.TLSKey != "" {
			err = a.http.ServeTLS(a.httpLn, a.cfg.TLSCert, a.cfg.TLSKey)
		} else {
			err = a.http.Serve(a.httpLn)
		}
		if !errors.Is(err, http.ErrServerClosed) {
			errc <- err
		}
		close(errc)
	}()
	if singleProcess(a.cfg) { // else a worker leader runs them
		a.acct.Start(ctx)
		a.alerts.Start(ctx)
		if a.liveLoop != nil {
			go a.liveLoop(ctx)
		}
	}
	a.serveGateway(ctx)
	a.log.Info("serving", "url", a.URL, "db", a.cfg.DB)
	select {
	case <-ctx.Done():
	case err := <-errc:
		return err
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return a.http.Shutdown(sctx)
}

// catchUp accounts the year so far and walks the warning rules through the
// last week, so that alerts with hold times have fired by now.
func (a *app) catchUp(ctx context.Context, now time.Time) error {
	bj := now.In(sishui.BeijingTime)
	if err := a.acct.Sweep(ctx, time.Date(bj.Year(), 1, 1, 0, 0, 0, 0, sishui.BeijingTime), now); err != nil {
		return fmt.Errorf("accounting: %w", err)
	}
	for _, back := range []time.Duration{7 * 24 * time.Hour, 3 * 24 * time.Hour, 24 * time.Hour, 2 * time.Hour, 0} {
		if _, err := a.alerts.Eval(ctx, now.Add(-back)); err != nil {
			return fmt.Errorf("warnings: %w", err)
		}
	}
	return nil
}

func (a *app) close() error {
	a.bg.Wait()
	a.tel.close()
	a.pipe.close()
	return a.store.Close()
}

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs, cfg, err := e.newFlags("serve", args)
	if err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !singleProcess(cfg) {
		return runRole(ctx, e, cfg)
	}
	a, err := newApp(ctx, cfg, e.logger(cfg))
	if err != nil {
		return err
	}
	defer a.close()
	return a.run(ctx)
}

func cmdImport(ctx context.Context, e *env, args []string) error {
	fs, cfg, err := e.newFlags("import", args)
	if err != nil {
		return err
	}
	if len(args) > 0 && args[0] == "observations" {
		return cmdImportObservations(ctx, e, args[1:])
	}
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: sishui import [--db DSN] DIR | sishui import observations FILE.csv")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitError(2)
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	counts, err := cityfile.Load(ctx, os.DirFS(fs.Arg(0)), st)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "imported", counts)
	return nil
}

func cmdDemo(ctx context.Context, e *env, args []string) error {
	fset, cfg, err := e.newFlags("demo", args)
	if err != nil {
		return err
	}
	dbFlag := fset.Lookup("db")
	dbFlag.DefValue, _ = "", dbFlag.Value.Set("")
	for _, name := range []string{"sl651", "szy206"} { // the demo runs its own gateways
		if f := fset.Lookup(name); f.Value.String() == "" {
			f.DefValue, _ = "127.0.0.1:0", f.Value.Set("127.0.0.1:0")
		}
	}
	every := fset.Duration("terminal-interval", time.Minute, "how often each simulated terminal reports")
	history := fset.Bool("history", true, "make up readings from 1 January to now (false: start empty but for the registry)")
	if err := fset.Parse(args); err != nil {
		return err
	}
	log := e.logger(cfg)
	cfg.Role = roleAll // the demo is the single process whatever SISHUI_ROLE says
	if *every < time.Minute {
		return fmt.Errorf("--terminal-interval must be at least 1m (SL 651 observation times have minute resolution)")
	}
	if cfg.DB == "" {
		dir, err := os.MkdirTemp("", "sishui-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cfg.DB = "sqlite:" + filepath.Join(dir, "demo.db")
	}
	a, err := newApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.close()
	counts, err := cityfile.Load(ctx, fs.FS(liaocheng.FS), a.store)
	if err != nil {
		return fmt.Errorf("load Liaocheng data: %w", err)
	}
	if _, err := adoptDemoAllocation(ctx, a.store); err != nil {
		return fmt.Errorf("demo water-rights allocation: %w", err)
	}
	if err := a.listen(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "sishui demo: Liaocheng data loaded (%s)\n", counts)
	pr, err := demo.Permitting(ctx, a.store, time.Now())
	if err != nil {
		return fmt.Errorf("demo permits: %w", err)
	}
	fmt.Fprintf(e.stdout, "sishui demo: %d certificates, %d applications in the queue, %d plans (invented)\n", pr.Certificates, pr.Applications, pr.Plans)
	accounts, err := demoAccounts(ctx, a)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "sishui demo: accounts (demo passwords; change them for real use):")
	for _, acc := range accounts {
		fmt.Fprintf(e.stdout, "  %-11s %-16s %s\n", acc[0], acc[1], acc[2])
	}
	if err := matchDemoIntervals(ctx, a.store, *every); err != nil {
		return err
	}
	if _, err := demoTerminalPasswords(ctx, a.store); err != nil {
		return err
	}
	var offline []int64
	if *history {
		start := time.Now()
		hist, err := demo.History(ctx, a.store, start, 2026)
		if err != nil {
			return fmt.Errorf("demo history: %w", err)
		}
		offline = hist.Story.Offline
		if err := a.catchUp(ctx, start); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "sishui demo: %d readings since 1 January and %d entered volumes made up, accounted and checked in %s\n",
			hist.Samples, hist.Entered, time.Since(start).Round(time.Millisecond))
		nrep, err := demo.PlanProgress(ctx, a.store, start, 2026)
		if err != nil {
			return fmt.Errorf("demo plan progress: %w", err)
		}
		fmt.Fprintf(e.stdout, "sishui demo: %d made-up task progress reports (marked invented)\n", nrep)
	}
	fmt.Fprintf(e.stdout, "sishui demo: database %s\n", cfg.DB)
	if a.tel != nil {
		for _, proto := range []string{sishui.ProtocolSL651, sishui.ProtocolSZY206} {
			if addr := a.tel.addrs[proto]; addr != "" {
				fmt.Fprintf(e.stdout, "sishui demo: %s gateway on %s; its terminals report every %s\n", proto, addr, *every)
			}
		}
		if err := a.simulateDemo(ctx, *every, offline); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "sishui demo: open %s/\n", a.URL)
	return a.run(ctx)
}

// authCacheTTL maps --auth-cache to auth.Service.CacheTTL, where 0 means
// the default and a negative value turns the cache off: on the command
// line 0 means off.
func authCacheTTL(d time.Duration) time.Duration {
	if d <= 0 {
		return -1
	}
	return d
}
