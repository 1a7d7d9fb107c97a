package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/sishui/sishui"
)

// jsonBody decodes a row's JSON body column into a new T.
func jsonBody[T any](sc scanner) (*T, error) {
	var body string
	if err := sc.Scan(&body); err != nil {
		return nil, err
	}
	v := new(T)
	return v, json.Unmarshal([]byte(body), v)
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // domain types always marshal
	}
	return string(b)
}

// UpsertWork creates or replaces a work of the register.
func (s *DB) UpsertWork(ctx context.Context, w *sishui.Work) error {
	return upsert(ctx, s, "upsert work", "work", w.Code, w, w.Validate,
		func(tx *sql.Tx) (*sishui.Work, error) {
			return jsonBody[sishui.Work](tx.QueryRowContext(ctx, s.q(`SELECT body FROM works WHERE code = ?`), w.Code))
		},
		func(tx *sql.Tx) error {
			if err := exists(ctx, s, tx, "regions", "code", w.Region, "region"); err != nil {
				return err
			}
			for _, c := range w.Counties {
				if err := exists(ctx, s, tx, "regions", "code", c, "counties"); err != nil {
					return err
				}
			}
			for _, p := range w.Points {
				if err := exists(ctx, s, tx, "points", "code", p, "points"); err != nil {
					return err
				}
			}
			for _, p := range w.Permits {
				if err := exists(ctx, s, tx, "permits", "number", p, "permits"); err != nil {
					return err
				}
			}
			for _, c := range w.Sections {
				if err := exists(ctx, s, tx, "sections", "code", c, "sections"); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO works (code, kind, name, region, body) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name = excluded.name, region = excluded.region, body = excluded.body`),
				w.Code, w.Kind, w.Name, w.Region, mustJSON(w))
			return err
		})
}

// ListWorks lists works by kind and code.
func (s *DB) ListWorks(ctx context.Context, f sishui.WorkFilter) ([]*sishui.Work, error) {
	if err := canReadPlan(ctx, "list works"); err != nil {
		return nil, err
	}
	var w where
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	out, err := all(ctx, s, `SELECT body FROM works`+w.String()+` ORDER BY kind, code`, w.args, jsonBody[sishui.Work])
	if err != nil || f.Region == "" {
		return out, err
	}
	var in []*sishui.Work
	for _, x := range out {
		if x.Region == f.Region || contains(x.Counties, f.Region) {
			in = append(in, x)
		}
	}
	return nonNilList(in), nil
}

func nonNilList[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// GetWork returns a work.
func (s *DB) GetWork(ctx context.Context, code string) (*sishui.Work, error) {
	if err := canReadPlan(ctx, "get work"); err != nil {
		return nil, err
	}
	w, err := jsonBody[sishui.Work](s.DB.QueryRowContext(ctx, s.q(`SELECT body FROM works WHERE code = ?`), code))
	if err == sql.ErrNoRows {
		return nil, sishui.NotFound("work %q not found", code)
	}
	return w, err
}

// UpsertWorkLink creates or replaces a link.
func (s *DB) UpsertWorkLink(ctx context.Context, l *sishui.WorkLink) error {
	return upsert(ctx, s, "upsert work link", "work_link", l.From+"->"+l.To, l, l.Validate,
		func(tx *sql.Tx) (*sishui.WorkLink, error) {
			return jsonBody[sishui.WorkLink](tx.QueryRowContext(ctx, s.q(`SELECT body FROM work_links WHERE from_code = ? AND to_code = ?`), l.From, l.To))
		},
		func(tx *sql.Tx) error {
			if err := exists(ctx, s, tx, "works", "code", l.From, "from"); err != nil {
				return err
			}
			if err := exists(ctx, s, tx, "works", "code", l.To, "to"); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO work_links (from_code, to_code, body) VALUES (?, ?, ?)
				ON CONFLICT (from_code, to_code) DO UPDATE SET body = excluded.body`), l.From, l.To, mustJSON(l))
			return err
		})
}

// ListWorkLinks lists the links by their ends.
func (s *DB) ListWorkLinks(ctx context.Context) ([]*sishui.WorkLink, error) {
	if err := canReadPlan(ctx, "list work links"); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT body FROM work_links ORDER BY from_code, to_code`, nil, jsonBody[sishui.WorkLink])
}

// PutMeasurement records a measurement on a work.
func (s *DB) PutMeasurement(ctx context.Context, m *sishui.Measurement) error {
	const op = "put measurement"
	if err := m.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	w, err := s.GetWork(ctx, m.Work)
	if err != nil {
		if sishui.ErrorCode(err) == sishui.ENOTFOUND {
			return sishui.Invalid("work", "work %q does not exist", m.Work)
		}
		return err
	}
	if err := s.canWrite(ctx, op, w.Region); err != nil {
		return err
	}
	a := sishui.ActorFrom(ctx)
	m.Actor, m.Created = a.Username, fromMS(ms(s.Now()))
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var before any
		var old float64
		err := tx.QueryRowContext(ctx, s.q(`SELECT value FROM work_measurements WHERE work = ? AND year = ? AND metric = ? AND field = ? AND season = ?`),
			m.Work, m.Year, m.Metric, m.Field, m.Season).Scan(&old)
		switch {
		case err == nil:
			before = map[string]any{"value": old}
		case err != sql.ErrNoRows:
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO work_measurements (work, year, metric, field, season, value, basis, note, actor, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (work, year, metric, field, season) DO UPDATE SET value = excluded.value, basis = excluded.basis, note = excluded.note, actor = excluded.actor, created_ms = excluded.created_ms`),
			m.Work, m.Year, m.Metric, m.Field, m.Season, m.Value, m.Basis, m.Note, m.Actor, ms(m.Created)); err != nil {
			return err
		}
		return s.audit(ctx, tx, "measure", "work", m.Work, before, m, "")
	})
	return s.mapErr(op, err, "")
}

// ListMeasurements lists a year's measurements, of one kind of work when kind is set.
func (s *DB) ListMeasurements(ctx context.Context, year int, kind string) ([]*sishui.Measurement, error) {
	if err := canReadPlan(ctx, "list measurements"); err != nil {
		return nil, err
	}
	w := where{}
	w.add("m.year = ?", year)
	if kind != "" {
		w.add("w.kind = ?", kind)
	}
	return all(ctx, s, `SELECT m.id, m.work, m.year, m.metric, m.field, m.season, m.value, m.basis, m.note, m.actor, m.created_ms
		FROM work_measurements m JOIN works w ON w.code = m.work`+w.String()+` ORDER BY m.work, m.metric, m.field, m.season`, w.args,
		func(sc scanner) (*sishui.Measurement, error) {
			var m sishui.Measurement
			var created int64
			err := sc.Scan(&m.ID, &m.Work, &m.Year, &m.Metric, &m.Field, &m.Season, &m.Value, &m.Basis, &m.Note, &m.Actor, &created)
			m.Created = fromMS(created)
			return &m, err
		})
}
