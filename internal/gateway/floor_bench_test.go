package gateway

import (
	"net"
	"sync"
	"testing"

	"github.com/sishui/sishui/internal/protocol/sl651"
)

// BenchmarkConfirmFloor drives the load generator of BenchmarkServerCPU
// against the least a confirm-per-report server can do: one goroutine per
// connection that reads, cuts SL 651 frames, decodes each and writes its
// confirm — no store, no mapping, no ingest. Its CPU per report is this
// machine's floor for the gateway's figure (server-cpu-µs/report): the
// system calls of a read that finds nothing yet, the read of the report,
// the write of the confirm, and the runtime's network poller. Set
// SISHUI_BENCH_TERMINALS and SISHUI_BENCH_REPORTS as for BenchmarkServerCPU.
func BenchmarkConfirmFloor(b *testing.B) {
	terminals, reports := benchLoad()
	terminals = fitTerminals(b, terminals)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	conns := map[net.Conn]bool{}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns[c] = true
			mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				floorServe(c)
				mu.Lock()
				delete(conns, c)
				mu.Unlock()
			}()
		}
	}()
	defer func() {
		ln.Close()
		mu.Lock()
		for c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	}()
	var cpu, wall float64
	var confirmed int64
	for range b.N {
		run := driveLoad(b, ln.Addr().String(), terminals, reports)
		cpu += float64(run.cpu.Microseconds())
		wall += run.wall.Seconds()
		confirmed += run.report.Confirmed
	}
	b.ReportMetric(cpu/float64(confirmed), "server-cpu-µs/report")
	b.ReportMetric(float64(confirmed)/wall, "reports/s")
}

// floorServe confirms every SL 651 frame c sends until c closes.
func floorServe(c net.Conn) {
	defer c.Close()
	store := make([]byte, 4096)
	buf := store[:0]
	var out []byte
	for {
		if len(buf) == len(store) {
			return // a frame longer than the buffer: not what the generator sends
		}
		n, err := c.Read(store[len(buf):])
		if err != nil {
			return
		}
		buf = store[:len(buf)+n]
		for {
			adv, tok, _ := sl651.SplitFrames(buf, false)
			if adv == 0 {
				break
			}
			buf = buf[adv:]
			if tok == nil {
				continue
			}
			f, err := sl651.Decode(tok)
			if err != nil {
				continue
			}
			if out, err = sl651.AppendFrame(out[:0], sl651.NewConfirm(f, sl651.EOT)); err != nil {
				return
			}
			if _, err := c.Write(out); err != nil {
				return
			}
		}
		buf = store[:copy(store, buf)] // keep a partial frame at the front
	}
}
