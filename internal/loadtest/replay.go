package loadtest

import (
	"context"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Statement is one statement as the application sent it, with its arguments.
type Statement struct {
	SQL  string
	Args []any
}

// Recorder is a pgx.QueryTracer that keeps the statements sent while it is capturing. Captures do
// not overlap: the recording runs one request at a time.
type Recorder struct {
	mu        sync.Mutex
	capturing bool
	got       []Statement
}

// Begin starts a new capture.
func (r *Recorder) Begin() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.capturing, r.got = true, nil
}

// End stops the capture and returns its statements in the order they were sent.
func (r *Recorder) End() []Statement {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.capturing = false
	got := r.got
	r.got = nil
	return got
}

// TraceQueryStart implements pgx.QueryTracer.
func (r *Recorder) TraceQueryStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceQueryStartData) context.Context {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.capturing {
		r.got = append(r.got, Statement{SQL: data.SQL, Args: append([]any(nil), data.Args...)})
	}
	return ctx
}

// TraceQueryEnd implements pgx.QueryTracer.
func (r *Recorder) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// RolledBack turns the statements of a write into ones that leave nothing behind, so that they
// can be replayed any number of times: they run in one transaction that ends with ROLLBACK. The
// application's own BEGIN then only warns, and its COMMIT becomes the ROLLBACK.
func RolledBack(stmts []Statement) []Statement {
	out := []Statement{{SQL: "begin"}}
	for _, s := range stmts {
		switch strings.ToLower(strings.TrimSpace(s.SQL)) {
		case "begin":
			continue
		case "commit":
			s = Statement{SQL: "rollback"}
		}
		out = append(out, s)
	}
	if last := out[len(out)-1]; last.SQL != "rollback" {
		out = append(out, Statement{SQL: "rollback"})
	}
	return out
}

// Replay is the operation that sends variants[worker % len(variants)] on one pooled connection,
// reading every row as raw bytes: the floor the application's SQL sets, without HTTP or JSON.
func Replay(pool *pgxpool.Pool, variants [][]Statement) Op {
	return func(ctx context.Context, worker int) error {
		stmts := variants[worker%len(variants)]
		conn, err := pool.Acquire(ctx)
		if err != nil {
			return err
		}
		defer conn.Release()
		for _, s := range stmts {
			if err := run(ctx, conn.Conn(), s); err != nil {
				// A transaction left open would poison the connection for the next operation.
				if !conn.Conn().PgConn().IsClosed() {
					_, _ = conn.Exec(context.WithoutCancel(ctx), "rollback")
				}
				return err
			}
		}
		return nil
	}
}

func run(ctx context.Context, conn *pgx.Conn, s Statement) error {
	if len(s.Args) == 0 {
		// Transaction control and statements without parameters, as database/sql sends them.
		_, err := conn.Exec(ctx, s.SQL)
		return err
	}
	rows, err := conn.Query(ctx, s.SQL, s.Args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		_ = rows.RawValues()
	}
	rows.Close()
	return rows.Err()
}
