package warning

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Observation is one plain input value the caller fills from the store. Which
// fields matter depends on Kind:
//
//   - region_total_use, groundwater_zone_cap: Value = use or extraction year to
//     date (m3), Projected = projected to the year end (m3, 0 = not given),
//     Limit = the annual cap (m3);
//   - permit_use: Value = use year to date, Limit = annual permitted volume,
//     Projected = projected year-end use, MonthValue = this month's use,
//     MonthLimit = this month's planned volume (0 = no plan) — all m3;
//   - eco_base_flow: Value = flow (m3/s, e.g. the daily mean), Limit = the
//     ecological base-flow target (m3/s);
//   - groundwater_level: Value = level and Limit = red-line level (m, with
//     direction below), or depth and depth limit (m, with direction above);
//   - terminal_offline: LastSeen = time of the last report, Interval = expected
//     reporting interval; Online, when set, is the point's explicit state from
//     an online/offline event;
//   - data_quality: Flags = the quality flags of the latest data;
//   - geothermal_reinjection: Value = reinjected volume and Limit = extracted
//     volume over the rule's window (m3).
type Observation struct {
	Kind    Kind      `yaml:"kind" json:"kind"`
	Subject string    `yaml:"subject" json:"subject"` // e.g. "region:371502", "permit:…", "point:…", "section:…", "well:…"
	Time    time.Time `yaml:"time" json:"time"`       // when the value was observed (or the as-of time)

	Value      float64 `yaml:"value,omitempty" json:"value,omitempty"`
	Limit      float64 `yaml:"limit,omitempty" json:"limit,omitempty"`
	Projected  float64 `yaml:"projected,omitempty" json:"projected,omitempty"`
	MonthValue float64 `yaml:"month_value,omitempty" json:"month_value,omitempty"`
	MonthLimit float64 `yaml:"month_limit,omitempty" json:"month_limit,omitempty"`

	LastSeen time.Time     `yaml:"last_seen,omitempty" json:"last_seen,omitzero"`
	Interval time.Duration `yaml:"interval,omitempty" json:"interval,omitempty"`
	Online   *bool         `yaml:"online,omitempty" json:"online,omitempty"`

	Flags []string `yaml:"flags,omitempty" json:"flags,omitempty"`

	// Extra values are passed to the finding's Values as they are (e.g. a
	// well's depth_m beside its normalised value); they never decide a level.
	Extra map[string]float64 `yaml:"extra,omitempty" json:"extra,omitempty"`
}

// Finding is the result of one rule on one observation.
type Finding struct {
	Rule    string
	Kind    Kind
	Subject string
	Level   Level // None when the condition is false
	Message string
	Values  map[string]float64
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// Evaluate applies rule r to observation o at time now. It is pure; the Engine
// calls it for every matching rule and observation.
func Evaluate(r *Rule, o Observation, now time.Time) (Finding, error) {
	f, err := r.assess(o, now)
	if err != nil {
		return f, err
	}
	if f.Message, err = r.message(f); err != nil {
		return f, err
	}
	return f, nil
}

// assess is Evaluate without the message.
func (r *Rule) assess(o Observation, now time.Time) (Finding, error) {
	f := Finding{Rule: r.Name, Kind: r.Kind, Subject: o.Subject, Values: map[string]float64{}}
	if o.Kind != r.Kind {
		return f, fmt.Errorf("warning: rule %s (%s) on %s observation: %w", r.Name, r.Kind, o.Kind, ErrInvalidInput)
	}
	if !finite(o.Value, o.Limit, o.Projected, o.MonthValue, o.MonthLimit) {
		return f, fmt.Errorf("warning: %s %s: non-finite value: %w", r.Name, o.Subject, ErrInvalidInput)
	}
	switch r.Kind {
	case DataQuality:
		for _, fl := range o.Flags {
			if l := r.Flags[fl]; l > f.Level {
				f.Level = l
			}
		}
		f.Values["flags"] = float64(len(o.Flags))
	case TerminalOffline:
		if o.Interval <= 0 {
			return f, fmt.Errorf("warning: %s %s: reporting interval %v: %w", r.Name, o.Subject, o.Interval, ErrInvalidInput)
		}
		missed := float64(now.Sub(o.LastSeen)) / float64(o.Interval)
		if o.LastSeen.IsZero() || missed < 0 {
			missed = 0
		}
		f.Values["missed_intervals"] = missed
		f.Values["interval_s"] = o.Interval.Seconds()
		if o.Online != nil && *o.Online {
			break // an explicit online event clears the condition
		}
		f.Level = r.levelFor(func(t Threshold) (float64, float64, bool) { return missed, t.ratio() + t.Offset, true })
		if o.Online != nil && !*o.Online && f.Level == None {
			f.Level = r.lowestLevel() // an explicit offline event warns at once at the lowest level
		}
	default:
		f.Values["value"], f.Values["limit"] = o.Value, o.Limit
		if o.Limit != 0 {
			f.Values["ratio"] = o.Value / o.Limit
		}
		if o.Projected != 0 {
			f.Values["projected"] = o.Projected
		}
		if o.MonthLimit != 0 {
			f.Values["month_value"], f.Values["month_limit"] = o.MonthValue, o.MonthLimit
		}
		for k, v := range o.Extra {
			if _, taken := f.Values[k]; !taken && finite(v) {
				f.Values[k] = v
			}
		}
		f.Level = r.levelFor(func(t Threshold) (float64, float64, bool) {
			switch t.Field {
			case FieldProjected:
				return o.Projected, o.Limit*t.ratio() + t.Offset, o.Projected != 0 && o.Limit > 0
			case FieldMonth:
				return o.MonthValue, o.MonthLimit*t.ratio() + t.Offset, o.MonthLimit > 0
			}
			ok := o.Limit > 0 || t.Ratio == nil || r.Kind == GroundwaterLevel
			return o.Value, o.Limit*t.ratio() + t.Offset, ok
		})
	}
	return f, nil
}

// levelFor returns the highest level whose threshold is crossed; q gives the
// quantity, the bound and whether the threshold applies to this observation.
func (r *Rule) levelFor(q func(Threshold) (x, bound float64, ok bool)) Level {
	dir := r.direction()
	lvl := None
	for _, t := range r.Levels {
		x, bound, ok := q(t)
		if !ok || t.Level <= lvl {
			continue
		}
		if (dir == Above && x >= bound) || (dir == Below && x < bound) {
			lvl = t.Level
		}
	}
	return lvl
}

func (r *Rule) lowestLevel() Level {
	lvl := Red
	for _, t := range r.Levels {
		lvl = min(lvl, t.Level)
	}
	return lvl
}

func (r *Rule) message(f Finding) (string, error) {
	if r.tmpl != nil {
		var b strings.Builder
		if err := r.tmpl.Execute(&b, f); err != nil {
			return "", fmt.Errorf("warning: rule %s message: %v: %w", r.Name, err, ErrInvalidRule)
		}
		return b.String(), nil
	}
	v := f.Values
	var s string
	switch r.Kind {
	case RegionTotalUse, GroundwaterZoneCap:
		s = fmt.Sprintf("%s: use %.0f m3 = %.1f%% of cap %.0f m3", f.Subject, v["value"], 100*v["ratio"], v["limit"])
		if p, ok := v["projected"]; ok && v["limit"] != 0 {
			s += fmt.Sprintf(", projected %.0f m3 = %.1f%%", p, 100*p/v["limit"])
		}
	case PermitUse:
		s = fmt.Sprintf("%s: use %.0f m3 = %.1f%% of permitted %.0f m3", f.Subject, v["value"], 100*v["ratio"], v["limit"])
		if ml, ok := v["month_limit"]; ok {
			s += fmt.Sprintf("; month %.0f of plan %.0f m3 (%.1f%%)", v["month_value"], ml, 100*v["month_value"]/ml)
		}
	case EcoBaseFlow:
		s = fmt.Sprintf("%s: flow %.3f m3/s = %.0f%% of base-flow target %.3f m3/s", f.Subject, v["value"], 100*v["ratio"], v["limit"])
	case GroundwaterLevel:
		s = fmt.Sprintf("%s: %.2f m against limit %.2f m", f.Subject, v["value"], v["limit"])
	case GeothermalReinjection:
		s = fmt.Sprintf("%s: reinjected %.0f m3 = %.1f%% of extracted %.0f m3", f.Subject, v["value"], 100*v["ratio"], v["limit"])
	case TerminalOffline:
		s = fmt.Sprintf("%s: %.1f reporting intervals missed", f.Subject, v["missed_intervals"])
	case DataQuality:
		s = fmt.Sprintf("%s: %d quality flags", f.Subject, int(v["flags"]))
	}
	if f.Level > None {
		s = f.Level.String() + " " + s
	}
	return s, nil
}

// sortedKeys returns map keys in order (for deterministic output).
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
