package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"

	"github.com/sishui/sishui"
)

// entity bundles what the generic create/update/get paths need for one table.
type entity[T any] struct {
	name      string // audit entity name
	table     string
	cols      string // select list
	scan      func(scanner) (T, error)
	regionCol string // for scoping
	userExpr  string // SQL for the row's water user, "" when none
	conflict  string // message on a unique violation
}

func (s *DB) get(ctx context.Context, op string, q sqlQuerier, table, cols string, id int64, regionCol, userExpr string) *sql.Row {
	w := where{}
	w.add("id = ?", id)
	sc, err := s.scopeOf(ctx)
	if err != nil {
		sc = scope{none: true}
	}
	sc.apply(&w, regionCol, userExpr)
	return q.QueryRowContext(ctx, s.q(`SELECT `+cols+` FROM `+table+w.String()), w.args...)
}

type sqlQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func getEntity[T any](ctx context.Context, s *DB, e entity[T], q sqlQuerier, id int64) (T, error) {
	v, err := e.scan(s.get(ctx, "get "+e.name, q, e.table, e.cols, id, e.regionCol, e.userExpr))
	if err == sql.ErrNoRows {
		err = sishui.NotFound("%s %d not found", e.name, id)
	}
	return v, err
}

// writeEntity runs check and write in one transaction with an audit entry.
// For updates it reads the row as it was (in scope) first.
func writeEntity[T any](ctx context.Context, s *DB, e entity[T], op string, id int64, region string, after any,
	check func(tx *sql.Tx) error, write func(tx *sql.Tx) (int64, error)) error {
	if err := s.canWrite(ctx, op, region); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var before any
		action := "create"
		if id != 0 {
			old, err := getEntity(ctx, s, e, tx, id)
			if err != nil {
				return err
			}
			before, action = old, "update"
		}
		if check != nil {
			if err := check(tx); err != nil {
				return err
			}
		}
		newID, err := write(tx)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, action, e.name, strconv.FormatInt(newID, 10), before, after, "")
	})
	return s.mapErr(op, err, e.conflict)
}

// insertID runs an INSERT … RETURNING id.
func (s *DB) insertID(ctx context.Context, tx *sql.Tx, query string, args ...any) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, s.q(query+` RETURNING id`), args...).Scan(&id)
	return id, err
}

func updateOne(ctx context.Context, s *DB, tx *sql.Tx, id int64, query string, args ...any) (int64, error) {
	res, err := tx.ExecContext(ctx, s.q(query), args...)
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, sishui.NotFound("%d not found", id)
	}
	return id, nil
}

// ---- water users

var userEntity = entity[*sishui.WaterUser]{
	name: "water_user", table: "water_users", regionCol: "region", userExpr: "id",
	cols: `id, name, credit_code, region, sector, address, lon, lat, contact, phone, retired, note, created_ms, updated_ms`,
	scan: func(sc scanner) (*sishui.WaterUser, error) {
		var u sishui.WaterUser
		var c, up int64
		err := sc.Scan(&u.ID, &u.Name, &u.CreditCode, &u.Region, &u.Sector, &u.Address, &u.Lon, &u.Lat, &u.Contact, &u.Phone, &u.Retired, &u.Note, &c, &up)
		u.CreatedAt, u.UpdatedAt = fromMS(c), fromMS(up)
		return &u, err
	},
	conflict: "a water user with this credit code already exists",
}

func (s *DB) checkUserRefs(ctx context.Context, tx *sql.Tx, u *sishui.WaterUser) error {
	if err := exists(ctx, s, tx, "regions", "code", u.Region, "region"); err != nil {
		return err
	}
	return exists(ctx, s, tx, "sectors", "code", u.Sector, "sector")
}

// CreateWaterUser registers a water user.
func (s *DB) CreateWaterUser(ctx context.Context, u *sishui.WaterUser) error {
	const op = "create water user"
	if err := u.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	now := s.Now().UTC()
	u.CreatedAt, u.UpdatedAt = fromMS(ms(now)), fromMS(ms(now))
	return writeEntity(ctx, s, userEntity, op, 0, u.Region, u,
		func(tx *sql.Tx) error { return s.checkUserRefs(ctx, tx, u) },
		func(tx *sql.Tx) (int64, error) {
			id, err := s.insertID(ctx, tx, `INSERT INTO water_users (name, credit_code, region, sector, address, lon, lat, contact, phone, retired, note, created_ms, updated_ms)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				u.Name, u.CreditCode, u.Region, u.Sector, u.Address, u.Lon, u.Lat, u.Contact, u.Phone, u.Retired, u.Note, ms(now), ms(now))
			u.ID = id
			return id, err
		})
}

// UpdateWaterUser replaces a water user's fields.
func (s *DB) UpdateWaterUser(ctx context.Context, u *sishui.WaterUser) error {
	const op = "update water user"
	if err := u.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	now := s.Now().UTC()
	return writeEntity(ctx, s, userEntity, op, u.ID, u.Region, u,
		func(tx *sql.Tx) error { return s.checkUserRefs(ctx, tx, u) },
		func(tx *sql.Tx) (int64, error) {
			var created int64
			if err := tx.QueryRowContext(ctx, s.q(`SELECT created_ms FROM water_users WHERE id = ?`), u.ID).Scan(&created); err != nil {
				return 0, err
			}
			u.CreatedAt, u.UpdatedAt = fromMS(created), fromMS(ms(now))
			return updateOne(ctx, s, tx, u.ID, `UPDATE water_users SET name = ?, credit_code = ?, region = ?, sector = ?, address = ?, lon = ?, lat = ?,
				contact = ?, phone = ?, retired = ?, note = ?, updated_ms = ? WHERE id = ?`,
				u.Name, u.CreditCode, u.Region, u.Sector, u.Address, u.Lon, u.Lat, u.Contact, u.Phone, u.Retired, u.Note, ms(now), u.ID)
		})
}

// GetWaterUser returns a water user in the actor's scope.
func (s *DB) GetWaterUser(ctx context.Context, id int64) (*sishui.WaterUser, error) {
	u, err := getEntity(ctx, s, userEntity, s.DB, id)
	if err != nil {
		return nil, s.mapErr("get water user", err, "")
	}
	return u, nil
}

// ListWaterUsers lists water users in the actor's scope.
func (s *DB) ListWaterUsers(ctx context.Context, f sishui.WaterUserFilter) ([]*sishui.WaterUser, int, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, 0, err
	}
	sc.apply(&w, "region", "id")
	if err := s.regionFilter(ctx, &w, "region", f.Region); err != nil {
		return nil, 0, err
	}
	if f.Sector != "" {
		w.add("sector = ?", f.Sector)
	}
	w.search(f.Query, "name", "credit_code")
	if f.Retired != nil {
		w.add("retired = ?", *f.Retired)
	}
	order, err := waterUserSort.orderBy(f.Page)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, "water_users", userEntity.cols, &w, order, f.Page, userEntity.scan)
}

// RetireWaterUser marks a water user retired (rows that refer to it stay).
func (s *DB) RetireWaterUser(ctx context.Context, id int64) error {
	u, err := s.GetWaterUser(ctx, id)
	if err != nil {
		return err
	}
	u.Retired = true
	return s.UpdateWaterUser(ctx, u)
}

// ---- permits

var permitEntity = entity[*sishui.Permit]{
	name: "permit", table: "permits", regionCol: "region", userExpr: "user_id",
	cols: `id, number, user_id, region, source, sector, purpose, intake_name, lon, lat, annual_m3, monthly_plan, valid_from, valid_to, status, online_required, note, created_ms, updated_ms`,
	scan: func(sc scanner) (*sishui.Permit, error) {
		var p sishui.Permit
		var plan, from, to string
		var c, up int64
		err := sc.Scan(&p.ID, &p.Number, &p.UserID, &p.Region, &p.Source, &p.Sector, &p.Purpose, &p.IntakeName, &p.Lon, &p.Lat,
			&p.AnnualM3, &plan, &from, &to, &p.Status, &p.OnlineRequired, &p.Note, &c, &up)
		if err != nil {
			return nil, err
		}
		if plan != "" {
			if err := json.Unmarshal([]byte(plan), &p.MonthlyPlanM3); err != nil {
				return nil, err
			}
		}
		p.ValidFrom, p.ValidTo, p.CreatedAt, p.UpdatedAt = parseDate(from), parseDate(to), fromMS(c), fromMS(up)
		return &p, nil
	},
	conflict: "a permit with this number already exists",
}

func (s *DB) checkPermitRefs(ctx context.Context, tx *sql.Tx, p *sishui.Permit) error {
	if err := exists(ctx, s, tx, "regions", "code", p.Region, "region"); err != nil {
		return err
	}
	if err := exists(ctx, s, tx, "sectors", "code", p.Sector, "sector"); err != nil {
		return err
	}
	src, err := scanSource(tx.QueryRowContext(ctx, s.q(`SELECT `+sourceCols+` FROM sources WHERE code = ?`), p.Source))
	if err == sql.ErrNoRows {
		return sishui.Invalid("source", "%s does not exist", p.Source)
	} else if err != nil {
		return err
	}
	if _, err := s.refRegion(ctx, tx, "water_users", "water user", "user_id", p.UserID); err != nil {
		return err
	}
	var retired bool
	if err := tx.QueryRowContext(ctx, s.q(`SELECT retired FROM water_users WHERE id = ?`), p.UserID).Scan(&retired); err != nil {
		return err
	}
	if retired {
		return sishui.Invalid("user_id", "water user %d is retired", p.UserID)
	}
	p.OnlineRequired = s.Metering.Requires(src, p.AnnualM3)
	return nil
}

func planJSON(p *sishui.Permit) string {
	if len(p.MonthlyPlanM3) == 0 {
		return ""
	}
	b, _ := json.Marshal(p.MonthlyPlanM3)
	return string(b)
}

// CreatePermit registers a permit.
func (s *DB) CreatePermit(ctx context.Context, p *sishui.Permit) error {
	const op = "create permit"
	if err := p.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	now := s.Now().UTC()
	p.CreatedAt, p.UpdatedAt = fromMS(ms(now)), fromMS(ms(now))
	return writeEntity(ctx, s, permitEntity, op, 0, p.Region, p,
		func(tx *sql.Tx) error {
			if err := s.checkPermitRefs(ctx, tx, p); err != nil {
				return err
			}
			return s.checkPermitCap(ctx, tx, p, false)
		},
		func(tx *sql.Tx) (int64, error) {
			id, err := s.insertID(ctx, tx, `INSERT INTO permits (number, user_id, region, source, sector, purpose, intake_name, lon, lat, annual_m3, monthly_plan,
				valid_from, valid_to, status, online_required, note, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				p.Number, p.UserID, p.Region, p.Source, p.Sector, p.Purpose, p.IntakeName, p.Lon, p.Lat, p.AnnualM3, planJSON(p),
				dateStr(p.ValidFrom), dateStr(p.ValidTo), p.Status, p.OnlineRequired, p.Note, ms(now), ms(now))
			p.ID = id
			return id, err
		})
}

// UpdatePermit replaces a permit's fields. Its points must stay in its region.
func (s *DB) UpdatePermit(ctx context.Context, p *sishui.Permit) error {
	const op = "update permit"
	if err := p.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	now := s.Now().UTC()
	return writeEntity(ctx, s, permitEntity, op, p.ID, p.Region, p,
		func(tx *sql.Tx) error {
			if err := s.checkPermitRefs(ctx, tx, p); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM points WHERE permit_id = ? AND region <> ?`), p.ID, p.Region).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return sishui.Invalid("region", "%d monitoring point(s) of this permit lie in another region", n)
			}
			return s.checkPermitCap(ctx, tx, p, true)
		},
		func(tx *sql.Tx) (int64, error) {
			var created int64
			if err := tx.QueryRowContext(ctx, s.q(`SELECT created_ms FROM permits WHERE id = ?`), p.ID).Scan(&created); err != nil {
				return 0, err
			}
			p.CreatedAt, p.UpdatedAt = fromMS(created), fromMS(ms(now))
			return updateOne(ctx, s, tx, p.ID, `UPDATE permits SET number = ?, user_id = ?, region = ?, source = ?, sector = ?, purpose = ?, intake_name = ?,
				lon = ?, lat = ?, annual_m3 = ?, monthly_plan = ?, valid_from = ?, valid_to = ?, status = ?, online_required = ?, note = ?, updated_ms = ? WHERE id = ?`,
				p.Number, p.UserID, p.Region, p.Source, p.Sector, p.Purpose, p.IntakeName, p.Lon, p.Lat, p.AnnualM3, planJSON(p),
				dateStr(p.ValidFrom), dateStr(p.ValidTo), p.Status, p.OnlineRequired, p.Note, ms(now), p.ID)
		})
}

// GetPermit returns a permit in the actor's scope.
func (s *DB) GetPermit(ctx context.Context, id int64) (*sishui.Permit, error) {
	p, err := getEntity(ctx, s, permitEntity, s.DB, id)
	if err != nil {
		return nil, s.mapErr("get permit", err, "")
	}
	return p, nil
}

// ListPermits lists permits in the actor's scope.
func (s *DB) ListPermits(ctx context.Context, f sishui.PermitFilter) ([]*sishui.Permit, int, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, 0, err
	}
	sc.apply(&w, "region", "user_id")
	if err := s.regionFilter(ctx, &w, "region", f.Region); err != nil {
		return nil, 0, err
	}
	if f.UserID != 0 {
		w.add("user_id = ?", f.UserID)
	}
	if f.Source != "" {
		w.add("source = ?", f.Source)
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	w.search(f.Query, "number", "purpose", "intake_name", "(SELECT name FROM water_users u WHERE u.id = permits.user_id)")
	order, err := permitSort.orderBy(f.Page)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, "permits", permitEntity.cols, &w, order, f.Page, permitEntity.scan)
}
