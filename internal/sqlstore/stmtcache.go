package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache holds the hot path's statements (multi-row sample, latest-value
// and frame inserts) prepared once on the pool: database/sql keeps one
// prepared copy per connection, so a group commit binds and steps them
// without parsing and planning the SQL again (tx.StmtContext prepares on
// the transaction's own connection the first time).
//
// They are prepared before a transaction begins (prepareHot), never inside
// one: preparing on the pool from inside a transaction would wait for a
// free connection while holding SQLite's write lock, and the writers holding
// the other connections wait for that lock.
type stmtCache struct {
	prep  sync.Mutex // serialises prepareHot; never taken inside a transaction
	mu    sync.Mutex // guards m and ready; never held while waiting for a connection
	m     map[string]*sql.Stmt
	ready bool
}

// hotSizes are the statement sizes chunkSize yields.
var hotSizes = []int{rowsPerInsert, 64, 32, 16, 8, 4, 2, 1}

// prepareHot prepares the hot statements once; call it outside any
// transaction.
func (s *DB) prepareHot(ctx context.Context) error {
	s.stmts.mu.Lock()
	ready := s.stmts.ready
	s.stmts.mu.Unlock()
	if ready {
		return nil
	}
	s.stmts.prep.Lock()
	defer s.stmts.prep.Unlock()
	for _, n := range hotSizes {
		for _, q := range []string{insertSQL(n), latestSQL(n), s.archiveQuery(n)} {
			q = s.q(q)
			s.stmts.mu.Lock()
			_, ok := s.stmts.m[q]
			s.stmts.mu.Unlock()
			if ok {
				continue
			}
			st, err := s.DB.PrepareContext(ctx, q) // no lock held
			if err != nil {
				return err
			}
			s.stmts.mu.Lock()
			if s.stmts.m == nil {
				s.stmts.m = map[string]*sql.Stmt{}
			}
			s.stmts.m[q] = st
			s.stmts.mu.Unlock()
		}
	}
	s.stmts.mu.Lock()
	s.stmts.ready = true
	s.stmts.mu.Unlock()
	return nil
}

// txStmt returns the statement for query (already rebound with s.q) bound
// to tx: the cached one when prepareHot has run, else one prepared in tx.
// Either is closed with the transaction.
func (s *DB) txStmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	st, ok := s.hotStmt(query)
	if !ok {
		return tx.PrepareContext(ctx, query)
	}
	return tx.StmtContext(ctx, st), nil
}

// hotStmt returns the statement prepareHot prepared for query, if any.
func (s *DB) hotStmt(query string) (*sql.Stmt, bool) {
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	st, ok := s.stmts.m[query]
	return st, ok
}

// closeStmts closes the cached statements (Close of the store).
func (s *DB) closeStmts() {
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	for k, st := range s.stmts.m {
		st.Close()
		delete(s.stmts.m, k)
	}
	s.stmts.ready = false
}
