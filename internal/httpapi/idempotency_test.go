package httpapi_test

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/httpapi"
)

// faultyIdempotency injects failures into the idempotency store the server uses.
type faultyIdempotency struct {
	httpapi.IdempotencyStore
	// afterCommit runs after a request's transaction committed; an error replaces the
	// request's answer, as if the process died before the client heard back.
	afterCommit func() error
	// beforeStore runs before the answer is stored, in the request's transaction.
	beforeStore func(status int) error
}

func (f *faultyIdempotency) WithTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if err := f.IdempotencyStore.WithTx(ctx, fn); err != nil {
		return err
	}
	if f.afterCommit != nil {
		return f.afterCommit()
	}
	return nil
}

func (f *faultyIdempotency) StoreIdempotentResponse(ctx context.Context, userID uuid.UUID, route, key string, r domain.StoredResponse) error {
	if f.beforeStore != nil {
		if err := f.beforeStore(r.Status); err != nil {
			return err
		}
	}
	return f.IdempotencyStore.StoreIdempotentResponse(ctx, userID, route, key, r)
}

// serveWith rebuilds the env's server around f (same service, database and sessions).
func (e *env) serveWith(f *faultyIdempotency, opts httpapi.Options) {
	e.t.Helper()
	f.IdempotencyStore = e.store
	opts.WebDir, opts.BodyLimit = e.t.TempDir(), 64*1024
	e.server = httpapi.New(e.svc, f, slog.New(slog.NewJSONHandler(&lockedWriter{w: e.log}, nil)), opts)
}

// once returns an error the first time it is called, nil afterwards.
func once(err error) func() error {
	var n atomic.Int32
	return func() error {
		if n.Add(1) == 1 {
			return err
		}
		return nil
	}
}

// creation is a creating POST and the rows it adds.
type creation struct {
	name, path, token string
	body              map[string]any
	rows              string // count(*) FROM this
}

// creations are the creating POSTs a lost answer was seen to duplicate: practices, comments and
// adaptations, each on its own world.
func creations(t *testing.T) []func() (*adaptationWorld, creation) {
	return []func() (*adaptationWorld, creation){
		func() (*adaptationWorld, creation) {
			w := newAdaptationWorld(t)
			return w, creation{name: "practice", path: "/api/v1/programmes/" + w.prog.ID.String() + "/practices", token: w.tok["partner"],
				body: fullPractice("Job coaching on site", "en"), rows: "practices"}
		},
		func() (*adaptationWorld, creation) {
			w := newAdaptationWorld(t)
			// The coordinator is of another organisation, so the practice's organisation is notified
			// in the same transaction.
			return w, creation{name: "comment", path: "/api/v1/practices/" + w.practiceID + "/comments", token: w.tok["coordinator"],
				body: map[string]any{"body": "How did employers hear of it?"}, rows: "comments"}
		},
		func() (*adaptationWorld, creation) {
			w := newAdaptationWorld(t)
			return w, creation{name: "adaptation", path: "/api/v1/programmes/" + w.prog.ID.String() + "/adaptations", token: w.partnerDE,
				body: w.validBody(), rows: "adaptations"}
		},
	}
}

// TestIdempotentRetryAfterLostAnswerReplays: the request committed but its answer never reached
// the client (the process died right after the commit). The retry with the same key replays the
// original answer, and exactly one object exists. Before the answer was stored in the handler's
// transaction, the key stayed pending here and the retry got 409, then a duplicate.
func TestIdempotentRetryAfterLostAnswerReplays(t *testing.T) {
	for _, setup := range creations(t) {
		w, cr := setup()
		t.Run(cr.name, func(t *testing.T) {
			f := &faultyIdempotency{afterCommit: once(errors.New("process died after commit"))}
			w.serveWith(f, httpapi.Options{})
			before, notified := countRows(t, w.world, cr.rows), countRows(t, w.world, "notifications")
			h := map[string]string{"Idempotency-Key": "lost-answer-" + cr.name}
			lost := w.do(req{method: "POST", path: cr.path, token: cr.token, header: h, body: cr.body, faultInjected: true})
			if lost.Status < 500 {
				t.Fatalf("the first answer should have been lost, got %d: %s", lost.Status, lost.Body)
			}
			if lost.Header.Get("Location") != "" || lost.Header.Get("ETag") != "" {
				t.Fatalf("a failed answer carries the created object's headers: %v", lost.Header)
			}
			retry := must(t, w.do(req{method: "POST", path: cr.path, token: cr.token, header: h, body: cr.body}), 201)
			if retry.Header.Get("Idempotent-Replayed") != "true" {
				t.Fatalf("the retry ran again instead of replaying: %s", retry.Body)
			}
			id, _ := retry.json(t)["id"].(string)
			var stored string
			if err := w.db.SQL().QueryRow("SELECT id::text FROM " + cr.rows + " ORDER BY created_at DESC LIMIT 1").Scan(&stored); err != nil {
				t.Fatal(err)
			}
			if id == "" || id != stored {
				t.Fatalf("replayed id %q, stored object %q", id, stored)
			}
			if n := countRows(t, w.world, cr.rows); n != before+1 {
				t.Fatalf("%d %s created, want exactly 1", n-before, cr.rows)
			}
			if cr.name == "comment" && countRows(t, w.world, "notifications") == notified {
				t.Fatal("the comment's notification did not commit with it")
			}
		})
	}
}

// TestIdempotentFailureBeforeStoringRollsBackTheWrite: the handler wrote its object, then storing
// the answer failed (the database went away). The object is rolled back with the key, the retry
// runs for the first time, and exactly one object exists in the end.
func TestIdempotentFailureBeforeStoringRollsBackTheWrite(t *testing.T) {
	for _, setup := range creations(t) {
		w, cr := setup()
		t.Run(cr.name, func(t *testing.T) {
			var wroteStatus atomic.Int32
			fail := once(&domain.Error{Code: domain.CodeUnavailable, Message: "The database is unavailable; try again shortly.", RetryAfter: 5})
			f := &faultyIdempotency{beforeStore: func(status int) error { wroteStatus.CompareAndSwap(0, int32(status)); return fail() }}
			w.serveWith(f, httpapi.Options{})
			before, notified := countRows(t, w.world, cr.rows), countRows(t, w.world, "notifications")
			h := map[string]string{"Idempotency-Key": "store-fails-" + cr.name}
			failed := must(t, w.do(req{method: "POST", path: cr.path, token: cr.token, header: h, body: cr.body}), 503)
			if wroteStatus.Load() != 201 || failed.Header.Get("Location") != "" {
				t.Fatalf("the handler should have created the object before the failure (status %d), headers %v", wroteStatus.Load(), failed.Header)
			}
			if n := countRows(t, w.world, cr.rows); n != before {
				t.Fatalf("the failed request left %d %s behind", n-before, cr.rows)
			}
			if countRows(t, w.world, "notifications") != notified {
				t.Fatal("the failed request left a notification behind")
			}
			retry := must(t, w.do(req{method: "POST", path: cr.path, token: cr.token, header: h, body: cr.body}), 201)
			if retry.Header.Get("Idempotent-Replayed") != "" {
				t.Fatal("a request that failed was replayed")
			}
			again := must(t, w.do(req{method: "POST", path: cr.path, token: cr.token, header: h, body: cr.body}), 201)
			if again.Header.Get("Idempotent-Replayed") != "true" || string(again.Body) != string(retry.Body) {
				t.Fatalf("the successful retry is not replayed:\n%s\n%s", retry.Body, again.Body)
			}
			if n := countRows(t, w.world, cr.rows); n != before+1 {
				t.Fatalf("%d %s created, want exactly 1", n-before, cr.rows)
			}
		})
	}
}

// TestIdempotentConcurrentRequestsCreateOneObject: identical requests with the same key at the
// same time create one object. Each waits for the one that runs (the wait is longer than the
// request here), so every answer is 201 with the same body and all but one are replays; before,
// the others were turned away with 409 while the first ran.
func TestIdempotentConcurrentRequestsCreateOneObject(t *testing.T) {
	for _, setup := range creations(t) {
		w, cr := setup()
		t.Run(cr.name, func(t *testing.T) {
			w.serveWith(&faultyIdempotency{}, httpapi.Options{IdempotencyWait: time.Minute})
			before := countRows(t, w.world, cr.rows)
			h := map[string]string{"Idempotency-Key": "concurrent-" + cr.name}
			const n = 8
			var wg sync.WaitGroup
			answers := make([]response, n)
			start := make(chan struct{})
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					answers[i] = w.do(req{method: "POST", path: cr.path, token: cr.token, header: h, body: cr.body})
				}()
			}
			close(start)
			wg.Wait()
			fresh := 0
			for _, a := range answers {
				if a.Status != 201 {
					t.Fatalf("unexpected answer %d: %s", a.Status, a.Body)
				}
				if string(a.Body) != string(answers[0].Body) {
					t.Fatalf("two different answers for one key:\n%s\n%s", answers[0].Body, a.Body)
				}
				if a.Header.Get("Idempotent-Replayed") == "" {
					fresh++
				}
			}
			if fresh != 1 {
				t.Fatalf("%d requests ran, want exactly 1", fresh)
			}
			if got := countRows(t, w.world, cr.rows); got != before+1 {
				t.Fatalf("%d %s created, want exactly 1", got-before, cr.rows)
			}
		})
	}
}

// TestIdempotentRetryWhileFirstRunsIsInProgress: while the first request with a key still runs,
// a retry waits at most IdempotencyWait and answers 409 with Retry-After; once the first
// commits, the retry replays it.
func TestIdempotentRetryWhileFirstRunsIsInProgress(t *testing.T) {
	w := newWorld(t)
	entered, release := make(chan struct{}), make(chan struct{})
	var first atomic.Bool
	f := &faultyIdempotency{beforeStore: func(int) error {
		if first.CompareAndSwap(false, true) {
			close(entered)
			<-release
		}
		return nil
	}}
	w.serveWith(f, httpapi.Options{IdempotencyWait: 200 * time.Millisecond})
	p := "/api/v1/programmes/" + w.prog.ID.String() + "/practices"
	h := map[string]string{"Idempotency-Key": "slow-1"}
	done := make(chan response)
	go func() {
		done <- w.do(req{method: "POST", path: p, token: w.tok["partner"], header: h, body: fullPractice("Slow", "en")})
	}()
	<-entered
	busy := w.do(req{method: "POST", path: p, token: w.tok["partner"], header: h, body: fullPractice("Slow", "en")})
	if busy.Status != 409 || busy.code() != "idempotency_key_in_progress" {
		t.Fatalf("a retry during the first request: %d %s", busy.Status, busy.Body)
	}
	if s, err := strconv.Atoi(busy.Header.Get("Retry-After")); err != nil || s < 1 {
		t.Fatalf("Retry-After %q", busy.Header.Get("Retry-After"))
	}
	close(release)
	orig := must(t, <-done, 201)
	again := must(t, w.do(req{method: "POST", path: p, token: w.tok["partner"], header: h, body: fullPractice("Slow", "en")}), 201)
	if again.Header.Get("Idempotent-Replayed") != "true" || string(again.Body) != string(orig.Body) {
		t.Fatalf("the retry after the first committed was not a replay: %s", again.Body)
	}
	if n := countRows(t, w, "practices"); n != 1 {
		t.Fatalf("%d practices, want 1", n)
	}
}

// TestIdempotencyKeysOlderThanADayArePurged: the purge forgets keys older than a day, in
// batches, and skips a row another transaction holds instead of waiting for it.
func TestIdempotencyKeysOlderThanADayArePurged(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	for i, age := range []string{"2 days", "3 days", "30 hours", "1 hour"} {
		if _, err := w.db.SQL().Exec(`INSERT INTO idempotency_keys (user_id, route, key, body_hash, status, created_at)
			VALUES ($1, 'POST /x', $2, '\x00', 201, now() - $3::interval)`, w.admin.ID, "k"+strconv.Itoa(i), age); err != nil {
			t.Fatal(err)
		}
	}
	tx, err := w.db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.Exec(`SELECT 1 FROM idempotency_keys WHERE key = 'k0' FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if n, err := w.store.PurgeIdempotencyKeys(ctx, 24*time.Hour, 1); err != nil || n != 1 {
		t.Fatalf("first batch purged %d (%v), want 1", n, err)
	}
	if n, err := w.store.PurgeIdempotencyKeys(ctx, 24*time.Hour, 10); err != nil || n != 1 {
		t.Fatalf("second batch purged %d (%v), want the one old key left unlocked", n, err)
	}
	var left []string
	rows, err := w.db.SQL().Query(`SELECT key FROM idempotency_keys ORDER BY key`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		left = append(left, k)
	}
	if strings.Join(left, ",") != "k0,k3" {
		t.Fatalf("keys left: %v, want the locked one and the recent one", left)
	}
}
