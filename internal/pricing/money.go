// Package pricing holds the rules with numbers for water prices, bills, the
// water-resource tax and water-use norms (用水定额): pure functions over
// versioned data the store supplies. It does no I/O and reads no clock.
//
// Units: money in integer fen (Fen); unit rates as integer 1/10000 元 (Rate),
// so 0.008 元/kWh = 80 and 2.5 × 0.05 元 = 0.125 元 = 1250; multipliers and
// shares as integer thousandths (Milli: 2.5× = 2500, 20 % = 200); volumes as
// whole m³ (or kWh for generation-based tax). Only line amounts are rounded,
// once, to the fen, half-up (away from zero for negative quantities, so that a
// reversing line is exactly the negative of the line it reverses).
package pricing

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Fen is an amount of money in fen (分, 0.01 元).
type Fen int64

// String formats the amount in 元 with two decimals, e.g. "-12.05".
func (f Fen) String() string {
	sign := ""
	v := int64(f)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Rate is a unit price in 1/10000 元 (per m³ or per kWh).
type Rate int64

// RateScale is the number of Rate units in one 元.
const RateScale = 10000

// String formats the rate in 元 with up to four decimals.
func (r Rate) String() string {
	sign := ""
	v := int64(r)
	if v < 0 {
		sign, v = "-", -v
	}
	s := fmt.Sprintf("%s%d.%04d", sign, v/RateScale, v%RateScale)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// ParseRate reads a decimal amount of 元 with at most four decimals ("3.25",
// "0.008"). More decimals are an error, not silently rounded.
func ParseRate(s string) (Rate, error) {
	v, err := parseFixed(s, 4)
	return Rate(v), err
}

// Milli is a factor in thousandths: 1000 = 1×, 2500 = 2.5×, 200 = 20 %.
type Milli int64

// One is the factor 1×.
const One Milli = 1000

// ParseMilli reads a decimal factor with at most three decimals ("2.5", "0.2").
func ParseMilli(s string) (Milli, error) {
	v, err := parseFixed(s, 3)
	return Milli(v), err
}

// String formats the factor as a decimal, e.g. "2.5".
func (m Milli) String() string {
	s := fmt.Sprintf("%d.%03d", int64(m)/1000, abs(int64(m))%1000)
	if m < 0 && m > -1000 {
		s = "-" + s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// parseFixed parses a decimal with at most places fractional digits into an
// integer scaled by 10^places.
func parseFixed(s string, places int) (int64, error) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	t := strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(t, ".")
	if whole == "" && frac == "" || strings.ContainsAny(whole+frac, "+-eE ") {
		return 0, fmt.Errorf("%q is not a decimal number", s)
	}
	if len(frac) > places {
		return 0, fmt.Errorf("%q has more than %d decimals", s, places)
	}
	frac += strings.Repeat("0", places-len(frac))
	if whole == "" {
		whole = "0"
	}
	v, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || len(whole) > 18-places {
		return 0, fmt.Errorf("%q is not a decimal number in range", s)
	}
	if neg {
		v = -v
	}
	return v, nil
}

// divRound returns num/den rounded half away from zero; den must be positive.
func divRound(num, den *big.Int) *big.Int {
	q, r := new(big.Int), new(big.Int)
	q.QuoRem(num, den, r) // truncates toward zero
	r2 := new(big.Int).Abs(r)
	r2.Lsh(r2, 1)
	if r2.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// fenPerRateUnit: one Rate unit × 1 m³ is 1/100 fen.
const rateUnitsPerFen = RateScale / 100

// Amount is qty × rate × each factor, rounded once to the fen, half-up (half
// away from zero). Intermediate products are exact (arbitrary precision), so
// no volume or rate overflows before the final amount does; an amount beyond
// int64 fen panics (no real bill comes near it).
func Amount(qty int64, rate Rate, factors ...Milli) Fen {
	// Fast path: no factors, product fits comfortably.
	if len(factors) == 0 && qty > -1<<31 && qty < 1<<31 && rate > -1<<31 && rate < 1<<31 {
		return Fen(roundDiv(qty*int64(rate), rateUnitsPerFen))
	}
	num := new(big.Int).Mul(big.NewInt(qty), big.NewInt(int64(rate)))
	den := big.NewInt(rateUnitsPerFen)
	for _, f := range factors {
		num.Mul(num, big.NewInt(int64(f)))
		den.Mul(den, big.NewInt(int64(One)))
	}
	q := divRound(num, den)
	if !q.IsInt64() {
		panic(fmt.Sprintf("pricing: amount %s fen out of range", q))
	}
	return Fen(q.Int64())
}

// roundDiv returns n/d rounded half away from zero, d > 0.
func roundDiv(n, d int64) int64 {
	q, r := n/d, n%d
	if 2*abs(r) >= d {
		if n < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}

// Scale returns v × num / den rounded half-up (half away from zero), exactly;
// den must be positive. It pro-rates volumes (a tier of 144 m³ for 4 of 12
// months is 48 m³) and nets losses.
func Scale(v, num, den int64) int64 {
	if den <= 0 {
		panic("pricing: Scale with non-positive denominator")
	}
	q := divRound(new(big.Int).Mul(big.NewInt(v), big.NewInt(num)), big.NewInt(den))
	return q.Int64()
}

// LitresToM3 converts litres to whole m³, half-up.
func LitresToM3(l int64) int64 { return roundDiv(l, 1000) }
