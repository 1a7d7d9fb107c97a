package storetest

import (
	"context"
	"database/sql"
	"slices"
	"testing"

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
