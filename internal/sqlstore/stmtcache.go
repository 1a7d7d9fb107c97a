package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache holds the hot path's statements (multi-row sample, latest-value,
// frame and outbox inserts) prepared once on the pool: database/sql keeps one
// prepared copy per connection, so a group commit binds and steps them
// without parsing and planning the SQL again (tx.StmtContext).
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// txStmt returns the cached statement for query (already rebound with s.q)
// bound to tx; it is closed with the transaction.
func (s *DB) txStmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	s.stmts.mu.Lock()
	st, ok := s.stmts.m[query]
	s.stmts.mu.Unlock()
	if !ok {
		var err error
		if st, err = s.DB.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		s.stmts.mu.Lock()
		if old, ok := s.stmts.m[query]; ok {
			st.Close()
			st = old
		} else {
			if s.stmts.m == nil {
				s.stmts.m = map[string]*sql.Stmt{}
			}
			s.stmts.m[query] = st
		}
		s.stmts.mu.Unlock()
	}
	return tx.StmtContext(ctx, st), nil
}

// closeStmts closes the cached statements (Close of the store).
func (s *DB) closeStmts() {
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	for k, st := range s.stmts.m {
		st.Close()
		delete(s.stmts.m, k)
	}
}
