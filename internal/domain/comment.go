package domain

import (
	"time"

	"github.com/google/uuid"
)

// Comment is one message in the threaded discussion on a practice or an adaptation.
type Comment struct {
	ID          uuid.UUID
	ProgrammeID uuid.UUID
	SubjectType string
	SubjectID   uuid.UUID
	ParentID    *uuid.UUID
	AuthorID    uuid.UUID
	Body        string
	Version     int
	CreatedAt   time.Time
	UpdatedAt   time.Time
	EditedAt    *time.Time
	DeletedAt   *time.Time
	// Filled when read for display.
	AuthorName         string
	AuthorOrganisation uuid.UUID
	AuthorOrgName      string
	AuthorOrgCountry   string
}

// Deleted reports whether the comment was removed; its place in the thread stays.
func (c *Comment) Deleted() bool { return c.DeletedAt != nil }

// CanEditComment: only the author, while the comment stands.
func CanEditComment(a *Actor, c *Comment) bool {
	return a != nil && c.AuthorID == a.UserID && !c.Deleted()
}

// CanDeleteComment: the author, or a coordinator of the programme.
func CanDeleteComment(s Scope, c *Comment) bool {
	if c.Deleted() {
		return false
	}
	return s.IsCoordinator() || (s.Actor != nil && c.AuthorID == s.Actor.UserID)
}
