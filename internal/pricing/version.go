package pricing

import (
	"time"
)

// Version is what every rule table carries: where and for whom it applies,
// from when, and whether its numbers were checked against the official text.
type Version struct {
	Region        string    `json:"region"`         // city or county code; the most specific wins
	Class         string    `json:"class"`          // user class (residential, non_residential, special, …; "" for any)
	EffectiveFrom time.Time `json:"effective_from"` // first day it applies (UTC midnight)
	Verified      bool      `json:"verified"`       // checked against the official text
	Demo          bool      `json:"demo,omitempty"` // invented demonstration data
	Source        string    `json:"source"`         // the document the numbers come from
}

// Ver returns the version itself (so that tables embedding it satisfy Versioned).
func (v Version) Ver() Version { return v }

// Versioned is a rule table with a Version.
type Versioned interface{ Ver() Version }

// Select returns the table in force on day at for a region and class: among
// tables whose class matches (or is empty) and whose region is in regions
// (ordered most specific first, e.g. county, city, province), the most
// specific region wins, then an exact class over an empty one, then the
// latest EffectiveFrom not after at. ok is false when none applies.
func Select[T Versioned](tables []T, regions []string, class string, at time.Time) (best T, ok bool) {
	bestRank := -1
	var bestFrom time.Time
	for _, t := range tables {
		v := t.Ver()
		if v.EffectiveFrom.After(at) || (v.Class != "" && v.Class != class) {
			continue
		}
		ri := -1
		for i, r := range regions {
			if r == v.Region {
				ri = i
				break
			}
		}
		if ri < 0 {
			continue
		}
		rank := (len(regions)-ri)*2 + btoi(v.Class == class)
		if rank > bestRank || rank == bestRank && v.EffectiveFrom.After(bestFrom) {
			best, ok, bestRank, bestFrom = t, true, rank, v.EffectiveFrom
		}
	}
	return best, ok
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
