package domain

import (
	"time"

	"github.com/google/uuid"
)

// RoundPractice is a practice in a round with the revision under review.
type RoundPractice struct {
	PracticeID uuid.UUID
	Revision   int
}

// ReviewerProfile is what assignment rules need to know about a reviewer.
type ReviewerProfile struct {
	UserID         uuid.UUID
	Name           string
	OrganisationID uuid.UUID
	Country        string
	Languages      []string
	Expertise      []string
}

// DecisionRecord is a coordinator's decision on a practice in a round.
type DecisionRecord struct {
	RoundID    uuid.UUID
	PracticeID uuid.UUID
	Outcome    string
	Rationale  string
	DecidedBy  uuid.UUID
	DecidedAt  time.Time
}

// ReviewResponse is the organisation's answer to the reviews of its practice.
type ReviewResponse struct {
	ID         uuid.UUID
	RoundID    uuid.UUID
	PracticeID uuid.UUID
	AuthorID   uuid.UUID
	AuthorName string
	Body       string
	CreatedAt  time.Time
}

// ReviewExportRow is a submitted review with what an export shows next to it.
type ReviewExportRow struct {
	Review
	PracticeTitle string
	RoundName     string
	RubricID      uuid.UUID
}
