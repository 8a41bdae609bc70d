package httpapi

import (
	"context"
	"fmt"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
	"github.com/peerbridge/peerbridge/internal/service"
)

// How answers are written: the helpers every handler shares.

// created answers 201 with Location and ETag.
func created(c *fiber.Ctx, location string, version int, body any) error {
	c.Location(location)
	etag(c, version)
	return c.Status(fiber.StatusCreated).JSON(body)
}

// etag sets the strong entity tag of version.
func etag(c *fiber.Ctx, version int) {
	c.Set(fiber.HeaderETag, fmt.Sprintf(`"%d"`, version))
}

// action is every state transition, POST /{things}/:id/{verb}: it reads the id (a malformed one
// is a 404 naming object), lets the service move the object, and answers with it through send.
func action[T any](c *fiber.Ctx, object string, do func(ctx context.Context, a *domain.Actor, id uuid.UUID) (T, error), send func(*fiber.Ctx, T) error) error {
	id, err := pathID(c, "id", object)
	if err != nil {
		return err
	}
	v, err := do(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return send(c, v)
}

// The send helpers answer 200 with one object and its ETag.

// sendVersioned answers 200 with body and the ETag of version.
func sendVersioned(c *fiber.Ctx, version int, body any) error {
	etag(c, version)
	return c.JSON(body)
}

func sendPractice(c *fiber.Ctx, p service.PracticeView) error {
	return sendVersioned(c, p.Version, toPracticeViewResponse(p))
}

func sendReview(c *fiber.Ctx, v service.ReviewView) error {
	return sendVersioned(c, v.Version, toOwnReviewResponse(v))
}

func sendRubric(c *fiber.Ctx, r domain.Rubric) error {
	return sendVersioned(c, r.Version, toRubricResponse(r))
}

func sendRound(c *fiber.Ctx, r domain.Round) error {
	return sendVersioned(c, r.Version, toRoundResponse(r))
}

func sendAssignment(c *fiber.Ctx, a domain.Assignment) error {
	return sendVersioned(c, a.Version, toAssignmentResponse(a))
}

// listResponse is the envelope of every list. TotalIsEstimate says total is an estimate of a
// large result (exact counts stop at a threshold).
type listResponse[T any] struct {
	Items           []T   `json:"items"`
	Page            int   `json:"page"`
	PageSize        int   `json:"page_size"`
	Total           int64 `json:"total"`
	TotalIsEstimate bool  `json:"total_is_estimate"`
}

func listOf[D, T any](p domain.Page[D], conv func(D) T) listResponse[T] {
	return listResponse[T]{Items: lists.NonNil(lists.Map(p.Items, conv)), Page: p.Page, PageSize: p.Size, Total: p.Total, TotalIsEstimate: p.TotalIsEstimate}
}
