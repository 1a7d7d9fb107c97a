package main

import (
	"context"
	"fmt"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/accounting"
)

// cmdAccount re-accounts (sweeps) every use point over a period: the daily
// and monthly rollups are rebuilt from the samples, point by point, each
// point in one transaction. Interrupted (even by kill -9), a rerun rebuilds
// the same rows: each point's rows are replaced whole.
func cmdAccount(ctx context.Context, e *env, args []string) error {
	fs, cfg, err := e.newFlags("account", args)
	if err != nil {
		return err
	}
	now := time.Now()
	from := fs.String("from", fmt.Sprintf("%d-01-01", now.In(sishui.BeijingTime).Year()), "first day (Beijing, YYYY-MM-DD)")
	to := fs.String("to", "", "day after the last (Beijing, YYYY-MM-DD; default: now)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	lo, err := time.ParseInLocation(time.DateOnly, *from, sishui.BeijingTime)
	if err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	hi := now
	if *to != "" {
		if hi, err = time.ParseInLocation(time.DateOnly, *to, sishui.BeijingTime); err != nil {
			return fmt.Errorf("--to: %w", err)
		}
	}
	if !hi.After(lo) {
		return fmt.Errorf("--to must be after --from")
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	svc, err := accounting.New(st, accounting.Config{Logger: e.logger(cfg)})
	if err != nil {
		return err
	}
	start := time.Now()
	if err := svc.Sweep(ctx, lo, hi); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "accounted %s … %s in %s\n", lo.Format(time.DateOnly), hi.In(sishui.BeijingTime).Format(time.DateOnly), time.Since(start).Round(time.Millisecond))
	return nil
}
