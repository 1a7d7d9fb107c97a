package forecast

import (
	"errors"
	"fmt"
	"math"
)

// TrendKind names a regression form for the trend check.
type TrendKind string

// Trend forms.
const (
	TrendLinear    TrendKind = "linear"     // y = a + b·(t − t0)
	TrendLogLinear TrendKind = "log_linear" // ln y = a + b·(t − t0), i.e. constant growth rate
)

// Errors of FitTrend.
var (
	ErrTooFewPoints = errors.New("too few points")
	ErrDegenerate   = errors.New("all points in the same year")
	ErrNonPositive  = errors.New("log-linear trend needs positive values")
)

// Line is a fitted least-squares trend. Times are centred on T0 (the mean
// year) to keep the normal equations well conditioned.
type Line struct {
	Kind      TrendKind `json:"kind"`
	T0        float64   `json:"t0"`        // centre year
	Intercept float64   `json:"intercept"` // value (linear) or ln value (log-linear) at T0
	Slope     float64   `json:"slope"`     // per year (linear: units/yr; log-linear: ln units/yr)
	R2        float64   `json:"r2"`        // coefficient of determination of the fitted (possibly log) values
	N         int       `json:"n"`         // points used
}

// At returns the trend value in year t.
func (l Line) At(t float64) float64 {
	v := l.Intercept + l.Slope*(t-l.T0)
	if l.Kind == TrendLogLinear {
		return math.Exp(v)
	}
	return v
}

// FitTrend fits a least-squares line through (years[i], values[i]); with
// TrendLogLinear it fits ln(values). kind "" means linear.
func FitTrend(kind TrendKind, years []int, values []float64) (Line, error) {
	if kind == "" {
		kind = TrendLinear
	}
	if kind != TrendLinear && kind != TrendLogLinear {
		return Line{}, fmt.Errorf("forecast: fit trend: unknown kind %q", kind)
	}
	if len(years) != len(values) {
		return Line{}, fmt.Errorf("forecast: fit trend: %d years but %d values", len(years), len(values))
	}
	n := len(years)
	if n < 2 {
		return Line{}, fmt.Errorf("forecast: fit trend: %w (%d)", ErrTooFewPoints, n)
	}
	ys := make([]float64, n)
	for i, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return Line{}, fmt.Errorf("forecast: fit trend: value %v for %d not finite", v, years[i])
		}
		ys[i] = v
		if kind == TrendLogLinear {
			if v <= 0 {
				return Line{}, fmt.Errorf("forecast: fit trend: %w (%v for %d)", ErrNonPositive, v, years[i])
			}
			ys[i] = math.Log(v)
		}
	}
	var t0, my float64
	for i := range n {
		t0 += float64(years[i])
		my += ys[i]
	}
	t0 /= float64(n)
	my /= float64(n)
	var sxx, sxy, syy float64
	for i := range n {
		dx, dy := float64(years[i])-t0, ys[i]-my
		sxx += dx * dx
		sxy += dx * dy
		syy += dy * dy
	}
	if sxx == 0 {
		return Line{}, fmt.Errorf("forecast: fit trend: %w", ErrDegenerate)
	}
	b := sxy / sxx
	r2 := 1.0
	if syy > 0 {
		r2 = b * sxy / syy
	}
	return Line{Kind: kind, T0: t0, Intercept: my, Slope: b, R2: r2, N: n}, nil
}
