package storetest

import (
	"context"
	"database/sql"
	"slices"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// testTerminals: a point's allowed source networks round-trip and are
// validated naming the field.
func testTerminals(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyB, 1)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("P-T1", u.ID, CountyB, sishui.SourceGroundShallow, 60_000)
	must(t, s.CreatePermit(ctx, p))
	pt := newPoint("00AA000001", p.ID, CountyB)
	pt.AllowedNets = []string{"10.20.0.0/16", "192.0.2.7"}
	must(t, s.CreatePoint(ctx, pt))
	got, err := s.GetPoint(ctx, pt.ID)
	must(t, err)
	if !slices.Equal(got.AllowedNets, pt.AllowedNets) {
		t.Fatalf("allowed_nets = %q, want %q", got.AllowedNets, pt.AllowedNets)
	}
	got.AllowedNets = nil
	must(t, s.UpdatePoint(ctx, got))
	got, err = s.PointByCode(ctx, pt.Protocol, pt.Code)
	must(t, err)
	if len(got.AllowedNets) != 0 {
		t.Fatalf("allowed_nets after clearing = %q", got.AllowedNets)
	}
	for _, bad := range [][]string{{"10.20.0.0/33"}, {"not a net"}, {"10.0.0.0/8", ""}, {"10.0.0.1,10.0.0.2"}} {
		x := newPoint("00AA000002", p.ID, CountyB)
		x.AllowedNets = bad
		wantCode(t, s.CreatePoint(ctx, x), sishui.EINVALID, "allowed_nets")
	}
}

// testFrameSignals: the gateway's signals and forged frames are counted per
// terminal from the frame archive, within the window.
func testFrameSignals(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	now := time.Now().UTC().Truncate(time.Millisecond)
	fr := func(station, status, reason string, at time.Time) *sishui.RawFrame {
		return &sishui.RawFrame{Received: at, Protocol: sishui.ProtocolSL651, Peer: "10.0.0.1:5000", Station: station,
			Bytes: []byte{0x7E, 0x7E}, Status: status, Reason: reason}
	}
	must(t, s.ArchiveFrames(ctx, []*sishui.RawFrame{
		fr("0011223344", sishui.FrameOK, "", now),
		fr("0011223344", sishui.FrameOK, "replay: serial 3 repeated with other contents", now),
		fr("0011223344", sishui.FrameOK, "impersonation: reported from 10.0.0.2 while …; clock_skew: send time … off arrival", now),
		fr("0011223344", sishui.FrameQuarantined, "password: password 0001 does not match the point's", now),
		fr("0011223344", sishui.FrameQuarantined, "no_password: the point has no terminal password", now),
		fr("0011223344", sishui.FrameOK, "replay: old", now.Add(-48*time.Hour)),
		fr("0055667788", sishui.FrameQuarantined, "checksum: bad CRC", now),
		fr("0055667788", sishui.FrameOK, "samples not stored: level_m: …", now),
	}))
	got, err := s.FrameSignals(ctx, now.Add(-24*time.Hour))
	must(t, err)
	want := []sishui.FrameSignal{{Protocol: sishui.ProtocolSL651, Station: "0011223344", Replay: 1, Impersonation: 1, ClockSkew: 1, Forged: 1}}
	if !slices.Equal(got, want) {
		t.Fatalf("signals = %+v, want %+v", got, want)
	}
}
