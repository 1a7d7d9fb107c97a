package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/ingest"
	"github.com/sishui/sishui/internal/mqttin"
	"github.com/sishui/sishui/internal/protocol/sl651"
	"github.com/sishui/sishui/internal/quality"
)

// The registry of TestEveryInputSamePolicy: an active and a retired SL 651
// terminal.
const (
	activeCode  = "0012345601"
	retiredCode = "0012345602"
)

// oneObservation is what every input is given, in its own form.
type oneObservation struct {
	code   string
	metric string
	value  float64
}

// everyInputObservations: a plain level, a voltage out of the hard range
// (flagged, stored as sent) and a level from a retired terminal (refused).
var everyInputObservations = []oneObservation{
	{activeCode, "level_m", 21.5},
	{activeCode, "voltage_v", 50},
	{retiredCode, "level_m", 3},
	{retiredCode, "voltage_v", 12},
}

// outcome is what an input left behind: the stored rows of the active point
// and the refusals by terminal code.
type outcome struct {
	rows     []string // metric time value flags
	refusals []string // code: reason
}

// TestEveryInputSamePolicy feeds the same observations through every input —
// an SL 651 terminal, POST /api/v1/observations, a CSV import and MQTT (when
// a broker runs on 127.0.0.1:1883) — each into a fresh store with the same
// registry, and requires identical stored rows, flags and refusals. The
// observations name their point by terminal code without a protocol.
func TestEveryInputSamePolicy(t *testing.T) {
	at := testObserved
	inputs := map[string]func(t *testing.T, ts *testServer, obs []oneObservation) []string{
		"sl651 terminal": func(t *testing.T, ts *testServer, obs []oneObservation) []string {
			byCode := map[string][]sl651.Element{}
			var codes []string
			for _, o := range obs {
				id := map[string]string{"level_m": "Z", "voltage_v": "VT"}[o.metric]
				if byCode[o.code] == nil {
					codes = append(codes, o.code)
				}
				byCode[o.code] = append(byCode[o.code], sl651.Elem(id, o.value))
			}
			for i, code := range codes {
				c := dial(t, ts, sishui.ProtocolSL651)
				a, _ := sl651.ParseAddress(code)
				f := &sl651.Frame{Format: sl651.FormatHEX, Direction: sl651.Up, Center: 1, Station: a,
					Function: sl651.FuncTimed, Serial: uint16(i + 1), Sent: slSent(at), HasBodyStation: true, BodyStation: a,
					StationType: sl651.StationRiver, Observed: at, Elements: byCode[code]}
				b, err := sl651.Encode(f)
				if err != nil {
					t.Fatal(err)
				}
				c.send(b)
				if code == activeCode {
					wantSLConfirm(t, c.mustNext(), uint16(i+1), sl651.EOT)
				}
			}
			waitFor(t, "the retired terminal's frame", func() bool {
				return len(frames(t, ts.store, sishui.FrameFilter{Status: sishui.FrameQuarantined})) == 1
			})
			var refusals []string
			for _, f := range frames(t, ts.store, sishui.FrameFilter{Status: sishui.FrameQuarantined}) {
				_, reason, _ := strings.Cut(f.Reason, ": ")
				refusals = append(refusals, f.Station+": "+reason)
			}
			return refusals
		},
		"http": func(t *testing.T, ts *testServer, obs []oneObservation) []string {
			var body struct {
				Observations []map[string]any `json:"observations"`
			}
			for _, o := range obs {
				body.Observations = append(body.Observations, map[string]any{"code": o.code, "metric": o.metric, "time": at.Format(time.RFC3339), "value": o.value})
			}
			js, _ := json.Marshal(body)
			req := httptest.NewRequest("POST", "/api/v1/observations", bytes.NewReader(js))
			w := httptest.NewRecorder()
			(&api.Server{Ingest: ts.ing}).ObservationsHandler()(w, req)
			if w.Code != http.StatusOK {
				t.Fatalf("POST: %d %s", w.Code, w.Body)
			}
			var reply api.ObservationsReply
			if err := json.Unmarshal(w.Body.Bytes(), &reply); err != nil {
				t.Fatal(err)
			}
			return refusalsOf(obs, reply.Results)
		},
		"csv": func(t *testing.T, ts *testServer, obs []oneObservation) []string {
			var b strings.Builder
			b.WriteString("code,metric,time,value\n")
			for _, o := range obs {
				fmt.Fprintf(&b, "%s,%s,%s,%g\n", o.code, o.metric, at.Format(time.RFC3339), o.value)
			}
			sum, err := ts.ing.ImportCSV(context.Background(), strings.NewReader(b.String()), ingest.ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var refusals []string
			for _, e := range sum.Errors {
				refusals = append(refusals, obs[e.Line-2].code+": "+e.Reason)
			}
			return refusals
		},
		"mqtt": func(t *testing.T, ts *testServer, obs []oneObservation) []string {
			const broker = "127.0.0.1:1883"
			if c, err := net.DialTimeout("tcp", broker, time.Second); err != nil {
				t.Skip("no MQTT broker on " + broker)
			} else {
				c.Close()
			}
			prefix := fmt.Sprintf("sishui-every-input-%d", time.Now().UnixNano())
			rec := &reasonRecorder{}
			sub, err := mqttin.Start(context.Background(), ts.ing, mqttin.Config{Broker: "tcp://" + broker, ClientID: prefix,
				Template: prefix + "/{code}", Logger: slog.New(rec)})
			if err != nil {
				t.Fatal(err)
			}
			defer sub.Close()
			pub := mqtt.NewClient(mqtt.NewClientOptions().AddBroker("tcp://" + broker).SetClientID(prefix + "-pub"))
			if tok := pub.Connect(); tok.Wait() && tok.Error() != nil {
				t.Fatal(tok.Error())
			}
			defer pub.Disconnect(100)
			for _, o := range obs {
				payload := fmt.Sprintf(`{"metric":%q,"time":%q,"value":%g}`, o.metric, at.Format(time.RFC3339), o.value)
				if tok := pub.Publish(prefix+"/"+o.code, 1, false, payload); tok.Wait() && tok.Error() != nil {
					t.Fatal(tok.Error())
				}
			}
			waitFor(t, "every message acknowledged", func() bool { return sub.Stats().Acked == int64(len(obs)) })
			return rec.reasons(obs)
		},
	}
	var names []string
	for name := range inputs {
		names = append(names, name)
	}
	slices.Sort(names)
	got := map[string]outcome{}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			store := newStore(t)
			active := addPoint(t, store, sishui.ProtocolSL651, activeCode, "", 1)
			retired := addPoint(t, store, sishui.ProtocolSL651, retiredCode, "", 1)
			retired.Retired = true
			if err := store.(interface {
				UpdatePoint(context.Context, *sishui.Point) error
			}).UpdatePoint(context.Background(), retired); err != nil {
				t.Fatal(err)
			}
			ts := startServer(t, store, nil)
			ts.store = store
			refusals := inputs[name](t, ts, everyInputObservations)
			slices.Sort(refusals)
			refusals = slices.Compact(refusals)
			var rows []string
			for _, m := range []sishui.Metric{sishui.MetricLevelM, sishui.MetricVoltageV} {
				for _, x := range series(t, store, active.ID, m) {
					rows = append(rows, fmt.Sprintf("%s %s %g %s", m, x.Time.UTC().Format(time.RFC3339), x.Value, quality.Flag(x.Flags)))
				}
			}
			got[name] = outcome{rows: rows, refusals: refusals}
		})
	}
	want := outcome{
		rows: []string{
			fmt.Sprintf("level_m %s 21.5 ok", at.UTC().Format(time.RFC3339)),
			fmt.Sprintf("voltage_v %s 50 %s", at.UTC().Format(time.RFC3339), quality.FlagHardRange),
		},
		refusals: []string{retiredCode + ": point 2 is retired"},
	}
	for name, o := range got {
		if !slices.Equal(o.rows, want.rows) || !slices.Equal(o.refusals, want.refusals) {
			t.Errorf("%s: stored %q, refused %q; want %q, %q", name, o.rows, o.refusals, want.rows, want.refusals)
		}
	}
}

// refusalsOf pairs rejected results with their observations' codes.
func refusalsOf(obs []oneObservation, res []ingest.Result) []string {
	var out []string
	for i, r := range res {
		if r.Status == ingest.Rejected {
			out = append(out, obs[i].code+": "+r.Reason)
		}
	}
	return out
}

// reasonRecorder is a slog handler that keeps the MQTT subscriber's
// rejections (topic and reason).
type reasonRecorder struct {
	mu   sync.Mutex
	recs [][2]string
}

func (h *reasonRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (h *reasonRecorder) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *reasonRecorder) WithGroup(string) slog.Handler            { return h }
func (h *reasonRecorder) Handle(_ context.Context, r slog.Record) error {
	var topic, reason string
	r.Attrs(func(a slog.Attr) bool {
		switch a.Key {
		case "topic":
			topic = a.Value.String()
		case "reason":
			reason = a.Value.String()
		}
		return true
	})
	if reason != "" {
		h.mu.Lock()
		h.recs = append(h.recs, [2]string{topic, reason})
		h.mu.Unlock()
	}
	return nil
}

func (h *reasonRecorder) reasons(obs []oneObservation) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, r := range h.recs {
		i := strings.LastIndexByte(r[0], '/')
		out = append(out, r[0][i+1:]+": "+r[1])
	}
	return out
}
