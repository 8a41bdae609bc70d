// Package testdb gives each integration test its own PostgreSQL database, cloned from a migrated
// template, on the cluster named by PEERBRIDGE_TEST_DATABASE_URL (started by `make test`).
package testdb

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver for the admin connection

	"github.com/peerbridge/peerbridge/migrations"
)

// EnvVar names the cluster URL; its database is used only for administration.
const EnvVar = "PEERBRIDGE_TEST_DATABASE_URL"

var counter atomic.Int64

// URL returns the admin URL or fails the test: a missing database is a failure, never a skip,
// so that CI cannot pass without running the integration tests.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvVar)
	if u == "" {
		t.Fatalf("%s is not set: run the tests through `make test`, which starts PostgreSQL", EnvVar)
	}
	return u
}

// New creates a fresh migrated database for t and returns its URL; it is dropped when t ends.
func New(t testing.TB) string {
	t.Helper()
	adminURL := URL(t)
	ctx := context.Background()
	admin, err := sql.Open("pgx", adminURL)
	if err != nil {
		t.Fatalf("open admin connection: %v", err)
	}
	defer admin.Close()
	tmpl, err := ensureTemplate(ctx, admin, adminURL)
	if err != nil {
		t.Fatalf("prepare template database: %v", err)
	}
	name := fmt.Sprintf("t_%d_%d_%s", os.Getpid(), counter.Add(1), strings.ToLower(hex.EncodeToString(randomBytes(3))))
	if _, err := admin.ExecContext(ctx, fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s`, name, tmpl)); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", adminURL)
		if err != nil {
			return
		}
		defer a.Close()
		_, _ = a.ExecContext(context.Background(), fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
	})
	return withDatabase(adminURL, name)
}

// ensureTemplate creates and migrates the template database for the current migrations once per
// cluster. Test processes of several packages race for it; an advisory lock orders them (this is
// test tooling; the server's own advisory locks, for the contact form, use two-key classes).
func ensureTemplate(ctx context.Context, admin *sql.DB, adminURL string) (string, error) {
	all, err := migrations.All()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, m := range all {
		h.Write([]byte(m.Version))
		h.Write([]byte(m.SQL))
	}
	name := "tmpl_" + hex.EncodeToString(h.Sum(nil))[:16]
	conn, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(74210)`); err != nil {
		return "", err
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(74210)`) //nolint:errcheck
	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}
	building := name + "_build"
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, building)); err != nil {
		return "", err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`CREATE DATABASE %s`, building)); err != nil {
		return "", err
	}
	db, err := sql.Open("pgx", withDatabase(adminURL, building))
	if err != nil {
		return "", err
	}
	_, err = migrations.Up(ctx, db)
	db.Close()
	if err != nil {
		return "", fmt.Errorf("migrate template: %w", err)
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`ALTER DATABASE %s RENAME TO %s`, building, name)); err != nil {
		return "", err
	}
	return name, nil
}

func withDatabase(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Path = "/" + name
	return u.String()
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	f, err := os.Open("/dev/urandom")
	if err == nil {
		defer f.Close()
		_, _ = f.Read(b)
	}
	return b
}
