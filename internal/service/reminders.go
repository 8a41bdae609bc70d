package service

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
)

// ReminderStore keeps which reviewers were reminded of a round, and when.
type ReminderStore interface {
	// PendingReviews lists the round's assignments still waiting for a review.
	PendingReviews(ctx context.Context, roundID uuid.UUID) ([]domain.PendingReview, error)
	// ClaimReminder records a reminder at the time given unless the last one is less than
	// domain.ReminderInterval older, atomically; it reports whether it did and when the last
	// reminder went out.
	ClaimReminder(ctx context.Context, roundID, reviewerID uuid.UUID, at time.Time) (bool, time.Time, error)
	// QueueNotificationEmail puts the notification's e-mail in the outbox, once.
	QueueNotificationEmail(ctx context.Context, notificationID uuid.UUID) error
}

// ReminderRecipient is one reviewer a reminder was sent to or skipped for.
type ReminderRecipient struct {
	ReviewerID uuid.UUID
	Name       string
	Practices  []domain.PendingReview
	// RemindedAt is when this reminder went out, or when the last one did for a skipped reviewer.
	RemindedAt time.Time
}

// ReminderResult says who was reminded and who was skipped (reminded less than a day ago).
type ReminderResult struct {
	Sent, Skipped []ReminderRecipient
}

// SendReminders e-mails every reviewer of the round with a review still to submit (coordinators,
// open rounds), at most once per reviewer and round per domain.ReminderInterval. Each e-mail
// lists the reviewer's practices and the earliest deadline, in the reviewer's language, with the
// coordinator's note. A reminder is e-mailed whatever the reviewer's notification preference:
// the coordinator asked for an e-mail.
func (s *Service) SendReminders(ctx context.Context, a *domain.Actor, roundID uuid.UUID, note string) (ReminderResult, error) {
	round, err := s.coordinatedRound(ctx, a, roundID, false)
	if err != nil {
		return ReminderResult{}, err
	}
	if round.Status != domain.RoundOpen {
		return ReminderResult{}, domain.Errorf(domain.CodeRoundState, "Reminders are sent while the round is open.")
	}
	note = strings.TrimSpace(note)
	var out ReminderResult
	err = s.tx.WithTx(ctx, func(ctx context.Context) error {
		out = ReminderResult{}
		pending, err := s.reminders.PendingReviews(ctx, roundID)
		if err != nil {
			return err
		}
		byReviewer := map[uuid.UUID]*ReminderRecipient{}
		var order []uuid.UUID
		for _, p := range pending {
			r := byReviewer[p.ReviewerID]
			if r == nil {
				r = &ReminderRecipient{ReviewerID: p.ReviewerID, Name: p.ReviewerName}
				byReviewer[p.ReviewerID] = r
				order = append(order, p.ReviewerID)
			}
			r.Practices = append(r.Practices, p)
		}
		// Claimed in one order, so that concurrent calls queue behind each other instead of
		// deadlocking.
		sort.Slice(order, func(i, j int) bool { return order[i].String() < order[j].String() })
		now := s.now().UTC()
		for _, id := range order {
			r := byReviewer[id]
			claimed, last, err := s.reminders.ClaimReminder(ctx, roundID, id, now)
			if err != nil {
				return err
			}
			r.RemindedAt = last.UTC()
			if !claimed {
				out.Skipped = append(out.Skipped, *r)
				continue
			}
			if err := s.remind(ctx, round, *r, note); err != nil {
				return err
			}
			out.Sent = append(out.Sent, *r)
		}
		byName := func(list []ReminderRecipient) {
			sort.SliceStable(list, func(i, j int) bool { return list[i].Name < list[j].Name })
		}
		byName(out.Sent)
		byName(out.Skipped)
		return s.audit(ctx, a, &round.ProgrammeID, "round.reminded", "round", roundID, nil,
			map[string]any{"sent": len(out.Sent), "skipped": len(out.Skipped), "note": note != ""})
	})
	return out, err
}

// remind writes one reviewer's reminder: a notification in the app and its e-mail in the outbox.
func (s *Service) remind(ctx context.Context, round domain.Round, r ReminderRecipient, note string) error {
	titles := make([]string, len(r.Practices))
	due := r.Practices[0].DueAt
	for i, p := range r.Practices {
		titles[i] = oneLine(p.PracticeTitle)
		if p.DueAt.Before(due) {
			due = p.DueAt
		}
	}
	programmeID := round.ProgrammeID
	n := domain.Notification{ID: uuid.New(), UserID: r.ReviewerID, ProgrammeID: &programmeID, Kind: domain.NotifyReminder, SubjectType: "round", SubjectID: round.ID,
		Params: map[string]string{"round": round.Name, "practices": strings.Join(titles, "\n"), "count": strconv.Itoa(len(titles)), "due_at": due.UTC().Format(time.RFC3339), "note": note}}
	if err := s.notifications.InsertNotifications(ctx, []domain.Notification{n}); err != nil {
		return err
	}
	return s.reminders.QueueNotificationEmail(ctx, n.ID)
}
