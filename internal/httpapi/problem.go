package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/peerbridge/peerbridge/internal/domain"
	"github.com/peerbridge/peerbridge/internal/lists"
)

// statusOf is the one table from error code to HTTP status. Codes not listed are rule violations
// on an object's state (conflict_same_country, …) and answer 409.
var statusOf = map[domain.Code]int{
	domain.CodeValidation:          http.StatusBadRequest,
	domain.CodeBadRequest:          http.StatusBadRequest,
	domain.CodeNotFound:            http.StatusNotFound,
	domain.CodeForbidden:           http.StatusForbidden,
	domain.CodeUnauthenticated:     http.StatusUnauthorized,
	domain.CodeInvalidCredentials:  http.StatusUnauthorized,
	domain.CodeTooManyAttempts:     http.StatusTooManyRequests,
	domain.CodeTooManyExports:      http.StatusTooManyRequests,
	domain.CodeTooManyRequests:     http.StatusTooManyRequests,
	domain.CodeConflict:            http.StatusConflict,
	domain.CodeEmailTaken:          http.StatusConflict,
	domain.CodeVersionMismatch:     http.StatusPreconditionFailed,
	domain.CodePreconditionNeeded:  http.StatusPreconditionRequired,
	domain.CodeIdempotencyMismatch: http.StatusUnprocessableEntity,
	domain.CodeIdempotencyPending:  http.StatusConflict,
	domain.CodeInvitationUsed:      http.StatusConflict,
	domain.CodeLastCoordinator:     http.StatusConflict,
	domain.CodeResetTokenInvalid:   http.StatusGone,
	domain.CodeUnavailable:         http.StatusServiceUnavailable,
	domain.CodeBusy:                http.StatusServiceUnavailable,
	domain.CodeServerOverloaded:    http.StatusServiceUnavailable,
	domain.CodeBodyTooLarge:        http.StatusRequestEntityTooLarge,
	domain.CodeFileTooLarge:        http.StatusRequestEntityTooLarge,
	domain.CodeUnsupportedMedia:    http.StatusUnsupportedMediaType,
	domain.CodeMethodNotAllowed:    http.StatusMethodNotAllowed,
	domain.CodeInternal:            http.StatusInternalServerError,
	domain.CodeIncomplete:          http.StatusUnprocessableEntity,
	domain.CodeReviewIncomplete:    http.StatusUnprocessableEntity,
	domain.CodeCallClosed:          http.StatusConflict,
	domain.CodeScheduleInvalid:     http.StatusUnprocessableEntity,
}

// HTTPStatus returns the status for code.
func HTTPStatus(code domain.Code) int {
	if s, ok := statusOf[code]; ok {
		return s
	}
	return http.StatusConflict
}

// problem is an RFC 9457 body.
type problem struct {
	Type      string               `json:"type"`
	Title     string               `json:"title"`
	Status    int                  `json:"status"`
	Detail    string               `json:"detail,omitempty"`
	Code      domain.Code          `json:"code"`
	Errors    []fieldErrorResponse `json:"errors,omitempty"`
	Params    map[string]any       `json:"params,omitempty"`
	RequestID string               `json:"request_id,omitempty"`
}

// fieldErrorResponse names one invalid input field by its JSON path, with a code and its parameters.
type fieldErrorResponse struct {
	Field   string           `json:"field"`
	Code    domain.FieldCode `json:"code"`
	Message string           `json:"message"`
	Params  map[string]any   `json:"params,omitempty"`
}

func toFieldErrorResponses(in []domain.FieldError) []fieldErrorResponse {
	return lists.Map(in, func(e domain.FieldError) fieldErrorResponse { return fieldErrorResponse(e) })
}

// errorHandler is the one place where errors become responses. Internal errors are logged once,
// with the request id, and answered without any detail. An unreachable database arrives as
// domain.CodeUnavailable: the store translates driver errors before they leave it.
func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	var de *domain.Error
	var fe *fiber.Error
	switch {
	case errors.As(err, &de):
	case errors.Is(err, context.DeadlineExceeded):
		// The request ran out of its own time outside the store (which translates its own).
		de = domain.Overloaded(2)
	case errors.As(err, &fe):
		de = fromFiberError(fe)
	default:
		de = &domain.Error{Code: domain.CodeInternal, Message: "Something went wrong on our side; the error was logged."}
	}
	status := HTTPStatus(de.Code)
	if requestID(c) == "" {
		// Errors raised before any middleware ran (an oversized body) still get an id.
		id := uuid.NewString()
		c.Locals(requestIDKey, id)
		c.Set(fiber.HeaderXRequestID, id)
	}
	if status >= 500 {
		s.log.ErrorContext(c.UserContext(), "request failed", "request_id", requestID(c), "route", routePattern(c), "code", de.Code, "error", err.Error())
	}
	if de.RetryAfter > 0 {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(de.RetryAfter))
	}
	return writeProblem(c, status, de)
}

func writeProblem(c *fiber.Ctx, status int, de *domain.Error) error {
	for i := range de.Fields {
		if de.Fields[i].Code == "" {
			de.Fields[i].Code = domain.FieldInvalid
		}
	}
	body := problem{
		Type:      "https://peerbridge.eu/problems/" + string(de.Code),
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    de.Message,
		Code:      de.Code,
		Errors:    toFieldErrorResponses(de.Fields),
		Params:    de.Params,
		RequestID: requestID(c),
	}
	c.Status(status)
	c.Set(fiber.HeaderContentType, "application/problem+json")
	b, err := jsonMarshal(body)
	if err != nil {
		return err
	}
	return c.Send(b)
}

func fromFiberError(fe *fiber.Error) *domain.Error {
	switch fe.Code {
	case http.StatusNotFound:
		return domain.Errorf(domain.CodeNotFound, "No such resource.")
	case http.StatusMethodNotAllowed:
		return domain.Errorf(domain.CodeMethodNotAllowed, "This method is not allowed here.")
	case http.StatusRequestEntityTooLarge:
		return domain.Errorf(domain.CodeBodyTooLarge, "The request body is too large.")
	case http.StatusUnsupportedMediaType:
		return domain.Errorf(domain.CodeUnsupportedMedia, "Send the body as application/json.")
	case http.StatusRequestTimeout:
		return domain.Errorf(domain.CodeBadRequest, "The request took too long to arrive.")
	}
	if fe.Code >= 400 && fe.Code < 500 {
		return domain.Errorf(domain.CodeBadRequest, "The request could not be understood.")
	}
	return domain.Errorf(domain.CodeInternal, "Something went wrong on our side; the error was logged.")
}
