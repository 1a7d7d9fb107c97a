package main

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/simulate"
	"github.com/sishui/sishui/internal/sqlite"
)

// TestCrashConfirmedFramesSurvive starts `sishui serve` as a process, drives
// SZY 206 terminals against it, kills it with SIGKILL part-way, restarts it,
// and checks that every report the gateway confirmed is stored, exactly once.
// SISHUI_CRASH_FRAMES sets the number of reports (default 20000; the issue's
// figure is 100000).
func TestCrashConfirmedFramesSurvive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	frames := 20_000
	if v := os.Getenv("SISHUI_CRASH_FRAMES"); v != "" {
		frames, _ = strconv.Atoi(v)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "sishui")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := "sqlite:" + filepath.Join(dir, "crash.db")
	if out, err := exec.Command(bin, "import", "--db", db, "../../data/liaocheng").CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gwAddr := ln.Addr().String()
	ln.Close()
	start := func() *exec.Cmd {
		cmd := exec.Command(bin, "serve", "--db", db, "--http", "127.0.0.1:0", "--szy206", gwAddr, "--log-level", "error")
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 200; i++ {
			if c, err := net.Dial("tcp", gwAddr); err == nil {
				c.Close()
				return cmd
			}
			time.Sleep(50 * time.Millisecond)
		}
		cmd.Process.Kill()
		t.Fatal("the server did not start listening")
		return nil
	}
	server := start()

	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "crash.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pts, _, err := st.ListPoints(ctx, sishui.PointFilter{Protocol: sishui.ProtocolSZY206, Kind: sishui.PointWithdrawal, Page: sishui.Page{Limit: 100}})
	if err != nil || len(pts) < 50 {
		t.Fatalf("points: %d %v", len(pts), err)
	}
	cfg := simulate.Config{Gateway: gwAddr, Protocol: sishui.ProtocolSZY206, Frames: frames, ConfirmTimeout: 3 * time.Second,
		Start: time.Now().Add(-24 * time.Hour).Truncate(time.Hour)}
	for _, p := range pts {
		cfg.Points = append(cfg.Points, *p)
	}
	var mu sync.Mutex
	confirmed := map[string]map[int64]bool{} // code → observation times (ms)
	var n int
	killAt := frames / 3
	killed := make(chan struct{})
	cfg.OnConfirm = func(code string, observed time.Time) {
		mu.Lock()
		defer mu.Unlock()
		if confirmed[code] == nil {
			confirmed[code] = map[int64]bool{}
		}
		confirmed[code][observed.UnixMilli()] = true
		n++
		if n == killAt {
			close(killed)
		}
	}
	done := make(chan simulate.Report)
	go func() {
		rep, err := simulate.Run(ctx, cfg)
		if err != nil {
			t.Error(err)
		}
		done <- rep
	}()
	<-killed
	if err := server.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	server.Wait()
	time.Sleep(300 * time.Millisecond) // terminals see the connections drop and retry
	server = start()
	rep := <-done
	defer func() { server.Process.Kill(); server.Wait() }()
	t.Logf("%s", rep)
	if rep.Reconnects == 0 || rep.Failed == 0 {
		t.Fatalf("the kill was not felt: %s", rep)
	}
	if rep.Confirmed < int64(frames)/2 {
		t.Fatalf("too few confirmed after the restart: %s", rep)
	}
	// Every confirmed report is stored, exactly once.
	missing, stored := 0, 0
	for _, p := range pts {
		want := confirmed[p.Code]
		// A report carries volume and flow, or (every fourth, an alarm report) voltage.
		have := map[int64]int{}
		for _, m := range []sishui.Metric{sishui.MetricVolumeM3, sishui.MetricVoltageV} {
			got, err := st.QuerySamples(ctx, sishui.SeriesQuery{Point: p.ID, Metric: m, From: cfg.Start, To: time.Now().Add(48 * time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range got {
				have[x.Time.UnixMilli()]++
			}
			stored += len(got)
		}
		for ms := range want {
			if have[ms] != 1 {
				if missing < 3 {
					t.Logf("%s: confirmed %v not stored (have %d, want %d samples)", p.Code, time.UnixMilli(ms).UTC(), len(have), len(want))
				}
				missing++
			}
		}
		for _, c := range have {
			if c != 1 {
				t.Fatalf("a report of %s is stored %d times", p.Code, c)
			}
		}
	}
	if missing != 0 {
		t.Fatalf("%d confirmed reports are not stored exactly once", missing)
	}
	if int64(stored) < rep.Confirmed || int64(stored) > rep.Sent {
		t.Fatalf("stored %d samples for %d confirmed and %d sent reports", stored, rep.Confirmed, rep.Sent)
	}
	t.Logf("confirmed %d, stored %d (unconfirmed but stored: %d), every confirmed report stored once", rep.Confirmed, stored, int64(stored)-rep.Confirmed)
}
