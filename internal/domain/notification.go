package domain

import (
	"time"

	"github.com/google/uuid"
)

// Notification kinds: every event that asks something of a person.
const (
	NotifyAssigned        = "assignment_created"
	NotifyDeadlineNear    = "deadline_near"
	NotifyReviewSubmitted = "review_submitted"
	NotifyDecision        = "decision_recorded"
	NotifyComment         = "comment_on_practice"
	// NotifyReviewsReleased tells the practice's organisation its reviews are there to answer
	// (params: practice, round, rebuttal_due_at); never a reviewer's name.
	NotifyReviewsReleased = "reviews_released"
	// NotifyResponsePosted tells the practice's reviewers the organisation answered.
	NotifyResponsePosted = "response_posted"
	// NotifyFollowUpDue tells the members of a follow-up's owner organisation that it falls due
	// within a week (params: follow_up, activity, due_on); once per follow-up.
	NotifyFollowUpDue = "follow_up_due"
)

// Notification tells one person about one event. Params hold what the message shows (titles,
// dates); never a reviewer's identity when the recipient must not know it.
type Notification struct {
	ID          uuid.UUID
	UserID      uuid.UUID
	ProgrammeID *uuid.UUID
	Kind        string
	SubjectType string
	SubjectID   uuid.UUID
	Params      map[string]string
	CreatedAt   time.Time
	ReadAt      *time.Time
}

// EmailPreferences are the choices a person has for e-mail.
var EmailPreferences = []string{"immediate", "daily", "off"}
