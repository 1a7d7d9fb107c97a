package accounting

import (
	"context"
	"errors"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/quality"
)

// TestReconcile accounts a metered point across a month boundary, a register
// rollover, resends, late data, recomputes and a permit moving to another
// sector, and checks after every step that the region's rollups equal the
// sum of its points' days, that the days equal the register's advance, and
// that a rebuild from the daily rows gives the same rollups.
func TestReconcile(t *testing.T) {
	for name, open := range engines(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			c := &clock{T: bj("2026-02-03T12:00")}
			s := newService(t, st, c, Config{})
			meterPt := pointByCode(t, st, "3715020100")  // withdrawal, permit 0001, rollover 1e8
			farmWell := pointByCode(t, st, "3715021300") // electricity (以电折水)
			start := bj("2026-01-31T00:00")
			// 72 hourly readings from 99,999,400 m³ by 20 m³/h: the register wraps at 1e8 on 1 Feb.
			readings := hourly(meterPt.ID, sishui.MetricVolumeM3, start, 72, 99_999_400, 20)
			for i := range readings {
				if readings[i].Value >= 1e8 {
					readings[i].Value -= 1e8
				}
			}
			energy := hourly(farmWell.ID, sishui.MetricEnergyKWh, start, 72, 1000, 10)
			from, to := start, bj("2026-02-03T00:00")
			dayFrom, dayTo := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)
			check := func(step string, wantMeter, wantWell int64) {
				t.Helper()
				gotMeter := pointLitres(t, st, meterPt.ID, dayFrom, dayTo)
				gotWell := pointLitres(t, st, farmWell.ID, dayFrom, dayTo)
				if gotMeter != wantMeter || gotWell != wantWell {
					t.Fatalf("%s: point days %d L and %d L, want %d L and %d L", step, gotMeter, gotWell, wantMeter, wantWell)
				}
				total, measured, estimated, _ := regionLitres(t, st, "371502", 202601, 202602)
				if total != gotMeter+gotWell || measured != gotMeter || estimated != gotWell {
					t.Fatalf("%s: region rollup %d L (measured %d, estimated %d), points sum %d + %d", step, total, measured, estimated, gotMeter, gotWell)
				}
				city, _, _, _ := regionLitres(t, st, "371500", 202601, 202602)
				if city != total {
					t.Fatalf("%s: city %d L, county %d L", step, city, total)
				}
				pms, err := st.PointMonthlyUse(ctx, sishui.UseFilter{Point: meterPt.ID})
				if err != nil {
					t.Fatal(err)
				}
				var pmSum int64
				for _, x := range pms {
					pmSum += x.Total()
				}
				if pmSum != gotMeter {
					t.Fatalf("%s: point monthly rollup %d L, days %d L", step, pmSum, gotMeter)
				}
			}
			update := func() {
				t.Helper()
				for _, p := range []int64{meterPt.ID, farmWell.ID} {
					if err := s.Update(ctx, p, from, to); err != nil {
						t.Fatal(err)
					}
				}
			}

			appendSamples(t, st, readings[:48])
			appendSamples(t, st, energy)
			update()
			// 47 intervals of 20 m³ = 940 m³; 71 intervals of 10 kWh × 0.8 = 568 m³.
			check("first", 940_000, 568_000)
			jan, _, _, _ := regionLitres(t, st, "371502", 202601, 202601)
			if jan != 24*20_000+24*8_000 { // 31 Jan: 24 intervals of each point (the last ends at midnight)
				t.Fatalf("January %d L", jan)
			}

			update()
			check("recompute", 940_000, 568_000)

			if r := appendSamples(t, st, readings[:48]); r.Inserted != 0 || r.Duplicates != 48 {
				t.Fatalf("resend: %+v", r)
			}
			update()
			check("resend", 940_000, 568_000)

			appendSamples(t, st, readings[48:]) // late data
			update()
			check("late data", 71*20_000, 568_000)

			// The permit moves to another sector: the point's use moves with it.
			pm, err := st.GetPermit(ctx, meterPt.PermitID)
			if err != nil {
				t.Fatal(err)
			}
			pm.Sector = "public_services"
			if err := st.UpdatePermit(ctx, pm); err != nil {
				t.Fatal(err)
			}
			update()
			check("new sector", 71*20_000, 568_000)
			cells, err := st.MonthlyUse(ctx, sishui.UseFilter{Region: "371502", FromMonth: 202601, ToMonth: 202602})
			if err != nil {
				t.Fatal(err)
			}
			for _, cl := range cells {
				if cl.Sector == "industry" && cl.Total() != 0 {
					t.Fatalf("industry cell still holds %d L after the sector change", cl.Total())
				}
			}

			// A rebuild from the daily rows gives the same rollups.
			before, err := st.MonthlyUse(ctx, sishui.UseFilter{FromMonth: 202601, ToMonth: 202612})
			if err != nil {
				t.Fatal(err)
			}
			if err := st.RebuildRollups(ctx, 2026); err != nil {
				t.Fatal(err)
			}
			after, err := st.MonthlyUse(ctx, sishui.UseFilter{FromMonth: 202601, ToMonth: 202612})
			if err != nil {
				t.Fatal(err)
			}
			if nonzero(before) != nonzero(after) {
				t.Fatalf("rebuild differs:\n%v\n%v", nonzero(before), nonzero(after))
			}
			check("rebuild", 71*20_000, 568_000)

			rows, err := st.ListDailyUse(ctx, meterPt.ID, dayFrom, dayTo)
			if err != nil {
				t.Fatal(err)
			}
			// The point reports every 4 h: 6 reports expected a day, hourly readings fill each.
			if len(rows) != 3 || rows[0].Received != 6 || rows[0].Expected != 6 || rows[2].Received != 6 {
				t.Fatalf("completeness: %+v", rows)
			}
		})
	}
}

func nonzero(cells []sishui.UseCell) string {
	var s string
	for _, c := range cells {
		if c.Total() != 0 {
			s += c.Region + "/" + c.Source + "/" + c.Sector + "/" + itoa(c.Month) + "=" + itoa(int(c.Total())) + " "
		}
	}
	return s
}

func itoa(v int) string { return strconv.Itoa(v) }

// TestDailyAndEntered: a point reporting daily volumes is accounted from
// them; entered volumes replace, never add.
func TestDailyAndEntered(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := engines(t)["sqlite"](t)
	c := &clock{T: bj("2026-03-05T12:00")}
	s := newService(t, st, c, Config{})
	p := pointByCode(t, st, "3715021800") // reclaimed plant, no permit
	var xs []sishui.Sample
	for d := 1; d <= 4; d++ {
		// reported at 00:00 for the day before, and one at 08:00 within the day
		xs = append(xs, sishui.Sample{Point: p.ID, Metric: sishui.MetricDailyVolumeM3, Time: bj("2026-03-01T00:00").AddDate(0, 0, d).UTC(), Value: float64(100 * d)})
	}
	appendSamples(t, st, xs)
	if err := s.Update(ctx, p.ID, bj("2026-03-01T00:00"), bj("2026-03-05T00:00")); err != nil {
		t.Fatal(err)
	}
	rows, err := st.ListDailyUse(ctx, p.ID, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{100_000, 200_000, 300_000, 400_000}
	if len(rows) != 4 {
		t.Fatalf("%d rows", len(rows))
	}
	for i, r := range rows {
		if r.Litres != want[i] || r.Source != sishui.SourceReclaimed || r.Method != "daily" {
			t.Errorf("day %d: %+v", i, r)
		}
	}
	tests := []struct {
		name   string
		volume int64
	}{{"enter", 5000}, {"replace", 3000}, {"replace again", 3000}, {"zero", 0}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &sishui.EnteredUse{Region: "371502", Source: "ground_shallow", Sector: "irrigation", Month: 202603, VolumeM3: tt.volume}
			if err := st.UpsertEnteredUse(ctx, e); err != nil {
				t.Fatal(err)
			}
			_, _, _, entered := regionLitres(t, st, "371500", 202603, 202603)
			if entered != tt.volume*1000 {
				t.Fatalf("entered %d L, want %d", entered, tt.volume*1000)
			}
		})
	}
	county := sishui.WithActor(ctx, &sishui.Actor{Username: "c", Role: sishui.RoleCounty, Region: "371521"})
	err = st.UpsertEnteredUse(county, &sishui.EnteredUse{Region: "371502", Source: "surface", Sector: "irrigation", Month: 202603, VolumeM3: 1})
	if sishui.ErrorCode(err) != sishui.EFORBIDDEN {
		t.Fatalf("county entering another county's use: %v", err)
	}
}

// TestScope: county and public callers see only what they may.
func TestScope(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := engines(t)["sqlite"](t)
	c := &clock{T: bj("2026-03-05T12:00")}
	s := newService(t, st, c, Config{})
	for _, e := range []sishui.EnteredUse{
		{Region: "371502", Source: "surface", Sector: "irrigation", Month: 202603, VolumeM3: 100},
		{Region: "371521", Source: "surface", Sector: "irrigation", Month: 202603, VolumeM3: 50},
	} {
		if err := st.UpsertEnteredUse(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	county := sishui.WithActor(ctx, &sishui.Actor{Username: "c", Role: sishui.RoleCounty, Region: "371521"})
	public := sishui.WithActor(ctx, &sishui.Actor{Username: "anonymous", Role: sishui.RolePublic})
	tests := []struct {
		name   string
		ctx    context.Context
		region string
		by     string
		want   float64
		code   string
	}{
		{"city sees the city", ctx, "", "month", 150, ""},
		{"county defaults to its own", county, "", "month", 50, ""},
		{"county cannot see another", county, "371502", "month", 0, sishui.ENOTFOUND},
		{"public sees the city total", public, "", "source", 150, ""},
		{"public cannot see a county", public, "371502", "month", 0, sishui.EFORBIDDEN},
		{"public cannot split by region", public, "", "region", 0, sishui.EFORBIDDEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := s.Use(tt.ctx, tt.region, 2026, tt.by)
			if sishui.ErrorCode(err) != tt.code {
				t.Fatalf("error %v, want code %q", err, tt.code)
			}
			var sum float64
			for _, r := range rows {
				sum += r.VolumeM3
			}
			if math.Abs(sum-tt.want) > 1e-9 {
				t.Fatalf("sum %v, want %v", sum, tt.want)
			}
		})
	}
	o, err := s.Overview(public, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Counties) != 0 || o.UseM3 != 150 {
		t.Fatalf("public overview: %+v", o)
	}
}

// TestIndicatorsLiaocheng: all ten indicators for 2026 with targets, computed
// or entered values or "no data".
func TestIndicatorsLiaocheng(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := engines(t)["sqlite"](t)
	c := &clock{T: bj("2026-06-30T12:00")}
	s := newService(t, st, c, Config{})
	// Half a year of use: 9.0 亿 m³ entered across sources (one unconventional).
	for m := 1; m <= 6; m++ {
		for _, e := range []sishui.EnteredUse{
			{Region: "371502", Source: "surface", Sector: "industry", Month: 202600 + m, VolumeM3: 140_000_000},
			{Region: "371521", Source: "reclaimed", Sector: "ecology", Month: 202600 + m, VolumeM3: 10_000_000},
		} {
			if err := st.UpsertEnteredUse(ctx, &e); err != nil {
				t.Fatal(err)
			}
		}
	}
	got, err := s.Indicators(ctx, "", 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 {
		t.Fatalf("%d indicators", len(got))
	}
	want := map[string]struct{ basis, status string }{
		"total_use":                      {BasisComputed, "meets"},
		"water_per_gdp":                  {BasisComputed, ""},
		"water_per_industrial_va":        {BasisComputed, ""},
		"irrigation_efficiency":          {NoData, NoData}, // measured after the year ends
		"unconventional_use":             {BasisComputed, ""},
		"reclaimed_reuse_rate":           {BasisEntered, ""},
		"network_leakage_rate":           {BasisEntered, ""},
		"industrial_reuse_rate":          {BasisEntered, ""},
		"chem_park_unconventional_share": {BasisEntered, ""},
		"wwtp_upgrade_rate":              {BasisComputed, "at_risk"}, // from the plant register (works.yaml)
	}
	for i, x := range got {
		if x.Seq != i+1 {
			t.Errorf("%s: seq %d at %d", x.ID, x.Seq, i)
		}
		if x.Target == nil {
			t.Errorf("%s: no target", x.ID)
		}
		w, ok := want[x.ID]
		if !ok {
			t.Errorf("unexpected %s", x.ID)
			continue
		}
		if x.Basis != w.basis {
			t.Errorf("%s: basis %q, want %q (%s)", x.ID, x.Basis, w.basis, x.Note)
		}
		if (x.Actual == nil) != (w.basis == NoData) {
			t.Errorf("%s: actual %v with basis %s", x.ID, x.Actual, x.Basis)
		}
		if w.basis == NoData && x.Status != NoData {
			t.Errorf("%s: status %s without data", x.ID, x.Status)
		}
	}
	byID := map[string]IndicatorStatus{}
	for _, x := range got {
		byID[x.ID] = x
	}
	tu := byID["total_use"]
	if *tu.YTD != 9.0 || *tu.Target != 20.1 {
		t.Fatalf("total use %+v", tu)
	}
	if p := *tu.Projection; p < 17 || p > 19 {
		t.Fatalf("total use projection %v", p)
	}
	if tu.Status != "meets" {
		t.Fatalf("total use status %s (projection %v of 20.1)", tu.Status, *tu.Projection)
	}
	if u := byID["unconventional_use"]; *u.YTD != 0.6 {
		t.Fatalf("unconventional %+v", *u.YTD)
	}
	if l := byID["network_leakage_rate"]; *l.Actual != 7.85 || l.Status != "misses" && l.Status != "at_risk" {
		t.Fatalf("leakage %+v", l)
	}
	// A year not begun has no data at all.
	future, err := s.Indicators(ctx, "", 2027)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range future {
		if x.Basis != NoData {
			t.Errorf("2027 %s: %s", x.ID, x.Basis)
		}
	}
}

// TestPermitCap: 限批 refuses a new or enlarged permit in a region at its cap
// and lets an administrator's override through, audited.
func TestPermitCap(t *testing.T) {
	for name, open := range engines(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st := open(t)
			year := time.Now().In(sishui.BeijingTime).Year()
			// The cap sits above the county's permitted total (57.4M m³ in the
			// demo registry), so this test exercises the use-based rule.
			if err := st.UpsertCap(ctx, &sishui.RegionCap{Region: "371521", Year: year, TotalM3: 100_000_000, GroundwaterM3: 100_000}); err != nil {
				t.Fatal(err)
			}
			ps, _, err := st.ListPermits(ctx, sishui.PermitFilter{Region: "371521"})
			if err != nil || len(ps) == 0 {
				t.Fatalf("permits: %v", err)
			}
			base := *ps[0]
			newPermit := func(number, source string, annual int64) *sishui.Permit {
				p := base
				p.ID, p.Number, p.Source, p.AnnualM3, p.MonthlyPlanM3 = 0, number, source, annual, nil
				return &p
			}
			enter := func(source string, m3 int64) {
				t.Helper()
				if err := st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: "371521", Source: source, Sector: "irrigation", Month: year*100 + 1, VolumeM3: m3}); err != nil {
					t.Fatal(err)
				}
			}
			admin := sishui.WithActor(ctx, &sishui.Actor{Username: "root", Role: sishui.RoleAdmin})
			cityStaff := sishui.WithActor(ctx, &sishui.Actor{Username: "wang", Role: sishui.RoleCity})

			enter("surface", 99_999_999)
			if err := st.CreatePermit(cityStaff, newPermit("T-1", "surface", 1000)); err != nil {
				t.Fatalf("below the cap: %v", err)
			}
			enter("ground_shallow", 100_000) // groundwater cap reached; total 100,099,999 ≥ 100,000,000
			tests := []struct {
				name string
				ctx  context.Context
				p    *sishui.Permit
				code string
			}{
				{"total cap reached", cityStaff, newPermit("T-2", "surface", 1000), sishui.ECONFLICT},
				{"override without admin", sishui.WithPermitOverride(cityStaff, "needed"), newPermit("T-3", "surface", 1000), sishui.EFORBIDDEN},
				{"override without justification", sishui.WithPermitOverride(admin, "  "), newPermit("T-4", "surface", 1000), sishui.EINVALID},
				{"admin override", sishui.WithPermitOverride(admin, "municipal drinking-water emergency"), newPermit("T-5", "surface", 1000), ""},
				{"revoked permits take no water", cityStaff, func() *sishui.Permit {
					p := newPermit("T-6", "surface", 1000)
					p.Status = sishui.PermitRevoked
					return p
				}(), ""},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					err := st.CreatePermit(tt.ctx, tt.p)
					if sishui.ErrorCode(err) != tt.code {
						t.Fatalf("error %v, want code %q", err, tt.code)
					}
				})
			}
			// Enlarging refused, shrinking allowed.
			ps, _, _ = st.ListPermits(ctx, sishui.PermitFilter{Query: "T-1"})
			p := ps[0]
			p.AnnualM3 = 2000
			err = st.UpdatePermit(cityStaff, p)
			var de *sishui.Error
			if !errors.As(err, &de) || de.Code != sishui.ECONFLICT || !containsStr(de.Error(), "100099999") {
				t.Fatalf("enlarging: %v", err)
			}
			p.AnnualM3 = 500
			if err := st.UpdatePermit(cityStaff, p); err != nil {
				t.Fatalf("shrinking: %v", err)
			}
			// The override is listed and audited with the justification as reason.
			ovs, n, err := st.ListPermitOverrides(admin, sishui.Page{})
			if err != nil || n != 1 || ovs[0].Number != "T-5" || ovs[0].PermitID == 0 || ovs[0].Justification != "municipal drinking-water emergency" {
				t.Fatalf("overrides %v %d %v", ovs, n, err)
			}
			audit, _, err := st.ListAudit(admin, sishui.AuditFilter{Entity: "permit"})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, e := range audit {
				if e.Action == "override" && e.Reason == "municipal drinking-water emergency" && e.Actor == "root" {
					found = true
				}
			}
			if !found {
				t.Fatal("no override audit entry")
			}
			if seq, err := st.VerifyAudit(admin); err != nil || seq != 0 {
				t.Fatalf("audit chain broken at %d: %v", seq, err)
			}
		})
	}
}

func containsStr(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// TestPointsStatusAndDaily covers the status classes and the calendar.
func TestPointsStatusAndDaily(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := engines(t)["sqlite"](t)
	now := bj("2026-03-05T12:00")
	c := &clock{T: now}
	s := newService(t, st, c, Config{})
	rep := pointByCode(t, st, "3715020100")
	late := pointByCode(t, st, "3715020200")
	off := pointByCode(t, st, "3715020300")
	alarm := pointByCode(t, st, "3715020400")
	appendSamples(t, st, hourly(rep.ID, sishui.MetricVolumeM3, now.Add(-30*time.Hour), 30, 0, 10))
	appendSamples(t, st, hourly(late.ID, sishui.MetricVolumeM3, now.Add(-10*time.Hour), 2, 0, 10))
	appendSamples(t, st, hourly(off.ID, sishui.MetricVolumeM3, now.Add(-100*time.Hour), 2, 0, 10))
	appendSamples(t, st, []sishui.Sample{{Point: alarm.ID, Metric: sishui.MetricVolumeM3, Time: now.Add(-time.Hour).UTC(), Value: 1, Flags: uint32(quality.FlagMeterRollback)},
		{Point: alarm.ID, Metric: sishui.MetricAlarm, Time: now.Add(-time.Hour).UTC(), Value: 4}})
	got, err := s.PointsStatus(ctx, "371502")
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]string{rep.ID: "reporting", late.ID: "late", off.ID: "offline", alarm.ID: "alarm"}
	for _, x := range got {
		if w, ok := want[x.ID]; ok && x.Status != w {
			t.Errorf("point %s: %s, want %s", x.Code, x.Status, w)
		}
	}
	if err := s.Update(ctx, rep.ID, bj("2026-03-04T00:00"), now); err != nil {
		t.Fatal(err)
	}
	days, err := s.PointDaily(ctx, rep.ID, bj("2026-03-03T00:00"), bj("2026-03-06T00:00"))
	if err != nil {
		t.Fatal(err)
	}
	// Hourly readings from 06:00 fill 4 of the day's 6 four-hourly reports.
	if len(days) != 3 || days[0].Basis != NoData || days[1].Received != 4 || days[1].Expected != 6 || days[1].VolumeM3 != 180 {
		t.Fatalf("calendar %+v", days)
	}
}

// TestCountyIndicators: a county's total-use target is its cap.
func TestCountyIndicators(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := engines(t)["sqlite"](t)
	s := newService(t, st, &clock{T: bj("2026-12-31T12:00")}, Config{})
	if err := st.UpsertEnteredUse(ctx, &sishui.EnteredUse{Region: "371502", Source: "surface", Sector: "industry", Month: 202605, VolumeM3: 520_000_000}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Indicators(ctx, "371502", 2026)
	if err != nil {
		t.Fatal(err)
	}
	tu := got[0]
	if tu.ID != "total_use" || tu.Target == nil || *tu.Target != 5.03 || *tu.Actual != 5.2 || tu.Status != "misses" {
		t.Fatalf("county total use %+v", tu)
	}
	if got[1].Target != nil || got[1].Status != NoData {
		t.Fatalf("county water per GDP without a target: %+v", got[1])
	}
	sum, err := s.RegionSummary(ctx, "371502", 2026)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Grade == nil || sum.Grade.Code != "overloaded" || sum.Grade.Basis != "actual" || sum.CapM3 != 503_000_000 || sum.UseM3 != 520_000_000 {
		t.Fatalf("summary %+v grade %+v", sum, sum.Grade)
	}
}
