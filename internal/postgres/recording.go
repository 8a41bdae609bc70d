package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// OpenForRecording is Open for the load test's recording of a request's statements: tracer sees
// every statement the store sends, with its arguments, and every transaction ends in ROLLBACK,
// so that recording a write leaves the data as it was and the statements can be replayed as they
// were sent. Statements outside a transaction still take effect.
func OpenForRecording(dsn string, log *slog.Logger, tracer pgx.QueryTracer) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	cfg.Tracer = tracer
	SessionSettings(cfg.RuntimeParams)
	return open(postgres.New(postgres.Config{Conn: rollbackPool{stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(encodeUUIDsAsBytes))}}))
}

// rollbackPool hands GORM transactions that roll back when committed.
type rollbackPool struct{ db *sql.DB }

func (p rollbackPool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return p.db.PrepareContext(ctx, query)
}

func (p rollbackPool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return p.db.ExecContext(ctx, query, args...)
}

func (p rollbackPool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.db.QueryContext(ctx, query, args...)
}

func (p rollbackPool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.db.QueryRowContext(ctx, query, args...)
}

// BeginTx implements gorm.ConnPoolBeginner.
func (p rollbackPool) BeginTx(ctx context.Context, opts *sql.TxOptions) (gorm.ConnPool, error) {
	tx, err := p.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &rollbackTx{tx}, nil
}

// GetDBConn implements gorm.GetDBConnector, for DB.SQL.
func (p rollbackPool) GetDBConn() (*sql.DB, error) { return p.db, nil }

type rollbackTx struct{ *sql.Tx }

// Commit rolls back: see OpenForRecording. A pointer, because GORM checks the committer for nil.
func (t *rollbackTx) Commit() error { return t.Tx.Rollback() }
