package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/sishui/sishui"
	"github.com/sishui/sishui/internal/pricing"
)

const ruleCols = `id, kind, region, rkey, effective_ms, verified, demo, name, source, body, actor, updated_ms`

func scanRule(sc scanner) (*sishui.Rule, error) {
	var r sishui.Rule
	var eff, upd int64
	var body string
	err := sc.Scan(&r.ID, &r.Kind, &r.Region, &r.Key, &eff, &r.Verified, &r.Demo, &r.Name, &r.Source, &body, &r.Actor, &upd)
	r.EffectiveFrom, r.UpdatedAt, r.Body = time.UnixMilli(eff).UTC(), fromMS(upd), json.RawMessage(body)
	return &r, err
}

// UpsertRule creates or replaces a rule version.
func (s *DB) UpsertRule(ctx context.Context, r *sishui.Rule) error {
	const op = "upsert rule"
	if err := r.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	if err := canWriteVocabulary(ctx, op); err != nil {
		return err
	}
	r.Actor, r.UpdatedAt = sishui.ActorFrom(ctx).Username, fromMS(ms(s.Now()))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var before *sishui.Rule
		old, err := scanRule(tx.QueryRowContext(ctx, s.q(`SELECT `+ruleCols+` FROM rules WHERE kind = ? AND region = ? AND rkey = ? AND effective_ms = ?`),
			r.Kind, r.Region, r.Key, r.EffectiveFrom.UnixMilli()))
		action := "create"
		switch {
		case err == nil:
			before, action = old, "update"
			r.ID = old.ID
			_, err = tx.ExecContext(ctx, s.q(`UPDATE rules SET verified = ?, demo = ?, name = ?, source = ?, body = ?, actor = ?, updated_ms = ? WHERE id = ?`),
				r.Verified, r.Demo, r.Name, r.Source, string(r.Body), r.Actor, ms(r.UpdatedAt), r.ID)
		case err == sql.ErrNoRows:
			r.ID, err = s.insertID(ctx, tx, `INSERT INTO rules (kind, region, rkey, effective_ms, verified, demo, name, source, body, actor, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				r.Kind, r.Region, r.Key, r.EffectiveFrom.UnixMilli(), r.Verified, r.Demo, r.Name, r.Source, string(r.Body), r.Actor, ms(r.UpdatedAt))
		}
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, action, "rule", strconv.FormatInt(r.ID, 10), before, r, r.Source)
	})
	return s.mapErr(op, err, "")
}

// ListRules lists rule versions (rules are public reference data).
func (s *DB) ListRules(ctx context.Context, f sishui.RuleFilter) ([]*sishui.Rule, error) {
	var w where
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	if f.Region != "" {
		w.add("region = ?", f.Region)
	}
	if f.Key != "" {
		w.add("rkey = ?", f.Key)
	}
	return all(ctx, s, `SELECT `+ruleCols+` FROM rules`+w.String()+` ORDER BY kind, region, rkey, effective_ms`, w.args, scanRule)
}

// UpsertOutput stores a user's declared output for a year.
func (s *DB) UpsertOutput(ctx context.Context, o *sishui.OutputDeclaration) error {
	const op = "upsert output"
	if err := o.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	u, err := s.GetWaterUser(ctx, o.UserID)
	if err != nil {
		return s.mapErr(op, sishui.Invalid("user_id", "unknown water user %d", o.UserID), "")
	}
	if err := s.canWriteFor(ctx, op, u); err != nil {
		return err
	}
	if o.PermitID != 0 {
		p, err := s.GetPermit(ctx, o.PermitID)
		if err != nil || p.UserID != o.UserID {
			return s.mapErr(op, sishui.Invalid("permit_id", "permit %d is not one of user %d's permits", o.PermitID, o.UserID), "")
		}
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO permit_outputs (permit_id, year, sector, product, output) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (permit_id, year, sector, product) DO UPDATE SET output = excluded.output`), o.PermitID, o.Year, o.Sector, o.Product, o.Output); err != nil {
				return err
			}
			return s.audit(ctx, tx, "upsert", "permit_output", fmt.Sprintf("%d/%d/%s", o.PermitID, o.Year, o.Product), nil, o, "")
		})
		return s.mapErr(op, err, "")
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO output_declarations (user_id, year, sector, product, output) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (user_id, year, sector, product) DO UPDATE SET output = excluded.output`), o.UserID, o.Year, o.Sector, o.Product, o.Output); err != nil {
			return err
		}
		return s.audit(ctx, tx, "upsert", "output_declaration", fmt.Sprintf("%d/%d/%s", o.UserID, o.Year, o.Product), nil, o, "")
	})
	return s.mapErr(op, err, "")
}

// DeleteOutput removes a user's declared output for a year and its per-permit parts.
func (s *DB) DeleteOutput(ctx context.Context, userID int64, year int, sector, product string) error {
	const op = "delete output"
	o := &sishui.OutputDeclaration{UserID: userID, Year: year, Sector: sector, Product: product}
	if err := o.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	u, err := s.GetWaterUser(ctx, userID)
	if err != nil {
		return s.mapErr(op, err, "")
	}
	if err := s.canWriteFor(ctx, op, u); err != nil {
		return err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q(`DELETE FROM output_declarations WHERE user_id = ? AND year = ? AND sector = ? AND product = ? RETURNING output`),
			userID, year, sector, product).Scan(&o.Output)
		if err == sql.ErrNoRows {
			return sishui.NotFound("water user %d declared no %s output of %q for %d", userID, sector, product, year)
		} else if err != nil {
			return err
		}
		if err := s.audit(ctx, tx, "delete", "output_declaration", fmt.Sprintf("%d/%d/%s", userID, year, product), o, nil, ""); err != nil {
			return err
		}
		// The per-permit parts only weigh the declaration across the user's permits: they go with it.
		rows, err := tx.QueryContext(ctx, s.q(`DELETE FROM permit_outputs WHERE year = ? AND sector = ? AND product = ?
			AND permit_id IN (SELECT id FROM permits WHERE user_id = ?) RETURNING permit_id, output`), year, sector, product, userID)
		parts, err := collect(rows, err, func(sc scanner) (sishui.OutputDeclaration, error) {
			part := sishui.OutputDeclaration{UserID: userID, Year: year, Sector: sector, Product: product}
			err := sc.Scan(&part.PermitID, &part.Output)
			return part, err
		})
		if err != nil {
			return err
		}
		slices.SortFunc(parts, func(a, b sishui.OutputDeclaration) int { return cmp.Compare(a.PermitID, b.PermitID) }) // RETURNING has no order
		for _, part := range parts {
			if err := s.audit(ctx, tx, "delete", "permit_output", fmt.Sprintf("%d/%d/%s", part.PermitID, year, product), part, nil, ""); err != nil {
				return err
			}
		}
		return nil
	})
	return s.mapErr(op, err, "")
}

const outputFrom = `output_declarations o JOIN water_users u ON u.id = o.user_id`

func scanOutput(sc scanner) (*sishui.OutputDeclaration, error) {
	var o sishui.OutputDeclaration
	return &o, sc.Scan(&o.UserID, &o.UserName, &o.Year, &o.Sector, &o.Product, &o.Output)
}

// outputWhere narrows to the year's declarations in the caller's scope.
func (s *DB) outputWhere(ctx context.Context, year int) (where, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return where{}, err
	}
	w := where{}
	w.add("o.year = ?", year)
	sc.apply(&w, "u.region", "o.user_id")
	return w, nil
}

// ListOutputs lists a page of the year's declarations in scope.
func (s *DB) ListOutputs(ctx context.Context, f sishui.YearFilter) ([]*sishui.OutputDeclaration, int, error) {
	w, err := s.outputWhere(ctx, f.Year)
	if err != nil {
		return nil, 0, err
	}
	if err := s.regionFilter(ctx, &w, "u.region", f.Region); err != nil {
		return nil, 0, err
	}
	w.search(f.Query, "u.name", "o.product")
	order, err := outputSort.orderBy(f.Page)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, outputFrom, `o.user_id, u.name, o.year, o.sector, o.product, o.output`, &w, order, f.Page, scanOutput)
}

// AllOutputs lists the year's declarations in scope.
func (s *DB) AllOutputs(ctx context.Context, year int) ([]*sishui.OutputDeclaration, error) {
	w, err := s.outputWhere(ctx, year)
	if err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT o.user_id, u.name, o.year, o.sector, o.product, o.output FROM `+outputFrom+w.String()+` ORDER BY o.user_id, o.sector, o.product`, w.args, scanOutput)
}

// ListPermitOutputs lists the year's per-permit parts of declared outputs in scope.
func (s *DB) ListPermitOutputs(ctx context.Context, year int) ([]*sishui.OutputDeclaration, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	w := where{}
	w.add("o.year = ?", year)
	sc.apply(&w, "p.region", "p.user_id")
	return all(ctx, s, `SELECT p.user_id, o.permit_id, o.year, o.sector, o.product, o.output FROM permit_outputs o JOIN permits p ON p.id = o.permit_id`+w.String()+` ORDER BY p.user_id, o.permit_id, o.sector, o.product`, w.args,
		func(sc scanner) (*sishui.OutputDeclaration, error) {
			var o sishui.OutputDeclaration
			return &o, sc.Scan(&o.UserID, &o.PermitID, &o.Year, &o.Sector, &o.Product, &o.Output)
		})
}

// UpsertAccountPlan stores a non-residential account's plan for a year.
func (s *DB) UpsertAccountPlan(ctx context.Context, p *sishui.AccountPlan) error {
	const op = "upsert account plan"
	if err := p.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	a, field, err := s.planAccount(ctx, p)
	if sishui.ErrorCode(err) == sishui.ENOTFOUND { // a plan's account is input, named by the field
		return s.mapErr(op, sishui.Invalid(field, "%s", sishui.ErrorMessage(err)), "")
	} else if err != nil {
		return s.mapErr(op, err, "")
	}
	if a.Class == pricing.ClassResidential { // households have no yearly plan
		return s.mapErr(op, sishui.Invalid(field, "account %s is residential: plans are for non-residential accounts", a.Number), "")
	}
	if err := s.canWrite(ctx, op, a.Region); err != nil {
		return err
	}
	p.Number, p.Name, p.Region, p.UserID = a.Number, a.Name, a.Region, a.UserID
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO customer_account_plans (account_id, year, plan_m3) VALUES (?, ?, ?)
			ON CONFLICT (account_id, year) DO UPDATE SET plan_m3 = excluded.plan_m3`), p.Account, p.Year, p.PlanM3); err != nil {
			return err
		}
		return s.audit(ctx, tx, "upsert", "customer_account_plan", fmt.Sprintf("%s/%d", a.Number, p.Year), nil, p, "")
	})
	return s.mapErr(op, err, "")
}

// planAccount finds a plan's account by id, or else by number, in the
// caller's scope, and sets the plan's id. It returns the field the plan
// named the account by, and ENOTFOUND saying which account was not found.
func (s *DB) planAccount(ctx context.Context, p *sishui.AccountPlan) (*sishui.CustomerAccount, string, error) {
	field, a, err := "account", (*sishui.CustomerAccount)(nil), error(nil)
	if p.Account != 0 {
		a, err = s.GetCustomerAccount(ctx, p.Account)
	} else {
		field = "number"
		a, err = s.customerAccountByNumber(ctx, p.Number)
	}
	switch {
	case sishui.ErrorCode(err) == sishui.ENOTFOUND && field == "number":
		return nil, field, sishui.NotFound("unknown customer account number %q", p.Number)
	case sishui.ErrorCode(err) == sishui.ENOTFOUND:
		return nil, field, sishui.NotFound("unknown customer account %d", p.Account)
	case err != nil:
		return nil, field, err
	}
	p.Account = a.ID
	return a, field, nil
}

// DeleteAccountPlan removes a non-residential account's plan for a year;
// p names the account by id or number.
func (s *DB) DeleteAccountPlan(ctx context.Context, p *sishui.AccountPlan) error {
	const op = "delete account plan"
	if err := p.Validate(); err != nil {
		return s.mapErr(op, err, "")
	}
	a, _, err := s.planAccount(ctx, p)
	if err != nil {
		return s.mapErr(op, err, "")
	}
	if err := s.canWrite(ctx, op, a.Region); err != nil {
		return err
	}
	p.Number, p.Name, p.Region, p.UserID = a.Number, a.Name, a.Region, a.UserID
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q(`DELETE FROM customer_account_plans WHERE account_id = ? AND year = ? RETURNING plan_m3`), p.Account, p.Year).Scan(&p.PlanM3)
		if err == sql.ErrNoRows {
			return sishui.NotFound("account %s has no plan for %d", a.Number, p.Year)
		} else if err != nil {
			return err
		}
		return s.audit(ctx, tx, "delete", "customer_account_plan", fmt.Sprintf("%s/%d", a.Number, p.Year), p, nil, "")
	})
	return s.mapErr(op, err, "")
}

const accountPlanFrom, accountPlanCols = `customer_account_plans p JOIN customer_accounts a ON a.id = p.account_id`,
	`p.account_id, p.year, p.plan_m3, a.number, a.name, a.region, a.user_id`

func scanAccountPlan(sc scanner) (*sishui.AccountPlan, error) {
	var p sishui.AccountPlan
	var user sql.NullInt64
	err := sc.Scan(&p.Account, &p.Year, &p.PlanM3, &p.Number, &p.Name, &p.Region, &user)
	p.UserID = user.Int64
	return &p, err
}

// accountPlanWhere narrows to the year's plans in the caller's scope.
func (s *DB) accountPlanWhere(ctx context.Context, year int) (where, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return where{}, err
	}
	w := where{}
	w.add("p.year = ?", year)
	sc.apply(&w, "a.region", "a.user_id")
	return w, nil
}

// ListAccountPlans lists a page of the year's account plans in scope.
func (s *DB) ListAccountPlans(ctx context.Context, f sishui.YearFilter) ([]*sishui.AccountPlan, int, error) {
	w, err := s.accountPlanWhere(ctx, f.Year)
	if err != nil {
		return nil, 0, err
	}
	if err := s.regionFilter(ctx, &w, "a.region", f.Region); err != nil {
		return nil, 0, err
	}
	w.search(f.Query, "a.number", "a.name")
	order, err := planSort.orderBy(f.Page)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, accountPlanFrom, accountPlanCols, &w, order, f.Page, scanAccountPlan)
}

// AllAccountPlans lists the year's account plans in scope.
func (s *DB) AllAccountPlans(ctx context.Context, year int) ([]*sishui.AccountPlan, error) {
	w, err := s.accountPlanWhere(ctx, year)
	if err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT `+accountPlanCols+` FROM `+accountPlanFrom+w.String()+` ORDER BY a.number`, w.args, scanAccountPlan)
}

const customerCols = `id, number, name, region, class, supplier, meter, persons, user_id, plan_m3, opened_ms, closed_ms`

func scanCustomerAccount(sc scanner) (*sishui.CustomerAccount, error) {
	var a sishui.CustomerAccount
	var user sql.NullInt64
	var op, cl int64
	err := sc.Scan(&a.ID, &a.Number, &a.Name, &a.Region, &a.Class, &a.Supplier, &a.Meter, &a.Persons, &user, &a.PlanM3, &op, &cl)
	a.UserID, a.Opened, a.Closed = user.Int64, time.UnixMilli(op).UTC(), fromMS(cl)
	return &a, err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// UpsertCustomerAccounts creates or updates accounts by number.
func (s *DB) UpsertCustomerAccounts(ctx context.Context, as []*sishui.CustomerAccount) error {
	const op = "upsert customer accounts"
	checked := map[string]bool{}
	for i, a := range as {
		if err := a.Validate(); err != nil {
			if e, ok := err.(*sishui.Error); ok {
				e.Field = fmt.Sprintf("accounts[%d].%s", i, e.Field)
			}
			return s.mapErr(op, err, "")
		}
		if !checked[a.Region] {
			if err := s.canWrite(ctx, op, a.Region); err != nil {
				return err
			}
			checked[a.Region] = true
		}
	}
	if len(as) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, s.q(`INSERT INTO customer_accounts (number, name, region, class, supplier, meter, persons, user_id, plan_m3, opened_ms, closed_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (number) DO UPDATE SET name = excluded.name, region = excluded.region, class = excluded.class, supplier = excluded.supplier,
			meter = excluded.meter, persons = excluded.persons, user_id = excluded.user_id, plan_m3 = excluded.plan_m3,
			opened_ms = excluded.opened_ms, closed_ms = excluded.closed_ms RETURNING id`))
		if err != nil {
			return err
		}
		defer st.Close()
		for _, a := range as {
			if err := st.QueryRowContext(ctx, a.Number, a.Name, a.Region, a.Class, a.Supplier, a.Meter, a.Persons, nullID(a.UserID), a.PlanM3,
				a.Opened.UnixMilli(), ms(a.Closed)).Scan(&a.ID); err != nil {
				return err
			}
		}
		var first, last string
		first, last = as[0].Number, as[len(as)-1].Number
		return s.audit(ctx, tx, "upsert", "customer_accounts", first+".."+last, nil, map[string]int{"accounts": len(as)}, "")
	})
	return s.mapErr(op, err, "an account number is taken twice")
}

func (s *DB) accountScope(ctx context.Context, w *where) error {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	sc.apply(w, "region", "user_id")
	return nil
}

// GetCustomerAccount returns an account in scope.
func (s *DB) GetCustomerAccount(ctx context.Context, id int64) (*sishui.CustomerAccount, error) {
	return s.customerAccountWhere(ctx, "id = ?", id)
}

// customerAccountByNumber returns the account of the number in scope.
func (s *DB) customerAccountByNumber(ctx context.Context, number string) (*sishui.CustomerAccount, error) {
	return s.customerAccountWhere(ctx, "number = ?", number)
}

func (s *DB) customerAccountWhere(ctx context.Context, cond string, arg any) (*sishui.CustomerAccount, error) {
	var w where
	w.add(cond, arg)
	if err := s.accountScope(ctx, &w); err != nil {
		return nil, err
	}
	a, err := scanCustomerAccount(s.DB.QueryRowContext(ctx, s.q(`SELECT `+customerCols+` FROM customer_accounts`+w.String()), w.args...))
	if err != nil {
		return nil, s.mapErr("get customer account", err, "")
	}
	return a, nil
}

// ListCustomerAccounts lists accounts in scope, by number.
func (s *DB) ListCustomerAccounts(ctx context.Context, region string, p sishui.Page) ([]*sishui.CustomerAccount, int, error) {
	var w where
	if err := s.accountScope(ctx, &w); err != nil {
		return nil, 0, err
	}
	if err := s.regionFilter(ctx, &w, "region", region); err != nil {
		return nil, 0, err
	}
	return list(ctx, s, "customer_accounts", customerCols, &w, "number", p, scanCustomerAccount)
}

// AllCustomerAccounts returns every account in scope by id.
func (s *DB) AllCustomerAccounts(ctx context.Context) ([]*sishui.CustomerAccount, error) {
	var w where
	if err := s.accountScope(ctx, &w); err != nil {
		return nil, err
	}
	return all(ctx, s, `SELECT `+customerCols+` FROM customer_accounts`+w.String()+` ORDER BY id`, w.args, scanCustomerAccount)
}

// AddMeterReads stores reads, replacing a read of the same account and day.
func (s *DB) AddMeterReads(ctx context.Context, rs []sishui.MeterRead) error {
	const op = "add meter reads"
	if len(rs) == 0 {
		return nil
	}
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	if !sishui.ActorFrom(ctx).CanWrite() {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "this account may not add meter reads"}
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		byNumber, err := tx.PrepareContext(ctx, s.q(`SELECT id, region FROM customer_accounts WHERE number = ?`))
		if err != nil {
			return err
		}
		defer byNumber.Close()
		byID, err := tx.PrepareContext(ctx, s.q(`SELECT id, region FROM customer_accounts WHERE id = ?`))
		if err != nil {
			return err
		}
		defer byID.Close()
		ins, err := tx.PrepareContext(ctx, s.q(`INSERT INTO meter_reads (account_id, read_ms, reading_m3, estimated) VALUES (?, ?, ?, ?)
			ON CONFLICT (account_id, read_ms) DO UPDATE SET reading_m3 = excluded.reading_m3, estimated = excluded.estimated`))
		if err != nil {
			return err
		}
		defer ins.Close()
		for i := range rs {
			r := &rs[i]
			if err := r.Validate(); err != nil {
				return err
			}
			var region string
			var row *sql.Row
			if r.Account > 0 {
				row = byID.QueryRowContext(ctx, r.Account)
			} else {
				row = byNumber.QueryRowContext(ctx, r.Number)
			}
			if err := row.Scan(&r.Account, &region); err == sql.ErrNoRows {
				return sishui.Invalid("account", "unknown customer account %q (row %d)", r.Number, i+1)
			} else if err != nil {
				return err
			}
			if !sc.allowsRegion(region) {
				return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "region " + region + " is outside this account's scope"}
			}
			r.ReadOn = r.ReadOn.UTC().Truncate(24 * time.Hour)
			if _, err := ins.ExecContext(ctx, r.Account, r.ReadOn.UnixMilli(), r.ReadingM3, r.Estimated); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, "upsert", "meter_reads", "", nil, map[string]int{"reads": len(rs)}, "")
	})
	return s.mapErr(op, err, "")
}

// MeterReads returns reads on days in [from, to).
func (s *DB) MeterReads(ctx context.Context, account int64, from, to time.Time) ([]sishui.MeterRead, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return nil, err
	}
	w := where{}
	w.add("r.read_ms >= ? AND r.read_ms < ?", from.UnixMilli(), to.UnixMilli())
	if account > 0 {
		w.add("r.account_id = ?", account)
	}
	sc.apply(&w, "a.region", "a.user_id")
	return all(ctx, s, `SELECT r.account_id, r.read_ms, r.reading_m3, r.estimated FROM meter_reads r JOIN customer_accounts a ON a.id = r.account_id`+w.String()+` ORDER BY r.account_id, r.read_ms`, w.args,
		func(sc scanner) (sishui.MeterRead, error) {
			var r sishui.MeterRead
			var t int64
			err := sc.Scan(&r.Account, &t, &r.ReadingM3, &r.Estimated)
			r.ReadOn = time.UnixMilli(t).UTC()
			return r, err
		})
}

const billCols = `id, subject, subject_id, region, user_id, period, kind, status, volume_m3, total_fen, estimated, rules, lines, created_ms, issued_ms`

func scanBill(sc scanner) (*sishui.Bill, error) {
	var b sishui.Bill
	var rules, lines string
	var c, is int64
	err := sc.Scan(&b.ID, &b.Subject, &b.SubjectID, &b.Region, &b.UserID, &b.Period, &b.Kind, &b.Status, &b.VolumeM3, &b.TotalFen, &b.Estimated, &rules, &lines, &c, &is)
	if err != nil {
		return nil, err
	}
	b.Created, b.Issued, b.Lines = fromMS(c), fromMS(is), json.RawMessage(lines)
	if err := json.Unmarshal([]byte(rules), &b.Rules); err != nil {
		return nil, err
	}
	return &b, nil
}

func canRunBatch(ctx context.Context, op string) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem:
		return nil
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only city staff and the system run bills and verifications"}
}

// ReplaceDraftBills replaces the drafts of a subject kind and period.
func (s *DB) ReplaceDraftBills(ctx context.Context, subject string, period int, bills []*sishui.Bill) error {
	const op = "replace draft bills"
	if err := canRunBatch(ctx, op); err != nil {
		return err
	}
	now := ms(s.Now())
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`DELETE FROM bills WHERE subject = ? AND period = ? AND status = ?`), subject, period, sishui.StatusDraft)
		if err != nil {
			return err
		}
		removed, _ := res.RowsAffected()
		ins, err := tx.PrepareContext(ctx, s.q(`INSERT INTO bills (subject, subject_id, region, user_id, period, kind, status, volume_m3, total_fen, estimated, rules, lines, created_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return err
		}
		defer ins.Close()
		for i, b := range bills {
			if b.Subject != subject || b.Period != period {
				return sishui.Invalid(fmt.Sprintf("bills[%d].period", i), "every bill must be of subject %s and period %d", subject, period)
			}
			if !json.Valid(b.Lines) {
				return sishui.Invalid(fmt.Sprintf("bills[%d].lines", i), "must be JSON")
			}
			rules, _ := json.Marshal(b.Rules)
			b.Status, b.Created = sishui.StatusDraft, fromMS(now)
			if _, err := ins.ExecContext(ctx, subject, b.SubjectID, b.Region, b.UserID, period, b.Kind, b.Status, b.VolumeM3, b.TotalFen, b.Estimated, string(rules), string(b.Lines), now); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, "replace", "draft_bills", fmt.Sprintf("%s/%d", subject, period), map[string]int64{"drafts": removed}, map[string]int{"drafts": len(bills)}, "")
	})
	return s.mapErr(op, err, "two drafts for one subject and period")
}

// IssuedBills returns a period's issued bills.
func (s *DB) IssuedBills(ctx context.Context, subject string, period int) ([]*sishui.Bill, error) {
	return all(ctx, s, `SELECT `+billCols+` FROM bills WHERE subject = ? AND period = ? AND status = ? ORDER BY subject_id, id`,
		[]any{subject, period, sishui.StatusIssued}, scanBill)
}

// PeriodBills returns every bill of a subject kind and period, by subject and id.
func (s *DB) PeriodBills(ctx context.Context, subject string, period int) ([]*sishui.Bill, error) {
	return all(ctx, s, `SELECT `+billCols+` FROM bills WHERE subject = ? AND period = ? ORDER BY subject_id, id`,
		[]any{subject, period}, scanBill)
}

// IssueBills issues a period's drafts.
func (s *DB) IssueBills(ctx context.Context, subject string, period int) (int, error) {
	const op = "issue bills"
	if err := canRunBatch(ctx, op); err != nil {
		return 0, err
	}
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE bills SET status = ?, issued_ms = ? WHERE subject = ? AND period = ? AND status = ?`),
			sishui.StatusIssued, ms(s.Now()), subject, period, sishui.StatusDraft)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		return s.audit(ctx, tx, "issue", "bills", fmt.Sprintf("%s/%d", subject, period), nil, map[string]int64{"issued": n}, "")
	})
	return int(n), s.mapErr(op, err, "")
}

func (s *DB) billWhere(ctx context.Context, f sishui.BillFilter) (where, error) {
	var w where
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return w, err
	}
	sc.apply(&w, "region", "user_id")
	if err := s.regionFilter(ctx, &w, "region", f.Region); err != nil {
		return w, err
	}
	if f.Subject != "" {
		w.add("subject = ?", f.Subject)
	}
	if f.SubjectID != 0 {
		w.add("subject_id = ?", f.SubjectID)
	}
	if f.Period != 0 {
		w.add("period = ?", f.Period)
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	return w, nil
}

// ListBills lists bills in scope.
func (s *DB) ListBills(ctx context.Context, f sishui.BillFilter) ([]*sishui.Bill, int, error) {
	w, err := s.billWhere(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	return list(ctx, s, "bills", billCols, &w, "period DESC, subject, subject_id, id", f.Page, scanBill)
}

// GetBill returns a bill in scope.
func (s *DB) GetBill(ctx context.Context, id int64) (*sishui.Bill, error) {
	w, err := s.billWhere(ctx, sishui.BillFilter{})
	if err != nil {
		return nil, err
	}
	w.add("id = ?", id)
	b, err := scanBill(s.DB.QueryRowContext(ctx, s.q(`SELECT `+billCols+` FROM bills`+w.String()), w.args...))
	if err != nil {
		return nil, s.mapErr("get bill", err, "")
	}
	return b, nil
}
