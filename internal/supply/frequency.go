package supply

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Errors of the frequency analysis.
var (
	ErrTooFewValues = errors.New("too few values")
	ErrBadFrequency = errors.New("exceedance frequency must be in (0, 100)")
	ErrNoSpread     = errors.New("series has no spread")
)

// PlottingPoint is one year of a series ranked by the empirical (Weibull)
// plotting position P = m / (n + 1), m = 1 for the largest value.
type PlottingPoint struct {
	Year          int     `json:"year"`
	Value         float64 `json:"value"`
	Rank          int     `json:"rank"`
	ExceedancePct float64 `json:"exceedance_pct"`
}

// Empirical ranks a series from largest to smallest with Weibull plotting
// positions. Equal values keep year order.
func Empirical(years []int, values []float64) ([]PlottingPoint, error) {
	if len(years) != len(values) {
		return nil, fmt.Errorf("supply: empirical: %d years but %d values", len(years), len(values))
	}
	n := len(values)
	if n < 2 {
		return nil, fmt.Errorf("supply: empirical: %w (%d)", ErrTooFewValues, n)
	}
	pts := make([]PlottingPoint, n)
	for i := range values {
		if math.IsNaN(values[i]) || math.IsInf(values[i], 0) {
			return nil, fmt.Errorf("supply: empirical: value %v for %d not finite", values[i], years[i])
		}
		pts[i] = PlottingPoint{Year: years[i], Value: values[i]}
	}
	sort.SliceStable(pts, func(i, j int) bool {
		if pts[i].Value != pts[j].Value {
			return pts[i].Value > pts[j].Value
		}
		return pts[i].Year < pts[j].Year
	})
	for i := range pts {
		pts[i].Rank = i + 1
		pts[i].ExceedancePct = 100 * float64(i+1) / float64(n+1)
	}
	return pts, nil
}

// EmpiricalQuantile returns the value exceeded with the given frequency (%)
// on the empirical curve, interpolating linearly between plotting positions.
// Frequencies beyond the first or last position take the largest or smallest
// value: the empirical curve is not extrapolated (fit Pearson III for that).
func EmpiricalQuantile(pts []PlottingPoint, exceedancePct float64) (float64, error) {
	if !(exceedancePct > 0 && exceedancePct < 100) {
		return 0, fmt.Errorf("supply: empirical quantile: %w (%v)", ErrBadFrequency, exceedancePct)
	}
	if len(pts) == 0 {
		return 0, fmt.Errorf("supply: empirical quantile: %w", ErrTooFewValues)
	}
	if exceedancePct <= pts[0].ExceedancePct {
		return pts[0].Value, nil
	}
	last := pts[len(pts)-1]
	if exceedancePct >= last.ExceedancePct {
		return last.Value, nil
	}
	i := sort.Search(len(pts), func(i int) bool { return pts[i].ExceedancePct >= exceedancePct })
	a, b := pts[i-1], pts[i]
	f := (exceedancePct - a.ExceedancePct) / (b.ExceedancePct - a.ExceedancePct)
	return a.Value + f*(b.Value-a.Value), nil
}

// TypicalYear returns the year whose value is nearest the design value (the
// 典型年 whose monthly distribution is scaled to the design value); on a tie,
// the drier year.
func TypicalYear(pts []PlottingPoint, design float64) int {
	best, bestD := 0, math.Inf(1)
	for _, p := range pts {
		d := math.Abs(p.Value - design)
		if d <= bestD { // pts run wet to dry: a later tie is drier
			best, bestD = p.Year, d
		}
	}
	return best
}

// PearsonIII is a Pearson type III distribution given by mean, coefficient
// of variation Cv and coefficient of skewness Cs, the curve of Chinese
// hydrological frequency analysis (SL 278).
type PearsonIII struct {
	Mean float64 `json:"mean"`
	Cv   float64 `json:"cv"`
	Cs   float64 `json:"cs"`
}

// FitPearsonIII estimates the parameters by moments: the sample mean, Cv with
// the n−1 divisor and, when csOverCv is 0, the bias-corrected sample skewness
// n·Σ(k−1)³ / ((n−1)(n−2)·Cv³) with k = x/mean; otherwise Cs = csOverCv·Cv,
// the usual practice of fixing the ratio (e.g. 2 to 3.5 for runoff).
func FitPearsonIII(values []float64, csOverCv float64) (PearsonIII, error) {
	n := len(values)
	if n < 3 {
		return PearsonIII{}, fmt.Errorf("supply: fit pearson III: %w (%d)", ErrTooFewValues, n)
	}
	var mean float64
	for _, v := range values {
		mean += v
	}
	mean /= float64(n)
	if mean <= 0 {
		return PearsonIII{}, fmt.Errorf("supply: fit pearson III: mean %v must be positive", mean)
	}
	var s2, s3 float64
	for _, v := range values {
		k := v/mean - 1
		s2 += k * k
		s3 += k * k * k
	}
	cv := math.Sqrt(s2 / float64(n-1))
	if cv == 0 {
		return PearsonIII{}, fmt.Errorf("supply: fit pearson III: %w", ErrNoSpread)
	}
	cs := csOverCv * cv
	if csOverCv == 0 {
		cs = float64(n) * s3 / (float64(n-1) * float64(n-2) * cv * cv * cv)
	}
	return PearsonIII{Mean: mean, Cv: cv, Cs: cs}, nil
}

// Quantile returns the value exceeded with the given frequency (%):
// mean·(1 + Cv·Φ(Cs, p)).
func (d PearsonIII) Quantile(exceedancePct float64) (float64, error) {
	phi, err := FrequencyFactor(d.Cs, exceedancePct)
	if err != nil {
		return 0, err
	}
	return d.Mean * (1 + d.Cv*phi), nil
}

// FrequencyFactor returns Φ, the standardised Pearson III variate with skew cs
// exceeded with the given frequency (%): the 离均系数 of the P-III tables.
// For |cs| < 1e-3 the normal quantile is used.
func FrequencyFactor(cs, exceedancePct float64) (float64, error) {
	if !(exceedancePct > 0 && exceedancePct < 100) {
		return 0, fmt.Errorf("supply: frequency factor: %w (%v)", ErrBadFrequency, exceedancePct)
	}
	p := exceedancePct / 100
	if math.Abs(cs) < 1e-3 {
		return math.Sqrt2 * math.Erfinv(1-2*p), nil
	}
	if cs < 0 {
		phi, err := FrequencyFactor(-cs, 100-exceedancePct)
		return -phi, err
	}
	// Φ = (cs/2)·G − 2/cs with G ~ Gamma(α = 4/cs², 1); exceedance p means
	// G at non-exceedance 1 − p.
	alpha := 4 / (cs * cs)
	g := gammaQuantile(alpha, 1-p)
	return cs/2*g - 2/cs, nil
}

// gammaQuantile inverts the regularised lower incomplete gamma function
// P(a, x) = q by bisection (P is increasing in x).
func gammaQuantile(a, q float64) float64 {
	lo, hi := 0.0, a+10*math.Sqrt(a)+10
	for lowerGamma(a, hi) < q {
		lo, hi = hi, 2*hi
	}
	for range 200 {
		mid := (lo + hi) / 2
		if mid == lo || mid == hi {
			break
		}
		if lowerGamma(a, mid) < q {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// lowerGamma is the regularised lower incomplete gamma function P(a, x):
// a power series below x = a + 1, a continued fraction for Q = 1 − P above.
func lowerGamma(a, x float64) float64 {
	if x <= 0 {
		return 0
	}
	lg, _ := math.Lgamma(a)
	front := math.Exp(-x + a*math.Log(x) - lg)
	const eps = 1e-15
	if x < a+1 {
		term := 1 / a
		sum := term
		for n := 1; n < 100000; n++ {
			term *= x / (a + float64(n))
			sum += term
			if term < sum*eps {
				break
			}
		}
		return sum * front
	}
	// Modified Lentz evaluation of the continued fraction for Q(a, x).
	const tiny = 1e-300
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 100000; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < eps {
			break
		}
	}
	return 1 - front*h
}
