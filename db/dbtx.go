package db

import (
	"context"
	"database/sql"
)

// dbtx is what the per-entity save helpers need of a transaction; both
// *sql.Tx and cachedTx provide it.
type dbtx interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// cachedTx prepares each distinct statement once for the life of a bulk
// transaction (SaveOrganYear), instead of parsing it for every row.
type cachedTx struct {
	*sql.Tx
	stmts map[string]*sql.Stmt
}

func newCachedTx(tx *sql.Tx) *cachedTx { return &cachedTx{Tx: tx, stmts: map[string]*sql.Stmt{}} }

func (c *cachedTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := c.Tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = st
	return st, nil
}

func (c *cachedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (c *cachedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext reports a preparation error through the returned row,
// as *sql.Tx does.
func (c *cachedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return c.Tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func (c *cachedTx) close() {
	for _, st := range c.stmts {
		st.Close()
	}
}
