// Package domain holds Peerbridge's entities, rules and error codes. It imports neither the web
// framework nor the storage layer.
package domain

import (
	"errors"
	"fmt"
)

// Code is a stable machine-readable error code; the HTTP layer maps each to a status in one table.
type Code string

const (
	CodeValidation         Code = "validation_failed"
	CodeBadRequest         Code = "bad_request"
	CodeNotFound           Code = "not_found"
	CodeForbidden          Code = "forbidden"
	CodeUnauthenticated    Code = "unauthenticated"
	CodeInvalidCredentials Code = "invalid_credentials"
	CodeTooManyAttempts    Code = "too_many_attempts"
	CodeTooManyExports     Code = "too_many_exports"
	// CodeTooManyRequests: a client (or everyone, for one object) sent as many requests of a
	// kind as the window allows; params: limit, retry_after (seconds, as in Retry-After).
	CodeTooManyRequests Code = "too_many_requests"
	// CodeNoContact: a practice of the public catalogue without a contact to write to.
	CodeNoContact           Code = "no_contact"
	CodeConflict            Code = "conflict"
	CodeEmailTaken          Code = "email_taken"
	CodeVersionMismatch     Code = "version_mismatch"
	CodePreconditionNeeded  Code = "precondition_required"
	CodeIdempotencyMismatch Code = "idempotency_key_reused"
	CodeIdempotencyPending  Code = "idempotency_key_in_progress"
	CodeInvitationUsed      Code = "invitation_not_usable"
	CodeLastCoordinator     Code = "last_coordinator"
	// CodeResetTokenInvalid: a password-reset token that is unknown, used or expired.
	CodeResetTokenInvalid Code = "reset_token_invalid"
	CodeUnavailable       Code = "service_unavailable"
	CodeBodyTooLarge      Code = "body_too_large"
	CodeUnsupportedMedia  Code = "unsupported_media_type"
	CodeMethodNotAllowed  Code = "method_not_allowed"
	CodeBusy              Code = "busy"
	CodeInternal          Code = "internal_error"
	CodeInvalidTransition Code = "invalid_status_transition"
	CodeNotEditable       Code = "practice_not_editable"
	CodeIncomplete        Code = "practice_incomplete"
	CodeNotDeletable      Code = "practice_not_deletable"
	CodeSameOrganisation  Code = "conflict_same_organisation"
	CodeSameCountry       Code = "conflict_same_country"
	CodeDeclaredConflict  Code = "conflict_declared"
	CodeLanguageMismatch  Code = "language_mismatch"
	CodeOverloaded        Code = "reviewer_overloaded"
	CodeAlreadyAssigned   Code = "already_assigned"
	CodeNotAReviewer      Code = "not_a_reviewer"
	CodeRubricInUse       Code = "rubric_in_use"
	CodeRoundState        Code = "round_not_open"
	CodeNotSubmittedYet   Code = "practice_not_submitted"
	CodeInOtherRound      Code = "practice_in_other_round"
	CodeNotInRound        Code = "practice_not_in_round"
	CodeAssignmentState   Code = "assignment_state"
	CodeReviewLocked      Code = "review_locked"
	CodeReviewOverdue     Code = "review_overdue"
	CodeReviewIncomplete  Code = "review_incomplete"
	CodeNotDecided        Code = "not_decided"
	// CodeCallClosed: the practice's call does not take submissions now (before it opens or
	// after it closes).
	CodeCallClosed Code = "call_closed"
	// Rebuttal (SPEC §7.2).
	CodeReviewsOutstanding Code = "reviews_outstanding" // params: outstanding
	CodeRebuttalClosed     Code = "rebuttal_closed"
	CodeAlreadyRevised     Code = "already_revised"
	CodeNotInRebuttal      Code = "round_not_in_rebuttal"
	CodePracticeDecided    Code = "practice_decided"
	// CodeScheduleInvalid: dates that are each well formed but do not fit together (a rebuttal
	// deadline before the review deadline); the fields name them.
	CodeScheduleInvalid Code = "schedule_invalid"
)

// CodeServerOverloaded: this server has more work than it can finish in time (an admission limit
// is full, or the request ran into its deadline) while the database is reachable.
const CodeServerOverloaded Code = "overloaded"

// FieldCode says what is wrong with a field, for clients that render their own words.
type FieldCode string

const (
	FieldRequired     FieldCode = "required"       // absent, or empty where a value is needed
	FieldNotNull      FieldCode = "not_null"       // null where the contract does not allow it
	FieldType         FieldCode = "wrong_type"     // params: expected
	FieldFormat       FieldCode = "invalid_format" // params: format (uuid, date, date-time, email, url, key, …)
	FieldTooLong      FieldCode = "too_long"       // params: max (characters or items)
	FieldTooShort     FieldCode = "too_short"      // params: min (characters or items)
	FieldTooLarge     FieldCode = "too_large"      // params: max
	FieldTooSmall     FieldCode = "too_small"      // params: min
	FieldOneOf        FieldCode = "not_allowed"    // params: allowed
	FieldNUL          FieldCode = "nul_character"  // text holds a NUL character
	FieldDuplicate    FieldCode = "duplicate"      // a list repeats a value
	FieldCountry      FieldCode = "invalid_country"
	FieldLanguage     FieldCode = "invalid_language"
	FieldUnknownTheme FieldCode = "unknown_theme" // params: value; not a theme key of the programmes in scope
	FieldInvalid      FieldCode = "invalid"       // a rule specific to the field; the message says which
	// Exchange activities (SPEC §7.4).
	FieldNotInProgramme    FieldCode = "not_in_programme"     // an organisation or practice that is not part of the programme
	FieldEndsBeforeStart   FieldCode = "ends_before_start"    // an end before its start
	FieldHostCount         FieldCode = "host_count"           // params: count; a peer-review meeting has exactly one host
	FieldSameCountryAsHost FieldCode = "same_country_as_host" // params: country; a peer comes from another country than the host
)

// FieldError names one invalid input field by its JSON path, with a code and its parameters.
type FieldError struct {
	Field   string
	Code    FieldCode
	Message string
	Params  map[string]any
}

// Error is the one application error type. Message is safe to show to the caller.
type Error struct {
	Code    Code
	Message string
	Fields  []FieldError
	// Params are the parameters of the code, for clients that render their own words.
	Params map[string]any
	// RetryAfter, in seconds, for throttling and outages.
	RetryAfter int
	cause      error
}

func (e *Error) Error() string {
	if e.cause != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.cause)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.cause }

// Errorf builds an Error with a formatted, caller-safe message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap keeps cause for logs while showing only message to the caller.
func Wrap(code Code, cause error, message string) *Error {
	return &Error{Code: code, Message: message, cause: cause}
}

// Invalid reports validation failures on named fields.
func Invalid(fields ...FieldError) *Error {
	for i := range fields {
		if fields[i].Code == "" {
			fields[i].Code = FieldInvalid
		}
	}
	return &Error{Code: CodeValidation, Message: "The request has invalid fields.", Fields: fields}
}

// Overloaded is the answer of a server that is too busy to finish a request in time; the caller
// should come back after retryAfter seconds.
func Overloaded(retryAfter int) *Error {
	return &Error{Code: CodeServerOverloaded, RetryAfter: max(1, retryAfter),
		Message: "The server is busy with other requests; try again shortly."}
}

// NotFound is the answer both for a missing id and for an object outside the caller's scope.
func NotFound(what string) *Error {
	return Errorf(CodeNotFound, "%s not found.", what)
}

// Forbidden is for an object the caller may see but not change.
func Forbidden(message string) *Error {
	return &Error{Code: CodeForbidden, Message: message}
}

// ErrorCode returns the code of err, or CodeInternal when err is not an *Error.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// IsCode reports whether err carries code.
func IsCode(err error, code Code) bool { return err != nil && ErrorCode(err) == code }
