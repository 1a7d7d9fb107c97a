package main

import (
	"context"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/livecap"
	"github.com/sishui/sishui/internal/workspace"
)

// startWorkspace adds the scenario workspace and the live carrying-capacity
// routes, and keeps the live history current: the months of this year at
// start, then the current month every hour (liveLoop, run by serve).
func (a *app) startWorkspace(ctx context.Context) error {
	model, err := workspace.LoadModel(embeddedModels(), workspace.LiaochengRegions)
	if err != nil {
		return err
	}
	a.api.Extra = append(a.api.Extra, api.ScenarioRoutes(a.acct, model)...)
	r := &livecap.Refresher{Store: a.store}
	a.api.Extra = append(a.api.Extra, api.LiveCapacityRoutes(r)...)
	a.liveLoop = func(ctx context.Context) {
		sys := sishui.WithActor(ctx, sishui.SystemActor)
		refresh := func(all bool) {
			now := time.Now().In(sishui.BeijingTime)
			to := now.Year()*100 + int(now.Month())
			from := to
			if all {
				from = now.Year()*100 + 1
			}
			if _, err := r.Refresh(sys, from, to); err != nil && ctx.Err() == nil {
				a.log.Warn("live carrying capacity", "err", err)
			}
		}
		first := time.NewTimer(30 * time.Second)
		defer first.Stop()
		select {
		case <-ctx.Done():
			return
		case <-first.C:
		}
		refresh(true)
		tick := time.NewTicker(time.Hour)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				refresh(false)
			}
		}
	}
	return nil
}
