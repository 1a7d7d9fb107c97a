package quality

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"strings"
)

// Flag is a set of data-quality reasons attached to one value. The zero Flag
// means no check found anything. Bit positions are stored with the data, so
// they never change; new reasons take new bits.
type Flag uint32

// Reason codes. Each says why a value is doubtful, unreliable or not raw.
const (
	FlagHardRange         Flag = 1 << iota // outside the physically possible range (unreliable)
	FlagSoftRange                          // outside the plausible range (doubtful)
	FlagRateOfChange                       // changed faster than the maximum rate per hour
	FlagFlatLine                           // the same value (within a tolerance) for too many reports
	FlagSpike                              // a single value far from its neighbours
	FlagFutureTimestamp                    // observation time later than now plus the tolerance
	FlagTooOld                             // observation time older than the maximum age
	FlagDuplicateConflict                  // same series and time already stored with a different value
	FlagNegativeIncrement                  // an interval quantity (volume, rain) below zero
	FlagMeterRollback                      // a cumulative register went backwards (not a rollover)
	FlagGapFilled                          // the value was made up to fill a gap
	FlagEstimated                          // the value is an estimate, not a measurement
	FlagCorrected                          // the value was corrected by a person or a rule
	FlagMissing                            // no usable value (NaN, Inf or unknown)
	FlagReplay                             // the terminal's frame repeats a serial number / time tag with other contents, or its send time went backwards
	FlagImpersonation                      // the terminal reported from a new peer while its session from another was alive
	FlagClockSkew                          // the terminal's send time is far from the frame's arrival

	flagEnd // first unused bit
)

// AllFlags is the set of every defined reason.
const AllFlags = flagEnd - 1

// FilledFlags labels a value made by FillGaps.
const FilledFlags = FlagGapFilled | FlagEstimated

// unreliableFlags mark values that must not be used without review.
const unreliableFlags = FlagHardRange | FlagFutureTimestamp | FlagDuplicateConflict | FlagNegativeIncrement | FlagMeterRollback |
	FlagReplay | FlagImpersonation

// doubtfulFlags mark values that are usable with care.
const doubtfulFlags = FlagSoftRange | FlagRateOfChange | FlagFlatLine | FlagSpike | FlagTooOld | FlagClockSkew

// flagNames holds the stable name of each bit, in bit order.
var flagNames = [...]string{
	"hard_range",
	"soft_range",
	"rate_of_change",
	"flat_line",
	"spike",
	"future_timestamp",
	"too_old",
	"duplicate_conflict",
	"negative_increment",
	"meter_rollback",
	"gap_filled",
	"estimated",
	"corrected",
	"missing",
	"replay",
	"impersonation",
	"clock_skew",
}

// ErrUnknownFlag is returned when a flag name is not one of the defined names.
var ErrUnknownFlag = errors.New("quality: unknown flag name")

// Has reports whether every reason in x is set in f.
func (f Flag) Has(x Flag) bool { return f&x == x }

// Any reports whether any reason in x is set in f.
func (f Flag) Any(x Flag) bool { return f&x != 0 }

// Names returns the names of the set reasons in bit order. Bits that have no
// name are returned as "bit_N".
func (f Flag) Names() []string {
	out := make([]string, 0, bits.OnesCount32(uint32(f)))
	for b := uint32(f); b != 0; b &= b - 1 {
		i := bits.TrailingZeros32(b)
		if i < len(flagNames) {
			out = append(out, flagNames[i])
		} else {
			out = append(out, fmt.Sprintf("bit_%d", i))
		}
	}
	return out
}

// String returns the reason names joined by "|", or "ok" for no reason.
func (f Flag) String() string {
	if f == 0 {
		return "ok"
	}
	return strings.Join(f.Names(), "|")
}

// ParseFlagName returns the single reason with the given name.
func ParseFlagName(name string) (Flag, error) {
	for i, n := range flagNames {
		if n == name {
			return 1 << i, nil
		}
	}
	if strings.HasPrefix(name, "bit_") {
		var i int
		if _, err := fmt.Sscanf(name, "bit_%d", &i); err == nil && i >= 0 && i < 32 && fmt.Sprintf("bit_%d", i) == name {
			return 1 << i, nil
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrUnknownFlag, name)
}

// ParseFlag parses the output of String: names separated by "|" or ",";
// "ok" or an empty string is the zero Flag.
func ParseFlag(s string) (Flag, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "ok" {
		return 0, nil
	}
	var f Flag
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ',' }) {
		x, err := ParseFlagName(strings.TrimSpace(part))
		if err != nil {
			return 0, err
		}
		f |= x
	}
	return f, nil
}

// MarshalJSON encodes the flag as an array of names; the zero Flag is [].
func (f Flag) MarshalJSON() ([]byte, error) {
	return json.Marshal(f.Names())
}

// UnmarshalJSON decodes an array of names (null is the zero Flag).
func (f *Flag) UnmarshalJSON(data []byte) error {
	var names []string
	if err := json.Unmarshal(data, &names); err != nil {
		return fmt.Errorf("quality: flag: %w", err)
	}
	var out Flag
	for _, n := range names {
		x, err := ParseFlagName(n)
		if err != nil {
			return err
		}
		out |= x
	}
	*f = out
	return nil
}

// Grade is the overall usability of a value, as Delft-FEWS grades values.
type Grade uint8

// Grades, from best to worst.
const (
	Good       Grade = iota // no reason against it (estimates and corrections are provenance, not doubt)
	Doubtful                // usable with care: soft range, rate, flat line, spike, too old
	Unreliable              // not to be used without review: hard range, future time, conflicts, rollbacks
	Missing                 // no usable value
)

var gradeNames = [...]string{"good", "doubtful", "unreliable", "missing"}

func (g Grade) String() string {
	if int(g) < len(gradeNames) {
		return gradeNames[g]
	}
	return fmt.Sprintf("grade_%d", g)
}

// Grade returns the worst grade any of the set reasons implies.
func (f Flag) Grade() Grade {
	switch {
	case f.Any(FlagMissing):
		return Missing
	case f.Any(unreliableFlags):
		return Unreliable
	case f.Any(doubtfulFlags):
		return Doubtful
	}
	return Good
}
