package sishui

import (
	"context"
	"time"
)

// FrameSignal counts one terminal's suspicious frames in a window (issue 12,
// 数据真实): accepted frames marked replay, impersonation or clock_skew by the
// gateway, and frames quarantined for a wrong password or a source outside the
// allowed networks ("forged").
type FrameSignal struct {
	Protocol      string `json:"protocol"`
	Station       string `json:"station"`
	Replay        int    `json:"replay"`
	Impersonation int    `json:"impersonation"`
	ClockSkew     int    `json:"clock_skew"`
	Forged        int    `json:"forged"`
}

// Total is the number of signals.
func (s FrameSignal) Total() int { return s.Replay + s.Impersonation + s.ClockSkew + s.Forged }

// TerminalStore holds what concerns terminals beyond their samples: the
// security signals read from the frame archive.
type TerminalStore interface {
	// FrameSignals counts the signals per terminal in frames received since.
	FrameSignals(ctx context.Context, since time.Time) ([]FrameSignal, error)
}
