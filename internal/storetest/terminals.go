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

// testTerminalCommands: the downlink queue keeps a command's kind,
// parameters and status; moves are conditional on the stored status; a
// county sees only its own points' commands; bad input names its field.
func testTerminalCommands(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyB, 1)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("P-C1", u.ID, CountyB, sishui.SourceGroundShallow, 60_000)
	must(t, s.CreatePermit(ctx, p))
	pt := newPoint("00CC000001", p.ID, CountyB)
	pt.Protocol = sishui.ProtocolSL651
	must(t, s.CreatePoint(ctx, pt))
	c := &sishui.TerminalCommand{PointID: pt.ID, Kind: sishui.CommandSetPassword, Password: "BEEF"}
	must(t, s.CreateTerminalCommand(ctx, c))
	if c.Status != sishui.CommandQueued || c.Station != pt.Code || c.Protocol != sishui.ProtocolSL651 {
		t.Fatalf("created %+v", c)
	}
	got, err := s.GetTerminalCommand(ctx, c.ID)
	must(t, err)
	if got.Password != "BEEF" || got.Kind != sishui.CommandSetPassword || got.Sent != nil {
		t.Fatalf("stored %+v", got)
	}
	now := time.Now().UTC().Truncate(time.Millisecond)
	got.Status, got.Function, got.Frame, got.Sent = sishui.CommandSent, "49", "7E7E", &now
	must(t, s.UpdateTerminalCommand(ctx, got, sishui.CommandQueued))
	got.Status = sishui.CommandCancelled
	wantCode(t, s.UpdateTerminalCommand(ctx, got, sishui.CommandQueued), sishui.ECONFLICT, "status")
	list, err := s.ListTerminalCommands(ctx, sishui.TerminalCommandFilter{Status: sishui.CommandSent})
	must(t, err)
	if len(list) != 1 || list[0].ID != c.ID || list[0].Sent == nil || !list[0].Sent.Equal(now) || list[0].Frame != "7E7E" {
		t.Fatalf("sent list %+v", list)
	}
	other := sishui.WithActor(ctx, &sishui.Actor{Username: "a", Role: sishui.RoleCounty, Region: CountyA})
	if l, err := s.ListTerminalCommands(other, sishui.TerminalCommandFilter{}); err != nil || len(l) != 0 {
		t.Fatalf("another county sees %d commands (%v)", len(l), err)
	}
	for _, bad := range []struct {
		c     sishui.TerminalCommand
		field string
	}{
		{sishui.TerminalCommand{PointID: pt.ID, Kind: "reboot"}, "kind"},
		{sishui.TerminalCommand{PointID: pt.ID, Kind: sishui.CommandSetInterval}, "interval_h"},
		{sishui.TerminalCommand{PointID: pt.ID, Kind: sishui.CommandSetClock, Password: "1234"}, "password"},
		{sishui.TerminalCommand{PointID: 4242, Kind: sishui.CommandSetClock}, "point_id"},
	} {
		wantCode(t, s.CreateTerminalCommand(ctx, &bad.c), sishui.EINVALID, bad.field)
	}
}
