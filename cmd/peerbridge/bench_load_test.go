package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/peerbridge/peerbridge/internal/testdb"
)

// bench-load on the small generated data set measures the exchange reads (matches, the learning
// map, the activity list and an activity page) without errors, over HTTP and replayed in SQL.
func TestBenchLoadMeasuresTheExchangeReads(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a data set and runs a server")
	}
	dsn := testdb.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errs bytes.Buffer
	if err := run(ctx, []string{"bench-seed", "--size", "small"}, getenvFrom(map[string]string{"DATABASE_URL": dsn}), strings.NewReader(""), &out, &errs); err != nil {
		t.Fatalf("bench-seed: %v %s", err, errs.String())
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	env := getenvFrom(map[string]string{"DATABASE_URL": dsn, "PEERBRIDGE_ADDR": addr, "PEERBRIDGE_JWT_SECRET": "k3J9x!mQ2#vL8pZ0rT5wY7uB4nE6cA1sD",
		"PEERBRIDGE_WEB_DIR": t.TempDir(), "PEERBRIDGE_LOG_LEVEL": "error"})
	var serverOut, serverErrs syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, env, strings.NewReader(""), &serverOut, &serverErrs) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	base := "http://" + addr
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not become ready: %s", serverErrs.String())
		}
	}

	out.Reset()
	errs.Reset()
	err = run(ctx, []string{"bench-load", "--url", base, "--only", "matches|learning|activit", "--connections", "4", "--seconds", "0.3", "--warmup", "0"},
		env, strings.NewReader(""), &out, &errs)
	if err != nil {
		t.Fatalf("bench-load: %v %s", err, errs.String())
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(out.String(), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 12 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows[cells[1]] = cells[1:]
	}
	for _, name := range []string{"matches (partner)", "learning map (coordinator)", "activities list (member)", "activity page (member)"} {
		r, ok := rows[name]
		switch {
		case !ok:
			t.Errorf("no row %q in\n%s", name, out.String())
		case r[4] == "0" || r[5] != "0":
			t.Errorf("%s: %s req/s over HTTP, errors %s", name, r[4], r[5])
		case r[8] == "—" || r[8] == "0":
			t.Errorf("%s: SQL side not measured (%s)", name, r[6])
		}
	}
	if t.Failed() {
		t.Log(errs.String())
	}
}
