package main

import (
	"fmt"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/rights"
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
