package sqlstore

import (
	"context"
	"database/sql"
	"strings"

	"github.com/sishui/sishui"
)

// scope is what an actor may see: all rows, the rows of a set of regions, or
// the rows of one water user (enterprise accounts). Public actors see none of
// the registry's rows.
type scope struct {
	all     bool
	regions []string // when not all: region codes in scope
	user    int64    // enterprise: only this water user's rows
	none    bool
}

// scopeOf resolves the context actor's scope.
func (s *DB) scopeOf(ctx context.Context) (scope, error) {
	a := sishui.ActorFrom(ctx)
	switch {
	case a.SeesAll():
		return scope{all: true}, nil
	case a.Role == sishui.RoleCounty:
		codes, err := s.regionTree(ctx, a.Region)
		if err != nil {
			return scope{}, err
		}
		return scope{regions: codes}, nil
	case a.Role == sishui.RoleEnterprise && a.WaterUser > 0:
		return scope{user: a.WaterUser}, nil
	}
	return scope{none: true}, nil
}

// regionTree returns root and every region below it: children (recursively) and
// the functional zones it hosts.
func (s *DB) regionTree(ctx context.Context, root string) ([]string, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT code, parent, host FROM regions`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	below := map[string][]string{}
	for rows.Next() {
		var code string
		var parent, host sql.NullString
		if err := rows.Scan(&code, &parent, &host); err != nil {
			return nil, err
		}
		if host.String != "" {
			below[host.String] = append(below[host.String], code)
		} else if parent.String != "" {
			below[parent.String] = append(below[parent.String], code)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := []string{root}
	seen := map[string]bool{root: true}
	for i := 0; i < len(out); i++ {
		for _, c := range below[out[i]] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// where accumulates SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) in(col string, vals []string) {
	if len(vals) == 0 {
		w.add("1 = 0")
		return
	}
	ph := strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ")
	args := make([]any, len(vals))
	for i, v := range vals {
		args[i] = v
	}
	w.add(col+" IN ("+ph+")", args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// regionFilter narrows w to a region and everything below it.
func (s *DB) regionFilter(ctx context.Context, w *where, col, region string) error {
	if region == "" {
		return nil
	}
	codes, err := s.regionTree(ctx, region)
	if err != nil {
		return err
	}
	w.in(col, codes)
	return nil
}

// applyScope narrows w to the scope. regionCol names the row's region column;
// userExpr is an SQL expression giving the row's water-user id ("" when the
// table has no owner, making it invisible to enterprise accounts).
func (sc scope) apply(w *where, regionCol, userExpr string) {
	switch {
	case sc.all:
	case sc.none:
		w.add("1 = 0")
	case sc.user > 0:
		if userExpr == "" {
			w.add("1 = 0")
			return
		}
		w.add(userExpr+" = ?", sc.user)
	default:
		w.in(regionCol, sc.regions)
	}
}

// allowsRegion reports whether a row in region may be written under the scope.
func (sc scope) allowsRegion(region string) bool {
	if sc.all {
		return true
	}
	for _, r := range sc.regions {
		if r == region {
			return true
		}
	}
	return false
}

// canWrite checks that the actor may change a row in region.
func (s *DB) canWrite(ctx context.Context, op, region string) error {
	a := sishui.ActorFrom(ctx)
	if !a.CanWrite() {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "this account may not change registry data"}
	}
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return err
	}
	if !sc.allowsRegion(region) {
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "region " + region + " is outside this account's scope"}
	}
	return nil
}

// canWriteFor checks that the actor may change what a water user declares
// of itself (its outputs): staff who may write in the user's region, or the
// enterprise that is that user.
func (s *DB) canWriteFor(ctx context.Context, op string, u *sishui.WaterUser) error {
	if a := sishui.ActorFrom(ctx); a.Role == sishui.RoleEnterprise {
		if a.WaterUser > 0 && a.WaterUser == u.ID {
			return nil
		}
		return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Field: "user_id", Message: "an enterprise declares only its own outputs"}
	}
	return s.canWrite(ctx, op, u.Region)
}

// canWriteVocabulary checks that the actor may change city-wide reference data
// (regions, sources, sectors, indicators, targets, caps).
func canWriteVocabulary(ctx context.Context, op string) error {
	switch sishui.ActorFrom(ctx).Role {
	case sishui.RoleAdmin, sishui.RoleCity, sishui.RoleSystem:
		return nil
	}
	return &sishui.Error{Code: sishui.EFORBIDDEN, Op: op, Message: "only city staff and administrators may change reference data"}
}
