package sishui

import (
	"context"
	"time"
)

// Correction kinds.
const (
	CorrectValue  = "correct" // replace a stored value
	CorrectFill   = "fill"    // add a value where none was received (gap filling)
	CorrectRemove = "remove"  // hide a stored value from corrected series
)

// Correction is a versioned change to a series. Raw samples are never changed:
// corrections overlay them when a series is read corrected. Each correction of
// the same (point, metric, time) gets the next version; every one is audited.
type Correction struct {
	ID      int64     `json:"id"`
	Point   int64     `json:"point"`
	Metric  Metric    `json:"metric"`
	Time    time.Time `json:"time"`
	Value   float64   `json:"value"`
	Kind    string    `json:"kind"`
	Version int       `json:"version"`
	Reason  string    `json:"reason"`
	Actor   string    `json:"actor"`
	Created time.Time `json:"created"`
}

// Approval levels of a period of a series (数据审核).
const (
	LevelRaw         = "raw"
	LevelProvisional = "provisional"
	LevelApproved    = "approved" // locks the period: no more corrections
)

// Approval marks a period [From, To) of a series with a level.
type Approval struct {
	ID      int64     `json:"id"`
	Point   int64     `json:"point"`
	Metric  Metric    `json:"metric"`
	From    time.Time `json:"from"`
	To      time.Time `json:"to"`
	Level   string    `json:"level"`
	Note    string    `json:"note,omitempty"`
	Actor   string    `json:"actor"`
	Created time.Time `json:"created"`
}

// CorrectionStore holds corrections and approvals.
type CorrectionStore interface {
	// AddCorrections stores corrections of one or more series in one
	// transaction, setting ID, Version, Actor and Created. EINVALID for a bad
	// field or an unknown point, ECONFLICT when a time lies in an approved
	// period, EFORBIDDEN outside the actor's scope or for read-only roles.
	AddCorrections(ctx context.Context, cs []Correction, reason string) error
	// ListCorrections lists every version of the corrections of a series in [from, to).
	ListCorrections(ctx context.Context, point int64, metric Metric, from, to time.Time) ([]Correction, error)
	// Approve records an approval level for a period. Raising a period to
	// approved locks it; lowering an approved period needs an administrator.
	Approve(ctx context.Context, a *Approval) error
	// ListApprovals lists a point's approvals, newest first.
	ListApprovals(ctx context.Context, point int64) ([]Approval, error)
}
