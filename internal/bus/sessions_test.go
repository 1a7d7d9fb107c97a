package bus

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/nats-io/nats.go/jetstream"
)

// TestSessionsAcrossGateways: a terminal registered by one gateway and then
// seen on another at the same time is an impersonation signal on the second;
// a gateway's closed session leaves the bucket.
func TestSessionsAcrossGateways(t *testing.T) {
	_, nodes := startCluster(t, 1)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	js := connect(t, URLs(nodes))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	setA, setB := metrics.NewSet(), metrics.NewSet()
	a, err := OpenSessions(ctx, js, "gwA", 1, time.Minute, log, setA)
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenSessions(ctx, js, "gwB", 1, time.Minute, log, setB)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	x := Session{Protocol: "sl651", Address: "0012345678", Peer: "10.0.0.1:1000", Connected: now}
	if err := a.Sync(ctx, []Session{x}, now); err != nil {
		t.Fatal(err)
	}
	if got, err := a.Lookup(ctx, "sl651", "0012345678"); err != nil || got.Gateway != "gwA" {
		t.Fatalf("lookup: %+v %v", got, err)
	}
	y := x
	y.Peer = "10.9.9.9:2000"
	if err := b.Sync(ctx, []Session{y}, now); err != nil {
		t.Fatal(err)
	}
	if c := setB.GetOrCreateCounter(`sishui_gateway_terminal_elsewhere_total`).Get(); c != 1 {
		t.Fatalf("gwB elsewhere count %d, want 1", c)
	}
	if c := setA.GetOrCreateCounter(`sishui_gateway_terminal_elsewhere_total`).Get(); c != 0 {
		t.Fatalf("gwA elsewhere count %d, want 0", c)
	}
	// gwA's session ends: it must not delete gwB's newer entry.
	if err := a.Sync(ctx, nil, now); err != nil {
		t.Fatal(err)
	}
	if got, err := a.Lookup(ctx, "sl651", "0012345678"); err != nil || got.Gateway != "gwB" {
		t.Fatalf("after gwA left: %+v %v", got, err)
	}
	// gwB's session ends: the entry goes.
	if err := b.Sync(ctx, nil, now); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Lookup(ctx, "sl651", "0012345678"); !errors.Is(err, jetstream.ErrKeyNotFound) && !errors.Is(err, jetstream.ErrKeyDeleted) {
		t.Fatalf("after gwB left: %v, want key not found", err)
	}
}
