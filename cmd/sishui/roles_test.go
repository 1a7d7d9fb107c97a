package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
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
