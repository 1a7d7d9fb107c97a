package permitting

import (
	"sort"
	"time"
)

// Online-metering compliance classes (一.二).
const (
	MeterNotRequired    = "not_required"
	MeterCompliant      = "compliant"
	MeterMissing        = "missing_terminal" // no online terminal linked to the permit
	MeterSilent         = "terminal_silent"  // terminals exist but none reported recently
	MeterDataIncomplete = "data_incomplete"  // reports arrive but fewer than expected
)

// ComplianceRule configures the classification. The thresholds of which
// permits must be metered online are sishui.MeteringRule; these are the
// data-quality KPIs, which no authoritative source fixes (DOMAIN.md §4.2):
// configuration, unverified.
type ComplianceRule struct {
	SilentAfter     time.Duration `json:"silent_after" yaml:"silent_after"`         // no report for this long: silent
	MinCompleteness float64       `json:"min_completeness" yaml:"min_completeness"` // share of expected reports received over the window
	Verified        bool          `json:"verified" yaml:"verified"`
}

// DefaultComplianceRule: silent after 48 h, 90 % completeness (unverified proposals).
func DefaultComplianceRule() ComplianceRule {
	return ComplianceRule{SilentAfter: 48 * time.Hour, MinCompleteness: 0.9}
}

// Terminal is an online terminal linked to a permit, with what it sent.
type Terminal struct {
	PointID  int64     `json:"point_id"`
	LastSeen time.Time `json:"last_seen"` // zero: never
	Expected int       `json:"expected"`  // reports expected over the window
	Received int       `json:"received"`  // reports received over the window
}

// PermitMetering is one permit to classify.
type PermitMetering struct {
	PermitID  int64      `json:"permit_id"`
	Number    string     `json:"number"`
	County    string     `json:"county"`
	Required  bool       `json:"required"`
	Terminals []Terminal `json:"terminals,omitempty"`
}

// Classify returns the permit's class as of now.
func (r ComplianceRule) Classify(p PermitMetering, now time.Time) string {
	if !p.Required {
		return MeterNotRequired
	}
	if len(p.Terminals) == 0 {
		return MeterMissing
	}
	var expected, received int
	live := false
	for _, t := range p.Terminals {
		if !t.LastSeen.IsZero() && now.Sub(t.LastSeen) <= r.SilentAfter {
			live = true
		}
		expected += t.Expected
		received += t.Received
	}
	if !live {
		return MeterSilent
	}
	if expected > 0 && float64(received) < r.MinCompleteness*float64(expected) {
		return MeterDataIncomplete
	}
	return MeterCompliant
}

// LeagueRow is one county's line of the compliance league table.
type LeagueRow struct {
	County    string         `json:"county"`
	Required  int            `json:"required"`
	Compliant int            `json:"compliant"`
	Classes   map[string]int `json:"classes"`
	RatePct   float64        `json:"rate_pct"` // compliant / required × 100 (100 when none required)
	Rank      int            `json:"rank"`
}

// Classified is a permit with its class.
type Classified struct {
	PermitID int64  `json:"permit_id"`
	Number   string `json:"number"`
	County   string `json:"county"`
	Class    string `json:"class"`
}

// League ranks counties by compliance rate (best first; ties by more
// permits required, then code).
func League(list []Classified) []LeagueRow {
	rows := map[string]*LeagueRow{}
	for _, p := range list {
		c, class := p.County, p.Class
		row := rows[c]
		if row == nil {
			row = &LeagueRow{County: c, Classes: map[string]int{}}
			rows[c] = row
		}
		row.Classes[class]++
		if class == MeterNotRequired {
			continue
		}
		row.Required++
		if class == MeterCompliant {
			row.Compliant++
		}
	}
	out := make([]LeagueRow, 0, len(rows))
	for _, r := range rows {
		r.RatePct = 100
		if r.Required > 0 {
			r.RatePct = float64(r.Compliant) * 100 / float64(r.Required)
		}
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].RatePct != out[j].RatePct {
			return out[i].RatePct > out[j].RatePct
		}
		if out[i].Required != out[j].Required {
			return out[i].Required > out[j].Required
		}
		return out[i].County < out[j].County
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}
