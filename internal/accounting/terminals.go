package accounting

import (
	"context"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/warning"
)

// terminalSecurity adds one terminal_security observation per terminal
// point (SL 651, SZY 206): its suspicious frames over the rule's window, from
// the frame archive (0 for a quiet terminal, so that its alert resolves).
func (s *Service) terminalSecurity(ctx context.Context, now time.Time, points []*sishui.Point, ownerOf func(*sishui.Point) owner,
	add func(warning.Observation, owner)) error {
	window := s.ruleWindow(warning.TerminalSecurity, 24*time.Hour)
	sigs, err := s.store.FrameSignals(ctx, now.Add(-window))
	if err != nil {
		return err
	}
	type key struct{ protocol, code string }
	by := make(map[key]sishui.FrameSignal, len(sigs))
	for _, x := range sigs {
		by[key{x.Protocol, x.Station}] = x
	}
	for _, p := range points {
		if p.Retired || (p.Protocol != sishui.ProtocolSL651 && p.Protocol != sishui.ProtocolSZY206) {
			continue
		}
		x := by[key{p.Protocol, p.Code}]
		add(warning.Observation{Kind: warning.TerminalSecurity, Subject: pointSubject(p), Value: float64(x.Total()), Limit: 1,
			Extra: map[string]float64{"replay": float64(x.Replay), "impersonation": float64(x.Impersonation),
				"clock_skew": float64(x.ClockSkew), "forged": float64(x.Forged)}}, ownerOf(p))
	}
	return nil
}
