package mqttin_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"testing"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/mqttin"
	"github.com/sishui/sishui/internal/sqlite"
	"github.com/sishui/sishui/internal/storetest"
)

const broker = "127.0.0.1:1883"

func needBroker(t *testing.T) {
	c, err := net.DialTimeout("tcp", broker, time.Second)
	if err != nil {
		t.Skip("no MQTT broker on " + broker)
	}
	c.Close()
}

func TestParsePayload(t *testing.T) {
	for _, tc := range []struct {
		name, payload, topic string
		want                 ingest.Observation
		n                    int
		wantErr              bool
	}{
		{name: "point id", payload: `{"point":7,"metric":"level_m","time":"2026-03-01T08:00:00+08:00","value":1.5}`, topic: "sishui/obs/AB",
			want: ingest.Observation{Point: 7, Metric: "level_m", Time: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Value: 1.5}, n: 1},
		{name: "code from topic", payload: `{"metric":"level_m","time":"2026-03-01T00:00:00Z","value":2}`, topic: "sishui/obs/0012345678",
			want: ingest.Observation{Code: "0012345678", Protocol: "mqtt", Metric: "level_m", Time: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Value: 2}, n: 1},
		{name: "explicit code and protocol", payload: `{"code":"AA","protocol":"szy206","metric":"level_m","time":"2026-03-01T00:00:00Z","value":2}`, topic: "other/topic",
			want: ingest.Observation{Code: "AA", Protocol: "szy206", Metric: "level_m", Time: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Value: 2}, n: 1},
		{name: "batch", payload: `{"observations":[{"metric":"level_m","time":"2026-03-01T00:00:00Z","value":2},{"metric":"level_m","time":"2026-03-01T00:01:00Z","value":3}]}`, topic: "sishui/obs/0A",
			want: ingest.Observation{Code: "0A", Protocol: "mqtt", Metric: "level_m", Time: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Value: 2}, n: 2},
		{name: "no code anywhere", payload: `{"metric":"level_m","time":"2026-03-01T00:00:00Z","value":2}`, topic: "elsewhere/x", wantErr: true},
		{name: "topic deeper than template", payload: `{"metric":"level_m","time":"2026-03-01T00:00:00Z","value":2}`, topic: "sishui/obs/a/b", wantErr: true},
		{name: "not json", payload: `hello`, topic: "sishui/obs/0A", wantErr: true},
		{name: "bad time", payload: `{"metric":"level_m","time":"yesterday","value":2}`, topic: "sishui/obs/0A", wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			obs, err := mqttin.ParsePayload([]byte(tc.payload), tc.topic, "sishui/obs/{code}", "mqtt")
			if tc.wantErr {
				if err == nil {
					t.Fatalf("no error: %+v", obs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(obs) != tc.n || obs[0].Point != tc.want.Point || obs[0].Code != tc.want.Code || obs[0].Protocol != tc.want.Protocol ||
				obs[0].Metric != tc.want.Metric || !obs[0].Time.Equal(tc.want.Time) || obs[0].Value != tc.want.Value {
				t.Fatalf("got %+v, want %+v", obs, tc.want)
			}
		})
	}
}

type env struct {
	store  sishui.Store
	point  *sishui.Point
	prefix string // unique topic prefix and client id of this run
}

func setup(t *testing.T) *env {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sishui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	storetest.Seed(t, s)
	p := &sishui.Point{Code: "0012345678", Name: "井", Kind: sishui.PointWell, Protocol: sishui.ProtocolMQTT,
		Region: storetest.CountyA, Multiplier: 1, IntervalSeconds: 3600}
	if err := s.CreatePoint(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return &env{store: s, point: p, prefix: fmt.Sprintf("sishui-test-%d", time.Now().UnixNano())}
}

func (e *env) config(t *testing.T) mqttin.Config {
	return mqttin.Config{Broker: "tcp://" + broker, ClientID: e.prefix, Template: e.prefix + "/obs/{code}", MinBackoff: 5 * time.Millisecond}
}

// publish sends n observations of the test point with QoS 1.
func (e *env) publish(t *testing.T, n int) {
	c := mqtt.NewClient(mqtt.NewClientOptions().AddBroker("tcp://" + broker).SetClientID(e.prefix + "-pub"))
	if tok := c.Connect(); tok.Wait() && tok.Error() != nil {
		t.Fatal(tok.Error())
	}
	defer c.Disconnect(100)
	at := time.Now().UTC().Truncate(time.Hour).Add(-time.Duration(n) * time.Minute)
	for i := 0; i < n; i++ {
		payload := fmt.Sprintf(`{"metric":"depth_m","time":%q,"value":%d}`, at.Add(time.Duration(i)*time.Minute).Format(time.RFC3339), 10+i%5)
		if tok := c.Publish(e.prefix+"/obs/"+e.point.Code, 1, false, payload); tok.Wait() && tok.Error() != nil {
			t.Fatal(tok.Error())
		}
	}
}

// cleanSession removes the broker's persistent session of the client ID.
func (e *env) cleanSession(t *testing.T) {
	c := mqtt.NewClient(mqtt.NewClientOptions().AddBroker("tcp://" + broker).SetClientID(e.prefix).SetCleanSession(true))
	if tok := c.Connect(); tok.Wait() && tok.Error() == nil {
		c.Disconnect(100)
	}
}

func stored(t *testing.T, e *env) int {
	got, err := e.store.QuerySamples(context.Background(), sishui.SeriesQuery{Point: e.point.ID, Metric: sishui.MetricDepthM, From: time.Unix(0, 0), To: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	return len(got)
}

// waitFor polls cond; the limit is a liveness bound, not a speed check.
func waitFor(t *testing.T, what string, cond func() bool) {
	limit := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(limit) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSubscribeStoresAllOnce(t *testing.T) {
	needBroker(t)
	e := setup(t)
	t.Cleanup(func() { e.cleanSession(t) })
	ing := ingest.New(e.store, ingest.Config{})
	defer ing.Close()
	sub, err := mqttin.Start(context.Background(), ing, e.config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	const n = 200
	e.publish(t, n)
	waitFor(t, "all messages acknowledged", func() bool { return sub.Stats().Acked >= n })
	if got := stored(t, e); got != n {
		t.Fatalf("stored %d, want %d", got, n)
	}
	if st := ing.Stats(); st.Accepted != n || st.Rejected != 0 {
		t.Fatalf("ingest stats %+v", st)
	}
}

// failingStore fails every append: Submit never succeeds.
type failingStore struct{ sishui.Store }

func (failingStore) AppendSamples(context.Context, []sishui.Sample) (sishui.AppendResult, error) {
	return sishui.AppendResult{}, errors.New("store down")
}

func TestRedeliveryOfUnacked(t *testing.T) {
	needBroker(t)
	e := setup(t)
	t.Cleanup(func() { e.cleanSession(t) })
	// Session 1: the store is down, so nothing is acknowledged.
	bad := ingest.New(failingStore{e.store}, ingest.Config{})
	sub1, err := mqttin.Start(context.Background(), bad, e.config(t))
	if err != nil {
		t.Fatal(err)
	}
	const n = 20
	e.publish(t, n)
	waitFor(t, "a failed submit", func() bool { return sub1.Stats().Failures > 0 })
	sub1.Close()
	bad.Close()
	if st := sub1.Stats(); st.Acked != 0 {
		t.Fatalf("session 1 acknowledged %d", st.Acked)
	}
	if got := stored(t, e); got != 0 {
		t.Fatalf("stored %d with the store down", got)
	}
	// Session 2, same client ID: the broker redelivers everything unacked.
	ing := ingest.New(e.store, ingest.Config{})
	defer ing.Close()
	sub2, err := mqttin.Start(context.Background(), ing, e.config(t))
	if err != nil {
		t.Fatal(err)
	}
	defer sub2.Close()
	waitFor(t, "all stored", func() bool { return stored(t, e) >= n })
	waitFor(t, "all acknowledged", func() bool { return sub2.Stats().Acked >= n })
	if got := stored(t, e); got != n {
		t.Fatalf("stored %d, want %d", got, n)
	}
}
