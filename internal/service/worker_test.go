package service_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/postgres"
	"github.com/peerbridge/peerbridge/internal/service"
	"github.com/peerbridge/peerbridge/internal/testdb"
)

type sentMail struct{ to, subject, body string }

type fakeMailer struct {
	mu   sync.Mutex
	sent []sentMail
	fail error
}

func (m *fakeMailer) Send(_ context.Context, to, subject, body string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return m.fail
	}
	m.sent = append(m.sent, sentMail{to, subject, body})
	return nil
}

func setup(t *testing.T) (*postgres.Store, domain.User) {
	t.Helper()
	db, err := postgres.Open(testdb.New(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	store := postgres.NewStore(db)
	ctx := context.Background()
	org, err := store.CreateOrganisation(ctx, domain.Organisation{ID: uuid.New(), Name: "Org", Country: "BE", Kind: "ngo", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	u, err := store.CreateUser(ctx, domain.User{ID: uuid.New(), Email: "rev@example.org", Name: "Rev", OrganisationID: org.ID, PasswordHash: "x", Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	return store, u
}

func notify(t *testing.T, store *postgres.Store, u domain.User, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if err := store.InsertNotifications(context.Background(), []domain.Notification{{ID: uuid.New(), UserID: u.ID, Kind: domain.NotifyAssigned,
			SubjectType: "assignment", SubjectID: uuid.New(), Params: map[string]string{"practice": "Rentree", "round": "Spring", "due_at": "2026-12-01T00:00:00Z"}}}); err != nil {
			t.Fatal(err)
		}
	}
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func TestWorkerSendsNotificationEmails(t *testing.T) {
	store, u := setup(t)
	notify(t, store, u, 1)
	mailer := &fakeMailer{}
	w := service.NewWorker(store, mailer, quiet, "https://peerbridge.example")
	n, err := w.RunOnce(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("RunOnce: %d %v", n, err)
	}
	if len(mailer.sent) != 1 || mailer.sent[0].to != u.Email || mailer.sent[0].subject != "[Peerbridge] New review: Rentree" {
		t.Fatalf("sent: %+v", mailer.sent)
	}
	if n, _ := w.RunOnce(context.Background()); n != 0 {
		t.Fatal("a finished job ran again")
	}
}

func TestFailedEmailsAreRetriedWithBackoff(t *testing.T) {
	store, u := setup(t)
	notify(t, store, u, 1)
	mailer := &fakeMailer{fail: errors.New("smtp down")}
	w := service.NewWorker(store, mailer, quiet, "")
	if _, err := w.RunOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	// The job is back in the queue, later, with the error noted; nothing was lost.
	var attempts int
	var lastError string
	var runAt time.Time
	if err := store.SQL().QueryRow(`SELECT attempts, last_error, run_at FROM jobs WHERE kind = 'email'`).Scan(&attempts, &lastError, &runAt); err != nil {
		t.Fatal(err)
	}
	if attempts != 1 || lastError != "smtp down" || !runAt.After(time.Now()) {
		t.Fatalf("after a failure: attempts %d, error %q, run_at %v", attempts, lastError, runAt)
	}
	if n, _ := w.RunOnce(context.Background()); n != 0 {
		t.Fatal("a job ran again before its backoff")
	}
	mailer.fail = nil
	if _, err := store.SQL().Exec(`UPDATE jobs SET run_at = now()`); err != nil {
		t.Fatal(err)
	}
	if n, err := w.RunOnce(context.Background()); n != 1 || err != nil || len(mailer.sent) != 1 {
		t.Fatalf("retry: %d %v %d", n, err, len(mailer.sent))
	}
}

// Two workers (two server instances) claim disjoint jobs: every e-mail goes out exactly once.
func TestConcurrentWorkersNeverShareAJob(t *testing.T) {
	store, u := setup(t)
	notify(t, store, u, 40)
	mailer := &fakeMailer{}
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := service.NewWorker(store, mailer, quiet, "")
			for {
				n, err := w.RunOnce(context.Background())
				if err != nil {
					t.Error(err)
					return
				}
				if n == 0 {
					return
				}
			}
		}()
	}
	wg.Wait()
	if len(mailer.sent) != 40 {
		t.Fatalf("%d e-mails sent for 40 notifications", len(mailer.sent))
	}
}

func TestDailyDigestCollectsNotifications(t *testing.T) {
	store, u := setup(t)
	if err := store.SetNotificationPreference(context.Background(), u.ID, "daily"); err != nil {
		t.Fatal(err)
	}
	notify(t, store, u, 3)
	var jobs int
	_ = store.SQL().QueryRow(`SELECT count(*) FROM jobs`).Scan(&jobs)
	if jobs != 0 {
		t.Fatalf("%d immediate jobs for a digest reader", jobs)
	}
	if err := store.EnqueueJob(context.Background(), "digest", nil, time.Now().Add(-time.Minute), "digest:test"); err != nil {
		t.Fatal(err)
	}
	mailer := &fakeMailer{}
	if _, err := service.NewWorker(store, mailer, quiet, "").RunOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(mailer.sent) != 1 || mailer.sent[0].subject != "[Peerbridge] Your daily summary (3)" {
		t.Fatalf("digest: %+v", mailer.sent)
	}
}

// A notification e-mail is written in the recipient's locale: the notification waits in the
// outbox (the jobs table) and the worker writes it in French for a French reader.
func TestWorkerWritesEmailsInTheRecipientsLocale(t *testing.T) {
	store, u := setup(t)
	ctx := context.Background()
	if _, err := store.UpdateProfile(ctx, u.ID, u.Name, nil, nil, "fr"); err != nil {
		t.Fatal(err)
	}
	notify(t, store, u, 1)
	jobs, err := store.ClaimJobs(ctx, 10, time.Nanosecond) // the outbox holds the e-mail; the lease lapses at once
	if err != nil || len(jobs) != 1 || jobs[0].Kind != "email" {
		t.Fatalf("outbox: %+v %v", jobs, err)
	}
	time.Sleep(time.Millisecond)
	mailer := &fakeMailer{}
	w := service.NewWorker(store, mailer, quiet, "https://peerbridge.example")
	if n, err := w.RunOnce(ctx); err != nil || n != 1 {
		t.Fatalf("RunOnce: %d %v", n, err)
	}
	if len(mailer.sent) != 1 {
		t.Fatalf("sent: %+v", mailer.sent)
	}
	m := mailer.sent[0]
	if m.subject != "[Peerbridge] Nouvelle évaluation : Rentree" || !strings.Contains(m.body, "On vous demande d’évaluer « Rentree » dans le cycle « Spring ». L’évaluation est attendue pour le 1er décembre 2026.") ||
		!strings.Contains(m.body, "Ouvrir Peerbridge : https://peerbridge.example") {
		t.Fatalf("French e-mail: %+v", m)
	}
}

// replyingMailer records the Reply-To of each e-mail it sends.
type replyingMailer struct {
	fakeMailer
	replyTo []string
}

func (m *replyingMailer) SendReplyTo(ctx context.Context, to, replyTo, subject, body string) error {
	m.mu.Lock()
	m.replyTo = append(m.replyTo, replyTo)
	m.mu.Unlock()
	return m.Send(ctx, to, subject, body)
}

func TestVisitorsMessagesAreAnsweredAtTheirAddressAndForgottenOnceSent(t *testing.T) {
	store, _ := setup(t)
	ctx := context.Background()
	if err := store.QueueMail(ctx, domain.Mail{To: "contact@example.org", Subject: "Message", Body: "Hello", ReplyTo: "visitor@example.net"}); err != nil {
		t.Fatal(err)
	}
	if err := store.QueueMail(ctx, domain.Mail{To: "other@example.org", Subject: "Reset", Body: "Link"}); err != nil {
		t.Fatal(err)
	}
	m := &replyingMailer{}
	w := service.NewWorker(store, m, slog.New(slog.NewTextHandler(io.Discard, nil)), "http://x")
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if len(m.sent) != 2 || strings.Join(m.replyTo, ",") != "visitor@example.net" {
		t.Fatalf("sent %v with Reply-To %v", m.sent, m.replyTo)
	}
	var left int
	if err := store.SQL().QueryRow(`SELECT count(*) FROM jobs WHERE kind = 'mail' AND (payload ? 'reply_to' OR payload ? 'body')`).Scan(&left); err != nil || left != 0 {
		t.Fatalf("%d sent e-mails keep a body or a Reply-To (%v)", left, err)
	}
	// A mailer that cannot set Reply-To still sends: the address is in the text.
	if err := store.QueueMail(ctx, domain.Mail{To: "contact@example.org", Subject: "Message", Body: "Hello", ReplyTo: "visitor@example.net"}); err != nil {
		t.Fatal(err)
	}
	plain := &fakeMailer{}
	if _, err := service.NewWorker(store, plain, slog.New(slog.NewTextHandler(io.Discard, nil)), "http://x").RunOnce(ctx); err != nil || len(plain.sent) != 1 {
		t.Fatalf("sent %v (%v)", plain.sent, err)
	}
}

func TestSMTPMailerRefusesAReplyToThatCouldAddAHeader(t *testing.T) {
	m := service.SMTPMailer{Host: "127.0.0.1", Port: 1, From: "Peerbridge <noreply@example.org>"}
	for _, replyTo := range []string{"a@example.org\r\nBcc: b@example.org", "Someone <a@example.org>", "not an address"} {
		err := m.SendReplyTo(context.Background(), "c@example.org", replyTo, "Subject", "Body")
		if err == nil || (!strings.Contains(err.Error(), "refused")) {
			t.Fatalf("%q: %v", replyTo, err)
		}
	}
}
