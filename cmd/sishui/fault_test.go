//go:build fault

package main

// The province-scale fault test (issue 18), `make fault`: a 3-node NATS
// JetStream cluster, 2 gateways, 2 writers, 2 API nodes and 2 workers, each
// a process of the built binary, against the local PostgreSQL. SL 651
// terminals report through both gateways; part-way one NATS node, one
// writer, one gateway and the worker leader are killed with SIGKILL. Every
// confirmed report must be in the frame archive once with its samples, the
// leader must move, the API must keep answering and the backlog must drain.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/bus"
	"github.com/sishui/sishui/internal/cityfile"
	"github.com/sishui/sishui/internal/postgres"
	"github.com/sishui/sishui/internal/postgres/pgtest"
	"github.com/sishui/sishui/internal/protocol/sl651"
)

// proc is one node process.
type proc struct {
	name, role string
	cmd        *exec.Cmd
	http       string // base URL (roles)
	sl651      string // gateway terminal address
	killed     bool
	cpu0, cpu1 time.Duration // CPU time at the start of driving and at the end (or the kill)
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// cpuOf reads a live process's user+system CPU time from /proc.
func cpuOf(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * 10 * time.Millisecond // USER_HZ = 100
}

type cluster struct {
	t     *testing.T
	dir   string
	bin   string
	procs []*proc
}

func (c *cluster) start(name, role string, args ...string) *proc {
	c.t.Helper()
	p := &proc{name: name, role: role}
	logf, err := os.Create(filepath.Join(c.dir, name+".log"))
	if err != nil {
		c.t.Fatal(err)
	}
	p.cmd = exec.Command(c.bin, args...)
	p.cmd.Stdout, p.cmd.Stderr = logf, logf
	p.cmd.Env = append(os.Environ(), "GOMAXPROCS=2")
	if err := p.cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	go func() { p.cmd.Wait(); logf.Close() }()
	c.procs = append(c.procs, p)
	return p
}

func (c *cluster) kill(p *proc) {
	p.cpu1 = cpuOf(p.cmd.Process.Pid)
	p.killed = true
	if err := p.cmd.Process.Kill(); err != nil { // SIGKILL
		c.t.Errorf("kill %s: %v", p.name, err)
	}
	c.t.Logf("%s: kill -9 %s (pid %d)", time.Now().Format("15:04:05.000"), p.name, p.cmd.Process.Pid)
}

func (c *cluster) stopAll() {
	for _, p := range c.procs {
		if !p.killed && p.cmd.Process != nil {
			p.cmd.Process.Signal(os.Interrupt)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for _, p := range c.procs {
		for !p.killed && p.cmd.ProcessState == nil && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
		}
	}
}

// healthz fetches a role's /healthz JSON.
func healthz(url string) (map[string]any, error) {
	cl := http.Client{Timeout: 2 * time.Second}
	r, err := cl.Get(url + "/healthz")
	if err != nil {
		return nil, err
	}
	defer r.Body.Close()
	if r.StatusCode != 200 {
		return nil, fmt.Errorf("healthz: %s", r.Status)
	}
	var m map[string]any
	return m, json.NewDecoder(r.Body).Decode(&m)
}

func waitFor(t *testing.T, what string, d time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// metricValue sums a metric's samples (all labels) from a /metrics page.
func metricValue(url, name string) float64 {
	cl := http.Client{Timeout: 2 * time.Second}
	r, err := cl.Get(url + "/metrics")
	if err != nil {
		return math.NaN()
	}
	defer r.Body.Close()
	var sum float64
	sc := bufio.NewScanner(r.Body)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, name+" ") || strings.HasPrefix(l, name+"{") {
			f := strings.Fields(l)
			v, _ := strconv.ParseFloat(f[len(f)-1], 64)
			sum += v
		}
	}
	return sum
}

// confirmed is a report the gateway confirmed.
type confirmed struct {
	point   int64
	bytes   []byte
	obs     time.Time
	latency time.Duration
}

// terminal drives one SL 651 station: report after report, each resent
// (to the other gateway after a failure) until it is confirmed.
type terminal struct {
	point    *sishui.Point
	addr     sl651.Address
	gws      []string
	gw       int
	nc       net.Conn
	rbuf     []byte
	serial   uint16
	resends  int
	failures int
}

func (tm *terminal) frame(k int, base time.Time) ([]byte, time.Time, uint16, time.Time) {
	tm.serial++
	obs := base.Add(time.Duration(k) * time.Minute)
	sent := time.Now().In(sl651.Beijing()).Truncate(time.Second)
	f := &sl651.Frame{Format: sl651.FormatHEX, Direction: sl651.Up, Station: tm.addr, Function: sl651.FuncTimed,
		Serial: tm.serial, Sent: sent, HasBodyStation: true, BodyStation: tm.addr, Observed: obs.In(sl651.Beijing())}
	if pw, err := strconv.ParseUint(tm.point.Password, 16, 16); err == nil {
		f.Password = uint16(pw)
	}
	v := float64(k%50) / 10
	switch tm.point.Kind {
	case sishui.PointRiver, sishui.PointReservoir:
		f.StationType = sl651.StationRiver
		f.Elements = []sl651.Element{sl651.Elem("Z", 30+v), sl651.Elem("Q", 5+v)}
	case sishui.PointRain:
		f.StationType = sl651.StationRain
		f.Elements = []sl651.Element{sl651.Elem("PJ", v)}
	default:
		f.StationType = sl651.StationGroundwater
		f.Elements = []sl651.Element{sl651.Elem("H", 12+v)}
	}
	f.Elements = append(f.Elements, sl651.Elem("VT", 12.5))
	b, err := sl651.AppendFrame(nil, f)
	if err != nil {
		panic(err)
	}
	return b, obs, tm.serial, sent
}

// send writes b and waits for its confirm (serial), within 4 s.
func (tm *terminal) send(b []byte, serial uint16) error {
	if tm.nc == nil {
		nc, err := net.DialTimeout("tcp", tm.gws[tm.gw], 2*time.Second)
		if err != nil {
			return err
		}
		tm.nc, tm.rbuf = nc, tm.rbuf[:0]
	}
	tm.nc.SetDeadline(time.Now().Add(4 * time.Second))
	if _, err := tm.nc.Write(b); err != nil {
		return err
	}
	buf := make([]byte, 512)
	for {
		for len(tm.rbuf) > 0 {
			adv, tok, _ := sl651.SplitFrames(tm.rbuf, false)
			if adv == 0 {
				break
			}
			tm.rbuf = tm.rbuf[adv:]
			if tok == nil {
				continue
			}
			c, err := sl651.Decode(tok)
			if err == nil && c.Direction == sl651.Down && c.Serial == serial && c.End != sl651.ENQ {
				return nil
			}
		}
		n, err := tm.nc.Read(buf)
		if err != nil {
			return err
		}
		tm.rbuf = append(tm.rbuf, buf[:n]...)
	}
}

func (tm *terminal) fail() {
	tm.failures++
	if tm.nc != nil {
		tm.nc.Close()
		tm.nc = nil
	}
	tm.gw = (tm.gw + 1) % len(tm.gws)
}

func TestFaultProvince(t *testing.T) {
	dsn := pgtest.Schema(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "sishui")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	// The registry: the Liaocheng data, loaded once.
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cityfile.Load(ctx, fs.FS(liaocheng.FS), st); err != nil {
		t.Fatal(err)
	}
	// SL 651 passwords are required by default (issue 12): the demo's.
	if _, err := demoTerminalPasswords(ctx, st); err != nil {
		t.Fatal(err)
	}
	all, err := sishui.AllPoints(sishui.WithActor(ctx, sishui.SystemActor), st, sishui.PointFilter{})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	var points []*sishui.Point
	for _, p := range all {
		if p.Protocol == sishui.ProtocolSL651 {
			points = append(points, p)
		}
	}
	if len(points) < 50 {
		t.Fatalf("%d SL 651 points in the Liaocheng data", len(points))
	}

	c := &cluster{t: t, dir: dir, bin: bin}
	defer func() {
		c.stopAll()
		if t.Failed() {
			for _, p := range c.procs {
				b, _ := os.ReadFile(filepath.Join(dir, p.name+".log"))
				if len(b) > 3000 {
					b = b[len(b)-3000:]
				}
				t.Logf("--- %s log (tail) ---\n%s", p.name, b)
			}
		}
	}()
	base, err := bus.FreeLoopbackBase(3)
	if err != nil {
		t.Fatal(err)
	}
	nodes := bus.LoopbackCluster(dir, 3, base)
	var natsProcs []*proc
	for _, n := range nodes {
		conf, err := bus.WriteConf(dir, n)
		if err != nil {
			t.Fatal(err)
		}
		natsProcs = append(natsProcs, c.start("nats-"+n.Name, "nats", "nats-node", conf))
	}
	urls := bus.URLs(nodes)
	auditDir := filepath.Join(dir, "audit")
	os.MkdirAll(auditDir, 0o700)
	role := func(name, role string, extra ...string) *proc {
		addr := freePort(t)
		ad := filepath.Join(dir, "audit-"+name)
		os.MkdirAll(ad, 0o700)
		args := append([]string{"serve", "--role", role, "--db", dsn, "--nats", urls, "--http", addr, "--node-name", name,
			"--audit-dir", ad, "--log-level", "info"}, extra...)
		p := c.start(name, role, args...)
		p.http = "http://" + addr
		return p
	}
	var gws []*proc
	for _, n := range []string{"gw1", "gw2"} {
		a := freePort(t)
		p := role(n, roleGateway, "--sl651", a, "--stream-replicas", "3")
		p.sl651 = a
		gws = append(gws, p)
	}
	writers := []*proc{role("w1", roleWriter), role("w2", roleWriter)}
	apis := []*proc{role("api1", roleAPI), role("api2", roleAPI)}
	workers := []*proc{role("wk1", roleWorker), role("wk2", roleWorker)}
	for _, p := range c.procs {
		if p.http == "" {
			continue
		}
		waitFor(t, p.name+" healthz", time.Minute, func() bool { _, err := healthz(p.http); return err == nil })
	}
	leaderOf := func() *proc {
		for _, w := range workers {
			if w.killed {
				continue
			}
			if h, err := healthz(w.http); err == nil && h["leader"] == true {
				return w
			}
		}
		return nil
	}
	waitFor(t, "a worker leader", 30*time.Second, func() bool { return leaderOf() != nil })
	firstLeader := leaderOf()
	t.Logf("all nodes up; worker leader %s", firstLeader.name)

	// API probes: both nodes answer throughout.
	var apiOK, apiFail atomic.Int64
	probeCtx, stopProbe := context.WithCancel(ctx)
	var probes sync.WaitGroup
	for _, a := range apis {
		probes.Add(1)
		go func() {
			defer probes.Done()
			cl := http.Client{Timeout: 5 * time.Second}
			for i := 0; probeCtx.Err() == nil; i++ {
				path := "/healthz"
				if i%10 == 0 {
					path = "/api/v1/overview?year=2026"
				}
				r, err := cl.Get(a.http + path)
				if err == nil && r.StatusCode == 200 {
					apiOK.Add(1)
				} else {
					apiFail.Add(1)
					if err == nil {
						t.Errorf("%s %s: %s", a.name, path, r.Status)
					} else if probeCtx.Err() == nil {
						t.Errorf("%s %s: %v", a.name, path, err)
					}
				}
				if r != nil {
					r.Body.Close()
				}
				time.Sleep(200 * time.Millisecond)
			}
		}()
	}

	for _, p := range c.procs {
		p.cpu0 = cpuOf(p.cmd.Process.Pid)
	}
	// Terminals: each reports back to back, alternating gateways by station.
	const drive = 40 * time.Second
	obsBase := time.Now().UTC().Truncate(time.Minute).Add(-12 * time.Hour)
	var mu sync.Mutex
	var done []confirmed
	var resends, failures int
	driveCtx, stopDrive := context.WithTimeout(ctx, drive)
	defer stopDrive()
	var wg sync.WaitGroup
	start := time.Now()
	for i, p := range points {
		a, err := sl651.ParseAddress(p.Code)
		if err != nil {
			t.Fatal(err)
		}
		tm := &terminal{point: p, addr: a, gws: []string{gws[0].sl651, gws[1].sl651}, gw: i % 2, serial: uint16(i * 100)}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if tm.nc != nil {
					tm.nc.Close()
				}
				mu.Lock()
				resends += tm.resends
				failures += tm.failures
				mu.Unlock()
			}()
			for k := 0; k < 700 && driveCtx.Err() == nil; k++ {
				b, obs, serial, _ := tm.frame(k, obsBase)
				t0 := time.Now()
				for try := 0; driveCtx.Err() == nil; try++ {
					if try > 0 {
						tm.resends++
					}
					if err := tm.send(b, serial); err != nil {
						tm.fail()
						time.Sleep(100 * time.Millisecond)
						continue
					}
					mu.Lock()
					done = append(done, confirmed{point: p.ID, bytes: b, obs: obs, latency: time.Since(t0)})
					mu.Unlock()
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
		}()
	}
	// The faults, part-way.
	victimLeader := firstLeader
	for _, f := range []struct {
		at time.Duration
		p  *proc
	}{{8 * time.Second, natsProcs[0]}, {14 * time.Second, writers[0]}, {20 * time.Second, gws[0]}, {26 * time.Second, victimLeader}} {
		time.Sleep(time.Until(start.Add(f.at)))
		c.kill(f.p)
	}
	var newLeader *proc
	waitFor(t, "the worker leader to move", 30*time.Second, func() bool { newLeader = leaderOf(); return newLeader != nil })
	if newLeader == victimLeader {
		t.Fatal("leader did not move")
	}
	t.Logf("worker leader moved %s -> %s", victimLeader.name, newLeader.name)
	wg.Wait()
	driven := time.Since(start)

	// The backlog drains.
	nc, err := nats.Connect(bus.URLs(nodes[1:]))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	drainStart := time.Now()
	var msgBytes float64
	waitFor(t, "the frames stream to drain", 90*time.Second, func() bool {
		s, err := js.Stream(ctx, bus.FramesStream)
		if err != nil {
			return false
		}
		si, err := s.Info(ctx)
		if err != nil {
			return false
		}
		if si.State.Msgs > 0 && msgBytes == 0 {
			msgBytes = float64(si.State.Bytes) / float64(si.State.Msgs)
		}
		cons, err := s.Consumer(ctx, bus.WritersConsumer)
		if err != nil {
			return false
		}
		ci, err := cons.Info(ctx)
		return err == nil && si.State.Msgs == 0 && ci.NumPending == 0 && ci.NumAckPending == 0
	})
	drained := time.Since(drainStart)
	for _, p := range c.procs {
		if !p.killed {
			p.cpu1 = cpuOf(p.cmd.Process.Pid)
		}
	}
	stopProbe()
	probes.Wait()

	// Every confirmed report: archived once, with its samples.
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if len(done) < 1000 {
		t.Fatalf("only %d reports confirmed", len(done))
	}
	type archived struct{ n, samples int64 }
	frames := map[string]archived{}
	fr, err := pool.Query(ctx, `SELECT bytes, count(*), max(samples) FROM frames GROUP BY bytes`)
	if err != nil {
		t.Fatal(err)
	}
	for fr.Next() {
		var b []byte
		var a archived
		if err := fr.Scan(&b, &a.n, &a.samples); err != nil {
			t.Fatal(err)
		}
		frames[string(b)] = a
	}
	fr.Close()
	type key struct{ point, t int64 }
	stored := map[key]int64{}
	sr, err := pool.Query(ctx, `SELECT point_id, t, count(*) FROM samples GROUP BY point_id, t`)
	if err != nil {
		t.Fatal(err)
	}
	for sr.Next() {
		var k key
		var n int64
		if err := sr.Scan(&k.point, &k.t, &n); err != nil {
			t.Fatal(err)
		}
		stored[k] = n
	}
	sr.Close()
	var rows int64
	for _, d := range done {
		a := frames[string(d.bytes)]
		if a.n != 1 || a.samples < 1 {
			t.Fatalf("confirmed report of point %d at %s: %d archived frames, %d samples; want 1 frame with samples", d.point, d.obs, a.n, a.samples)
		}
		if n := stored[key{d.point, d.obs.UnixMilli()}]; n != a.samples {
			t.Fatalf("confirmed report of point %d at %s: %d samples stored, the frame says %d", d.point, d.obs, n, a.samples)
		}
		rows += a.samples
	}
	var dupFrames int64
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM (SELECT bytes FROM frames GROUP BY bytes HAVING count(*) > 1) d`).Scan(&dupFrames); err != nil {
		t.Fatal(err)
	}
	if dupFrames != 0 {
		t.Fatalf("%d frames archived more than once", dupFrames)
	}
	var totalRows int64
	pool.QueryRow(ctx, `SELECT count(*) FROM samples`).Scan(&totalRows)
	if apiOK.Load() == 0 || apiFail.Load() != 0 {
		t.Fatalf("API probes: %d answered, %d failed", apiOK.Load(), apiFail.Load())
	}

	// Figures.
	lat := make([]time.Duration, len(done))
	for i, d := range done {
		lat[i] = d.latency
	}
	slices.Sort(lat)
	q := func(f float64) time.Duration { return lat[int(f*float64(len(lat)-1))] }
	t.Logf("FIGURES: %d terminals, %d reports confirmed in %s (%.0f reports/s), %d resends, %d send failures; %d sample rows stored (%d in all)",
		len(points), len(done), driven.Round(time.Millisecond), float64(len(done))/driven.Seconds(), resends, failures, rows, totalRows)
	t.Logf("FIGURES: confirm latency p50 %s p90 %s p99 %s max %s (includes retries after the kills)", q(.5), q(.9), q(.99), lat[len(lat)-1])
	if msgBytes > 0 {
		t.Logf("FIGURES: JetStream: %.0f bytes per stored frame message (per replica)", msgBytes)
	}
	t.Logf("FIGURES: backlog drained %s after the terminals stopped; API probes answered %d", drained.Round(time.Millisecond), apiOK.Load())
	for _, g := range gws[1:] {
		n := metricValue(g.http, "sishui_bus_ack_seconds_count")
		s := metricValue(g.http, "sishui_bus_ack_seconds_sum")
		t.Logf("FIGURES: %s: %0.f publish batches acknowledged, mean ack wait %.2f ms", g.name, n, 1000*s/n)
	}
	var sampleBytes, frameBytes, nFrames int64
	pool.QueryRow(ctx, `SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits WHERE inhparent = 'samples'::regclass`).Scan(&sampleBytes)
	pool.QueryRow(ctx, `SELECT pg_total_relation_size('frames'), (SELECT count(*) FROM frames)`).Scan(&frameBytes, &nFrames)
	if totalRows > 0 && nFrames > 0 {
		t.Logf("FIGURES: PostgreSQL: %.0f bytes per sample row (table and indexes), %.0f bytes per archived frame", float64(sampleBytes)/float64(totalRows), float64(frameBytes)/float64(nFrames))
	}
	for _, p := range c.procs {
		if !p.killed {
			if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid)); err == nil {
				for _, l := range strings.Split(string(b), "\n") {
					if strings.HasPrefix(l, "VmHWM:") {
						t.Logf("FIGURES: %s peak RSS %s", p.name, strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")))
					}
				}
			}
		}
	}
	byRole := map[string]time.Duration{}
	for _, p := range c.procs {
		byRole[p.role] += p.cpu1 - p.cpu0
	}
	for _, r := range []string{"nats", roleGateway, roleWriter, roleAPI, roleWorker} {
		t.Logf("FIGURES: CPU %-8s %8s  = %6.1f µs per stored row", r, byRole[r].Round(time.Millisecond), float64(byRole[r].Microseconds())/float64(totalRows))
	}
}
