package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// execer runs the append's multi-row statements: through database/sql
// (txExec) or straight on the driver connection beneath the transaction
// (rawExec).
type execer interface {
	// exec runs query (already rebound with s.q) with args, which it does
	// not keep, and returns the rows affected and the last insert id.
	exec(query string, args []any) (affected, lastID int64, err error)
}

// txExec runs statements in tx, the hot ones prepared once on the pool
// (prepareHot), the others as they come (the driver prepares them).
type txExec struct {
	ctx context.Context
	s   *DB
	tx  *sql.Tx
}

func (e txExec) exec(query string, args []any) (int64, int64, error) {
	var res sql.Result
	var err error
	if st, ok := e.s.hotStmt(query); ok {
		res, err = e.tx.StmtContext(e.ctx, st).ExecContext(e.ctx, args...)
	} else {
		res, err = e.tx.ExecContext(e.ctx, query, args...)
	}
	if err != nil {
		return 0, 0, err
	}
	n, _ := res.RowsAffected()
	id, _ := res.LastInsertId()
	return n, id, nil
}

// rawExec runs statements on a driver connection, inside the transaction
// database/sql began on it. database/sql copies every argument into a new
// slice of driver values at each call (for a group commit, a few kB per
// report and the largest share of the gateway's garbage); here one slice
// is reused. Statements are prepared once per transaction and closed at its
// end (close), while their connection is surely open. Arguments must be
// driver values already (int64, float64, string, []byte).
type rawExec struct {
	ctx   context.Context
	dc    driver.ConnPrepareContext
	stmts map[string]driver.Stmt
	nv    []driver.NamedValue
}

func (e *rawExec) exec(query string, args []any) (int64, int64, error) {
	st, ok := e.stmts[query]
	if !ok {
		var err error
		if st, err = e.dc.PrepareContext(e.ctx, query); err != nil {
			return 0, 0, err
		}
		if e.stmts == nil {
			e.stmts = map[string]driver.Stmt{}
		}
		e.stmts[query] = st
	}
	sx, ok := st.(driver.StmtExecContext)
	if !ok {
		return 0, 0, fmt.Errorf("driver statement %T cannot execute with a context", st)
	}
	nv := e.nv[:0]
	for i, a := range args {
		nv = append(nv, driver.NamedValue{Ordinal: i + 1, Value: a})
	}
	e.nv = nv
	res, err := sx.ExecContext(e.ctx, nv)
	clear(nv) // keep no argument alive
	if err != nil {
		return 0, 0, err
	}
	n, _ := res.RowsAffected()
	id, _ := res.LastInsertId()
	return n, id, nil
}

// close closes the transaction's statements.
func (e *rawExec) close() {
	for _, st := range e.stmts {
		_ = st.Close()
	}
	clear(e.stmts)
}

// withExec runs fn with a rawExec on conn's driver connection when conn is
// set and its driver prepares with a context, else with a txExec on tx. conn
// holds tx; fn must not use tx itself (database/sql would wait for the
// driver connection that fn holds).
func (s *DB) withExec(ctx context.Context, conn *sql.Conn, tx *sql.Tx, fn func(e execer) error) error {
	if conn != nil {
		raw := false
		err := conn.Raw(func(dc any) error {
			pc, ok := dc.(driver.ConnPrepareContext)
			if !ok {
				return nil
			}
			raw = true
			e := &rawExec{ctx: ctx, dc: pc}
			defer e.close()
			return fn(e)
		})
		if raw || err != nil {
			return err
		}
	}
	return fn(txExec{ctx: ctx, s: s, tx: tx})
}
