package postgres_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/postgres"
	"github.com/sishui/sishui/internal/postgres/pgtest"
)

// connect opens a plain pgx connection to the test server, closed at cleanup.
func connect(t *testing.T) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// TestArrayEncoding sends each kind of binary array the group commit uses to
// the server and back: the server must accept it, send the very same bytes
// back (the encoding is the server's own), and pgx must decode them to the
// values encoded.
func TestArrayEncoding(t *testing.T) {
	ctx := context.Background()
	conn := connect(t)
	negZero := math.Copysign(0, -1)
	for _, tc := range []struct {
		name   string
		values any
	}{
		{"int4", []int32{0, 1, -1, 123456, math.MaxInt32, math.MinInt32}},
		{"int4 empty", []int32{}},
		{"int8", []int64{0, 1, -1, 1 << 40, math.MaxInt64, math.MinInt64}},
		{"int8 empty", []int64{}},
		{"float8", []float64{0, negZero, 1.5, -2.25e-300, math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64}},
		{"float8 empty", []float64{}},
		{"text", []string{"", "SL651", "聊城市东昌府区水务局", `a'b"c\d,{}`, strings.Repeat("长", 10_000)}},
		{"text empty", []string{}},
		{"bytea", [][]byte{nil, {}, {0}, {0, 1, 0x7f, 0x80, 0xff}, bytes.Repeat([]byte{0xab}, 100_000)}},
		{"bytea empty", [][]byte{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			enc, oid := postgres.EncodeArray(tc.values)
			res := conn.PgConn().ExecParams(ctx, `SELECT $1, cardinality($1)`, [][]byte{enc}, []uint32{oid}, []int16{1}, []int16{1}).Read()
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			if len(res.Rows) != 1 {
				t.Fatalf("%d rows", len(res.Rows))
			}
			echo, card := res.Rows[0][0], res.Rows[0][1]
			if !bytes.Equal(echo, enc) {
				t.Errorf("server sent back\n%x\nfor\n%x", echo, enc)
			}
			n := reflect.ValueOf(tc.values).Len()
			if len(card) != 4 || int(int32(uint32(card[0])<<24|uint32(card[1])<<16|uint32(card[2])<<8|uint32(card[3]))) != n {
				t.Errorf("cardinality %x, want %d", card, n)
			}
			got := reflect.New(reflect.TypeOf(tc.values))
			if err := conn.TypeMap().Scan(oid, pgtype.BinaryFormatCode, echo, got.Interface()); err != nil {
				t.Fatal(err)
			}
			if g := got.Elem().Interface(); !sameValues(g, tc.values) {
				t.Errorf("pgx decodes %#v, want %#v", g, tc.values)
			}
			if ints, ok := tc.values.([]int64); ok {
				dec, err := postgres.DecodeInt8Array(nil, echo)
				if err != nil || !reflect.DeepEqual(dec, ints) && len(dec)+len(ints) > 0 {
					t.Errorf("DecodeInt8Array: %v, %v", dec, err)
				}
			}
		})
	}
}

// TestEmptyArrayForm: the server also takes an empty array written with one
// dimension of length 0, but sends every empty array back without
// dimensions, the form EncodeArray writes.
func TestEmptyArrayForm(t *testing.T) {
	ctx := context.Background()
	conn := connect(t)
	oneDim := []byte{0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 1} // int8[], 1 dimension of length 0
	empty, oid := postgres.EncodeArray([]int64{})
	res := conn.PgConn().ExecParams(ctx, `SELECT $1`, [][]byte{oneDim}, []uint32{oid}, []int16{1}, []int16{1}).Read()
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if got := res.Rows[0][0]; !bytes.Equal(got, empty) {
		t.Fatalf("server sends an empty array as %x, EncodeArray writes %x", got, empty)
	}
}

// sameValues compares decoded with encoded arrays: floats bit for bit (NaN
// equals NaN, -0 differs from 0), a nil bytea as empty.
func sameValues(got, want any) bool {
	switch w := want.(type) {
	case []float64:
		g := got.([]float64)
		if len(g) != len(w) {
			return false
		}
		for i := range w {
			if math.Float64bits(g[i]) != math.Float64bits(w[i]) {
				return false
			}
		}
		return true
	case [][]byte:
		g := got.([][]byte)
		if len(g) != len(w) {
			return false
		}
		for i := range w {
			if g[i] == nil || !bytes.Equal(g[i], w[i]) { // nil means NULL
				return false
			}
		}
		return true
	}
	return reflect.ValueOf(got).Len() == 0 && reflect.ValueOf(want).Len() == 0 || reflect.DeepEqual(got, want)
}

// TestDecodeInt8ArrayErrors: results that are not a one-dimensional int8[]
// without NULLs are errors, not ids.
func TestDecodeInt8ArrayErrors(t *testing.T) {
	valid, _ := postgres.EncodeArray([]int64{7, 8})
	if ids, err := postgres.DecodeInt8Array(nil, valid); err != nil || !reflect.DeepEqual(ids, []int64{7, 8}) {
		t.Fatalf("valid array: %v %v", ids, err)
	}
	int4s, _ := postgres.EncodeArray([]int32{7})
	withNull := bytes.Clone(valid)
	copy(withNull[20:], []byte{0xff, 0xff, 0xff, 0xff})
	twoDims := bytes.Clone(valid)
	twoDims[3] = 2
	for name, src := range map[string][]byte{
		"short":     valid[:10],
		"int4":      int4s,
		"truncated": valid[:len(valid)-1],
		"null":      withNull,
		"2 dims":    twoDims,
	} {
		if ids, err := postgres.DecodeInt8Array(nil, src); err == nil {
			t.Errorf("%s: ids %v, no error", name, ids)
		}
	}
}

// TestIngestStatementPrepared: the group commit's prepared statement is made
// again when the server lost it (DEALLOCATE on the connection) and on a new
// connection after the old one was closed; the commits in between store
// their frames and samples.
func TestIngestStatementPrepared(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	db := s.DB.DB
	db.SetMaxOpenConns(1) // every statement below runs on the same connection
	points := seedPoints(t, s, 2)
	at := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	prepared := func() (pid int, ok bool) {
		t.Helper()
		if err := db.QueryRowContext(ctx, `SELECT pg_backend_pid(), EXISTS (SELECT FROM pg_prepared_statements WHERE name = $1)`,
			postgres.IngestStatement).Scan(&pid, &ok); err != nil {
			t.Fatal(err)
		}
		return pid, ok
	}
	commit := func(i int) {
		t.Helper()
		frames := []*sishui.RawFrame{
			{Protocol: sishui.ProtocolSL651, Station: fmt.Sprintf("a%d", i), Bytes: []byte{byte(i)}, Received: at, Samples: 1},
			{Protocol: sishui.ProtocolSZY206, Station: fmt.Sprintf("b%d", i), Received: at, Samples: 1},
		}
		samples := []sishui.Sample{
			{Point: points[0], Metric: sishui.MetricLevelM, Time: at.Add(time.Duration(i) * time.Minute), Value: float64(i)},
			{Point: points[1], Metric: sishui.MetricLevelM, Time: at.Add(time.Duration(i) * time.Minute), Value: float64(i)},
		}
		res, err := s.IngestFrames(ctx, frames, samples)
		if err != nil {
			t.Fatalf("commit %d: %v", i, err)
		}
		if res.Inserted != 2 || frames[0].ID == 0 || frames[1].ID <= frames[0].ID {
			t.Fatalf("commit %d: %+v, ids %d %d", i, res, frames[0].ID, frames[1].ID)
		}
		for _, f := range frames {
			var station string
			if err := db.QueryRowContext(ctx, `SELECT station FROM frames WHERE id = $1`, f.ID).Scan(&station); err != nil || station != f.Station {
				t.Fatalf("commit %d: frame %d holds %q (%v), want %q", i, f.ID, station, err, f.Station)
			}
		}
	}
	commit(0)
	pid, ok := prepared()
	if !ok {
		t.Fatal("no prepared statement after a commit")
	}
	if _, err := db.ExecContext(ctx, `DEALLOCATE `+postgres.IngestStatement); err != nil {
		t.Fatal(err)
	}
	if p, ok := prepared(); ok || p != pid {
		t.Fatalf("after DEALLOCATE: connection %d (was %d), prepared %v", p, pid, ok)
	}
	commit(1)
	if p, ok := prepared(); !ok || p != pid {
		t.Fatalf("after the commit: connection %d (was %d), prepared %v", p, pid, ok)
	}
	// Close the idle connection; the next commit runs on a new one.
	db.SetMaxIdleConns(0)
	db.SetMaxIdleConns(1)
	commit(2)
	p, ok := prepared()
	if p == pid || !ok {
		t.Fatalf("new connection %d (was %d), prepared %v", p, pid, ok)
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM samples`).Scan(&n); err != nil || n != 6 {
		t.Fatalf("%d samples (%v), want 6", n, err)
	}
}

// TestIngestResend: a group commit holding a sample whose key is stored
// already (a resend), or the same key twice, fails in the fast form and is run
// again in the safe one, which stores every frame once, keeps the stored
// value and counts only the new samples.
func TestIngestResend(t *testing.T) {
	at := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		samples func(p []int64) []sishui.Sample // after p[0] and p[1] at minute 0 with value 1
		want    int
	}{
		{"resend", func(p []int64) []sishui.Sample {
			return []sishui.Sample{{Point: p[0], Metric: sishui.MetricLevelM, Time: at, Value: 99},
				{Point: p[0], Metric: sishui.MetricLevelM, Time: at.Add(time.Minute), Value: 2}}
		}, 1},
		{"twice", func(p []int64) []sishui.Sample {
			return []sishui.Sample{{Point: p[1], Metric: sishui.MetricLevelM, Time: at.Add(time.Minute), Value: 2},
				{Point: p[1], Metric: sishui.MetricLevelM, Time: at.Add(time.Minute), Value: 3}}
		}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t)
			ctx := context.Background()
			db := s.DB.DB
			db.SetMaxOpenConns(1) // the prepared statements are the one connection's
			points := seedPoints(t, s, 2)
			commit := func(station string, want int, samples []sishui.Sample) {
				t.Helper()
				frames := []*sishui.RawFrame{{Protocol: sishui.ProtocolSL651, Station: station, Bytes: []byte(station), Received: at, Samples: len(samples)}}
				res, err := s.IngestFrames(ctx, frames, samples)
				if err != nil {
					t.Fatalf("%s: %v", station, err)
				}
				if res.Inserted != want {
					t.Fatalf("%s: %d samples inserted, want %d", station, res.Inserted, want)
				}
				var n int
				if err := db.QueryRowContext(ctx, `SELECT count(*) FROM frames WHERE station = $1`, station).Scan(&n); err != nil || n != 1 {
					t.Fatalf("%s: %d frames stored (%v), want 1", station, n, err)
				}
			}
			prepared := func(name string) bool {
				t.Helper()
				var ok bool
				if err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT FROM pg_prepared_statements WHERE name = $1)`, name).Scan(&ok); err != nil {
					t.Fatal(err)
				}
				return ok
			}
			commit("first", 2, []sishui.Sample{{Point: points[0], Metric: sishui.MetricLevelM, Time: at, Value: 1},
				{Point: points[1], Metric: sishui.MetricLevelM, Time: at, Value: 1}})
			if !prepared(postgres.IngestStatement) || prepared(postgres.IngestSafeStatement) {
				t.Fatal("a commit without resends did not run in the fast form alone")
			}
			commit(tc.name, tc.want, tc.samples(points))
			if !prepared(postgres.IngestSafeStatement) {
				t.Fatal("not run again in the safe form")
			}
			var v float64
			if err := db.QueryRowContext(ctx, `SELECT value FROM samples WHERE point_id = $1 AND t = $2`, points[0], at.UnixMilli()).Scan(&v); err != nil || v != 1 {
				t.Fatalf("the stored sample holds %v (%v), want the first value 1", v, err)
			}
			var n, frames int
			if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM samples), (SELECT count(*) FROM frames)`).Scan(&n, &frames); err != nil || n != 3 || frames != 2 {
				t.Fatalf("%d samples and %d frames (%v), want 3 and 2", n, frames, err)
			}
			// The next commits run in the safe form, then the fast one again.
			runs := func(name string) int {
				t.Helper()
				var n int
				if err := db.QueryRowContext(ctx, `SELECT generic_plans + custom_plans FROM pg_prepared_statements WHERE name = $1`, name).Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}
			fast, safe := runs(postgres.IngestStatement), runs(postgres.IngestSafeStatement)
			for i := range postgres.SafeAfterConflict + 1 {
				commit(fmt.Sprintf("after%d", i), 1, []sishui.Sample{{Point: points[0], Metric: sishui.MetricLevelM, Time: at.Add(time.Duration(10+i) * time.Minute), Value: 5}})
			}
			if f, s := runs(postgres.IngestStatement)-fast, runs(postgres.IngestSafeStatement)-safe; f != 1 || s != postgres.SafeAfterConflict {
				t.Fatalf("after the resend: %d commits in the fast form and %d in the safe one, want 1 and %d", f, s, postgres.SafeAfterConflict)
			}
		})
	}
}
