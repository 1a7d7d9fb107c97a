package demo

import (
	"context"
	"fmt"
	"maps"
	"math"
	"math/rand"
	"slices"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/dispatch"
)

// PastDispatchDays is how many days before now the demo's dispatch plan
// starts, so that plan vs actual has days to show from the first minute.
const PastDispatchDays = 10

// PastDispatchSteps is the plan's horizon in days.
const PastDispatchSteps = 30

// IntakeDeviation is the largest daily deviation of a metered intake from its
// order (a fraction): gate setting, the river's stage and the farms' take
// move the real volume around the ordered one. INVENTED FOR THE DEMO.
const IntakeDeviation = 0.08

// pastDispatch follows the Yellow River (and any other) intakes' meters
// through the days of a dispatch plan made PastDispatchDays ago: History
// writes their readings up to the plan's start, then write makes the plan
// and continues the readings at the ordered volumes ± IntakeDeviation.
type pastDispatch struct {
	start  time.Time               // the plan's first day (a UTC date label, Beijing day)
	cut    time.Time               // 00:00 Beijing of that day: the meters' readings stop here
	work   map[int64]string        // intake meter point → its work
	shares map[string]int          // work → number of its meter points
	last   map[int64]sishui.Sample // point → its last reading before cut
	points map[int64]*sishui.Point
}

func newPastDispatch(ctx context.Context, st sishui.Store, bj time.Time) (*pastDispatch, error) {
	day := time.Date(bj.Year(), bj.Month(), bj.Day(), 0, 0, 0, 0, sishui.BeijingTime).AddDate(0, 0, -PastDispatchDays)
	if jan1 := time.Date(bj.Year(), 1, 1, 0, 0, 0, 0, sishui.BeijingTime); day.Before(jan1) {
		day = jan1
	}
	pd := &pastDispatch{start: time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC), cut: day,
		work: map[int64]string{}, shares: map[string]int{}, last: map[int64]sishui.Sample{}, points: map[int64]*sishui.Point{}}
	n, err := dispatch.LoadNetwork(ctx, st)
	if err != nil {
		return nil, err
	}
	for _, w := range n.Works {
		if w.Kind != sishui.WorkIntake || w.Status != sishui.WorkInService {
			continue
		}
		for _, pid := range n.Points(w.Code) {
			pd.work[pid] = w.Code
			pd.shares[w.Code]++
		}
	}
	return pd, nil
}

// before cuts an intake meter's reading times at the plan's start (an
// offline terminal, silent from end, is left as it is).
func (pd *pastDispatch) before(p *sishui.Point, times []time.Time, end time.Time) []time.Time {
	if pd.work[p.ID] == "" || end.Before(pd.cut) {
		return times
	}
	i := 0
	for i < len(times) && !times[i].After(pd.cut) {
		i++
	}
	pd.points[p.ID] = p
	return times[:i]
}

// keep notes the last reading History wrote for an intake meter it cut.
func (pd *pastDispatch) keep(p *sishui.Point, series []sishui.Sample) {
	if pd.points[p.ID] != nil && len(series) > 0 {
		pd.last[p.ID] = series[len(series)-1]
	}
}

// write makes the plan as it was made at its start, stores it, and writes the
// intake meters' readings from the start to now at the ordered volumes, each
// day off by up to ±IntakeDeviation. It returns the plan's id.
func (pd *pastDispatch) write(ctx context.Context, st sishui.Store, now time.Time, seed int64) (int64, int, error) {
	sys := sishui.WithActor(ctx, sishui.SystemActor)
	plan, orders, err := dispatch.Make(ctx, st, pd.start, dispatch.StepDay, PastDispatchSteps, pd.cut)
	if err != nil {
		return 0, 0, fmt.Errorf("demo dispatch plan: %w", err)
	}
	plan.Note = fmt.Sprintf("invented for the demo: made on %s; its intakes' meter readings follow it ± %.0f%%", pd.start.Format("2006-01-02"), IntakeDeviation*100)
	if err := st.CreateDispatchPlan(sys, plan, orders); err != nil {
		return 0, 0, fmt.Errorf("demo dispatch plan: %w", err)
	}
	ordered := map[string]map[string]float64{} // work → day → m³
	for _, o := range orders {
		if ordered[o.Work] == nil {
			ordered[o.Work] = map[string]float64{}
		}
		ordered[o.Work][o.Day] = o.VolumeM3
	}
	rng := rand.New(rand.NewSource(seed + 19))
	dev := map[string]float64{} // work and day → deviation
	var batch []sishui.Sample
	for _, pid := range slices.Sorted(maps.Keys(pd.points)) {
		p, w := pd.points[pid], pd.work[pid]
		prev, ok := pd.last[pid]
		if !ok {
			continue
		}
		interval := time.Duration(p.IntervalSeconds) * time.Second
		perDay := float64(24*time.Hour) / float64(interval)
		vol := []sishui.Sample{prev}
		v := prev.Value
		for t := prev.Time.Add(interval); !t.After(now); t = t.Add(interval) {
			day := t.Add(-interval).In(sishui.BeijingTime).Format("2006-01-02")
			key := w + " " + day
			if _, ok := dev[key]; !ok {
				dev[key] = IntakeDeviation * (2*rng.Float64() - 1)
			}
			v += ordered[w][day] * (1 + dev[key]) / float64(pd.shares[w]) / perDay
			vol = append(vol, sishui.Sample{Point: pid, Metric: sishui.MetricVolumeM3, Time: t, Value: math.Round(v)})
		}
		batch = append(batch, vol[1:]...)
		batch = append(batch, flows(p, vol, now.Add(-HourlyDays*24*time.Hour))...)
	}
	r, err := st.AppendSamples(ctx, batch)
	return plan.ID, r.Inserted, err
}
