package httpapi_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/peerbridge/peerbridge/internal/httpapi"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

// holdTables takes an exclusive lock on the tables in a transaction of its own, so that every statement
// reading it waits: a healthy database that is slow for this server. The returned function lets go.
func holdTables(t *testing.T, db *sql.DB, tables string) (release func()) {
	t.Helper()
	tx, err := db.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`LOCK TABLE ` + tables + ` IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	done := false
	release = func() {
		if !done {
			done = true
			_ = tx.Rollback()
		}
	}
	t.Cleanup(release)
	return release
}

func overloadedAnswer(t *testing.T, r response, what string) {
	t.Helper()
	if r.Status != 503 || r.code() != "overloaded" || r.Header.Get("Retry-After") == "" || r.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("%s: want 503 overloaded with Retry-After as problem+json, got %d %v %s", what, r.Status, r.Header, r.Body)
	}
}

// A heavy read that finds its class's slots taken is refused at once, not queued into the deadline.
func TestHeavyReadsBeyondTheAdmissionLimitAreRefusedFast(t *testing.T) {
	e := newEnvWithURL(t, testdb.New(t), httpapi.Options{HeavySlots: 1, HeavyQueueWait: 50 * time.Millisecond})
	w := worldOn(e)
	dashboard := "/api/v1/programmes/" + w.prog.ID.String() + "/dashboard"
	must(t, w.get(dashboard, w.tok["coordinator"]), 200)

	// The dashboard's figures are cached after the first request: hold the cache as well.
	release := holdTables(t, w.db.SQL(), "practices, programme_figures")
	first := make(chan response, 1)
	go func() { first <- w.get(dashboard, w.tok["coordinator"]) }()
	// The first request is inside its slot once its statement waits for the lock.
	deadline := time.Now().Add(10 * time.Second)
	for {
		var waiting int
		if err := w.db.SQL().QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first dashboard request never reached the database")
		}
		time.Sleep(10 * time.Millisecond)
	}

	start := time.Now()
	r := w.get(dashboard, w.tok["coordinator"])
	overloadedAnswer(t, r, "a second dashboard while the only slot is taken")
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the refusal took %s; it should come after the short queue wait", took)
	}
	// Requests outside the heavy classes are not held back by the full one.
	must(t, w.get("/api/v1/programmes/"+w.prog.ID.String(), w.tok["coordinator"]), 200)

	release()
	must(t, <-first, 200)
	must(t, w.get(dashboard, w.tok["coordinator"]), 200)
}

// A request that runs into the server's deadline while the database is up is an overload, not
// an outage: 503 overloaded, never service_unavailable, and /readyz stays ready.
func TestDeadlineWithAHealthyDatabaseAnswersOverloaded(t *testing.T) {
	e := newEnvWithURL(t, testdb.New(t), httpapi.Options{RequestTimeout: 300 * time.Millisecond})
	w := worldOn(e)
	prog := "/api/v1/programmes/" + w.prog.ID.String()
	must(t, w.get(prog, w.tok["coordinator"]), 200)

	release := holdTables(t, w.db.SQL(), "programmes, practices")
	for _, path := range []string{prog, prog + "/dashboard", prog + "/practices?q=employers"} {
		overloadedAnswer(t, w.get(path, w.tok["coordinator"]), path+" past its deadline")
	}
	must(t, w.get("/readyz", ""), 200)
	release()
	must(t, w.get(prog, w.tok["coordinator"]), 200)
}
