package httpapi

import (
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/service"
)

type discussionPostRequest struct {
	Body string `json:"body" validate:"required,notblank,max=5000"`
}

// discussionAuthor names a post's author as the reader may know them: a blind reviewer seen by
// another reviewer has a label and a role, nothing else.
type discussionAuthor struct {
	ID    *uuid.UUID `json:"id,omitempty"`
	Name  string     `json:"name,omitempty"`
	Label string     `json:"label,omitempty"`
	Role  string     `json:"role"`
}

type discussionPostResponse struct {
	ID         uuid.UUID        `json:"id"`
	RoundID    uuid.UUID        `json:"round_id"`
	PracticeID uuid.UUID        `json:"practice_id"`
	Body       string           `json:"body"`
	Author     discussionAuthor `json:"author"`
	Mine       bool             `json:"mine"`
	CreatedAt  time.Time        `json:"created_at"`
}

func toDiscussionPostResponse(v service.DiscussionPostView) discussionPostResponse {
	author := discussionAuthor{Role: v.AuthorRole}
	if v.Label != "" {
		author.Label = "Reviewer " + v.Label
	}
	if !v.Anonymous {
		id := v.AuthorID
		author.ID, author.Name = &id, v.AuthorName
	}
	return discussionPostResponse{ID: v.ID, RoundID: v.RoundID, PracticeID: v.PracticeID, Body: v.Body, Author: author, Mine: v.Mine, CreatedAt: v.CreatedAt.UTC()}
}

type reminderRequest struct {
	Note string `json:"note,omitempty" validate:"max=2000"`
}

type reminderPracticeResponse struct {
	PracticeID uuid.UUID `json:"practice_id"`
	Title      string    `json:"title"`
	DueAt      time.Time `json:"due_at"`
}

type reminderRecipientResponse struct {
	ReviewerID uuid.UUID                  `json:"reviewer_id"`
	Name       string                     `json:"name"`
	Practices  []reminderPracticeResponse `json:"practices"`
	RemindedAt time.Time                  `json:"reminded_at"`
}

type reminderResponse struct {
	Sent    []reminderRecipientResponse `json:"sent"`
	Skipped []reminderRecipientResponse `json:"skipped"`
}

func toReminderRecipients(list []service.ReminderRecipient) []reminderRecipientResponse {
	out := make([]reminderRecipientResponse, len(list))
	for i, r := range list {
		ps := make([]reminderPracticeResponse, len(r.Practices))
		for j, p := range r.Practices {
			ps[j] = reminderPracticeResponse{PracticeID: p.PracticeID, Title: p.PracticeTitle, DueAt: p.DueAt.UTC()}
		}
		out[i] = reminderRecipientResponse{ReviewerID: r.ReviewerID, Name: r.Name, Practices: ps, RemindedAt: r.RemindedAt.UTC()}
	}
	return out
}

func toReminderResponse(r service.ReminderResult) reminderResponse {
	return reminderResponse{Sent: toReminderRecipients(r.Sent), Skipped: toReminderRecipients(r.Skipped)}
}
