package httpapi

import (
	"time"

	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
)

type callRequest struct {
	Title       string    `json:"title" validate:"required,notblank,max=200"`
	Description string    `json:"description,omitempty" validate:"max=5000"`
	Themes      []string  `json:"themes,omitempty" validate:"max=30,unique,dive,key"`
	OpensAt     time.Time `json:"opens_at" validate:"required"`
	ClosesAt    time.Time `json:"closes_at" validate:"required"`
}

func (r callRequest) toInput() service.CallInput {
	return service.CallInput{Title: r.Title, Description: r.Description, Themes: lists.NonNil(r.Themes), OpensAt: r.OpensAt, ClosesAt: r.ClosesAt}
}

type callPatchRequest struct {
	Title       *string    `json:"title" validate:"omitempty,notblank,max=200"`
	Description *string    `json:"description" validate:"omitempty,max=5000"`
	Themes      *[]string  `json:"themes" validate:"omitempty,max=30,unique,dive,key"`
	OpensAt     *time.Time `json:"opens_at"`
	ClosesAt    *time.Time `json:"closes_at"`
}

func (r callPatchRequest) toPatch() service.CallPatch {
	return service.CallPatch{Title: r.Title, Description: r.Description, Themes: r.Themes, OpensAt: r.OpensAt, ClosesAt: r.ClosesAt}
}

type callResponse struct {
	ID                 uuid.UUID `json:"id"`
	ProgrammeID        uuid.UUID `json:"programme_id"`
	Title              string    `json:"title"`
	Description        string    `json:"description"`
	Themes             []string  `json:"themes"`
	OpensAt            time.Time `json:"opens_at"`
	ClosesAt           time.Time `json:"closes_at"`
	State              string    `json:"state"`
	SubmittedPractices int       `json:"submitted_practices"`
	Version            int       `json:"version"`
	CreatedAt          time.Time `json:"created_at"`
	UpdatedAt          time.Time `json:"updated_at"`
}

func toCallResponse(c service.CallView) callResponse {
	return callResponse{ID: c.ID, ProgrammeID: c.ProgrammeID, Title: c.Title, Description: c.Description, Themes: lists.NonNil(c.Themes),
		OpensAt: c.OpensAt.UTC(), ClosesAt: c.ClosesAt.UTC(), State: c.State, SubmittedPractices: c.SubmittedCount,
		Version: c.Version, CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC()}
}
