package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sishui/sishui"
)

// refOwner is the SQL expression giving the water user a referenced row
// belongs to, for the tables that have one (enterprise scope).
var refOwner = map[string]string{"water_users": "id", "permits": "user_id"}

// refRegion resolves a row a caller names by id (a foreign key in its input)
// to the row's region, and checks that the row lies in the caller's scope,
// with the same scope filter as the caller's reads (a county's regions, an
// enterprise's own water user). A scoped caller gets the same EFORBIDDEN for
// a row outside its scope as for a row that does not exist, so that ids
// outside the scope are not revealed; an unscoped caller gets EINVALID naming
// field for a missing row.
func (s *DB) refRegion(ctx context.Context, tx *sql.Tx, table, noun, field string, id int64) (string, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return "", err
	}
	var w where
	w.add("id = ?", id)
	sc.apply(&w, "region", refOwner[table])
	var region string
	err = tx.QueryRowContext(ctx, s.q(`SELECT region FROM `+table+w.String()), w.args...).Scan(&region)
	switch {
	case err == sql.ErrNoRows && !sc.all:
		return "", &sishui.Error{Code: sishui.EFORBIDDEN, Field: field, Message: fmt.Sprintf("%s %d is not one this account may use", noun, id)}
	case err == sql.ErrNoRows:
		return "", sishui.Invalid(field, "%s %d does not exist", noun, id)
	}
	return region, err
}

// keepInScope checks that the row an upsert by code replaces lies in the
// caller's scope: county staff may not take over another county's row by
// naming its code.
func (s *DB) keepInScope(ctx context.Context, op, noun, code, oldRegion string) error {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	if !sc.allowsRegion(oldRegion) {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: fmt.Sprintf("%s %s belongs to a region outside this account's scope", noun, code)}
	}
	return nil
}
