package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"

	"github.com/sishui/sishui"
)

// subjectRegion returns the region a budget or contract of a user or region belongs to.
func (s *DB) userRegion(ctx context.Context, field string, id int64) (string, error) {
	var region string
	err := s.DB.QueryRowContext(ctx, s.q(`SELECT region FROM water_users WHERE id = ?`), id).Scan(&region)
	if err == sql.ErrNoRows {
		return "", sishui.Invalid(field, "unknown water user %d", id)
	}
	return region, err
}

const budgetCols = `id, year, subject, subject_id, region, source, sector, annual_m3, monthly, basis, note, actor, updated_ms`

func scanBudget(sc scanner) (*sishui.WaterBudget, error) {
	var b sishui.WaterBudget
	var monthly string
	var u int64
	if err := sc.Scan(&b.ID, &b.Year, &b.Subject, &b.SubjectID, &b.Region, &b.Source, &b.Sector, &b.AnnualM3, &monthly, &b.Basis, &b.Note, &b.Actor, &u); err != nil {
		return nil, err
	}
	b.Updated = fromMS(u)
	return &b, json.Unmarshal([]byte(monthly), &b.MonthlyM3)
}

// UpsertBudget creates or replaces a budget.
func (s *DB) UpsertBudget(ctx context.Context, b *sishui.WaterBudget) error {
	const op = "upsert budget"
	if err := b.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	b.Region = b.SubjectID
	if b.Subject == sishui.BudgetUser {
		id, _ := strconv.ParseInt(b.SubjectID, 10, 64)
		r, err := s.userRegion(ctx, "subject_id", id)
		if err != nil {
			return s.mapErr(op, err, "")
		}
		b.Region = r
	}
	if err := s.canWrite(ctx, op, b.Region); err != nil {
		return err
	}
	b.Actor, b.Updated = sishui.ActorFrom(ctx).Username, fromMS(ms(s.Now()))
	monthly, _ := json.Marshal(b.MonthlyM3)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q(`INSERT INTO water_budgets (year, subject, subject_id, region, source, sector, annual_m3, monthly, basis, note, actor, updated_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (year, subject, subject_id, source, sector) DO UPDATE SET region = excluded.region, annual_m3 = excluded.annual_m3,
			monthly = excluded.monthly, basis = excluded.basis, note = excluded.note, actor = excluded.actor, updated_ms = excluded.updated_ms RETURNING id`),
			b.Year, b.Subject, b.SubjectID, b.Region, b.Source, b.Sector, b.AnnualM3, string(monthly), b.Basis, b.Note, b.Actor, ms(b.Updated)).Scan(&b.ID)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "upsert", "water_budget", strconv.FormatInt(b.ID, 10), nil, b, b.Note)
	})
	return s.mapErr(op, err, "")
}

// ListBudgets lists a year's budgets in scope.
func (s *DB) ListBudgets(ctx context.Context, year int, subject string) ([]*sishui.WaterBudget, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	w := where{}
	w.add("year = ?", year)
	if subject != "" {
		w.add("subject = ?", subject)
	}
	sc.apply(&w, "region", "CASE WHEN subject = 'user' THEN CAST(subject_id AS BIGINT) ELSE 0 END")
	return all(ctx, s, `SELECT `+budgetCols+` FROM water_budgets`+w.String()+` ORDER BY subject, subject_id, source, sector`, w.args, scanBudget)
}

const contractCols = `id, user_id, region, company, model, sector, product, baseline_year, start_year, end_year, guaranteed, share, price, fee_fen, note, actor, updated_ms`

func scanContract(sc scanner) (*sishui.SavingContract, error) {
	var c sishui.SavingContract
	var u int64
	err := sc.Scan(&c.ID, &c.UserID, &c.Region, &c.Company, &c.Model, &c.Sector, &c.Product, &c.BaselineYear, &c.StartYear, &c.EndYear,
		&c.Guaranteed, &c.Share, &c.Price, &c.FeeFen, &c.Note, &c.Actor, &u)
	c.Updated = fromMS(u)
	return &c, err
}

// CreateSavingContract registers a contract.
func (s *DB) CreateSavingContract(ctx context.Context, c *sishui.SavingContract) error {
	const op = "create saving contract"
	if err := c.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	r, err := s.userRegion(ctx, "user_id", c.UserID)
	if err != nil {
		return s.mapErr(op, err, "")
	}
	if err := s.canWrite(ctx, op, r); err != nil {
		return err
	}
	c.Region, c.Actor, c.Updated = r, sishui.ActorFrom(ctx).Username, fromMS(ms(s.Now()))
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		c.ID, err = s.insertID(ctx, tx, `INSERT INTO saving_contracts (user_id, region, company, model, sector, product, baseline_year, start_year, end_year, guaranteed, share, price, fee_fen, note, actor, updated_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.UserID, c.Region, c.Company, c.Model, c.Sector, c.Product, c.BaselineYear, c.StartYear, c.EndYear, c.Guaranteed, c.Share, c.Price, c.FeeFen, c.Note, c.Actor, ms(c.Updated))
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "create", "saving_contract", strconv.FormatInt(c.ID, 10), nil, c, c.Note)
	})
	return s.mapErr(op, err, "")
}

func (s *DB) contractWhere(ctx context.Context) (where, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return w, err
	}
	sc.apply(&w, "region", "user_id")
	return w, nil
}

// ListSavingContracts lists contracts in scope (of one user when userID > 0).
func (s *DB) ListSavingContracts(ctx context.Context, userID int64) ([]*sishui.SavingContract, error) {
	w, err := s.contractWhere(ctx)
	if err != nil {
		return nil, err
	}
	if userID > 0 {
		w.add("user_id = ?", userID)
	}
	return all(ctx, s, `SELECT `+contractCols+` FROM saving_contracts`+w.String()+` ORDER BY user_id, id`, w.args, scanContract)
}

// GetSavingContract returns a contract in scope.
func (s *DB) GetSavingContract(ctx context.Context, id int64) (*sishui.SavingContract, error) {
	w, err := s.contractWhere(ctx)
	if err != nil {
		return nil, err
	}
	w.add("id = ?", id)
	c, err := scanContract(s.DB.QueryRowContext(ctx, s.q(`SELECT `+contractCols+` FROM saving_contracts`+w.String()), w.args...))
	if err != nil {
		return nil, s.mapErr("get saving contract", err, "")
	}
	return c, nil
}
