package sishui

import (
	"context"
	"strings"
	"time"
)

// Generation kinds: the uses the water-resource tax takes by electricity
// generated rather than by water (DOMAIN.md §3.1–3.2).
const (
	GenerationHydropower = "hydropower" // 水力发电
	GenerationCooling    = "cooling"    // 火力发电贯流式冷却
)

// GenerationReport is one version of a permit's electricity generation in a
// month (发电量), in whole kWh, as the plant or the grid company reports it.
// Reports are never edited: a correction is a new version, and the latest
// version is what the tax uses; every version stays listed.
type GenerationReport struct {
	ID       int64     `json:"id"`
	PermitID int64     `json:"permit_id"`
	UserID   int64     `json:"user_id"`
	Region   string    `json:"region"`
	Month    int       `json:"month"` // yyyymm
	Kind     string    `json:"kind"`  // hydropower | cooling
	KWh      int64     `json:"kwh"`
	Version  int       `json:"version"` // 1, 2, … per permit, month and kind
	Source   string    `json:"source"`  // where the figure comes from (meter, grid settlement, …)
	Note     string    `json:"note,omitempty"`
	Actor    string    `json:"actor,omitempty"`
	Created  time.Time `json:"created"`
}

// Validate checks the report's own fields.
func (g *GenerationReport) Validate() error {
	switch {
	case g.PermitID <= 0:
		return Invalid("permit_id", "is required")
	case g.Month/100 < 1990 || g.Month/100 > 2100 || g.Month%100 < 1 || g.Month%100 > 12:
		return Invalid("month", "must be yyyymm")
	case g.Kind != GenerationHydropower && g.Kind != GenerationCooling:
		return Invalid("kind", "must be hydropower or cooling")
	case g.KWh < 0 || g.KWh > 1e13:
		return Invalid("kwh", "must be between 0 and 10¹³")
	case strings.TrimSpace(g.Source) == "":
		return Invalid("source", "name where the figure comes from (meter, grid settlement, …)")
	}
	if err := CheckName("source", g.Source); err != nil {
		return err
	}
	return CheckNote("note", g.Note)
}

// GenerationFilter selects reports: months in [FromMonth, ToMonth] (0: open),
// the latest version of each unless History.
type GenerationFilter struct {
	PermitID           int64
	FromMonth, ToMonth int
	History            bool
}

// GenerationStore holds the generation feed the tax's generation-based lines
// use. Writes need staff (city, or county staff for their region's permits)
// or the system; enterprises read their own permits' reports.
type GenerationStore interface {
	// AddGeneration stores reports in one transaction, each as the next
	// version of its permit, month and kind (setting ID, Version, UserID,
	// Region); audited.
	AddGeneration(ctx context.Context, rs []*GenerationReport) error
	ListGeneration(ctx context.Context, f GenerationFilter) ([]*GenerationReport, error)
}
