// Package meter turns cumulative meter readings into interval volumes: it
// handles the multiplier, register rollover, meter replacement and reset,
// and flags backwards readings instead of absorbing them. It also converts
// pumping electricity into volume (以电折水) with per-well coefficients that
// are valid between dates.
//
// The package is pure: no I/O, no clock, no logging.
package meter
