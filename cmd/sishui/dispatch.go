package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/dispatch"
)

const dispatchUsage = `usage: sishui dispatch plan [--start YYYY-MM-DD] [--step day|xun] [--steps N] [--save] [--json]
       sishui dispatch list
       sishui dispatch orders --plan ID [--work CODE]
       sishui dispatch ack --plan ID --work CODE --day YYYY-MM-DD [--note TEXT]
       sishui dispatch actual --plan ID`

// cmdDispatch runs the dispatch model (调度) on the store's works register and live data.
func cmdDispatch(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%s", dispatchUsage)
	}
	fs, cfg, err := e.newFlags("dispatch "+args[0], args[1:])
	if err != nil {
		return err
	}
	today := time.Now().In(time.FixedZone("CST", 8*3600)).Format("2006-01-02")
	start := fs.String("start", today, "first day (Asia/Shanghai calendar)")
	step := fs.String("step", "day", "day or xun (旬)")
	steps := fs.Int("steps", 30, "number of steps")
	save := fs.Bool("save", false, "store the plan and its orders (audited)")
	asJSON := fs.Bool("json", false, "print the plan as JSON")
	planID := fs.Int64("plan", 0, "plan id")
	work := fs.String("work", "", "work code")
	day := fs.String("day", "", "the order's day")
	note := fs.String("note", "", "acknowledgement note")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx = sishui.WithActor(ctx, sishui.SystemActor)
	switch args[0] {
	case "plan":
		d, err := time.Parse("2006-01-02", *start)
		if err != nil {
			return fmt.Errorf("dispatch plan: --start must be YYYY-MM-DD")
		}
		p, orders, err := dispatch.Make(ctx, st, d, *step, *steps, time.Now())
		if err != nil {
			return err
		}
		if *save {
			if err := st.CreateDispatchPlan(ctx, p, orders); err != nil {
				return err
			}
		}
		if *asJSON {
			return json.NewEncoder(e.stdout).Encode(map[string]any{"plan": p, "orders": orders})
		}
		fmt.Fprintf(e.stdout, "dispatch %s, %d × %s: objective %.3f, solved in %.1f ms, %d orders", p.Start, p.Steps, p.Step, p.Objective, p.SolveMS, len(orders))
		if *save {
			fmt.Fprintf(e.stdout, ", saved as plan %d", p.ID)
		}
		fmt.Fprintln(e.stdout)
		return printOrders(e, orders, 40)
	case "list":
		ps, err := st.ListDispatchPlans(ctx, 50)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "id\tstart\tstep\tsteps\torders\tacknowledged\tobjective\tby")
		for _, p := range ps {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%.3f\t%s\n", p.ID, p.Start, p.Step, p.Steps, p.Orders, p.Acknowledged, p.Objective, p.Actor)
		}
		return tw.Flush()
	case "orders":
		os, err := st.ListDispatchOrders(ctx, *planID, *work)
		if err != nil {
			return err
		}
		return printOrders(e, os, 0)
	case "ack":
		o, err := st.AcknowledgeDispatchOrder(ctx, *planID, *work, *day, *note)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "acknowledged %s %s of plan %d\n", o.Work, o.Day, o.Plan)
		return nil
	case "actual":
		ds, err := dispatch.Compare(ctx, st, *planID, time.Now())
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "work\tday\tplanned_m3\tactual_m3\tdeviation_m3\tdemand_m3\tinflow_m3\toperation_m3")
		for _, d := range ds {
			fmt.Fprintf(tw, "%s\t%s\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\n", d.Work, d.Day.Format("2006-01-02"), d.PlannedM3, d.ActualM3, d.DeviationM3, d.DemandM3, d.InflowM3, d.OperationM3)
		}
		return tw.Flush()
	}
	return fmt.Errorf("%s", dispatchUsage)
}

func printOrders(e *env, os []*sishui.DispatchOrder, limit int) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "day\twork\taction\tvolume_m3\tflow_m3s\ttarget_level_m\tack")
	for i, o := range os {
		if limit > 0 && i == limit {
			fmt.Fprintf(tw, "… %d more\n", len(os)-limit)
			break
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.0f\t%.3f\t%.2f\t%s\n", o.Day, o.Work, o.Action, o.VolumeM3, o.FlowM3s, o.TargetLevelM, o.AckBy)
	}
	return tw.Flush()
}
