package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/sishui/sishui"
	liaocheng "github.com/sishui/sishui/data/liaocheng"
	"github.com/sishui/sishui/internal/api"
	"github.com/sishui/sishui/internal/capacity"
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
	rules, err := loadCapacityRules(a.cfg.CapacityRules)
	if err != nil {
		return err
	}
	r := &livecap.Refresher{Store: a.store, Cfg: livecap.Config{Rules: rules}}
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

// loadCapacityRules reads the live carrying-capacity rules from path, or the
// shipped Liaocheng rules when path is empty.
func loadCapacityRules(path string) (*capacity.Rules, error) {
	var r io.Reader
	if path == "" {
		f, err := liaocheng.FS.Open("capacity_rules.yaml")
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("capacity_rules: %w", err)
		}
		defer f.Close()
		r = f
	}
	rules, err := capacity.LoadRules(r)
	if err != nil {
		return nil, fmt.Errorf("capacity_rules %s: %w", path, err)
	}
	return rules, nil
}
