package domain

import (
	"time"

	"github.com/google/uuid"
)

// Notification kinds of the reviewers' discussion and of the coordinators' reminders.
const (
	NotifyDiscussion = "discussion_posted"
	NotifyReminder   = "review_reminder"
)

// ReminderInterval is how often a coordinator can remind one reviewer of one round.
const ReminderInterval = 24 * time.Hour

// DiscussionPost is one message in the reviewers' discussion of a practice in a round. Its
// readers are the round's coordinators and the practice's reviewers who submitted; never the
// practice's organisation.
type DiscussionPost struct {
	ID         uuid.UUID
	RoundID    uuid.UUID
	PracticeID uuid.UUID
	AuthorID   uuid.UUID
	Body       string
	CreatedAt  time.Time
	// Filled when read for display.
	AuthorName string
}

// PendingReview is an assignment of a round whose review is still expected: assigned (not yet
// answered) or accepted, never declined or submitted.
type PendingReview struct {
	AssignmentID  uuid.UUID
	ReviewerID    uuid.UUID
	ReviewerName  string
	PracticeID    uuid.UUID
	PracticeTitle string
	DueAt         time.Time
}

// ReviewerLabels names the reviewers of one practice in one round "A", "B", … in the order of
// reviews given (submitted first, by submission time, then by assignment), the order in which
// ReviewsOfPractice lists them. Reviews and the reviewers' discussion use the same letters, so
// "Reviewer A" is one person everywhere.
func ReviewerLabels(reviews []Review, roundID uuid.UUID) map[uuid.UUID]string {
	out := map[uuid.UUID]string{}
	for _, r := range reviews {
		if r.RoundID != roundID {
			continue
		}
		if _, ok := out[r.ReviewerID]; !ok {
			out[r.ReviewerID] = labelLetters(len(out))
		}
	}
	return out
}

// labelLetters is A … Z, then AA, AB, ….
func labelLetters(n int) string {
	if n < 26 {
		return string(rune('A' + n))
	}
	return labelLetters(n/26-1) + string(rune('A'+n%26))
}
