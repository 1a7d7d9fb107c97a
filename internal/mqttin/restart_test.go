package mqttin_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"

	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/mqttin"
)

// privateBroker runs a Mosquitto of the test's own, with persistence in a
// temporary directory, on a free port; restart stops it with SIGTERM (which
// saves its state) and starts it again on the same port.
type privateBroker struct {
	t    *testing.T
	bin  string
	conf string
	addr string
	cmd  *exec.Cmd
}

func startPrivateBroker(t *testing.T) *privateBroker {
	bin, err := exec.LookPath("mosquitto")
	if err != nil {
		if _, err2 := os.Stat("/usr/sbin/mosquitto"); err2 != nil {
			t.Skip("mosquitto is not installed")
		}
		bin = "/usr/sbin/mosquitto"
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, port, _ := net.SplitHostPort(addr)
	dir := t.TempDir()
	conf := filepath.Join(dir, "mosquitto.conf")
	me, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	// "user": run as ourselves, so that the broker can write its persistence file here.
	os.WriteFile(conf, []byte(fmt.Sprintf("listener %s 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location %s/\nuser %s\n", port, dir, me.Username)), 0o644)
	b := &privateBroker{t: t, bin: bin, conf: conf, addr: addr}
	b.start()
	t.Cleanup(func() { b.stop() })
	return b
}

func (b *privateBroker) start() {
	b.cmd = exec.Command(b.bin, "-c", b.conf)
	if err := b.cmd.Start(); err != nil {
		b.t.Fatal(err)
	}
	waitFor(b.t, "the private broker to listen", func() bool {
		c, err := net.Dial("tcp", b.addr)
		if err == nil {
			c.Close()
		}
		return err == nil
	})
}

func (b *privateBroker) stop() {
	if b.cmd == nil {
		return
	}
	b.cmd.Process.Signal(syscall.SIGTERM)
	b.cmd.Wait()
	b.cmd = nil
}

func (b *privateBroker) publish(t *testing.T, e *env, from, n int) {
	c := mqtt.NewClient(mqtt.NewClientOptions().AddBroker("tcp://" + b.addr).SetClientID(e.prefix + "-pub"))
	if tok := c.Connect(); tok.Wait() && tok.Error() != nil {
		t.Fatal(tok.Error())
	}
	defer c.Disconnect(100)
	at := time.Now().UTC().Truncate(time.Hour).Add(-24 * time.Hour)
	for i := from; i < from+n; i++ {
		payload := fmt.Sprintf(`{"metric":"depth_m","time":%q,"value":%d}`, at.Add(time.Duration(i)*time.Minute).Format(time.RFC3339), 10+i%5)
		if tok := c.Publish(e.prefix+"/obs/"+e.point.Code, 1, false, payload); tok.Wait() && tok.Error() != nil {
			t.Fatal(tok.Error())
		}
	}
}

// TestBrokerRestart: messages the broker holds for the subscriber's
// persistent session survive a broker restart, and arrive exactly once.
func TestBrokerRestart(t *testing.T) {
	b := startPrivateBroker(t)
	e := setup(t)
	ing := ingest.New(e.store, ingest.Config{})
	defer ing.Close()
	cfg := e.config(t)
	cfg.Broker = "tcp://" + b.addr
	const n = 100
	// Session 1 subscribes, takes the first messages, and goes away.
	sub, err := mqttin.Start(context.Background(), ing, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b.publish(t, e, 0, n/4)
	waitFor(t, "the first quarter", func() bool { return sub.Stats().Acked >= n/4 })
	sub.Close()
	// While it is away the broker queues messages for it; then it restarts.
	b.publish(t, e, n/4, n/4)
	t.Logf("stored before the restart: %d", stored(t, e))
	b.stop()
	b.start()
	b.publish(t, e, n/2, n/2)
	// Session 2, same client id: everything queued before and after the restart arrives.
	sub2, err := mqttin.Start(context.Background(), ing, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer sub2.Close()
	limit := time.Now().Add(20 * time.Second)
	for stored(t, e) < n && time.Now().Before(limit) {
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("stats %+v", sub2.Stats())
	time.Sleep(200 * time.Millisecond) // let any duplicate delivery land before counting
	if got := stored(t, e); got != n {
		t.Fatalf("stored %d, want %d exactly once", got, n)
	}
}
