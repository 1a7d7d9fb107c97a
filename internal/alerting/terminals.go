package alerting

import (
	"context"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/warning"
)

// terminalSecurity yields one terminal_security observation per terminal
// point (SL 651, SZY 206): its suspicious frames over the rule's window, from
// the frame archive (0 for a quiet terminal, so that its alert resolves).
func (s *Service) terminalSecurity(ctx context.Context, in *inputs) ([]observed, error) {
	window := s.ruleWindow(warning.TerminalSecurity, 24*time.Hour)
	sigs, err := s.store.FrameSignals(ctx, in.now.Add(-window))
	if err != nil {
		return nil, err
	}
	type key struct{ protocol, code string }
	by := make(map[key]sishui.FrameSignal, len(sigs))
	for _, x := range sigs {
		by[key{x.Protocol, x.Station}] = x
	}
	var out []observed
	for _, p := range in.live() {
		if p.Protocol != sishui.ProtocolSL651 && p.Protocol != sishui.ProtocolSZY206 {
			continue
		}
		x := by[key{p.Protocol, p.Code}]
		out = append(out, observed{warning.Observation{Kind: warning.TerminalSecurity, Subject: warning.PointSubject(p.Code), Value: float64(x.Total()), Limit: 1,
			Extra: map[string]float64{"replay": float64(x.Replay), "impersonation": float64(x.Impersonation),
				"clock_skew": float64(x.ClockSkew), "forged": float64(x.Forged)}}, in.ownerOf(p)})
	}
	return out, nil
}
