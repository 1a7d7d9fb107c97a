package sishui

import (
	"context"
	"time"
)

// Meter event kinds.
const (
	MeterReplace = "replace" // a new meter (or register) took over
	MeterReset   = "reset"   // the register was set back, e.g. to zero
)

// MeterEvent records a meter's replacement or reset, so that interval volumes
// across it are derived right rather than flagged as a rollback.
type MeterEvent struct {
	ID    int64     `json:"id"`
	Point int64     `json:"point"`
	Time  time.Time `json:"time"`
	Kind  string    `json:"kind"`
	// FinalReading is the old register's last value at Time, when someone
	// read it; StartReading the new register's value right after the event.
	// Both are in the units samples are stored in (m³ after the point's
	// multiplier; kWh for electricity). A new meter with another multiplier
	// is recorded by updating the point.
	FinalReading *float64  `json:"final_reading,omitempty"`
	StartReading float64   `json:"start_reading"`
	Note         string    `json:"note,omitempty"`
	Actor        string    `json:"actor"`
	Created      time.Time `json:"created"`
}

// Validate checks the event's own fields.
func (e *MeterEvent) Validate() error {
	if e.Point <= 0 {
		return Invalid("point", "is required")
	}
	if e.Time.IsZero() {
		return Invalid("time", "is required")
	}
	if e.Kind != MeterReplace && e.Kind != MeterReset {
		return Invalid("kind", "must be replace or reset")
	}
	if e.FinalReading != nil && !(*e.FinalReading >= 0) {
		return Invalid("final_reading", "must not be negative")
	}
	if !(e.StartReading >= 0) {
		return Invalid("start_reading", "must not be negative")
	}
	return nil
}

// EnergyCoefficient is a farm well's calibrated 以电折水 coefficient (m³ per
// kWh) over a validity period [ValidFrom, ValidTo); a zero ValidTo is open.
type EnergyCoefficient struct {
	ID        int64     `json:"id"`
	Point     int64     `json:"point"`
	ValidFrom time.Time `json:"valid_from"`
	ValidTo   time.Time `json:"valid_to,omitzero"`
	M3PerKWh  float64   `json:"m3_per_kwh"`
	Source    string    `json:"source"` // the calibration record, e.g. a pump-test report number
	Actor     string    `json:"actor"`
	Created   time.Time `json:"created"`
}

// Validate checks the coefficient's own fields.
func (c *EnergyCoefficient) Validate() error {
	if c.Point <= 0 {
		return Invalid("point", "is required")
	}
	if c.ValidFrom.IsZero() {
		return Invalid("valid_from", "is required")
	}
	if !c.ValidTo.IsZero() && !c.ValidTo.After(c.ValidFrom) {
		return Invalid("valid_to", "must be after valid_from")
	}
	if !(c.M3PerKWh > 0) || c.M3PerKWh > 100 {
		return Invalid("m3_per_kwh", "must be a positive number of m³ per kWh (at most 100)")
	}
	if c.Source == "" {
		return Invalid("source", "is required: name the calibration record")
	}
	return nil
}

// MeterStore holds meter events and 以电折水 coefficients. Writes are scoped
// like the point's and audited.
type MeterStore interface {
	AddMeterEvent(ctx context.Context, e *MeterEvent) error
	ListMeterEvents(ctx context.Context, point int64) ([]MeterEvent, error)
	AddCoefficient(ctx context.Context, c *EnergyCoefficient) error
	ListCoefficients(ctx context.Context, point int64) ([]EnergyCoefficient, error)
}
