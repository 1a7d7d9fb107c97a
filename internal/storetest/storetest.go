// Package storetest is the conformance suite every sishui store passes, in the
// manner of testing/fstest: a store package calls Run with a factory of fresh,
// migrated, empty stores.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// Factory returns a fresh, migrated, empty store and the *sql.DB beneath it
// (the suite edits rows behind the store's back to test the audit chain).
type Factory func(t *testing.T) (sishui.Store, *sql.DB)

// Run runs the whole suite.
func Run(t *testing.T, newStore Factory) {
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, sishui.Store, *sql.DB)
	}{
		{"Vocabulary", testVocabulary},
		{"WaterUsers", testWaterUsers},
		{"Permits", testPermits},
		{"Points", testPoints},
		{"SectionsZones", testSectionsZones},
		{"TargetsStatistics", testTargetsStatistics},
		{"Scoping", testScoping},
		{"Audit", testAudit},
		{"Samples", testSamples},
		{"Frames", testFrames},
		{"FramesByStation", testFramesByStation},
		{"Accounts", testAccounts},
		{"Corrections", testCorrections},
		{"Meters", testMeters},
		{"Billing", testBilling},
		{"Generation", testGeneration},
		{"Budgets", testBudgets},
		{"Plan", testPlan},
		{"Works", testWorks},
		{"Projects", testProjects},
		{"Permitting", testPermitting},
		{"ConcurrentAppends", testConcurrentAppends},
		{"Rights", testRights}, {"RightsReplay", testRightsReplay}, {"RightsConcurrency", testRightsConcurrency},
		{"RightsPermits", testRightsPermits},
		{"Reuse", testReuse},
		{"Outbox", testOutbox},
		{"Security", testSecurity},
		{"WriteScope", testWriteScope},
		{"Listing", testListing},
		{"Terminals", testTerminals},
		{"FrameSignals", testFrameSignals},
		{"TerminalCommands", testTerminalCommands},
		{"Workspace", testWorkspace},
		{"Dispatch", testDispatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, db := newStore(t)
			tc.fn(t, s, db)
		})
	}
}

// Fixture codes.
const (
	City    = "371500"
	CountyA = "371502" // 东昌府区, hosts ZoneA
	CountyB = "371522" // 莘县
	ZoneA   = "371571" // 经济技术开发区
)

// Seed loads a small city: regions, sources and sectors.
func Seed(t testing.TB, s sishui.Store) {
	t.Helper()
	ctx := context.Background()
	must(t, s.UpsertRegion(ctx, &sishui.Region{Code: "370000", Name: "山东省", Level: sishui.LevelProvince}))
	must(t, s.UpsertRegion(ctx, &sishui.Region{Code: City, Name: "聊城市", Level: sishui.LevelCity, Parent: "370000"}))
	must(t, s.UpsertRegion(ctx, &sishui.Region{Code: CountyA, Name: "东昌府区", Level: sishui.LevelCounty, Parent: City}))
	must(t, s.UpsertRegion(ctx, &sishui.Region{Code: CountyB, Name: "莘县", Level: sishui.LevelCounty, Parent: City}))
	must(t, s.UpsertRegion(ctx, &sishui.Region{Code: ZoneA, Name: "经济技术开发区", Level: sishui.LevelZone, Parent: City, Host: CountyA}))
	for _, src := range []sishui.Source{
		{Code: sishui.SourceYellowRiver, Name: "引黄水"},
		{Code: sishui.SourceGroundShallow, Name: "浅层地下水", Groundwater: true},
		{Code: sishui.SourceReclaimed, Name: "再生水", Unconventional: true},
	} {
		must(t, s.UpsertSource(ctx, &src))
	}
	for _, sec := range []sishui.Sector{
		{Code: "industry", Name: "工业", Group: sishui.GroupIndustry},
		{Code: "domestic_urban", Name: "城镇生活", Group: sishui.GroupDomestic},
	} {
		must(t, s.UpsertSector(ctx, &sec))
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// creditCode makes a valid unified social credit code from a serial number.
func creditCode(region string, n int) string {
	first := fmt.Sprintf("91%s%09d", region, n)
	c, ok := sishui.CreditCodeCheck(first)
	if !ok {
		panic(first)
	}
	return first + string(c)
}

func newUser(region string, n int) *sishui.WaterUser {
	return &sishui.WaterUser{Name: fmt.Sprintf("用水户%d", n), CreditCode: creditCode(region, n), Region: region, Sector: "industry"}
}

func newPermit(number string, user int64, region, source string, annual int64) *sishui.Permit {
	return &sishui.Permit{
		Number: number, UserID: user, Region: region, Source: source, Sector: "industry", AnnualM3: annual,
		ValidFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2028, 12, 31, 0, 0, 0, 0, time.UTC),
		Status: sishui.PermitActive,
	}
}

func newPoint(code string, permit int64, region string) *sishui.Point {
	return &sishui.Point{Code: code, Name: "计量点" + code, Kind: sishui.PointWithdrawal, Protocol: sishui.ProtocolSZY206,
		Region: region, PermitID: permit, Multiplier: 1, IntervalSeconds: 3600}
}

func wantCode(t *testing.T, err error, code, field string) {
	t.Helper()
	if got := sishui.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
	if field != "" {
		if got := sishui.ErrorField(err); got != field {
			t.Fatalf("error field = %q (%v), want %q", got, err, field)
		}
	}
}

func as(role, region string, user int64) context.Context {
	return sishui.WithActor(context.Background(), &sishui.Actor{Username: role + region, Role: role, Region: region, WaterUser: user})
}
