package alerting

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/citytest"
	"github.com/sishui/sishui/internal/plan"
	"github.com/sishui/sishui/internal/warning"
)

// levelOf evaluates the built-in rules of a kind on the observation of a subject.
func levelOf(t *testing.T, obs []warning.Observation, kind warning.Kind, subject string, now time.Time) (warning.Level, bool) {
	t.Helper()
	rules, err := BuiltinRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range obs {
		if o.Kind != kind || o.Subject != subject {
			continue
		}
		best := warning.None
		for i := range rules {
			if rules[i].Kind != kind {
				continue
			}
			f, err := warning.Evaluate(&rules[i], o, now)
			if err != nil {
				t.Fatal(err)
			}
			best = max(best, f.Level)
		}
		return best, true
	}
	return warning.None, false
}

// TestRightsOveruseWarning: a permit holder that leased out half its
// withdrawal right for the year and has metered more than the half it kept
// raises the over-use-after-selling warning (red); before selling there is
// no such observation.
func TestRightsOveruseWarning(t *testing.T) {
	ctx := context.Background()
	st := citytest.SQLite(t)
	now := time.Now().UTC()
	st.(interface{ SetNow(func() time.Time) }).SetNow(func() time.Time { return now })
	d := now.In(sishui.BeijingTime)
	year := d.Year()
	today := time.Date(year, d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	users, _, err := st.ListWaterUsers(ctx, sishui.WaterUserFilter{Region: "371502", Page: sishui.Page{Limit: 2}})
	if err != nil || len(users) < 2 {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var ps [2]*sishui.Permit
	var hs [2]int64
	for i := range ps {
		ps[i] = &sishui.Permit{Number: "W-RIGHTS-" + string(rune('A'+i)), UserID: users[i].ID, Region: "371502", Source: "surface", Sector: users[i].Sector,
			AnnualM3: 100_000, ValidFrom: today.AddDate(-1, 0, 0), ValidTo: today.AddDate(3, 0, 0), Status: sishui.PermitActive}
		must(st.CreatePermit(ctx, ps[i]))
		h := &sishui.RightsHolder{Code: "permit:" + ps[i].Number, Kind: sishui.HolderPermit, Name: ps[i].Number, Region: "371502", Permit: ps[i].ID, WaterUser: users[i].ID}
		must(st.UpsertRightsHolder(ctx, h))
		hs[i] = h.ID
	}
	pool := &sishui.RightsHolder{Code: "pool", Kind: sishui.HolderPool, Name: "pool"}
	must(st.UpsertRightsHolder(ctx, pool))
	must(st.UpsertRightsHolder(ctx, &sishui.RightsHolder{Code: "escrow", Kind: sishui.HolderEscrow, Name: "escrow"}))
	must(st.SetRightsAllocable(ctx, sishui.RightsAllocable{Source: "surface", Year: year, VolumeM3: 1_000_000}))
	must(st.PostRightsTx(ctx, &sishui.RightsTx{Reason: sishui.ReasonAllocation, Entries: []sishui.RightsEntry{
		{Holder: pool.ID, Source: "surface", Year: year, VolumeM3: -100_000}, {Holder: hs[0], Source: "surface", Year: year, VolumeM3: 100_000}}}))
	pt := &sishui.Point{Code: "9900000077", Name: "计量点", Kind: sishui.PointWithdrawal, Protocol: sishui.ProtocolManual,
		Region: "371502", PermitID: ps[0].ID, Multiplier: 1, IntervalSeconds: 86400}
	must(st.CreatePoint(ctx, pt))
	must(st.ReplaceDailyUse(ctx, pt.ID, today, today.AddDate(0, 0, 1), []sishui.DailyUse{{Point: pt.ID, Day: today, Region: "371502",
		Source: "surface", Sector: users[0].Sector, Litres: 60_000_000, Basis: "measured"}}))
	s := newService(t, st, &citytest.Clock{T: now}, Config{})
	subject := "permit-rights:" + ps[0].Number
	obs, _, err := s.Observations(ctx, now)
	must(err)
	if _, ok := levelOf(t, obs, warning.RightsOveruse, subject, now); ok {
		t.Fatalf("an over-use observation before selling")
	}

	l := &sishui.Listing{Type: sishui.TradeWithdrawal, Mode: sishui.ModeLease, Method: sishui.MethodAgreement, Seller: hs[0], Buyer: hs[1],
		Source: "surface", VolumeM3: 50_000, PriceFen: 70, From: time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)}
	must(st.CreateListing(ctx, l))
	tr, err := st.AcceptAgreement(ctx, l.ID)
	must(err)
	now = tr.NoticeTo.Add(36 * time.Hour)
	_, err = st.DecideTrade(ctx, &sishui.TradeApproval{Trade: tr.ID, Decision: sishui.DecisionApprove, SavingsVerified: true})
	must(err)
	// A lease changes no permit: the ledger keeps the seller's 50,000 m³.
	if p, err := st.GetPermit(ctx, ps[0].ID); err != nil || p.AnnualM3 != 100_000 {
		t.Fatalf("the lease changed the permit: %+v %v", p, err)
	}
	s = newService(t, st, &citytest.Clock{T: now}, Config{})
	obs, _, err = s.Observations(ctx, now)
	must(err)
	got, ok := levelOf(t, obs, warning.RightsOveruse, subject, now)
	if !ok || got != warning.Red {
		t.Fatalf("60,000 m³ used after keeping 50,000: level %s present %v", got, ok)
	}
	if got, _ := levelOf(t, obs, warning.RightsOveruse, "permit-rights:"+ps[1].Number, now); got != warning.None {
		t.Fatalf("the buyer warned: %s", got)
	}
}

// TestTaskReportWarnings: with no report filed, a task's past quarters are
// late (orange) city-wide; a report marking it done resolves the warning.
func TestTaskReportWarnings(t *testing.T) {
	ctx := context.Background()
	st := citytest.SQLite(t)
	tasks, err := st.ListTasks(ctx)
	if err != nil || len(tasks) == 0 {
		t.Fatalf("tasks: %v", err)
	}
	now := time.Date(2026, 7, 20, 4, 0, 0, 0, time.UTC) // Q2 due 10 July: late
	var task *sishui.Task
	for _, x := range tasks {
		if x.StartYear <= 2026 && x.EndYear >= 2026 {
			task = x
			break
		}
	}
	if task == nil {
		t.Fatal("no task running in 2026")
	}
	s := newService(t, st, &citytest.Clock{T: now}, Config{})
	obs, _, err := s.Observations(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	root := "371500"
	subject := "task-report:" + task.Code + "@" + root
	if got, ok := levelOf(t, obs, warning.TaskReport, subject, now); !ok || got != warning.Orange {
		t.Fatalf("%s with no report: level %s present %v", subject, got, ok)
	}
	done := &sishui.TaskReport{Task: task.Code, Year: 2026, Quarter: 2, Region: root, Text: "完成", ProgressPct: 100, Done: true}
	if err := st.AddTaskReport(ctx, done); err != nil {
		t.Fatal(err)
	}
	obs, _, err = s.Observations(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := levelOf(t, obs, warning.TaskReport, subject, now); !ok || got != warning.None {
		t.Fatalf("%s after its done report: level %s present %v", subject, got, ok)
	}
	// Due soon: every quarter reported but the one ending; five days before
	// its report is due (10 October) the lead units are reminded (blue).
	soon := time.Date(2026, 10, 5, 4, 0, 0, 0, time.UTC)
	var other *sishui.Task
	for _, x := range tasks {
		if x != task && x.StartYear <= 2026 && x.EndYear >= 2026 {
			other = x
			break
		}
	}
	for q := (plan.Quarter{Year: other.StartYear, Quarter: 1}); q.Year < 2026 || q.Quarter <= 2; q = nextQuarter(q) {
		if err := st.AddTaskReport(ctx, &sishui.TaskReport{Task: other.Code, Year: q.Year, Quarter: q.Quarter, Region: root, Text: "进展", ProgressPct: 50}); err != nil {
			t.Fatal(err)
		}
	}
	s = newService(t, st, &citytest.Clock{T: soon}, Config{})
	obs, _, err = s.Observations(ctx, soon)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := levelOf(t, obs, warning.TaskReport, "task-report:"+other.Code+"@"+root, soon); !ok || got != warning.Blue {
		t.Fatalf("%s due in 5 days: level %s present %v", other.Code, got, ok)
	}
	var names []string
	for _, o := range obs {
		if o.Kind == warning.TaskReport && strings.HasSuffix(o.Subject, "@"+root) {
			names = append(names, o.Subject)
		}
	}
	if len(names) != len(tasks) {
		t.Fatalf("%d city task observations for %d tasks", len(names), len(tasks))
	}
}

func nextQuarter(q plan.Quarter) plan.Quarter {
	if q.Quarter == 4 {
		return plan.Quarter{Year: q.Year + 1, Quarter: 1}
	}
	return plan.Quarter{Year: q.Year, Quarter: q.Quarter + 1}
}
