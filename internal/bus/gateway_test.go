package bus_test

import (
	"bytes"
	"context"
	"net"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/bus"
	"github.com/sishui/sishui/internal/gateway"
	"github.com/sishui/sishui/internal/protocol/sl651"
)

// anyTerminal knows every terminal as point 1, a groundwater well with
// terminal password 1234 (required by default).
type anyTerminal struct{}

func (anyTerminal) Terminal(protocol, code string) (*sishui.Point, error) {
	return &sishui.Point{ID: 1, Code: code, Protocol: protocol, Kind: sishui.PointWell, Multiplier: 1, Password: "1234"}, nil
}

// TestGatewayConfirmsOnlyAfterAck runs the real gateway over TCP with the
// publisher as its sink and a stream that holds 3 messages: the first three
// reports are confirmed, the fourth is not (stream full) and is counted in
// the metrics; the stream holds exactly the confirmed frames.
func TestGatewayConfirmsOnlyAfterAck(t *testing.T) {
	dir := t.TempDir()
	base, err := bus.FreeLoopbackBase(1)
	if err != nil {
		t.Fatal(err)
	}
	nodes := bus.LoopbackCluster(dir, 1, base)
	conf, _ := bus.WriteConf(dir, nodes[0])
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
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	stream, err := bus.EnsureStream(ctx, js, bus.Limits{Replicas: 1, MaxMsgs: 3})
	if err != nil {
		t.Fatal(err)
	}
	set := metrics.NewSet()
	gw := &gateway.Server{Ingest: bus.NewPublisher(js, anyTerminal{}, "gw-test", set), Metrics: set}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go gw.Serve(ctx, ln, sishui.ProtocolSL651)
	defer gw.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	addr, _ := sl651.ParseAddress("0012345678")
	obs := time.Now().UTC().Truncate(time.Minute).Add(-time.Hour)
	report := func(k int) bool {
		f := &sl651.Frame{Format: sl651.FormatHEX, Direction: sl651.Up, Station: addr, Function: sl651.FuncTimed, Password: 0x1234,
			Serial: uint16(k + 1), Sent: time.Now().In(sl651.Beijing()).Truncate(time.Second), HasBodyStation: true, BodyStation: addr,
			Observed: obs.Add(time.Duration(k) * time.Minute).In(sl651.Beijing()), StationType: sl651.StationGroundwater,
			Elements: []sl651.Element{sl651.Elem("H", 12.5)}}
		b, err := sl651.AppendFrame(nil, f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Write(b); err != nil {
			t.Fatal(err)
		}
		conn.SetReadDeadline(time.Now().Add(3 * time.Second))
		var buf []byte
		tmp := make([]byte, 256)
		for {
			n, err := conn.Read(tmp)
			if err != nil {
				return false // no confirm within 3 s
			}
			buf = append(buf, tmp[:n]...)
			if adv, tok, _ := sl651.SplitFrames(buf, false); adv > 0 && tok != nil {
				c, err := sl651.Decode(tok)
				return err == nil && c.Serial == f.Serial && c.Direction == sl651.Down
			}
		}
	}
	for k := range 3 {
		if !report(k) {
			t.Fatalf("report %d not confirmed with room in the stream", k)
		}
	}
	if report(3) {
		t.Fatal("report confirmed although the stream was full")
	}
	if c := set.GetOrCreateCounter(`sishui_bus_publish_failed_total{reason="stream_full"}`).Get(); c != 1 {
		t.Fatalf("stream_full counter %d, want 1", c)
	}
	var page bytes.Buffer
	set.WritePrometheus(&page)
	if !bytes.Contains(page.Bytes(), []byte(`sishui_bus_publish_failed_total{reason="stream_full"} 1`)) {
		t.Fatalf("/metrics lacks the stream_full count:\n%s", page.String())
	}
	si, err := stream.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if si.State.Msgs != 3 {
		t.Fatalf("stream holds %d frames, want the 3 confirmed", si.State.Msgs)
	}
}
