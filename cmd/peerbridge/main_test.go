package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/peerbridge/peerbridge/internal/testdb"
)

func getenvFrom(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestMigrateSeedAndCreateAdmin(t *testing.T) {
	dsn := testdb.New(t)
	env := getenvFrom(map[string]string{"DATABASE_URL": dsn})
	ctx := context.Background()
	var out, errs bytes.Buffer
	if err := run(ctx, []string{"migrate"}, env, strings.NewReader(""), &out, &errs); err != nil {
		t.Fatalf("migrate: %v %s", err, errs.String())
	}
	for i := range 2 { // idempotent: the second load changes nothing and does not fail
		out.Reset()
		if err := run(ctx, []string{"seed-demo"}, env, strings.NewReader(""), &out, &errs); err != nil {
			t.Fatalf("seed-demo run %d: %v %s", i+1, err, errs.String())
		}
		if !strings.Contains(out.String(), "coordinator@peerbridge.example") || !strings.Contains(out.String(), "peerbridge-demo") {
			t.Fatalf("seed-demo does not print the logins: %s", out.String())
		}
	}
	out.Reset()
	err := run(ctx, []string{"create-admin", "--email", "ops@example.org", "--name", "Ops"}, env, strings.NewReader("a strong admin password\n"), &out, &errs)
	if err != nil || !strings.Contains(out.String(), "administrator created: ops@example.org") {
		t.Fatalf("create-admin: %v %s", err, out.String())
	}
	if err := run(ctx, []string{"create-admin", "--email", "weak@example.org", "--name", "W"}, env, strings.NewReader("short\n"), &out, &errs); err == nil {
		t.Fatal("create-admin accepted a short password")
	}
	if err := run(ctx, []string{"create-admin", "--email", "OPS@example.org", "--name", "Dup"}, env, strings.NewReader("another long password\n"), &out, &errs); err == nil {
		t.Fatal("create-admin accepted a taken e-mail")
	}
	if err := run(ctx, []string{"nonsense"}, env, strings.NewReader(""), &out, &errs); err == nil {
		t.Fatal("unknown command accepted")
	}
	if strings.Contains(errs.String(), "a strong admin password") {
		t.Fatal("a password reached the logs")
	}
}

func TestServeRefusesAWeakSecret(t *testing.T) {
	env := getenvFrom(map[string]string{"DATABASE_URL": "postgres://127.0.0.1:1/x", "PEERBRIDGE_JWT_SECRET": "weak"})
	var out, errs bytes.Buffer
	err := run(context.Background(), []string{"serve"}, env, strings.NewReader(""), &out, &errs)
	if err == nil || !strings.Contains(err.Error(), "too weak") {
		t.Fatalf("serve with a weak secret: %v", err)
	}
}

// serve answers, and stops cleanly soon after its context is cancelled (SIGTERM in main).
func TestServeStopsGracefully(t *testing.T) {
	dsn := testdb.New(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	env := getenvFrom(map[string]string{"DATABASE_URL": dsn, "PEERBRIDGE_ADDR": addr, "PEERBRIDGE_JWT_SECRET": "k3J9x!mQ2#vL8pZ0rT5wY7uB4nE6cA1sD", "PEERBRIDGE_WEB_DIR": t.TempDir()})
	ctx, cancel := context.WithCancel(context.Background())
	var out, errs syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, env, strings.NewReader(""), &out, &errs) }()
	url := fmt.Sprintf("http://%s/readyz", addr)
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err := http.Get(url)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not become ready: %s", errs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop within 20 s")
	}
	if strings.Contains(errs.String(), "k3J9x") {
		t.Fatal("the signing secret reached the logs")
	}
}

func TestBenchSeedRefusesAnUnknownSize(t *testing.T) {
	var out, errs bytes.Buffer
	err := run(context.Background(), []string{"bench-seed", "--size", "huge"}, getenvFrom(map[string]string{}), strings.NewReader(""), &out, &errs)
	if err == nil || !strings.Contains(err.Error(), "unknown size") {
		t.Fatalf("bench-seed --size huge: %v", err)
	}
}
