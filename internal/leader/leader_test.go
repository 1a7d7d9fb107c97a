package leader

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sishui/sishui/internal/postgres/pgtest"
)

// TestFailOver: of two electors one leads; when it stops the other takes over.
func TestFailOver(t *testing.T) {
	dsn := pgtest.DSN(t)
	key := time.Now().UnixNano() // no other test holds it
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var active atomic.Int32
	var overlap atomic.Bool
	lead := func(ctx context.Context) {
		if active.Add(1) > 1 {
			overlap.Store(true)
		}
		<-ctx.Done()
		active.Add(-1)
	}
	a := &Elector{DSN: dsn, Key: key, Every: 100 * time.Millisecond}
	b := &Elector{DSN: dsn, Key: key, Every: 100 * time.Millisecond}
	actx, acancel := context.WithCancel(ctx)
	adone := make(chan struct{})
	go func() { defer close(adone); a.Run(actx, lead) }()
	for !a.Leading() {
		if ctx.Err() != nil {
			t.Fatal("a never led")
		}
		time.Sleep(10 * time.Millisecond)
	}
	bdone := make(chan struct{})
	go func() { defer close(bdone); b.Run(ctx, lead) }()
	time.Sleep(500 * time.Millisecond)
	if b.Leading() {
		t.Fatal("b leads while a holds the lock")
	}
	acancel()
	<-adone
	for !b.Leading() {
		if ctx.Err() != nil {
			t.Fatal("b did not take over")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-bdone
	if overlap.Load() {
		t.Fatal("two leaders at once")
	}
	if a.Terms() != 1 || b.Terms() != 1 {
		t.Fatalf("terms a=%d b=%d", a.Terms(), b.Terms())
	}
}
