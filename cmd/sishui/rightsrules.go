package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights"
	"github.com/sishui/sishui/internal/rightsreport"
)

// applyRightsRules sets the water-rights market's configurable rules from the
// configuration (today the public notice's working days).
func applyRightsRules(st sishui.Store, cfg *Config) error {
	for {
		w, ok := st.(interface{ Unwrap() sishui.Store })
		if !ok {
			break
		}
		st = w.Unwrap()
	}
	s, ok := st.(interface {
		RightsRules() rights.Config
		SetRightsRules(rights.Config) error
	})
	if !ok {
		return nil
	}
	c := s.RightsRules()
	c.NoticeWorkingDays = cfg.RightsNoticeDays
	if err := s.SetRightsRules(c); err != nil {
		return fmt.Errorf("--rights-notice-days: %w", err)
	}
	return nil
}

// writeRightsReport writes the monthly or annual water-rights report as xlsx.
func writeRightsReport(ctx context.Context, st sishui.Store, kind string, year, month int, path string) error {
	rep, err := rightsreport.Build(ctx, st, kind, year, month, time.Now())
	if err != nil {
		return fmt.Errorf("rights report: %w", err)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := rep.WriteXLSX(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
