package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/forward"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/mqttin"
	"github.com/sishui/sishui/internal/protocol/szy206"
	"github.com/sishui/sishui/internal/quality"
)

// pipeline is the data path behind the API: ingestion, MQTT input and the
// store-and-forward link to the national platform.
type pipeline struct {
	ing  *ingest.Ingester
	fwd  *forward.Forwarder
	mqtt *mqttin.Subscriber
	wg   sync.WaitGroup
	// committed receives every durable batch of samples, from any input.
	committed func([]sishui.Sample)
}

// startPipeline builds the ingester and, when configured, the forwarder and the
// MQTT subscription; it registers the observations endpoint on the API.
func (a *app) startPipeline(ctx context.Context) error {
	p := &pipeline{}
	a.pipe = p
	// Newly durable samples: accounted within minutes, and forwarded upstream when configured.
	var forwardHook func([]sishui.Sample)
	p.committed = func(samples []sishui.Sample) {
		a.markDirty(samples)
		if a.onCommitted != nil { // a writer role tells the worker and API nodes
			a.onCommitted(samples)
		}
		if forwardHook != nil {
			forwardHook(samples)
		}
	}
	cfg := ingest.Config{Logger: a.log, Committed: p.committed}
	if a.cfg.Quality != "" {
		b, err := os.ReadFile(a.cfg.Quality)
		if err != nil {
			return fmt.Errorf("--quality: %w", err)
		}
		qc, err := quality.ParseConfig(b)
		if err != nil {
			return fmt.Errorf("--quality: %w", err)
		}
		a.quality, cfg.Quality = &qc, &qc
	}
	if a.cfg.ForwardAddr != "" && singleProcess(a.cfg) { // a worker role runs it under leadership
		fwd, err := a.newForwarder()
		if err != nil {
			return err
		}
		p.fwd = fwd
		forwardHook = func([]sishui.Sample) { p.fwd.Wake() }
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			if err := p.fwd.Run(ctx); err != nil && ctx.Err() == nil {
				a.log.Error("forward stopped", "err", err)
			}
		}()
	}
	p.ing = ingest.New(a.store, cfg)
	// Registry edits through the API reach the point cache at once; edits by
	// other processes (sishui import) within the cache's TTL.
	a.api.Store = registryWatch{Store: a.api.Store, ing: p.ing}
	a.api.Ingest = p.ing // POST /api/v1/observations (internal/api)
	if a.cfg.MQTTBroker != "" {
		sub, err := mqttin.Start(ctx, p.ing, mqttin.Config{Broker: a.cfg.MQTTBroker, ClientID: a.cfg.MQTTClientID, Template: a.cfg.MQTTTopic, Logger: a.log})
		if err != nil {
			return fmt.Errorf("mqtt: %w", err)
		}
		p.mqtt = sub
	}
	return nil
}

// registryWatch tells the ingester which points the registry changed.
type registryWatch struct {
	sishui.Store
	ing *ingest.Ingester
}

func (w registryWatch) CreatePoint(ctx context.Context, p *sishui.Point) error {
	err := w.Store.CreatePoint(ctx, p)
	if err == nil {
		w.ing.ForgetPoint(p.ID) // and every cached "unknown point"
	}
	return err
}

func (w registryWatch) UpdatePoint(ctx context.Context, p *sishui.Point) error {
	err := w.Store.UpdatePoint(ctx, p)
	w.ing.InvalidatePoints() // the old code may be cached under another key
	return err
}

func (w registryWatch) RetirePoint(ctx context.Context, id int64) error {
	err := w.Store.RetirePoint(ctx, id)
	w.ing.ForgetPoint(id)
	return err
}

// markDirty tells the accountant which points have new data, from when.
func (a *app) markDirty(samples []sishui.Sample) {
	if a.acct == nil {
		return
	}
	first := map[int64]time.Time{}
	for _, x := range samples {
		if t, ok := first[x.Point]; !ok || x.Time.Before(t) {
			first[x.Point] = x.Time
		}
	}
	for p, t := range first {
		a.acct.MarkDirty(p, t)
	}
}

func (p *pipeline) close() {
	if p == nil {
		return
	}
	if p.mqtt != nil {
		p.mqtt.Close()
	}
	if p.ing != nil {
		p.ing.Close()
	}
	p.wg.Wait()
}

// cmdImportObservations is `sishui import observations FILE.csv`.
func cmdImportObservations(ctx context.Context, e *env, args []string) error {
	fs, cfg, err := e.newFlags("import observations", args)
	if err != nil {
		return err
	}
	proto := fs.String("protocol", "", "protocol of points named by terminal code when the file has no protocol column (default: the one point with that code, any protocol)")
	tz := fs.String("tz", "Asia/Shanghai", "zone of times written without an offset (IANA name or +08:00)")
	batch := fs.Int("batch", 5000, "rows per durable batch")
	fs.Usage = func() { fmt.Fprintln(e.stderr, "usage: sishui import observations [--db DSN] [--tz ZONE] FILE.csv") }
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitError(2)
	}
	loc, err := parseZone(*tz)
	if err != nil {
		return err
	}
	path := fs.Arg(0)
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	ing := ingest.New(st, ingest.Config{})
	defer ing.Close()
	bar := newProgressBar(e.stderr, info.Size())
	sum, err := ing.ImportFile(ctx, path, ingest.ImportOptions{Protocol: *proto, Location: loc, BatchSize: *batch,
		Progress: func(p ingest.Progress) { bar.set(p.BytesRead) }})
	bar.done()
	fmt.Fprintf(e.stdout, "rows %d, accepted %d, duplicates %d, rejected %d, skipped (already imported) %d\n", sum.Rows, sum.Accepted, sum.Duplicates, sum.Rejected, sum.Skipped)
	for _, re := range sum.Errors {
		fmt.Fprintln(e.stdout, " ", re.Error())
	}
	if err != nil {
		return fmt.Errorf("%w (rerun the same command to resume after the last committed line)", err)
	}
	return nil
}

func parseZone(s string) (*time.Location, error) {
	if t, err := time.Parse("-07:00", s); err == nil {
		_, off := t.Zone()
		return time.FixedZone(s, off), nil
	}
	if s == "Asia/Shanghai" || s == "CST" {
		return sishui.BeijingTime, nil
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil, fmt.Errorf("--tz %q: %w", s, err)
	}
	return loc, nil
}

// newForwarder builds the store-and-forward link to the national platform.
func (a *app) newForwarder() (*forward.Forwarder, error) {
	prof, ok := szy206.ProfileByName(a.cfg.ForwardProfile)
	if a.cfg.ForwardProfile != "" && !ok {
		return nil, fmt.Errorf("--forward-profile %q: unknown SZY 206 profile", a.cfg.ForwardProfile)
	}
	// The outbox is in the store, filled by the transaction that stores
	// the samples; the hook only wakes the sender (no I/O on the commit path).
	var gw forward.GroundwaterRule
	if a.cfg.ForwardDepthDatum != "" {
		d, err := strconv.ParseFloat(a.cfg.ForwardDepthDatum, 64)
		if err != nil || math.IsNaN(d) || math.IsInf(d, 0) {
			return nil, fmt.Errorf("--forward-depth-datum %q: want metres, e.g. 35.2", a.cfg.ForwardDepthDatum)
		}
		gw = forward.GroundwaterRule{AsLevel: true, DatumM: d}
	}
	return forward.New(forward.NewStoreOutbox(a.store, prof), forward.Config{Addr: a.cfg.ForwardAddr, Profile: prof, Groundwater: gw,
		Logger: a.log, Metrics: a.metrics}), nil
}
