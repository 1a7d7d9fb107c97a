// Package quality holds the pure data-quality checks of sishui: range, rate of
// change, flat line, spike, timestamp and duplicate checks that add reason
// flags to samples without ever dropping or changing them, gap filling that
// labels what it makes up, and report-completeness (到报率) accounting.
//
// The package does no I/O and reads no clock: callers pass "now". Limits come
// from a Config (YAML, with defaults per point kind in defaults.yaml), and a
// Checker keeps a few values of state per series.
package quality
