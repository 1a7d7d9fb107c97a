package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/bus"
)

// TestRoleFlags: a role names its bus and a PostgreSQL store; unknown roles
// and a gateway without terminal ports are clear errors. (The roles at work
// are the fault test's, `make fault`.)
func TestRoleFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--role", "printer"}, `--role "printer"`},
		{[]string{"serve", "--role", "writer", "--db", "postgres://x@127.0.0.1:1/x"}, "needs --nats"},
		{[]string{"serve", "--role", "api", "--nats", "nats://127.0.0.1:1", "--db", "sqlite:x.db"}, "needs a PostgreSQL --db"},
		{[]string{"serve", "--role", "gateway", "--nats", "nats://127.0.0.1:1", "--db", "postgres://x@127.0.0.1:1/x"}, "needs --sl651"},
		{[]string{"nats-node"}, "usage: sishui nats-node"},
	} {
		code, _, errb := runCmd(t, "", nil, tc.args...)
		if code == 0 || !strings.Contains(errb, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want an error with %q", tc.args, code, errb, tc.want)
		}
	}
	if !singleProcess(&Config{Role: "all"}) || !singleProcess(&Config{}) || singleProcess(&Config{Role: "api"}) {
		t.Error("singleProcess")
	}
	if defaultConfig().Role != "all" {
		t.Error("the default role is not all")
	}
}

// TestDirtyMarks: a writer announces each point's earliest new sample.
func TestDirtyMarks(t *testing.T) {
	t0 := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)
	b := dirtyMarks([]sishui.Sample{{Point: 1, Time: t0.Add(time.Hour)}, {Point: 1, Time: t0}, {Point: 2, Time: t0.Add(2 * time.Hour)}})
	var ds []dirty
	if err := json.Unmarshal(b, &ds); err != nil {
		t.Fatal(err)
	}
	got := map[int64]int64{}
	for _, d := range ds {
		got[d.Point] = d.From
	}
	if len(got) != 2 || got[1] != t0.UnixMilli() || got[2] != t0.Add(2*time.Hour).UnixMilli() {
		t.Fatalf("dirty marks %v", got)
	}
	if dirtyMarks(nil) != nil {
		t.Fatal("marks for no samples")
	}
}

// pointStore is a store whose point writes succeed (the rest is not used).
type pointStore struct{ sishui.Store }

func (pointStore) CreatePoint(context.Context, *sishui.Point) error { return nil }
func (pointStore) UpdatePoint(context.Context, *sishui.Point) error { return nil }
func (pointStore) RetirePoint(context.Context, int64) error         { return nil }

// TestRegistryBus: every registry edit on an API node is announced to the
// gateways' point caches.
func TestRegistryBus(t *testing.T) {
	dir := t.TempDir()
	base, err := bus.FreeLoopbackBase(1)
	if err != nil {
		t.Fatal(err)
	}
	nodes := bus.LoopbackCluster(dir, 1, base)
	conf, err := bus.WriteConf(dir, nodes[0])
	if err != nil {
		t.Fatal(err)
	}
	srv, err := bus.StartNode(conf, false)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	nc, err := nats.Connect(bus.URLs(nodes))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	sub, err := nc.SubscribeSync(bus.RegistrySubject)
	if err != nil {
		t.Fatal(err)
	}
	r := registryBus{Store: pointStore{}, nc: nc}
	ctx := context.Background()
	r.CreatePoint(ctx, &sishui.Point{})
	r.UpdatePoint(ctx, &sishui.Point{})
	r.RetirePoint(ctx, 1)
	for i := range 3 {
		if _, err := sub.NextMsg(5 * time.Second); err != nil {
			t.Fatalf("announcement %d: %v", i+1, err)
		}
	}
}
