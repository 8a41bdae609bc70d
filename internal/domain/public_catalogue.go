package domain

import (
	"slices"
	"time"

	"github.com/google/uuid"
)

// PublicLabels are the decision outcomes the public catalogue shows as a label: the outcomes
// that publish a practice. Other outcomes never reach the catalogue.
var PublicLabels = []string{OutcomeGoodPractice, OutcomePromisingPractice}

// Recognition is what the public catalogue shows of the decision that published a practice:
// its label, when it was taken, and the round it came from. Never the rationale, who decided,
// or anything about the reviews.
type Recognition struct {
	Label     string
	DecidedAt time.Time
	// Round is nil for a decision the coordinators recorded outside a review round.
	Round *RecognitionRound
}

// RecognitionRound names the review round a decision was recorded in.
type RecognitionRound struct {
	ID   uuid.UUID
	Name string
}

// RecognitionOf is the label a published practice shows for decision d, or nil when d is
// missing or is not a label of the catalogue.
func RecognitionOf(status PracticeStatus, d *Decision, round *RecognitionRound) *Recognition {
	if status != StatusPublished || d == nil || !slices.Contains(PublicLabels, d.Outcome) {
		return nil
	}
	return &Recognition{Label: d.Outcome, DecidedAt: d.DecidedAt, Round: round}
}

// ContactMessage is a visitor's message to a practice's contact through the public catalogue,
// as the outbox will send it. The visitor's address goes in the mail's ReplyTo, never into
// storage beyond the outbox.
type ContactMessage struct {
	PracticeID   uuid.UUID
	ClientDigest []byte
	Mail         Mail
	// The limits: messages per client address within ClientWindow, per practice within
	// PracticeWindow.
	MaxPerClient, MaxPerPractice int
	ClientWindow, PracticeWindow time.Duration
}

// ContactLimited says which limit a refused message ran into and when the next one may go.
type ContactLimited struct {
	Limit      string // "client" or "practice"
	RetryAfter time.Duration
}
