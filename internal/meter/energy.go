package meter

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/sishui/sishui/internal/quality"
)

// Coefficient is a well's 以电折水 coefficient: m³ pumped per kWh, valid from
// From (inclusive) to To (exclusive; zero means open-ended), as calibrated by a
// pump test.
type Coefficient struct {
	From, To time.Time
	M3PerKWh float64
	Source   string // calibration record, e.g. the pump-test report number
}

// EnergyInterval is the electricity a well's pump used over an interval, as
// read from the power company or derived from an electricity meter (Derive
// with the meter's multiplier gives kWh).
type EnergyInterval struct {
	Start, End time.Time
	KWh        float64
	Flags      quality.Flag // carried over to the volume
}

// Errors of Convert.
var (
	ErrNoCoefficient      = errors.New("no 以电折水 coefficient valid")
	ErrInvalidCoefficient = errors.New("invalid 以电折水 coefficient")
	ErrInvalidEnergy      = errors.New("invalid energy interval")
)

// ValidateCoefficients checks one well's coefficients: each positive and
// finite with From before To (or To zero), and no two valid at the same time.
func ValidateCoefficients(coeffs []Coefficient) error {
	cs := sortedCoefficients(coeffs)
	for i, c := range cs {
		if !(c.M3PerKWh > 0) || math.IsInf(c.M3PerKWh, 1) {
			return fmt.Errorf("meter: coefficient from %s: %g m³/kWh: %w", day(c.From), c.M3PerKWh, ErrInvalidCoefficient)
		}
		if !c.To.IsZero() && !c.From.Before(c.To) {
			return fmt.Errorf("meter: coefficient from %s to %s: empty validity: %w", day(c.From), day(c.To), ErrInvalidCoefficient)
		}
		if i > 0 {
			p := cs[i-1]
			if p.To.IsZero() || p.To.After(c.From) {
				return fmt.Errorf("meter: coefficients from %s and %s overlap: %w", day(p.From), day(c.From), ErrInvalidCoefficient)
			}
		}
	}
	return nil
}

func sortedCoefficients(coeffs []Coefficient) []Coefficient {
	cs := slices.Clone(coeffs)
	slices.SortStableFunc(cs, func(a, b Coefficient) int { return a.From.Compare(b.From) })
	return cs
}

func day(t time.Time) string { return t.Format(time.RFC3339) }

// Convert turns one well's pumping electricity into volumes (以电折水):
// volume = kWh × the coefficient valid over the interval. Every result has
// Method Electricity and is flagged estimated, plus the energy's own flags.
//
// An interval that spans a change of coefficient is split at the change, with
// its kWh shared out in proportion to time (pumping is taken as even over the
// interval); a zero-length interval uses the coefficient valid at its Start.
// It is an error (ErrNoCoefficient) when any part of an interval has no valid
// coefficient, and ErrInvalidCoefficient / ErrInvalidEnergy for bad inputs;
// the error names the interval. Results are in the order of energy.
func Convert(energy []EnergyInterval, coeffs []Coefficient) ([]Interval, error) {
	if err := ValidateCoefficients(coeffs); err != nil {
		return nil, err
	}
	cs := sortedCoefficients(coeffs)
	out := make([]Interval, 0, len(energy))
	for _, e := range energy {
		if math.IsNaN(e.KWh) || math.IsInf(e.KWh, 0) || e.KWh < 0 || e.End.Before(e.Start) {
			return nil, fmt.Errorf("meter: convert %s–%s: %g kWh: %w", day(e.Start), day(e.End), e.KWh, ErrInvalidEnergy)
		}
		flags := e.Flags | quality.FlagEstimated
		// The first coefficient that is still valid at Start.
		i, _ := slices.BinarySearchFunc(cs, e.Start, func(c Coefficient, t time.Time) int {
			if !c.To.IsZero() && !c.To.After(t) {
				return -1
			}
			return 1
		})
		if e.Start.Equal(e.End) {
			if i == len(cs) || cs[i].From.After(e.Start) {
				return nil, fmt.Errorf("meter: convert %s: %w", day(e.Start), ErrNoCoefficient)
			}
			out = append(out, Interval{Start: e.Start, End: e.End, VolumeM3: e.KWh * cs[i].M3PerKWh, Method: Electricity, Flags: flags})
			continue
		}
		total, left := float64(e.End.Sub(e.Start)), e.KWh
		for t := e.Start; t.Before(e.End); i++ {
			if i == len(cs) || cs[i].From.After(t) {
				return nil, fmt.Errorf("meter: convert %s–%s: none from %s: %w", day(e.Start), day(e.End), day(t), ErrNoCoefficient)
			}
			end := e.End
			if !cs[i].To.IsZero() && cs[i].To.Before(end) {
				end = cs[i].To
			}
			kwh := left // the last piece takes the rest, so the pieces add up to KWh
			if end.Before(e.End) {
				kwh = e.KWh * float64(end.Sub(t)) / total
			}
			left -= kwh
			out = append(out, Interval{Start: t, End: end, VolumeM3: kwh * cs[i].M3PerKWh, Method: Electricity, Flags: flags})
			t = end
		}
	}
	return out, nil
}
