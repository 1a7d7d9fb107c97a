package storetest

import (
	"context"
	"database/sql"
	"sync"
	"testing"
	"time"

	"github.com/sishui/sishui"
)

// testScoping checks that lists, gets and writes never cross a scope.
func testScoping(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	ua, ub, uz := newUser(CountyA, 1), newUser(CountyB, 2), newUser(ZoneA, 3)
	for _, u := range []*sishui.WaterUser{ua, ub, uz} {
		must(t, s.CreateWaterUser(ctx, u))
	}
	pa := newPermit("PA", ua.ID, CountyA, sishui.SourceYellowRiver, 10)
	pb := newPermit("PB", ub.ID, CountyB, sishui.SourceYellowRiver, 10)
	pz := newPermit("PZ", uz.ID, ZoneA, sishui.SourceYellowRiver, 10)
	for _, p := range []*sishui.Permit{pa, pb, pz} {
		must(t, s.CreatePermit(ctx, p))
	}
	pta, ptb := newPoint("A1", pa.ID, CountyA), newPoint("B1", pb.ID, CountyB)
	must(t, s.CreatePoint(ctx, pta))
	must(t, s.CreatePoint(ctx, ptb))
	now := time.Now().UTC().Truncate(time.Second)
	_, err := s.AppendSamples(ctx, []sishui.Sample{{Point: pta.ID, Metric: sishui.MetricVolumeM3, Time: now, Value: 1}, {Point: ptb.ID, Metric: sishui.MetricVolumeM3, Time: now, Value: 2}})
	must(t, err)

	for _, tc := range []struct {
		name                     string
		ctx                      context.Context
		users, permits, points   int
		seeA, seeB               bool
		writeA, writeB, writeVoc bool
	}{
		{"admin", as(sishui.RoleAdmin, "", 0), 3, 3, 2, true, true, true, true, true},
		{"city", as(sishui.RoleCity, "", 0), 3, 3, 2, true, true, true, true, true},
		{"auditor", as(sishui.RoleAuditor, "", 0), 3, 3, 2, true, true, false, false, false},
		{"county A sees its zone", as(sishui.RoleCounty, CountyA, 0), 2, 2, 1, true, false, true, false, false},
		{"county B", as(sishui.RoleCounty, CountyB, 0), 1, 1, 1, false, true, false, true, false},
		{"enterprise B", as(sishui.RoleEnterprise, "", ub.ID), 1, 1, 1, false, true, false, false, false},
		{"public", as(sishui.RolePublic, "", 0), 0, 0, 0, false, false, false, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, n, err := s.ListWaterUsers(tc.ctx, sishui.WaterUserFilter{Sector: "industry"})
			must(t, err)
			if n != tc.users {
				t.Errorf("users = %d, want %d", n, tc.users)
			}
			// A filter naming another region cannot widen the scope.
			_, n, err = s.ListPermits(tc.ctx, sishui.PermitFilter{Region: City})
			must(t, err)
			if n != tc.permits {
				t.Errorf("permits = %d, want %d", n, tc.permits)
			}
			_, n, err = s.ListPoints(tc.ctx, sishui.PointFilter{})
			must(t, err)
			if n != tc.points {
				t.Errorf("points = %d, want %d", n, tc.points)
			}
			for _, c := range []struct {
				see   bool
				user  int64
				point int64
			}{{tc.seeA, ua.ID, pta.ID}, {tc.seeB, ub.ID, ptb.ID}} {
				_, err := s.GetWaterUser(tc.ctx, c.user)
				if c.see && err != nil || !c.see && sishui.ErrorCode(err) != sishui.ENOTFOUND {
					t.Errorf("get user %d: %v (see=%v)", c.user, err, c.see)
				}
				samples, err := s.QuerySamples(tc.ctx, sishui.SeriesQuery{Point: c.point, Metric: sishui.MetricVolumeM3, From: now.Add(-time.Hour), To: now.Add(time.Hour)})
				if c.see && (err != nil || len(samples) != 1) || !c.see && sishui.ErrorCode(err) != sishui.ENOTFOUND {
					t.Errorf("samples of point %d: %d, %v (see=%v)", c.point, len(samples), err, c.see)
				}
			}
			for _, c := range []struct {
				allowed bool
				region  string
			}{{tc.writeA, CountyA}, {tc.writeB, CountyB}} {
				nu := newUser(c.region, 900+len(tc.name))
				nu.Sector = "domestic_urban" // kept out of the counts above
				err := s.CreateWaterUser(tc.ctx, nu)
				if c.allowed && err != nil || !c.allowed && sishui.ErrorCode(err) != sishui.EFORBIDDEN {
					t.Errorf("create user in %s: %v (allowed=%v)", c.region, err, c.allowed)
				}
			}
			err = s.UpsertSector(tc.ctx, &sishui.Sector{Code: "ecology", Name: "生态", Group: sishui.GroupEcology})
			if tc.writeVoc && err != nil || !tc.writeVoc && sishui.ErrorCode(err) != sishui.EFORBIDDEN {
				t.Errorf("upsert sector: %v (allowed=%v)", err, tc.writeVoc)
			}
			// Moving a row out of scope is refused too.
			if tc.writeA && !tc.writeB {
				u, err := s.GetWaterUser(tc.ctx, ua.ID)
				must(t, err)
				u.Region = CountyB
				u.CreditCode = creditCode(CountyA, 1)
				if err := s.UpdateWaterUser(tc.ctx, u); sishui.ErrorCode(err) != sishui.EFORBIDDEN {
					t.Errorf("move user to county B: %v", err)
				}
			}
			_, _, err = s.ListAudit(tc.ctx, sishui.AuditFilter{})
			auditOK := tc.name == "admin" || tc.name == "auditor"
			if auditOK && err != nil || !auditOK && sishui.ErrorCode(err) != sishui.EFORBIDDEN {
				t.Errorf("list audit: %v", err)
			}
		})
	}
}

func testConcurrentAppends(t *testing.T, s sishui.Store, _ *sql.DB) {
	ctx := context.Background()
	Seed(t, s)
	u := newUser(CountyA, 1)
	must(t, s.CreateWaterUser(ctx, u))
	p := newPermit("P", u.ID, CountyA, sishui.SourceYellowRiver, 10)
	must(t, s.CreatePermit(ctx, p))
	pt := newPoint("C1", p.ID, CountyA)
	must(t, s.CreatePoint(ctx, pt))
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			// Every writer sends the same 200 samples: overlapping resends.
			batch := make([]sishui.Sample, 200)
			for i := range batch {
				batch[i] = sishui.Sample{Point: pt.ID, Metric: sishui.MetricFlowM3s, Time: base.Add(time.Duration(i) * time.Minute), Value: float64(i)}
			}
			if _, err := s.AppendSamples(ctx, batch); err != nil {
				errs <- err
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, err := s.QuerySamples(ctx, sishui.SeriesQuery{Point: pt.ID, Metric: sishui.MetricFlowM3s, From: base, To: base.Add(24 * time.Hour)})
	must(t, err)
	if len(got) != 200 {
		t.Fatalf("stored %d samples, want 200 exactly once", len(got))
	}
}
