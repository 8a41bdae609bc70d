package domain

import (
	"time"

	"github.com/google/uuid"
)

// Call is a programme's call for practices on some of its themes, open for submissions between
// OpensAt and ClosesAt.
type Call struct {
	ID          uuid.UUID
	ProgrammeID uuid.UUID
	Title       string
	Description string
	Themes      []string
	OpensAt     time.Time
	ClosesAt    time.Time
	Version     int
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// SubmittedCount is the number of practices submitted to the call (every status after the
	// first submission except withdrawn); filled when read.
	SubmittedCount int
}

// Call states, derived from the clock: a call is never stored as open or closed.
const (
	CallUpcoming = "upcoming"
	CallOpen     = "open"
	CallClosed   = "closed"
)

// State says where the call stands at now: the window includes both its ends.
func (c *Call) State(now time.Time) string {
	switch {
	case now.Before(c.OpensAt):
		return CallUpcoming
	case now.After(c.ClosesAt):
		return CallClosed
	}
	return CallOpen
}

// AcceptsSubmission reports whether a practice in status from may be submitted to the call at
// now. Inside the window every submission is accepted. Outside it, only a practice that a
// decision sent back for revision may be resubmitted: it entered the call in time, and the
// revision answers its reviewers rather than the call.
func (c *Call) AcceptsSubmission(from PracticeStatus, now time.Time) bool {
	return c.State(now) == CallOpen || from == StatusRevisionRequested
}

// CheckCallWindow names the field that breaks the rule that a call closes after it opens.
func CheckCallWindow(c *Call) []FieldError {
	if !c.ClosesAt.After(c.OpensAt) {
		return []FieldError{{Field: "closes_at", Code: FieldInvalid, Message: "must be after opens_at"}}
	}
	return nil
}
