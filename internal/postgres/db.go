// Package postgres is the only package that talks to the database: rows, converters, queries and
// the translation of driver errors into domain errors.
package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/migrations"
)

// DB wraps the GORM handle. Every query goes through DB.conn(ctx), which picks up a transaction
// carried in the context.
type DB struct {
	gorm *gorm.DB
	sql  *sql.DB
}

// Open connects and configures the pool. It does not fail when the database is down: the server
// starts, answers 503 and recovers by itself when the database comes back.
func Open(dsn string, log *slog.Logger) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	SessionSettings(cfg.RuntimeParams)
	return open(postgres.New(postgres.Config{Conn: stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(encodeUUIDsAsBytes))}))
}

// SessionSettings sets, in the startup parameters of a connection, the settings every session of
// the application runs with (unless the connection string names them): no JIT compilation. Each
// of the application's statements runs in milliseconds, but the planner compiles one whose row
// estimate is far off (a statement splitting questions into words, estimated at 3.3 million rows
// for 96) on every execution: 146 ms with JIT against 0.44 ms without, measured on the
// benchmark data set.
func SessionSettings(params map[string]string) {
	if _, set := params["jit"]; !set {
		params["jit"] = "off"
	}
}

func open(dialector gorm.Dialector) (*DB, error) {
	g, err := gorm.Open(dialector, &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
		DisableAutomaticPing:   true,
		NowFunc:                func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	s, err := g.DB()
	if err != nil {
		return nil, err
	}
	// As many idle connections as open ones: with fewer, every burst above the idle count closes
	// connections after use and opens new ones for the next (measured under the benchmark's 32
	// clients: about 30 new PostgreSQL sessions a second, each a fork and a fresh statement cache).
	s.SetMaxOpenConns(20)
	s.SetMaxIdleConns(20)
	s.SetConnMaxLifetime(30 * time.Minute)
	s.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{gorm: g, sql: s}, nil
}

// Close releases the pool.
func (db *DB) Close() error { return db.sql.Close() }

// SQL exposes the standard handle for migrations and health checks.
func (db *DB) SQL() *sql.DB { return db.sql }

// Migrate applies the embedded migrations.
func (db *DB) Migrate(ctx context.Context) ([]string, error) { return migrations.Up(ctx, db.sql) }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return translate(db.sql.PingContext(ctx))
}

type txKey struct{}

// WithTx runs fn in a transaction, or inside the caller's transaction when ctx already carries one.
func (db *DB) WithTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(context.WithValue(ctx, txKey{}, tx))
	})
	return translate(err)
}

// ReadSnapshot runs fn in a read-only REPEATABLE READ transaction, so that all its statements see
// one snapshot of the database; inside the caller's transaction it simply runs fn.
func (db *DB) ReadSnapshot(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	err := db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(context.WithValue(ctx, txKey{}, tx))
	}, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	return translate(err)
}

// conn returns the transaction in ctx or the pool, bound to ctx.
func (db *DB) conn(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx.WithContext(ctx)
	}
	return db.gorm.WithContext(ctx)
}

// translate turns driver errors into domain errors; the driver's text never reaches a caller.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	if errors.Is(err, gorm.ErrRecordNotFound) || errors.Is(err, sql.ErrNoRows) {
		return domain.Wrap(domain.CodeNotFound, err, "Not found.")
	}
	if ranOutOfTime(err) {
		return overloaded(err)
	}
	if isUnavailable(err) {
		return &domain.Error{Code: domain.CodeUnavailable, Message: "The database is unavailable; try again shortly.", RetryAfter: 5}
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "23505":
			return domain.Wrap(domain.CodeConflict, err, "This conflicts with an existing record.")
		case "23503":
			return domain.Wrap(domain.CodeValidation, err, "A referenced record does not exist.")
		case "23514", "22001", "22P02", "22007", "22008":
			return domain.Wrap(domain.CodeValidation, err, "A value is out of the allowed range.")
		case "40001", "40P01":
			return domain.Wrap(domain.CodeBusy, err, "The request collided with another one; try again.")
		case "57P01", "57P02", "57P03", "53300":
			return &domain.Error{Code: domain.CodeUnavailable, Message: "The database is unavailable; try again shortly.", RetryAfter: 5}
		}
	}
	return err
}

// overloadRetryAfter is what a request that ran out of time is told to wait, in seconds.
const overloadRetryAfter = 2

func overloaded(cause error) error {
	e := domain.Wrap(domain.CodeServerOverloaded, cause, domain.Overloaded(overloadRetryAfter).Message)
	e.RetryAfter = overloadRetryAfter
	return e
}

// ranOutOfTime recognises a request that reached its own deadline while waiting for a pooled
// connection or for a statement: the database answers, this server is the bottleneck. A deadline
// that expired while connecting is an unreachable database, not an overload.
func ranOutOfTime(err error) bool {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return false
	}
	return errors.Is(err, context.DeadlineExceeded)
}

// isUnavailable recognises a database that cannot be reached, as opposed to a bad query.
func isUnavailable(err error) bool {
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	return pgconn.SafeToRetry(err)
}

// IsUnavailable reports whether err means the database could not be reached.
func IsUnavailable(err error) bool { return domain.IsCode(translate(err), domain.CodeUnavailable) }

// JSON stores any value as jsonb.
type JSON[T any] struct{ V T }

// Value implements driver.Valuer.
func (j JSON[T]) Value() (driver.Value, error) {
	b, err := json.Marshal(j.V)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// Scan implements sql.Scanner.
func (j *JSON[T]) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		var zero T
		j.V = zero
		return nil
	case []byte:
		return json.Unmarshal(v, &j.V)
	case string:
		return json.Unmarshal([]byte(v), &j.V)
	}
	return fmt.Errorf("cannot scan %T into JSON", src)
}

// GormDataType tells GORM the column type.
func (JSON[T]) GormDataType() string { return "jsonb" }

// List is a jsonb array that is never null.
func List[T any](v []T) JSON[[]T] {
	if v == nil {
		v = []T{}
	}
	return JSON[[]T]{V: v}
}

// bytea passes a byte slice as one bytea parameter; GORM would expand a bare []byte into a list.
type bytea []byte

// Value implements driver.Valuer.
func (b bytea) Value() (driver.Value, error) { return []byte(b), nil }
