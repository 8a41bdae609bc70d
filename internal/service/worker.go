package service

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// Mailer sends one e-mail.
type Mailer interface {
	Send(ctx context.Context, to, subject, body string) error
}

// JobStore is what the background worker needs. Like every store, its methods may fail with
// CodeUnavailable or CodeBusy.
type JobStore interface {
	// EnqueueJob adds a job; a second job with the same non-empty dedupe key is dropped.
	EnqueueJob(ctx context.Context, kind string, payload map[string]string, runAt time.Time, dedupeKey string) error
	// ClaimJobs leases up to n due jobs that no other worker holds.
	ClaimJobs(ctx context.Context, n int, lease time.Duration) ([]domain.Job, error)
	FinishJob(ctx context.Context, id int64) error
	// RetryJob schedules another attempt after a failure, or gives up after the last one.
	RetryJob(ctx context.Context, id int64, after time.Duration, errText string) error
	// Notification returns CodeNotFound for an unknown id.
	Notification(ctx context.Context, id uuid.UUID) (domain.Notification, error)
	MarkEmailed(ctx context.Context, ids []uuid.UUID) error
	DigestCandidates(ctx context.Context) (map[uuid.UUID][]domain.Notification, error)
	DueAssignments(ctx context.Context, before time.Time) ([]domain.Assignment, error)
	MarkReminded(ctx context.Context, id uuid.UUID) error
	NotificationPreference(ctx context.Context, userID uuid.UUID) (string, error)
	// User returns CodeNotFound for an unknown id.
	User(ctx context.Context, id uuid.UUID) (domain.User, error)
	InsertNotifications(ctx context.Context, ns []domain.Notification) error
	// DueFollowUps lists the open follow-ups due from today to before (dates) not announced yet,
	// with the people to tell.
	DueFollowUps(ctx context.Context, today, before time.Time) ([]domain.FollowUpDue, error)
	// MarkFollowUpReminded reports false when the follow-up was announced already.
	MarkFollowUpReminded(ctx context.Context, id uuid.UUID) (bool, error)
	WithTx(ctx context.Context, fn func(ctx context.Context) error) error
}

// Worker runs background jobs: e-mails for notifications and accounts, daily digests and
// deadline reminders.
// Several instances may run it: jobs are claimed with FOR UPDATE SKIP LOCKED and leased, and
// recurring jobs are scheduled under a unique key, so each runs once.
type Worker struct {
	store     JobStore
	mailer    Mailer
	log       *slog.Logger
	publicURL string
	now       func() time.Time
	// Poll is how often the worker looks for due jobs.
	Poll time.Duration
	// RemindBefore is how long before a deadline reviewers are reminded.
	RemindBefore time.Duration
	// FollowUpsBefore is how long before its due date a follow-up's owners are told.
	FollowUpsBefore time.Duration
}

// NewWorker builds a worker.
func NewWorker(store JobStore, mailer Mailer, log *slog.Logger, publicURL string) *Worker {
	return &Worker{store: store, mailer: mailer, log: log, publicURL: publicURL, now: time.Now, Poll: 2 * time.Second, RemindBefore: 48 * time.Hour,
		FollowUpsBefore: 7 * 24 * time.Hour}
}

// Run works until ctx ends.
func (w *Worker) Run(ctx context.Context) {
	t := time.NewTicker(w.Poll)
	defer t.Stop()
	for {
		if err := w.scheduleRecurring(ctx); err != nil && ctx.Err() == nil {
			w.log.Warn("scheduling recurring jobs failed", "error", err.Error())
		}
		for {
			n, err := w.RunOnce(ctx)
			if err != nil && ctx.Err() == nil {
				w.log.Warn("claiming jobs failed", "error", err.Error())
			}
			if n == 0 || err != nil {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// scheduleRecurring makes sure this hour's reminder run and today's digest exist, once.
func (w *Worker) scheduleRecurring(ctx context.Context) error {
	now := w.now().UTC()
	hour := now.Truncate(time.Hour)
	if err := w.store.EnqueueJob(ctx, "reminders", nil, hour, "reminders:"+hour.Format("2006-01-02T15")); err != nil {
		return err
	}
	digestAt := time.Date(now.Year(), now.Month(), now.Day(), 7, 0, 0, 0, time.UTC)
	return w.store.EnqueueJob(ctx, "digest", nil, digestAt, "digest:"+digestAt.Format("2006-01-02"))
}

// RunOnce claims and runs a batch of due jobs; it returns how many it ran.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	jobs, err := w.store.ClaimJobs(ctx, 10, time.Minute)
	if err != nil {
		return 0, err
	}
	for _, j := range jobs {
		err := w.run(ctx, j)
		if err == nil {
			err = w.store.FinishJob(context.WithoutCancel(ctx), j.ID)
		} else {
			backoff := time.Duration(math.Min(math.Pow(2, float64(j.Attempts)), 3600)) * time.Second
			w.log.Warn("job failed; will retry", "job_id", j.ID, "kind", j.Kind, "attempt", j.Attempts, "error", err.Error())
			err = w.store.RetryJob(context.WithoutCancel(ctx), j.ID, backoff, err.Error())
		}
		if err != nil {
			return 0, err
		}
	}
	return len(jobs), nil
}

func (w *Worker) run(ctx context.Context, j domain.Job) error {
	switch j.Kind {
	case "email":
		id, err := uuid.Parse(j.Payload["notification_id"])
		if err != nil {
			return nil // a malformed job can never succeed
		}
		return w.emailNotification(ctx, id)
	case "mail":
		// An account e-mail, written in its recipient's language when it was queued. One
		// cancelled by erasure has no recipient any more.
		if j.Payload["to"] == "" {
			return nil
		}
		// A visitor's message is answered at the visitor's address, which the text names too,
		// for mailers that cannot set Reply-To.
		if rt, ok := w.mailer.(ReplyToMailer); ok && j.Payload["reply_to"] != "" {
			return rt.SendReplyTo(ctx, j.Payload["to"], j.Payload["reply_to"], j.Payload["subject"], j.Payload["body"])
		}
		return w.mailer.Send(ctx, j.Payload["to"], j.Payload["subject"], j.Payload["body"])
	case "digest":
		return w.digest(ctx)
	case "reminders":
		if err := w.reminders(ctx); err != nil {
			return err
		}
		return w.followUpsDue(ctx)
	}
	w.log.Warn("unknown job kind; dropped", "kind", j.Kind)
	return nil
}

func (w *Worker) emailNotification(ctx context.Context, id uuid.UUID) error {
	n, err := w.store.Notification(ctx, id)
	if err != nil {
		return err
	}
	u, err := w.store.User(ctx, n.UserID)
	if err != nil {
		return err
	}
	if u.Disabled {
		return nil
	}
	subject, body := Describe(n, u.Locale)
	if err := w.mailer.Send(ctx, u.Email, "[Peerbridge] "+subject, body+"\n\n"+footer(w.publicURL, u.Locale)+"\n"); err != nil {
		return err
	}
	return w.store.MarkEmailed(ctx, []uuid.UUID{id})
}

func (w *Worker) digest(ctx context.Context) error {
	byUser, err := w.store.DigestCandidates(ctx)
	if err != nil {
		return err
	}
	users := make([]uuid.UUID, 0, len(byUser))
	for id := range byUser {
		users = append(users, id)
	}
	sort.Slice(users, func(i, j int) bool { return users[i].String() < users[j].String() })
	for _, uid := range users {
		u, err := w.store.User(ctx, uid)
		if err != nil {
			return err
		}
		var b strings.Builder
		ids := make([]uuid.UUID, 0, len(byUser[uid]))
		for _, n := range byUser[uid] {
			_, text := Describe(n, u.Locale)
			fmt.Fprintf(&b, "- %s\n", text)
			ids = append(ids, n.ID)
		}
		if !u.Disabled {
			subject, opening := digestSubject(len(ids), u.Locale)
			if err := w.mailer.Send(ctx, u.Email, "[Peerbridge] "+subject, opening+"\n\n"+b.String()+"\n"+footer(w.publicURL, u.Locale)+"\n"); err != nil {
				return err
			}
		}
		if err := w.store.MarkEmailed(ctx, ids); err != nil {
			return err
		}
	}
	return nil
}

// reminders tells reviewers whose deadline is near, once per assignment and deadline.
func (w *Worker) reminders(ctx context.Context) error {
	due, err := w.store.DueAssignments(ctx, w.now().Add(w.RemindBefore))
	if err != nil {
		return err
	}
	for _, a := range due {
		pid := a.ProgrammeID
		n := domain.Notification{ID: uuid.New(), UserID: a.ReviewerID, ProgrammeID: &pid, Kind: domain.NotifyDeadlineNear, SubjectType: "assignment", SubjectID: a.ID,
			Params: map[string]string{"practice": a.PracticeTitle, "round": a.RoundName, "due_at": a.DueAt.UTC().Format(time.RFC3339)}}
		err := w.store.WithTx(ctx, func(ctx context.Context) error {
			if err := w.store.InsertNotifications(ctx, []domain.Notification{n}); err != nil {
				return err
			}
			return w.store.MarkReminded(ctx, a.ID)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// followUpsDue tells the members of each open follow-up's owner organisation that it falls due
// within FollowUpsBefore, once per follow-up: the mark and the notifications commit together, and
// a follow-up another worker marked first is skipped.
func (w *Worker) followUpsDue(ctx context.Context) error {
	now := w.now().UTC()
	due, err := w.store.DueFollowUps(ctx, now, now.Add(w.FollowUpsBefore))
	if err != nil {
		return err
	}
	for _, f := range due {
		pid := f.ProgrammeID
		ns := make([]domain.Notification, 0, len(f.Recipients))
		for _, uid := range f.Recipients {
			ns = append(ns, domain.Notification{ID: uuid.New(), UserID: uid, ProgrammeID: &pid, Kind: domain.NotifyFollowUpDue, SubjectType: "activity",
				SubjectID: f.ActivityID, Params: map[string]string{"follow_up": f.FollowUp.Title, "activity": f.ActivityTitle,
					"due_on": f.FollowUp.DueOn.Format(time.DateOnly), "follow_up_id": f.FollowUp.ID.String()}})
		}
		err := w.store.WithTx(ctx, func(ctx context.Context) error {
			first, err := w.store.MarkFollowUpReminded(ctx, f.FollowUp.ID)
			if err != nil || !first {
				return err
			}
			return w.store.InsertNotifications(ctx, ns)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
