package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// testListing checks the lists' server-side sorting (Page.Sort, Page.Order:
// whitelisted fields, a stable tie-break so pages never overlap) and search
// (Query: case-insensitive substring, LIKE wildcards taken literally).
func testListing(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	// Water users, permits and points with names that sort differently from their ids.
	names := []string{"Beta 水厂", "alpha 化工", "GAMMA 纸业", "delta 50% 电厂", "Alpha 热力"}
	var users []*sishui.WaterUser
	var points []*sishui.Point
	for i, n := range names {
		u := newUser(CountyA, i+1)
		u.Name = n
		must(t, s.CreateWaterUser(ctx, u))
		users = append(users, u)
		p := newPermit(fmt.Sprintf("取水(聊)字[2026]第%04d号", 5-i), u.ID, CountyA, sishui.SourceYellowRiver, int64(1000*(i%3+1)))
		must(t, s.CreatePermit(ctx, p))
		pt := newPoint(fmt.Sprintf("00AB%06d", i), p.ID, CountyA)
		pt.Name = n + "计量点"
		must(t, s.CreatePoint(ctx, pt))
		points = append(points, pt)
	}

	ptNames := func(f sishui.PointFilter) []string {
		t.Helper()
		ps, _, err := s.ListPoints(ctx, f)
		must(t, err)
		var out []string
		for _, p := range ps {
			out = append(out, p.Name)
		}
		return out
	}
	// Default order is by id; sort by name either way.
	if got := ptNames(sishui.PointFilter{}); got[0] != points[0].Name {
		t.Fatalf("default order %q", got)
	}
	asc := ptNames(sishui.PointFilter{Page: sishui.Page{Sort: "name"}})
	if !slices.IsSorted(asc) || len(asc) != 5 {
		t.Fatalf("sort=name %q", asc)
	}
	desc := ptNames(sishui.PointFilter{Page: sishui.Page{Sort: "name", Order: sishui.OrderDesc}})
	slices.Reverse(desc)
	if !slices.Equal(asc, desc) {
		t.Fatalf("sort=name desc reversed %q, asc %q", desc, asc)
	}
	// Pages of a sort on a non-unique field neither overlap nor skip.
	var paged []int64
	for off := 0; off < 5; off += 2 {
		ps, total, err := s.ListPoints(ctx, sishui.PointFilter{Page: sishui.Page{Sort: "kind", Offset: off, Limit: 2}})
		must(t, err)
		if total != 5 {
			t.Fatalf("total %d", total)
		}
		for _, p := range ps {
			paged = append(paged, p.ID)
		}
	}
	slices.Sort(paged)
	if len(slices.Compact(paged)) != 5 {
		t.Fatalf("pages by kind: ids %v", paged)
	}
	// Search: case-insensitive on name and code; % is a literal.
	if got := ptNames(sishui.PointFilter{Query: "ALPHA"}); len(got) != 2 {
		t.Fatalf("q=ALPHA %q", got)
	}
	if got := ptNames(sishui.PointFilter{Query: "00ab000002"}); len(got) != 1 || got[0] != points[2].Name {
		t.Fatalf("q by code %q", got)
	}
	if got := ptNames(sishui.PointFilter{Query: "50%"}); len(got) != 1 || got[0] != points[3].Name {
		t.Fatalf("q=50%% %q", got)
	}
	if got := ptNames(sishui.PointFilter{Query: "%"}); len(got) != 1 {
		t.Fatalf("q=%% matches %q", got)
	}
	// Unknown fields and orders are EINVALID naming the parameter; a column
	// name that is not a documented field is unknown too.
	for _, bad := range []struct {
		page  sishui.Page
		field string
	}{{sishui.Page{Sort: "name; DROP TABLE points"}, "sort"}, {sishui.Page{Sort: "updated_ms"}, "sort"}, {sishui.Page{Sort: "name", Order: "up"}, "order"}} {
		_, _, err := s.ListPoints(ctx, sishui.PointFilter{Page: bad.page})
		wantCode(t, err, sishui.EINVALID, bad.field)
	}

	// Water users: by name descending; search by credit code in lower case.
	us, _, err := s.ListWaterUsers(ctx, sishui.WaterUserFilter{Page: sishui.Page{Sort: "name", Order: "desc"}})
	must(t, err)
	if len(us) != 5 || us[0].Name < us[4].Name {
		t.Fatalf("users by name desc: %s … %s", us[0].Name, us[4].Name)
	}
	_, n, err := s.ListWaterUsers(ctx, sishui.WaterUserFilter{Query: "gamma"})
	must(t, err)
	if n != 1 {
		t.Fatalf("users q=gamma: %d", n)
	}
	_, _, err = s.ListWaterUsers(ctx, sishui.WaterUserFilter{Page: sishui.Page{Sort: "password"}})
	wantCode(t, err, sishui.EINVALID, "sort")

	// Permits: by annual volume descending (ties by id); search by the holder's name.
	pms, _, err := s.ListPermits(ctx, sishui.PermitFilter{Page: sishui.Page{Sort: "annual_m3", Order: "desc"}})
	must(t, err)
	if len(pms) != 5 || pms[0].AnnualM3 != 3000 || pms[4].AnnualM3 != 1000 || (pms[0].AnnualM3 == pms[1].AnnualM3 && pms[0].ID < pms[1].ID) {
		t.Fatalf("permits by annual desc: %+v", pms)
	}
	pms, _, err = s.ListPermits(ctx, sishui.PermitFilter{Query: "GAMMA"})
	must(t, err)
	if len(pms) != 1 || pms[0].UserID != users[2].ID {
		t.Fatalf("permits q=GAMMA %+v", pms)
	}
	pms, _, err = s.ListPermits(ctx, sishui.PermitFilter{Page: sishui.Page{Sort: "number"}})
	must(t, err)
	if pms[0].Number != "取水(聊)字[2026]第0001号" {
		t.Fatalf("permits by number: first %s", pms[0].Number)
	}

	// Alerts: by level (blue < yellow < orange < red); search by the
	// subject's registry name.
	must(t, s.UpsertSection(ctx, &sishui.Section{Code: "ljq", Name: "李家桥断面", River: "徒骇河", Region: CountyA, BaseFlowM3s: 1, WarningFlowM3s: 2}))
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	var changes []*sishui.AlertChange
	for i, a := range []struct{ subject, level string }{
		{"section:ljq", "yellow"}, {"permit:" + pms[0].Number, "red"}, {"point:" + points[1].Code, "blue"}, {"region:" + CountyA, "orange"},
	} {
		changes = append(changes, &sishui.AlertChange{Alert: sishui.Alert{Key: fmt.Sprintf("r|%s|1", a.subject), Rule: "r", Kind: "k", Subject: a.subject,
			Region: CountyA, State: sishui.AlertFiring, Level: a.level, MaxLevel: a.level, Message: fmt.Sprintf("alert %d", i),
			ActiveSince: now.Add(time.Duration(i) * time.Hour), UpdatedAt: now}})
	}
	must(t, s.SaveAlerts(ctx, []byte("{}"), changes))
	as, _, err := s.ListAlerts(ctx, sishui.AlertFilter{Page: sishui.Page{Sort: "level", Order: "desc"}})
	must(t, err)
	var levels []string
	for _, a := range as {
		levels = append(levels, a.Level)
	}
	if !slices.Equal(levels, []string{"red", "orange", "yellow", "blue"}) {
		t.Fatalf("alerts by level desc %q", levels)
	}
	for q, want := range map[string]string{
		"李家桥":      "section:ljq",             // the section's name
		"Alpha 化工": "point:" + points[1].Code, // the point's name, another case
		"热力":       "permit:" + pms[0].Number, // the permit holder's name (users[4] holds 第0001号)
		"第0001号":   "permit:" + pms[0].Number, // the subject itself
		"东昌府":      "region:" + CountyA,       // the region's name
		"ALERT 3":  "region:" + CountyA,       // the message
	} {
		as, n, err := s.ListAlerts(ctx, sishui.AlertFilter{Query: q})
		must(t, err)
		if n != 1 || as[0].Subject != want {
			t.Fatalf("alerts q=%s: %d %+v", q, n, as)
		}
	}
	_, _, err = s.ListAlerts(ctx, sishui.AlertFilter{Page: sishui.Page{Sort: "message"}})
	wantCode(t, err, sishui.EINVALID, "sort")

	// Frames: search by reason, sort by station.
	must(t, s.ArchiveFrames(ctx, []*sishui.RawFrame{
		{Received: now, Protocol: "szy206", Peer: "10.0.0.1:1", Station: "00AB000002", Bytes: []byte{1}, Status: sishui.FrameQuarantined, Reason: "Bad Checksum"},
		{Received: now.Add(time.Minute), Protocol: "szy206", Peer: "10.0.0.2:1", Station: "00AB000001", Bytes: []byte{2}, Status: sishui.FrameQuarantined, Reason: "unknown terminal"},
	}))
	fs, _, err := s.ListFrames(ctx, sishui.FrameFilter{Page: sishui.Page{Sort: "station"}})
	must(t, err)
	if len(fs) != 2 || fs[0].Station != "00AB000001" {
		t.Fatalf("frames by station %+v", fs)
	}
	fs, _, err = s.ListFrames(ctx, sishui.FrameFilter{Query: "checksum"})
	must(t, err)
	if len(fs) != 1 || fs[0].Station != "00AB000002" {
		t.Fatalf("frames q=checksum %+v", fs)
	}

	// Audit: oldest first on request; search by entity id, in another case.
	au, total, err := s.ListAudit(ctx, sishui.AuditFilter{Page: sishui.Page{Order: "asc", Limit: 3}})
	must(t, err)
	if total == 0 || au[0].Seq != 1 || au[1].Seq != 2 {
		t.Fatalf("audit asc %+v", au)
	}
	au, _, err = s.ListAudit(ctx, sishui.AuditFilter{Query: "LJQ"})
	must(t, err)
	if len(au) != 1 || au[0].Entity != "section" {
		t.Fatalf("audit q by the section's code %+v", au)
	}

	// Accounts: search by display name, sort by role.
	for _, a := range []*sishui.Account{
		{Username: "zhao", DisplayName: "Zhao Ming", Role: sishui.RoleCity, PasswordHash: "x"},
		{Username: "qian", DisplayName: "钱审计", Role: sishui.RoleAuditor, PasswordHash: "x"},
		{Username: "sun", DisplayName: "孙", Role: sishui.RoleAdmin, PasswordHash: "x"},
	} {
		must(t, s.CreateAccount(ctx, a))
	}
	accs, n, err := s.ListAccounts(ctx, sishui.AccountFilter{Page: sishui.Page{Sort: "role"}})
	must(t, err)
	if n != 3 || accs[0].Role != sishui.RoleAdmin || accs[2].Role != sishui.RoleCity {
		t.Fatalf("accounts by role %+v", accs)
	}
	accs, _, err = s.ListAccounts(ctx, sishui.AccountFilter{Query: "zhao ming"})
	must(t, err)
	if len(accs) != 1 || accs[0].Username != "zhao" {
		t.Fatalf("accounts q %+v", accs)
	}
	accs, _, err = s.ListAccounts(ctx, sishui.AccountFilter{})
	must(t, err)
	if accs[0].Username != "qian" {
		t.Fatalf("accounts default order (username) %+v", accs)
	}
}
