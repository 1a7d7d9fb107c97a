package sqlstore

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"github.com/sishui/sishui"
)

// AddMeterEvent records a meter replacement or reset.
func (s *DB) AddMeterEvent(ctx context.Context, e *sishui.MeterEvent) error {
	const op = "add meter event"
	if err := e.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	if err := s.checkSeriesWrite(ctx, op, e.Point); err != nil {
		return err
	}
	e.Actor, e.Created, e.Time = sishui.ActorFrom(ctx).Username, fromMS(ms(s.Now())), e.Time.UTC().Truncate(time.Millisecond)
	var final any
	if e.FinalReading != nil {
		final = *e.FinalReading
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		e.ID, err = s.insertID(ctx, tx, `INSERT INTO meter_events (point_id, t, kind, final_reading, start_reading, note, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			e.Point, e.Time.UnixMilli(), e.Kind, final, e.StartReading, e.Note, e.Actor, ms(e.Created))
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "create", "meter_event", strconv.FormatInt(e.ID, 10), nil, e, e.Note)
	})
	return s.mapErr(op, err, "")
}

// ListMeterEvents lists a point's meter events in time order.
func (s *DB) ListMeterEvents(ctx context.Context, point int64) ([]sishui.MeterEvent, error) {
	if _, err := s.GetPoint(ctx, point); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT id, point_id, t, kind, final_reading, start_reading, note, actor, created_ms FROM meter_events WHERE point_id = ? ORDER BY t, id`, []any{point},
		func(sc scanner) (sishui.MeterEvent, error) {
			var e sishui.MeterEvent
			var t, c int64
			var final sql.NullFloat64
			err := sc.Scan(&e.ID, &e.Point, &t, &e.Kind, &final, &e.StartReading, &e.Note, &e.Actor, &c)
			e.Time, e.Created = time.UnixMilli(t).UTC(), fromMS(c)
			if final.Valid {
				e.FinalReading = &final.Float64
			}
			return e, err
		})
}

// AddCoefficient records a calibrated 以电折水 coefficient.
func (s *DB) AddCoefficient(ctx context.Context, c *sishui.EnergyCoefficient) error {
	const op = "add coefficient"
	if err := c.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	p, err := s.GetPoint(ctx, c.Point)
	if err != nil {
		return err
	}
	if p.Kind != sishui.PointElectricity {
		return sishui.Invalid("point", "point %d is a %s point; coefficients belong to electricity-metered wells", p.ID, p.Kind)
	}
	if err := s.canWrite(ctx, op, p.Region); err != nil {
		return err
	}
	c.Actor, c.Created = sishui.ActorFrom(ctx).Username, fromMS(ms(s.Now()))
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		c.ID, err = s.insertID(ctx, tx, `INSERT INTO energy_coefficients (point_id, valid_from_ms, valid_to_ms, m3_per_kwh, source, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			c.Point, c.ValidFrom.UnixMilli(), ms(c.ValidTo), c.M3PerKWh, c.Source, c.Actor, ms(c.Created))
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "create", "energy_coefficient", strconv.FormatInt(c.ID, 10), nil, c, c.Source)
	})
	return s.mapErr(op, err, "")
}

// ListCoefficients lists a point's coefficients by validity.
func (s *DB) ListCoefficients(ctx context.Context, point int64) ([]sishui.EnergyCoefficient, error) {
	if _, err := s.GetPoint(ctx, point); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT id, point_id, valid_from_ms, valid_to_ms, m3_per_kwh, source, actor, created_ms FROM energy_coefficients WHERE point_id = ? ORDER BY valid_from_ms, id`, []any{point},
		func(sc scanner) (sishui.EnergyCoefficient, error) {
			var c sishui.EnergyCoefficient
			var f, to, cr int64
			err := sc.Scan(&c.ID, &c.Point, &f, &to, &c.M3PerKWh, &c.Source, &c.Actor, &cr)
			c.ValidFrom, c.ValidTo, c.Created = time.UnixMilli(f).UTC(), fromMS(to), fromMS(cr)
			return c, err
		})
}
