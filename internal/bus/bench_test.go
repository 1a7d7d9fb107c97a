package bus

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"

	"github.com/sishui/sishui"
)

// BenchmarkConfirmAck is the wait a gateway adds before it confirms: one
// frame published and acknowledged by the stream (fsync on every replica,
// sync_interval: always), on a single node (R1) and a 3-node cluster (R3).
// "serial" is one terminal waiting for each confirm; "parallel" many.
func BenchmarkConfirmAck(b *testing.B) {
	for _, n := range []int{1, 3} {
		b.Run(fmt.Sprintf("R%d", n), func(b *testing.B) {
			dir := b.TempDir()
			base, err := FreeLoopbackBase(n)
			if err != nil {
				b.Fatal(err)
			}
			nodes := LoopbackCluster(dir, n, base)
			done := make(chan error, n)
			for _, nc := range nodes {
				p, err := WriteConf(dir, nc)
				if err != nil {
					b.Fatal(err)
				}
				go func() {
					s, err := StartNode(p, false)
					if err == nil {
						b.Cleanup(s.Shutdown)
					}
					done <- err
				}()
			}
			for range n {
				if err := <-done; err != nil {
					b.Fatal(err)
				}
			}
			js := connectB(b, URLs(nodes))
			ctx := context.Background()
			if _, err := EnsureStream(ctx, js, Limits{Replicas: n}); err != nil {
				b.Fatal(err)
			}
			pub := NewPublisher(js, noTerminals{}, "bench", metrics.NewSet())
			seq := 0
			next := func() ([]*sishui.RawFrame, []sishui.Sample) {
				seq++
				f, s := frame(seq)
				f.Bytes = fmt.Appendf(f.Bytes, " %d %d", n, time.Now().UnixNano())
				return []*sishui.RawFrame{f}, s
			}
			b.Run("serial", func(b *testing.B) {
				for b.Loop() {
					fs, ss := next()
					if _, err := pub.SubmitFrames(ctx, fs, ss); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("parallel", func(b *testing.B) {
				b.SetParallelism(16)
				b.RunParallel(func(pb *testing.PB) {
					i := 0
					for pb.Next() {
						i++
						f, s := frame(i)
						f.Bytes = fmt.Appendf(f.Bytes, " p%d %d", n, time.Now().UnixNano())
						if _, err := pub.SubmitFrames(ctx, []*sishui.RawFrame{f}, s); err != nil {
							b.Fatal(err)
						}
					}
				})
			})
		})
	}
}
